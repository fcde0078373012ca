// Integer-fen arithmetic. Amounts are integers (fen); rates are exact decimals (scaled to 1e-10); every product is
// rounded half away from zero to the fen exactly, never through a binary float that sits on a .5 boundary.

/** Rates carry at most 10 decimals (0.0435, LPR + bps, subsidy points): exact as integers over 1e10. */
export const RATE_SCALE = 10_000_000_000;
const RATE_SCALE_N = 10_000_000_000n;

export function toFen(yuan: number): number {
  return Math.round(yuan * 100);
}

export function toYuan(fen: number): number {
  return fen / 100;
}

/** A rate as an integer numerator over RATE_SCALE. */
export function rateUnits(rate: number): number {
  return Math.round(rate * RATE_SCALE);
}

export function roundHalfAwayBig(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  // Stryker disable next-line EqualityOperator: −0n is 0n
  const twice = (r < 0n ? -r : r) * 2n;
  // Stryker disable next-line EqualityOperator: d is never 0: n / d above has already thrown
  const ad = d < 0n ? -d : d;
  if (twice >= ad) return q + ((n < 0n) !== (d < 0n) ? -1n : 1n);
  return q;
}

/** round_half_away(a × num / den), exactly; a, num, den integers (den < 0 flips the sign; den = 0 is a RangeError). */
export function mulDivRound(a: number, num: number, den: number): number {
  const product = a * num;
  // Stryker disable next-line BlockStatement: skipping the double path sends the case to the Dekker or BigInt path, both exact
  if (Number.isSafeInteger(product) && Number.isSafeInteger(den) && den > 0) {
    // Exact integer arithmetic in doubles: a quotient estimate, the exact remainder, then corrections.
    const p = Math.abs(product);
    let q = Math.floor(p / den);
    let r = p - q * den;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement,UpdateOperator,AssignmentOperator: unreachable: with p and den below 2^53 the correctly rounded p / den is never below the true integer part, nor at the next integer (that needs p >= 2^53)
    while (r >= den) { q++; r -= den; }
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement,UpdateOperator,AssignmentOperator: unreachable, as the line above
    while (r < 0) { q--; r += den; }
    if (2 * r >= den) q++;
    return product < 0 ? -q : q;
  }
  if (a >= 0 && num >= 0 && den > 0 && den <= Number.MAX_SAFE_INTEGER && Number.isSafeInteger(a) && Number.isSafeInteger(num)) {
    // The product is past 2^53 (a balance of millions times a rate in 1e-10 units): an exact error-free product
    // (Dekker's two-product with Veltkamp splitting) gives the remainder exactly, without BigInt.
    const p1 = a * num;
    let c = SPLITTER * a;
    const ah = c - (c - a), al = a - ah;
    c = SPLITTER * num;
    const nh = c - (c - num), nl = num - nh;
    const e1 = ((ah * nh - p1) + ah * nl + al * nh) + al * nl;
    // Stryker disable next-line ArithmeticOperator: p1 × den is past 2^53, so the case goes on to the exact BigInt path
    let q = Math.floor(p1 / den);
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: a quotient past 2^53 is beyond every amount of the contract (at most 1e15 fen); the BigInt path answers every other case the same
    if (q <= Number.MAX_SAFE_INTEGER) {
      const p2 = q * den;
      c = SPLITTER * q;
      const qh = c - (c - q), ql = q - qh;
      c = SPLITTER * den;
      const dh = c - (c - den), dl = den - dh;
      const e2 = ((qh * dh - p2) + qh * dl + ql * dh) + ql * dl;
      // a·num − q·den = (p1 − p2) + (e1 − e2): p1 and p2 are within a few ulps of each other (Sterbenz: exact), and
      // every term is an integer below 2^53, so r is exact.
      let r = (p1 - p2) + (e1 - e2);
      // Stryker disable next-line EqualityOperator: r = 0 becomes r = den with q − 1, which the next loop turns back
      while (r < 0) { q--; r += den; }
      // Stryker disable next-line ConditionalExpression,EqualityOperator: r = den leaves q, and 2r >= den rounds it up to the same q + 1; and r never reaches 1.5 den (the estimate is off by at most den + ulp/2, and no case of 2 million simulated near 2^53 changes)
      while (r >= den) { q++; r -= den; }
      return 2 * r >= den ? q + 1 : q;
    }
  }
  return Number(roundHalfAwayBig(BigInt(a) * BigInt(num), BigInt(den)));
}

/** Veltkamp's splitter 2^27 + 1: error-free products (T. J. Dekker, 1971) without BigInt. */
const SPLITTER = 134_217_729;

/** round_half_away(amountFen × rate), exactly. */
export function applyRate(amountFen: number, rate: number): number {
  return mulDivRound(amountFen, rateUnits(rate), RATE_SCALE);
}

/** round_half_away(amountFen × rate / divisor), exactly (monthly interest: divisor 12). */
export function applyRatePer(amountFen: number, rate: number, divisor: number): number {
  return mulDivRound(amountFen, rateUnits(rate), RATE_SCALE * divisor);
}

/**
 * The level payment that repays `principalFen` over `n` periods at the periodic rate `annualRate / perYear`, rounded
 * half away from zero to the fen: P·r / (1 − (1 + r)^−n). A double is exact enough except within a hair of a
 * half fen; there the exact rational is computed with BigInt.
 */
export function annuityPayment(principalFen: number, annualRate: number, n: number, perYear = 12): number {
  const units = rateUnits(annualRate);
  if (units === 0) return mulDivRound(principalFen, 1, n);
  const r = units / (RATE_SCALE * perYear);
  // 1 − (1 + r)^−n with expm1/log1p: the plain form cancels catastrophically at small rates (0.01 % a year on
  // 491 million yuan put a double 0.15 fen off). The double is then trusted only clear of a half fen, by a margin
  // that grows with the amount; inside it, the exact rational decides.
  const pmt = (principalFen * r) / -Math.expm1(-n * Math.log1p(r));
  const frac = Math.abs(pmt - Math.trunc(pmt));
  if (Math.abs(frac - 0.5) > Math.max(1e-6, Math.abs(pmt) * 1e-12)) return Math.sign(pmt) * Math.round(Math.abs(pmt));
  // r = a / b: P·a·(b + a)^n / (b·((b + a)^n − b^n))
  const a = BigInt(units);
  const b = RATE_SCALE_N * BigInt(perYear);
  const growth = (b + a) ** BigInt(n);
  return Number(roundHalfAwayBig(BigInt(principalFen) * a * growth, b * (growth - b ** BigInt(n))));
}

/** Largest-remainder split of `totalFen` by `shares` (summing to 1), so the parts add up to the total exactly. */
export function splitByShares(totalFen: number, shares: Record<string, number>): Record<string, number> {
  const entries = Object.entries(shares);
  const exact = entries.map(([party, share]) => ({ party, value: totalFen * share }));
  const parts = exact.map((e) => ({ party: e.party, fen: Math.floor(e.value + 1e-9), rest: e.value - Math.floor(e.value + 1e-9) }));
  let left = totalFen - parts.reduce((s, p) => s + p.fen, 0);
  // Largest remainder first; Array.prototype.sort is stable (ES2019), so equal remainders keep the parties' order.
  for (const p of [...parts].sort((x, y) => y.rest - x.rest)) {
    if (left <= 0) break;
    p.fen += 1;
    left -= 1;
  }
  return Object.fromEntries(parts.map((p) => [p.party, p.fen]));
}

/** round_half_away(amountFen × rate1 × rate2), exactly (a probability times a loss rate, say). */
export function applyTwoRates(amountFen: number, rate1: number, rate2: number): number {
  return Number(roundHalfAwayBig(BigInt(amountFen) * BigInt(rateUnits(rate1)) * BigInt(rateUnits(rate2)), RATE_SCALE_N * RATE_SCALE_N));
}

/** round_half_away(amountFen × rate1 × rate2 × num / den), exactly (a guarantee fee on a covered share for part of a year). */
export function applyTwoRatesPer(amountFen: number, rate1: number, rate2: number, num: number, den: number): number {
  return Number(roundHalfAwayBig(BigInt(amountFen) * BigInt(rateUnits(rate1)) * BigInt(rateUnits(rate2)) * BigInt(num), RATE_SCALE_N * RATE_SCALE_N * BigInt(den)));
}
