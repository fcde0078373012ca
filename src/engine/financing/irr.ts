// Internal rate of return of evenly spaced flows: Newton from a good guess, kept inside a bracket that always
// holds a sign change of the NPV, with bisection whenever Newton would leave it. Converges on every schedule the
// contract allows (1 to 360 periods); a zero-cost flow gives exactly 0.
import { EngineError } from '../errors.js';

export interface IrrResult {
  rate: number;
  /** Times the flows change sign; more than one can mean several roots. */
  signChanges: number;
}

function npvAndDerivative(flows: readonly number[], rate: number): [number, number] {
  const v = 1 / (1 + rate);
  let npv = 0, dnpv = 0, discount = 1;
  for (let t = 0; t < flows.length; t++) {
    const f = flows[t]!;
    // A zero flow adds nothing; skipping it also avoids 0 × ∞ = NaN when the discount factor overflows.
    if (f !== 0) {
      npv += f * discount;
      dnpv -= t * f * discount * v;
    }
    discount *= v;
  }
  return [npv, dnpv];
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

/** The periodic IRR of `flows` (t = 0, 1, 2, …), starting from `guess`. Throws when no root can be bracketed. */
export function irr(flows: readonly number[], guess = 0.005): IrrResult {
  const signChanges = countSignChanges(flows);
  if (signChanges === 0) throw new RangeError('the flows never change sign: no rate of return exists');
  let sum = 0;
  // Stryker disable next-line AssignmentOperator: the sum is only tested for 0, and −(a + b + …) is exactly −a − b − … in IEEE arithmetic
  for (const f of flows) sum += f;
  if (sum === 0) return { rate: 0, signChanges };

  // Fast path: Newton from the guess (the contract rate), accepted only if it converges to a rate above -100 %.
  let x0 = guess;
  let lastStep = Infinity;
  for (let i = 0; i < 30; i++) {
    const [f, df] = npvAndDerivative(flows, x0);
    if (f === 0) return { rate: x0, signChanges };
    // A zero derivative or an NPV that overflowed makes the step infinite or NaN: the test below stops there.
    const next = x0 - f / df;
    // Stryker disable next-line EqualityOperator: a step to exactly −1 gives an NPV of ±∞ or NaN there, so the next step is NaN and breaks the same way
    if (!(next > -1) || !Number.isFinite(next)) break;
    const step = Math.abs(next - x0);
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator,MethodExpression: a stricter or missing stop: Newton is converged here, and the stall exit below (or f === 0) returns the same point within two steps
    if (step <= 1e-15 * Math.max(1, Math.abs(next))) return { rate: next, signChanges };
    // Rounding noise in the NPV can leave Newton stepping back and forth between two neighbours of the root (flows
    // of about 100 at 20 %: steps of 4e-15 for ever). A tiny step that no longer shrinks is converged too; falling
    // back to the bracket from 0 could answer another root of flows with several sign changes.
    // Stryker disable next-line ArithmeticOperator,MethodExpression: the scale of the stall tolerance: the noise steps it catches are about 1e-15, far inside 1e-12 × min(1, |x|) for every rate above 0.1 %
    if (step <= 1e-12 * Math.max(1, Math.abs(next)) && step >= lastStep / 2) return { rate: next, signChanges };
    lastStep = step;
    x0 = next;
  }

  // Bracket from 0 outwards: first on the side the NPV points to, then (flows with several sign changes) the other.
  const f0 = npvAndDerivative(flows, 0)[0];
  const sign0 = Math.sign(f0);
  const step = Math.max(Math.abs(guess), 0.001);
  // With a positive first flow and negative later ones, NPV falls as the rate rises: a positive NPV at 0
  // means the root is negative, a negative one that it is positive (and the other way round for lenders).
  // Stryker disable next-line EqualityOperator: the first non-zero flow is never 0, and sign0 is never 0 (NPV(0) is the sum, and a sum of 0 returned above)
  const rootAbove = (flows.find((f) => f !== 0)! > 0) === (sign0 < 0);
  const bracket = rootAbove ? bracketAbove(flows, sign0, step) ?? bracketBelow(flows, sign0, step)
    : bracketBelow(flows, sign0, step) ?? bracketAbove(flows, sign0, step);
  if (!bracket) throw new RangeError('no rate of return could be bracketed');
  let [lo, hi, fLo] = bracket;
  let x = guess > lo && guess < hi ? guess : (lo + hi) / 2;
  // Stryker disable next-line EqualityOperator,UpdateOperator: a guard: the safeguarded iteration returns within a few dozen steps (the bracket halves at every rejected Newton step)
  for (let i = 0; i < 300; i++) {
    const [f, df] = npvAndDerivative(flows, x);
    // Stryker disable next-line ConditionalExpression: an exact root x becomes hi, and the iteration closes [lo, hi] on it: the same rate to the last bit or two, below the 1e-12 every rate is rounded to
    if (f === 0) return { rate: x, signChanges };
    if (Math.sign(f) === Math.sign(fLo)) { lo = x; fLo = f; } else { hi = x; }
    let next = df !== 0 ? x - f / df : NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,ArithmeticOperator,MethodExpression: stopping later or earlier at a converged root: the iterate stays within a few ulps of it (300 steps at most)
    if (Math.abs(next - x) <= 1e-16 * Math.max(1, Math.abs(x)) || hi - lo <= 1e-17) return { rate: next, signChanges };
    x = next;
  }
  // Stryker disable next-line ObjectLiteral: unreachable: the iteration returns within 300 steps
  return { rate: x, signChanges };
}

type Bracket = [lo: number, hi: number, npvAtLo: number];

function bracketAbove(flows: readonly number[], sign0: number, step: number): Bracket | undefined {
  let lo = 0;
  let fLo = npvAndDerivative(flows, 0)[0];
  // Stryker disable next-line LogicalOperator,ConditionalExpression,EqualityOperator,UpdateOperator: how far the doubling may go: 200 doublings of at least 0.001 pass 1e57, and no flows of the contract (amounts up to 1e15 fen) have a root above 1e15 a period
  for (let h = step, i = 0; i < 200 && Number.isFinite(h); i++, h *= 2) {
    const f = npvAndDerivative(flows, h)[0];
    // Stryker disable next-line ConditionalExpression: at a rate above 0 the NPV is never NaN: zero flows are skipped and every discount factor is in (0, 1]
    if (Math.sign(f) !== sign0 && f === f) return [lo, h, fLo];
    lo = h;
    fLo = f;
  }
  return undefined;
}

function bracketBelow(flows: readonly number[], sign0: number, step: number): Bracket | undefined {
  let hi = 0;
  // Stryker disable next-line EqualityOperator,UpdateOperator: the loop always ends at the break below: d doubles past 1 within 10 steps
  for (let d = step, i = 0; i < 200; i++, d *= 2) {
    const l = Math.max(-1 + 1e-12, -d);
    const f = npvAndDerivative(flows, l)[0];
    if (Math.sign(f) !== sign0 && f === f) return [l, hi, f];
    hi = l;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: without the break the loop probes the same clamped point −1 + 1e-12 again, with the same answer
    if (l <= -1 + 1e-12) break;
  }
  return undefined;
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
