// The calculator's v2 chunk (advanced group, bills, LPR paths, prepayments) loads on the first use of a v2 feature,
// never for a plain loan: this file runs in a page of its own, so the page's resource list shows what was fetched.
import { expect } from '@open-wc/testing';
import type { FinancingQuote } from '../../src/contract/index.js';
import type { ChanrongFinancingCalculator } from '../../src/elements/index.js';
import { $, $$, cleanup, mount, waitFor } from './helpers.js';

// The dev server serves each module on its own: more than the default 250 resource entries.
performance.setResourceTimingBufferSize(100_000);
const fetched = (part: string) => performance.getEntriesByType('resource').some((e) => e.name.includes(part));
const V2_MODULES = ['/financing-calculator/v2/index', '/messages/calculator-v2', '/state/v2-builder', '/render/advanced'];

describe('<chanrong-financing-calculator> loads its v2 code on first use', () => {
  afterEach(cleanup);

  it('a plain loan is priced and labelled without it; a request with v2 fields fetches it and is priced with them', async () => {
    const el = await mount<ChanrongFinancingCalculator>('<chanrong-financing-calculator principal="1000000" term-months="24" rate="0.04"></chanrong-financing-calculator>');
    const again = new Promise((r) => el.addEventListener('chanrong-quote', r, { once: true }));
    $<HTMLButtonElement>(el, 'form button[type=submit]').click();
    await again;
    await el.updateComplete;
    expect(V2_MODULES.filter(fetched), 'fetched for a v1 loan').to.deep.equal([]);
    // What every loan shows is there without it: the [2021] No. 3 labels, the maturity, the schedule.
    expect($(el, '[data-figure="annualized-rate"] dt').textContent).to.include('单利');
    expect($(el, '[data-figure="effective-rate"] dt').textContent).to.include('复利');
    expect($$(el, 'table.schedule tbody tr')).to.have.length.greaterThan(12);
    expect($<HTMLDetailsElement>(el, 'details.advanced').open).to.equal(false);

    const quoted = new Promise<FinancingQuote>((r) => el.addEventListener('chanrong-quote', (e) => r(e.detail.quote as FinancingQuote), { once: true }));
    el.request = { principal: 1_000_000, termMonths: 24, repayment: 'equal-installment', rate: { type: 'fixed', annualRate: 0.04 }, startDate: '2025-01-15',
      prepayments: [{ period: 6, amount: 200_000, mode: 'shorten-term' }] };
    const q = await quoted;
    expect(fetched('/financing-calculator/v2/index')).to.equal(true);
    expect(el.request!.prepayments).to.deep.equal([{ period: 6, amount: 200_000, mode: 'shorten-term' }]);
    expect(q.totals.prepayment).to.equal(200_000);
    await el.updateComplete;
    expect($<HTMLDetailsElement>(el, 'details.advanced').open, 'the group opens for a request that uses it').to.equal(true);
    await waitFor(() => $<HTMLInputElement>(el, '[data-field="pp-0-amount"] input')?.value === '200000', 'the prepayment row filled');
  });
});
