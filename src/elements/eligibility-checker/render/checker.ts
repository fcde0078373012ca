// The checker's whole screen: title, notices, what went wrong, the questions still needed, the results with their
// paths and changes, the record actions and summary, the answers given. A function of the view and the element's
// state; every action goes back through the callbacks.
import { html, nothing, type TemplateResult } from 'lit';
import type { EligibilityPath, EligibilityReport, Profile, Program } from '../../../contract/index.js';
import { describeError } from '../../core/errors.js';
import type { DecisionRecordController } from '../decision-record.js';
import type { Baseline } from '../state/since.js';
import { changesSince } from '../state/since.js';
import { questionGroup } from '../state/question-state.js';
import { renderAnswers } from './answers.js';
import { renderQuestion } from './question.js';
import { renderRecordActions } from './record.js';
import { renderChanges, renderResults } from './results.js';
import type { CheckerView } from './view.js';

export interface CheckerScreen {
  report: EligibilityReport | undefined;
  /** The report shown is older than the answers (a check is running, or failed). */
  stale: boolean;
  busy: boolean;
  /** A catalog or check failure; `catalogFailed` says which, so "retry" repeats the right one. */
  error: unknown;
  catalogFailed: boolean;
  announcement: string;
  notice: string;
  profile: Profile;
  editing: string[] | undefined;
  since: Baseline | undefined;
  programIds: string[] | undefined;
  /** The real answers while a path is tried as a what-if. */
  whatIf: Profile | undefined;
  /** There once a record was asked for. */
  record: DecisionRecordController | undefined;
  onRecord(action: 'download' | 'print'): void;
  onRetry(): void;
  onClear(): void;
  onSubmit(e: Event, group: string[]): void;
  onEdit(facts: string[]): void;
  onFinance(program: Program): void;
  onTryPath(path: EligibilityPath): void;
  onUndoWhatIf(): void;
}

/** `v` is undefined until the catalog has loaded. */
export function renderChecker(v: CheckerView | undefined, s: CheckerScreen, t: CheckerView['t'], c: CheckerView['c'], locale: string): TemplateResult {
  return html`<section part="base" lang=${locale} aria-labelledby="title" class="stack" aria-busy=${s.busy ? 'true' : 'false'}>
    <h2 id="title" tabindex="-1">${t.title}</h2>
    <p class="muted">${t.intro}</p>
    <p class="visually-hidden" role="status" aria-live="polite">${s.announcement}</p>
    ${s.notice ? html`<div class="notice" role="note" data-notice="restored"><p>${s.notice}</p></div>` : nothing}
    ${!v && !s.error ? html`<p>${c.loading}</p>` : nothing}
    ${s.error ? html`<div role="alert" class="alert"><p>${describeError(s.error, c)}</p>
      <div class="actions"><button type="button" @click=${s.onRetry}>${c.retry}</button>
        <button type="button" class="secondary" @click=${s.onClear}>${c.clearAll}</button></div></div>` : nothing}
    ${v && s.report ? renderBody(v, s, s.report) : nothing}
    ${v && s.record?.summary ? s.record.summary.renderRecordSummary(v, v.t2, s.record.record) : nothing}
  </section>`;
}

function renderBody(v: CheckerView, s: CheckerScreen, report: EligibilityReport): TemplateResult {
  const t = v.t;
  const group = questionGroup(report.nextQuestions, v.catalog.facts, s.editing);
  const answered = Object.keys(s.profile).filter((f) => v.catalog.facts[f]);
  return html`
    ${group.length
      ? html`<form part="questions" novalidate class="stack" @submit=${(e: Event) => s.onSubmit(e, group)}>
          <h3 id="questions-title" tabindex="-1">${t.questionsTitle}</h3>
          ${group.map((fact) => renderQuestion(v, fact, v.catalog.facts[fact]!))}
          <div class="actions"><button type="submit">${t.next}</button></div>
        </form>`
      : html`<p class="muted" id="questions-title" tabindex="-1">${t.allAnswered}</p>`}
    <p class="muted">${t.progress(answered.length, report.nextQuestions.length)} · ${v.c.catalogVersion} ${report.catalogVersion}</p>
    ${s.since ? renderChanges(v, s.since.catalogVersion, changesSince(s.since, report, s.programIds)) : nothing}
    ${s.whatIf ? html`<div class="what-if" role="note"><p>${v.t2.whatIf}</p>
      <button type="button" class="secondary" @click=${s.onUndoWhatIf}>${v.t2.undo}</button></div>` : nothing}
    ${renderResults(v, report, s.stale, { onAnswer: s.onEdit, onFinance: s.onFinance, onTryPath: s.onTryPath })}
    ${renderRecordActions(v.t2, s.record?.error, { onDownload: () => s.onRecord('download'), onPrint: () => s.onRecord('print') })}
    ${answered.length ? renderAnswers(v, s.profile, answered, s.onEdit) : nothing}
    <div class="actions no-print">
      <button type="button" class="secondary" @click=${s.onClear} ?disabled=${!answered.length && !s.notice}>${t.clear}</button>
      <button type="button" class="secondary" @click=${() => window.print()}>${t.print}</button>
    </div>`;
}
