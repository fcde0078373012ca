// <chanrong-eligibility-checker>: an enterprise answers only the questions still needed and sees, per program,
// eligible / not eligible / undetermined, each criterion explained with its policy source. The widget asks the
// client for every finding; it never evaluates a rule itself.
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { localize } from '../../contract/localize.js';
import type { Criterion, EligibilityReport, FactDef, FactValue, Profile, Program, ProgramResult, ProgramsResponse, Source, TraceNode } from '../../contract/index.js';
import type { Region } from '../../data/regions/index.js';
import { baseStyles } from '../shared/base.styles.js';
import { ChanrongElement } from '../shared/chanrong-element.js';
import { Loader } from '../shared/load-state.js';
import { checkerStyles } from './eligibility-checker.styles.js';

/** What the user has typed or picked for one question, kept as typed until it is valid. */
interface Draft {
  unknown?: boolean;
  choice?: string;
  values?: string[];
  none?: boolean;
  text?: string;
  province?: string;
  city?: string;
}

const GROUP_SIZE = 3;
const STORAGE_PREFIX = 'chanrong:eligibility:';

/**
 * Tells an enterprise which programs of the catalog it can apply for, asking only the questions still needed,
 * and explains each finding criterion by criterion with the policy source.
 * @tag chanrong-eligibility-checker
 * @fires chanrong-ready - Once, after the first complete render.
 * @fires chanrong-change - `{ profile }` after the answers change.
 * @fires chanrong-result - `{ report }` after every new eligibility report.
 * @fires chanrong-select-program - `{ program }` on "calculate financing"; cancel it to stop the widget filling a calculator on the page.
 * @fires chanrong-error - `{ error }` when the client fails.
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
  };
  static override styles = [baseStyles, checkerStyles];

  /** The date the programs must be in force on (`YYYY-MM-DD`); today by default. */
  declare asOf: string | undefined;
  /** Comma-separated program ids to limit the check to. */
  declare programs: string | undefined;
  /** Keep the answers in sessionStorage, so they survive a reload. */
  declare persist: boolean;
  /** The answers so far (fact id → value; `null` is "don't know"). */
  declare profile: Profile;

  #catalog = new Loader<ProgramsResponse>(() => this.requestUpdate());
  #report = new Loader<EligibilityReport>(() => this.requestUpdate());
  #drafts: Record<string, Draft> = {};
  #errors: Record<string, string> = {};
  #editing: string[] | undefined;
  #regions: Region[] | undefined;
  #announcement = '';
  #restored = false;
  /** Set while the widget itself changes `profile` and runs the check; a host's assignment triggers one. */
  #ownProfileChange = false;

  constructor() {
    super();
    this.profile = {};
    this.persist = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.persist && !this.#restored) this.#restore();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!this.hasUpdated) return;
    if (changed.has('persist') && this.persist && !this.#restored) this.#restore();
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

  async #loadCatalog(): Promise<void> {
    const client = this.resolvedClient;
    const state = await this.#catalog.load((signal) => client.programs.list(this.asOf ? { asOf: this.asOf } : {}, { signal }));
    if (state.status === 'error') {
      this.reportError(state.error);
      await this.markReady();
      return;
    }
    await this.#check();
  }

  async #check(): Promise<void> {
    if (this.#catalog.state.status !== 'ready') return;
    const client = this.resolvedClient;
    const programIds = this.#programIds();
    const state = await this.#report.load((signal) => client.eligibility.check({
      profile: this.profile,
      ...(this.asOf ? { asOf: this.asOf } : {}),
      ...(programIds ? { programIds } : {}),
    }, { signal }));
    if (state.status === 'error') this.reportError(state.error);
    if (state.status === 'ready') {
      this.#announcement = this.#summary(state.value);
      this.emit('chanrong-result', { report: state.value });
      if (this.#group(state.value).some((f) => this.#catalogFacts()[f]?.type === 'region')) void this.#loadRegions();
      if (Object.values(this.profile).some((v) => typeof v === 'string' && /^\d{6}$/.test(v))) void this.#loadRegions();
    }
    await this.markReady();
  }

  async #loadRegions(): Promise<void> {
    if (this.#regions) return;
    const { regions } = await import('../../data/regions/index.js');
    this.#regions = regions;
    this.requestUpdate();
  }

  #catalogFacts(): ProgramsResponse['facts'] {
    return this.#catalog.state.status === 'ready' ? this.#catalog.state.value.facts : {};
  }

  /** The questions shown now: the ones being changed, else the next few the report still needs. */
  #group(report: EligibilityReport): string[] {
    if (this.#editing) return this.#editing;
    const facts = this.#catalogFacts();
    return report.nextQuestions.filter((f) => facts[f]).slice(0, GROUP_SIZE);
  }

  // ---- persistence -------------------------------------------------------------------------------------------

  #storageKey(): string {
    return `${STORAGE_PREFIX}${this.id || this.#programIds()?.join(',') || 'all'}`;
  }

  #restore(): void {
    this.#restored = true;
    try {
      const saved = sessionStorage.getItem(this.#storageKey());
      if (saved) this.profile = { ...(JSON.parse(saved) as Profile), ...this.profile };
    } catch {
      // Storage can be blocked (private mode, sandboxed frames): answers then live only in memory.
    }
  }

  #save(): void {
    if (!this.persist) return;
    try {
      sessionStorage.setItem(this.#storageKey(), JSON.stringify(this.profile));
    } catch {
      // See #restore.
    }
  }

  // ---- answering ---------------------------------------------------------------------------------------------

  #draftFor(fact: string, def: FactDef): Draft {
    const existing = this.#drafts[fact];
    if (existing) return existing;
    const value = this.profile[fact];
    const draft: Draft = {};
    if (value === null) draft.unknown = true;
    else if (value !== undefined) {
      if (def.type === 'enum-set') {
        draft.values = value as string[];
        draft.none = (value as string[]).length === 0;
      } else if (def.type === 'boolean') draft.choice = String(value);
      else if (def.type === 'enum') draft.choice = value as string;
      else if (def.type === 'region') {
        const code = value as string;
        draft.province = `${code.slice(0, 2)}0000`;
        draft.city = code.endsWith('0000') ? '' : `${code.slice(0, 4)}00`;
      } else draft.text = String(value);
    }
    this.#drafts[fact] = draft;
    return draft;
  }

  #setDraft(fact: string, patch: Partial<Draft>): void {
    this.#drafts = { ...this.#drafts, [fact]: { ...this.#drafts[fact], ...patch } };
    if (this.#errors[fact]) {
      const { [fact]: _gone, ...rest } = this.#errors;
      this.#errors = rest;
    }
    this.requestUpdate();
  }

  /** The value of a draft, or a localized error naming what is wrong. */
  #parse(fact: string, def: FactDef): { value: FactValue } | { error: string } {
    const t = this.t.checker;
    const draft = this.#drafts[fact] ?? {};
    if (draft.unknown) return { value: null };
    switch (def.type) {
      case 'boolean':
        return draft.choice === undefined ? { error: t.answerRequired } : { value: draft.choice === 'true' };
      case 'enum':
        return draft.choice === undefined ? { error: t.answerRequired } : { value: draft.choice };
      case 'enum-set':
        if (draft.none) return { value: [] };
        return draft.values?.length ? { value: draft.values } : { error: t.answerRequired };
      case 'region': {
        if (!draft.province) return { error: t.answerRequired };
        const region = this.#regions?.find((r) => r.adcode === draft.province);
        if (region && region.cities.length && !draft.city) return { error: t.cityRequired };
        return { value: draft.city || draft.province };
      }
      case 'date': {
        const text = (draft.text ?? '').trim();
        if (!text) return { error: t.answerRequired };
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
        const valid = m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) >= 1
          && Number(m[3]) <= new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
        return valid ? { value: text } : { error: t.dateInvalid };
      }
      case 'number': case 'integer': {
        const text = (draft.text ?? '').trim().replace(/[,，\s]/g, '');
        if (!text) return { error: t.answerRequired };
        const n = Number(text);
        if (!Number.isFinite(n)) return { error: t.numberInvalid };
        if (def.type === 'integer' && !Number.isInteger(n)) return { error: t.integerInvalid };
        if (def.min !== undefined && n < def.min) return { error: t.min(this.#number(def.min)) };
        if (def.max !== undefined && n > def.max) return { error: t.max(this.#number(def.max)) };
        return { value: n };
      }
      case 'string': {
        const text = (draft.text ?? '').trim();
        return text ? { value: text } : { error: t.answerRequired };
      }
    }
  }

  async #submit(event: Event, group: string[]): Promise<void> {
    event.preventDefault();
    const facts = this.#catalogFacts();
    const errors: Record<string, string> = {};
    const answers: Profile = {};
    for (const fact of group) {
      const def = facts[fact];
      if (!def) continue;
      const parsed = this.#parse(fact, def);
      if ('error' in parsed) errors[fact] = parsed.error;
      else answers[fact] = parsed.value;
    }
    this.#errors = errors;
    const invalid = Object.keys(errors);
    if (invalid.length) {
      this.#announcement = this.t.checker.fixErrors(invalid.length);
      this.requestUpdate();
      await this.updateComplete;
      (this.renderRoot.querySelector(`[data-fact="${invalid[0]}"] input, [data-fact="${invalid[0]}"] select`) as HTMLElement | null)?.focus();
      return;
    }
    for (const fact of group) delete this.#drafts[fact];
    this.#editing = undefined;
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
    if (facts.some((f) => this.#catalogFacts()[f]?.type === 'region')) void this.#loadRegions();
    this.requestUpdate();
    await this.updateComplete;
    (this.renderRoot.querySelector('#questions-title') as HTMLElement | null)?.focus();
  }

  async #clear(): Promise<void> {
    this.#drafts = {};
    this.#errors = {};
    this.#editing = undefined;
    this.#ownProfileChange = true;
    this.profile = {};
    try {
      sessionStorage.removeItem(this.#storageKey());
    } catch { /* see #restore */ }
    this.emit('chanrong-change', { profile: this.profile });
    await this.#check();
    this.#announcement = this.t.checker.cleared;
    await this.updateComplete;
    (this.renderRoot.querySelector('#questions-title') as HTMLElement | null)?.focus();
  }

  #selectProgram(program: Program): void {
    if (!this.emit('chanrong-select-program', { program }, true)) return;
    const root = this.getRootNode() as Document | ShadowRoot;
    const calculators = root.querySelectorAll?.('chanrong-financing-calculator') ?? [];
    for (const calculator of Array.from(calculators)) {
      const target = calculator as HTMLElement & { applyProgram?: (p: Program) => void };
      if (typeof target.applyProgram === 'function') target.applyProgram(program);
      else target.setAttribute('program', program.id);
    }
    calculators[0]?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }

  // ---- formatting --------------------------------------------------------------------------------------------

  #number(n: number): string {
    return new Intl.NumberFormat(this.resolvedLocale, { maximumFractionDigits: 4 }).format(n);
  }

  #summary(report: EligibilityReport): string {
    const count = (s: string) => report.results.filter((r) => r.status === s).length;
    return this.t.checker.summary(count('eligible'), count('undetermined'), count('ineligible'));
  }

  #optionLabel(def: FactDef | undefined, value: string): string {
    const option = def?.options?.find((o) => o.value === value);
    return option ? localize(option.label, this.resolvedLocale) : value;
  }

  #regionName(code: string): string {
    const l = this.resolvedLocale;
    const province = this.#regions?.find((r) => r.adcode.slice(0, 2) === code.slice(0, 2));
    if (!province) return code;
    if (code.endsWith('0000')) return localize(province.name, l);
    const city = province.cities.find((c) => c.adcode.slice(0, 4) === code.slice(0, 4));
    return city ? `${localize(province.name, l)} ${localize(city.name, l)}` : code;
  }

  /** A fact's value as the user would say it. */
  #formatValue(def: FactDef | undefined, value: unknown): string {
    const t = this.t.checker;
    if (value === null) return t.dontKnow;
    if (value === undefined) return t.notAnswered;
    if (Array.isArray(value)) {
      if (def?.type === 'enum-set' && value.length === 0) return t.noneOfThese;
      const sep = this.resolvedLocale === 'en' ? ', ' : '、';
      if (def?.type === 'number' || def?.type === 'integer' || def?.type === 'date') return value.map((v) => this.#formatValue(def, v)).join(' – ');
      return value.map((v) => (def?.type === 'region' ? this.#regionName(String(v)) : this.#optionLabel(def, String(v)))).join(sep);
    }
    if (typeof value === 'boolean') return value ? t.yes : t.no;
    if (typeof value === 'number') {
      const unit = def?.unit ? localize(def.unit, this.resolvedLocale) : '';
      return `${this.#number(value)}${unit ? ` ${unit}` : ''}`;
    }
    if (def?.type === 'region') return this.#regionName(String(value));
    if (def?.type === 'enum' || def?.type === 'enum-set') return this.#optionLabel(def, String(value));
    return String(value);
  }

  // ---- rendering ---------------------------------------------------------------------------------------------

  protected override render() {
    const t = this.t;
    const catalog = this.#catalog.state;
    const report = this.#report.state;
    const busy = catalog.status === 'loading' || report.status === 'loading';
    return html`<section part="base" lang=${this.resolvedLocale} aria-labelledby="title" class="stack" aria-busy=${busy ? 'true' : 'false'}>
      <h2 id="title">${t.checker.title}</h2>
      <p class="muted">${t.checker.intro}</p>
      <p class="visually-hidden" role="status" aria-live="polite">${this.#announcement}</p>
      ${catalog.status === 'loading' || catalog.status === 'idle' ? html`<p>${t.common.loading}</p>` : nothing}
      ${catalog.status === 'error' ? this.#renderError(catalog.error, () => this.#loadCatalog()) : nothing}
      ${report.status === 'error' ? this.#renderError(report.error, () => this.#check()) : nothing}
      ${catalog.status === 'ready' && (report.status === 'ready' || (report.status === 'loading' && this.#lastReport))
        ? this.#renderChecker(catalog.value, report.status === 'ready' ? report.value : this.#lastReport!)
        : nothing}
    </section>`;
  }

  get #lastReport(): EligibilityReport | undefined {
    return this.#report.previous;
  }

  #renderError(error: unknown, retry: () => void) {
    return html`<div role="alert" class="error"><p>${this.describeError(error)}</p>
      <button type="button" @click=${retry}>${this.t.common.retry}</button></div>`;
  }

  #renderChecker(catalog: ProgramsResponse, report: EligibilityReport) {
    const t = this.t.checker;
    const group = this.#group(report);
    const answered = Object.keys(this.profile).filter((f) => catalog.facts[f]);
    return html`
      ${group.length
        ? this.#renderQuestions(catalog, group)
        : html`<p class="muted" id="questions-title" tabindex="-1">${t.allAnswered}</p>`}
      <p class="muted">${t.progress(answered.length, report.nextQuestions.length)} · ${this.t.common.catalogVersion} ${report.catalogVersion}</p>
      ${this.#renderResults(catalog, report)}
      ${answered.length ? this.#renderAnswers(catalog, answered) : nothing}
      <div class="actions no-print">
        <button type="button" class="secondary" @click=${() => this.#clear()} ?disabled=${!answered.length}>${t.clear}</button>
        <button type="button" class="secondary" @click=${() => window.print()}>${t.print}</button>
      </div>`;
  }

  #renderQuestions(catalog: ProgramsResponse, group: string[]) {
    const t = this.t.checker;
    return html`<form part="questions" novalidate @submit=${(e: Event) => this.#submit(e, group)}>
      <h3 id="questions-title" tabindex="-1">${t.questionsTitle}</h3>
      ${group.map((fact) => this.#renderQuestion(fact, catalog.facts[fact]!))}
      <div class="actions"><button type="submit">${t.next}</button></div>
    </form>`;
  }

  #renderQuestion(fact: string, def: FactDef): TemplateResult {
    const t = this.t.checker;
    const l = this.resolvedLocale;
    const draft = this.#draftFor(fact, def);
    const error = this.#errors[fact];
    const id = `q-${fact}`;
    const describedBy = [def.help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
    const label = localize(def.label, l);
    const help = def.help ? html`<p class="help" id=${`${id}-help`}>${localize(def.help, l)}</p>` : nothing;
    const errorText = error ? html`<p class="field-error" id=${`${id}-error`}>${label}${this.t.common.colon}${error}</p>` : nothing;
    const unknownBox = html`<label><input type="checkbox" .checked=${!!draft.unknown}
      @change=${(e: Event) => this.#setDraft(fact, { unknown: (e.target as HTMLInputElement).checked })}> ${t.dontKnow}</label>`;

    if (def.type === 'boolean' || def.type === 'enum' || def.type === 'enum-set') {
      const options = def.type === 'boolean'
        ? [{ value: 'true', label: t.yes }, { value: 'false', label: t.no }]
        : def.options!.map((o) => ({ value: o.value, label: localize(o.label, l) }));
      const multiple = def.type === 'enum-set';
      return html`<fieldset class="question" data-fact=${fact} aria-describedby=${describedBy} aria-invalid=${error ? 'true' : 'false'}>
        <legend>${label}</legend>
        ${help}
        <div class="choices">
          ${options.map((o) => multiple
            ? html`<label><input type="checkbox" name=${id} .value=${o.value} .checked=${!!draft.values?.includes(o.value)} ?disabled=${draft.unknown || draft.none}
                @change=${(e: Event) => {
                  const on = (e.target as HTMLInputElement).checked;
                  const values = new Set(this.#drafts[fact]?.values ?? []);
                  if (on) values.add(o.value); else values.delete(o.value);
                  this.#setDraft(fact, { values: [...values] });
                }}> ${o.label}</label>`
            : html`<label><input type="radio" name=${id} .value=${o.value} .checked=${draft.choice === o.value && !draft.unknown}
                @change=${() => this.#setDraft(fact, { choice: o.value, unknown: false })}> ${o.label}</label>`)}
          ${multiple
            ? html`<label><input type="checkbox" .checked=${!!draft.none} ?disabled=${draft.unknown}
                @change=${(e: Event) => this.#setDraft(fact, { none: (e.target as HTMLInputElement).checked })}> ${t.noneOfThese}</label>${unknownBox}`
            : html`<label><input type="radio" name=${id} value="" .checked=${!!draft.unknown}
                @change=${() => this.#setDraft(fact, { unknown: true, choice: undefined })}> ${t.dontKnow}</label>`}
        </div>
        ${errorText}
      </fieldset>`;
    }

    if (def.type === 'region') {
      const province = this.#regions?.find((r) => r.adcode === draft.province);
      return html`<fieldset class="question" data-fact=${fact} aria-describedby=${describedBy}>
        <legend>${label}</legend>
        ${help}
        <div class="region">
          <label>${t.pickProvince}
            <select .value=${draft.province ?? ''} ?disabled=${draft.unknown} aria-invalid=${error ? 'true' : 'false'}
              @change=${(e: Event) => this.#setDraft(fact, { province: (e.target as HTMLSelectElement).value, city: '' })}>
              <option value="">${t.choose}</option>
              ${(this.#regions ?? []).map((r) => html`<option value=${r.adcode} ?selected=${r.adcode === draft.province}>${localize(r.name, l)}</option>`)}
            </select></label>
          ${province && province.cities.length ? html`<label>${t.pickCity}
            <select .value=${draft.city ?? ''} ?disabled=${draft.unknown} aria-invalid=${error ? 'true' : 'false'}
              @change=${(e: Event) => this.#setDraft(fact, { city: (e.target as HTMLSelectElement).value })}>
              <option value="">${t.choose}</option>
              ${province.cities.map((c) => html`<option value=${c.adcode} ?selected=${c.adcode === draft.city}>${localize(c.name, l)}</option>`)}
            </select></label>` : nothing}
          ${unknownBox}
        </div>
        ${errorText}
      </fieldset>`;
    }

    const unit = def.unit ? localize(def.unit, l) : '';
    const numeric = def.type === 'number' || def.type === 'integer';
    return html`<div class="question" data-fact=${fact}>
      <label for=${id}><strong>${label}</strong></label>
      ${help}
      <span class="with-unit">
        <input id=${id} type=${def.type === 'date' ? 'date' : 'text'} inputmode=${numeric ? (def.type === 'integer' ? 'numeric' : 'decimal') : nothing}
          .value=${draft.text ?? ''} ?disabled=${draft.unknown} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy}
          autocomplete="off" @input=${(e: Event) => this.#setDraft(fact, { text: (e.target as HTMLInputElement).value })}>
        ${unit ? html`<span>${unit}</span>` : nothing}
        ${unknownBox}
      </span>
      ${errorText}
    </div>`;
  }

  #renderResults(catalog: ProgramsResponse, report: EligibilityReport) {
    const t = this.t.checker;
    const programs = new Map(catalog.programs.map((p) => [p.id, p]));
    const groups = (['eligible', 'undetermined', 'ineligible'] as const)
      .map((status) => ({ status, results: report.results.filter((r) => r.status === status && programs.has(r.programId)) }))
      .filter((g) => g.results.length);
    return html`<section part="results" aria-labelledby="results-title" class="stack">
      <h3 id="results-title" tabindex="-1">${t.results}</h3>
      <p>${this.#summary(report)}</p>
      ${report.results.length === 0 ? html`<p>${t.empty}</p>` : nothing}
      ${groups.map((g) => html`<div class="status-group">
        <h4 class="group-title">${t[g.status]} (${g.results.length})</h4>
        <ul class="programs">${g.results.map((r) => this.#renderProgram(programs.get(r.programId)!, r, catalog))}</ul>
      </div>`)}
    </section>`;
  }

  #renderProgram(program: Program, result: ProgramResult, catalog: ProgramsResponse) {
    const t = this.t;
    const l = this.resolvedLocale;
    const headingId = `p-${program.id}`;
    return html`<li class="program" part="program" data-program=${program.id} data-status=${result.status}>
      <article aria-labelledby=${headingId} class="stack">
        <header>
          <span class="badge">${t.kinds[program.kind]}</span>
          <h4 id=${headingId}>${localize(program.title, l)}</h4>
          <span class="status ${result.status}">${t.checker[result.status]}</span>
        </header>
        ${program.summary ? html`<p>${localize(program.summary, l)}</p>` : nothing}
        ${program.benefit ? html`<p><strong>${t.checker.benefit}${t.common.colon}</strong>${localize(program.benefit, l)}</p>` : nothing}
        ${program.issuer ? html`<p class="muted">${t.common.issuer}${t.common.colon}${localize(program.issuer, l)}</p>` : nothing}
        ${result.missingFacts.length ? html`<p>
          <strong>${t.checker.stillNeeded}${t.common.colon}</strong>${result.missingFacts.map((f) => localize(catalog.facts[f]?.label, l)).join(l === 'en' ? '; ' : '；')}
          <button type="button" class="secondary no-print" @click=${() => this.#edit(result.missingFacts.slice(0, GROUP_SIZE * 2))}
            aria-label=${`${t.checker.answerThese}: ${localize(program.title, l)}`}>${t.checker.answerThese}</button></p>` : nothing}
        <details>
          <summary>${t.checker.criteria}</summary>
          <ul class="trace">${this.#renderTrace(result.trace, program.criteria, catalog)}</ul>
          <ul class="sources">${program.sources.map((s) => html`<li>${this.#sourceContent(s)}</li>`)}</ul>
        </details>
        ${program.financing && result.status !== 'ineligible' ? html`<div class="no-print"><button type="button"
          aria-label=${`${t.checker.calculate}: ${localize(program.title, l)}`} @click=${() => this.#selectProgram(program)}>${t.checker.calculate}</button></div>` : nothing}
      </article>
    </li>`;
  }

  /** The trace mirrors the program's criteria node for node; the criteria say which combinator each node is. */
  #renderTrace(node: TraceNode, criterion: Criterion | undefined, catalog: ProgramsResponse): TemplateResult {
    const t = this.t.checker;
    const l = this.resolvedLocale;
    const marks = { pass: '✓', fail: '✗', unknown: '?' } as const;
    const statusText = { pass: t.pass, fail: t.fail, unknown: t.unknown } as const;
    const mark = html`<span class="mark ${node.status}" aria-hidden="true">${marks[node.status]}</span><span class="visually-hidden">${statusText[node.status]}: </span>`;
    const source = node.source ? html`<div class="sources">${this.#sourceContent(node.source)}</div>` : nothing;
    if (node.children) {
      const kids: (Criterion | undefined)[] = !criterion ? [] : 'all' in criterion ? criterion.all : 'any' in criterion ? criterion.any : 'not' in criterion ? [criterion.not] : [];
      const combinator = !criterion ? '' : 'any' in criterion ? t.anyOf : 'not' in criterion ? t.noneOf : t.allOf;
      const heading = node.label ? `${localize(node.label, l)} · ${combinator}` : combinator;
      return html`<li>${mark}${heading}${source}<ul>${node.children.map((c, i) => this.#renderTrace(c, kids[i], catalog))}</ul></li>`;
    }
    const def = node.fact ? catalog.facts[node.fact] : undefined;
    const text = node.label
      ? localize(node.label, l)
      : `${localize(def?.label, l)} ${t.ops[node.op ?? 'eq']} ${this.#formatValue(def, node.expected)}`;
    return html`<li>${mark}${text}
      <span class="muted">(${t.actual}${this.t.common.colon}${this.#formatValue(def, 'actual' in node ? node.actual : undefined)})</span>${source}</li>`;
  }

  #sourceContent(s: Source) {
    const l = this.resolvedLocale;
    const t = this.t.common;
    return html`${t.source}${t.colon}${s.url ? html`<a href=${s.url} rel="noopener noreferrer" target="_blank">${localize(s.title, l)}</a>` : localize(s.title, l)}${s.date ? ` (${s.date})` : ''}${s.clause ? ` · ${localize(s.clause, l)}` : ''}${s.quote ? html` <q>${localize(s.quote, l)}</q>` : nothing}`;
  }

  #renderAnswers(catalog: ProgramsResponse, answered: string[]) {
    const t = this.t.checker;
    const l = this.resolvedLocale;
    return html`<section aria-labelledby="answers-title" part="answers" class="stack">
      <h3 id="answers-title">${t.yourAnswers}</h3>
      <dl class="answers">${answered.map((fact) => html`
        <dt>${localize(catalog.facts[fact]!.label, l)}</dt>
        <dd>${this.#formatValue(catalog.facts[fact], this.profile[fact])}</dd>
        <dd><button type="button" class="secondary no-print" aria-label=${`${t.change}: ${localize(catalog.facts[fact]!.label, l)}`}
          @click=${() => this.#edit([fact])}>${t.change}</button></dd>`)}
      </dl>
    </section>`;
  }
}
