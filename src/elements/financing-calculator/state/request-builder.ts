// The calculator's request builder: what the user typed (drafts, kept as typed) → a candidate contract request and
// one plain-words error per field. Pure: no DOM, no client, no zod (the schema check runs after, in the element),
// so it is tested in Node (test/node/calculator-state.test.ts).
import type { BondRequest, FinancingRequest } from '../../../contract/index.js';
import type { CalculatorMessages } from '../../messages/calculator.js';
import type { CommonMessages } from '../../messages/common.js';
import { fractionToPercent, isCalendarDate, percentToFraction } from '../../core/form/parse.js';
import { readNumberField } from '../../core/form/validators.js';
import { BOND_FIELDS, LOAN_FIELDS, type FieldDef } from './fields.js';

export type Drafts = Readonly<Record<string, string>>;
export type FieldErrors = Record<string, string>;

export const PARTIES = ['pboc', 'local', 'enhancer'] as const;

export function loanDefaults(today: string): Drafts {
  return {
    principal: '1000000', termMonths: '36', repayment: 'equal-installment', graceMonths: '0', rateType: 'lpr', annualRate: '3.5',
    tenor: '1y', spreadBps: '0', startDate: today, upfrontFeeRate: '', guaranteeRate: '', subsidyType: 'none',
    subsidyPoints: '', subsidyShare: '', ipValue: '', ipRatio: '',
  };
}

export function bondDefaults(today: string): Drafts {
  return {
    faceValue: '100000000', couponRate: '2.5', termYears: '3', couponsPerYear: '1', issuePrice: '100', upfrontCostRate: '0.3',
    annualCostRate: '0.1', issueDate: today, useRisk: '', defaultProbability: '2', lossGivenDefault: '60',
    'share-pboc': '40', 'share-local': '30', 'share-enhancer': '30',
  };
}

/** Drafts with a (partial) request written in: a program preset, a hand-off, or a host's `request`. Fields the
 * request does not name keep what the user typed, except the optional costs a preset replaces as a whole. */
export function fillLoanDrafts(drafts: Drafts, f: Partial<FinancingRequest>, { replaceCosts = true } = {}): Drafts {
  const d: Record<string, string> = { ...drafts };
  if (f.principal !== undefined) d['principal'] = String(f.principal);
  if (f.termMonths !== undefined) d['termMonths'] = String(f.termMonths);
  if (f.repayment) d['repayment'] = f.repayment;
  if (f.graceMonths !== undefined || replaceCosts) d['graceMonths'] = String(f.graceMonths ?? 0);
  if (f.rate?.type === 'fixed') Object.assign(d, { rateType: 'fixed', annualRate: fractionToPercent(f.rate.annualRate) });
  if (f.rate?.type === 'lpr') Object.assign(d, { rateType: 'lpr', tenor: f.rate.tenor, spreadBps: String(f.rate.spreadBps) });
  if (f.startDate) d['startDate'] = f.startDate;
  if (replaceCosts || f.upfrontFeeRate !== undefined) d['upfrontFeeRate'] = f.upfrontFeeRate !== undefined ? fractionToPercent(f.upfrontFeeRate) : '';
  if (replaceCosts || f.guaranteeFee) d['guaranteeRate'] = f.guaranteeFee ? fractionToPercent(f.guaranteeFee.annualRate) : '';
  if (replaceCosts || f.subsidy) {
    d['subsidyType'] = f.subsidy?.type ?? 'none';
    d['subsidyPoints'] = f.subsidy?.type === 'rate-points' ? fractionToPercent(f.subsidy.annualPoints) : '';
    d['subsidyShare'] = f.subsidy?.type === 'share-of-interest' ? fractionToPercent(f.subsidy.share) : '';
  }
  if (f.ipPledge) {
    d['ipValue'] = String(f.ipPledge.appraisedValue);
    // A hand-off knows the appraised value but not the bank's pledge ratio: keep what the user typed.
    if (Number.isFinite(f.ipPledge.pledgeRatio)) d['ipRatio'] = fractionToPercent(f.ipPledge.pledgeRatio);
  }
  return d;
}

export interface BuildContext {
  t: CalculatorMessages;
  form: CommonMessages['form'];
  /** A limit as shown in a message, in the field's unit ("100 %", "360 个月"). */
  show: (n: number, def: FieldDef) => string;
}

export interface Built<R> {
  /** The candidate request (every field the user gave), present even with errors, for the schema check. */
  candidate: Partial<R> & Record<string, unknown>;
  errors: FieldErrors;
  /** Help to show at a field that is not an error (an IP value without a pledge ratio). */
  notes: Record<string, 'ipRatioMissing'>;
}

function reader(drafts: Drafts, fields: Record<string, FieldDef>, ctx: BuildContext, errors: FieldErrors) {
  return (key: string, optional?: boolean): number | undefined => {
    const def = fields[key]!;
    const spec = optional === undefined ? def : { ...def, optional };
    const label = key.startsWith('share-') ? `${ctx.t.shares} · ${ctx.t.parties[key.slice(6) as keyof CalculatorMessages['parties']]}` : ctx.t[def.label];
    const r = readNumberField(drafts[key], spec, ctx.form, label, (n) => ctx.show(n, def));
    if (r.error !== undefined) errors[key] = r.error;
    return r.value;
  };
}

export function buildLoan(drafts: Drafts, ctx: BuildContext): Built<FinancingRequest> {
  const errors: FieldErrors = {};
  const notes: Built<FinancingRequest>['notes'] = {};
  const read = reader(drafts, LOAN_FIELDS, ctx, errors);
  const principal = read('principal');
  const termMonths = read('termMonths');
  const graceMonths = read('graceMonths') ?? 0;
  const candidate: Record<string, unknown> = { principal, termMonths, repayment: drafts['repayment'], graceMonths };
  if (drafts['rateType'] === 'fixed') {
    const rate = read('annualRate');
    candidate['rate'] = { type: 'fixed', annualRate: rate === undefined ? undefined : percentToFraction(rate) };
  } else {
    candidate['rate'] = { type: 'lpr', tenor: drafts['tenor'] === '5y' ? '5y' : '1y', spreadBps: read('spreadBps') };
  }
  const start = (drafts['startDate'] ?? '').trim();
  if (!isCalendarDate(start)) errors['startDate'] = ctx.form.date(ctx.t.startDate);
  candidate['startDate'] = start;
  const upfront = read('upfrontFeeRate');
  if (upfront !== undefined) candidate['upfrontFeeRate'] = percentToFraction(upfront);
  const guarantee = read('guaranteeRate');
  if (guarantee !== undefined) candidate['guaranteeFee'] = { annualRate: percentToFraction(guarantee) };
  if (drafts['subsidyType'] === 'rate-points') {
    const p = read('subsidyPoints');
    if (p !== undefined) candidate['subsidy'] = { type: 'rate-points', annualPoints: percentToFraction(p) };
  } else if (drafts['subsidyType'] === 'share-of-interest') {
    const s = read('subsidyShare');
    if (s !== undefined) candidate['subsidy'] = { type: 'share-of-interest', share: percentToFraction(s) };
  }
  const ipValue = read('ipValue');
  const ipRatio = read('ipRatio');
  if (ipValue !== undefined && ipRatio !== undefined) candidate['ipPledge'] = { appraisedValue: ipValue, pledgeRatio: percentToFraction(ipRatio) };
  else if (ipValue !== undefined && !errors['ipRatio']) notes['ipRatio'] = 'ipRatioMissing';
  if (termMonths !== undefined && graceMonths >= termMonths && !errors['graceMonths'] && !errors['termMonths']) {
    errors['graceMonths'] = ctx.form.less(ctx.t.graceMonths, ctx.show(termMonths, LOAN_FIELDS['termMonths']!));
  }
  return { candidate: candidate as Built<FinancingRequest>['candidate'], errors, notes };
}

export function buildBond(drafts: Drafts, ctx: BuildContext): Built<BondRequest> {
  const errors: FieldErrors = {};
  const read = reader(drafts, BOND_FIELDS, ctx, errors);
  const pct = (key: string) => { const v = read(key); return v === undefined ? undefined : percentToFraction(v); };
  const candidate: Record<string, unknown> = {
    faceValue: read('faceValue'), couponRate: pct('couponRate'), termYears: read('termYears'),
    couponsPerYear: Number(drafts['couponsPerYear']), issueDate: (drafts['issueDate'] ?? '').trim(),
  };
  if (!isCalendarDate(candidate['issueDate'] as string)) errors['issueDate'] = ctx.form.date(ctx.t.issueDate);
  const price = read('issuePrice');
  if (price !== undefined) candidate['issuePrice'] = price;
  const up = pct('upfrontCostRate');
  if (up !== undefined) candidate['upfrontCostRate'] = up;
  const annual = pct('annualCostRate');
  if (annual !== undefined) candidate['annualCostRate'] = annual;
  if (drafts['useRisk']) {
    const shares = Object.fromEntries(PARTIES.map((p) => [p, pct(`share-${p}`)]));
    candidate['riskSharing'] = { defaultProbability: pct('defaultProbability'), lossGivenDefault: pct('lossGivenDefault'), shares };
    const values = Object.values(shares);
    if (values.every((v) => v !== undefined) && Math.abs(values.reduce((a, b) => a! + b!, 0)! - 1) > 1e-9) {
      errors['share-pboc'] = ctx.form.contract(ctx.t.shares, ctx.t.sharesSum);
    }
  }
  return { candidate: candidate as Built<BondRequest>['candidate'], errors, notes: {} };
}

/** The element's attributes that changed, as the part of a request they describe. */
export function requestFromAttributes(
  el: { principal?: number | undefined; termMonths?: number | undefined; repayment?: string | undefined; graceMonths?: number | undefined; rate?: number | undefined; lprSpreadBps?: number | undefined },
  changed: ReadonlyMap<PropertyKey, unknown>, tenor: '1y' | '5y',
): Partial<FinancingRequest> {
  const f: Partial<FinancingRequest> = {};
  if (changed.has('principal') && el.principal !== undefined) f.principal = el.principal;
  if (changed.has('termMonths') && el.termMonths !== undefined) f.termMonths = el.termMonths;
  if (changed.has('repayment') && el.repayment) f.repayment = el.repayment as FinancingRequest['repayment'];
  if (changed.has('graceMonths') && el.graceMonths !== undefined) f.graceMonths = el.graceMonths;
  if (changed.has('rate') && el.rate !== undefined) f.rate = { type: 'fixed', annualRate: el.rate };
  else if (changed.has('lprSpreadBps') && el.lprSpreadBps !== undefined && el.rate === undefined) f.rate = { type: 'lpr', tenor, spreadBps: el.lprSpreadBps };
  return f;
}
