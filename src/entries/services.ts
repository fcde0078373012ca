// chanrong/elements/services: the ChanrongServices class alone, free of side effects (nothing is registered; import
// chanrong/define/services for that). Importing it does not pull the other widgets.
export { ChanrongServices } from '../elements/services/services.js';
export type * from './events.js';
