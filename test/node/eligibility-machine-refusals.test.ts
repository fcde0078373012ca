// Answers of the wrong shape for a date fact and for an option set of more than 31 options (the machine's "other"
// coder, src/engine/eligibility/machine.ts `encodeOther`), and a 32-option list given out of the catalog's order:
// mutants the full mutation run of 2026-11-27 left alive (docs/testing.md, "### eligibility (machine)"). Oracle: the
// contract (CONTRACT.md, "Semantics": an answer that does not fit its FactDef is refused, naming the fact; a report
// describes the answers it was made from).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Catalog, Profile } from '../../src/contract/index.js';
import { compileCatalog, createScreener } from '../../src/engine/eligibility/evaluate.js';
import { EngineError } from '../../src/engine/errors.js';

const label = { 'zh-CN': 'x' };
const opt = (v: string) => ({ value: v, label });
const wide = Array.from({ length: 32 }, (_, i) => `o${i}`);
const catalog: Catalog = {
  version: 'r',
  facts: {
    founded: { type: 'date', label },
    tags: { type: 'enum-set', label, options: wide.map(opt) },
  },
  programs: [
    { id: 'young', kind: 'subsidy', title: label, sources: [{ title: label }], criteria: { fact: 'founded', op: 'yearsSinceLte', value: 5 } },
    { id: 'tagged', kind: 'subsidy', title: label, sources: [{ title: label }], criteria: { fact: 'tags', op: 'includesAny', value: ['o31'] } },
  ],
};
const screen = createScreener(compileCatalog(catalog), { asOf: '2026-06-01' });

function refusal(profile: Profile): { kind: string; path: string | undefined } {
  try {
    screen(profile, 0);
  } catch (error) {
    assert.ok(error instanceof EngineError, `not an EngineError: ${String(error)}`);
    return { kind: error.kind, path: error.path };
  }
  assert.fail(`accepted ${JSON.stringify(profile)}`);
}

describe('eligibility machine: answers of the wrong shape', () => {
  it('refuses a list of ten strings as a date, naming the fact (a date is a string)', () => {
    const r = refusal({ founded: ['2', '0', '2', '0', '-', '0', '1', '-', '0', '1'] } as unknown as Profile);
    assert.equal(r.kind, 'invalid-data');
    assert.match(String(r.path), /founded/);
  });

  it('refuses a number, a string and an object as an option set of 32 options, naming the fact', () => {
    for (const bad of [5, 'o1', { 0: 'o1', length: 1 }]) {
      const r = refusal({ tags: bad } as unknown as Profile);
      assert.equal(r.kind, 'invalid-data', JSON.stringify(bad));
      assert.match(String(r.path), /tags/);
    }
  });

  it('keeps its own copy of a 32-option list given out of order, and leaves the caller’s list alone', () => {
    const list = ['o31', 'o0'];
    const report = screen({ tags: list } as Profile, 0);
    assert.equal(Object.isFrozen(list), false, 'the caller’s list was frozen');
    list.push('o5');
    list.reverse();
    const tagged = report.results.find((r) => r.programId === 'tagged')!;
    assert.equal(tagged.status, 'eligible');
    assert.deepEqual(tagged.trace.actual, ['o31', 'o0']);
  });

  it('reads a profile with a non-enumerable answer fact by fact, and tells its unanswered facts from don’t-know ones', () => {
    // A non-enumerable own answer makes the fast read's key count disagree, so the profile is read fact by fact
    // (machine.ts `loadEach`). Its unanswered `a` must be unanswered there too: a result kept for the
    // don't-know state of `a` (the first profile's) must not be handed out for it. Oracle: the same answers as
    // a plain object, on a freshly compiled catalog.
    const yesNo: Catalog = {
      version: 'y',
      facts: { a: { type: 'boolean', label }, b: { type: 'boolean', label } },
      programs: [{ id: 'p', kind: 'subsidy', title: label, sources: [{ title: label }], criteria: { fact: 'a', op: 'eq', value: true } }],
    };
    const s = createScreener(compileCatalog(yesNo), { asOf: '2026-06-01' });
    s({ a: null, b: true } as Profile, 0);
    const odd = {} as Profile;
    Object.defineProperty(odd, 'b', { value: true, enumerable: false });
    const fresh = createScreener(compileCatalog(yesNo), { asOf: '2026-06-01' });
    assert.deepEqual(JSON.parse(JSON.stringify(s(odd, 1))), JSON.parse(JSON.stringify(fresh({ b: true } as Profile, 0))));
  });

  it('ignores an inherited key that names no fact, even one called "undefined", when it reads fact by fact', () => {
    // An inherited enumerable key makes the fast read's key count disagree; the profile is then read fact by fact,
    // and only the declared facts are read (a read one past them would ask for profile["undefined"]).
    const p = Object.create({ undefined: 1 }) as Profile;
    p.b = true;
    const yesNo: Catalog = {
      version: 'y',
      facts: { a: { type: 'boolean', label }, b: { type: 'boolean', label } },
      programs: [{ id: 'p', kind: 'subsidy', title: label, sources: [{ title: label }], criteria: { fact: 'b', op: 'eq', value: true } }],
    };
    const s = createScreener(compileCatalog(yesNo), { asOf: '2026-06-01' });
    assert.deepEqual(JSON.parse(JSON.stringify(s(p, 0))), JSON.parse(JSON.stringify(s({ b: true } as Profile, 1))));
  });

  it('names the fact the machine refuses even where the fact checks would let it through (never a TypeError)', () => {
    // The machine's coders and the fact checks agree; here a check is made to accept anything, so the machine
    // alone refuses the answer: the refusal still names the fact, in the error and its issues.
    const compiled = compileCatalog(catalog);
    compiled.checks.set('founded', () => undefined);
    const s = createScreener(compiled, { asOf: '2026-06-01' });
    try {
      s({ founded: 'not a date' } as Profile, 3);
      assert.fail('accepted');
    } catch (error) {
      assert.ok(error instanceof EngineError, `not an EngineError: ${String(error)}`);
      assert.equal(error.kind, 'invalid-data');
      assert.equal(error.path, 'profiles.3.founded');
      assert.deepEqual(error.issues?.map((i) => [i.code, i.path]), [['custom', ['profiles', 3, 'founded']]]);
    }
    // Where the checks do see the problem (an inherited answer, read fact by fact), their own issue is kept.
    try {
      createScreener(compileCatalog(catalog), { asOf: '2026-06-01' })(Object.create({ founded: 12 }) as Profile, 4);
      assert.fail('accepted');
    } catch (error) {
      assert.ok(error instanceof EngineError, `not an EngineError: ${String(error)}`);
      assert.deepEqual(error.issues.map((i) => [i.code, i.path]), [['invalid_type', ['profiles', 4, 'founded']]]);
    }
  });
});
