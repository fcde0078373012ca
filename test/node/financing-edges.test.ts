// Financing at the edges where a wrong operator, a dropped branch or a wrong constant gives a different answer
// (written against the mutants StrykerJS left alive in src/engine/financing/**; docs/testing.md, "### financing").
// Every expected value is worked by hand in the comment beside it, or comes from Python's datetime / exact integers.
import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { FinancingRequest, ReferenceRates } from '../../src/contract/index.js';
import { addMonths, daysBetween, dayNumber } from '../../src/engine/financing/calendar.js';
import { quoteDiscount } from '../../src/engine/financing/discount.js';
import { quoteBond } from '../../src/engine/financing/bond.js';
import { irr } from '../../src/engine/financing/irr.js';
import { nominalRate, quoteLoan } from '../../src/engine/financing/loan.js';
import { annuityPayment, mulDivRound, roundHalfAwayBig, splitByShares } from '../../src/engine/financing/money.js';
import { lprOn, sortFixings } from '../../src/engine/financing/reference-rates.js';
import { caught } from '../engine/caught.js';

const RATES: ReferenceRates = { lpr: [
  { date: '2024-07-22', oneYear: 0.0335, fiveYear: 0.0385 },
  { date: '2025-05-20', oneYear: 0.03, fiveYear: 0.035 },
] };
const base: FinancingRequest = { principal: 1000, termMonths: 3, repayment: 'equal-principal', rate: { type: 'fixed', annualRate: 0.12 }, startDate: '2026-01-31' };

describe('calendar: day numbers as absolute values, not only differences', () => {
  it('dayNumber is the count of days since 1970-01-01 (Python: (date(y, m, d) − date(1970, 1, 1)).days)', () => {
    // Differences within one 400-year era hide a constant error; the absolute values and the spans across the eras
    // (2000-02-29 is in the era of 1600, 2000-03-01 in that of 2000) and across a century's dropped leap day do not.
    const python: [string, number][] = [
      ['1970-01-01', 0], ['1969-12-31', -1], ['2000-02-29', 11016], ['2000-03-01', 11017], ['2100-02-28', 47540],
      ['2100-03-01', 47541], ['2026-11-26', 20783], ['0001-01-01', -719162], ['1600-03-01', -135080], ['0400-02-29', -573372],
    ];
    expect(python.map(([d]) => [d, dayNumber(d)])).to.deep.equal(python);
    expect(daysBetween('2100-02-28', '2100-03-01')).to.equal(1, '2100 is not a leap year');
    expect(daysBetween('2000-02-28', '2000-03-01')).to.equal(2, '2000 is');
  });

  it('addMonths writes a year below 1000 with four digits', () => {
    expect(addMonths('0999-11-30', 1)).to.equal('0999-12-30');
    expect(addMonths('0099-12-31', 2)).to.equal('0100-02-28');
    expect(addMonths('0999-12-15', 1)).to.equal('1000-01-15');
  });
});

describe('refusals name their kind', () => {
  it('a discount that takes the whole face value is invalid data', () => {
    // 100 × 100 % × 360 / 360: nothing left.
    expect(caught(() => quoteDiscount({ faceValue: 100, discountRate: 1, discountDate: '2026-01-01', dayBasis: 360, maturityDate: '2026-12-27' })).kind).to.equal('invalid-data');
  });

  it('a spread below zero is invalid data', () => {
    const e = caught(() => nominalRate({ ...base, startDate: '2025-06-01', rate: { type: 'lpr', tenor: '1y', spreadBps: -301 } }, RATES));
    expect(e.kind).to.equal('invalid-data');
  });

  it('a bond whose face value rounds to 0 fen (no cost rate, no issue price) blames the face value', () => {
    // 0.004 yuan is 0.4 fen → 0 fen: nothing received, so no rate of return; neither other field is there to blame.
    const e = caught(() => quoteBond({ faceValue: 0.004, couponRate: 0.05, termYears: 1, couponsPerYear: 1, issueDate: '2026-01-01' }));
    expect(e.path).to.equal('faceValue');
    expect(e.issues).to.deep.equal([{ code: 'no_rate_of_return', path: ['faceValue'] }]);
  });
});

describe('money: the exact helpers outside the usual signs', () => {
  it('roundHalfAwayBig rounds n / d half away from zero for a negative divisor too', () => {
    // 5 / −2 = −2.5 → −3; −5 / −2 = 2.5 → 3; 1 / −4 = −0.25 → 0; 3 / −4 = −0.75 → −1; 7 / −2 = −3.5 → −4.
    expect([[5n, -2n], [-5n, -2n], [1n, -4n], [3n, -4n], [7n, -2n], [-1n, -4n]].map(([n, d]) => roundHalfAwayBig(n!, d!)))
      .to.deep.equal([-3n, 3n, 0n, -1n, -4n, 0n]);
  });

  it('mulDivRound: a negative divisor flips the sign, a zero divisor is a RangeError (never Infinity)', () => {
    // 5 × 1 / −2 = −2.5 → −3; 7 / −2 → −4; −5 / −2 → 3; 9 × 4 / −8 = −4.5 → −5.
    expect([mulDivRound(5, 1, -2), mulDivRound(7, 1, -2), mulDivRound(-5, 1, -2), mulDivRound(9, 4, -8)]).to.deep.equal([-3, -4, 3, -5]);
    // Past 2^53: (2^27 + 1)^2 = 2^54 + 2^28 + 1; divided by −2: −(2^53 + 2^27 + 0.5) → −(2^53 + 2^27 + 1), exactly a double.
    const a = 2 ** 27 + 1;
    expect(mulDivRound(a, a, -2)).to.equal(-(2 ** 53 + 2 ** 27 + 1));
    expect(() => mulDivRound(5, 1, 0)).to.throw(RangeError);
    expect(() => mulDivRound(a, a, 0)).to.throw(RangeError);
  });

  it('annuityPayment at the smallest rate: one fen over one period at 1e-10 a year is one fen', () => {
    // P·r / (1 − (1 + r)^−1) = P·(1 + r) with r = 1e-10 / 12: 1.0000000000083 fen → 1. (At 4e-10: the same.)
    expect(annuityPayment(1, 1e-10, 1, 12)).to.equal(1);
    expect(annuityPayment(1, 4e-10, 1, 12)).to.equal(1);
    // Two fen over two periods: ≈ 1.0000000000125 → 1.
    expect(annuityPayment(2, 1e-10, 2, 12)).to.equal(1);
  });

  it('splitByShares: equal remainders go to the parties in the order given', () => {
    // 1 fen between three equal thirds: remainders 1/3 each, the first party gets it, whichever it is.
    expect(splitByShares(1, { c: 1 / 3, a: 1 / 3, b: 1 / 3 })).to.deep.equal({ c: 1, a: 0, b: 0 });
    expect(splitByShares(2, { b: 1 / 3, c: 1 / 3, a: 1 / 3 })).to.deep.equal({ b: 1, c: 1, a: 0 });
  });
});

describe('reference rates: two fixings given for one date', () => {
  const dup: ReferenceRates = { lpr: [
    { date: '2025-05-20', oneYear: 0.03, fiveYear: 0.035 },
    { date: '2024-07-22', oneYear: 0.0335, fiveYear: 0.0385 },
    { date: '2025-05-20', oneYear: 0.029, fiveYear: 0.034 },
  ] };

  it('sortFixings is stable: fixings of one date keep their given order, newest date first', () => {
    expect(sortFixings(dup).map((f) => [f.date, f.oneYear])).to.deep.equal([['2025-05-20', 0.03], ['2025-05-20', 0.029], ['2024-07-22', 0.0335]]);
  });

  it('a loan reads the later one, with or without a path (as of two path entries with one date, the later wins)', () => {
    const lpr = { type: 'lpr', tenor: '1y', spreadBps: 0 } as const;
    expect(nominalRate({ ...base, startDate: '2025-06-01', rate: lpr }, dup)).to.equal(0.029);
    expect(nominalRate({ ...base, startDate: '2025-06-01', rate: { ...lpr, lprPath: [{ date: '2026-01-01', oneYear: 0.02 }] } }, dup)).to.equal(0.029);
    expect(nominalRate({ ...base, startDate: '2025-06-01', rate: { ...lpr, tenor: '5y' } }, dup)).to.equal(0.034);
    expect(lprOn(dup, '1y', '2025-06-01')).to.equal(0.029);
    expect(lprOn(dup, '5y', '2025-05-20')).to.equal(0.034);
    expect(lprOn(dup, '1y', '2025-05-19')).to.equal(0.0335);
  });
});

describe('loan quotes: the rate as given, warnings in full', () => {
  it('a fixed rate with more than 10 decimals is reported as given (computed at 1e-10)', () => {
    const annualRate = 0.043512345678; // 12 decimals
    expect(nominalRate({ ...base, rate: { type: 'fixed', annualRate } }, RATES)).to.equal(annualRate);
    const q = quoteLoan({ ...base, rate: { type: 'fixed', annualRate }, frequency: 'monthly' }, RATES);
    expect(q.annualRate).to.equal(annualRate);
    expect(q.schedule.map((r) => r.annualRate)).to.deep.equal([annualRate, annualRate, annualRate]);
    expect(q.rateChanges).to.deep.equal([{ period: 1, date: '2026-02-28', annualRate }]);
  });

  it('no lpr-unchecked warning when the base rate is given, even after the table was last checked', () => {
    const rates: ReferenceRates = { ...RATES, checkedOn: '2025-06-30' };
    const lpr = { type: 'lpr', tenor: '1y', spreadBps: 0 } as const;
    const codes = (rate: FinancingRequest['rate']) => quoteLoan({ ...base, startDate: '2025-07-01', rate }, rates).warnings.map((w) => w.code);
    expect(codes(lpr)).to.deep.equal(['lpr-unchecked']);
    expect(codes({ ...lpr, baseRate: 0.03 })).to.deep.equal([]);
  });

  it('lpr-unchecked: an lprPath fixing of the tenor dated after the check and on or before the start supplies the base', () => {
    // Table checked on 2025-06-30; the loan starts 2025-08-01 (after it). The path decides the base only with an entry
    // carrying the loan's tenor, dated strictly after 2025-06-30 and on or before 2025-08-01.
    const rates: ReferenceRates = { ...RATES, checkedOn: '2025-06-30' };
    type Path = { date: string; oneYear?: number; fiveYear?: number }[];
    const codes = (tenor: '1y' | '5y', lprPath?: Path) => quoteLoan({ ...base, startDate: '2025-08-01',
      rate: { type: 'lpr', tenor, spreadBps: 0, ...(lprPath ? { lprPath } : {}) } }, rates).warnings.map((w) => w.code);
    const unchecked = ['lpr-unchecked'];
    expect(codes('1y')).to.deep.equal(unchecked, 'no path');
    expect(codes('1y', [])).to.deep.equal(unchecked, 'an empty path');
    expect(codes('1y', [{ date: '2025-07-01', oneYear: 0.029 }])).to.deep.equal([], 'the day after the check');
    expect(codes('1y', [{ date: '2025-08-01', oneYear: 0.029 }])).to.deep.equal([], 'on the start');
    expect(codes('1y', [{ date: '2025-06-30', oneYear: 0.029 }])).to.deep.equal(unchecked, 'on the check date itself');
    expect(codes('1y', [{ date: '2025-08-02', oneYear: 0.029 }])).to.deep.equal(unchecked, 'the day after the start');
    expect(codes('1y', [{ date: '2025-07-01', fiveYear: 0.034 }])).to.deep.equal(unchecked, 'the other tenor only');
    expect(codes('5y', [{ date: '2025-07-01', fiveYear: 0.034 }])).to.deep.equal([], 'the 5-year tenor');
    expect(codes('5y', [{ date: '2025-07-01', oneYear: 0.029 }])).to.deep.equal(unchecked, '5-year loan, 1-year entry');
    expect(codes('1y', [{ date: '2025-06-01', oneYear: 0.03 }, { date: '2025-07-15', oneYear: 0.029 }])).to.deep.equal([], 'any entry of several');
  });

  it('the prepayment warning carries its message in the three locales', () => {
    // 1,000 over 3 months: after period 1 the balance is 666.67; 700 prepaid is more than that.
    const q = quoteLoan({ ...base, prepayments: [{ period: 1, amount: 700, mode: 'shorten-term' }] }, RATES);
    expect(q.warnings.map((w) => w.code)).to.deep.equal(['prepayment-exceeds-balance']);
    const message = q.warnings[0]!.message;
    expect(Object.keys(message).sort()).to.deep.equal(['en', 'zh-CN', 'zh-TW']);
    expect(message.en).to.match(/prepayment exceeds the balance/);
    expect(message['zh-CN']).to.match(/提前还款/);
    expect(message['zh-TW']).to.match(/提前還款/);
  });
});

// Written for the earlier Newton + bracket solver; each expected root is also the one nearest the guess in ln(1 + r),
// the rule since (docs/contract.md, "Rates"), so they stand unchanged.
describe('irr: the exits of the Newton step', () => {
  it('a guess that is exactly a root is answered as is, even where the derivative is 0 too', () => {
    // −1 + 4v − 4v² = −(1 − 2v)²: a double root at v = 1/2, r = 100 %. At the guess 1 the NPV and its derivative are
    // both exactly 0 (v = 0.5 is exact), so the answer is exactly 1.
    expect(irr([-1, 4, -4], 1).rate).to.equal(1);
  });

  it('a Newton step below −100 % is not followed (it would converge to a root at r < −1)', () => {
    // −20 + 12v + 11v² = 11 (v − 10/11)(v + 2): roots v = 10/11 (r = 10 %) and v = −2 (r = −150 %). From −1.4 Newton
    // steps to −1.47 and would go on to −1.5; the rate of return is the root above −100 %: 10 %.
    expect(irr([-20, 12, 11], -1.4).rate).to.be.closeTo(0.1, 1e-12);
  });

  it('Newton wandering over flows with no real root hands over to the bracket after 30 steps, which refuses', () => {
    // 15 − 54v + 51v²: discriminant 54² − 4 · 15 · 51 = 2,916 − 3,060 < 0, no root. From −22 % Newton neither converges
    // nor leaves (−1, ∞) (checked for 100,000 steps from −20 % and from 0); the bracket search finds no sign change: a
    // RangeError, in bounded time.
    expect(() => irr([15, -54, 51], -0.2)).to.throw(RangeError, /could be bracketed/);
    expect(() => irr([15, -54, 51], 0)).to.throw(RangeError, /could be bracketed/);
  });

  it('the bracket doubles its way up to a root far above the first step', () => {
    // −2 + 21v + 11v² = 11 (v − 1/11)(v + 2): roots r = 10 (1,000 %) and r = −150 %. From −1.4 Newton heads for −150 %
    // and is stopped; the bracket from 0 steps up by 1.4, 2.8, 5.6, 11.2 and finds the sign change past 5.6: 10.
    expect(irr([-2, 21, 11], -1.4).rate).to.be.closeTo(10, 1e-11);
  });

  it('the side to bracket first is read from the first non-zero flow', () => {
    // 0 + 50v − 105v² + 54v³ = v · 54 (v − 10/9)(v − 5/6): roots r = −10 % and 20 %. NPV(0) = −1 and the first
    // non-zero flow is +50: the root above 0 comes first (as for [50, −105, 54] without the leading 0).
    expect(irr([0, 50, -105, 54], 1e6).rate).to.be.closeTo(0.2, 1e-12);
  });

  it('Newton stepping back and forth in rounding noise next to the root is converged (not the other root)', () => {
    // −100 (1 − 1.071v)(1 − 1.23v) = −100 + 230.1v − 131.733v²: roots r = 7.1 % and 23 %. From 22 % Newton reaches 23 %
    // and then steps ±1.4e-15 for ever; the bracket from 0 would answer 7.1 %.
    expect(irr([-100, 230.1, -131.733], 0.22).rate).to.be.closeTo(0.23, 1e-12);
    // −100 (1 − 1.176v)(1 − 1.239v): 17.6 % and 23.9 %; from 22.9 % the steps halve once (6.9e-15, 3.5e-15) and stay.
    expect(irr([-100, 241.5, -145.7064], 0.229).rate).to.be.closeTo(0.239, 1e-12);
  });
});
