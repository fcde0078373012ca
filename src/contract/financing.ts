// Loans and bonds (CONTRACT.md, "Financing").
import * as z from 'zod/mini';
import { FeeRate, Fraction, IsoDate, LocalizedText, Money, NonNegativeMoney, PositiveMoney, StartDate } from './common.js';

export const REPAYMENTS = ['equal-installment', 'equal-principal', 'interest-only'] as const;
export const Repayment = z.enum(REPAYMENTS);
export type Repayment = z.infer<typeof Repayment>;

export const LprTenor = z.enum(['1y', '5y']);
export type LprTenor = z.infer<typeof LprTenor>;

export const FixedRate = z.object({ type: z.literal('fixed'), annualRate: Fraction });
export const LprRate = z.object({
  type: z.literal('lpr'),
  tenor: LprTenor,
  spreadBps: z.number().check(z.int(), z.gte(-1000), z.lte(3000)),
  baseRate: z.optional(Fraction),
});
export const RateSpec = z.discriminatedUnion('type', [FixedRate, LprRate]);
export type RateSpec = z.infer<typeof RateSpec>;

export const Subsidy = z.discriminatedUnion('type', [
  z.object({ type: z.literal('rate-points'), annualPoints: Fraction }),
  z.object({ type: z.literal('share-of-interest'), share: Fraction }),
]);
export type Subsidy = z.infer<typeof Subsidy>;

/** The request's fields without the cross-field rules, so programs can carry a partial preset. */
export const FinancingRequestShape = z.object({
  principal: PositiveMoney,
  termMonths: z.number().check(z.int(), z.gte(1), z.lte(360)),
  repayment: Repayment,
  graceMonths: z.optional(z.number().check(z.int(), z.gte(0), z.lte(359))),
  rate: RateSpec,
  upfrontFeeRate: z.optional(FeeRate),
  guaranteeFee: z.optional(z.object({ annualRate: FeeRate })),
  subsidy: z.optional(Subsidy),
  ipPledge: z.optional(z.object({ appraisedValue: PositiveMoney, pledgeRatio: Fraction })),
  startDate: StartDate,
});

export const FinancingRequest = FinancingRequestShape.check(
  z.refine((r) => (r.graceMonths ?? 0) < r.termMonths, {
    path: ['graceMonths'],
    message: 'graceMonths must be less than termMonths',
    params: { rule: 'grace-below-term' },
  }),
);
export type FinancingRequest = z.infer<typeof FinancingRequest>;

export const Warning = z.object({ code: z.string(), message: LocalizedText });
export type Warning = z.infer<typeof Warning>;

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
  }),
  annualizedRate: z.number(),
  effectiveAnnualRate: z.number(),
  allInCost: z.number(),
  limits: z.optional(z.object({ maxPrincipal: Money })),
  warnings: z.array(Warning),
});
export type FinancingQuote = z.infer<typeof FinancingQuote>;

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
export const ReferenceRates = z.object({ lpr: z.array(LprFixing).check(z.minLength(1)) });
export type ReferenceRates = z.infer<typeof ReferenceRates>;
