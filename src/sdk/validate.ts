// Validation at the SDK's edges: inputs before anything runs or is sent, answers before they are returned.
import type * as z from 'zod/mini';
import {
  fieldErrors, INVALID_INPUT, MAX_ERRORS, MAX_JSON_DEPTH, tooDeepAt, type IssueLike, type Locale, type ProblemFieldError,
} from '../contract/index.js';
import { BondQuote, FinancingQuote } from '../contract/index.js';
import { ChanrongResponseError, ChanrongValidationError, PROBLEM } from './errors.js';
import { bondQuoteProblems, loanQuoteProblems } from './invariants.js';

/** Answers whose arithmetic is checked beyond their shape (src/sdk/invariants.ts). */
const INVARIANTS = new Map<unknown, (value: never) => ProblemFieldError[]>([
  [FinancingQuote, loanQuoteProblems],
  [BondQuote, bondQuoteProblems],
]);

export function validateInput<S extends z.ZodMiniType>(schema: S, value: unknown, locale: Locale, prefix = ''): z.infer<S> {
  // Nesting is checked first, without recursion: a 5,000-deep tree is a field error, not a stack overflow.
  const deep = tooDeepAt(value);
  let issues: IssueLike[];
  if (deep !== undefined) {
    issues = [{ code: 'too_deep', path: deep ? deep.split('.') : [], maximum: MAX_JSON_DEPTH }];
  } else {
    const result = schema.safeParse(value, { reportInput: true });
    if (result.success) return result.data as z.infer<S>;
    issues = result.error.issues as IssueLike[];
  }
  const errors = fieldErrors(issues.slice(0, MAX_ERRORS), locale, prefix);
  throw new ChanrongValidationError({
    type: PROBLEM.validation, title: INVALID_INPUT[locale], status: 400,
    detail: describeErrors(errors, issues.length), errors, ...(issues.length > errors.length ? { errorCount: issues.length } : {}),
  });
}

export function validateAnswer<S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) {
    const problems = INVARIANTS.get(schema)?.(result.data as never) ?? [];
    if (!problems.length) return result.data as z.infer<S>;
    throw new ChanrongResponseError({
      type: PROBLEM.response, title: 'The answer breaks the arithmetic of the contract', status: 502,
      detail: `${what}: ${describeErrors(problems)}`, errors: problems,
    });
  }
  const issues = result.error.issues as IssueLike[];
  const errors = fieldErrors(issues.slice(0, MAX_ERRORS), 'en');
  throw new ChanrongResponseError({
    type: PROBLEM.response, title: 'The answer does not match the contract', status: 502,
    detail: `${what}: ${describeErrors(errors, issues.length)}`, errors, ...(issues.length > errors.length ? { errorCount: issues.length } : {}),
  });
}

/** `principal: must be greater than 0; rate.spreadBps: must be a whole number` */
export function describeErrors(errors: readonly ProblemFieldError[], count = errors.length): string {
  const text = errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ');
  return count > errors.length ? `${text}; … (${count - errors.length} more)` : text;
}
