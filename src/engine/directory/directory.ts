// The incubator directory: filters (level, kind, industry, text), a static spatial index per filter and greedy
// clustering per viewport (spatial.ts, cluster.ts). The local client and the reference server both answer from
// this, so a remote map receives only its viewport's clusters and items. Every index is built once per data set
// and filter and kept (a few recent filters); region statistics are cached per filter. Builds are generators:
// a server runs them at once, a page in slices (`prepare`), so no main-thread task grows with the directory.
import type {
  Incubator, IncubatorQuery, IncubatorQueryResult, Level, LocalizedText, RegionStat, RegionStatsQuery,
} from '../../contract/index.js';
import { EngineError } from '../errors.js';
import { answerQuery, radiusDegrees } from './cluster.js';
import { createSearcher, normalizeQuery, type Searcher } from './search.js';
import { CHUNK, runNow, runSliced, type Steps } from './slices.js';
import { buildSpatialIndex, type SpatialIndex } from './spatial.js';

export type { SearchData } from './search.js';
import type { SearchData } from './search.js';
export { radiusDegrees } from './cluster.js';

const LEVEL_RANK: Record<Level, number> = { national: 0, regional: 1, local: 2, cluster: 3 };
/** Filtered subsets keep their own indexes; a few recent filters are kept. */
const CACHE_SIZE = 8;

interface Subset {
  /** Positions in the directory's order, ascending; undefined for the whole directory. */
  idx: Uint32Array | undefined;
  index: SpatialIndex;
}

export interface Directory {
  query(query: IncubatorQuery): IncubatorQueryResult;
  get(id: string): Incubator;
  regionStats(query: RegionStatsQuery, provinceNames: Record<string, LocalizedText>): RegionStat[];
  /** Builds, in slices between which the event loop turns, what `query` or `regionStats` will need. */
  prepare(query: IncubatorQuery & { stats?: boolean }): Promise<void>;
}

export interface DirectoryOptions {
  /** Pinyin table and place names for text search, or a function giving them when the first search needs them. */
  search?: SearchData | (() => SearchData | undefined);
}

export function createDirectory(incubators: readonly Incubator[], options: DirectoryOptions = {}): Directory {
  let all: Incubator[] | undefined;
  let searcher: Searcher | undefined;
  let byId: Map<string, Incubator> | undefined;
  const cache = new Map<string, Subset>();
  const stats = new Map<string, Map<string, { count: number; byLevel: RegionStat['byLevel'] }>>();
  const pending = new Map<string, Promise<unknown>>();

  // The directory in order, national entries first (a stable bucket pass instead of a sort).
  function* ordered(): Steps<Incubator[]> {
    if (all) return all;
    const buckets: Incubator[][] = [[], [], [], []];
    for (let i = 0; i < incubators.length; i++) {
      const it = incubators[i]!;
      buckets[LEVEL_RANK[it.level] ?? 3]!.push(it);
      if ((i & (CHUNK - 1)) === CHUNK - 1) yield;
    }
    all = buckets.flat();
    return all;
  }

  const keyOf = (q: IncubatorQuery) => `${q.level ?? ''}|${q.kind ?? ''}|${q.industry ?? ''}|${q.q ? normalizeQuery(q.q) : ''}`;

  function* subsetSteps(q: IncubatorQuery): Steps<Subset> {
    const key = keyOf(q);
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const items = yield* ordered();
    const text = q.q ? normalizeQuery(q.q) : '';
    let idx: Uint32Array | undefined;
    if (key !== '|||') {
      let hit: Uint8Array | undefined;
      if (text) {
        const s = (searcher ??= createSearcher(items, typeof options.search === 'function' ? options.search() : options.search));
        const places = s.placesMatching(text);
        hit = new Uint8Array(items.length);
        for (let b = 0; b < s.blocks; b++) {
          s.matchBlock(b, text, places, hit);
          yield;
        }
      }
      const kept: number[] = [];
      for (let i = 0; i < items.length; i++) {
        const it = items[i]!;
        if ((!hit || hit[i]) && (!q.level || it.level === q.level) && (!q.kind || it.kind === q.kind) && (!q.industry || it.industries.includes(q.industry))) kept.push(i);
        if ((i & (CHUNK - 1)) === CHUNK - 1) yield;
      }
      idx = Uint32Array.from(kept);
    }
    const n = idx ? idx.length : items.length;
    const lon = new Float64Array(n), lat = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const it = items[idx ? idx[i]! : i]!;
      lon[i] = it.lon;
      lat[i] = it.lat;
      if ((i & (CHUNK - 1)) === CHUNK - 1) yield;
    }
    const subset: Subset = { idx, index: yield* buildSpatialIndex(lon, lat) };
    cache.set(key, subset);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return subset;
  }

  const statsKey = (q: RegionStatsQuery) => `${q.level ?? ''}|${q.industry ?? ''}`;
  function* statsSteps(q: RegionStatsQuery): Steps<Map<string, { count: number; byLevel: RegionStat['byLevel'] }>> {
    const key = statsKey(q);
    const hit = stats.get(key);
    if (hit) return hit;
    const counts = new Map<string, { count: number; byLevel: RegionStat['byLevel'] }>();
    for (let i = 0; i < incubators.length; i++) {
      const it = incubators[i]!;
      if ((!q.level || it.level === q.level) && (!q.industry || it.industries.includes(q.industry))) {
        const p = it.adcode.slice(0, 2);
        let stat = counts.get(p);
        if (!stat) counts.set(p, (stat = { count: 0, byLevel: { national: 0, regional: 0, local: 0, cluster: 0 } }));
        stat.count++;
        stat.byLevel[it.level]++;
      }
      if ((i & (CHUNK - 1)) === CHUNK - 1) yield;
    }
    stats.set(key, counts);
    return counts;
  }

  /** One build per key at a time: a second caller waits for the first. */
  function once<T>(key: string, steps: () => Steps<T>): Promise<unknown> {
    let p = pending.get(key);
    if (!p) {
      p = runSliced(steps()).finally(() => pending.delete(key));
      pending.set(key, p);
    }
    return p;
  }

  return {
    async prepare(q) {
      if (q.stats) await once(`stats:${statsKey(q)}`, () => statsSteps(q));
      else await once(`subset:${keyOf(q)}`, () => subsetSteps(q));
    },
    query(q) {
      const subset = runNow(subsetSteps(q));
      const items = all!;
      const { total, clusters, singles } = answerQuery(subset.index, q);
      return { total, clusters, items: singles.map((i) => items[subset.idx ? subset.idx[i]! : i]!) };
    },
    get(id) {
      if (!byId) {
        byId = new Map();
        for (const it of incubators) byId.set(it.id, it);
      }
      const it = byId.get(id);
      if (!it) throw new EngineError('not-found', `no incubator with id "${id}"`, 'id');
      return it;
    },
    regionStats(q, provinceNames) {
      const counts = runNow(statsSteps(q));
      return Object.entries(provinceNames).map(([adcode, name]) => {
        const c = counts.get(adcode.slice(0, 2));
        return { adcode, name, count: c?.count ?? 0, byLevel: { ...(c?.byLevel ?? { national: 0, regional: 0, local: 0, cluster: 0 }) } };
      });
    },
  };
}

/** @deprecated kept for callers of the grid version: the clustering radius in degrees at a zoom. */
export const cellDegrees = radiusDegrees;
