// Paths to eligibility against an exhaustive search: on small random catalogs (every fact type and operator,
// don't-know and unanswered answers, facts not changeable) a brute-force search over each fact's whole test
// domain lists the fact sets that admit a valid, minimal path, in the contract's order; the engine must list
// the same first ones, and each of its paths must be valid and minimal by the independent evaluator.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Catalog, Criterion, FactDef, Profile } from '../../src/contract/index.js';
import { createLocalClient } from '../../src/sdk/index.js';
import { compileCatalog, evaluateProfile, assertProfile } from '../../src/engine/eligibility/evaluate.js';
import { AS_OF, domainOf, inForce, oracleStatus, prng, randomCatalog, randomProfile } from './random-catalog.js';

function factsOf(c: Criterion, into = new Set<string>()): Set<string> {
  if ('all' in c) c.all.forEach((x) => factsOf(x, into));
  else if ('any' in c) c.any.forEach((x) => factsOf(x, into));
  else if ('not' in c) factsOf(c.not, into);
  else into.add(c.fact);
  return into;
}

function combinations(n: number, k: number): number[][] {
  const out: number[][] = [];
  const rec = (start: number, acc: number[]) => {
    if (acc.length === k) { out.push([...acc]); return; }
    for (let i = start; i < n; i++) rec(i + 1, [...acc, i]);
  };
  rec(0, []);
  return out;
}

const passes = (c: Criterion, p: Profile) => oracleStatus(c, p, AS_OF) === 'pass';

function isMinimal(c: Criterion, base: Profile, changed: Profile, facts: string[]): boolean {
  return facts.every((f) => {
    const undone = { ...changed };
    if (Object.hasOwn(base, f)) undone[f] = base[f]!; else delete undone[f];
    return !passes(c, undone);
  });
}

/** Brute force: the fact sets (as fact id lists, declaration order) that admit a valid minimal path, in contract order. */
function oracleFactSets(catalog: Catalog, c: Criterion, profile: Profile, limit: number): string[][] {
  const order = Object.keys(catalog.facts);
  const used = factsOf(c);
  const free = order.filter((f) => used.has(f) && (catalog.facts[f]!.changeable !== false || profile[f] === undefined || profile[f] === null));
  const found: string[][] = [];
  for (let size = 1; size <= free.length && found.length < limit; size++) {
    for (const combo of combinations(free.length, size)) {
      const facts = combo.map((i) => free[i]!);
      const domains = facts.map((f) => domainOf(catalog.facts[f]!));
      const work = { ...profile };
      const rec = (k: number): boolean => {
        if (k === facts.length) return passes(c, work) && isMinimal(c, profile, work, facts);
        for (const v of domains[k]!) { work[facts[k]!] = v as Profile[string]; if (rec(k + 1)) return true; }
        return false;
      };
      if (rec(0)) found.push(facts);
      if (found.length >= limit) break;
    }
  }
  return found;
}

function fitsDef(def: FactDef, v: unknown): boolean {
  switch (def.type) {
    case 'boolean': return typeof v === 'boolean';
    case 'integer': return Number.isInteger(v) && (def.min === undefined || (v as number) >= def.min) && (def.max === undefined || (v as number) <= def.max);
    case 'number': return typeof v === 'number' && (def.min === undefined || v >= def.min) && (def.max === undefined || v <= def.max);
    case 'string': return typeof v === 'string';
    case 'enum': return def.options!.some((o) => o.value === v);
    case 'enum-set': return Array.isArray(v) && v.every((x) => def.options!.some((o) => o.value === x)) && new Set(v).size === v.length;
    case 'date': return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().slice(0, 10) === v;
    case 'region': return typeof v === 'string' && /^\d{6}$/.test(v);
  }
}

describe('paths to eligibility', () => {
  it('match an exhaustive search on small random catalogs: fewest changes first, valid, minimal, in order', () => {
    let checked = 0, withPaths = 0;
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 5 }), (seed, count) => {
      const catalog = randomCatalog(seed, { facts: 2 + (seed % 3) });
      const compiled = compileCatalog(catalog);
      const profile = randomProfile(prng(seed ^ 0x5bd1e995), catalog);
      assertProfile(compiled, profile);
      const report = evaluateProfile(compiled, profile, { asOf: AS_OF, paths: count });
      const order = Object.keys(catalog.facts);
      for (const result of report.results) {
        const program = catalog.programs.find((p) => p.id === result.programId)!;
        assert.ok(inForce(program, AS_OF));
        if (result.status === 'eligible') { assert.equal(result.paths, undefined); continue; }
        checked++;
        const paths = result.paths!;
        assert.ok(Array.isArray(paths));
        const expected = oracleFactSets(catalog, program.criteria, profile, count);
        assert.deepEqual(paths.map((p) => p.changes.map((ch) => ch.fact)), expected, `${catalog.version} ${program.id} ${JSON.stringify(profile)} ${JSON.stringify(program.criteria)}`);
        if (paths.length) withPaths++;
        for (const path of paths) {
          const changed = { ...profile };
          for (const ch of path.changes) {
            const def = catalog.facts[ch.fact]!;
            assert.ok(fitsDef(def, ch.to), `${ch.fact} → ${JSON.stringify(ch.to)}`);
            if (!Object.hasOwn(profile, ch.fact)) assert.ok(!('from' in ch), 'from is absent for an unanswered fact');
            else assert.deepEqual(ch.from, profile[ch.fact]);
            if (def.changeable === false) assert.ok(profile[ch.fact] === undefined || profile[ch.fact] === null, 'not changeable');
            changed[ch.fact] = ch.to;
          }
          assert.ok(passes(program.criteria, changed), 'valid');
          assert.ok(isMinimal(program.criteria, profile, changed, path.changes.map((c) => c.fact)), 'minimal');
          const positions = path.changes.map((c) => order.indexOf(c.fact));
          assert.deepEqual(positions, [...positions].sort((a, b) => a - b));
        }
      }
    }), { numRuns: 800, seed: 20261126 });
    assert.ok(checked > 200 && withPaths > 100, `${checked} programs checked, ${withPaths} with paths`);
  });

  it('puts numbers at the bound the criterion names, and answers a fixed fact only when unanswered', async () => {
    const catalog: Catalog = {
      version: 't', facts: {
        revenue: { type: 'number', label: { 'zh-CN': '营收' }, min: 0 },
        patents: { type: 'integer', label: { 'zh-CN': '专利' }, min: 0 },
        region: { type: 'region', label: { 'zh-CN': '地区' }, changeable: false },
        certs: { type: 'enum-set', label: { 'zh-CN': '资质' }, options: [{ value: 'high-tech', label: { 'zh-CN': '高新' } }, { value: 'srdi', label: { 'zh-CN': '专精特新' } }] },
      },
      programs: [
        { id: 'rev', kind: 'loan', title: { 'zh-CN': 'a' }, sources: [{ title: { 'zh-CN': 's' } }], criteria: { fact: 'revenue', op: 'gte', value: 500 } },
        { id: 'pat', kind: 'loan', title: { 'zh-CN': 'b' }, sources: [{ title: { 'zh-CN': 's' } }], criteria: { fact: 'patents', op: 'gt', value: 3 } },
        { id: 'reg', kind: 'loan', title: { 'zh-CN': 'c' }, sources: [{ title: { 'zh-CN': 's' } }], criteria: { all: [{ fact: 'region', op: 'withinRegion', value: ['320000'] }, { fact: 'certs', op: 'includesAll', value: ['high-tech'] }] } },
      ],
    };
    const client = createLocalClient({ catalog });
    const r = await client.eligibility.check({ profile: { revenue: 120, patents: 1, region: '110101', certs: ['srdi'] }, asOf: '2026-01-01', paths: 3 });
    const byId = Object.fromEntries(r.results.map((x) => [x.programId, x]));
    assert.deepEqual(byId.rev!.paths, [{ changes: [{ fact: 'revenue', from: 120, to: 500 }] }]);
    assert.deepEqual(byId.pat!.paths, [{ changes: [{ fact: 'patents', from: 1, to: 4 }] }]);
    assert.deepEqual(byId.reg!.paths, [], 'an answered region is never changed');
    const r2 = await client.eligibility.check({ profile: { region: null, certs: ['srdi'] }, asOf: '2026-01-01', paths: 2 });
    const reg = r2.results.find((x) => x.programId === 'reg')!;
    assert.deepEqual(reg.paths, [{ changes: [{ fact: 'region', from: null, to: '320000' }, { fact: 'certs', from: ['srdi'], to: ['high-tech', 'srdi'] }] }]);
    const eligible = await client.eligibility.check({ profile: { revenue: 900 }, asOf: '2026-01-01', paths: 2, programIds: ['rev'] });
    assert.equal(eligible.results[0]!.paths, undefined);
    const none = await client.eligibility.check({ profile: { revenue: 900 }, asOf: '2026-01-01', programIds: ['rev'] });
    assert.equal(none.results[0]!.paths, undefined);
  });

  it('refuses paths outside 0..5, naming the field', async () => {
    const client = createLocalClient();
    await assert.rejects(client.eligibility.check({ profile: {}, paths: 6 }), (e: { errors: { path: string }[] }) => e.errors.some((x) => x.path === 'paths'));
  });
});
