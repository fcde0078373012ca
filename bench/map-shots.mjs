// node bench/map-shots.mjs [outdir] — screenshots of the map for a human to look at (not a test): desktop and
// 320 px, light and dark, national view, zoomed in, choropleth, a search. Bundles src/define.ts with esbuild,
// serves it on loopback, shoots with Debian's headless Chromium. Writes PNGs to outdir (default /tmp/map-shots).
// SHOTS_LIGHT=1 shoots the light basemap of the first paint (the full one is refused); SHOTS=a,b picks shots.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';
import { directoryWorker, WORKER_ENTRY } from '../scripts/esbuild-worker.mjs';

const root = new URL('..', import.meta.url).pathname;
const outdir = process.argv[2] ?? '/tmp/map-shots';
mkdirSync(outdir, { recursive: true });
const bundle = join(root, '.bench/shots');
await build({ entryPoints: { define: join(root, 'src/define.ts'), ...Object.fromEntries(Object.entries(WORKER_ENTRY).map(([k, v]) => [k, join(root, v)])) }, plugins: [directoryWorker()], bundle: true, format: 'esm', splitting: true, outdir: bundle, target: 'es2022', logLevel: 'error' });
const page = (attrs) => `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<body style="margin:8px;font-family:sans-serif"><chanrong-incubator-map ${attrs}></chanrong-incubator-map><script type="module" src="/define.js"></script></body></html>`;
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/') { res.writeHead(200, { 'content-type': 'text/html' }); return res.end(page(url.searchParams.get('attrs') ?? '')); }
  // SHOTS_LIGHT=1: the full-detail basemap never arrives, so the shots show the light one (the first paint's).
  if (process.env.SHOTS_LIGHT === '1' && /\/(topology|labels)-[^/]*\.js$/.test(url.pathname)) { res.writeHead(404); return res.end(); }
  try {
    const body = readFileSync(join(bundle, normalize(url.pathname).replace(/^\/+/, '')));
    res.writeHead(200, { 'content-type': extname(url.pathname) === '.js' ? 'text/javascript' : 'application/octet-stream' });
    res.end(body);
  } catch { res.writeHead(404); res.end(); }
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const shots = [
  { name: 'desktop-zh-CN', width: 1280, attrs: '' },
  { name: 'narrow-320-zh-CN', width: 320, attrs: '' },
  { name: 'desktop-dark-en', width: 1280, attrs: 'theme="dark" locale="en"' },
  { name: 'desktop-zoomed-zh-TW', width: 1280, attrs: 'locale="zh-TW"', act: 'zoom' },
  { name: 'desktop-choropleth-zh-CN', width: 1280, attrs: '', act: 'choropleth' },
  { name: 'desktop-synthetic-200k', width: 1280, attrs: '', act: 'synthetic' },
  { name: 'desktop-search-zh-CN', width: 1280, attrs: '', act: 'search' },
];
const only = process.env.SHOTS?.split(',');
try {
  for (const s of shots.filter((x) => !only || only.includes(x.name))) {
    const tab = await browser.newPage();
    tab.on('pageerror', (e) => console.error(s.name, 'page error:', e.message));
    await tab.setViewport({ width: s.width, height: 900, deviceScaleFactor: 1 });
    await tab.goto(`${base}?attrs=${encodeURIComponent(s.attrs)}`);
    await tab.waitForFunction(() => document.querySelector('chanrong-incubator-map')?.shadowRoot?.querySelector('canvas'), { timeout: 30_000 });
    await tab.evaluate(async (act) => {
      const el = document.querySelector('chanrong-incubator-map');
      const rendered = () => new Promise((r) => { el.addEventListener('chanrong-render', r, { once: true }); setTimeout(r, 5000); });
      await new Promise((r) => { el.addEventListener('chanrong-ready', r, { once: true }); setTimeout(r, 8000); });
      const root = el.shadowRoot;
      if (act === 'zoom') { const f = root.querySelector('.map-focus'); for (let i = 0; i < 3; i++) { const r = rendered(); f.dispatchEvent(new KeyboardEvent('keydown', { key: '+', bubbles: true })); await r; } }
      if (act === 'choropleth') { const r = rendered(); root.querySelectorAll('fieldset.modes input')[1].click(); await r; }
      if (act === 'search') { const i = root.querySelector('input[type=search]'); i.value = '深圳'; i.dispatchEvent(new Event('input')); await rendered(); }
      await new Promise((r) => setTimeout(r, 300));
    }, s.act);
    if (s.act === 'synthetic') {
      await tab.addScriptTag({ type: 'module', content: `
        import('/define.js');
        const el = document.querySelector('chanrong-incubator-map');
        const n = 200000, items = [];
        let seed = 7; const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
        const centers = [[116.4, 39.9], [121.47, 31.23], [113.95, 22.54], [104.06, 30.67], [114.3, 30.6], [108.9, 34.3], [87.6, 43.8], [126.6, 45.8], [112.5, 15.5]];
        for (let i = 0; i < n; i++) { const c = centers[i % centers.length]; const g = () => (rnd() + rnd() + rnd() - 1.5) * 3;
          items.push({ id: 's' + i, name: { 'zh-CN': '示例 ' + i }, kind: 'incubator', level: 'local', lon: c[0] + g(), lat: c[1] + g() * 0.8, adcode: '110000', industries: ['ai'] }); }
        el.addEventListener('chanrong-render', (e) => { if (e.detail.points > 0) window.__drawn = true; });
        el.incubators = items;` });
      await tab.waitForFunction(() => window.__drawn, { timeout: 60_000 });
      await new Promise((r) => setTimeout(r, 500));
    }
    const el = await tab.$('chanrong-incubator-map');
    await el.screenshot({ path: join(outdir, `${s.name}.png`) });
    console.log(join(outdir, `${s.name}.png`));
    await tab.close();
  }
} finally {
  await browser.close();
  server.close();
}
