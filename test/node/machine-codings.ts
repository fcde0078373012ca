// A catalog of the answer codings the eligibility machine treats apart (option sets of 4, 14 and 40 options, enums
// of 6 and 20, named strings, bounded integers and numbers, dates, regions, yes/no), with option names that collide
// in its slot hash, random programs over it, and profiles with nulls, omissions, lists out of order and strings no
// rule names. Shared by the tests that hold the machine (both its closures and its generated code) against the
// engine it replaced.
import type { Catalog, Criterion, FactDef, Profile } from '../../src/contract/index.js';
import { prng } from './random-catalog.js';

const label = { 'zh-CN': 'x' };
/** Option names that collide in pairs: same length and first character ("ka0", "ka1", …, "kb0", …). */
const names = (n: number) => Array.from({ length: n }, (_, i) => `k${String.fromCharCode(97 + (i >> 1))}${i & 1}`);
const facts: Record<string, FactDef> = {
  wide: { type: 'enum-set', label, options: names(40).map((value) => ({ value, label })) },
  mid: { type: 'enum-set', label, options: names(14).map((value) => ({ value, label })) },
  small: { type: 'enum-set', label, options: names(4).map((value) => ({ value, label })) },
  long: { type: 'enum', label, options: names(20).map((value) => ({ value, label })) },
  short: { type: 'enum', label, options: names(6).map((value) => ({ value, label })) },
  word: { type: 'string', label },
  count: { type: 'integer', label, min: -3, max: 9 },
  ratio: { type: 'number', label, max: 4 },
  day: { type: 'date', label },
  where: { type: 'region', label },
  flag: { type: 'boolean', label },
};
const WORDS = ['', 'x', 'xy', 'x y', '词', 'xz'];

function leaf(r: () => number, fact: string): Criterion {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const some = <T>(xs: readonly T[]) => xs.filter(() => r() < 0.3).concat([pick(xs)]).filter((x, i, a) => a.indexOf(x) === i);
  const def = facts[fact]!;
  const opts = def.options?.map((o) => o.value) ?? [];
  switch (def.type) {
    case 'enum-set': return { fact, op: pick(['includesAny', 'includesAll', 'excludesAll'] as const), value: some(opts) };
    case 'enum': return r() < 0.5 ? { fact, op: pick(['eq', 'ne'] as const), value: pick(opts) } : { fact, op: pick(['in', 'notIn'] as const), value: some(opts) };
    case 'string': return r() < 0.5 ? { fact, op: pick(['eq', 'ne'] as const), value: pick(WORDS) } : { fact, op: pick(['in', 'notIn'] as const), value: some(WORDS) };
    case 'integer': return r() < 0.2 ? { fact, op: 'between', value: [-1, 5] } : { fact, op: pick(['eq', 'ne', 'lt', 'lte', 'gt', 'gte'] as const), value: pick([-2, 0, 3, 7]) };
    case 'number': return r() < 0.5 ? { fact, op: pick(['lt', 'gte'] as const), value: 1.5 } : { fact, op: 'between', value: [0.5, 2.5] };
    case 'date': {
      const x = r();
      if (x < 0.4) return { fact, op: pick(['yearsSinceLte', 'yearsSinceGte'] as const), value: pick([1, 3]) };
      return x < 0.7 ? { fact, op: pick(['lt', 'eq'] as const), value: '2023-05-01' } : { fact, op: 'between', value: ['2022-01-01', '2024-02-29'] };
    }
    case 'region': return { fact, op: 'withinRegion', value: some(['320000', '320100', '320102', '110000']) };
    default: return { fact, op: 'eq', value: r() < 0.5 };
  }
}

export function catalogOf(seed: number): Catalog {
  const r = prng(seed);
  const ids = Object.keys(facts);
  const node = (depth: number): Criterion => (depth === 0 || r() < 0.4 ? leaf(r, ids[Math.floor(r() * ids.length)]!) : { [r() < 0.5 ? 'all' : 'any']: Array.from({ length: 1 + Math.floor(r() * 3) }, () => node(depth - 1)) } as unknown as Criterion);
  const programs = Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, kind: 'subsidy' as const, title: label, sources: [{ title: label }], criteria: node(2) }));
  return { version: `m${seed}`, facts, programs };
}

function answer(r: () => number, def: FactDef): unknown {
  const opts = def.options?.map((o) => o.value) ?? [];
  const x = r();
  if (x < 0.08) return null;
  if (x < 0.16) return undefined;
  switch (def.type) {
    case 'enum-set': { const list = opts.filter(() => r() < 0.15); return r() < 0.3 ? list.reverse() : list; }
    case 'enum': return opts[Math.floor(r() * opts.length)];
    case 'string': return WORDS[Math.floor(r() * WORDS.length)] + (r() < 0.2 ? '!' : '');
    case 'integer': return Math.floor(r() * 13) - 3;
    case 'number': return Math.round(r() * 40) / 10;
    case 'date': return ['2021-02-28', '2023-05-01', '2024-02-29', '2025-03-10', '2025-03-11'][Math.floor(r() * 5)];
    case 'region': return ['320102', '320199', '321000', '110101', '440000'][Math.floor(r() * 5)];
    default: return r() < 0.5;
  }
}

export function profileOf(r: () => number): Profile {
  const p: Record<string, unknown> = {};
  for (const [fact, def] of Object.entries(facts)) { const v = answer(r, def); if (v !== undefined) p[fact] = v; }
  return p as Profile;
}

/** Answers each fact must refuse: repeated or unknown options, wrong types, out of range, impossible dates. */
export const BAD_ANSWERS: Record<string, unknown[]> = {
  wide: [['ka0', 'ka0'], ['ka0', 'kz9'], ['ka2'], 'ka0', [1]], mid: [['kg1', 'kg1'], ['kh0']], small: [['kb1', 'kb1'], ['kc0']],
  long: ['kj1', 'kk0', 'ka', 1], short: ['kd0', 'ka', ''], word: [1, null], count: [1.5, -4, 10, '1'], ratio: [-0.1, 4.1, NaN], day: ['2023-02-29', '2023-5-01'], where: ['32010', 'x20102'], flag: [0, 'true'],
};
