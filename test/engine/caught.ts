// Shared by the engine tests that check a refusal: runs `run`, which must throw the engine's typed error.
import { expect } from 'chai';
import { EngineError } from '../../src/engine/errors.js';

/** The EngineError `run` throws; fails the test when it throws something else or nothing. */
export function caught(run: () => unknown): EngineError {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(EngineError);
    return error as EngineError;
  }
  throw new Error('expected a refusal');
}
