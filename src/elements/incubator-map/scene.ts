// What the map asks the directory for (the view's clusters, the list, the inset, the province counts) and what
// it then hands the canvas: the scene of one draw, built from the answers, the basemap and the locale.
import { LEVELS, localize } from '../../contract/localize.js';
import type { IncubatorQuery, IncubatorQueryResult, Level, Locale, RegionStat, RegionStatsQuery } from '../../contract/index.js';
import type { MapMessages } from '../messages/map.js';
import { classify, colorOf } from './choropleth.js';
import { INSET, insetZoom, ISLANDS, viewBBox, webZoom, type Geo, type Layout, type View } from './geometry.js';
import type { Rect } from './marks.js';
import type { Scene } from './map-view.js';

/** The bundled city labels: adcode, lon, lat, then the name in zh-CN, zh-TW and en. */
export type Cities = [string, number, number, string, string, string][];

const QUERY_LIMIT = 2000;
const LIST_LIMIT = 1000;

export interface Filters {
  level: string | undefined;
  industry: string | undefined;
  q: string;
  /** List only what lies at this point (a cluster of entries at one place, opened). */
  at?: [number, number] | undefined;
}

/** The box around one point that holds the entries at that very place (a cluster's centre is their mean, rounded
 * to 1e-5°; the box is 2e-5° each way, about 2 m). */
export function placeBox(lon: number, lat: number): [number, number, number, number] {
  const e = 2e-5;
  return [lon - e, lat - e, lon + e, lat + e];
}

export interface Queries {
  view: IncubatorQuery;
  /** The view's entries, or with a search the matches in the whole directory. */
  list: IncubatorQuery;
  /** What lies in the South China Sea inset (only when the layout has one). */
  inset?: IncubatorQuery;
  stats: RegionStatsQuery;
}

export function directoryQueries(f: Filters, layout: Layout | undefined, t: View): Queries {
  const level = f.level && (LEVELS as readonly string[]).includes(f.level) ? (f.level as Level) : undefined;
  const stats: RegionStatsQuery = { ...(level ? { level } : {}), ...(f.industry ? { industry: f.industry } : {}) };
  const base: IncubatorQuery = { ...stats, ...(f.q ? { q: f.q } : {}) };
  const bbox = layout ? viewBBox(layout, t) : undefined;
  return {
    view: { ...base, ...(bbox ? { bbox } : {}), zoom: layout ? webZoom(layout, t.k) : 3.5, limit: QUERY_LIMIT },
    list: { ...base, ...(f.at ? { bbox: placeBox(...f.at) } : bbox && !f.q ? { bbox } : {}), limit: LIST_LIMIT },
    ...(layout?.inset ? { inset: { ...base, bbox: [INSET[0][0], INSET[0][1], INSET[1][0], 18.1], zoom: insetZoom(layout), limit: 200 } } : {}),
    stats,
  };
}

export interface SceneInput {
  locale: Locale;
  t: MapMessages;
  result: IncubatorQueryResult;
  inset: IncubatorQueryResult;
  /** Province counts: the choropleth is shown when given. */
  stats: RegionStat[] | undefined;
  geo: Geo | undefined;
  cities: Cities;
  keepOut: Rect[];
  format: (n: number) => string;
  selectedId: string | undefined;
}

export function buildScene(s: SceneInput): Scene {
  const classes = s.stats ? classify(Math.max(0, ...s.stats.map((x) => x.count))) : undefined;
  const counts = new Map(s.stats?.map((x) => [x.adcode, x.count]));
  const names = new Map(s.geo?.provinces.map((p) => [String(p.properties?.adcode ?? p.id ?? ''), p.properties?.name]));
  const col = s.locale === 'zh-CN' ? 3 : s.locale === 'zh-TW' ? 4 : 5;
  return {
    clusters: s.result.clusters, items: s.result.items, inset: s.inset,
    ...(classes ? { fills: (adcode: string) => colorOf(classes, counts.get(adcode) ?? 0) } : {}),
    provinceLabel: (adcode) => { const n = names.get(adcode); return typeof n === 'string' ? n : n ? localize(n, s.locale) : ''; },
    cityLabels: s.cities.map((c) => ({ lon: c[1], lat: c[2], text: c[col] })),
    islandLabels: s.geo?.schematic ? ISLANDS.map((i) => ({ ...i, text: s.t[i.key] })) : [],
    keepOut: s.keepOut, insetLabel: s.t.southChinaSea, format: s.format,
    ...(s.selectedId ? { selectedId: s.selectedId } : {}),
  };
}
