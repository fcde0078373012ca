// Calendar dates as `YYYY-MM-DD` strings, computed in UTC so no time zone can shift a day.

/** The calendar date in China (UTC+8) at the instant `now`; the caller owns the clock. */
export function dateInChina(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
