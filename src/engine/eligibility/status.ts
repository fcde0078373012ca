// Status-only evaluation of one criterion on a profile: the same Kleene logic as the catalog machine
// (machine.ts), compiled to closures that return a number and allocate nothing, for the search of paths to
// eligibility, which evaluates a program thousands of times per question; and each operator's test.
import type { Criterion, Leaf, Profile } from '../../contract/index.js';
import { wholeYearsBetween, withinRegion } from './operators.js';

/** Kleene values as small integers: fail 0, pass 1, unknown 2. */
export const FAIL = 0, PASS = 1, UNKNOWN = 2;
export type Kleene = 0 | 1 | 2;
export type StatusOf = (profile: Profile, asOf: string) => Kleene;

/** The test of one leaf on a present, non-null value. */
export function leafTest(leaf: Leaf): (actual: unknown, asOf: string) => boolean {
  const { op, value } = leaf;
  // Stryker disable next-line ArrayDeclaration: `list` is read only by the list operators (between, in, notIn, includes*, excludesAll, withinRegion), whose value is always an array
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

/** The children of an all, any or not node (a not has one); undefined for a leaf. */
export function childrenOf(node: Criterion): readonly Criterion[] | undefined {
  return 'all' in node ? node.all : 'any' in node ? node.any : 'not' in node ? [node.not] : undefined;
}
