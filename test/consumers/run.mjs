// npm run test:consumers — the package as a portal developer meets it. Packs the tarball, installs it (with only
// the dependencies a consumer gets) into fresh apps under a temporary folder, builds each app for production —
// vanilla TypeScript with Vite, Rollup (after tsc) and esbuild; per-tag entries with the same three; React 19 with
// chanrong/react and Vue 3 with isCustomElement, both with Vite — type-checks the TypeScript apps with
// skipLibCheck: false, serves every build on 127.0.0.1 and asserts in headless Chromium that each expected tag is
// defined (and no other), that every widget fires chanrong-ready and that the calculator delivers chanrong-quote.
//
// Options (environment): CHANRONG_PACKAGE_DIR=path packs another checkout (e.g. an old main, to show the test
// fails there); KEEP=1 keeps the temporary folder. The package is built first when dist/ is missing or older
// than src/ (CI runs `npm run build` just before, so it is reused).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const pkgDir = resolve(process.env.CHANRONG_PACKAGE_DIR ?? repo);
const started = Date.now();
const log = (msg) => console.log(`[consumers ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${msg}`);
const results = [];
const check = (name, ok, detail = '') => {
  results.push({ name, ok });
  console.log(`${ok ? 'ok' : 'not ok'} - ${name}${detail ? ` (${detail})` : ''}`);
};

function run(cmd, args, cwd, { allowFail = false } = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' }, maxBuffer: 64 << 20 });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0 && !allowFail) throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) exited ${r.status}:\n${out.slice(-4000)}`);
  return { ok: r.status === 0, out };
}

// --- 1. the tarball -------------------------------------------------------------------------------------------
const newest = (dir) => readdirSync(dir, { withFileTypes: true, recursive: true })
  .filter((e) => e.isFile()).reduce((max, e) => Math.max(max, statSync(join(e.parentPath ?? e.path, e.name)).mtimeMs), 0);
// dist/cdn/integrity.json is the last file `npm run build` writes.
const marker = join(pkgDir, 'dist/cdn/integrity.json');
const distStale = !existsSync(marker) || newest(join(pkgDir, 'src')) > statSync(marker).mtimeMs;
if (distStale) {
  log(`building the package in ${pkgDir}`);
  run('npm', ['run', 'build', '--silent'], pkgDir);
}
const work = mkdtempSync(join(tmpdir(), 'chanrong-consumers-'));
log(`packing ${pkgDir} into ${work}`);
const packed = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], pkgDir).out.replace(/^[^[]*/, ''));
const tarball = join(work, packed[0].filename);
const packedFiles = packed[0].files.map((f) => f.path);

// --- 2. fresh apps, one install -------------------------------------------------------------------------------
// The apps share one node_modules (one npm install, from the cache when it can): the tarball with its own
// dependencies, and the tools a portal developer would add, at the versions this repository locks.
const version = (name) => JSON.parse(readFileSync(join(repo, 'node_modules', name, 'package.json'), 'utf8')).version;
const tools = ['@types/node', 'vite', '@vitejs/plugin-react', '@vitejs/plugin-vue', 'react', 'react-dom', '@types/react', '@types/react-dom', 'vue', 'vue-tsc', 'typescript', 'rollup', '@rollup/plugin-node-resolve', 'esbuild'];
writeFileSync(join(work, 'package.json'), JSON.stringify({
  name: 'chanrong-consumers', private: true, type: 'module',
  dependencies: { chanrong: `file:./${packed[0].filename}`, ...Object.fromEntries(tools.map((t) => [t, version(t)])) },
}, null, 2));
cpSync(join(here, 'apps'), join(work, 'apps'), { recursive: true });
const recorder = readFileSync(join(here, 'record-events.html'), 'utf8');
for (const app of readdirSync(join(work, 'apps'))) {
  const html = join(work, 'apps', app, 'index.html');
  writeFileSync(html, readFileSync(html, 'utf8').replace('<!--record-events-->', recorder.trim()));
}
log('npm install (prefer offline)');
run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], work);
const bin = (name) => join(work, 'node_modules/.bin', name);

// --- 3. production builds and type checks ------------------------------------------------------------------------
const builds = []; // { app, bundler, dir }
const buildErrors = [];
const attempt = (name, fn) => {
  try {
    fn();
    return true;
  } catch (error) {
    buildErrors.push(name);
    check(name, false, String(error.message).split('\n').slice(0, 30).join('\n   '));
    return false;
  }
};
for (const app of ['vanilla', 'per-tag', 'react', 'vue']) {
  const dir = join(work, 'apps', app);
  const ts = existsSync(join(dir, 'tsconfig.json'));
  if (ts) {
    // tsc with skipLibCheck: false over everything the app reaches in chanrong's .d.ts; the vanilla apps emit
    // JavaScript that Rollup then bundles (the tsc + Rollup pipeline).
    const emit = app === 'vanilla' || app === 'per-tag';
    const r = run(bin(app === 'vue' ? 'vue-tsc' : 'tsc'), ['-p', 'tsconfig.json', ...(emit ? [] : ['--noEmit'])], dir, { allowFail: true });
    check(`${app}: ${app === 'vue' ? 'vue-tsc' : 'tsc'} (skipLibCheck false) accepts the app with no cast`, r.ok, r.ok ? '' : r.out.trim().split('\n').slice(0, 20).join('\n   '));
  }
  if (attempt(`${app}: vite build`, () => run(bin('vite'), ['build', '--base', './', '--outDir', 'dist-vite', '--emptyOutDir', '--logLevel', 'warn'], dir))) {
    builds.push({ app, bundler: 'vite', dir: join(dir, 'dist-vite') });
  }
  if (app === 'vanilla' || app === 'per-tag') {
    const html = readFileSync(join(dir, 'index.html'), 'utf8').replace('./main.ts', './main.js');
    if (attempt(`${app}: rollup build`, () => {
      mkdirSync(join(dir, 'dist-rollup'), { recursive: true });
      run(bin('rollup'), ['tsc-out/main.js', '--format', 'es', '--dir', 'dist-rollup', '--plugin', '@rollup/plugin-node-resolve={browser:true}', '--silent'], dir);
      writeFileSync(join(dir, 'dist-rollup/index.html'), html);
    })) builds.push({ app, bundler: 'rollup', dir: join(dir, 'dist-rollup') });
    if (attempt(`${app}: esbuild build`, () => {
      run(bin('esbuild'), ['main.ts', '--bundle', '--minify', '--format=esm', '--splitting', '--outdir=dist-esbuild', '--log-level=warning'], dir);
      writeFileSync(join(dir, 'dist-esbuild/index.html'), html);
    })) builds.push({ app, bundler: 'esbuild', dir: join(dir, 'dist-esbuild') });
  }
}
log(`${builds.length} production builds`);
// Importing one widget does not pull the others: the per-tag builds carry none of the map's code (its
// `review-number` attribute), which the all-tags builds do.
const jsText = (dir) => readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.js')).map((f) => readFileSync(join(dir, String(f)), 'utf8')).join('\n');
for (const { app, bundler, dir } of builds.filter((b) => b.app === 'per-tag' || b.app === 'vanilla')) {
  const hasMap = jsText(dir).includes('review-number');
  check(`${app} (${bundler}): the map's code is ${app === 'per-tag' ? 'absent' : 'present'}`, hasMap === (app === 'vanilla'));
}

// --- 3b. the Node entries, as a bank's or a province's Node app meets them -----------------------------------------
// Every entry the README and the contract name for Node, imported from the installed tarball by a plain ESM script
// and type-checked by tsc (module nodenext, skipLibCheck false): chanrong/screening (compileCatalogToSql gives the
// query as a string), chanrong/sdk on the embedded default (a check and a record that verifies), chanrong/server on
// 127.0.0.1 (port 0). chanrong/screening was documented and not exported until 2026-11-27.
{
  const dir = join(work, 'node-app');
  mkdirSync(dir, { recursive: true });
  const catalog = JSON.parse(readFileSync(join(repo, 'src/data/catalog/catalog.json'), 'utf8'));
  const script = [
    "import { createLocalClient, verifyRecord } from 'chanrong/sdk';",
    "import { startServer } from 'chanrong/server';",
    // JSON.parse: a catalog read from a file, as an app has it (typed any, checked by the library at run time).
    `const catalog = JSON.parse(${JSON.stringify(JSON.stringify(catalog))});`,
    'const out = Object.create(null);',
    // Imported where it is used, so that a missing entry fails its own check and no other.
    "try { const { compileCatalogToSql, compileScreening } = await import('chanrong/screening'); const sql = compileCatalogToSql(catalog, { dialect: 'postgres', table: 'enterprises', asOf: '2026-11-27' }); out.sqlIsString = typeof sql === 'string' && /FROM enterprises/.test(sql); out.sameSql = compileScreening(catalog, { dialect: 'postgres', table: 'enterprises', asOf: '2026-11-27' }).sql === sql; } catch (e) { out.screeningError = String(e); }",
    "const client = createLocalClient();",
    "const report = await client.eligibility.check({ profile: {}, asOf: '2026-11-27' });",
    "out.checked = report.results.length > 0;",
    "const record = await client.eligibility.record({ profile: {}, asOf: '2026-11-27' });",
    "out.verified = (await verifyRecord(record)).ok === true;",
    "const server = await startServer({ port: 0, host: '127.0.0.1', workers: 0 });",
    "try { const r = await fetch(`${server.url}/v1/health`); out.health = r.status === 200 && (await r.json()).status === 'ok'; } finally { await server.close(); }",
    "console.log('RESULT ' + JSON.stringify(out));",
  ].join('\n');
  writeFileSync(join(dir, 'main.mjs'), script);
  writeFileSync(join(dir, 'main.ts'), script);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: ['node'] }, files: ['main.ts'] }, null, 2));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, type: 'module' }));
  const r = run(process.execPath, ['main.mjs'], dir, { allowFail: true });
  const line = r.out.split('\n').find((l) => l.startsWith('RESULT '));
  const got = line ? JSON.parse(line.slice('RESULT '.length)) : {};
  const why = (ok, detail) => (ok ? '' : detail ?? r.out.trim().split('\n').slice(-8).join('\n   '));
  const screening = got.sqlIsString === true && got.sameSql === true;
  check('node: chanrong/screening gives compileCatalogToSql the query as a string', screening, why(screening, got.screeningError));
  const sdk = got.checked === true && got.verified === true;
  check('node: chanrong/sdk checks and records on the embedded default, and the record verifies', sdk, why(sdk));
  check('node: chanrong/server serves /v1/health on 127.0.0.1', got.health === true, why(got.health === true));
  const t = run(bin('tsc'), ['-p', 'tsconfig.json'], dir, { allowFail: true });
  check('node: tsc (nodenext, skipLibCheck false) types the Node entries with no cast', t.ok, t.ok ? '' : t.out.trim().split('\n').slice(0, 20).join('\n   '));
}

// --- 4. the builds and the CDN files in Chromium ------------------------------------------------------------------
const ALL = ['chanrong-services', 'chanrong-eligibility-checker', 'chanrong-financing-calculator', 'chanrong-incubator-map'];
const expected = {
  vanilla: { defined: ALL, ready: ['chanrong-eligibility-checker', 'chanrong-financing-calculator', 'chanrong-incubator-map'], quotes: 1, typed: ['__typedRate'] },
  'per-tag': { defined: ['chanrong-services', 'chanrong-financing-calculator', 'portal-checker'], ready: ['chanrong-financing-calculator', 'portal-checker'], quotes: 1, typed: ['__typedRows'] },
  react: { defined: ALL, ready: ['chanrong-eligibility-checker', 'chanrong-financing-calculator', 'chanrong-incubator-map'], quotes: 2, typed: ['__typedRate', '__rawRender'] },
  vue: { defined: ALL, ready: ['chanrong-eligibility-checker', 'chanrong-financing-calculator', 'chanrong-incubator-map'], quotes: 1 },
};
const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
/** A static server on 127.0.0.1 (port 0). `rewrite` maps a request path to a file; `headers` are added. */
async function serve(rootDir, { headers = {}, rewrite = (p) => p } = {}) {
  const requests = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '/');
    const path = rewrite(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(rootDir, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(rootDir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { base: `http://127.0.0.1:${server.address().port}`, requests, close: () => server.close() };
}
const site = await serve(work);
// The CDN files from the installed tarball, on another origin (as a CDN is), with the CORS header module scripts
// need; a renamed entry (chanrong.0.2.0.min.js) is the same file under another name.
const cdnDir = join(work, 'node_modules/chanrong/dist/cdn');
const cdn = await serve(cdnDir, { headers: { 'access-control-allow-origin': '*' }, rewrite: (p) => p.replace('/chanrong.0.2.0.min.js', '/chanrong.min.js') });
const noCors = await serve(cdnDir);
// The CDN files without chunks/: the map's file alone must still draw the map (its first paint needs no other file).
const chunkless = await serve(cdnDir, { headers: { 'access-control-allow-origin': '*' }, rewrite: (p) => (p.startsWith('/chunks/') ? '/missing' : p) });

// CDN pages: written into the site; each names the tags it expects.
const widgets = {
  checker: '<chanrong-eligibility-checker></chanrong-eligibility-checker>',
  calculator: '<chanrong-financing-calculator principal="300000" term-months="12"></chanrong-financing-calculator>',
  map: '<chanrong-incubator-map></chanrong-incubator-map>',
};
const cdnPage = (scripts, body, head = '') => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,">${recorder}${head}${scripts.map((src) => `<script type="module" src="${src}" crossorigin="anonymous"></script>`).join('')}</head><body><chanrong-services>${body}</chanrong-services></body></html>`;
const integrity = JSON.parse(readFileSync(join(cdnDir, 'integrity.json'), 'utf8'));
const importMap = { imports: {}, integrity: Object.fromEntries(Object.entries(integrity).map(([f, h]) => [`${cdn.base}/${f}`, h])) };
const READY3 = ['chanrong-eligibility-checker', 'chanrong-financing-calculator', 'chanrong-incubator-map'];
const cdnPages = {
  'two per-widget files': { html: cdnPage([`${cdn.base}/eligibility-checker.min.js`, `${cdn.base}/financing-calculator.min.js`], widgets.checker + widgets.calculator), defined: ['chanrong-services', 'chanrong-eligibility-checker', 'chanrong-financing-calculator'], ready: ['chanrong-eligibility-checker', 'chanrong-financing-calculator'], quotes: 1 },
  'renamed entry chanrong.0.2.0.min.js': { html: cdnPage([`${cdn.base}/chanrong.0.2.0.min.js`], widgets.checker + widgets.calculator + widgets.map), defined: ALL, ready: READY3, quotes: 1 },
  'entries with ?v= queries': { html: cdnPage([`${cdn.base}/chanrong.min.js?v=2`, `${cdn.base}/incubator-map.min.js?v=3`], widgets.checker + widgets.calculator + widgets.map), defined: ALL, ready: READY3, quotes: 1 },
  'one per-widget file, with <chanrong-services>': { html: cdnPage([`${cdn.base}/incubator-map.min.js`], widgets.map), defined: ['chanrong-services', 'chanrong-incubator-map'], ready: ['chanrong-incubator-map'], quotes: 0 },
  'import map with integrity for every chunk': { html: cdnPage([`${cdn.base}/chanrong.min.js`], widgets.checker + widgets.calculator + widgets.map, `<script type="importmap">${JSON.stringify(importMap)}</script>`), defined: ALL, ready: READY3, quotes: 1, pinned: true },
};
mkdirSync(join(work, 'cdn-pages'), { recursive: true });
Object.entries(cdnPages).forEach(([name, p], i) => {
  p.path = `/cdn-pages/${i}.html`;
  writeFileSync(join(work, p.path), p.html);
});
// The same import map with one chunk's hash changed: the browser must refuse that chunk.
const tampered = structuredClone(importMap);
const victim = Object.keys(tampered.integrity).find((u) => u.includes('/chunks/define-services'));
tampered.integrity[victim] = `sha384-${Buffer.alloc(48).toString('base64')}`;
const tamperedPath = '/cdn-pages/tampered.html';
writeFileSync(join(work, tamperedPath), cdnPage([`${cdn.base}/chanrong.min.js`], widgets.calculator, `<script type="importmap">${JSON.stringify(tampered)}</script>`));
const chunklessPath = '/cdn-pages/chunkless.html';
writeFileSync(join(work, chunklessPath), cdnPage([`${chunkless.base}/incubator-map.min.js`], widgets.map));
// The map's directory worker from a CDN on another origin (a blob: module of the page's origin imports the CDN's
// worker file), under a strict policy with Trusted Types, delivered in a meta tag: the CDN's origin in script-src,
// connect-src and worker-src (a module worker's imports are fetched as worker scripts: with `worker-src blob:`
// alone the worker fails to load, silently, and the page indexes the directory itself), as the README says. The
// driver is a file of the page's origin (no inline code).
const workerPath = '/cdn-pages/cross-origin-worker.html';
const workerPolicy = `default-src 'self'; script-src 'self' ${cdn.base}; connect-src 'self' ${cdn.base}; worker-src blob: ${cdn.base}; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html chanrong`;
writeFileSync(join(work, workerPath), `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"><meta http-equiv="Content-Security-Policy" content="${workerPolicy}"><script type="module" src="/cdn-pages/cross-origin-worker.js"></script></head><body></body></html>`);
writeFileSync(join(work, 'cdn-pages/cross-origin-worker.js'), `
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || '')));
await import(${JSON.stringify(`${cdn.base}/incubator-map.min.js`)});
const el = document.createElement('chanrong-incubator-map');
el.addEventListener('chanrong-render', (e) => { if (e.detail.points > 0) window.__drawn = true; });
el.addEventListener('chanrong-error', (e) => { window.__error = String(e.detail.error); });
const centres = [[116.4, 39.9], [121.47, 31.23], [113.95, 22.54], [104.06, 30.67], [114.3, 30.6], [108.9, 34.3]];
el.incubators = Array.from({ length: 40000 }, (_, i) => ({ id: 'w' + i, name: { 'zh-CN': '示例 ' + i }, kind: 'incubator', level: 'local',
  lon: centres[i % 6][0] + ((i * 7919) % 1000) / 500 - 1, lat: centres[i % 6][1] + ((i * 104729) % 1000) / 700 - 0.7, adcode: '110000', industries: ['ai'] }));
document.body.append(el);
`);
const noCorsPath = '/cdn-pages/no-cors.html';
writeFileSync(join(work, noCorsPath), cdnPage([`${noCors.base}/financing-calculator.min.js`], widgets.calculator));

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});
async function visit(name, url, want) {
  const page = await browser.newPage();
  await page.setCacheEnabled(false);
  await page.setViewport({ width: 1280, height: 900 });
  const errors = [];
  const urls = [];
  page.on('pageerror', (e) => errors.push(String(e?.message ?? e)));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warn') errors.push(`${m.type()}: ${m.text()}`); });
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  page.on('request', (r) => urls.push(r.url()));
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });
  await page.goto(url);
  // Wait (bounded) until every expected widget is ready and the quotes arrived, or 20 s.
  const done = await page.waitForFunction((w) => {
    const ev = window.__events ?? [];
    return w.ready.every((tag) => ev.some((e) => e.type === 'chanrong-ready' && e.tag === tag))
      && ev.filter((e) => e.type === 'chanrong-quote').length >= w.quotes;
  }, { timeout: 20_000, polling: 100 }, want).then(() => true, () => false);
  const state = await page.evaluate((all, w) => ({
    defined: [...new Set([...all, ...w.defined])].filter((t) => customElements.get(t)),
    events: window.__events ?? [],
    typed: (w.typed ?? []).map((g) => window[g]),
  }), ALL, want);
  await page.close();
  const ready = want.ready.filter((t) => state.events.some((e) => e.type === 'chanrong-ready' && e.tag === t));
  const quotes = state.events.filter((e) => e.type === 'chanrong-quote');
  check(`${name}: exactly the expected tags are defined`, JSON.stringify([...state.defined].sort()) === JSON.stringify([...want.defined].sort()), `defined: ${state.defined.join(', ') || 'none'}`);
  check(`${name}: every widget fires chanrong-ready`, done && ready.length === want.ready.length, `ready: ${ready.join(', ') || 'none'}`);
  if (want.quotes) check(`${name}: the calculator delivers chanrong-quote`, quotes.length >= want.quotes && quotes.every((q) => typeof q.rate === 'number' && q.rate > 0 && q.rows > 0), `quotes: ${JSON.stringify(quotes.map((q) => q.rate))}`);
  if (want.typed) check(`${name}: the typed listeners ran (${want.typed.join(', ')})`, state.typed.every((v) => typeof v === 'number' && v > 0), `values: ${state.typed.join(', ')}`);
  check(`${name}: no error or warning, no failed request`, errors.length === 0 && !state.events.some((e) => e.type === 'chanrong-error'), errors.concat(state.events.filter((e) => e.type === 'chanrong-error').map((e) => e.error)).slice(0, 5).join(' | '));
  return { urls, state };
}
try {
  for (const { app, bundler, dir } of builds) await visit(`${app} (${bundler})`, `${site.base}${dir.slice(work.length)}/index.html`, expected[app]);
  for (const [name, want] of Object.entries(cdnPages)) {
    const { urls } = await visit(`CDN, ${name}`, `${site.base}${want.path}`, want);
    // No file under two URLs (which would run it twice), no chunk with a query, no chunk naming an entry.
    const cdnUrls = [...new Set(urls.filter((u) => u.startsWith(cdn.base)))].map((u) => new URL(u));
    const byFile = new Map();
    for (const u of cdnUrls) {
      const file = u.pathname.replace('/chanrong.0.2.0.min.js', '/chanrong.min.js');
      byFile.set(file, [...(byFile.get(file) ?? []), u.href]);
    }
    const twice = [...byFile.values()].filter((list) => list.length > 1);
    check(`CDN, ${name}: every file is fetched under one URL (nothing runs twice)`, twice.length === 0 && cdnUrls.length > 0, twice.flat().slice(0, 4).join(', ') || `${cdnUrls.length} files`);
    check(`CDN, ${name}: chunks import only chunks`, cdnUrls.filter((u) => u.pathname.includes('/chunks/')).every((u) => !u.search), '');
  }
  {
    const page = await browser.newPage();
    await page.goto(`${site.base}${tamperedPath}`, { waitUntil: 'networkidle0' });
    const defined = await page.evaluate(() => Boolean(customElements.get('chanrong-financing-calculator')));
    await page.close();
    check('CDN, import map with a wrong hash for one chunk: the browser refuses it (integrity is enforced)', Boolean(victim) && !defined, victim ?? 'no chunk found');
  }
  {
    // incubator-map.min.js is self-contained for the first paint: with every chunk refused, the basemap is still
    // drawn (a chanrong-render from the map), and the missing data shows as an error, not as an empty map.
    const page = await browser.newPage();
    await page.setCacheEnabled(false);
    await page.goto(`${site.base}${chunklessPath}`);
    const drawn = await page.waitForFunction(() => (window.__events ?? []).some((e) => e.type === 'chanrong-render' && e.tag === 'chanrong-incubator-map'), { timeout: 20_000, polling: 100 }).then(() => true, () => false);
    const failed = await page.waitForFunction(() => (window.__events ?? []).some((e) => e.type === 'chanrong-error'), { timeout: 20_000, polling: 100 }).then(() => true, () => false);
    await page.close();
    check('CDN, incubator-map.min.js with chunks/ refused: the map is still drawn (its first paint needs that one file), the data shows an error', drawn && failed && chunkless.requests.some((u) => u.startsWith('/chunks/')), `drawn ${drawn}, error ${failed}`);
  }
  {
    const page = await browser.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    const before = cdn.requests.length;
    await page.goto(`${site.base}${workerPath}`);
    const drawn = await page.waitForFunction(() => window.__drawn === true, { timeout: 60_000, polling: 100 }).then(() => true, () => false);
    const workers = page.workers().map((w) => w.url());
    const state = await page.evaluate(() => ({ violations: window.__violations, error: window.__error }));
    await page.close();
    const workerFile = cdn.requests.slice(before).find((u) => /\/assets\/directory-worker-[^/]*\.js$/.test(u));
    check('CDN on another origin, strict CSP with Trusted Types: the map\'s directory worker starts (a blob: module imports the CDN\'s worker file), the points are drawn, nothing is violated',
      drawn && workers.some((u) => u.startsWith('blob:')) && Boolean(workerFile) && state.violations.length === 0 && !state.error && errors.length === 0,
      `drawn ${drawn}, workers ${workers.join(' ') || 'none'}, worker file ${workerFile ?? 'not fetched'}, violations ${state.violations.join(' | ') || 'none'}, error ${state.error ?? 'none'}, console ${errors.slice(0, 2).join(' | ') || 'none'}`);
  }
  // Without the CORS header a cross-origin module script is refused: the README's header is required.
  const page = await browser.newPage();
  const refused = [];
  page.on('requestfailed', (r) => refused.push(r.url()));
  page.on('console', (m) => { if (/CORS|Access-Control/i.test(m.text())) refused.push(m.text()); });
  await page.goto(`${site.base}${noCorsPath}`, { waitUntil: 'networkidle0' });
  const definedWithout = await page.evaluate(() => Boolean(customElements.get('chanrong-financing-calculator')));
  await page.close();
  check('CDN without Access-Control-Allow-Origin: the module is refused (the header is needed)', !definedWithout && refused.length > 0, refused.slice(0, 1).join(''));
} finally {
  await browser.close();
  site.close();
  cdn.close();
  noCors.close();
  chunkless.close();
}

// --- 5. what the tarball carries --------------------------------------------------------------------------------
const installed = join(work, 'node_modules/chanrong');
const manifestPath = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).customElements;
const shipped = (p) => packedFiles.includes(String(p).replace(/^\.\//, ''));
check('the tarball carries LICENSE and NOTICE', shipped('LICENSE') && shipped('NOTICE'));
check('package.json#customElements points at a file in the tarball', Boolean(manifestPath) && shipped(manifestPath), String(manifestPath));
if (manifestPath && shipped(manifestPath)) {
  const manifest = JSON.parse(readFileSync(join(installed, manifestPath), 'utf8'));
  const missing = manifest.modules.map((m) => m.path).filter((p) => !shipped(p));
  check('every module path in custom-elements.json is a shipped file', missing.length === 0, missing.slice(0, 5).join(', '));
  const quote = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'chanrong-financing-calculator')?.events?.find((e) => e.name === 'chanrong-quote');
  check('custom-elements.json types chanrong-quote with the contract', /CustomEvent<.*FinancingQuote/.test(quote?.type?.text ?? ''), quote?.type?.text ?? 'no type');
}
{
  const entry = readFileSync(join(cdnDir, 'chanrong.min.js'), 'utf8');
  const chunks = readdirSync(join(cdnDir, 'chunks')).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(cdnDir, 'chunks', f), 'utf8'));
  check('CDN files keep their licence comments (Chanrong banner, lit @license)', /^\/\*! Chanrong [\s\S]*Apache-2\.0[\s\S]*NOTICE/.test(entry) && chunks.some((c) => /@license/.test(c) && /BSD-3-Clause/.test(c)));
}
check('VS Code custom data and web-types.json are shipped', shipped('dist/vscode.html-custom-data.json') && shipped('dist/web-types.json'));
if (shipped('dist/web-types.json') && shipped('dist/vscode.html-custom-data.json')) {
  const webTypes = JSON.parse(readFileSync(join(installed, 'dist/web-types.json'), 'utf8'));
  const vscode = JSON.parse(readFileSync(join(installed, 'dist/vscode.html-custom-data.json'), 'utf8'));
  const calc = webTypes.contributions.html.elements.find((e) => e.name === 'chanrong-financing-calculator');
  const locale = vscode.tags.find((t) => t.name === 'chanrong-incubator-map')?.attributes.find((a) => a.name === 'locale');
  check('editor data: every tag, union values, typed events', webTypes.contributions.html.elements.length === 4 && vscode.tags.length === 4
    && JSON.stringify(locale?.values?.map((v) => v.name)) === '["zh-CN","zh-TW","en"]' && /FinancingQuote/.test(calc?.js?.events?.find((e) => e.name === 'chanrong-quote')?.type ?? ''));
  check('package.json#web-types points at the shipped file', JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'))['web-types'] === './dist/web-types.json');
}

if (process.env.KEEP) log(`kept ${work}`);
else rmSync(work, { recursive: true, force: true });
const failed = results.filter((r) => !r.ok).length;
log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`consumers: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
