import centers from '../src/data/geo/centers.json' with { type: 'json' };
import { syntheticIncubators } from '../src/engine/directory/synthetic.js';
import { buildSpatialIndex } from '../src/engine/directory/spatial.js';
import { createDirectory } from '../src/engine/directory/directory.js';
const items = syntheticIncubators(1_000_000, centers, 42);
for (let k = 0; k < 2; k++) {
  let t = performance.now();
  const lon = new Float64Array(items.length), lat = new Float64Array(items.length);
  for (let i = 0; i < items.length; i++) { lon[i] = items[i]!.lon; lat[i] = items[i]!.lat; }
  console.log('extract', (performance.now() - t).toFixed(0));
  const g = buildSpatialIndex(lon, lat);
  let last = performance.now(), steps = 0, maxStep = 0;
  t = performance.now();
  for (;;) { const r = g.next(); const now = performance.now(); maxStep = Math.max(maxStep, now - last); last = now; steps++; if (r.done) break; }
  console.log('spatial', (performance.now() - t).toFixed(0), 'steps', steps, 'max step', maxStep.toFixed(1));
  t = performance.now();
  const d = createDirectory(items);
  await d.prepare({});
  console.log('directory prepare (sliced)', (performance.now() - t).toFixed(0));
}
