// <chanrong-eligibility-checker>: which support programs an enterprise qualifies for.
import { html, nothing, type PropertyValues } from 'lit';
import { localize, type Program, type ProgramsResponse, type Source } from '../../contract/index.js';
import { baseStyles } from '../shared/base.styles.js';
import { ChanrongElement } from '../shared/chanrong-element.js';
import { Loader } from '../shared/load-state.js';
import { checkerStyles } from './eligibility-checker.styles.js';

/**
 * Tells an enterprise which programs of the catalog it can apply for, criterion by criterion, with the policy
 * source of each.
 * @tag chanrong-eligibility-checker
 * @fires chanrong-ready - Once, after the first complete render.
 * @fires chanrong-error - `{ error }` when the client fails.
 * @csspart base - The widget's frame.
 * @csspart program - One program of the list.
 */
export class ChanrongEligibilityChecker extends ChanrongElement {
  static override properties = {
    ...ChanrongElement.properties,
    asOf: { type: String, attribute: 'as-of', reflect: true },
    programs: { type: String, reflect: true },
    persist: { type: Boolean, reflect: true },
  };
  static override styles = [baseStyles, checkerStyles];

  /** The date the programs must be in force on (`YYYY-MM-DD`); today by default. */
  declare asOf: string | undefined;
  /** Comma-separated program ids to limit the check to. */
  declare programs: string | undefined;
  /** Keep the answers in sessionStorage across reloads. */
  declare persist: boolean;

  #catalog = new Loader<ProgramsResponse>(() => this.requestUpdate());

  protected clientChanged(): void {
    void this.#load();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.hasUpdated && changed.has('asOf') && !changed.has('client') && !changed.has('endpoint')) void this.#load();
  }

  async #load(): Promise<void> {
    const client = this.resolvedClient;
    const state = await this.#catalog.load((signal) => client.programs.list(this.asOf ? { asOf: this.asOf } : {}, { signal }));
    if (state.status === 'error') this.reportError(state.error);
    await this.markReady();
  }

  #selectedPrograms(all: Program[]): Program[] {
    const ids = (this.programs ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    return ids.length ? all.filter((p) => ids.includes(p.id)) : all;
  }

  protected override render() {
    const t = this.t;
    const state = this.#catalog.state;
    return html`<section part="base" lang=${this.resolvedLocale} aria-labelledby="title" class="stack" aria-busy=${state.status === 'loading' ? 'true' : 'false'}>
      <h2 id="title">${t.checker.title}</h2>
      <p class="muted">${t.checker.intro}</p>
      ${state.status === 'loading' || state.status === 'idle' ? html`<p role="status">${t.common.loading}</p>` : nothing}
      ${state.status === 'error'
        ? html`<div role="alert" class="error"><p>${this.describeError(state.error)}</p><button type="button" @click=${() => this.#load()}>${t.common.retry}</button></div>`
        : nothing}
      ${state.status === 'ready' ? this.#renderPrograms(state.value) : nothing}
    </section>`;
  }

  #renderPrograms(catalog: ProgramsResponse) {
    const t = this.t;
    const list = this.#selectedPrograms(catalog.programs);
    const l = this.resolvedLocale;
    return html`
      <p class="muted">${t.checker.programsInForce(list.length)} · ${t.common.catalogVersion} ${catalog.catalogVersion}</p>
      ${list.length === 0 ? html`<p>${t.checker.empty}</p>` : html`
      <ul class="programs">
        ${list.map((p) => html`<li class="program" part="program" data-program=${p.id}>
          <article aria-labelledby=${`p-${p.id}`} class="stack">
            <header><span class="badge">${t.kinds[p.kind]}</span><h3 id=${`p-${p.id}`}>${localize(p.title, l)}</h3></header>
            ${p.summary ? html`<p>${localize(p.summary, l)}</p>` : nothing}
            ${p.issuer ? html`<p class="muted">${t.common.issuer}${t.common.colon}${localize(p.issuer, l)}</p>` : nothing}
            <ul class="sources" aria-label=${t.common.source}>${p.sources.map((s) => this.#renderSource(s))}</ul>
          </article>
        </li>`)}
      </ul>`}`;
  }

  #renderSource(s: Source) {
    const l = this.resolvedLocale;
    return html`<li>${this.t.common.source}${this.t.common.colon}${s.url ? html`<a href=${s.url} rel="noopener noreferrer" target="_blank">${localize(s.title, l)}</a>` : localize(s.title, l)}${s.date ? ` (${s.date})` : ''}${s.clause ? ` · ${localize(s.clause, l)}` : ''}${s.quote ? html` <q>${localize(s.quote, l)}</q>` : nothing}</li>`;
  }
}
