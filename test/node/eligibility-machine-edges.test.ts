// The eligibility machine (src/engine/eligibility/machine.ts) at the edges its mutation run found untested: catalogs
// of more than 32 facts (the unrolled reader's loop past its 32 load sites) and of every size up to it (each load
// site), options whose slots collide across facts, and the memory bounds (status tables, shared traces, shared
// option lists) reached and passed. Oracles: the frozen engine it replaced (test/fixtures/eligibility-old) and the
// evaluator written from CONTRACT.md alone (random-catalog.ts); the bounds against the numbers the machine documents.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Catalog, Criterion, FactDef, Leaf, Profile } from '../../src/contract/index.js';
import * as next from '../../src/engine/eligibility/evaluate.js';
import * as old from '../fixtures/eligibility-old/evaluate.js';
import { compileMachine } from '../../src/engine/eligibility/machine.js';
import { outcome } from './engine-outcome.js';
import { AS_OF, oracleProgramStatus, oracleStatus, prng, randomCatalog, randomProfile } from './random-catalog.js';

const json = (x: unknown) => JSON.stringify(x);
const label = { 'zh-CN': 'x' };
/** The machine's Kleene values (status.ts: FAIL 0, PASS 1, UNKNOWN 2) by the contract's names. */
const NAMES = ['fail', 'pass', 'unknown'];

/** Every program of `catalog` decided on `profiles` by the new engine, the old one and the contract's oracle. */
function sameEverywhere(catalog: Catalog, profiles: Profile[], note: string): number {
  const a = next.compileCatalog(catalog), b = old.compileCatalog(catalog);
  let compared = 0;
  for (const options of [{ asOf: AS_OF }, { asOf: AS_OF, detail: 'status' as const }]) {
    const sa = next.createScreener(a, options), sb = old.createScreener(b, options);
    profiles.forEach((p, i) => {
      const got = outcome(() => sa(p, i));
      assert.equal(got, outcome(() => sb(p, i)), `${note} ${json(options)} ${json(p)}`);
      if (!got.startsWith('refused')) {
        const report = JSON.parse(got) as { results: { programId: string; status: string }[] };
        for (const r of report.results) {
          const program = catalog.programs.find((x) => x.id === r.programId)!;
          assert.equal(r.status, oracleProgramStatus(program.criteria, p, AS_OF), `${note} ${r.programId} ${json(p)}`);
        }
      }
      compared++;
    });
  }
  return compared;
}

/** A leaf on `fact` that tells apart values of its test domain (random-catalog.ts, `domainOf`). */
function leafFor(fact: string, def: FactDef): Leaf {
  switch (def.type) {
    case 'boolean': return { fact, op: 'eq', value: true };
    case 'integer': case 'number': return { fact, op: 'gte', value: 3 };
    case 'enum': case 'string': return { fact, op: 'in', value: ['a', 'b'] };
    case 'enum-set': return { fact, op: 'includesAny', value: ['x'] };
    case 'date': return { fact, op: 'lt', value: '2020-03-10' };
    case 'region': return { fact, op: 'withinRegion', value: ['320000'] };
  }
}

describe('the eligibility machine at its edges', () => {
  it('reads every fact of catalogs of 1 to 45 facts, each answer used by a program of its own', () => {
    let compared = 0;
    for (const n of [1, 2, 3, 5, 8, 13, 16, 17, 24, 31, 32, 33, 34, 40, 45]) {
      const base = randomCatalog(n * 101, { facts: n, programs: 3, depth: 2 });
      // One program per fact, deciding it alone, so a fact the reader skips (a stale answer from the profile
      // before) shows in that program's status.
      const single = Object.entries(base.facts).map(([fact, def]) => ({ id: `only-${fact}`, kind: 'subsidy' as const, title: label, sources: [{ title: label }], criteria: leafFor(fact, def) }));
      const catalog: Catalog = { ...base, programs: [...base.programs, ...single] };
      const r = prng(n);
      // Mostly answered, so an answer read from the profile before usually differs from the one now.
      const profiles = Array.from({ length: 40 }, () => randomProfile(r, catalog, 0.85, 0.05));
      compared += sameEverywhere(catalog, profiles, `${n} facts`);
    }
    assert.ok(compared > 1000);
  });
});

describe('the eligibility machine’s option and word tables', () => {
  it('refuses an answer that is another fact’s option, for facts of 1 to 3 options side by side', () => {
    // Options of every fact share one slot table and one array (machine.ts): an answer must be matched against its
    // own fact's options only, including the slots its own options leave empty.
    const opt = (v: string) => ({ value: v, label });
    const facts: Record<string, FactDef> = {
      e1: { type: 'enum', label, options: [opt('a')] },
      e2: { type: 'enum', label, options: [opt('b'), opt('c')] },
      s1: { type: 'enum-set', label, options: [opt('d')] },
      e3: { type: 'enum', label, options: [opt('e'), opt('ab'), opt('f')] },
      s2: { type: 'enum-set', label, options: [opt('g'), opt('a'), opt('h')] },
    };
    // '!' and 'ax' fall in the slots of 'a' and 'ab' (same length, first character 97 + 64 or the same): compared, not taken.
    const all = ['a', 'b', 'c', 'd', 'e', 'ab', 'f', 'g', 'h', 'i', 'ba', '!', 'ax', 'a!'];
    const criteria: Criterion[] = [
      { fact: 'e1', op: 'eq', value: 'a' }, { fact: 'e2', op: 'in', value: ['c'] }, { fact: 's1', op: 'includesAny', value: ['d'] },
      { fact: 'e3', op: 'ne', value: 'ab' }, { fact: 's2', op: 'includesAll', value: ['a', 'h'] },
    ];
    const catalog: Catalog = { version: 'o', facts, programs: criteria.map((c, i) => ({ id: `p${i}`, kind: 'subsidy' as const, title: label, sources: [{ title: label }], criteria: c })) };
    const profiles: Profile[] = [];
    for (const fact of Object.keys(facts)) {
      for (const v of all) profiles.push({ [fact]: facts[fact]!.type === 'enum-set' ? [v] : v } as Profile);
    }
    sameEverywhere(catalog, profiles, 'options side by side');
    // And directly: an answer is accepted exactly when it is one of its own fact's options.
    const m = compileMachine(criteria, facts);
    for (const fact of Object.keys(facts)) {
      const own = facts[fact]!.options!.map((o) => o.value);
      for (const v of all) assert.equal(m.load({ [fact]: facts[fact]!.type === 'enum-set' ? [v] : v } as Profile), own.includes(v), `${fact} ${v}`);
    }
  });

  it('keeps its own copy of an option list given out of the catalog’s order, and leaves the caller’s list alone', () => {
    const opt = (v: string) => ({ value: v, label });
    const catalog: Catalog = {
      version: 'c', facts: { set: { type: 'enum-set', label, options: [opt('x'), opt('y'), opt('z')] } },
      programs: [{ id: 'p', kind: 'subsidy', title: label, sources: [{ title: label }], criteria: { fact: 'set', op: 'includesAny', value: ['x'] } }],
    };
    const screen = next.createScreener(next.compileCatalog(catalog), { asOf: AS_OF });
    const list = ['z', 'x'];
    const report = screen({ set: list } as Profile, 0);
    // The caller may go on changing its profile: the report keeps describing the answers it was made from.
    list.push('y');
    list.reverse();
    assert.deepEqual(report.results[0]!.trace.actual, ['z', 'x']);
    assert.equal(report.results[0]!.status, 'eligible');
  });

  it('tells a string no rule names from every string a rule names, "\\u0000" included', () => {
    const facts: Record<string, FactDef> = { w: { type: 'string', label } };
    const criteria: Criterion[] = [
      { fact: 'w', op: 'eq', value: '\u0000' }, { fact: 'w', op: 'in', value: ['\u0000\u0000', 'x'] }, { fact: 'w', op: 'ne', value: '\u0000' },
      { all: [{ fact: 'w', op: 'notIn', value: ['\u0000'] }, { fact: 'w', op: 'ne', value: 'x' }] },
    ];
    const catalog: Catalog = { version: 'w', facts, programs: criteria.map((c, i) => ({ id: `p${i}`, kind: 'subsidy' as const, title: label, sources: [{ title: label }], criteria: c })) };
    const answers = ['\u0000', '\u0000\u0000', '\u0000\u0000\u0000', 'x', 'y', '', null];
    const profiles = [...answers, ...answers.reverse()].map((w) => ({ w }) as Profile);
    sameEverywhere(catalog, profiles, 'words');
  });
});

// ---- the memory bounds, reached and passed ---------------------------------------------------------------
// machine.ts documents them: a program decided by at most 4,096 keys keeps its status in a table, the tables of a
// catalog take at most 8 Mi keys (8 MiB); a subtree of at most 4,096 keys shares its traces, all shared traces of
// a catalog take at most 1 Mi slots; one option-set leaf keeps at most 4,096 shared nodes and one option-set fact
// at most 4,096 shared option lists. Within the bounds things are shared; past them they are built again, and
// every answer stays the same.

const yesNo: FactDef = { type: 'boolean', label };
/** Facts b0…b(n-1), all yes/no (4 states each: unanswered, don't know, no, yes). */
const booleans = (n: number): Record<string, FactDef> => Object.fromEntries(Array.from({ length: n }, (_, i) => [`b${i}`, yesNo]));
const allOf = (from: number, to: number): Criterion => ({ all: Array.from({ length: to - from }, (_, i) => ({ fact: `b${from + i}`, op: 'eq' as const, value: true })) });

describe('the eligibility machine’s memory bounds', () => {
  it('keeps the status of programs of up to 4,096 keys in tables of at most 8 Mi keys in all, deciding the rest the same', () => {
    const facts = booleans(7);
    // 4^6 = 4,096 keys each: 2,048 of them fill the 8 Mi keys exactly; then one of 4^7 keys, then more of 4,096.
    const criteria: Criterion[] = [allOf(0, 7), ...Array.from({ length: 2051 }, () => allOf(0, 6))];
    const m = compileMachine(criteria, facts);
    const keyed = criteria.map((_, i) => m.keySize(i));
    assert.equal(keyed[0], 0, 'over 4,096 keys: no table');
    assert.deepEqual(keyed.slice(1, 2049), new Array(2048).fill(4096), 'exactly 8 Mi keys fit');
    assert.deepEqual(keyed.slice(2049), [0, 0, 0], 'past the budget: no table');
    const r = prng(3);
    const profile: Profile = {};
    for (let round = 0; round < 60; round++) {
      for (let f = 0; f < 7; f++) { const x = r(); if (x < 0.1) delete profile[`b${f}`]; else profile[`b${f}`] = x < 0.2 ? null : x < 0.9; }
      assert.equal(m.load(profile), true);
      for (const i of [0, 1, 2, 2048, 2049, 2050, 2051]) {
        const k = m.key(i);
        assert.equal(k >= 0, i >= 1 && i <= 2048, `program ${i} keyed`);
        assert.ok(k < 4096);
        // Twice: the second read comes from the table when there is one.
        for (let twice = 0; twice < 2; twice++) assert.equal(NAMES[m.status(i, AS_OF)], oracleStatus(criteria[i]!, profile, AS_OF), `program ${i} ${json(profile)}`);
      }
    }
  });

  it('shares the traces of subtrees of up to 4,096 keys until they take 1 Mi slots, and builds the rest again', () => {
    const facts: Record<string, FactDef> = { ...booleans(8), set: { type: 'enum-set', label, options: [{ value: 'x', label }, { value: 'y', label }] } };
    // Program 0: an option-set leaf, traced first, so its one shared node takes one slot. Then programs
    // any[all[b0…b5] (4^6 = 4,096 keys), b7]: the root (4^7 keys) is not keyed, the subtree is.
    const setLeaf: Criterion = { any: [{ fact: 'set', op: 'includesAny', value: ['x'] }, { fact: 'b7', op: 'eq', value: true }] };
    const criteria: Criterion[] = [setLeaf, ...Array.from({ length: 260 }, (): Criterion => ({ any: [allOf(0, 6), { fact: 'b7', op: 'eq', value: true }] }))];
    // And one subtree of 4^7 keys: never shared.
    criteria.push({ any: [allOf(0, 7), { fact: 'b7', op: 'eq', value: true }] });
    const m = compileMachine(criteria, facts);
    const r = prng(9);
    for (let round = 0; round < 8; round++) {
      const profile: Profile = { set: round % 2 ? ['x'] : ['y'] };
      for (let f = 0; f < 8; f++) { const x = r(); if (x < 0.8) profile[`b${f}`] = x < 0.1 ? null : x < 0.5; }
      assert.equal(m.load(profile), true);
      const first = criteria.map((_, i) => m.trace(i, AS_OF).children![0]!);
      const again = criteria.map((_, i) => m.trace(i, AS_OF).children![0]!);
      // The option-set leaf's answers take a slot each (4,095 are left after the tables).
      assert.equal(first[0], again[0], `option-set leaf, round ${round}`);
      assert.equal(first[0]!.status, oracleStatus((setLeaf as { any: Criterion[] }).any[0]!, profile, AS_OF));
      // 1 Mi slots - 1 leaves room for 255 tables of 4,096 (those first built); the others are built each time.
      const shared = first.filter((t, i) => i > 0 && t === again[i]);
      assert.equal(shared.length, 255, `round ${round}`);
      first.forEach((t, i) => {
        if (i === 0) return;
        assert.equal(t === again[i], i <= 255, `subtree ${i}`);
        assert.equal(Object.isFrozen(t), i <= 255);
        // A shared trace is shared whole: no report can change another's.
        if (i <= 255) assert.ok(Object.isFrozen(t.children) && t.children!.every((c) => Object.isFrozen(c)));
        assert.equal(t.status, oracleStatus((criteria[i] as { any: Criterion[] }).any[0]!, profile, AS_OF));
        assert.equal(json(t), json(again[i]));
      });
    }
  });

  it('codes option sets of up to 31 options as bit masks (shared nodes), wider ones as lists, deciding both alike', () => {
    for (const width of [30, 31, 32, 33]) {
      const options = Array.from({ length: width }, (_, i) => ({ value: `o${i}`, label }));
      const facts: Record<string, FactDef> = { set: { type: 'enum-set', label, options } };
      const last = `o${width - 1}`;
      const criteria: Criterion[] = [
        { fact: 'set', op: 'includesAny', value: [last] }, { fact: 'set', op: 'includesAll', value: ['o0', last] }, { fact: 'set', op: 'excludesAll', value: ['o1', last] },
      ];
      const m = compileMachine(criteria, facts);
      const r = prng(width);
      for (let round = 0; round < 40; round++) {
        const list = options.map((o) => o.value).filter(() => r() < 0.3);
        if (round % 3 === 0) list.push(last);
        const answer = [...new Set(list)].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
        const profile = { set: answer } as Profile;
        assert.equal(m.load(profile), true);
        criteria.forEach((c, i) => {
          const t = m.trace(i, AS_OF);
          assert.equal(t.status, oracleStatus(c, profile, AS_OF), `${width} options ${json(answer)} ${json(c)}`);
          assert.equal(NAMES[m.status(i, AS_OF)], t.status);
          // Up to 31 options, an answer in the catalog's order shares its node between reads.
          if (width <= 31) assert.equal(m.trace(i, AS_OF), t, `${width} options: shared node`);
        });
        // A repeated option is refused at every width, the last option too.
        assert.equal(m.load({ set: [last, 'o0', last] } as Profile), false);
      }
    }
  });

  it('shares at most 4,096 nodes per option-set leaf and 4,096 option lists per fact', () => {
    const options = Array.from({ length: 13 }, (_, i) => ({ value: `o${i}`, label }));
    const facts: Record<string, FactDef> = { set: { type: 'enum-set', label, options } };
    const leafA: Criterion = { fact: 'set', op: 'includesAny', value: ['o0', 'o3'] };
    const leafB: Criterion = { fact: 'set', op: 'excludesAll', value: ['o12'] };
    const m = compileMachine([leafA, leafB], facts);
    const listOf = (mask: number) => options.filter((_, k) => mask & (1 << k)).map((o) => o.value);
    const seen: unknown[] = [];
    // 2^13 masks: the first 4,096 distinct answers share their node and list, the later ones do not.
    for (let mask = 0; mask < 1 << 13; mask += 1) {
      const profile = { set: listOf(mask) } as Profile;
      assert.equal(m.load(profile), true);
      const a = m.trace(0, AS_OF), b = m.trace(1, AS_OF);
      assert.deepEqual(a.actual, profile.set);
      assert.equal(a.status, oracleStatus(leafA, profile, AS_OF));
      assert.equal(b.status, oracleStatus(leafB, profile, AS_OF));
      const within = mask < 4096;
      assert.equal(m.trace(0, AS_OF) === a, within, `node of mask ${mask}`);
      assert.equal(a.actual === b.actual, within, `list of mask ${mask}`);
      if (mask % 512 === 0) seen.push(a);
    }
    // The shared nodes stay as they were.
    for (const t of seen.slice(0, 8)) assert.ok(Object.isFrozen(t));
  });
});
