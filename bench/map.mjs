// npm run bench:map — bundles bench/map-page.ts from source with esbuild, serves it on loopback and drives it in
// Debian's headless Chromium with puppeteer-core: time to the first chanrong-render with 200,000 points set
// through the `incubators` property, frame intervals while zooming and panning, hover hit-test time; the same
// for 200,000 plain SVG circles drawn by d3; medians of several runs and the ratios.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const COUNT = Number(process.env.BENCH_POINTS ?? 200_000);
const root = new URL('..', import.meta.url).pathname;
const out = join(root, '.bench');
await build({ entryPoints: [join(root, 'bench/map-page.ts')], bundle: true, format: 'esm', splitting: true, outdir: out, target: 'es2022', minify: true, logLevel: 'error' });
const page = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><body style="margin:0"><script type="module" src="/map-page.js"></script></body></html>`;
const types = { '.js': 'text/javascript', '.html': 'text/html', '.json': 'application/json' };
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^\/+/, '');
  if (!path || path === 'index.html') { res.writeHead(200, { 'content-type': 'text/html' }); return res.end(page); }
  try {
    const body = await readFile(join(out, path));
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
    res.end(body);
  } catch { res.writeHead(404); res.end(); }
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const url = `http://127.0.0.1:${server.address().port}/?count=${COUNT}`;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--window-size=1280,900'],
});
const results = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const tab = await browser.newPage();
    await tab.setViewport({ width: 1280, height: 900 });
    tab.on('pageerror', (e) => console.error('page error:', e.message));
    if (process.env.BENCH_DEBUG) tab.on('console', (m) => console.error('console:', m.text()));
    if (process.env.BENCH_DEBUG) tab.on('response', (r) => { if (r.status() >= 400) console.error('http', r.status(), r.url()); });
    await tab.goto(url);
    await tab.waitForFunction(() => window.__bench, { timeout: 180_000, polling: 200 });
    results.push(await tab.evaluate(() => window.__bench));
    await tab.close();
  }
} finally {
  await browser.close();
  server.close();
}
const med = (f) => { const s = results.map(f).sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const f = (n, d = 1) => n.toFixed(d);
const o = (k) => med((r) => r.ours[k]), p = (k) => med((r) => r.peer[k]);
console.log(`incubator map, ${COUNT.toLocaleString('en-US')} points, headless Chromium (software rendering), medians of ${RUNS} runs`);
console.log(`first draw (incubators set → chanrong-render): chanrong ${f(o('firstDraw'), 0)} ms (draw itself ${f(o('firstDrawWork'))} ms) · d3 SVG ${f(p('firstDraw'), 0)} ms · ratio ${f(p('firstDraw') / o('firstDraw'))}× · aim ≤ 400 ms: ${o('firstDraw') <= 400 ? 'met' : 'NOT met'}`);
console.log(`zoom frames: chanrong median ${f(o('zoomMedian'))} ms, p95 ${f(o('zoomP95'))} ms · d3 SVG median ${f(p('zoomMedian'))} ms, p95 ${f(p('zoomP95'))} ms · p95 ratio ${f(p('zoomP95') / o('zoomP95'))}× · aim p95 ≤ 33 ms: ${o('zoomP95') <= 33 ? 'met' : 'NOT met'}`);
console.log(`pan frames:  chanrong median ${f(o('panMedian'))} ms, p95 ${f(o('panP95'))} ms · d3 SVG median ${f(p('panMedian'))} ms, p95 ${f(p('panP95'))} ms · p95 ratio ${f(p('panP95') / o('panP95'))}× · aim p95 ≤ 33 ms: ${o('panP95') <= 33 ? 'met' : 'NOT met'}`);
console.log(`hover hit-test: chanrong ${f(o('hoverMs') * 1000, 2)} µs (quadtree) · d3 SVG ${f(p('hoverMs') * 1000, 1)} µs (elementFromPoint) · ratio ${f(p('hoverMs') / o('hoverMs'), 0)}× · aim < 100 µs: ${o('hoverMs') < 0.1 ? 'met' : 'NOT met'}`);
