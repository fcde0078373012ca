// Registers <chanrong-eligibility-checker> (guarded).
import { ChanrongEligibilityChecker } from '../elements/eligibility-checker/eligibility-checker.js';
import { defineElement } from '../elements/shared/define-element.js';

defineElement('chanrong-eligibility-checker', ChanrongEligibilityChecker);

export { ChanrongEligibilityChecker };

declare global {
  interface HTMLElementTagNameMap {
    'chanrong-eligibility-checker': ChanrongEligibilityChecker;
  }
}
export type * from '../entries/events.js';
