// <chanrong-financing-calculator> showing the several-rates-of-return warning (docs/contract.md, "Rates"): a loan
// whose subsidy is paid once a year in arrears has all-in flows that change sign more than once; the quote carries
// the warning and the calculator renders it like every other warning, in the widget's language, beside a positive
// all-in cost. The same loan with the subsidy credited with each payment has no warning.
import { expect } from '@open-wc/testing';
import type { FinancingQuote } from '../../src/contract/index.js';
import type { ChanrongFinancingCalculator } from '../../src/elements/index.js';
import { $, cleanup, mount, pick, type, waitFor } from './helpers.js';

type Calc = ChanrongFinancingCalculator;

async function quoted(el: Calc, action: () => void): Promise<FinancingQuote> {
  const quote = new Promise<FinancingQuote>((resolve) => el.addEventListener('chanrong-quote', (e) => resolve(e.detail.quote as FinancingQuote), { once: true }));
  action();
  const q = await quote;
  await el.updateComplete;
  return q;
}
const submit = (el: Calc) => $<HTMLButtonElement>(el, 'form button[type=submit]').click();

describe('<chanrong-financing-calculator>: several rates of return', () => {
  afterEach(cleanup);

  it('renders the warning in the widget\'s language when a subsidy in arrears makes the all-in flows change sign more than once', async () => {
    // 1,200 at 60 % for 12 months, equal principal, a 95 % upfront fee, all interest subsidized (the monthly case of
    // test/node/financing-allin-two-roots.test.ts): +60, −160, …, −110, +285.
    const el = await mount<Calc>('<chanrong-financing-calculator principal="1200" term-months="12" rate="0.6" locale="en"></chanrong-financing-calculator>');
    pick(el, 'repayment', 'equal-principal');
    type(el, 'upfrontFeeRate', '95');
    pick(el, 'subsidyType', 'share-of-interest');
    await el.updateComplete;
    type(el, 'subsidyShare', '100');
    const plain = await quoted(el, () => submit(el));
    expect(plain.warnings.map((w) => w.code), 'credited with each payment: one sign change').to.deep.equal([]);
    expect($(el, '[data-warning="several-rates-of-return"]')).to.equal(null);
    $<HTMLDetailsElement>(el, 'details.advanced').open = true;
    await waitFor(() => !!$(el, '[data-field="subsidyTiming"] select'), 'the subsidy timing');
    const q = await quoted(el, () => pick(el, 'subsidyTiming', 'annual-in-arrears'));
    expect(el.request!.subsidy).to.deep.include({ timing: 'annual-in-arrears' });
    expect(q.warnings.map((w) => w.code)).to.deep.equal(['several-rates-of-return']);
    expect(q.allInCost).to.be.above(0);
    const note = $(el, '[data-warning="several-rates-of-return"]');
    expect(note, 'the warning is shown').to.not.equal(null);
    expect(note.textContent).to.include('more than one rate').and.include('arrears');
  });
});
