// The canvas side of the map: layout to the box, d3-zoom gestures (wheel, drag, pinch; loaded after the first paint), the scene turned into
// non-overlapping marks and labels, painting, hit-testing, and animated flights to a place.
import { quadtree, type Quadtree } from 'd3-quadtree';
import type { Cluster, Incubator } from '../../contract/index.js';
import { IDENTITY, INSET, layoutMap, type Geo, type Layout, type View } from './geometry.js';
import type { Gestures } from './gestures.js';
import { declutter, keepOff, markRadius, placeLabels, type Label, type Mark, type Rect } from './marks.js';
import { paintBase, paintInset, paintIslands, paintLabels, paintMarks, type Palette } from './painter.js';

/** Provincial divisions without prefecture-level cities of their own: 北京, 天津, 上海, 重庆, 香港, 澳门. */
const MUNICIPALITIES = new Set(['110000', '120000', '310000', '500000', '810000', '820000']);

export interface Scene {
  clusters: Cluster[];
  items: Incubator[];
  /** What lies in the South China Sea inset's frame. */
  inset: { clusters: Cluster[]; items: Incubator[] };
  fills?: (adcode: string) => string;
  provinceLabel: (adcode: string) => string;
  cityLabels: { lon: number; lat: number; text: string }[];
  islandLabels: { text: string; lon: number; lat: number }[];
  insetLabel: string;
  /** Screen rectangles that labels keep clear of (the zoom buttons). */
  keepOut: Rect[];
  selectedId?: string;
  format: (n: number) => string;
}

export interface ViewHost {
  palette(): Palette;
  /** A gesture or flight ended: time to query the new view. */
  viewChanged(): void;
  drawn(points: number, durationMs: number): void;
}

export class MapView {
  canvas: HTMLCanvasElement | undefined;
  layout: Layout | undefined;
  transform: View = IDENTITY;
  marks: Mark[] = [];
  active = -1;
  #geo: Geo | undefined;
  #scene: Scene | undefined;
  #layer = document.createElement('canvas');
  #layerTransform: View = IDENTITY;
  // d3-zoom and its modules load on their own when the host calls enableGestures() (after the first points, so on a
  // slow network they do not hold up the data) or at the first zoom or pan asked for before that.
  #gestures: Promise<Gestures> | undefined;
  #moving = false;
  #tree: Quadtree<Mark> | undefined;
  #flight = 0;

  constructor(private readonly host: ViewHost) {}

  get dpr(): number {
    return Math.min(2, globalThis.devicePixelRatio || 1);
  }

  setGeo(geo: Geo | undefined): void {
    this.#geo = geo;
    this.layout = undefined;
  }

  /** Fits the canvas to its box (CSS decides the box); false while there is nothing to lay out. */
  resize(frame: HTMLElement, canvas: HTMLCanvasElement): boolean {
    this.canvas = canvas;
    if (!this.#geo) return false;
    const width = Math.max(200, Math.round(frame.clientWidth)), height = Math.max(150, Math.round(frame.clientHeight));
    if (this.layout && this.layout.width === width && this.layout.height === height) return true;
    canvas.width = this.#layer.width = Math.round(width * this.dpr);
    canvas.height = this.#layer.height = Math.round(height * this.dpr);
    this.layout = layoutMap(this.#geo, width, height);
    return true;
  }

  /** Builds marks and labels for the scene and paints them. */
  draw(scene: Scene | undefined = this.#scene): void {
    const ctx = this.canvas?.getContext('2d'), layout = this.layout;
    if (!ctx || !layout || this.#moving) return;
    const started = performance.now();
    this.#scene = scene;
    const t = this.transform, { width, height, projection } = layout;
    const marks: Mark[] = [];
    const inset: Mark[] = [];
    const toMark = (lon: number, lat: number, count: number, item?: Incubator) => {
      const xy = projection([lon, lat]);
      if (!xy || south(lon, lat)) return;
      const x = xy[0] * t.k + t.x, y = xy[1] * t.k + t.y, r = markRadius(count, item);
      if (x >= -r && x <= width + r && y >= -r && y <= height + r) marks.push({ x, y, r, count, lon, lat, ...(item ? { item } : {}) });
    };
    // At the national view, what lies south of Hainan's southern tip in the South China Sea is drawn in the inset.
    const national = !!layout.inset && t.k < 2;
    const south = (lon: number, lat: number) => national && lat < 18 && lon >= INSET[0][0] && lon <= INSET[1][0];
    const toInset = (lon: number, lat: number, count: number, item?: Incubator) => {
      const xy = layout.inset?.projection([lon, lat]);
      if (xy && south(lon, lat)) inset.push({ x: xy[0], y: xy[1], r: markRadius(count, item), count, lon, lat, inset: true, ...(item ? { item } : {}) });
    };
    if (scene && !scene.fills) {
      for (const c of scene.clusters) toMark(c.lon, c.lat, c.count);
      for (const it of scene.items) toMark(it.lon, it.lat, 1, it);
      for (const c of scene.inset.clusters) toInset(c.lon, c.lat, c.count);
      for (const it of scene.inset.items) toInset(it.lon, it.lat, 1, it);
    }
    // The inset belongs to the national view; closer in, it would hide the corner of the view.
    this.marks = [...(national ? declutter(keepOff(declutter(marks), layout.inset!.box)) : declutter(marks)), ...(national ? declutter(inset) : [])];
    this.#tree = quadtree<Mark>().x((d) => d.x).y((d) => d.y).addAll(this.marks);
    const main = this.marks.filter((m) => !m.inset);
    // The layer: labels under the marks, both in screen space for the current transform.
    const lctx = this.#layer.getContext('2d')!;
    lctx.setTransform(1, 0, 0, 1, 0, 0);
    lctx.clearRect(0, 0, this.#layer.width, this.#layer.height);
    if (scene) {
      const keepOut: Rect[] = national ? [layout.inset!.box] : [];
      keepOut.push(...scene.keepOut);
      const labels: Label[] = [];
      if (t.k < 3.5) {
        for (const p of layout.provinces) {
          const xy = p.center && projection(p.center);
          if (xy) labels.push({ x: xy[0] * t.k + t.x, y: xy[1] * t.k + t.y, text: scene.provinceLabel(p.adcode), rank: 0 });
        }
      }
      if (t.k >= 2) {
        scene.cityLabels.forEach((c, i) => {
          const xy = projection([c.lon, c.lat]);
          if (!xy) return;
          const x = xy[0] * t.k + t.x, y = xy[1] * t.k + t.y;
          if (x > 0 && x < width && y > 0 && y < height) labels.push({ x, y, text: c.text, rank: 1 + i / 1000 });
        });
      }
      // Closer in, the municipalities and SARs (which have no prefecture cities to label) keep their names.
      if (t.k >= 3.5) {
        for (const p of layout.provinces) {
          const xy = MUNICIPALITIES.has(p.adcode) && p.center ? projection(p.center) : null;
          const x = xy ? xy[0] * t.k + t.x : -1, y = xy ? xy[1] * t.k + t.y : -1;
          if (x > 0 && x < width && y > 0 && y < height) labels.push({ x, y, text: scene.provinceLabel(p.adcode), rank: 1 });
        }
      }
      const size = t.k < 3.5 ? 12 : 11.5;
      lctx.font = `${size}px system-ui, sans-serif`;
      paintLabels(lctx, placeLabels(labels, (s) => lctx.measureText(s).width, main, size, keepOut, [width, height]), this.dpr, this.host.palette(), size);
      paintMarks(lctx, main, this.dpr, this.host.palette(), scene.format, scene.selectedId, this.marks[this.active]?.inset ? undefined : this.marks[this.active]);
    }
    this.#layerTransform = t;
    this.#compose(ctx, t);
    this.host.drawn(this.marks.length, performance.now() - started);
  }

  #compose(ctx: CanvasRenderingContext2D, t: View): void {
    const layout = this.layout!, p = this.host.palette(), dpr = this.dpr, scene = this.#scene;
    paintBase(ctx, layout, t, dpr, p, scene?.fills);
    const s = this.#layerTransform, k = t.k / s.k;
    ctx.setTransform(k, 0, 0, k, (t.x - s.x * k) * dpr, (t.y - s.y * k) * dpr);
    ctx.drawImage(this.#layer, 0, 0);
    const islands = (scene?.islandLabels ?? []).map((l) => ({ text: l.text, xy: layout.projection([l.lon, l.lat]) as [number, number] }));
    paintIslands(ctx, layout, t, dpr, p, islands);
    const inset = this.marks.filter((m) => m.inset);
    if (t.k < 2) paintInset(ctx, layout, dpr, p, inset, scene?.insetLabel ?? '', scene?.format ?? String);
    const a = this.marks[this.active];
    if (a?.inset) paintMarks(ctx, [], dpr, p, scene?.format ?? String, undefined, a);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
  }

  /** During a gesture: the basemap repainted, the marks layer moved. */
  #paintMoving(): void {
    const ctx = this.canvas?.getContext('2d');
    if (ctx && this.layout) this.#compose(ctx, this.transform);
  }

  hitTest(x: number, y: number): Mark | undefined {
    const found = this.#tree?.find(x, y, 30);
    if (!found) return undefined;
    return (found.x - x) ** 2 + (found.y - y) ** 2 <= (Math.max(found.r, 10) + 3) ** 2 ? found : undefined;
  }

  /** Wheel, drag and pinch on the canvas (d3-zoom, loaded now); undefined until the canvas exists. */
  enableGestures(): Promise<Gestures> | undefined {
    const canvas = this.canvas;
    if (!canvas) return undefined;
    return (this.#gestures ??= import('./gestures.js').then(({ attachGestures }) => attachGestures(canvas, this.transform, {
      start: () => { this.#moving = true; },
      zoom: (t) => { this.transform = t; this.#paintMoving(); },
      end: () => { this.#moving = false; this.host.viewChanged(); },
    })));
  }

  zoomBy(factor: number, at?: [number, number]): void {
    const layout = this.layout;
    if (layout) void this.enableGestures()?.then((g) => g.zoomBy(factor, at ?? [layout.width / 2, layout.height / 2]));
  }

  panBy(dx: number, dy: number): void {
    const k = this.transform.k;
    void this.enableGestures()?.then((g) => g.panBy(dx / k, dy / k));
  }

  reset(): void {
    void this.enableGestures()?.then((g) => g.to(IDENTITY));
  }

  /** Animates to a place at scale `k` (log-scale interpolation, ~400 ms), then lets the view refresh. */
  flyTo(lon: number, lat: number, k: number): void {
    const layout = this.layout, gestures = this.enableGestures();
    const xy = layout?.projection([lon, lat]);
    if (!layout || !gestures || !xy) return;
    const from = this.transform, to: View = { k, x: layout.width / 2 - xy[0] * k, y: layout.height / 2 - xy[1] * k };
    const flight = ++this.#flight, start = performance.now(), ms = 400;
    const reduced = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    const step = (now: number) => {
      if (flight !== this.#flight) return;
      const u = reduced ? 1 : Math.min(1, (now - start) / ms), e = u * u * (3 - 2 * u);
      if (u < 1) {
        const kk = from.k * (to.k / from.k) ** e;
        // Keep the target's screen position moving on a straight line while the scale changes.
        const cx = (1 - e) * ((layout.width / 2 - from.x) / from.k) + e * xy[0], cy = (1 - e) * ((layout.height / 2 - from.y) / from.k) + e * xy[1];
        this.transform = { k: kk, x: layout.width / 2 - cx * kk, y: layout.height / 2 - cy * kk };
        this.#paintMoving();
        requestAnimationFrame(step);
      } else {
        void gestures.then((g) => { if (flight === this.#flight) g.to(to); });
      }
    };
    requestAnimationFrame(step);
  }
}
