// Properties of every v2 schedule (fast-check over random loans with every v2 option): the schedule balances to the
// fen, repricing cannot move a loan whose rate cannot move, and "shorten term" never lengthens a loan.
import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import type { FinancingQuote, FinancingRequest, ReferenceRates } from '../../src/contract/index.js';
import { FinancingRequest as FinancingRequestSchema } from '../../src/contract/index.js';
import { quoteLoan } from '../../src/engine/financing/loan.js';

const rates: ReferenceRates = { lpr: [{ date: '2025-05-20', oneYear: 0.03, fiveYear: 0.035 }, { date: '2024-10-21', oneYear: 0.031, fiveYear: 0.036 }] };
const fen = (x: number | undefined) => Math.round((x ?? 0) * 100);

const startDate = fc.constantFrom('2025-01-31', '2025-06-15', '2025-12-31', '2026-02-28', '2027-01-01');
const pathEntry = fc.record({
  date: fc.integer({ min: 0, max: 3650 }).map((d) => new Date(Date.UTC(2025, 5, 1) + d * 86_400_000).toISOString().slice(0, 10)),
  oneYear: fc.option(fc.integer({ min: 100, max: 600 }).map((bp) => bp / 10_000), { nil: undefined }),
  fiveYear: fc.option(fc.integer({ min: 100, max: 600 }).map((bp) => bp / 10_000), { nil: undefined }),
}).map((e) => Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)) as { date: string; oneYear?: number; fiveYear?: number });

const loan = fc.record({
  principal: fc.integer({ min: 1_000_00, max: 50_000_000_00 }).map((f) => f / 100),
  quarterly: fc.boolean(),
  periods: fc.integer({ min: 2, max: 120 }),
  graceShare: fc.integer({ min: 0, max: 3 }),
  repayment: fc.constantFrom('equal-installment', 'equal-principal', 'interest-only'),
  dayCount: fc.constantFrom('30/360', 'actual/360', 'actual/365'),
  rate: fc.oneof(
    fc.integer({ min: 0, max: 1500 }).map((bp) => ({ type: 'fixed' as const, annualRate: bp / 10_000 })),
    fc.record({
      type: fc.constant('lpr' as const), tenor: fc.constantFrom('1y' as const, '5y' as const), spreadBps: fc.integer({ min: 0, max: 300 }),
      repricing: fc.constantFrom('none' as const, 'anniversary' as const, 'january-1' as const),
      lprPath: fc.array(pathEntry, { maxLength: 6 }),
    }),
  ),
  prepayments: fc.array(fc.record({
    at: fc.double({ min: 0, max: 0.999, noNaN: true }),
    amount: fc.integer({ min: 1, max: 60_000_000_00 }).map((f) => f / 100),
    mode: fc.constantFrom('reduce-payment' as const, 'shorten-term' as const),
    feeRate: fc.constantFrom(undefined, 0.005, 0.01, 0.03),
  }), { maxLength: 3 }),
  guarantee: fc.option(fc.record({
    annualRate: fc.integer({ min: 1, max: 300 }).map((bp) => bp / 10_000),
    basis: fc.constantFrom('annual-in-advance' as const, 'pro-rata' as const, 'one-off' as const),
    coverage: fc.integer({ min: 1, max: 100 }).map((p) => p / 100),
  }), { nil: undefined }),
  subsidy: fc.option(fc.record({
    type: fc.constant('rate-points' as const), annualPoints: fc.integer({ min: 1, max: 300 }).map((bp) => bp / 10_000),
    months: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    timing: fc.constantFrom('with-payment' as const, 'annual-in-arrears' as const),
  }), { nil: undefined }),
  startDate,
}).map((r): FinancingRequest => {
  const m = r.quarterly ? 3 : 1;
  const N = Math.min(r.periods, 360 / m);
  const G = Math.floor(((N - 1) * r.graceShare) / 6);
  const request: FinancingRequest = {
    principal: r.principal, termMonths: N * m, graceMonths: G * m, repayment: r.repayment, rate: r.rate, startDate: r.startDate,
    frequency: r.quarterly ? 'quarterly' : 'monthly', dayCount: r.dayCount,
    prepayments: r.prepayments.map((p) => ({ period: 1 + Math.floor(p.at * (N - 1)), amount: p.amount, mode: p.mode, ...(p.feeRate ? { feeRate: p.feeRate } : {}) })),
  };
  if (r.guarantee) request.guaranteeFee = r.guarantee;
  if (r.subsidy) request.subsidy = Object.fromEntries(Object.entries(r.subsidy).filter(([, v]) => v !== undefined)) as FinancingRequest['subsidy'];
  return request;
});

function checkBalances(request: FinancingRequest, q: FinancingQuote): void {
  const P = fen(request.principal);
  let prev = P;
  let principal = 0, prepaid = 0;
  for (const row of q.schedule) {
    expect(fen(row.openingBalance), `opening of ${row.period}`).to.equal(prev);
    expect(fen(row.payment), `payment of ${row.period}`).to.equal(fen(row.interest) + fen(row.principal));
    expect(fen(row.closingBalance), `closing of ${row.period}`).to.equal(fen(row.openingBalance) - fen(row.principal) - fen(row.prepayment));
    expect(fen(row.principal)).to.be.at.least(0);
    expect(fen(row.closingBalance)).to.be.at.least(0);
    prev = fen(row.closingBalance);
    principal += fen(row.principal);
    prepaid += fen(row.prepayment);
  }
  expect(prev, 'the last closing balance').to.equal(0);
  expect(principal + prepaid, 'principal + prepayments').to.equal(P);
  expect(fen(q.totals.principal)).to.equal(principal);
  expect(fen(q.totals.prepayment)).to.equal(prepaid);
  expect(q.maturity!.period).to.equal(q.schedule.length);
  expect(q.schedule.length).to.be.at.most(request.termMonths / (request.frequency === 'quarterly' ? 3 : 1));
}

describe('financing v2 properties', () => {
  it('every schedule balances: payment = interest + principal, balances chain to 0, principal + prepayments = the loan', () => {
    fc.assert(fc.property(loan, (request) => {
      expect(FinancingRequestSchema.safeParse(request).success).to.equal(true);
      checkBalances(request, quoteLoan(request, rates));
    }), { numRuns: 250 });
  });

  it('repricing never changes a loan whose rate cannot move (a fixed rate, or a flat LPR path)', () => {
    fc.assert(fc.property(loan, fc.integer({ min: 100, max: 600 }), (request, bp) => {
      const flat = bp / 10_000;
      const lpr = (repricing: 'none' | 'anniversary' | 'january-1') => ({
        type: 'lpr' as const, tenor: '1y' as const, spreadBps: 25, baseRate: flat, repricing, lprPath: [{ date: '2025-05-21', oneYear: flat, fiveYear: flat }],
      });
      const none = quoteLoan({ ...request, rate: lpr('none') }, rates);
      for (const mode of ['anniversary', 'january-1'] as const) {
        const repriced = quoteLoan({ ...request, rate: lpr(mode) }, rates);
        expect(repriced.schedule).to.deep.equal(none.schedule);
        expect(repriced.rateChanges).to.have.length(1);
      }
      if (request.rate.type === 'fixed') {
        const q = quoteLoan(request, rates);
        expect(q.rateChanges).to.deep.equal([{ period: 1, date: q.schedule[0]!.date, annualRate: request.rate.annualRate }]);
        expect(q.schedule.every((row) => row.annualRate === (request.rate as { annualRate: number }).annualRate)).to.equal(true);
      }
    }), { numRuns: 100 });
  });

  it('shorten-term never lengthens a loan, and never ends it later than reduce-payment would', () => {
    fc.assert(fc.property(loan, (request) => {
      const shorten = { ...request, prepayments: request.prepayments!.map((p) => ({ ...p, mode: 'shorten-term' as const })) };
      const reduce = { ...request, prepayments: request.prepayments!.map((p) => ({ ...p, mode: 'reduce-payment' as const })) };
      const without = quoteLoan({ ...request, prepayments: [] }, rates);
      const s = quoteLoan(shorten, rates);
      const r = quoteLoan(reduce, rates);
      checkBalances(shorten, s);
      checkBalances(reduce, r);
      expect(s.maturity!.period).to.be.at.most(without.maturity!.period);
      expect(s.maturity!.period).to.be.at.most(r.maturity!.period);
    }), { numRuns: 200 });
  });

  it('a request without v2 fields gets no v2 fields, and the same numbers as with the defaults spelled out', () => {
    fc.assert(fc.property(loan, (request) => {
      const { frequency: _f, dayCount: _d, prepayments: _p, guaranteeFee: _g, subsidy: _s, ...rest } = request;
      const v1: FinancingRequest = { ...rest, termMonths: request.termMonths, graceMonths: request.graceMonths,
        rate: request.rate.type === 'fixed' ? request.rate : { type: 'lpr', tenor: request.rate.tenor, spreadBps: request.rate.spreadBps } };
      const a = quoteLoan(v1, rates);
      expect(a).not.to.have.property('maturity');
      expect(a.schedule[0]).not.to.have.property('days');
      const b = quoteLoan({ ...v1, frequency: 'monthly', dayCount: '30/360', prepayments: [] }, rates);
      expect(b.schedule.map(({ annualRate: _a, days: _x, prepayment: _y, prepaymentFee: _z, ...row }) => row)).to.deep.equal(a.schedule);
      expect(b.annualizedRate).to.equal(a.annualizedRate);
      expect(b.allInCost).to.equal(a.allInCost);
    }), { numRuns: 100 });
  });
});

// Exact rounding (money.ts) is checked against an independent oracle, Python fractions and decimal, in
// test/node/financing-money-oracle.test.ts; the BigInt re-implementation that stood here was the code checking itself.
