// Financing at the points where a wrong operator or a wrong constant gives a different answer. Every expected value
// here is worked out by hand (or is a property any correct answer has), never by the code under test.
import { expect } from 'chai';
import type { FinancingRequest, ReferenceRates } from '../../src/contract/index.js';
import { quoteLoan, nominalRate } from '../../src/engine/financing/loan.js';
import { quoteBond } from '../../src/engine/financing/bond.js';
import { lprOn, sortFixings } from '../../src/engine/financing/reference-rates.js';
import { applyRate, applyRatePer, mulDivRound, splitByShares, toFen, toYuan } from '../../src/engine/financing/money.js';
import { irr, rateOfReturn } from '../../src/engine/financing/irr.js';
import { EngineError } from '../../src/engine/errors.js';

// Two fixings whose 1-year and 5-year rates differ, given oldest first (the engine must sort).
const RATES: ReferenceRates = { lpr: [
  { date: '2024-07-22', oneYear: 0.0335, fiveYear: 0.0385 },
  { date: '2025-05-20', oneYear: 0.03, fiveYear: 0.035 },
] };
const base: FinancingRequest = { principal: 1000, termMonths: 3, repayment: 'equal-principal', rate: { type: 'fixed', annualRate: 0.12 }, startDate: '2026-01-31' };

describe('financing at discriminating points', () => {
  it('prices 1-year and 5-year LPR loans at their own tenor, from the fixing in force on the start date', () => {
    const lpr = (tenor: '1y' | '5y', startDate: string, spreadBps = 0) => nominalRate({ ...base, startDate, rate: { type: 'lpr', tenor, spreadBps } }, RATES);
    expect(lpr('1y', '2025-06-01')).to.equal(0.03);
    expect(lpr('5y', '2025-06-01')).to.equal(0.035);
    expect(lpr('1y', '2025-05-20')).to.equal(0.03, 'a fixing is in force on its own date');
    expect(lpr('1y', '2025-05-19')).to.equal(0.0335, 'the day before, the older fixing');
    expect(lpr('5y', '2024-12-31', 50)).to.equal(0.0435, '3.85 % + 50 bp');
    expect(lpr('1y', '2024-12-31', -35)).to.equal(0.03, '3.35 % − 35 bp');
    expect(lprOn(RATES, '1y', '2024-07-21')).to.equal(undefined);
    expect(sortFixings(RATES).map((f) => f.date)).to.deep.equal(['2025-05-20', '2024-07-22']);
    // Any order in, newest first out, and the fixing in force found in a shuffled history.
    const shuffled: ReferenceRates = { lpr: ['2023-03-20', '2025-05-20', '2021-01-20', '2024-07-22', '2022-08-22'].map((date, i) => ({ date, oneYear: 0.03 + i / 1000, fiveYear: 0.04 + i / 1000 })) };
    expect(sortFixings(shuffled).map((f) => f.date)).to.deep.equal(['2025-05-20', '2024-07-22', '2023-03-20', '2022-08-22', '2021-01-20']);
    expect(lprOn(shuffled, '1y', '2024-01-01')).to.equal(0.03, 'the 2023-03-20 fixing');
    expect(lprOn(shuffled, '5y', '2022-12-31')).to.equal(0.044, 'the 2022-08-22 fixing');
    expect(() => nominalRate({ ...base, startDate: '2024-07-21', rate: { type: 'lpr', tenor: '1y', spreadBps: 0 } }, RATES)).to.throw(EngineError);
    expect(() => nominalRate({ ...base, startDate: '2025-06-01', rate: { type: 'lpr', tenor: '1y', spreadBps: -301 } }, RATES)).to.throw(EngineError);
    expect(nominalRate({ ...base, startDate: '2025-06-01', rate: { type: 'lpr', tenor: '1y', spreadBps: -300 } }, RATES)).to.equal(0);
    expect(nominalRate({ ...base, rate: { type: 'lpr', tenor: '5y', spreadBps: 10, baseRate: 0.04 } }, RATES)).to.equal(0.041, 'a given base wins');
    // Through a whole quote: the 5-year loan costs more interest than the 1-year one.
    const q1 = quoteLoan({ ...base, startDate: '2025-06-01', rate: { type: 'lpr', tenor: '1y', spreadBps: 0 } }, RATES);
    const q5 = quoteLoan({ ...base, startDate: '2025-06-01', rate: { type: 'lpr', tenor: '5y', spreadBps: 0 } }, RATES);
    expect(q1.annualRate).to.equal(0.03);
    expect(q5.annualRate).to.equal(0.035);
    // 1,000 at 3 %/12: 2.50; 666.67 → 1.666675 → 1.67; 333.34 → 0.83335 → 0.83.
    expect(q1.schedule.map((r) => r.interest)).to.deep.equal([2.5, 1.67, 0.83]);
  });

  it('works a 3-month equal-principal loan out to the fen, with positive totals that are the column sums', () => {
    // By hand: 1,000.00 at 12 % a year = 1 % a month. Principal round(1000/3) = 333.33, the last repays the rest.
    // Interest: 10.00; 666.67 × 1 % = 6.6667 → 6.67; 333.34 × 1 % = 3.3334 → 3.33. Total 20.00.
    const q = quoteLoan(base, RATES);
    expect(q.schedule.map((r) => [r.openingBalance, r.interest, r.principal, r.payment, r.closingBalance])).to.deep.equal([
      [1000, 10, 333.33, 343.33, 666.67],
      [666.67, 6.67, 333.33, 340, 333.34],
      [333.34, 3.33, 333.34, 336.67, 0],
    ]);
    expect(q.totals.interest).to.equal(20);
    expect(q.totals.principal).to.equal(1000);
    expect(q.totals.payment).to.equal(1020);
    expect(q.schedule.map((r) => r.date)).to.deep.equal(['2026-02-28', '2026-03-31', '2026-04-30']);
    // Equal installments of the same loan: annuity 1000 × 0.01 / (1 − 1.01^−3) = 340.0221 → 340.02.
    const e = quoteLoan({ ...base, repayment: 'equal-installment' }, RATES);
    expect(e.schedule.map((r) => r.payment)).to.deep.equal([340.02, 340.02, 340.03]);
    expect(e.totals.interest).to.equal(20.07);
    // Interest-only: 10 a month, the principal at the end.
    const io = quoteLoan({ ...base, repayment: 'interest-only' }, RATES);
    expect(io.schedule.map((r) => [r.interest, r.principal])).to.deep.equal([[10, 0], [10, 0], [10, 1000]]);
    expect(io.totals.interest).to.equal(30);
    // Grace: interest only in month 1, then 500 a month.
    const g = quoteLoan({ ...base, graceMonths: 1 }, RATES);
    expect(g.schedule.map((r) => r.principal)).to.deep.equal([0, 500, 500]);
    expect(g.schedule.map((r) => r.interest)).to.deep.equal([10, 10, 5]);
  });

  it('charges fees and credits subsidies by the contract, and prices them into the rates', () => {
    const q = quoteLoan({ ...base, upfrontFeeRate: 0.01, guaranteeFee: { annualRate: 0.02 }, subsidy: { type: 'share-of-interest', share: 0.5 } }, RATES);
    expect(q.disbursement).to.deep.include({ principal: 1000, upfrontFee: 10, guaranteeFee: 20, netAmount: 970 });
    expect(q.schedule.map((r) => r.subsidy)).to.deep.equal([5, 3.34, 1.67], 'half of 10, 6.67 (3.335 → 3.34), 3.33 (1.665 → 1.67)');
    expect(q.totals.subsidy).to.equal(10.01);
    // Fees make the borrower's rate exceed the nominal 12 %; the all-in cost counts the guarantee fee as well.
    expect(q.annualizedRate).to.be.greaterThan(0.12);
    expect(q.allInCost).to.be.greaterThan(q.annualizedRate, 'a guarantee fee of 20 outweighs a subsidy of 10.01');
    // 1,200 at 1 % a month repaid 400 at a time: every interest is exact (12, 8, 4), so the IRR is exactly 1 %.
    const plain = quoteLoan({ ...base, principal: 1200 }, RATES);
    expect(plain.schedule.map((r) => r.interest)).to.deep.equal([12, 8, 4]);
    expect(plain.annualizedRate).to.be.closeTo(0.12, 1e-9, 'no fee: the IRR is the nominal rate');
    expect(plain.effectiveAnnualRate).to.be.closeTo(Math.pow(1.01, 12) - 1, 1e-9);
    expect(plain.allInCost).to.be.closeTo(0.12, 1e-9);
    const points = quoteLoan({ ...base, subsidy: { type: 'rate-points', annualPoints: 0.06 } }, RATES);
    expect(points.schedule.map((r) => r.subsidy)).to.deep.equal([5, 3.33, 1.67], '6 %/12 of 1000, 666.67, 333.34');
    const capped = quoteLoan({ ...base, subsidy: { type: 'rate-points', annualPoints: 0.5 } }, RATES);
    expect(capped.schedule.map((r) => r.subsidy)).to.deep.equal([10, 6.67, 3.33], 'never more than the interest');
    expect(quoteLoan({ ...base, rate: { type: 'fixed', annualRate: 0 } }, RATES).annualizedRate).to.equal(0);
  });

  it('warns when the principal exceeds the IP-pledge cap, and only then', () => {
    const pledge = (principal: number) => quoteLoan({ ...base, principal, ipPledge: { appraisedValue: 2000, pledgeRatio: 0.5 } }, RATES);
    expect(pledge(1000).limits).to.deep.equal({ maxPrincipal: 1000 });
    expect(pledge(1000).warnings.map((w) => w.code)).to.deep.equal([], 'at the cap: no warning');
    expect(pledge(1000.01).warnings.map((w) => w.code)).to.deep.equal(['exceeds-pledge-cap']);
    expect(pledge(999.99).warnings).to.deep.equal([]);
    expect(quoteLoan(base, RATES).limits).to.equal(undefined);
  });

  it('rounds a half fen away from zero, exactly, on both the double and the BigInt paths', () => {
    expect(applyRate(5, 0.1)).to.equal(1, '0.5 → 1');
    expect(applyRate(15, 0.1)).to.equal(2, '1.5 → 2');
    expect(applyRate(25, 0.1)).to.equal(3, '2.5 → 3 (not 2, as banker’s rounding would)');
    expect(applyRate(-25, 0.1)).to.equal(-3);
    expect(applyRate(24, 0.1)).to.equal(2, '2.4 → 2');
    expect(applyRate(26, 0.1)).to.equal(3, '2.6 → 3');
    expect(applyRatePer(6, 1, 12)).to.equal(1, '0.5 → 1');
    expect(applyRatePer(18, 1, 12)).to.equal(2, '1.5 → 2');
    expect(mulDivRound(7, 1, 2)).to.equal(4);
    expect(mulDivRound(-7, 1, 2)).to.equal(-4);
    expect(mulDivRound(5, 1, 3)).to.equal(2, '1.67 → 2');
    expect(mulDivRound(4, 1, 3)).to.equal(1, '1.33 → 1');
    // Products beyond 2^53: (10^15 + 5) × 0.1 = 10^14 + 0.5 → 10^14 + 1.
    expect(applyRate(1e15 + 5, 0.1)).to.equal(1e14 + 1);
    expect(applyRate(1e15 + 4, 0.1)).to.equal(1e14);
    expect(applyRate(-(1e15 + 5), 0.1)).to.equal(-(1e14 + 1));
    expect(toFen(0.29)).to.equal(29);
    expect(toYuan(101)).to.equal(1.01);
  });

  it('splits by largest remainder, so the parts always add up', () => {
    expect(splitByShares(100, { a: 0.333, b: 0.333, c: 0.334 })).to.deep.equal({ a: 33, b: 33, c: 34 }, '33.3, 33.3, 33.4: the extra fen to c');
    expect(splitByShares(3, { a: 0.5, b: 0.25, c: 0.25 })).to.deep.equal({ a: 1, b: 1, c: 1 }, '1.5, 0.75, 0.75: rounding each would give 4');
    expect(splitByShares(1, { a: 0.5, b: 0.5 })).to.deep.equal({ a: 1, b: 0 }, 'a tie of remainders goes to the first party');
    expect(splitByShares(1, { b: 0.5, a: 0.5 })).to.deep.equal({ b: 1, a: 0 }, 'in the order given');
    expect(splitByShares(7, { a: 1 })).to.deep.equal({ a: 7 });
    expect(splitByShares(0, { a: 0.5, b: 0.5 })).to.deep.equal({ a: 0, b: 0 });
    for (const total of [1, 2, 99, 1001, 123457]) {
      const parts = splitByShares(total, { x: 0.2, y: 0.3, z: 0.5 });
      expect(parts.x! + parts.y! + parts.z!).to.equal(total);
    }
  });

  it('quotes a bond by the contract: proceeds, coupons, the face at maturity, and the split of the expected loss', () => {
    // 1,000 face, 5 % coupon twice a year for 1 year, issued at 98, 1 % upfront cost: 980 − 10 = 970 at issue;
    // then 25 and 25 + 1,000.
    const q = quoteBond({ faceValue: 1000, couponRate: 0.05, termYears: 1, couponsPerYear: 2, issuePrice: 98, upfrontCostRate: 0.01, issueDate: '2026-01-31',
      riskSharing: { defaultProbability: 0.1, lossGivenDefault: 0.5, shares: { bank: 0.6, fund: 0.4 } } });
    expect(q.cashFlows.map((f) => [f.period, f.date, f.coupon, f.cost, f.principal, f.net])).to.deep.equal([
      [0, '2026-01-31', 0, 10, 980, 970],
      [1, '2026-07-31', 25, 0, 0, -25],
      [2, '2027-01-31', 25, 0, 1000, -1025],
    ]);
    // Semi-annual IRR r: 970 = 25/(1+r) + 1025/(1+r)^2, a quadratic in 1 + r; × 2.
    const r = (25 + Math.sqrt(25 * 25 + 4 * 970 * 1025)) / (2 * 970) - 1;
    expect(q.issuerCost).to.be.closeTo(2 * r, 1e-9);
    expect(q.riskSharing).to.deep.equal({ expectedLoss: 50, byParty: { bank: 30, fund: 20 } });
    expect(quoteBond({ faceValue: 1000, couponRate: 0.05, termYears: 1, couponsPerYear: 1, issueDate: '2026-01-31' }).issuerCost).to.be.closeTo(0.05, 1e-12);
    expect(quoteBond({ faceValue: 1000, couponRate: 0.05, termYears: 1, couponsPerYear: 1, issueDate: '2026-01-31', annualCostRate: 0.01 }).issuerCost).to.be.closeTo(0.06, 1e-12);
  });

  it('refuses flows without a rate of return, naming the field', () => {
    const refuse = (request: FinancingRequest, path: string) => {
      try {
        quoteLoan(request, RATES);
        expect.fail('no error');
      } catch (error) {
        expect(error).to.be.instanceOf(EngineError);
        expect((error as EngineError).path).to.equal(path);
        expect((error as EngineError).issues[0]!.code).to.equal('no_rate_of_return');
      }
    };
    refuse({ ...base, principal: 0.01, upfrontFeeRate: 0.5 }, 'upfrontFeeRate');
    refuse({ ...base, upfrontFeeRate: 0.6, guaranteeFee: { annualRate: 0.4 } }, 'guaranteeFee.annualRate');
    expect(() => rateOfReturn([0, -1], 0.12, 12, 'x')).to.throw(EngineError);
    expect(() => rateOfReturn([5], 0.12, 12, 'x')).to.throw(EngineError);
    expect(rateOfReturn([100, -110], 0.12, 12, 'x').rate).to.be.closeTo(0.1, 1e-12);
  });
});

describe('irr when Newton fails', () => {
  // The true root by plain bisection on the NPV (independent of the solver): flows of a 24-month loan.
  const pmt = 100_000 * 0.02 / (1 - Math.pow(1.02, -24));
  const flows = [100_000, ...Array.from({ length: 24 }, () => -pmt)];

  it('finds the rate from guesses where Newton diverges or leaves (-1, ∞)', () => {
    for (const guess of [-0.999, -0.9, 5, 50, 1e6]) {
      expect(irr(flows, guess).rate, `guess ${guess}`).to.be.closeTo(0.02, 1e-12);
    }
  });

  it('brackets roots far from the guess on both sides, and with several sign changes', () => {
    // 1 + 99 % a period: Newton from 0.1 % overshoots; the bracket search must double its way up.
    expect(irr([100, -199], 0.001).rate).to.be.closeTo(0.99, 1e-12);
    // A negative rate: 100 now, 50 back twice.
    expect(irr([100, -50, -40], 0.05).rate).to.be.closeTo(80 / (-50 + Math.sqrt(2500 + 16000)) - 1, 1e-9);
    // A lender's view (negative first flow): the same rate.
    expect(irr([-100, 110], 0.5).rate).to.be.closeTo(0.1, 1e-12);
    const twice = irr([-100, 230, -132], 0.05);
    expect(twice.signChanges).to.equal(2);
    expect([0.1, 0.2].some((r) => Math.abs(twice.rate - r) < 1e-9), String(twice.rate)).to.equal(true);
  });
});
