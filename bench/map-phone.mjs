// The map on a phone's network: 4× CPU throttling and Fast 3G (puppeteer's preset: 562.5 ms latency,
// 180 KB/s down), cache off, from loopback, each file compressed as a CDN sends it: gzip -9 by default,
// BENCH_PHONE_ENCODING=br for brotli (what jsDelivr and unpkg send a browser that asks for it; Chromium asks, even
// over http to 127.0.0.1). The page is the README's CDN embed for the map: one <script type="module"> naming
// dist/cdn/incubator-map.min.js (run `npm run build` first) and the tag, with the bundled directory. Three times:
//   map drawn   — the first `chanrong-render`: the basemap is on screen (the points may not be yet);
//   points      — the first `chanrong-render` with points: the directory's clusters drawn on it;
//   ready       — `chanrong-ready`.
// Beside the ECharts peer (echarts 4.9.0 from npm, the newest the registry serves to this project, with its China
// map, map/js/china.js; its 'finished' event is all three). Medians of BENCH_PHONE_RUNS runs (3), with the load
// average of the (shared) machine, and the bytes sent.
import { createServer } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { availableParallelism, loadavg } from 'node:os';
import puppeteer, { PredefinedNetworkConditions } from 'puppeteer-core';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_PHONE_RUNS ?? 3);
const ENCODING = process.env.BENCH_PHONE_ENCODING === 'br' ? 'br' : 'gzip';
const compress = (body) => (ENCODING === 'br' ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : gzipSync(body, { level: 9 }));
const echartsDir = join(require.resolve('echarts/dist/echarts.min.js'), '../..');
const ours = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<body style="margin:0"><chanrong-incubator-map></chanrong-incubator-map>
<script>const el = document.querySelector('chanrong-incubator-map');
el.addEventListener('chanrong-render', (e) => { window.__paint ??= performance.now(); if (e.detail.points > 0) window.__points ??= performance.now(); });
el.addEventListener('chanrong-ready', () => { window.__ready = performance.now(); });</script>
<script type="module" src="/dist/cdn/incubator-map.min.js"></script></body></html>`;
// The same page with the all-widgets file (the README's first snippet): the map's first paint then waits for the
// shared chunks and the lazily loaded light basemap, a round trip or two more.
const all = ours.replace('/dist/cdn/incubator-map.min.js', '/dist/cdn/chanrong.min.js');
const peer = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<body style="margin:0"><div id="chart" style="width:100vw;height:75vw"></div>
<script src="/echarts/dist/echarts.min.js"></script><script src="/echarts/map/js/china.js"></script>
<script>const chart = echarts.init(document.getElementById('chart'));
chart.on('finished', () => { window.__paint ??= performance.now(); window.__points ??= performance.now(); window.__ready ??= performance.now(); });
chart.setOption({ geo: { map: 'china', roam: true }, series: [{ type: 'scatter', coordinateSystem: 'geo',
  data: [[116.31, 39.98], [113.96, 22.59], [121.6, 31.2], [104.07, 30.58], [108.9, 34.2]] }] });</script></body></html>`;
let sent = 0;
// Compressed once, before any page is timed (as a CDN's edge has them; brotli -11 of ECharts takes seconds).
const encodedFiles = new Map();
const fileBody = (path) => {
  if (path === '/ours.html' || path === '/all.html' || path === '/peer.html') return Buffer.from({ '/ours.html': ours, '/all.html': all, '/peer.html': peer }[path]);
  if (path.startsWith('/echarts/')) return readFileSync(join(echartsDir, path.slice('/echarts/'.length)));
  if (path.startsWith('/dist/cdn/')) return readFileSync(join(root, path));
  return undefined;
};
const encodedOf = (path) => {
  if (!encodedFiles.has(path)) { const body = fileBody(path); encodedFiles.set(path, body && compress(body)); }
  return encodedFiles.get(path);
};
for (const p of ['/ours.html', '/all.html', '/peer.html', '/echarts/dist/echarts.min.js', '/echarts/map/js/china.js']) encodedOf(p);
const walk = (dir) => readdirSync(join(root, dir), { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(`${dir}/${e.name}`) : e.name.endsWith('.js') && encodedOf(`/${dir}/${e.name}`)));
walk('dist/cdn');
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
  let encoded;
  try { encoded = encodedOf(path); } catch { encoded = undefined; }
  if (!encoded) { res.writeHead(404); return res.end(); }
  sent += encoded.length;
  res.writeHead(200, { 'content-type': extname(path) === '.html' ? 'text/html' : 'text/javascript', 'content-encoding': ENCODING });
  res.end(encoded);
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  const results = { ours: [], all: [], peer: [] };
  for (let run = 0; run < RUNS; run++) {
    for (const who of ['ours', 'all', 'peer']) {
      const tab = await browser.newPage();
      await tab.setCacheEnabled(false);
      await tab.setViewport({ width: 390, height: 844, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
      await tab.emulateNetworkConditions(PredefinedNetworkConditions['Fast 3G']);
      await tab.emulateCPUThrottling(4);
      tab.on('pageerror', (e) => console.error(who, 'page error:', e.message));
      sent = 0;
      // BENCH_PHONE_WATERFALL=1: when each file was asked for and arrived (ms from navigation), for the first run.
      const waterfall = [];
      const t0 = Date.now();
      if (process.env.BENCH_PHONE_WATERFALL && run === 0) {
        tab.on('request', (r) => waterfall.push({ url: r.url().replace(base, ''), start: Date.now() - t0 }));
        tab.on('requestfinished', (r) => { const w = waterfall.find((x) => x.url === r.url().replace(base, '') && x.end === undefined); if (w) w.end = Date.now() - t0; });
      }
      await tab.goto(`${base}/${who}.html`);
      await tab.waitForFunction(() => window.__ready, { timeout: 60_000, polling: 100 });
      await tab.waitForFunction(() => window.__points, { timeout: 60_000, polling: 100 });
      const r = await tab.evaluate(() => ({ ready: window.__ready, paint: window.__paint, points: window.__points }));
      results[who].push({ ...r, kb: sent / 1024, load: loadavg()[0] });
      if (waterfall.length) console.log(`${who}: map drawn ${r.paint?.toFixed(0)} ms, points ${r.points?.toFixed(0)} ms, ready ${r.ready.toFixed(0)} ms\n${waterfall.map((w) => `  ${String(w.start).padStart(5)} → ${String(w.end ?? '?').padStart(5)}  ${w.url}`).join('\n')}`);
      await tab.close();
    }
  }
  const ms = (rs, k) => med(rs.map((r) => r[k])).toFixed(0).padStart(5);
  const line = (label, rs) => `  ${label.padEnd(30)} map drawn ${ms(rs, 'paint')} ms   points ${ms(rs, 'points')} ms   ready ${ms(rs, 'ready')} ms   sent ${med(rs.map((r) => r.kb)).toFixed(0).padStart(4)} KB ${ENCODING}`;
  const loads = Object.values(results).flat().map((r) => r.load);
  console.log(`\nphone: 4× CPU throttling, Fast 3G (562.5 ms latency, 180 KB/s), cache off, ${ENCODING}, medians of ${RUNS} runs; load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${availableParallelism()} cores`);
  console.log(line('incubator-map.min.js (CDN)', results.ours));
  console.log(line('chanrong.min.js (all widgets)', results.all));
  console.log(line('ECharts 4.9.0 + China map', results.peer));
  const drawn = med(results.ours.map((r) => r.paint));
  console.log(`  aim: the map drawn ≤ 2000 ms: ${drawn <= 2000 ? 'met' : 'NOT met'} (${drawn.toFixed(0)} ms; points ${med(results.ours.map((r) => r.points)).toFixed(0)} ms)`);
} finally {
  await browser.close();
  server.close();
}
