// Each program's status (machine.ts, `status`) as straight-line code generated for one catalog (generated-code.ts
// says where and why): Kleene logic over the coded answers, short-circuit, with every leaf's constants written in.
// It must decide exactly as the machine's closures do (test/node/eligibility-generated.test.ts compares them).
import type { Criterion } from '../../contract/index.js';
import { compileSource, literal, notStatement, type Comparison } from './generated-code.js';
import { IN_VALUES, KEYS_CHECKED, loadStatements, type LoadPlan, type ValueSlot } from './generated-loader.js';
import { childrenOf, FAIL, PASS, UNKNOWN, type Kleene } from './status.js';

/** What one leaf tests on the coded answer of fact `fi` (machine.ts, `leafPlan`). */
export type LeafPlan =
  /** Boolean, enum and string facts: the status of each code. */
  | { kind: 'table'; fi: number; table: Uint8Array }
  /** Option sets of up to 31 options: the answer's bit mask tested against the leaf's. */
  | { kind: 'mask'; fi: number; test: 'any' | 'all' | 'none'; mask: number }
  /** Regions: inclusive ranges of adcodes as numbers. */
  | { kind: 'ranges'; fi: number; ranges: readonly (readonly [number, number])[] }
  /** Numbers and dates compared with the leaf's value (dates as their YYYY-MM-DD strings). */
  | { kind: 'compare'; fi: number; op: Comparison; value: unknown }
  /** Anything else: the operator's own test (years since a date, option sets of more than 31 options). */
  | { kind: 'test'; fi: number; test: (actual: unknown, asOf: string) => boolean };

const OPERATOR: Record<Exclude<Comparison, 'between'>, string> = { eq: '===', ne: '!==', lt: '<', lte: '<=', gt: '>', gte: '>=' };

/** What leaves cannot write as constants (read as `tables[j]`, `tests[j]`), and where answers are kept. */
interface Scope { tables: Uint8Array[]; tests: ((actual: unknown, asOf: string) => boolean)[]; value: ValueSlot }

/** An expression of the leaf's Kleene value on the loaded answers. */
function leafExpression(plan: LeafPlan, scope: Scope): string {
  const { fi } = plan;
  const value = scope.value(fi), code = `codes[${fi}]`;
  const answered = (decided: string) => `(${value} == null ? ${UNKNOWN} : ${decided})`;
  const holds = (test: string) => answered(`(${test} ? ${PASS} : ${FAIL})`);
  switch (plan.kind) {
    case 'table':
      scope.tables.push(plan.table);
      return answered(`tables[${scope.tables.length - 1}][${code}]`);
    case 'mask': {
      const m = plan.mask;
      return holds(plan.test === 'any' ? `(${code} & ${m}) !== 0` : plan.test === 'all' ? `(${code} & ${m}) === ${m}` : `(${code} & ${m}) === 0`);
    }
    case 'ranges':
      // Never empty: the catalog's schema refuses withinRegion without a target.
      return holds(plan.ranges.map(([lo, hi]) => `(${code} >= ${lo} && ${code} <= ${hi})`).join(' || '));
    case 'compare': {
      if (plan.op !== 'between') return holds(`${value} ${OPERATOR[plan.op]} ${literal(plan.value)}`);
      const [min, max] = plan.value as [unknown, unknown];
      return holds(`${value} >= ${literal(min)} && ${value} <= ${literal(max)}`);
    }
    case 'test':
      scope.tests.push(plan.test);
      return holds(`tests[${scope.tests.length - 1}](${value}, asOf)`);
  }
}

/**
 * Statements leaving `node`'s Kleene value in `s<into>`: a leaf its expression; all/any their children in order,
 * leaving the block at the first decisive one (fail for all, pass for any); not its child's value turned over.
 */
function statements(node: Criterion, into: number, next: { n: number }, plan: (leaf: Criterion) => LeafPlan, scope: Scope): string {
  // Each node's value in its own variable `s<n>`, each all/any a block labelled `b<n>` to leave early.
  const children = childrenOf(node);
  if (!children) return `s${into} = ${leafExpression(plan(node), scope)};`;
  if ('not' in node) {
    const child = next.n++;
    return `${statements(node.not, child, next, plan, scope)} ${notStatement(into, child)}`;
  }
  const isAll = 'all' in node;
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

/** One program's statements, its value left in `s0`, and the variables they use. */
function program(c: Criterion, plan: (leaf: Criterion) => LeafPlan, scope: Scope): { body: string; names: string } {
  const next = { n: 1 };
  const body = statements(c, 0, next, plan, scope);
  return { body, names: Array.from({ length: next.n }, (_, k) => `s${k}`).join(', ') };
}

/** Each criterion's status function over the machine's answers, or undefined where code may not be generated. */
export function generateStatuses(criteria: readonly Criterion[], plan: (leaf: Criterion) => LeafPlan, values: unknown[], codes: Int32Array): ((asOf: string) => Kleene)[] | undefined {
  const scope: Scope = { tables: [], tests: [], value: IN_VALUES };
  const functions = criteria.map((c, i) => {
    const { body, names } = program(c, plan, scope);
    return `function program${i}(asOf) { let ${names}; ${body} return s0; }`;
  });
  return compileSource(['values', 'codes', 'tables', 'tests'], `return [\n${functions.join(',\n')}\n];`, [values, codes, scope.tables, scope.tests]);
}

/** Leaves a fused screen may hold: past this, one function grows too large for V8 to optimize it. */
export const SCREEN_LEAVES = 400;

export interface ScreenParts {
  factIds: readonly string[];
  plans: readonly LoadPlan[];
  criteria: readonly Criterion[];
  plan: (leaf: Criterion) => LeafPlan;
  codes: Int32Array;
  states: Int32Array;
  encode: (fi: number, v: unknown) => boolean;
  optionOf: (fi: number, v: unknown) => number;
  adcodeNumber: (v: string) => number;
  given: Uint8Array;
  inOrder: Uint8Array;
  index: ReadonlyMap<string, number>;
}

/**
 * Status-only screening in one function: every answer read into a local, checked and coded, then every program
 * decided into `out[i]`; false (and `out` not to be read) where the machine's loader would refuse or look closer.
 * The machine's `values` are left as they were. Undefined where code may not be generated.
 */
export function generateScreen(parts: ScreenParts): ((profile: object, asOf: string, out: Uint8Array) => boolean) | undefined {
  const { factIds, plans } = parts;
  const value: ValueSlot = (fi) => `v${fi}`;
  const scope: Scope = { tables: [], tests: [], value };
  const locals = factIds.map((_, fi) => value(fi)).join(', ');
  const programs = parts.criteria.map((c, i) => {
    const { body, names } = program(c, parts.plan, scope);
    return `{ let ${names}; ${body} out[${i}] = s0; }`;
  });
  const body = [`let ${locals || 'none'};`, ...loadStatements(factIds, plans, value), KEYS_CHECKED, ...programs, 'return true;'].join('\n');
  return compileSource(['given', 'codes', 'states', 'inOrder', 'encode', 'optionOf', 'adcodeNumber', 'factIds', 'index', 'tables', 'tests'],
    `return function screen(profile, asOf, out) {\n${body}\n};`,
    [parts.given, parts.codes, parts.states, parts.inOrder, parts.encode, parts.optionOf, parts.adcodeNumber, factIds, parts.index, scope.tables, scope.tests]);
}
