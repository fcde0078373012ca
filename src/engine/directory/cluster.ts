// Greedy clustering in the manner of supercluster, over the viewport's weighted candidates: the heaviest
// unclaimed candidate takes every unclaimed one within the radius, and the cluster sits at their weighted mean.
// Candidates are first binned into cells of a third of the radius, so the work is bounded by the viewport's size
// in pixels. Distances are measured with latitude stretched by LAT_SCALE, as an equal-area map of China shows it.
import type { IncubatorQuery, IncubatorQueryResult } from '../../contract/index.js';
import { candidatesIn, firstIn, type SpatialIndex } from './spatial.js';

const WORLD: [number, number, number, number] = [-180, -90, 180, 90];
const DEFAULT_LIMIT = 500;

/** A degree of latitude is about 1.25 degrees of longitude on a map of China (1 / cos 37°). */
export const LAT_SCALE = 1.25;
/** The clustering radius in pixels of a 256-pixel world: clusters drawn up to 22 px across never meet. */
export const RADIUS_PX = 48;
/** Candidates are binned into cells of radius / BIN before the greedy pass. */
export const BIN = 3;

/** The clustering radius in degrees of longitude at a (fractional) web-map zoom. */
export function radiusDegrees(zoom: number): number {
  return (RADIUS_PX / 256) * (360 / 2 ** zoom);
}

export interface Grouped {
  lon: number;
  lat: number;
  count: number;
  /** The smallest point index in the group. */
  first: number;
}

/** The coarsest pyramid level of `index` whose cells are at most a bin wide (-1: single points). */
export function levelFor(index: SpatialIndex, radius: number): number {
  let level = -1;
  while (level + 1 < index.levels.length && index.dx * 2 ** (level + 1) <= radius / BIN && index.dy * LAT_SCALE * 2 ** (level + 1) <= radius / BIN) level++;
  return level;
}

export function clusterViewport(index: SpatialIndex, bbox: readonly number[], radius: number): { total: number; groups: Grouped[] } {
  const cell = radius / BIN;
  // Bins on a dense grid over the part of the box that holds data (a hash map only for a huge grid).
  const x0 = Math.max(bbox[0]!, index.minLon), x1 = Math.min(bbox[2]!, index.maxLon);
  const y0 = Math.max(bbox[1]!, index.minLat) * LAT_SCALE, y1 = Math.min(bbox[3]!, index.maxLat) * LAT_SCALE;
  const cols = Math.max(1, Math.floor((x1 - x0) / cell) + 1), rows = Math.max(1, Math.floor((y1 - y0) / cell) + 1);
  // (When the box misses the data, x1 < x0 or y1 < y0, there are no candidates: the grid, one cell at least, stays unread.)
  const dense = cols * rows <= 4_000_000 ? new Int32Array(cols * rows).fill(-1) : undefined;
  const bins = dense ? undefined : new Map<number, number>();
  const sx: number[] = [], sy: number[] = [], cnt: number[] = [], fst: number[] = [];
  let total = 0;
  candidatesIn(index, bbox, levelFor(index, radius), (sumLon, sumLat, k, first) => {
    total += k;
    const cx = Math.floor((sumLon / k - x0) / cell), cy = Math.floor(((sumLat / k) * LAT_SCALE - y0) / cell);
    let key: number, j: number | undefined;
    if (dense) {
      key = Math.min(rows - 1, Math.max(0, cy)) * cols + Math.min(cols - 1, Math.max(0, cx));
      j = dense[key]! < 0 ? undefined : dense[key]!;
    } else {
      // Stryker disable next-line ArithmeticOperator: cx / 1e8 + cy and cx * 1e8 - cy are one-to-one on bin coordinates too (0 ≤ cx, cy < 1e8), and the key is only read back by this line
      key = cx * 1e8 + cy;
      j = bins!.get(key);
    }
    if (j === undefined) {
      if (dense) dense[key] = cnt.length;
      else bins!.set(key, cnt.length);
      sx.push(sumLon);
      sy.push(sumLat);
      cnt.push(k);
      fst.push(first);
    } else {
      sx[j]! += sumLon;
      sy[j]! += sumLat;
      cnt[j]! += k;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: `first` is read only for groups of one entry, and a bin reached twice holds two
      if (first < fst[j]!) fst[j] = first;
    }
  });
  const m = cnt.length;
  const x = new Float64Array(m), y = new Float64Array(m);
  // Neighbours within a radius: a grid of radius-sized cells as linked lists (head per cell, next per bin).
  const gx0 = Math.min(x0, x1), gy0 = Math.min(y0, y1);
  const gcols = Math.max(1, Math.floor(cols / BIN) + 2), grows = Math.max(1, Math.floor(rows / BIN) + 2);
  const linked = gcols * grows <= 4_000_000;
  const head = linked ? new Int32Array(gcols * grows).fill(-1) : undefined, next = new Int32Array(m);
  const grid = linked ? undefined : new Map<number, number[]>();
  const gcell = (gx: number, gy: number) => Math.min(grows - 1, Math.max(0, gy)) * gcols + Math.min(gcols - 1, Math.max(0, gx));
  const seeds = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    x[i] = sx[i]! / cnt[i]!;
    y[i] = (sy[i]! / cnt[i]!) * LAT_SCALE;
    const gx = Math.floor((x[i]! - gx0) / radius), gy = Math.floor((y[i]! - gy0) / radius);
    if (head) {
      const c = gcell(gx, gy);
      next[i] = head[c]!;
      head[c] = i;
    } else {
      const key = gx * 1e8 + gy;
      const list = grid!.get(key);
      if (list) list.push(i);
      else grid!.set(key, [i]);
    }
    // Seeds in order of weight (heaviest first), then of the directory's order: count and bin packed in one key.
    seeds[i] = -cnt[i]! * 2 ** 22 + i;
  }
  seeds.sort();
  const used = new Uint8Array(m);
  const r2 = radius * radius;
  const groups: Grouped[] = [];
  for (let s = 0; s < m; s++) {
    const i = seeds[s]! - Math.floor(seeds[s]! / 2 ** 22) * 2 ** 22;
    if (used[i]) continue;
    used[i] = 1;
    let gxs = sx[i]!, gys = sy[i]!, n = cnt[i]!, first = fst[i]!;
    const take = (j: number) => {
      if (used[j]) return;
      const ddx = x[j]! - x[i]!, ddy = y[j]! - y[i]!;
      if (ddx * ddx + ddy * ddy > r2) return;
      used[j] = 1;
      gxs += sx[j]!;
      gys += sy[j]!;
      n += cnt[j]!;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: `first` is read only for groups of one entry, and a group that takes a bin has two or more
      if (fst[j]! < first) first = fst[j]!;
    };
    const cx = Math.floor((x[i]! - gx0) / radius), cy = Math.floor((y[i]! - gy0) / radius);
    for (let ox = -1; ox <= 1; ox++) {
      for (let oy = -1; oy <= 1; oy++) {
        if (head) {
          // Stryker disable next-line ArithmeticOperator: cx - ox and cy - oy visit the same nine cells (ox, oy run over -1, 0, 1)
          const gx = cx + ox, gy = cy + oy;
          if (gx < 0 || gy < 0 || gx >= gcols || gy >= grows) continue;
          for (let j = head[gy * gcols + gx]!; j >= 0; j = next[j]!) take(j);
        } else {
          for (const j of grid!.get((cx + ox) * 1e8 + cy + oy) ?? []) take(j);
        }
      }
    }
    groups.push({ lon: gxs / n, lat: gys / n, count: n, first });
  }
  return { total, groups };
}

/**
 * A viewport query answered from an index: with `zoom`, the clusters (heaviest first, up to `limit`) and the single
 * entries; without, the first `limit` entries in view. `singles` are index positions, ascending.
 */
export function answerQuery(index: SpatialIndex, q: Pick<IncubatorQuery, 'bbox' | 'zoom' | 'limit'>): { total: number; clusters: IncubatorQueryResult['clusters']; singles: number[] } {
  const bbox = q.bbox ?? WORLD;
  const limit = q.limit ?? DEFAULT_LIMIT;
  if (q.zoom === undefined) {
    const { total, first } = firstIn(index, bbox, limit);
    return { total, clusters: [], singles: first };
  }
  const { total, groups } = clusterViewport(index, bbox, radiusDegrees(q.zoom));
  const singles: number[] = [];
  const clusters: IncubatorQueryResult['clusters'] = [];
  for (const g of groups.sort((a, b) => b.count - a.count)) {
    if (g.count === 1) singles.push(g.first);
    else if (clusters.length < limit) clusters.push({ lon: Math.round(g.lon * 1e5) / 1e5, lat: Math.round(g.lat * 1e5) / 1e5, count: g.count });
  }
  singles.sort((a, b) => a - b);
  return { total, clusters, singles: singles.slice(0, limit) };
}
