// Numbers as Chinese users type them. Pure (no DOM), tested in Node.
// Accepted: full-width digits and punctuation from an input method ("８００", "１，０００"), thousands separators
// in groups of three ("1,000,000"), a trailing "%" in a percentage field, and amounts with 元 / 万 / 万元 / 亿
// (or 萬 / 億) in money fields, scaled to the field's unit. Refused, each with its own reason, so the message can
// say what is expected: "0x10" (hex), "1e3" (scientific notation), "12,5" (a decimal comma), "1,00" (bad grouping).
// The draft text is never rewritten: a field shows what was typed until it parses.

/** What a field's number is in: plain, a percentage typed as a percentage, yuan, or 万元. */
export type NumberUnit = 'plain' | 'percent' | 'yuan' | 'wan';

export type ParseProblem = 'required' | 'notNumber' | 'hex' | 'exponent' | 'decimalComma' | 'grouping' | 'percentSign';
export type ParseResult = { ok: true; value: number } | { ok: false; problem: ParseProblem };

/** Full-width forms → ASCII (NFKC), the dashes people type for minus → "-", whitespace trimmed. */
export function normalizeNumberText(text: string): string {
  return text.normalize('NFKC').replace(/[\u2212\u2012\u2013\u2014\uFE63]/g, '-').replace(/[\u3000\u00A0]/g, ' ').trim();
}

const MONEY_SUFFIX = /\s*(亿元|億元|亿|億|万元|萬元|万|萬|元)$/;
const SCALE: Record<'yuan' | 'wan', Record<string, number>> = {
  yuan: { 元: 1, 万: 1e4, 萬: 1e4, 万元: 1e4, 萬元: 1e4, 亿: 1e8, 億: 1e8, 亿元: 1e8, 億元: 1e8 },
  wan: { 元: 1e-4, 万: 1, 萬: 1, 万元: 1, 萬元: 1, 亿: 1e4, 億: 1e4, 亿元: 1e4, 億元: 1e4 },
};

/** Parses what was typed into a number in the field's unit (a percentage stays in percent: "4.35%" → 4.35). */
export function parseNumber(text: string, unit: NumberUnit = 'plain'): ParseResult {
  let s = normalizeNumberText(text);
  if (!s) return { ok: false, problem: 'required' };
  let scale = 1;
  if (s.endsWith('%')) {
    if (unit !== 'percent') return { ok: false, problem: 'percentSign' };
    s = s.slice(0, -1).trim();
  } else if (unit === 'yuan' || unit === 'wan') {
    const m = MONEY_SUFFIX.exec(s);
    if (m) {
      scale = SCALE[unit][m[1]!]!;
      s = s.slice(0, m.index).trim();
    }
  }
  if (/^[+-]?0[xob]/i.test(s)) return { ok: false, problem: 'hex' };
  if (/^[+-]?(\d[\d,]*\.?\d*|\.\d+)e[+-]?\d+$/i.test(s)) return { ok: false, problem: 'exponent' };
  if (/[, ]/.test(s)) {
    if (/^[+-]?\d{1,3}([, ]\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/[, ]/g, '');
    else if (/^[+-]?\d+,\d+$/.test(s) && !/^[+-]?\d{1,3},\d{3}$/.test(s)) return { ok: false, problem: 'decimalComma' };
    else if (/^[+-]?[\d, ]+(\.\d+)?$/.test(s)) return { ok: false, problem: 'grouping' };
    else return { ok: false, problem: 'notNumber' };
  }
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return { ok: false, problem: 'notNumber' };
  const n = Number(s);
  if (!Number.isFinite(n)) return { ok: false, problem: 'notNumber' };
  // Scaling by 1e4 or 1e8 must not leave binary dust (1.1万 → 11000, not 11000.000000000002).
  return { ok: true, value: scale === 1 ? n : Number((n * scale).toPrecision(15)) };
}

/** Percent → fraction without binary dust (4.35 → 0.0435). */
export function percentToFraction(p: number): number {
  return Number((p / 100).toPrecision(12));
}

/** Fraction → the percent text a field shows (0.0435 → "4.35"). */
export function fractionToPercent(f: number): string {
  return String(Number((f * 100).toPrecision(12)));
}

/** A `YYYY-MM-DD` text that is a real calendar date. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}
