// Registers <chanrong-financing-calculator> (guarded).
import { ChanrongFinancingCalculator } from '../elements/financing-calculator/financing-calculator.js';
import { defineElement } from '../elements/shared/define-element.js';

defineElement('chanrong-financing-calculator', ChanrongFinancingCalculator);

export { ChanrongFinancingCalculator };

declare global {
  interface HTMLElementTagNameMap {
    'chanrong-financing-calculator': ChanrongFinancingCalculator;
  }
}
export type * from '../entries/events.js';
