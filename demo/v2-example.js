// A contract-v2 loan (CONTRACT.md "Financing that reconciles with a bank statement"): 1-year LPR + 30 bp repriced on
// every anniversary along an assumed path (two fixings 10 bp lower each year: a scenario, not a forecast), and
// 500,000 prepaid after the 24th payment with a 1 % fee, which also shows reduce-payment against shorten-term.
export const V2_EXAMPLE = {
  principal: 3_000_000, termMonths: 60, repayment: 'equal-installment', startDate: '2026-01-15',
  rate: { type: 'lpr', tenor: '1y', spreadBps: 30, repricing: 'anniversary',
    lprPath: [{ date: '2027-01-20', oneYear: 0.029 }, { date: '2028-01-20', oneYear: 0.028 }] },
  prepayments: [{ period: 24, amount: 500_000, mode: 'reduce-payment', feeRate: 0.01 }],
};
