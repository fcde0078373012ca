// The map's directory worker under the strict policy of issue 6 (CSP script-src 'self', Trusted Types): a large
// directory set through the `incubators` property is indexed in a module worker started through the `chanrong`
// Trusted Types policy, with no violation, and the map draws its points.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHarness, type Harness } from './browser-harness.js';
import { directoryWorker, WORKER_ENTRY } from '../../scripts/esbuild-worker.mjs';

const POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html chanrong";
const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><script type="module" src="/page.js"></script></head><body></body></html>`;
const DRIVER = `
import './define.js';
import { syntheticIncubators } from './synthetic.js';
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || '')));
const el = document.createElement('chanrong-incubator-map');
el.addEventListener('chanrong-render', (e) => { if (e.detail.points > 0) window.__drawn = true; });
el.incubators = syntheticIncubators(40000, 3);
document.body.append(el);
`;

describe('the directory worker under strict CSP and Trusted Types', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness({
      entryPoints: { define: 'src/define.ts', synthetic: 'src/sdk/synthetic.ts', ...WORKER_ENTRY }, esbuild: { plugins: [directoryWorker()] },
      html: PAGE, routes: { '/page.js': DRIVER }, headers: { 'content-security-policy': POLICY },
    });
  });
  after(async () => { await harness?.close(); });

  it('starts the worker, draws the points, and violates nothing', async () => {
    const page = await harness.browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    const failed: string[] = [];
    page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) failed.push(`${r.status()} ${r.url()}`); });
    await page.goto(`${harness.base}/`);
    await page.waitForFunction('window.__drawn === true', { timeout: 60_000, polling: 100 });
    const workers = page.workers().map((w) => w.url());
    assert.ok(workers.some((u) => u.endsWith('/directory-worker.js')), `a directory worker runs (${workers.join(', ') || 'none'})`);
    assert.deepEqual(await page.evaluate('window.__violations'), []);
    assert.deepEqual(errors.filter((e) => !e.startsWith('Failed to load resource')), []);
    assert.deepEqual(failed, []);
    await page.close();
  });
});
