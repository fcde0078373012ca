// Internal rate of return of evenly spaced flows. Of several roots, the one reported is the root nearest the guess
// (the contract rate), measured in ln(1 + r): the search steps out from ln(1 + guess) on both sides at once, in steps
// of 0.01, to the first sign change of the NPV, and closes that bracket to the last bit (`solveBracket`). Flows with
// one sign change have one root in (−1, ∞) (Descartes' rule of signs in v = 1/(1 + r)), found whatever the guess; a
// zero-cost flow gives exactly 0. Roots that come in pairs less than a step apart (no sign change between two
// probes) are not seen.
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

/** The periodic IRR of `flows` (t = 0, 1, 2, …) nearest `guess`. Throws a RangeError when the NPV never changes sign. */
export function irr(flows: readonly number[], guess = 0.005): IrrResult {
  const signChanges = countSignChanges(flows);
  if (signChanges === 0) throw new RangeError('the flows never change sign: no rate of return exists');
  let sum = 0;
  // Stryker disable next-line AssignmentOperator: the sum is only tested for 0, and −(a + b + …) is exactly −a − b − … in IEEE arithmetic
  for (const f of flows) sum += f;
  // A guess at or below −100 % (or not a number) reads as 0.
  const r0 = guess > -1 && guess < Infinity ? guess : 0;
  const u0 = Math.log1p(r0);
  const work = { evaluations: 1 };
  const f0 = npv(flows, u0);
  if (f0 === 0) return { rate: r0, signChanges, evaluations: work.evaluations };
  let fUp = f0, fDown = f0;
  for (let k = 1; ; k++) {
    const up = u0 + k * STEP, down = u0 - k * STEP;
    if (up > U_MAX && down < U_MIN) throw new RangeError('no rate of return could be bracketed');
    let best: number | undefined;
    if (up <= U_MAX) {
      const f = npv(flows, up);
      work.evaluations++;
      if (Math.sign(f) !== Math.sign(fUp)) best = f === 0 ? up : solveBracket(flows, up - STEP, up, fUp, f, work);
      fUp = f;
    }
    if (down >= U_MIN) {
      const f = npv(flows, down);
      work.evaluations++;
      if (Math.sign(f) !== Math.sign(fDown)) {
        const root = f === 0 ? down : solveBracket(flows, down, down + STEP, f, fDown, work);
        if (best === undefined || u0 - root < best - u0) best = root;
      }
      fDown = f;
    }
    if (best !== undefined) {
      // A sum of exactly 0 is an exact root at 0: answered as 0, not as the bisection's neighbour of it.
      const rate = sum === 0 && Math.abs(best) < 1e-9 ? 0 : Math.expm1(best);
      return { rate, signChanges, evaluations: work.evaluations };
    }
  }
}

/**
 * The IRR of a quote's flows, or a refusal naming the field to blame. When the charges at t0 take the whole amount
 * received (fees of 100 %, or fees that round a one-fen loan to nothing) the flows never change sign and no rate of
 * return exists: that is bad input (400, code `no_rate_of_return`), never a 500 and never a made-up rate.
 */
export function rateOfReturn(flows: readonly number[], guess: number, field: string): IrrResult {
  if (!(flows.length > 1 && flows[0]! > 0) || countSignChanges(flows) === 0) throw noRate(field);
  try {
    return irr(flows, guess);
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
