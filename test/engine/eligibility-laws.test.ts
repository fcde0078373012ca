// Laws of three-valued logic, checked on random rules and profiles with fast-check.
import { expect } from 'chai';
import fc from 'fast-check';
import type { Catalog, Criterion, Profile } from '../../src/contract/index.js';
import { compileCatalog, evaluateProfile } from '../../src/engine/eligibility/evaluate.js';

const L = (s: string) => ({ 'zh-CN': s });
const facts: Catalog['facts'] = {
  f0: { type: 'boolean', label: L('f0') },
  f1: { type: 'boolean', label: L('f1') },
  n0: { type: 'integer', label: L('n0'), min: 0, max: 10 },
  e0: { type: 'enum', label: L('e0'), options: ['a', 'b', 'c'].map((v) => ({ value: v, label: L(v) })) },
};

const leafArb: fc.Arbitrary<Criterion> = fc.oneof(
  fc.record({ fact: fc.constantFrom('f0', 'f1'), op: fc.constantFrom('eq', 'ne'), value: fc.boolean() }),
  fc.record({ fact: fc.constant('n0'), op: fc.constantFrom('lt', 'lte', 'gt', 'gte', 'eq', 'ne'), value: fc.integer({ min: 0, max: 10 }) }),
  fc.record({ fact: fc.constant('e0'), op: fc.constantFrom('in', 'notIn'), value: fc.subarray(['a', 'b', 'c'], { minLength: 1 }) }),
) as fc.Arbitrary<Criterion>;

const { criterion } = fc.letrec<{ criterion: Criterion }>((tie) => ({
  criterion: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArb,
    fc.record({ all: fc.array(tie('criterion'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('criterion'), { maxLength: 3 }) }),
    fc.record({ not: tie('criterion') }),
  ),
}));

const valueArb: Record<string, fc.Arbitrary<unknown>> = {
  f0: fc.boolean(), f1: fc.boolean(), n0: fc.integer({ min: 0, max: 10 }), e0: fc.constantFrom('a', 'b', 'c'),
};
// Each fact: unanswered, don't know, or a value.
const profileArb: fc.Arbitrary<Profile> = fc.record(
  Object.fromEntries(Object.entries(valueArb).map(([k, v]) => [k, fc.option(fc.oneof(v, fc.constant(null)), { nil: undefined })])),
).map((p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as Profile);

function status(c: Criterion, profile: Profile): string {
  const compiled = compileCatalog({ version: 'x', facts, programs: [{ id: 'p', kind: 'loan', title: L('p'), sources: [{ title: L('s') }], criteria: c }] });
  return evaluateProfile(compiled, profile, { asOf: '2025-01-01' }).results[0]!.status;
}

describe('three-valued logic laws', () => {
  it('De Morgan: not(all[a, b]) = any[not a, not b]', () => {
    fc.assert(fc.property(criterion, criterion, profileArb, (a, b, p) => {
      expect(status({ not: { all: [a, b] } }, p)).to.equal(status({ any: [{ not: a }, { not: b }] }, p));
    }), { numRuns: 300 });
  });

  it('De Morgan: not(any[a, b]) = all[not a, not b]', () => {
    fc.assert(fc.property(criterion, criterion, profileArb, (a, b, p) => {
      expect(status({ not: { any: [a, b] } }, p)).to.equal(status({ all: [{ not: a }, { not: b }] }, p));
    }), { numRuns: 300 });
  });

  it('double negation is the identity', () => {
    fc.assert(fc.property(criterion, profileArb, (a, p) => {
      expect(status({ not: { not: a } }, p)).to.equal(status(a, p));
    }), { numRuns: 300 });
  });

  it('monotonicity: answering a fact never turns a decided result undecided, nor flips it', () => {
    fc.assert(fc.property(criterion, profileArb, fc.constantFrom('f0', 'f1', 'n0', 'e0'), fc.anything(), (c, p, fact, seed) => {
      const before = status(c, p);
      if (before === 'undetermined' || (fact in p && p[fact] !== null)) return;
      const value = fc.sample(valueArb[fact]!, { numRuns: 1, seed: typeof seed === 'number' ? seed : 7 })[0] as Profile[string];
      expect(status(c, { ...p, [fact]: value })).to.equal(before);
    }), { numRuns: 400 });
  });

  it('missing facts are unanswered ones, and a decided program lists none', () => {
    fc.assert(fc.property(criterion, profileArb, (c, p) => {
      const compiled = compileCatalog({ version: 'x', facts, programs: [{ id: 'p', kind: 'loan', title: L('p'), sources: [{ title: L('s') }], criteria: c }] });
      const r = evaluateProfile(compiled, p, { asOf: '2025-01-01' }).results[0]!;
      for (const f of r.missingFacts) expect(f in p).to.equal(false);
      if (r.status !== 'undetermined') expect(r.missingFacts).to.deep.equal([]);
    }), { numRuns: 300 });
  });
});
