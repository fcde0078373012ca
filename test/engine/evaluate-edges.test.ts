// The edges of evaluation a whole-report comparison does not reach, each by hand from CONTRACT.md: refusals (kind,
// message, path) of every entry point, which refusal a portfolio gives first, `missingFacts` of hand-made traces,
// a trace built on first read being one object, the status-only evaluator of `any` and `not` over unknown, and
// calendar dates at the century leap-year rule.
import { expect } from 'chai';
import type { Catalog, Criterion, TraceNode } from '../../src/contract/index.js';
import { assertProfile, checkMany, compileCatalog, createScreener, evaluateProfile, missingFacts } from '../../src/engine/eligibility/evaluate.js';
import { compileStatus, FAIL, PASS, UNKNOWN } from '../../src/engine/eligibility/status.js';
import { compileFactChecks, isCalendarDate, profileIssues } from '../../src/engine/eligibility/profile.js';
import { caught } from './caught.js';

const label = { 'zh-CN': 'x' };
const program = (id: string, criteria: object) => ({ id, kind: 'loan', title: label, sources: [{ title: label }], criteria });
const catalog = {
  version: 'v1',
  facts: { f: { type: 'boolean', label }, n: { type: 'integer', label, min: 0 }, d: { type: 'date', label } },
  programs: [program('n-big', { fact: 'n', op: 'gte', value: 10 }), program('f', { fact: 'f', op: 'eq', value: true })],
} as unknown as Catalog;
const compiled = compileCatalog(catalog);
const AS_OF = '2026-01-01';

describe('evaluation edges, by hand', () => {
  it('assertProfile accepts a profile that fits and refuses one that does not, under its prefix', () => {
    expect(() => assertProfile(compiled, { f: true, n: 3, d: null })).to.not.throw();
    const e = caught(() => assertProfile(compiled, { n: -1 }));
    expect([e.kind, e.message, e.path]).to.deep.equal(['invalid-data', 'the profile does not fit the catalog', 'profile.n']);
    expect(e.issues.map((i) => i.path)).to.deep.equal([['profile', 'n']]);
    const p = caught(() => assertProfile(compiled, { f: 'yes' } as never, ['rows', 2]));
    expect([p.path, p.issues[0]!.path]).to.deep.equal(['rows.2.f', ['rows', 2, 'f']]);
  });

  it('evaluateProfile and the screener name the bad answer and say what kind of refusal it is', () => {
    const e = caught(() => evaluateProfile(compiled, { n: 1.5 }, { asOf: AS_OF }));
    expect([e.kind, e.message, e.path, e.issues[0]!.path]).to.deep.equal(['invalid-data', 'the profile does not fit the catalog', 'profile.n', ['profile', 'n']]);
    const s = caught(() => createScreener(compiled, { asOf: AS_OF })(null as never, 5));
    expect([s.kind, s.path]).to.deep.equal(['invalid-data', 'profiles.5']);
  });

  it('unknown program ids are named, all of them, in the order asked', () => {
    const e = caught(() => evaluateProfile(compiled, {}, { asOf: AS_OF, programIds: ['zz', 'f', 'yy'] }));
    expect([e.kind, e.message, e.path]).to.deep.equal(['not-found', 'unknown program id(s): zz, yy', 'programIds']);
  });

  it('a portfolio refuses a bad profile before looking at the programs asked for', () => {
    // Every profile is checked first (the engine it replaced did the same: test/fixtures/eligibility-old).
    const e = caught(() => checkMany(compiled, [{ n: 1 }, { n: -3 }], { asOf: AS_OF, programIds: ['nope'] }));
    expect([e.kind, e.path]).to.deep.equal(['invalid-data', 'profiles.1.n']);
    const good = caught(() => checkMany(compiled, [{ n: 1 }], { asOf: AS_OF, programIds: ['nope'] }));
    expect(good.kind).to.equal('not-found');
  });

  it('missingFacts: unanswered leaves under unknown nodes, never "don\'t know", never a node without a fact', () => {
    expect(missingFacts({ status: 'unknown' })).to.deep.equal([]);
    const trace: TraceNode = { status: 'unknown', children: [
      { status: 'unknown', fact: 'a', op: 'eq', expected: 1 },
      { status: 'unknown', fact: 'b', op: 'eq', expected: 1, actual: null },
      { status: 'unknown' },
      { status: 'pass', children: [{ status: 'unknown', fact: 'c', op: 'eq', expected: 1 }] },
      { status: 'unknown', children: [{ status: 'unknown', fact: 'a', op: 'eq', expected: 2 }, { status: 'unknown', fact: 'e', op: 'eq', expected: 2 }] },
    ] };
    expect(missingFacts(trace)).to.deep.equal(['a', 'e']);
    expect(missingFacts({ status: 'pass', fact: 'a' })).to.deep.equal([]);
  });

  it('a trace built on first read is built once: read twice, it is the same object', () => {
    const many = { ...catalog, programs: Array.from({ length: 40 }, (_, i) => program(`p${i}`, { all: [{ fact: 'n', op: 'gte', value: i }, { fact: 'f', op: 'eq', value: true }] })) } as unknown as Catalog;
    for (const budget of [0, undefined]) {
      const c = compileCatalog(many);
      if (budget !== undefined) c.rowBudget = budget;
      const report = evaluateProfile(c, { n: 20, f: true }, { asOf: AS_OF });
      expect(report.results.map((r) => r.status)).to.deep.equal([...Array(21).fill('eligible'), ...Array(19).fill('ineligible')]);
      for (const r of report.results) expect(r.trace).to.equal(r.trace);
      expect(report.results[0]!.trace.children!.map((t) => [t.fact, t.status, t.actual])).to.deep.equal([['n', 'pass', 20], ['f', 'pass', true]]);
      expect(report.results[39]!.trace.children![0]!.status).to.equal('fail');
    }
  });
});

describe('status-only evaluation of any and not', () => {
  const leaf = (fact: string, op: string, value: unknown) => ({ fact, op, value }) as Criterion;
  it('any passes when a child passes, fails when all fail, else is unknown', () => {
    const any = compileStatus({ any: [leaf('n', 'gte', 10), leaf('f', 'eq', true)] });
    expect([any({ n: 12 }, AS_OF), any({ f: true, n: 1 }, AS_OF), any({ n: 3, f: false }, AS_OF), any({ n: 3 }, AS_OF), any({}, AS_OF)])
      .to.deep.equal([PASS, PASS, FAIL, UNKNOWN, UNKNOWN]);
    expect(compileStatus({ any: [] })({}, AS_OF)).to.equal(FAIL);
    expect(compileStatus({ all: [] })({}, AS_OF)).to.equal(PASS);
  });
  it('not swaps pass and fail, unknown stays unknown', () => {
    const not = compileStatus({ not: leaf('f', 'eq', true) });
    expect([not({ f: true }, AS_OF), not({ f: false }, AS_OF), not({}, AS_OF), not({ f: null }, AS_OF)]).to.deep.equal([FAIL, PASS, UNKNOWN, UNKNOWN]);
  });
});

describe('answers checked at their edges', () => {
  it('February 29th by the Gregorian rule: every 4th year, not every 100th, every 400th', () => {
    expect(['2000-02-29', '2400-02-29', '2024-02-29', '0400-02-29'].map(isCalendarDate)).to.deep.equal([true, true, true, true]);
    expect(['1900-02-29', '2100-02-29', '2023-02-29', '2000-02-30'].map(isCalendarDate)).to.deep.equal([false, false, false, false]);
  });
  it('an integer answer that is not a finite number is a type error, not "not whole"', () => {
    const checks = compileFactChecks(catalog);
    for (const bad of [Number.NaN, Infinity, -Infinity]) {
      expect(profileIssues(checks, { n: bad })).to.deep.equal([{ code: 'invalid_type', expected: 'number', input: bad, path: ['profile', 'n'] }]);
    }
  });
});
