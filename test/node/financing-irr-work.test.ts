// irr()'s work is bounded: the bracket around the root is closed by regula falsi (Illinois), not by halving alone
// (src/engine/financing/irr.ts, `solveBracket`). Halving a bracket of 0.01 in ln(1 + r) down to the last bit takes
// about 60 NPVs per rate, four times what a quote needed before the nearest-root search; these counts are what the
// financing benchmark's quotes per second rest on. The root itself is checked against a plain bisection written
// here, which shares no code with irr.ts. Seeded, bounded loops.
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { irr } from '../../src/engine/financing/irr.js';
import { prng } from './random-catalog.js';

/** A level-payment loan's flows as the lender's mirror: amount received at t0 (after a fee), n equal payments. */
function loanFlows(rnd: () => number): { flows: number[]; rate: number } {
  const n = 1 + Math.floor(rnd() * 360);
  const rate = 0.0005 + rnd() * 0.03;
  const principal = 1_000 + rnd() * 1e7;
  const payment = (principal * rate) / (1 - (1 + rate) ** -n);
  const fee = rnd() * 0.05 * principal;
  return { flows: [principal - fee, ...Array<number>(n).fill(-payment)], rate };
}

/** Plain bisection on r in (lo, hi) with the NPV summed term by term: the oracle for where the root is. */
function bisectRate(flows: readonly number[], lo: number, hi: number): number {
  const npv = (r: number) => flows.reduce((s, f, t) => s + f / (1 + r) ** t, 0);
  const sLo = Math.sign(npv(lo));
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (Math.sign(npv(mid)) === sLo) lo = mid; else hi = mid;
  }
  return (lo + hi) / 2;
}

describe('irr: bounded work', () => {
  const rnd = prng(20261127);
  const cases = Array.from({ length: 400 }, () => {
    const { flows, rate } = loanFlows(rnd);
    return { flows, rate, guess: rate * (0.5 + rnd()) };
  });

  it('finds the root of 400 random loans with a guess up to 50 % off, in few NPVs', () => {
    const counts: number[] = [];
    for (const { flows, guess } of cases) counts.push(irr(flows, guess).evaluations);
    counts.sort((a, b) => a - b);
    // Halving alone needs about 60 per bracket, plus the probes that find it; the Illinois steps close it in about 15.
    expect(counts[counts.length >> 1], 'median NPVs per rate').to.be.at.most(24);
    expect(counts[counts.length - 1], 'most NPVs for one rate').to.be.at.most(80);
  });

  it('reports the same root as a plain bisection, to 1e-12 relative', () => {
    for (const { flows, rate, guess } of cases.slice(0, 100)) {
      // The fee puts the lender's yield above the contract rate, below three times it for these loans.
      const want = bisectRate(flows, rate * 0.999, rate * 3 + 0.01);
      const got = irr(flows, guess).rate;
      expect(Math.abs(got - want), `flows of ${flows.length - 1} periods at ${rate}`).to.be.at.most(1e-12 * Math.max(1e-3, want));
    }
  });

  it('counts every NPV: an exact root at the guess takes one, and each probe one more', () => {
    // 100 now, 110 in one period: the root is 10 % exactly.
    expect(irr([-100, 110], 0.1)).to.deep.include({ rate: 0.1, evaluations: 1 });
    // A guess of 0 for a root at 10 %: ln(1.1) = 0.0953 is 10 steps of 0.01 up, each probing up and down.
    const { evaluations, rate } = irr([-100, 110], 0);
    expect(rate).to.be.closeTo(0.1, 1e-15);
    expect(evaluations).to.be.at.least(1 + 2 * 10).and.at.most(1 + 2 * 10 + 60);
  });
});

describe('irr: a bracket end where the NPV overflows', () => {
  it('closes the bracket by bisection when one end is +∞ (regula falsi has no point inside it)', () => {
    // −1e308 now, 1 after 100 periods: the root has v^100 = 1e308 (r ≈ −99.92 %), and one step of 0.01 below it
    // v^100 is e^710, past the largest double: the bracket's lower end is +∞.
    const flows = [-1e308, ...Array<number>(99).fill(0), 1];
    const want = Math.expm1(-Math.log(1e308) / 100);
    const { rate } = irr(flows, 0);
    expect(Math.abs(rate - want)).to.be.at.most(1e-12 * Math.abs(want));
  });
});
