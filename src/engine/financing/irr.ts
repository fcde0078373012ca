// Internal rate of return of evenly spaced flows: Newton from a good guess, kept inside a bracket that always
// holds a sign change of the NPV, with bisection whenever Newton would leave it. Converges on every schedule the
// contract allows (1 to 360 periods); a zero-cost flow gives exactly 0.

export interface IrrResult {
  rate: number;
  /** Times the flows change sign; more than one can mean several roots. */
  signChanges: number;
}

function npvAndDerivative(flows: readonly number[], rate: number): [number, number] {
  const v = 1 / (1 + rate);
  let npv = 0, dnpv = 0, discount = 1;
  for (let t = 0; t < flows.length; t++) {
    npv += flows[t]! * discount;
    dnpv -= t * flows[t]! * discount * v;
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
  for (const f of flows) sum += f;
  if (sum === 0) return { rate: 0, signChanges };

  // Bracket: NPV(lo) and NPV(hi) of opposite signs.
  let lo = -0.999999, hi = Math.max(guess * 2, 0.01);
  let fLo = npvAndDerivative(flows, lo)[0];
  let fHi = npvAndDerivative(flows, hi)[0];
  for (let i = 0; i < 200 && Math.sign(fLo) === Math.sign(fHi); i++) {
    hi = hi * 2 + 0.01;
    fHi = npvAndDerivative(flows, hi)[0];
  }
  if (Math.sign(fLo) === Math.sign(fHi)) throw new RangeError('no rate of return could be bracketed');

  let x = guess > lo && guess < hi ? guess : (lo + hi) / 2;
  for (let i = 0; i < 300; i++) {
    const [f, df] = npvAndDerivative(flows, x);
    if (f === 0) return { rate: x, signChanges };
    if (Math.sign(f) === Math.sign(fLo)) { lo = x; fLo = f; } else { hi = x; }
    let next = df !== 0 ? x - f / df : NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-16 * Math.max(1, Math.abs(x)) || hi - lo <= 1e-17) return { rate: next, signChanges };
    x = next;
  }
  return { rate: x, signChanges };
}
