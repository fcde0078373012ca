// Answers the machine's fast reader (src/engine/eligibility/machine.ts `load`) must read as the contract says:
// mutants the records-test fault had hidden until f83d9e8 (docs/testing.md, "### eligibility (machine)").
// - the 65th fact (position 64, the first fact of the second block of 64 option slots) read by its own slots;
// - a region answer that is not a string refused, naming the fact (not a TypeError from reading it as one);
// - the adcode 000000 is six digits, so it is an answer like any other (CONTRACT.md: "6-digit adcode");
// - a key that is not a declared fact refused even when an answer the walk of keys does not see (not enumerable)
//   is there too (a count of keys against answers let one hide the other).
// Oracle: CONTRACT.md ("Semantics", "Operators, by fact type", "Profile validation"), the statuses worked by hand.
// Catalogs are compiled inside each test: Stryker's mocha loads this file once and runs it once per mutant.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Catalog, Criterion, Profile } from '../../src/contract/index.js';
import { checkEligibility, checkMany, compileCatalog, createScreener } from '../../src/engine/eligibility/evaluate.js';
import { EngineError } from '../../src/engine/errors.js';

const label = { 'zh-CN': 'x' };
const AS_OF = '2026-06-01';
const program = (id: string, criteria: Criterion) => ({ id, kind: 'subsidy' as const, title: label, sources: [{ title: label }], criteria });

/** Program id → status, for both levels of detail and both ways in (one profile, a portfolio of one). */
function statuses(catalog: Catalog, profile: Profile): Record<string, string> {
  try {
    return statusesOf(catalog, profile);
  } catch (e) {
    if (e instanceof assert.AssertionError) throw e;
    return assert.fail(`a valid profile must be screened, not refused: ${String(e)}`);
  }
}
function statusesOf(catalog: Catalog, profile: Profile): Record<string, string> {
  const compiled = compileCatalog(catalog);
  const full = Object.fromEntries(checkEligibility(compiled, profile, { asOf: AS_OF }).results.map((r) => [r.programId, r.status]));
  const brief = Object.fromEntries(checkEligibility(compiled, profile, { asOf: AS_OF, detail: 'status' }).results.map((r) => [r.programId, r.status]));
  const many = Object.fromEntries(checkMany(compileCatalog(catalog), [profile], { asOf: AS_OF, detail: 'status' })[0]!.results.map((r) => [r.programId, r.status]));
  assert.deepEqual(brief, full);
  assert.deepEqual(many, full);
  return full;
}

/** The refusal of `profile`: the error's kind and path, and each issue's path and code. */
function refusal(catalog: Catalog, profile: Profile): { kind: string; path: string | undefined; issues: string[] } {
  const compiled = compileCatalog(catalog);
  const seen: string[] = [];
  for (const run of [
    () => checkEligibility(compiled, profile, { asOf: AS_OF }),
    () => createScreener(compileCatalog(catalog), { asOf: AS_OF, detail: 'status' })(profile, 0),
  ]) {
    try {
      run();
    } catch (e) {
      assert.ok(e instanceof EngineError, `an EngineError, not ${String(e)}`);
      // Paths start profile. (one profile) or profiles.0. (a screener's first): the part after is the fact.
      const strip = (path: string | undefined) => path?.replace(/^(profile|profiles\.0)\./, '');
      const issues = (e.issues ?? []).map((i) => `${strip(i.path.join('.'))} ${i.code}`);
      seen.push(JSON.stringify({ kind: e.kind, path: strip(e.path), issues }));
      continue;
    }
    assert.fail(`accepted ${JSON.stringify(profile)}`);
  }
  assert.equal(seen[0], seen[1]);
  return JSON.parse(seen[0]!) as { kind: string; path: string | undefined; issues: string[] };
}

describe('the machine reads answers as the contract says', () => {
  it('reads the 65th fact (the first of the second block of option slots) by its own options', () => {
    // 64 yes/no facts (no options, so their slots are empty), then an option fact and an option set at position 64
    // and 65. Hand-worked: size = large passes `eq large`; small fails it; tags [b] passes includesAny [b].
    const facts: Catalog['facts'] = {};
    for (let i = 0; i < 64; i++) facts[`b${i}`] = { type: 'boolean', label };
    facts.size = { type: 'enum', label, options: [{ value: 'small', label }, { value: 'large', label }] };
    facts.tags = { type: 'enum-set', label, options: [{ value: 'a', label }, { value: 'b', label }] };
    const catalog: Catalog = {
      version: 'wide',
      facts,
      programs: [program('big', { fact: 'size', op: 'eq', value: 'large' }), program('b-tag', { fact: 'tags', op: 'includesAny', value: ['b'] }), program('yes', { fact: 'b0', op: 'eq', value: true })],
    };
    assert.deepEqual(statuses(catalog, { size: 'large', tags: ['b'], b0: true } as Profile), { big: 'eligible', 'b-tag': 'eligible', yes: 'eligible' });
    assert.deepEqual(statuses(catalog, { size: 'small', tags: ['a'], b0: false } as Profile), { big: 'ineligible', 'b-tag': 'ineligible', yes: 'ineligible' });
    assert.deepEqual(statuses(catalog, { size: null, tags: ['a', 'b'] } as Profile), { big: 'undetermined', 'b-tag': 'eligible', yes: 'undetermined' });
    assert.deepEqual(refusal(catalog, { size: 'medium' } as Profile), { kind: 'invalid-data', path: 'size', issues: ['size invalid_value'] });
  });

  it('refuses a region answer that is not a string, naming the fact, however much it looks like six digits', () => {
    const catalog: Catalog = {
      version: 'region',
      facts: { where: { type: 'region', label } },
      programs: [program('beijing', { fact: 'where', op: 'withinRegion', value: ['110000'] })],
    };
    for (const v of [['1', '1', '0', '1', '0', '1'], { length: 6 }, new String('110101'), 110101]) {
      assert.deepEqual(refusal(catalog, { where: v } as unknown as Profile), { kind: 'invalid-data', path: 'where', issues: ['where invalid_type'] }, String(v));
    }
    // The same code as a string is an answer: 110101 (Dongcheng) is in the province 110000.
    assert.deepEqual(statuses(catalog, { where: '110101' } as Profile), { beijing: 'eligible' });
  });

  it('takes the adcode 000000 as an answer like any other six digits', () => {
    // Hand-worked: 000000 is not within 110000 (first two digits 00, not 11); it is within the "province" 000000
    // (first two digits 00) and within itself taken as a prefecture target 000000 would be the same range.
    const catalog: Catalog = {
      version: 'zero',
      facts: { where: { type: 'region', label } },
      programs: [
        program('beijing', { fact: 'where', op: 'withinRegion', value: ['110000'] }),
        program('not-beijing', { not: { fact: 'where', op: 'withinRegion', value: ['110000'] } }),
        program('zero', { fact: 'where', op: 'withinRegion', value: ['000000'] }),
        program('either', { fact: 'where', op: 'withinRegion', value: ['110000', '000000'] }),
      ],
    };
    assert.deepEqual(statuses(catalog, { where: '000000' } as Profile), { beijing: 'ineligible', 'not-beijing': 'eligible', zero: 'eligible', either: 'eligible' });
    assert.deepEqual(statuses(catalog, { where: '000001' } as Profile), { beijing: 'ineligible', 'not-beijing': 'eligible', zero: 'eligible', either: 'eligible' });
    assert.deepEqual(statuses(catalog, { where: '110000' } as Profile), { beijing: 'eligible', 'not-beijing': 'ineligible', zero: 'ineligible', either: 'eligible' });
  });

  it('refuses a key that names no fact even when an answer it cannot see by walking the keys is there too', () => {
    // CONTRACT.md: "an undeclared fact ... is a 400 naming the fact". An answer that is not enumerable is read
    // (by key), and must not hide a key that names no fact, nor a declared fact given as undefined.
    const catalog: Catalog = {
      version: 'hidden',
      facts: { revenue: { type: 'number', label, min: 0 }, where: { type: 'region', label } },
      programs: [program('big', { fact: 'revenue', op: 'gte', value: 100 })],
    };
    const withHidden = (own: Record<string, unknown>, hidden: Record<string, unknown>): Profile => {
      const p = { ...own } as Profile;
      for (const [k, v] of Object.entries(hidden)) Object.defineProperty(p, k, { value: v, enumerable: false });
      return p;
    };
    assert.deepEqual(refusal(catalog, withHidden({ revnue: 150 }, { revenue: 150 })), { kind: 'invalid-data', path: 'revnue', issues: ['revnue unknown_fact'] });
    assert.deepEqual(refusal(catalog, withHidden({ where: undefined }, { revenue: 150 })), { kind: 'invalid-data', path: 'where', issues: ['where invalid_type'] });
    // On the prototype, not enumerable either: the same.
    const proto = withHidden({}, { revenue: 150 });
    const child = Object.assign(Object.create(proto) as Profile, { revnue: 150 });
    assert.deepEqual(refusal(catalog, child), { kind: 'invalid-data', path: 'revnue', issues: ['revnue unknown_fact'] });
    // Keys out of the facts' order (looked up, not matched in sequence): the same.
    assert.deepEqual(refusal(catalog, withHidden({ where: '110101', revnue: 150 }, { revenue: 150 })), { kind: 'invalid-data', path: 'revnue', issues: ['revnue unknown_fact'] });
    assert.deepEqual(refusal(catalog, withHidden({ where: '110101', revenue: undefined }, { })), { kind: 'invalid-data', path: 'revenue', issues: ['revenue invalid_type'] });
    assert.deepEqual(statuses(catalog, { where: '110101', revenue: 150 } as Profile), { big: 'eligible' });
    // Without the stray key the hidden answer is read: 150 >= 100.
    assert.deepEqual(statuses(catalog, withHidden({}, { revenue: 150 })), { big: 'eligible' });
    assert.deepEqual(statuses(catalog, withHidden({ where: '110101' }, { revenue: 50 })), { big: 'ineligible' });
  });
});
