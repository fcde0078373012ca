// What the engine can refuse. Pure data: the SDK turns these into typed client errors, the server into problem+json.

export type EngineErrorKind = 'not-found' | 'not-implemented' | 'invalid-data';

export class EngineError extends Error {
  readonly kind: EngineErrorKind;
  /** Dotted path of the offending input, when one field is to blame. */
  readonly path: string | undefined;
  constructor(kind: EngineErrorKind, message: string, path?: string) {
    super(message);
    this.name = 'EngineError';
    this.kind = kind;
    this.path = path;
  }
}
