// Paths to eligibility (CONTRACT.md, "Paths to eligibility (v2)"): the smallest sets of answers that would make
// a program pass. A search, not a guess: fact subsets by increasing size (ties by declaration positions), and
// for each subset a backtracking search over candidate values, pruned by Kleene evaluation with the subset's
// facts left unknown (if the program already fails then, no value of theirs can make it pass). Every path found
// is verified by evaluating the program, and checked minimal by undoing each change.
//
// Candidate values are complete: a program sees a fact only through its leaves, so two values that give every
// leaf of the program on that fact the same truth are interchangeable. Each fact's candidates are one value per
// reachable vector of leaf truths (boundary values of the criteria, enum options, set changes, region prefixes),
// in order of preference: the bound a criterion names first (`gte 500` → 500, integer `gt 3` → 4; past 2^53 the
// next representable integer). An enum-set fact whose criteria name up to twelve options is changed in as few
// options as any passing set needs (past twelve, single changes, then double ones, then each criterion's own set,
// fewest changed options first).
import type { EligibilityPath, FactDef, FactValue, Leaf, PathChange, Profile, Program } from '../../contract/index.js';
import { compileStatus, leafTest, leavesOf, PASS, FAIL, type StatusOf } from './status.js';

/** Evaluations one program's search may spend; ample for real catalogs, a bound against pathological ones. */
const BUDGET = 200_000;
/** Enum-set facts whose criteria name up to this many options get every combination as a candidate. */
const SET_LIMIT = 12;

export interface PathProgram {
  program: Program;
  status: StatusOf;
  /** Facts named by the criteria, in catalog declaration order, with the leaves that name them. */
  facts: { fact: string; position: number; leaves: Leaf[]; tests: ((a: unknown, asOf: string) => boolean)[] }[];
}

export function compilePathProgram(program: Program, factOrder: Map<string, number>): PathProgram {
  const byFact = new Map<string, Leaf[]>();
  for (const leaf of leavesOf(program.criteria)) {
    const list = byFact.get(leaf.fact);
    if (list) list.push(leaf);
    else byFact.set(leaf.fact, [leaf]);
  }
  const facts = [...byFact.entries()]
    .map(([fact, leaves]) => ({ fact, position: factOrder.get(fact)!, leaves, tests: leaves.map(leafTest) }))
    .sort((a, b) => a.position - b.position);
  return { program, status: compileStatus(program.criteria), facts };
}

// ---- candidate values -------------------------------------------------------------------------------------

function addDays(date: string, days: number): string | undefined {
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999, which lost every path near year 1.
  const d = new Date(0);
  d.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + days);
  const y = d.getUTCFullYear();
  if (y < 1 || y > 9999) return undefined;
  return `${String(y).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** The latest date from which `asOf` is at least `years` whole years away (birthday rule). */
function yearsBefore(asOf: string, years: number): string | undefined {
  const y = Number(asOf.slice(0, 4)) - years;
  if (y < 1) return undefined;
  const md = asOf.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

function numericPool(def: FactDef, leaves: Leaf[]): number[] {
  const integer = def.type === 'integer';
  // A loaded catalog names only numbers in the leaves of a number or integer fact (catalog.ts checks each), and at
  // least one leaf names the fact, so there is always a constant.
  const constants = leaves.flatMap((leaf) => (Array.isArray(leaf.value) ? leaf.value : [leaf.value]) as number[]);
  // The next value past c: c ± 1, or past 2^53 (where adding 1 changes nothing) the next representable step.
  const step = (c: number, dir: 1 | -1) => (c + dir !== c ? c + dir : c + dir * Math.abs(c) * Number.EPSILON);
  // Stryker disable next-line ArrayDeclaration: a non-number seed is dropped by the final Number.isFinite filter
  const pool: number[] = [];
  // The bound each operator names first, then its neighbours, then points between every two boundaries.
  for (const leaf of leaves) {
    const v = leaf.value;
    if (leaf.op === 'gt') pool.push(step(v as number, 1));
    else if (leaf.op === 'lt') pool.push(step(v as number, -1));
    else if (Array.isArray(v)) pool.push(...(v as number[]));
    else pool.push(v as number);
  }
  for (const c of constants) pool.push(c, step(c, 1), step(c, -1));
  // Stryker disable next-line MethodExpression: an absent bound kept as undefined sorts last, and its midpoint, NaN, is dropped
  const bounds = [def.min, def.max].filter(Number.isFinite) as number[];
  const marks = [...new Set([...constants, ...bounds])].sort((a, b) => a - b);
  // Stryker disable next-line EqualityOperator,ArithmeticOperator: (`<=`, `i - 1 <`) the extra pairs read past the end: NaN midpoints, dropped
  for (let i = 0; i + 1 < marks.length; i++) {
    const a = marks[i]!, b = marks[i + 1]!;
    // Halves added, not the sum halved: the sum of two bounds near the largest double overflows to Infinity.
    pool.push(integer ? Math.floor(a / 2 + b / 2) : a / 2 + b / 2);
  }
  // Stryker disable next-line ConditionalExpression: (the `true` variant) an absent bound pushes NaN or undefined, which the filter drops
  if (def.min !== undefined) pool.push(integer ? Math.ceil(def.min) : def.min);
  // Stryker disable next-line ConditionalExpression: (the `true` variant) as for min
  if (def.max !== undefined) pool.push(integer ? Math.floor(def.max) : def.max);
  // Every value pushed for an integer fact is whole already: integer constants (catalog.ts), their neighbours
  // (doubles past 2^52 are all whole), floored midpoints and rounded bounds.
  return pool.filter((v) => Number.isFinite(v) && (def.min === undefined || v >= def.min) && (def.max === undefined || v <= def.max));
}

function datePool(leaves: Leaf[], asOf: string): string[] {
  const pool: string[] = [];
  const push = (d: string | undefined) => { if (d) pool.push(d); };
  for (const leaf of leaves) {
    const v = leaf.value;
    if (leaf.op === 'yearsSinceGte' || leaf.op === 'yearsSinceLte') {
      const b = yearsBefore(asOf, v as number);
      // yearsSinceGte n → the latest date n years back; yearsSinceLte n → the earliest date at most n years back.
      if (leaf.op === 'yearsSinceGte') { push(b); push(b && addDays(b, 1)); } else { const e = yearsBefore(asOf, (v as number) + 1); push(e && addDays(e, 1)); push(e); }
    } else if (leaf.op === 'gt') { push(addDays(v as string, 1)); push(v as string); }
    else if (leaf.op === 'lt') { push(addDays(v as string, -1)); push(v as string); }
    else {
      for (const d of Array.isArray(v) ? (v as string[]) : [v as string]) { push(d); push(addDays(d, -1)); push(addDays(d, 1)); }
    }
  }
  // Stryker disable next-line ConditionalExpression: (the `true` variant) the pool is complete, so asOf, pushed last, only repeats a vector already there
  if (!pool.length) pool.push(asOf);
  return pool;
}

function regionPool(leaves: Leaf[]): string[] {
  const targets = leaves.flatMap((l) => l.value as string[]);
  const pool = [...targets];
  // Stryker disable next-line MethodExpression: (`${t}0000` for the province code) never first of its leaf truths: the prefecture code pushed just before matches the same targets
  for (const t of targets) pool.push(`${t.slice(0, 4)}00`, `${t.slice(0, 2)}0000`);
  // A provincial division no target names (GB/T 2260 prefixes: the 31 mainland provinces, then Taiwan, Hong
  // Kong and Macao, which the region picker offers too), so "not in these provinces" has a path.
  const prefixes = new Set(targets.map((t) => t.slice(0, 2)));
  const outside = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82']
    .find((p) => !prefixes.has(p));
  if (outside) pool.push(`${outside}0000`);
  return pool;
}

function stringPool(leaves: Leaf[]): string[] {
  const constants = leaves.flatMap((l) => (Array.isArray(l.value) ? l.value : [l.value]).map(String));
  let other = 'other';
  for (let i = 1; constants.includes(other); i++) other = `other-${i}`;
  return [...constants, other];
}

function setPool(def: FactDef, leaves: Leaf[], current: FactValue | undefined): string[][] {
  const order = def.options!.map((o) => o.value);
  const relevant = order.filter((o) => leaves.some((l) => (l.value as string[]).includes(o)));
  // Stryker disable next-line ArrayDeclaration: a seed that is not an option is dropped by make(), which keeps only options
  const base = Array.isArray(current) ? current : [];
  const keep = base.filter((o) => !relevant.includes(o));
  const have = relevant.map((o) => base.includes(o));
  const make = (bits: boolean[]) => {
    const chosen = new Set([...keep, ...relevant.filter((_, i) => bits[i])]);
    return order.filter((o) => chosen.has(o));
  };
  const out: string[][] = [];
  if (relevant.length <= SET_LIMIT) {
    const combos: { bits: boolean[]; flips: number; key: number }[] = [];
    // Stryker disable next-line EqualityOperator: one more mask, 1 << n, has no relevant bit set: the same set as mask 0, sorted after it
    for (let mask = 0; mask < 1 << relevant.length; mask++) {
      const bits = relevant.map((_, i) => (mask & (1 << i)) !== 0);
      const flips = bits.reduce((n, b, i) => n + (b !== have[i] ? 1 : 0), 0);
      combos.push({ bits, flips, key: mask });
    }
    combos.sort((a, b) => a.flips - b.flips || a.key - b.key);
    for (const c of combos) out.push(make(c.bits));
  } else {
    // Too many options to try every combination: single flips, then double flips, then each criterion's own set
    // (fewest changed options first, as above: a double flip tried before the single one it contains once told
    // the user to obtain two certifications where one was enough).
    out.push(make(have));
    // Stryker disable next-line EqualityOperator: (`<=`) a flip at index n changes nothing: make(have) again, a duplicate
    for (let i = 0; i < relevant.length; i++) out.push(make(have.map((b, k) => (k === i ? !b : b))));
    // Stryker disable next-line EqualityOperator: (`<=`) as above
    for (let i = 0; i < relevant.length; i++) {
      // Stryker disable next-line EqualityOperator,ArithmeticOperator: (`<=`, `j = i - 1`) the extra pairs are single flips or pairs already listed: duplicates
      for (let j = i + 1; j < relevant.length; j++) out.push(make(have.map((b, k) => (k === i || k === j ? !b : b))));
    }
    const own = leaves.map((l) => {
      const vs = l.value as string[];
      return relevant.map((o, i) => (l.op === 'excludesAll' ? have[i]! && !vs.includes(o) : have[i]! || vs.includes(o)));
    });
    const flipsOf = (bits: boolean[]) => bits.reduce((n, b, i) => n + (b !== have[i] ? 1 : 0), 0);
    for (const bits of own.sort((a, b) => flipsOf(a) - flipsOf(b))) out.push(make(bits));
  }
  return out;
}

/** One value per reachable vector of leaf truths, in order of preference, leaving out the current value's own. */
export function candidateValues(def: FactDef, entry: PathProgram['facts'][number], current: FactValue | undefined, asOf: string): FactValue[] {
  const { leaves, tests } = entry;
  let pool: FactValue[];
  switch (def.type) {
    case 'boolean': pool = [true, false]; break;
    case 'enum': pool = def.options!.map((o) => o.value); break;
    case 'string': pool = stringPool(leaves); break;
    case 'number': case 'integer': pool = numericPool(def, leaves); break;
    case 'date': pool = datePool(leaves, asOf); break;
    case 'region': pool = regionPool(leaves); break;
    case 'enum-set': pool = setPool(def, leaves, current); break;
  }
  // Stryker disable next-line StringLiteral: any two marks neither of which begins the other key the vectors the same way
  const vector = (v: FactValue) => tests.map((t) => (t(v, asOf) ? '1' : '0')).join('');
  const seen = new Set<string>();
  if (current !== undefined && current !== null) seen.add(vector(current));
  const out: FactValue[] = [];
  for (const v of pool) {
    const key = vector(v);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out;
}

// ---- the search ---------------------------------------------------------------------------------------------

export interface PathOptions {
  asOf: string;
  /** How many paths (1..5). */
  count: number;
}

/** Up to `count` valid, minimal paths with distinct fact sets, fewest changes first. */
export function findPaths(pp: PathProgram, facts: Record<string, FactDef>, profile: Profile, options: PathOptions): EligibilityPath[] {
  const { asOf, count } = options;
  const { status } = pp;
  // Stryker disable next-line ConditionalExpression: (the `false` variant) a program that already passes has no minimal path: undoing any change leaves it passing, so the search finds none
  if (status(profile, asOf) === PASS) return [];
  // A fact marked changeable: false may be answered, never changed once answered.
  const free = pp.facts.filter((f) => facts[f.fact]!.changeable !== false || profile[f.fact] === undefined || profile[f.fact] === null);
  const candidates = free.map((f) => candidateValues(facts[f.fact]!, f, profile[f.fact], asOf));
  const paths: EligibilityPath[] = [];
  let budget = BUDGET;
  const work: Profile = { ...profile };

  const restore = (fact: string) => {
    // Stryker disable next-line ConditionalExpression: a fact set to undefined is unanswered to the evaluator, as a deleted one is; paths read `from` from the profile
    if (Object.hasOwn(profile, fact)) work[fact] = profile[fact]!;
    else delete work[fact];
  };
  const minimal = (subset: number[]): boolean => {
    for (const i of subset) {
      const fact = free[i]!.fact;
      const to = work[fact]!;
      restore(fact);
      const s = status(work, asOf);
      work[fact] = to;
      if (s === PASS) return false;
    }
    return true;
  };

  /** Backtracking over the subset's values; facts not yet assigned are unknown, so a FAIL prunes the branch. */
  const search = (subset: number[], k: number): boolean => {
    // Stryker disable next-line EqualityOperator: one evaluation fewer of 200,000 changes only a search that exhausts the budget, whose answer is already cut short
    if (--budget < 0) return false;
    if (k === subset.length) return status(work, asOf) === PASS && minimal(subset);
    const i = subset[k]!;
    const fact = free[i]!.fact;
    for (const value of candidates[i]!) {
      work[fact] = value;
      // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: pruning at the last level too drops only values that fail the PASS test below
      if (k + 1 < subset.length && status(work, asOf) === FAIL) continue;
      if (search(subset, k + 1)) return true;
    }
    // Leave the not-yet-assigned facts unknown for the callers' pruning.
    delete work[fact];
    return false;
  };

  const n = free.length;
  for (let size = 1; size <= n && paths.length < count; size++) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: with the budget spent every search returns at once and the inner loop breaks after one subset: work only
    if (budget <= 0) break;
    // Subsets of `size` in lexicographic order of their declaration positions (`free` is in that order).
    const subset = Array.from({ length: size }, (_, i) => i);
    for (;;) {
      // Kleene prune: with the subset's facts unknown, a program that still fails cannot be made to pass by them.
      for (const i of subset) delete work[free[i]!.fact];
      // Kleene logic is monotone: a program that fails with these facts unknown fails for every value of them, so
      // skipping it, or a subset with a fact that has no candidate, saves work and changes no answer.
      // Stryker disable next-line ConditionalExpression,LogicalOperator,MethodExpression,EqualityOperator: work only (see above); the search would find nothing there
      const open = candidates.every((c, i) => !subset.includes(i) || c.length > 0) && status(work, asOf) !== FAIL;
      if (open && search(subset, 0)) {
        paths.push({
          changes: subset.map((i): PathChange => {
            const fact = free[i]!.fact;
            const to = work[fact] as Exclude<FactValue, null>;
            return Object.hasOwn(profile, fact) ? { fact, from: profile[fact]!, to } : { fact, to };
          }),
        });
      }
      for (const i of subset) restore(free[i]!.fact);
      if (paths.length >= count) break;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: with the budget spent, the remaining subsets' searches return at once: work only
      if (budget <= 0) break;
      // Next combination.
      let j = size - 1;
      // Stryker disable next-line ConditionalExpression: (j >= 0 → true) subset[-1] is undefined, never equal to a number, so the loop stops at -1 anyway
      while (j >= 0 && subset[j] === n - size + j) j--;
      if (j < 0) break;
      subset[j]!++;
      for (let k = j + 1; k < size; k++) subset[k] = subset[k - 1]! + 1;
    }
  }
  return paths;
}
