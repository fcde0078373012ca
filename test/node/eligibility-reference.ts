// A naive reference for whole eligibility reports, written from CONTRACT.md ("Semantics", the report and trace
// shapes): one recursive, eager evaluation per program, no compilation, no sharing, no laziness. It shares no code
// with src/engine (the leaf statuses come from random-catalog.ts's oracle). Used by eligibility-reports.test.ts
// and eligibility-large.test.ts.
import type { Catalog, Criterion, Profile, TraceNode } from '../../src/contract/index.js';
import { inForce, oracleStatus, prng, randomCatalog } from './random-catalog.js';

const STATUS = { pass: 'eligible', fail: 'ineligible', unknown: 'undetermined' } as const;

/** The trace of a criterion, eagerly: every child evaluated, `actual` absent when unanswered, null for "don't know". */
export function referenceTrace(c: Criterion, profile: Profile, asOf: string): TraceNode {
  const meta = { id: c.id, label: c.label, source: c.source };
  const status = oracleStatus(c, profile, asOf);
  if ('all' in c) return { status, ...meta, children: c.all.map((x) => referenceTrace(x, profile, asOf)) };
  if ('any' in c) return { status, ...meta, children: c.any.map((x) => referenceTrace(x, profile, asOf)) };
  if ('not' in c) return { status, ...meta, children: [referenceTrace(c.not, profile, asOf)] };
  const node: TraceNode = { status, ...meta, fact: c.fact, op: c.op, expected: c.value };
  if (Object.hasOwn(profile, c.fact)) node.actual = profile[c.fact];
  return node;
}

/** Unanswered facts of unknown leaves reached through unknown nodes only, distinct, depth first. */
export function referenceMissing(t: TraceNode, into: string[] = []): string[] {
  if (t.status !== 'unknown') return into;
  if (t.children) t.children.forEach((c) => referenceMissing(c, into));
  else if (t.fact !== undefined && !('actual' in t) && !into.includes(t.fact)) into.push(t.fact);
  return into;
}

export function referenceReport(catalog: Catalog, profile: Profile, asOf: string, detail: 'full' | 'status', programIds?: string[]): unknown {
  const results = catalog.programs.filter((p) => inForce(p, asOf) && (!programIds || programIds.includes(p.id))).map((p) => {
    const trace = referenceTrace(p.criteria, profile, asOf);
    const status = STATUS[trace.status];
    if (detail === 'status') return { programId: p.id, status, missingFacts: [], trace: { status: trace.status } };
    return { programId: p.id, status, missingFacts: status === 'undetermined' ? referenceMissing(trace) : [], trace };
  });
  const order = ['eligible', 'undetermined', 'ineligible'];
  results.sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status)); // stable: catalog order within a status
  const factOrder = Object.keys(catalog.facts);
  const counts = new Map<string, number>();
  for (const r of results) for (const f of r.missingFacts) counts.set(f, (counts.get(f) ?? 0) + 1);
  const nextQuestions = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || factOrder.indexOf(a) - factOrder.indexOf(b));
  return { asOf, catalogVersion: catalog.version, results, nextQuestions: detail === 'status' ? [] : nextQuestions };
}

/** A random catalog whose programs are repeated (so leaves are shared between programs) and carry node ids and labels. */
export function sharingCatalog(seed: number, programs = 1 + (seed % 4)): Catalog {
  const base = randomCatalog(seed, { facts: 3 + (seed % 5), programs });
  const r = prng(seed * 31);
  let n = 0;
  const decorate = (c: Criterion): Criterion => {
    const meta = r() < 0.3 ? { id: `n${n++}`, label: { 'zh-CN': `节点${n}`, en: `node ${n}` } } : {};
    if ('all' in c) return { ...meta, all: c.all.map(decorate) };
    if ('any' in c) return { ...meta, any: c.any.map(decorate) };
    if ('not' in c) return { ...meta, not: decorate(c.not) };
    return { ...meta, ...c };
  };
  const copies = base.programs.flatMap((p, i) => [p, { ...p, id: `${p.id}-copy`, criteria: decorate(p.criteria) }, ...(i % 2 ? [{ ...p, id: `${p.id}-again` }] : [])]);
  return { ...base, programs: copies };
}

