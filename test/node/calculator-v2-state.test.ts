// The calculator's v2 request building, without a browser: the advanced drafts, LPR path rows and prepayment rows
// become exactly the v2 fields the contract takes (nothing when left at their defaults), with one message per field;
// presets fill them back; bill discounting drafts become a DiscountRequest.
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { DiscountRequest, FinancingRequest } from '../../src/contract/index.js';
import { commonMessages } from '../../src/elements/messages/common.js';
import { addRow, buildV2, fillV2Drafts, removeRow, V2_DEFAULTS, V2_PATHS } from '../../src/elements/financing-calculator/state/v2-builder.js';
import { billDefaults, validateBill } from '../../src/elements/financing-calculator/state/discount-builder.js';

const ctx = { locale: 'zh-CN' as const, form: commonMessages['zh-CN'].form, show: (n: number) => String(n) };
const loan = () => ({ principal: 1_000_000, termMonths: 36, repayment: 'equal-installment', graceMonths: 0, startDate: '2025-06-15', rate: { type: 'lpr', tenor: '1y', spreadBps: 30 } } as Record<string, unknown>);

describe('v2 drafts → request', () => {
  it('drafts without any v2 key (a v1 form) add nothing and no error', () => {
    const c = { ...loan(), guaranteeFee: { annualRate: 0.01 }, subsidy: { type: 'rate-points', annualPoints: 0.01 } };
    expect(buildV2({}, c, ctx)).to.deep.equal({});
    expect(c).to.deep.equal({ ...loan(), guaranteeFee: { annualRate: 0.01 }, subsidy: { type: 'rate-points', annualPoints: 0.01 } });
  });
  it('defaults add nothing: the v1 request', () => {
    const c = loan();
    expect(buildV2({ ...V2_DEFAULTS }, c, ctx)).to.deep.equal({});
    expect(c).to.deep.equal(loan());
  });
  it('every option, rows included, makes a valid v2 request', () => {
    let d: Record<string, string> = { ...V2_DEFAULTS, frequency: 'quarterly', dayCount: 'actual/360', repricing: 'anniversary',
      guaranteeBasis: 'pro-rata', guaranteeCoverage: '80', subsidyMonths: '24', subsidyUntil: '2026-12-31', subsidyTiming: 'annual-in-arrears' };
    d = { ...addRow(addRow(d, 'path'), 'pp') };
    Object.assign(d, { 'path-0-date': '2026-05-20', 'path-0-oneYear': '2.9', 'pp-0-period': '4', 'pp-0-amount': '10万', 'pp-0-mode': 'shorten-term', 'pp-0-feeRate': '1' });
    const c: Record<string, unknown> = { ...loan(), guaranteeFee: { annualRate: 0.01 }, subsidy: { type: 'rate-points', annualPoints: 0.015 } };
    expect(buildV2(d, c, ctx)).to.deep.equal({});
    expect(c).to.deep.include({ frequency: 'quarterly', dayCount: 'actual/360', prepayments: [{ period: 4, amount: 100000, mode: 'shorten-term', feeRate: 0.01 }] });
    expect(c['rate']).to.deep.equal({ type: 'lpr', tenor: '1y', spreadBps: 30, repricing: 'anniversary', lprPath: [{ date: '2026-05-20', oneYear: 0.029 }] });
    expect(c['guaranteeFee']).to.deep.equal({ annualRate: 0.01, basis: 'pro-rata', coverage: 0.8 });
    expect(c['subsidy']).to.deep.equal({ type: 'rate-points', annualPoints: 0.015, months: 24, until: '2026-12-31', timing: 'annual-in-arrears' });
    expect(FinancingRequest.safeParse(c).success).to.equal(true);
  });
  it('one message per bad field, keyed by the draft', () => {
    const d = { ...V2_DEFAULTS, pathRows: '1', 'path-0-date': '2026-02-30', 'path-0-oneYear': 'abc', prepaymentRows: '1', 'pp-0-period': '1.5', 'pp-0-amount': '0' };
    const errors = buildV2(d, loan(), ctx);
    expect(Object.keys(errors).sort()).to.deep.equal(['path-0-date', 'path-0-oneYear', 'pp-0-amount', 'pp-0-period']);
    expect(errors['pp-0-amount']).to.include('提前还款金额');
  });
  it('contract paths of rows map to their drafts', () => {
    expect(V2_PATHS['prepayments.2.period']).to.equal('pp-2-period');
    expect(V2_PATHS['rate.lprPath.0.date']).to.equal('path-0-date');
  });
  it('rows are added and removed, the ones after moving up', () => {
    let d: Record<string, string> = { ...V2_DEFAULTS };
    d = { ...addRow(addRow(addRow(d, 'pp'), 'pp'), 'pp'), 'pp-0-amount': '1', 'pp-1-amount': '2', 'pp-2-amount': '3' };
    const r = removeRow(d, 'pp', 1);
    expect([r['prepaymentRows'], r['pp-0-amount'], r['pp-1-amount'], r['pp-2-amount']]).to.deep.equal(['2', '1', '3', undefined]);
  });
  it('a preset with a subsidy duration fills it back (and a plain preset resets it)', () => {
    const d = fillV2Drafts({ ...V2_DEFAULTS }, { subsidy: { type: 'rate-points', annualPoints: 0.015, months: 24, until: '2026-12-31' } });
    expect([d['subsidyMonths'], d['subsidyUntil'], d['subsidyTiming']]).to.deep.equal(['24', '2026-12-31', 'with-payment']);
    const reset = fillV2Drafts(d, { termMonths: 12 });
    expect([reset['subsidyMonths'], reset['subsidyUntil']]).to.deep.equal(['', '']);
  });
});

describe('bill drafts → DiscountRequest', () => {
  it('defaults are a valid six-month bill', () => {
    const r = validateBill(billDefaults('2025-11-26'), ctx, DiscountRequest);
    expect(r.ok && r.request).to.deep.equal({ faceValue: 1_000_000, discountRate: 0.015, discountDate: '2025-11-26', maturityDate: '2026-05-26', dayBasis: 360 });
  });
  it('a maturity before the discount date is refused at that field', () => {
    const r = validateBill({ ...billDefaults('2025-11-26'), maturityDate: '2025-11-01', extraDays: '11' }, ctx, DiscountRequest);
    expect(r.ok).to.equal(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).to.deep.equal(['extraDays', 'maturityDate']);
  });
});
