// Bonds and bill discounting at the edges where they must refuse, and naming which field; dates in China. By hand.
import { expect } from 'chai';
import { quoteBond } from '../../src/engine/financing/bond.js';
import { quoteDiscount } from '../../src/engine/financing/discount.js';
import { dateInChina } from '../../src/engine/dates.js';
import { EngineError } from '../../src/engine/errors.js';
import { caught } from './caught.js';

describe('bill discounting at the edge', () => {
  const bill = { faceValue: 100, discountRate: 1, discountDate: '2026-01-01', dayBasis: 360 as const };

  it('refuses a discount that takes the whole face value (exactly, or more), blaming the maturity', () => {
    // 100 × 100 % × 360 / 360 = 100: nothing left.
    const e = caught(() => quoteDiscount({ ...bill, maturityDate: '2026-12-27' }));
    expect(e.message).to.equal('the discount interest would take the whole face value');
    expect(e.path).to.equal('maturityDate');
    expect(e.issues).to.deep.equal([{ code: 'custom', path: ['maturityDate'], message: 'the discount interest would take the whole face value', params: { rule: 'discount-exceeds-face' } }]);
    expect(() => quoteDiscount({ ...bill, maturityDate: '2026-12-31' })).to.throw(EngineError);
  });

  it('one day less leaves 0.28 of 100', () => {
    // 359 days: interest round(10000 fen × 359 / 360) = 9972 fen; proceeds 28 fen.
    const q = quoteDiscount({ ...bill, maturityDate: '2026-12-26' });
    expect(q.days).to.equal(359);
    expect(q.interest).to.equal(99.72);
    expect(q.proceeds).to.equal(0.28);
    expect(q.annualizedRate).to.be.closeTo((99.72 / 0.28) * 365 / 359, 1e-9);
  });
});

describe('bonds that leave the issuer nothing', () => {
  const bond = { couponRate: 0.05, termYears: 1, couponsPerYear: 1 as const, issueDate: '2026-01-01' };

  it('blames the issue price when it rounds the proceeds to nothing, the upfront cost when that takes them', () => {
    // One fen issued at 1 %: proceeds round(0.01 fen) = 0.
    expect(caught(() => quoteBond({ ...bond, faceValue: 0.01, issuePrice: 1 })).path).to.equal('issuePrice');
    // 100 issued at 1 % (1.00) with an upfront cost of 50 % of face (50.00).
    const e = caught(() => quoteBond({ ...bond, faceValue: 100, issuePrice: 1, upfrontCostRate: 0.5 }));
    expect(e.path).to.equal('upfrontCostRate');
    expect(e.issues).to.deep.equal([{ code: 'no_rate_of_return', path: ['upfrontCostRate'] }]);
  });
});

describe('the date in China', () => {
  it('is UTC+8: 16:00 UTC is already the next day', () => {
    expect(dateInChina(new Date('2026-01-01T15:59:59.999Z'))).to.equal('2026-01-01');
    expect(dateInChina(new Date('2026-01-01T16:00:00.000Z'))).to.equal('2026-01-02');
    expect(dateInChina(new Date('2025-12-31T23:00:00.000Z'))).to.equal('2026-01-01');
  });
});
