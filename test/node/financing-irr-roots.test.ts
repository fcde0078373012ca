// irr() against an independent root finder: which root it reports, over many random flows (docs/testing.md,
// "### financing"). The oracle below shares no code with src/engine/financing/irr.ts: it scans ln(1 + r) on a fixed
// grid for every sign change of the NPV (evaluated in a scaled form that cannot overflow) and bisects each one in
// ln(1 + r) to the last bit. Seeded, bounded loops: the same flows on every run.
import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { FinancingRequest, ReferenceRates } from '../../src/contract/index.js';
import { irr } from '../../src/engine/financing/irr.js';
import { prng } from './random-catalog.js';
import { quoteLoan } from '../../src/engine/financing/loan.js';


/** The sign of Σ c_t (1 + r)^−t at r = e^x − 1: Horner in e^−x when x ≥ 0, else Horner in e^x on the reversed flows
 *  (which is the NPV times (1 + r)^n > 0, so the same sign). */
function scaledNpv(flows: readonly number[], x: number): number {
  let y = 0;
  if (x >= 0) {
    const v = Math.exp(-x);
    for (let t = flows.length - 1; t >= 0; t--) y = y * v + flows[t]!;
  } else {
    const w = Math.exp(x);
    for (let t = 0; t < flows.length; t++) y = y * w + flows[t]!;
  }
  return y;
}

/** Every root in r ∈ (e^−9 − 1, e^9 − 1) where the NPV changes sign between grid points of ln(1 + r) 1/1000 apart. */
function oracleRoots(flows: readonly number[]): number[] {
  const roots: number[] = [];
  let xPrev = -9, yPrev = scaledNpv(flows, xPrev);
  for (let k = 1; k <= 18_000; k++) {
    const x = -9 + k / 1000;
    const y = scaledNpv(flows, x);
    if (y === 0) { roots.push(Math.expm1(x)); yPrev = y; xPrev = x; continue; }
    if (yPrev !== 0 && Math.sign(y) !== Math.sign(yPrev)) {
      let a = xPrev, b = x;
      const sa = Math.sign(yPrev);
      for (let i = 0; i < 200 && b - a > 0; i++) {
        const mid = a + (b - a) / 2;
        if (mid <= a || mid >= b) break;
        const ym = scaledNpv(flows, mid);
        if (ym === 0) { a = b = mid; break; }
        if (Math.sign(ym) === sa) a = mid; else b = mid;
      }
      roots.push(Math.expm1(a + (b - a) / 2));
    }
    xPrev = x;
    yPrev = y;
  }
  return roots;
}

/** How far a root can move when the NPV is only known to rounding: |Σ|c_t| v^t| · n · 2^-52 over |NPV'(r)|. */
function noiseWidth(flows: readonly number[], r: number): number {
  const v = 1 / (1 + r);
  let abs = 0, d = 0, disc = 1;
  for (let t = 0; t < flows.length; t++) {
    abs += Math.abs(flows[t]!) * disc;
    d -= t * flows[t]! * disc * v;
    disc *= v;
  }
  return (abs * flows.length * 2 ** -52) / Math.abs(d);
}

const close = (got: number, want: number, flows: readonly number[]) =>
  Math.abs(got - want) <= 1e-12 * Math.max(1, Math.abs(want)) + 4 * noiseWidth(flows, want);

describe('irr: the unique root of flows with one sign change, from any guess', () => {
  it('agrees with the independent bisection over 400 random flows and guesses far from the root', () => {
    const rand = prng(20261127);
    const guesses = [0.005, 0, -0.5, -0.95, 0.9, 3, 40, 1e4, -0.001];
    let checked = 0;
    for (let n = 0; n < 400; n++) {
      const len = 2 + Math.floor(rand() ** 2 * 240);
      const cut = 1 + Math.floor(rand() * (len - 1)); // flows before `cut` have one sign, the rest the other
      const scale = 10 ** Math.floor(rand() * 9);
      const flows = Array.from({ length: len }, (_, t) => {
        if (t > 0 && rand() < 0.15) return 0;
        const mag = Math.round(scale * (0.01 + rand()) * 100) / 100;
        return t < cut ? -mag : mag * (0.2 + rand() * (t < cut + 3 ? 3 : 0.3));
      });
      const signed = rand() < 0.5 ? flows : flows.map((f) => (f === 0 ? 0 : -f));
      if (signed[0] === 0 || signed.every((f, t) => t < cut || f === 0)) continue;
      const roots = oracleRoots(signed);
      if (roots.length !== 1) continue; // a root beyond the grid (one in 10^4 flows or so): not this test's case
      const guess = guesses[n % guesses.length]!;
      const got = irr(signed, guess).rate;
      expect(close(got, roots[0]!, signed), `flows #${n} from guess ${guess}: ${got} vs ${roots[0]}`).to.equal(true);
      checked++;
    }
    expect(checked).to.be.above(350);
  });
});

// The rule for several roots (docs/contract.md, "Rates"), written from the contract, not from irr.ts: the roots whose
// sign is the net cost's (−Σ flows, seen from the side of the first flow: sign(r) = −sign(Σ) · sign(first flow)),
// the one nearest the guess in ln(1 + r); when none has that sign, the nearest of all.
describe('irr with several roots: of the roots of the net cost\'s sign, the one nearest the guess in ln(1 + r)', () => {
  it('picks, of roots chosen first (the flows are the product of their factors), the one the rule names', () => {
    // Σ c_t v^t = A · Π (1 − (1 + r_i) v): roots exactly r_i. Roots at least 0.05 apart in ln(1 + r) and at least
    // 0.01 from 0, and the guess at least 0.02 nearer the wanted root than the next candidate (so rounding cannot
    // make it a tie). The wanted sign comes from the factors, not from summing the flows: at v = 1 the NPV is
    // A · Π (1 − e^u_i), whose sign is sign(A) · Π −sign(u_i); the first flow is A; so the net cost's sign is
    // −Π −sign(u_i).
    const rand = prng(99);
    let checked = 0, ofSign = 0, fallback = 0;
    for (let n = 0; n < 300; n++) {
      const count = 2 + Math.floor(rand() * 3);
      const us = Array.from({ length: count }, () => -2 + rand() * 4).sort((a, b) => a - b);
      if (us.some((u, i) => i > 0 && u - us[i - 1]! < 0.05) || us.some((u) => Math.abs(u) < 0.01)) continue;
      let poly = [rand() < 0.5 ? -100 : 100];
      for (const u of us) {
        const a = Math.exp(u); // (1 − a v)
        poly = [...poly, 0].map((c, t) => c - (t > 0 ? a * poly[t - 1]! : 0));
      }
      const g = -2.2 + rand() * 4.4;
      const sign = -us.reduce((p, u) => p * -Math.sign(u), 1);
      const right = us.filter((u) => Math.sign(u) === sign);
      const candidates = right.length > 0 ? right : us;
      const d = candidates.map((u) => Math.abs(u - g)).sort((a, b) => a - b);
      if (d.length > 1 && d[1]! - d[0]! < 0.02) continue;
      const want = candidates.reduce((a, b) => (Math.abs(b - g) < Math.abs(a - g) ? b : a));
      const got = irr(poly, Math.expm1(g)).rate;
      expect(Math.log1p(got), `roots ${us.map(Math.expm1).join(', ')} from ${Math.expm1(g)}`).to.be.closeTo(want, 1e-9);
      checked++;
      if (right.length > 0 && right.length < us.length) ofSign++;
      if (right.length === 0) fallback++;
    }
    expect(checked).to.be.above(100);
    // Both parts of the rule are reached: a sign that excludes some roots, and no root of that sign.
    expect(ofSign).to.be.above(30);
    expect(fallback).to.be.above(10);
  });

  it('of roots on both sides within one step of the search, the nearer one; of opposite signs, the net cost\'s', () => {
    // 100 (1 − a v)(1 − b v): the flows sum to 100 (1 − a)(1 − b), < 0 when ln a and ln b have opposite signs (the
    // positive root is wanted) and > 0 when they have the same sign (a negative root is wanted: for two positive
    // roots there is none, and the nearer is reported).
    const two = (ua: number, ub: number) => { const a = Math.exp(ua), b = Math.exp(ub); return [100, -100 * (a + b), 100 * a * b]; };
    // ln a = 0.005 and ln b = −0.007, both within the first 0.01 of ln(1 + 0) = 0: the positive one, also the nearer.
    expect(Math.log1p(irr(two(0.005, -0.007), 0).rate)).to.be.closeTo(0.005, 1e-12);
    // Swapped (+0.007, −0.005): the positive one though −0.005 is nearer.
    expect(Math.log1p(irr(two(0.007, -0.005), 0).rate)).to.be.closeTo(0.007, 1e-12);
    // About ln(1 + guess) = 1, two positive roots (no negative one): the nearer, at 1.005 of 1.005 and 0.993, then at
    // 0.995 of 1.007 and 0.995.
    expect(Math.log1p(irr(two(1.005, 0.993), Math.expm1(1)).rate)).to.be.closeTo(1.005, 1e-12);
    expect(Math.log1p(irr(two(1.007, 0.995), Math.expm1(1)).rate)).to.be.closeTo(0.995, 1e-12);
    // Two negative roots (wanted: negative) on both sides of ln(1 + guess) = −1: the nearer, −0.995 then −1.005.
    expect(Math.log1p(irr(two(-0.995, -1.007), Math.expm1(-1)).rate)).to.be.closeTo(-0.995, 1e-12);
    expect(Math.log1p(irr(two(-0.993, -1.005), Math.expm1(-1)).rate)).to.be.closeTo(-1.005, 1e-12);
    // Opposite signs, far apart: the positive one from 0, from far below and from far above.
    expect(Math.log1p(irr(two(0.5, -0.3), 0).rate)).to.be.closeTo(0.5, 1e-12);
    expect(Math.log1p(irr(two(0.3, -0.5), 0).rate)).to.be.closeTo(0.3, 1e-12);
    expect(Math.log1p(irr(two(0.3, -0.5), Math.expm1(-0.49)).rate)).to.be.closeTo(0.3, 1e-12);
    expect(Math.log1p(irr(two(0.3, -0.5), Math.expm1(5)).rate)).to.be.closeTo(0.3, 1e-12);
    // The investor's side (flows negated: same roots, Σ and the first flow both change sign): the same choice.
    expect(Math.log1p(irr(two(0.3, -0.5).map((f) => -f), Math.expm1(-0.49)).rate)).to.be.closeTo(0.3, 1e-12);
  });

  it('reads the net cost\'s sign from the first non-zero flow, and searches the half-line of that sign from the point of it nearest the guess', () => {
    // 100 (1 − 1.1v)(1 − 0.5v)(1 − 0.8v) = 100 − 240v + 183v² − 44v³: roots 10 %, −50 %, −20 %; the flows sum to −1
    // and the first is +: a positive cost, so 10 % from any guess, though −20 % is nearer 0. The last flow is −:
    // reading the sign from it would pick −20 %. A leading 0 changes nothing (the first non-zero flow is +100).
    const three = [100, -240, 183, -44];
    expect(three.reduce((a, b) => a + b, 0)).to.equal(-1);
    expect(irr(three, 0).rate).to.be.closeTo(0.1, 1e-12);
    expect(irr([0, ...three], 0).rate).to.be.closeTo(0.1, 1e-12);
    expect(irr([0, ...three], -0.19).rate).to.be.closeTo(0.1, 1e-12);
    // Three positive roots, ln(1 + r) = 0.1, 0.5 and 1 (100 (1 − e^0.1 v)(1 − e^0.5 v)(1 − e^1 v); the flows sum to
    // 100 Π (1 − e^u) < 0): from ln(1 + guess) = 0.45 the middle one, from below 0 (searched from 0) the lowest, from
    // 0.9 and from far above (searched down from the top) the highest.
    const poly = (us: number[]) => us.reduce<number[]>((p, u) => [...p, 0].map((c, t) => c - (t > 0 ? Math.exp(u) * p[t - 1]! : 0)), [100]);
    const pos3 = poly([0.1, 0.5, 1]);
    expect(Math.log1p(irr(pos3, Math.expm1(0.45)).rate)).to.be.closeTo(0.5, 1e-12);
    expect(Math.log1p(irr(pos3, Math.expm1(0.2)).rate)).to.be.closeTo(0.1, 1e-12);
    expect(Math.log1p(irr(pos3, Math.expm1(-0.5)).rate)).to.be.closeTo(0.1, 1e-12);
    expect(Math.log1p(irr(pos3, Math.expm1(0.9)).rate)).to.be.closeTo(1, 1e-12);
    expect(Math.log1p(irr(pos3, 1e20).rate)).to.be.closeTo(1, 1e-12);
    // Roots at ln(1 + r) = −0.8, −0.3, 0.5, 1: the flows sum to 100 Π (1 − e^u) > 0 (two factors of each sign), a
    // negative cost: −0.3 from 0.45 (searched down from 0; 0.5 is nearer), −0.8 from −0.7, −0.3 from −0.4.
    const mixed = poly([-0.8, -0.3, 0.5, 1]);
    expect(Math.log1p(irr(mixed, Math.expm1(0.45)).rate)).to.be.closeTo(-0.3, 1e-12);
    expect(Math.log1p(irr(mixed, Math.expm1(-0.7)).rate)).to.be.closeTo(-0.8, 1e-12);
    expect(Math.log1p(irr(mixed, Math.expm1(-0.4)).rate)).to.be.closeTo(-0.3, 1e-12);
    expect(Math.log1p(irr(mixed, Math.expm1(-5)).rate)).to.be.closeTo(-0.8, 1e-12);
  });

  it('answers 0 when the flows sum to 0 (a net cost of 0), whatever the guess', () => {
    // 100 (1 − v)(1 − 0.5v) = 100 − 150v + 50v²: roots 0 and −50 %; from −45 % (nearer −50 %) still 0.
    expect(irr([100, -150, 50], -0.45).rate).to.equal(0);
    expect(irr([100, -150, 50], 0.3).rate).to.equal(0);
    // 100 (1 − v)(1 − 1.2v) = 100 − 220v + 120v²: the flows sum to 0 (root 0) and 20 % is a root too, but only 0 is
    // of the net cost's sign.
    expect(irr([100, -220, 120], 0.19).rate).to.equal(0);
    expect(irr([100, -220, 120], 0.01).rate).to.equal(0);
    // One sign change and a sum of 0: 0 as well (the bisection's neighbour of 0 is answered as 0).
    expect(irr([100, -50, -50], 0.3).rate).to.equal(0);
    // 1 − (1 + 1e-10) v: the root 1e-10 is not 0 (the flows sum to −1e-10).
    expect(irr([1, -(1 + 1e-10)], 0.005).rate).to.be.closeTo(1e-10, 1e-16);
  });

  it('searches one side on after the other has reached its end, and not past either end', () => {
    // 100 − 110v: 10 %. From 1e-7 above −100 % (ln = −16.1) the lower side ends after 1,150 steps, the root is 16.2 up.
    expect(irr([100, -110], -0.9999999).rate).to.be.closeTo(0.1, 1e-12);
    // −1 + 1e15 v: r = 1e15 − 1, ln(1 + r) = 34.5 > 30: beyond the search, refused.
    expect(() => irr([-1, 1e15], 0.005)).to.throw(RangeError, /could be bracketed/);
    // From 1e9 (ln = 20.7) the upper side ends after 930 steps and the lower side goes on: 10 % found, 1e15 − 1 not.
    expect(irr([100, -110], 1e9).rate).to.be.closeTo(0.1, 1e-12);
    expect(() => irr([-1, 1e15], 1e9)).to.throw(RangeError, /could be bracketed/);
    // −1 + 1e-13 v: r = 1e-13 − 1, ln(1 + r) = −29.9 < ln 1e-12: beyond the lower end, refused from near it too.
    expect(() => irr([-1, 1e-13], -0.9999999999)).to.throw(RangeError, /could be bracketed/);
    // −1 + 1e12 v: ln(1 + r) = 27.6, inside: found.
    expect(irr([-1, 1e12], 0.005).rate / (1e12 - 1)).to.be.closeTo(1, 1e-12);
  });

  it('stops probing a side at its end (the end itself probed once), the other side going on alone', () => {
    // 100 − 110v (root 10 %), counts of NPVs worked from the steps of 0.01 in ln(1 + r): from 1e-7 above −100 %
    // (ln 1e-7 = −16.118) the lower side reaches ln 1e-12 = −27.631 in ceil(11.513 / 0.01) = 1,152 probes (the last
    // at the end itself), the upper side the root at ln 1.1 = 0.0953 in ceil(16.213 / 0.01) = 1,622: 1 + 1,622 +
    // 1,152 NPVs and the closing of one bracket. A side that went on probing its end would add 470.
    const low = irr([100, -110], -0.9999999);
    expect(low.rate).to.be.closeTo(0.1, 1e-12);
    expect(low.evaluations).to.be.at.least(1 + 1622 + 1152).and.at.most(1 + 1622 + 1152 + 100);
    // From 1e12 (ln = 27.631) the upper side reaches 30 in ceil(2.369 / 0.01) = 237 probes, the lower side the root
    // in ceil(27.536 / 0.01) = 2,754.
    const high = irr([100, -110], 1e12);
    expect(high.rate).to.be.closeTo(0.1, 1e-12);
    expect(high.evaluations).to.be.at.least(1 + 237 + 2754).and.at.most(1 + 237 + 2754 + 100);
  });

  it('answers a start point that is a root of the wanted sign at once', () => {
    // 100 (1 − 2v)(1 − 0.5v) = 100 − 250v + 100v²: roots 100 % and −50 %, the flows sum to −50 (a positive cost).
    // From a guess of 100 %: v = e^−ln 2 = 0.5 exactly in floating point, the NPV is exactly 0, one NPV computed.
    expect(irr([100, -250, 100], 1)).to.deep.equal({ rate: 1, signChanges: 2, evaluations: 1 });
  });

  it('reads a guess at or below −100 % as 0', () => {
    // 100 (1 − 1.1v)(1 − 1.5v) = 100 − 260v + 165v²: roots 10 % and 50 %, both positive, and the flows sum to 5 > 0
    // (a negative net cost): no root of that sign, so the nearest; ln 1.1 = 0.095 is nearer 0 than ln 1.5 = 0.405.
    const flows = [100, -260, 165];
    expect(irr(flows, -1).rate).to.be.closeTo(0.1, 1e-12);
    expect(irr(flows, -5).rate).to.be.closeTo(0.1, 1e-12);
    expect(irr(flows, NaN).rate).to.be.closeTo(0.1, 1e-12);
    expect(irr(flows, Infinity).rate).to.be.closeTo(0.1, 1e-12);
    expect(irr(flows, 0.45).rate).to.be.closeTo(0.5, 1e-12);
    // 100 (1 − 1.1v)(1 − 0.5v): roots 10 % and −50 %, the flows sum to −5 (a positive cost): 10 % from any guess.
    expect(irr([100, -160, 55], -1).rate).to.be.closeTo(0.1, 1e-12);
    expect(irr([100, -160, 55], -0.45).rate).to.be.closeTo(0.1, 1e-12);
  });
});

describe('allInCost with subsidies in arrears (several sign changes): of the net cost\'s sign, nearest the nominal rate', () => {
  const RATES: ReferenceRates = { lpr: [{ date: '2025-05-20', oneYear: 0.03, fiveYear: 0.035 }] };
  const fen = (x: number | undefined) => Math.round((x ?? 0) * 100);

  it('is the oracle root the rule names, over 150 random loans (some with two roots), with the warning exactly when the flows change sign more than once', () => {
    const rand = prng(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    let multi = 0, several = 0, once = 0;
    for (let n = 0; n < 150; n++) {
      const quarterly = rand() < 0.3;
      const m = quarterly ? 3 : 1;
      const N = pick([4, 8, 12, 20, 40, 120]) / (quarterly ? 2 : 1);
      const request: FinancingRequest = {
        principal: pick([1000, 100_000, 3_000_000]),
        termMonths: N * m,
        graceMonths: pick([0, 0, Math.floor(N / 2), N - 1]) * m,
        repayment: pick(['equal-installment', 'equal-principal', 'interest-only'] as const),
        rate: { type: 'fixed', annualRate: pick([0.001, 0.0435, 0.12, 0.3, 0.6, 1]) },
        startDate: '2026-01-15',
        frequency: quarterly ? 'quarterly' : 'monthly',
        upfrontFeeRate: pick([0, 0, 0.01, 0.05, 0.2, 0.6]),
        subsidy: { type: 'share-of-interest', share: pick([0.3, 0.6, 0.8, 1]), timing: 'annual-in-arrears' },
      };
      if (rand() < 0.3) request.guaranteeFee = { annualRate: pick([0.01, 0.03]), basis: pick(['annual-in-advance', 'pro-rata', 'one-off'] as const) };
      const q = quoteLoan(request, RATES);
      const flows = [fen(q.disbursement.netAmount), ...q.schedule.map((r) =>
        fen(r.subsidy) - fen(r.payment) - fen(r.prepayment) - fen(r.prepaymentFee) - fen(r.guaranteeFee))];
      const perYear = 12 / m;
      const nominal = q.annualRate / perYear;
      const roots = oracleRoots(flows);
      expect(roots.length, `loan #${n}`).to.be.at.least(1);
      if (roots.length > 1) multi++;
      const dist = (r: number) => Math.abs(Math.log1p(r) - Math.log1p(nominal));
      // The net cost's sign: the borrower receives flows[0] > 0, so −Σ (exact: integers of fen).
      const total = flows.reduce((a, b) => a + b, 0);
      const ofSign = total === 0 ? [0] : roots.filter((r) => Math.sign(r) === -Math.sign(total));
      const candidates = ofSign.length > 0 ? ofSign : roots;
      const want = candidates.reduce((a, b) => (dist(b) < dist(a) ? b : a));
      const got = q.allInCost / perYear;
      expect(close(got, want, flows) || Math.abs(got - want) <= 1e-12, `loan #${n}: ${got} vs roots ${roots.join(', ')}`).to.equal(true);
      // The warning, from the flows' signs counted here.
      let changes = 0, last = 0;
      for (const f of flows) if (f !== 0) { if (last !== 0 && Math.sign(f) !== last) changes++; last = Math.sign(f); }
      expect(q.warnings.some((w) => w.code === 'several-rates-of-return'), `loan #${n}: ${changes} sign changes`).to.equal(changes > 1);
      if (changes > 1) several++; else once++;
    }
    expect(multi).to.be.above(5);
    expect(several).to.be.above(20);
    expect(once, 'subsidies in arrears that never turn a flow positive: no warning').to.be.above(20);
  });
});
