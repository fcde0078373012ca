// <chanrong-incubator-map>: incubators and accelerators on a schematic map of China, on Canvas 2D so that
// 200,000 points stay smooth without a GPU. The client clusters by zoom (remote servers send only the viewport);
// during a gesture the last bitmap is moved, and the map is redrawn when the gesture ends. A synchronized,
// virtualized list is the keyboard and screen-reader alternative to the canvas.
import { geoConicEqualArea, geoPath, type GeoProjection } from 'd3-geo';
import { quadtree, type Quadtree } from 'd3-quadtree';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { zoom as d3zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { html, nothing, type PropertyValues } from 'lit';
import { cssProps } from '../shared/css-props.js';
import { feature as topoFeature } from 'topojson-client';
import { LEVELS, localize } from '../../contract/localize.js';
import type { AcceleratorClient, Incubator, IncubatorQueryResult, Level, LocalizedText, RegionStat } from '../../contract/index.js';
import type { Basemap } from '../../data/geo/index.js';
import { lazyClient } from '../shared/lazy-client.js';
import { baseStyles } from '../shared/base.styles.js';
import { ChanrongElement } from '../shared/chanrong-element.js';
import { Loader } from '../shared/load-state.js';
import { mapStyles } from './incubator-map.styles.js';

const LEVEL_COLORS: Record<Level, string> = { national: '#c8102e', regional: '#d46b08', local: '#0b5cad', cluster: '#5b3fa8' };
const INDUSTRY_OPTIONS = ['ai', 'quantum', 'semiconductor', 'biomed', 'green', 'new-energy', 'new-materials', 'high-end-equipment', 'digital', 'aerospace', 'nev'];
const ROW_HEIGHT = 48;
const QUERY_LIMIT = 2000;
const LIST_LIMIT = 1000;
const INSET: [[number, number], [number, number]] = [[106, 3], [124, 23.5]];

interface Drawn {
  x: number;
  y: number;
  r: number;
  item?: Incubator;
  count?: number;
  lon: number;
  lat: number;
}

/**
 * Incubators and accelerators on a schematic map of China (or the host's approved basemap), with filters, search,
 * a province choropleth, hover details and a synchronized list.
 * @tag chanrong-incubator-map
 * @fires chanrong-ready - Once, after the first complete render.
 * @fires chanrong-render - `{ durationMs, points }` after every finished map draw.
 * @fires chanrong-select - `{ incubator }` when an incubator is chosen on the map or in the list.
 * @fires chanrong-error - `{ error }` when the client or the basemap fails.
 * @csspart base - The widget's frame.
 * @cssprop [--chanrong-map-land=#eef2f7] - Land fill of the basemap.
 * @cssprop [--chanrong-map-border=#9aa4b2] - Boundaries of the basemap.
 * @cssprop [--chanrong-map-sea=#f8fbff] - The sea behind the map and the inset.
 * @csspart map - The map area.
 * @csspart legend - The level legend.
 * @csspart list - The list of incubators in view.
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
  declare basemap: string | FeatureCollection | object | undefined;
  /** The host basemap's map-review number (审图号), shown on the map. */
  declare reviewNumber: string | undefined;
  /** Incubators to show directly, instead of the client's directory. */
  declare incubators: Incubator[] | undefined;

  #geo: { provinces: Feature<Geometry, { adcode?: string; name?: LocalizedText | string }>[]; southChinaSea?: FeatureCollection; schematic: boolean } | undefined;
  #basemapError = false;
  #projection: GeoProjection | undefined;
  #insetProjection: GeoProjection | undefined;
  #paths: { adcode: string; path: Path2D }[] = [];
  #insetPaths: Path2D[] = [];
  #width = 0;
  #height = 0;
  #transform: ZoomTransform = zoomIdentity;
  #snapshot: { canvas: HTMLCanvasElement; transform: ZoomTransform } | undefined;
  #gesture = false;
  #zoomBehavior: ZoomBehavior<HTMLCanvasElement, unknown> | undefined;
  #result = new Loader<IncubatorQueryResult>(() => this.requestUpdate());
  /** The viewport's incubators without clustering, for the list (the map's accessible alternative). */
  #list = new Loader<IncubatorQueryResult>(() => this.requestUpdate());
  #stats = new Loader<RegionStat[]>(() => this.requestUpdate());
  #drawn: Quadtree<Drawn> | undefined;
  #hover: Drawn | undefined;
  #selected: Incubator | undefined;
  #mode: 'points' | 'choropleth' = 'points';
  #q = '';
  #listScroll = 0;
  #ownClient: AcceleratorClient | undefined;
  #resize: ResizeObserver | undefined;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;

  /** With `incubators` set, the map runs a local directory over them; otherwise the usual client. */
  override get resolvedClient(): AcceleratorClient {
    const incubators = this.incubators;
    if (incubators) return (this.#ownClient ??= lazyClient(async () => (await import('../../sdk/local-client.js')).createLocalClient({ incubators })));
    return super.resolvedClient;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('incubators')) this.#ownClient = undefined;
    super.willUpdate(changed);
    if (this.hasUpdated && changed.has('incubators') && !changed.has('client') && !changed.has('endpoint')) this.clientChanged();
    if (this.hasUpdated && (changed.has('level') || changed.has('industry'))) void this.#refresh();
    if (this.hasUpdated && changed.has('basemap')) void this.#loadBasemap().then(() => this.#layout());
  }

  protected clientChanged(): void {
    void this.#start();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize = new ResizeObserver(() => this.#layout());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#result.abort();
  }

  protected override firstUpdated(): void {
    const frame = this.renderRoot.querySelector('.map-frame');
    if (frame) this.#resize?.observe(frame);
  }

  async #start(): Promise<void> {
    if (!this.#geo && !this.#basemapError) await this.#loadBasemap();
    await this.updateComplete;
    this.#layout();
    await this.#refresh();
    await this.markReady();
  }

  // ---- basemap -----------------------------------------------------------------------------------------------

  async #loadBasemap(): Promise<void> {
    try {
      const host = this.basemap;
      if (host) {
        const data = typeof host === 'string' ? await (await fetch(host, { credentials: 'same-origin' })).json() : host;
        const fc = toFeatureCollection(data);
        this.#geo = { provinces: fc.features as Feature<Geometry, { adcode?: string; name?: string }>[], schematic: false };
      } else {
        const { basemap } = await import('../../data/geo/index.js');
        this.#geo = { provinces: (basemap as Basemap).provinces.features, ...(basemap.southChinaSea ? { southChinaSea: basemap.southChinaSea } : {}), schematic: true };
      }
      this.#basemapError = false;
    } catch (error) {
      this.#basemapError = true;
      this.reportError(error);
    }
    this.#paths = [];
  }

  // ---- geometry ----------------------------------------------------------------------------------------------

  #canvas(): HTMLCanvasElement | null {
    return this.renderRoot.querySelector('canvas.map-canvas');
  }

  #layout(): void {
    const frame = this.renderRoot.querySelector('.map-frame') as HTMLElement | null;
    const canvas = this.#canvas();
    if (!frame || !canvas || !this.#geo) return;
    const width = Math.max(280, Math.round(frame.clientWidth));
    const height = Math.round(width * 0.72);
    const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
    if (width === this.#width && height === this.#height && this.#paths.length) return;
    this.#width = width;
    this.#height = height;
    canvas.width = width * dpr;
    canvas.height = height * dpr;
    canvas.style.setProperty('height', `${height}px`);
    // Albers equal-area conic, the usual projection for a map of China; fitted to the provinces.
    const fc: FeatureCollection = { type: 'FeatureCollection', features: this.#geo.provinces };
    this.#projection = geoConicEqualArea().parallels([25, 47]).rotate([-105, 0]).fitExtent([[8, 8], [width - 8, height - 8]], fc);
    const path = geoPath(this.#projection);
    this.#paths = this.#geo.provinces.map((f) => ({ adcode: String(f.properties?.adcode ?? f.id ?? ''), path: new Path2D(path(f) ?? '') }));
    if (this.#geo.southChinaSea) {
      const w = Math.round(width * 0.16), h = Math.round(w * 1.35);
      const box = { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: [[INSET[0][0], INSET[0][1]], [INSET[1][0], INSET[1][1]]] } } as Feature;
      this.#insetProjection = geoConicEqualArea().parallels([25, 47]).rotate([-105, 0]).fitExtent([[width - w - 6, height - h - 6], [width - 10, height - 10]], box);
      const inset = geoPath(this.#insetProjection);
      this.#insetPaths = [...this.#geo.provinces, ...this.#geo.southChinaSea.features].map((f) => new Path2D(inset(f) ?? ''));
    }
    this.#setupZoom(canvas);
    this.#draw();
  }

  #setupZoom(canvas: HTMLCanvasElement): void {
    if (this.#zoomBehavior) return;
    this.#zoomBehavior = d3zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([1, 256])
      .on('start', () => {
        this.#gesture = true;
        this.#snapshot = this.#takeSnapshot();
      })
      .on('zoom', (event: D3ZoomEvent<HTMLCanvasElement, unknown>) => {
        this.#transform = event.transform;
        this.#hover = undefined;
        this.#drawMoving();
      })
      .on('end', () => {
        this.#gesture = false;
        this.#snapshot = undefined;
        void this.#refresh();
      });
    select(canvas).call(this.#zoomBehavior);
  }

  /** The map zoom for clustering: the fitted view of China is about zoom 3.5 on a 256-px world. */
  #clusterZoom(): number {
    const p = this.#projection;
    if (!p) return 3;
    const [[x0], [x1]] = [p([100, 35])!, p([110, 35])!];
    const pxPerDegree = (Math.abs(x1 - x0) / 10) * this.#transform.k;
    return Math.max(0, Math.min(22, Math.log2((pxPerDegree * 360) / 256)));
  }

  #viewBBox(): [number, number, number, number] {
    const p = this.#projection!;
    const t = this.#transform;
    const corners = [[0, 0], [this.#width, 0], [0, this.#height], [this.#width, this.#height], [this.#width / 2, 0], [this.#width / 2, this.#height]]
      .map(([x, y]) => p.invert!([(x! - t.x) / t.k, (y! - t.y) / t.k]))
      .filter((c): c is [number, number] => !!c && Number.isFinite(c[0]) && Number.isFinite(c[1]));
    if (!corners.length) return [73, 3, 136, 54];
    const lons = corners.map((c) => c[0]), lats = corners.map((c) => c[1]);
    return [Math.max(-180, Math.min(...lons)), Math.max(-85, Math.min(...lats)), Math.min(180, Math.max(...lons)), Math.min(85, Math.max(...lats))];
  }

  // ---- data --------------------------------------------------------------------------------------------------

  async #refresh(): Promise<void> {
    const client = this.resolvedClient;
    const filters = {
      ...(this.level && (LEVELS as readonly string[]).includes(this.level) ? { level: this.level as Level } : {}),
      ...(this.industry ? { industry: this.industry } : {}),
    };
    if (this.#mode === 'choropleth') {
      const state = await this.#stats.load((signal) => client.regions.stats(filters, { signal }));
      if (state.status === 'error') this.reportError(state.error);
    }
    const bbox = this.#projection ? this.#viewBBox() : undefined;
    const query = { ...filters, ...(this.#q ? { q: this.#q } : {}), ...(bbox ? { bbox } : {}) };
    const [state, list] = await Promise.all([
      this.#result.load((signal) => client.incubators.query({ ...query, zoom: this.#clusterZoom(), limit: QUERY_LIMIT }, { signal })),
      this.#list.load((signal) => client.incubators.query({ ...query, limit: LIST_LIMIT }, { signal })),
    ]);
    if (state.status === 'error') this.reportError(state.error);
    else if (list.status === 'error') this.reportError(list.error);
    this.#listScroll = 0;
    const scroller = this.renderRoot.querySelector('.list-scroll');
    if (scroller) scroller.scrollTop = 0;
    this.#draw();
  }

  // ---- drawing -----------------------------------------------------------------------------------------------

  #context(): CanvasRenderingContext2D | null {
    return this.#canvas()?.getContext('2d') ?? null;
  }

  #takeSnapshot(): { canvas: HTMLCanvasElement; transform: ZoomTransform } | undefined {
    const source = this.#canvas();
    if (!source) return undefined;
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    copy.getContext('2d')?.drawImage(source, 0, 0);
    return { canvas: copy, transform: this.#transform };
  }

  /** During a gesture: move the last bitmap by the change of transform since it was taken. */
  #drawMoving(): void {
    const ctx = this.#context();
    const snap = this.#snapshot;
    if (!ctx || !snap) return this.#draw();
    const t = this.#transform, s = snap.transform;
    const k = t.k / s.k;
    const canvas = ctx.canvas;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const dpr = canvas.width / this.#width;
    ctx.setTransform(k, 0, 0, k, (t.x - s.x * k) * dpr, (t.y - s.y * k) * dpr);
    ctx.drawImage(snap.canvas, 0, 0);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
  }

  #draw(): void {
    const started = performance.now();
    const ctx = this.#context();
    const projection = this.#projection;
    if (!ctx || !projection || this.#gesture) return;
    const canvas = ctx.canvas;
    const dpr = canvas.width / this.#width;
    const t = this.#transform;
    const styles = getComputedStyle(this);
    const land = styles.getPropertyValue('--chanrong-map-land').trim() || '#eef2f7';
    const border = styles.getPropertyValue('--chanrong-map-border').trim() || '#9aa4b2';
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);

    // Provinces: precomputed paths under the zoom transform; a choropleth fills them by count.
    const stats = this.#mode === 'choropleth' && this.#stats.state.status === 'ready' ? this.#stats.state.value : undefined;
    const max = stats ? Math.max(1, ...stats.map((s) => s.count)) : 1;
    const color = scaleLinear<string>().domain([0, max]).range(['#e8f0fb', '#0b3d7a']);
    const counts = new Map(stats?.map((s) => [s.adcode, s.count]));
    ctx.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);
    ctx.lineWidth = 0.8 / t.k;
    ctx.strokeStyle = border;
    for (const { adcode, path } of this.#paths) {
      ctx.fillStyle = stats ? color(counts.get(adcode) ?? 0) : land;
      ctx.fill(path);
      ctx.stroke(path);
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);

    // Points and clusters in screen space; a quadtree of what was drawn answers hover and click.
    const points: Drawn[] = [];
    const result = this.#result.state.status === 'ready' ? this.#result.state.value : this.#result.previous;
    if (result && this.#mode === 'points') {
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.font = '11px system-ui, sans-serif';
      for (const c of result.clusters) {
        const xy = projection([c.lon, c.lat]);
        if (!xy) continue;
        const x = xy[0] * t.k + t.x, y = xy[1] * t.k + t.y;
        const r = Math.min(28, 8 + Math.log2(c.count) * 2.6);
        ctx.beginPath();
        ctx.arc(x, y, r, 0, 2 * Math.PI);
        ctx.fillStyle = 'rgba(11, 92, 173, 0.78)';
        ctx.fill();
        ctx.fillStyle = '#fff';
        ctx.fillText(c.count >= 1000 ? `${Math.round(c.count / 100) / 10}k` : String(c.count), x, y);
        points.push({ x, y, r, count: c.count, lon: c.lon, lat: c.lat });
      }
      for (const item of result.items) {
        const xy = projection([item.lon, item.lat]);
        if (!xy) continue;
        const x = xy[0] * t.k + t.x, y = xy[1] * t.k + t.y;
        const r = item.level === 'national' ? 6 : 4.5;
        ctx.beginPath();
        ctx.arc(x, y, r, 0, 2 * Math.PI);
        ctx.fillStyle = LEVEL_COLORS[item.level];
        ctx.fill();
        ctx.lineWidth = item === this.#selected ? 3 : 1;
        ctx.strokeStyle = item === this.#selected ? '#111' : '#fff';
        ctx.stroke();
        points.push({ x, y, r, item, lon: item.lon, lat: item.lat });
      }
    }
    this.#drawn = quadtree<Drawn>().x((d) => d.x).y((d) => d.y).addAll(points);

    // The South China Sea inset, in its own frame (not zoomed).
    if (this.#insetPaths.length && this.#insetProjection) {
      const [[x0, y0], [x1, y1]] = [this.#insetProjection(INSET[0])!, this.#insetProjection(INSET[1])!];
      const bx = Math.min(x0, x1) - 2, by = Math.min(y0, y1) - 2, bw = Math.abs(x1 - x0) + 4, bh = Math.abs(y1 - y0) + 4;
      ctx.save();
      ctx.fillStyle = styles.getPropertyValue('--chanrong-map-sea').trim() || '#f8fbff';
      ctx.fillRect(bx, by, bw, bh);
      ctx.beginPath();
      ctx.rect(bx, by, bw, bh);
      ctx.clip();
      ctx.lineWidth = 0.6;
      ctx.strokeStyle = border;
      ctx.fillStyle = land;
      for (const p of this.#insetPaths) {
        ctx.fill(p);
        ctx.stroke(p);
      }
      ctx.restore();
      ctx.strokeStyle = border;
      ctx.lineWidth = 1;
      ctx.strokeRect(bx, by, bw, bh);
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    this.emit('chanrong-render', { durationMs: performance.now() - started, points: points.length });
    this.requestUpdate();
  }

  // ---- interaction -------------------------------------------------------------------------------------------

  /** The drawn point or cluster under a screen position, if any (a quadtree lookup). */
  hitTest(x: number, y: number): Drawn | undefined {
    const found = this.#drawn?.find(x, y, 30);
    if (!found) return undefined;
    const dx = found.x - x, dy = found.y - y;
    return dx * dx + dy * dy <= (found.r + 3) ** 2 ? found : undefined;
  }

  #pointer(event: PointerEvent): { x: number; y: number } {
    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  }

  #onMove(event: PointerEvent): void {
    if (this.#gesture) return;
    const { x, y } = this.#pointer(event);
    const hit = this.hitTest(x, y);
    if (hit !== this.#hover) {
      this.#hover = hit;
      this.requestUpdate();
    }
  }

  #onClick(event: PointerEvent): void {
    const { x, y } = this.#pointer(event);
    const hit = this.hitTest(x, y);
    if (!hit) return;
    if (hit.item) this.#select(hit.item);
    else this.#zoomTo(hit.x, hit.y, 2.5);
  }

  #zoomTo(x: number, y: number, factor: number): void {
    const canvas = this.#canvas();
    if (!canvas || !this.#zoomBehavior) return;
    select(canvas).call(this.#zoomBehavior.scaleBy, factor, [x, y]);
  }

  #pan(dx: number, dy: number): void {
    const canvas = this.#canvas();
    if (canvas && this.#zoomBehavior) select(canvas).call(this.#zoomBehavior.translateBy, dx / this.#transform.k, dy / this.#transform.k);
  }

  #reset(): void {
    const canvas = this.#canvas();
    if (canvas && this.#zoomBehavior) select(canvas).call(this.#zoomBehavior.transform, zoomIdentity);
  }

  #onKey(event: KeyboardEvent): void {
    const step = 60;
    const keys: Record<string, () => void> = {
      ArrowLeft: () => this.#pan(step, 0), ArrowRight: () => this.#pan(-step, 0), ArrowUp: () => this.#pan(0, step), ArrowDown: () => this.#pan(0, -step),
      '+': () => this.#zoomTo(this.#width / 2, this.#height / 2, 2), '=': () => this.#zoomTo(this.#width / 2, this.#height / 2, 2),
      '-': () => this.#zoomTo(this.#width / 2, this.#height / 2, 0.5), '0': () => this.#reset(),
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  }

  #select(item: Incubator | undefined): void {
    this.#selected = item;
    if (item) this.emit('chanrong-select', { incubator: item });
    this.#draw();
    void this.updateComplete.then(() => (this.renderRoot.querySelector(item ? '#details-title' : '.list-scroll') as HTMLElement | null)?.focus());
  }

  #onSearch(value: string): void {
    this.#q = value.trim();
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => void this.#refresh(), 250);
  }

  #setMode(mode: 'points' | 'choropleth'): void {
    this.#mode = mode;
    void this.#refresh();
  }

  // ---- rendering ---------------------------------------------------------------------------------------------

  protected override render() {
    const t = this.t.map;
    const l = this.resolvedLocale;
    const listed = this.#list.state.status === 'ready' ? this.#list.state.value : this.#list.previous;
    const items = listed?.items ?? [];
    const hover = this.#hover;
    return html`<section part="base" lang=${l} aria-labelledby="title" class="stack">
      <h2 id="title">${t.title}</h2>
      <div class="toolbar">
        <label>${t.level}<select @change=${(e: Event) => { this.level = (e.target as HTMLSelectElement).value || undefined; }}>
          <option value="">${t.all}</option>${LEVELS.map((v) => html`<option value=${v} ?selected=${this.level === v}>${this.t.levels[v]}</option>`)}</select></label>
        <label>${t.industry}<select @change=${(e: Event) => { this.industry = (e.target as HTMLSelectElement).value || undefined; }}>
          <option value="">${t.all}</option>${INDUSTRY_OPTIONS.map((v) => html`<option value=${v} ?selected=${this.industry === v}>${this.#industryName(v)}</option>`)}</select></label>
        <label>${t.search}<input type="search" .value=${this.#q} @input=${(e: Event) => this.#onSearch((e.target as HTMLInputElement).value)}></label>
        <fieldset class="modes"><legend>${t.display}</legend>
          ${(['points', 'choropleth'] as const).map((m) => html`<label><input type="radio" name="mode" .checked=${this.#mode === m} @change=${() => this.#setMode(m)}> ${t[m]}</label>`)}
        </fieldset>
      </div>
      <div class="layout">
        <div class="map-frame" part="map">
          <div class="map-focus" tabindex="0" role="group" aria-label=${t.mapLabel} @keydown=${(e: KeyboardEvent) => this.#onKey(e)}>
            <canvas class="map-canvas" aria-hidden="true" @pointermove=${(e: PointerEvent) => this.#onMove(e)}
              @pointerleave=${() => { this.#hover = undefined; this.requestUpdate(); }} @click=${(e: PointerEvent) => this.#onClick(e)}></canvas>
          </div>
          ${hover ? html`<div class="tooltip" aria-hidden="true" data-position=${cssProps({ left: `${Math.round(hover.x + 12)}px`, top: `${Math.round(hover.y + 12)}px` })}>
            ${hover.item ? html`<strong>${localize(hover.item.name, l)}</strong><br>${this.t.levels[hover.item.level]} · ${t.kinds[hover.item.kind]}` : t.cluster(hover.count ?? 0)}
          </div>` : nothing}
          <div class="zoom no-print">
            <button type="button" aria-label=${t.zoomIn} @click=${() => this.#zoomTo(this.#width / 2, this.#height / 2, 2)}>+</button>
            <button type="button" aria-label=${t.zoomOut} @click=${() => this.#zoomTo(this.#width / 2, this.#height / 2, 0.5)}>−</button>
            <button type="button" aria-label=${t.reset} @click=${() => this.#reset()}>⟲</button>
          </div>
          ${this.#geo?.southChinaSea && !this.basemap ? html`<span class="inset-label" aria-hidden="true">${t.southChinaSea}</span>` : nothing}
          <p class="map-note">${this.reviewNumber ? t.reviewNumber(this.reviewNumber) : t.schematic}</p>
          ${this.#basemapError ? html`<p class="error" role="alert">${t.basemapError}</p>` : nothing}
        </div>
        <div class="side">
          <ul class="legend" part="legend" aria-label=${t.legend}>
            ${LEVELS.map((level) => html`<li><span class="swatch ${level}" aria-hidden="true"></span>${this.t.levels[level]}</li>`)}
            <li><span class="swatch cluster-dot" aria-hidden="true"></span>${t.grouped}</li>
          </ul>
          ${this.#selected ? this.#renderDetails(this.#selected) : nothing}
          ${this.#mode === 'choropleth' ? this.#renderStats() : this.#renderList(items, listed?.total ?? 0)}
        </div>
      </div>
    </section>`;
  }

  #industryName(code: string): string {
    const names: Record<string, LocalizedText> = {
      ai: { 'zh-CN': '人工智能', 'zh-TW': '人工智慧', en: 'AI' }, quantum: { 'zh-CN': '量子科技', en: 'Quantum' },
      semiconductor: { 'zh-CN': '集成电路', 'zh-TW': '積體電路', en: 'Semiconductors' }, biomed: { 'zh-CN': '生物医药', 'zh-TW': '生物醫藥', en: 'Biomedicine' },
      green: { 'zh-CN': '绿色低碳', 'zh-TW': '綠色低碳', en: 'Green' }, 'new-energy': { 'zh-CN': '新能源', en: 'New energy' },
      'new-materials': { 'zh-CN': '新材料', en: 'New materials' }, 'high-end-equipment': { 'zh-CN': '高端装备', 'zh-TW': '高端裝備', en: 'High-end equipment' },
      digital: { 'zh-CN': '新一代信息技术', 'zh-TW': '新一代資訊技術', en: 'Next-generation IT' }, aerospace: { 'zh-CN': '航空航天', 'zh-TW': '航空航太', en: 'Aerospace' },
      nev: { 'zh-CN': '新能源汽车', 'zh-TW': '新能源汽車', en: 'New-energy vehicles' },
    };
    return names[code] ? localize(names[code], this.resolvedLocale) : code;
  }

  #renderList(items: Incubator[], total: number) {
    const t = this.t.map;
    const l = this.resolvedLocale;
    // Virtualized: only the rows in (and just around) the scroll window are in the DOM.
    const viewport = 8;
    const first = Math.max(0, Math.floor(this.#listScroll / ROW_HEIGHT) - 4);
    const last = Math.min(items.length, first + viewport + 8);
    return html`<div class="list" part="list">
      <h3 class="list-title" id="list-title">${t.listTitle(items.length, total)}</h3>
      ${items.length === 0 ? html`<p class="muted">${t.empty}</p>` : html`
      <div class="list-scroll" tabindex="-1" role="region" aria-labelledby="list-title" @scroll=${(e: Event) => {
        this.#listScroll = (e.target as HTMLElement).scrollTop;
        this.requestUpdate();
      }}>
        <ul data-size=${cssProps({ height: `${items.length * ROW_HEIGHT}px` })}>
          ${items.slice(first, last).map((it, i) => html`<li data-position=${cssProps({ top: `${(first + i) * ROW_HEIGHT}px` })} aria-posinset=${first + i + 1} aria-setsize=${items.length}>
            <button type="button" class="row ${it === this.#selected ? 'selected' : ''}" data-id=${it.id} @click=${() => this.#select(it)}>
              <span class="swatch ${it.level}" aria-hidden="true"></span>
              <span class="row-text"><span class="row-name">${localize(it.name, l)}</span>
              <span class="muted">${this.t.levels[it.level]} · ${t.kinds[it.kind]}</span></span>
            </button></li>`)}
        </ul>
      </div>`}
    </div>`;
  }

  #renderStats() {
    const t = this.t.map;
    const l = this.resolvedLocale;
    const stats = this.#stats.state.status === 'ready' ? [...this.#stats.state.value].sort((a, b) => b.count - a.count) : [];
    return html`<div class="stats-wrap" tabindex="0" role="region" aria-label=${t.choropleth}><table class="stats">
      <thead><tr><th scope="col">${t.province}</th><th scope="col">${t.count}</th></tr></thead>
      <tbody>${stats.map((s) => html`<tr><th scope="row">${localize(s.name, l)}</th><td>${s.count}</td></tr>`)}</tbody>
    </table></div>`;
  }

  #renderDetails(it: Incubator) {
    const t = this.t.map;
    const l = this.resolvedLocale;
    const row = (label: string, value: unknown) => (value === undefined || value === '' ? nothing : html`<dt>${label}</dt><dd>${value}</dd>`);
    return html`<section class="details" part="details" aria-labelledby="details-title">
      <h3 id="details-title" tabindex="-1">${localize(it.name, l)}</h3>
      <dl>
        ${row(t.level, this.t.levels[it.level])}
        ${row(t.kind, t.kinds[it.kind])}
        ${row(t.industries, it.industries.map((i) => this.#industryName(i)).join(l === 'en' ? ', ' : '、'))}
        ${row(t.founded, it.founded)}
        ${row(t.operator, it.operator ? localize(it.operator, l) : undefined)}
        ${row(t.address, it.address ? localize(it.address, l) : undefined)}
        ${row(t.area, it.areaM2 ? `${new Intl.NumberFormat(l).format(it.areaM2)} m²` : undefined)}
        ${row(t.services, it.services?.map((s) => localize(s, l)).join(l === 'en' ? '; ' : '；'))}
        ${it.url ? html`<dt>${t.website}</dt><dd><a href=${it.url} rel="noopener noreferrer" target="_blank">${it.url}</a></dd>` : nothing}
      </dl>
      <button type="button" class="secondary" @click=${() => this.#select(undefined)}>${t.close}</button>
    </section>`;
  }
}

/** A host basemap as GeoJSON features: GeoJSON as is, TopoJSON's first object converted. */
function toFeatureCollection(data: unknown): FeatureCollection {
  const d = data as { type?: string; objects?: Record<string, unknown>; features?: unknown[] };
  if (d.type === 'Topology' && d.objects) {
    const first = Object.values(d.objects)[0];
    const converted = topoFeature(d as never, first as never) as unknown as FeatureCollection | Feature;
    return 'features' in converted ? converted : { type: 'FeatureCollection', features: [converted] };
  }
  if (d.type === 'FeatureCollection' && Array.isArray(d.features)) return d as FeatureCollection;
  if (d.type === 'Feature') return { type: 'FeatureCollection', features: [d as unknown as Feature] };
  throw new Error('the basemap is neither GeoJSON nor TopoJSON');
}
