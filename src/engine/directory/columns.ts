// The directory as columns (typed arrays): what a Web Worker needs to index and cluster a million entries off the
// page's main thread, transferred without a copy. The answers are those of `createDirectory` for the same data
// and a query without search text (same order, same subsets, same spatial index and clustering): the worker
// answers with positions in the host's array, which the page maps back to its incubators.
import type { Incubator, IncubatorQuery, IncubatorQueryResult } from '../../contract/index.js';
import { answerQuery } from './cluster.js';
import { CHUNK, runNow, type Steps } from './slices.js';
import { buildSpatialIndex, type SpatialIndex } from './spatial.js';

/** Level codes in the directory's order (national entries first), kinds in the contract's order. */
export const LEVEL_CODES = ['national', 'regional', 'local', 'cluster'] as const;
export const KIND_CODES = ['incubator', 'accelerator', 'maker-space', 'science-park'] as const;
/** Industries are a bit set per entry: up to 32 distinct codes (more, and the page keeps its own index). */
const MAX_INDUSTRIES = 32;

export interface DirectoryColumns {
  lon: Float64Array;
  lat: Float64Array;
  level: Uint8Array;
  kind: Uint8Array;
  industries: Uint32Array;
  industryCodes: string[];
}

/** The columns of a directory, in slices; undefined when it has more industry codes than a bit set holds. */
export function* toColumns(incubators: readonly Incubator[]): Steps<DirectoryColumns | undefined> {
  const n = incubators.length;
  const lon = new Float64Array(n), lat = new Float64Array(n), level = new Uint8Array(n), kind = new Uint8Array(n), industries = new Uint32Array(n);
  const codes = new Map<string, number>();
  const levelOf = new Map<string, number>(LEVEL_CODES.map((l, i) => [l, i])), kindOf = new Map<string, number>(KIND_CODES.map((k, i) => [k, i]));
  for (let i = 0; i < n; i++) {
    const it = incubators[i]!;
    lon[i] = it.lon;
    lat[i] = it.lat;
    level[i] = levelOf.get(it.level) ?? 3;
    kind[i] = kindOf.get(it.kind) ?? 0;
    let bits = 0;
    for (const code of it.industries) {
      let b = codes.get(code);
      if (b === undefined) {
        if (codes.size >= MAX_INDUSTRIES) return undefined;
        codes.set(code, (b = codes.size));
      }
      bits |= 1 << b;
    }
    industries[i] = bits >>> 0;
    if ((i & (CHUNK / 4 - 1)) === CHUNK / 4 - 1) yield;
  }
  return { lon, lat, level, kind, industries, industryCodes: [...codes.keys()] };
}

export interface ColumnAnswer {
  total: number;
  clusters: IncubatorQueryResult['clusters'];
  /** Positions of the single entries in the host's array. */
  items: Uint32Array;
}

export type ColumnQuery = Omit<IncubatorQuery, 'q'>;

export interface ColumnDirectory {
  query(q: ColumnQuery): ColumnAnswer;
}

const CACHE_SIZE = 8;

export function createColumnDirectory(c: DirectoryColumns): ColumnDirectory {
  const n = c.lon.length;
  // The directory's order: a stable counting sort by level (as createDirectory's bucket pass).
  const perm = new Uint32Array(n);
  const starts = new Uint32Array(LEVEL_CODES.length + 1);
  for (let i = 0; i < n; i++) starts[c.level[i]! + 1]!++;
  for (let l = 0; l < LEVEL_CODES.length; l++) starts[l + 1]! += starts[l]!;
  for (let i = 0; i < n; i++) perm[starts[c.level[i]!]!++] = i;
  const cache = new Map<string, { idx: Uint32Array | undefined; index: SpatialIndex }>();

  function subset(q: ColumnQuery) {
    const key = `${q.level ?? ''}|${q.kind ?? ''}|${q.industry ?? ''}`;
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    let idx: Uint32Array | undefined;
    if (key !== '||') {
      const level = q.level ? LEVEL_CODES.indexOf(q.level) : -1, kind = q.kind ? KIND_CODES.indexOf(q.kind) : -1;
      const bit = q.industry ? c.industryCodes.indexOf(q.industry) : -1;
      const kept: number[] = [];
      if (!q.industry || bit >= 0) {
        const mask = bit >= 0 ? (1 << bit) >>> 0 : 0;
        for (let p = 0; p < n; p++) {
          const i = perm[p]!;
          if ((level < 0 || c.level[i] === level) && (kind < 0 || c.kind[i] === kind) && (!mask || (c.industries[i]! & mask) !== 0)) kept.push(p);
        }
      }
      idx = Uint32Array.from(kept);
    }
    const m = idx ? idx.length : n;
    const lon = new Float64Array(m), lat = new Float64Array(m);
    for (let j = 0; j < m; j++) {
      const i = perm[idx ? idx[j]! : j]!;
      lon[j] = c.lon[i]!;
      lat[j] = c.lat[i]!;
    }
    const made = { idx, index: runNow(buildSpatialIndex(lon, lat)) };
    cache.set(key, made);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return made;
  }

  return {
    query(q) {
      const s = subset(q);
      const { total, clusters, singles } = answerQuery(s.index, q);
      const items = new Uint32Array(singles.length);
      for (let j = 0; j < singles.length; j++) items[j] = perm[s.idx ? s.idx[singles[j]!]! : singles[j]!]!;
      return { total, clusters, items };
    },
  };
}
