// Errors are recognised by their RFC 9457 problem fields (`status`, `type`, `errors`), never by `instanceof`: a
// client from another bundle (or a host's own client) throws its own classes, and must read the same to the user.
import type { Problem, ProblemFieldError } from '../../contract/index.js';

/** The problem an error carries, if it looks like one: a numeric `status` and a string `type` or `title`. */
export function problemOf(error: unknown): Problem | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const e = error as Record<string, unknown>;
  if (typeof e['status'] !== 'number' || (typeof e['type'] !== 'string' && typeof e['title'] !== 'string')) return undefined;
  const errors = Array.isArray(e['errors'])
    ? (e['errors'] as unknown[]).filter((x): x is ProblemFieldError => !!x && typeof (x as ProblemFieldError).path === 'string' && typeof (x as ProblemFieldError).message === 'string')
    : [];
  const problem: Problem = { type: String(e['type'] ?? 'about:blank'), title: String(e['title'] ?? ''), status: e['status'] };
  if (typeof e['detail'] === 'string') problem.detail = e['detail'];
  if (errors.length) problem.errors = errors;
  return problem;
}

/** What went wrong, in the words the message tables use. */
export type ErrorKind = 'invalid' | 'network' | 'timeout' | 'notFound' | 'notImplemented' | 'badAnswer' | 'server' | 'cancelled' | 'unexpected';

const TYPE_KINDS: Record<string, ErrorKind> = {
  'urn:chanrong:problem:validation': 'invalid',
  'urn:chanrong:problem:network': 'network',
  'urn:chanrong:problem:timeout': 'timeout',
  'urn:chanrong:problem:not-found': 'notFound',
  'urn:chanrong:problem:not-implemented': 'notImplemented',
  'urn:chanrong:problem:invalid-response': 'badAnswer',
};

export function errorKind(error: unknown): ErrorKind {
  if (error && typeof error === 'object' && (error as { name?: unknown }).name === 'AbortError') return 'cancelled';
  const p = problemOf(error);
  if (!p) return 'unexpected';
  const byType = TYPE_KINDS[p.type];
  if (byType) return byType;
  if (p.status === 0) return 'network';
  if (p.status === 400 || p.status === 422) return 'invalid';
  if (p.status === 404) return 'notFound';
  if (p.status === 501) return 'notImplemented';
  if (p.status === 408 || p.status === 504) return 'timeout';
  return 'server';
}

/** Field errors of a bad-input problem, by dotted contract path (`rate.spreadBps`). */
export function fieldProblems(error: unknown): ProblemFieldError[] {
  const p = problemOf(error);
  return p && errorKind(error) === 'invalid' ? p.errors ?? [] : [];
}

/** The sentence a user reads for a failed request (field errors are shown at their fields, not here). */
export function describeError(error: unknown, m: { errors: Record<ErrorKind, string> }): string {
  return m.errors[errorKind(error)];
}
