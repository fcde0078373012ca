// Maps the engine's refusals to the SDK's typed errors (the same status codes the server sends).
import { fieldErrors, INVALID_INPUT, MAX_ERRORS, type Locale } from '../contract/index.js';
import { EngineError } from '../engine/errors.js';
import { ChanrongHttpError, ChanrongValidationError, PROBLEM } from './errors.js';
import { describeErrors } from './validate.js';

export function toClientError(error: unknown, locale: Locale = 'zh-CN'): unknown {
  if (!(error instanceof EngineError)) return error;
  switch (error.kind) {
    case 'not-found':
      return new ChanrongHttpError({ type: PROBLEM.notFound, title: 'Not found', status: 404, detail: error.message }, { cause: error });
    case 'not-implemented':
      return new ChanrongHttpError({ type: PROBLEM.notImplemented, title: 'Not implemented', status: 501, detail: error.message }, { cause: error });
    case 'invalid-data': {
      const errors = error.issues.length
        ? fieldErrors(error.issues.slice(0, MAX_ERRORS), locale)
        : [{ path: error.path ?? '', message: error.message }];
      const count = Math.max(error.issues.length, errors.length);
      return new ChanrongValidationError({
        type: PROBLEM.validation, title: INVALID_INPUT[locale], status: 400, detail: describeErrors(errors, count), errors,
        ...(count > errors.length ? { errorCount: count } : {}),
      }, { cause: error });
    }
  }
}

