// Bill discounting (CONTRACT.md, "Bill discounting"): the bank pays the face value less interest for the days
// from the discount date to maturity (plus any extra days for a bill payable in another city).
import type { DiscountQuote, DiscountRequest } from '../../contract/index.js';
import { EngineError } from '../errors.js';
import { daysBetween } from './calendar.js';
import { mulDivRound, rateUnits, RATE_SCALE, toFen, toYuan } from './money.js';

export function quoteDiscount(request: DiscountRequest): DiscountQuote {
  const face = toFen(request.faceValue);
  const days = daysBetween(request.discountDate, request.maturityDate) + (request.extraDays ?? 0);
  const basis = request.dayBasis ?? 360;
  // round(face × discountRate × days / basis), exactly in integers.
  const interest = mulDivRound(face, rateUnits(request.discountRate) * days, RATE_SCALE * basis);
  const proceeds = face - interest;
  if (proceeds <= 0) {
    throw new EngineError('invalid-data', 'the discount interest would take the whole face value', 'maturityDate', [
      { code: 'custom', path: ['maturityDate'], message: 'the discount interest would take the whole face value', params: { rule: 'discount-exceeds-face' } },
    ]);
  }
  const annualizedRate = ((interest / proceeds) * 365) / days;
  return { days, interest: toYuan(interest), proceeds: toYuan(proceeds), annualizedRate: Math.round(annualizedRate * 1e12) / 1e12 || 0 };
}
