// chanrong/elements/financing-calculator: the ChanrongFinancingCalculator class alone, free of side effects (nothing is registered; import
// chanrong/define/financing-calculator for that). Importing it does not pull the other widgets.
export { ChanrongFinancingCalculator } from '../elements/financing-calculator/financing-calculator.js';
export type * from './events.js';
