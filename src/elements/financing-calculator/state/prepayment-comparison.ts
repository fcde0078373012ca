// "Reduce payment" against "shorten term": the same loan and prepayments quoted three ways (no prepayment, every
// prepayment reducing the payment, every prepayment shortening the term), and the interest each one saves.
// Pure apart from the client it is given; tested in Node (test/node/calculator-v2.test.ts).
import type { AcceleratorClient, CallOptions, FinancingQuote, FinancingRequest } from '../../../contract/index.js';

export interface ModeOutcome {
  /** Interest over the life of the loan. */
  interest: number;
  /** Interest saved against the loan without prepayments (yuan, 2 decimals). */
  saved: number;
  /** Prepayment fees paid. */
  fees: number;
  /** The payment of the period after the first prepayment (what the borrower pays from then on). */
  paymentAfter: number;
  maturity: { period: number; date: string };
}

export interface PrepaymentComparison {
  base: { interest: number; maturity: { period: number; date: string } };
  reduce: ModeOutcome;
  shorten: ModeOutcome;
}

const fen = (x: number | undefined) => Math.round((x ?? 0) * 100);

function maturityOf(q: FinancingQuote): { period: number; date: string } {
  const last = q.schedule[q.schedule.length - 1]!;
  return q.maturity ?? { period: last.period, date: last.date };
}

function outcome(q: FinancingQuote, baseInterest: number, firstPeriod: number): ModeOutcome {
  const after = q.schedule.find((r) => r.period === firstPeriod + 1) ?? q.schedule[q.schedule.length - 1]!;
  return {
    interest: q.totals.interest,
    saved: (baseInterest - fen(q.totals.interest)) / 100,
    fees: q.totals.prepaymentFee ?? 0,
    paymentAfter: after.payment,
    maturity: maturityOf(q),
  };
}

/** Undefined when the request has no prepayment to compare. */
export async function comparePrepaymentModes(client: AcceleratorClient, request: FinancingRequest, options?: CallOptions): Promise<PrepaymentComparison | undefined> {
  const prepayments = request.prepayments ?? [];
  if (!prepayments.length) return undefined;
  const first = Math.min(...prepayments.map((p) => p.period));
  const [base, reduce, shorten] = await Promise.all([
    client.financing.quote({ ...request, prepayments: [] }, options),
    client.financing.quote({ ...request, prepayments: prepayments.map((p) => ({ ...p, mode: 'reduce-payment' as const })) }, options),
    client.financing.quote({ ...request, prepayments: prepayments.map((p) => ({ ...p, mode: 'shorten-term' as const })) }, options),
  ]);
  const baseInterest = fen(base.totals.interest);
  return {
    base: { interest: base.totals.interest, maturity: maturityOf(base) },
    reduce: outcome(reduce, baseInterest, first),
    shorten: outcome(shorten, baseInterest, first),
  };
}
