// The demo portal, as a visitor sees it: its own chrome around the three widgets, in every theme (government blue,
// bank red, dark) axe-clean, and no horizontal scroll at 320 px in the three locales.
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
    it(`has no horizontal scroll at 320 px in ${locale}`, async () => {
      await setViewport({ width: 320, height: 900 });
      choose('locale', locale);
      await waitFor(() => document.documentElement.lang === locale, 'locale applied');
      await new Promise((r) => setTimeout(r, 300));
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    });
  }
});
