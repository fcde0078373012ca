// `chanrong-quote`: the calculator priced a loan, a bond or a bill discount.
import type { BondQuote, DiscountQuote, FinancingQuote } from '../../../contract/index.js';
export const QUOTE = 'chanrong-quote';
export interface ChanrongQuoteDetail { quote: FinancingQuote | BondQuote | DiscountQuote }
