// <chanrong-eligibility-checker> driven as a user would: answer, fix a mistake, change an answer, reload, clear.
import { expect } from '@open-wc/testing';
import type { AcceleratorClient, EligibilityReport, FinancingQuote, Profile } from '../../src/contract/index.js';
import type { ChanrongSelectProgramDetail } from '../../src/elements/index.js';
import { createLocalClient } from '../../src/sdk/local-client.js';
import catalogJson from '../../src/data/catalog/catalog.json' with { type: 'json' };
import { ChanrongHttpError } from '../../src/sdk/errors.js';
import type { ChanrongEligibilityChecker } from '../../src/elements/index.js';
import { cleanup, mount, text, waitFor } from './helpers.js';

type Checker = ChanrongEligibilityChecker;
const $ = <T extends Element>(el: Element, selector: string) => el.shadowRoot!.querySelector(selector) as T;
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)];
const questionFacts = (el: Element) => $$(el, 'form [data-fact]').map((n) => n.getAttribute('data-fact'));

function choose(el: Element, fact: string, value: string): void {
  const input = $$(el, `[data-fact="${fact}"] input`).find((i) => (i as HTMLInputElement).value === value) as HTMLInputElement;
  input.click();
}
function type(el: Element, fact: string, value: string): void {
  const input = $<HTMLInputElement>(el, `[data-fact="${fact}"] input:not([type=checkbox])`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
function check(el: Element, fact: string, label: string): void {
  const box = $$(el, `[data-fact="${fact}"] label`).find((l) => l.textContent!.trim() === label)!.querySelector('input') as HTMLInputElement;
  box.click();
}
async function next(el: Checker): Promise<void> {
  $<HTMLButtonElement>(el, 'form button[type=submit]').click();
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
}
const statusOf = (el: Element, id: string) => $(el, `[data-program="${id}"]`)?.getAttribute('data-status');

describe('<chanrong-eligibility-checker>', () => {
  afterEach(() => { cleanup(); sessionStorage.clear(); });

  it('asks the next questions first and updates results as answers arrive', async () => {
    const el = await mount<Checker>('<chanrong-eligibility-checker as-of="2026-01-01"></chanrong-eligibility-checker>');
    expect(questionFacts(el)).to.deep.equal(['entityType', 'enterpriseSize', 'certifications']);
    const changes: Profile[] = [];
    const reports: EligibilityReport[] = [];
    el.addEventListener('chanrong-change', (e) => changes.push(e.detail.profile as Profile));
    el.addEventListener('chanrong-result', (e) => reports.push(e.detail.report as EligibilityReport));
    choose(el, 'entityType', 'enterprise');
    choose(el, 'enterpriseSize', 'small');
    check(el, 'certifications', '以上都没有');
    await next(el);
    await waitFor(() => reports.length > 0, 'a new report');
    expect(changes.at(-1)).to.deep.equal({ entityType: 'enterprise', enterpriseSize: 'small', certifications: [] });
    expect(el.profile).to.deep.equal(changes.at(-1));
    expect(statusOf(el, 'accelerator-operator-qualification')).to.equal('ineligible');
    expect(questionFacts(el)).to.not.include('entityType');
    expect(el.shadowRoot!.activeElement?.id).to.equal('questions-title');
  });

  it('names the field of a wrong answer, keeps what was typed, and sends nothing', async () => {
    const client = createLocalClient();
    let checks = 0;
    const counting: AcceleratorClient = { ...client, eligibility: { ...client.eligibility, check: (r, o) => { checks++; return client.eligibility.check(r, o); } } };
    const el = document.createElement('chanrong-eligibility-checker');
    el.client = counting;
    el.asOf = '2026-01-01';
    el.profile = { entityType: 'accelerator-operator' };
    const ready = new Promise((r) => el.addEventListener('chanrong-ready', r, { once: true }));
    document.body.append(el);
    await ready;
    expect(questionFacts(el)).to.deep.equal(['capitalAdequacyRatio', 'riskReserveCoverage']);
    const before = checks;
    type(el, 'capitalAdequacyRatio', '12,5');
    type(el, 'riskReserveCoverage', '-3');
    await next(el);
    expect(checks).to.equal(before);
    expect($(el, '[data-fact="capitalAdequacyRatio"] .field-error').textContent).to.equal('资本充足率的小数请用小数点，例如 12.5；逗号只用作千位分隔，例如 1,000,000');
    expect($(el, '[data-fact="riskReserveCoverage"] .field-error').textContent).to.equal('风险准备金覆盖率不得低于 0 %');
    expect($<HTMLInputElement>(el, '[data-fact="capitalAdequacyRatio"] input[type=text]').value).to.equal('12,5');
    expect($<HTMLInputElement>(el, '[data-fact="capitalAdequacyRatio"] input[type=text]').getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[data-fact="capitalAdequacyRatio"] input[type=text]'));
    type(el, 'capitalAdequacyRatio', '12.5%'); // a percentage typed as a percentage
    await el.updateComplete;
    expect(!!$(el, '[data-fact="capitalAdequacyRatio"] .field-error')).to.equal(false); // cleared as soon as it is edited
    type(el, 'riskReserveCoverage', '１０'); // full-width digits from an input method
    await next(el);
    await waitFor(() => statusOf(el, 'accelerator-operator-qualification') === 'eligible', 'eligible operator');
    expect(el.profile).to.include({ capitalAdequacyRatio: 12.5, riskReserveCoverage: 10 });
  });

  it("accepts \"don't know\" and never asks that question again", async () => {
    const el = await mount<Checker>('<chanrong-eligibility-checker as-of="2026-01-01" programs="ip-pledge-loan"></chanrong-eligibility-checker>');
    for (const fact of questionFacts(el)) {
      const box = $$(el, `[data-fact="${fact}"] label`).find((l) => l.textContent!.trim() === '不清楚')!.querySelector('input') as HTMLInputElement;
      box.click();
    }
    await next(el);
    await waitFor(() => Object.values(el.profile).every((v) => v === null) && Object.keys(el.profile).length === 2, 'unknown answers');
    for (const fact of Object.keys(el.profile)) expect(questionFacts(el)).to.not.include(fact);
    expect(text(el)).to.include('不清楚');
  });

  it('picks a region by province and city', async () => {
    const el = document.createElement('chanrong-eligibility-checker');
    el.asOf = '2026-01-01';
    el.programs = 'aic-equity-investment-pilot';
    el.profile = { entityType: 'enterprise', certifications: ['high-tech'] };
    const ready = new Promise((r) => el.addEventListener('chanrong-ready', r, { once: true }));
    document.body.append(el);
    await ready;
    await waitFor(() => $$(el, '[data-fact="region"] select option').length > 30, 'provinces');
    const province = $<HTMLSelectElement>(el, '[data-fact="region"] select');
    province.value = '440000';
    province.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await next(el);
    expect($(el, '[data-fact="region"] .field-error').textContent).to.include('请选择地级行政区');
    const city = $$(el, '[data-fact="region"] select')[1] as HTMLSelectElement;
    city.value = '440300';
    city.dispatchEvent(new Event('change'));
    await next(el);
    await waitFor(() => statusOf(el, 'aic-equity-investment-pilot') === 'eligible', 'Guangdong is a pilot province');
    expect(el.profile['region']).to.equal('440300');
    expect(text(el)).to.include('广东省 深圳市');
  });

  it('lets an answer be changed from the summary', async () => {
    const el = document.createElement('chanrong-eligibility-checker');
    el.asOf = '2026-01-01';
    el.profile = { entityType: 'accelerator-operator' };
    el.locale = 'en';
    const ready = new Promise((r) => el.addEventListener('chanrong-ready', r, { once: true }));
    document.body.append(el);
    await ready;
    expect(statusOf(el, 'tech-credit-loan')).to.equal('ineligible');
    const change = $$(el, '.answers button').find((b) => b.getAttribute('aria-label')!.includes('Type of applicant'))! as HTMLButtonElement;
    change.click();
    await el.updateComplete;
    expect(questionFacts(el)).to.deep.equal(['entityType']);
    choose(el, 'entityType', 'enterprise');
    await next(el);
    await waitFor(() => statusOf(el, 'tech-credit-loan') === 'undetermined', 'no longer failed by the applicant type');
  });

  it('keeps answers across a reload with persist, and clears them', async () => {
    const first = await mount<Checker>('<chanrong-eligibility-checker id="c1" persist as-of="2026-01-01"></chanrong-eligibility-checker>');
    choose(first, 'entityType', 'enterprise');
    choose(first, 'enterpriseSize', 'small');
    check(first, 'certifications', '以上都没有');
    await next(first);
    cleanup();
    const second = await mount<Checker>('<chanrong-eligibility-checker id="c1" persist as-of="2026-01-01"></chanrong-eligibility-checker>');
    expect(second.profile).to.deep.equal({ entityType: 'enterprise', enterpriseSize: 'small', certifications: [] });
    ($$(second, '.actions button').find((b) => b.textContent!.includes('清除'))! as HTMLButtonElement).click();
    await waitFor(() => Object.keys(second.profile).length === 0, 'cleared');
    expect(sessionStorage.getItem('chanrong:eligibility:c1')).to.equal(null);
  });

  it('never loses the answers when the client fails, and recovers on retry', async () => {
    const base = createLocalClient();
    let fail = false;
    let failedChecks = 0;
    const flaky: AcceleratorClient = {
      ...base,
      eligibility: { ...base.eligibility, check: async (r, o) => { if (fail) { failedChecks++; throw new ChanrongHttpError({ type: 'x', title: 'down', status: 503 }); } return base.eligibility.check(r, o); } },
    };
    const el = document.createElement('chanrong-eligibility-checker');
    el.client = flaky;
    el.asOf = '2026-01-01';
    const ready = new Promise((r) => el.addEventListener('chanrong-ready', r, { once: true }));
    document.body.append(el);
    await ready;
    const errors: unknown[] = [];
    el.addEventListener('chanrong-error', (e) => errors.push(e.detail.error));
    fail = true;
    choose(el, 'entityType', 'enterprise');
    choose(el, 'enterpriseSize', 'small');
    check(el, 'certifications', '以上都没有');
    await next(el);
    await waitFor(() => errors.length === 1, 'an error event');
    await el.updateComplete; // the submit has run its course: no check after this one
    expect(failedChecks).to.equal(1); // one answer, one check, one error
    expect(errors).to.have.length(1);
    expect($(el, '[role=alert]').textContent).to.include('服务器出错');
    expect(el.profile).to.deep.equal({ entityType: 'enterprise', enterpriseSize: 'small', certifications: [] });
    fail = false;
    $<HTMLButtonElement>(el, '[role=alert] button').click();
    await waitFor(() => !$(el, '[role=alert]') && statusOf(el, 'accelerator-operator-qualification') === 'ineligible', 'recovered');
  });

  it('"calculate financing" hands the answers to the calculator through <chanrong-services>, unless the host cancels', async () => {
    const services = document.createElement('chanrong-services');
    const calculator = document.createElement('chanrong-financing-calculator');
    const calcReady = new Promise((r) => calculator.addEventListener('chanrong-ready', r, { once: true }));
    services.append(calculator);
    document.body.append(services);
    await calcReady;
    // A host catalog that asks for the IP's appraised value (the bundled one no longer does), both in 万元.
    const catalog = structuredClone(catalogJson) as { facts: Record<string, unknown> };
    catalog.facts['ipAppraisedValue'] = { type: 'number', label: { 'zh-CN': '可质押知识产权评估价值' }, unit: { 'zh-CN': '万元', 'zh-TW': '萬元', en: '10k yuan' }, min: 0 };
    const el = document.createElement('chanrong-eligibility-checker');
    el.client = createLocalClient({ catalog: catalog as never });
    el.asOf = '2026-01-01';
    el.programs = 'ip-pledge-loan';
    el.profile = { requestedAmount: 500, ipAppraisedValue: 800 }; // 万元, as the catalog asks
    const ready = new Promise((r) => el.addEventListener('chanrong-ready', r, { once: true }));
    services.append(el);
    await ready;
    const selected: CustomEvent<ChanrongSelectProgramDetail>[] = [];
    el.addEventListener('chanrong-select-program', (e) => selected.push(e));
    const finance = () => $<HTMLButtonElement>(el, '[data-program="ip-pledge-loan"] .finance button');
    // A host that routes the hand-off itself cancels the event: the calculator is left alone.
    const cancel = (e: Event) => e.preventDefault();
    document.addEventListener('chanrong-select-program', cancel, { once: true });
    finance().click();
    await new Promise((r) => setTimeout(r, 0));
    expect(selected[0]!.defaultPrevented).to.equal(true);
    expect(calculator.program).to.equal(undefined);
    // Not cancelled: the provider routes it; amount sought → principal, IP value → ipPledge, both in yuan.
    const quoted = new Promise<FinancingQuote>((r) => calculator.addEventListener('chanrong-quote', (e) => r(e.detail.quote as FinancingQuote), { once: true }));
    finance().click();
    expect(selected[1]!.detail.program.id).to.equal('ip-pledge-loan');
    expect(selected[1]!.detail.financing.principal).to.equal(5_000_000);
    expect(selected[1]!.detail.financing.ipPledge?.appraisedValue).to.equal(8_000_000);
    await quoted;
    expect(calculator.program).to.equal('ip-pledge-loan');
    expect(calculator.request?.principal).to.equal(5_000_000);
    expect(calculator.shadowRoot!.querySelector<HTMLInputElement>('[data-field="ipValue"] input')!.value).to.equal('8000000');
    expect(calculator.shadowRoot!.querySelector('.notice')!.textContent).to.include('您在政策匹配中的回答');
    // A later hand-off of another program keeps the amount sought (the program change is not re-applied as a bare preset).
    const { programs } = await createLocalClient().programs.list({ asOf: '2026-01-01' });
    const other = programs.find((p) => p.financing && p.id !== 'ip-pledge-loan')!;
    const again = new Promise<FinancingQuote>((r) => calculator.addEventListener('chanrong-quote', (e) => r(e.detail.quote as FinancingQuote), { once: true }));
    calculator.applyFinancing({ ...other.financing, principal: 5_000_000 }, other);
    await again;
    // The reflected `program` attribute goes through an update: had it re-applied the bare preset, the drafts would
    // show the preset's amount once that update is done.
    await calculator.updateComplete;
    expect(calculator.shadowRoot!.querySelector<HTMLInputElement>('[data-field="principal"] input')!.value).to.equal('5000000');
    expect(calculator.program).to.equal(other.id);
    expect(calculator.request?.principal).to.equal(5_000_000);
    expect(calculator.shadowRoot!.querySelector('.notice')!.textContent).to.include('您在政策匹配中的回答');
  });

  it('explains each criterion with its status, the answer given and the policy source', async () => {
    const el = document.createElement('chanrong-eligibility-checker');
    el.asOf = '2026-01-01';
    el.programs = 'accelerator-operator-qualification';
    el.profile = { entityType: 'accelerator-operator', capitalAdequacyRatio: 8, riskReserveCoverage: 15 };
    const ready = new Promise((r) => el.addEventListener('chanrong-ready', r, { once: true }));
    document.body.append(el);
    await ready;
    const trace = $(el, '[data-program="accelerator-operator-qualification"] .trace').textContent!.replace(/\s+/g, ' ');
    expect(trace).to.include('不符合: 资本充足率不低于 12%');
    expect(trace).to.include('您的回答：8 %');
    expect(trace).to.include('符合: 风险准备金覆盖率不低于 10%');
    expect(trace).to.include('政策依据：前海智库产融加速器课题'); // a criterion's own source
    const sources = $(el, '[data-program="accelerator-operator-qualification"] ul.sources').textContent!;
    expect(sources).to.include('严控加速器主体的资本充足率'); // the program's policy text
  });

  for (const locale of ['zh-CN', 'zh-TW', 'en']) {
    it(`is axe-clean with questions, errors and open criteria in ${locale}`, async () => {
      const el = await mount<Checker>(`<chanrong-eligibility-checker locale="${locale}" as-of="2026-01-01"></chanrong-eligibility-checker>`);
      await next(el); // every question unanswered: errors shown
      for (const d of $$(el, 'details')) (d as HTMLDetailsElement).open = true;
      await expect(el).to.be.accessible();
    });
  }
});

describe('<chanrong-eligibility-checker> with the keyboard only', () => {
  afterEach(() => { cleanup(); sessionStorage.clear(); });

  it('answers a group and moves focus to the next one without a pointer', async () => {
    const { sendKeys } = await import('@web/test-runner-commands');
    const el = await mount<Checker>('<chanrong-eligibility-checker as-of="2026-01-01" locale="en"></chanrong-eligibility-checker>');
    const first = $<HTMLInputElement>(el, '[data-fact="entityType"] input[type=radio]');
    first.focus();
    await sendKeys({ press: 'Space' }); // entityType: Enterprise
    await sendKeys({ press: 'Tab' }); // → enterpriseSize radio group
    await sendKeys({ press: 'ArrowRight' }); // Micro → Small
    await sendKeys({ press: 'Tab' }); // → first certification box
    for (let i = 0; i < 6; i++) await sendKeys({ press: 'Tab' }); // past the six certifications → "None of these"
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Enter' }); // submits the form
    await waitFor(() => el.profile['entityType'] === 'enterprise', 'answers applied');
    expect(el.profile).to.deep.equal({ entityType: 'enterprise', enterpriseSize: 'small', certifications: [] });
    await waitFor(() => el.shadowRoot!.activeElement?.id === 'questions-title', 'focus on the next group');
  });
});
