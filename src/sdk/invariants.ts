// Arithmetic every correct quote satisfies, whoever computed it. A server can send an answer of the right shape
// whose numbers cannot be (a payment that is not interest + principal, a balance that goes negative): both clients
// check these before returning a quote, and refuse it with a ChanrongResponseError naming the field.
import type { BondQuote, FinancingQuote, ProblemFieldError } from '../contract/index.js';

/** Yuan to integer fen (answers carry at most 2 decimals, checked by the schema first). */
const fen = (yuan: number) => Math.round(yuan * 100);

/**
 * A loan quote's invariants: each row's payment = interest + principal; balances chain from the amount lent
 * (closing = opening − principal − prepayment, the prepayment column of v2 being 0 when absent), never go below
 * zero and end at 0; principal (with prepayments) sums to the loan; totals are the sums of their columns; the net
 * amount is the loan less the fees at disbursement; every rate is a finite number.
 */
export function loanQuoteProblems(q: FinancingQuote): ProblemFieldError[] {
  const out: ProblemFieldError[] = [];
  const bad = (path: string, message: string) => { if (out.length < 20) out.push({ path, message }); };
  for (const key of ['annualRate', 'annualizedRate', 'effectiveAnnualRate', 'allInCost'] as const) {
    if (!Number.isFinite(q[key])) bad(key, 'is not a finite rate');
  }
  const loan = fen(q.disbursement.principal);
  if (fen(q.disbursement.netAmount) !== loan - fen(q.disbursement.upfrontFee) - fen(q.disbursement.guaranteeFee)) {
    bad('disbursement.netAmount', 'is not principal − upfront fee − guarantee fee');
  }
  let balance = loan;
  let repaid = 0, prepaid = 0, interest = 0, payment = 0;
  q.schedule.forEach((row, i) => {
    const at = `schedule.${i}`;
    const opening = fen(row.openingBalance), principal = fen(row.principal), prepayment = fen(row.prepayment ?? 0);
    if (opening !== balance) bad(`${at}.openingBalance`, `does not continue the previous balance (${balance / 100})`);
    if (fen(row.payment) !== fen(row.interest) + principal) bad(`${at}.payment`, 'is not interest + principal');
    if (principal < 0 || fen(row.interest) < 0 || prepayment < 0) bad(at, 'has a negative amount');
    const closing = fen(row.closingBalance);
    if (closing !== opening - principal - prepayment) bad(`${at}.closingBalance`, 'is not opening − principal − prepayment');
    if (closing < 0) bad(`${at}.closingBalance`, 'is negative');
    balance = closing;
    repaid += principal;
    prepaid += prepayment;
    interest += fen(row.interest);
    payment += fen(row.payment);
  });
  if (q.schedule.length && balance !== 0) bad(`schedule.${q.schedule.length - 1}.closingBalance`, 'does not end at 0');
  if (q.schedule.length && repaid + prepaid !== loan) bad('totals.principal', 'principal repaid does not sum to the loan');
  if (fen(q.totals.principal) !== repaid) bad('totals.principal', 'is not the sum of the principal column');
  if (fen(q.totals.interest) !== interest) bad('totals.interest', 'is not the sum of the interest column');
  if (fen(q.totals.payment) !== payment) bad('totals.payment', 'is not the sum of the payment column');
  return out;
}

/** A bond quote's invariants: net = principal − cost at issue and −(coupon + cost + principal) after; the face is
 * repaid once; the cost is a finite rate. */
export function bondQuoteProblems(q: BondQuote): ProblemFieldError[] {
  const out: ProblemFieldError[] = [];
  const bad = (path: string, message: string) => { if (out.length < 20) out.push({ path, message }); };
  if (!Number.isFinite(q.issuerCost)) bad('issuerCost', 'is not a finite rate');
  q.cashFlows.forEach((f, i) => {
    const expected = i === 0 ? fen(f.principal) - fen(f.cost) : -(fen(f.coupon) + fen(f.cost) + fen(f.principal));
    if (fen(f.net) !== expected) bad(`cashFlows.${i}.net`, i === 0 ? 'is not proceeds − cost' : 'is not −(coupon + cost + principal)');
    if (fen(f.coupon) < 0 || fen(f.cost) < 0 || fen(f.principal) < 0) bad(`cashFlows.${i}`, 'has a negative amount');
  });
  return out;
}
