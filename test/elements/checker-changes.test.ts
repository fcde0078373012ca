// Issue 10 in the checker: a proposal of the brief is shown as such (badge and sentence, 3 locales), and a saved
// report from an older catalog version makes the checker list the results that changed since.
import { expect } from '@open-wc/testing';
import type { ChanrongEligibilityChecker } from '../../src/elements/index.js';
import { cleanup, mount, text, waitFor } from './helpers.js';
import bundledCatalog from '../../src/data/catalog/catalog.json' with { type: 'json' };

/** The bundled catalog's version (bumped on every data change), so these tests follow the data. */
const BUNDLED_VERSION = bundledCatalog.version;

type Checker = ChanrongEligibilityChecker;
const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector);
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)];

describe('<chanrong-eligibility-checker> standing and changes since', () => {
  afterEach(() => { cleanup(); sessionStorage.clear(); });

  for (const [locale, badge, sentence] of [
    ['zh-CN', '政策建议', '尚未成为现行政策'],
    ['zh-TW', '政策建議', '尚未成為現行政策'],
    ['en', 'Proposal', 'not a regulation in force'],
  ] as const) {
    it(`marks the brief's proposals with a badge and a sentence, and pilots with a badge (${locale})`, async () => {
      const el = await mount<Checker>(`<chanrong-eligibility-checker locale="${locale}" as-of="2026-11-26"></chanrong-eligibility-checker>`);
      const proposal = $(el, '[data-program="accelerator-operator-qualification"]')!;
      expect(proposal.querySelector('[data-standing="proposal"]')!.textContent).to.equal(badge);
      expect(proposal.querySelector('[data-proposal-note]')!.textContent).to.include(sentence);
      expect($(el, '[data-program="aic-equity-investment-pilot"] [data-standing="pilot"]')).to.not.equal(null);
      // A regulation carries neither.
      expect($(el, '[data-program="ip-pledge-loan"] [data-standing]')).to.equal(null);
      expect($(el, '[data-program="ip-pledge-loan"] [data-proposal-note]')).to.equal(null);
    });
  }

  it('lists the results that changed since a report of an older catalog version', async () => {
    const el = document.createElement('chanrong-eligibility-checker');
    el.asOf = '2026-11-26';
    el.locale = 'en';
    el.profile = { entityType: 'enterprise', techUpgradeProject: true };
    el.since = {
      catalogVersion: '2026.11.2',
      results: [
        { programId: 'tech-upgrade-relending', status: 'ineligible' }, // was shut out by the negative-list gate
        { programId: 'ip-pledge-loan', status: 'undetermined' },        // still undetermined: not listed
        { programId: 'tech-mna-loan', status: 'undetermined' },         // gone from the catalog
      ],
    };
    const ready = new Promise((r) => el.addEventListener('chanrong-ready', r, { once: true }));
    document.body.append(el);
    await ready;
    const notice = $(el, '[data-notice="changed-since"]')!;
    expect(notice.textContent).to.include('program catalog 2026.11.2');
    expect(notice.querySelector('[data-changed="tech-upgrade-relending"]')!.textContent).to.match(/→ Eligible/);
    expect(notice.querySelector('[data-changed="tech-mna-loan"]')!.textContent).to.include('no longer listed');
    expect(notice.querySelector('[data-changed="ip-pledge-loan"]')).to.equal(null);
    // Programs new since then are named too.
    expect(notice.querySelector('[data-changed="tech-innovation-guarantee-plan"]')!.textContent).to.include('new program');
  });

  it('says nothing when the earlier report is from the same catalog version', async () => {
    const el = document.createElement('chanrong-eligibility-checker');
    el.asOf = '2026-11-26';
    el.since = { catalogVersion: BUNDLED_VERSION, results: [{ programId: 'ip-pledge-loan', status: 'eligible' }] };
    const ready = new Promise((r) => el.addEventListener('chanrong-ready', r, { once: true }));
    document.body.append(el);
    await ready;
    expect($(el, '[data-notice="changed-since"]')).to.equal(null);
  });

  it('with persist, compares with the report saved on the last visit', async () => {
    sessionStorage.setItem('chanrong:eligibility:c9', JSON.stringify({ entityType: 'accelerator-operator', capitalAdequacyRatio: 13, riskReserveCoverage: 10 }));
    sessionStorage.setItem('chanrong:eligibility:c9:report', JSON.stringify({
      catalogVersion: '2026.11.2', results: [{ programId: 'accelerator-operator-qualification', status: 'ineligible' }],
    }));
    const el = await mount<Checker>('<chanrong-eligibility-checker id="c9" persist locale="zh-CN" as-of="2026-11-26"></chanrong-eligibility-checker>');
    await waitFor(() => !!$(el, '[data-changed="accelerator-operator-qualification"]'), 'a change listed');
    expect($(el, '[data-changed="accelerator-operator-qualification"]')!.textContent).to.include('暂不符合 → 可以申请');
    // Today's report is kept for the next visit.
    expect(JSON.parse(sessionStorage.getItem('chanrong:eligibility:c9:report')!).catalogVersion).to.equal(BUNDLED_VERSION);
    ($$(el, '.actions button').find((b) => b.textContent!.includes('清除'))! as HTMLButtonElement).click();
    await waitFor(() => !$(el, '[data-notice="changed-since"]'), 'notice cleared');
    expect(sessionStorage.getItem('chanrong:eligibility:c9:report')).to.equal(null);
  });
});
