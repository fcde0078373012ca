// Which value a path names where several would do (docs/contract.md, "Paths to eligibility (v2)": the value is
// chosen by a fixed rule, so the same catalog, profile and asOf give the same advice, in any runtime). Expected
// values are derived by hand from that rule, or, for sets, by a brute-force search over every set of options with
// the independent evaluator of random-catalog.ts and the rule's order written out here; none comes from paths.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Catalog, Criterion, FactDef, Profile } from '../../src/contract/index.js';
import { compileCatalog, evaluateProfile } from '../../src/engine/eligibility/evaluate.js';
import { AS_OF, oracleStatus, prng } from './random-catalog.js';

const label = { 'zh-CN': 'x' };
const program = (criteria: Criterion) => ({ id: 'p', kind: 'loan' as const, title: label, sources: [{ title: label }], criteria });

/** The `to` of each change of the first path of a one-program catalog over the one fact `f`. */
function firstTo(def: FactDef, criteria: Criterion, profile: Profile = {}): unknown[] | undefined {
  const catalog: Catalog = { version: 't', facts: { f: def }, programs: [program(criteria)] };
  const paths = evaluateProfile(compileCatalog(catalog), profile, { asOf: AS_OF, paths: 1 }).results[0]!.paths ?? [];
  return paths[0]?.changes.map((c) => c.to);
}

const passes = (c: Criterion, p: Profile) => oracleStatus(c, p, AS_OF) === 'pass';
const leaf = (op: string, value: unknown): Criterion => ({ fact: 'f', op, value }) as Criterion;

describe('paths: an integer fact whose range leaves out every value the criteria name', () => {
  // Every valid value then gives the program the same answer: the fact only needs answering. The rule names the
  // end of the fact's range nearest those values when the fact has that end only.
  it('with only a minimum: the minimum', () => {
    const from10: FactDef = { type: 'integer', label, min: 10 };
    // `lt 3` is false from 10 up; 2, 3 and 4 are all below the range.
    assert.deepEqual(firstTo(from10, { not: leaf('lt', 3) }), [10]);
    const fromMinus10: FactDef = { type: 'integer', label, min: -10 };
    // -40 and -30 (and their neighbours) are below the range, where both criteria hold.
    assert.deepEqual(firstTo(fromMinus10, { all: [leaf('gte', -40), leaf('gte', -30)] }), [-10]);
  });

  it('with only a maximum: the maximum', () => {
    const upTo5: FactDef = { type: 'integer', label, max: 5 };
    assert.deepEqual(firstTo(upTo5, { all: [leaf('lt', 20), leaf('lt', 30)] }), [5]);
    assert.deepEqual(firstTo(upTo5, { not: leaf('gt', 50) }), [5]);
  });
});

describe('paths: a number fact at its bound, and where the bound steps out of range, between the marks', () => {
  // The rule's order (docs/contract.md): each criterion's own value (gt c → c + 1, for a number fact too), the
  // constants and their neighbours, then midpoints of neighbouring marks (constants, min, max), then min, max.
  it('gt c on a number: c + 1 when in range, else the midpoint between c and the maximum', () => {
    const number = (max?: number): FactDef => ({ type: 'number', label, ...(max === undefined ? {} : { max }) });
    assert.deepEqual(firstTo(number(), leaf('gt', 0.1)), [1.1]);
    assert.deepEqual(firstTo(number(1), leaf('gt', 0.1)), [0.55]);
    // lt c below a minimum of 0: c − 1 is out of range, the midpoint of 0 and c is not.
    assert.deepEqual(firstTo({ type: 'number', label, min: 0 }, leaf('lt', 0.5)), [0.25]);
  });

  it('gte c and lte c: c itself', () => {
    assert.deepEqual(firstTo({ type: 'number', label }, leaf('gte', 3.2)), [3.2]);
    assert.deepEqual(firstTo({ type: 'number', label, min: 0 }, leaf('lte', 0.05), { f: 0.3 }), [0.05]);
  });
});

describe('paths: a date at the bound the criterion names, the criteria tried in the program\'s order', () => {
  it('gt D: the day after D, even where D itself or the day before would pass by a later criterion', () => {
    assert.deepEqual(firstTo({ type: 'date', label }, { any: [leaf('gt', '2020-01-10'), leaf('between', ['2020-01-01', '2020-01-09'])] }), ['2020-01-11']);
    assert.deepEqual(firstTo({ type: 'date', label }, { any: [leaf('gt', '2020-01-10'), leaf('between', ['2020-01-01', '2020-01-10'])] }), ['2020-01-11']);
    // Across a month and a year end, from an answer that fails.
    assert.deepEqual(firstTo({ type: 'date', label }, { any: [leaf('gt', '2020-12-31'), leaf('eq', '2020-12-31')] }, { f: '2020-06-01' }), ['2021-01-01']);
  });

  it('lt D: the day before D, even where D itself or the day after would pass by a later criterion', () => {
    assert.deepEqual(firstTo({ type: 'date', label }, { any: [leaf('lt', '2020-01-10'), leaf('between', ['2020-01-10', '2020-01-20'])] }), ['2020-01-09']);
    assert.deepEqual(firstTo({ type: 'date', label }, { any: [leaf('lt', '2020-01-10'), leaf('between', ['2020-01-11', '2020-01-20'])] }), ['2020-01-09']);
    assert.deepEqual(firstTo({ type: 'date', label }, { any: [leaf('lt', '2021-03-01'), leaf('eq', '2021-03-01')] }, { f: '2022-06-01' }), ['2021-02-28']);
  });

  it('the first criterion in the program\'s order whose bound passes', () => {
    assert.deepEqual(firstTo({ type: 'date', label }, { any: [leaf('between', ['2020-01-01', '2020-01-09']), leaf('gt', '2020-01-10')] }), ['2020-01-01']);
  });
});

// ---- sets of options -----------------------------------------------------------------------------------------

/**
 * The rule's order among sets with as few changed options (up to twelve options named): of two sets, the one
 * without the latest-declared option in which they differ comes first (options declared first are kept or added).
 */
function ruleOrder(options: string[], x: string[], y: string[]): number {
  for (let i = options.length - 1; i >= 0; i--) {
    const inX = x.includes(options[i]!), inY = y.includes(options[i]!);
    if (inX !== inY) return inX ? 1 : -1;
  }
  return 0;
}

/** Brute force: every set of `options`, the passing ones with the fewest changes from `current`, first by the rule. */
function oracleSet(options: string[], criteria: Criterion, current: string[]): string[] | undefined {
  const all = Array.from({ length: 1 << options.length }, (_, m) => options.filter((_, i) => m & (1 << i)));
  const flips = (s: string[]) => options.filter((o) => s.includes(o) !== current.includes(o)).length;
  const passing = all.filter((s) => passes(criteria, { f: s }));
  if (!passing.length) return undefined;
  const fewest = Math.min(...passing.map(flips));
  return passing.filter((s) => flips(s) === fewest).sort((x, y) => ruleOrder(options, x, y))[0];
}

/**
 * Runs `body` with Array.prototype.sort replaced by a plain stable merge sort that compares the earlier element
 * first (as SpiderMonkey's does; V8's TimSort passes the later one first). A correct comparator gives the same
 * order under both; the engine also runs in browsers that are not V8 (the local client), and a decision record
 * made on the server is checked again by evaluating its profile.
 */
function withMergeSort<T>(body: () => T): T {
  const native = Array.prototype.sort;
  function mergeSort(this: unknown[], cmp?: (a: unknown, b: unknown) => number): unknown[] {
    if (cmp === undefined) return native.call(this);
    const sorted = (xs: unknown[]): unknown[] => {
      if (xs.length < 2) return xs;
      const left = sorted(xs.slice(0, xs.length >> 1)), right = sorted(xs.slice(xs.length >> 1));
      const out: unknown[] = [];
      let i = 0, j = 0;
      while (i < left.length && j < right.length) out.push(cmp(left[i], right[j]) <= 0 ? left[i++] : right[j++]);
      return out.concat(left.slice(i), right.slice(j));
    };
    const result = sorted([...this]);
    for (let k = 0; k < result.length; k++) this[k] = result[k];
    return this;
  }
  Array.prototype.sort = mergeSort as typeof native;
  try {
    return body();
  } finally {
    Array.prototype.sort = native;
  }
}

describe('paths over sets of options: the fewest changed options, then the options declared first', () => {
  const O = ['a', 'b', 'c', 'd', 'e'];
  const set: FactDef = { type: 'enum-set', label, options: O.map((value) => ({ value, label })) };

  it('adding one option where several would do: the first declared', () => {
    assert.deepEqual(firstTo(set, leaf('includesAny', ['b', 'c']), { f: [] }), [['b']]);
    assert.deepEqual(firstTo(set, leaf('includesAny', ['e', 'c', 'd']), { f: ['a'] }), [['a', 'c']]);
  });

  it('removing one option where several would do: the latest declared (the ones declared first are kept)', () => {
    assert.deepEqual(firstTo(set, { not: leaf('includesAll', ['a', 'b', 'c']) }, { f: ['a', 'b', 'c'] }), [['a', 'b']]);
  });

  it('two changes where several pairs would do: the pair without the latest-declared option they differ in', () => {
    // {b, c} and {a, d} both pass with two additions; they differ last in d: {b, c}.
    assert.deepEqual(firstTo(set, { any: [leaf('includesAll', ['a', 'd']), leaf('includesAll', ['b', 'c'])] }, { f: [] }), [['b', 'c']]);
    assert.equal(ruleOrder(O, ['b', 'c'], ['a', 'd']), -1);
  });

  /** Random criteria over five options: the engine's set is the brute force's, tie broken by the rule. */
  function randomCases(seed: number, run: (criteria: Criterion, current: string[]) => unknown[] | undefined) {
    const r = prng(seed);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    const some = () => O.filter(() => r() < 0.4).concat(pick(O)).filter((o, i, a) => a.indexOf(o) === i);
    const leafOf = (): Criterion => leaf(pick(['includesAny', 'includesAll', 'excludesAll'] as const), some());
    const node = (d: number): Criterion => (d === 0 || r() < 0.4 ? leafOf() : r() < 0.2 ? { not: node(d - 1) } : { [r() < 0.5 ? 'all' : 'any']: [node(d - 1), node(d - 1)] } as unknown as Criterion);
    let checked = 0, tied = 0;
    for (let k = 0; k < 500; k++) {
      const criteria = node(3);
      const current = O.filter(() => r() < 0.4);
      if (passes(criteria, { f: current })) continue;
      const expected = oracleSet(O, criteria, current);
      const got = run(criteria, current);
      const why = JSON.stringify({ criteria, current });
      if (expected === undefined) { assert.equal(got, undefined, why); continue; }
      assert.deepEqual(got, [expected], why);
      checked++;
      // Cases where the rule decides: another passing set has as few changes.
      const flips = (s: string[]) => O.filter((o) => s.includes(o) !== current.includes(o)).length;
      const all = Array.from({ length: 32 }, (_, m) => O.filter((_, i) => m & (1 << i)));
      if (all.filter((s) => passes(criteria, { f: s }) && flips(s) === flips(expected)).length > 1) tied++;
    }
    assert.ok(checked > 200 && tied > 40, `${checked} checked, ${tied} decided by the order`);
  }

  it('random criteria: the set a brute-force search chooses by the same rule', () => {
    randomCases(515, (criteria, current) => firstTo(set, criteria, { f: current }));
  });

  it('the same sets whatever stable sort algorithm the runtime has (a merge sort comparing the earlier element first)', () => {
    assert.deepEqual(withMergeSort(() => [3, 1, 2].sort((a, b) => a - b)), [1, 2, 3]);
    randomCases(516, (criteria, current) => withMergeSort(() => firstTo(set, criteria, { f: current })));
    assert.deepEqual(withMergeSort(() => firstTo(set, leaf('includesAny', ['b', 'c']), { f: [] })), [['b']]);
  });
});

describe('paths over sets of more than twelve named options', () => {
  const options = (n: number) => Array.from({ length: n }, (_, i) => `o${i}`);
  const setOf = (names: string[]): FactDef => ({ type: 'enum-set', label, options: names.map((value) => ({ value, label })) });

  it('32 named options (more than a 32-bit mask holds): one to add, the first declared', () => {
    const many = options(32);
    assert.deepEqual(firstTo(setOf(many), leaf('includesAny', many), { f: [] }), [['o0']]);
    assert.deepEqual(firstTo(setOf(many), { all: [leaf('includesAll', ['o31']), { not: leaf('includesAll', many) }] }, { f: ['o3'] }), [['o3', 'o31']]);
    // 31 named options of 33.
    const more = options(33);
    assert.deepEqual(firstTo(setOf(more), { all: [leaf('includesAny', more.slice(1, 32)), leaf('excludesAll', ['o1'])] }, { f: ['o0', 'o1'] }), [['o0', 'o2']]);
  });

  it('24 named options: answered in bounded time, not by trying every one of 16 million combinations', () => {
    const many = options(24);
    const started = performance.now();
    // Two of the 24 to add; the criterion naming all 24 makes each one relevant.
    const criteria: Criterion = { any: [{ all: [leaf('includesAll', ['o5']), leaf('includesAny', ['o20', 'o21'])] }, { all: [leaf('includesAll', many), leaf('excludesAll', many)] }] };
    assert.deepEqual(firstTo(setOf(many), criteria, { f: ['o0'] }), [['o0', 'o5', 'o20']]);
    const ms = performance.now() - started;
    // Milliseconds here; generous for a loaded machine. Every combination would take minutes and gigabytes.
    assert.ok(ms < 5_000, `${ms} ms`);
  });
});
