// Loans and bonds (CONTRACT.md, "Financing").
import * as z from 'zod/mini';
import { FeeRate, Fraction, IsoDate, LocalizedText, Money, NonNegativeMoney, PositiveMoney, StartDate } from './common.js';

export const REPAYMENTS = ['equal-installment', 'equal-principal', 'interest-only'] as const;
export const Repayment = z.enum(REPAYMENTS);
export type Repayment = z.infer<typeof Repayment>;

export const LprTenor = z.enum(['1y', '5y']);
export type LprTenor = z.infer<typeof LprTenor>;

export const FixedRate = z.object({ type: z.literal('fixed'), annualRate: Fraction });
export const FREQUENCIES = ['monthly', 'quarterly'] as const;
export const Frequency = z.enum(FREQUENCIES);
export type Frequency = z.infer<typeof Frequency>;
export const DAY_COUNTS = ['30/360', 'actual/360', 'actual/365'] as const;
export const DayCount = z.enum(DAY_COUNTS);
export type DayCount = z.infer<typeof DayCount>;
export const REPRICINGS = ['none', 'anniversary', 'january-1'] as const;
export const Repricing = z.enum(REPRICINGS);
export type Repricing = z.infer<typeof Repricing>;

/** An assumed future LPR fixing (v2): a scenario, merged over the published history; a missing tenor keeps its previous value. */
export const LprPathEntry = z.object({ date: IsoDate, oneYear: z.optional(Fraction), fiveYear: z.optional(Fraction) });
export type LprPathEntry = z.infer<typeof LprPathEntry>;

export const LprRate = z.object({
  type: z.literal('lpr'),
  tenor: LprTenor,
  spreadBps: z.number().check(z.int(), z.gte(-1000), z.lte(3000)),
  baseRate: z.optional(Fraction),
  repricing: z.optional(Repricing),
  lprPath: z.optional(z.array(LprPathEntry).check(z.maxLength(1000))),
});
export const RateSpec = z.discriminatedUnion('type', [FixedRate, LprRate]);
export type RateSpec = z.infer<typeof RateSpec>;

export const SUBSIDY_TIMINGS = ['with-payment', 'annual-in-arrears'] as const;
export const SubsidyTiming = z.enum(SUBSIDY_TIMINGS);
export type SubsidyTiming = z.infer<typeof SubsidyTiming>;
/** v2: how long a subsidy runs (months from the start, and a last date) and when it is paid. */
const subsidyDuration = {
  months: z.optional(z.number().check(z.int(), z.gte(0), z.lte(360))),
  until: z.optional(IsoDate),
  timing: z.optional(SubsidyTiming),
};
export const Subsidy = z.discriminatedUnion('type', [
  z.object({ type: z.literal('rate-points'), annualPoints: Fraction, ...subsidyDuration }),
  z.object({ type: z.literal('share-of-interest'), share: Fraction, ...subsidyDuration }),
]);
export type Subsidy = z.infer<typeof Subsidy>;

export const GUARANTEE_BASES = ['annual-in-advance', 'pro-rata', 'one-off'] as const;
export const GuaranteeBasis = z.enum(GUARANTEE_BASES);
export type GuaranteeBasis = z.infer<typeof GuaranteeBasis>;
export const GuaranteeFee = z.object({
  annualRate: FeeRate,
  basis: z.optional(GuaranteeBasis),
  /** The guaranteed share of the balance, in (0, 1]; default 1. */
  coverage: z.optional(z.number().check(z.gt(0), z.lte(1))),
});
export type GuaranteeFee = z.infer<typeof GuaranteeFee>;

export const PREPAYMENT_MODES = ['reduce-payment', 'shorten-term'] as const;
export const PrepaymentMode = z.enum(PREPAYMENT_MODES);
export type PrepaymentMode = z.infer<typeof PrepaymentMode>;
export const Prepayment = z.object({
  /** After the payment of this period (1 <= period < number of periods). */
  period: z.number().check(z.int(), z.gte(1), z.lte(359)),
  amount: PositiveMoney,
  mode: PrepaymentMode,
  feeRate: z.optional(FeeRate),
});
export type Prepayment = z.infer<typeof Prepayment>;

/** Months per period: monthly 1, quarterly 3. */
export function periodMonths(frequency: Frequency | undefined): 1 | 3 {
  return frequency === 'quarterly' ? 3 : 1;
}

/** The request's fields without the cross-field rules, so programs can carry a partial preset. */
export const FinancingRequestShape = z.object({
  principal: PositiveMoney,
  termMonths: z.number().check(z.int(), z.gte(1), z.lte(360)),
  repayment: Repayment,
  graceMonths: z.optional(z.number().check(z.int(), z.gte(0), z.lte(359))),
  rate: RateSpec,
  upfrontFeeRate: z.optional(FeeRate),
  guaranteeFee: z.optional(GuaranteeFee),
  subsidy: z.optional(Subsidy),
  ipPledge: z.optional(z.object({ appraisedValue: PositiveMoney, pledgeRatio: Fraction })),
  startDate: StartDate,
  // v2 (CONTRACT.md, "Financing that reconciles with a bank statement"): all optional; without them the v1 answer.
  frequency: z.optional(Frequency),
  dayCount: z.optional(DayCount),
  prepayments: z.optional(z.array(Prepayment).check(z.maxLength(360))),
});

export const FinancingRequest = FinancingRequestShape.check(
  z.refine((r) => (r.graceMonths ?? 0) < r.termMonths, {
    path: ['graceMonths'],
    message: 'graceMonths must be less than termMonths',
    params: { rule: 'grace-below-term' },
  }),
  z.refine((r) => r.termMonths % periodMonths(r.frequency) === 0, {
    path: ['termMonths'],
    message: 'termMonths must be a whole number of periods',
    params: { rule: 'whole-periods' },
  }),
  z.refine((r) => (r.graceMonths ?? 0) % periodMonths(r.frequency) === 0, {
    path: ['graceMonths'],
    message: 'graceMonths must be a whole number of periods',
    params: { rule: 'whole-periods' },
  }),
  z.superRefine((r, ctx) => {
    const periods = Math.floor(r.termMonths / periodMonths(r.frequency));
    r.prepayments?.forEach((p, i) => {
      if (p.period >= periods) {
        ctx.issues.push({
          code: 'custom', input: p.period, path: ['prepayments', i, 'period'],
          message: 'a prepayment must fall before the last period', params: { rule: 'prepayment-before-last' },
        });
      }
    });
  }),
);
export type FinancingRequest = z.infer<typeof FinancingRequest>;

export const Warning = z.object({ code: z.string(), message: LocalizedText });
export type Warning = z.infer<typeof Warning>;

export const RateChange = z.object({ period: z.number().check(z.int(), z.gte(1)), date: IsoDate, annualRate: z.number() });
export type RateChange = z.infer<typeof RateChange>;

export const ScheduleRow = z.object({
  period: z.number().check(z.int(), z.gte(1)),
  date: IsoDate,
  openingBalance: Money,
  interest: Money,
  principal: Money,
  payment: Money,
  guaranteeFee: Money,
  subsidy: Money,
  closingBalance: Money,
  // v2: present when the request uses any v2 field (a v1 request gets exactly the v1 row).
  annualRate: z.optional(z.number()),
  days: z.optional(z.number().check(z.int(), z.gte(0))),
  prepayment: z.optional(Money),
  prepaymentFee: z.optional(Money),
});
export type ScheduleRow = z.infer<typeof ScheduleRow>;

export const FinancingQuote = z.object({
  annualRate: z.number(),
  disbursement: z.object({
    date: IsoDate, principal: Money, upfrontFee: Money, guaranteeFee: Money, netAmount: Money,
  }),
  schedule: z.array(ScheduleRow),
  totals: z.object({
    interest: Money, principal: Money, payment: Money, upfrontFee: Money, guaranteeFee: Money, subsidy: Money,
    prepayment: z.optional(Money), prepaymentFee: z.optional(Money),
  }),
  annualizedRate: z.number(),
  effectiveAnnualRate: z.number(),
  allInCost: z.number(),
  limits: z.optional(z.object({ maxPrincipal: Money })),
  warnings: z.array(Warning),
  // v2: present when the request uses any v2 field.
  rateChanges: z.optional(z.array(RateChange)),
  maturity: z.optional(z.object({ period: z.number().check(z.int(), z.gte(1)), date: IsoDate })),
});
export type FinancingQuote = z.infer<typeof FinancingQuote>;

/** Bill discounting (v2, CONTRACT.md "Bill discounting"). */
export const DiscountRequest = z.object({
  faceValue: PositiveMoney,
  discountRate: Fraction,
  discountDate: IsoDate,
  maturityDate: IsoDate,
  extraDays: z.optional(z.number().check(z.int(), z.gte(0), z.lte(10))),
  dayBasis: z.optional(z.union([z.literal(360), z.literal(365)])),
}).check(
  z.refine((r) => r.maturityDate > r.discountDate, {
    path: ['maturityDate'],
    message: 'maturityDate must be after discountDate',
    params: { rule: 'maturity-after-discount' },
  }),
);
export type DiscountRequest = z.infer<typeof DiscountRequest>;
export const DiscountQuote = z.object({
  days: z.number().check(z.int(), z.gte(1)),
  interest: Money,
  proceeds: Money,
  annualizedRate: z.number(),
});
export type DiscountQuote = z.infer<typeof DiscountQuote>;

export const RiskSharing = z.object({
  defaultProbability: Fraction,
  lossGivenDefault: Fraction,
  shares: z.record(z.string().check(z.minLength(1), z.maxLength(64)), Fraction).check(
    z.refine((s) => Object.keys(s).length > 0 && Math.abs(Object.values(s).reduce((a, b) => a + b, 0) - 1) < 1e-9, {
      message: 'shares must sum to 1',
      params: { rule: 'shares-sum-to-one' },
    }),
  ),
});

export const BondRequest = z.object({
  faceValue: PositiveMoney,
  couponRate: Fraction,
  termYears: z.number().check(z.int(), z.gte(1), z.lte(50)),
  couponsPerYear: z.union([z.literal(1), z.literal(2), z.literal(4)]),
  issuePrice: z.optional(z.number().check(z.gte(1), z.lte(200))),
  upfrontCostRate: z.optional(FeeRate),
  annualCostRate: z.optional(Fraction),
  issueDate: StartDate,
  riskSharing: z.optional(RiskSharing),
});
export type BondRequest = z.infer<typeof BondRequest>;

export const BondQuote = z.object({
  cashFlows: z.array(z.object({
    period: z.number().check(z.int(), z.gte(0)),
    date: IsoDate,
    coupon: Money,
    cost: Money,
    principal: Money,
    net: Money,
  })),
  issuerCost: z.number(),
  riskSharing: z.optional(z.object({ expectedLoss: NonNegativeMoney, byParty: z.record(z.string(), Money) })),
});
export type BondQuote = z.infer<typeof BondQuote>;

export const LprFixing = z.object({ date: IsoDate, oneYear: Fraction, fiveYear: Fraction });
export type LprFixing = z.infer<typeof LprFixing>;
export const ReferenceRates = z.object({
  lpr: z.array(LprFixing).check(z.minLength(1)),
  /** v2: the date up to which the table was last checked against the official publication; later fixings may be missing. */
  checkedOn: z.optional(IsoDate),
});
export type ReferenceRates = z.infer<typeof ReferenceRates>;
