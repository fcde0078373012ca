// <chanrong-incubator-map>: incubators and accelerators on a schematic map of China, on Canvas 2D so that a
// million points stay smooth without a GPU. The directory (local or remote) clusters by viewport; this element
// keeps one state (filters, search, selection, loads) and hands the canvas to MapView, the HTML to panels.ts.
import { html, nothing, type PropertyValues } from 'lit';
import { localize } from '../../contract/localize.js';
import type { AcceleratorClient, Incubator, IncubatorQueryResult, LocalizedText, ProgramsResponse, RegionStat } from '../../contract/index.js';
import { baseStyles } from '../core/styles/base.styles.js';
import { ChanrongElement } from '../core/chanrong-element.js';
import { describeError } from '../core/errors.js';
import { commonMessages } from '../messages/common.js';
import { mapMessages } from '../messages/map.js';
import { ClientTask } from '../core/controllers/client-task.js';
import { classify } from './choropleth.js';
import { loadBasemap, loadDetailedBasemap, viewBBox, type Geo } from './geometry.js';
import { handleMapKey, placeName } from './browse.js';
import { MapView } from './map-view.js';
import { closeDirectory, mapClient } from './client.js';
import { buildScene, directoryQueries, type Cities } from './scene.js';
import { renderDetails } from './details.js';
import { palette } from './painter.js';
import { NumberFormats, renderMapFrame, type MapText, renderError, renderLevelLegend, renderList, renderScale, renderStats, renderToolbar, type PanelContext } from './panels.js';
import { mapStyles } from './incubator-map.styles.js';

const EMPTY: IncubatorQueryResult = { total: 0, clusters: [], items: [] };

/**
 * Incubators and accelerators on a schematic map of China (or the host's approved basemap), with filters, search
 * over the whole directory, a province choropleth with its scale, details and a synchronized list.
 * @tag chanrong-incubator-map
 * @fires chanrong-ready - Once, after the first complete render.
 * @fires chanrong-render - `{ durationMs, points }` after every finished map draw.
 * @fires chanrong-select - `{ incubator }` when an incubator is chosen on the map or in the list.
 * @fires chanrong-error - `{ error }` when the client or the basemap fails.
 * @csspart base - The widget's frame.
 * @cssprop [--chanrong-map-land=#eef2f7] - Land fill of the basemap.
 * @cssprop [--chanrong-map-border=#9aa4b2] - Boundaries of the basemap.
 * @cssprop [--chanrong-map-sea=#f8fbff] - The sea behind the map and the inset.
 * @cssprop [--chanrong-map-label=#3d4652] - Place labels.
 * @cssprop [--chanrong-map-halo=#ffffff] - The halo behind place labels (the sea's colour in a dark theme).
 * @cssprop [--chanrong-map-cluster=rgba(11, 92, 173, 0.85)] - Cluster discs and their legend swatch.
 * @cssprop [--chanrong-map-focus=#111111] - The ring around the selected incubator and the one the keyboard is on.
 * @csspart map - The map area.
 * @csspart legend - The level legend or the choropleth's scale.
 * @csspart list - The list of incubators in view (or found).
 * @csspart details - The detail panel.
 */
export class ChanrongIncubatorMap extends ChanrongElement {
  static override properties = {
    ...ChanrongElement.properties,
    level: { type: String, reflect: true },
    industry: { type: String, reflect: true },
    basemap: { attribute: 'basemap' },
    reviewNumber: { type: String, attribute: 'review-number', reflect: true },
    incubators: { attribute: false },
  };
  static override styles = [baseStyles, mapStyles];

  /** Only this level: `national`, `regional`, `local` or `cluster`. */
  declare level: string | undefined;
  /** Only this industry (a catalog industry option value). */
  declare industry: string | undefined;
  /** URL (attribute) or object (property) of a host-approved GeoJSON or TopoJSON basemap. */
  declare basemap: string | object | undefined;
  /** The host basemap's map-review number (审图号), shown on the map. */
  declare reviewNumber: string | undefined;
  /** Incubators to show directly, instead of the client's directory. */
  declare incubators: Incubator[] | undefined;

  #view = new MapView({ palette: () => palette(this), viewChanged: () => { this.#at = undefined; this.#useDetail(); void this.#refresh(); }, drawn: (points, durationMs) => this.#drawn(points, durationMs) });
  /** The full-detail basemap, fetched after the first points, used from the first closer view. */
  #detail: Promise<(() => { geo: Geo; cities: Cities }) | undefined> | undefined;
  /** A cluster at one place opened as a list (until the view moves or a filter changes). */
  #at: [number, number] | undefined;
  #geo: Geo | undefined;
  #cities: Cities = [];
  #basemapError = false;
  #result = new ClientTask<IncubatorQueryResult>(this);
  #inset = new ClientTask<IncubatorQueryResult>(this);
  #list = new ClientTask<IncubatorQueryResult>(this);
  #stats = new ClientTask<RegionStat[]>(this);
  /** The catalog, for the industry options and their labels (the one home of industry codes). */
  #catalog = new ClientTask<ProgramsResponse>(this);
  #hover: { x: number; y: number; text: string } | undefined;
  #selected: Incubator | undefined;
  #mode: 'points' | 'choropleth' = 'points';
  #q = '';
  #listScroll = 0;
  #ownClient: AcceleratorClient | undefined;
  // Refit in the next frame: fitting changes the layout, which must not happen inside the observer's callback.
  #resize = new ResizeObserver(() => requestAnimationFrame(() => this.#fit()));
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #formats = new NumberFormats();

  protected get t(): MapText {
    const l = this.resolvedLocale;
    return { common: commonMessages[l], map: mapMessages[l], levels: mapMessages[l].levels };
  }

  protected reportError(error: unknown): string {
    this.emitError(error);
    return describeError(error, this.t.common);
  }

  /** With `incubators` set, a directory of its own over them; without any client, the embedded directory alone. */
  override get resolvedClient(): AcceleratorClient {
    const usual = super.resolvedClient;
    if (this.incubators) return (this.#ownClient ??= mapClient(usual, this.incubators));
    return mapClient(usual, undefined);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('incubators')) { closeDirectory(this.#ownClient); this.#ownClient = undefined; }
    super.willUpdate(changed);
    if (this.hasUpdated && changed.has('incubators') && !changed.has('client') && !changed.has('endpoint')) this.clientChanged();
    if (this.hasUpdated && (changed.has('level') || changed.has('industry'))) { this.#at = undefined; void this.#refresh(); }
    if (this.hasUpdated && changed.has('basemap')) void this.#loadBasemap().then(() => { this.#fit(); this.#fetchDetail(); });
    if (this.hasUpdated && (changed.has('locale') || changed.has('inheritedLang'))) this.#paint();
  }

  protected clientChanged(): void {
    void this.#start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
  }

  protected override firstUpdated(): void {
    this.#resize.observe(this.renderRoot.querySelector('.map-frame')!);
  }

  async #start(): Promise<void> {
    // The client (its code and data) starts loading now, in parallel with the basemap's first paint: the bundled
    // light basemap (or the host's), drawn as soon as it is there; the points follow when the data arrives, and
    // the full-detail basemap with its city labels after that, for zooming in (it would only slow the data down).
    const first = !this.#geo && !this.#basemapError;
    const warm = this.resolvedClient.incubators.query({ limit: 0 }).catch(() => undefined);
    if (first) {
      // One turn of the event loop first, so the browser sends the client's requests before the basemap's drawing
      // (synchronous from here on, the light basemap being in the map's own file) holds the thread.
      await new Promise((resolve) => setTimeout(resolve, 0));
      await this.#loadBasemap();
      await this.updateComplete;
      this.#fit();
    }
    await warm;
    await this.#refresh();
    await this.markReady();
    // Then what a closer look needs: the gestures' code, and the full-detail basemap (used from the first closer view).
    void this.#view.enableGestures();
    if (first) this.#fetchDetail();
    // Industry options and labels come from the catalog, after the first paint (embedded, it is the larger half of
    // the local client).
    const client = this.resolvedClient;
    void this.#catalog.run((signal) => client.programs.list({}, { signal }));
  }

  async #loadBasemap(): Promise<void> {
    try {
      ({ geo: this.#geo, cities: this.#cities } = await loadBasemap(this.basemap));
      this.#basemapError = false;
    } catch (error) {
      this.#basemapError = true;
      this.reportError(error);
    }
    this.#view.setGeo(this.#geo);
  }

  #fetchDetail(): void {
    this.#detail = this.basemap || !this.#geo?.schematic ? undefined : loadDetailedBasemap().catch((error: unknown) => { this.emitError(error); return undefined; });
  }

  /** Closer than the national view, the full-detail basemap (and its city labels) replaces the light one. */
  #useDetail(): void {
    const detail = this.#detail;
    if (!detail || this.#view.transform.k < 1.5) return;
    this.#detail = undefined;
    void detail.then((make) => {
      if (!make || this.basemap || !this.#geo?.schematic) return;
      ({ geo: this.#geo, cities: this.#cities } = make());
      this.#view.setGeo(this.#geo);
      this.#fit();
    });
  }

  #fit(): void {
    const frame = this.renderRoot.querySelector<HTMLElement>('.map-frame'), canvas = this.renderRoot.querySelector<HTMLCanvasElement>('canvas');
    if (frame && canvas && this.#view.resize(frame, canvas)) this.#paint();
  }

  #number(n: number, compact = false): string {
    return this.#formats.format(this.resolvedLocale, n, compact);
  }

  async #refresh(): Promise<void> {
    const client = this.resolvedClient, layout = this.#view.layout;
    const q = directoryQueries({ level: this.level, industry: this.industry, q: this.#q, at: this.#at }, layout, this.#view.transform);
    const jobs: Promise<unknown>[] = [
      this.#result.run((signal) => client.incubators.query(q.view, { signal })),
      this.#list.run((signal) => client.incubators.query(q.list, { signal })),
    ];
    if (q.inset) jobs.push(this.#inset.run((signal) => client.incubators.query(q.inset!, { signal })));
    if (this.#mode === 'choropleth') jobs.push(this.#stats.run((signal) => client.regions.stats(q.stats, { signal })));
    await Promise.all(jobs);
    const failed = [this.#result, this.#list, this.#stats].find((l) => l.state.status === 'error');
    if (failed?.state.status === 'error') this.reportError(failed.state.error);
    const list = this.#list.state;
    if (this.#q && list.status === 'ready' && list.value.items.length === 0) this.#selected = undefined;
    this.#listScroll = 0;
    const scroller = this.renderRoot.querySelector('.list-scroll');
    if (scroller) scroller.scrollTop = 0;
    this.#paint();
  }

  #value<T>(l: ClientTask<T>): T | undefined {
    return l.state.status === 'ready' ? l.state.value : l.state.status === 'loading' ? l.previous : undefined;
  }

  #paint(): void {
    if (!this.#view.layout) return;
    this.#view.draw(buildScene({
      locale: this.resolvedLocale, t: this.t.map, result: this.#value(this.#result) ?? EMPTY, inset: this.#value(this.#inset) ?? EMPTY,
      stats: this.#mode === 'choropleth' ? this.#value(this.#stats) : undefined, geo: this.#geo, cities: this.#cities,
      keepOut: this.#zoomRect(), format: (n) => this.#number(n, n >= 10_000), selectedId: this.#selected?.id,
    }));
    this.requestUpdate();
  }

  /** Where the zoom buttons cover the map (labels keep clear of them). */
  #zoomRect(): [number, number, number, number][] {
    const frame = this.renderRoot.querySelector('.map-frame')?.getBoundingClientRect(), zoom = this.renderRoot.querySelector('.zoom')?.getBoundingClientRect();
    return frame && zoom && zoom.top < frame.bottom ? [[zoom.left - frame.left, zoom.top - frame.top, zoom.width, zoom.height]] : [];
  }

  #drawn(points: number, durationMs: number): void {
    this.emit('chanrong-render', { durationMs, points });
  }

  #place(lon: number, lat: number): string {
    return placeName(lon, lat, this.#cities, this.#geo?.provinces ?? [], this.resolvedLocale);
  }

  #markName(i: number): string {
    const m = this.#view.marks[i];
    if (!m) return '';
    const place = this.#place(m.lon, m.lat);
    return m.item ? this.t.map.pointName(localize(m.item.name, this.resolvedLocale), this.t.levels[m.item.level], place) : this.t.map.clusterName(this.#number(m.count), place);
  }

  #select(item: Incubator | undefined, fly = false): void {
    this.#selected = item;
    if (item) this.emit('chanrong-select', { incubator: item });
    if (item && fly) this.#view.flyTo(item.lon, item.lat, Math.max(this.#view.transform.k, 24));
    this.#paint();
    void this.updateComplete.then(() => (this.renderRoot.querySelector(item ? '#details-title' : '.list-scroll') as HTMLElement | null)?.focus());
  }

  #activate(i: number): void {
    const m = this.#view.marks[i];
    if (!m) return;
    if (m.item) this.#select(m.item);
    else if (!m.inset) void this.#openCluster(m);
    else this.#view.flyTo(m.lon, m.lat, 8);
  }

  /** A cluster opens by zooming in, unless all its entries are at one place (no zoom splits them): then the list. */
  async #openCluster(m: { lon: number; lat: number; count: number }): Promise<void> {
    const client = this.resolvedClient;
    const { list } = directoryQueries({ level: this.level, industry: this.industry, q: this.#q, at: [m.lon, m.lat] }, undefined, this.#view.transform);
    const here = await client.incubators.query({ ...list, limit: 0 }).catch(() => undefined);
    if (!here || here.total < m.count) {
      this.#view.flyTo(m.lon, m.lat, Math.min(512, this.#view.transform.k * 2.5));
      return;
    }
    this.#at = [m.lon, m.lat];
    await this.#refresh();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.list-scroll')?.focus();
  }

  #onKey(event: KeyboardEvent): void {
    if (handleMapKey(event, this.#view, (i) => this.#activate(i))) this.#paint();
  }

  #onPointer(event: PointerEvent, click: boolean): void {
    void this.#view.enableGestures(); // a user already at the map before the gestures' code was asked for
    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const x = event.clientX - rect.left, y = event.clientY - rect.top;
    const hit = this.#view.hitTest(x, y);
    if (click) {
      if (hit) this.#activate(this.#view.marks.indexOf(hit));
      return;
    }
    const text = hit ? this.#markName(this.#view.marks.indexOf(hit)) : undefined;
    if (text !== this.#hover?.text) { this.#hover = text ? { x, y, text } : undefined; this.requestUpdate(); }
  }

  hitTest(x: number, y: number) {
    return this.#view.hitTest(x, y);
  }

  #onSearch(value: string): void {
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => { this.#q = value.trim(); this.#at = undefined; void this.#refresh(); }, 250);
  }

  protected override render() {
    const t = this.t.map, l = this.resolvedLocale, v = this.#view;
    const industries = this.#catalog.value?.facts['industry']?.options ?? [];
    const labels = new Map<string, LocalizedText>(industries.map((o) => [String(o.value), o.label]));
    const c: PanelContext = {
      t: this.t, locale: l, number: (n) => this.#number(n), industries: industries.map((o) => String(o.value)),
      industryName: (code) => { const label = labels.get(code); return label ? localize(label, l) : code; },
    };
    const listed = this.#value(this.#list);
    const err = [this.#result, this.#list].map((x) => x.state).find((s) => s.status === 'error');
    const errorText = err?.status === 'error' ? describeError(err.error, this.t.common) : '';
    const stats = this.#value(this.#stats);
    const bbox = v.layout ? viewBBox(v.layout, v.transform) : undefined;
    const retry = () => void this.#refresh();
    const active = v.marks[v.active];
    return html`<section part="base" lang=${l} aria-labelledby="title" class="stack">
      <h2 id="title">${t.title}</h2>
      ${renderToolbar(c, { level: this.level, industry: this.industry, q: this.#q, mode: this.#mode,
        setLevel: (x) => { this.level = x; }, setIndustry: (x) => { this.industry = x; }, search: (x) => this.#onSearch(x),
        setMode: (m) => { this.#mode = m; void this.#refresh(); } })}
      <div class="layout">
        ${renderMapFrame(c, {
          option: active ? this.#markName(v.active) : t.browseHint(this.#number(v.marks.length)), active: !!active, hover: this.#hover,
          note: this.reviewNumber ? t.reviewNumber(this.reviewNumber) : t.schematic, basemapError: this.#basemapError,
          error: err ? renderError(c, errorText, retry, 'map') : undefined, onKey: (e) => this.#onKey(e), onPointer: (e, click) => this.#onPointer(e, click),
          onLeave: () => { this.#hover = undefined; this.requestUpdate(); }, zoomBy: (f) => v.zoomBy(f), reset: () => v.reset() })}
        <div class="side">
          ${this.#mode === 'choropleth' && stats ? renderScale(c, classify(Math.max(0, ...stats.map((s) => s.count)))) : renderLevelLegend(c)}
          ${this.#selected ? renderDetails(c, this.#selected, () => this.#select(undefined)) : nothing}
          ${this.#mode === 'choropleth' ? (stats ? renderStats(c, stats) : nothing)
            : err ? renderError(c, errorText, retry, 'list')
            : renderList(c, { items: listed?.items ?? [], total: listed?.total ?? 0, search: !!this.#q, place: !!this.#at, selectedId: this.#selected?.id, scroll: this.#listScroll,
              inView: (it) => !bbox || (it.lon >= bbox[0] && it.lon <= bbox[2] && it.lat >= bbox[1] && it.lat <= bbox[3]),
              onScroll: (top) => { this.#listScroll = top; this.requestUpdate(); }, onChoose: (it) => this.#select(it, true) })}
        </div>
      </div>
    </section>`;
  }
}
