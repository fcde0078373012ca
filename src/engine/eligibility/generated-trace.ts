// Each program's trace (machine.ts, `trace`) with its all/any/not nodes as straight-line code generated for one
// catalog (generated-code.ts says where and why). Leaves, subtrees decided by a few small answers (whose traces
// the machine keeps per key) and empty all/any keep the machine's own builders, so what is shared and frozen is
// the same; only the walk between them is written out, each builder called from a call site of its own.
// It must build exactly what the machine's closures build (test/node/eligibility-generated.test.ts).
import type { Criterion, TraceNode } from '../../contract/index.js';
import { compileSource, notStatement } from './generated-code.js';
import { childrenOf, FAIL, PASS, UNKNOWN, type Kleene } from './status.js';

type Build = (asOf: string) => TraceNode;

export interface TraceParts {
  criteria: readonly Criterion[];
  /** The machine's builder for a node it keeps as a closure, or undefined for an all/any/not to write out. */
  builder(node: Criterion, root: boolean): Build | undefined;
  /** The status the machine's builder that ran last left (machine.ts, `last`), and setting it. */
  lastOf(): Kleene;
  setLast(s: Kleene): void;
}

interface Scope { builders: Build[]; metas: Criterion[] }

type Meta = Pick<TraceNode, 'id' | 'label' | 'source'>;
const NAMES = ['fail', 'pass', 'unknown'] as const;
// Nodes are made here, not by literals in the generated code: one allocation site for every catalog, as the
// machine's closures have. A site of each catalog's own learns from that catalog alone, and V8 moved such a site
// to allocating in the old generation after a caller kept a thousand reports, which made each report after it
// three times dearer (the machine's node shape, key for key; meta keys may hold undefined, which JSON leaves out).
const makeNode = (s: Kleene, m: Meta, ...children: TraceNode[]): TraceNode => ({ status: NAMES[s], id: m.id, label: m.label, source: m.source, children });

/** Statements leaving `node`'s trace in `x<into>` and its Kleene value in `s<into>`. */
function statements(node: Criterion, into: number, next: { n: number }, parts: TraceParts, scope: Scope, root: boolean): string {
  const closure = parts.builder(node, root);
  if (closure) {
    scope.builders.push(closure);
    return `x${into} = B[${scope.builders.length - 1}](asOf); s${into} = lastOf();`;
  }
  scope.metas.push(node);
  const m = scope.metas.length - 1;
  // A leaf always has the machine's builder, so this node has children.
  const children = childrenOf(node)!;
  const isAll = 'all' in node;
  const ids = children.map(() => next.n++);
  const parts2 = children.map((c, k) => statements(c, ids[k]!, next, parts, scope, false));
  if ('not' in node) {
    parts2.push(notStatement(into, ids[0]!));
  } else {
    // As the machine's combinators: a decisive child decides; else an unknown one makes the node unknown.
    const decisive: Kleene = isAll ? FAIL : PASS;
    const otherwise: Kleene = isAll ? PASS : FAIL;
    parts2.push(`s${into} = ${otherwise};`);
    for (const c of ids) parts2.push(`if (s${c} === ${decisive}) s${into} = ${decisive}; else if (s${c} === ${UNKNOWN} && s${into} !== ${decisive}) s${into} = ${UNKNOWN};`);
  }
  // The machine's node shape, key for key (meta keys may hold undefined, which JSON leaves out).
  parts2.push(`x${into} = node(s${into}, M${m}, ${ids.map((c) => `x${c}`).join(', ')});`);
  return parts2.join(' ');
}

/** Each criterion's trace builder, or undefined where code may not be generated. */
export function generateTraces(parts: TraceParts): Build[] | undefined {
  const scope: Scope = { builders: [], metas: [] };
  const functions = parts.criteria.map((c, i) => {
    const next = { n: 1 };
    const body = statements(c, 0, next, parts, scope, true);
    const names = Array.from({ length: next.n }, (_, k) => `x${k}, s${k}`).join(', ');
    return `function trace${i}(asOf) { let ${names}; ${body} setLast(s0); return x0; }`;
  });
  const metas = scope.metas.map((_, m) => `const M${m} = metas[${m}];`).join('\n');
  return compileSource(['B', 'metas', 'lastOf', 'setLast', 'node'], `${metas}\nreturn [\n${functions.join(',\n')}\n];`,
    [scope.builders, scope.metas.map(({ id, label, source }) => ({ id, label, source })), parts.lastOf, parts.setLast, makeNode]);
}
