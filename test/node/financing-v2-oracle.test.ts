// Financing v2 against a second, independent oracle: scripts/oracle/financing_v2_oracle.py, a Python `decimal`
// script written from CONTRACT.md's words (not from this engine), whose answers are committed in
// test/fixtures/financing-v2-oracle.json (regenerate: python3 scripts/oracle/financing_v2_oracle.py --check).
// Amounts must agree to the fen, rates within 1e-9.
import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { DiscountRequest, FinancingRequest, ReferenceRates } from '../../src/contract/index.js';
import { DiscountRequest as DiscountRequestSchema, FinancingRequest as FinancingRequestSchema } from '../../src/contract/index.js';
import { quoteLoan } from '../../src/engine/financing/loan.js';
import { quoteDiscount } from '../../src/engine/financing/discount.js';
import oracle from '../fixtures/financing-v2-oracle.json' with { type: 'json' };

const rates = oracle.referenceRates as ReferenceRates;
const RATE_KEYS = new Set(['annualRate', 'annualizedRate', 'effectiveAnnualRate', 'allInCost']);

function same(actual: unknown, expected: unknown, path: string): void {
  if (typeof expected === 'number') {
    expect(actual, path).to.be.a('number');
    const tolerance = RATE_KEYS.has(path.split('.').at(-1)!) ? 1e-9 : 1e-9; // amounts: exact fen (floats of 2 decimals)
    expect(actual as number, path).to.be.closeTo(expected, tolerance);
  } else if (Array.isArray(expected)) {
    expect(actual, path).to.be.an('array').with.length(expected.length);
    expected.forEach((e, i) => same((actual as unknown[])[i], e, `${path}.${i}`));
  } else if (expected && typeof expected === 'object') {
    for (const [k, v] of Object.entries(expected)) same((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
  } else {
    expect(actual, path).to.equal(expected);
  }
}

describe('financing v2 against the Python decimal oracle', () => {
  for (const { name, request, expected } of oracle.loans) {
    it(name, () => {
      expect(FinancingRequestSchema.safeParse(request).success, 'the request is valid').to.equal(true);
      const quote = quoteLoan(request as FinancingRequest, rates);
      const { warnings, ...rest } = expected;
      same(quote, rest, 'quote');
      expect(quote.warnings.map((w) => w.code).sort(), 'warnings').to.deep.equal(warnings);
      // Amounts are whole fen.
      for (const row of quote.schedule) for (const key of ['interest', 'principal', 'payment', 'prepayment', 'closingBalance'] as const) {
        expect(Math.round(row[key]! * 100) / 100, `${key} of period ${row.period}`).to.equal(row[key]);
      }
    });
  }
  for (const { name, request, expected } of oracle.discounts) {
    it(`discount: ${name}`, () => {
      expect(DiscountRequestSchema.safeParse(request).success).to.equal(true);
      same(quoteDiscount(request as DiscountRequest), expected, 'discount');
    });
  }
});
