// Greedy clustering in the manner of supercluster, over the viewport's weighted candidates: the heaviest
// unclaimed candidate takes every unclaimed one within the radius, and the cluster sits at their weighted mean.
// Candidates are first binned into cells of a third of the radius, so the work is bounded by the viewport's size
// in pixels. Distances are measured with latitude stretched by LAT_SCALE, as an equal-area map of China shows it.
import { candidatesIn, type SpatialIndex } from './spatial.js';

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
  const bins = new Map<number, number>();
  const sx: number[] = [], sy: number[] = [], cnt: number[] = [], fst: number[] = [];
  let total = 0;
  candidatesIn(index, bbox, levelFor(index, radius), (sumLon, sumLat, k, first) => {
    total += k;
    const key = Math.floor(sumLon / k / cell) * 1e8 + Math.floor((sumLat / k) * LAT_SCALE / cell);
    const j = bins.get(key);
    if (j === undefined) {
      bins.set(key, cnt.length);
      sx.push(sumLon);
      sy.push(sumLat);
      cnt.push(k);
      fst.push(first);
    } else {
      sx[j]! += sumLon;
      sy[j]! += sumLat;
      cnt[j]! += k;
      if (first < fst[j]!) fst[j] = first;
    }
  });
  const m = cnt.length;
  const x = new Float64Array(m), y = new Float64Array(m);
  const grid = new Map<number, number[]>();
  const gkey = (gx: number, gy: number) => gx * 1e8 + gy;
  // Seeds in order of weight (heaviest first), then of the directory's order: count and bin packed in one key.
  const seeds = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    x[i] = sx[i]! / cnt[i]!;
    y[i] = (sy[i]! / cnt[i]!) * LAT_SCALE;
    const key = gkey(Math.floor(x[i]! / radius), Math.floor(y[i]! / radius));
    const list = grid.get(key);
    if (list) list.push(i);
    else grid.set(key, [i]);
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
    let gx = sx[i]!, gy = sy[i]!, n = cnt[i]!, first = fst[i]!;
    const cx = Math.floor(x[i]! / radius), cy = Math.floor(y[i]! / radius);
    for (let ox = -1; ox <= 1; ox++) {
      for (let oy = -1; oy <= 1; oy++) {
        const list = grid.get(gkey(cx + ox, cy + oy));
        if (!list) continue;
        for (const j of list) {
          if (used[j]) continue;
          const ddx = x[j]! - x[i]!, ddy = y[j]! - y[i]!;
          if (ddx * ddx + ddy * ddy > r2) continue;
          used[j] = 1;
          gx += sx[j]!;
          gy += sy[j]!;
          n += cnt[j]!;
          if (fst[j]! < first) first = fst[j]!;
        }
      }
    }
    groups.push({ lon: gx / n, lat: gy / n, count: n, first });
  }
  return { total, groups };
}
