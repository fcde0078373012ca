// What the engine keeps across reports (traces and results shared per key) is copied here before it is kept.
// V8 decides per allocation site whether to allocate in its old generation: a site whose objects mostly survive
// is moved there ("pretenured"). The builders' sites make mostly short-lived nodes, one report's worth; if the few
// they made that are kept for good counted as theirs, V8 would pretenure the builders, and every short-lived node
// after would be allocated and collected as if it were long-lived: in a warmed process, full reports of 1,000
// programs took twice as long (bench/eligibility.ts; `node --no-allocation-site-pretenuring` showed the same).
// Copies made here come from sites of their own, which make kept objects only. They are written key by key, in
// the builders' order (machine.ts), so a copy has the shape of what it copies.
import type { ProgramResult, TraceNode } from '../../contract/index.js';

/** A frozen copy of `node`, with its children kept too; a node already frozen is already kept, and is returned. */
export function keptTrace(node: TraceNode): TraceNode {
  if (Object.isFrozen(node)) return node;
  const { status, id, label, source, children } = node;
  if (children) return Object.freeze({ status, id, label, source, children: Object.freeze(children.map(keptTrace)) as TraceNode[] });
  const { fact, op, expected, actual } = node;
  return Object.freeze({ status, id, label, source, fact, op, expected, actual });
}

/** A frozen copy of `result`, its trace and missing facts kept too (a list already frozen, such as the shared empty one, as it is). */
export function keptResult(result: ProgramResult): ProgramResult {
  const { programId, status, missingFacts, trace } = result;
  return Object.freeze({ programId, status, missingFacts: Object.isFrozen(missingFacts) ? missingFacts : (Object.freeze(missingFacts.slice()) as string[]), trace: keptTrace(trace) });
}
