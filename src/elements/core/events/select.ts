// `chanrong-select`: an incubator was picked on the map or in its list.
import type { Incubator } from '../../../contract/index.js';
export const SELECT = 'chanrong-select';
export interface ChanrongSelectDetail { incubator: Incubator }
