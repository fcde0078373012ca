// The readings docs/contract.md states where the financing v2 text is silent ("Readings of what the text above leaves
// open"), each checked against figures worked out by hand here, not by the engine.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLocalClient } from '../../src/sdk/local-client.js';

const client = createLocalClient();
type Request = Parameters<typeof client.financing.quote>[0];

describe('financing v2 readings', () => {
  it('"shorten-term" never lengthens the loan when rounding would ask for more periods than are left', async () => {
    // 2.02 over 5 months, equal principal, 0 %: P = round(202 / 5) = 40 fen. Period 1 repays 0.40 (balance 1.62),
    // the prepayment 0.01 leaves 1.61, and ceil(161 / 40) = 5 further periods would end in period 6 > 5.
    // Capped: maturity stays period 5, periods 2–4 repay 0.40 each and period 5 the rest, 1.61 − 1.20 = 0.41.
    const quote = await client.financing.quote({
      principal: 2.02, termMonths: 5, repayment: 'equal-principal', rate: { type: 'fixed', annualRate: 0 }, startDate: '2026-01-15',
      prepayments: [{ period: 1, amount: 0.01, mode: 'shorten-term' }],
    } as Request);
    assert.equal(quote.maturity?.period, 5);
    assert.deepEqual(quote.schedule.map((r) => r.principal), [0.4, 0.4, 0.4, 0.4, 0.41]);
    assert.deepEqual(quote.schedule.map((r) => r.closingBalance), [1.61, 1.21, 0.81, 0.41, 0]);
  });

  it('an lprPath entry sets only the tenors it carries, after the published fixing of its date', async () => {
    const lpr = (tenor: '1y' | '5y', startDate: string, lprPath: { date: string; oneYear?: number; fiveYear?: number }[]) =>
      client.financing.quote({ principal: 100_000, termMonths: 12, repayment: 'interest-only', rate: { type: 'lpr', tenor, spreadBps: 0, lprPath }, startDate } as Request);
    // Published on 2024-10-21: 1y 3.10 %, 5y 3.60 % (PBoC / CFETS announcement of that day).
    assert.equal((await lpr('5y', '2024-10-21', [{ date: '2024-10-21', oneYear: 0.05 }])).annualRate, 0.036);
    assert.equal((await lpr('1y', '2024-10-21', [{ date: '2024-10-21', oneYear: 0.05 }])).annualRate, 0.05);
    // Two entries of one date giving different tenors both apply: the five-year one is not undone by the later 1y entry.
    const both = [{ date: '2026-03-20', fiveYear: 0.05 }, { date: '2026-03-20', oneYear: 0.02 }];
    assert.equal((await lpr('5y', '2026-04-01', both)).annualRate, 0.05);
    assert.equal((await lpr('1y', '2026-04-01', both)).annualRate, 0.02);
  });

  it('the several-rates-of-return warning when subsidies in arrears turn the all-in flows positive, and a cost of 0 when they sum to 0', async () => {
    // 10,000 interest-only at 6 % for 24 months, the whole interest subsidized and paid once a year in arrears: the
    // all-in flows are +10,000, −50 × 11, +550, −50 × 11, −9,450 (three sign changes). They sum to 0, so the all-in
    // cost is exactly 0 (docs/contract.md, "Rates": the net cost is 0), and the quote warns of several rates.
    const quote = await client.financing.quote({
      principal: 10_000, termMonths: 24, repayment: 'interest-only', rate: { type: 'fixed', annualRate: 0.06 }, startDate: '2026-01-15',
      subsidy: { type: 'share-of-interest', share: 1, timing: 'annual-in-arrears' },
    } as Request);
    assert.deepEqual(quote.schedule.map((r) => r.subsidy).filter((s) => s !== 0), [600, 600]);
    assert.equal(quote.allInCost, 0);
    assert.deepEqual(quote.warnings.map((w) => w.code), ['several-rates-of-return']);
  });
});
