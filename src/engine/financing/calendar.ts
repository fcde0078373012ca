// Monthly schedules: period k falls on the start date plus k months, clamped to the month's end
// (2025-01-31 → 2025-02-28 → 2025-03-31: always counted from the start, never from the previous date).
// Plain arithmetic, no Date objects: a 360-month schedule formats 360 dates.

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const TWO = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));

function daysInMonth(year: number, month0: number): number {
  if (month0 !== 1) return DAYS[month0]!;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

export function addMonths(date: string, months: number): string {
  const y = +date.slice(0, 4);
  const m = +date.slice(5, 7) - 1 + months;
  const d = +date.slice(8, 10);
  const year = y + Math.floor(m / 12);
  const month0 = ((m % 12) + 12) % 12;
  const day = Math.min(d, daysInMonth(year, month0));
  return `${String(year).padStart(4, '0')}-${TWO[month0 + 1]}-${TWO[day]}`;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian; H. Hinnant's days_from_civil). */
export function dayNumber(date: string): number {
  let y = +date.slice(0, 4);
  const m = +date.slice(5, 7);
  const d = +date.slice(8, 10);
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}
