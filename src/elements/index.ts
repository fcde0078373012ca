// chanrong/elements: the widget classes, free of side effects (nothing is registered here; see chanrong/define).
export { ChanrongServices } from './services/services.js';
export { ChanrongEligibilityChecker } from './eligibility-checker/eligibility-checker.js';
export { ChanrongFinancingCalculator } from './financing-calculator/financing-calculator.js';
export { ChanrongIncubatorMap } from './incubator-map/incubator-map.js';
export { ChanrongElement, type ChanrongEventDetails } from './shared/chanrong-element.js';
