// The map's geometry: the basemap as features, the projection fitted to the box (Albers equal-area conic, the
// usual projection for a map of China), the South China Sea inset in the bottom-right corner, and conversions
// between the view (scale and translation, as d3-zoom holds it) and what a directory query needs (bbox, web-map zoom).
import { geoConicEqualArea, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, Polygon } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import type { LocalizedText } from '../../contract/index.js';

/** The view: scale k and translation x, y (what d3-zoom's ZoomTransform holds). */
export interface View { readonly k: number; readonly x: number; readonly y: number }
export const IDENTITY: View = { k: 1, x: 0, y: 0 };

export type Province = Feature<Geometry, { adcode?: string; name?: LocalizedText | string; center?: [number, number] }>;
export interface Geo {
  provinces: Province[];
  southChinaSea?: FeatureCollection;
  schematic: boolean;
}

/** The inset's geographic frame: the South China Sea islands and the dash line. */
export const INSET: [[number, number], [number, number]] = [[106, 3], [124, 23.5]];
/** 钓鱼岛 and 赤尾屿 (label points; the islands themselves are polygons of the Taiwan province feature). */
export const ISLANDS: { key: 'diaoyu' | 'chiwei'; lon: number; lat: number }[] = [
  { key: 'diaoyu', lon: 123.47, lat: 25.74 }, { key: 'chiwei', lon: 124.56, lat: 25.92 },
];

export interface Layout {
  width: number;
  height: number;
  projection: GeoProjection;
  provinces: { adcode: string; path: Path2D; center: [number, number] | undefined; name: LocalizedText | string | undefined }[];
  seaPaths: Path2D[];
  islandPaths: Path2D[];
  inset?: { projection: GeoProjection; paths: Path2D[]; box: [number, number, number, number] };
}

const conic = () => geoConicEqualArea().parallels([25, 47]).rotate([-105, 0]);

export function layoutMap(geo: Geo, width: number, height: number): Layout {
  const withInset = !!geo.southChinaSea;
  // Leave the bottom-right corner to the inset only when the box is wide enough for both side by side.
  const fc: FeatureCollection = { type: 'FeatureCollection', features: geo.provinces };
  const pad = Math.max(6, Math.round(Math.min(width, height) * 0.02));
  const projection = conic().fitExtent([[pad, pad], [width - pad, height - pad]], fc);
  const path = geoPath(projection);
  const provinces = geo.provinces.map((f) => ({
    adcode: String(f.properties?.adcode ?? f.id ?? ''), path: new Path2D(path(f) ?? ''), center: f.properties?.center, name: f.properties?.name,
  }));
  const seaPaths = (geo.southChinaSea?.features ?? []).map((f) => new Path2D(path(f) ?? ''));
  // 钓鱼岛 and 赤尾屿: the small polygons of the Taiwan feature east of 123°E, redrawn above every overlay.
  const islandPaths: Path2D[] = [];
  for (const f of geo.provinces) {
    if (String(f.properties?.adcode ?? f.id) !== '710000') continue;
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [];
    for (const coordinates of polys) {
      if (coordinates[0]!.every(([lon]) => lon! > 123)) islandPaths.push(new Path2D(path({ type: 'Polygon', coordinates } as Polygon) ?? ''));
    }
  }
  const layout: Layout = { width, height, projection, provinces, seaPaths, islandPaths };
  if (withInset) {
    // The inset leaves Taiwan, 钓鱼岛 and 赤尾屿 uncovered (an overlay must not cover important islands; at the usual
    // size it would hide both islands): it shrinks, keeping its shape, until it clears each of Taiwan's polygons by
    // 4 px, down to 32 px wide.
    const x1c = width - 8, y1c = height - 8;
    let w = Math.max(56, Math.round(Math.min(width * 0.17, height * 0.2)));
    for (const f of geo.provinces) {
      if (String(f.properties?.adcode ?? f.id) !== '710000') continue;
      for (const coordinates of f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : []) {
        const [, [rx1, ry1]] = path.bounds({ type: 'Polygon', coordinates } as Polygon);
        if (Number.isFinite(rx1) && Number.isFinite(ry1)) w = Math.min(w, Math.max(x1c - rx1 - 4, (y1c - ry1 - 4) / 1.3));
      }
    }
    w = Math.max(32, Math.floor(w));
    const h = Math.round(w * 1.3);
    const box = { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: [INSET[0], INSET[1], [INSET[0][0], INSET[1][1]], [INSET[1][0], INSET[0][1]]] } } as Feature;
    const x1 = width - 8, y1 = height - 8;
    const insetProjection = conic().fitExtent([[x1 - w + 3, y1 - h + 3], [x1 - 3, y1 - 3]], box);
    const inset = geoPath(insetProjection);
    const paths = [...geo.provinces, ...(geo.southChinaSea?.features ?? [])].map((f) => new Path2D(inset(f) ?? ''));
    layout.inset = { projection: insetProjection, paths, box: [x1 - w, y1 - h, w, h] };
  }
  return layout;
}

/** The web-map zoom (a 256-pixel world) matching the view's scale: about 3.5 for China fitted in 960 px. */
export function webZoom(layout: Layout, k: number): number {
  const a = layout.projection([100, 35])!, b = layout.projection([110, 35])!;
  const pxPerDegree = (Math.abs(b[0] - a[0]) / 10) * k;
  return Math.max(0, Math.min(22, Math.log2((pxPerDegree * 360) / 256)));
}

/** The web-map zoom of the inset's fixed scale. */
export function insetZoom(layout: Layout): number {
  const p = layout.inset?.projection;
  if (!p) return 0;
  const a = p([110, 10])!, b = p([120, 10])!;
  return Math.max(0, Math.log2(((Math.abs(b[0] - a[0]) / 10) * 360) / 256));
}

/** The lon/lat box the view shows (from its corners and edge midpoints). */
export function viewBBox(layout: Layout, t: View): [number, number, number, number] {
  const { width: w, height: h, projection: p } = layout;
  const pts = [[0, 0], [w, 0], [0, h], [w, h], [w / 2, 0], [w / 2, h], [0, h / 2], [w, h / 2]]
    .map(([x, y]) => p.invert!([(x! - t.x) / t.k, (y! - t.y) / t.k]))
    .filter((c): c is [number, number] => !!c && Number.isFinite(c[0]) && Number.isFinite(c[1]));
  if (!pts.length) return [73, 3, 136, 54];
  const lons = pts.map((c) => c[0]), lats = pts.map((c) => c[1]);
  return [Math.max(-180, Math.min(...lons)), Math.max(-90, Math.min(...lats)), Math.min(180, Math.max(...lons)), Math.min(90, Math.max(...lats))];
}

/** A host basemap as GeoJSON features: GeoJSON as is, TopoJSON's first object converted. */
export function toFeatureCollection(data: unknown): FeatureCollection {
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

/** The host's basemap (a URL or an object, GeoJSON or TopoJSON), or the bundled light one for the first paint. */
export async function loadBasemap(host: string | object | undefined): Promise<{ geo: Geo; cities: [string, number, number, string, string, string][] }> {
  if (host) {
    const data = typeof host === 'string' ? await (await fetch(host, { credentials: 'same-origin' })).json() : host;
    return { geo: { provinces: toFeatureCollection(data).features as Province[], schematic: false }, cities: [] };
  }
  const light = (await import('../../data/geo/light.js')).lightBasemap();
  return { geo: { provinces: light.provinces.features as Province[], southChinaSea: light.southChinaSea, schematic: true }, cities: [] };
}

/**
 * The bundled basemap in full detail, with its city labels, for closer views: fetched after the first paint, and
 * turned into features (tens of milliseconds on a phone) only when the returned function is called.
 */
export async function loadDetailedBasemap(): Promise<() => { geo: Geo; cities: [string, number, number, string, string, string][] }> {
  const [{ topology }, { cityLabels }] = await Promise.all([import('../../data/geo/topology.js'), import('../../data/geo/labels.js')]);
  return () => {
    const provinces = (topoFeature(topology, topology.objects['provinces']!) as unknown as FeatureCollection).features as Province[];
    const southChinaSea = topoFeature(topology, topology.objects['southChinaSea']!) as unknown as FeatureCollection;
    return { geo: { provinces, southChinaSea, schematic: true }, cities: cityLabels };
  };
}
