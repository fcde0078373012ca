// Profile validation against the catalog's fact definitions: an undeclared fact, or a value that does not fit
// its FactDef, is refused naming the fact. `null` ("don't know") always fits.
import type { Catalog, FactDef, IssueLike, Profile } from '../../contract/index.js';

function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const month = Number(m[2]), day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
}

function valueIssue(def: FactDef, value: unknown, path: (string | number)[]): IssueLike | undefined {
  const typeIssue = (expected: string): IssueLike => ({ code: 'invalid_type', expected, path, input: value });
  const range = (v: number): IssueLike | undefined => {
    if (def.min !== undefined && v < def.min) return { code: 'too_small', origin: 'number', minimum: def.min, inclusive: true, path };
    if (def.max !== undefined && v > def.max) return { code: 'too_big', origin: 'number', maximum: def.max, inclusive: true, path };
    return undefined;
  };
  const options = () => (def.options ?? []).map((o) => o.value);
  switch (def.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : typeIssue('boolean');
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? range(value) : typeIssue('number');
    case 'integer':
      if (typeof value !== 'number' || !Number.isFinite(value)) return typeIssue('number');
      return Number.isInteger(value) ? range(value) : { code: 'integer', path };
    case 'string':
      return typeof value === 'string' ? undefined : typeIssue('string');
    case 'enum':
      if (typeof value !== 'string') return typeIssue('string');
      return options().includes(value) ? undefined : { code: 'invalid_value', values: options(), path };
    case 'enum-set': {
      if (!Array.isArray(value)) return typeIssue('array');
      const allowed = options();
      const bad = value.findIndex((v) => typeof v !== 'string' || !allowed.includes(v));
      if (bad >= 0) return { code: 'invalid_value', values: allowed, path: [...path, bad] };
      return new Set(value).size === value.length ? undefined : { code: 'duplicate_option', path };
    }
    case 'date':
      if (typeof value !== 'string') return typeIssue('string');
      return isCalendarDate(value) ? undefined : { code: 'not_a_date', path };
    case 'region':
      if (typeof value !== 'string') return typeIssue('string');
      return /^\d{6}$/.test(value) ? undefined : { code: 'not_an_adcode', path };
  }
}

/** Every problem of a profile, paths under `profile.`; empty when it fits the catalog. */
export function profileIssues(catalog: Catalog, profile: Profile, prefix: (string | number)[] = ['profile']): IssueLike[] {
  const issues: IssueLike[] = [];
  for (const [fact, value] of Object.entries(profile)) {
    const def = catalog.facts[fact];
    if (!def) {
      issues.push({ code: 'unknown_fact', path: [...prefix, fact] });
      continue;
    }
    if (value === null) continue;
    const problem = valueIssue(def, value, [...prefix, fact]);
    if (problem) issues.push(problem);
  }
  return issues;
}
