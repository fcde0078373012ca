// Fixtures written from CONTRACT.md's definitions: { catalog, asOf, profile, expected }.
import { expect } from 'chai';
import type { Catalog, Criterion, Profile } from '../../src/contract/index.js';
import { checkEligibility, compileCatalog } from '../../src/engine/eligibility/evaluate.js';
import { EngineError } from '../../src/engine/errors.js';

const L = (s: string) => ({ 'zh-CN': s });
const facts: Catalog['facts'] = {
  a: { type: 'boolean', label: L('a') },
  b: { type: 'boolean', label: L('b') },
  revenue: { type: 'number', label: L('营收'), min: 0 },
  staff: { type: 'integer', label: L('人数'), min: 0, max: 100000 },
  founded: { type: 'date', label: L('成立') },
  size: { type: 'enum', label: L('规模'), options: [{ value: 'small', label: L('小') }, { value: 'large', label: L('大') }] },
  certs: { type: 'enum-set', label: L('认定'), options: ['x', 'y', 'z'].map((v) => ({ value: v, label: L(v) })) },
  region: { type: 'region', label: L('地区') },
  name: { type: 'string', label: L('名称') },
};
const src = [{ title: L('文件') }];
const program = (id: string, criteria: Criterion, extra: object = {}) => ({ id, kind: 'loan' as const, title: L(id), sources: src, criteria, ...extra });
const catalogOf = (...programs: ReturnType<typeof program>[]): Catalog => ({ version: 't1', facts, programs });
const leaf = (fact: string, op: string, value: unknown) => ({ fact, op, value }) as Criterion;

function statusOf(criteria: Criterion, profile: Profile, asOf = '2025-06-01') {
  const report = checkEligibility(compileCatalog(catalogOf(program('p', criteria))), profile, { asOf });
  return report.results[0]!;
}

describe('eligibility fixtures from the contract', () => {
  const cases: { name: string; criteria: Criterion; profile: Profile; asOf?: string; status: string }[] = [
    { name: 'all of nothing passes', criteria: { all: [] }, profile: {}, status: 'eligible' },
    { name: 'any of nothing fails', criteria: { any: [] }, profile: {}, status: 'ineligible' },
    { name: 'unanswered is unknown, never false', criteria: leaf('a', 'eq', false), profile: {}, status: 'undetermined' },
    { name: "don't know is unknown", criteria: leaf('a', 'eq', true), profile: { a: null }, status: 'undetermined' },
    { name: 'all: a failing child decides', criteria: { all: [leaf('a', 'eq', true), leaf('b', 'eq', true)] }, profile: { a: false }, status: 'ineligible' },
    { name: 'any: a passing child decides', criteria: { any: [leaf('a', 'eq', true), leaf('b', 'eq', true)] }, profile: { b: true }, status: 'eligible' },
    { name: 'not keeps unknown', criteria: { not: leaf('a', 'eq', true) }, profile: {}, status: 'undetermined' },
    { name: 'not swaps', criteria: { not: leaf('a', 'eq', true) }, profile: { a: false }, status: 'eligible' },
    { name: 'between is inclusive (low)', criteria: leaf('revenue', 'between', [100, 200]), profile: { revenue: 100 }, status: 'eligible' },
    { name: 'between is inclusive (high)', criteria: leaf('revenue', 'between', [100, 200]), profile: { revenue: 200 }, status: 'eligible' },
    { name: 'between excludes outside', criteria: leaf('revenue', 'between', [100, 200]), profile: { revenue: 200.01 }, status: 'ineligible' },
    { name: 'dates compare as dates', criteria: leaf('founded', 'lt', '2020-10-01'), profile: { founded: '2020-09-30' }, status: 'eligible' },
    { name: 'birthday rule: exactly 5 years', criteria: leaf('founded', 'yearsSinceGte', 5), profile: { founded: '2020-06-01' }, status: 'eligible' },
    { name: 'birthday rule: a day short of 5 years', criteria: leaf('founded', 'yearsSinceGte', 5), profile: { founded: '2020-06-02' }, status: 'ineligible' },
    { name: 'yearsSinceLte at 4 years', criteria: leaf('founded', 'yearsSinceLte', 4), profile: { founded: '2020-06-02' }, status: 'eligible' },
    { name: 'in', criteria: leaf('size', 'in', ['small']), profile: { size: 'small' }, status: 'eligible' },
    { name: 'notIn', criteria: leaf('size', 'notIn', ['small']), profile: { size: 'small' }, status: 'ineligible' },
    { name: 'includesAny', criteria: leaf('certs', 'includesAny', ['y', 'z']), profile: { certs: ['x', 'z'] }, status: 'eligible' },
    { name: 'includesAll', criteria: leaf('certs', 'includesAll', ['x', 'z']), profile: { certs: ['x'] }, status: 'ineligible' },
    { name: 'excludesAll with none chosen', criteria: leaf('certs', 'excludesAll', ['x']), profile: { certs: [] }, status: 'eligible' },
    { name: 'province matches its first 2 digits', criteria: leaf('region', 'withinRegion', ['440000']), profile: { region: '440305' }, status: 'eligible' },
    { name: 'prefecture matches its first 4 digits', criteria: leaf('region', 'withinRegion', ['440300']), profile: { region: '440106' }, status: 'ineligible' },
    { name: 'county must match exactly', criteria: leaf('region', 'withinRegion', ['440305']), profile: { region: '440305' }, status: 'eligible' },
    { name: 'string ne', criteria: leaf('name', 'ne', 'x'), profile: { name: 'y' }, status: 'eligible' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(statusOf(c.criteria, c.profile, c.asOf).status).to.equal(c.status);
    });
  }

  it('lists missing facts only through unknown nodes, distinct, depth first', () => {
    const criteria: Criterion = {
      all: [
        { any: [leaf('a', 'eq', true), leaf('staff', 'gte', 10)] }, // unknown: asks a, staff
        { any: [leaf('size', 'eq', 'small'), leaf('b', 'eq', true)] }, // passes via size: asks nothing
        leaf('revenue', 'gt', 0), // don't know: not asked
        leaf('a', 'eq', true), // a again: listed once
        leaf('founded', 'lt', '2030-01-01'),
      ],
    };
    const r = statusOf(criteria, { size: 'small', revenue: null });
    expect(r.status).to.equal('undetermined');
    expect(r.missingFacts).to.deep.equal(['a', 'staff', 'founded']);
  });

  it('a decided program asks nothing', () => {
    const r = statusOf({ all: [leaf('a', 'eq', true), leaf('b', 'eq', true)] }, { a: false });
    expect(r.missingFacts).to.deep.equal([]);
  });

  it('orders results eligible, undetermined, ineligible, then by catalog order; next questions by count then declaration', () => {
    const compiled = compileCatalog(catalogOf(
      program('p1', leaf('a', 'eq', true)),
      program('p2', leaf('b', 'eq', true)),
      program('p3', { all: [leaf('staff', 'gt', 1), leaf('revenue', 'gt', 1)] }),
      program('p4', leaf('revenue', 'gt', 5)),
      program('p5', leaf('b', 'eq', false)),
      program('p6', leaf('size', 'eq', 'small')),
    ));
    const r = checkEligibility(compiled, { a: false, b: true, size: 'small' }, { asOf: '2025-01-01' });
    expect(r.results.map((x) => `${x.programId}:${x.status}`)).to.deep.equal([
      'p2:eligible', 'p6:eligible', 'p3:undetermined', 'p4:undetermined', 'p1:ineligible', 'p5:ineligible',
    ]);
    expect(r.nextQuestions).to.deep.equal(['revenue', 'staff']);
    expect(r.catalogVersion).to.equal('t1');
  });

  it('leaves out programs not in force on asOf (bounds inclusive)', () => {
    const compiled = compileCatalog(catalogOf(
      program('old', { all: [] }, { validUntil: '2024-12-31' }),
      program('edge', { all: [] }, { validFrom: '2025-01-01', validUntil: '2025-01-01' }),
      program('future', { all: [] }, { validFrom: '2025-01-02' }),
    ));
    expect(checkEligibility(compiled, {}, { asOf: '2025-01-01' }).results.map((r) => r.programId)).to.deep.equal(['edge']);
  });

  it('traces each leaf with its expected and actual value', () => {
    const r = statusOf({ all: [{ id: 'g', label: L('门槛'), fact: 'staff', op: 'gte', value: 10 }, leaf('a', 'eq', true)] }, { staff: 3, a: null });
    expect(r.trace.children![0]).to.include({ status: 'fail', id: 'g', fact: 'staff', op: 'gte', expected: 10, actual: 3 });
    expect(r.trace.children![1]).to.include({ status: 'unknown', actual: null });
  });

  it('refuses a profile that does not fit, naming each fact', () => {
    const compiled = compileCatalog(catalogOf(program('p', { all: [] })));
    try {
      checkEligibility(compiled, { staff: 1.5, size: 'huge', certs: ['x', 'x'], founded: '2025-02-29', region: '4403', ghost: 1, revenue: -1 }, { asOf: '2025-01-01' });
      expect.fail('should have thrown');
    } catch (error) {
      expect(error).to.be.instanceOf(EngineError);
      expect((error as EngineError).issues.map((i) => i.path.join('.')).sort()).to.deep.equal([
        'profile.certs', 'profile.founded', 'profile.ghost', 'profile.region', 'profile.revenue', 'profile.size', 'profile.staff',
      ]);
    }
  });

  it('refuses unknown program ids with not-found', () => {
    const compiled = compileCatalog(catalogOf(program('p', { all: [] })));
    expect(() => checkEligibility(compiled, {}, { asOf: '2025-01-01', programIds: ['p', 'nope'] })).to.throw(EngineError, /nope/);
  });
});

describe('catalog load errors name the place', () => {
  const bad = (criteria: Criterion, extra: object = {}) => () => compileCatalog(catalogOf(program('p', criteria, extra)));
  it('an undeclared fact', () => expect(bad(leaf('ghost', 'eq', 1))).to.throw(/programs\.0\.criteria\.fact: fact "ghost" is not declared/));
  it('an operator that does not fit the type', () => expect(bad({ all: [leaf('staff', 'includesAny', [1])] })).to.throw(/programs\.0\.criteria\.all\.0\.op: operator "includesAny" does not fit fact "staff"/));
  it('a value of the wrong type', () => expect(bad(leaf('size', 'eq', 'medium'))).to.throw(/programs\.0\.criteria\.value/));
  it('between with min above max', () => expect(bad(leaf('revenue', 'between', [5, 1]))).to.throw(/min <= max/));
  it('a duplicate program id', () => expect(() => compileCatalog(catalogOf(program('p', { all: [] }), program('p', { all: [] })))).to.throw(/programs\.1\.id: duplicate program id/));
  it('a duplicate criterion id within a program', () => expect(bad({ all: [{ id: 'x', all: [] }, { id: 'x', any: [] }] })).to.throw(/duplicate criterion id "x"/));
  it('an empty date window', () => expect(bad({ all: [] }, { validFrom: '2025-02-01', validUntil: '2025-01-01' })).to.throw(/programs\.0\.validUntil/));
});
