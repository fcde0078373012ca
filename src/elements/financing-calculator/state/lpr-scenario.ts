// LPR scenarios for the calculator's path editor: "the LPR moves by N basis points a year" as assumed future
// fixings (CONTRACT.md v2, `rate.lprPath`), one a year on the anniversary of the latest published fixing, for as
// many years as the loan runs. Pure: tested in Node (test/node/calculator-v2.test.ts).
import type { LprFixing, LprPathEntry } from '../../../contract/index.js';

/** Whole months after a date, clamped to the month's end (the contract's calendar). */
function plusMonths(date: string, months: number): string {
  const y = +date.slice(0, 4), m = +date.slice(5, 7) - 1 + months, d = +date.slice(8, 10);
  const year = y + Math.floor(m / 12), month0 = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month0 + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** `bps` (whole basis points) added to a rate, exactly; never below zero. */
function shift(rate: number, bps: number): number {
  return Math.max(0, Math.round(rate * 10_000) + bps) / 10_000;
}

/**
 * Fixings that move both tenors by `bpsPerYear` each year after `latest` (the newest published fixing), covering a
 * loan from `startDate` for `termMonths`: the first lands a year after `latest`, the last on or before maturity.
 */
export function lprScenario(latest: LprFixing, bpsPerYear: number, startDate: string, termMonths: number): LprPathEntry[] {
  const maturity = plusMonths(startDate, termMonths);
  const path: LprPathEntry[] = [];
  for (let j = 1; j <= 60; j++) {
    const date = plusMonths(latest.date, 12 * j);
    if (date > maturity) break;
    path.push({ date, oneYear: shift(latest.oneYear, bpsPerYear * j), fiveYear: shift(latest.fiveYear, bpsPerYear * j) });
  }
  return path;
}
