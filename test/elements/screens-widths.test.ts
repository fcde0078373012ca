// Every widget at the common widths between 320 and 1920 px (phones 360, 375, 414; tablets 768, 1024; laptops 1280)
// in the three locales, in the default size and 适老化 (size="large"): nothing sticks out of the widget, the page does
// not scroll sideways, and no label or unit is clipped, including the calculator's units ("个月", "个基点", "%")
// with its advanced group open and a row of each editor, and the checker's question units ("万元").
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { $, cleanup, mount, waitFor } from './helpers.js';
import { clipped, overflow } from './layout.js';

const WIDTHS = [360, 375, 414, 768, 1024, 1280];
const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
const SIZES = ['', 'large'] as const;

/** The calculator with every unit on screen: advanced group open, one LPR path row and one prepayment row. */
async function calculatorWithUnits(locale: string, size: string): Promise<HTMLElement> {
  const el = await mount<HTMLElement>(`<chanrong-financing-calculator locale="${locale}" size="${size}" lpr-spread-bps="30"></chanrong-financing-calculator>`);
  const details = $<HTMLDetailsElement>(el, 'details.advanced');
  details.open = true;
  await waitFor(() => !!$(el, 'button[data-add="pp"]'), 'the advanced group');
  $<HTMLButtonElement>(el, 'button[data-add="pp"]').click();
  $<HTMLButtonElement>(el, 'button[data-add="path"]').click();
  await waitFor(() => !!$(el, '[data-field="pp-0-amount"]') && !!$(el, '[data-field="path-0-oneYear"]'), 'the rows');
  return el;
}

describe('every widget at common widths', () => {
  after(async () => {
    cleanup();
    await setViewport({ width: 800, height: 600 });
  });

  for (const width of WIDTHS) {
    it(`fits ${width} px in zh-CN, zh-TW and en, default and 适老化, with no label or unit clipped`, async () => {
      await setViewport({ width, height: 900 });
      for (const locale of LOCALES) {
        for (const size of SIZES) {
          const widgets = [
            await mount<HTMLElement>(`<chanrong-eligibility-checker locale="${locale}" size="${size}" as-of="2026-01-01"></chanrong-eligibility-checker>`),
            await calculatorWithUnits(locale, size),
            await mount<HTMLElement>(`<chanrong-incubator-map locale="${locale}" size="${size}"></chanrong-incubator-map>`),
          ];
          await new Promise((r) => requestAnimationFrame(r));
          for (const el of widgets) {
            const what = `${el.localName} ${locale} ${size || 'default'} at ${width} px`;
            expect(overflow(el), `${what}: sticks out`).to.deep.equal([]);
            expect(clipped(el), `${what}: clipped`).to.deep.equal([]);
          }
          expect(document.documentElement.scrollWidth, `${locale} ${size}: the page scrolls sideways`).to.be.at.most(width);
          // The calculator's units stay whole and beside a usable input.
          const calc = widgets[1]!;
          for (const key of ['termMonths', 'spreadBps', 'graceMonths', 'pp-0-amount', 'path-0-oneYear']) {
            const unit = $<HTMLElement>(calc, `[data-field="${key}"] .unit`);
            const input = $<HTMLElement>(calc, `[data-field="${key}"] input`);
            const box = $<HTMLElement>(calc, `[data-field="${key}"]`).getBoundingClientRect();
            const u = unit.getBoundingClientRect();
            expect(u.right, `${key} unit "${unit.textContent}" ${locale} ${size} ${width}px`).to.be.at.most(box.right + 0.5);
            expect(unit.scrollWidth, `${key} unit cut`).to.be.at.most(unit.clientWidth + 1);
            expect(input.getBoundingClientRect().width, `${key} input too narrow to type in`).to.be.at.least(48);
          }
          cleanup();
        }
      }
    });
  }
});
