// Evaluation entry points at the points where each decides: a `not` node's own trace, the status-only report of
// screening, portfolios (checkMany, createScreener) naming the position of a bad profile, paths: 0. By hand.
import { expect } from 'chai';
import type { Catalog, Profile } from '../../src/contract/index.js';
import { checkMany, compileCatalog, createScreener, evaluateProfile } from '../../src/engine/eligibility/evaluate.js';
import { caught } from './caught.js';

const label = { 'zh-CN': 'x' };
const program = (id: string, criteria: object) => ({ id, kind: 'loan', title: label, sources: [{ title: label }], criteria });
const catalog = {
  version: 'v1',
  facts: { f: { type: 'boolean', label }, n: { type: 'number', label, min: 0 } },
  programs: [program('not-f', { not: { fact: 'f', op: 'eq', value: true } }), program('n-big', { fact: 'n', op: 'gte', value: 10 }), program('both', { all: [{ fact: 'f', op: 'eq', value: true }, { fact: 'n', op: 'gte', value: 10 }] })],
} as unknown as Catalog;
const compiled = compileCatalog(catalog);
const AS_OF = '2026-01-01';

describe('evaluation entry points', () => {
  it('a not node swaps pass and fail in its own trace, unknown stays unknown', () => {
    const traceOf = (profile: Profile) => evaluateProfile(compiled, profile, { asOf: AS_OF, programIds: ['not-f'] }).results[0]!;
    expect(traceOf({ f: true }).trace.status).to.equal('fail');
    expect(traceOf({ f: true }).trace.children![0]!.status).to.equal('pass');
    expect(traceOf({ f: false }).trace.status).to.equal('pass');
    expect(traceOf({}).trace.status).to.equal('unknown');
    expect(traceOf({ f: null }).trace.status).to.equal('unknown');
    expect(traceOf({}).missingFacts).to.deep.equal(['f']);
  });

  it('status-only reports (screening): statuses in order, no traces, nothing missing, no questions', () => {
    const r = evaluateProfile(compiled, { f: true, n: 3 }, { asOf: AS_OF, detail: 'status' });
    expect(r).to.deep.equal({ asOf: AS_OF, catalogVersion: 'v1', nextQuestions: [], results: [
      { programId: 'not-f', status: 'ineligible', missingFacts: [], trace: { status: 'fail' } },
      { programId: 'n-big', status: 'ineligible', missingFacts: [], trace: { status: 'fail' } },
      { programId: 'both', status: 'ineligible', missingFacts: [], trace: { status: 'fail' } },
    ] });
    const mixed = evaluateProfile(compiled, { f: false }, { asOf: AS_OF, detail: 'status' });
    expect(mixed.results.map((x) => [x.programId, x.status, x.trace.status])).to.deep.equal([
      ['not-f', 'eligible', 'pass'], ['n-big', 'undetermined', 'unknown'], ['both', 'ineligible', 'fail'],
    ]);
  });

  it('a portfolio names the position of a bad profile; good ones get the single-profile answer', () => {
    const e = caught(() => checkMany(compiled, [{ f: true }, { n: -1 }], { asOf: AS_OF }));
    expect(e.issues[0]!.path).to.deep.equal(['profiles', 1, 'n']);
    const reports = checkMany(compiled, [{ f: true }, { n: 12 }], { asOf: AS_OF, programIds: ['n-big'] });
    expect(reports).to.deep.equal([
      evaluateProfile(compiled, { f: true }, { asOf: AS_OF, programIds: ['n-big'] }),
      evaluateProfile(compiled, { n: 12 }, { asOf: AS_OF, programIds: ['n-big'] }),
    ]);
    expect(reports[1]!.results[0]!.status).to.equal('eligible');
  });

  it('a screener refuses what is not an object of answers, naming its position', () => {
    const screen = createScreener(compiled, { asOf: AS_OF, detail: 'status' });
    for (const bad of [null, [], 'x', 3]) {
      const e = caught(() => screen(bad as never, 2));
      expect(e.message).to.equal('a profile is an object of answers');
      expect(e.path).to.equal('profiles.2');
      expect(e.issues).to.deep.equal([{ code: 'invalid_type', expected: 'object', path: ['profiles', 2], message: 'expected an object' }]);
    }
    expect(caught(() => screen({ zz: 1 } as never, 4)).issues[0]!.path).to.deep.equal(['profiles', 4, 'zz']);
    expect(screen({ n: 10 }, 0).results.find((x) => x.programId === 'n-big')!.status).to.equal('eligible');
  });

  it('paths: 0 (or none) adds no paths at all', () => {
    for (const options of [{ asOf: AS_OF }, { asOf: AS_OF, paths: 0 }]) {
      for (const result of evaluateProfile(compiled, { n: 3 }, options).results) expect(result).to.not.have.property('paths');
    }
    expect(evaluateProfile(compiled, { n: 3 }, { asOf: AS_OF, paths: 1, programIds: ['n-big'] }).results[0]!.paths).to.deep.equal([{ changes: [{ fact: 'n', from: 3, to: 10 }] }]);
  });
});
