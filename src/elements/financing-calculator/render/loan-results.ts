// Everything below the loan form once there is a quote: figures, comparison, chart, schedule.
import { html, nothing, type TemplateResult } from 'lit';
import type { FinancingQuote } from '../../../contract/index.js';
import type { PagingController } from '../../core/controllers/paging.js';
import type { ScenarioLike } from '../state/csv.js';
import { renderChart } from './chart.js';
import { renderComparison } from './comparison.js';
import { renderLoanFigures, type Staleness } from './results.js';
import { renderSchedule } from './schedule.js';
import type { CalculatorView } from './view.js';

export interface LoanResultsProps {
  quote: FinancingQuote | undefined;
  stale: Staleness;
  scenarios: readonly ScenarioLike[];
  maxScenarios: number;
  paging: PagingController;
  onCompare(): void;
  onRemove(i: number): void;
  onExport(which: 'schedule' | 'comparison'): void;
}

export function renderLoanResults(v: CalculatorView, p: LoanResultsProps): TemplateResult | typeof nothing {
  if (!p.quote) return nothing;
  const full = p.scenarios.length >= p.maxScenarios;
  return html`
    ${renderLoanFigures(v, p.quote, p.stale, { canCompare: !full && !p.stale, compareFull: full, onCompare: p.onCompare, onExport: () => p.onExport('schedule') })}
    ${renderComparison(v, p.scenarios, p.onRemove, () => p.onExport('comparison'))}
    ${renderChart(v, p.quote.schedule, !!p.stale)}
    ${renderSchedule(v, p.quote, p.paging, !!p.stale)}`;
}
