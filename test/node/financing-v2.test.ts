// Financing v2 (CONTRACT.md "Financing that reconciles with a bank statement" and "Bill discounting"): the published
// PBoC example, hand-checked bill discounts, validation (400 naming the field), both clients and the server route.
import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import type { FinancingRequest, ReferenceRates } from '../../src/contract/index.js';
import { DiscountRequest, FinancingRequest as FinancingRequestSchema } from '../../src/contract/index.js';
import { quoteLoan } from '../../src/engine/financing/loan.js';
import { quoteDiscount } from '../../src/engine/financing/discount.js';
import { createHttpClient, createLocalClient, ChanrongValidationError } from '../../src/sdk/index.js';
import { startServer, type RunningServer } from '../../src/server/node.js';

const rates: ReferenceRates = { lpr: [{ date: '2025-05-20', oneYear: 0.03, fiveYear: 0.035 }] };

describe('the PBoC worked example ([2021] No. 3)', () => {
  // 100,000 for 12 months, equal installments of 8,833.30 (fixed 10.8957 %), a 1 % fee taken at disbursement.
  const request: FinancingRequest = {
    principal: 100_000, termMonths: 12, repayment: 'equal-installment', rate: { type: 'fixed', annualRate: 0.108957 },
    upfrontFeeRate: 0.01, startDate: '2025-01-15',
  };
  it('installments of 8,833.30, the last 8,833.32; 13.58 % compound and 12.80 % simple', () => {
    const quote = quoteLoan(request, rates);
    expect(quote.schedule.slice(0, 11).every((r) => r.payment === 8833.3)).to.equal(true);
    expect(quote.schedule[11]!.payment).to.equal(8833.32);
    expect(quote.disbursement.upfrontFee).to.equal(1000);
    expect(Math.round(quote.effectiveAnnualRate * 10_000) / 100).to.equal(13.58);
    expect(Math.round(quote.annualizedRate * 10_000) / 100).to.equal(12.8);
    // The same with every v2 default spelled out: the v2 fields appear, the numbers do not move.
    const v2 = quoteLoan({ ...request, frequency: 'monthly', dayCount: '30/360', prepayments: [] }, rates);
    expect(v2.annualizedRate).to.equal(quote.annualizedRate);
    expect(v2.schedule.map((r) => r.payment)).to.deep.equal(quote.schedule.map((r) => r.payment));
    expect(v2.maturity).to.deep.equal({ period: 12, date: '2026-01-15' });
    expect(v2.rateChanges).to.deep.equal([{ period: 1, date: '2025-02-15', annualRate: 0.108957 }]);
    expect(quote).not.to.have.property('maturity');
    expect(quote.schedule[0]).not.to.have.property('days');
  });
});

describe('bill discounting (hand-checked)', () => {
  it('1,000,000 discounted at 1.5 % for 184 days on a 360-day basis', () => {
    // 1,000,000 × 0.015 × 184 / 360 = 7,666.666… → 7,666.67; proceeds 992,333.33; 7,666.67 / 992,333.33 × 365 / 184.
    const q = quoteDiscount({ faceValue: 1_000_000, discountRate: 0.015, discountDate: '2025-03-01', maturityDate: '2025-09-01' });
    expect(q).to.deep.include({ days: 184, interest: 7666.67, proceeds: 992333.33 });
    expect(q.annualizedRate).to.be.closeTo((7666.67 / 992333.33) * 365 / 184, 1e-12);
  });
  it('extra days and a 365-day basis: 500,000 at 2 %, 2024-12-20 → 2025-03-20 plus 3 days', () => {
    // 90 calendar days (11 + 31 + 28 + 20) + 3 = 93; 500,000 × 0.02 × 93 / 365 = 2,547.945… → 2,547.95.
    const q = quoteDiscount({ faceValue: 500_000, discountRate: 0.02, discountDate: '2024-12-20', maturityDate: '2025-03-20', extraDays: 3, dayBasis: 365 });
    expect(q).to.deep.include({ days: 93, interest: 2547.95, proceeds: 497452.05 });
  });
  it('a leap day counts: 2024-02-01 → 2024-03-01 is 29 days; a half fen rounds up', () => {
    // 36,000 × 0.025 × 29 / 360 = 72.5 exactly; 250 × 0.036 × 1 / 360 = 0.025 exactly → 0.03 (half away from zero).
    expect(quoteDiscount({ faceValue: 36_000, discountRate: 0.025, discountDate: '2024-02-01', maturityDate: '2024-03-01' })).to.deep.include({ days: 29, interest: 72.5 });
    expect(quoteDiscount({ faceValue: 250, discountRate: 0.036, discountDate: '2024-02-28', maturityDate: '2024-02-29' }).interest).to.equal(0.03);
    expect(quoteDiscount({ faceValue: 10_000.02, discountRate: 0.018, discountDate: '2025-01-01', maturityDate: '2025-01-02' }))
      .to.deep.include({ days: 1, interest: 0.5, proceeds: 9999.52 }); // 10,000.02 × 0.018 / 360 = 0.500001 → 0.50
  });
  it('refuses a maturity on or before the discount date, naming maturityDate', () => {
    const r = DiscountRequest.safeParse({ faceValue: 1000, discountRate: 0.02, discountDate: '2025-03-01', maturityDate: '2025-03-01' });
    expect(r.success).to.equal(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).to.include('maturityDate');
  });
});

describe('v2 validation names the field', () => {
  const base: FinancingRequest = { principal: 1_000_000, termMonths: 36, repayment: 'equal-installment', rate: { type: 'fixed', annualRate: 0.04 }, startDate: '2025-01-31' };
  const paths = (r: unknown) => {
    const p = FinancingRequestSchema.safeParse(r);
    return p.success ? [] : p.error.issues.map((i) => i.path.join('.'));
  };
  it('quarterly needs whole quarters in termMonths and graceMonths', () => {
    expect(paths({ ...base, frequency: 'quarterly' })).to.deep.equal([]);
    expect(paths({ ...base, termMonths: 35, frequency: 'quarterly' })).to.include('termMonths');
    expect(paths({ ...base, graceMonths: 2, frequency: 'quarterly' })).to.include('graceMonths');
  });
  it('refuses bad v2 values', () => {
    expect(paths({ ...base, prepayments: [{ period: 36, amount: 1, mode: 'shorten-term' }] })).to.include('prepayments.0.period');
    expect(paths({ ...base, prepayments: [{ period: 0, amount: 1, mode: 'shorten-term' }] })).to.include('prepayments.0.period');
    expect(paths({ ...base, prepayments: [{ period: 3, amount: 0, mode: 'shorten-term' }] })).to.include('prepayments.0.amount');
    expect(paths({ ...base, prepayments: [{ period: 3, amount: 10, mode: 'sooner' }] })).to.include('prepayments.0.mode');
    expect(paths({ ...base, guaranteeFee: { annualRate: 0.01, coverage: 0 } })).to.include('guaranteeFee.coverage');
    expect(paths({ ...base, guaranteeFee: { annualRate: 0.01, basis: 'monthly' } })).to.include('guaranteeFee.basis');
    expect(paths({ ...base, dayCount: 'actual/actual' })).to.include('dayCount');
    expect(paths({ ...base, subsidy: { type: 'share-of-interest', share: 0.5, until: '2026-02-30' } })).to.include('subsidy.until');
    expect(paths({ ...base, rate: { type: 'lpr', tenor: '1y', spreadBps: 0, repricing: 'monthly' } })).to.include('rate.repricing');
    expect(paths({ ...base, rate: { type: 'lpr', tenor: '1y', spreadBps: 0, lprPath: [{ date: '2026-13-01', oneYear: 0.03 }] } })).to.include('rate.lprPath.0.date');
  });
});

describe('v2 over both clients and the server', () => {
  let server: RunningServer;
  before(async () => { server = await startServer({ port: 0, version: 'test', log: () => {} }); });
  after(async () => { await server.close(); });
  const loan: FinancingRequest = {
    principal: 1_000_000, termMonths: 24, repayment: 'equal-principal', frequency: 'quarterly', dayCount: 'actual/360',
    rate: { type: 'lpr', tenor: '1y', spreadBps: 50, repricing: 'anniversary', lprPath: [{ date: '2026-03-20', oneYear: 0.029 }] },
    guaranteeFee: { annualRate: 0.01, basis: 'pro-rata', coverage: 0.8 },
    subsidy: { type: 'rate-points', annualPoints: 0.01, months: 12, timing: 'annual-in-arrears' },
    prepayments: [{ period: 3, amount: 100_000, mode: 'shorten-term', feeRate: 0.01 }],
    startDate: '2025-06-15',
  };
  it('local and HTTP clients give the same quote and discount quote', async () => {
    const local = createLocalClient();
    const http = createHttpClient({ baseUrl: server.url });
    const [a, b] = await Promise.all([local.financing.quote(loan), http.financing.quote(loan)]);
    expect(b).to.deep.equal(a);
    expect(a.rateChanges!.length).to.equal(2);
    const d = { faceValue: 1_000_000, discountRate: 0.015, discountDate: '2025-03-01', maturityDate: '2025-09-01' };
    expect(await http.financing.discountQuote(d)).to.deep.equal(await local.financing.discountQuote(d));
  });
  it('the server refuses invalid v2 requests with a 400 naming the field', async () => {
    const post = (path: string, body: unknown) => fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    let res = await post('/v1/financing/quote', { ...loan, termMonths: 25 });
    expect(res.status).to.equal(400);
    expect(((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).to.include('termMonths');
    res = await post('/v1/financing/discount-quote', { faceValue: 1000, discountRate: 0.02, discountDate: '2025-03-01', maturityDate: '2025-02-01' });
    expect(res.status).to.equal(400);
    expect(((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).to.include('maturityDate');
    res = await post('/v1/financing/discount-quote', { faceValue: 1000, discountRate: 0.02, discountDate: '2025-03-01', maturityDate: '2025-04-01', extraDays: 11 });
    expect(res.status).to.equal(400);
  });
  it('the SDK rejects a bad discount request before sending it', async () => {
    const http = createHttpClient({ baseUrl: server.url });
    let error: unknown;
    try { await http.financing.discountQuote({ faceValue: 1000, discountRate: 2, discountDate: '2025-03-01', maturityDate: '2025-04-01' }); } catch (e) { error = e; }
    expect(error).to.be.instanceOf(ChanrongValidationError);
  });
});
