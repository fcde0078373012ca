// Loan quotes (CONTRACT.md, "Financing" and its v2 additions "Financing that reconciles with a bank statement"):
// the repayment schedule to the fen (monthly or quarterly periods, 30/360 or actual/B interest, LPR repricing,
// prepayments), fees and subsidies, and the annualized rate of PBoC announcement [2021] No. 3 by the IRR method.
// One algorithm serves v1 and v2: with no v2 field the rules reduce to v1's, and the answer leaves out the v2 fields.
import type { FinancingQuote, FinancingRequest, RateChange, ReferenceRates, ScheduleRow, Warning } from '../../contract/index.js';
import { periodMonths } from '../../contract/index.js';
import { EngineError } from '../errors.js';
import { addMonths, dayNumber } from './calendar.js';
import { rateOfReturn } from './irr.js';
import { annuityPayment, applyRate, applyTwoRatesPer, mulDivRound, RATE_SCALE, rateUnits, toFen, toYuan } from './money.js';

const WARNINGS = {
  'exceeds-pledge-cap': {
    'zh-CN': '贷款本金超过知识产权质押可贷上限（评估价值 × 质押率）',
    'zh-TW': '貸款本金超過智慧財產權質押可貸上限（評估價值 × 質押率）',
    en: 'The principal exceeds the IP-pledge cap (appraised value × pledge ratio)',
  },
  'lpr-unchecked': {
    'zh-CN': '贷款起始日晚于 LPR 表最近一次与官方公布核对的日期，之后的报价可能缺失，请核对当期 LPR',
    'zh-TW': '貸款起始日晚於 LPR 表最近一次與官方公布核對的日期，之後的報價可能缺失，請核對當期 LPR',
    en: 'The start date is after the date the LPR table was last checked against the official publication; later fixings may be missing, so check the current LPR',
  },
  'prepayment-exceeds-balance': {
    'zh-CN': '提前还款金额超过当时的剩余本金（或贷款已结清），超出部分未计入',
    'zh-TW': '提前還款金額超過當時的剩餘本金（或貸款已結清），超出部分未計入',
    en: 'A prepayment exceeds the balance then outstanding (or the loan has already ended); only the balance is repaid',
  },
  'several-rates-of-return': {
    'zh-CN': '贴息按年后付，使综合资金流多次改变正负，可能有不止一个利率使其净现值为零；综合融资成本取与净成本同号、最接近合同利率的那一个',
    'zh-TW': '貼息按年後付，使綜合資金流多次改變正負，可能有不止一個利率使其淨現值為零；綜合融資成本取與淨成本同號、最接近合約利率的那一個',
    en: 'Subsidies paid annually in arrears make the all-in flows change sign several times, so more than one rate can solve them; the all-in cost shown is the one with the sign of the net cost that is nearest the contract rate',
  },
} as const;

/** True when the request uses any field of the v2 additions: only then does the answer carry the v2 fields. */
export function usesV2(request: FinancingRequest): boolean {
  const r = request.rate;
  const s = request.subsidy;
  const g = request.guaranteeFee;
  // Stryker disable next-line ConditionalExpression: a fixed rate has neither repricing nor lprPath (the schema strips unknown keys)
  const lprV2 = r.type === 'lpr' && (r.repricing !== undefined || r.lprPath !== undefined);
  return request.frequency !== undefined || request.dayCount !== undefined || request.prepayments !== undefined || lprV2
    || (g !== undefined && (g.basis !== undefined || g.coverage !== undefined))
    || (s !== undefined && (s.months !== undefined || s.until !== undefined || s.timing !== undefined));
}

function noLpr(tenor: string, date: string): EngineError {
  return new EngineError('invalid-data', `no ${tenor} LPR was published on or before ${date}`, 'startDate', [
    { code: 'no_lpr', path: ['startDate'], params: { tenor } },
  ]);
}

/** Rate units (over RATE_SCALE) of base + spread; refuses a negative rate. */
function plusSpread(base: number, spreadBps: number, path: 'rate.spreadBps' | 'rate.lprPath'): number {
  // Exact in units of 1e-10: LPRs, path fixings and spreads are decimals, never binary fractions.
  const units = rateUnits(base) + spreadBps * 1_000_000;
  if (units < 0) {
    throw new EngineError('invalid-data', `LPR ${base} with a spread of ${spreadBps} bp is below zero`, path, [
      { code: 'too_small', path: path.split('.'), minimum: -Math.round(base * 10_000), inclusive: true, origin: 'number' },
    ]);
  }
  return units;
}

/** True when `lprPath` fixes the start's base itself: an entry carrying the tenor after `checkedOn`, on or before `start`. */
function suppliesStartBase(rate: Extract<FinancingRequest['rate'], { type: 'lpr' }>, checkedOn: string, start: string): boolean {
  const key = rate.tenor === '1y' ? 'oneYear' : 'fiveYear';
  return (rate.lprPath ?? []).some((e) => e[key] !== undefined && e.date > checkedOn && e.date <= start);
}

/** The nominal annual rate of a request at its start: fixed, or LPR (given or published on/before the start) plus the spread. */
export function nominalRate(request: FinancingRequest, rates: ReferenceRates): number {
  const spec = request.rate;
  if (spec.type === 'fixed') return spec.annualRate;
  return baseResolver(request, rates)(request.startDate) / RATE_SCALE;
}

/**
 * The LPR of the request's tenor published on or before a date, from the bundled history merged with `lprPath`:
 * every fixing in date order, a path entry after the published fixing of its date and after earlier path entries
 * of its date (so it replaces them, the later winning), each setting the tenors it gives; a tenor it leaves out
 * keeps the value it had just before.
 */
function lprLookup(rates: ReferenceRates, tenor: '1y' | '5y', path: NonNullable<Extract<FinancingRequest['rate'], { type: 'lpr' }>['lprPath']> | undefined): (date: string) => number | undefined {
  const key = tenor === '1y' ? 'oneYear' : 'fiveYear';
  // Published fixings first, then the path, each in the order given: the sort is stable (ES2019), so on one date a
  // path entry comes after the published fixing and after earlier entries, and the last of a date is the one in force.
  // (With no path the same rule reads the table alone: of two fixings given for one date, the later.)
  const events = [
    ...rates.lpr.map((f) => ({ date: f.date, value: f[key] as number | undefined })),
    // Stryker disable next-line ArrayDeclaration: an extra event with neither date nor value compares equal to every other (V8's sort only asks compare < 0, so it stays last) and is never <= a date
    ...(path ?? []).map((e) => ({ date: e.date, value: e[key] })),
  ];
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the mutants of the second test keep compare(a, b) < 0 exactly when a.date < b.date, and V8's TimSort asks nothing else (array-sort.tq: order < 0, order >= 0)
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const dates: string[] = [];
  const values: (number | undefined)[] = [];
  let last: number | undefined;
  for (const e of events) {
    if (e.value !== undefined) last = e.value;
    dates.push(e.date);
    values.push(last);
  }
  return (date) => {
    // The last index with dates[i] <= date (of several events on one date, the last: it holds them all); none → -1,
    // and values[-1] is undefined.
    let lo = 0, hi = dates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dates[mid]! <= date) lo = mid + 1;
      else hi = mid;
    }
    return values[lo - 1];
  };
}

/** Rate units of the base + spread set at a repricing date (`baseRate` is the base at `startDate` only). */
function baseResolver(request: FinancingRequest, rates: ReferenceRates): (repricingDate: string) => number {
  const spec = request.rate;
  if (spec.type === 'fixed') {
    const units = rateUnits(spec.annualRate);
    return () => units;
  }
  const lookup = lprLookup(rates, spec.tenor, spec.lprPath);
  const cache = new Map<string, number>();
  return (date) => {
    let units = cache.get(date);
    // Stryker disable next-line ConditionalExpression: a cache: recomputing gives the same units
    if (units === undefined) {
      const atStart = date === request.startDate;
      const base = atStart && spec.baseRate !== undefined ? spec.baseRate : lookup(date);
      if (base === undefined) throw noLpr(spec.tenor, date);
      units = plusSpread(base, spec.spreadBps, atStart ? 'rate.spreadBps' : 'rate.lprPath');
      cache.set(date, units);
    }
    return units;
  };
}

/** The repricing date in force on a period's opening date (the date of period k − 1, k·m months before offset). */
function repricingDateFor(request: FinancingRequest, openingOffsetMonths: number, openingDate: string): string {
  const spec = request.rate;
  const start = request.startDate;
  // Stryker disable next-line ConditionalExpression,StringLiteral: unreachable for a fixed rate: repricing dates are asked for only when the rate is repriced (quoteLoan's `fixed`)
  if (spec.type === 'fixed') return start;
  // Stryker disable next-line StringLiteral: unreachable default: only 'anniversary' and 'january-1' rates are repriced
  const mode = spec.repricing ?? 'none';
  if (mode === 'anniversary') {
    const years = Math.floor(openingOffsetMonths / 12);
    return addMonths(start, 12 * years);
  }
  // Stryker disable next-line ConditionalExpression: only 'january-1' reaches this line ('none' is never repriced)
  if (mode === 'january-1') {
    const jan1 = `${openingDate.slice(0, 4)}-01-01`;
    // Stryker disable next-line EqualityOperator: when 1 January is the start, both branches give the same date
    return jan1 > start ? jan1 : start;
  }
  return start;
}

/** The least n in [1, max] with round(annuity(balance, r, n)) <= installment, or max when none is. */
function periodsToRepay(balance: number, annualRate: number, perYear: number, installment: number, max: number): number {
  // Stryker disable next-line ConditionalExpression: a shortcut: when no n <= max qualifies, the binary search below ends at max too
  if (annuityPayment(balance, annualRate, max, perYear) > installment) return max;
  let lo = 1, hi = max;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (annuityPayment(balance, annualRate, mid, perYear) <= installment) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function quoteLoan(request: FinancingRequest, rates: ReferenceRates): FinancingQuote {
  const v2 = usesV2(request);
  const m = periodMonths(request.frequency);
  const perYear = 12 / m;
  const term = request.termMonths;
  const N = term / m;
  const G = (request.graceMonths ?? 0) / m;
  const dayCount = request.dayCount; // undefined reads as '30/360'
  const dayBasis = dayCount === 'actual/360' ? 360 : dayCount === 'actual/365' ? 365 : 0;
  const P = toFen(request.principal);
  const upfrontFee = request.upfrontFeeRate ? applyRate(P, request.upfrontFeeRate) : 0;
  const start = request.startDate;
  const repayment = request.repayment;
  const rateAt = baseResolver(request, rates);
  // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: a shortcut: a rate that is never repriced, looked up per period, is the start rate in every period
  const fixed = request.rate.type === 'fixed' || (request.rate.repricing ?? 'none') === 'none';
  const startUnits = rateAt(start);
  // The rate set at each repricing date, memoized by the repricing's index (year of the loan or calendar year).
  const repriced = new Map<number, number>();
  // Stryker disable next-line ConditionalExpression: a fixed rate has no repricing
  const anniversary = request.rate.type === 'lpr' && request.rate.repricing === 'anniversary';
  const repricedUnits = (k: number, openingDate: string): number => {
    // Stryker disable next-line ArithmeticOperator,UnaryOperator: a cache key that is finer or negated still maps each repricing to its own entry: the same rates
    const key = anniversary ? Math.floor(((k - 1) * m) / 12) : +openingDate.slice(0, 4);
    let units = repriced.get(key);
    // Stryker disable next-line ConditionalExpression: a cache: recomputing gives the same units
    if (units === undefined) {
      // Stryker disable next-line ArithmeticOperator: computed only at the first period of each loan year (k − 1 = 12j / m, the cache holds the rest), where floor((k + 1)m / 12) = j as well; january-1 ignores the offset
      units = rateAt(repricingDateFor(request, (k - 1) * m, openingDate));
      repriced.set(key, units);
    }
    return units;
  };
  // A fixed rate is reported as given (rates with more than 10 decimals are computed at 1e-10, as in v1).
  // Stryker disable next-line ConditionalExpression: an LPR rate has no annualRate: undefined either way
  const fixedRate = request.rate.type === 'fixed' ? request.rate.annualRate : undefined;

  // Guarantee fee: at t0, then at each month 12j < term with a balance left.
  const gf = request.guaranteeFee;
  const gRate = gf?.annualRate ?? 0;
  // Stryker disable next-line StringLiteral: an unknown basis takes the general formula with c = coverage, which for 'annual-in-advance' is the same fen
  const basis = gf?.basis ?? 'annual-in-advance';
  const coverage = gf?.coverage ?? 1;
  // Stryker disable next-line ConditionalExpression,StringLiteral: a shortcut: applyTwoRatesPer(balance, 1, rate, 1, 1) is applyRate(balance, rate)
  const plainGuarantee = coverage === 1 && basis === 'annual-in-advance';
  const guaranteeOn = (balance: number, monthOffset: number): number => {
    // Stryker disable next-line ConditionalExpression: a fee at a rate of 0 is 0 fen
    if (!gRate) return 0;
    // Stryker disable next-line ConditionalExpression: a shortcut: the general formula gives the same fen with c = 1
    if (plainGuarantee) return applyRate(balance, gRate);
    if (basis === 'pro-rata') return applyTwoRatesPer(balance, coverage, gRate, Math.min(12, term - monthOffset), 12);
    if (basis === 'one-off') return monthOffset === 0 ? applyTwoRatesPer(balance, coverage, gRate, term, 12) : 0;
    return applyTwoRatesPer(balance, coverage, gRate, 1, 1);
  };
  const feeAtStart = guaranteeOn(P, 0);

  // Subsidy: what accrues in each period (credited with the payment, or annually in arrears).
  const sub = request.subsidy;
  const subUntil = sub?.until;
  const subMonths = sub?.months;
  const pointsUnits = sub?.type === 'rate-points' ? rateUnits(sub.annualPoints) : 0;

  // Prepayments, in period order and, within a period, in request order.
  // (Array.prototype.sort is stable since ES2019: prepayments of one period keep the request's order.)
  const prepayments = [...(request.prepayments ?? [])].sort((a, b) => a.period - b.period);
  let next = 0;
  const warnings: Warning[] = [];
  let exceeded = false;

  const schedule: ScheduleRow[] = [];
  const accrued: number[] = [];
  const lender: number[] = [P - upfrontFee];
  const guaranteeFees: number[] = [];
  const rateChanges: RateChange[] = [];
  const totals = { interest: 0, principal: 0, payment: 0, guaranteeFee: feeAtStart, subsidy: 0, prepayment: 0, prepaymentFee: 0 };
  let lastSubsidized = 0;

  let M = N;
  let installment = 0;
  let straight = 0;
  let balance = P;
  let prevUnits = -1;
  let prevDate = start;
  // Stryker disable next-line ConditionalExpression: days are read only under actual/B or in a v2 row
  let prevDay = dayBasis || v2 ? dayNumber(start) : 0;
  for (let k = 1; k <= M; k++) {
    const opening = balance;
    const date = addMonths(start, k * m);
    // Stryker disable next-line ConditionalExpression: days are read only under actual/B or in a v2 row
    const day = dayBasis || v2 ? dayNumber(date) : 0;
    const days = day - prevDay;
    const units = fixed ? startUnits : repricedUnits(k, prevDate);
    const annualRate = fixedRate ?? units / RATE_SCALE;
    if (units !== prevUnits) rateChanges.push({ period: k, date, annualRate });
    const interest = dayBasis ? mulDivRound(opening, units * days, RATE_SCALE * dayBasis) : mulDivRound(opening, units * m, RATE_SCALE * 12);

    // Stryker disable next-line ConditionalExpression,EqualityOperator: an installment set during grace is never read (grace pays no principal, prepayments then skip) and is set again at G + 1
    if (k > G) {
      if (repayment === 'equal-installment' && (k === G + 1 || units !== prevUnits)) installment = annuityPayment(opening, annualRate, M - k + 1, perYear);
      else if (repayment === 'equal-principal' && k === G + 1) straight = mulDivRound(opening, 1, M - G);
    }
    let principal: number;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: during grace the installment and straight are still 0, so the branches below give 0 too
    if (k <= G) principal = 0;
    else if (k === M) principal = opening;
    else if (repayment === 'equal-installment') principal = Math.min(opening, Math.max(0, installment - interest));
    // equal-principal; and interest-only, whose straight is never set (0): min(opening, 0) = 0 until period M.
    else principal = Math.min(opening, straight);
    const payment = interest + principal;
    balance = opening - principal;

    let prepaid = 0;
    let prepaymentFee = 0;
    while (next < prepayments.length && prepayments[next]!.period === k) {
      const pp = prepayments[next++]!;
      const amount = toFen(pp.amount);
      if (amount > balance) exceeded = true;
      const paid = Math.min(amount, balance);
      // Stryker disable next-line ConditionalExpression: amounts are at least 0.01, so nothing is paid only when the balance is 0, which means k is already M
      if (paid === 0) continue;
      prepaid += paid;
      prepaymentFee += pp.feeRate ? applyRate(paid, pp.feeRate) : 0;
      balance -= paid;
      if (balance === 0) { M = k; continue; }
      // Stryker disable next-line ConditionalExpression,StringLiteral: for interest-only straight is 0: reduce-payment sets a value never read, shorten-term gives min(ceil(balance / 0), M − k) = M − k
      if (k <= G || repayment === 'interest-only') continue;
      if (pp.mode === 'reduce-payment') {
        if (repayment === 'equal-installment') installment = annuityPayment(balance, annualRate, M - k, perYear);
        else straight = mulDivRound(balance, 1, M - k);
      } else if (repayment === 'equal-installment') {
        M = k + periodsToRepay(balance, annualRate, perYear, installment, M - k);
      } else {
        M = k + Math.min(Math.ceil(balance / straight), M - k);
      }
    }

    // Due at each month 12j < term with a balance left: the balance is 0 by the term's last period (and after a payoff),
    // and a fee on a balance of 0 is 0 fen under every basis, so the month offset is the only test needed.
    const guaranteeFee = gRate && (k * m) % 12 === 0 ? guaranteeOn(balance, k * m) : 0;
    let subsidy = 0;
    if (sub && (subMonths === undefined || k * m <= subMonths) && (subUntil === undefined || date <= subUntil)) {
      lastSubsidized = k;
      if (sub.type === 'rate-points') {
        const cap = dayBasis ? mulDivRound(opening, pointsUnits * days, RATE_SCALE * dayBasis) : mulDivRound(opening, pointsUnits * m, RATE_SCALE * 12);
        subsidy = Math.min(interest, cap);
      } else {
        subsidy = applyRate(interest, sub.share);
      }
    }
    accrued.push(subsidy);
    guaranteeFees.push(guaranteeFee);
    const row: ScheduleRow = {
      period: k, date,
      openingBalance: toYuan(opening), interest: toYuan(interest), principal: toYuan(principal), payment: toYuan(payment),
      guaranteeFee: toYuan(guaranteeFee), subsidy: toYuan(subsidy), closingBalance: toYuan(balance),
    };
    if (v2) {
      row.annualRate = annualRate;
      row.days = days;
      row.prepayment = toYuan(prepaid);
      row.prepaymentFee = toYuan(prepaymentFee);
    }
    schedule.push(row);
    lender.push(-(payment + prepaid + prepaymentFee));
    totals.interest += interest;
    totals.principal += principal;
    totals.payment += payment;
    totals.guaranteeFee += guaranteeFee;
    totals.prepayment += prepaid;
    totals.prepaymentFee += prepaymentFee;
    prevUnits = units;
    prevDate = date;
    prevDay = day;
  }
  // Prepayments past the (shortened) maturity are ignored, with the warning.
  if (next < prepayments.length) exceeded = true;
  if (exceeded) warnings.push({ code: 'prepayment-exceeds-balance', message: { ...WARNINGS['prepayment-exceeds-balance'] } });

  // Subsidies credited: with each payment, or what has accrued at each 12-month offset and at the last subsidized period.
  const credited = accrued;
  if (sub?.timing === 'annual-in-arrears') {
    let pending = 0;
    for (let i = 0; i < accrued.length; i++) {
      const k = i + 1;
      pending += accrued[i]!;
      if ((k * m) % 12 === 0 || k === lastSubsidized) {
        credited[i] = pending;
        pending = 0;
      } else {
        credited[i] = 0;
      }
      schedule[i]!.subsidy = toYuan(credited[i]!);
    }
  }
  const allIn: number[] = [P - upfrontFee - feeAtStart];
  for (let i = 0; i < credited.length; i++) {
    totals.subsidy += credited[i]!;
    allIn.push(lender[i + 1]! - guaranteeFees[i]! + credited[i]!);
  }

  // The contract rate at the start: reported as `annualRate`, and where each rate of return's search starts.
  const annualRate = fixedRate ?? startUnits / RATE_SCALE;
  const lenderIrr = rateOfReturn(lender, annualRate, perYear, 'upfrontFeeRate');
  const allInIrr = rateOfReturn(allIn, annualRate, perYear, 'guaranteeFee.annualRate');
  // The borrower's flows are + at t0 and never + after it, and so are v1's all-in flows (a subsidy is at most the
  // period's interest, which is at most its payment): one sign change, one root. Only v2's "annual-in-arrears"
  // subsidies turn all-in flows positive, once a year; then several roots may solve them, the one reported is the
  // rule's (irr.ts: of the net cost's sign, nearest the nominal rate in ln(1 + r)), and the quote says so.
  if (allInIrr.signChanges > 1) warnings.push({ code: 'several-rates-of-return', message: { ...WARNINGS['several-rates-of-return'] } });
  // The LPR in force at the start comes from the table: past the date it was last checked, a fixing may be missing —
  // unless the borrower supplies the base: `baseRate`, or an `lprPath` entry of the tenor dated after that check
  // and on or before the start (the path then decides the base, whatever was published before it).
  if (request.rate.type === 'lpr' && request.rate.baseRate === undefined && rates.checkedOn && start > rates.checkedOn
    && !suppliesStartBase(request.rate, rates.checkedOn, start)) {
    warnings.push({ code: 'lpr-unchecked', message: { ...WARNINGS['lpr-unchecked'] } });
  }

  const quote: FinancingQuote = {
    annualRate,
    disbursement: {
      date: start, principal: toYuan(P), upfrontFee: toYuan(upfrontFee), guaranteeFee: toYuan(feeAtStart),
      netAmount: toYuan(P - upfrontFee - feeAtStart),
    },
    schedule,
    totals: {
      interest: toYuan(totals.interest), principal: toYuan(totals.principal), payment: toYuan(totals.payment),
      upfrontFee: toYuan(upfrontFee), guaranteeFee: toYuan(totals.guaranteeFee), subsidy: toYuan(totals.subsidy),
    },
    annualizedRate: cleanRate(lenderIrr.rate * perYear),
    effectiveAnnualRate: cleanRate(Math.pow(1 + lenderIrr.rate, perYear) - 1),
    allInCost: cleanRate(allInIrr.rate * perYear),
    warnings,
  };
  if (v2) {
    quote.totals.prepayment = toYuan(totals.prepayment);
    quote.totals.prepaymentFee = toYuan(totals.prepaymentFee);
    quote.rateChanges = rateChanges;
    quote.maturity = { period: M, date: schedule[schedule.length - 1]!.date };
  }
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
  // Stryker disable next-line ConditionalExpression: no −0 arises: every quote's flows sum to <= 0 (fees and interest are never negative), so its rates are >= 0 and round to +0
  return r === 0 ? 0 : r;
}
