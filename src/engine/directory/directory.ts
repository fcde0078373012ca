// The incubator directory: filters (level, kind, industry, text in every locale), a static spatial index, and
// aggregation by zoom into grid cells. The local client and the reference server both answer from this, so a
// remote map receives only its viewport's clusters and items. Grid binning needs no index build beyond the
// kd-tree (200,000 points index in tens of milliseconds) and costs one pass over the points in view per query.
import KDBush from 'kdbush';
import type {
  Incubator, IncubatorQuery, IncubatorQueryResult, Level, LocalizedText, RegionStat, RegionStatsQuery,
} from '../../contract/index.js';
import { EngineError } from '../errors.js';

const LEVEL_RANK: Record<Level, number> = { national: 0, regional: 1, local: 2, cluster: 3 };
const WORLD: [number, number, number, number] = [-180, -85, 180, 85];
const DEFAULT_LIMIT = 500;
/** Filtered subsets keep their own indexes; a few recent filters are kept. */
const CACHE_SIZE = 8;

interface Subset {
  items: Incubator[];
  points: KDBush;
}

/** Cell size in degrees for a zoom: about 60 px on a 256-px world, the usual cluster radius of web maps. */
export function cellDegrees(zoom: number): number {
  return (60 / 256) * (360 / 2 ** zoom);
}

function buildSubset(items: Incubator[]): Subset {
  const points = new KDBush(items.length);
  for (const it of items) points.add(it.lon, it.lat);
  points.finish();
  return { items, points };
}

const normalize = (s: string) => s.normalize('NFKC').toLowerCase();
const names = (t: LocalizedText) => normalize(`${t['zh-CN']}\u0000${t['zh-TW'] ?? ''}\u0000${t.en ?? ''}`);

export interface Directory {
  query(query: IncubatorQuery): IncubatorQueryResult;
  get(id: string): Incubator;
  regionStats(query: RegionStatsQuery, provinceNames: Record<string, LocalizedText>): RegionStat[];
}

export function createDirectory(incubators: readonly Incubator[]): Directory {
  const all = [...incubators].sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
  const byId = new Map(all.map((it) => [it.id, it]));
  const searchable = new Map<Incubator, string>();
  const cache = new Map<string, Subset>();
  let whole: Subset | undefined;

  function subsetFor(q: IncubatorQuery): Subset {
    const text = q.q ? normalize(q.q.trim()) : '';
    if (!q.level && !q.kind && !q.industry && !text) return (whole ??= buildSubset(all));
    const key = `${q.level ?? ''}|${q.kind ?? ''}|${q.industry ?? ''}|${text}`;
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const items = all.filter((it) => (!q.level || it.level === q.level) && (!q.kind || it.kind === q.kind)
      && (!q.industry || it.industries.includes(q.industry))
      && (!text || (searchable.get(it) ?? (searchable.set(it, names(it.name)), searchable.get(it)!)).includes(text)));
    const subset = buildSubset(items);
    cache.set(key, subset);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return subset;
  }

  return {
    query(q) {
      const subset = subsetFor(q);
      const [w, s, e, n] = q.bbox ?? WORLD;
      const limit = q.limit ?? DEFAULT_LIMIT;
      const inBox = subset.points.range(w, s, e, n);
      const total = inBox.length;
      if (q.zoom === undefined) {
        // Items in the index's order (national first), as many as the limit allows (a typed sort: 200k in ms).
        const order = Uint32Array.from(inBox).sort();
        return { total, clusters: [], items: Array.from(order.subarray(0, limit), (i) => subset.items[i]!) };
      }
      // Bin the viewport's points into cells; a cell of one point is an item, of several a cluster at their mean.
      const size = cellDegrees(q.zoom);
      const cells = new Map<number, { n: number; lon: number; lat: number; first: number }>();
      const cols = Math.ceil(360 / size) + 1;
      for (const i of inBox) {
        const it = subset.items[i]!;
        const key = Math.floor((it.lat + 90) / size) * cols + Math.floor((it.lon + 180) / size);
        const cell = cells.get(key);
        if (cell) {
          cell.n++;
          cell.lon += it.lon;
          cell.lat += it.lat;
          if (i < cell.first) cell.first = i;
        } else {
          cells.set(key, { n: 1, lon: it.lon, lat: it.lat, first: i });
        }
      }
      const clusters: IncubatorQueryResult['clusters'] = [];
      const singles: number[] = [];
      for (const cell of cells.values()) {
        if (cell.n === 1) singles.push(cell.first);
        else clusters.push({ lon: Math.round((cell.lon / cell.n) * 1e5) / 1e5, lat: Math.round((cell.lat / cell.n) * 1e5) / 1e5, count: cell.n });
      }
      singles.sort((a, b) => a - b);
      return { total, clusters, items: singles.slice(0, limit).map((i) => subset.items[i]!) };
    },
    get(id) {
      const it = byId.get(id);
      if (!it) throw new EngineError('not-found', `no incubator with id "${id}"`, 'id');
      return it;
    },
    regionStats(q, provinceNames) {
      const counts = new Map<string, RegionStat>();
      for (const [adcode, name] of Object.entries(provinceNames)) {
        counts.set(adcode.slice(0, 2), { adcode, name, count: 0, byLevel: { national: 0, regional: 0, local: 0, cluster: 0 } });
      }
      for (const it of all) {
        if (q.level && it.level !== q.level) continue;
        if (q.industry && !it.industries.includes(q.industry)) continue;
        const stat = counts.get(it.adcode.slice(0, 2));
        if (!stat) continue;
        stat.count++;
        stat.byLevel[it.level]++;
      }
      return [...counts.values()];
    },
  };
}
