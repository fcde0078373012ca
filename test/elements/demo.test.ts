// The demo portal, as a visitor sees it: its own chrome around the three widgets, in every theme (government blue,
// bank red, dark) axe-clean, no horizontal scroll from 320 to 1920 px in the three locales, its icon, and the
// contract-v2 financing example.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { waitFor } from './helpers.js';

const TAGS = ['chanrong-eligibility-checker', 'chanrong-financing-calculator', 'chanrong-incubator-map'];

async function portal(): Promise<void> {
  const markup = await (await fetch('/demo/index.html')).text();
  const doc = new DOMParser().parseFromString(markup, 'text/html'); // the demo's own file, not user data
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = '/demo/portal.css';
  const loaded = new Promise((r) => link.addEventListener('load', r, { once: true }));
  document.head.append(link);
  await loaded;
  const ready = TAGS.map((tag) => new Promise((r) => document.addEventListener('chanrong-ready', (e) => { if ((e.target as Element).localName === tag) r(null); })));
  document.body.replaceChildren(...[...doc.body.children].map((n) => document.adoptNode(n)));
  await import('/demo/demo.js' as string);
  await Promise.all(ready);
}

function choose(id: string, value: string): void {
  const select = document.getElementById(id) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

describe('demo portal', () => {
  before(portal);
  after(() => setViewport({ width: 800, height: 600 }));

  for (const theme of ['gov', 'bank', 'dark']) {
    it(`is axe-clean in the ${theme} theme`, async () => {
      await setViewport({ width: 1280, height: 900 });
      choose('theme', theme);
      await waitFor(() => document.body.dataset['theme'] === theme, 'theme applied');
      await new Promise((r) => requestAnimationFrame(r));
      await expect(document.body).to.be.accessible();
    });
  }

  for (const locale of ['zh-CN', 'zh-TW', 'en']) {
    it(`has no horizontal scroll from 320 to 1920 px in ${locale}`, async () => {
      choose('locale', locale);
      const widgets = TAGS.map((tag) => document.querySelector(tag) as HTMLElement & { resolvedLocale: string; updateComplete: Promise<boolean> });
      await waitFor(() => widgets.every((w) => w.resolvedLocale === locale), 'the widgets follow the page language');
      await Promise.all(widgets.map((w) => w.updateComplete));
      for (const width of [320, 360, 375, 414, 768, 1024, 1280, 1920]) {
        await setViewport({ width, height: 900 });
        await new Promise((r) => requestAnimationFrame(r));
        expect(document.documentElement.scrollWidth, `${locale} at ${width} px`).to.be.at.most(width);
      }
    });
  }

  it('has an icon (no 404 for /favicon.ico) in every page', async () => {
    for (const page of ['index', 'checker', 'calculator', 'map']) {
      const doc = new DOMParser().parseFromString(await (await fetch(`/demo/${page}.html`)).text(), 'text/html');
      const href = doc.querySelector('link[rel=icon]')?.getAttribute('href');
      expect(href, `${page}.html names an icon`).to.be.a('string');
      const icon = await fetch(new URL(href!, `${location.origin}/demo/${page}.html`));
      expect(icon.status, `${page}.html icon`).to.equal(200);
      expect(icon.headers.get('content-type')).to.include('svg');
    }
  });

  it('shows a contract-v2 loan: "LPR scenario and prepayment" fills the calculator with a repriced path and a prepayment', async () => {
    choose('locale', 'zh-CN');
    const calculator = document.querySelector('chanrong-financing-calculator') as HTMLElement & { request?: Record<string, unknown> };
    const quoted = new Promise<Record<string, unknown>>((r) => calculator.addEventListener('chanrong-quote', (e) => r((e as CustomEvent).detail.quote), { once: true }));
    (document.getElementById('v2-example') as HTMLButtonElement).click();
    const quote = await quoted as { rateChanges: unknown[]; totals: { prepayment: number } };
    expect(calculator.request!['prepayments']).to.have.length(1);
    expect((calculator.request!['rate'] as Record<string, unknown>)['repricing']).to.equal('anniversary');
    expect(quote.rateChanges.length).to.be.greaterThan(1);
    expect(quote.totals.prepayment).to.be.greaterThan(0);
    await waitFor(() => !!calculator.shadowRoot!.querySelector('[data-section="prepayment-comparison"]'), 'the prepayment comparison');
  });
});
