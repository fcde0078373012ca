// For Node tests that need a real page: bundle entries with esbuild, serve them on loopback (with the headers a
// test asks for), and start Debian's headless Chromium through puppeteer-core.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import puppeteer, { type Browser } from 'puppeteer-core';

export interface Harness {
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startHarness(options: {
  entryPoints: Record<string, string>;
  html: string;
  headers?: Record<string, string>;
  routes?: Record<string, string>;
  esbuild?: BuildOptions;
}): Promise<Harness> {
  const out = mkdtempSync(join(tmpdir(), 'chanrong-page-'));
  await build({ entryPoints: options.entryPoints, bundle: true, format: 'esm', splitting: true, outdir: out, target: 'es2022', logLevel: 'error', ...options.esbuild });
  const headers = options.headers ?? {};
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/') {
      res.writeHead(200, { ...headers, 'content-type': 'text/html' });
      return res.end(options.html);
    }
    const route = options.routes?.[path];
    if (route !== undefined) {
      res.writeHead(200, { ...headers, 'content-type': 'text/javascript' });
      return res.end(route);
    }
    try {
      const body = readFileSync(join(out, path));
      res.writeHead(200, { ...headers, 'content-type': path.endsWith('.js') ? 'text/javascript' : 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const browser = await puppeteer.launch({
    executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    base: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    browser,
    async close() {
      await browser.close();
      server.close();
    },
  };
}
