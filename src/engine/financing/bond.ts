// Tech-innovation bond quotes (CONTRACT.md, "Financing"): the issuer's cash flows and cost, and how an expected
// default loss is shared under the PBoC risk-sharing tool.
import type { BondQuote, BondRequest } from '../../contract/index.js';
import { addMonths } from './calendar.js';
import { rateOfReturn } from './irr.js';
import { applyRatePer, applyTwoRates, mulDivRound, rateUnits, RATE_SCALE, splitByShares, toFen, toYuan } from './money.js';

export function quoteBond(request: BondRequest): BondQuote {
  const face = toFen(request.faceValue);
  const f = request.couponsPerYear;
  const periods = request.termYears * f;
  const proceeds = mulDivRound(face, rateUnits((request.issuePrice ?? 100) / 100), RATE_SCALE);
  const upfront = request.upfrontCostRate ? mulDivRound(face, rateUnits(request.upfrontCostRate), RATE_SCALE) : 0;
  const coupon = applyRatePer(face, request.couponRate, f);
  const cost = request.annualCostRate ? applyRatePer(face, request.annualCostRate, f) : 0;
  const cashFlows: BondQuote['cashFlows'] = [{
    period: 0, date: request.issueDate, coupon: 0, cost: toYuan(upfront), principal: toYuan(proceeds), net: toYuan(proceeds - upfront),
  }];
  const nets = [proceeds - upfront];
  for (let k = 1; k <= periods; k++) {
    const principal = k === periods ? face : 0;
    const net = -(coupon + cost + principal);
    nets.push(net);
    cashFlows.push({ period: k, date: addMonths(request.issueDate, (k * 12) / f), coupon: toYuan(coupon), cost: toYuan(cost), principal: toYuan(principal), net: toYuan(net) });
  }
  // No several-rates-of-return warning for a bond (the loan's): the issuer's flows are proceeds − upfront cost at t0
  // (refused below when not > 0) and −(coupon + cost [+ face]) after it, with coupon and cost >= 0 and the face > 0 at
  // the end: they change sign exactly once, so the rate of return is unique and already of the net cost's sign.
  const blame = request.upfrontCostRate ? 'upfrontCostRate' : request.issuePrice !== undefined ? 'issuePrice' : 'faceValue';
  // Stryker disable next-line ArithmeticOperator: only where the root search starts: the flows are + at t0 and − after (one sign change), so by Descartes' rule the root in (−1, ∞) is unique and every start ends there
  const { rate } = rateOfReturn(nets, request.couponRate + (request.annualCostRate ?? 0), f, blame);
  const quote: BondQuote = { cashFlows, issuerCost: Math.round(rate * f * 1e12) / 1e12 || 0 };
  if (request.riskSharing) {
    const { defaultProbability, lossGivenDefault, shares } = request.riskSharing;
    const expectedLoss = applyTwoRates(face, defaultProbability, lossGivenDefault);
    const byParty = splitByShares(expectedLoss, shares);
    quote.riskSharing = { expectedLoss: toYuan(expectedLoss), byParty: Object.fromEntries(Object.entries(byParty).map(([k, v]) => [k, toYuan(v)])) };
  }
  return quote;
}
