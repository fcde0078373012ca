// chanrong/elements/incubator-map: the ChanrongIncubatorMap class alone, free of side effects (nothing is registered; import
// chanrong/define/incubator-map for that). Importing it does not pull the other widgets.
export { ChanrongIncubatorMap } from '../elements/incubator-map/incubator-map.js';
export type * from './events.js';
