// Paths to eligibility at the points where one candidate value decides the answer (CONTRACT.md, "Paths to
// eligibility (v2)"): the bound each operator names, dates a day either side, a region outside every target, a
// string no criterion names, sets past twelve options. Each expected path is worked out by hand from the contract and
// from the preference paths.ts documents ("the bound a criterion names first"); where neither pins a value, only
// validity is asserted.
import { expect } from 'chai';
import type { Catalog, Criterion, FactDef, Profile } from '../../src/contract/index.js';
import { compileCatalog, evaluateProfile } from '../../src/engine/eligibility/evaluate.js';

const AS_OF = '2026-06-15';

/** The paths of a one-program catalog over one fact (or several), for `profile`. */
function pathsFor(facts: Record<string, FactDef>, criteria: Criterion, profile: Profile = {}, count = 1) {
  const catalog: Catalog = { version: 't', facts, programs: [{ id: 'p', kind: 'loan', title: { 'zh-CN': 'p' }, sources: [{ title: { 'zh-CN': 's' } }], criteria }] };
  const result = evaluateProfile(compileCatalog(catalog), profile, { asOf: AS_OF, paths: count }).results[0]!;
  return result.paths!.map((p) => p.changes.map((c) => c.to));
}
const label = { 'zh-CN': 'x' };
const num: FactDef = { type: 'number', label, min: 0, max: 1000 };
const int: FactDef = { type: 'integer', label, min: 0, max: 1000 };
const date: FactDef = { type: 'date', label };
const one = (def: FactDef, op: string, value: unknown, profile: Profile = {}) => pathsFor({ f: def }, { fact: 'f', op, value } as Criterion, profile);

describe('paths at the bound each operator names', () => {
  it('numbers and integers: the bound itself where allowed, the next value where not', () => {
    expect(one(num, 'gte', 500)).to.deep.equal([[500]]);
    expect(one(num, 'lte', 500, { f: 900 })).to.deep.equal([[500]]);
    expect(one(num, 'eq', 321)).to.deep.equal([[321]]);
    expect(one(int, 'gt', 3)).to.deep.equal([[4]]);
    expect(one(int, 'lt', 3, { f: 9 })).to.deep.equal([[2]]);
    expect(one(int, 'between', [10, 20])).to.deep.equal([[10]]);
    expect(one(num, 'between', [10, 20], { f: 50 })).to.deep.equal([[10]]);
    const [[other]] = one(int, 'ne', 7, { f: 7 }) as [[number]];
    expect(Number.isInteger(other) && other !== 7 && other >= 0 && other <= 1000, String(other)).to.equal(true);
    // At the edge of the fact's own range: gt 999 within [0, 1000] is 1000; gt 1000 has no valid value.
    expect(one(int, 'gt', 999)).to.deep.equal([[1000]]);
    expect(one(int, 'gt', 1000)).to.deep.equal([]);
    expect(one(int, 'lt', 0, { f: 5 })).to.deep.equal([]);
    expect(one(int, 'lt', 1, { f: 5 })).to.deep.equal([[0]]);
  });

  it('a value strictly between two bounds the criteria name (and inside the fact range)', () => {
    // gt 10 and lt 12 on an integer: only 11 passes both.
    expect(pathsFor({ f: int }, { all: [{ fact: 'f', op: 'gt', value: 10 }, { fact: 'f', op: 'lt', value: 12 }] })).to.deep.equal([[11]]);
    // ne 10 and ne 11 and between 10..12: only 12.
    expect(pathsFor({ f: int }, { all: [{ fact: 'f', op: 'ne', value: 10 }, { fact: 'f', op: 'ne', value: 11 }, { fact: 'f', op: 'between', value: [10, 12] }] }, { f: 10 })).to.deep.equal([[12]]);
    // Numbers: gt 1 and lt 2 — no bound passes; the midpoint does.
    const [[between]] = pathsFor({ f: num }, { all: [{ fact: 'f', op: 'gt', value: 1 }, { fact: 'f', op: 'lt', value: 2 }] }) as [[number]];
    expect(between).to.be.greaterThan(1).and.lessThan(2);
    // A number fact without bounds of its own, and a criterion that only excludes: any other value.
    const free: FactDef = { type: 'number', label };
    const [[v]] = pathsFor({ f: free }, { fact: 'f', op: 'ne', value: 0 }, { f: 0 }) as [[number]];
    expect(v).to.not.equal(0);
  });

  it('dates: the day after for gt, the day before for lt, across month and year ends', () => {
    expect(one(date, 'gt', '2025-12-31')).to.deep.equal([['2026-01-01']]);
    expect(one(date, 'lt', '2025-03-01', { f: '2026-01-01' })).to.deep.equal([['2025-02-28']]);
    expect(one(date, 'lt', '2024-03-01', { f: '2026-01-01' })).to.deep.equal([['2024-02-29']]);
    expect(one(date, 'gte', '2025-07-01')).to.deep.equal([['2025-07-01']]);
    expect(one(date, 'lte', '2025-07-01', { f: '2026-01-01' })).to.deep.equal([['2025-07-01']]);
    expect(one(date, 'between', ['2025-01-01', '2025-01-31'])).to.deep.equal([['2025-01-01']]);
    // Only the day between two bounds: gt 2025-01-01 and lt 2025-01-03.
    expect(pathsFor({ f: date }, { all: [{ fact: 'f', op: 'gt', value: '2025-01-01' }, { fact: 'f', op: 'lt', value: '2025-01-03' }] })).to.deep.equal([['2025-01-02']]);
    // ne a date: the day before or after (valid either way), never the date itself.
    const [[d]] = one(date, 'ne', '2025-05-05', { f: '2025-05-05' }) as [[string]];
    expect(d).to.match(/^2025-05-0[46]$/);
  });

  it('dates by whole years since (birthday rule, asOf 2026-06-15)', () => {
    // At least 3 whole years: founded on or before 2023-06-15; the latest such date is the bound.
    expect(one(date, 'yearsSinceGte', 3, { f: '2025-01-01' })).to.deep.equal([['2023-06-15']]);
    // At most 2 whole years: founded after 2023-06-15 (3 years would be complete on 2026-06-15); the earliest is 2023-06-16.
    expect(one(date, 'yearsSinceLte', 2, { f: '2000-01-01' })).to.deep.equal([['2023-06-16']]);
    // Exactly 3 whole years: between the two.
    expect(pathsFor({ f: date }, { all: [{ fact: 'f', op: 'yearsSinceGte', value: 3 }, { fact: 'f', op: 'yearsSinceLte', value: 3 }] })).to.deep.equal([['2023-06-15']]);
  });
});

describe('paths at the edges of the calendar and of a fact range', () => {
  /** The paths of a one-fact program evaluated on another date. */
  const on = (asOf: string, def: FactDef, op: string, value: unknown, profile: Profile = {}) => {
    const catalog: Catalog = { version: 't', facts: { f: def }, programs: [{ id: 'p', kind: 'loan', title: { 'zh-CN': 'p' }, sources: [{ title: { 'zh-CN': 's' } }], criteria: { fact: 'f', op, value } as Criterion }] };
    return evaluateProfile(compileCatalog(catalog), profile, { asOf, paths: 1 }).results[0]!.paths!.map((p) => p.changes.map((c) => c.to));
  };

  it('years since a 29 February: the anniversary falls on 28 February in a common year, stays in a leap year', () => {
    // asOf 2024-02-29: 3 whole years need a date on or before 2021-02-28 (2021 has no 29 February).
    expect(on('2024-02-29', date, 'yearsSinceGte', 3, { f: '2023-01-01' })).to.deep.equal([['2021-02-28']]);
    // 4 years back is 2020, a leap year: 2020-02-29 itself.
    expect(on('2024-02-29', date, 'yearsSinceGte', 4, { f: '2023-01-01' })).to.deep.equal([['2020-02-29']]);
    // 1900 and 2100 are not leap years, 2000 is.
    expect(on('2000-02-29', date, 'yearsSinceGte', 100, { f: '2000-01-01' })).to.deep.equal([['1900-02-28']]);
    expect(on('2000-02-29', date, 'yearsSinceGte', 400, { f: '2000-01-01' })).to.deep.equal([['1600-02-29']]);
    // At most 3 years since, on 29 February 2024: the earliest date is the day after 2020-02-29.
    expect(on('2024-02-29', date, 'yearsSinceLte', 3, { f: '2000-01-01' })).to.deep.equal([['2020-03-01']]);
  });

  it('no date past year 9999 or before year 1', () => {
    expect(on('2026-01-01', date, 'gt', '9999-12-31')).to.deep.equal([]);
    expect(on('2026-01-01', date, 'lt', '0001-01-01', { f: '2026-01-01' })).to.deep.equal([]);
    expect(on('2026-01-01', date, 'gt', '9999-12-30')).to.deep.equal([['9999-12-31']]);
    // Years 0001–0099 are not 1900–1999 (Date.UTC's two-digit-year rule once lost this path).
    expect(on('2026-01-01', date, 'lt', '0001-01-02', { f: '2026-01-01' })).to.deep.equal([['0001-01-01']]);
    expect(on('2026-01-01', date, 'gt', '0099-12-31', { f: '0001-01-01' })).to.deep.equal([['0100-01-01']]);
    expect(on('2026-01-01', date, 'yearsSinceGte', 2026, { f: '2026-01-01' })).to.deep.equal([]);
    expect(on('2026-01-01', date, 'yearsSinceGte', 2025, { f: '2026-01-01' })).to.deep.equal([['0001-01-01']]);
  });

  it('integers inside a fractional range, numbers at a bound of the fact itself', () => {
    const halfInt: FactDef = { type: 'integer', label, min: 0.5, max: 9.5 };
    // ne 5 needs another integer; the fact's own bounds round inwards (1 and 9).
    const [[v]] = one(halfInt, 'ne', 5, { f: 5 }) as [[number]];
    expect(Number.isInteger(v) && v >= 1 && v <= 9 && v !== 5, String(v)).to.equal(true);
    // lte 0 is impossible in [0.5, 9.5]; gte 9 is 9.
    expect(one(halfInt, 'lte', 0, { f: 5 })).to.deep.equal([]);
    expect(one(halfInt, 'gte', 9, { f: 5 })).to.deep.equal([[9]]);
    // A number that must stay below every bound the criteria name and above the fact's minimum.
    expect(pathsFor({ f: num }, { all: [{ fact: 'f', op: 'lt', value: 1 }, { fact: 'f', op: 'ne', value: 0 }] }, { f: 50 }).map(([x]) => (x as number) > 0 && (x as number) < 1)).to.deep.equal([true]);
  });
});

describe('paths over regions, strings and sets', () => {
  const region: FactDef = { type: 'region', label };
  const PROVINCES = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'];

  it('outside every target: a valid code of a province no target names, however many are named', () => {
    for (let named = 0; named < PROVINCES.length; named++) {
      const targets = PROVINCES.slice(0, named).map((p) => `${p}0000`);
      const paths = pathsFor({ r: region }, { not: { fact: 'r', op: 'withinRegion', value: targets.length ? targets : ['110000'] } });
      expect(paths, `${named} named`).to.have.length(1);
      const code = paths[0]![0] as string;
      expect(code, `${named} named`).to.match(/^\d{6}$/);
      expect(code.slice(0, 2), `${named} named`).to.be.oneOf(PROVINCES);
      expect(targets.some((t) => t.slice(0, 2) === code.slice(0, 2)), code).to.equal(false);
    }
  });

  it('inside a prefecture or a county: the target itself, or its prefecture', () => {
    expect(pathsFor({ r: region }, { fact: 'r', op: 'withinRegion', value: ['320500'] })).to.deep.equal([['320500']]);
    expect(pathsFor({ r: region }, { fact: 'r', op: 'withinRegion', value: ['320505'] })).to.deep.equal([['320505']]);
    // In Jiangsu but not in Suzhou: a Jiangsu code outside 3205.
    const [[code]] = pathsFor({ r: region }, { all: [{ fact: 'r', op: 'withinRegion', value: ['320000'] }, { not: { fact: 'r', op: 'withinRegion', value: ['320500'] } }] }) as [[string]];
    expect(code.slice(0, 2)).to.equal('32');
    expect(code.slice(0, 4)).to.not.equal('3205');
  });

  it('strings: a value no criterion names, even when "other" is one of them', () => {
    const text: FactDef = { type: 'string', label };
    expect(pathsFor({ s: text }, { fact: 's', op: 'ne', value: 'a' }, { s: 'a' })).to.deep.equal([['other']]);
    expect(pathsFor({ s: text }, { fact: 's', op: 'notIn', value: ['a', 'other', 'other-1'] }, { s: 'a' })).to.deep.equal([['other-2']]);
    expect(pathsFor({ s: text }, { fact: 's', op: 'in', value: ['x', 'y'] }, { s: 'a' })).to.deep.equal([['x']]);
  });

  it('sets of more than twelve options: every option a criterion needs, and none it forbids', () => {
    const options = Array.from({ length: 14 }, (_, i) => ({ value: `o${i}`, label }));
    const set: FactDef = { type: 'enum-set', label, options };
    const all = options.map((o) => o.value);
    expect(pathsFor({ s: set }, { fact: 's', op: 'includesAll', value: all }, { s: [] })).to.deep.equal([[all]]);
    expect(pathsFor({ s: set }, { fact: 's', op: 'excludesAll', value: all }, { s: all })).to.deep.equal([[[]]]);
    // Two flips: add o3 and drop o9 (the rest unchanged).
    const have = all.filter((o) => o !== 'o3');
    expect(pathsFor({ s: set }, { all: [{ fact: 's', op: 'includesAll', value: ['o3'] }, { fact: 's', op: 'excludesAll', value: ['o9'] }, { fact: 's', op: 'includesAny', value: all }] }, { s: have }))
      .to.deep.equal([[all.filter((o) => o !== 'o9')]]);
    // One flip of many: add o13 to an empty set.
    expect(pathsFor({ s: set }, { all: [{ fact: 's', op: 'includesAny', value: ['o13'] }, { fact: 's', op: 'excludesAll', value: all.slice(0, 13) }] }, { s: [] })).to.deep.equal([[['o13']]]);
  });
});
