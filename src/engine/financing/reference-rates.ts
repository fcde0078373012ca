// Resolves the LPR in force on a date from a published history.
import type { LprFixing, LprTenor, ReferenceRates } from '../../contract/index.js';

/** Newest first, as the contract serves it. */
export function sortFixings(rates: ReferenceRates): LprFixing[] {
  return [...rates.lpr].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

/** The latest fixing of `tenor` on or before `date`, or undefined before the first fixing. */
export function lprOn(rates: ReferenceRates, tenor: LprTenor, date: string): number | undefined {
  const fixing = sortFixings(rates).find((f) => f.date <= date);
  if (!fixing) return undefined;
  return tenor === '1y' ? fixing.oneYear : fixing.fiveYear;
}
