// chanrong/react in a real React 19 app in Chromium: props reach the elements as properties, events reach the
// on* callbacks.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHarness, type Harness } from './browser-harness.js';

describe('React wrappers', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness({
      entryPoints: { app: 'test/node/fixtures/react-app.tsx' },
      html: '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><div id="root"></div><script type="module" src="/app.js"></script></html>',
      esbuild: { jsx: 'automatic', define: { 'process.env.NODE_ENV': '"production"' } },
    });
  });
  after(async () => { await harness?.close(); });

  it('passes props as properties and delivers events to on* props', async () => {
    const page = await harness.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String((e as Error).message ?? e)));
    await page.goto(`${harness.base}/`);
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
