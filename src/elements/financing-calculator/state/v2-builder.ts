// The calculator's v2 options (CONTRACT.md "Financing that reconciles with a bank statement"): drafts of the
// advanced group, the LPR path rows and the prepayment rows → the v2 fields of a request, one message per field.
// Only what differs from the v1 defaults is sent, so a form left at its defaults asks exactly the v1 question.
// Rows are flat drafts (`path-0-date`, `pp-1-amount`, …) with a count, like every other field. Pure; tested in Node.
import type { FinancingRequest, LprPathEntry, Locale, Prepayment } from '../../../contract/index.js';
import type { CalculatorV2Messages } from '../../messages/calculator-v2.js';
import { calculatorV2Messages } from '../../messages/calculator-v2.js';
import type { CommonMessages } from '../../messages/common.js';
import { fractionToPercent, isCalendarDate, percentToFraction } from '../../core/form/parse.js';
import { greater, integer, max, min, readNumberField, type NumberFieldSpec } from '../../core/form/validators.js';
import { V2_DEFAULTS } from './v2-defaults.js';

export { V2_DEFAULTS };

export type Drafts = Readonly<Record<string, string>>;

/** The rows the editors allow (the contract allows more; a form with more is unreadable). */
export const MAX_PATH_ROWS = 20;
export const MAX_PREPAYMENT_ROWS = 12;

type Label = { [K in keyof CalculatorV2Messages]: CalculatorV2Messages[K] extends string ? K : never }[keyof CalculatorV2Messages];
export interface V2FieldDef extends NumberFieldSpec {
  label: Label;
  shown?: 'percent' | 'months' | 'yuan' | 'periods' | 'days';
  inputmode?: 'decimal' | 'numeric';
}

const pct = (example: string, optional = true): Omit<V2FieldDef, 'label'> => ({ unit: 'percent', shown: 'percent', optional, validators: [min(0), max(100)], example });

/** Numeric v2 fields; row fields are keyed by their column (`path-3-oneYear` reads `oneYear`). */
export const V2_FIELDS: Record<string, V2FieldDef> = {
  guaranteeCoverage: { label: 'guaranteeCoverage', unit: 'percent', shown: 'percent', optional: true, validators: [greater(0), max(100)], example: '80' },
  subsidyMonths: { label: 'subsidyMonths', shown: 'months', inputmode: 'numeric', optional: true, validators: [integer, min(0), max(360)], example: '24' },
  oneYear: { label: 'lprPathTitle', ...pct('3.0') },
  fiveYear: { label: 'lprPathTitle', ...pct('3.5') },
  period: { label: 'prepaymentPeriod', shown: 'periods', inputmode: 'numeric', validators: [integer, min(1), max(359)], example: '12' },
  amount: { label: 'prepaymentAmount', unit: 'yuan', shown: 'yuan', validators: [greater(0), max(1e13)], example: '100000' },
  feeRate: { label: 'prepaymentFeeRate', ...pct('1') },
};

/** The definition of a v2 draft key (`pp-2-amount` → amount), or undefined. */
export function v2Def(key: string): V2FieldDef | undefined {
  const m = /^(?:path|pp)-\d+-(\w+)$/.exec(key);
  return V2_FIELDS[m ? m[1]! : key];
}

/** The label of a v2 draft key, for messages ("提前还款金额（第 2 行）"). */
export function v2Label(key: string, locale: Locale): string | undefined {
  const t = calculatorV2Messages[locale];
  const row = /^(path|pp)-(\d+)-(\w+)$/.exec(key);
  if (row) {
    const [, kind, i, col] = row;
    const base = kind === 'path'
      ? (col === 'date' ? t.lprPathDate : col === 'oneYear' ? `1Y · ${t.lprPathTitle}` : `5Y · ${t.lprPathTitle}`)
      : (col === 'mode' ? t.prepaymentMode : t[V2_FIELDS[col!]?.label ?? 'prepaymentAmount'] as string);
    return `${base} #${Number(i) + 1}`;
  }
  const plain = (t as unknown as Record<string, unknown>)[key];
  return typeof plain === 'string' ? plain : undefined;
}

/** Contract paths of the v2 fields → the draft key that shows their errors. */
export const V2_PATHS: Record<string, string> = (() => {
  const p: Record<string, string> = {
    frequency: 'frequency', dayCount: 'dayCount', 'rate.repricing': 'repricing', 'rate.lprPath': 'path-0-date',
    'guaranteeFee.basis': 'guaranteeBasis', 'guaranteeFee.coverage': 'guaranteeCoverage',
    'subsidy.months': 'subsidyMonths', 'subsidy.until': 'subsidyUntil', 'subsidy.timing': 'subsidyTiming', prepayments: 'pp-0-amount',
  };
  for (let i = 0; i < MAX_PATH_ROWS; i++) for (const c of ['date', 'oneYear', 'fiveYear']) p[`rate.lprPath.${i}.${c}`] = `path-${i}-${c}`;
  for (let i = 0; i < MAX_PREPAYMENT_ROWS; i++) for (const c of ['period', 'amount', 'mode', 'feeRate']) p[`prepayments.${i}.${c}`] = `pp-${i}-${c}`;
  return p;
})();

export interface V2Context {
  locale: Locale;
  form: CommonMessages['form'];
  /** A limit with its unit, as the form shows it. */
  show: (n: number, def: V2FieldDef | undefined) => string;
}

const count = (drafts: Drafts, key: 'pathRows' | 'prepaymentRows', cap: number) => Math.max(0, Math.min(cap, Number(drafts[key] ?? 0) || 0));

/**
 * Adds the v2 fields the drafts describe to a loan candidate (from the v1 builder) and returns their errors.
 * Guarantee and subsidy options apply only when the candidate has a guarantee fee or a subsidy.
 */
export function buildV2(drafts: Drafts, candidate: Record<string, unknown>, ctx: V2Context): Record<string, string> {
  const errors: Record<string, string> = {};
  const d = (k: string) => drafts[k] ?? V2_DEFAULTS[k] ?? '';
  const read = (key: string): number | undefined => {
    const def = v2Def(key)!;
    const r = readNumberField(drafts[key] ?? V2_DEFAULTS[key], def, ctx.form, v2Label(key, ctx.locale) ?? key, (n) => ctx.show(n, def));
    if (r.error !== undefined) errors[key] = r.error;
    return r.value;
  };
  if (d('frequency') === 'quarterly') candidate['frequency'] = 'quarterly';
  if (d('dayCount') !== '30/360') candidate['dayCount'] = d('dayCount');

  const rate = candidate['rate'] as Record<string, unknown> | undefined;
  if (rate?.['type'] === 'lpr') {
    if (d('repricing') !== 'none') rate['repricing'] = d('repricing');
    const path: LprPathEntry[] = [];
    for (let i = 0; i < count(drafts, 'pathRows', MAX_PATH_ROWS); i++) {
      const date = (drafts[`path-${i}-date`] ?? '').trim();
      const one = read(`path-${i}-oneYear`), five = read(`path-${i}-fiveYear`);
      if (!date && one === undefined && five === undefined) continue; // an empty row is no row
      if (!isCalendarDate(date)) errors[`path-${i}-date`] = ctx.form.date(v2Label(`path-${i}-date`, ctx.locale)!);
      const entry: LprPathEntry = { date };
      if (one !== undefined) entry.oneYear = percentToFraction(one);
      if (five !== undefined) entry.fiveYear = percentToFraction(five);
      path.push(entry);
    }
    if (path.length) rate['lprPath'] = path;
  }

  const guarantee = candidate['guaranteeFee'] as Record<string, unknown> | undefined;
  if (guarantee) {
    if (d('guaranteeBasis') !== 'annual-in-advance') guarantee['basis'] = d('guaranteeBasis');
    const coverage = read('guaranteeCoverage');
    if (coverage !== undefined && coverage !== 100) guarantee['coverage'] = percentToFraction(coverage);
  }
  const subsidy = candidate['subsidy'] as Record<string, unknown> | undefined;
  if (subsidy) {
    const months = read('subsidyMonths');
    if (months !== undefined) subsidy['months'] = months;
    const until = d('subsidyUntil').trim();
    if (until) {
      if (isCalendarDate(until)) subsidy['until'] = until;
      else errors['subsidyUntil'] = ctx.form.date(calculatorV2Messages[ctx.locale].subsidyUntil);
    }
    if (d('subsidyTiming') !== 'with-payment') subsidy['timing'] = d('subsidyTiming');
  }

  const prepayments: Prepayment[] = [];
  for (let i = 0; i < count(drafts, 'prepaymentRows', MAX_PREPAYMENT_ROWS); i++) {
    const typed = ['period', 'amount', 'feeRate'].some((c) => (drafts[`pp-${i}-${c}`] ?? '').trim());
    if (!typed) continue;
    const period = read(`pp-${i}-period`), amount = read(`pp-${i}-amount`), fee = read(`pp-${i}-feeRate`);
    const mode = drafts[`pp-${i}-mode`] === 'shorten-term' ? 'shorten-term' : 'reduce-payment';
    const p = { period, amount, mode } as Prepayment;
    if (fee !== undefined && fee > 0) p.feeRate = percentToFraction(fee);
    prepayments.push(p);
  }
  if (prepayments.length) candidate['prepayments'] = prepayments;
  return errors;
}

/** Drafts with the v2 fields of a (partial) request written in: a preset, a hand-off or a host's `request`. */
export function fillV2Drafts(drafts: Drafts, f: Partial<FinancingRequest>, { replaceCosts = true } = {}): Drafts {
  const d: Record<string, string> = { ...drafts };
  if (f.frequency || replaceCosts) d['frequency'] = f.frequency ?? 'monthly';
  if (f.dayCount || replaceCosts) d['dayCount'] = f.dayCount ?? '30/360';
  if (f.rate?.type === 'lpr' || replaceCosts) {
    const r = f.rate?.type === 'lpr' ? f.rate : undefined;
    d['repricing'] = r?.repricing ?? 'none';
    Object.assign(d, pathDrafts(r?.lprPath ?? []));
  }
  if (f.guaranteeFee || replaceCosts) {
    d['guaranteeBasis'] = f.guaranteeFee?.basis ?? 'annual-in-advance';
    d['guaranteeCoverage'] = f.guaranteeFee?.coverage !== undefined ? fractionToPercent(f.guaranteeFee.coverage) : '100';
  }
  if (f.subsidy || replaceCosts) {
    d['subsidyMonths'] = f.subsidy?.months !== undefined ? String(f.subsidy.months) : '';
    d['subsidyUntil'] = f.subsidy?.until ?? '';
    d['subsidyTiming'] = f.subsidy?.timing ?? 'with-payment';
  }
  if (f.prepayments || replaceCosts) {
    const rows = (f.prepayments ?? []).slice(0, MAX_PREPAYMENT_ROWS);
    d['prepaymentRows'] = String(rows.length);
    rows.forEach((p, i) => Object.assign(d, {
      [`pp-${i}-period`]: String(p.period), [`pp-${i}-amount`]: String(p.amount), [`pp-${i}-mode`]: p.mode,
      [`pp-${i}-feeRate`]: p.feeRate !== undefined ? fractionToPercent(p.feeRate) : '',
    }));
  }
  return d;
}

/** The drafts of an LPR path (replacing the rows there were). */
export function pathDrafts(path: readonly LprPathEntry[]): Record<string, string> {
  const d: Record<string, string> = { pathRows: String(Math.min(path.length, MAX_PATH_ROWS)) };
  path.slice(0, MAX_PATH_ROWS).forEach((e, i) => Object.assign(d, {
    [`path-${i}-date`]: e.date,
    [`path-${i}-oneYear`]: e.oneYear !== undefined ? fractionToPercent(e.oneYear) : '',
    [`path-${i}-fiveYear`]: e.fiveYear !== undefined ? fractionToPercent(e.fiveYear) : '',
  }));
  return d;
}

/** Drafts without row `i` of a kind (the rows after it move up). */
export function removeRow(drafts: Drafts, kind: 'path' | 'pp', i: number): Drafts {
  const countKey = kind === 'path' ? 'pathRows' : 'prepaymentRows';
  const cols = kind === 'path' ? ['date', 'oneYear', 'fiveYear'] : ['period', 'amount', 'mode', 'feeRate'];
  const n = Number(drafts[countKey] ?? 0) || 0;
  const d: Record<string, string> = { ...drafts, [countKey]: String(Math.max(0, n - 1)) };
  for (let j = i; j < n; j++) for (const c of cols) {
    const next = drafts[`${kind}-${j + 1}-${c}`];
    if (j + 1 < n && next !== undefined) d[`${kind}-${j}-${c}`] = next;
    else delete d[`${kind}-${j}-${c}`];
  }
  return d;
}

/** Drafts with one more (empty) row of a kind, if the editor has room. */
export function addRow(drafts: Drafts, kind: 'path' | 'pp'): Drafts {
  const countKey = kind === 'path' ? 'pathRows' : 'prepaymentRows';
  const n = Number(drafts[countKey] ?? 0) || 0;
  if (n >= (kind === 'path' ? MAX_PATH_ROWS : MAX_PREPAYMENT_ROWS)) return drafts;
  const d: Record<string, string> = { ...drafts, [countKey]: String(n + 1) };
  if (kind === 'pp') d[`pp-${n}-mode`] = 'reduce-payment';
  return d;
}
