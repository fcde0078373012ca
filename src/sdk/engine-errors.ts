// Maps the engine's refusals to the SDK's typed errors (the same status codes the server sends).
import { EngineError } from '../engine/errors.js';
import { ChanrongHttpError, ChanrongValidationError, PROBLEM } from './errors.js';

export function toClientError(error: unknown): unknown {
  if (!(error instanceof EngineError)) return error;
  switch (error.kind) {
    case 'not-found':
      return new ChanrongHttpError({ type: PROBLEM.notFound, title: 'Not found', status: 404, detail: error.message }, { cause: error });
    case 'not-implemented':
      return new ChanrongHttpError({ type: PROBLEM.notImplemented, title: 'Not implemented', status: 501, detail: error.message }, { cause: error });
    case 'invalid-data':
      return new ChanrongValidationError({
        type: PROBLEM.validation, title: 'Invalid input', status: 400, detail: error.message,
        errors: error.path ? [{ path: error.path, message: error.message }] : [],
      }, { cause: error });
  }
}

