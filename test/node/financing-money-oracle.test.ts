// money.ts against an independent oracle: test/fixtures/money-oracle.json, computed once with Python's exact
// fractions and decimal (scripts/oracle/money_oracle.py, written from the rounding rule "half away from zero, to the
// fen, exactly", not from money.ts). The cases sit where a wrong rounding shows: exact half fen of both signs, one
// unit either side of a half, products and divisors past 2^53, annuities within 1e-9 of a half fen.
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import {
  annuityPayment, applyRate, applyRatePer, applyTwoRates, applyTwoRatesPer, mulDivRound, splitByShares, toFen, toYuan,
} from '../../src/engine/financing/money.js';

interface Case { expected: unknown; why?: string }
interface MoneyOracle {
  mulDivRound: (Case & { a: number; num: number; den: number })[];
  applyRate: (Case & { amount: number; rate: number })[];
  applyRatePer: (Case & { amount: number; rate: number; divisor: number })[];
  applyTwoRates: (Case & { amount: number; rate1: number; rate2: number })[];
  applyTwoRatesPer: (Case & { amount: number; rate1: number; rate2: number; num: number; den: number })[];
  annuityPayment: (Case & { principal: number; rate: number; n: number; perYear: number })[];
  splitByShares: (Case & { total: number; shares: Record<string, number> })[];
  toFen: (Case & { yuan: number; expected: number })[];
}
// Read, not imported: half a megabyte of cases is not worth a type the compiler infers.
const oracle = JSON.parse(readFileSync(new URL('../fixtures/money-oracle.json', import.meta.url), 'utf8')) as MoneyOracle;

/** Every case whose answer differs from the oracle's, as text (so one failure names them all). */
function wrong<C extends { expected: unknown }>(cases: C[], compute: (c: C) => unknown): string[] {
  return cases.flatMap((c) => {
    const got = compute(c);
    return JSON.stringify(got) === JSON.stringify(c.expected) ? [] : [`${JSON.stringify(c)} → ${JSON.stringify(got)}`];
  }).slice(0, 10);
}

describe('money.ts against the Python oracle (scripts/oracle/money_oracle.py)', () => {
  it('mulDivRound: a × num / den rounded half away from zero, small products, past 2^53, halves of both signs', () => {
    expect(oracle.mulDivRound.length).to.be.greaterThan(3000);
    expect(wrong(oracle.mulDivRound, (c) => mulDivRound(c.a, c.num, c.den))).to.deep.equal([]);
  });

  it('applyRate, applyRatePer: amount × a decimal rate (÷ divisor), exact halves included', () => {
    expect(wrong(oracle.applyRate, (c) => applyRate(c.amount, c.rate))).to.deep.equal([]);
    expect(wrong(oracle.applyRatePer, (c) => applyRatePer(c.amount, c.rate, c.divisor))).to.deep.equal([]);
  });

  it('applyTwoRates, applyTwoRatesPer: amount × rate × rate (× num / den)', () => {
    expect(wrong(oracle.applyTwoRates, (c) => applyTwoRates(c.amount, c.rate1, c.rate2))).to.deep.equal([]);
    expect(wrong(oracle.applyTwoRatesPer, (c) => applyTwoRatesPer(c.amount, c.rate1, c.rate2, c.num, c.den))).to.deep.equal([]);
  });

  it('annuityPayment: the level payment to the fen, including principals within 1e-9 fen of a half', () => {
    expect(oracle.annuityPayment.filter((c) => c.why === 'within a hair of a half fen').length).to.be.greaterThan(15);
    expect(wrong(oracle.annuityPayment, (c) => annuityPayment(c.principal, c.rate, c.n, c.perYear))).to.deep.equal([]);
  });

  it('splitByShares: largest remainder, ties to the first party, parts add up to the total', () => {
    expect(wrong(oracle.splitByShares, (c) => splitByShares(c.total, c.shares))).to.deep.equal([]);
  });

  it('toFen and toYuan: two-decimal yuan to whole fen and back', () => {
    expect(wrong(oracle.toFen, (c) => toFen(c.yuan))).to.deep.equal([]);
    expect(wrong(oracle.toFen, (c) => toFen(toYuan(c.expected)))).to.deep.equal([]);
  });
});
