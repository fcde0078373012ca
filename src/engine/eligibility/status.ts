// Status-only evaluation: the same Kleene logic as `evaluate.ts`, compiled to closures that return a number and
// allocate nothing, for screening (`detail: "status"`) and for the search of paths to eligibility, which
// evaluates a program thousands of times per question.
import type { Criterion, FactDef, Leaf, Profile } from '../../contract/index.js';
import { wholeYearsBetween, withinRegion } from './operators.js';

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

export function compileStatus(node: Criterion, facts?: Record<string, FactDef>): StatusOf {
  void facts;
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
 * (one keyed read per fact, not per leaf), and each distinct leaf (same fact, operator and value) is decided at
 * most once per profile however many programs repeat it, so cost grows with the distinct rules, not the copies.
 */
export interface CatalogStatus {
  /** Starts a profile: reads its answers; then `program(i)` decides program i. */
  load(profile: Profile): void;
  program(i: number, asOf: string): Kleene;
  /** A copy of the loaded answers (lists copied too), in declaration order. */
  snapshot(): unknown[];
}

export function compileCatalogStatus(criteria: Criterion[], factIds: string[]): CatalogStatus {
  const index = new Map(factIds.map((f, i) => [f, i]));
  const leafIds = new Map<string, number>();
  const values: unknown[] = new Array(factIds.length);
  let gen = 1;
  const tests: ((a: unknown, asOf: string) => boolean)[] = [];
  const leafFact: number[] = [];
  type Node = (asOf: string) => Kleene;
  // Filled after compiling, once the number of distinct leaves is known.
  let stamp = new Int32Array(0);
  let memo = new Uint8Array(0);
  const compile = (node: Criterion): Node => {
    if ('all' in node || 'any' in node) {
      const isAll = 'all' in node;
      const children = (isAll ? (node as { all: Criterion[] }).all : (node as { any: Criterion[] }).any).map(compile);
      const n = children.length;
      const decisive: Kleene = isAll ? FAIL : PASS;
      const otherwise: Kleene = isAll ? PASS : FAIL;
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
    if ('not' in node) {
      const child = compile(node.not);
      return (asOf) => { const s = child(asOf); return s === UNKNOWN ? UNKNOWN : s === PASS ? FAIL : PASS; };
    }
    const key = `${node.fact}\u0000${node.op}\u0000${JSON.stringify(node.value)}`;
    let u = leafIds.get(key);
    if (u === undefined) {
      u = tests.length;
      leafIds.set(key, u);
      tests.push(leafTest(node));
      leafFact.push(index.get(node.fact)!);
    }
    const leaf = u;
    const test = tests[leaf]!;
    const fi = leafFact[leaf]!;
    return (asOf) => {
      if (stamp[leaf] === gen) return memo[leaf] as Kleene;
      const a = values[fi];
      const r: Kleene = a === undefined || a === null ? UNKNOWN : test(a, asOf) ? PASS : FAIL;
      stamp[leaf] = gen;
      memo[leaf] = r;
      return r;
    };
  };
  const programs = criteria.map(compile);
  stamp = new Int32Array(tests.length);
  memo = new Uint8Array(tests.length);
  return {
    load(profile) {
      for (let i = 0; i < factIds.length; i++) values[i] = profile[factIds[i]!];
      // A new generation invalidates every memoized leaf (wraps after 2^31 profiles; stamps restart too).
      if (++gen === 0x7fffffff) { gen = 1; stamp.fill(0); }
    },
    program: (i, asOf) => programs[i]!(asOf),
    snapshot: () => values.map((v) => (Array.isArray(v) ? v.slice() : v)),
  };
}
