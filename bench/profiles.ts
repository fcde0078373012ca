// Seeded generation of complete enterprise profiles for benchmarks (every fact answered, so two-valued
// engines and ours must agree on every program).
import type { Catalog, FactDef, Profile } from '../src/contract/index.js';
import { regions } from '../src/data/regions/index.js';

export { mulberry32 as random } from '../src/engine/directory/synthetic.js';
import { mulberry32 as random } from '../src/engine/directory/synthetic.js';

const cityCodes = regions.flatMap((r) => (r.cities.length ? r.cities.map((c) => c.adcode) : [r.adcode]));

function value(def: FactDef, rnd: () => number): Profile[string] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const options = def.options?.map((o) => o.value) ?? [];
  switch (def.type) {
    case 'boolean': return rnd() < 0.5;
    case 'enum': return rnd() < 0.6 && options.includes('enterprise') ? 'enterprise' : pick(options);
    case 'enum-set': return options.filter(() => rnd() < 0.3);
    case 'integer': {
      const min = def.min ?? 0, max = Math.min(def.max ?? 200, min + 200);
      return min + Math.floor(rnd() * (max - min + 1));
    }
    case 'number': {
      const min = def.min ?? 0, max = Math.min(def.max ?? 100, min + 2000);
      return Math.round((min + rnd() * (max - min)) * 100) / 100;
    }
    case 'date': {
      const day = Math.floor(rnd() * 365 * 12);
      return new Date(Date.UTC(2014, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    }
    case 'region': return pick(cityCodes);
    case 'string': return `s${Math.floor(rnd() * 100)}`;
  }
}

export function generateProfiles(catalog: Catalog, count: number, seed = 20251124): Profile[] {
  const rnd = random(seed);
  const facts = Object.entries(catalog.facts);
  return Array.from({ length: count }, () => Object.fromEntries(facts.map(([id, def]) => [id, value(def, rnd)])));
}
