// chanrong/define: registers every Chanrong tag (guarded: a second copy warns instead of throwing).
export type * from './entries/events.js';
import './define/services.js';
import './define/eligibility-checker.js';
import './define/financing-calculator.js';
import './define/incubator-map.js';
// The events' types (HTMLElementEventMap) are declared once, in src/elements/core/events/index.ts.
export type * from './elements/core/events/index.js';

export { CHANRONG_VERSION } from './elements/shared/define-element.js';
export * from './elements/index.js';
