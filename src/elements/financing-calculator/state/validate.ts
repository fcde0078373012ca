// Drafts → a request the contract accepts, or one message per field. The request builder reads what was typed;
// the contract's schema (passed in, so this module stays free of zod and testable in Node) checks the rest, and
// its issues are worded for the form. A loan's v2 part comes in as a LoanExtension (loan-v2.ts, in the v2 chunk)
// once that chunk has loaded; before, the drafts hold no v2 field (only the v2 editors and fillers write them), so a
// loan is validated as v1 without fetching it. Pure.
import type { BondRequest, FinancingRequest, IssueLike, Locale } from '../../../contract/index.js';
import type { CalculatorMessages } from '../../messages/calculator.js';
import type { CommonMessages } from '../../messages/common.js';
import { mapIssues } from './contract-errors.js';
import { BOND_FIELDS, BOND_PATHS, LOAN_FIELDS, LOAN_PATHS, type FieldDef } from './fields.js';
import { buildBond, buildLoan, type Drafts, type FieldErrors } from './request-builder.js';

export type Mode = 'loan' | 'bond';

/** The smallest face of a zod schema this needs. */
export interface SchemaLike<T> {
  safeParse(input: unknown, params?: { reportInput?: boolean }): { success: true; data: T } | { success: false; error: { issues: readonly unknown[] } };
}

export interface FormContext {
  t: CalculatorMessages;
  form: CommonMessages['form'];
  locale: Locale;
  /** A number as the locale writes it. */
  number: (n: number) => string;
}

/** The v2 part of a loan's validation (loan-v2.ts): its fields' paths, labels and definitions, and the builder that
 * adds the v2 fields to a candidate request. */
export interface LoanExtension {
  paths: Record<string, string>;
  label(key: string, locale: Locale): string | undefined;
  def(key: string): FieldDef | undefined;
  build(drafts: Drafts, candidate: Record<string, unknown>, ctx: FormContext): FieldErrors;
}

export type Validated<R> =
  | { ok: true; request: R; notes: Record<string, string> }
  | { ok: false; errors: FieldErrors; other: string[]; notes: Record<string, string> };

export function fieldsOf(mode: Mode, ext?: LoanExtension): { fields: Record<string, FieldDef>; paths: Record<string, string> } {
  return mode === 'loan' ? { fields: LOAN_FIELDS, paths: { ...LOAN_PATHS, ...ext?.paths } } : { fields: BOND_FIELDS, paths: BOND_PATHS };
}

/** A limit with the field's unit: "100 %", "360 个月". */
export function showLimit(ctx: FormContext, n: number, def: FieldDef | undefined): string {
  const unit = def?.shown ? ctx.t.units[def.shown] : '';
  return unit ? `${ctx.number(n)} ${unit}` : ctx.number(n);
}

/** The label of a field, as its messages name it. */
export function fieldLabel(ctx: FormContext, mode: Mode, ext?: LoanExtension) {
  const { fields } = fieldsOf(mode, ext);
  return (key: string): string => {
    if (key.startsWith('share-')) return `${ctx.t.shares} · ${ctx.t.parties[key.slice(6) as keyof CalculatorMessages['parties']]}`;
    const v2 = mode === 'loan' ? ext?.label(key, ctx.locale) : undefined;
    if (v2 !== undefined) return v2;
    const def = fields[key];
    if (def) return ctx.t[def.label];
    const plain = (ctx.t as unknown as Record<string, unknown>)[key];
    return typeof plain === 'string' ? plain : key;
  };
}

export function validate(mode: 'loan', drafts: Drafts, ctx: FormContext, schema: SchemaLike<FinancingRequest>, ext?: LoanExtension): Validated<FinancingRequest>;
export function validate(mode: 'bond', drafts: Drafts, ctx: FormContext, schema: SchemaLike<BondRequest>): Validated<BondRequest>;
export function validate(mode: Mode, drafts: Drafts, ctx: FormContext, schema: SchemaLike<FinancingRequest | BondRequest>, ext?: LoanExtension): Validated<FinancingRequest | BondRequest> {
  const { fields, paths } = fieldsOf(mode, ext);
  const show = (n: number, def: FieldDef | undefined) => showLimit(ctx, n, def);
  const buildCtx = { t: ctx.t, form: ctx.form, show };
  const built = mode === 'loan' ? buildLoan(drafts, buildCtx) : buildBond(drafts, buildCtx);
  if (mode === 'loan' && ext) {
    for (const [k, e] of Object.entries(ext.build(drafts, built.candidate, ctx))) built.errors[k] ??= e;
  }
  const parsed = schema.safeParse(built.candidate, { reportInput: true });
  if (parsed.success && !Object.keys(built.errors).length) return { ok: true, request: parsed.data, notes: built.notes };
  const mapped = parsed.success
    ? { fields: built.errors, other: [] }
    : mapIssues(parsed.error.issues as IssueLike[], paths, { locale: ctx.locale, form: ctx.form, label: fieldLabel(ctx, mode, ext), def: (k) => fields[k] ?? (mode === 'loan' ? ext?.def(k) : undefined), show }, built.errors);
  return { ok: false, errors: mapped.fields, other: Object.keys(mapped.fields).length ? [] : mapped.other, notes: built.notes };
}
