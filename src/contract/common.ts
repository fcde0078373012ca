// Building blocks shared by every concept of the contract (CONTRACT.md, "Conventions").
// zod/mini keeps what ships to browsers small; every type is inferred, never written twice.
import * as z from 'zod/mini';

import { LOCALES } from './localize.js';

export { LOCALES, localize } from './localize.js';
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/** Text in the three locales; zh-CN is required, a missing locale falls back to zh-CN. */
export const LocalizedText = z.object({
  'zh-CN': z.string().check(z.minLength(1)),
  'zh-TW': z.optional(z.string().check(z.minLength(1))),
  en: z.optional(z.string().check(z.minLength(1))),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

/** A calendar date `YYYY-MM-DD`, no time zone; must be a real date (no 2025-02-30). */
export const IsoDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/),
  z.refine(isCalendarDate, { message: 'not a calendar date', abort: true }),
);
export type IsoDate = z.infer<typeof IsoDate>;

/** The first date of a loan or bond: 1900 to 2199, so that its last payment date (up to 50 years on) is still `YYYY-MM-DD`. */
export const StartDate = IsoDate.check(
  z.refine((s) => s >= '1900-01-01' && s <= '2199-12-31', { message: 'date out of range', params: { rule: 'date-range' } }),
);

/** Yuan, at most 2 decimals (the fen). */
export const Money = z.number().check(z.multipleOf(0.01));
/** At least one fen: a smaller positive number passes the 2-decimal check but rounds to 0 fen (nothing to compute). */
export const PositiveMoney = z.number().check(z.gte(0.01), z.lte(1e13), z.multipleOf(0.01));
export const NonNegativeMoney = z.number().check(z.gte(0), z.lte(1e13), z.multipleOf(0.01));

/** A rate as a fraction: 0.0435 is 4.35 %. */
export const Fraction = z.number().check(z.gte(0), z.lte(1));
/** A fee or cost taken out of an amount: below 1, so something is left to compute a rate of return on. */
export const FeeRate = z.number().check(z.gte(0), z.lt(1));

/** A GB/T 2260 administrative division code. */
export const Adcode = z.string().check(z.regex(/^\d{6}$/));

export const Id = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,79}$/));

/** An address shown to people as a link: `https:` or `http:` only (never `javascript:`, `data:`, …). */
export const WebUrl = z.url({ protocol: /^https?$/, error: 'must be an https: or http: URL' });

/** A reference to the policy text a program or criterion comes from. */
export const Source = z.object({
  title: LocalizedText,
  date: z.optional(IsoDate),
  clause: z.optional(LocalizedText),
  url: z.optional(WebUrl),
  quote: z.optional(LocalizedText),
  /** v2 (Catalog authoring): the date someone last checked this source against the official text. */
  reviewedOn: z.optional(IsoDate),
});
export type Source = z.infer<typeof Source>;

/** RFC 9457 problem details, as every error of the HTTP API is sent. */
export const ProblemFieldError = z.object({ path: z.string(), message: z.string() });
export type ProblemFieldError = z.infer<typeof ProblemFieldError>;
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().check(z.int(), z.gte(100), z.lte(599)),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  errors: z.optional(z.array(ProblemFieldError)),
  /** How many problems were found when `errors` lists only the first MAX_ERRORS of them. */
  errorCount: z.optional(z.number().check(z.int(), z.gte(0))),
});
export type Problem = z.infer<typeof Problem>;

/** JSON nested deeper than this is refused before any schema walks it (a 5,000-deep criteria tree must be a clean
 * error, not a stack overflow). Real catalogs nest a few dozen levels at most. */
export const MAX_JSON_DEPTH = 256;

/** The dotted path of the first place where `value` nests deeper than `max` levels, or undefined. Iterative. */
export function tooDeepAt(value: unknown, max = MAX_JSON_DEPTH): string | undefined {
  const stack: [unknown, number, string][] = [[value, 0, '']];
  while (stack.length) {
    const [v, depth, path] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return path;
    for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1, path ? `${path}.${k}` : k]);
    }
  }
  return undefined;
}
