// Loan quotes (CONTRACT.md, "Financing"): the repayment schedule to the fen, fees and subsidies, and the
// annualized rate of PBoC announcement [2021] No. 3 by the IRR method.
import type { FinancingQuote, FinancingRequest, ReferenceRates, ScheduleRow, Warning } from '../../contract/index.js';
import { EngineError } from '../errors.js';
import { addMonths } from './calendar.js';
import { rateOfReturn } from './irr.js';
import { annuityPayment, applyRate, applyRatePer, toFen, toYuan } from './money.js';
import { lprOn } from './reference-rates.js';

const WARNINGS = {
  'exceeds-pledge-cap': {
    'zh-CN': '贷款本金超过知识产权质押可贷上限（评估价值 × 质押率）',
    'zh-TW': '貸款本金超過智慧財產權質押可貸上限（評估價值 × 質押率）',
    en: 'The principal exceeds the IP-pledge cap (appraised value × pledge ratio)',
  },
  'irr-multiple-sign-changes': {
    'zh-CN': '现金流多次改变方向，内部收益率可能不唯一',
    'zh-TW': '現金流多次改變方向，內部報酬率可能不唯一',
    en: 'The cash flows change sign more than once; the rate of return may not be unique',
  },
} as const;

/** The nominal annual rate of a request: fixed, or LPR (given or published on/before the start) plus the spread. */
export function nominalRate(request: FinancingRequest, rates: ReferenceRates): number {
  const spec = request.rate;
  if (spec.type === 'fixed') return spec.annualRate;
  const base = spec.baseRate ?? lprOn(rates, spec.tenor, request.startDate);
  if (base === undefined) {
    throw new EngineError('invalid-data', `no ${spec.tenor} LPR was published on or before ${request.startDate}`, 'startDate', [
      { code: 'no_lpr', path: ['startDate'], params: { tenor: spec.tenor } },
    ]);
  }
  // Exact in basis points: LPRs and spreads are whole hundredths of a percent.
  const rate = Math.round(base * 10_000 + spec.spreadBps) / 10_000;
  if (rate < 0) {
    throw new EngineError('invalid-data', `LPR ${base} with a spread of ${spec.spreadBps} bp is below zero`, 'rate.spreadBps', [
      { code: 'too_small', path: ['rate', 'spreadBps'], minimum: -Math.round(base * 10_000), inclusive: true, origin: 'number' },
    ]);
  }
  return rate;
}

interface Flows {
  lender: number[];
  allIn: number[];
}

export function quoteLoan(request: FinancingRequest, rates: ReferenceRates): FinancingQuote {
  const annualRate = nominalRate(request, rates);
  const P = toFen(request.principal);
  const term = request.termMonths;
  const grace = request.graceMonths ?? 0;
  const n = term - grace;
  const installment = request.repayment === 'equal-installment' ? annuityPayment(P, annualRate, n) : 0;
  const straight = request.repayment === 'equal-principal' ? Math.sign(P) * Math.round(Math.abs(P) / n) : 0;
  const upfrontFee = request.upfrontFeeRate ? applyRate(P, request.upfrontFeeRate) : 0;
  const guaranteeRate = request.guaranteeFee?.annualRate ?? 0;
  const feeAtStart = guaranteeRate ? applyRate(P, guaranteeRate) : 0;

  const schedule: ScheduleRow[] = [];
  const flows: Flows = { lender: [P - upfrontFee], allIn: [P - upfrontFee - feeAtStart] };
  const totals = { interest: 0, principal: 0, payment: 0, guaranteeFee: feeAtStart, subsidy: 0 };
  let balance = P;
  for (let k = 1; k <= term; k++) {
    const opening = balance;
    const interest = applyRatePer(opening, annualRate, 12);
    let principal: number;
    if (k <= grace) principal = 0;
    else if (k === term) principal = opening;
    else if (request.repayment === 'equal-installment') principal = Math.min(opening, installment - interest);
    else if (request.repayment === 'equal-principal') principal = Math.min(opening, straight);
    else principal = 0;
    const payment = interest + principal;
    balance = opening - principal;
    const guaranteeFee = guaranteeRate && k % 12 === 0 && k < term ? applyRate(balance, guaranteeRate) : 0;
    let subsidy = 0;
    if (request.subsidy?.type === 'rate-points') subsidy = Math.min(interest, applyRatePer(opening, request.subsidy.annualPoints, 12));
    else if (request.subsidy?.type === 'share-of-interest') subsidy = applyRate(interest, request.subsidy.share);
    schedule.push({
      period: k, date: addMonths(request.startDate, k),
      openingBalance: toYuan(opening), interest: toYuan(interest), principal: toYuan(principal), payment: toYuan(payment),
      guaranteeFee: toYuan(guaranteeFee), subsidy: toYuan(subsidy), closingBalance: toYuan(balance),
    });
    flows.lender.push(-payment);
    flows.allIn.push(-payment - guaranteeFee + subsidy);
    totals.interest += interest;
    totals.principal += principal;
    totals.payment += payment;
    totals.guaranteeFee += guaranteeFee;
    totals.subsidy += subsidy;
  }

  const warnings: Warning[] = [];
  const monthlyGuess = annualRate / 12;
  const lender = rateOfReturn(flows.lender, monthlyGuess, 'upfrontFeeRate');
  const allIn = rateOfReturn(flows.allIn, monthlyGuess, 'guaranteeFee.annualRate');
  if (lender.signChanges > 1 || allIn.signChanges > 1) warnings.push({ code: 'irr-multiple-sign-changes', message: { ...WARNINGS['irr-multiple-sign-changes'] } });

  const quote: FinancingQuote = {
    annualRate,
    disbursement: {
      date: request.startDate, principal: toYuan(P), upfrontFee: toYuan(upfrontFee), guaranteeFee: toYuan(feeAtStart),
      netAmount: toYuan(P - upfrontFee - feeAtStart),
    },
    schedule,
    totals: {
      interest: toYuan(totals.interest), principal: toYuan(totals.principal), payment: toYuan(totals.payment),
      upfrontFee: toYuan(upfrontFee), guaranteeFee: toYuan(totals.guaranteeFee), subsidy: toYuan(totals.subsidy),
    },
    annualizedRate: cleanRate(lender.rate * 12),
    effectiveAnnualRate: cleanRate(Math.pow(1 + lender.rate, 12) - 1),
    allInCost: cleanRate(allIn.rate * 12),
    warnings,
  };
  if (request.ipPledge) {
    const maxPrincipal = applyRate(toFen(request.ipPledge.appraisedValue), request.ipPledge.pledgeRatio);
    quote.limits = { maxPrincipal: toYuan(maxPrincipal) };
    if (P > maxPrincipal) warnings.push({ code: 'exceeds-pledge-cap', message: { ...WARNINGS['exceeds-pledge-cap'] } });
  }
  return quote;
}

/** Rates are reported to 1e-12: enough for "exact to 1e-9", and no -0 or float dust such as 1e-17 for a zero rate. */
function cleanRate(x: number): number {
  const r = Math.round(x * 1e12) / 1e12;
  return r === 0 ? 0 : r;
}
