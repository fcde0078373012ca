// The incubator directory: filters (level, kind, industry, text in every locale), a static spatial index for
// viewport counts, and clustering by zoom with supercluster. The local client and the reference server both
// answer from this, so a remote map receives only its viewport's clusters and items.
import KDBush from 'kdbush';
import Supercluster from 'supercluster';
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
  clusters?: Supercluster<{ i: number }>;
}

function buildSubset(items: Incubator[]): Subset {
  const points = new KDBush(items.length);
  for (const it of items) points.add(it.lon, it.lat);
  points.finish();
  return { items, points };
}

function clustersOf(subset: Subset): Supercluster<{ i: number }> {
  if (!subset.clusters) {
    const index = new Supercluster<{ i: number }>({ radius: 60, maxZoom: 16, minPoints: 2 });
    index.load(subset.items.map((it, i) => ({ type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: [it.lon, it.lat] } })));
    subset.clusters = index;
  }
  return subset.clusters;
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
        // Items in the index's order (national first), as many as the limit allows.
        inBox.sort((a, b) => a - b);
        return { total, clusters: [], items: inBox.slice(0, limit).map((i) => subset.items[i]!) };
      }
      // Pad by the cluster radius, so a cluster whose centre sits just outside the viewport but whose points are
      // inside is still drawn (supercluster: radius 60 on a 512 extent per tile).
      const z = Math.floor(q.zoom);
      const pad = (60 / 512) * (360 / 2 ** z);
      const features = clustersOf(subset).getClusters([Math.max(-180, w - pad), Math.max(-85, s - pad), Math.min(180, e + pad), Math.min(85, n + pad)], z);
      const clusters: IncubatorQueryResult['clusters'] = [];
      const singles: number[] = [];
      for (const f of features) {
        const p = f.properties as { cluster?: boolean; point_count?: number; i?: number };
        if (p.cluster) clusters.push({ lon: f.geometry.coordinates[0]!, lat: f.geometry.coordinates[1]!, count: p.point_count! });
        else {
          const it = subset.items[p.i!]!;
          if (it.lon >= w && it.lon <= e && it.lat >= s && it.lat <= n) singles.push(p.i!);
        }
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
