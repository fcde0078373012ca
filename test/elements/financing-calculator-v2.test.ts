// <chanrong-financing-calculator>, contract v2: the advanced group, an LPR scenario that reprices the loan (marked on
// the chart and in the schedule), prepayment rows with the reduce-payment / shorten-term comparison, the [2021] No. 3
// rate labels, presets that carry a subsidy's duration, and bill discounting as a third mode.
import { expect } from '@open-wc/testing';
import type { DiscountQuote, FinancingQuote } from '../../src/contract/index.js';
import type { ChanrongFinancingCalculator } from '../../src/elements/index.js';
import { $, $$, figure, type, pick, cleanup, mount, text, waitFor } from './helpers.js';

type Calc = ChanrongFinancingCalculator;

async function quoted<Q = FinancingQuote>(el: Calc, action: () => void | Promise<void>): Promise<Q> {
  const quote = new Promise<Q>((resolve) => el.addEventListener('chanrong-quote', (e) => resolve(e.detail.quote as Q), { once: true }));
  await action();
  const q = await quote;
  await el.updateComplete;
  return q;
}
const submit = (el: Calc) => $<HTMLButtonElement>(el, 'form button[type=submit]').click();
/** Opens the advanced group as a user does; its inside arrives with the v2 chunk, which opening it fetches. */
async function openAdvanced(el: Calc): Promise<void> {
  $<HTMLDetailsElement>(el, 'details.advanced').open = true;
  await waitFor(() => !!$(el, '[data-group="prepayments"]'), 'the advanced group');
}

describe('<chanrong-financing-calculator> v2', () => {
  afterEach(cleanup);

  it('stays simple by default: the advanced group is closed and the request is v1', async () => {
    const el = await mount<Calc>('<chanrong-financing-calculator principal="1000000" term-months="36" rate="0.0435"></chanrong-financing-calculator>');
    expect($<HTMLDetailsElement>(el, 'details.advanced').open).to.equal(false);
    expect(el.request).not.to.have.property('frequency');
    expect(el.request).not.to.have.property('prepayments');
    // [2021] No. 3: the IRR rate is labelled simple, the compound one beside it, the all-in cost says what it includes.
    expect($(el, '[data-figure="annualized-rate"] dt').textContent).to.include('单利');
    expect($(el, '[data-figure="effective-rate"] dt').textContent).to.include('复利');
    expect($(el, '[data-figure="all-in-cost"] dt').textContent).to.include('担保费').and.include('贴息');
  });

  it('"LPR −10 bp a year" reprices the loan every anniversary; the changes are listed, charted and marked in the schedule', async () => {
    const el = await mount<Calc>('<chanrong-financing-calculator principal="1000000" term-months="60" lpr-spread-bps="0"></chanrong-financing-calculator>');
    await openAdvanced(el);
    const q = await quoted(el, () => $<HTMLButtonElement>(el, 'button[data-scenario="-10"]').click());
    expect(el.request!.rate).to.deep.include({ type: 'lpr', repricing: 'anniversary' });
    expect(q.rateChanges!.length).to.be.greaterThan(1);
    const rates = q.rateChanges!.map((c) => c.annualRate);
    rates.slice(1).forEach((r, i) => expect(r).to.be.closeTo(rates[i]! - 0.001, 1e-12));
    expect($$(el, '[data-section="rate-changes"] li').length).to.equal(q.rateChanges!.length);
    expect($$(el, '.chart .rate-mark').length).to.equal(q.rateChanges!.length - 1);
    const second = q.rateChanges![1]!.period;
    if (second <= 24) expect($(el, `tr[data-period="${second}"]`).classList.contains('rate-change')).to.equal(true);
    expect($$(el, 'table.schedule thead th').map((th) => th.textContent)).to.include('执行年利率');
  });

  it('prepayment rows reach the request; the comparison shows the interest each mode saves', async () => {
    const el = await mount<Calc>('<chanrong-financing-calculator principal="1000000" term-months="120" rate="0.039"></chanrong-financing-calculator>');
    await openAdvanced(el);
    $<HTMLButtonElement>(el, 'button[data-add="pp"]').click();
    await el.updateComplete;
    type(el, 'pp-0-period', '24');
    type(el, 'pp-0-amount', '30万');
    type(el, 'pp-0-feeRate', '1');
    const q = await quoted(el, () => submit(el));
    expect(el.request!.prepayments).to.deep.equal([{ period: 24, amount: 300000, mode: 'reduce-payment', feeRate: 0.01 }]);
    expect(q.totals.prepayment).to.equal(300000);
    await waitFor(() => !!$(el, '[data-section="prepayment-comparison"]'), 'the comparison');
    const saved = (mode: string) => Number($(el, `[data-row="saved"] [data-mode="${mode}"]`).textContent!.replace(/[^\d.]/g, ''));
    expect(saved('shorten-term')).to.be.greaterThan(saved('reduce-payment'));
    expect(saved('reduce-payment')).to.be.greaterThan(0);
    // Compared, the scenario carries its prepayment in the comparison table and its CSV.
    $<HTMLButtonElement>(el, '[part="results"] .actions button').click();
    await el.updateComplete;
    expect(el.comparisonCsv().find((r) => r[0] === '提前还款')).to.deep.equal(['提前还款', '第 24 期后 300000.00 减少每期还款（期限不变） 提前还款违约金费率 1.0000%']);
    expect($$(el, '[part="comparison"] th[scope="row"]').map((th) => th.textContent)).to.include('提前还款');
    // Switching the row to "shorten term" requotes at once.
    const shorter = await quoted(el, () => pick(el, 'pp-0-mode', 'shorten-term'));
    expect(shorter.maturity!.period).to.be.lessThan(120);
    expect(figure(el, 'maturity')).to.include(shorter.maturity!.date);
  });

  it('a bad prepayment row is named at its field, in the widget\'s language', async () => {
    const el = await mount<Calc>('<chanrong-financing-calculator principal="1000000" term-months="12" rate="0.04" locale="en"></chanrong-financing-calculator>');
    await openAdvanced(el);
    $<HTMLButtonElement>(el, 'button[data-add="pp"]').click();
    await el.updateComplete;
    type(el, 'pp-0-period', '12');
    type(el, 'pp-0-amount', '1000');
    submit(el);
    await waitFor(() => !!$(el, '[data-field="pp-0-period"] .field-error'), 'the error at the row');
    expect($(el, '[data-field="pp-0-period"] .field-error').textContent).to.match(/Prepayment|payment/i);
  });

  it('quarterly with actual/360 sends both and shows days per period', async () => {
    const el = await mount<Calc>('<chanrong-financing-calculator principal="1000000" term-months="12" rate="0.03" repayment="interest-only"></chanrong-financing-calculator>');
    await openAdvanced(el);
    pick(el, 'dayCount', 'actual/360');
    const q = await quoted(el, () => pick(el, 'frequency', 'quarterly'));
    expect(el.request).to.include({ frequency: 'quarterly', dayCount: 'actual/360' });
    expect(q.schedule).to.have.length(4);
    expect(q.schedule.every((r) => typeof r.days === 'number' && r.days > 80)).to.equal(true);
  });

  it('bill discounting is a third mode', async () => {
    const el = await mount<Calc>('<chanrong-financing-calculator></chanrong-financing-calculator>');
    const q = await quoted<DiscountQuote>(el, () => {
      const radio = $<HTMLInputElement>(el, 'input[name="mode"][value="bill"]');
      radio.checked = true;
      radio.dispatchEvent(new Event('change'));
    });
    expect(q.days).to.be.greaterThan(170);
    type(el, 'billFaceValue', '1000000');
    type(el, 'discountRate', '1.5');
    type(el, 'discountDate', '2025-03-01');
    type(el, 'maturityDate', '2025-09-01');
    const q2 = await quoted<DiscountQuote>(el, () => submit(el));
    expect(q2).to.deep.include({ days: 184, interest: 7666.67, proceeds: 992333.33 });
    expect(figure(el, 'bill-interest')).to.equal('¥7,666.67');
    expect($(el, '[data-figure="bill-annualized"] dt').textContent).to.include('单利');
    type(el, 'maturityDate', '2025-02-01');
    submit(el);
    await waitFor(() => !!$(el, '[data-field="maturityDate"] .field-error'), 'the maturity error');
    expect(text(el)).to.include('到期日须晚于贴现日');
  });
});
