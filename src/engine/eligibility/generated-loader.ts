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
  | { kind: 'enum' }
  /** An option set of at most 31 options, coded as a bit mask (machine.ts, `encodeSet`). */
  | { kind: 'set' }
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

/** The statements that check and code answer `v` of fact `fi` (known to be neither undefined nor null). */
function coding(fi: number, plan: LoadPlan): string {
  const code = `codes[${fi}]`, state = `states[${fi}]`;
  switch (plan.kind) {
    case 'boolean':
      return `if (v === true) { ${code} = 1; ${state} = 3; } else if (v === false) { ${code} = 0; ${state} = 2; } else fits = false;`;
    case 'number': {
      // The machine's bounds are finite by construction (±Number.MAX_VALUE at most), so literals.
      const range = `typeof v === 'number' && v >= ${literal(plan.min)} && v <= ${literal(plan.max)}`;
      return `if (!(${range}${plan.integer ? ' && Number.isInteger(v)' : ''})) fits = false;`;
    }
    case 'enum':
      // `k`: the answer's position among the options, -1 for anything else (machine.ts, `optionOf`).
      return `k = optionOf(${fi}, v); ${code} = k; ${state} = k + 2; if (k < 0) fits = false;`;
    case 'set':
      // Each option's position marks a bit, so a repeated option is caught without a second loop; an answer listed
      // out of the catalog's order cannot share trace nodes (state -1).
      return `if (!Array.isArray(v)) fits = false; else { let seen = 0, previous = -1, ordered = 1, k = -1; `
        + `for (let j = 0; j < v.length; j++) { k = optionOf(${fi}, v[j]); `
        + `if (k < 0 || (seen & (1 << k)) !== 0) { fits = false; break; } seen |= 1 << k; if (k < previous) ordered = 0; previous = k; } `
        + `${code} = seen; inOrder[${fi}] = ordered; ${state} = ordered ? seen + 2 : -1; }`;
    case 'region':
      return `{ const n = typeof v === 'string' ? adcodeNumber(v) : -1; ${code} = n; if (n < 0) fits = false; }`;
    case 'coder':
      return `if (!encode(${fi}, v)) fits = false;`;
  }
}

/**
 * Statements reading and checking every declared fact by name, keeping each answer in `value` and coding it; then
 * `fits` is false when an answer does not fit.
 */
export function loadStatements(factIds: readonly string[], plans: readonly LoadPlan[], value: ValueSlot): string[] {
  const lines = ['let fits = true, v, k;'];
  factIds.forEach((id, fi) => {
    lines.push(
      `v = profile[${JSON.stringify(id)}]; ${value(fi)} = v;`,
      `if (v === undefined) { states[${fi}] = 0; given[${fi}] = 0; } else { given[${fi}] = 1; if (v === null) states[${fi}] = 1; else { ${coding(fi, plans[fi]!)} } }`,
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
  const body = [...loadStatements(parts.factIds, parts.plans, IN_VALUES), KEYS_CHECKED, 'return true;'].join('\n');
  return compileSource(['values', 'given', 'codes', 'states', 'inOrder', 'encode', 'optionOf', 'adcodeNumber', 'factIds', 'index'],
    `return function load(profile) {\n${body}\n};`,
    [parts.values, parts.given, parts.codes, parts.states, parts.inOrder, parts.encode, parts.optionOf, parts.adcodeNumber, parts.factIds, parts.index]);
}
