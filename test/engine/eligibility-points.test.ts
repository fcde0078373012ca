// Operators and the catalog's checks at the points where a wrong operator gives a different answer: each
// comparison just below, at and just above its bound; `between` inside, at both ends and outside; the same
// compiled catalog asked on two dates; every operator that does not fit a fact type refused.
import { expect } from 'chai';
import type { Catalog, Criterion, Profile } from '../../src/contract/index.js';
import { checkEligibility, compileCatalog } from '../../src/engine/eligibility/evaluate.js';
import { catalogIssues } from '../../src/engine/eligibility/catalog.js';
import { compileStatus, leafTest, FAIL, PASS, UNKNOWN } from '../../src/engine/eligibility/status.js';
import { OPERATORS_BY_TYPE, wholeYearsBetween, withinRegion } from '../../src/engine/eligibility/operators.js';
import { EngineError } from '../../src/engine/errors.js';
import { OPERATORS } from '../../src/contract/index.js';

const L = (s: string) => ({ 'zh-CN': s });
const facts: Catalog['facts'] = {
  n: { type: 'number', label: L('n') },
  i: { type: 'integer', label: L('i') },
  d: { type: 'date', label: L('d') },
  b: { type: 'boolean', label: L('b') },
  e: { type: 'enum', label: L('e'), options: [{ value: 'x', label: L('x') }, { value: 'y', label: L('y') }] },
  s: { type: 'enum-set', label: L('s'), options: [{ value: 'x', label: L('x') }, { value: 'y', label: L('y') }] },
  r: { type: 'region', label: L('r') },
  t: { type: 'string', label: L('t') },
};
const catalogOf = (criteria: Criterion): Catalog => ({ version: 'p', facts, programs: [{ id: 'p', kind: 'loan', title: L('p'), sources: [{ title: L('s') }], criteria }] });
const leaf = (fact: string, op: string, value: unknown) => ({ fact, op, value }) as Criterion;

/** The status by both evaluators (the tracing one and the status-only one), which must agree. */
function status(criteria: Criterion, profile: Profile, asOf = '2026-06-01'): string {
  const compiled = compileCatalog(catalogOf(criteria));
  const traced = checkEligibility(compiled, profile, { asOf }).results[0]!.status;
  const fast = compileStatus(criteria)(profile, asOf);
  const name = fast === PASS ? 'eligible' : fast === FAIL ? 'ineligible' : 'undetermined';
  expect(name, `status-only evaluator on ${JSON.stringify(criteria)} ${JSON.stringify(profile)}`).to.equal(traced);
  return traced;
}

describe('operators at their bounds', () => {
  const table: [string, number, [boolean, boolean, boolean]][] = [
    // op, bound, [just below, at, just above]
    ['lt', 10, [true, false, false]],
    ['lte', 10, [true, true, false]],
    ['gt', 10, [false, false, true]],
    ['gte', 10, [false, true, true]],
    ['eq', 10, [false, true, false]],
    ['ne', 10, [true, false, true]],
  ];
  for (const [op, bound, expected] of table) {
    it(`${op} ${bound}: below, at, above`, () => {
      const got = [bound - 0.5, bound, bound + 0.5].map((v) => status(leaf('n', op, bound), { n: v }) === 'eligible');
      expect(got).to.deep.equal(expected);
      const dates = ['2026-01-09', '2026-01-10', '2026-01-11'].map((v) => status(leaf('d', op, '2026-01-10'), { d: v }) === 'eligible');
      expect(dates, 'dates').to.deep.equal(expected);
    });
  }

  it('between: outside, both ends, inside', () => {
    const c = leaf('i', 'between', [3, 7]);
    expect([2, 3, 5, 7, 8].map((v) => status(c, { i: v }))).to.deep.equal(['ineligible', 'eligible', 'eligible', 'eligible', 'ineligible']);
    expect(['2019-12-31', '2020-01-01', '2020-06-15', '2020-12-31', '2021-01-01'].map((v) => status(leaf('d', 'between', ['2020-01-01', '2020-12-31']), { d: v })))
      .to.deep.equal(['ineligible', 'eligible', 'eligible', 'eligible', 'ineligible']);
  });

  it('set and region operators, each at a value that tells it from its neighbours', () => {
    expect(status(leaf('e', 'in', ['x']), { e: 'x' })).to.equal('eligible');
    expect(status(leaf('e', 'in', ['x']), { e: 'y' })).to.equal('ineligible');
    expect(status(leaf('e', 'notIn', ['x']), { e: 'y' })).to.equal('eligible');
    expect(status(leaf('s', 'includesAny', ['x', 'y']), { s: ['y'] })).to.equal('eligible');
    expect(status(leaf('s', 'includesAll', ['x', 'y']), { s: ['y'] })).to.equal('ineligible');
    expect(status(leaf('s', 'includesAll', ['x', 'y']), { s: ['y', 'x'] })).to.equal('eligible');
    expect(status(leaf('s', 'excludesAll', ['x', 'y']), { s: ['y'] })).to.equal('ineligible');
    expect(status(leaf('s', 'excludesAll', ['x']), { s: ['y'] })).to.equal('eligible');
    expect(status(leaf('s', 'includesAny', ['x']), { s: [] })).to.equal('ineligible');
    expect(status(leaf('b', 'ne', true), { b: false })).to.equal('eligible');
    expect(status(leaf('t', 'eq', 'abc'), { t: 'abd' })).to.equal('ineligible');
    expect(withinRegion('440305', '440000')).to.equal(true);
    expect(withinRegion('450305', '440000')).to.equal(false);
    expect(withinRegion('440305', '440300')).to.equal(true);
    expect(withinRegion('440405', '440300')).to.equal(false);
    expect(withinRegion('440306', '440305')).to.equal(false);
    expect(status(leaf('r', 'withinRegion', ['110000', '440300']), { r: '440304' })).to.equal('eligible');
  });

  it('counts whole years by the birthday rule', () => {
    expect(wholeYearsBetween('2020-06-01', '2025-06-01')).to.equal(5);
    expect(wholeYearsBetween('2020-06-02', '2025-06-01')).to.equal(4);
    expect(wholeYearsBetween('2020-02-29', '2021-02-28')).to.equal(0);
    expect(wholeYearsBetween('2020-02-29', '2021-03-01')).to.equal(1);
    expect(leafTest(leaf('d', 'yearsSinceLte', 4) as never)('2020-06-01', '2025-06-01')).to.equal(false);
    expect(leafTest(leaf('d', 'yearsSinceLte', 5) as never)('2020-06-01', '2025-06-01')).to.equal(true);
    expect(leafTest(leaf('d', 'yearsSinceGte', 6) as never)('2020-06-01', '2025-06-01')).to.equal(false);
  });

  it('unanswered and "don\'t know" are unknown in both evaluators', () => {
    expect(status(leaf('n', 'gt', 1), {})).to.equal('undetermined');
    expect(status(leaf('n', 'gt', 1), { n: null })).to.equal('undetermined');
    expect(compileStatus(leaf('n', 'gt', 1))({}, '2026-01-01')).to.equal(UNKNOWN);
    expect(status({ not: leaf('n', 'gt', 1) }, { n: 0 })).to.equal('eligible');
    expect(status({ not: leaf('n', 'gt', 1) }, { n: 2 })).to.equal('ineligible');
    expect(status({ any: [leaf('n', 'gt', 1), leaf('b', 'eq', true)] }, { n: 0 })).to.equal('undetermined');
    expect(status({ all: [leaf('n', 'gt', 1), leaf('b', 'eq', true)] }, { n: 2 })).to.equal('undetermined');
  });
});

describe('one compiled catalog, several dates', () => {
  it('re-evaluates date rules when asOf changes (no answer cached across dates)', () => {
    const compiled = compileCatalog(catalogOf(leaf('d', 'yearsSinceLte', 3)));
    const profile = { d: '2022-06-01' };
    const on = (asOf: string) => checkEligibility(compiled, profile, { asOf }).results[0]!.status;
    expect(on('2025-06-01')).to.equal('eligible');
    expect(on('2025-06-01')).to.equal('eligible');
    expect(on('2026-06-01')).to.equal('ineligible', 'four years later');
    expect(on('2025-05-31')).to.equal('eligible');
    expect(on('2026-06-01')).to.equal('ineligible');
    // The same for another profile sharing the answer, after the date moved back and forth.
    expect(checkEligibility(compiled, { d: '2022-06-01' }, { asOf: '2024-01-01' }).results[0]!.status).to.equal('eligible');
  });
});

describe("the catalog's type-fit checks", () => {
  const sample: Record<string, unknown> = { n: 1, i: 1, d: '2020-01-01', b: true, e: 'x', s: 'x', r: '440000', t: 'a' };
  it('refuses every operator that does not fit its fact type, naming the op', () => {
    for (const [fact, def] of Object.entries(facts)) {
      for (const op of OPERATORS) {
        if (OPERATORS_BY_TYPE[def.type].includes(op)) continue;
        const issues = catalogIssues(catalogOf(leaf(fact, op, sample[fact])));
        expect(issues.map((x) => x.path.join('.')), `${op} on ${def.type}`).to.deep.equal(['programs.0.criteria.op']);
      }
    }
  });

  it('accepts each fitting operator with a fitting value, and refuses a value of the wrong type', () => {
    const good: [string, string, unknown][] = [
      ['n', 'gt', 1.5], ['i', 'lte', 3], ['d', 'lt', '2020-01-01'], ['d', 'yearsSinceGte', 2], ['b', 'eq', false], ['e', 'in', ['x', 'y']],
      ['s', 'includesAll', ['y']], ['r', 'withinRegion', ['440300']], ['t', 'ne', 'z'], ['n', 'between', [1, 2]], ['d', 'between', ['2020-01-01', '2020-01-01']],
    ];
    for (const [fact, op, value] of good) expect(catalogIssues(catalogOf(leaf(fact, op, value))), `${fact} ${op} ${JSON.stringify(value)}`).to.deep.equal([]);
    const bad: [string, string, unknown][] = [
      ['n', 'gt', '1'], ['n', 'gt', Infinity], ['i', 'lte', 3.5], ['d', 'lt', '2020-1-1'], ['d', 'yearsSinceGte', -1], ['d', 'yearsSinceLte', 1.5],
      ['b', 'eq', 'true'], ['e', 'eq', 'z'], ['e', 'in', []], ['e', 'in', ['x', 'z']], ['s', 'includesAny', ['z']], ['r', 'withinRegion', ['44']],
      ['t', 'eq', ['a']], ['n', 'between', [2, 1]], ['n', 'between', [1]], ['n', 'between', [1, '2']], ['i', 'eq', [1, 2]], ['r', 'withinRegion', '440000'],
    ];
    for (const [fact, op, value] of bad) {
      expect(catalogIssues(catalogOf(leaf(fact, op, value))).map((x) => x.path.join('.')), `${fact} ${op} ${JSON.stringify(value)}`).to.deep.equal(['programs.0.criteria.value']);
    }
  });

  it('refuses undeclared facts, options on the wrong types, duplicates and empty windows, and compileCatalog throws', () => {
    const base = catalogOf(leaf('n', 'gt', 1));
    expect(catalogIssues(catalogOf(leaf('zz', 'eq', 1))).map((x) => x.path.join('.'))).to.deep.equal(['programs.0.criteria.fact']);
    const optionsOnNumber: Catalog = { ...base, facts: { ...facts, n: { ...facts['n']!, options: [{ value: 'x', label: L('x') }] } } };
    expect(catalogIssues(optionsOnNumber).map((x) => x.path.join('.'))).to.deep.equal(['facts.n.options']);
    const enumWithout: Catalog = { ...base, facts: { ...facts, e: { type: 'enum', label: L('e') } } };
    expect(catalogIssues(enumWithout).map((x) => x.path.join('.'))).to.deep.equal(['facts.e.options']);
    const dupOption: Catalog = { ...base, facts: { ...facts, e: { ...facts['e']!, options: [{ value: 'x', label: L('x') }, { value: 'x', label: L('x') }] } } };
    expect(catalogIssues(dupOption).map((x) => x.path.join('.'))).to.deep.equal(['facts.e.options.1.value']);
    const minMax: Catalog = { ...base, facts: { ...facts, n: { ...facts['n']!, min: 2, max: 1 } } };
    expect(catalogIssues(minMax).map((x) => x.path.join('.'))).to.deep.equal(['facts.n.min']);
    const equalMinMax: Catalog = { ...base, facts: { ...facts, n: { ...facts['n']!, min: 1, max: 1 } } };
    expect(catalogIssues(equalMinMax)).to.deep.equal([]);
    const twice: Catalog = { ...base, programs: [base.programs[0]!, base.programs[0]!] };
    expect(catalogIssues(twice).map((x) => x.path.join('.'))).to.deep.equal(['programs.1.id']);
    const window: Catalog = { ...base, programs: [{ ...base.programs[0]!, validFrom: '2026-02-01', validUntil: '2026-01-31' }] };
    expect(catalogIssues(window).map((x) => x.path.join('.'))).to.deep.equal(['programs.0.validUntil']);
    const oneDay: Catalog = { ...base, programs: [{ ...base.programs[0]!, validFrom: '2026-02-01', validUntil: '2026-02-01' }] };
    expect(catalogIssues(oneDay)).to.deep.equal([]);
    const dupNode = catalogOf({ all: [{ ...leaf('n', 'gt', 1), id: 'k' } as Criterion, { ...leaf('n', 'lt', 9), id: 'k' } as Criterion] });
    expect(catalogIssues(dupNode).map((x) => x.path.join('.'))).to.deep.equal(['programs.0.criteria.all.1.id']);
    const reserved: Catalog = { ...base, facts: { ...facts, constructor: { type: 'boolean' as const, label: L('c') } } };
    expect(catalogIssues(reserved).map((x) => x.path.join('.'))).to.deep.equal(['facts.constructor']);
    expect(() => compileCatalog(window)).to.throw(EngineError);
  });
});
