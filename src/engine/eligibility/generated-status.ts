// Each program's status (machine.ts, `status`) as straight-line code generated for one catalog (generated-code.ts
// says where and why): Kleene logic over the coded answers, short-circuit, with every leaf's constants written in.
// It must decide exactly as the machine's closures do (test/engine/generated-machine.test.ts compares them).
import type { Criterion } from '../../contract/index.js';
import { compileSource, literal, type Comparison } from './generated-code.js';
import { FAIL, PASS, UNKNOWN, type Kleene } from './status.js';

/** What one leaf tests on the coded answer of fact `fi` (machine.ts, `leafPlan`). */
export type LeafPlan =
  /** Boolean, enum and string facts: the status of each code. */
  | { kind: 'table'; fi: number; table: Uint8Array }
  /** Option sets of up to 31 options: the answer's bit mask tested against the leaf's. */
  | { kind: 'mask'; fi: number; test: 'any' | 'all' | 'none'; mask: number }
  /** Regions: inclusive ranges of adcodes as numbers, two bounds each. */
  | { kind: 'ranges'; fi: number; bounds: Int32Array }
  /** Numbers and dates compared with the leaf's value (dates as their YYYY-MM-DD strings). */
  | { kind: 'compare'; fi: number; op: Comparison; value: unknown; test: (actual: unknown, asOf: string) => boolean }
  /** Anything else: the operator's own test (years since a date, option sets of more than 31 options). */
  | { kind: 'test'; fi: number; test: (actual: unknown, asOf: string) => boolean };

const OPERATOR: Record<Exclude<Comparison, 'between'>, string> = { eq: '===', ne: '!==', lt: '<', lte: '<=', gt: '>', gte: '>=' };

/** The names the generated source reads: the machine's answers and what leaves cannot write as constants. */
interface Scope { tables: Uint8Array[]; tests: ((actual: unknown, asOf: string) => boolean)[] }

/** An expression of the leaf's Kleene value on the loaded answers (PASS = 1 and FAIL = 0, so a bit is a value). */
function leafExpression(plan: LeafPlan, scope: Scope): string {
  const { fi } = plan;
  const answered = (decided: string) => `(values[${fi}] == null ? ${UNKNOWN} : ${decided})`;
  switch (plan.kind) {
    case 'table': {
      const { table } = plan;
      if (table.every((t) => t === table[0])) return answered(String(table[0]));
      // The codes that pass as bits of a constant when they fit in 31; otherwise the table itself.
      if (table.length <= 31) {
        let bits = 0;
        table.forEach((t, k) => { if (t === PASS) bits |= 1 << k; });
        return answered(`((${bits} >>> codes[${fi}]) & 1)`);
      }
      scope.tables.push(table);
      return answered(`tables[${scope.tables.length - 1}][codes[${fi}]]`);
    }
    case 'mask': {
      const m = plan.mask;
      const test = plan.test === 'any' ? `(codes[${fi}] & ${m}) !== 0` : plan.test === 'all' ? `(codes[${fi}] & ${m}) === ${m}` : `(codes[${fi}] & ${m}) === 0`;
      return answered(`(${test} ? ${PASS} : ${FAIL})`);
    }
    case 'ranges': {
      const tests: string[] = [];
      for (let i = 0; i < plan.bounds.length; i += 2) tests.push(`(codes[${fi}] >= ${plan.bounds[i]} && codes[${fi}] <= ${plan.bounds[i + 1]})`);
      return answered(`(${tests.join(' || ') || 'false'} ? ${PASS} : ${FAIL})`);
    }
    case 'compare': {
      if (plan.op === 'between') {
        const [min, max] = (plan.value as unknown[]).map(literal);
        if (min !== undefined && max !== undefined) return answered(`(values[${fi}] >= ${min} && values[${fi}] <= ${max} ? ${PASS} : ${FAIL})`);
      } else {
        const value = literal(plan.value);
        if (value !== undefined) return answered(`(values[${fi}] ${OPERATOR[plan.op]} ${value} ? ${PASS} : ${FAIL})`);
      }
      // A value no literal writes exactly: the operator's own test.
      break;
    }
    case 'test':
      break;
  }
  scope.tests.push(plan.test);
  return answered(`(tests[${scope.tests.length - 1}](values[${fi}], asOf) ? ${PASS} : ${FAIL})`);
}

/**
 * Statements leaving `node`'s Kleene value in `s<into>`: a leaf its expression; all/any their children in order,
 * leaving the block at the first decisive one (fail for all, pass for any); not its child's value turned over.
 */
function statements(node: Criterion, into: number, next: { n: number }, plan: (leaf: Criterion) => LeafPlan, scope: Scope): string {
  if ('not' in node) {
    const child = next.n++;
    return `${statements(node.not, child, next, plan, scope)} s${into} = s${child} === ${UNKNOWN} ? ${UNKNOWN} : s${child} === ${PASS} ? ${FAIL} : ${PASS};`;
  }
  if (!('all' in node) && !('any' in node)) return `s${into} = ${leafExpression(plan(node), scope)};`;
  const isAll = 'all' in node;
  const children = isAll ? (node as { all: Criterion[] }).all : (node as { any: Criterion[] }).any;
  const decisive: Kleene = isAll ? FAIL : PASS;
  const otherwise: Kleene = isAll ? PASS : FAIL;
  const parts = [`s${into} = ${otherwise};`];
  for (const c of children) {
    const child = next.n++;
    parts.push(statements(c, child, next, plan, scope),
      `if (s${child} === ${decisive}) { s${into} = ${decisive}; break b${into}; }`,
      `if (s${child} === ${UNKNOWN}) s${into} = ${UNKNOWN};`);
  }
  return `b${into}: { ${parts.join(' ')} }`;
}

/** Each criterion's status function over the machine's answers, or undefined where code may not be generated. */
export function generateStatuses(criteria: readonly Criterion[], plan: (leaf: Criterion) => LeafPlan, values: unknown[], codes: Int32Array): ((asOf: string) => Kleene)[] | undefined {
  const scope: Scope = { tables: [], tests: [] };
  const functions = criteria.map((c, i) => {
    const next = { n: 1 };
    const body = statements(c, 0, next, plan, scope);
    const names = Array.from({ length: next.n }, (_, k) => `s${k}`).join(', ');
    return `function program${i}(asOf) { let ${names}; ${body} return s0; }`;
  });
  return compileSource(['values', 'codes', 'tables', 'tests'], `return [\n${functions.join(',\n')}\n];`, [values, codes, scope.tables, scope.tests]);
}
