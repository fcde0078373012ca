// The search for paths to eligibility (paths.ts `findPaths`) where the search itself decides: which fact sets it
// visits and in what order, the Kleene pruning that keeps a long path cheap, the bound on work for a catalog
// that has no path, and the bound each numeric operator names (CONTRACT.md, "Paths to eligibility (v2)").
// Expected fact sets come from a brute-force search written here over each fact's whole (small) domain with
// the independent evaluator of random-catalog.ts; expected values from the contract's own rules.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Catalog, Criterion, FactDef, Profile } from '../../src/contract/index.js';
import { compileCatalog, evaluateProfile } from '../../src/engine/eligibility/evaluate.js';
import { compilePathProgram, findPaths } from '../../src/engine/eligibility/paths.js';
import { AS_OF, domainOf, oracleStatus, randomCatalog, randomProfile, prng } from './random-catalog.js';

const label = { 'zh-CN': 'x' };
const program = (criteria: Criterion) => ({ id: 'p', kind: 'loan' as const, title: label, sources: [{ title: label }], criteria });

/** The engine's paths (fact lists and values) for a one-program catalog. */
function enginePaths(facts: Record<string, FactDef>, criteria: Criterion, profile: Profile, count: number, asOf = AS_OF) {
  const catalog: Catalog = { version: 't', facts, programs: [program(criteria)] };
  return evaluateProfile(compileCatalog(catalog), profile, { asOf, paths: count }).results[0]!.paths ?? [];
}

const passes = (c: Criterion, p: Profile, asOf = AS_OF) => oracleStatus(c, p, asOf) === 'pass';

function combinations(n: number, k: number): number[][] {
  const out: number[][] = [];
  const rec = (start: number, acc: number[]) => {
    if (acc.length === k) { out.push([...acc]); return; }
    for (let i = start; i < n; i++) rec(i + 1, [...acc, i]);
  };
  rec(0, []);
  return out;
}

/** Brute force over `domains`: the fact sets admitting a valid, minimal path, fewest first, then declaration order. */
function oracleFactSets(order: string[], domains: Record<string, unknown[]>, c: Criterion, profile: Profile, limit: number): string[][] {
  const found: string[][] = [];
  const free = order.filter((f) => domains[f]);
  for (let size = 1; size <= free.length && found.length < limit; size++) {
    for (const combo of combinations(free.length, size)) {
      const facts = combo.map((i) => free[i]!);
      const work = { ...profile };
      const minimal = () => facts.every((f) => {
        const undone = { ...work };
        if (Object.hasOwn(profile, f)) undone[f] = profile[f]!; else delete undone[f];
        return !passes(c, undone);
      });
      const rec = (k: number): boolean => {
        if (k === facts.length) return passes(c, work) && minimal();
        for (const v of domains[facts[k]!]!) { work[facts[k]!] = v as Profile[string]; if (rec(k + 1)) return true; }
        return false;
      };
      if (rec(0)) found.push(facts);
      if (found.length >= limit) break;
    }
  }
  return found;
}

function assertValidMinimal(c: Criterion, profile: Profile, changes: { fact: string; to: unknown }[], asOf = AS_OF) {
  const changed = { ...profile };
  for (const ch of changes) changed[ch.fact] = ch.to as Profile[string];
  assert.ok(passes(c, changed, asOf), `valid: ${JSON.stringify(changes)}`);
  for (const ch of changes) {
    const undone = { ...changed };
    if (Object.hasOwn(profile, ch.fact)) undone[ch.fact] = profile[ch.fact]!; else delete undone[ch.fact];
    assert.ok(!passes(c, undone, asOf), `minimal: undoing ${ch.fact} of ${JSON.stringify(changes)}`);
  }
}

describe('paths: the fact sets visited, in the contract order', () => {
  it('on catalogs of five and six facts, up to five paths each: the same fact sets as a brute-force search', () => {
    let withPaths = 0, twoOrMore = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const catalog = randomCatalog(seed * 7919, { facts: 5 + (seed % 2), kinds: ['boolean', 'enum'], programs: 2, depth: 4 });
      const profile = randomProfile(prng(seed), catalog, 0.8, 0.1);
      const compiled = compileCatalog(catalog);
      const report = evaluateProfile(compiled, profile, { asOf: AS_OF, paths: 5 });
      const order = Object.keys(catalog.facts);
      for (const result of report.results) {
        if (result.status === 'eligible') continue;
        const criteria = catalog.programs.find((p) => p.id === result.programId)!.criteria;
        const domains = Object.fromEntries(order.filter((f) => catalog.facts[f]!.changeable !== false || profile[f] == null).map((f) => [f, domainOf(catalog.facts[f]!)]));
        const expected = oracleFactSets(order, domains, criteria, profile, 5);
        assert.deepEqual(result.paths!.map((p) => p.changes.map((ch) => ch.fact)), expected, `seed ${seed} ${JSON.stringify(criteria)} ${JSON.stringify(profile)}`);
        for (const p of result.paths!) assertValidMinimal(criteria, profile, p.changes);
        if (expected.length) withPaths++;
        if (expected.some((s) => s.length >= 2)) twoOrMore++;
      }
    }
    assert.ok(withPaths > 100 && twoOrMore > 10, `${withPaths} with paths, ${twoOrMore} with a path of two or more changes`);
  });

  it('every pair of four facts in turn, the middle pair included', () => {
    const bool: FactDef = { type: 'boolean', label };
    const facts = { a: bool, b: bool, c: bool, d: bool };
    const t = (f: string) => ({ fact: f, op: 'eq' as const, value: true });
    // Only {b, c} (the 2nd and 3rd declared) and {c, d} can make it pass.
    const criteria: Criterion = { any: [{ all: [t('b'), t('c')] }, { all: [t('c'), t('d')] }] };
    const profile = { a: false, b: false, c: false, d: false };
    const got = enginePaths(facts, criteria, profile, 5).map((p) => p.changes.map((ch) => ch.fact));
    assert.deepEqual(got, [['b', 'c'], ['c', 'd']]);
    assert.deepEqual(got, oracleFactSets(['a', 'b', 'c', 'd'], { a: [true, false], b: [true, false], c: [true, false], d: [true, false] }, criteria, profile, 5));
  });

  it('a fact none of whose values changes anything does not hide the paths of the others', () => {
    // `size` never exceeds 100 in [0, 3]: no value of it can tell, so it has no candidate; `grant` alone decides.
    const facts: Record<string, FactDef> = { size: { type: 'integer', label, min: 0, max: 3 }, grant: { type: 'boolean', label } };
    const criteria: Criterion = { any: [{ fact: 'size', op: 'gt', value: 100 }, { fact: 'grant', op: 'eq', value: true }] };
    assert.deepEqual(enginePaths(facts, criteria, { size: 0, grant: false }, 2), [{ changes: [{ fact: 'grant', from: false, to: true }] }]);
  });

  it('a program that already passes has no path (findPaths called directly)', () => {
    const pp = compilePathProgram(program({ fact: 'x', op: 'eq', value: true }), new Map([['x', 0]]));
    assert.deepEqual(findPaths(pp, { x: { type: 'boolean', label } }, { x: true }, { asOf: AS_OF, count: 3 }), []);
  });
});

describe('paths: pruning and the bound on work', () => {
  it('finds a path of twelve changes whose passing value is the last one tried for every fact', () => {
    // Each fact must be "y"; the candidates are w, x, y in option order, and w or x fails the program at once.
    const opts = ['w', 'x', 'y', 'z'].map((value) => ({ value, label }));
    const facts: Record<string, FactDef> = {};
    const parts: Criterion[] = [];
    const profile: Profile = {};
    for (let i = 0; i < 12; i++) {
      facts[`f${i}`] = { type: 'enum', label, options: opts };
      profile[`f${i}`] = 'z';
      parts.push({ not: { fact: `f${i}`, op: 'eq', value: 'w' } }, { not: { fact: `f${i}`, op: 'eq', value: 'x' } }, { fact: `f${i}`, op: 'eq', value: 'y' });
    }
    const paths = enginePaths(facts, { all: parts }, profile, 1);
    assert.deepEqual(paths, [{ changes: Object.keys(facts).map((fact) => ({ fact, from: 'z', to: 'y' })) }]);
  });

  it('a program no change can satisfy, over 24 facts, is answered "no path" after bounded work', () => {
    // "some fact is x, no fact is x, and some fact is y": with its facts unknown, every subset of the 24 facts is
    // open to Kleene logic; setting them all to y (x fails at once) shows only at the end that no fact is x. So
    // only the search's budget ends it (2^24 subsets otherwise), part-way through a subset's search.
    const opts = ['x', 'y', 'z'].map((value) => ({ value, label }));
    const facts: Record<string, FactDef> = {};
    const isX: Criterion[] = [];
    const isY: Criterion[] = [];
    const profile: Profile = {};
    for (let i = 0; i < 24; i++) {
      facts[`e${i}`] = { type: 'enum', label, options: opts };
      profile[`e${i}`] = 'z';
      isX.push({ fact: `e${i}`, op: 'eq', value: 'x' });
      isY.push({ fact: `e${i}`, op: 'eq', value: 'y' });
    }
    const started = performance.now();
    const paths = enginePaths(facts, { all: [{ any: isX }, { not: { any: isX } }, { any: isY }] }, profile, 3);
    const ms = performance.now() - started;
    assert.deepEqual(paths, []);
    // Generous for a loaded machine: the budget makes it well under a second; without one it runs for minutes.
    assert.ok(ms < 30_000, `${ms} ms`);
  });
});

describe('paths: numbers at the bound the criterion names, whatever other criteria come first', () => {
  const int: FactDef = { type: 'integer', label, min: 0, max: 20 };
  const num: FactDef = { type: 'number', label, min: 0, max: 20 };
  const to = (def: FactDef, leaves: Criterion[], from: number) => enginePaths({ f: def }, { all: leaves }, { f: from }, 1).map((p) => p.changes.map((c) => c.to));
  const ne = (value: number): Criterion => ({ fact: 'f', op: 'ne', value });

  it('gt and lt on an integer: the next integer past the bound', () => {
    assert.deepEqual(to(int, [ne(8), { fact: 'f', op: 'gt', value: 3 }], 0), [[4]]);
    assert.deepEqual(to(int, [ne(2), { fact: 'f', op: 'lt', value: 5 }], 9), [[4]]);
  });

  it('gte, lte, eq and between: the bound itself', () => {
    assert.deepEqual(to(num, [ne(8), { fact: 'f', op: 'gte', value: 3 }], 0), [[3]]);
    assert.deepEqual(to(num, [ne(9), { fact: 'f', op: 'lte', value: 5 }], 9), [[5]]);
    assert.deepEqual(to(int, [ne(11), { fact: 'f', op: 'between', value: [10, 15] }], 0), [[10]]);
    assert.deepEqual(to(num, [ne(4), { fact: 'f', op: 'eq', value: 7 }], 0), [[7]]);
  });
});

describe('paths over sets of options', () => {
  const O = ['a', 'b', 'c', 'd', 'e'];
  const set: FactDef = { type: 'enum-set', label, options: O.map((value) => ({ value, label })) };
  const ALL = Array.from({ length: 32 }, (_, m) => O.filter((_, i) => m & (1 << i)));
  const flips = (x: string[], y: string[]) => O.filter((o) => x.includes(o) !== y.includes(o)).length;

  it('up to twelve options named: the new set differs from the current one in as few options as any passing set', () => {
    const r = prng(2026);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    const leaf = (): Criterion => ({ fact: 'f', op: pick(['includesAny', 'includesAll', 'excludesAll'] as const), value: O.filter(() => r() < 0.4).concat(pick(O)).filter((o, i, a) => a.indexOf(o) === i) });
    const node = (d: number): Criterion => (d === 0 || r() < 0.4 ? leaf() : r() < 0.2 ? { not: node(d - 1) } : { [r() < 0.5 ? 'all' : 'any']: [node(d - 1), node(d - 1)] } as unknown as Criterion);
    let changed = 0;
    for (let k = 0; k < 150; k++) {
      const criteria = node(3);
      const current = pick(ALL);
      const passing = ALL.filter((s) => passes(criteria, { f: s }));
      if (passes(criteria, { f: current })) continue;
      const paths = enginePaths({ f: set }, criteria, { f: current }, 1);
      if (!passing.length) { assert.deepEqual(paths, [], JSON.stringify(criteria)); continue; }
      const to = paths[0]!.changes[0]!.to as string[];
      assert.ok(passes(criteria, { f: to }), JSON.stringify({ criteria, current, to }));
      assert.equal(flips(current, to), Math.min(...passing.map((s) => flips(current, s))), JSON.stringify({ criteria, current, to }));
      assert.deepEqual(to, O.filter((o) => to.includes(o)), 'in option order');
      changed++;
    }
    assert.ok(changed > 50, String(changed));
  });

  it('more than twelve options named: a change of one or two options is the fewest there are, not two where one will do', () => {
    const many = Array.from({ length: 14 }, (_, i) => `o${i}`);
    const def: FactDef = { type: 'enum-set', label, options: many.map((value) => ({ value, label })) };
    const everyone: Criterion = { fact: 'f', op: 'includesAll', value: many };
    // o1 alone is enough (includesAny [o1, o5]); the 14-option criterion only makes every option relevant.
    assert.deepEqual(enginePaths({ f: def }, { any: [{ fact: 'f', op: 'includesAny', value: ['o1', 'o5'] }, everyone] }, { f: [] }, 1), [{ changes: [{ fact: 'f', from: [], to: ['o1'] }] }]);
    // Against every one of the 2^14 sets: where one or two changed options suffice, the path changes that many.
    const r = prng(14);
    const all = Array.from({ length: 1 << 14 }, (_, m) => many.filter((_, i) => m & (1 << i)));
    const diff = (x: string[], y: string[]) => many.filter((o) => x.includes(o) !== y.includes(o)).length;
    let checked = 0;
    for (let k = 0; k < 30; k++) {
      const some = () => many.filter(() => r() < 0.2).concat(many[Math.floor(r() * 14)]!).filter((o, i, a) => a.indexOf(o) === i);
      const criteria: Criterion = { any: [{ all: [{ fact: 'f', op: 'includesAny', value: some() }, { fact: 'f', op: 'excludesAll', value: some() }] }, { all: [everyone, { fact: 'f', op: 'excludesAll', value: many }] }] };
      const current = many.filter(() => r() < 0.3);
      if (passes(criteria, { f: current })) continue;
      const fewest = Math.min(...all.filter((x) => passes(criteria, { f: x })).map((x) => diff(current, x)));
      const paths = enginePaths({ f: def }, criteria, { f: current }, 1);
      if (fewest > 2) continue;
      const to = paths[0]!.changes[0]!.to as string[];
      assert.ok(passes(criteria, { f: to }));
      assert.equal(diff(current, to), fewest, JSON.stringify({ criteria, current, to }));
      checked++;
    }
    assert.ok(checked > 10, String(checked));
  });

  it('more than twelve options, three named: every combination of the three', () => {
    const many = Array.from({ length: 14 }, (_, i) => `o${i}`);
    const def: FactDef = { type: 'enum-set', label, options: many.map((value) => ({ value, label })) };
    // No single criterion names all three; only the combination passes.
    const criteria: Criterion = { all: [{ fact: 'f', op: 'includesAll', value: ['o0', 'o1'] }, { fact: 'f', op: 'includesAll', value: ['o2'] }] };
    assert.deepEqual(enginePaths({ f: def }, criteria, { f: [] }, 1), [{ changes: [{ fact: 'f', from: [], to: ['o0', 'o1', 'o2'] }] }]);
  });

  it('more than twelve options: each criterion\'s own set, the one with fewer changes first', () => {
    const many = Array.from({ length: 14 }, (_, i) => `o${i}`);
    const def: FactDef = { type: 'enum-set', label, options: many.map((value) => ({ value, label })) };
    const has = (value: string[]): Criterion => ({ fact: 'f', op: 'includesAll', value });
    const lacks = (value: string[]): Criterion => ({ fact: 'f', op: 'excludesAll', value });
    const to = (criteria: Criterion, from: string[]) => enginePaths({ f: def }, { all: [criteria, { any: [has(many), { not: has(many) }] }] }, { f: from }, 1).map((p) => p.changes[0]!.to);
    // Six or three to add: three is enough.
    assert.deepEqual(to({ any: [has(many.slice(0, 6)), has(many.slice(0, 3))] }, []), [many.slice(0, 3)]);
    // Three to add while one stays out.
    assert.deepEqual(to({ all: [has(['o0', 'o1', 'o2']), lacks(['o13'])] }, []), [['o0', 'o1', 'o2']]);
    // Three to drop while the rest stay in.
    assert.deepEqual(to({ all: [lacks(['o0', 'o1', 'o2']), has(many.slice(3))] }, many), [many.slice(3)]);
  });

  it('twelve options named: any combination, even one no criterion names as a whole', () => {
    const twelve = Array.from({ length: 12 }, (_, i) => `o${i}`);
    const def: FactDef = { type: 'enum-set', label, options: twelve.map((value) => ({ value, label })) };
    const criteria: Criterion = { all: [{ fact: 'f', op: 'includesAll', value: ['o0', 'o1'] }, { fact: 'f', op: 'includesAll', value: ['o2'] }, { fact: 'f', op: 'excludesAll', value: twelve.slice(3) }] };
    assert.deepEqual(enginePaths({ f: def }, criteria, { f: [] }, 1), [{ changes: [{ fact: 'f', from: [], to: ['o0', 'o1', 'o2'] }] }]);
  });
});

describe('paths: values the contract accepts, at the edges of numbers, dates and regions', () => {
  const one = (def: FactDef, criteria: Criterion, profile: Profile = {}, asOf = AS_OF) => enginePaths({ f: def }, criteria, profile, 1, asOf).map((p) => p.changes.map((c) => c.to));

  it('a number strictly between two huge bounds, and none past the largest double', () => {
    const free: FactDef = { type: 'number', label };
    const [[v]] = one(free, { all: [{ fact: 'f', op: 'gt', value: 1e308 }, { fact: 'f', op: 'lt', value: 1.7e308 }] }) as [[number]];
    assert.ok(Number.isFinite(v) && v > 1e308 && v < 1.7e308, String(v));
    assert.deepEqual(one(free, { fact: 'f', op: 'gt', value: Number.MAX_VALUE }), []);
    // Past 2^53 adding 1 changes nothing: the next value above is still found.
    const [[big]] = one(free, { fact: 'f', op: 'gt', value: 1e20 }) as [[number]];
    assert.ok(big > 1e20 && Number.isFinite(big), String(big));
    const [[small]] = one({ type: 'integer', label }, { fact: 'f', op: 'lt', value: -1e20 }, { f: 0 }) as [[number]];
    assert.ok(small < -1e20 && Number.isInteger(small), String(small));
  });

  it('integers past 2^53: the least representable integer above the bound', () => {
    const int: FactDef = { type: 'integer', label };
    /** The next double above a positive finite x, from its bits. */
    const nextUp = (x: number) => { const v = new DataView(new ArrayBuffer(8)); v.setFloat64(0, x); v.setBigUint64(0, v.getBigUint64(0) + 1n); return v.getFloat64(0); };
    assert.deepEqual(one(int, { fact: 'f', op: 'gt', value: 2 ** 53 }, { f: 0 }), [[2 ** 53 + 2]]);
    assert.equal(nextUp(2 ** 53), 2 ** 53 + 2);
    assert.deepEqual(one(int, { all: [{ fact: 'f', op: 'ne', value: 2e20 }, { fact: 'f', op: 'gt', value: 1e20 }] }, { f: 0 }), [[nextUp(1e20)]]);
  });

  it('no date past year 9999, even where such a string would compare as a date of year 1000', () => {
    // 10000-01-01 sorts between 1000-12-31 and 1001-01-01 as a string; no real date does.
    const date: FactDef = { type: 'date', label };
    assert.deepEqual(one(date, { all: [{ fact: 'f', op: 'gt', value: '1000-12-31' }, { fact: 'f', op: 'lt', value: '1001-01-01' }, { fact: 'f', op: 'ne', value: '9999-12-31' }] }), []);
  });

  it('outside every mainland province: Hong Kong, Macao or Taiwan; outside all 34 provincial divisions: no path', () => {
    const region: FactDef = { type: 'region', label };
    const mainland = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'];
    const outside = (codes: string[]) => ({ not: { fact: 'f', op: 'withinRegion', value: codes.map((p) => `${p}0000`) } }) as Criterion;
    const [[code]] = one(region, outside(mainland)) as [[string]];
    assert.ok(['71', '81', '82'].includes(code.slice(0, 2)) && /^\d{6}$/.test(code), code);
    const [[hk]] = one(region, outside([...mainland, '71'])) as [[string]];
    assert.ok(['81', '82'].includes(hk.slice(0, 2)), hk);
    assert.deepEqual(one(region, outside([...mainland, '71', '81'])), [['820000']]);
    assert.deepEqual(one(region, outside([...mainland, '71', '81', '82'])), []);
  });
});
