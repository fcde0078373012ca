// What the engine can refuse. Pure data: the SDK turns these into typed client errors, the server into
// problem+json; `issues` carry codes, not sentences, so each side localizes them.
import type { IssueLike } from '../contract/index.js';

export type EngineErrorKind = 'not-found' | 'not-implemented' | 'invalid-data';

export class EngineError extends Error {
  readonly kind: EngineErrorKind;
  /** Dotted path of the offending input, when one field is to blame. */
  readonly path: string | undefined;
  /** Every offending path with a machine-readable code (for `invalid-data`). */
  readonly issues: IssueLike[];
  constructor(kind: EngineErrorKind, message: string, path?: string, issues: IssueLike[] = []) {
    super(message);
    this.name = 'EngineError';
    this.kind = kind;
    this.path = path;
    this.issues = issues;
  }
}
