// The engine's one dispatch (service.ts) at the points where it passes something on: the `asOf` a batch is
// evaluated on (given, or today by the caller's clock), the place names a directory search is given, and the
// errors the engine raises (catalog refusal kind, an EngineError without issues). Expectations are worked by hand
// from the contract (a program's validity window decides whether it is in a report at all).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Catalog, Incubator } from '../../src/contract/index.js';
import { createService } from '../../src/engine/service.js';
import { quoteBond } from '../../src/engine/financing/bond.js';
import { assertCatalog, catalogIssues } from '../../src/engine/eligibility/catalog.js';
import { EngineError } from '../../src/engine/errors.js';
import { label, windowedCatalog } from './windowed-catalog.js';

const catalog = windowedCatalog('svc');
const suzhou: Incubator = { id: 'inc-1', name: { 'zh-CN': '甲孵化器' }, kind: 'incubator', level: 'national', lon: 120.6, lat: 31.3, adcode: '320505', industries: [] } as unknown as Incubator;
const base = { catalog, referenceRates: { lpr: [{ date: '2025-01-20', oneYear: 0.031, fiveYear: 0.036 }] }, incubators: [suzhou], provinceNames: {} };
// The clock says 2026-03-01 in China; "today" is the default asOf.
const clock = () => new Date('2026-03-01T04:00:00Z');

describe('service dispatch', () => {
  it('evaluates a batch on the asOf given, and on today by the clock when none is given', () => {
    const service = createService(base, clock);
    const ids = (reports: { results: { programId: string }[] }[]) => reports.map((r) => r.results.map((x) => x.programId));
    assert.deepEqual(ids(service.eligibilityMany([{ a: true }, {}], { asOf: '2025-06-01' })), [['old'], ['old']]);
    assert.deepEqual(ids(service.eligibilityMany([{ a: true }], {})), [['new']]);
    assert.deepEqual(service.eligibilityMany([{ a: true }], { asOf: '2025-06-01', programIds: ['new'] }).map((r) => r.results.length), [0]);
    assert.equal(service.eligibilityMany([{ a: true }], { asOf: '2025-06-01' })[0]!.asOf, '2025-06-01');
  });

  it('gives directory search the place names it was started with', () => {
    const search = { pinyin: '', places: { '320500': ['苏州市', '蘇州市', 'Suzhou'] } };
    const withPlaces = createService({ ...base, search }, clock);
    assert.deepEqual(withPlaces.incubators({ q: 'suzhou' }).items.map((i) => i.id), ['inc-1']);
    // Asked twice: the same directory answers.
    assert.equal(withPlaces.incubators({ q: 'suzhou' }).total, 1);
    const without = createService(base, clock);
    assert.equal(without.incubators({ q: 'suzhou' }).total, 0);
    assert.equal(without.incubators({ q: '甲孵化器' }).total, 1);
  });
});

describe('service dispatch: every operation answers from its engine', () => {
  // Built inside each test, not when the file loads: Stryker switches a mutant on per test, and a service built
  // before that would hold the unmutated code.
  const make = () => createService({ ...base, provinceNames: { '320000': { 'zh-CN': '江苏省' }, '110000': { 'zh-CN': '北京市' } }, referenceRates: { lpr: [{ date: '2024-01-22', oneYear: 0.0345, fiveYear: 0.042 }, { date: '2025-01-20', oneYear: 0.031, fiveYear: 0.036 }], checkedOn: '2025-02-01' } }, clock);

  it('reference rates: newest first, with the date they were checked', () => {
    const service = make();
    const rates = service.referenceRates();
    assert.deepEqual(rates.lpr.map((f) => f.date), ['2025-01-20', '2024-01-22']);
    assert.equal(rates.checkedOn, '2025-02-01');
    assert.equal('checkedOn' in createService(base, clock).referenceRates(), false);
  });

  it('a bond quote is the bond engine\'s', () => {
    const service = make();
    const request = { faceValue: 100_000_000, couponRate: 0.025, termYears: 3, couponsPerYear: 2, issuePrice: 99.5, upfrontCostRate: 0.003, annualCostRate: 0.001, issueDate: '2025-06-30' } as never;
    assert.deepEqual(service.bondQuote(request), quoteBond(request));
    assert.equal(service.bondQuote(request).cashFlows.length, 7);
  });

  it('a screener evaluates one profile at a time on today by the clock', () => {
    const service = make();
    const screen = service.screener({});
    const report = screen({ a: true }, 0);
    assert.deepEqual(report.results.map((r) => [r.programId, r.status]), [['new', 'eligible']]);
    assert.equal(service.screener({ asOf: '2025-06-01' })({ a: false }, 0).results[0]!.programId, 'old');
  });

  it('one incubator by id, region statistics and the directory\'s preparation', async () => {
    const service = make();
    assert.equal(service.incubator('inc-1').id, 'inc-1');
    const stats = service.regionStats({});
    assert.deepEqual(stats.map((s) => [s.adcode, s.count]), [['110000', 0], ['320000', 1]]);
    const preparing = service.prepareDirectory({ zoom: 3 });
    assert.equal(typeof preparing?.then, 'function', 'a promise the server can await');
    await preparing;
    assert.equal(service.incubators({ zoom: 3 }).total, 1);
  });
});

describe('engine errors', () => {
  it('a refused catalog is invalid data, naming the first place', () => {
    const bad = { ...catalog, programs: [{ ...catalog.programs[0]!, criteria: { fact: 'zz', op: 'eq', value: true } }] } as Catalog;
    assert.throws(() => assertCatalog(bad), (e: unknown) => e instanceof EngineError && e.kind === 'invalid-data' && e.path === 'programs.0.criteria.fact' && e.issues.length === 1);
  });

  it('a fact range or a validity window with one open end is never in conflict; closed and reversed, it is', () => {
    const paths = (c: Catalog) => catalogIssues(c).map((i) => i.path.join('.'));
    const withFact = (def: object) => ({ ...catalog, facts: { ...catalog.facts, n: { type: 'number', label, ...def } } }) as Catalog;
    assert.deepEqual(paths(withFact({ max: -5 })), []);
    assert.deepEqual(paths(withFact({ min: 5 })), []);
    assert.deepEqual(paths(withFact({ min: 0, max: 0 })), []);
    assert.deepEqual(paths(withFact({ min: 1, max: 0 })), ['facts.n.min']);
    const withWindow = (w: object) => ({ ...catalog, programs: [{ ...catalog.programs[0]!, validUntil: undefined, ...w }] }) as Catalog;
    assert.deepEqual(paths(withWindow({ validUntil: '0001-01-01' })), []);
    assert.deepEqual(paths(withWindow({ validFrom: '9999-12-31' })), []);
    assert.deepEqual(paths(withWindow({ validFrom: '2025-01-01', validUntil: '2025-01-01' })), []);
    assert.deepEqual(paths(withWindow({ validFrom: '2025-01-02', validUntil: '2025-01-01' })), ['programs.0.validUntil']);
  });

  it('a region criterion names codes as text: a number that reads like a code is refused', () => {
    const withRegion = (value: unknown[]) => ({ ...catalog, facts: { ...catalog.facts, r: { type: 'region', label } }, programs: [{ ...catalog.programs[0]!, criteria: { fact: 'r', op: 'withinRegion', value } }] }) as Catalog;
    assert.deepEqual(catalogIssues(withRegion(['320000'])), []);
    assert.deepEqual(catalogIssues(withRegion([320000])).map((i) => i.path.join('.')), ['programs.0.criteria.value']);
  });

  it('an error raised without issues carries an empty list', () => {
    const e = new EngineError('not-found', 'no such incubator', 'id');
    assert.deepEqual(e.issues, []);
    assert.equal(e.name, 'EngineError');
  });
});
