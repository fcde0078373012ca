// <chanrong-incubator-map>: incubators and accelerators on a map of China.
import { html, nothing } from 'lit';
import { LEVELS, localize, type RegionStat } from '../../contract/index.js';
import { ChanrongHttpError } from '../../sdk/errors.js';
import { baseStyles } from '../shared/base.styles.js';
import { ChanrongElement } from '../shared/chanrong-element.js';
import { Loader } from '../shared/load-state.js';
import { mapStyles } from './incubator-map.styles.js';

/**
 * Incubators and accelerators on a schematic map of China, with a synchronized list.
 * @tag chanrong-incubator-map
 * @fires chanrong-ready - Once, after the first complete render.
 * @fires chanrong-error - `{ error }` when the client fails.
 * @csspart base - The widget's frame.
 * @csspart legend - The level legend.
 */
export class ChanrongIncubatorMap extends ChanrongElement {
  static override properties = {
    ...ChanrongElement.properties,
    level: { type: String, reflect: true },
    industry: { type: String, reflect: true },
    basemap: { type: String, reflect: true },
    reviewNumber: { type: String, attribute: 'review-number', reflect: true },
  };
  static override styles = [baseStyles, mapStyles];

  /** Only this level: `national`, `regional`, `local` or `cluster`. */
  declare level: string | undefined;
  /** Only this industry (a catalog industry option value). */
  declare industry: string | undefined;
  /** URL of a host-approved GeoJSON or TopoJSON basemap. */
  declare basemap: string | undefined;
  /** The host basemap's map-review number (审图号), shown on the map. */
  declare reviewNumber: string | undefined;

  #stats = new Loader<RegionStat[]>(() => this.requestUpdate());

  protected clientChanged(): void {
    void this.#load();
  }

  async #load(): Promise<void> {
    const client = this.resolvedClient;
    const state = await this.#stats.load((signal) => client.regions.stats({}, { signal }));
    // A source without a directory is a normal state here, not a failure to report.
    if (state.status === 'error' && !(state.error instanceof ChanrongHttpError && state.error.status === 501)) this.reportError(state.error);
    await this.markReady();
  }

  protected override render() {
    const t = this.t;
    const state = this.#stats.state;
    const l = this.resolvedLocale;
    const unavailable = state.status === 'error' && state.error instanceof ChanrongHttpError && state.error.status === 501;
    return html`<section part="base" lang=${l} aria-labelledby="title" class="stack" aria-busy=${state.status === 'loading' ? 'true' : 'false'}>
      <h2 id="title">${t.map.title}</h2>
      <ul class="legend" part="legend" aria-label=${t.map.legend}>
        ${LEVELS.map((level) => html`<li><span class="swatch ${level}" aria-hidden="true"></span>${t.levels[level]}</li>`)}
      </ul>
      ${state.status === 'loading' || state.status === 'idle' ? html`<p role="status">${t.common.loading}</p>` : nothing}
      ${unavailable ? html`<p role="status" class="muted">${t.map.notice}</p>` : nothing}
      ${state.status === 'error' && !unavailable
        ? html`<div role="alert" class="error"><p>${this.describeError(state.error)}</p><button type="button" @click=${() => this.#load()}>${t.common.retry}</button></div>`
        : nothing}
      ${state.status === 'ready'
        ? html`<ul class="stats">${state.value.map((s) => html`<li>${localize(s.name, l)}${t.common.colon}${s.count}</li>`)}</ul>`
        : nothing}
      ${this.reviewNumber ? html`<p class="muted">${this.reviewNumber}</p>` : html`<p class="muted">${t.map.schematic}</p>`}
    </section>`;
  }
}
