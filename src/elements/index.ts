// chanrong/elements: the widget classes, free of side effects (nothing is registered here; see chanrong/define),
// and the core they are built on, for hosts and for widgets written on it (see docs/architecture.md).
export { ChanrongServices } from './services/services.js';
export { ChanrongEligibilityChecker } from './eligibility-checker/eligibility-checker.js';
export { ChanrongFinancingCalculator } from './financing-calculator/financing-calculator.js';
export { ChanrongIncubatorMap } from './incubator-map/incubator-map.js';
export { ChanrongElement } from './core/chanrong-element.js';
export { problemOf, errorKind, type ErrorKind } from './core/errors.js';
export type {
  ChanrongEventDetails, ChanrongChangeDetail, ChanrongErrorDetail, ChanrongQuoteDetail, ChanrongReadyDetail, ChanrongRenderDetail,
  ChanrongResultDetail, ChanrongSelectProgramDetail, ChanrongSelectDetail,
} from './core/events/index.js';
// The named event types too (ChanrongQuoteEvent, …), as every other entry that carries the widgets exports them.
export type * from '../entries/events.js';
