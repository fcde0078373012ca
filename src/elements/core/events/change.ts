// `chanrong-change`: the user changed what the widget describes: the checker's answers, or the calculator's request.
import type { BondRequest, DiscountRequest, FinancingRequest, Profile } from '../../../contract/index.js';
export const CHANGE = 'chanrong-change';
/** The checker sends `{ profile }`; the calculator sends `{ request }` (a loan or a bond request it is about to price). */
export type ChanrongChangeDetail = { profile: Profile; request?: never } | { request: FinancingRequest | BondRequest | DiscountRequest; profile?: never };
