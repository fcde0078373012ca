// The three widgets' first screens: registered, localized, fed by the client, accessible.
import { expect } from '@open-wc/testing';
import { createLocalClient } from '../../src/sdk/local-client.js';
import { ChanrongHttpError } from '../../src/sdk/errors.js';
import type { AcceleratorClient } from '../../src/contract/index.js';
import { cleanup, mount, text, waitFor } from './helpers.js';

const TAGS = ['chanrong-eligibility-checker', 'chanrong-financing-calculator', 'chanrong-incubator-map'] as const;

describe('widgets', () => {
  afterEach(cleanup);

  it('registers every tag, and a second registration is a no-op', async () => {
    for (const tag of [...TAGS, 'chanrong-services']) expect(customElements.get(tag), tag).to.be.a('function');
    const { defineElement } = await import('../../src/elements/shared/define-element.js');
    const { ChanrongEligibilityChecker } = await import('../../src/elements/index.js');
    expect(() => defineElement('chanrong-eligibility-checker', ChanrongEligibilityChecker)).to.not.throw();
  });

  it('warns instead of throwing when another version holds a tag', async () => {
    const { defineElement } = await import('../../src/elements/shared/define-element.js');
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => { warnings.push(args.join(' ')); };
    try {
      class Foreign extends HTMLElement {}
      customElements.define('chanrong-test-foreign', Foreign);
      class Ours extends HTMLElement {}
      expect(() => defineElement('chanrong-test-foreign', Ours)).to.not.throw();
    } finally {
      console.warn = original;
    }
    expect(String(warnings[0])).to.match(/already defined/);
  });

  it('checker lists the programs in force, with sources, on the bundled data by default', async () => {
    const el = await mount('<chanrong-eligibility-checker as-of="2026-01-01"></chanrong-eligibility-checker>');
    const items = el.shadowRoot!.querySelectorAll('[data-program]');
    expect(items.length).to.be.at.least(8);
    expect(text(el)).to.include('政策匹配');
    expect(text(el)).to.include('知识产权质押贷款');
    expect(text(el)).to.include('政策依据');
  });

  it('checker limits the list to the `programs` attribute', async () => {
    const el = await mount('<chanrong-eligibility-checker as-of="2026-01-01" programs="ip-pledge-loan, tech-credit-loan"></chanrong-eligibility-checker>');
    const ids = [...el.shadowRoot!.querySelectorAll('[data-program]')].map((n) => n.getAttribute('data-program'));
    expect(ids).to.deep.equal(['ip-pledge-loan', 'tech-credit-loan']);
  });

  it('follows the nearest lang and its changes, and the locale attribute wins', async () => {
    const host = document.createElement('div');
    host.lang = 'en';
    document.body.append(host);
    const el = await mount('<chanrong-eligibility-checker as-of="2026-01-01"></chanrong-eligibility-checker>', host);
    expect(text(el)).to.include('Find support programs');
    expect(text(el)).to.include('IP-pledge loan');
    host.lang = 'zh-HK';
    await waitFor(() => text(el).includes('智慧財產權質押貸款'), 'zh-TW text');
    el.setAttribute('locale', 'zh-CN');
    await waitFor(() => text(el).includes('知识产权质押贷款'), 'zh-CN text');
  });

  it('calculator shows the latest LPR, the financing presets and a first quote', async () => {
    const el = await mount('<chanrong-financing-calculator locale="en"></chanrong-financing-calculator>');
    expect(el.shadowRoot!.querySelector('[data-lpr="1y"]')!.textContent).to.equal('3.00%');
    expect(el.shadowRoot!.querySelector('[data-lpr="5y"]')!.textContent).to.equal('3.50%');
    expect(text(el)).to.include('published 2025-05-20');
    expect(el.shadowRoot!.querySelector('[data-lpr-checked]')!.textContent).to.include('checked against the official publication up to 2026-01-20');
    expect(el.shadowRoot!.querySelector('#f-program option[value="tech-credit-loan"]')).to.not.equal(null);
    expect(el.shadowRoot!.querySelector('[data-figure="annualized-rate"]')).to.not.equal(null);
  });

  it('map renders its legend, the schematic label and the directory', async () => {
    const el = await mount('<chanrong-incubator-map locale="zh-TW"></chanrong-incubator-map>');
    expect(text(el)).to.include('國家級');
    expect(text(el)).to.include('示意圖');
    expect(text(el)).to.include('清華大學國家大學科技園');
  });

  it('uses the `client` property, and a <chanrong-services> client for the widgets inside it', async () => {
    const base = createLocalClient();
    let calls = 0;
    const counting: AcceleratorClient = { ...base, programs: { list: (q, o) => { calls++; return base.programs.list(q, o); } } };
    const services = document.createElement('chanrong-services');
    services.client = counting;
    document.body.append(services);
    await mount('<chanrong-eligibility-checker as-of="2026-01-01"></chanrong-eligibility-checker>', services);
    expect(calls).to.equal(1);
  });

  it('reports a failing client with chanrong-error and a localized message, and can retry', async () => {
    let fail = true;
    const base = createLocalClient();
    const flaky: AcceleratorClient = {
      ...base,
      programs: { list: async (q, o) => { if (fail) throw new ChanrongHttpError({ type: 'x', title: 'down', status: 0 }); return base.programs.list(q, o); } },
    };
    const errors: unknown[] = [];
    document.body.addEventListener('chanrong-error', (e) => errors.push(e.detail.error), { once: true });
    const el = document.createElement('chanrong-eligibility-checker');
    el.client = flaky;
    el.locale = 'en';
    el.asOf = '2026-01-01';
    const ready = new Promise((r) => el.addEventListener('chanrong-ready', r, { once: true }));
    document.body.append(el);
    await ready;
    expect(errors).to.have.length(1);
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.include('could not be reached');
    fail = false;
    (el.shadowRoot!.querySelector('[role="alert"] button') as HTMLButtonElement).click();
    await waitFor(() => el.shadowRoot!.querySelectorAll('[data-program]').length > 0, 'programs after retry');
  });

  for (const locale of ['zh-CN', 'zh-TW', 'en']) {
    it(`is axe-clean in ${locale}`, async () => {
      for (const tag of TAGS) {
        const el = await mount(`<${tag} locale="${locale}" as-of="2026-01-01"></${tag}>`);
        await expect(el).to.be.accessible();
      }
    });
  }
});
