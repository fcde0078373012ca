// What the generated parts of the catalog machine share (generated-loader.ts, -status.ts, -trace.ts): when code may
// be generated, literals written so they mean the same value, Kleene negation, and compiling a source.
import { FAIL, PASS, UNKNOWN } from './status.js';
// Why generate code at all: the machine's closures are shared by every catalog compiled in a process, so V8's
// inline caches see every catalog's keys, shapes and constants (megamorphic); code generated for one catalog reads
// `profile["key"]` by a constant name and compares with constants, in functions of its own. Pages keep the
// closures, which run under a strict CSP (no 'unsafe-eval'); even trying `new Function` there would send a CSP
// violation report, so it is not tried.

/** The comparisons of a number or date answer with the leaf's value, written as JavaScript operators. */
export const COMPARISONS = new Set(['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'between'] as const);
export type Comparison = typeof COMPARISONS extends Set<infer T> ? T : never;

/**
 * Leaves past which programs keep the closures for their statuses and traces (the loader is generated whatever the
 * size): each program's function of its own is compiled and warmed apart, and at 1,000 programs (3,107 leaves)
 * the closures, shared by all programs, gave full reports faster (bench/eligibility.ts, "in a page").
 */
export const GENERATED_LEAVES = 2000;

/** A statement setting `s<into>` to the Kleene negation of `s<child>` (unknown stays unknown). */
export function notStatement(into: number, child: number): string {
  return `s${into} = s${child} === ${UNKNOWN} ? ${UNKNOWN} : s${child} === ${PASS} ? ${FAIL} : ${PASS};`;
}

/** True where generated code is expected to run and to be allowed: a server runtime, not a page. */
export function mayGenerateCode(): boolean {
  const g = globalThis as { process?: { versions?: { node?: string } }; document?: unknown };
  return typeof g.process?.versions?.node === 'string' && g.document === undefined;
}

/**
 * A catalog's number or string as a JavaScript literal of the same value. Catalog numbers are finite (the
 * contract's schema refuses NaN and ±Infinity), and JSON writes every finite number and every string as a literal
 * JavaScript reads back as the same value (-0 as 0, which every comparison treats alike).
 */
export function literal(x: unknown): string {
  return JSON.stringify(x);
}

/**
 * `body` compiled as a function of `params` (strict mode), called with `args`: what it returns. Undefined when
 * the runtime refuses to compile strings (Node's --disallow-code-generation-from-strings).
 */
export function compileSource<T>(params: readonly string[], body: string, args: readonly unknown[]): T | undefined {
  let make: (...a: unknown[]) => T;
  try {
    make = new Function(...params, `'use strict';\n${body}`) as typeof make;
  } catch (error) {
    if (error instanceof EvalError) return undefined;
    throw error;
  }
  return make(...args);
}
