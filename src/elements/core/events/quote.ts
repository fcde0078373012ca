// `chanrong-quote`: the calculator priced a loan or a bond.
import type { BondQuote, FinancingQuote } from '../../../contract/index.js';
export const QUOTE = 'chanrong-quote';
export interface ChanrongQuoteDetail { quote: FinancingQuote | BondQuote }
