// Registers <chanrong-services> (guarded).
import { ChanrongServices } from '../elements/services/services.js';
import { defineElement } from '../elements/shared/define-element.js';

defineElement('chanrong-services', ChanrongServices);

export { ChanrongServices };

declare global {
  interface HTMLElementTagNameMap {
    'chanrong-services': ChanrongServices;
  }
}
export type * from '../entries/events.js';
