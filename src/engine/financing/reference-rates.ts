// Resolves the LPR in force on a date from a published history.
import type { LprFixing, LprTenor, ReferenceRates } from '../../contract/index.js';

/** Newest first, as the contract serves it. */
export function sortFixings(rates: ReferenceRates): LprFixing[] {
  return [...rates.lpr].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

/**
 * The latest fixing of `tenor` on or before `date`, or undefined before the first fixing. Of two fixings given for one
 * date, the later in the list (as a loan's lookup reads them, and as of two `lprPath` entries with one date).
 */
export function lprOn(rates: ReferenceRates, tenor: LprTenor, date: string): number | undefined {
  let fixing: LprFixing | undefined;
  for (const f of rates.lpr) if (f.date <= date && (!fixing || f.date >= fixing.date)) fixing = f;
  if (!fixing) return undefined;
  return tenor === '1y' ? fixing.oneYear : fixing.fiveYear;
}
