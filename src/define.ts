// chanrong/define: registers every Chanrong tag (guarded: a second copy warns instead of throwing).
export type * from './entries/events.js';
import './define/services.js';
import './define/eligibility-checker.js';
import './define/financing-calculator.js';
import './define/incubator-map.js';
import type { ChanrongEventDetails } from './elements/shared/chanrong-element.js';

export { CHANRONG_VERSION } from './elements/shared/define-element.js';
export * from './elements/index.js';

declare global {
  interface HTMLElementEventMap {
    'chanrong-ready': CustomEvent<ChanrongEventDetails['chanrong-ready']>;
    'chanrong-error': CustomEvent<ChanrongEventDetails['chanrong-error']>;
    'chanrong-change': CustomEvent<ChanrongEventDetails['chanrong-change']>;
    'chanrong-result': CustomEvent<ChanrongEventDetails['chanrong-result']>;
    'chanrong-select-program': CustomEvent<ChanrongEventDetails['chanrong-select-program']>;
    'chanrong-quote': CustomEvent<ChanrongEventDetails['chanrong-quote']>;
    'chanrong-render': CustomEvent<ChanrongEventDetails['chanrong-render']>;
    'chanrong-select': CustomEvent<ChanrongEventDetails['chanrong-select']>;
  }
}
