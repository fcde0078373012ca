// chanrong/elements/eligibility-checker: the ChanrongEligibilityChecker class alone, free of side effects (nothing is registered; import
// chanrong/define/eligibility-checker for that). Importing it does not pull the other widgets.
export { ChanrongEligibilityChecker } from '../elements/eligibility-checker/eligibility-checker.js';
export type * from './events.js';
