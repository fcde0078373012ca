// Small random catalogs and profiles for property and differential tests, and an evaluator of the contract's
// Kleene semantics written from CONTRACT.md alone (it shares no code with the engine), used as the oracle.
// Every fact has a small finite test domain that contains a value of every class the criteria can tell apart,
// so an exhaustive search over it is a complete search.
import type { Catalog, Criterion, FactDef, Leaf, Profile } from '../../src/contract/index.js';

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const AS_OF = '2025-03-10';
const label = (s: string) => ({ 'zh-CN': s });
const OPTS = ['a', 'b', 'c'];
const SET_OPTS = ['x', 'y', 'z'];
const DAYS = ['2020-03-08', '2020-03-09', '2020-03-10', '2020-03-11', '2020-03-12', '2021-03-09', '2021-03-10', '2021-03-11', '2021-03-12'];
const DATE_DOMAIN = ['2019-01-01', '2019-09-01', ...DAYS, '2020-09-01', '2021-03-08', '2022-06-01'];
const REGION_TARGETS = ['320000', '320100', '320102', '321000', '110000', '110101'];
const REGION_DOMAIN = ['320000', '320100', '320102', '320199', '321000', '321099', '329900', '110000', '110101', '110102', '440000'];

export type Kind = FactDef['type'];
const KINDS: Kind[] = ['boolean', 'integer', 'number', 'enum', 'string', 'enum-set', 'date', 'region'];

/** The finite domain the oracle searches for each fact (complete for the constants `randomLeaf` uses). */
export function domainOf(def: FactDef): unknown[] {
  switch (def.type) {
    case 'boolean': return [true, false];
    case 'integer': return [0, 1, 2, 3, 4, 5, 6];
    case 'number': return [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5];
    case 'enum': return OPTS;
    case 'string': return ['a', 'b', 'c', 'zz'];
    case 'enum-set': {
      const out: string[][] = [];
      for (let m = 0; m < 8; m++) out.push(SET_OPTS.filter((_, i) => m & (1 << i)));
      return out;
    }
    case 'date': return DATE_DOMAIN;
    case 'region': return REGION_DOMAIN;
  }
}

function pick<T>(r: () => number, xs: readonly T[]): T { return xs[Math.floor(r() * xs.length)]!; }
function some<T>(r: () => number, xs: readonly T[], max = xs.length): T[] {
  const n = 1 + Math.floor(r() * Math.min(max, xs.length));
  const shuffled = [...xs].sort(() => r() - 0.5);
  return shuffled.slice(0, n);
}

function randomLeaf(r: () => number, fact: string, def: FactDef): Leaf {
  switch (def.type) {
    case 'boolean': return pick(r, [
      { fact, op: 'eq' as const, value: r() < 0.5 }, { fact, op: 'ne' as const, value: r() < 0.5 },
      { fact, op: 'in' as const, value: [true] as unknown as string[] }, { fact, op: 'notIn' as const, value: [false] as unknown as string[] },
    ]);
    case 'integer': case 'number': {
      const ints = def.type === 'integer' ? [1, 2, 3, 4, 5] : [1, 2, 3, 4];
      const op = pick(r, ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'between'] as const);
      if (op === 'between') { const a = pick(r, ints); const b = pick(r, ints); return { fact, op, value: [Math.min(a, b), Math.max(a, b)] }; }
      return { fact, op, value: pick(r, ints) };
    }
    case 'enum': case 'string': {
      const op = pick(r, ['eq', 'ne', 'in', 'notIn'] as const);
      return op === 'eq' || op === 'ne' ? { fact, op, value: pick(r, OPTS) } : { fact, op, value: some(r, OPTS, 2) };
    }
    case 'enum-set': return { fact, op: pick(r, ['includesAny', 'includesAll', 'excludesAll'] as const), value: some(r, SET_OPTS, 2) };
    case 'date': {
      const op = pick(r, ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'between', 'yearsSinceLte', 'yearsSinceGte'] as const);
      if (op === 'yearsSinceLte' || op === 'yearsSinceGte') return { fact, op, value: pick(r, [4, 5]) };
      if (op === 'between') { const [a, b] = [pick(r, DAYS), pick(r, DAYS)].sort(); return { fact, op, value: [a!, b!] }; }
      return { fact, op, value: pick(r, DAYS) };
    }
    case 'region': return { fact, op: 'withinRegion', value: some(r, REGION_TARGETS, 2) };
  }
}

function randomCriterion(r: () => number, facts: [string, FactDef][], depth: number): Criterion {
  if (depth === 0 || r() < 0.35) {
    const [fact, def] = pick(r, facts);
    return randomLeaf(r, fact, def);
  }
  const k = r();
  if (k < 0.15) return { not: randomCriterion(r, facts, depth - 1) };
  const n = Math.floor(r() * 4); // 0..3 children: empty all/any included
  const children = Array.from({ length: n }, () => randomCriterion(r, facts, depth - 1));
  return k < 0.6 ? { all: children } : { any: children };
}

export interface RandomCatalogOptions { facts?: number; programs?: number; depth?: number; kinds?: Kind[] }

export function randomCatalog(seed: number, o: RandomCatalogOptions = {}): Catalog {
  const r = prng(seed);
  const nFacts = o.facts ?? 2 + Math.floor(r() * 4);
  const factEntries: [string, FactDef][] = [];
  for (let i = 0; i < nFacts; i++) {
    const type = pick(r, o.kinds ?? KINDS);
    const def: FactDef = { type, label: label(`f${i}`) };
    if (type === 'enum') def.options = OPTS.map((v) => ({ value: v, label: label(v) }));
    if (type === 'enum-set') def.options = SET_OPTS.map((v) => ({ value: v, label: label(v) }));
    if (type === 'integer') { def.min = 0; def.max = 6; }
    if (type === 'number') { def.min = 0; def.max = 5; }
    if (r() < 0.25) def.changeable = false;
    // Booleans compared with in/notIn are stored with booleans in the array; keep only what the catalog accepts.
    factEntries.push([`f${i}`, def]);
  }
  const programs = Array.from({ length: o.programs ?? 1 + Math.floor(r() * 4) }, (_, p) => ({
    id: `p${p}`, kind: 'subsidy' as const, title: label(`p${p}`), sources: [{ title: label('test') }],
    criteria: randomCriterion(r, factEntries, o.depth ?? 3),
    ...((w) => (w < 0.12 ? { validFrom: '2025-06-01' } : w < 0.2 ? { validUntil: '2024-12-31' } : w < 0.3 ? { validFrom: '2025-03-10', validUntil: '2025-03-10' } : {}))(r()),
  }));
  // Booleans take in/notIn only with boolean arrays; the contract's CriterionValue allows string|number arrays,
  // so rewrite boolean in/notIn as eq/ne to stay inside the schema.
  const fix = (c: Criterion): Criterion => {
    if ('all' in c) return { all: c.all.map(fix) };
    if ('any' in c) return { any: c.any.map(fix) };
    if ('not' in c) return { not: fix(c.not) };
    if (Array.isArray(c.value) && typeof c.value[0] === 'boolean') return { fact: c.fact, op: c.op === 'in' ? 'eq' : 'ne', value: c.value[0] as unknown as boolean };
    return c;
  };
  for (const p of programs) p.criteria = fix(p.criteria);
  return { version: `random-${seed}`, facts: Object.fromEntries(factEntries), programs };
}

export function randomProfile(r: () => number, catalog: Catalog, answered = 0.6, dontKnow = 0.15): Profile {
  const profile: Profile = {};
  for (const [fact, def] of Object.entries(catalog.facts)) {
    const x = r();
    if (x < dontKnow) profile[fact] = null;
    else if (x < dontKnow + answered) profile[fact] = pick(r, domainOf(def)) as Profile[string];
  }
  return profile;
}

// ---- the oracle: CONTRACT.md's semantics, written independently of src/engine ----------------------------

type K = 'pass' | 'fail' | 'unknown';

function years(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  let y = ty - fy;
  if (tm < fm || (tm === fm && td < fd)) y -= 1;
  return y;
}

function inRegion(code: string, target: string): boolean {
  if (/0000$/.test(target)) return code.substring(0, 2) === target.substring(0, 2);
  if (/00$/.test(target)) return code.substring(0, 4) === target.substring(0, 4);
  return code === target;
}

function leafHolds(leaf: Leaf, a: unknown, asOf: string): boolean {
  const v = leaf.value as never;
  const arr = (Array.isArray(leaf.value) ? leaf.value : []) as unknown[];
  switch (leaf.op) {
    case 'eq': return a === v;
    case 'ne': return a !== v;
    case 'lt': return (a as number) < v;
    case 'lte': return (a as number) <= v;
    case 'gt': return (a as number) > v;
    case 'gte': return (a as number) >= v;
    case 'between': return (a as number) >= (arr[0] as number) && (a as number) <= (arr[1] as number);
    case 'in': return arr.indexOf(a) >= 0;
    case 'notIn': return arr.indexOf(a) < 0;
    case 'includesAny': return arr.some((x) => (a as unknown[]).indexOf(x) >= 0);
    case 'includesAll': return arr.every((x) => (a as unknown[]).indexOf(x) >= 0);
    case 'excludesAll': return arr.every((x) => (a as unknown[]).indexOf(x) < 0);
    case 'withinRegion': return arr.some((t) => inRegion(a as string, t as string));
    case 'yearsSinceLte': return years(a as string, asOf) <= v;
    case 'yearsSinceGte': return years(a as string, asOf) >= v;
  }
}

export function oracleStatus(c: Criterion, profile: Profile, asOf: string): K {
  if ('all' in c) {
    const s = c.all.map((x) => oracleStatus(x, profile, asOf));
    return s.includes('fail') ? 'fail' : s.includes('unknown') ? 'unknown' : 'pass';
  }
  if ('any' in c) {
    const s = c.any.map((x) => oracleStatus(x, profile, asOf));
    return s.includes('pass') ? 'pass' : s.includes('unknown') ? 'unknown' : 'fail';
  }
  if ('not' in c) {
    const s = oracleStatus(c.not, profile, asOf);
    return s === 'pass' ? 'fail' : s === 'fail' ? 'pass' : 'unknown';
  }
  const a = Object.prototype.hasOwnProperty.call(profile, c.fact) ? profile[c.fact] : undefined;
  if (a === undefined || a === null) return 'unknown';
  return leafHolds(c, a, asOf) ? 'pass' : 'fail';
}

export function oracleProgramStatus(c: Criterion, profile: Profile, asOf: string): 'eligible' | 'ineligible' | 'undetermined' {
  const s = oracleStatus(c, profile, asOf);
  return s === 'pass' ? 'eligible' : s === 'fail' ? 'ineligible' : 'undetermined';
}

export function inForce(p: { validFrom?: string; validUntil?: string }, asOf: string): boolean {
  return (!p.validFrom || p.validFrom <= asOf) && (!p.validUntil || asOf <= p.validUntil);
}
