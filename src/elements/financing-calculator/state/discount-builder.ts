// Bill discounting in the calculator (CONTRACT.md "Bill discounting"): drafts → a DiscountRequest, one message per
// field, then the contract's schema (passed in, so this stays free of zod) for the rest. Pure; tested in Node.
import type { DiscountRequest, IssueLike, Locale } from '../../../contract/index.js';
import { issueMessage, issuePath } from '../../../contract/index.js';
import type { CalculatorV2Messages } from '../../messages/calculator-v2.js';
import { calculatorV2Messages } from '../../messages/calculator-v2.js';
import type { CommonMessages } from '../../messages/common.js';
import { isCalendarDate, percentToFraction } from '../../core/form/parse.js';
import { greater, integer, max, min, readNumberField } from '../../core/form/validators.js';
import type { V2FieldDef } from './v2-builder.js';

export type Drafts = Readonly<Record<string, string>>;

export function billDefaults(today: string): Drafts {
  // A six-month bank acceptance bill discounted today.
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 6);
  return { billFaceValue: '1000000', discountRate: '1.5', discountDate: today, maturityDate: d.toISOString().slice(0, 10), extraDays: '0', dayBasis: '360' };
}

export const BILL_FIELDS: Record<string, V2FieldDef> = {
  billFaceValue: { label: 'billFaceValue', unit: 'yuan', shown: 'yuan', validators: [greater(0), max(1e13)], example: '1000000' },
  discountRate: { label: 'discountRate', unit: 'percent', shown: 'percent', validators: [min(0), max(100)], example: '1.5' },
  extraDays: { label: 'extraDays', shown: 'days', inputmode: 'numeric', optional: true, validators: [integer, min(0), max(10)], example: '3' },
};

export const BILL_PATHS: Record<string, string> = {
  faceValue: 'billFaceValue', discountRate: 'discountRate', discountDate: 'discountDate', maturityDate: 'maturityDate',
  extraDays: 'extraDays', dayBasis: 'dayBasis',
};

export interface SchemaLike<T> {
  safeParse(input: unknown, params?: { reportInput?: boolean }): { success: true; data: T } | { success: false; error: { issues: readonly unknown[] } };
}

export interface BillContext {
  locale: Locale;
  form: CommonMessages['form'];
  show: (n: number, def: V2FieldDef | undefined) => string;
}

export type BillValidated = { ok: true; request: DiscountRequest } | { ok: false; errors: Record<string, string>; other: string[] };

export function validateBill(drafts: Drafts, ctx: BillContext, schema: SchemaLike<DiscountRequest>): BillValidated {
  const t: CalculatorV2Messages = calculatorV2Messages[ctx.locale];
  const errors: Record<string, string> = {};
  const read = (key: string) => {
    const def = BILL_FIELDS[key]!;
    const r = readNumberField(drafts[key], def, ctx.form, t[def.label] as string, (n) => ctx.show(n, def));
    if (r.error !== undefined) errors[key] = r.error;
    return r.value;
  };
  const faceValue = read('billFaceValue');
  const rate = read('discountRate');
  const extraDays = read('extraDays');
  const discountDate = (drafts['discountDate'] ?? '').trim();
  const maturityDate = (drafts['maturityDate'] ?? '').trim();
  if (!isCalendarDate(discountDate)) errors['discountDate'] = ctx.form.date(t.discountDate);
  if (!isCalendarDate(maturityDate)) errors['maturityDate'] = ctx.form.date(t.maturityDate);
  else if (!errors['discountDate'] && maturityDate <= discountDate) errors['maturityDate'] = ctx.form.contract(t.maturityDate, t.maturityAfterDiscount);
  const candidate: Record<string, unknown> = {
    faceValue, discountRate: rate === undefined ? undefined : percentToFraction(rate), discountDate, maturityDate,
    dayBasis: drafts['dayBasis'] === '365' ? 365 : 360,
  };
  if (extraDays) candidate['extraDays'] = extraDays;
  const parsed = schema.safeParse(candidate, { reportInput: true });
  if (parsed.success && !Object.keys(errors).length) return { ok: true, request: parsed.data };
  const other: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues as IssueLike[]) {
      const path = issuePath(issue.path);
      const key = BILL_PATHS[path];
      if (!key) other.push(`${path}: ${issueMessage(issue, ctx.locale)}`);
      else errors[key] ??= ctx.form.contract(billLabel(key, ctx.locale), issueMessage(issue, ctx.locale));
    }
  }
  return { ok: false, errors, other: Object.keys(errors).length ? [] : other };
}

export function billLabel(key: string, locale: Locale): string {
  const t = calculatorV2Messages[locale] as unknown as Record<string, unknown>;
  const v = t[key];
  return typeof v === 'string' ? v : key;
}
