// The IRR solver on every term the contract allows, and on awkward flows.
import { expect } from 'chai';
import { irr, countSignChanges } from '../../src/engine/financing/irr.js';

function npv(flows: number[], rate: number): number {
  return flows.reduce((s, f, t) => s + f / Math.pow(1 + rate, t), 0);
}

describe('irr', () => {
  it('converges for every term from 1 to 360 months, at low and high rates', () => {
    for (const monthly of [0.0001, 0.003625, 0.02]) {
      for (let n = 1; n <= 360; n++) {
        const pmt = (100_000 * monthly) / (1 - Math.pow(1 + monthly, -n));
        const flows = [100_000, ...Array.from({ length: n }, () => -pmt)];
        const { rate } = irr(flows, monthly);
        expect(rate, `n=${n}`).to.be.closeTo(monthly, 1e-12);
      }
    }
  });

  it('finds negative rates, and zero exactly when nothing is charged', () => {
    expect(irr([100, -30, -30, -30]).rate).to.be.lessThan(0);
    expect(irr([1200, ...Array.from({ length: 12 }, () => -100)]).rate).to.equal(0);
  });

  it('survives trailing zero flows and tiny amounts', () => {
    const { rate } = irr([99.99, ...Array.from({ length: 277 }, () => -0.36), -0.28, 0]);
    expect(Math.abs(npv([99.99, ...Array.from({ length: 277 }, () => -0.36), -0.28, 0], rate))).to.be.lessThan(1e-9);
    expect(rate).to.be.greaterThan(0).and.lessThan(0.001);
  });

  it('counts sign changes and refuses flows without one', () => {
    expect(countSignChanges([100, -50, 0, 60, -20])).to.equal(3);
    const twoRoots = irr([100, -230, 132]); // roots at 10 % and 20 %
    expect(twoRoots.signChanges).to.equal(2);
    expect([0.1, 0.2].some((r) => Math.abs(twoRoots.rate - r) < 1e-12)).to.equal(true);
    expect(() => irr([100, -250, 160])).to.throw(RangeError); // no real root at all
    expect(() => irr([100, 50, 10])).to.throw(RangeError);
  });
});

describe('addMonths', () => {
  it('counts from the start and clamps to the month end, leap years included', async () => {
    const { addMonths } = await import('../../src/engine/financing/calendar.js');
    expect([1, 2, 3].map((k) => addMonths('2025-01-31', k))).to.deep.equal(['2025-02-28', '2025-03-31', '2025-04-30']);
    expect(addMonths('2024-01-31', 1)).to.equal('2024-02-29');
    expect(addMonths('2100-01-31', 1)).to.equal('2100-02-28');
    expect(addMonths('2000-01-31', 1)).to.equal('2000-02-29');
    expect(addMonths('2024-02-29', 12)).to.equal('2025-02-28');
    expect(addMonths('2025-11-15', 14)).to.equal('2027-01-15');
  });
});
