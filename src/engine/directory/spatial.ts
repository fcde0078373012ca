// A static spatial index over typed arrays that builds in slices: points counting-sorted into a grid of buckets
// over the data's bounds (at most 1024 × 1024), and a pyramid of the non-empty buckets merged 2 × 2 per level.
// A viewport query then reads whole pyramid cells inside the view, whole buckets along its edge and single
// points only where a bucket straddles the edge: every point is counted exactly once, and the work depends on
// the viewport's size in pixels, not on how many points it holds.
import { CHUNK, type Steps } from './slices.js';

export interface Cells {
  /** Row-major cell ids at this level (side = buckets per row >> level), ascending. */
  ids: Uint32Array;
  count: Uint32Array;
  sumLon: Float64Array;
  sumLat: Float64Array;
  /** The smallest point index in the cell (the directory's order: national entries first). */
  first: Uint32Array;
}

export interface SpatialIndex {
  n: number;
  lon: Float64Array;
  lat: Float64Array;
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
  /** Buckets per row and per column (a power of two). */
  side: number;
  dx: number;
  dy: number;
  /** Point indices sorted by bucket (stable); bucket b holds order[start[b] .. start[b + 1]). */
  order: Uint32Array;
  start: Uint32Array;
  levels: Cells[];
}

/** Receives candidates for clustering: weighted positions (sums and count) and the smallest point index of each. */
export type Sink = (sumLon: number, sumLat: number, count: number, first: number) => void;

const EPS = 1e-9;

export function* buildSpatialIndex(lon: Float64Array, lat: Float64Array): Steps<SpatialIndex> {
  const n = lon.length;
  let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = lon[i]!, y = lat[i]!;
    if (x < minLon) minLon = x;
    if (x > maxLon) maxLon = x;
    if (y < minLat) minLat = y;
    if (y > maxLat) maxLat = y;
    if ((i & (CHUNK - 1)) === CHUNK - 1) yield;
  }
  if (!n) minLon = minLat = maxLon = maxLat = 0;
  let side = 1;
  while (side < 1024 && side * side < n * 2) side *= 2;
  const dx = Math.max((maxLon - minLon) / side, 1e-9), dy = Math.max((maxLat - minLat) / side, 1e-9);
  const cells = side * side;
  const bucket = new Uint32Array(n);
  const start = new Uint32Array(cells + 1);
  for (let i = 0; i < n; i++) {
    const bx = Math.min(side - 1, Math.floor((lon[i]! - minLon) / dx)), by = Math.min(side - 1, Math.floor((lat[i]! - minLat) / dy));
    const b = by * side + bx;
    bucket[i] = b;
    start[b + 1]!++;
    if ((i & (CHUNK - 1)) === CHUNK - 1) yield;
  }
  for (let b = 0; b < cells; b++) {
    start[b + 1]! += start[b]!;
    if ((b & (CHUNK * 4 - 1)) === CHUNK * 4 - 1) yield;
  }
  const cursor = start.slice(0, cells);
  yield;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    order[cursor[bucket[i]!]!++] = i;
    if ((i & (CHUNK - 1)) === CHUNK - 1) yield;
  }
  // Level 0: the non-empty buckets.
  let filled = 0;
  for (let b = 0; b < cells; b++) if (start[b + 1]! > start[b]!) filled++;
  yield;
  const base: Cells = { ids: new Uint32Array(filled), count: new Uint32Array(filled), sumLon: new Float64Array(filled), sumLat: new Float64Array(filled), first: new Uint32Array(filled) };
  let c = 0;
  for (let b = 0; b < cells; b++) {
    const s = start[b]!, e = start[b + 1]!;
    if (e === s) continue;
    let sx = 0, sy = 0;
    for (let j = s; j < e; j++) {
      sx += lon[order[j]!]!;
      sy += lat[order[j]!]!;
    }
    base.ids[c] = b;
    base.count[c] = e - s;
    base.sumLon[c] = sx;
    base.sumLat[c] = sy;
    base.first[c] = order[s]!;
    c++;
    if ((c & (CHUNK - 1)) === 0) yield;
  }
  const levels = [base];
  for (let s = side; s > 1; s /= 2) {
    levels.push(yield* mergeLevel(levels.at(-1)!, s));
  }
  return { n, lon, lat, minLon, minLat, maxLon, maxLat, side, dx, dy, order, start, levels };
}

/** The next pyramid level: cells of the level below (`side` per row) merged 2 × 2, on a dense grid. */
function* mergeLevel(below: Cells, side: number): Steps<Cells> {
  const half = side / 2;
  const cells = half * half;
  const count = new Uint32Array(cells), sumLon = new Float64Array(cells), sumLat = new Float64Array(cells);
  const first = new Uint32Array(cells).fill(0xffffffff);
  for (let i = 0; i < below.ids.length; i++) {
    const id = below.ids[i]!;
    const j = ((Math.floor(id / side) >> 1) * half) + ((id % side) >> 1);
    count[j]! += below.count[i]!;
    sumLon[j]! += below.sumLon[i]!;
    sumLat[j]! += below.sumLat[i]!;
    if (below.first[i]! < first[j]!) first[j] = below.first[i]!;
    if ((i & (CHUNK - 1)) === CHUNK - 1) yield;
  }
  let filled = 0;
  for (let j = 0; j < cells; j++) if (count[j]) filled++;
  const out: Cells = { ids: new Uint32Array(filled), count: new Uint32Array(filled), sumLon: new Float64Array(filled), sumLat: new Float64Array(filled), first: new Uint32Array(filled) };
  for (let j = 0, k = 0; j < cells; j++) {
    if (!count[j]) continue;
    out.ids[k] = j;
    out.count[k] = count[j]!;
    out.sumLon[k] = sumLon[j]!;
    out.sumLat[k] = sumLat[j]!;
    out.first[k] = first[j]!;
    k++;
  }
  return out;
}

/** First position in a sorted id array at or after `id`. */
function lowerBound(ids: Uint32Array, id: number): number {
  let lo = 0, hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ids[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The cells of one row from column `from` to `to` (none when from > to: every id found is past `last`). */
function addCells(cells: Cells, side: number, row: number, from: number, to: number, add: Sink): void {
  const last = row * side + to;
  for (let j = lowerBound(cells.ids, row * side + from); j < cells.ids.length && cells.ids[j]! <= last; j++) {
    add(cells.sumLon[j]!, cells.sumLat[j]!, cells.count[j]!, cells.first[j]!);
  }
}

/**
 * Every point in [w, s, e, n], as weighted candidates: whole cells of pyramid level `level` where they lie
 * inside, whole buckets where they lie inside, single points elsewhere. `level` -1 gives single points only.
 */
export function candidatesIn(index: SpatialIndex, bbox: readonly number[], level: number, out: Sink): void {
  const [w, s, e, n] = bbox as [number, number, number, number];
  const { side, dx, dy, minLon, minLat, lon, lat, order, start } = index;
  if (!index.n || e < index.minLon || w > index.maxLon || n < index.minLat || s > index.maxLat) return;
  const col = (x: number) => Math.max(0, Math.min(side - 1, Math.floor((x - minLon) / dx)));
  const row = (y: number) => Math.max(0, Math.min(side - 1, Math.floor((y - minLat) / dy)));
  const c0 = col(w), c1 = col(e), r0 = row(s), r1 = row(n);
  // Buckets wholly inside the view (with a margin for rounding at the bucket edges): a column is inside when it
  // starts at or after w + EPS and ends at or before e - EPS (rows likewise). Both edges grow with the column, so
  // the pass from the west needs only the first test and the pass from the east only the second: every column
  // between the two passes both.
  const colEnd = (c: number) => (c === side - 1 ? Math.max(index.maxLon, minLon + side * dx) : minLon + (c + 1) * dx);
  const rowEnd = (r: number) => (r === side - 1 ? Math.max(index.maxLat, minLat + side * dy) : minLat + (r + 1) * dy);
  let ci0 = c0, ci1 = c1, ri0 = r0, ri1 = r1;
  while (ci0 <= c1 && minLon + ci0 * dx < w + EPS) ci0++;
  while (ci1 >= ci0 && colEnd(ci1) > e - EPS) ci1--;
  while (ri0 <= r1 && minLat + ri0 * dy < s + EPS) ri0++;
  while (ri1 >= ri0 && rowEnd(ri1) > n - EPS) ri1--;
  // The block of pyramid cells wholly inside, in bucket coordinates [cc0, cc1] × [cr0, cr1].
  let cc0 = 1, cc1 = 0, cr0 = 1, cr1 = 0;
  if (level >= 0 && ci0 <= ci1 && ri0 <= ri1) {
    const k = 2 ** level, cells = index.levels[level]!, lside = side / k;
    const K0 = Math.ceil(ci0 / k), K1 = Math.floor((ci1 + 1) / k) - 1, R0 = Math.ceil(ri0 / k), R1 = Math.floor((ri1 + 1) / k) - 1;
    if (K0 <= K1 && R0 <= R1) {
      for (let R = R0; R <= R1; R++) addCells(cells, lside, R, K0, K1, out);
      [cc0, cc1, cr0, cr1] = [K0 * k, (K1 + 1) * k - 1, R0 * k, (R1 + 1) * k - 1];
    }
  }
  const points = (r: number, a: number, b: number) => {
    for (let j = start[r * side + a]!, end = start[r * side + b + 1]!; j < end; j++) {
      const i = order[j]!, x = lon[i]!, y = lat[i]!;
      if (x < w || x > e || y < s || y > n) continue;
      out(x, y, 1, i);
    }
  };
  // Columns a..b of row r (a ≤ b + 1: an empty range reads nothing): buckets inside as whole buckets, the rest as
  // points.
  const segment = (r: number, a: number, b: number) => {
    if (level < 0 || r < ri0 || r > ri1) return points(r, a, b);
    const ia = Math.max(a, ci0), ib = Math.min(b, ci1);
    if (ia > ib) return points(r, a, b);
    points(r, a, ia - 1);
    addCells(index.levels[0]!, side, r, ia, ib, out);
    points(r, ib + 1, b);
  };
  for (let r = r0; r <= r1; r++) {
    if (r >= cr0 && r <= cr1) {
      segment(r, c0, cc0 - 1);
      segment(r, cc1 + 1, c1);
    } else {
      segment(r, c0, c1);
    }
  }
}

/** How many points lie in [w, s, e, n], and (up to `limit`) the smallest indices among them, ascending. */
export function firstIn(index: SpatialIndex, bbox: readonly number[], limit: number): { total: number; first: number[] } {
  const [w, s, e, n] = bbox as [number, number, number, number];
  const { lon, lat, order, start, side } = index;
  let total = 0;
  const buckets: number[] = [], singles: number[] = [];
  candidatesIn(index, bbox, 0, (_x, _y, count, first) => {
    total += count;
    if (count === 1) singles.push(first);
    else buckets.push(first);
  });
  if (limit <= 0 || !total) return { total, first: [] };
  const first: number[] = [];
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: both ways give the same smallest indices (a walk in order, or the buckets' ids sorted); the threshold only picks the faster
  if (total > 30_000) {
    // Many in view: walk the directory in order until the limit is reached (a few thousand steps expected,
    // a million at worst, still a few milliseconds over typed arrays).
    for (let i = 0; i < index.n && first.length < limit; i++) {
      const x = lon[i]!, y = lat[i]!;
      if (x >= w && x <= e && y >= s && y <= n) first.push(i);
    }
    return { total, first };
  }
  const ids = new Uint32Array(total);
  let k = 0;
  for (const i of singles) ids[k++] = i;
  for (const i0 of buckets) {
    // A whole bucket inside the view: all its points, from the bucket of any member.
    const b = Math.min(side - 1, Math.floor((lat[i0]! - index.minLat) / index.dy)) * side + Math.min(side - 1, Math.floor((lon[i0]! - index.minLon) / index.dx));
    for (let j = start[b]!; j < start[b + 1]!; j++) ids[k++] = order[j]!;
  }
  ids.sort();
  for (let j = 0; j < Math.min(limit, k); j++) first.push(ids[j]!);
  return { total, first };
}
