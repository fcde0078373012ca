// Catalog validation, message by message: a catalog author reads these (`chanrong catalog check`), so each problem
// must say what is wrong, where, in words. Every expected issue is written from the rule it states.
import { expect } from 'chai';
import type { Catalog } from '../../src/contract/index.js';
import { assertCatalog, catalogIssues } from '../../src/engine/eligibility/catalog.js';
import { EngineError } from '../../src/engine/errors.js';

const label = { 'zh-CN': 'x' };
const opts = (...values: string[]) => values.map((value) => ({ value, label }));
const program = (id: string, criteria: object, extra: object = {}) => ({ id, kind: 'loan', title: label, sources: [{ title: label }], criteria, ...extra });
const issues = (catalog: object) => catalogIssues(catalog as Catalog).map((i) => [i.path.join('.'), i.message]);

describe('catalog validation, message by message', () => {
  it('facts: reserved names, options where needed or not allowed, duplicates, min above max', () => {
    expect(issues({ version: 'v', programs: [], facts: {
      constructor: { type: 'boolean', label },
      e: { type: 'enum', label },
      s: { type: 'enum-set', label, options: [] },
      b: { type: 'boolean', label, options: opts('a') },
      d: { type: 'enum', label, options: opts('a', 'b', 'a') },
      n: { type: 'number', label, min: 5, max: 4 },
      ok: { type: 'number', label, min: 4, max: 4 },
      half: { type: 'number', label, max: 4 },
    } })).to.deep.equal([
      ['facts.constructor', '"constructor" is reserved and cannot name a fact'],
      ['facts.e.options', 'a fact of type enum needs options'],
      ['facts.s.options', 'a fact of type enum-set needs options'],
      ['facts.b.options', 'a fact of type boolean takes no options'],
      ['facts.d.options.2.value', 'duplicate option "a"'],
      ['facts.n.min', 'min is greater than max'],
    ]);
  });

  it('programs and criteria: duplicate ids, an empty window, undeclared facts, operators and values that do not fit', () => {
    const facts = {
      n: { type: 'number', label }, i: { type: 'integer', label }, d: { type: 'date', label }, s: { type: 'string', label },
      e: { type: 'enum', label, options: opts('a', 'b') }, r: { type: 'region', label }, t: { type: 'enum-set', label, options: opts('x') },
    };
    expect(issues({ version: 'v', facts, programs: [
      program('p', { all: [{ id: 'k', fact: 'n', op: 'gte', value: 1 }, { not: { id: 'k', fact: 'zz', op: 'eq', value: 1 } }] }, { validFrom: '2026-02-01', validUntil: '2026-01-31' }),
      program('p', { any: [
        { fact: 'n', op: 'includesAny', value: [1] },
        { fact: 'n', op: 'between', value: [2, 1] },
        { fact: 'd', op: 'between', value: ['2026-01-01'] },
        { fact: 'd', op: 'yearsSinceGte', value: 1.5 },
        { fact: 'd', op: 'yearsSinceLte', value: -1 },
        { fact: 'e', op: 'in', value: [] },
        { fact: 'e', op: 'in', value: ['a', 'c'] },
        { fact: 'e', op: 'eq', value: ['a'] },
        { fact: 'e', op: 'eq', value: 'c' },
        { fact: 'r', op: 'withinRegion', value: ['11000'] },
        { fact: 'i', op: 'eq', value: 1.5 },
        { fact: 's', op: 'eq', value: 3 },
        { fact: 'n', op: 'eq', value: Infinity },
      ] }),
    ] })).to.deep.equal([
      ['programs.0.validUntil', 'validUntil 2026-01-31 is before validFrom 2026-02-01'],
      ['programs.0.criteria.all.1.not.id', 'duplicate criterion id "k" in program "p"'],
      ['programs.0.criteria.all.1.not.fact', 'fact "zz" is not declared in the catalog\'s facts'],
      ['programs.1.id', 'duplicate program id "p"'],
      ['programs.1.criteria.any.0.op', 'operator "includesAny" does not fit fact "n" of type number (allowed: eq, ne, lt, lte, gt, gte, between)'],
      ['programs.1.criteria.any.1.value', 'n between: "between" takes [min, max] with min <= max'],
      ['programs.1.criteria.any.2.value', 'd between: "between" takes [min, max] of the fact\'s type (date)'],
      ['programs.1.criteria.any.3.value', 'd yearsSinceGte: "yearsSinceGte" takes a whole number of years'],
      ['programs.1.criteria.any.4.value', 'd yearsSinceLte: "yearsSinceLte" takes a whole number of years'],
      ['programs.1.criteria.any.5.value', 'e in: "in" takes a non-empty array'],
      ['programs.1.criteria.any.6.value', 'e in: every value of "in" must fit the fact\'s type (enum: one of a, b)'],
      ['programs.1.criteria.any.7.value', 'e eq: "eq" takes a single value'],
      ['programs.1.criteria.any.8.value', 'e eq: the value must fit the fact\'s type (enum: one of a, b)'],
      ['programs.1.criteria.any.9.value', 'r withinRegion: every value of "withinRegion" must fit the fact\'s type (region)'],
      ['programs.1.criteria.any.10.value', 'i eq: the value must fit the fact\'s type (integer)'],
      ['programs.1.criteria.any.11.value', 's eq: the value must fit the fact\'s type (string)'],
      ['programs.1.criteria.any.12.value', 'n eq: the value must fit the fact\'s type (number)'],
    ]);
  });

  it('values that do fit pass: zero years, equal bounds, a county code, a date', () => {
    expect(issues({ version: 'v', facts: { d: { type: 'date', label }, n: { type: 'integer', label }, r: { type: 'region', label } }, programs: [
      program('ok', { all: [
        { fact: 'd', op: 'yearsSinceGte', value: 0 }, { fact: 'n', op: 'between', value: [3, 3] },
        { fact: 'r', op: 'withinRegion', value: ['110101'] }, { fact: 'd', op: 'lt', value: '2026-01-01' },
      ] }),
    ] })).to.deep.equal([]);
  });

  it('refuses the catalog with every problem in one message, blaming the first place', () => {
    const bad = { version: 'v', facts: { e: { type: 'enum', label } }, programs: [program('p', { fact: 'zz', op: 'eq', value: 1 })] };
    try {
      assertCatalog(bad as unknown as Catalog);
      expect.fail('refused');
    } catch (e) {
      expect(e).to.be.instanceOf(EngineError);
      const error = e as EngineError;
      expect(error.message).to.equal('invalid catalog: facts.e.options: a fact of type enum needs options; programs.0.criteria.fact: fact "zz" is not declared in the catalog\'s facts');
      expect(error.path).to.equal('facts.e.options');
      expect(error.issues).to.have.length(2);
      expect(error.issues[0]).to.deep.equal({ code: 'custom', path: ['facts', 'e', 'options'], message: 'a fact of type enum needs options' });
    }
  });
});
