// Catalogs of 100 and 1,000 programs for benchmarks: the bundled programs repeated with their thresholds,
// option lists and regions varied per copy (so no two copies share every rule), and the floor: the same rules as
// straight-line JavaScript.
import type { Catalog, Criterion, Profile, Program } from '../src/contract/index.js';

/** Per-copy variation: a numeric shift and which share of each option list to keep. */
export interface Variation { k: number; shift: number; keep: number }

export function variationOf(k: number): Variation {
  return { k, shift: k % 7, keep: 1 - (k % 3) * 0.25 };
}

function vary(node: Criterion, v: Variation): Criterion {
  if ('all' in node) return { ...node, all: node.all.map((c) => vary(c, v)) };
  if ('any' in node) return { ...node, any: node.any.map((c) => vary(c, v)) };
  if ('not' in node) return { ...node, not: vary(node.not, v) };
  const leaf = { ...node };
  if (typeof leaf.value === 'number' && (leaf.op === 'gte' || leaf.op === 'gt' || leaf.op === 'lte' || leaf.op === 'lt')) {
    leaf.value = leaf.op.startsWith('g') ? leaf.value + v.shift : leaf.value + v.shift * 100;
  } else if (Array.isArray(leaf.value) && leaf.op !== 'between') {
    const list = leaf.value as string[];
    leaf.value = list.slice(0, Math.max(1, Math.ceil(list.length * v.keep)));
  } else if (leaf.op === 'yearsSinceLte') {
    leaf.value = (leaf.value as number) + (v.shift % 3);
  }
  return leaf;
}

export function scaledCatalog(base: Catalog, programs: number): Catalog {
  const out: Program[] = [];
  for (let k = 0; out.length < programs; k++) {
    for (const p of base.programs) {
      if (out.length >= programs) break;
      out.push(k === 0 ? p : { ...p, id: `${p.id}-v${k}`, criteria: vary(p.criteria, variationOf(k)) });
    }
  }
  return { ...base, version: `${base.version}×${programs}`, programs: out };
}

// ---- the floor: the same rules as straight-line JavaScript, the code a person would write by hand -----------
// (two-valued: every fact answered). Generated from the catalog so it follows the catalog as it changes; a
// benchmark script, so `new Function` is fine here (product code never evaluates code).

function yearsBefore(asOf: string, years: number): string {
  const y = Number(asOf.slice(0, 4)) - years;
  const md = asOf.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

function js(node: Criterion, asOf: string): string {
  if ('all' in node) return node.all.length ? `(${node.all.map((c) => js(c, asOf)).join(' && ')})` : 'true';
  if ('any' in node) return node.any.length ? `(${node.any.map((c) => js(c, asOf)).join(' || ')})` : 'false';
  if ('not' in node) return `!${js(node.not, asOf)}`;
  const f = `p[${JSON.stringify(node.fact)}]`;
  const v = node.value;
  const list = (Array.isArray(v) ? v : []) as (string | number)[];
  const q = (x: unknown) => JSON.stringify(x);
  switch (node.op) {
    case 'eq': return `${f} === ${q(v)}`;
    case 'ne': return `${f} !== ${q(v)}`;
    case 'lt': return `${f} < ${q(v)}`;
    case 'lte': return `${f} <= ${q(v)}`;
    case 'gt': return `${f} > ${q(v)}`;
    case 'gte': return `${f} >= ${q(v)}`;
    case 'between': return `(${f} >= ${q(list[0])} && ${f} <= ${q(list[1])})`;
    case 'in': return `(${list.map((x) => `${f} === ${q(x)}`).join(' || ')})`;
    case 'notIn': return `(${list.map((x) => `${f} !== ${q(x)}`).join(' && ')})`;
    case 'includesAny': return `(${list.map((x) => `${f}.includes(${q(x)})`).join(' || ')})`;
    case 'includesAll': return `(${list.map((x) => `${f}.includes(${q(x)})`).join(' && ')})`;
    case 'excludesAll': return `!(${list.map((x) => `${f}.includes(${q(x)})`).join(' || ')})`;
    case 'withinRegion': return `(${(list as string[]).map((t) => (t.endsWith('0000') ? `${f}.startsWith(${q(t.slice(0, 2))})` : t.endsWith('00') ? `${f}.startsWith(${q(t.slice(0, 4))})` : `${f} === ${q(t)}`)).join(' || ')})`;
    case 'yearsSinceGte': return `${f} <= ${q(yearsBefore(asOf, v as number))}`;
    case 'yearsSinceLte': return `${f} > ${q(yearsBefore(asOf, (v as number) + 1))}`;
  }
}

export interface FloorProgram { id: string; test: (p: Profile) => boolean }

/** One straight-line predicate per program in force. */
export function floorPrograms(catalog: Catalog, asOf: string, inForce: (p: Program) => boolean): FloorProgram[] {
  return catalog.programs.filter(inForce).map((p) => ({ id: p.id, test: new Function('p', `return ${js(p.criteria, asOf)};`) as (p: Profile) => boolean }));
}
