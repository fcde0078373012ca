// Loan quotes at the points where a branch of loan.ts decides the answer: refusals in full (message, field, issue),
// repricing dates, LPR paths, guarantee and subsidy timing. Expected values are worked by hand.
import { expect } from 'chai';
import type { FinancingRequest, ReferenceRates } from '../../src/contract/index.js';
import { nominalRate, quoteLoan, usesV2 } from '../../src/engine/financing/loan.js';
import { caught } from './caught.js';

const RATES: ReferenceRates = { lpr: [
  { date: '2024-07-22', oneYear: 0.0335, fiveYear: 0.0385 },
  { date: '2025-05-20', oneYear: 0.03, fiveYear: 0.035 },
] };
const base: FinancingRequest = { principal: 1000, termMonths: 3, repayment: 'equal-principal', rate: { type: 'fixed', annualRate: 0.12 }, startDate: '2026-01-31' };

describe('loan refusals, in full', () => {
  it('no LPR published on or before the start: names the tenor, the date and startDate', () => {
    const e = caught(() => quoteLoan({ ...base, startDate: '2024-07-21', rate: { type: 'lpr', tenor: '5y', spreadBps: 0 } }, RATES));
    expect(e.kind).to.equal('invalid-data');
    expect(e.message).to.equal('no 5y LPR was published on or before 2024-07-21');
    expect(e.path).to.equal('startDate');
    expect(e.issues).to.deep.equal([{ code: 'no_lpr', path: ['startDate'], params: { tenor: '5y' } }]);
  });

  it('a spread that takes the rate below zero: names the spread, the smallest allowed, in bp', () => {
    const e = caught(() => nominalRate({ ...base, startDate: '2025-06-01', rate: { type: 'lpr', tenor: '1y', spreadBps: -301 } }, RATES));
    expect(e.message).to.equal('LPR 0.03 with a spread of -301 bp is below zero');
    expect(e.path).to.equal('rate.spreadBps');
    expect(e.issues).to.deep.equal([{ code: 'too_small', path: ['rate', 'spreadBps'], minimum: -300, inclusive: true, origin: 'number' }]);
  });

  it('a later fixing of the path that takes the rate below zero blames the path', () => {
    const e = caught(() => quoteLoan({ ...base, termMonths: 24, startDate: '2025-06-01',
      rate: { type: 'lpr', tenor: '1y', spreadBps: -250, repricing: 'anniversary', lprPath: [{ date: '2026-01-01', oneYear: 0.02 }] } }, RATES));
    expect(e.message).to.equal('LPR 0.02 with a spread of -250 bp is below zero');
    expect(e.path).to.equal('rate.lprPath');
    expect(e.issues).to.deep.equal([{ code: 'too_small', path: ['rate', 'lprPath'], minimum: -200, inclusive: true, origin: 'number' }]);
  });
});

describe('which requests are v2', () => {
  it('any v2 field, and only those', () => {
    const lpr = { type: 'lpr', tenor: '1y', spreadBps: 0 } as const;
    expect(usesV2(base)).to.equal(false);
    expect(usesV2({ ...base, rate: lpr })).to.equal(false);
    expect(usesV2({ ...base, rate: { ...lpr, baseRate: 0.03 } })).to.equal(false);
    expect(usesV2({ ...base, rate: { ...lpr, repricing: 'none' } })).to.equal(true);
    expect(usesV2({ ...base, rate: { ...lpr, lprPath: [] } })).to.equal(true);
    expect(usesV2({ ...base, frequency: 'monthly' })).to.equal(true);
    expect(usesV2({ ...base, dayCount: '30/360' })).to.equal(true);
    expect(usesV2({ ...base, prepayments: [] })).to.equal(true);
    expect(usesV2({ ...base, guaranteeFee: { annualRate: 0.01 } })).to.equal(false);
    expect(usesV2({ ...base, guaranteeFee: { annualRate: 0.01, basis: 'annual-in-advance' } })).to.equal(true);
    expect(usesV2({ ...base, guaranteeFee: { annualRate: 0.01, coverage: 1 } })).to.equal(true);
    const subsidy = { type: 'rate-points', annualPoints: 0.01 } as const;
    expect(usesV2({ ...base, subsidy })).to.equal(false);
    expect(usesV2({ ...base, subsidy: { ...subsidy, months: 12 } })).to.equal(true);
    expect(usesV2({ ...base, subsidy: { ...subsidy, until: '2026-12-31' } })).to.equal(true);
    expect(usesV2({ ...base, subsidy: { ...subsidy, timing: 'with-payment' } })).to.equal(true);
  });
});

describe('the LPR in force, period by period', () => {
  // Published: 2024-07-22 1y 3.35 %, 2025-05-20 1y 3.00 %. Start 2025-06-15, 36 months, 1-year LPR, no spread.
  const lpr = (repricing: 'january-1' | 'anniversary', lprPath: { date: string; oneYear?: number; fiveYear?: number }[]) => quoteLoan({
    principal: 360_000, termMonths: 36, repayment: 'equal-principal', startDate: '2025-06-15',
    rate: { type: 'lpr', tenor: '1y', spreadBps: 0, repricing, lprPath },
  }, RATES).rateChanges!;

  it('january-1: each 1 January reads the latest fixing on or before it; a path given unsorted; of two entries on one date the later wins', () => {
    const path = [{ date: '2026-03-01', oneYear: 0.029 }, { date: '2025-12-01', oneYear: 0.0295 }, { date: '2025-12-01', oneYear: 0.0292 }];
    // Period k opens on the date of period k − 1: period 8 opens 2026-01-15, the first after 2026-01-01 (rate of
    // 2025-12-01, the later entry: 2.92 %); period 20 opens 2027-01-15 (rate of 2026-03-01: 2.90 %).
    expect(lpr('january-1', path)).to.deep.equal([
      { period: 1, date: '2025-07-15', annualRate: 0.03 },
      { period: 8, date: '2026-02-15', annualRate: 0.0292 },
      { period: 20, date: '2027-02-15', annualRate: 0.029 },
    ]);
  });

  it('anniversary: the base is read again 12 and 24 months after the start', () => {
    // 2026-06-15 reads 2026-03-01 (2.90 %); 2027-06-15 reads 2027-01-10 (2.80 %), past the later-dated 2.70 % only in 2027-07.
    const path = [{ date: '2027-07-01', oneYear: 0.027 }, { date: '2026-03-01', oneYear: 0.029 }, { date: '2027-01-10', oneYear: 0.028 }];
    expect(lpr('anniversary', path)).to.deep.equal([
      { period: 1, date: '2025-07-15', annualRate: 0.03 },
      { period: 13, date: '2026-07-15', annualRate: 0.029 },
      { period: 25, date: '2027-07-15', annualRate: 0.028 },
    ]);
  });

  it('a path entry on a published date replaces that fixing; an entry without the tenor keeps the value before it', () => {
    // 2025-05-20 is a published date: the path's 2.5 % replaces its 3.00 % from that date on.
    const replaced = lpr('january-1', [{ date: '2025-05-20', oneYear: 0.025 }]);
    expect(replaced[0]).to.deep.equal({ period: 1, date: '2025-07-15', annualRate: 0.025 });
    // A 5-year-only entry leaves the 1-year rate where it was: no change at all.
    expect(lpr('january-1', [{ date: '2025-12-01', fiveYear: 0.02 }])).to.deep.equal([{ period: 1, date: '2025-07-15', annualRate: 0.03 }]);
  });
});
