// The map's HTML parts, as lit templates: the list (virtualized; the map's full alternative), the search
// results, the details of the selected incubator, the province table, the legends and the error with retry.
import { html, nothing } from 'lit';
import { localize, LEVELS } from '../../contract/localize.js';
import type { Incubator, Locale, RegionStat } from '../../contract/index.js';
import type { ColorClass } from './choropleth.js';
import type { CommonMessages } from '../messages/common.js';
import type { MapMessages } from '../messages/map.js';
import { cssProps } from '../core/css-props.js';
import { numberFormat } from '../core/controllers/format.js';
import { LEVEL_COLORS } from './painter.js';

export const ROW_HEIGHT = 48;

/** The map's strings: its own namespace and the common one (never the other widgets'). */
export interface MapText {
  common: CommonMessages;
  map: MapMessages;
  levels: MapMessages['levels'];
}

export interface PanelContext {
  t: MapText;
  locale: Locale;
  number: (n: number) => string;
  /** The catalog's industry option values, in its order (empty until the catalog has loaded). */
  industries: string[];
  /** An industry code's label from the catalog (the code itself when the catalog does not know it). */
  industryName: (code: string) => string;
}

export interface ListModel {
  items: Incubator[];
  total: number;
  /** Search results (the whole directory) rather than the view. */
  search: boolean;
  /** The entries of a cluster at one place (opened because no zoom splits it). */
  place?: boolean;
  selectedId: string | undefined;
  scroll: number;
  /** Whether an entry lies in the current view (search results outside it are marked). */
  inView: (it: Incubator) => boolean;
  onScroll: (top: number) => void;
  onChoose: (it: Incubator) => void;
}

export function renderList(c: PanelContext, m: ListModel) {
  const t = c.t.map;
  const first = Math.max(0, Math.floor(m.scroll / ROW_HEIGHT) - 4);
  const last = Math.min(m.items.length, first + 16);
  const shown = c.number(m.items.length), total = c.number(m.total), partial = m.items.length < m.total;
  return html`<div class="list" part="list">
    <h3 class="list-title" id="list-title" aria-live="polite">${m.place ? t.placeTitle(shown, total, partial) : m.search ? t.searchTitle(shown, total, partial) : t.listTitle(shown, total, partial)}</h3>
    ${m.items.length === 0 ? html`<p class="muted">${m.search ? t.noMatches : t.empty}</p>` : html`
    <div class="list-scroll" tabindex="-1" role="region" aria-labelledby="list-title" @scroll=${(e: Event) => m.onScroll((e.target as HTMLElement).scrollTop)}>
      <ul data-size=${cssProps({ height: `${m.items.length * ROW_HEIGHT}px` })}>
        ${m.items.slice(first, last).map((it, i) => {
          const selected = it.id === m.selectedId;
          const outside = m.search && !m.inView(it);
          return html`<li data-position=${cssProps({ top: `${(first + i) * ROW_HEIGHT}px` })} aria-posinset=${first + i + 1} aria-setsize=${m.items.length}>
          <button type="button" class="row ${selected ? 'selected' : ''}" data-id=${it.id} aria-pressed=${selected ? 'true' : 'false'} @click=${() => m.onChoose(it)}>
            <span class="swatch ${it.level}" aria-hidden="true"></span>
            <span class="row-text"><span class="row-name">${localize(it.name, c.locale)}</span>
            <span class="muted">${c.t.levels[it.level]} · ${t.kinds[it.kind]}${outside ? html` · <span class="outside">${t.outsideView}</span>` : nothing}</span></span>
          </button></li>`;
        })}
      </ul>
    </div>`}
  </div>`;
}

export function renderError(c: PanelContext, message: string, retry: () => void, where: 'map' | 'list') {
  return html`<div class="load-error ${where}" role=${where === 'map' ? 'alert' : nothing}>
    <p><strong>${c.t.map.loadError}</strong>${c.t.common.colon}${message}</p>
    <button type="button" class="retry" @click=${retry}>${c.t.common.retry}</button>
  </div>`;
}

export function renderStats(c: PanelContext, stats: RegionStat[]) {
  const t = c.t.map;
  const sorted = [...stats].sort((a, b) => b.count - a.count);
  return html`<div class="stats-wrap" tabindex="0" role="region" aria-label=${t.choropleth}><table class="stats">
    <thead><tr><th scope="col">${t.province}</th><th scope="col">${t.count}</th></tr></thead>
    <tbody>${sorted.map((s) => html`<tr><th scope="row">${localize(s.name, c.locale)}</th><td>${c.number(s.count)}</td></tr>`)}</tbody>
  </table></div>`;
}

export function renderLevelLegend(c: PanelContext) {
  return html`<ul class="legend" part="legend" aria-label=${c.t.map.legend}>
    ${LEVELS.map((level) => html`<li><span class="swatch" data-color=${cssProps({ background: LEVEL_COLORS[level] })} aria-hidden="true"></span>${c.t.levels[level]}</li>`)}
    <li><span class="swatch cluster-dot" aria-hidden="true"></span>${c.t.map.grouped}</li>
  </ul>`;
}

/** The choropleth's scale: one swatch per class with its range of counts. */
export function renderScale(c: PanelContext, classes: ColorClass[]) {
  return html`<figure class="scale" part="legend">
    <figcaption>${c.t.map.scaleTitle}</figcaption>
    <ol>${classes.map((k) => html`<li><span class="swatch square" data-color=${cssProps({ background: k.color })} aria-hidden="true"></span>${k.from === k.to ? c.number(k.from) : c.t.map.scaleRange(c.number(k.from), c.number(k.to))}</li>`)}</ol>
  </figure>`;
}

export interface ToolbarModel {
  level: string | undefined;
  industry: string | undefined;
  q: string;
  mode: 'points' | 'choropleth';
  setLevel: (level: string | undefined) => void;
  setIndustry: (industry: string | undefined) => void;
  search: (text: string) => void;
  setMode: (mode: 'points' | 'choropleth') => void;
}

export function renderToolbar(c: PanelContext, m: ToolbarModel) {
  const t = c.t.map;
  const value = (e: Event) => (e.target as HTMLSelectElement).value || undefined;
  return html`<div class="toolbar">
    <label>${t.level}<select @change=${(e: Event) => m.setLevel(value(e))}>
      <option value="">${t.all}</option>${LEVELS.map((x) => html`<option value=${x} ?selected=${m.level === x}>${c.t.levels[x]}</option>`)}</select></label>
    <label>${t.industry}<select @change=${(e: Event) => m.setIndustry(value(e))}>
      <option value="">${t.all}</option>${(m.industry && !c.industries.includes(m.industry) ? [...c.industries, m.industry] : c.industries).map((x) => html`<option value=${x} ?selected=${m.industry === x}>${c.industryName(x)}</option>`)}</select></label>
    <label class="search">${t.search}<input type="search" .value=${m.q} @input=${(e: Event) => m.search((e.target as HTMLInputElement).value)}></label>
    <fieldset class="modes"><legend>${t.display}</legend>
      ${(['points', 'choropleth'] as const).map((mode) => html`<label><input type="radio" name="mode" .checked=${m.mode === mode} @change=${() => m.setMode(mode)}> ${t[mode]}</label>`)}
    </fieldset>
  </div>`;
}

/** Intl number formats (the core's shared cache): grouped digits, or compact ("2.2万", "22K") for cluster labels. */
export class NumberFormats {
  format(locale: Locale, n: number, compact = false): string {
    // Whole numbers under 1,000 read the same in the three locales (Latin digits, no grouping): the first
    // Intl.NumberFormat of a page costs tens of milliseconds on a phone (ICU data), which the first paint skips.
    if (Number.isInteger(n) && n >= 0 && n < 1000) return String(n);
    return numberFormat(locale, compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}).format(n);
  }
}
export interface FrameModel {
  /** Accessible name of the active mark, or a hint when none is active. */
  option: string;
  active: boolean;
  hover: { x: number; y: number; text: string } | undefined;
  note: string;
  basemapError: boolean;
  error: unknown;
  onKey: (e: KeyboardEvent) => void;
  onPointer: (e: PointerEvent, click: boolean) => void;
  onLeave: () => void;
  zoomBy: (factor: number) => void;
  reset: () => void;
}

/** The map's box: the canvas inside a listbox (one option: the active cluster or point), tooltip, notes, zoom. */
export function renderMapFrame(c: PanelContext, m: FrameModel) {
  const t = c.t.map;
  return html`<div class="map-wrap">
    <div class="map-frame" part="map">
      <div class="map-focus" tabindex="0" role="listbox" aria-label=${t.mapLabel} aria-activedescendant=${m.active ? 'map-option' : nothing} @keydown=${m.onKey}>
        <canvas class="map-canvas" aria-hidden="true" @pointermove=${(e: PointerEvent) => m.onPointer(e, false)} @pointerleave=${m.onLeave}
          @click=${(e: PointerEvent) => m.onPointer(e, true)}></canvas>
        <div id="map-option" class="sr-only" role="option" aria-selected=${m.active ? 'true' : 'false'}>${m.option}</div>
      </div>
      ${m.hover ? html`<div class="tooltip" aria-hidden="true" data-position=${cssProps({ left: `${Math.round(m.hover.x + 12)}px`, top: `${Math.round(m.hover.y + 12)}px` })}>${m.hover.text}</div>` : nothing}
      <p class="map-note">${m.note}</p>
      ${m.basemapError ? html`<p class="error" role="alert">${t.basemapError}</p>` : nothing}
      ${m.error ?? nothing}
    </div>
    <div class="zoom no-print">
      <button type="button" aria-label=${t.zoomIn} @click=${() => m.zoomBy(2)}>+</button>
      <button type="button" aria-label=${t.zoomOut} @click=${() => m.zoomBy(0.5)}>−</button>
      <button type="button" aria-label=${t.reset} @click=${m.reset}>⟲</button>
    </div>
  </div>`;
}
