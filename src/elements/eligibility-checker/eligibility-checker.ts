// <chanrong-eligibility-checker>: an enterprise answers only the questions still needed and sees, per program,
// eligible / not eligible / undetermined, each criterion explained with its policy source. This class
// orchestrates: question state (state/question-state.ts) → client (ClientTask) → render modules (render/*.ts).
// It never evaluates a rule itself.
import { html, nothing, type PropertyValues } from 'lit';
import { localize, type EligibilityReport, type Profile, type Program, type ProgramsResponse } from '../../contract/index.js';
import type { Region } from '../../data/regions/index.js';
import { ChanrongElement } from '../core/chanrong-element.js';
import { ClientTask } from '../core/controllers/client-task.js';
import { FormatController } from '../core/controllers/format.js';
import { describeError, fieldProblems } from '../core/errors.js';
import { baseStyles } from '../core/styles/base.styles.js';
import { formStyles } from '../core/styles/form.styles.js';
import { checkerMessages, type CheckerMessages } from '../messages/checker.js';
import { checkerV2Messages } from '../messages/checker-v2.js';
import type { DecisionRecord, EligibilityPath } from '../../contract/index.js';
import { applyPath } from './render/paths.js';
import { renderRecordActions } from './render/record.js';
import { commonMessages, type CommonMessages } from '../messages/common.js';
import { renderAnswers } from './render/answers.js';
import { renderQuestion } from './render/question.js';
import { renderChanges, renderResults, summary } from './render/results.js';
import type { CheckerView } from './render/view.js';
import { financingFromAnswers } from './state/handoff.js';
import { withoutFacts } from './state/profile-fit.js';
import { changesSince, type Baseline } from './state/since.js';
import { SavedAnswers } from './saved-answers.js';
import { answersOf, draftFromValue, questionGroup, type Draft } from './state/question-state.js';
import { checkerStyles } from './styles.js';

/**
 * Tells an enterprise which programs of the catalog it can apply for, asking only the questions still needed,
 * and explains each finding criterion by criterion with the policy source.
 * @tag chanrong-eligibility-checker
 * @fires chanrong-ready - Once, after the first complete render.
 * @fires chanrong-change - `{ profile }` after the answers change.
 * @fires chanrong-result - `{ report }` after every new eligibility report.
 * @fires chanrong-select-program - `{ program, financing, profile }` on "calculate financing" (cancelable): the enclosing `<chanrong-services>` hands `financing` to its calculators unless the host cancels it and routes it itself.
 * @fires chanrong-error - `{ error, problem? }` when the client fails.
 * @csspart base - The widget's frame.
 * @csspart questions - The form with the current questions.
 * @csspart results - The results list.
 * @csspart program - One program of the results.
 * @csspart answers - The summary of the answers given.
 */
export class ChanrongEligibilityChecker extends ChanrongElement {
  static override properties = {
    ...ChanrongElement.properties,
    asOf: { type: String, attribute: 'as-of', reflect: true },
    programs: { type: String, reflect: true },
    persist: { type: Boolean, reflect: true },
    profile: { attribute: false },
    since: { attribute: false },
  };
  static override styles = [baseStyles, formStyles, checkerStyles];

  /** The date the programs must be in force on (`YYYY-MM-DD`); today by default. */
  declare asOf: string | undefined;
  /** Comma-separated program ids to limit the check to. */
  declare programs: string | undefined;
  /** Keep the answers in sessionStorage, so they survive a reload. */
  declare persist: boolean;
  /** The answers so far (fact id → value; `null` is "don't know"). */
  declare profile: Profile;
  /**
   * An earlier report for these answers (from `chanrong-result`, or a decision record's `report`): when it came from
   * another catalog version, the checker lists the results that changed since. With `persist`, the last report is
   * kept with the answers and used here on the next visit.
   */
  declare since: Baseline | undefined;

  #catalog = new ClientTask<ProgramsResponse>(this);
  #report = new ClientTask<EligibilityReport>(this);
  #fmt = new FormatController(this, () => this.resolvedLocale);
  #saved = new SavedAnswers(this, () => this.id || this.#programIds()?.join(',') || 'all');
  #drafts: Record<string, Draft> = {};
  #errors: Record<string, string> = {};
  #editing: string[] | undefined;
  #regions: Region[] | undefined;
  #announcement = '';
  /** A notice about saved answers that were dropped; shown until the next answer. */
  #notice = '';
  /** Set while the widget itself changes `profile` and runs the check; a host's assignment triggers one. */
  #ownProfileChange = false;

  constructor() {
    super();
    this.profile = {};
    this.persist = false;
  }

  get #t(): CheckerMessages { return checkerMessages[this.resolvedLocale]; }
  get #c(): CommonMessages { return commonMessages[this.resolvedLocale]; }
  /** The real answers while a path is tried as a what-if (undo restores them); never saved. */
  #whatIf: Profile | undefined;
  #record: DecisionRecord | undefined;
  /** The summary renderer, loaded with the first record (see render/record-summary.ts). */
  #recordSummary: typeof import('./render/record-summary.js') | undefined;
  #recordError = '';

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.persist && !this.#saved.loaded) this.#restore();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!this.hasUpdated) return;
    if (changed.has('persist') && this.persist && !this.#saved.loaded) this.#restore();
    if ((changed.has('asOf') || changed.has('programs')) && !changed.has('client') && !changed.has('endpoint')) this.clientChanged();
    else if (changed.has('profile') && !this.#ownProfileChange && !changed.has('client') && !changed.has('endpoint')) void this.#check();
    this.#ownProfileChange = false;
  }

  protected clientChanged(): void {
    void this.#loadCatalog();
  }

  #programIds(): string[] | undefined {
    const ids = (this.programs ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    return ids.length ? ids : undefined;
  }

  // ---- persistence: saved answers are checked against the catalog before they are used ----------------------

  #restore(): void {
    const since = this.#saved.load();
    if (this.since === undefined && since) this.since = since;
  }

  /** Once the catalog is known: keep the saved answers that still fit it, drop the rest with a notice. */
  #applyRestored(facts: ProgramsResponse['facts']): void {
    const restored = this.#saved.fit(facts);
    if (restored.status === 'unreadable') this.#notice = this.#t.unreadableAnswers;
    if (restored.status !== 'ok') return;
    this.#ownProfileChange = true;
    this.profile = { ...restored.profile, ...this.profile };
    if (restored.dropped.length) this.#dropNotice(restored.dropped, facts);
    this.#save();
  }

  #dropNotice(dropped: readonly string[], facts: ProgramsResponse['facts']): void {
    const sep = this.resolvedLocale === 'en' ? ', ' : '、';
    this.#notice = this.#t.droppedAnswers(dropped.map((f) => (facts[f] ? localize(facts[f].label, this.resolvedLocale) : f)).join(sep));
  }

  #save(): void {
    if (this.persist && !this.#whatIf) this.#saved.save(this.profile);
  }

  // ---- talking to the client ---------------------------------------------------------------------------------

  async #loadCatalog(): Promise<void> {
    const client = this.resolvedClient;
    const state = await this.#catalog.run((signal) => client.programs.list(this.asOf ? { asOf: this.asOf } : {}, { signal }));
    if (state.status === 'error') {
      this.emitError(state.error);
      await this.markReady();
      return;
    }
    if (state.status === 'ready') this.#applyRestored(state.value.facts);
    await this.#check();
  }

  async #check(): Promise<void> {
    const catalog = this.#catalog.value;
    if (!catalog) return;
    const client = this.resolvedClient;
    const programIds = this.#programIds();
    const state = await this.#report.run((signal) => client.eligibility.check({
      profile: this.profile, ...(this.asOf ? { asOf: this.asOf } : {}), ...(programIds ? { programIds } : {}), paths: 3,
    }, { signal }));
    if (state.status === 'error') {
      this.emitError(state.error);
      // A server that refuses some answers (its catalog differs): drop those, say so, and check again.
      const refused = withoutFacts(this.profile, fieldProblems(state.error).map((e) => e.path));
      if (refused.dropped.length) {
        this.#ownProfileChange = true;
        this.profile = refused.profile;
        this.#save();
        this.#dropNotice(refused.dropped, catalog.facts);
        await this.#check();
        return;
      }
    }
    if (state.status === 'ready') {
      if (this.persist && Object.keys(this.profile).length) this.#saved.saveReport(state.value);
      this.#announcement = summary(this.#view(catalog), state.value);
      this.emit('chanrong-result', { report: state.value });
      const group = questionGroup(state.value.nextQuestions, catalog.facts, this.#editing);
      if (group.some((f) => catalog.facts[f]?.type === 'region') || Object.values(this.profile).some((x) => typeof x === 'string' && /^\d{6}$/.test(x))) void this.#loadRegions();
    }
    await this.markReady();
  }

  async #loadRegions(): Promise<void> {
    if (this.#regions) return;
    const { regions } = await import('../../data/regions/index.js');
    this.#regions = regions;
    this.requestUpdate();
  }

  // ---- answering ---------------------------------------------------------------------------------------------

  #draft(fact: string): Draft {
    const def = this.#catalog.value?.facts[fact];
    return (this.#drafts[fact] ??= def ? draftFromValue(def, this.profile[fact]) : {});
  }

  #setDraft(fact: string, patch: Partial<Draft>): void {
    this.#drafts = { ...this.#drafts, [fact]: { ...this.#draft(fact), ...patch } };
    if (this.#errors[fact]) {
      const { [fact]: _gone, ...rest } = this.#errors;
      this.#errors = rest;
    }
    this.requestUpdate();
  }

  async #submit(event: Event, group: string[]): Promise<void> {
    event.preventDefault();
    const ctx = { locale: this.resolvedLocale, t: this.#t, form: this.#c.form, number: (n: number) => this.#fmt.number(n), hasCities: (p: string) => !!this.#regions?.find((r) => r.adcode === p)?.cities.length };
    const { answers, errors } = answersOf(group, this.#catalog.value?.facts ?? {}, (f) => this.#draft(f), ctx);
    this.#errors = errors;
    const invalid = Object.keys(errors);
    if (invalid.length) {
      this.#announcement = this.#c.form.fixErrors(invalid.length);
      this.requestUpdate();
      await this.updateComplete;
      (this.renderRoot.querySelector(`[data-fact="${invalid[0]}"] input, [data-fact="${invalid[0]}"] select`) as HTMLElement | null)?.focus();
      return;
    }
    for (const fact of group) delete this.#drafts[fact];
    this.#editing = undefined;
    this.#notice = '';
    this.#ownProfileChange = true;
    this.profile = { ...this.profile, ...answers };
    this.#save();
    this.emit('chanrong-change', { profile: this.profile });
    await this.updateComplete;
    await this.#check();
    await this.updateComplete;
    (this.renderRoot.querySelector('#questions-title, #results-title') as HTMLElement | null)?.focus();
  }

  async #edit(facts: string[]): Promise<void> {
    this.#editing = facts;
    for (const f of facts) delete this.#drafts[f];
    this.#errors = {};
    if (facts.some((f) => this.#catalog.value?.facts[f]?.type === 'region')) void this.#loadRegions();
    this.requestUpdate();
    await this.updateComplete;
    (this.renderRoot.querySelector('#questions-title') as HTMLElement | null)?.focus();
  }

  /** Forgets every answer, saved or not; reachable from every state, errors included. */
  async #clear(): Promise<void> {
    this.#drafts = {};
    this.#errors = {};
    this.#editing = undefined;
    this.#notice = '';
    this.#ownProfileChange = true;
    this.profile = {};
    this.since = undefined;
    this.#saved.clear();
    this.emit('chanrong-change', { profile: this.profile });
    if (this.#catalog.value) await this.#check();
    else await this.#loadCatalog();
    this.#announcement = this.#t.cleared;
    await this.updateComplete;
    (this.renderRoot.querySelector('#questions-title, #title') as HTMLElement | null)?.focus();
  }

  /** "测算融资": a cancelable event with the preset and the user's answers; a provider or the host routes it. */
  #finance(program: Program): void {
    const facts = this.#catalog.value?.facts ?? {};
    this.emit('chanrong-select-program', { program, financing: financingFromAnswers(program, this.profile, facts), profile: this.profile }, true);
  }

  // ---- what-if and decision record (v2) -----------------------------------------------------------------------

  async #setWhatIf(profile: Profile, saved: Profile | undefined): Promise<void> {
    this.#whatIf = saved;
    this.#ownProfileChange = true;
    this.profile = profile;
    await this.updateComplete;
    await this.#check();
    await this.updateComplete;
    (this.renderRoot.querySelector('#results-title') as HTMLElement | null)?.focus();
  }

  /** The record is of the real answers, never of a what-if. */
  async #makeRecord(): Promise<DecisionRecord | undefined> {
    const programIds = this.#programIds();
    try {
      this.#recordError = '';
      const [record, summary] = await Promise.all([
        this.resolvedClient.eligibility.record({ profile: this.#whatIf ?? this.profile, ...(this.asOf ? { asOf: this.asOf } : {}), ...(programIds ? { programIds } : {}) }),
        this.#recordSummary ?? import('./render/record-summary.js'),
      ]);
      this.#recordSummary = summary;
      this.#record = record;
    } catch (error) {
      this.#recordError = describeError(error, this.#c);
      this.#record = undefined;
    }
    this.requestUpdate();
    await this.updateComplete;
    return this.#record;
  }

  async #download(): Promise<void> {
    const record = await this.#makeRecord();
    if (!record) return;
    const { downloadText } = await import('../core/download.js');
    downloadText(this.renderRoot, `chanrong-record-${record.asOf}-${record.digest.slice(7, 15)}.json`, JSON.stringify(record, null, 2), 'application/json');
  }

  async #print(): Promise<void> {
    if (!(await this.#makeRecord())) return;
    this.setAttribute('data-print', 'record');
    try { window.print(); } finally { this.removeAttribute('data-print'); }
  }

  // ---- rendering ---------------------------------------------------------------------------------------------

  #view(catalog: ProgramsResponse): CheckerView {
    return {
      t: this.#t, t2: checkerV2Messages[this.resolvedLocale], c: this.#c, fmt: this.#fmt, locale: this.resolvedLocale, catalog, regions: this.#regions, errors: this.#errors,
      draft: (f) => this.#draft(f), setDraft: (f, p) => this.#setDraft(f, p),
    };
  }

  protected override render() {
    const t = this.#t;
    const c = this.#c;
    const catalog = this.#catalog.value;
    const report = this.#report.value;
    const busy = this.#catalog.state.status === 'loading' || this.#report.state.status === 'loading';
    const error = this.#catalog.error ?? this.#report.error;
    const clear = html`<button type="button" class="secondary" @click=${() => this.#clear()}>${c.clearAll}</button>`;
    return html`<section part="base" lang=${this.resolvedLocale} aria-labelledby="title" class="stack" aria-busy=${busy ? 'true' : 'false'}>
      <h2 id="title" tabindex="-1">${t.title}</h2>
      <p class="muted">${t.intro}</p>
      <p class="visually-hidden" role="status" aria-live="polite">${this.#announcement}</p>
      ${this.#notice ? html`<div class="notice" role="note" data-notice="restored"><p>${this.#notice}</p></div>` : nothing}
      ${!catalog && !error ? html`<p>${c.loading}</p>` : nothing}
      ${error ? html`<div role="alert" class="alert"><p>${describeError(error, c)}</p>
        <div class="actions"><button type="button" @click=${() => (this.#catalog.error ? this.#loadCatalog() : this.#check())}>${c.retry}</button>${clear}</div></div>` : nothing}
      ${catalog && report ? this.#renderChecker(this.#view(catalog), report) : nothing}
      ${catalog && this.#recordSummary ? this.#recordSummary.renderRecordSummary(this.#view(catalog), checkerV2Messages[this.resolvedLocale], this.#record) : nothing}
    </section>`;
  }

  #renderChecker(v: CheckerView, report: EligibilityReport) {
    const t = v.t;
    const group = questionGroup(report.nextQuestions, v.catalog.facts, this.#editing);
    const answered = Object.keys(this.profile).filter((f) => v.catalog.facts[f]);
    return html`
      ${group.length
        ? html`<form part="questions" novalidate class="stack" @submit=${(e: Event) => this.#submit(e, group)}>
            <h3 id="questions-title" tabindex="-1">${t.questionsTitle}</h3>
            ${group.map((fact) => renderQuestion(v, fact, v.catalog.facts[fact]!))}
            <div class="actions"><button type="submit">${t.next}</button></div>
          </form>`
        : html`<p class="muted" id="questions-title" tabindex="-1">${t.allAnswered}</p>`}
      <p class="muted">${t.progress(answered.length, report.nextQuestions.length)} · ${v.c.catalogVersion} ${report.catalogVersion}</p>
      ${this.since ? renderChanges(v, this.since.catalogVersion, changesSince(this.since, report, this.#programIds())) : nothing}
      ${this.#whatIf ? html`<div class="what-if" role="note"><p>${v.t2.whatIf}</p>
        <button type="button" class="secondary" @click=${() => this.#setWhatIf(this.#whatIf!, undefined)}>${v.t2.undo}</button></div>` : nothing}
      ${renderResults(v, report, !!this.#report.stale, {
        onAnswer: (f) => this.#edit(f), onFinance: (p) => this.#finance(p),
        onTryPath: (path: EligibilityPath) => this.#setWhatIf(applyPath(this.profile, path), this.#whatIf ?? this.profile),
      })}
      ${renderRecordActions(v.t2, this.#recordError, { onDownload: () => this.#download(), onPrint: () => this.#print() })}
      ${answered.length ? renderAnswers(v, this.profile, answered, (f) => this.#edit(f)) : nothing}
      <div class="actions no-print">
        <button type="button" class="secondary" @click=${() => this.#clear()} ?disabled=${!answered.length && !this.#notice}>${t.clear}</button>
        <button type="button" class="secondary" @click=${() => window.print()}>${t.print}</button>
      </div>`;
  }
}
