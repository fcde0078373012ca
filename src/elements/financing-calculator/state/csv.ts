// The calculator's CSV writer. Pure: tested in Node. The schedule starts with the disbursement line (row 0: the
// upfront fee and the first guarantee fee, kept at disbursement) and ends with the totals, so the columns add up;
// the comparison carries every scenario's inputs, and rates are written as percentages ("3.4500%").
import type { FinancingQuote, FinancingRequest } from '../../../contract/index.js';
import type { CalculatorMessages } from '../../messages/calculator.js';

export type CsvRow = (string | number)[];

export const money = (n: number) => n.toFixed(2);
/** A rate as a percentage a spreadsheet reads as a number: 0.0345 → "3.4500%". */
export const percentCell = (rate: number, digits = 4) => `${(rate * 100).toFixed(digits)}%`;

/** With a v2 answer, each row also carries its annual rate, days, prepayment and prepayment fee. */
export function scheduleRows(quote: FinancingQuote, t: CalculatorMessages): CsvRow[] {
  const base = scheduleRowsV1(quote, t);
  if (quote.schedule[0]?.annualRate === undefined) return base;
  const tt = quote.totals;
  const extra: CsvRow[] = [
    [t.rateColumn, t.daysColumn, t.prepaymentColumn, t.prepaymentFeeColumn],
    ['', '', '', ''],
    ...quote.schedule.map((r): CsvRow => [percentCell(r.annualRate ?? 0), r.days ?? '', money(r.prepayment ?? 0), money(r.prepaymentFee ?? 0)]),
    ['', '', money(tt.prepayment ?? 0), money(tt.prepaymentFee ?? 0)],
  ];
  return base.map((row, i) => [...row, ...extra[i]!]);
}

function scheduleRowsV1(quote: FinancingQuote, t: CalculatorMessages): CsvRow[] {
  const d = quote.disbursement;
  const header = [t.period, t.date, t.opening, t.interest, t.principalPart, t.payment, t.upfrontFee, t.guaranteeFee, t.subsidy, t.closing];
  const row0: CsvRow = [`0 ${t.disbursementRow}`, d.date, '', '', '', '', money(d.upfrontFee), money(d.guaranteeFee), '', money(d.principal)];
  const rows = quote.schedule.map((r): CsvRow => [r.period, r.date, money(r.openingBalance), money(r.interest), money(r.principal),
    money(r.payment), money(0), money(r.guaranteeFee), money(r.subsidy), money(r.closingBalance)]);
  const tt = quote.totals;
  const totals: CsvRow = [t.totalsRow, '', '', money(tt.interest), money(tt.principal), money(tt.payment), money(tt.upfrontFee), money(tt.guaranteeFee), money(tt.subsidy), ''];
  return [header, row0, ...rows, totals];
}

export interface ScenarioLike {
  label: string;
  request: FinancingRequest;
  quote: FinancingQuote;
}

/** Scenarios numbered in order ("方案 1", "方案 2", …) after one was added or removed. */
export function relabel<S extends ScenarioLike>(scenarios: readonly S[], label: (n: number) => string): S[] {
  return scenarios.map((s, i) => ({ ...s, label: label(i + 1) }));
}

export type Row = { label: string; cells: string[] };

/** The rows of the v2 inputs (csv-v2.ts, in the v2 chunk, there whenever a scenario can carry v2 inputs). */
export type InputRows = (scenarios: readonly ScenarioLike[]) => Row[];

/** Every input and result of the compared scenarios, one column per scenario; the v2 inputs some scenario sets
 * (`v2Rows`) follow the v1 ones. */
export function comparisonRows(scenarios: readonly ScenarioLike[], t: CalculatorMessages, v2Rows?: InputRows): Row[] {
  const pct = (r: number | undefined) => (r === undefined ? '' : percentCell(r));
  const col = (f: (s: ScenarioLike) => string | number) => scenarios.map((s) => String(f(s)));
  const rate = (r: FinancingRequest) => (r.rate.type === 'fixed' ? `${t.rateFixed} ${percentCell(r.rate.annualRate)}` : `${t.tenors[r.rate.tenor]} LPR ${r.rate.spreadBps >= 0 ? '+' : ''}${r.rate.spreadBps} bp`);
  const subsidy = (r: FinancingRequest) => (!r.subsidy ? t.subsidies.none
    : r.subsidy.type === 'rate-points' ? `${t.subsidies['rate-points']} ${percentCell(r.subsidy.annualPoints)}` : `${t.subsidies['share-of-interest']} ${percentCell(r.subsidy.share)}`);
  return [
    { label: t.principal, cells: col((s) => money(s.request.principal)) },
    { label: t.withUnit(t.termMonths, t.units.months), cells: col((s) => s.request.termMonths) },
    { label: t.repayment, cells: col((s) => t.repayments[s.request.repayment]) },
    { label: t.withUnit(t.graceMonths, t.units.months), cells: col((s) => s.request.graceMonths ?? 0) },
    { label: t.rateType, cells: col((s) => rate(s.request)) },
    { label: t.startDate, cells: col((s) => s.request.startDate) },
    { label: t.upfrontFeeRate, cells: col((s) => pct(s.request.upfrontFeeRate ?? 0)) },
    { label: t.guaranteeRate, cells: col((s) => pct(s.request.guaranteeFee?.annualRate ?? 0)) },
    { label: t.subsidyType, cells: col((s) => subsidy(s.request)) },
    { label: t.ipValue, cells: col((s) => (s.request.ipPledge ? money(s.request.ipPledge.appraisedValue) : '')) },
    { label: t.ipRatio, cells: col((s) => (s.request.ipPledge ? pct(s.request.ipPledge.pledgeRatio) : '')) },
    ...(v2Rows?.(scenarios) ?? []),
    { label: t.firstPayment, cells: col((s) => money(s.quote.schedule[0]?.payment ?? 0)) },
    { label: t.totalInterest, cells: col((s) => money(s.quote.totals.interest)) },
    { label: t.totalPayment, cells: col((s) => money(s.quote.totals.payment)) },
    { label: t.upfrontFee, cells: col((s) => money(s.quote.disbursement.upfrontFee)) },
    { label: t.guaranteeAtStart, cells: col((s) => money(s.quote.disbursement.guaranteeFee)) },
    { label: t.totalGuarantee, cells: col((s) => money(s.quote.totals.guaranteeFee)) },
    { label: t.totalSubsidy, cells: col((s) => money(s.quote.totals.subsidy)) },
    { label: t.netAmount, cells: col((s) => money(s.quote.disbursement.netAmount)) },
    { label: t.nominalRate, cells: col((s) => pct(s.quote.annualRate)) },
    { label: t.annualizedSimple, cells: col((s) => pct(s.quote.annualizedRate)) },
    { label: t.effectiveCompound, cells: col((s) => pct(s.quote.effectiveAnnualRate)) },
    { label: t.allInCost, cells: col((s) => pct(s.quote.allInCost)) },
  ];
}

export function comparisonCsvRows(scenarios: readonly ScenarioLike[], t: CalculatorMessages, v2Rows?: InputRows): CsvRow[] {
  return [['', ...scenarios.map((s) => s.label)], ...comparisonRows(scenarios, t, v2Rows).map((r) => [r.label, ...r.cells])];
}

/** RFC 4180 text: quoted where needed, CRLF line ends; a formula-looking cell is prefixed with ' so a spreadsheet
 * shows it instead of running it (CSV injection). */
export function toCsv(rows: readonly CsvRow[]): string {
  return rows.map((r) => r.map((c) => {
    let s = String(c);
    if (/^[=+@\t\r]/.test(s) || (/^-/.test(s) && !/^-\d/.test(s))) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }).join(',')).join('\r\n');
}
