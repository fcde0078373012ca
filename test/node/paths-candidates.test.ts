// The candidate values a path search tries for one fact (paths.ts `candidateValues`) against an independent
// enumeration: for random leaves on a fact of every type, a dense test domain is evaluated with the contract's
// semantics (random-catalog.ts `oracleStatus`, which shares no code with the engine) and every vector of leaf
// truths the domain reaches must be reached by exactly one candidate, or be the current answer's own; every
// candidate must be a value the FactDef accepts. A missing candidate is a path the engine cannot find; an
// invalid one is a path nobody can follow.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { FactDef, FactValue, Leaf } from '../../src/contract/index.js';
import { candidateValues, compilePathProgram } from '../../src/engine/eligibility/paths.js';
import { oracleStatus } from './random-catalog.js';

const label = { 'zh-CN': 'x' };
const holds = (leaf: Leaf, v: unknown, asOf: string) => oracleStatus(leaf, { f: v as FactValue }, asOf) === 'pass';
const vectorOf = (leaves: Leaf[], v: unknown, asOf: string) => leaves.map((l) => (holds(l, v, asOf) ? '1' : '0')).join('');

/** Days from `date` (proleptic Gregorian, years 1..9999), by hand-rolled civil arithmetic, not the engine's. */
function shift(date: string, days: number): string | undefined {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  if (Number.isNaN(t)) return undefined;
  const s = new Date(t).toISOString();
  return /^\d{4}-/.test(s) ? s.slice(0, 10) : undefined;
}

function isDate(v: unknown): boolean {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const [y, m, d] = v.split('-').map(Number) as [number, number, number];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= days!;
}

function fits(def: FactDef, v: unknown): boolean {
  const inRange = (x: number) => (def.min === undefined || x >= def.min) && (def.max === undefined || x <= def.max);
  switch (def.type) {
    case 'boolean': return typeof v === 'boolean';
    case 'integer': return Number.isInteger(v) && inRange(v as number);
    case 'number': return typeof v === 'number' && Number.isFinite(v) && inRange(v);
    case 'string': return typeof v === 'string';
    case 'enum': return def.options!.some((o) => o.value === v);
    case 'enum-set': return Array.isArray(v) && v.every((x) => def.options!.some((o) => o.value === x)) && new Set(v).size === v.length;
    case 'date': return isDate(v);
    case 'region': return typeof v === 'string' && /^\d{6}$/.test(v);
  }
}

interface Case { def: FactDef; leaves: Leaf[]; domain: unknown[]; current: unknown; asOf: string }

/** The property: candidates ∪ {current} reach exactly the vectors the domain reaches, one candidate per vector. */
function check({ def, leaves, domain, current, asOf }: Case): void {
  const entry = compilePathProgram({ id: 'p', kind: 'loan', title: label, sources: [], criteria: { all: leaves } } as never, new Map([['f', 0]])).facts[0]!;
  const got = candidateValues(def, entry, current as FactValue | undefined, asOf);
  const why = `${def.type} ${JSON.stringify(def)} ${JSON.stringify(leaves)} current ${JSON.stringify(current)} asOf ${asOf} → ${JSON.stringify(got)}`;
  for (const v of got) assert.ok(fits(def, v), `invalid candidate ${JSON.stringify(v)}: ${why}`);
  const reachable = new Set(domain.filter((v) => fits(def, v)).map((v) => vectorOf(leaves, v, asOf)));
  const own = current === undefined || current === null ? undefined : vectorOf(leaves, current, asOf);
  const vectors = got.map((v) => vectorOf(leaves, v, asOf));
  assert.equal(new Set(vectors).size, vectors.length, `two candidates with the same leaf truths: ${why}`);
  if (own !== undefined) assert.ok(!vectors.includes(own), `a candidate changes nothing the program sees: ${why}`);
  const expected = [...reachable].filter((v) => v !== own).sort();
  assert.deepEqual([...vectors].sort(), expected, why);
}

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const leafList = (leaf: fc.Arbitrary<Leaf>) => fc.array(leaf, { minLength: 1, maxLength: 4 });

describe('path candidates reach every vector of leaf truths, with valid values', () => {
  it('integers, with and without bounds of the fact (fractional bounds round inwards)', () => {
    const op = pick(['eq', 'ne', 'lt', 'lte', 'gt', 'gte'] as const);
    const leaf = fc.oneof(
      fc.record({ fact: fc.constant('f'), op, value: fc.integer({ min: 0, max: 10 }) }),
      fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })).map(([a, b]) => ({ fact: 'f', op: 'between' as const, value: [Math.min(a, b), Math.max(a, b)] })),
    ) as fc.Arbitrary<Leaf>;
    fc.assert(fc.property(leafList(leaf), pick([undefined, 0, 2, 0.5, 10]), pick([undefined, 10, 8, 9.5, 2]), fc.option(fc.integer({ min: -3, max: 13 }), { nil: undefined }), (leaves, min, max, cur) => {
      if (min !== undefined && max !== undefined && min > max) return;
      const def: FactDef = { type: 'integer', label, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
      const domain = Array.from({ length: 17 }, (_, i) => i - 3);
      const current = cur !== undefined && fits(def, cur) ? cur : undefined;
      check({ def, leaves, domain, current, asOf: '2025-03-10' });
    }), { numRuns: 400, seed: 151 });
  });

  it('numbers: points between two bounds, and the fact range', () => {
    const c = pick([0, 0.5, 1, 2, 2.5, 4, 7]);
    const op = pick(['eq', 'ne', 'lt', 'lte', 'gt', 'gte'] as const);
    const leaf = fc.oneof(
      fc.record({ fact: fc.constant('f'), op, value: c }),
      fc.tuple(c, c).map(([a, b]) => ({ fact: 'f', op: 'between' as const, value: [Math.min(a, b), Math.max(a, b)] })),
    ) as fc.Arbitrary<Leaf>;
    const domain = Array.from({ length: 89 }, (_, i) => -2 + i / 8);
    fc.assert(fc.property(leafList(leaf), pick([undefined, 0, 0.25, 1.5]), pick([undefined, 7, 5, 4.75]), fc.option(pick(domain), { nil: undefined }), (leaves, min, max, cur) => {
      const def: FactDef = { type: 'number', label, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
      const current = cur !== undefined && fits(def, cur) ? cur : undefined;
      check({ def, leaves, domain, current, asOf: '2025-03-10' });
    }), { numRuns: 400, seed: 152 });
  });

  it('dates: a day either side of every bound, whole years since by the birthday rule, the ends of the calendar', () => {
    const DATES = ['2020-02-28', '2020-02-29', '2020-03-01', '2021-03-10', '2021-03-11', '2023-06-15', '2024-12-31', '2025-01-01', '0001-01-02', '9999-12-30'];
    const d = pick(DATES);
    const op = pick(['eq', 'ne', 'lt', 'lte', 'gt', 'gte'] as const);
    const leaf = fc.oneof(
      fc.record({ fact: fc.constant('f'), op, value: d }),
      fc.tuple(d, d).map(([a, b]) => ({ fact: 'f', op: 'between' as const, value: a < b ? [a, b] : [b, a] })),
      fc.record({ fact: fc.constant('f'), op: pick(['yearsSinceLte', 'yearsSinceGte'] as const), value: pick([0, 1, 2, 4, 5, 2024, 3000]) }),
    ) as fc.Arbitrary<Leaf>;
    fc.assert(fc.property(leafList(leaf), pick(['2025-03-10', '2024-02-29', '2025-02-28', '2026-01-01']), fc.option(pick([...DATES, '2019-05-05', null]), { nil: undefined }), (leaves, asOf, current) => {
      // Every day within 3 days of a bound a leaf names, or of the birthday edge n years before asOf, and the
      // first and last days of the calendar: between two bounds there is always such a day.
      const around = new Set<string>(['0001-01-01', '0001-01-02', '9999-12-31', '9999-12-30', asOf]);
      const edges: string[] = [];
      for (const l of leaves) {
        if (l.op === 'yearsSinceLte' || l.op === 'yearsSinceGte') {
          for (const n of [l.value as number, (l.value as number) + 1]) {
            const y = Number(asOf.slice(0, 4)) - n;
            if (y >= 1) edges.push(`${String(y).padStart(4, '0')}-${asOf.slice(5) === '02-29' ? '02-28' : asOf.slice(5)}`);
          }
        } else edges.push(...(Array.isArray(l.value) ? (l.value as string[]) : [l.value as string]));
      }
      for (const e of edges) for (let k = -3; k <= 3; k++) { const s = shift(e, k); if (s) around.add(s); }
      check({ def: { type: 'date', label }, leaves, domain: [...around], current, asOf });
    }), { numRuns: 400, seed: 153 });
  });

  it('regions: each target, its prefecture and province, and a province no target names', () => {
    const TARGETS = ['320000', '320100', '320102', '321000', '110000', '110101', '440305', '650000'];
    const PROVINCES = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82'];
    const leaf = fc.record({ fact: fc.constant('f'), op: fc.constant('withinRegion' as const), value: fc.uniqueArray(pick(TARGETS), { minLength: 1, maxLength: 3 }) }) as fc.Arbitrary<Leaf>;
    fc.assert(fc.property(leafList(leaf), fc.option(pick(['320102', '320199', '329999', '110000', '500000', null]), { nil: undefined }), (leaves, current) => {
      const domain = new Set<string>(PROVINCES.map((p) => `${p}0000`));
      for (const t of TARGETS) for (const c of [t, `${t.slice(0, 4)}00`, `${t.slice(0, 4)}99`, `${t.slice(0, 2)}9999`]) domain.add(c);
      check({ def: { type: 'region', label }, leaves, domain: [...domain], current, asOf: '2025-03-10' });
    }), { numRuns: 300, seed: 154 });
  });

  it('strings, enums and booleans: each value a criterion names, and one it does not', () => {
    const S = ['a', 'b', 'other', 'other-1'];
    const sLeaf = fc.oneof(
      fc.record({ fact: fc.constant('f'), op: pick(['eq', 'ne'] as const), value: pick(S) }),
      fc.record({ fact: fc.constant('f'), op: pick(['in', 'notIn'] as const), value: fc.uniqueArray(pick(S), { minLength: 1, maxLength: 3 }) }),
    ) as fc.Arbitrary<Leaf>;
    fc.assert(fc.property(leafList(sLeaf), fc.option(pick([...S, 'zz', null]), { nil: undefined }), (leaves, current) => {
      check({ def: { type: 'string', label }, leaves, domain: [...S, 'zz', 'other-2'], current, asOf: '2025-03-10' });
    }), { numRuns: 200, seed: 155 });
    const E = ['a', 'b', 'c', 'd'];
    const enumDef: FactDef = { type: 'enum', label, options: E.map((value) => ({ value, label })) };
    const eLeaf = fc.oneof(
      fc.record({ fact: fc.constant('f'), op: pick(['eq', 'ne'] as const), value: pick(E) }),
      fc.record({ fact: fc.constant('f'), op: pick(['in', 'notIn'] as const), value: fc.uniqueArray(pick(E), { minLength: 1, maxLength: 3 }) }),
    ) as fc.Arbitrary<Leaf>;
    fc.assert(fc.property(leafList(eLeaf), fc.option(pick([...E, null]), { nil: undefined }), (leaves, current) => {
      check({ def: enumDef, leaves, domain: E, current, asOf: '2025-03-10' });
    }), { numRuns: 200, seed: 156 });
    const bLeaf = fc.record({ fact: fc.constant('f'), op: pick(['eq', 'ne'] as const), value: fc.boolean() }) as fc.Arbitrary<Leaf>;
    fc.assert(fc.property(leafList(bLeaf), fc.option(pick([true, false, null]), { nil: undefined }), (leaves, current) => {
      check({ def: { type: 'boolean', label }, leaves, domain: [true, false], current, asOf: '2025-03-10' });
    }), { numRuns: 100, seed: 157 });
  });

  it('sets of up to twelve options: every combination of the options the criteria name', () => {
    const O = ['a', 'b', 'c', 'd', 'e'];
    const def: FactDef = { type: 'enum-set', label, options: O.map((value) => ({ value, label })) };
    const domain = Array.from({ length: 32 }, (_, m) => O.filter((_, i) => m & (1 << i)));
    const leaf = fc.record({ fact: fc.constant('f'), op: pick(['includesAny', 'includesAll', 'excludesAll'] as const), value: fc.uniqueArray(pick(O.slice(0, 4)), { minLength: 1, maxLength: 3 }) }) as fc.Arbitrary<Leaf>;
    fc.assert(fc.property(leafList(leaf), fc.option(fc.oneof(pick(domain), fc.constant(null)), { nil: undefined }), (leaves, current) => {
      check({ def, leaves, domain, current, asOf: '2025-03-10' });
    }), { numRuns: 300, seed: 158 });
  });

  it('a date fact whose every criterion counts more years than the calendar holds still has a value to try', () => {
    // yearsSinceLte 3000 holds for every date; yearsSinceGte 3000 for none: one vector, one candidate.
    check({ def: { type: 'date', label }, leaves: [{ fact: 'f', op: 'yearsSinceLte', value: 3000 }, { fact: 'f', op: 'yearsSinceGte', value: 3000 }], domain: ['0001-01-01', '2025-03-10', '9999-12-31'], current: undefined, asOf: '2025-03-10' });
  });
});
