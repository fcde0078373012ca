// Profile validation, issue by issue: each check of src/engine/eligibility/profile.ts at the value just inside and
// just outside what its FactDef allows, with the exact issue the localized messages (src/contract/messages.ts) read.
import { expect } from 'chai';
import type { Catalog, FactDef } from '../../src/contract/index.js';
import { compileFactChecks, profileIssues } from '../../src/engine/eligibility/profile.js';

const label = { 'zh-CN': 'x' };
const options = [{ value: 'a', label }, { value: 'b', label }];
const facts: Record<string, FactDef> = {
  flag: { type: 'boolean', label },
  amount: { type: 'number', label, min: 0, max: 100 },
  staff: { type: 'integer', label, min: 1, max: 10 },
  name: { type: 'string', label },
  kind: { type: 'enum', label, options },
  tags: { type: 'enum-set', label, options },
  founded: { type: 'date', label },
  region: { type: 'region', label },
};
const checks = compileFactChecks({ version: 't', facts, programs: [] } as Catalog);
const issues = (profile: Record<string, unknown>) => profileIssues(checks, profile as never);

describe('profile validation, issue by issue', () => {
  it('accepts every value at the edge of what its fact allows, and null for any fact', () => {
    expect(issues({ flag: false, amount: 0, staff: 1, name: '', kind: 'b', tags: ['b', 'a'], founded: '2024-02-29', region: '650102' })).to.deep.equal([]);
    expect(issues({ amount: 100, staff: 10, tags: [], founded: '2025-12-31', region: '000000' })).to.deep.equal([]);
    expect(issues(Object.fromEntries(Object.keys(facts).map((f) => [f, null])))).to.deep.equal([]);
  });

  it('numbers: below the minimum, above the maximum, not finite, not whole', () => {
    expect(issues({ amount: -0.01 })).to.deep.equal([{ code: 'too_small', origin: 'number', minimum: 0, inclusive: true, path: ['profile', 'amount'] }]);
    expect(issues({ amount: 100.01 })).to.deep.equal([{ code: 'too_big', origin: 'number', maximum: 100, inclusive: true, path: ['profile', 'amount'] }]);
    expect(issues({ staff: 0 })).to.deep.equal([{ code: 'too_small', origin: 'number', minimum: 1, inclusive: true, path: ['profile', 'staff'] }]);
    expect(issues({ staff: 11 })).to.deep.equal([{ code: 'too_big', origin: 'number', maximum: 10, inclusive: true, path: ['profile', 'staff'] }]);
    expect(issues({ staff: 2.5 })).to.deep.equal([{ code: 'integer', path: ['profile', 'staff'] }]);
    expect(issues({ amount: Number.NaN })).to.deep.equal([{ code: 'invalid_type', expected: 'number', input: Number.NaN, path: ['profile', 'amount'] }]);
    expect(issues({ amount: Infinity })).to.deep.equal([{ code: 'invalid_type', expected: 'number', input: Infinity, path: ['profile', 'amount'] }]);
    expect(issues({ staff: '3' })).to.deep.equal([{ code: 'invalid_type', expected: 'number', input: '3', path: ['profile', 'staff'] }]);
  });

  it('booleans, strings, options and sets', () => {
    expect(issues({ flag: 'true' })).to.deep.equal([{ code: 'invalid_type', expected: 'boolean', input: 'true', path: ['profile', 'flag'] }]);
    expect(issues({ name: 5 })).to.deep.equal([{ code: 'invalid_type', expected: 'string', input: 5, path: ['profile', 'name'] }]);
    expect(issues({ kind: 1 })).to.deep.equal([{ code: 'invalid_type', expected: 'string', input: 1, path: ['profile', 'kind'] }]);
    expect(issues({ kind: 'c' })).to.deep.equal([{ code: 'invalid_value', values: ['a', 'b'], path: ['profile', 'kind'] }]);
    expect(issues({ tags: 'a' })).to.deep.equal([{ code: 'invalid_type', expected: 'array', input: 'a', path: ['profile', 'tags'] }]);
    expect(issues({ tags: ['a', 'c'] })).to.deep.equal([{ code: 'invalid_value', values: ['a', 'b'], path: ['profile', 'tags', 1] }]);
    expect(issues({ tags: ['a', 'b', 'a'] })).to.deep.equal([{ code: 'duplicate_option', path: ['profile', 'tags'] }]); // the set, not one entry
  });

  it('dates are calendar dates, regions six digits', () => {
    for (const bad of ['2025-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-01-00', '2024-1-01', 'x2024-01-01', '2024-01-01x', '20240101']) {
      expect(issues({ founded: bad }), bad).to.deep.equal([{ code: 'not_a_date', path: ['profile', 'founded'] }]);
    }
    expect(issues({ founded: 20240101 })).to.deep.equal([{ code: 'invalid_type', expected: 'string', input: 20240101, path: ['profile', 'founded'] }]);
    for (const bad of ['65010', '6501020', '65010a', ' 650102']) {
      expect(issues({ region: bad }), bad).to.deep.equal([{ code: 'not_an_adcode', path: ['profile', 'region'] }]);
    }
    expect(issues({ region: 650102 })).to.deep.equal([{ code: 'invalid_type', expected: 'string', input: 650102, path: ['profile', 'region'] }]);
  });

  it('an undeclared fact, under the prefix given, every problem in profile order', () => {
    expect(issues({ nope: 1 })).to.deep.equal([{ code: 'unknown_fact', path: ['profile', 'nope'] }]);
    expect(profileIssues(checks, { staff: 0, nope: true, kind: 'z' } as never, ['rows', 3])).to.deep.equal([
      { code: 'too_small', origin: 'number', minimum: 1, inclusive: true, path: ['rows', 3, 'staff'] },
      { code: 'unknown_fact', path: ['rows', 3, 'nope'] },
      { code: 'invalid_value', values: ['a', 'b'], path: ['rows', 3, 'kind'] },
    ]);
  });
});
