// Profile validation against the catalog's fact definitions: an undeclared fact, or a value that does not fit
// its FactDef, is refused naming the fact. `null` ("don't know") always fits. Each fact's check is compiled
// once per catalog, so screening a portfolio allocates nothing for a valid answer.
import type { Catalog, FactDef, IssueLike, Profile } from '../../contract/index.js';

/** What is wrong with a value, without its path (added only when there is a problem). */
type Problem = Omit<IssueLike, 'path'> & { at?: number };
export type FactCheck = (value: unknown) => Problem | undefined;

/** The value of `s` from `at` to `at + length` when those are all ASCII digits, else -1. */
function digits(s: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `YYYY-MM-DD` naming a real day of the proleptic Gregorian calendar (checked by hand: screening calls it a lot). */
export function isCalendarDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month]!);
}

/** Six ASCII digits (a GB/T 2260 adcode's form). */
export function isAdcode(s: string): boolean {
  return s.length === 6 && digits(s, 0, 6) >= 0;
}

export function compileFactCheck(def: FactDef): FactCheck {
  const typeIssue = (expected: string, value: unknown): Problem => ({ code: 'invalid_type', expected, input: value });
  const { min, max } = def;
  const range = (v: number): Problem | undefined => {
    if (min !== undefined && v < min) return { code: 'too_small', origin: 'number', minimum: min, inclusive: true };
    if (max !== undefined && v > max) return { code: 'too_big', origin: 'number', maximum: max, inclusive: true };
    return undefined;
  };
  // Stryker disable next-line ArrayDeclaration: `values` and `options` are read only for enum and enum-set facts, which always have options (catalog.ts refuses one without)
  const values = (def.options ?? []).map((o) => o.value);
  const options = new Set(values);
  switch (def.type) {
    case 'boolean':
      return (v) => (typeof v === 'boolean' ? undefined : typeIssue('boolean', v));
    case 'number':
      return (v) => (typeof v === 'number' && Number.isFinite(v) ? range(v) : typeIssue('number', v));
    case 'integer':
      return (v) => {
        if (typeof v !== 'number' || !Number.isFinite(v)) return typeIssue('number', v);
        return Number.isInteger(v) ? range(v) : { code: 'integer' };
      };
    case 'string':
      return (v) => (typeof v === 'string' ? undefined : typeIssue('string', v));
    case 'enum':
      return (v) => {
        if (typeof v !== 'string') return typeIssue('string', v);
        return options.has(v) ? undefined : { code: 'invalid_value', values };
      };
    case 'enum-set':
      return (v) => {
        if (!Array.isArray(v)) return typeIssue('array', v);
        for (let i = 0; i < v.length; i++) {
          if (typeof v[i] !== 'string' || !options.has(v[i])) return { code: 'invalid_value', values, at: i };
          for (let j = 0; j < i; j++) if (v[j] === v[i]) return { code: 'duplicate_option' };
        }
        return undefined;
      };
    case 'date':
      return (v) => {
        if (typeof v !== 'string') return typeIssue('string', v);
        return isCalendarDate(v) ? undefined : { code: 'not_a_date' };
      };
    case 'region':
      return (v) => {
        if (typeof v !== 'string') return typeIssue('string', v);
        return isAdcode(v) ? undefined : { code: 'not_an_adcode' };
      };
  }
}

export function compileFactChecks(catalog: Catalog): Map<string, FactCheck> {
  return new Map(Object.entries(catalog.facts).map(([id, def]) => [id, compileFactCheck(def)]));
}

/** Every problem of a profile, paths under `prefix` (`profile` by default); empty when it fits the catalog. */
export function profileIssues(checks: Map<string, FactCheck>, profile: Profile, prefix: (string | number)[] = ['profile']): IssueLike[] {
  let issues: IssueLike[] | undefined;
  for (const fact of Object.keys(profile)) {
    const check = checks.get(fact);
    const value = profile[fact];
    let problem: Problem | undefined;
    if (!check) problem = { code: 'unknown_fact' };
    else if (value !== null) problem = check(value);
    if (problem) {
      const { at, ...rest } = problem;
      (issues ??= []).push({ ...rest, path: at === undefined ? [...prefix, fact] : [...prefix, fact, at] });
    }
  }
  return issues ?? [];
}
