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
const tools = ['vite', '@vitejs/plugin-react', '@vitejs/plugin-vue', 'react', 'react-dom', '@types/react', '@types/react-dom', 'vue', 'typescript', 'rollup', '@rollup/plugin-node-resolve', 'esbuild'];
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
    const r = run(bin('tsc'), ['-p', 'tsconfig.json', ...(emit ? [] : ['--noEmit'])], dir, { allowFail: true });
    check(`${app}: tsc (skipLibCheck false) accepts the app with no cast`, r.ok, r.ok ? '' : r.out.trim().split('\n').slice(0, 20).join('\n   '));
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

// --- 4. the builds in Chromium ------------------------------------------------------------------------------------
const ALL = ['chanrong-services', 'chanrong-eligibility-checker', 'chanrong-financing-calculator', 'chanrong-incubator-map'];
const expected = {
  vanilla: { defined: ALL, ready: ['chanrong-eligibility-checker', 'chanrong-financing-calculator', 'chanrong-incubator-map'], quotes: 1, typed: '__typedRate' },
  'per-tag': { defined: ['chanrong-services', 'chanrong-financing-calculator', 'portal-checker'], ready: ['chanrong-financing-calculator', 'portal-checker'], quotes: 1, typed: '__typedRows' },
  react: { defined: ALL, ready: ['chanrong-eligibility-checker', 'chanrong-financing-calculator', 'chanrong-incubator-map'], quotes: 2, typed: '__typedRate' },
  vue: { defined: ALL, ready: ['chanrong-eligibility-checker', 'chanrong-financing-calculator', 'chanrong-incubator-map'], quotes: 1 },
};
const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
const failedRequests = [];
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const file = join(work, path.endsWith('/') ? `${path}index.html` : path);
  if (!file.startsWith(work) || !existsSync(file) || !statSync(file).isFile()) {
    failedRequests.push(path);
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});
try {
  for (const { app, bundler, dir } of builds) {
    const want = expected[app];
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e?.message ?? e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
    page.on('response', (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });
    const name = `${app} (${bundler})`;
    await page.goto(`${base}${dir.slice(work.length)}/index.html`);
    // Wait (bounded) until every expected widget is ready and the quotes arrived, or 20 s.
    const done = await page.waitForFunction((w) => {
      const ev = window.__events ?? [];
      return w.ready.every((tag) => ev.some((e) => e.type === 'chanrong-ready' && e.tag === tag))
        && ev.filter((e) => e.type === 'chanrong-quote').length >= w.quotes;
    }, { timeout: 20_000, polling: 100 }, want).then(() => true, () => false);
    const state = await page.evaluate((all, w) => ({
      defined: [...new Set([...all, ...w.defined])].filter((t) => customElements.get(t)),
      events: window.__events ?? [],
      typed: w.typed ? window[w.typed] : 'n/a',
    }), ALL, want);
    const ready = want.ready.filter((t) => state.events.some((e) => e.type === 'chanrong-ready' && e.tag === t));
    const quotes = state.events.filter((e) => e.type === 'chanrong-quote');
    check(`${name}: exactly the expected tags are defined`, JSON.stringify([...state.defined].sort()) === JSON.stringify([...want.defined].sort()), `defined: ${state.defined.join(', ') || 'none'}`);
    check(`${name}: every widget fires chanrong-ready`, done && ready.length === want.ready.length, `ready: ${ready.join(', ') || 'none'}`);
    check(`${name}: the calculator delivers chanrong-quote`, quotes.length >= want.quotes && quotes.every((q) => typeof q.rate === 'number' && q.rate > 0 && q.rows > 0), `quotes: ${JSON.stringify(quotes.map((q) => q.rate))}`);
    if (want.typed) check(`${name}: the typed listener read the quote`, typeof state.typed === 'number' && state.typed > 0, `value: ${state.typed}`);
    check(`${name}: no error, no failed request`, errors.length === 0 && !state.events.some((e) => e.type === 'chanrong-error'), errors.concat(state.events.filter((e) => e.type === 'chanrong-error').map((e) => e.error)).slice(0, 5).join(' | '));
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}

// --- 5. what the tarball carries --------------------------------------------------------------------------------
const manifestPath = JSON.parse(readFileSync(join(work, 'node_modules/chanrong/package.json'), 'utf8')).customElements;
check('the tarball carries LICENSE and NOTICE', packedFiles.includes('LICENSE') && packedFiles.includes('NOTICE'));
check('package.json#customElements points at a file in the tarball', Boolean(manifestPath) && packedFiles.includes(manifestPath.replace(/^\.\//, '')), String(manifestPath));

if (process.env.KEEP) log(`kept ${work}`);
else rmSync(work, { recursive: true, force: true });
const failed = results.filter((r) => !r.ok).length;
log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`consumers: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
