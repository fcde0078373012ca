// The v2 inputs of compared scenarios, for the comparison table and its CSV (csv.ts): frequency, day count,
// repricing and LPR path, guarantee basis and coverage, subsidy terms, prepayments. In the v2 chunk: a scenario can
// carry v2 inputs only once it has loaded. Pure; tested in Node.
import type { FinancingRequest } from '../../../contract/index.js';
import type { CalculatorMessages } from '../../messages/calculator.js';
import type { CalculatorV2Messages } from '../../messages/calculator-v2.js';
import { money, percentCell, type Row, type ScenarioLike } from './csv.js';

/** The v2 inputs of the compared scenarios (frequency, day count, repricing and LPR path, fee bases, subsidy terms,
 * prepayments): a row for each that some scenario sets, so what differs between them is written down. */
export function v2InputRows(scenarios: readonly ScenarioLike[], t: CalculatorMessages, t2: CalculatorV2Messages): Row[] {
  const pct = (r: number) => percentCell(r);
  const lpr = (r: FinancingRequest) => (r.rate.type === 'lpr' ? r.rate : undefined);
  const rows: [string, (r: FinancingRequest) => string | undefined][] = [
    [t2.frequency, (r) => r.frequency && t2.frequencies[r.frequency]],
    [t2.dayCount, (r) => r.dayCount && t2.dayCounts[r.dayCount]],
    [t2.repricing, (r) => lpr(r)?.repricing && t2.repricings[lpr(r)!.repricing!]],
    [t2.lprPathTitle, (r) => lpr(r)?.lprPath?.map((e) => [e.date, e.oneYear !== undefined ? `1Y ${pct(e.oneYear)}` : '', e.fiveYear !== undefined ? `5Y ${pct(e.fiveYear)}` : ''].filter(Boolean).join(' ')).join('; ')],
    [t2.guaranteeBasis, (r) => r.guaranteeFee?.basis && t2.guaranteeBases[r.guaranteeFee.basis]],
    [t2.guaranteeCoverage, (r) => (r.guaranteeFee?.coverage !== undefined ? pct(r.guaranteeFee.coverage) : undefined)],
    [t.withUnit(t2.subsidyMonths, t.units.months), (r) => (r.subsidy?.months !== undefined ? String(r.subsidy.months) : undefined)],
    [t2.subsidyUntil, (r) => r.subsidy?.until],
    [t2.subsidyTiming, (r) => r.subsidy?.timing && t2.subsidyTimings[r.subsidy.timing]],
    [t.prepaymentsTitle, (r) => r.prepayments?.map((p) => `${t2.afterPayment(p.period)} ${money(p.amount)} ${t2.prepaymentModes[p.mode]}${p.feeRate ? ` ${t2.prepaymentFeeRate} ${pct(p.feeRate)}` : ''}`).join('; ')],
  ];
  return rows
    .map(([label, cell]) => ({ label, cells: scenarios.map((s) => cell(s.request) || '') }))
    .filter((row) => row.cells.some((c) => c));
}

