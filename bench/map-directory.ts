// npm run bench:map-directory — the directory engine as the reference server uses it (remote mode): a
// 1,000,000-entry directory, its index built once, then viewport queries like a map's (national view to
// street level, random pans) timed one by one: median and p95. Aim: p95 ≤ 20 ms. Also the list query, a
// filtered view (first query builds the filter's index; later ones reuse it), a whole-directory search and
// region statistics (first and cached). Medians on a loaded 2-core machine: run it alone when you can.
import centers from '../src/data/geo/centers.json' with { type: 'json' };
import { searchData } from '../src/data/geo/search.js';
import { createDirectory } from '../src/engine/directory/directory.js';
import { mulberry32, syntheticIncubators } from '../src/engine/directory/synthetic.js';

const COUNT = Number(process.env.BENCH_POINTS ?? 1_000_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 400);
const rnd = mulberry32(99);
const t0 = performance.now();
const items = syntheticIncubators(COUNT, centers, 42);
const generated = performance.now() - t0;
const dir = createDirectory(items, { search: searchData });
const t1 = performance.now();
dir.query({ zoom: 3, limit: 2000 });
const built = performance.now() - t1;
const quantile = (xs: number[], q: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * q))]!; };
const time = (f: () => unknown) => { const s = performance.now(); f(); return performance.now() - s; };

// Viewports of a 1280 × 900 map: at zoom z a degree of longitude is 256·2^z/360 px.
function viewport(): { bbox: [number, number, number, number]; zoom: number } {
  const zoom = 3 + rnd() * 9;
  const c = centers[Math.floor(rnd() * centers.length)]!;
  const w = (1280 * 360) / (256 * 2 ** zoom), h = (900 * 360) / (256 * 2 ** zoom) / 1.25;
  const lon = c.lon + (rnd() - 0.5) * w, lat = c.lat + (rnd() - 0.5) * h;
  return { bbox: [Math.max(-180, lon - w / 2), Math.max(-90, lat - h / 2), Math.min(180, lon + w / 2), Math.min(90, lat + h / 2)], zoom };
}
const clusterTimes: number[] = [], listTimes: number[] = [];
let shown = 0;
for (let i = 0; i < QUERIES; i++) {
  const v = viewport();
  clusterTimes.push(time(() => { shown += dir.query({ ...v, limit: 2000 }).clusters.length; }));
  listTimes.push(time(() => dir.query({ bbox: v.bbox, limit: 1000 })));
}
const national = Array.from({ length: 50 }, () => time(() => dir.query({ bbox: [73, 3, 136, 54], zoom: 3.6, limit: 2000 })));
const filteredFirst = time(() => dir.query({ level: 'national', zoom: 4, limit: 2000 }));
const filtered = Array.from({ length: 50 }, () => { const v = viewport(); return time(() => dir.query({ ...v, level: 'national', limit: 2000 })); });
const searchFirst = time(() => dir.query({ q: 'shenzhen', limit: 50 }));
const search = time(() => dir.query({ q: '深圳', limit: 50 }));
const statsFirst = time(() => dir.regionStats({}, { '440000': { 'zh-CN': '广东省' } }));
const stats = time(() => dir.regionStats({}, { '440000': { 'zh-CN': '广东省' } }));
const heap = process.memoryUsage().heapUsed / 2 ** 20;
const f = (n: number) => n.toFixed(2);
console.log(`directory engine, ${COUNT.toLocaleString('en-US')} entries (generated in ${generated.toFixed(0)} ms), Node ${process.version}, shared 2-core machine`);
console.log(`index built once: ${built.toFixed(0)} ms; heap ${heap.toFixed(0)} MB`);
console.log(`viewport cluster queries (${QUERIES}, zoom 3–12, limit 2000): median ${f(quantile(clusterTimes, 0.5))} ms, p95 ${f(quantile(clusterTimes, 0.95))} ms, max ${f(quantile(clusterTimes, 1))} ms · aim p95 ≤ 20 ms: ${quantile(clusterTimes, 0.95) <= 20 ? 'met' : 'NOT met'}`);
console.log(`national view (1M in view): median ${f(quantile(national, 0.5))} ms, p95 ${f(quantile(national, 0.95))} ms`);
console.log(`viewport list queries (limit 1000): median ${f(quantile(listTimes, 0.5))} ms, p95 ${f(quantile(listTimes, 0.95))} ms`);
console.log(`level filter: first query (builds its index) ${f(filteredFirst)} ms, then p95 ${f(quantile(filtered, 0.95))} ms`);
console.log(`search over the whole directory: first ("shenzhen", builds the search text) ${f(searchFirst)} ms, next ("深圳") ${f(search)} ms`);
console.log(`region stats: first ${f(statsFirst)} ms, cached ${f(stats)} ms · clusters shown in total ${shown}`);
