// Internal rate of return of evenly spaced flows. Flows that change sign once have one root in (−1, ∞) (Descartes'
// rule of signs in v = 1/(1 + r)), found whatever the guess; a zero-cost flow gives exactly 0. Of several roots, the
// one reported is, among the roots whose sign is the sign of the net cost, the root nearest the guess (the contract
// rate) measured in ln(1 + r); only when no root has that sign, the root nearest the guess (docs/contract.md, "Rates").
// The net cost is −Σ flows seen from the side that receives the first flow: a borrower (+ at t0) who pays back more
// than received (Σ < 0) has a positive cost, and one who pays back less a negative one; Σ = 0 is the exact root 0.
// The search steps out from ln(1 + guess) on both sides at once, in steps of 0.01, to the first sign change of the NPV
// (within the half-line of the wanted sign, when there are several sign changes), and closes that bracket to the last
// bit (`solveBracket`). Roots that come in pairs less than a step apart (no sign change between two probes) are not
// seen.
import { EngineError } from '../errors.js';

export interface IrrResult {
  rate: number;
  /** Times the flows change sign; more than one can mean several roots. */
  signChanges: number;
  /** How many NPVs the search computed (bounded work: tested). */
  evaluations: number;
}

export function countSignChanges(flows: readonly number[]): number {
  let changes = 0, last = 0;
  for (const f of flows) {
    if (f === 0) continue;
    const s = Math.sign(f);
    if (last !== 0 && s !== last) changes++;
    last = s;
  }
  return changes;
}

/** The NPV at r = e^u − 1, by Horner in v = e^−u. Where v > 1 the sum may overflow to ±∞, which keeps its sign:
 *  past the point where it overflows every further step only multiplies by v > 1 and adds a finite flow. */
function npv(flows: readonly number[], u: number): number {
  const v = Math.exp(-u);
  let y = 0;
  for (let t = flows.length - 1; t >= 0; t--) y = y * v + flows[t]!;
  return y;
}

/** The NPV at a start point, counted in `work` as every NPV of the search is. */
function counted(flows: readonly number[], u: number, work: { evaluations: number }): number {
  work.evaluations++;
  return npv(flows, u);
}

/** The search range of ln(1 + r): r from 1e-12 above −100 % to about 1e13 a period. */
const U_MIN = Math.log(1e-12);
const U_MAX = 30;
const STEP = 0.01;

/** Regula falsi steps in a row that may leave the bracket wider than half what it was before a bisection step. */
const SLOW_STEPS = 3;

/**
 * The root in [a, b] (NPV `fa` at a and `fb` at b, of opposite signs), to the last bit of ln(1 + r): the bracket
 * shrinks until no float lies between its ends, as plain bisection would, but each point is the regula falsi one
 * (Illinois: an end kept twice has its value halved), which closes a bracket of 0.01 in about 15 evaluations where
 * bisection needs 60. After SLOW_STEPS steps that did not halve the bracket, one bisection step: so never more than
 * about four times bisection's count. `work.evaluations` counts the NPVs computed.
 */
function solveBracket(flows: readonly number[], a: number, b: number, fa: number, fb: number, work: { evaluations: number }): number {
  let kept = 0; // which end the last step kept: −1 a, 1 b
  let slow = 0;
  let width = b - a;
  for (;;) {
    const mid = a + (b - a) / 2;
    if (mid === a || mid === b) return mid;
    // An end's value of ±∞ (or a step that rounds onto an end) gives no point strictly inside: bisect then.
    const falsi = b - (fb * (b - a)) / (fb - fa);
    const x = slow < SLOW_STEPS && falsi > a && falsi < b ? falsi : mid;
    const fx = npv(flows, x);
    work.evaluations++;
    if (fx === 0) return x;
    if (Math.sign(fx) === Math.sign(fa)) {
      a = x; fa = fx;
      if (kept === 1) fb /= 2;
      kept = 1;
    } else {
      b = x; fb = fx;
      if (kept === -1) fa /= 2;
      kept = -1;
    }
    if (b - a <= width / 2 || slow >= SLOW_STEPS) { width = b - a; slow = 0; } else slow++;
  }
}

/**
 * The root nearest `u0` in [lo, hi] (lo <= u0 <= hi; `f0` the NPV at u0, not 0): probes at u0 ± k·STEP on both sides
 * at once, the last one on each side at the end itself, to the first sign change on either side, which is closed by
 * `solveBracket`; of a sign change on each side in the same step, the root nearer u0. Undefined when the NPV keeps its
 * sign at every probe.
 */
function nearestRoot(flows: readonly number[], u0: number, f0: number, lo: number, hi: number, work: { evaluations: number }): number | undefined {
  let up = u0, down = u0, fUp = f0, fDown = f0;
  for (let k = 1; up < hi || down > lo; k++) {
    let best: number | undefined;
    if (up < hi) {
      const x = Math.min(u0 + k * STEP, hi);
      const f = npv(flows, x);
      work.evaluations++;
      if (Math.sign(f) !== Math.sign(fUp)) best = f === 0 ? x : solveBracket(flows, up, x, fUp, f, work);
      up = x; fUp = f;
    }
    if (down > lo) {
      const x = Math.max(u0 - k * STEP, lo);
      const f = npv(flows, x);
      work.evaluations++;
      if (Math.sign(f) !== Math.sign(fDown)) {
        const root = f === 0 ? x : solveBracket(flows, x, down, f, fDown, work);
        if (best === undefined || u0 - root < best - u0) best = root;
      }
      down = x; fDown = f;
    }
    if (best !== undefined) return best;
  }
  return undefined;
}

/**
 * The periodic IRR of `flows` (t = 0, 1, 2, …): of the roots whose sign is the net cost's, the one nearest `guess` in
 * ln(1 + r), else the root nearest `guess` (file comment). Throws a RangeError when the NPV never changes sign.
 */
export function irr(flows: readonly number[], guess = 0.005): IrrResult {
  const signChanges = countSignChanges(flows);
  if (signChanges === 0) throw new RangeError('the flows never change sign: no rate of return exists');
  let sum = 0;
  // Stryker disable next-line AssignmentOperator: the sum is only tested for 0, and −(a + b + …) is exactly −a − b − … in IEEE arithmetic
  for (const f of flows) sum += f;
  // A guess at or below −100 % (or not a number) reads as 0.
  const r0 = guess > -1 && guess < Infinity ? guess : 0;
  const u0 = Math.log1p(r0);
  const work = { evaluations: 0 };
  if (signChanges > 1) {
    // The sign a root must have: that of the net cost, −Σ, seen from the side that receives the first flow. Why a root
    // of that sign exists when the first flow is > 0 and Σ < 0 (a borrower who pays back more than received): NPV(0)
    // = Σ < 0, and NPV(r) → the first flow > 0 as r → ∞ (every later flow is divided by (1 + r)^t), so the NPV
    // changes sign on (0, ∞): a positive root (beyond e^U_MAX − 1 only for absurd flows; then the fallback below).
    // When Σ > 0 no negative root need exist (the last flow, a subsidy, may be > 0 too), hence the fallback. Flows
    // with one sign change skip this: their unique root already has that sign (NPV(0) = Σ and NPV(∞) have opposite
    // signs exactly when Σ and the first flow do), so the search below is the same answer with less work.
    let first = 0;
    for (const f of flows) if (f !== 0) { first = f; break; }
    const want = -Math.sign(sum) * Math.sign(first);
    // Σ = 0: NPV(0) = 0 exactly, the net cost and its rate are 0.
    if (want === 0) return { rate: 0, signChanges, evaluations: work.evaluations };
    // The roots of that sign: ln(1 + r) in (0, U_MAX] or [U_MIN, 0), searched from the point of it nearest u0 (the NPV
    // at 0 is Σ, not 0, so the end at 0 is never itself a root).
    const lo = want > 0 ? 0 : U_MIN, hi = want > 0 ? U_MAX : 0;
    const start = Math.min(Math.max(u0, lo), hi);
    const fStart = counted(flows, start, work);
    if (fStart === 0) return { rate: Math.expm1(start), signChanges, evaluations: work.evaluations };
    const root = nearestRoot(flows, start, fStart, lo, hi, work);
    if (root !== undefined) return { rate: Math.expm1(root), signChanges, evaluations: work.evaluations };
  }
  const f0 = counted(flows, u0, work);
  if (f0 === 0) return { rate: r0, signChanges, evaluations: work.evaluations };
  const best = nearestRoot(flows, u0, f0, U_MIN, U_MAX, work);
  if (best === undefined) throw new RangeError('no rate of return could be bracketed');
  // A sum of exactly 0 is an exact root at 0: answered as 0, not as the bisection's neighbour of it. (Here the flows
  // change sign once: with several sign changes a sum of 0 was answered above; so 0 is the only root.)
  const rate = sum === 0 ? 0 : Math.expm1(best);
  return { rate, signChanges, evaluations: work.evaluations };
}

/**
 * The periodic IRR of a quote's flows (`perYear` periods a year), or a refusal naming the field to blame. The search
 * starts at the contract's nominal periodic rate, `annualRate / perYear`, the rate docs/contract.md ("Rates") measures
 * "nearest" from when the flows have several rates of return (computed here, in one place, for loans and bonds).
 * When the charges at t0 take the whole amount received (fees of 100 %, or fees that round a one-fen loan to nothing)
 * the flows never change sign and no rate of return exists: that is bad input (400, code `no_rate_of_return`), never
 * a 500 and never a made-up rate.
 */
export function rateOfReturn(flows: readonly number[], annualRate: number, perYear: number, field: string): IrrResult {
  if (!(flows.length > 1 && flows[0]! > 0) || countSignChanges(flows) === 0) throw noRate(field);
  try {
    return irr(flows, annualRate / perYear);
  } catch (error) {
    if (error instanceof RangeError) throw noRate(field);
    throw error;
  }
}

function noRate(field: string): EngineError {
  return new EngineError('invalid-data', `${field}: the charges take the whole amount received, so no rate of return exists`, field, [
    { code: 'no_rate_of_return', path: field.split('.') },
  ]);
}
