// npm run size — gzip -9 sizes of the CDN files against their budgets (fails above a budget), the lazily loaded
// chunks for information, and the map beside its anchor, ECharts 4.9.0's minified build, as the peer.
import { gzipSync } from 'node:zlib';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const cdn = new URL('../dist/cdn/', import.meta.url).pathname;
if (!existsSync(cdn)) {
  console.error('dist/cdn is missing: run npm run build first');
  process.exit(2);
}
const BUDGETS = { 'chanrong.min.js': 100, 'eligibility-checker.min.js': 30, 'financing-calculator.min.js': 40, 'incubator-map.min.js': 60 };
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes) => (bytes / 1024).toFixed(1);
let failed = 0;
console.log('CDN entry files, gzip -9 (the basemap and other lazily loaded data are separate chunks):');
for (const [file, budget] of Object.entries(BUDGETS)) {
  const size = gz(join(cdn, file));
  const ok = size <= budget * 1024;
  if (!ok) failed++;
  console.log(`  ${file.padEnd(30)} ${kb(size).padStart(6)} KB  budget ${String(budget).padStart(3)} KB  ${((size / (budget * 1024)) * 100).toFixed(0).padStart(3)}%  ${ok ? 'ok' : 'OVER BUDGET'}`);
}
console.log('Lazily loaded chunks (fetched only when used: the embedded data and engines, the HTTP client, the basemap):');
const chunks = readdirSync(join(cdn, 'chunks')).filter((f) => f.endsWith('.js'));
const byKind = new Map();
for (const f of chunks) {
  const kind = f.replace(/-[\w-]{8}\.js$/, '');
  byKind.set(kind, Math.max(byKind.get(kind) ?? 0, gz(join(cdn, 'chunks', f))));
}
for (const [kind, size] of [...byKind].sort()) console.log(`  ${kind.padEnd(30)} ${kb(size).padStart(6)} KB (largest copy)`);
try {
  const peer = gz(require.resolve('echarts/dist/echarts.min.js'));
  const map = gz(join(cdn, 'incubator-map.min.js'));
  console.log(`Peer: ECharts 4.9.0 echarts.min.js ${kb(peer)} KB gzip; incubator-map.min.js is ${(peer / map).toFixed(1)}× smaller`);
} catch {
  console.log('Peer: ECharts is not installed (dev dependency); skipped');
}
if (failed) {
  console.error(`${failed} file(s) over budget`);
  process.exit(1);
}
