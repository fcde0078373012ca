// Validation at the SDK's edges: inputs before anything runs or is sent, answers before they are returned.
import type * as z from 'zod/mini';
import { fieldErrors, INVALID_INPUT, type IssueLike, type Locale, type ProblemFieldError } from '../contract/index.js';
import { ChanrongResponseError, ChanrongValidationError, PROBLEM } from './errors.js';

export function validateInput<S extends z.ZodMiniType>(schema: S, value: unknown, locale: Locale, prefix = ''): z.infer<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data as z.infer<S>;
  const errors = fieldErrors(result.error.issues as IssueLike[], locale, prefix);
  throw new ChanrongValidationError({
    type: PROBLEM.validation, title: INVALID_INPUT[locale], status: 400,
    detail: describeErrors(errors), errors,
  });
}

export function validateAnswer<S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data as z.infer<S>;
  const errors = fieldErrors(result.error.issues as IssueLike[], 'en');
  throw new ChanrongResponseError({
    type: PROBLEM.response, title: 'The answer does not match the contract', status: 502,
    detail: `${what}: ${describeErrors(errors)}`, errors,
  });
}

/** `principal: must be greater than 0; rate.spreadBps: must be a whole number` */
export function describeErrors(errors: readonly ProblemFieldError[]): string {
  return errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ');
}
