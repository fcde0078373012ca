// chanrong/react in a real React 19 app in Chromium: props reach the elements as properties, events reach the
// on* callbacks.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import puppeteer, { type Browser } from 'puppeteer-core';

describe('React wrappers', () => {
  let server: Server;
  let browser: Browser;
  let base = '';
  before(async () => {
    const out = mkdtempSync(join(tmpdir(), 'chanrong-react-'));
    await build({
      entryPoints: { app: 'test/node/fixtures/react-app.tsx' }, bundle: true, format: 'esm', splitting: true, outdir: out,
      target: 'es2022', jsx: 'automatic', define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'error',
    });
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/') {
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end('<!doctype html><html lang="zh-CN"><meta charset="utf-8"><div id="root"></div><script type="module" src="/app.js"></script></html>');
      }
      try {
        const body = readFileSync(join(out, path));
        res.writeHead(200, { 'content-type': 'text/javascript' });
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

  it('passes props as properties and delivers events to on* props', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String((e as Error).message ?? e)));
    await page.goto(`${base}/`);
    await page.waitForFunction(() => {
      const e = (window as unknown as { __events?: string[] }).__events ?? [];
      return e.includes('checker-ready') && e.includes('checker-result') && e.includes('calculator-quote');
    }, { timeout: 30_000 });
    const state = await page.evaluate(() => {
      const checker = document.querySelector('chanrong-eligibility-checker') as HTMLElement & { asOf: string; programs: string };
      const calc = document.querySelector('chanrong-financing-calculator') as HTMLElement & { termMonths: number };
      return {
        asOf: checker.asOf, programs: checker.programs, text: checker.shadowRoot!.textContent!.includes('IP-pledge loan'),
        term: calc.termMonths, tw: calc.shadowRoot!.textContent!.includes('融資試算'),
      };
    });
    assert.deepEqual(errors, []);
    assert.deepEqual(state, { asOf: '2026-01-01', programs: 'ip-pledge-loan', text: true, term: 12, tw: true });
  });
});
