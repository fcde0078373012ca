// The base class as it was before the core: the core's ChanrongElement plus the joined message table (`t`) and
// `reportError`/`describeError`. Only the incubator map still extends it; new code extends core/chanrong-element.
import { ChanrongElement } from '../core/chanrong-element.js';
import { describeError } from '../core/errors.js';
import { messages, type Messages } from '../messages/index.js';

export type { ChanrongEventDetails } from '../core/events/index.js';

abstract class LegacyChanrongElement extends ChanrongElement {
  /** The joined message table of the locale in effect (every namespace: prefer your own namespace). */
  protected get t(): Messages {
    return messages[this.resolvedLocale];
  }

  /** Reports an error: `chanrong-error` for the host, a localized sentence for the user. */
  protected reportError(error: unknown): string {
    this.emitError(error);
    return this.describeError(error);
  }

  protected describeError(error: unknown): string {
    return describeError(error, this.t.common);
  }
}

// Exported under the old name, so the map's import keeps working; the manifest analyzer sees one ChanrongElement.
export { LegacyChanrongElement as ChanrongElement };
