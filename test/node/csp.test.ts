// The widgets on a page served with the strict policy of issue 6: no CSP or Trusted Types violation while they
// load, answer, switch locale and change attributes, and no request to any other origin.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import puppeteer, { type Browser } from 'puppeteer-core';

const POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html chanrong";
const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><script type="module" src="/define.js"></script><script type="module" src="/page.js"></script></head>
<body><chanrong-services><chanrong-eligibility-checker as-of="2026-01-01"></chanrong-eligibility-checker>
<chanrong-financing-calculator principal="500000" term-months="24" rate="0.04"></chanrong-financing-calculator>
<chanrong-incubator-map></chanrong-incubator-map></chanrong-services></body></html>`;
// The page's own script (a file, as the policy requires): drive the widgets as a host would.
const DRIVER = `
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));
const ready = (tag) => new Promise((r) => { const el = document.querySelector(tag); el.addEventListener('chanrong-ready', r, { once: true }); setTimeout(r, 8000); });
await Promise.all(['chanrong-eligibility-checker', 'chanrong-financing-calculator', 'chanrong-incubator-map'].map(ready));
for (const lang of ['zh-TW', 'en', 'zh-CN']) { document.documentElement.lang = lang; await new Promise((r) => setTimeout(r, 150)); }
const calc = document.querySelector('chanrong-financing-calculator');
calc.setAttribute('term-months', '36');
document.querySelector('chanrong-incubator-map').setAttribute('level', 'national');
await new Promise((r) => setTimeout(r, 600));
window.__done = true;
`;

describe('strict CSP and Trusted Types', () => {
  let server: Server;
  let browser: Browser;
  let base = '';
  const requests: string[] = [];
  before(async () => {
    const out = mkdtempSync(join(tmpdir(), 'chanrong-csp-'));
    await build({ entryPoints: { define: 'src/define.ts' }, bundle: true, format: 'esm', splitting: true, outdir: out, target: 'es2022', logLevel: 'error' });
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const headers = { 'content-security-policy': POLICY };
      if (path === '/') { res.writeHead(200, { ...headers, 'content-type': 'text/html' }); return res.end(PAGE); }
      if (path === '/page.js') { res.writeHead(200, { ...headers, 'content-type': 'text/javascript' }); return res.end(DRIVER); }
      try {
        const body = readFileSync(join(out, path));
        res.writeHead(200, { ...headers, 'content-type': extname(path) === '.js' ? 'text/javascript' : 'application/octet-stream' });
        res.end(body);
      } catch { res.writeHead(404); res.end(); }
    }).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    browser = await puppeteer.launch({
      executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium', headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });

  it('shows all three widgets without a single violation, and asks only its own origin', async () => {
    const page = await browser.newPage();
    const console: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' || /Content Security|Trusted Type/i.test(m.text())) console.push(m.text()); });
    page.on('request', (r) => requests.push(r.url()));
    const failed: string[] = [];
    page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) failed.push(`${r.status()} ${r.url()}`); });
    await page.goto(`${base}/`);
    await page.waitForFunction('window.__done === true', { timeout: 60_000 });
    const violations = await page.evaluate('window.__violations') as string[];
    const shown = await page.evaluate(`[...document.querySelectorAll('chanrong-eligibility-checker, chanrong-financing-calculator, chanrong-incubator-map')]
      .map((el) => el.shadowRoot.textContent.length)`) as number[];
    assert.deepEqual(violations, [], violations.join('\n'));
    assert.deepEqual(console.filter((c) => !c.startsWith('Failed to load resource')), []);
    assert.deepEqual(failed, []);
    assert.ok(shown.every((n) => n > 200), `every widget rendered (${shown})`);
    // data: and blob: URLs are not requests to another origin (Chromium draws the date picker's icon from one).
    const foreign = requests.filter((u) => !u.startsWith(base) && !u.startsWith('data:') && !u.startsWith('blob:'));
    assert.deepEqual(foreign, []);
  });
});
