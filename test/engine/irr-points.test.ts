// The IRR solver at points where each of its parts decides the answer. Every expected root is worked by hand:
// flows f0 + f1·v + f2·v² with v = 1 / (1 + r) are a quadratic in v whose roots are chosen first (r = 1/v − 1).
import { expect } from 'chai';
import { countSignChanges, irr, rateOfReturn } from '../../src/engine/financing/irr.js';
import { EngineError } from '../../src/engine/errors.js';

describe('irr at discriminating points', () => {
  // −100 + 230v − 132v² = −132 (v − 10/11)(v − 5/6): roots r = 10 % and 20 %.
  const twoRoots = [-100, 230, -132];

  it('Newton from the guess finds the root next to it (the bracket from 0 would find the other)', () => {
    // From 19 %, the bracket search from 0 would stop at [0, 0.19], which holds only 10 %.
    expect(irr(twoRoots, 0.19).rate).to.be.closeTo(0.2, 1e-12);
    expect(irr(twoRoots, 0.11).rate).to.be.closeTo(0.1, 1e-12);
    expect(irr(twoRoots.map((f) => -f), 0.19).rate).to.be.closeTo(0.2, 1e-12);
    expect(irr(twoRoots, 0.19).signChanges).to.equal(2);
  });

  it('when Newton leaves (-1, ∞), brackets on the side the NPV at 0 points to', () => {
    // 50 − 105v + 54v² = 54 (v − 10/9)(v − 5/6): roots r = −10 % and +20 %; NPV(0) = −1.
    // The first flow is positive and NPV(0) negative: the root above 0 (20 %), not the one below (−10 %).
    expect(irr([50, -105, 54], 1e6).rate).to.be.closeTo(0.2, 1e-12);
    // A lender's view of the same flows: first flow negative, NPV(0) = +1, the root above again.
    expect(irr([-50, 105, -54], 1e6).rate).to.be.closeTo(0.2, 1e-12);
    // 54 − 105v + 50v² = 50 (v − 6/5)(v − 9/10): roots r = −1/6 and +1/9; NPV(0) = −1, first flow positive: above.
    expect(irr([54, -105, 50], 1e6).rate).to.be.closeTo(1 / 9, 1e-12);
  });

  it('brackets a root far below 0, doubling its way down to just above −100 %', () => {
    // 100 − v = 0: v = 100, r = −0.99. Newton from 0.1 % jumps below −1; the bracket needs ten doublings.
    expect(irr([100, -1], 0.001).rate).to.be.closeTo(-0.99, 1e-12);
    expect(irr([-100, 1], 0.001).rate).to.be.closeTo(-0.99, 1e-12);
    // 100 − 50v − 40v² (root v = 1.0855…, r ≈ −7.88 %), Newton thrown off by a huge guess.
    const v = (-50 + Math.sqrt(2500 + 16000)) / 80;
    expect(irr([100, -50, -40], 1e6).rate).to.be.closeTo(1 / v - 1, 1e-9);
  });

  it('ignores zero flows even where the discount factor overflows (no 0 × ∞)', () => {
    // Near r = −1 the discount factor v^t overflows past t ≈ 26; the trailing zeros must add nothing.
    const v = (-50 + Math.sqrt(2500 + 16000)) / 80;
    const flows = [100, -50, -40, ...Array.from({ length: 40 }, () => 0)];
    expect(irr(flows, 1e6).rate).to.be.closeTo(1 / v - 1, 1e-9);
    expect(irr([100, -1, 0, 0, ...Array.from({ length: 40 }, () => 0)], 0.001).rate).to.be.closeTo(-0.99, 1e-12);
  });

  it('refuses, with the reason, flows that never change sign or have no real root', () => {
    expect(() => irr([100, 50, 10])).to.throw(RangeError, /never change sign/);
    expect(() => irr([-1, 0, -2])).to.throw(RangeError, /never change sign/);
    // 100 − 250v + 160v²: discriminant 62,500 − 64,000 < 0.
    expect(() => irr([100, -250, 160])).to.throw(RangeError, /could be bracketed/);
  });

  it('counts sign changes across zeros', () => {
    expect(countSignChanges([100, 0, 100])).to.equal(0);
    expect(countSignChanges([100, 0, 0, -5])).to.equal(1);
    expect(countSignChanges([0, 0, -5, 0, 5, 0])).to.equal(1);
    expect(countSignChanges([-1, 1, -1, 1])).to.equal(3);
    expect(countSignChanges([])).to.equal(0);
  });
});

describe('rateOfReturn', () => {
  const refusal = (flows: number[]) => {
    try {
      rateOfReturn(flows, 0.12, 12, 'rate.upfrontFeeRate');
    } catch (error) {
      return error;
    }
    return undefined;
  };

  it('needs money received at t0: none, or a payment at t0, is refused even with a sign change later', () => {
    for (const flows of [[0, 100, -110], [-100, 110], [5], []]) {
      const error = refusal(flows) as EngineError;
      expect(error, JSON.stringify(flows)).to.be.instanceOf(EngineError);
    }
    expect(rateOfReturn([100, -110], 0.12, 12, 'x').rate).to.be.closeTo(0.1, 1e-12);
  });

  it('starts from the nominal periodic rate, annualRate / perYear: of three positive roots, the one nearest it', () => {
    // Flows built from their roots (an oracle that needs no root finder): NPV(v) = −1000 (v − v1)(v − v2)(v − v3) in
    // v = 1 / (1 + r), with r = 1.2 %, 10 % and 100 % a period. Signs + − + −, Σ < 0 (every v_i < 1), so the wanted
    // roots are the positive ones, all three of them. 12 % a year over 12 periods is 1 % a period, nearest 1.2 % in
    // ln(1 + r); a start at 12 % × 12 = 144 % (the guess multiplied, not divided) is nearest 100 %, and 12 % a year paid
    // once a year starts at 12 % a period, nearest 10 %.
    const [v1, v2, v3] = [1 / 1.012, 1 / 1.1, 1 / 2];
    const flows = [1000 * v1 * v2 * v3, -1000 * (v1 * v2 + v1 * v3 + v2 * v3), 1000 * (v1 + v2 + v3), -1000];
    expect(rateOfReturn(flows, 0.12, 12, 'x').rate).to.be.closeTo(0.012, 1e-9);
    expect(rateOfReturn(flows, 0.12, 1, 'x').rate).to.be.closeTo(0.1, 1e-9);
    expect(rateOfReturn(flows, 12, 12, 'x').rate).to.be.closeTo(1, 1e-9);
  });

  it('turns a root that cannot be bracketed into the same refusal, naming the field', () => {
    const error = refusal([100, -250, 160]) as EngineError;
    expect(error).to.be.instanceOf(EngineError);
    expect(error.kind).to.equal('invalid-data');
    expect(error.path).to.equal('rate.upfrontFeeRate');
    expect(error.message).to.equal('rate.upfrontFeeRate: the charges take the whole amount received, so no rate of return exists');
    expect(error.issues).to.deep.equal([{ code: 'no_rate_of_return', path: ['rate', 'upfrontFeeRate'] }]);
    expect((refusal([100, 50]) as EngineError).issues).to.deep.equal([{ code: 'no_rate_of_return', path: ['rate', 'upfrontFeeRate'] }]);
  });
});
