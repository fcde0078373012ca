// <chanrong-eligibility-checker>: an enterprise answers only the questions still needed and sees, per program,
// eligible / not eligible / undetermined, each criterion explained with its policy source. This class
// orchestrates: question state (state/question-state.ts) → client (ClientTask) → the screen (render/checker.ts);
// saved answers (saved-answers.ts) and decision records (decision-record.ts) are controllers of their own.
// It never evaluates a rule itself.
import type { PropertyValues } from 'lit';
import { localize, type EligibilityReport, type Profile, type Program, type ProgramsResponse } from '../../contract/index.js';
import { ChanrongElement } from '../core/chanrong-element.js';
import { ClientTask } from '../core/controllers/client-task.js';
import { FormatController } from '../core/controllers/format.js';
import { fieldProblems } from '../core/errors.js';
import { baseStyles } from '../core/styles/base.styles.js';
import { formStyles } from '../core/styles/form.styles.js';
import { checkerMessages, type CheckerMessages } from '../messages/checker.js';
import { checkerV2Messages } from '../messages/checker-v2.js';
import { commonMessages, type CommonMessages } from '../messages/common.js';
import type { DecisionRecordController } from './decision-record.js';
import { QuestionForm } from './question-form.js';
import { renderChecker } from './render/checker.js';
import { applyPath } from './render/paths.js';
import { summary } from './render/results.js';
import type { CheckerView } from './render/view.js';
import { SavedAnswers } from './saved-answers.js';
import { financingFromAnswers } from './state/handoff.js';
import { withoutFacts } from './state/profile-fit.js';
import { questionGroup } from './state/question-state.js';
import type { Baseline } from './state/since.js';
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
  #form = new QuestionForm(this, () => this.#catalog.value?.facts ?? {}, () => this.profile);
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
  /** The decision record of the real answers (never a what-if), made for a download or a print; its controller
   * (decision-record.ts) loads with the first one, so the checker's first paint does not carry it. */
  #record: DecisionRecordController | undefined;

  async #recordAction(action: 'download' | 'print'): Promise<void> {
    if (!this.#record) {
      const { DecisionRecordController } = await import('./decision-record.js');
      this.#record ??= new DecisionRecordController(this, () => {
        const programIds = this.#programIds();
        return { profile: this.#whatIf ?? this.profile, ...(this.asOf ? { asOf: this.asOf } : {}), ...(programIds ? { programIds } : {}) };
      });
    }
    await this.#record[action]();
  }

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
      const group = questionGroup(state.value.nextQuestions, catalog.facts, this.#form.editing);
      if (group.some((f) => catalog.facts[f]?.type === 'region') || Object.values(this.profile).some((x) => typeof x === 'string' && /^\d{6}$/.test(x))) void this.#form.loadRegions();
    }
    await this.markReady();
  }

  // ---- answering ---------------------------------------------------------------------------------------------

  async #submit(event: Event, group: string[]): Promise<void> {
    event.preventDefault();
    const answers = this.#form.read(group, { locale: this.resolvedLocale, t: this.#t, form: this.#c.form, number: (n: number) => this.#fmt.number(n) });
    const invalid = Object.keys(this.#form.errors);
    if (!answers) {
      this.#announcement = this.#c.form.fixErrors(invalid.length);
      this.requestUpdate();
      await this.updateComplete;
      (this.renderRoot.querySelector(`[data-fact="${invalid[0]}"] input, [data-fact="${invalid[0]}"] select`) as HTMLElement | null)?.focus();
      return;
    }
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
    this.#form.edit(facts);
    await this.updateComplete;
    (this.renderRoot.querySelector('#questions-title') as HTMLElement | null)?.focus();
  }

  /** Forgets every answer, saved or not; reachable from every state, errors included. */
  async #clear(): Promise<void> {
    this.#form.reset();
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

  // ---- rendering ---------------------------------------------------------------------------------------------

  #view(catalog: ProgramsResponse): CheckerView {
    return {
      t: this.#t, t2: checkerV2Messages[this.resolvedLocale], c: this.#c, fmt: this.#fmt, locale: this.resolvedLocale, catalog, regions: this.#form.regions, errors: this.#form.errors,
      draft: (f) => this.#form.draft(f), setDraft: (f, p) => this.#form.set(f, p),
    };
  }

  protected override render() {
    const catalog = this.#catalog.value;
    const whatIf = this.#whatIf;
    return renderChecker(catalog && this.#view(catalog), {
      report: this.#report.value, stale: !!this.#report.stale,
      busy: this.#catalog.state.status === 'loading' || this.#report.state.status === 'loading',
      error: this.#catalog.error ?? this.#report.error, catalogFailed: !!this.#catalog.error,
      announcement: this.#announcement, notice: this.#notice, profile: this.profile, editing: this.#form.editing, since: this.since,
      programIds: this.#programIds(), whatIf, record: this.#record, onRecord: (action) => void this.#recordAction(action),
      onRetry: () => void (this.#catalog.error ? this.#loadCatalog() : this.#check()),
      onClear: () => void this.#clear(),
      onSubmit: (e, group) => void this.#submit(e, group),
      onEdit: (facts) => void this.#edit(facts),
      onFinance: (program) => this.#finance(program),
      onTryPath: (path) => void this.#setWhatIf(applyPath(this.profile, path), whatIf ?? this.profile),
      onUndoWhatIf: () => void this.#setWhatIf(whatIf!, undefined),
    }, this.#t, this.#c, this.resolvedLocale);
  }
}
