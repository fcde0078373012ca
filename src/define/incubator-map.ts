// Registers <chanrong-incubator-map> (guarded).
import { ChanrongIncubatorMap } from '../elements/incubator-map/incubator-map.js';
import { defineElement } from '../elements/shared/define-element.js';

defineElement('chanrong-incubator-map', ChanrongIncubatorMap);

export { ChanrongIncubatorMap };

declare global {
  interface HTMLElementTagNameMap {
    'chanrong-incubator-map': ChanrongIncubatorMap;
  }
}
export type * from '../entries/events.js';
