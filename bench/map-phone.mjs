// The map on a phone's network: 4× CPU throttling and Fast 3G (puppeteer's preset: 562.5 ms latency,
// 180 KB/s down), cache off, files served gzip -9 from loopback. Time from navigation to `chanrong-ready` for
// <chanrong-incubator-map> from the CDN build (dist/cdn, run `npm run build` first) with its bundled
// directory, beside the ECharts peer (echarts 4.9.0 from npm, the newest the registry serves to this project,
// with its China map, map/js/china.js) ready at its 'finished' event. Medians of BENCH_PHONE_RUNS runs (3).
// Also the first paint of the basemap (our first `chanrong-render`) and the bytes sent.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer, { PredefinedNetworkConditions } from 'puppeteer-core';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_PHONE_RUNS ?? 3);
const echartsDir = join(require.resolve('echarts/dist/echarts.min.js'), '../..');
const ours = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<body style="margin:0"><chanrong-incubator-map></chanrong-incubator-map>
<script>const el = document.querySelector('chanrong-incubator-map');
el.addEventListener('chanrong-render', () => { window.__paint ??= performance.now(); });
el.addEventListener('chanrong-ready', () => { window.__ready = performance.now(); });</script>
<script type="module" src="/dist/cdn/incubator-map.min.js"></script></body></html>`;
const peer = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<body style="margin:0"><div id="chart" style="width:100vw;height:75vw"></div>
<script src="/echarts/dist/echarts.min.js"></script><script src="/echarts/map/js/china.js"></script>
<script>const chart = echarts.init(document.getElementById('chart'));
chart.on('finished', () => { window.__paint ??= performance.now(); window.__ready ??= performance.now(); });
chart.setOption({ geo: { map: 'china', roam: true }, series: [{ type: 'scatter', coordinateSystem: 'geo',
  data: [[116.31, 39.98], [113.96, 22.59], [121.6, 31.2], [104.07, 30.58], [108.9, 34.2]] }] });</script></body></html>`;
let sent = 0;
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
  let body;
  if (path === '/ours.html' || path === '/peer.html') body = Buffer.from(path === '/ours.html' ? ours : peer);
  else if (path.startsWith('/echarts/')) body = readFileSync(join(echartsDir, path.slice('/echarts/'.length)));
  else if (path.startsWith('/dist/cdn/')) body = readFileSync(join(root, path));
  if (!body) { res.writeHead(404); return res.end(); }
  const gz = gzipSync(body, { level: 9 });
  sent += gz.length;
  res.writeHead(200, { 'content-type': extname(path) === '.html' ? 'text/html' : 'text/javascript', 'content-encoding': 'gzip' });
  res.end(gz);
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  const results = { ours: [], peer: [] };
  for (let run = 0; run < RUNS; run++) {
    for (const who of ['ours', 'peer']) {
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
      const r = await tab.evaluate(() => ({ ready: window.__ready, paint: window.__paint }));
      results[who].push({ ...r, kb: sent / 1024 });
      if (waterfall.length) console.log(`${who}: ready ${r.ready.toFixed(0)} ms, first paint ${r.paint?.toFixed(0)} ms\n${waterfall.map((w) => `  ${String(w.start).padStart(5)} → ${String(w.end ?? '?').padStart(5)}  ${w.url}`).join('\n')}`);
      await tab.close();
    }
  }
  const line = (label, rs) => `  ${label.padEnd(30)} ready ${med(rs.map((r) => r.ready)).toFixed(0).padStart(5)} ms   first paint ${med(rs.map((r) => r.paint)).toFixed(0).padStart(5)} ms   sent ${med(rs.map((r) => r.kb)).toFixed(0).padStart(4)} KB gzip`;
  console.log(`\nphone: 4× CPU throttling, Fast 3G (562.5 ms latency, 180 KB/s), cache off, medians of ${RUNS} runs (shared 2-core machine)`);
  console.log(line('chanrong-incubator-map (CDN)', results.ours));
  console.log(line('ECharts 4.9.0 + China map', results.peer));
  const ready = med(results.ours.map((r) => r.ready));
  console.log(`  aim: map ready ≤ 2000 ms: ${ready <= 2000 ? 'met' : 'NOT met'}`);
} finally {
  await browser.close();
  server.close();
}
