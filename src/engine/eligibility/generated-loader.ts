// The machine's loader (machine.ts, `load`) as straight-line code generated for one catalog (generated-code.ts
// says where and why): each declared fact read by a constant name, checked against constants and coded. The
// closure loader reads each answer by a key held in a variable, which V8 cannot make a fixed-offset load once a
// process has compiled several catalogs (bench/eligibility.ts, "validate only").
// It must behave exactly like the closure loader: same result, and when it accepts, the same values, codes,
// states and orders (test/node/eligibility-generated.test.ts compares them on adversarial profiles).
import { compileSource, literal } from './generated-code.js';

/** How one fact's answer is checked and coded by the generated code. */
export type LoadPlan =
  | { kind: 'boolean' }
  | { kind: 'number'; min: number; max: number; integer: boolean }
  /** `options`: the fact's option list where it is short enough to be written into the code (`SWITCHED_OPTIONS`). */
  | { kind: 'enum'; options?: readonly string[] }
  /** An option set of at most 31 options, coded as a bit mask (machine.ts, `encodeSet`). */
  | { kind: 'set'; options?: readonly string[] }
  /** Checked and coded by the machine's own coder (named strings, dates, option sets of more than 31 options). */
  | { kind: 'coder' }
  | { kind: 'region' };

export interface LoaderParts {
  factIds: readonly string[];
  plans: readonly LoadPlan[];
  values: unknown[];
  /** Per fact, 1 when answered (null included): what the walk of the keys reads (`KEYS_CHECKED`). */
  given: Uint8Array;
  codes: Int32Array;
  states: Int32Array;
  inOrder: Uint8Array;
  /** The machine's coder of fact `fi`'s answer `v` (not null or undefined): false when it does not fit. */
  encode: (fi: number, v: unknown) => boolean;
  /** The position of answer `v` in fact `fi`'s option list, or -1. */
  optionOf: (fi: number, v: unknown) => number;
  adcodeNumber: (v: string) => number;
  /** Each fact's position, by id. */
  index: ReadonlyMap<string, number>;
}

/**
 * Where the generated code keeps each fact's answer: the machine's `values` (`values[3]`), or a local of one
 * function (`v3`) when reading and deciding are fused (generated-status.ts). Codes, states and order flags always
 * go to the machine's typed arrays, where its own coders and keys read them.
 */
export type ValueSlot = (fi: number) => string;
export const IN_VALUES: ValueSlot = (fi) => `values[${fi}]`;

/**
 * Where generated code keeps what it reads: each answer (`value`); each code (`code`: the machine's `codes[3]`, or
 * a local `c3` where nothing after the one function reads it); and whether the states and order flags the machine's
 * shared trace nodes are keyed by are written (status-only screening reads neither).
 */
export interface Slots { value: ValueSlot; code: ValueSlot; states: boolean }
export const IN_MACHINE: Slots = { value: IN_VALUES, code: (fi) => `codes[${fi}]`, states: true };

/**
 * Option lists up to this long are written into the generated code as a `switch` on the options themselves; longer
 * ones are looked up by the machine's `optionOf` (a map past 16 options, machine.ts).
 */
export const SWITCHED_OPTIONS = 16;

/**
 * A statement leaving in `k` the position of `x` among fact `fi`'s options, -1 for anything else. A `switch`
 * compares as `===` does, as `optionOf` does, and takes the first of repeated options, as `optionOf` does.
 */
function positionOf(fi: number, options: readonly string[] | undefined, x: string): string {
  if (!options) return `k = optionOf(${fi}, ${x});`;
  return `switch (${x}) { ${options.map((o, i) => `case ${literal(o)}: k = ${i}; break;`).join(' ')} default: k = -1; }`;
}

/** The statements that check and code answer `v` of fact `fi` (known to be neither undefined nor null). */
function coding(fi: number, plan: LoadPlan, slots: Slots): string {
  const code = slots.code(fi);
  const state = (x: string) => (slots.states ? ` states[${fi}] = ${x};` : '');
  switch (plan.kind) {
    case 'boolean':
      // Without a branch on which of the two it is (as good as random from one profile to the next): the code is
      // 1 for true, 0 for anything else, which must then be false.
      return `k = (v === true) | 0; if ((k | (v === false)) === 0) fits = false; ${code} = k;${state('k + 2')}`;
    case 'number': {
      // The machine's bounds are finite by construction (±Number.MAX_VALUE at most), so literals.
      const range = `typeof v === 'number' && v >= ${literal(plan.min)} && v <= ${literal(plan.max)}`;
      return `if (!(${range}${plan.integer ? ' && Number.isInteger(v)' : ''})) fits = false;`;
    }
    case 'enum':
      // `k`: the answer's position among the options, -1 for anything else (machine.ts, `optionOf`).
      return `${positionOf(fi, plan.options, 'v')} ${code} = k;${state('k + 2')} if (k < 0) fits = false;`;
    case 'set': {
      // Each option's position marks a bit, so a repeated option is caught without a second loop; an answer listed
      // out of the catalog's order cannot share trace nodes (state -1).
      const order = slots.states ? ' if (k < previous) ordered = 0; previous = k;' : '';
      const keep = slots.states ? ` inOrder[${fi}] = ordered; states[${fi}] = ordered ? seen + 2 : -1;` : '';
      return `if (!Array.isArray(v)) fits = false; else { let seen = 0, previous = -1, ordered = 1, k = -1; `
        + `for (let j = 0; j < v.length; j++) { ${positionOf(fi, plan.options, 'v[j]')} `
        + `if (k < 0 || (seen & (1 << k)) !== 0) { fits = false; break; } seen |= 1 << k;${order} } `
        + `${code} = seen;${keep} }`;
    }
    case 'region':
      return `{ const n = typeof v === 'string' ? adcodeNumber(v) : -1; ${code} = n; if (n < 0) fits = false; }`;
    case 'coder':
      // The machine's own coder writes the machine's code: a local code slot is filled from it.
      return `if (!encode(${fi}, v)) fits = false;${code === `codes[${fi}]` ? '' : ` else ${code} = codes[${fi}];`}`;
  }
}

/**
 * Statements reading and checking every declared fact by name, keeping each answer and code where `slots` say and
 * coding it; then `fits` is false when an answer does not fit.
 */
export function loadStatements(factIds: readonly string[], plans: readonly LoadPlan[], slots: Slots): string[] {
  const lines = ['let fits = true, v, k;'];
  const state = (fi: number, x: number) => (slots.states ? ` states[${fi}] = ${x};` : '');
  factIds.forEach((id, fi) => {
    lines.push(
      `v = profile[${JSON.stringify(id)}]; ${slots.value(fi)} = v;`,
      `if (v === undefined) {${state(fi, 0)} given[${fi}] = 0; } else { given[${fi}] = 1; if (v !== null) { ${coding(fi, plans[fi]!, slots)} }${slots.states ? ` else states[${fi}] = 1;` : ''} }`,
    );
  });
  return lines;
}

/**
 * As the closure loader ends (machine.ts, `keysAnswered`, the same steps): an answer that does not fit, or a key
 * the profile enumerates (own or inherited) that is not a declared fact found answered, sends the caller to look
 * closer. Written out here rather than called, so that the walk of the keys is this catalog's own: a walk every
 * catalog shares sees every catalog's profile shapes and takes V8's slow path for each key.
 */
export const KEYS_CHECKED = [
  'if (!fits) return false;',
  'let next = 0;',
  'for (const key in profile) {',
  '  while (next < factIds.length && given[next] === 0) next++;',
  '  const fi = factIds[next] === key ? next : index.get(key);',
  '  if (fi === undefined || given[fi] === 0) return false;',
  '  next = fi + 1;',
  '}',
].join('\n');

/** The generated loader, or undefined when the runtime refuses code generation (the caller keeps its closures). */
export function generateLoader(parts: LoaderParts): ((profile: object) => boolean) | undefined {
  const body = [...loadStatements(parts.factIds, parts.plans, IN_MACHINE), KEYS_CHECKED, 'return true;'].join('\n');
  return compileSource(['values', 'given', 'codes', 'states', 'inOrder', 'encode', 'optionOf', 'adcodeNumber', 'factIds', 'index'],
    `return function load(profile) {\n${body}\n};`,
    [parts.values, parts.given, parts.codes, parts.states, parts.inOrder, parts.encode, parts.optionOf, parts.adcodeNumber, parts.factIds, parts.index]);
}
