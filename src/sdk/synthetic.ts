// Seeded synthetic incubators placed around the bundled provincial reference points, for demos and benchmarks.
import centers from '../data/geo/centers.json' with { type: 'json' };
import type { Incubator } from '../contract/index.js';
import { syntheticIncubators as generate } from '../engine/directory/synthetic.js';

/** `count` fictitious incubators ("示例孵化载体 n"); the same seed gives the same directory. */
export function syntheticIncubators(count: number, seed = 2025): Incubator[] {
  return generate(count, centers, seed);
}
