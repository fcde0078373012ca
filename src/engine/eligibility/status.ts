// Status-only evaluation: the same Kleene logic as `evaluate.ts`, compiled to closures that return a number and
// allocate nothing, for screening (`detail: "status"`) and for the search of paths to eligibility, which
// evaluates a program thousands of times per question.
import type { Criterion, FactDef, Leaf, Profile } from '../../contract/index.js';
import { wholeYearsBetween, withinRegion } from './operators.js';
import { isAdcode } from './profile.js';

/** Kleene values as small integers: fail 0, pass 1, unknown 2. */
export const FAIL = 0, PASS = 1, UNKNOWN = 2;
export type Kleene = 0 | 1 | 2;
export type StatusOf = (profile: Profile, asOf: string) => Kleene;

/** The test of one leaf on a present, non-null value. */
export function leafTest(leaf: Leaf): (actual: unknown, asOf: string) => boolean {
  const { op, value } = leaf;
  const list = Array.isArray(value) ? (value as (string | number)[]) : [];
  const set = new Set<unknown>(list);
  switch (op) {
    case 'eq': return (a) => a === value;
    case 'ne': return (a) => a !== value;
    case 'lt': return (a) => (a as number | string) < (value as number | string);
    case 'lte': return (a) => (a as number | string) <= (value as number | string);
    case 'gt': return (a) => (a as number | string) > (value as number | string);
    case 'gte': return (a) => (a as number | string) >= (value as number | string);
    case 'between': {
      const [min, max] = list as [number | string, number | string];
      return (a) => (a as number | string) >= min && (a as number | string) <= max;
    }
    case 'in': return (a) => set.has(a);
    case 'notIn': return (a) => !set.has(a);
    case 'includesAny': return (a) => (a as string[]).some((v) => set.has(v));
    case 'includesAll': return (a) => list.every((v) => (a as string[]).includes(v as string));
    case 'excludesAll': return (a) => !(a as string[]).some((v) => set.has(v));
    case 'withinRegion': return (a) => list.some((target) => withinRegion(a as string, target as string));
    case 'yearsSinceLte': return (a, asOf) => wholeYearsBetween(a as string, asOf) <= (value as number);
    case 'yearsSinceGte': return (a, asOf) => wholeYearsBetween(a as string, asOf) >= (value as number);
  }
}

export function compileStatus(node: Criterion): StatusOf {
  if ('all' in node || 'any' in node) {
    const isAll = 'all' in node;
    const children = (isAll ? (node as { all: Criterion[] }).all : (node as { any: Criterion[] }).any).map((c) => compileStatus(c));
    const n = children.length;
    const decisive: Kleene = isAll ? FAIL : PASS;
    const otherwise: Kleene = isAll ? PASS : FAIL;
    return (profile, asOf) => {
      let result: Kleene = otherwise;
      for (let i = 0; i < n; i++) {
        const s = children[i]!(profile, asOf);
        if (s === decisive) return decisive;
        if (s === UNKNOWN) result = UNKNOWN;
      }
      return result;
    };
  }
  if ('not' in node) {
    const child = compileStatus(node.not);
    return (profile, asOf) => {
      const s = child(profile, asOf);
      return s === UNKNOWN ? UNKNOWN : s === PASS ? FAIL : PASS;
    };
  }
  const { fact } = node;
  const test = leafTest(node);
  return (profile, asOf) => {
    const actual = profile[fact];
    if (actual === undefined || actual === null) return UNKNOWN;
    return test(actual, asOf) ? PASS : FAIL;
  };
}

/** Every leaf of a criterion, depth first. */
export function leavesOf(node: Criterion, into: Leaf[] = []): Leaf[] {
  if ('all' in node) for (const c of node.all) leavesOf(c, into);
  else if ('any' in node) for (const c of node.any) leavesOf(c, into);
  else if ('not' in node) leavesOf(node.not, into);
  else into.push(node);
  return into;
}

/**
 * Status-only evaluation of a whole catalog, for screening: each profile's answers are read once into a vector
 * (one keyed read per fact, not per leaf, checked against the facts' definitions in the same pass), and each
 * distinct leaf (same fact, operator and value) that several programs share is decided at most once per profile,
 * so cost grows with the distinct rules, not the copies. Leaves are specialized per operator and combinators per
 * arity, so a decision is a few closure calls and comparisons and allocates nothing.
 */
export interface CatalogStatus {
  /** Starts a profile: reads its answers (unchecked); then `program(i)` decides program i. */
  load(profile: Profile): void;
  /**
   * Starts a profile like `load`, checking every declared answer with `checks` (same positions as the facts) in
   * the same pass. True when every answer fits and the profile has no other key; false means "look closer" (the
   * caller names the problems, or finds none in a case this fast check does not settle).
   */
  loadChecked(profile: Profile, checks: readonly ((value: unknown) => unknown)[]): boolean;
  program(i: number, asOf: string): Kleene;
  /** A copy of the loaded answers (lists copied too), in declaration order. */
  snapshot(): unknown[];
}

type Node = (asOf: string) => Kleene;

/** A leaf reading answer `fi` of `values`: unknown when unanswered or "don't know", else its operator's test. */
function leafNode(leaf: Leaf, values: unknown[], fi: number): Node {
  const { op, value } = leaf;
  const list = Array.isArray(value) ? (value as (string | number)[]) : [];
  // The operators the bundled catalogs use most get a closure of their own (no second call per decision).
  switch (op) {
    case 'eq': return (): Kleene => { const a = values[fi]; return a == null ? UNKNOWN : a === value ? PASS : FAIL; };
    case 'ne': return (): Kleene => { const a = values[fi]; return a == null ? UNKNOWN : a !== value ? PASS : FAIL; };
    case 'lt': return (): Kleene => { const a = values[fi]; return a == null ? UNKNOWN : (a as number) < (value as number) ? PASS : FAIL; };
    case 'lte': return (): Kleene => { const a = values[fi]; return a == null ? UNKNOWN : (a as number) <= (value as number) ? PASS : FAIL; };
    case 'gt': return (): Kleene => { const a = values[fi]; return a == null ? UNKNOWN : (a as number) > (value as number) ? PASS : FAIL; };
    case 'gte': return (): Kleene => { const a = values[fi]; return a == null ? UNKNOWN : (a as number) >= (value as number) ? PASS : FAIL; };
    case 'in': case 'notIn': {
      const set = new Set<unknown>(list);
      const hit: Kleene = op === 'in' ? PASS : FAIL, miss: Kleene = op === 'in' ? FAIL : PASS;
      if (list.length === 1) { const only = list[0]; return (): Kleene => { const a = values[fi]; return a == null ? UNKNOWN : a === only ? hit : miss; }; }
      return (): Kleene => { const a = values[fi]; return a == null ? UNKNOWN : set.has(a) ? hit : miss; };
    }
    case 'includesAny': case 'excludesAll': {
      const set = new Set<unknown>(list);
      const hit: Kleene = op === 'includesAny' ? PASS : FAIL, miss: Kleene = op === 'includesAny' ? FAIL : PASS;
      return (): Kleene => {
        const a = values[fi] as string[] | null | undefined;
        if (a == null) return UNKNOWN;
        for (let i = 0; i < a.length; i++) if (set.has(a[i])) return hit;
        return miss;
      };
    }
    default: {
      const test = leafTest(leaf);
      return (asOf): Kleene => { const a = values[fi]; return a == null ? UNKNOWN : test(a, asOf) ? PASS : FAIL; };
    }
  }
}

/** `all` / `any` over compiled children, with the one- and two-child cases unrolled. */
function combinator(isAll: boolean, children: Node[]): Node {
  const decisive: Kleene = isAll ? FAIL : PASS;
  const otherwise: Kleene = isAll ? PASS : FAIL;
  const n = children.length;
  if (n === 0) return () => otherwise;
  if (n === 1) return children[0]!;
  if (n === 2) {
    const [a, b] = children as [Node, Node];
    return (asOf) => {
      const x = a(asOf);
      if (x === decisive) return decisive;
      const y = b(asOf);
      if (y === decisive) return decisive;
      return x === UNKNOWN || y === UNKNOWN ? UNKNOWN : otherwise;
    };
  }
  return (asOf) => {
    let result: Kleene = otherwise;
    for (let i = 0; i < n; i++) {
      const s = children[i]!(asOf);
      if (s === decisive) return decisive;
      if (s === UNKNOWN) result = UNKNOWN;
    }
    return result;
  };
}

const K_OTHER = 0, K_BOOLEAN = 1, K_NUMBER = 2, K_STRING = 3, K_ENUM = 4, K_SET = 5, K_REGION = 6;

export function compileCatalogStatus(criteria: Criterion[], factIds: string[], facts: Record<string, FactDef> = {}): CatalogStatus {
  const index = new Map(factIds.map((f, i) => [f, i]));
  const nFacts = factIds.length;
  // What `loadChecked` checks inline, per fact: its kind, bounds (numbers: finite, min..max) and options (enums and
  // enum-sets of up to 31 options; larger lists, and integers and dates, go through the fact's own check).
  const defs = factIds.map((f) => facts[f]);
  const kinds = Uint8Array.from(defs, (d) => (d?.type === 'boolean' ? K_BOOLEAN : d?.type === 'number' ? K_NUMBER : d?.type === 'string' ? K_STRING : d?.type === 'enum' && d.options!.length <= 31 ? K_ENUM : d?.type === 'enum-set' && d.options!.length <= 31 ? K_SET : d?.type === 'region' ? K_REGION : K_OTHER));
  const mins = defs.map((d) => d?.min ?? -Number.MAX_VALUE);
  const maxs = defs.map((d) => d?.max ?? Number.MAX_VALUE);
  const optionLists = defs.map((d) => (d?.options ?? []).map((o) => o.value));
  const values: unknown[] = new Array(nFacts).fill(undefined);
  const lastKeys: string[] = [], lastFacts: number[] = [];
  const keyOf = (leaf: Leaf) => `${leaf.fact}\u0000${leaf.op}\u0000${JSON.stringify(leaf.value)}`;
  // How often each distinct leaf occurs: only a leaf that occurs more than once is worth remembering per profile.
  const uses = new Map<string, number>();
  for (const c of criteria) for (const leaf of leavesOf(c)) uses.set(keyOf(leaf), (uses.get(keyOf(leaf)) ?? 0) + 1);
  const shared = new Map<string, Node>();
  let gen = 1;
  // Filled after compiling, once the number of remembered leaves is known.
  let stamp = new Int32Array(0);
  let memo = new Uint8Array(0);
  let remembered = 0;
  const compile = (node: Criterion): Node => {
    if ('all' in node) return combinator(true, node.all.map(compile));
    if ('any' in node) return combinator(false, node.any.map(compile));
    if ('not' in node) {
      const child = compile(node.not);
      return (asOf) => { const s = child(asOf); return s === UNKNOWN ? UNKNOWN : s === PASS ? FAIL : PASS; };
    }
    const key = keyOf(node);
    const known = shared.get(key);
    if (known) return known;
    const raw = leafNode(node, values, index.get(node.fact)!);
    if (uses.get(key)! < 2) return raw;
    const u = remembered++;
    const decide: Node = (asOf) => {
      if (stamp[u] === gen) return memo[u] as Kleene;
      const r = raw(asOf);
      stamp[u] = gen;
      memo[u] = r;
      return r;
    };
    shared.set(key, decide);
    return decide;
  };
  const programs = criteria.map(compile);
  stamp = new Int32Array(remembered);
  memo = new Uint8Array(remembered);
  // A new generation invalidates every remembered leaf (wraps after 2^31 profiles; stamps restart too).
  const nextGeneration = () => { if (++gen === 0x7fffffff) { gen = 1; stamp.fill(0); } };
  return {
    load(profile) {
      for (let i = 0; i < nFacts; i++) values[i] = profile[factIds[i]!];
      nextGeneration();
    },
    loadChecked(profile, checks) {
      for (let i = 0; i < nFacts; i++) values[i] = undefined;
      nextGeneration();
      // One pass over the profile's enumerable keys, the loop V8 reads fastest: each must be a declared fact
      // whose answer fits. Profiles of one portfolio list their keys in the same order, so the position of each
      // key is remembered from the profile before (a comparison of interned strings instead of a lookup).
      let fits = true, j = 0;
      for (const key in profile) {
        let fi: number | undefined;
        if (lastKeys[j] === key) fi = lastFacts[j];
        else { fi = index.get(key) ?? -1; lastKeys[j] = key; lastFacts[j] = fi; }
        j++;
        const v = profile[key];
        if (fi! < 0 || v === undefined) { fits = false; continue; }
        values[fi!] = v;
        if (v === null) continue;
        // The common types inline (one switch instead of a call per answer); the rest through their check.
        switch (kinds[fi!]) {
          case K_BOOLEAN: if (typeof v !== 'boolean') fits = false; break;
          case K_NUMBER: if (typeof v !== 'number' || !(v >= mins[fi!]! && v <= maxs[fi!]!)) fits = false; break;
          case K_STRING: if (typeof v !== 'string') fits = false; break;
          case K_ENUM: if (typeof v !== 'string' || optionLists[fi!]!.indexOf(v) < 0) fits = false; break;
          case K_SET: {
            // Each answer's position in the option list (a short list: a scan beats hashing) marks a bit, so a
            // repeated option is caught without a second loop.
            if (!Array.isArray(v)) { fits = false; break; }
            const allowed = optionLists[fi!]!;
            let seen = 0;
            for (let i = 0; i < v.length; i++) {
              const k = allowed.indexOf(v[i] as string);
              if (k < 0 || (seen & (1 << k)) !== 0) { fits = false; break; }
              seen |= 1 << k;
            }
            break;
          }
          case K_REGION: if (typeof v !== 'string' || !isAdcode(v)) fits = false; break;
          default: if (checks[fi!]!(v) !== undefined) fits = false;
        }
      }
      if (fits) return true;
      // Something to look closer at: the answers are read again as `load` reads them, for the caller's walk.
      for (let i = 0; i < nFacts; i++) values[i] = profile[factIds[i]!];
      return false;
    },
    program: (i, asOf) => programs[i]!(asOf),
    snapshot: () => values.map((v) => (Array.isArray(v) ? v.slice() : v)),
  };
}
