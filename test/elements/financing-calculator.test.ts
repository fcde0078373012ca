// <chanrong-financing-calculator> driven as a finance officer would.
import { expect } from '@open-wc/testing';
import type { AcceleratorClient, FinancingQuote, FinancingRequest, Program } from '../../src/contract/index.js';
import { createLocalClient } from '../../src/sdk/local-client.js';
import type { ChanrongFinancingCalculator } from '../../src/elements/index.js';
import { $, $$, figure, type, pick, cleanup, mount, text, waitFor } from './helpers.js';

type Calc = ChanrongFinancingCalculator;

async function submit(el: Calc): Promise<void> {
  $<HTMLButtonElement>(el, 'form button[type=submit]').click();
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
}
async function quoted(el: Calc, action: () => void | Promise<void>): Promise<FinancingQuote> {
  const quote = new Promise<FinancingQuote>((resolve) => el.addEventListener('chanrong-quote', (e) => resolve(e.detail.quote as FinancingQuote), { once: true }));
  await action();
  const q = await quote;
  await el.updateComplete;
  return q;
}

describe('<chanrong-financing-calculator>', () => {
  afterEach(cleanup);

  it('prices the loan its attributes describe, with the PBoC annualized rate', async () => {
    const el = await mount<Calc>('<chanrong-financing-calculator principal="1000000" term-months="36" rate="0.0435" repayment="equal-installment"></chanrong-financing-calculator>');
    expect(figure(el, 'first-payment')).to.equal('¥29,679.93');
    expect(figure(el, 'annual-rate')).to.equal('4.350%');
    expect(figure(el, 'annualized-rate')).to.equal('4.350%');
    expect(text(el)).to.include('中国人民银行公告〔2021〕第 3 号');
    expect(el.request).to.include({ principal: 1_000_000, termMonths: 36, repayment: 'equal-installment' });
  });

  it('names a wrong field, keeps what was typed, sends nothing, and focuses it', async () => {
    const base = createLocalClient();
    let quotes = 0;
    const counting: AcceleratorClient = { ...base, financing: { ...base.financing, quote: (r, o) => { quotes++; return base.financing.quote(r, o); } } };
    const el = document.createElement('chanrong-financing-calculator');
    el.client = counting;
    const ready = new Promise((r) => el.addEventListener('chanrong-ready', r, { once: true }));
    document.body.append(el);
    await ready;
    const before = quotes;
    type(el, 'principal', '一百万');
    type(el, 'graceMonths', '36');
    await submit(el);
    await waitFor(() => !!$(el, '[data-field="principal"] .field-error'), 'the error at the field');
    expect(quotes).to.equal(before);
    expect($(el, '[data-field="principal"] .field-error').textContent).to.equal('贷款本金请填写数字，例如 1000000');
    expect($<HTMLInputElement>(el, '[data-field="principal"] input').value).to.equal('一百万');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[data-field="principal"] input'));
    type(el, 'principal', '1,000,000');
    await submit(el);
    await waitFor(() => !$(el, '[data-field="principal"] .field-error') && !!$(el, '[data-field="graceMonths"] .field-error'), 'the grace error');
    expect($(el, '[data-field="graceMonths"] .field-error').textContent).to.equal('宽限期（只付息）须小于 36 个月');
    expect($$(el, '.field-error')).to.have.length(1); // one error, at its field, nowhere else
    expect(!!$(el, '[role=alert]')).to.equal(false);
    expect(quotes).to.equal(before);
  });

  it('fills a program preset from the eligibility checker and prices it', async () => {
    const el = await mount<Calc>('<chanrong-financing-calculator locale="en"></chanrong-financing-calculator>');
    const { programs } = await createLocalClient().programs.list();
    const program = programs.find((p) => p.id === 'tech-credit-loan') as Program;
    const quote = await quoted(el, () => el.applyProgram(program));
    expect(quote.schedule).to.have.length(60);
    expect($<HTMLSelectElement>(el, '[data-field="repayment"] select').value).to.equal('equal-principal');
    expect($<HTMLInputElement>(el, '[data-field="spreadBps"] input').value).to.equal('30');
    expect(text(el)).to.include('Filled with the reference terms of');
    expect(el.getAttribute('program')).to.equal('tech-credit-loan');
  });

  it('pages a 360-month schedule and moves focus to the page status', async () => {
    const el = await mount<Calc>('<chanrong-financing-calculator principal="1200000" term-months="360" rate="0.0395" locale="en"></chanrong-financing-calculator>');
    expect($$(el, 'table.schedule tbody tr:not(.disbursement)')).to.have.length(24);
    expect($(el, 'table.schedule tbody tr.disbursement th').textContent).to.include('0');
    expect($(el, '#schedule-status').textContent).to.equal('Page 1 of 15');
    ($$(el, '.pager button')[1] as HTMLButtonElement).click();
    await waitFor(() => $(el, '#schedule-status').textContent === 'Page 2 of 15', 'page 2');
    expect($(el, 'table.schedule tbody tr th').textContent).to.equal('25');
    expect(el.shadowRoot!.activeElement?.id).to.equal('schedule-status');
  });

  it('compares up to three scenarios and exports them as CSV', async () => {
    const el = await mount<Calc>('<chanrong-financing-calculator principal="500000" term-months="24" rate="0.04"></chanrong-financing-calculator>');
    const addButton = () => $$(el, 'button').find((b) => b.textContent!.trim() === '加入对比') as HTMLButtonElement;
    addButton().click();
    await quoted(el, async () => { pick(el, 'repayment', 'equal-principal'); await submit(el); });
    addButton().click();
    await el.updateComplete;
    expect($$(el, '[part="comparison"] thead th')).to.have.length(2);
    const csv = el.comparisonCsv();
    expect(csv[0]).to.deep.equal(['', '方案 1', '方案 2']);
    expect(csv.find((r) => r[0] === '还款方式')).to.deep.equal(['还款方式', '等额本息', '等额本金']);
    expect(csv.find((r) => r[0] === '名义年利率')).to.deep.equal(['名义年利率', '4.0000%', '4.0000%']);
    expect(csv.find((r) => r[0] === '贷款本金')).to.deep.equal(['贷款本金', '500000.00', '500000.00']);
    const schedule = el.scheduleCsv();
    expect(schedule[0]![0]).to.equal('期数');
    expect(schedule).to.have.length(27); // header, the disbursement (row 0), 24 periods, the totals
  });

  it('warns when the principal exceeds the IP-pledge cap', async () => {
    const el = await mount<Calc>('<chanrong-financing-calculator principal="600000" term-months="12" rate="0.04" locale="zh-TW"></chanrong-financing-calculator>');
    type(el, 'ipValue', '1000000');
    type(el, 'ipRatio', '50');
    const quote = await quoted(el, () => submit(el));
    expect(quote.limits).to.deep.equal({ maxPrincipal: 500_000 });
    expect($(el, '[data-warning="exceeds-pledge-cap"]').textContent).to.include('質押可貸上限');
    expect(figure(el, 'max-principal')).to.include('500,000.00');
  });

  it('prices a tech-innovation bond with the risk-sharing split', async () => {
    const el = await mount<Calc>('<chanrong-financing-calculator locale="en"></chanrong-financing-calculator>');
    ($$(el, 'fieldset.mode input')[1] as HTMLInputElement).click();
    await el.updateComplete;
    ($(el, '[part="form"] input[type=checkbox]') as HTMLInputElement).click();
    await el.updateComplete;
    const quote = await quoted(el, () => submit(el)) as unknown as { riskSharing: { expectedLoss: number; byParty: Record<string, number> } };
    expect(quote.riskSharing).to.deep.equal({ expectedLoss: 1_200_000, byParty: { pboc: 480_000, local: 360_000, enhancer: 360_000 } });
    expect(figure(el, 'party-pboc')).to.equal('CN¥480,000.00');
    expect(figure(el, 'issuer-cost')).to.match(/^2\.\d{3}%$/);
  });

  it('fires chanrong-change with the request it prices', async () => {
    const el = await mount<Calc>('<chanrong-financing-calculator></chanrong-financing-calculator>');
    const requests: FinancingRequest[] = [];
    el.addEventListener('chanrong-change', (e) => requests.push(e.detail.request as FinancingRequest));
    type(el, 'termMonths', '48');
    await quoted(el, () => submit(el));
    expect(requests.at(-1)!.termMonths).to.equal(48);
  });

  for (const locale of ['zh-CN', 'zh-TW', 'en']) {
    it(`is axe-clean with results, comparison and errors in ${locale}`, async () => {
      const el = await mount<Calc>(`<chanrong-financing-calculator locale="${locale}" principal="800000" term-months="48" rate="0.038"></chanrong-financing-calculator>`);
      ($$(el, '[part="results"] button')[0] as HTMLButtonElement).click();
      type(el, 'principal', 'x');
      await submit(el);
      await waitFor(() => !!$(el, '[data-field="principal"] .field-error'), 'the error');
      await expect(el).to.be.accessible();
    });
  }
});

describe('<chanrong-financing-calculator> with the keyboard only', () => {
  afterEach(cleanup);

  it('changes the term and recalculates with Tab, typing and Enter', async () => {
    const { sendKeys } = await import('@web/test-runner-commands');
    const el = await mount<Calc>('<chanrong-financing-calculator principal="200000" term-months="12" rate="0.05"></chanrong-financing-calculator>');
    $<HTMLInputElement>(el, '[data-field="principal"] input').focus();
    await sendKeys({ press: 'Tab' }); // → term
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '24' });
    const quote = await quoted(el, () => sendKeys({ press: 'Enter' }));
    expect(quote.schedule).to.have.length(24);
  });
});
