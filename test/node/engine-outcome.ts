// What an engine entry point gives, as one comparable string: shared by the tests that hold the eligibility machine
// against the frozen engine it replaced.
import { EngineError } from '../../src/engine/errors.js';

const json = (x: unknown) => JSON.stringify(x);

/** What an entry point gives: the report's JSON, or the refusal's path and issues. */
export function outcome(run: () => unknown): string {
  try {
    return json(run());
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return `refused ${error.kind} ${error.path} ${json(error.issues)}`;
  }
}
