// The form layer and the widgets' pure state modules, in Node: what a Chinese user types, the calculator's request
// builder and CSV writer, the checker's question state, saved-profile fitting and the financing hand-off.
// Oracles are written out by hand (amounts, messages, rows), never computed with the code under test.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseNumber, percentToFraction } from '../../src/elements/core/form/parse.js';
import { readNumberField, max, min } from '../../src/elements/core/form/validators.js';
import { problemOf, errorKind, fieldProblems } from '../../src/elements/core/errors.js';
import { commonMessages } from '../../src/elements/messages/common.js';
import { calculatorMessages } from '../../src/elements/messages/calculator.js';
import { checkerMessages } from '../../src/elements/messages/checker.js';
import { buildLoan, fillLoanDrafts, loanDefaults } from '../../src/elements/financing-calculator/state/request-builder.js';
import { comparisonCsvRows, scheduleRows, toCsv } from '../../src/elements/financing-calculator/state/csv.js';
import { validate } from '../../src/elements/financing-calculator/state/validate.js';
import { FinancingRequest, type FinancingQuote, type FactDef, type Program } from '../../src/contract/index.js';
import { draftFromValue, parseDraft, questionGroup } from '../../src/elements/eligibility-checker/state/question-state.js';
import { fitProfile, withoutFacts } from '../../src/elements/eligibility-checker/state/profile-fit.js';
import { financingFromAnswers } from '../../src/elements/eligibility-checker/state/handoff.js';

const form = commonMessages['zh-CN'].form;
const t = calculatorMessages['zh-CN'];

describe('parseNumber: numbers as Chinese users type them', () => {
  const ok = (text: string, unit: Parameters<typeof parseNumber>[1], value: number) => assert.deepEqual(parseNumber(text, unit), { ok: true, value }, text);
  const no = (text: string, unit: Parameters<typeof parseNumber>[1], problem: string) => assert.deepEqual(parseNumber(text, unit), { ok: false, problem }, text);
  it('accepts full-width digits and separators from an input method', () => {
    ok('８００', 'plain', 800);
    ok('１，０００，０００', 'yuan', 1_000_000);
    ok('３．４５％', 'percent', 3.45);
    ok('－５０', 'plain', -50);
  });
  it('accepts thousands separators in groups of three', () => {
    ok('1,000,000', 'yuan', 1_000_000);
    ok('12,500', 'plain', 12_500);
    ok('1,234.56', 'yuan', 1234.56);
  });
  it('scales 万 and 亿 to the unit of the field', () => {
    ok('800万', 'yuan', 8_000_000);
    ok('1.1万元', 'yuan', 11_000);
    ok('2亿', 'yuan', 200_000_000);
    ok('800', 'wan', 800);
    ok('800万', 'wan', 800);
    ok('8000000元', 'wan', 800);
    ok('1.5亿', 'wan', 15_000);
  });
  it('takes a percentage typed as a percentage, and refuses % elsewhere', () => {
    ok('4.35%', 'percent', 4.35);
    ok('4.35', 'percent', 4.35);
    no('4.35%', 'yuan', 'percentSign');
  });
  it('refuses hex, scientific notation, a decimal comma and broken grouping, each for its own reason', () => {
    no('0x10', 'yuan', 'hex');
    no('0X1F', 'plain', 'hex');
    no('1e3', 'yuan', 'exponent');
    no('2.5E-2', 'percent', 'exponent');
    no('12,5', 'plain', 'decimalComma');
    no('1,00', 'plain', 'decimalComma');
    no('1,000,00', 'plain', 'grouping');
    no('一百万', 'yuan', 'notNumber');
    no('Infinity', 'plain', 'notNumber');
    no('  ', 'plain', 'required');
  });
  it('turns percent into a fraction without binary dust', () => {
    assert.equal(percentToFraction(4.35), 0.0435);
    assert.equal(percentToFraction(0.1), 0.001);
  });
});

describe('readNumberField: one message per field, in plain words', () => {
  const show = (n: number) => `${n} %`;
  it('says what is wrong and what is expected', () => {
    assert.deepEqual(readNumberField('150', { unit: 'percent', validators: [min(0), max(100)] }, form, '年担保费率', show), { error: '年担保费率不得超过 100 %' });
    assert.deepEqual(readNumberField('0x10', { unit: 'yuan', example: '1000000' }, form, '贷款本金', show), { error: '贷款本金请用十进制数字填写，例如 1000000（不支持 0x 开头的写法）' });
    assert.deepEqual(readNumberField('1e3', { unit: 'yuan', example: '1000' }, form, '贷款本金', show), { error: '贷款本金请直接写出数字，例如 1000，不要用科学计数法' });
    assert.deepEqual(readNumberField('', { optional: true }, form, 'x', show), { value: undefined });
    assert.deepEqual(readNumberField('', {}, form, '贷款期限', show), { error: '请填写贷款期限' });
  });
});

describe('errors are recognised by their problem fields, not by class', () => {
  it('reads a plain object from another bundle like an SDK error', () => {
    const foreign = { name: 'SomethingElse', type: 'urn:chanrong:problem:validation', title: 'Invalid', status: 400, errors: [{ path: 'rate.spreadBps', message: 'x' }] };
    assert.equal(problemOf(foreign)?.status, 400);
    assert.equal(errorKind(foreign), 'invalid');
    assert.deepEqual(fieldProblems(foreign), [{ path: 'rate.spreadBps', message: 'x' }]);
    assert.equal(errorKind({ status: 0, title: 'down' }), 'network');
    assert.equal(errorKind({ status: 503, title: 'down' }), 'server');
    assert.equal(errorKind(new RangeError('boom')), 'unexpected');
    assert.equal(errorKind(Object.assign(new Error('x'), { name: 'AbortError' })), 'cancelled');
  });
});

const ctx = { t, form, locale: 'zh-CN' as const, number: (n: number) => String(n) };

describe('calculator request builder', () => {
  const drafts = { ...loanDefaults('2025-06-01'), principal: '１，０００，０００', termMonths: '36', rateType: 'fixed', annualRate: '3.45%', guaranteeRate: '1' };
  it('builds the contract request from what was typed', () => {
    const r = validate('loan', drafts, ctx, FinancingRequest);
    assert.ok(r.ok);
    assert.deepEqual(r.request, {
      principal: 1_000_000, termMonths: 36, repayment: 'equal-installment', graceMonths: 0, rate: { type: 'fixed', annualRate: 0.0345 },
      startDate: '2025-06-01', guaranteeFee: { annualRate: 0.01 },
    });
  });
  it('refuses 0x10 and a guarantee of 150 %, one plain message per field', () => {
    const r = validate('loan', { ...drafts, principal: '0x10', guaranteeRate: '150' }, ctx, FinancingRequest);
    assert.ok(!r.ok);
    assert.deepEqual(r.errors, {
      principal: '贷款本金请用十进制数字填写，例如 1000000（不支持 0x 开头的写法）',
      guaranteeRate: '年担保费率不得超过 100 %',
    });
  });
  it('words a contract bound on a rate as a percentage, not a fraction', () => {
    const r = validate('loan', { ...drafts, rateType: 'lpr', spreadBps: '-2000' }, ctx, FinancingRequest);
    assert.ok(!r.ok);
    assert.equal(r.errors['spreadBps'], '加点不得低于 -1000 个基点');
  });
  it('keeps the IP value of a hand-off and asks for the pledge ratio instead of failing', () => {
    const filled = fillLoanDrafts(drafts, { principal: 5_000_000, ipPledge: { appraisedValue: 8_000_000, pledgeRatio: Number.NaN } });
    assert.equal(filled['principal'], '5000000');
    assert.equal(filled['ipValue'], '8000000');
    assert.equal(filled['ipRatio'], '');
    const built = buildLoan(filled, { t, form, show: (n) => String(n) });
    assert.deepEqual(built.errors, {});
    assert.equal(built.candidate['ipPledge'], undefined);
    assert.deepEqual(built.notes, { ipRatio: 'ipRatioMissing' });
  });
});

const quote: FinancingQuote = {
  annualRate: 0.0345,
  disbursement: { date: '2025-06-01', principal: 100_000, upfrontFee: 1_000, guaranteeFee: 1_000, netAmount: 98_000 },
  schedule: [
    { period: 1, date: '2025-07-01', openingBalance: 100_000, interest: 287.5, principal: 50_000, payment: 50_287.5, guaranteeFee: 0, subsidy: 0, closingBalance: 50_000 },
    { period: 2, date: '2025-08-01', openingBalance: 50_000, interest: 143.75, principal: 50_000, payment: 50_143.75, guaranteeFee: 0, subsidy: 0, closingBalance: 0 },
  ],
  totals: { interest: 431.25, principal: 100_000, payment: 100_431.25, upfrontFee: 1_000, guaranteeFee: 1_000, subsidy: 0 },
  annualizedRate: 0.1, effectiveAnnualRate: 0.104713, allInCost: 0.2, warnings: [],
};

describe('calculator CSV writer', () => {
  it('writes the disbursement as row 0 and the totals last, so the guarantee column adds up', () => {
    const rows = scheduleRows(quote, t);
    assert.deepEqual(rows[1], ['0 放款', '2025-06-01', '', '', '', '', '1000.00', '1000.00', '', '100000.00']);
    assert.deepEqual(rows.at(-1), ['合计', '', '', '431.25', '100000.00', '100431.25', '1000.00', '1000.00', '0.00', '']);
    assert.equal(rows.length, 1 + 1 + 2 + 1);
  });
  it('carries every scenario’s inputs, and rates as percentages', () => {
    const request = { principal: 100_000, termMonths: 2, repayment: 'equal-principal' as const, rate: { type: 'fixed' as const, annualRate: 0.0345 }, startDate: '2025-06-01', guaranteeFee: { annualRate: 0.01 } };
    const rows = comparisonCsvRows([{ label: '方案 1', request, quote }, { label: '方案 2', request: { ...request, termMonths: 12 }, quote }], t);
    const row = (label: string) => rows.find((r) => r[0] === label);
    assert.deepEqual(row('贷款期限（个月）'), ['贷款期限（个月）', '2', '12']);
    assert.deepEqual(row('年担保费率'), ['年担保费率', '1.0000%', '1.0000%']);
    assert.deepEqual(row('名义年利率'), ['名义年利率', '3.4500%', '3.4500%']);
    assert.deepEqual(row('放款时收取的首年担保费'), ['放款时收取的首年担保费', '1000.00', '1000.00']);
  });
  it('quotes what needs quoting and defuses formulas', () => {
    assert.equal(toCsv([['a,b', 'say "hi"', '=1+1', '-5', '-x']]), '"a,b","say ""hi""",\'=1+1,-5,\'-x');
  });
});

const facts: Record<string, FactDef> = {
  revenue: { type: 'number', label: { 'zh-CN': '上年度营业收入' }, unit: { 'zh-CN': '万元' }, min: 0 },
  ratio: { type: 'number', label: { 'zh-CN': '研发费用占比' }, unit: { 'zh-CN': '%' }, min: 0, max: 1000 },
  staff: { type: 'integer', label: { 'zh-CN': '从业人员' }, min: 0 },
  size: { type: 'enum', label: { 'zh-CN': '规模' }, options: [{ value: 'small', label: { 'zh-CN': '小型' } }] },
  region: { type: 'region', label: { 'zh-CN': '注册地' } },
};

describe('checker question state', () => {
  const qctx = { locale: 'zh-CN' as const, t: checkerMessages['zh-CN'], form, number: (n: number) => String(n), hasCities: () => true };
  it('reads 万元 amounts in 万元, percentages as percentages, full-width digits', () => {
    assert.deepEqual(parseDraft(facts['revenue']!, { text: '８００' }, qctx), { value: 800 });
    assert.deepEqual(parseDraft(facts['revenue']!, { text: '1,200万' }, qctx), { value: 1200 });
    assert.deepEqual(parseDraft(facts['ratio']!, { text: '4.5%' }, qctx), { value: 4.5 });
    assert.deepEqual(parseDraft(facts['staff']!, { text: '12.5' }, qctx), { error: '从业人员须为整数' });
    assert.deepEqual(parseDraft(facts['revenue']!, { text: '-1' }, qctx), { error: '上年度营业收入不得低于 0 万元' });
    assert.deepEqual(parseDraft(facts['region']!, { province: '440000' }, qctx), { error: '请选择地级行政区' });
    assert.deepEqual(parseDraft(facts['size']!, { unknown: true }, qctx), { value: null });
  });
  it('turns a saved answer back into a draft', () => {
    assert.deepEqual(draftFromValue(facts['region']!, '440300'), { province: '440000', city: '440300' });
    assert.deepEqual(draftFromValue(facts['staff']!, 12), { text: '12' });
  });
  it('asks the next three questions the catalog declares, or the ones being changed', () => {
    assert.deepEqual(questionGroup(['gone', 'revenue', 'ratio', 'staff', 'size'], facts, undefined), ['revenue', 'ratio', 'staff']);
    assert.deepEqual(questionGroup(['revenue'], facts, ['size']), ['size']);
  });
});

describe('a saved profile that no longer fits the catalog', () => {
  it('keeps what fits and names what it drops', () => {
    assert.deepEqual(fitProfile({ revenue: 800, size: 'huge', gone: true, staff: 1.5, region: '440300', ratio: null }, facts), {
      profile: { revenue: 800, region: '440300', ratio: null }, dropped: ['size', 'gone', 'staff'],
    });
    assert.deepEqual(fitProfile('garbage', facts), { profile: {}, dropped: ['*'] });
    assert.deepEqual(fitProfile([1, 2], facts), { profile: {}, dropped: ['*'] });
  });
  it('drops the facts a server refused', () => {
    assert.deepEqual(withoutFacts({ revenue: 1, size: 'small' }, ['profile.size']), { profile: { revenue: 1 }, dropped: ['size'] });
  });
});

describe('"测算融资" hand-off', () => {
  it('carries the amount sought and the IP value, from 万元 to yuan, over the program preset', () => {
    const program = { id: 'p', kind: 'loan', title: { 'zh-CN': 'p' }, sources: [], criteria: { all: [] }, financing: { termMonths: 36, principal: 1 } } as unknown as Program;
    const catalogFacts: Record<string, FactDef> = {
      requestedAmount: { type: 'number', label: { 'zh-CN': '拟融资金额' }, unit: { 'zh-CN': '万元' } },
      ipAppraisedValue: { type: 'number', label: { 'zh-CN': '评估价值' }, unit: { 'zh-CN': '万元' } },
    };
    const f = financingFromAnswers(program, { requestedAmount: 500, ipAppraisedValue: 800.5 }, catalogFacts);
    assert.equal(f.termMonths, 36);
    assert.equal(f.principal, 5_000_000);
    assert.equal(f.ipPledge?.appraisedValue, 8_005_000);
    assert.ok(Number.isNaN(f.ipPledge?.pledgeRatio));
    assert.equal(financingFromAnswers(program, { requestedAmount: null }, catalogFacts).principal, 1);
  });
});
