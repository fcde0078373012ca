// The widgets on a page served with the strict policy of issue 6: no CSP or Trusted Types violation while they
// load, answer, switch locale and change attributes, and no request to any other origin.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHarness, type Harness } from './browser-harness.js';

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
const widgets = [...document.querySelectorAll('chanrong-eligibility-checker, chanrong-financing-calculator, chanrong-incubator-map')];
const settled = async () => { await Promise.all(widgets.map((w) => w.updateComplete)); await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))); };
for (const lang of ['zh-TW', 'en', 'zh-CN']) { document.documentElement.lang = lang; await settled(); }
const calc = document.querySelector('chanrong-financing-calculator');
const map = document.querySelector('chanrong-incubator-map');
// Await the answers to the changes (events, not fixed sleeps); 8 s is only a guard against a widget that never answers.
const answered = (el, type) => new Promise((r) => { el.addEventListener(type, r, { once: true }); setTimeout(r, 8000); });
const quoted = answered(calc, 'chanrong-quote'), drawn = answered(map, 'chanrong-render');
calc.setAttribute('term-months', '36');
map.setAttribute('level', 'national');
await Promise.all([quoted, drawn]);
await settled();
window.__done = true;
`;

describe('strict CSP and Trusted Types', () => {
  let harness: Harness;
  const requests: string[] = [];
  before(async () => {
    harness = await startHarness({
      entryPoints: { define: 'src/define.ts' }, html: PAGE, routes: { '/page.js': DRIVER }, headers: { 'content-security-policy': POLICY },
    });
  });
  after(async () => { await harness?.close(); });

  it('shows all three widgets without a single violation, and asks only its own origin', async () => {
    const page = await harness.browser.newPage();
    const console: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' || /Content Security|Trusted Type/i.test(m.text())) console.push(m.text()); });
    page.on('request', (r) => requests.push(r.url()));
    const failed: string[] = [];
    page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) failed.push(`${r.status()} ${r.url()}`); });
    await page.goto(`${harness.base}/`);
    await page.waitForFunction('window.__done === true', { timeout: 60_000 });
    const violations = await page.evaluate('window.__violations') as string[];
    const shown = await page.evaluate(`[...document.querySelectorAll('chanrong-eligibility-checker, chanrong-financing-calculator, chanrong-incubator-map')]
      .map((el) => el.shadowRoot.textContent.length)`) as number[];
    assert.deepEqual(violations, [], violations.join('\n'));
    assert.deepEqual(console.filter((c) => !c.startsWith('Failed to load resource')), []);
    assert.deepEqual(failed, []);
    assert.ok(shown.every((n) => n > 200), `every widget rendered (${shown})`);
    // data: and blob: URLs are not requests to another origin (Chromium draws the date picker's icon from one).
    const foreign = requests.filter((u) => !u.startsWith(harness.base) && !u.startsWith('data:') && !u.startsWith('blob:'));
    assert.deepEqual(foreign, []);
  });
});
