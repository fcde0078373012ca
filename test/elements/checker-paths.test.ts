// The checker's v2 parts as a user meets them: "what would make you eligible" in plain words, trying a path as a
// what-if and undoing it, downloading the decision record and printing its one-page summary, in three locales.
import { expect } from '@open-wc/testing';
import type { Catalog, DecisionRecord, EligibilityReport } from '../../src/contract/index.js';
import type { ChanrongEligibilityChecker } from '../../src/elements/index.js';
import { createLocalClient } from '../../src/sdk/local-client.js';
import { verifyRecord } from '../../src/sdk/index.js';
import { cleanup, mount, text, waitFor } from './helpers.js';

const $ = <T extends Element>(el: Element, selector: string) => el.shadowRoot!.querySelector(selector) as T;
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)];
const l = (s: string) => ({ 'zh-CN': s, 'zh-TW': s, en: s });

const catalog: Catalog = {
  version: 'paths-test',
  facts: {
    region: { type: 'region', label: l('注册地'), changeable: false },
    certs: { type: 'enum-set', label: { 'zh-CN': '资质', 'zh-TW': '資質', en: 'Certifications' }, options: [{ value: 'high-tech', label: { 'zh-CN': '高新技术企业', 'zh-TW': '高新技術企業', en: 'High-tech enterprise' } }, { value: 'srdi', label: l('专精特新') }] },
    rd: { type: 'number', label: { 'zh-CN': '研发投入强度', 'zh-TW': '研發投入強度', en: 'R&D intensity' }, min: 0, max: 100, unit: l('%') },
  },
  programs: [{
    id: 'grant', kind: 'subsidy', title: { 'zh-CN': '研发补助', 'zh-TW': '研發補助', en: 'R&D grant' }, sources: [{ title: l('办法'), date: '2026-01-01', url: 'https://example.org/rule' }],
    criteria: { all: [{ fact: 'region', op: 'withinRegion', value: ['320000'] }, { any: [{ fact: 'certs', op: 'includesAny', value: ['high-tech'] }, { fact: 'rd', op: 'gte', value: 5 }] }] },
  }],
};

async function checker(locale: string) {
  const el = await mount<ChanrongEligibilityChecker>(`<chanrong-eligibility-checker locale="${locale}" as-of="2026-06-01"></chanrong-eligibility-checker>`);
  const reports: EligibilityReport[] = [];
  el.addEventListener('chanrong-result', (e) => reports.push(e.detail.report as EligibilityReport));
  el.client = createLocalClient({ catalog, now: () => new Date('2026-06-01T00:00:00Z') });
  await waitFor(() => reports.length > 0, 'a first report');
  el.profile = { region: '320100', certs: ['srdi'], rd: 3.2 };
  await waitFor(() => reports.length > 1, 'a report of the profile');
  await el.updateComplete;
  return { el, reports };
}

describe('<chanrong-eligibility-checker> paths and records', () => {
  afterEach(() => cleanup());

  it('says what would make the enterprise eligible, in plain words, in three locales', async () => {
    for (const [locale, words] of [['zh-CN', ['怎样才能符合条件', '取得 高新技术企业', '研发投入强度达到 5', '目前：3.2']], ['zh-TW', ['怎樣才能符合條件', '取得 高新技術企業']], ['en', ['What would make you eligible', 'obtain High-tech enterprise', 'R&D intensity at least 5', 'you have 3.2']]] as const) {
      const { el } = await checker(locale);
      expect($(el, '[data-program="grant"]')!.getAttribute('data-status')).to.equal('ineligible');
      const block = ($(el, '[data-program="grant"] .paths')?.textContent ?? '').replace(/\s+/g, ' ');
      for (const w of words) expect(block, `${locale}: ${w}`).to.include(w);
      cleanup();
    }
  });

  it('tries a path as a what-if and undoes it', async () => {
    const { el, reports } = await checker('en');
    const before = reports.length;
    ($$(el, '[data-program="grant"] .path button')[0] as HTMLButtonElement).click();
    await waitFor(() => reports.length > before, 'the what-if report');
    await el.updateComplete;
    expect($(el, '[data-program="grant"]')!.getAttribute('data-status')).to.equal('eligible');
    expect(text(el)).to.include('You are looking at a what-if');
    const undo = $$(el, 'button').find((b) => b.textContent!.includes('Undo what-if')) as HTMLButtonElement;
    undo.click();
    await waitFor(() => $(el, '[data-program="grant"]')?.getAttribute('data-status') === 'ineligible', 'the real answers again');
    expect(el.profile).to.deep.equal({ region: '320100', certs: ['srdi'], rd: 3.2 });
    expect(text(el)).to.not.include('You are looking at a what-if');
  });

  it('downloads a verifiable record and prints a one-page summary with the digest', async () => {
    const { el } = await checker('zh-CN');
    const blobs: Blob[] = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (b: Blob) => { blobs.push(b); return create.call(URL, b); };
    const print = window.print;
    let printed = 0;
    window.print = () => { printed++; };
    try {
      ($$(el, 'button').find((b) => b.textContent!.includes('下载决策记录')) as HTMLButtonElement).click();
      await waitFor(() => blobs.length > 0, 'a download');
      const record = JSON.parse(await blobs[0]!.text()) as DecisionRecord;
      expect(record.format).to.equal('chanrong-decision/1');
      expect(record.profile).to.deep.equal({ region: '320100', certs: ['srdi'], rd: 3.2 });
      expect((await verifyRecord(record, { catalog })).ok).to.equal(true);
      ($$(el, 'button').find((b) => b.textContent!.includes('打印摘要')) as HTMLButtonElement).click();
      await waitFor(() => printed > 0, 'print');
      const summary = ($(el, '.record-summary')?.textContent ?? '').replace(/\s+/g, ' ');
      expect(summary).to.include(record.digest);
      expect(summary).to.include('paths-test');
      expect(summary).to.include('研发补助');
      expect(summary).to.include('https://example.org/rule');
      // The digest's QR code: drawn as one path of module runs, sized to a real QR version (decoded in test/node/record-qr.test.ts).
      const qr = $(el, '.record-summary svg.record-qr');
      expect(qr?.getAttribute('aria-label')).to.be.a('string').and.not.equal('');
      expect(qr?.querySelector('path')?.getAttribute('d')).to.match(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
    } finally {
      URL.createObjectURL = create;
      window.print = print;
    }
  });
});
