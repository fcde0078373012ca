// `chanrong-error`: the client failed. `error` is what the client threw; `problem` is the RFC 9457 reading of it
// (status, type, title, field errors), recognised by shape so an error from another bundle reads the same.
import type { Problem } from '../../../contract/index.js';
export const ERROR = 'chanrong-error';
export interface ChanrongErrorDetail {
  /** What the client threw (a ChanrongError from any copy of the SDK, an AbortError, anything). */
  error: unknown;
  /** The problem it carries, when it carries one. */
  problem?: Problem;
}
