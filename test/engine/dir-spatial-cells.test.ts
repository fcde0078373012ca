// Which candidates `candidatesIn` gives, one by one, on a hand-made index whose buckets are known: a 16 × 16 grid
// of 1° buckets over [0, 16]² (128 points: the two far corners and 63 buckets of two points each, so side 16 and
// dx = dy = 1 exactly). The oracle below works from that layout alone, not from spatial.ts: a bucket whose extent
// lies inside the box (with a 1e-9 margin) is whole; a pyramid cell of level L (2^L × 2^L buckets, aligned) whose
// buckets are all whole comes out as one candidate; the other whole buckets come out as buckets; every other point
// in the box comes out on its own. A whole bucket of two points gives one candidate of count 2, so a shortcut that
// is skipped (points instead of a cell) or taken where it must not be (a cell that sticks out) changes the list,
// even where counts and sums would agree. Also `firstIn`'s walk over more than 30,000 entries in view, with points
// outside each side of the box and on each edge at the lowest indices, against a linear scan.
import { expect } from 'chai';
import { buildSpatialIndex, candidatesIn, firstIn } from '../../src/engine/directory/spatial.js';
import { runNow } from '../../src/engine/directory/slices.js';

const SIDE = 16;
const EPS = 1e-9;

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** 63 distinct buckets, two points in each (at +1/4 and +3/4 across, +1/4 and +5/8 up), then the corners (0, 0) and (16, 16). */
function layout(seed: number, x0 = 0, y0 = 0, d = 1): { lon: number[]; lat: number[]; bucketOf: number[] } {
  const rnd = random(seed);
  const chosen = new Set<number>();
  // Not buckets (0, 0) and (15, 15): the corner points land there, on their own.
  while (chosen.size < 63) {
    const b = Math.floor(rnd() * SIDE * SIDE);
    if (b !== 0 && b !== SIDE * SIDE - 1) chosen.add(b);
  }
  const lon: number[] = [], lat: number[] = [], bucketOf: number[] = [];
  // Shuffled order of the points, so a bucket's smallest index is not its first-made point.
  const pts: [number, number, number][] = [];
  for (const b of chosen) {
    const bx = b % SIDE, by = Math.floor(b / SIDE);
    pts.push([bx + 0.25, by + 0.25, b], [bx + 0.75, by + 0.625, b]);
  }
  for (let i = pts.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [pts[i], pts[j]] = [pts[j]!, pts[i]!];
  }
  pts.push([0, 0, 0], [SIDE, SIDE, SIDE * SIDE - 1]);
  for (const [x, y, b] of pts) { lon.push(x0 + x * d); lat.push(y0 + y * d); bucketOf.push(b); }
  return { lon, lat, bucketOf };
}

type Cand = [count: number, sumLon: number, sumLat: number, first: number];
const sortC = (c: Cand[]) => c.slice().sort((a, b) => a[3] - b[3]);

/** The expected candidates, from the layout (bucket (bx, by) spans [bx, bx + 1] × [by, by + 1]). */
function oracle(lon: number[], lat: number[], bucketOf: number[], [w, s, e, n]: number[], level: number, x0 = 0, y0 = 0, d = 1): Cand[] {
  const whole = (bx: number, by: number) =>
    level >= 0 && x0 + bx * d >= w! + EPS && x0 + (bx + 1) * d <= e! - EPS && y0 + by * d >= s! + EPS && y0 + (by + 1) * d <= n! - EPS;
  const k = 2 ** level;
  const cellWhole = (cx: number, cy: number) => {
    for (let y = cy * k; y < (cy + 1) * k; y++) for (let x = cx * k; x < (cx + 1) * k; x++) if (!whole(x, y)) return false;
    return true;
  };
  const groups = new Map<string, Cand>();
  const out: Cand[] = [];
  for (let i = 0; i < lon.length; i++) {
    const x = lon[i]!, y = lat[i]!;
    if (x < w! || x > e! || y < s! || y > n!) continue;
    const bx = bucketOf[i]! % SIDE, by = Math.floor(bucketOf[i]! / SIDE);
    let key: string | undefined;
    if (level >= 0 && cellWhole(Math.floor(bx / k), Math.floor(by / k))) key = `L${Math.floor(bx / k)},${Math.floor(by / k)}`;
    else if (whole(bx, by)) key = `b${bx},${by}`;
    if (!key) { out.push([1, x, y, i]); continue; }
    const g = groups.get(key);
    if (g) { g[0]++; g[1] += x; g[2] += y; g[3] = Math.min(g[3], i); }
    else groups.set(key, [1, x, y, i]);
  }
  return sortC([...out, ...groups.values()]);
}

function got(index: ReturnType<typeof buildSpatialIndex> extends Generator<unknown, infer R> ? R : never, box: number[], level: number): Cand[] {
  const out: Cand[] = [];
  candidatesIn(index, box, level, (x, y, c, f) => out.push([c, x, y, f]));
  return sortC(out);
}

describe('spatial index: the exact candidates on a hand-made grid', () => {
  const { lon, lat, bucketOf } = layout(11);
  const index = runNow(buildSpatialIndex(Float64Array.from(lon), Float64Array.from(lat)));

  it('the layout is the one the oracle assumes', () => {
    expect([index.n, index.side, index.dx, index.dy, index.minLon, index.maxLon, index.minLat, index.maxLat]).to.deep.equal([128, 16, 1, 1, 0, 16, 0, 16]);
    for (let i = 0; i < lon.length; i++) {
      const b = bucketOf[i]!;
      let found = false;
      for (let j = index.start[b]!; j < index.start[b + 1]!; j++) if (index.order[j] === i) found = true;
      expect(found, `point ${i} in bucket ${b}`).to.equal(true);
    }
  });

  // Box edges: off the data, on the data's edges, on bucket edges (a bucket touching the box's edge is not whole),
  // a hair inside and outside bucket edges, and between a bucket's two points.
  // Edges exactly one margin (1e-9) off a bucket edge: (v - 1e-9) + 1e-9 and (v + 1e-9) - 1e-9 give v back in
  // floating point for these v, so a bucket there is not whole (the margin is strict on neither side).
  const edges = [-2, 0, 1e-10, 0.5, 1, 1.5, 2, 2 + 2e-9, 3, 4 - 2e-9, 4, 5.5, 7, 8, 9.25, 12, 13.5, 15, 15.5, 16 - 1e-10, 16, 17,
    2 - 1e-9, 3 + 1e-9, 4 + 1e-9, 8 - 1e-9, 12 + 1e-9, 15 - 1e-9, 16 + 1e-9, -1e-9];
  const boxes: number[][] = [];
  const rnd = random(5);
  for (let t = 0; t < 400; t++) {
    const a = edges[Math.floor(rnd() * edges.length)]!, b = edges[Math.floor(rnd() * edges.length)]!;
    const c = edges[Math.floor(rnd() * edges.length)]!, d = edges[Math.floor(rnd() * edges.length)]!;
    boxes.push([Math.min(a, b), Math.min(c, d), Math.max(a, b), Math.max(c, d)]);
  }
  boxes.push([-2, -2, 17, 17], [0, 0, 16, 16], [1, 1, 15, 15], [0.5, 0.5, 15.5, 15.5], [3.5, 2.5, 12.5, 13.5], [4, 4, 8, 8],
    [3.9, 3.9, 8.1, 8.1], [7.9, 0.5, 16.5, 8.1], [0.5, 7.9, 8.1, 16.5], [2.5, 2.5, 2.6, 2.6], [15.5, 15.5, 16, 16], [-1, -1, 0.5, 0.5],
    [-5, -5, -1, 20], [17, -5, 20, 20], [-5, 17, 20, 20], [-5, -5, 20, -1],
    [2 - 1e-9, 2 - 1e-9, 12 + 1e-9, 12 + 1e-9], [4 - 1e-9, 4 - 1e-9, 8 + 1e-9, 8 + 1e-9], [-1e-9, -1e-9, 16 + 1e-9, 16 + 1e-9],
    // One whole column (or row) and a block of whole rows (or columns) that holds no pyramid cell of level 2 or 3.
    [0.5, -2, 2 + 2e-9, 5.5], [-2, 0.5, 5.5, 2 + 2e-9], [4.5, -2, 6 + 2e-9, 17], [-2, 4.5, 17, 6 + 2e-9],
    // A box inside the last column (or row) reaching past the data: that bucket is cut, not whole.
    [15.5, -2, 17, 17], [-2, 15.5, 17, 17], [15.5, 15.5, 17, 17], [0.5, 0.5, 0.75, 17]);

  for (const level of [-1, 0, 1, 2, 3, 4]) {
    it(`level ${level}: every box's candidates, one by one`, () => {
      let cells = 0;
      for (const box of boxes) {
        const want = oracle(lon, lat, bucketOf, box, level);
        cells += want.filter((c) => c[0] > 1).length;
        expect(got(index, box, level), `box ${box} level ${level}`).to.deep.equal(want);
      }
      if (level >= 0) expect(cells, 'whole cells came out').to.be.greaterThan(100);
    });
  }

  it('a pyramid cell comes out whole exactly when all its buckets are inside (levels 1 to 3, one box)', () => {
    // [4 - δ, 4 - δ, 12 + δ, 12 + δ] holds buckets 4..11 whole: at level 2 that is the 2 × 2 cells (1..2, 1..2),
    // at level 3 only buckets 8..15 would make a cell, and 12..15 are not whole, so no level-3 cell.
    const box = [4 - 1e-6, 4 - 1e-6, 12 + 1e-6, 12 + 1e-6];
    for (const level of [1, 2, 3]) expect(got(index, box, level), `level ${level}`).to.deep.equal(oracle(lon, lat, bucketOf, box, level));
    const counts = got(index, box, 2).map((c) => c[0]);
    const inBox = lon.filter((x, i) => x >= box[0]! && x <= box[2]! && lat[i]! >= box[1]! && lat[i]! <= box[3]!).length;
    expect(counts.reduce((a, b) => a + b, 0)).to.equal(inBox);
    // Everything is whole here, so no single point of a two-point bucket.
    expect(counts.every((c) => c >= 2), 'only whole cells and buckets').to.equal(true);
  });
});

describe('spatial index: the exact candidates on the same grid scaled (½° buckets from (100°, 20°))', () => {
  // The same layout with buckets of 0.5° from (100, 20): dx = dy = 0.5, all positions exact in binary, so a
  // bucket's bounds computed by multiplying and by dividing differ (as they do not at dx = 1 from 0).
  const X0 = 100, Y0 = 20, D = 0.5;
  const { lon, lat, bucketOf } = layout(11, X0, Y0, D);
  const index = runNow(buildSpatialIndex(Float64Array.from(lon), Float64Array.from(lat)));
  const rnd = random(6);
  const edges = [-2, 0, 0.5, 1, 1.5, 2, 3, 4, 5.5, 7, 8, 9.25, 12, 13.5, 15, 15.5, 16, 17];
  const boxes: number[][] = [];
  for (let t = 0; t < 300; t++) {
    const [a, b, c, dd] = [0, 1, 2, 3].map(() => edges[Math.floor(rnd() * edges.length)]!);
    boxes.push([Math.min(a!, b!), Math.min(c!, dd!), Math.max(a!, b!), Math.max(c!, dd!)]);
  }
  boxes.push([-2, -2, 17, 17], [15.5, -2, 17, 17], [-2, 15.5, 17, 17], [0.5, -2, 2.25, 5.5], [-2, 0.5, 5.5, 2.25]);

  it('the layout: side 16, buckets of 0.5°', () => {
    expect([index.side, index.dx, index.dy, index.minLon, index.maxLon, index.minLat, index.maxLat]).to.deep.equal([16, 0.5, 0.5, 100, 108, 20, 28]);
  });

  for (const level of [-1, 0, 1, 2, 3]) {
    it(`level ${level}: every box's candidates, one by one`, () => {
      for (const b of boxes) {
        const box = [X0 + b[0]! * D, Y0 + b[1]! * D, X0 + b[2]! * D, Y0 + b[3]! * D];
        expect(got(index, box, level), `box ${box} level ${level}`).to.deep.equal(oracle(lon, lat, bucketOf, box, level, X0, Y0, D));
      }
    });
  }
});

describe('firstIn over more than 30,000 entries in view', () => {
  it('skips points outside each side, keeps points on each edge, in the directory order (linear scan oracle)', () => {
    const box = [100, 20, 110, 30];
    const lon: number[] = [], lat: number[] = [];
    // The lowest indices: just outside each side, then exactly on each edge and corner, then outside again.
    const outside = [[99.999, 25], [110.001, 25], [105, 19.999], [105, 30.001], [99, 19], [111, 31]];
    const onEdge = [[100, 25], [110, 25], [105, 20], [105, 30], [100, 20], [110, 30]];
    for (let r = 0; r < 3; r++) for (const p of [...outside, ...onEdge]) { lon.push(p[0]!); lat.push(p[1]!); }
    const rnd = random(9);
    for (let i = 0; i < 36_000; i++) {
      if (i % 7 === 0) { const p = outside[i % outside.length]!; lon.push(p[0]!); lat.push(p[1]!); }
      else { lon.push(100 + rnd() * 10); lat.push(20 + rnd() * 10); }
    }
    const index = runNow(buildSpatialIndex(Float64Array.from(lon), Float64Array.from(lat)));
    const want: number[] = [];
    for (let i = 0; i < lon.length; i++) if (lon[i]! >= 100 && lon[i]! <= 110 && lat[i]! >= 20 && lat[i]! <= 30) want.push(i);
    expect(want.length).to.be.greaterThan(30_000);
    expect(want[0]).to.equal(outside.length);
    // Up to more than are in view: the walk stops at the end of the directory.
    for (const limit of [1, 3, 6, 13, 40, 500, want.length, want.length + 7]) {
      expect(firstIn(index, box, limit), `limit ${limit}`).to.deep.equal({ total: want.length, first: want.slice(0, limit) });
    }
  });
});

describe('spatial index build: yields at the last step of a chunk', () => {
  it('16,383 points, one per bucket: no pass reaches a 16,384th step, so only the fixed yields (counted by hand)', () => {
    // Points at (x + 0.5, y + 0.5) for buckets 1 .. 16,381 of a 256-wide row-major grid, and the corners (0, 0) and
    // (256, 256): n = 16,383 = 2^14 - 1, side 256 (128² = 16,384 < 2n), dx = dy = 1, 16,383 buckets filled.
    // Passes: bounds, bucketing, ordering (16,383 steps each) 0; prefix sums (65,536 buckets, one yield per 65,536)
    // 1; the cursor 1; the count of filled buckets 1; level 0 (16,383 cells, a yield after every 16,384th) 0;
    // merges (at most 16,383 cells below) 0. Total 3. A loop that ran one step too far would reach step 16,383
    // (index 2^14 - 1) and yield once more.
    const lon: number[] = [0], lat: number[] = [0];
    for (let b = 1; b <= 16_381; b++) { lon.push((b % 256) + 0.5); lat.push(Math.floor(b / 256) + 0.5); }
    lon.push(256);
    lat.push(256);
    const g = buildSpatialIndex(Float64Array.from(lon), Float64Array.from(lat));
    let k = 0, r = g.next();
    while (!r.done) { k++; r = g.next(); }
    const index = r.value;
    expect([index.n, index.side, index.dx, index.dy, index.levels[0]!.ids.length, index.levels[1]!.ids.length]).to.deep.equal([16_383, 256, 1, 1, 16_383, 4_097]);
    expect(k).to.equal(3);
  });

  it('1,000 points: 4,096 buckets, fewer than one prefix-sum chunk, so only the cursor and filled-count yields', () => {
    // n = 1,000: side 64 (32² = 1,024 < 2n ≤ 64² = 4,096). Bounds, bucketing, ordering (1,000 steps each) 0; prefix
    // sums over 4,096 buckets, a yield after every 65,536th, 0; the cursor 1; the count of filled buckets 1; level 0
    // and the merges (at most 1,000 cells) 0. Total 2. A prefix pass yielding at a smaller stride (after the 4,096th
    // bucket, say) would yield once more.
    const lon: number[] = [], lat: number[] = [];
    for (let i = 0; i < 1_000; i++) { lon.push(100 + (i % 40) * 0.25); lat.push(20 + Math.floor(i / 40) * 0.25); }
    const g = buildSpatialIndex(Float64Array.from(lon), Float64Array.from(lat));
    let k = 0, r = g.next();
    while (!r.done) { k++; r = g.next(); }
    expect([r.value.n, r.value.side]).to.deep.equal([1_000, 64]);
    expect(k).to.equal(2);
  });
});
