// A saved profile meets the catalog of today: answers to questions the catalog no longer asks, or values that no
// longer fit their question (a removed option, a changed bound, a wrong type), are dropped, the rest kept, and the
// widget says which. Pure (the same checks as the contract's profile validation, without zod); tested in Node.
import type { FactDef, FactValue, Profile } from '../../../contract/index.js';
import { isCalendarDate } from '../../core/form/parse.js';

export function fitsFact(def: FactDef, value: FactValue): boolean {
  if (value === null) return true;
  const options = new Set(def.options?.map((o) => o.value) ?? []);
  const inRange = (n: number) => (def.min === undefined || n >= def.min) && (def.max === undefined || n <= def.max);
  switch (def.type) {
    case 'boolean': return typeof value === 'boolean';
    case 'number': return typeof value === 'number' && Number.isFinite(value) && inRange(value);
    case 'integer': return typeof value === 'number' && Number.isInteger(value) && inRange(value);
    case 'string': return typeof value === 'string';
    case 'enum': return typeof value === 'string' && options.has(value);
    case 'enum-set': return Array.isArray(value) && value.every((v) => typeof v === 'string' && options.has(v)) && new Set(value).size === value.length;
    case 'date': return typeof value === 'string' && isCalendarDate(value);
    case 'region': return typeof value === 'string' && /^\d{6}$/.test(value);
  }
}

export interface Fitted {
  profile: Profile;
  /** Fact ids whose saved answers were dropped. */
  dropped: string[];
}

/** Keeps the answers that still fit the catalog's questions. Anything that is not an object fits nothing. */
export function fitProfile(saved: unknown, facts: Readonly<Record<string, FactDef>>): Fitted {
  if (!saved || typeof saved !== 'object' || Array.isArray(saved)) return { profile: {}, dropped: saved === undefined || saved === null ? [] : ['*'] };
  const profile: Profile = {};
  const dropped: string[] = [];
  for (const [fact, value] of Object.entries(saved as Record<string, unknown>)) {
    const def = facts[fact];
    if (def && fitsFact(def, value as FactValue)) profile[fact] = value as FactValue;
    else dropped.push(fact);
  }
  return { profile, dropped };
}

/** Removes the facts a server named in a bad-input problem (`profile.revenue`, `profile.region`). */
export function withoutFacts(profile: Profile, paths: readonly string[]): Fitted {
  const named = new Set(paths.map((p) => p.replace(/^profile\./, '').split('.')[0]!).filter((f) => f in profile));
  const kept: Profile = {};
  for (const [k, v] of Object.entries(profile)) if (!named.has(k)) kept[k] = v;
  return { profile: kept, dropped: [...named] };
}
