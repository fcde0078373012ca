// Each program's status (machine.ts, `status`) as straight-line code generated for one catalog (generated-code.ts
// says where and why): Kleene logic over the coded answers, short-circuit, with every leaf's constants written in.
// It must decide exactly as the machine's closures do (test/node/eligibility-generated.test.ts compares them).
import type { Criterion } from '../../contract/index.js';
import { compileSource, literal, notStatement, type Comparison } from './generated-code.js';
import { IN_MACHINE, KEYS_CHECKED, loadStatements, type LoadPlan, type Slots } from './generated-loader.js';
import { childrenOf, FAIL, leavesOf, PASS, UNKNOWN, type Kleene } from './status.js';

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
interface Scope {
  tables: Uint8Array[];
  tests: ((actual: unknown, asOf: string) => boolean)[];
  slots: Slots;
  /** Where a leaf's constants go: written in as literals (and `tables[i]`, `tests[i]`) when absent; else each is
   * read from an array, so programs that differ only in their constants share one loop (`generateDecisions`). */
  constants?: Constants;
}
/** Writes a leaf's constant as an expression: a number, or anything else (a date string, a table, a test). */
interface Constants { number(x: number): string; object(x: unknown): string }

/** Status tables at most this long are written into the code as one number (`packed`). */
const PACKED_CODES = 16;

/** A table of Kleene values (each 0, 1 or 2) as one number, the value of code `c` in bits 2c and 2c + 1. */
export function packed(table: ArrayLike<number>): number {
  let n = 0;
  for (let c = table.length - 1; c >= 0; c--) n = n * 4 + table[c]!;
  return n;
}

/**
 * Statements leaving `node`'s Kleene value in `s<into>`: a leaf its expression; all/any their children in order,
 * leaving the block at the first decisive one (fail for all, pass for any); not its child's value turned over.
 */
function statements(node: Criterion, into: number, next: { n: number }, plan: (leaf: Criterion) => LeafPlan, scope: Scope): string {
  // Each node's value in its own variable `s<n>`, each all/any a block labelled `b<n>` to leave early.
  const children = childrenOf(node);
  if (!children) return `s${into} = ${leafExpression(plan(node), scope, AS_KLEENE)};`;
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

// ---- the same decisions without branches --------------------------------------------------------------------
// Which way a profile's answers send each all/any is as good as random, so the branches of short-circuit code are
// mispredicted about half the time. Status-only screening instead computes every node with bit operations on Kleene
// values written as two bits: bit 0 "may pass", bit 1 "may fail" (pass 1, fail 2, unknown 3). Then all is the AND
// of the children's bit 0s with the OR of their bit 1s, any the reverse, and not swaps the two bits.
const BITS_OF: Record<Kleene, number> = { [FAIL]: 2, [PASS]: 1, [UNKNOWN]: 3 };
/** The Kleene values of bits 1, 2 and 3, two bits each (`(KLEENE_OF_BITS >>> (x << 1)) & 3`). */
const KLEENE_OF_BITS = (PASS << 2) | (FAIL << 4) | (UNKNOWN << 6);
/** The bits of Kleene values 0, 1 and 2, two bits each. */
const BITS_OF_KLEENE = BITS_OF[FAIL] | (BITS_OF[PASS] << 2) | (BITS_OF[UNKNOWN] << 4);

/**
 * How a leaf's value is written: as a Kleene value (short-circuit code) or as two bits (branch-free code). `holds`
 * turns a test into pass or fail; `and`/`or` join the tests of one leaf (as bits, `&`/`|`, which yield 0 or 1
 * without a branch, so that `2 - test` is pass 1 or fail 2); `of` is a status table's value of a code.
 */
interface Encoding { unknown: number; holds(test: string): string; and: string; or: string; of(kleene: Kleene): number; read(kleene: string): string }
const AS_KLEENE: Encoding = { unknown: UNKNOWN, holds: (t) => `(${t} ? ${PASS} : ${FAIL})`, and: '&&', or: '||', of: (k) => k, read: (k) => k };
const AS_BITS: Encoding = {
  unknown: BITS_OF[UNKNOWN], holds: (t) => `(2 - (${t}))`, and: '&', or: '|', of: (k) => BITS_OF[k],
  read: (k) => `((${BITS_OF_KLEENE} >>> (${k} << 1)) & 3)`,
};

/** An expression of the leaf's value on the loaded answers, written as `as` says. */
function leafExpression(plan: LeafPlan, scope: Scope, as: Encoding): string {
  const { fi } = plan;
  const value = scope.slots.value(fi), code = scope.slots.code(fi);
  const answered = (decided: string) => `(${value} == null ? ${as.unknown} : ${decided})`;
  const holds = (test: string) => answered(as.holds(test));
  const { constants } = scope;
  const num = (x: number) => (constants ? constants.number(x) : `${x}`);
  const lit = (x: unknown) => (!constants ? literal(x) : typeof x === 'number' ? constants.number(x) : constants.object(x));
  switch (plan.kind) {
    case 'table': {
      // A table of up to 16 codes is written in as a number, two bits a code: a shift, no load and no branch.
      if (plan.table.length <= PACKED_CODES) return answered(`((${num(packed(Array.from(plan.table, (k) => as.of(k as Kleene))))} >>> (${code} << 1)) & 3)`);
      if (constants) return answered(as.read(`${constants.object(plan.table)}[${code}]`));
      scope.tables.push(plan.table);
      return answered(as.read(`tables[${scope.tables.length - 1}][${code}]`));
    }
    case 'mask': {
      const m = plan.mask;
      return holds(plan.test === 'any' ? `(${code} & ${num(m)}) !== 0` : plan.test === 'all' ? `(${code} & ${num(m)}) === ${num(m)}` : `(${code} & ${num(m)}) === 0`);
    }
    case 'ranges':
      // Never empty: the catalog's schema refuses withinRegion without a target.
      return holds(plan.ranges.map(([lo, hi]) => `((${code} >= ${num(lo)}) ${as.and} (${code} <= ${num(hi)}))`).join(` ${as.or} `));
    case 'compare': {
      if (plan.op !== 'between') return holds(`${value} ${OPERATOR[plan.op]} ${lit(plan.value)}`);
      const [min, max] = plan.value as [unknown, unknown];
      return holds(`(${value} >= ${lit(min)}) ${as.and} (${value} <= ${lit(max)})`);
    }
    case 'test':
      if (constants) return holds(`${constants.object(plan.test)}(${value}, asOf)`);
      scope.tests.push(plan.test);
      return holds(`tests[${scope.tests.length - 1}](${value}, asOf)`);
  }
}

/** Statements leaving `node`'s value as bits in `s<into>`, every child computed. */
function bitStatements(node: Criterion, into: number, next: { n: number }, plan: (leaf: Criterion) => LeafPlan, scope: Scope): string {
  const children = childrenOf(node);
  if (!children) return `s${into} = ${leafExpression(plan(node), scope, AS_BITS)};`;
  if ('not' in node) {
    const child = next.n++;
    return `${bitStatements(node.not, child, next, plan, scope)} s${into} = ((s${child} & 1) << 1) | ((s${child} >> 1) & 1);`;
  }
  if (children.length === 0) return `s${into} = ${'all' in node ? BITS_OF[PASS] : BITS_OF[FAIL]};`;
  const names = children.map(() => `s${next.n++}`);
  const parts = children.map((c, k) => bitStatements(c, Number(names[k]!.slice(1)), next, plan, scope));
  const and = names.join(' & '), or = names.join(' | ');
  // all: may pass only if every child may pass, may fail if any may fail; any the reverse.
  const combined = 'all' in node ? `((${and}) & 1) | ((${or}) & 2)` : `((${or}) & 1) | ((${and}) & 2)`;
  return `${parts.join(' ')} s${into} = ${combined};`;
}

/** One program's statements, its Kleene value left in `s0`, and the variables they use. */
function program(c: Criterion, plan: (leaf: Criterion) => LeafPlan, scope: Scope, bits = false): { body: string; names: string } {
  const next = { n: 1 };
  const body = bits ? `${bitStatements(c, 0, next, plan, scope)} s0 = (${KLEENE_OF_BITS} >>> (s0 << 1)) & 3;` : statements(c, 0, next, plan, scope);
  return { body, names: Array.from({ length: next.n }, (_, k) => `s${k}`).join(', ') };
}

/** A block deciding program `c` with bit operations and storing its Kleene value in `target` (`out[3]`). */
function decision(c: Criterion, plan: (leaf: Criterion) => LeafPlan, scope: Scope, target: string): string {
  const { body, names } = program(c, plan, scope, true);
  return `{ let ${names}; ${body} ${target} = s0; }`;
}

/** Each criterion's status function over the machine's answers, or undefined where code may not be generated. */
export function generateStatuses(criteria: readonly Criterion[], plan: (leaf: Criterion) => LeafPlan, values: unknown[], codes: Int32Array): ((asOf: string) => Kleene)[] | undefined {
  const scope: Scope = { tables: [], tests: [], slots: IN_MACHINE };
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
  // Answers and codes in locals, no states: nothing after this function reads them (a profile it refuses is
  // loaded again by the machine's loader).
  const slots: Slots = { value: (fi) => `v${fi}`, code: (fi) => `c${fi}`, states: false };
  const scope: Scope = { tables: [], tests: [], slots };
  const locals = factIds.flatMap((_, fi) => [slots.value(fi), `${slots.code(fi)} = 0`]).join(', ');
  const programs = parts.criteria.map((c, i) => decision(c, parts.plan, scope, `out[${i}]`));
  const body = [`let ${locals || 'none'};`, ...loadStatements(factIds, plans, slots), KEYS_CHECKED, ...programs, 'return true;'].join('\n');
  return compileSource(['given', 'codes', 'states', 'inOrder', 'encode', 'optionOf', 'adcodeNumber', 'factIds', 'index', 'tables', 'tests'],
    `return function screen(profile, asOf, out) {\n${body}\n};`,
    [parts.given, parts.codes, parts.states, parts.inOrder, parts.encode, parts.optionOf, parts.adcodeNumber, factIds, parts.index, scope.tables, scope.tests]);
}

/** Leaves one function of a large catalog's decisions holds (`generateDecisions`): well inside V8's limit. */
const CHUNK_LEAVES = 256;
/** Programs of one shape (the same code but for its constants) from which they are decided in a loop. */
const LOOP_PROGRAMS = 4;

/**
 * Every program decided into `out[i]` (Kleene values) on the machine's loaded answers, for catalogs past
 * SCREEN_LEAVES: the branch-free code of the one-step screen. Programs that differ only in their constants (the
 * same facts, operators and tree: a shape) are decided in one loop per shape, reading each program's constants
 * from arrays; the others are written out in functions of about CHUNK_LEAVES leaves. Each function reads the answers
 * and codes it uses into locals first. Why loops: written out, a catalog of thousands of programs is megabytes of
 * machine code run from end to end for every profile, past what the processor's caches hold (at 7,600 programs,
 * 3.5x the time a program takes at 1,000); a loop per shape is a few hundred bytes. A catalog of thousands of
 * distinct shapes is still written out, and still pays for it (it helps as far as programs share their form).
 * With the generated loader before it, this is the screen of a large catalog (machine.ts). Undefined where code
 * may not be generated.
 */
export function generateDecisions(criteria: readonly Criterion[], plan: (leaf: Criterion) => LeafPlan, values: unknown[], codes: Int32Array): ((asOf: string, out: Uint8Array) => void) | undefined {
  let used = new Set<number>();
  const slots: Slots = { value: (fi) => { used.add(fi); return `v${fi}`; }, code: (fi) => { used.add(fi); return `c${fi}`; }, states: false };
  const reads = (facts: Set<number>) => {
    const all = [...facts].sort((a, b) => a - b).map((fi) => `v${fi} = values[${fi}], c${fi} = codes[${fi}]`);
    return all.length ? `const ${all.join(', ')};\n` : '';
  };
  // Each program's code with its constants read from arrays: programs whose code is the same text share a shape.
  interface Shape { code: string; facts: Set<number>; numbers: number[]; objects: unknown[]; perProgram: [number, number]; places: number[] }
  const shapes = new Map<string, Shape>();
  criteria.forEach((c, i) => {
    const numbers: number[] = [], objects: unknown[] = [];
    const constants: Constants = {
      number: (x) => `N[q + ${numbers.push(x) - 1}]`,
      object: (x) => `O[r + ${objects.push(x) - 1}]`,
    };
    used = new Set();
    const code = decision(c, plan, { tables: [], tests: [], slots, constants }, 'out[at[j]]');
    let shape = shapes.get(code);
    if (!shape) shapes.set(code, (shape = { code, facts: used, numbers: [], objects: [], perProgram: [numbers.length, objects.length], places: [] }));
    shape.numbers.push(...numbers);
    shape.objects.push(...objects);
    shape.places.push(i);
  });
  const functions: string[] = [];
  const called: string[] = [];
  const looped: Shape[] = [];
  const alone = new Set<number>();
  for (const shape of shapes.values()) {
    if (shape.places.length < LOOP_PROGRAMS) { for (const i of shape.places) alone.add(i); continue; }
    const k = looped.push(shape) - 1;
    const [nN, nO] = shape.perProgram;
    called.push(`shape${k}`);
    functions.push(`function shape${k}(asOf, out) {\n${reads(shape.facts)}const N = numbers[${k}], O = objects[${k}], at = places[${k}];\n` +
      `for (let j = 0, q = 0, r = 0; j < at.length; j++, q += ${nN}, r += ${nO}) ${shape.code}\n}`);
  }
  // The rest written out, constants and all, in chunks.
  const scope: Scope = { tables: [], tests: [], slots };
  let programs: string[] = [];
  let leaves = 0;
  used = new Set();
  const close = () => {
    called.push(`chunk${functions.length}`);
    functions.push(`function chunk${functions.length}(asOf, out) {\n${reads(used)}${programs.join('\n')}\n}`);
    used = new Set();
    programs = [];
    leaves = 0;
  };
  criteria.forEach((c, i) => {
    if (!alone.has(i)) return;
    programs.push(decision(c, plan, scope, `out[${i}]`));
    leaves += leavesOf(c).length;
    if (leaves >= CHUNK_LEAVES) close();
  });
  if (programs.length) close();
  const calls = called.map((name) => `${name}(asOf, out);`).join(' ');
  return compileSource(['values', 'codes', 'tables', 'tests', 'numbers', 'objects', 'places'],
    `${functions.join('\n')}\nreturn function decide(asOf, out) { ${calls} };`,
    [values, codes, scope.tables, scope.tests, looped.map((s) => Float64Array.from(s.numbers)), looped.map((s) => s.objects), looped.map((s) => Int32Array.from(s.places))]);
}

/** What keys a program (machine.ts, `rootKeys`): its facts, and each one's count of states. */
export interface KeyPlan { facts: ArrayLike<number>; counts: ArrayLike<number> }

/**
 * Every program's key (machine.ts, `rootKey`) written out: each keyed program's key from the states of its facts,
 * -1 where one of them is negative (an answer that cannot share), into `out`; undefined where code may not be
 * generated. One pass per report instead of a loop over each program's facts.
 */
export function generateKeys(keys: readonly (KeyPlan | undefined)[], states: Int32Array, out: Int32Array): (() => void) | undefined {
  const lines = keys.map((key, i) => {
    if (!key) return `out[${i}] = -1;`;
    const names = Array.from(key.facts, (f) => `states[${f}]`);
    // key = ((s0 * c1 + s1) * c2 + s2)..., as rootKey folds it: each state times the counts of the facts after it.
    const folded = names.slice(1).reduce((acc, name, j) => `(${acc}) * ${key.counts[j + 1]} + ${name}`, names[0]!);
    return names.length === 0 ? `out[${i}] = 0;` : `out[${i}] = (${names.join(' | ')}) < 0 ? -1 : ${folded};`;
  });
  // In functions of KEY_CHUNK programs each: V8 does not optimize a function past 60 KB of bytecode, and one of a
  // thousand programs' keys ran interpreted, slower than the machine's loop.
  const chunks: string[] = [];
  for (let at = 0; at < lines.length; at += KEY_CHUNK) chunks.push(`function keys${chunks.length}() {\n${lines.slice(at, at + KEY_CHUNK).join('\n')}\n}`);
  return compileSource(['states', 'out'], `${chunks.join('\n')}\nreturn function keys() { ${chunks.map((_, c) => `keys${c}();`).join(' ')} };`, [states, out]);
}

/** Programs whose keys one generated function computes (`generateKeys`). */
const KEY_CHUNK = 100;
