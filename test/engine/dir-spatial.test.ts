// The static spatial index (src/engine/directory/spatial.ts) against linear scans: what lies in a box (count, exact
// sums, the smallest indices), whatever the pyramid level the candidates come from; the buckets and pyramid levels
// against a brute-force regrouping of the points; and how often a build yields, worked out by hand for inputs whose
// buckets are known. Coordinates are multiples of 2^-20, so sums are exact.
import { expect } from 'chai';
import { buildSpatialIndex, candidatesIn, firstIn, type SpatialIndex } from '../../src/engine/directory/spatial.js';
import { runNow } from '../../src/engine/directory/slices.js';

const Q = 2 ** -20;
const quant = (v: number) => Math.round(v / Q) * Q;

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const build = (lon: number[], lat: number[]) => runNow(buildSpatialIndex(Float64Array.from(lon), Float64Array.from(lat)));
const inBox = (lon: number[], lat: number[], [w, s, e, n]: number[]) => lon.map((_, i) => i).filter((i) => lon[i]! >= w! && lon[i]! <= e! && lat[i]! >= s! && lat[i]! <= n!);

/** Points in clumps and scattered, some repeated, some on a lattice (so box edges fall exactly on points). */
function points(seed: number, n: number): { lon: number[]; lat: number[] } {
  const rnd = random(seed);
  const lon: number[] = [], lat: number[] = [];
  for (let i = 0; i < n; i++) {
    const kind = rnd();
    if (kind < 0.3) { lon.push(quant(100 + 20 * rnd())); lat.push(quant(20 + 15 * rnd())); }
    else if (kind < 0.6) { lon.push(quant(113 + 0.3 * rnd())); lat.push(quant(23 + 0.2 * rnd())); }
    else if (kind < 0.9) { lon.push(100 + Math.floor(rnd() * 41) * 0.5); lat.push(20 + Math.floor(rnd() * 31) * 0.5); }
    else { lon.push(lon[Math.floor(rnd() * lon.length)] ?? 110); lat.push(lat[Math.floor(rnd() * lat.length)] ?? 25); }
  }
  return { lon, lat };
}

function boxes(seed: number): number[][] {
  const rnd = random(seed);
  const out: number[][] = [
    [-180, -90, 180, 90], [100, 20, 120, 35], [113, 23, 113.3, 23.2], [112.9, 22.9, 113.15, 23.1], [105, 25, 105, 25],
    [105, 20, 105, 35], [100, 27.5, 120, 27.5], [0, 0, 10, 10], [121, 20, 130, 40], [100, 35.5, 120, 40], [99, 19, 100, 20],
    [119.5, 34.5, 125, 40], [109.75, 24.25, 110.25, 30.75],
  ];
  for (let k = 0; k < 40; k++) {
    const w = 99 + rnd() * 22, s = 19 + rnd() * 17;
    out.push([w, s, w + rnd() * rnd() * 20, s + rnd() * rnd() * 15]);
    // Edges on lattice lines: points lie exactly on them.
    const lw = 100 + Math.floor(rnd() * 40) * 0.5, ls = 20 + Math.floor(rnd() * 30) * 0.5;
    out.push([lw, ls, lw + Math.ceil(rnd() * 10) * 0.5, ls + Math.ceil(rnd() * 8) * 0.5]);
  }
  return out;
}

/** Every candidate of `candidatesIn`, checked against the points in the box (problems collected, then asserted). */
function checkCandidates(index: SpatialIndex, lon: number[], lat: number[], box: number[], level: number) {
  const want = inBox(lon, lat, box);
  const inside = new Set(want);
  let count = 0, sx = 0, sy = 0;
  const firsts: number[] = [];
  const problems: string[] = [];
  const label = `box ${box} level ${level}`;
  candidatesIn(index, box, level, (sumLon, sumLat, k, first) => {
    count += k;
    sx += sumLon;
    sy += sumLat;
    firsts.push(first);
    if (!(k >= 1)) problems.push(`count ${k}`);
    if (!inside.has(first)) problems.push(`first ${first} not in the box`);
    if (k === 1) {
      if (sumLon !== lon[first] || sumLat !== lat[first]) problems.push(`single ${first} at ${sumLon},${sumLat}`);
    } else {
      // A whole cell lies inside the box, so does the mean of its points.
      const mx = sumLon / k, my = sumLat / k;
      if (!(mx >= box[0]! - 1e-9 && mx <= box[2]! + 1e-9 && my >= box[1]! - 1e-9 && my <= box[3]! + 1e-9)) problems.push(`cell mean ${mx},${my} outside`);
    }
  });
  expect(problems.slice(0, 5), label).to.deep.equal([]);
  expect(count, `${label}: count`).to.equal(want.length);
  expect(sx, `${label}: sum of longitudes`).to.equal(want.reduce((a, i) => a + lon[i]!, 0));
  expect(sy, `${label}: sum of latitudes`).to.equal(want.reduce((a, i) => a + lat[i]!, 0));
  expect(new Set(firsts).size, `${label}: each candidate has its own first point`).to.equal(firsts.length);
  if (want.length) expect(firsts.includes(want[0]!), `${label}: the smallest index in the box is some candidate's first`).to.equal(true);
  return firsts.length;
}

describe('spatial index against linear scans', () => {
  it('counts, sums and firsts of the candidates in 93 boxes at every pyramid level', () => {
    const { lon, lat } = points(1, 3000);
    const index = build(lon, lat);
    expect(index.side).to.equal(128);
    let fewer = 0;
    for (const box of boxes(2)) {
      const single = checkCandidates(index, lon, lat, box, -1);
      for (let level = 0; level < index.levels.length; level++) {
        if (checkCandidates(index, lon, lat, box, level) < single) fewer++;
      }
    }
    expect(fewer, 'whole cells were used').to.be.greaterThan(50);
  });

  it('firstIn: the count in view and the smallest indices, up to the limit', () => {
    const { lon, lat } = points(3, 3000);
    const index = build(lon, lat);
    for (const box of boxes(4)) {
      const want = inBox(lon, lat, box);
      for (const limit of [0, 1, 5, 100, 5000]) {
        expect(firstIn(index, box, limit), `box ${box} limit ${limit}`).to.deep.equal({ total: want.length, first: want.slice(0, limit) });
      }
      expect(firstIn(index, box, -1).first).to.deep.equal([]);
    }
  });

  it('firstIn over more than 30,000 entries in view walks the directory in order', () => {
    const { lon, lat } = points(5, 40_000);
    const index = build(lon, lat);
    for (const box of [[-180, -90, 180, 90], [100, 20, 120, 35], [100, 20, 113.2, 35], [113, 23, 113.3, 23.2], [100, 20, 113.15, 30]]) {
      const want = inBox(lon, lat, box);
      for (const limit of [0, 3, 500, 5000]) {
        expect(firstIn(index, box, limit), `box ${box} limit ${limit}`).to.deep.equal({ total: want.length, first: want.slice(0, limit) });
      }
    }
  });

  it('an empty index, one point, and all points at one place', () => {
    const empty = build([], []);
    expect([empty.n, empty.side, empty.minLon, empty.maxLat]).to.deep.equal([0, 1, 0, 0]);
    expect(firstIn(empty, [-180, -90, 180, 90], 10)).to.deep.equal({ total: 0, first: [] });
    let called = 0;
    candidatesIn(empty, [-180, -90, 180, 90], 0, () => called++);
    expect(called).to.equal(0);
    const one = build([113.5], [22.5]);
    expect([one.side, one.minLon, one.maxLon, one.minLat, one.maxLat]).to.deep.equal([2, 113.5, 113.5, 22.5, 22.5]);
    expect(firstIn(one, [113.5, 22.5, 113.5, 22.5], 10)).to.deep.equal({ total: 1, first: [0] });
    expect(firstIn(one, [113.6, 22, 114, 23], 10)).to.deep.equal({ total: 0, first: [] });
    expect(firstIn(one, [113, 22.6, 114, 23], 10)).to.deep.equal({ total: 0, first: [] });
    expect(firstIn(one, [113, 22, 113.4, 23], 10)).to.deep.equal({ total: 0, first: [] });
    expect(firstIn(one, [113, 22, 114, 22.4], 10)).to.deep.equal({ total: 0, first: [] });
    const same = build(Array(7).fill(113.5), Array(7).fill(22.5));
    expect([same.dx, same.dy]).to.deep.equal([1e-9, 1e-9]);
    expect(firstIn(same, [113, 22, 114, 23], 4)).to.deep.equal({ total: 7, first: [0, 1, 2, 3] });
    for (let level = -1; level < same.levels.length; level++) checkCandidates(same, Array(7).fill(113.5), Array(7).fill(22.5), [113, 22, 114, 23], level);
  });

  it('buckets: a power-of-two grid with at least 2n buckets (at most 1024 a side), points sorted stably by bucket', () => {
    for (const [n, side] of [[1, 2], [2, 2], [3, 4], [8, 4], [9, 8], [32, 8], [33, 16], [600, 64], [2048, 64], [2049, 128]] as const) {
      const { lon, lat } = points(10 + n, n);
      expect(build(lon, lat).side, `n ${n}`).to.equal(side);
    }
    const { lon, lat } = points(7, 2500);
    const index = build(lon, lat);
    expect([index.minLon, index.maxLon, index.minLat, index.maxLat]).to.deep.equal([Math.min(...lon), Math.max(...lon), Math.min(...lat), Math.max(...lat)]);
    expect(index.dx).to.equal((index.maxLon - index.minLon) / index.side);
    expect(index.dy).to.equal((index.maxLat - index.minLat) / index.side);
    const side = index.side;
    expect(index.start.length).to.equal(side * side + 1);
    expect(index.start[side * side]).to.equal(2500);
    const seen = new Set<number>();
    for (let b = 0; b < side * side; b++) {
      const bx = b % side, by = Math.floor(b / side);
      let last = -1;
      for (let j = index.start[b]!; j < index.start[b + 1]!; j++) {
        const i = index.order[j]!;
        seen.add(i);
        expect(i, 'ascending within a bucket').to.be.greaterThan(last);
        last = i;
        // The point lies in its bucket's extent (the last row and column take the far edge).
        expect(lon[i]! >= index.minLon + bx * index.dx - 1e-9 && (bx === side - 1 || lon[i]! < index.minLon + (bx + 1) * index.dx + 1e-9), `lon of ${i} in column ${bx}`).to.equal(true);
        expect(lat[i]! >= index.minLat + by * index.dy - 1e-9 && (by === side - 1 || lat[i]! < index.minLat + (by + 1) * index.dy + 1e-9), `lat of ${i} in row ${by}`).to.equal(true);
      }
    }
    expect(seen.size).to.equal(2500);
    // Each pyramid level: the buckets regrouped 2^L × 2^L, by brute force.
    for (let level = 0; level < index.levels.length; level++) {
      const k = 2 ** level, lside = side / k;
      const want = new Map<number, { count: number; sumLon: number; sumLat: number; first: number }>();
      for (let b = 0; b < side * side; b++) {
        for (let j = index.start[b]!; j < index.start[b + 1]!; j++) {
          const i = index.order[j]!;
          const id = Math.floor(Math.floor(b / side) / k) * lside + Math.floor((b % side) / k);
          const c = want.get(id) ?? { count: 0, sumLon: 0, sumLat: 0, first: Infinity };
          c.count++;
          c.sumLon += lon[i]!;
          c.sumLat += lat[i]!;
          c.first = Math.min(c.first, i);
          want.set(id, c);
        }
      }
      const cells = index.levels[level]!;
      const ids = [...want.keys()].sort((a, b) => a - b);
      expect([...cells.ids], `level ${level} ids`).to.deep.equal(ids);
      expect([...cells.count], `level ${level} counts`).to.deep.equal(ids.map((id) => want.get(id)!.count));
      expect([...cells.sumLon], `level ${level} lon sums`).to.deep.equal(ids.map((id) => want.get(id)!.sumLon));
      expect([...cells.sumLat], `level ${level} lat sums`).to.deep.equal(ids.map((id) => want.get(id)!.sumLat));
      expect([...cells.first], `level ${level} firsts`).to.deep.equal(ids.map((id) => want.get(id)!.first));
    }
    expect(index.levels.at(-1)!.ids.length).to.equal(1);
    expect(index.levels.length).to.equal(Math.log2(side) + 1);
  });

  it('the bucket grid stops at 1024 a side', () => {
    const n = 600_000;
    const lon = new Float64Array(n), lat = new Float64Array(n);
    for (let i = 0; i < n; i++) { lon[i] = 100 + (i % 1000) * 0.01; lat[i] = 20 + Math.floor(i / 1000) * 0.01; }
    expect(runNow(buildSpatialIndex(lon, lat)).side).to.equal(1024);
  });

  it('yields once per 16,384 steps of each pass (counts worked out by hand)', () => {
    const yields = (lon: number[], lat: number[]) => {
      const g = buildSpatialIndex(Float64Array.from(lon), Float64Array.from(lat));
      let k = 0;
      while (!g.next().done) k++;
      return k;
    };
    // 20,000 points one per bucket of a 256 × 256 grid of 1° buckets (x + 0.5, y + 0.5) and the two far corners:
    // n = 20,002, side 256, 65,536 buckets, 20,001 filled (the corner (0, 0) shares bucket 0).
    // Passes: bounds 1, bucketing 1, prefix sums 65,536 / 65,536 = 1, the cursor 1, ordering 1, the count of filled
    // buckets 1, level 0 (20,001 cells) 1, level 1 (20,001 cells merged) 1, higher levels (≤ 5,009 cells) 0: 8.
    const lon: number[] = [], lat: number[] = [];
    for (let i = 0; i < 20_000; i++) { lon.push((i % 256) + 0.5); lat.push(Math.floor(i / 256) + 0.5); }
    lon.push(0, 256);
    lat.push(0, 256);
    expect(build(lon, lat).levels[0]!.ids.length).to.equal(20_001);
    expect(yields(lon, lat)).to.equal(8);
    // 40,000 points at two places: n = 40,000, side 512, 262,144 buckets, 2 filled.
    // Bounds 2, bucketing 2, prefix sums 4, the cursor 1, ordering 2, filled 1, levels 0: 12.
    const two = Array.from({ length: 40_000 }, (_, i) => i % 2);
    expect(yields(two, two)).to.equal(12);
    // 100 points: only the two unconditional yields.
    expect(yields(two.slice(0, 100), two.slice(0, 100))).to.equal(2);
  });
});
