// Typed errors of the SDK. They carry the fields of RFC 9457 problem details, so an error from the
// local client and one from a server read the same to the caller.
import type { Problem, ProblemFieldError } from '../contract/index.js';

export class ChanrongError extends Error {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string | undefined;
  readonly errors: ProblemFieldError[];
  /** How many problems there were when `errors` lists only the first 20. */
  readonly errorCount: number;
  constructor(problem: Problem, options?: { cause?: unknown }) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title, options);
    this.name = 'ChanrongError';
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
    this.errorCount = problem.errorCount ?? this.errors.length;
  }
  /** The problem+json form of this error. */
  toProblem(): Problem {
    const p: Problem = { type: this.type, title: this.title, status: this.status };
    if (this.detail !== undefined) p.detail = this.detail;
    if (this.errors.length) p.errors = this.errors;
    if (this.errorCount > this.errors.length) p.errorCount = this.errorCount;
    return p;
  }
}

/** The input broke the contract (found by the client before sending, or by the server: a 400); `errors` names each offending path. */
export class ChanrongValidationError extends ChanrongError {
  constructor(problem: Problem, options?: { cause?: unknown }) {
    super(problem, options);
    this.name = 'ChanrongValidationError';
  }
}

/** The server answered with an error status (`status`), or could not be reached (`status` 0). */
export class ChanrongHttpError extends ChanrongError {
  constructor(problem: Problem, options?: { cause?: unknown }) {
    super(problem, options);
    this.name = 'ChanrongHttpError';
  }
}

/** The server answered, but the answer breaks the contract; the value is never passed on. */
export class ChanrongResponseError extends ChanrongError {
  constructor(problem: Problem, options?: { cause?: unknown }) {
    super(problem, options);
    this.name = 'ChanrongResponseError';
  }
}

export const PROBLEM = {
  validation: 'urn:chanrong:problem:validation',
  notFound: 'urn:chanrong:problem:not-found',
  notImplemented: 'urn:chanrong:problem:not-implemented',
  network: 'urn:chanrong:problem:network',
  timeout: 'urn:chanrong:problem:timeout',
  response: 'urn:chanrong:problem:invalid-response',
  payloadTooLarge: 'urn:chanrong:problem:payload-too-large',
  unsupportedMediaType: 'urn:chanrong:problem:unsupported-media-type',
  internal: 'urn:chanrong:problem:internal',
  /** 503 from a server whose queue of heavy work is full; `Retry-After` says when to come back. */
  overloaded: 'urn:chanrong:problem:overloaded',
  /** 503: the server's per-request time budget ran out before the work finished. */
  timeBudget: 'urn:chanrong:problem:time-budget',
  /** 503: a server worker thread failed while computing the answer. */
  workerFailed: 'urn:chanrong:problem:worker-failed',
} as const;
