// The calculator's v2 helpers, without a browser: LPR scenarios and the reduce-payment / shorten-term comparison,
// and every v2 string present in the three locales.
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { FinancingRequest as FinancingRequestSchema } from '../../src/contract/index.js';
import type { FinancingRequest } from '../../src/contract/index.js';
import { lprScenario } from '../../src/elements/financing-calculator/state/lpr-scenario.js';
import { comparePrepaymentModes } from '../../src/elements/financing-calculator/state/prepayment-comparison.js';
import { calculatorV2Messages } from '../../src/elements/messages/calculator-v2.js';
import { calculatorMessages } from '../../src/elements/messages/calculator.js';
import { comparisonCsvRows, scheduleRows } from '../../src/elements/financing-calculator/state/csv.js';
import { v2InputRows } from '../../src/elements/financing-calculator/state/csv-v2.js';
import { createLocalClient } from '../../src/sdk/index.js';

describe('LPR scenarios', () => {
  const latest = { date: '2025-05-20', oneYear: 0.03, fiveYear: 0.035 };
  it('−10 bp a year: one fixing a year after the latest, exact in basis points, up to maturity', () => {
    const path = lprScenario(latest, -10, '2025-06-15', 36);
    expect(path).to.deep.equal([
      { date: '2026-05-20', oneYear: 0.029, fiveYear: 0.034 },
      { date: '2027-05-20', oneYear: 0.028, fiveYear: 0.033 },
      { date: '2028-05-20', oneYear: 0.027, fiveYear: 0.032 },
    ]);
  });
  it('+25 bp a year, and never below zero', () => {
    expect(lprScenario(latest, 25, '2025-06-15', 24).map((e) => e.oneYear)).to.deep.equal([0.0325, 0.035]);
    expect(lprScenario({ date: '2025-05-20', oneYear: 0.001, fiveYear: 0.002 }, -10, '2025-06-15', 36).map((e) => e.oneYear)).to.deep.equal([0, 0, 0]);
  });
  it('a scenario makes a valid request that reprices', async () => {
    const request: FinancingRequest = {
      principal: 1_000_000, termMonths: 60, repayment: 'equal-installment', startDate: '2025-06-15',
      rate: { type: 'lpr', tenor: '5y', spreadBps: 0, repricing: 'anniversary', lprPath: lprScenario(latest, -10, '2025-06-15', 60) },
    };
    expect(FinancingRequestSchema.safeParse(request).success).to.equal(true);
    const quote = await createLocalClient({ referenceRates: { lpr: [latest] } }).financing.quote(request);
    expect(quote.rateChanges!.map((c) => c.annualRate)).to.deep.equal([0.035, 0.034, 0.033, 0.032, 0.031]);
  });
});

describe('reduce payment against shorten term', () => {
  const request: FinancingRequest = {
    principal: 1_000_000, termMonths: 120, repayment: 'equal-installment', rate: { type: 'fixed', annualRate: 0.039 }, startDate: '2025-06-15',
    prepayments: [{ period: 24, amount: 300_000, mode: 'reduce-payment', feeRate: 0.01 }],
  };
  it('quotes both modes and the interest each saves', async () => {
    const client = createLocalClient();
    const c = (await comparePrepaymentModes(client, request))!;
    const base = await client.financing.quote({ ...request, prepayments: [] });
    expect(c.base.interest).to.equal(base.totals.interest);
    expect(c.shorten.maturity.period).to.be.below(120);
    expect(c.reduce.maturity.period).to.equal(120);
    expect(c.shorten.saved).to.be.above(c.reduce.saved);
    expect(c.reduce.saved).to.be.closeTo(base.totals.interest - c.reduce.interest, 0.001);
    expect(c.reduce.fees).to.equal(3000);
    expect(c.reduce.paymentAfter).to.be.below(base.schedule[24]!.payment);
    expect(c.shorten.paymentAfter).to.equal(base.schedule[24]!.payment);
  });
  it('nothing to compare without prepayments', async () => {
    expect(await comparePrepaymentModes(createLocalClient(), { ...request, prepayments: [] })).to.equal(undefined);
  });
});

describe('v2 calculator strings', () => {
  function shape(x: unknown): unknown {
    if (typeof x === 'function') return `fn${x.length}`;
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, shape(v)]));
    return typeof x;
  }
  it('the three locales have the same keys, and none is empty', () => {
    const zh = shape(calculatorV2Messages['zh-CN']);
    expect(shape(calculatorV2Messages['zh-TW'])).to.deep.equal(zh);
    expect(shape(calculatorV2Messages.en)).to.deep.equal(zh);
    const strings = (x: unknown): string[] => (typeof x === 'string' ? [x] : x && typeof x === 'object' ? Object.values(x).flatMap(strings) : []);
    for (const l of ['zh-CN', 'zh-TW', 'en'] as const) expect(strings(calculatorV2Messages[l]).every((s) => s.trim().length > 0)).to.equal(true);
  });
  it('the rate labels follow [2021] No. 3: simple and compound named, all-in cost says what it includes', () => {
    // They label every loan's results, so they live in the eager calculator strings, not the v2 chunk's.
    expect(calculatorMessages['zh-CN'].annualizedSimple).to.include('单利');
    expect(calculatorMessages['zh-CN'].effectiveCompound).to.include('复利');
    expect(calculatorMessages['zh-CN'].allInCost).to.include('担保费').and.include('贴息');
    expect(calculatorMessages.en.annualizedSimple).to.include('simple');
    expect(calculatorMessages['zh-TW'].annualizedSimple).to.include('單利');
  });
});

describe('the schedule CSV of a v2 quote', () => {
  it('carries each row\'s rate, days, prepayment and fee, and their totals; a v1 quote keeps its columns', async () => {
    const client = createLocalClient();
    const base: FinancingRequest = { principal: 120_000, termMonths: 12, repayment: 'equal-principal', rate: { type: 'fixed', annualRate: 0.036 }, startDate: '2025-01-31' };
    const v1 = scheduleRows(await client.financing.quote(base), calculatorMessages['zh-CN']);
    expect(v1[0]).to.have.length(10);
    const q = await client.financing.quote({ ...base, dayCount: 'actual/365', prepayments: [{ period: 2, amount: 10_000, mode: 'reduce-payment', feeRate: 0.01 }] });
    const rows = scheduleRows(q, calculatorMessages['zh-CN']);
    expect(rows[0]!.slice(10)).to.deep.equal(['执行年利率', '计息天数', '提前还款', '违约金']);
    expect(rows[2]!.slice(10)).to.deep.equal(['3.6000%', 28, '0.00', '0.00']);
    expect(rows[3]!.slice(10)).to.deep.equal(['3.6000%', 31, '10000.00', '100.00']);
    expect(rows.at(-1)!.slice(10)).to.deep.equal(['', '', '10000.00', '100.00']);
  });
});

describe('the comparison CSV of v2 scenarios', () => {
  it('writes the v2 inputs some scenario sets (and only those rows), so what differs between scenarios is there', async () => {
    const client = createLocalClient();
    const t = calculatorMessages['zh-CN'], t2 = calculatorV2Messages['zh-CN'];
    const a: FinancingRequest = { principal: 1_000_000, termMonths: 36, repayment: 'equal-installment', rate: { type: 'lpr', tenor: '1y', spreadBps: 0 }, startDate: '2025-06-15' };
    const b: FinancingRequest = { ...a, rate: { type: 'lpr', tenor: '1y', spreadBps: 0, repricing: 'anniversary', lprPath: [{ date: '2026-05-20', oneYear: 0.029 }] },
      dayCount: 'actual/365', prepayments: [{ period: 12, amount: 200_000, mode: 'shorten-term', feeRate: 0.01 }] };
    const scenarios = [{ label: '方案 1', request: a, quote: await client.financing.quote(a) }, { label: '方案 2', request: b, quote: await client.financing.quote(b) }];
    const rows = comparisonCsvRows(scenarios, t, (s) => v2InputRows(s, t, t2));
    const row = (label: string) => rows.find((r) => r[0] === label);
    expect(row('计息天数')).to.deep.equal(['计息天数', '', '实际天数 / 365']);
    expect(row('LPR 重定价')).to.deep.equal(['LPR 重定价', '', '每满一年（放款对应日）']);
    expect(row('LPR 情景（假设的未来报价）')).to.deep.equal(['LPR 情景（假设的未来报价）', '', '2026-05-20 1Y 2.9000%']);
    expect(row('提前还款')).to.deep.equal(['提前还款', '', '第 12 期后 200000.00 缩短期限（每期还款不变） 提前还款违约金费率 1.0000%']);
    expect(row('还款周期'), 'no scenario sets the frequency: no row').to.equal(undefined);
    // Without the v2 rows (a v1 comparison) the table is as before.
    expect(comparisonCsvRows(scenarios, t).some((r) => r[0] === '提前还款')).to.equal(false);
  });
});
