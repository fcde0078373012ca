// The calculator's whole screen: rates, mode, the form shown (loan, bond or bill), what went wrong, and the results
// with their comparison, chart and schedule. A function of the view and the quote flow; the v2 parts (advanced
// group, bills, rate changes, prepayment comparison) come from the v2 chunk once it has loaded.
import { html, nothing, type TemplateResult } from 'lit';
import type { Program, ReferenceRates } from '../../../contract/index.js';
import type { ClientTask } from '../../core/controllers/client-task.js';
import type { PagingController } from '../../core/controllers/paging.js';
import { describeError } from '../../core/errors.js';
import type { QuoteFlow } from '../quote-flow.js';
import type { ScenarioLike } from '../state/csv.js';
import { renderAlert } from './alert.js';
import { renderBondForm } from './bond-form.js';
import { renderBondResults } from './bond-results.js';
import { renderComparison } from './comparison.js';
import { renderLoanForm } from './loan-form.js';
import { renderMode, renderRates } from './rates.js';
import { renderLoanFigures, type Staleness } from './results.js';
import { renderSchedule } from './schedule.js';
import type { CalculatorView } from './view.js';

export interface CalculatorScreen {
  flow: QuoteFlow;
  rates: ClientTask<ReferenceRates>;
  programs: readonly Program[];
  program: string | undefined;
  /** Where the form's values came from (a program's preset, the checker's answers). */
  notice: string;
  scenarios: readonly ScenarioLike[];
  compareFull: boolean;
  paging: PagingController;
  onProgram(program: Program): void;
  onCompare(): void;
  onRemoveScenario(i: number): void;
  onExport(what: 'schedule' | 'comparison'): void;
}

export function renderCalculator(v: CalculatorView, s: CalculatorScreen): TemplateResult {
  const { flow } = s;
  const task = flow.task;
  const stale: Staleness = flow.invalid && task.value ? 'invalid' : task.stale;
  const submit = (e: Event) => {
    e.preventDefault();
    void flow.calculate(true);
  };
  return html`<section part="base" lang=${v.locale} aria-labelledby="title" class="stack" aria-busy=${task.state.status === 'loading' ? 'true' : 'false'}>
    <h2 id="title">${v.t.title}</h2>
    <p class="visually-hidden" role="status" aria-live="polite">${flow.announcement}</p>
    ${s.rates.error ? html`<p class="error" role="alert">${describeError(s.rates.error, v.c)}</p>` : renderRates(v, s.rates.value)}
    ${renderMode(v, flow.mode, (m) => flow.setMode(m))}
    ${s.notice && flow.mode === 'loan' ? html`<p class="notice">${s.notice}</p>` : nothing}
    ${renderForm(v, s, submit)}
    ${renderAlert(v, task.error, flow.other, () => void flow.calculate())}
    ${renderResults(v, s, stale)}
  </section>`;
}

function renderForm(v: CalculatorView, s: CalculatorScreen, submit: (e: Event) => void): TemplateResult | typeof nothing {
  const { flow } = s;
  const v2 = flow.v2.value;
  if (flow.mode === 'bond') return renderBondForm(v, submit);
  if (flow.mode === 'bill') return v2 ? v2.renderBillForm(v, v.t2!, submit) : html`<p class="muted" role="status">${v.c.loading}</p>`;
  return renderLoanForm(v, {
    rates: s.rates.value, programs: s.programs, program: s.program, onProgram: s.onProgram, onSubmit: submit,
    onOpenAdvanced: () => void flow.loadV2(),
    advanced: v2 && v2.renderAdvanced(v, {
      t2: v.t2!, latest: s.rates.value?.lpr[0], onScenario: (bps) => flow.scenario(v2, s.rates.value?.lpr[0], bps),
      onAddRow: (kind) => flow.editLoan(v2.addRow(flow.loan, kind), false),
      onRemoveRow: (kind, i) => flow.editLoan(v2.removeRow(flow.loan, kind, i), true),
      onClearPath: () => flow.editLoan({ ...flow.loan, ...v2.pathDrafts([]) }, true),
    }),
  });
}

function renderResults(v: CalculatorView, s: CalculatorScreen, stale: Staleness): TemplateResult | typeof nothing {
  const { flow } = s;
  const v2 = flow.v2.value;
  if (flow.mode === 'bond') return flow.bondQuote.value ? renderBondResults(v, flow.bondQuote.value, stale) : nothing;
  if (flow.mode === 'bill') return v2 ? v2.renderBillResults(v, v.t2!, flow.discount.value, stale) : nothing;
  const quote = flow.quote.value;
  if (!quote) return nothing;
  return html`
    ${renderLoanFigures(v, quote, stale, {
      canCompare: !s.compareFull && !stale, compareFull: s.compareFull,
      onCompare: s.onCompare, onExport: () => s.onExport('schedule'),
    })}
    ${v2 ? v2.renderRateChanges(v, v.t2!, quote) : nothing}
    ${v2 && quote.schedule.some((r) => r.prepayment) && !stale ? v2.renderPrepaymentComparison(v, v.t2!, flow.modes.value) : nothing}
    ${renderComparison(v, s.scenarios, s.onRemoveScenario, () => s.onExport('comparison'))}
    ${flow.chart?.renderChart(v, quote.schedule, !!stale, quote.rateChanges) ?? nothing}
    ${renderSchedule(v, quote, s.paging, !!stale)}`;
}
