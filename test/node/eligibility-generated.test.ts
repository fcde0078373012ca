// The eligibility machine reads answers and decides statuses two ways: closures over typed arrays (what a page
// runs, under a strict CSP) and straight-line code generated per catalog (what a server runs). Every other Node
// test meets the generated code; here both are held against each other and against independent oracles: a
// plain recursive Kleene evaluator (random-catalog.ts, `oracleStatus`) and the engine the machine replaced
// (test/fixtures/eligibility-old). On catalogs of every fact type and operator, with profiles that leave facts
// out, say "don't know", list options out of order, repeat options, carry wrong types, NaN, out-of-range numbers,
// impossible dates, undeclared keys and inherited answers: the same acceptance, the same coded answers, the same
// statuses, the same reports and refusals.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import type { Catalog, Profile, TraceNode } from '../../src/contract/index.js';
import { compileMachine } from '../../src/engine/eligibility/machine.js';
import { generateDecisions, SCREEN_LEAVES, type LeafPlan } from '../../src/engine/eligibility/generated-status.js';
import type { Criterion } from '../../src/contract/index.js';
import { GENERATED_LEAVES } from '../../src/engine/eligibility/generated-code.js';
import { compileSource, mayGenerateCode } from '../../src/engine/eligibility/generated-code.js';
import * as next from '../../src/engine/eligibility/evaluate.js';
import * as old from '../fixtures/eligibility-old/evaluate.js';
import { outcome } from './engine-outcome.js';
import { AS_OF, oracleStatus, prng, randomCatalog, randomProfile } from './random-catalog.js';
import { BAD_ANSWERS, catalogOf, profileOf } from './machine-codings.js';
import { withGlobals } from '../engine/with-globals.js';
import bundledJson from '../../src/data/catalog/catalog.json' with { type: 'json' };

const json = (x: unknown) => JSON.stringify(x);
const KLEENE = ['fail', 'pass', 'unknown'];
const DATES = [AS_OF, '2025-07-01', '2030-01-01'];

/** Profiles of `catalog` of every shape the two loaders must treat alike, good and bad. */
function profilesOf(catalog: Catalog, seed: number, count: number, own: (r: () => number) => Profile): Profile[] {
  const r = prng(seed);
  const out: Profile[] = [];
  const facts = Object.keys(catalog.facts);
  for (let i = 0; i < count; i++) {
    const p = i % 2 ? own(r) : randomProfile(r, catalog, [0.3, 0.7, 1][i % 3]!, [0, 0.1, 0.3][i % 3]!);
    for (const [fact, v] of Object.entries(p)) if (Array.isArray(v) && v.length > 1 && r() < 0.4) p[fact] = [...v].reverse();
    out.push(p);
    const fact = facts[Math.floor(r() * facts.length)]!;
    const bad = BAD_ANSWERS[fact] ?? [0, 'x', true, [], [1], NaN, Infinity, -Infinity, -0, 1e308, '2024-13-01', {}];
    out.push({ ...p, [fact]: bad[Math.floor(r() * bad.length)] as never });
    out.push({ ...p, undeclared: true });
    out.push(Object.create(p) as Profile);
    // An answer the key walk does not see (not enumerable) beside a key that names no fact: refused.
    const hidden = { ...p, undeclared: 1 } as Profile;
    const shown = Object.keys(p)[0];
    if (shown !== undefined) Object.defineProperty(hidden, shown, { value: p[shown], enumerable: false });
    out.push(hidden);
    // A declared fact listed with the value undefined beside the others: refused by the fast path too.
    out.push({ ...p, [fact]: undefined } as unknown as Profile);
    if (Array.isArray(p[fact]) && (p[fact] as unknown[]).length) out.push({ ...p, [fact]: [...(p[fact] as unknown[]), (p[fact] as unknown[])[0]] as never });
  }
  return out;
}

/** What a snapshot of loaded answers holds that evaluation reads: every value and state, and the code (and, for
 * lists, the order flag) of each given answer; an unanswered fact's code is never read, and is left as it was. */
function coded(snapshot: unknown) {
  // One array: the values, then the codes, the states and the order flags, a fact each (machine.ts, `snapshot`).
  const all = snapshot as unknown[];
  const n = all.length / 4;
  const [values, codes, states, inOrder] = [0, 1, 2, 3].map((part) => all.slice(part * n, (part + 1) * n)) as [unknown[], number[], number[], number[]];
  const given = (i: number) => values[i] != null;
  return { values, states: [...states], codes: [...codes].filter((_, i) => given(i)), inOrder: [...inOrder].filter((_, i) => Array.isArray(values[i])) };
}

/** A trace as JSON sees it, with each node's frozenness (shared nodes are frozen) beside it. */
function shape(t: TraceNode): unknown {
  return { frozen: Object.isFrozen(t), ...t, children: t.children?.map(shape) };
}

const catalogs = (): [string, Catalog, (r: () => number) => Profile][] => [
  ...Array.from({ length: 30 }, (_, i) => [`codings ${i + 1}`, catalogOf(i + 1), (r: () => number) => profileOf(r)] as [string, Catalog, (r: () => number) => Profile]),
  ...Array.from({ length: 40 }, (_, i) => {
    const catalog = randomCatalog(i + 1, { facts: 3 + (i % 6), programs: 2 + (i % 4) });
    return [`random ${i + 1}`, catalog, (r: () => number) => randomProfile(r, catalog, 0.8, 0.1)] as [string, Catalog, (r: () => number) => Profile];
  }),
];

describe('the eligibility machine: generated code and closures', () => {
  it('accept the same profiles, code the same answers, decide what an independent evaluator decides and trace alike', () => {
    let decided = 0, refused = 0;
    for (const [name, catalog, own] of catalogs()) {
      const criteria = catalog.programs.map((p) => p.criteria);
      const generated = compileMachine(criteria, catalog.facts, true);
      const closures = compileMachine(criteria, catalog.facts, false);
      assert.notEqual(generated.load, closures.load);
      assert.match(generated.load.toString(), /profile\["/, 'the generated loader reads answers by name');
      assert.ok(generated.screen, `${name}: a small catalog is screened in one step`);
      assert.equal(closures.screen, undefined);
      const out = new Uint8Array(criteria.length);
      for (const p of profilesOf(catalog, name.length * 97 + criteria.length, 40, own)) {
        const accepted = closures.load(p);
        assert.equal(generated.screen!(p, DATES[1]!, out), accepted, `${name}: screen ${json(p)}`);
        const screened = [...out];
        assert.equal(generated.load(p), accepted, `${name}: load ${json(p)}`);
        if (!accepted) { refused++; continue; }
        assert.deepEqual(coded(generated.snapshot()), coded(closures.snapshot()), `${name}: coded answers ${json(p)}`);
        // Every program's key at once (generated) is each one's key (closures).
        assert.deepEqual([...generated.keys()], criteria.map((_, i) => closures.key(i)), `${name}: keys on ${json(p)}`);
        for (const asOf of DATES) {
          criteria.forEach((c, i) => {
            // The oracle reads own answers; a profile that inherits them is judged on the one it inherits from.
            const oracle = oracleStatus(c, Object.getPrototypeOf(p) === Object.prototype ? p : Object.getPrototypeOf(p) as Profile, asOf);
            assert.equal(KLEENE[generated.status(i, asOf)], oracle, `${name}: program ${i} at ${asOf} on ${json(p)}`);
            assert.equal(KLEENE[closures.status(i, asOf)], oracle, `${name}: program ${i} at ${asOf} (closures)`);
            if (asOf === DATES[1]) assert.equal(KLEENE[screened[i]!], oracle, `${name}: program ${i} screened in one step`);
            // Traces: the same nodes, frozen (shared) in the same places, and the same status left behind.
            const tg = generated.trace(i, asOf), sg = generated.traceStatus();
            const tc = closures.trace(i, asOf), sc = closures.traceStatus();
            assert.equal(json(shape(tg)), json(shape(tc)), `${name}: trace of program ${i} on ${json(p)}`);
            assert.equal(KLEENE[sg], oracle);
            assert.equal(sc, sg);
            decided++;
          });
        }
      }
    }
    assert.ok(decided > 20_000 && refused > 1_000, `${decided} decided, ${refused} refused`);
  });

  it('give the same reports and refusals as the engine the machine replaced, full, status-only and with paths', () => {
    let compared = 0;
    for (const [name, catalog, own] of catalogs().filter((_, i) => i % 3 === 0)) {
      const g = next.compileCatalog(catalog, true), c = next.compileCatalog(catalog, false), o = old.compileCatalog(catalog);
      const profiles = profilesOf(catalog, name.length * 13, 12, own);
      for (const options of [{ asOf: AS_OF }, { asOf: AS_OF, detail: 'status' as const }, { asOf: '2030-01-01', paths: 2 }]) {
        const sg = next.createScreener(g, options), sc = next.createScreener(c, options), so = old.createScreener(o, options);
        profiles.forEach((p, i) => {
          // The old engine checked own answers only (an inherited bad answer slipped through it): there, the two
          // ways are held against each other alone.
          const want = Object.getPrototypeOf(p) === Object.prototype ? outcome(() => so(p, i)) : outcome(() => sc(p, i));
          assert.equal(outcome(() => sg(p, i)), want, `${name} ${json(options)} ${json(p)}`);
          assert.equal(outcome(() => sc(p, i)), want, `${name} ${json(options)} ${json(p)} (closures)`);
          compared++;
        });
      }
    }
    assert.ok(compared > 1_000, `${compared}`);
  });

  it('compute the keys of catalogs of hundreds of programs alike, in generated functions of a hundred programs each', () => {
    // 6 programs a seed, 50 seeds: 300 programs, so the keys take three generated functions and part of a fourth.
    const seeds = Array.from({ length: 50 }, (_, k) => catalogOf(k + 1));
    const criteria = seeds.flatMap((c) => c.programs.map((p) => p.criteria));
    const facts = seeds[0]!.facts;
    const generated = compileMachine(criteria, facts, true);
    const closures = compileMachine(criteria, facts, false);
    assert.ok(generated.generated.includes('keys') && !closures.generated.includes('keys'));
    let keyed = 0;
    for (const p of profilesOf(seeds[0]!, 7, 60, (r) => profileOf(r))) {
      if (!closures.load(p)) continue;
      assert.equal(generated.load(p), true);
      const want = criteria.map((_, i) => closures.key(i));
      assert.deepEqual([...generated.keys()], want);
      assert.deepEqual([...closures.keys()], want);
      keyed += want.filter((k) => k >= 0).length;
      // Programs of one key group (whose shared results sit side by side, evaluate.ts) have one key on every profile.
      const groupKey = new Map<number, number>();
      criteria.forEach((_, i) => {
        const g = generated.keyGroup(i);
        assert.equal(g, closures.keyGroup(i));
        assert.equal(g < 0, generated.keySize(i) === 0, `program ${i}: grouped exactly when keyed`);
        if (g >= 0) assert.equal(groupKey.get(g) ?? want[i], want[i], `program ${i} in group ${g}`);
        if (g >= 0) groupKey.set(g, want[i]!);
      });
    }
    assert.ok(keyed > 1000, `${keyed} keys compared`);
    const groups = new Set(criteria.map((_, i) => generated.keyGroup(i)).filter((g) => g >= 0));
    assert.ok(groups.size > 1 && groups.size < criteria.filter((_, i) => generated.keySize(i) > 0).length / 2, `${groups.size} key groups`);
  });

  it('screen catalogs past SCREEN_LEAVES alike: the loader, then every program decided in functions of a few hundred leaves', () => {
    // 6 programs a seed, 80 seeds: 480 programs, well past SCREEN_LEAVES leaves, so several decision functions.
    const seeds = Array.from({ length: 80 }, (_, k) => catalogOf(k + 1));
    const criteria = seeds.flatMap((c) => c.programs.map((p) => p.criteria));
    assert.ok(criteria.reduce((n, c) => n + JSON.stringify(c).split('"fact"').length - 1, 0) > 2 * SCREEN_LEAVES);
    const facts = seeds[0]!.facts;
    const generated = compileMachine(criteria, facts, true);
    const closures = compileMachine(criteria, facts, false);
    assert.ok(generated.screen && generated.generated.includes('screen'));
    assert.match(generated.screen.toString(), /decide\(asOf, ?out\)/, 'the large catalog\u2019s screen, not the one-function one');
    const out = new Uint8Array(criteria.length);
    let decided = 0, refused = 0;
    for (const p of profilesOf(seeds[0]!, 11, 40, (r) => profileOf(r))) {
      const accepted = closures.load(p);
      out.fill(7);
      assert.equal(generated.screen(p, DATES[1]!, out), accepted, `screen ${json(p)}`);
      if (!accepted) { refused++; continue; }
      const own = Object.getPrototypeOf(p) === Object.prototype ? p : Object.getPrototypeOf(p) as Profile;
      criteria.forEach((c, i) => {
        assert.equal(KLEENE[out[i]!], oracleStatus(c, own, DATES[1]!), `program ${i} on ${json(p)}`);
        assert.equal(out[i], closures.status(i, DATES[1]!), `program ${i} (closures) on ${json(p)}`);
        decided++;
      });
    }
    assert.ok(decided > 10_000 && refused > 20, `${decided} decided, ${refused} refused`);
  });

  it('screen large catalogs of every fact type alike in chunks, with status tables past 16 codes and years-since tests', () => {
    // A random catalog of every fact type and operator (dates' years-since tests are the operator's own test), with
    // a 20-option enum beside it (a status table too long to be written in as a number), past SCREEN_LEAVES.
    const base = randomCatalog(74, { facts: 8, programs: 260, depth: 3 });
    const wide = Array.from({ length: 20 }, (_, k) => `w${k}`);
    const label = { 'zh-CN': 'x' };
    const catalog = {
      ...base,
      facts: { ...base.facts, wide: { type: 'enum', label, options: wide.map((value) => ({ value, label })) } },
      programs: [...base.programs, ...wide.map((w, k) => ({ ...base.programs[0]!, id: `w${k}`, criteria: { any: [{ fact: 'wide', op: 'in', value: wide.slice(k, k + 3) }, base.programs[k]!.criteria] } }))],
    } as Catalog;
    const criteria = catalog.programs.map((p) => p.criteria);
    const leaves = criteria.reduce((n, c) => n + JSON.stringify(c).split('"fact"').length - 1, 0);
    assert.ok(leaves > SCREEN_LEAVES, `${leaves} leaves`);
    const kinds = new Set(Object.values(catalog.facts).map((d) => d.type));
    assert.ok(['date', 'region', 'string', 'enum-set'].every((k) => kinds.has(k as never)) && JSON.stringify(criteria).includes('yearsSince'), 'dates with years-since tests, regions, strings and option sets are in the catalog');
    const generated = compileMachine(criteria, catalog.facts, true);
    const closures = compileMachine(criteria, catalog.facts, false);
    assert.match(generated.screen!.toString(), /decide\(asOf, ?out\)/);
    const out = new Uint8Array(criteria.length);
    const r = prng(75);
    let decided = 0;
    for (let n = 0; n < 120; n++) {
      const p = randomProfile(r, catalog, [0.4, 0.8, 1][n % 3]!, 0.15);
      // randomProfile answers an enum from its own option list; the wide one gets one of its 20, or stays unanswered.
      if (r() < 0.8) p['wide'] = wide[Math.floor(r() * wide.length)]!;
      else delete p['wide'];
      const asOf = DATES[n % DATES.length]!;
      assert.equal(generated.screen!(p, asOf, out), true, json(p));
      assert.equal(closures.load(p), true);
      criteria.forEach((c, i) => {
        assert.equal(KLEENE[out[i]!], oracleStatus(c, p, asOf), `program ${i} at ${asOf} on ${json(p)}`);
        decided++;
      });
    }
    assert.ok(decided > 20_000, `${decided}`);
  });

  it('decide programs that differ only in their constants in one loop per shape, with constants of every kind', () => {
    // Leaves described directly (LeafPlan): a number and a date compared, an option set's mask, adcode ranges, a
    // 20-code status table, the operator's own test; programs of one shape four or more times (loops), and one alone
    // (written out). Oracle: a plain Kleene evaluation of the same plans, written here (fail 0, pass 1, unknown 2).
    const plans = new Map<Criterion, LeafPlan>();
    const leaf = (p: LeafPlan): Criterion => { const c = { fact: `f${p.fi}`, op: 'eq', value: 0 } as Criterion; plans.set(c, p); return c; };
    const criteria: Criterion[] = [];
    for (let k = 0; k < 7; k++) criteria.push({ all: [leaf({ kind: 'compare', fi: 0, op: 'gte', value: k }), leaf({ kind: 'compare', fi: 1, op: 'lte', value: `202${k}-01-01` })] });
    for (let k = 0; k < 5; k++) criteria.push({ any: [leaf({ kind: 'mask', fi: 2, test: 'all', mask: k + 1 }), leaf({ kind: 'ranges', fi: 3, ranges: [[k * 10, k * 10 + 5]] })] });
    for (let k = 0; k < 5; k++) criteria.push(leaf({ kind: 'table', fi: 4, table: Uint8Array.from({ length: 20 }, (_, c) => (c + k) % 3) }));
    for (let k = 0; k < 5; k++) criteria.push({ not: leaf({ kind: 'test', fi: 5, test: (a) => a === k }) });
    criteria.push(leaf({ kind: 'compare', fi: 0, op: 'between', value: [2, 3] }));
    const values: unknown[] = new Array(6), codes = new Int32Array(6);
    const decide = generateDecisions(criteria, (c) => plans.get(c)!, values, codes)!;
    assert.match(String(decide), /shape3\(asOf, ?out\)/, 'four shapes decided in loops');
    assert.match(String(decide), /chunk\d+\(asOf, ?out\)/, 'the program alone written out');
    const test = (p: LeafPlan): boolean => {
      const a = values[p.fi], c = codes[p.fi]!;
      switch (p.kind) {
        case 'compare': return p.op === 'gte' ? (a as number) >= (p.value as number) : p.op === 'lte' ? (a as string) <= (p.value as string) : (a as number) >= 2 && (a as number) <= 3;
        case 'mask': return (c & p.mask) === p.mask;
        case 'ranges': return p.ranges.some(([lo, hi]) => c >= lo && c <= hi);
        case 'test': return p.test(a, AS_OF);
        default: throw new Error('a table is decided by its table');
      }
    };
    const oracle = (c: Criterion): number => {
      const p = plans.get(c);
      if (p) return values[p.fi] == null ? 2 : p.kind === 'table' ? p.table[codes[p.fi]!]! : test(p) ? 1 : 0;
      if ('not' in c) { const x = oracle(c.not); return x === 2 ? 2 : 1 - x; }
      const xs = ('all' in c ? c.all : (c as { any: Criterion[] }).any).map(oracle);
      const decisive = 'all' in c ? 0 : 1;
      return xs.includes(decisive) ? decisive : xs.includes(2) ? 2 : 1 - decisive;
    };
    const r = prng(31);
    const out = new Uint8Array(criteria.length);
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
    for (let n = 0; n < 400; n++) {
      values[0] = pick([undefined, null, 0, 1, 2, 3, 4.5, 6]);
      values[1] = pick([undefined, null, '2019-12-31', '2022-01-01', '2024-06-01', '2026-01-01']);
      values[2] = pick([undefined, null, []]); codes[2] = Math.floor(r() * 32);
      values[3] = pick([undefined, null, '']); codes[3] = Math.floor(r() * 50);
      values[4] = pick([undefined, null, 'x']); codes[4] = Math.floor(r() * 20);
      values[5] = pick([undefined, null, 0, 1, 2, 3, 4, 5]);
      out.fill(7);
      decide(AS_OF, out);
      criteria.forEach((c, i) => assert.equal(out[i], oracle(c), `program ${i}, answers ${json(values)} codes ${codes.join()}`));
    }
  });

  it('refuse the same bad answers, each fact in turn', () => {
    const BAD = [0, 1.5, -1, 'x', '', true, [], [1], ['x', 'x'], NaN, Infinity, -Infinity, 1e308, '2024-13-01', '32010', {}];
    let checked = 0;
    for (const [name, catalog, own] of catalogs()) {
      const criteria = catalog.programs.map((p) => p.criteria);
      const generated = compileMachine(criteria, catalog.facts, true), closures = compileMachine(criteria, catalog.facts, false);
      const out = new Uint8Array(criteria.length);
      const r = prng(name.length * 31);
      for (let round = 0; round < 3; round++) {
        const base = own(r);
        for (const [fact, def] of Object.entries(catalog.facts)) {
          const options = def.options?.map((o) => o.value) ?? [];
          // The fact's own bad answers, the general ones, its options listed twice, out of order, or with a stranger.
          for (const v of [...(BAD_ANSWERS[fact] ?? []), ...BAD, [...options].reverse(), [options[0], options[0]], [...options.slice(0, 2), 'stranger'], options[options.length - 1]]) {
            const p = { ...base, [fact]: v } as Profile;
            const want = closures.load(p);
            assert.equal(generated.load(p), want, `${name}: ${fact} = ${json(v)}`);
            assert.equal(generated.screen!(p, AS_OF, out), want, `${name}: ${fact} = ${json(v)} (screen)`);
            if (want) assert.deepEqual(coded(generated.snapshot()), coded(closures.snapshot()));
            checked++;
          }
        }
      }
    }
    assert.ok(checked > 10_000, `${checked}`);
  });

  it('generates code only in a server runtime: a page (a global document) keeps the closures', async () => {
    assert.equal(mayGenerateCode(), true);
    // In Node every part is generated for a catalog of modest size; past SCREEN_LEAVES the screen is the loader and
    // then functions of a few hundred leaves (still 'screen'); past GENERATED_LEAVES, each program's status and trace
    // are the machine's closures.
    const bundled = next.compileCatalog(bundledJson as unknown as Catalog);
    assert.deepEqual(bundled.machine.generated, ['load', 'status', 'trace', 'screen', 'keys']);
    assert.deepEqual(next.compileCatalog(bundledJson as unknown as Catalog, false).machine.generated, []);
    const label = { 'zh-CN': 'x' };
    const many = { version: 'many', facts: { f: { type: 'boolean', label } }, programs: Array.from({ length: SCREEN_LEAVES + 1 }, (_, i) => ({ id: `p${i}`, kind: 'subsidy', title: label, sources: [{ title: label }], criteria: { fact: 'f', op: 'eq', value: true } })) } as unknown as Catalog;
    assert.deepEqual(next.compileCatalog(many).machine.generated, ['load', 'status', 'trace', 'screen', 'keys']);
    // At the bounds exactly: still generated.
    const atScreen = { ...many, programs: many.programs.slice(0, SCREEN_LEAVES) } as Catalog;
    assert.deepEqual(next.compileCatalog(atScreen).machine.generated, ['load', 'status', 'trace', 'screen', 'keys']);
    const atBound = { ...many, programs: Array.from({ length: GENERATED_LEAVES }, (_, i) => ({ ...many.programs[0]!, id: `p${i}` })) } as Catalog;
    assert.deepEqual(next.compileCatalog(atBound).machine.generated, ['load', 'status', 'trace', 'screen', 'keys']);
    const more = { ...many, programs: Array.from({ length: GENERATED_LEAVES + 1 }, (_, i) => ({ ...many.programs[0]!, id: `p${i}` })) } as Catalog;
    assert.deepEqual(next.compileCatalog(more).machine.generated, ['load', 'screen', 'keys']);
    // A catalog that declares no fact: nothing to read, and every program decided all the same.
    const none = { version: 'none', facts: {}, programs: [{ id: 'p', kind: 'subsidy', title: label, sources: [{ title: label }], criteria: { all: [] } }, { id: 'q', kind: 'subsidy', title: label, sources: [{ title: label }], criteria: { any: [] } }] } as unknown as Catalog;
    const empty = next.compileCatalog(none);
    assert.deepEqual(empty.machine.generated, ['load', 'status', 'trace', 'screen', 'keys']);
    for (const detail of ['full', 'status'] as const) {
      assert.deepEqual(next.createScreener(empty, { asOf: AS_OF, detail })({}, 0).results.map((r) => [r.programId, r.status]), [['p', 'eligible'], ['q', 'ineligible']]);
    }
    assert.throws(() => next.createScreener(empty, { asOf: AS_OF, detail: 'status' })({ stray: 1 } as Profile, 0), /does not fit/);
    const catalog = catalogOf(2);
    await withGlobals({ document: {} }, async () => {
      assert.equal(mayGenerateCode(), false);
      const machine = compileMachine(catalog.programs.map((p) => p.criteria), catalog.facts);
      assert.doesNotMatch(machine.load.toString(), /profile\["/);
    });
    await withGlobals({ process: undefined }, async () => assert.equal(mayGenerateCode(), false));
    await withGlobals({ process: {} }, async () => assert.equal(mayGenerateCode(), false));
    await withGlobals({ process: { versions: {} } }, async () => assert.equal(mayGenerateCode(), false));
  });

  it('read catalogs of many facts alike: the bundled 27, and 40 (past the closure reader’s 32 unrolled positions)', () => {
    const label = { 'zh-CN': 'x' };
    const wide = {
      version: 'wide',
      facts: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`f${i}`, { type: 'boolean', label }])),
      // Each program reads a fact near the end and one near the start, so every position is read and decides.
      programs: Array.from({ length: 20 }, (_, i) => ({ id: `p${i}`, kind: 'subsidy', title: label, sources: [{ title: label }], criteria: { all: [{ fact: `f${39 - i}`, op: 'eq', value: true }, { fact: `f${i}`, op: 'ne', value: false }] } })),
    } as unknown as Catalog;
    const bundled = bundledJson as unknown as Catalog;
    const r = prng(40);
    for (const catalog of [wide, bundled]) {
      const g = next.compileCatalog(catalog, true), c = next.compileCatalog(catalog, false), o = old.compileCatalog(catalog);
      for (let i = 0; i < 120; i++) {
        const p = randomProfile(r, catalog, 0.8, 0.1);
        const want = outcome(() => old.checkEligibility(o, p, { asOf: '2026-06-01' }));
        assert.equal(outcome(() => next.checkEligibility(g, p, { asOf: '2026-06-01' })), want);
        assert.equal(outcome(() => next.checkEligibility(c, p, { asOf: '2026-06-01' })), want, `closures, ${catalog.version}`);
      }
    }
  });

  it('read a profile answer by answer where it inherits a key that names no fact, keeping unanswered and "don\u2019t know" apart', () => {
    const label = { 'zh-CN': 'x' };
    const catalog = {
      version: 'inherits',
      facts: { a: { type: 'boolean', label }, b: { type: 'boolean', label } },
      programs: [{ id: 'p', kind: 'subsidy', title: label, sources: [{ title: label }], criteria: { all: [{ fact: 'a', op: 'eq', value: true }, { fact: 'b', op: 'eq', value: true }] } }],
    } as unknown as Catalog;
    for (const generate of [true, false]) {
      const compiled = next.compileCatalog(catalog, generate);
      // An inherited key that names no fact sends the fast path to look closer; the profile's own answers fit, so
      // it is read answer by answer (loadEach). a unanswered, b "don't know". Worked by hand: undetermined, only a
      // missing, the next question a; a's node has no actual, b's has actual null.
      for (const [own, missing] of [[{ b: null }, 'a'], [{ a: null }, 'b']] as const) {
        const profile = Object.assign(Object.create({ stray: 1 }) as object, own) as Profile;
        const report = next.checkEligibility(compiled, profile, { asOf: AS_OF });
        assert.deepEqual(report.results.map((x) => [x.status, x.missingFacts]), [['undetermined', [missing]]]);
        assert.deepEqual(report.nextQuestions, [missing]);
        assert.deepEqual(report.results[0]!.trace.children!.map((n) => [n.fact, n.status, 'actual' in n ? n.actual : 'none']),
          [['a', 'unknown', missing === 'a' ? 'none' : null], ['b', 'unknown', missing === 'b' ? 'none' : null]]);
      }
    }
  });

  it('screen status-only with paths through the long way, paths included', () => {
    for (const [name, catalog, own] of catalogs().filter((_, i) => i % 10 === 0)) {
      const g = next.compileCatalog(catalog, true), o = old.compileCatalog(catalog);
      const options = { asOf: AS_OF, detail: 'status' as const, paths: 1 };
      const sg = next.createScreener(g, options), so = old.createScreener(o, options);
      const r = prng(name.length);
      let withPaths = 0;
      for (let i = 0; i < 20; i++) {
        const p = own(r);
        const want = outcome(() => so(p, i));
        assert.equal(outcome(() => sg(p, i)), want, `${name} ${json(p)}`);
        if (want.includes('"paths"')) withPaths++;
      }
      assert.ok(withPaths > 0, `${name}: some report has paths`);
    }
  });

  it('compiles what it generates, keeps the closures where compiling is refused, and does not hide its own errors', async () => {
    assert.equal(compileSource<number>(['a', 'b'], 'return a * b;', [6, 7]), 42);
    assert.equal(compileSource<number>(['a'], 'return this === undefined && a;', [1]), 1, 'strict mode');
    assert.throws(() => compileSource(['a'], 'return a +;', [1]), SyntaxError);
    // A runtime that refuses to compile strings throws an EvalError from the Function constructor.
    const refusing = function Function() { throw new EvalError('Code generation from strings disallowed for this context'); };
    const catalog = catalogOf(4);
    await withGlobals({ Function: refusing }, async () => {
      assert.equal(compileSource(['a'], 'return a;', [1]), undefined);
      const machine = compileMachine(catalog.programs.map((p) => p.criteria), catalog.facts, true);
      assert.equal(machine.screen, undefined);
      assert.doesNotMatch(machine.load.toString(), /profile\["/);
      const c = next.compileCatalog(catalog, true), o = old.compileCatalog(catalog);
      const r = prng(8);
      for (let i = 0; i < 30; i++) {
        const p = profileOf(r);
        assert.equal(outcome(() => next.checkEligibility(c, p, { asOf: AS_OF })), outcome(() => old.checkEligibility(o, p, { asOf: AS_OF })));
      }
    });
  });

  it('keeps the closures, with the same reports, where the runtime refuses to compile strings', () => {
    // A child Node run with --disallow-code-generation-from-strings: `new Function` throws an EvalError there.
    const script = `
      import { compileCatalog, checkEligibility } from './src/engine/eligibility/evaluate.ts';
      import catalog from './src/data/catalog/catalog.json' with { type: 'json' };
      const compiled = compileCatalog(catalog);
      const profile = { entityType: 'enterprise', region: '320102', enterpriseSize: 'small', privateEnterprise: true };
      console.log(JSON.stringify({ closures: !/profile\\["/.test(compiled.machine.load.toString()), report: checkEligibility(compiled, profile, { asOf: '2026-06-01' }) }));`;
    const run = spawnSync(process.execPath, ['--disallow-code-generation-from-strings', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 0, run.stderr);
    const got = JSON.parse(run.stdout) as { closures: boolean; report: unknown };
    assert.equal(got.closures, true);
    const profile = { entityType: 'enterprise', region: '320102', enterpriseSize: 'small', privateEnterprise: true } as Profile;
    assert.equal(json(got.report), json(next.checkEligibility(next.compileCatalog(bundledJson as unknown as Catalog), profile, { asOf: '2026-06-01' })));
  });
});
