// Every widget on every screen: no horizontal overflow from 320 px to 1920 px in the three locales, 44 px touch
// targets when narrow, and axe-clean at 320 px in the light preset, the dark preset and 适老化 (size="large").
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { cleanup, mount } from './helpers.js';
import { overflow } from './layout.js';

const TAGS = ['chanrong-eligibility-checker', 'chanrong-financing-calculator', 'chanrong-incubator-map'] as const;
const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;

/** Controls smaller than 44 px high (a radio or checkbox counts by its label). */
function smallTargets(el: HTMLElement): string[] {
  const out: string[] = [];
  for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('button, select, input, summary')) {
    if (node.closest('[hidden], .visually-hidden, .sr-only') || node.offsetParent === null) continue;
    if (node.matches('button.link')) continue; // an inline text link inside a table header
    const target = node.matches('input[type=radio], input[type=checkbox]') ? node.closest('label') ?? node : node;
    const h = target.getBoundingClientRect().height;
    if (h < 43.5) out.push(`${node.localName}${node.id ? `#${node.id}` : ''}${(node as HTMLInputElement).type ? `[${(node as HTMLInputElement).type}]` : ''} ${h.toFixed(1)}px`);
  }
  return out;
}

describe('every screen', () => {
  afterEach(async () => {
    cleanup();
    await setViewport({ width: 800, height: 600 });
  });

  for (const width of [320, 1920]) {
    for (const locale of LOCALES) {
      it(`fits ${width} px in ${locale}, with no horizontal scroll`, async () => {
        await setViewport({ width, height: 900 });
        for (const tag of TAGS) {
          const el = await mount<HTMLElement>(`<${tag} locale="${locale}" as-of="2026-01-01"></${tag}>`);
          await new Promise((r) => requestAnimationFrame(r));
          expect(overflow(el), `${tag} sticks out`).to.deep.equal([]);
          expect(document.documentElement.scrollWidth, `${tag}: page scrolls sideways`).to.be.at.most(width);
          if (width === 320 && tag !== 'chanrong-incubator-map') expect(smallTargets(el), `${tag} small targets`).to.deep.equal([]);
          cleanup();
        }
      });
    }
  }

  for (const locale of LOCALES) {
    it(`is axe-clean at 320 px in ${locale}: light, dark and size="large"`, async () => {
      await setViewport({ width: 320, height: 900 });
      for (const tag of ['chanrong-eligibility-checker', 'chanrong-financing-calculator'] as const) {
        for (const extra of ['', 'theme="dark"', 'size="large"']) {
          const el = await mount<HTMLElement>(`<${tag} locale="${locale}" as-of="2026-01-01" ${extra}></${tag}>`);
          await expect(el).to.be.accessible();
          cleanup();
        }
      }
    });
  }

  it('calculator in 适老化 mode: larger type than the default', async () => {
    const normal = await mount<HTMLElement>('<chanrong-financing-calculator></chanrong-financing-calculator>');
    const base = parseFloat(getComputedStyle(normal.shadowRoot!.querySelector('label')!).fontSize);
    cleanup();
    const large = await mount<HTMLElement>('<chanrong-financing-calculator size="large"></chanrong-financing-calculator>');
    const bigger = parseFloat(getComputedStyle(large.shadowRoot!.querySelector('label')!).fontSize);
    expect(bigger).to.be.at.least(18);
    expect(bigger / base).to.be.at.least(1.2);
  });
});
