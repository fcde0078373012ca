// Profile validation against the catalog's fact definitions: an undeclared fact, or a value that does not fit
// its FactDef, is refused naming the fact. `null` ("don't know") always fits. Each fact's check is compiled
// once per catalog, so screening a portfolio allocates nothing for a valid answer.
import type { Catalog, FactDef, IssueLike, Profile } from '../../contract/index.js';

/** What is wrong with a value, without its path (added only when there is a problem). */
type Problem = Omit<IssueLike, 'path'> & { at?: number };
export type FactCheck = (value: unknown) => Problem | undefined;

function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const month = Number(m[2]), day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
}

export function compileFactCheck(def: FactDef): FactCheck {
  const typeIssue = (expected: string, value: unknown): Problem => ({ code: 'invalid_type', expected, input: value });
  const { min, max } = def;
  const range = (v: number): Problem | undefined => {
    if (min !== undefined && v < min) return { code: 'too_small', origin: 'number', minimum: min, inclusive: true };
    if (max !== undefined && v > max) return { code: 'too_big', origin: 'number', maximum: max, inclusive: true };
    return undefined;
  };
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
        return v.length === 6 && /^\d{6}$/.test(v) ? undefined : { code: 'not_an_adcode' };
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
