// Pinch zoom on <chanrong-incubator-map> with real touch input: two fingers driven through the Chrome DevTools
// protocol (Input.dispatchTouchEvent) on a touch-emulating page, as a phone's touchscreen sends them. Spreading the
// fingers must zoom in (fewer incubators in view), pinching them together must zoom back out.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHarness, type Harness } from './browser-harness.js';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>
<body style="margin:0"><script type="module" src="/page.js"></script></body></html>`;
const DRIVER = `
import './define.js';
import { syntheticIncubators } from './synthetic.js';
const el = document.createElement('chanrong-incubator-map');
el.setAttribute('locale', 'en');
el.style.display = 'block';
el.style.width = '390px';
el.incubators = syntheticIncubators(5000, 7);
el.addEventListener('chanrong-ready', () => { window.__ready = true; }, { once: true });
document.body.append(el);
window.__inView = () => {
  const m = /([\\d,]+) in view/.exec(el.shadowRoot.querySelector('.list-title')?.textContent ?? '');
  return m ? Number(m[1].replace(/,/g, '')) : NaN;
};
// The gestures' code (d3-zoom) arrives on its own after the first paint; it marks the canvas (__zoom) when attached.
window.__gestures = () => el.shadowRoot.querySelector('canvas')?.__zoom !== undefined;
window.__canvas = () => { const r = el.shadowRoot.querySelector('canvas').getBoundingClientRect(); return { x: r.left, y: r.top, w: r.width, h: r.height }; };
`;

describe('pinch zoom on the map (touch input through CDP)', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness({ entryPoints: { define: 'src/define.ts', synthetic: 'src/sdk/synthetic.ts' }, html: PAGE, routes: { '/page.js': DRIVER } });
  });
  after(async () => { await harness?.close(); });

  it('zooms in when two fingers spread and out when they pinch', async () => {
    const page = await harness.browser.newPage();
    await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
    await page.goto(`${harness.base}/`);
    // Touches sent before the gestures' code has arrived are not seen (a finger that fast is a gap of its own, see
    // the map's notes); the test pinches once the canvas has its gestures.
    await page.waitForFunction('window.__ready === true && window.__inView() > 0 && window.__gestures()', { timeout: 30_000, polling: 50 });
    const all = await page.evaluate('window.__inView()') as number;
    assert.equal(all, 5000);
    const box = await page.evaluate('window.__canvas()') as { x: number; y: number; w: number; h: number };
    const cdp = await page.createCDPSession();
    const cx = box.x + box.w * 0.62, cy = box.y + box.h * 0.6;
    const pinch = async (from: number, to: number) => {
      const at = (d: number) => [{ x: cx - d, y: cy, id: 1 }, { x: cx + d, y: cy, id: 2 }];
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(from) });
      for (let i = 1; i <= 10; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(from + ((to - from) * i) / 10) });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    await pinch(20, 120); // fingers apart: ×6
    await page.waitForFunction(`window.__inView() < ${all}`, { timeout: 15_000, polling: 50 });
    const zoomed = await page.evaluate('window.__inView()') as number;
    assert.ok(zoomed > 0 && zoomed < all / 4, `after spreading the fingers ${zoomed} of ${all} are in view`);
    await pinch(120, 15); // fingers together: back out to the whole country (the zoom stops at ×1)
    await page.waitForFunction(`window.__inView() === ${all}`, { timeout: 15_000, polling: 50 });
    await page.close();
  });
});
