// The rules of clustering that a group oracle cannot see, each at hand-placed points where a wrong rule gives a
// different answer: where the bins lie (anchored at the data's or the box's west and south edge), a bin's members
// merge before the greedy pass, ties between equal weights go to the first bin met, a point exactly one radius
// away joins, the pyramid level for a radius. Expected answers are worked by hand (or as plain means of the points
// named), with the radius at zoom 8 = 48/256 × 360/2^8 = 0.263671875° and bins of a third of it, 0.087890625°.
import { expect } from 'chai';
import type { Incubator, IncubatorQuery } from '../../src/contract/index.js';
import { createDirectory } from '../../src/engine/directory/directory.js';
import { levelFor, radiusDegrees } from '../../src/engine/directory/cluster.js';
import { buildSpatialIndex } from '../../src/engine/directory/spatial.js';
import { runNow } from '../../src/engine/directory/slices.js';

const at = (id: string, lon: number, lat: number): Incubator => ({
  id, name: { 'zh-CN': id, 'zh-TW': id, en: id }, kind: 'incubator', level: 'local', lon, lat, adcode: '420100', industries: ['ai'],
});
const round5 = (v: number) => Math.round(v * 1e5) / 1e5;
const mean = (xs: number[]) => round5(xs.reduce((a, b) => a + b, 0) / xs.length);
const answer = (items: Incubator[], q: IncubatorQuery) => {
  const r = createDirectory(items).query(q);
  return { total: r.total, clusters: r.clusters, items: r.items.map((i) => i.id) };
};

/**
 * Bin alignment along one axis. P lies on the data's west (or south) edge, so on a bin edge; Q 0.95 bin further, in
 * the same bin; S (three entries at one place, the heaviest seed) 0.475 bin + 0.95 radius beyond P: within a radius
 * of the bin's mean (0.95 r), but not of P (1.108 r). So S takes P and Q together: one cluster of 5. Were the bins
 * anchored half a bin away, P and Q would fall in two bins and S would take Q only (a cluster of 4 and P alone).
 * F, far away, keeps the index's buckets wider than a bin (single points, not whole buckets, are binned).
 */
function alignment(axis: 'lon' | 'lat', zoom: number, origin: number, far: [number, number]) {
  const r = radiusDegrees(zoom), cell = r / 3;
  const scale = axis === 'lat' ? 1.25 : 1;
  const offsets = { P: 0, Q: (0.95 * cell) / scale, S: (0.475 * cell + 0.95 * r) / scale };
  const place = (id: string, d: number) => (axis === 'lon' ? at(id, origin + d, 30) : at(id, 110, origin + d));
  const items = [place('P', offsets.P), place('Q', offsets.Q), place('S1', offsets.S), place('S2', offsets.S), place('S3', offsets.S), at('F', far[0], far[1])];
  const coords = (ids: string[]) => ids.map((id) => items.find((i) => i.id === id)!);
  const cluster = (ids: string[]) => ({ lon: mean(coords(ids).map((i) => i.lon)), lat: mean(coords(ids).map((i) => i.lat)), count: ids.length });
  return { items, together: { total: 6, clusters: [cluster(['S1', 'S2', 'S3', 'P', 'Q'])], items: ['F'] } };
}

describe('clustering rules at hand-placed points', () => {
  it('bins start at the data\'s west edge (a bin\'s members are taken together)', () => {
    // 109.9951171875 = -180 + 3299.5 bins: bins counted from -180 (the world's edge) would split P and Q. F lies
    // south-east, so P and Q's bin is not in the grid's first row.
    const a = alignment('lon', 8, -180 + 3299.5 * (radiusDegrees(8) / 3), [120, 20]);
    expect(a.items[0]!.lon).to.equal(109.9951171875);
    expect(answer(a.items, { zoom: 8 })).to.deep.equal(a.together);
    expect(answer(a.items, { zoom: 8, bbox: [-180, -90, 180, 90] })).to.deep.equal(a.together);
    // A box whose west edge lies 1.5 bins west of the data: the bins still start at the data.
    expect(answer(a.items, { zoom: 8, bbox: [109.9951171875 - 1.5 * 0.087890625, 19, 125, 31] })).to.deep.equal(a.together);
    // A box whose west edge lies on P: the same.
    expect(answer(a.items, { zoom: 8, bbox: [109.9951171875, 19, 125, 31] })).to.deep.equal(a.together);
  });

  it('bins start at the box\'s west edge when it cuts the data', () => {
    // W (another entry) lies west of the box; the box's edge is P's longitude, so P is on a bin edge again.
    const a = alignment('lon', 8, -180 + 3299.5 * (radiusDegrees(8) / 3), [120, 20]);
    const items = [at('W', 100.04, 30), ...a.items];
    expect(answer(items, { zoom: 8, bbox: [109.9951171875, 19, 125, 31] })).to.deep.equal(a.together);
  });

  it('the bins reach the data\'s east and north edges: the last bin is a bin of its own', () => {
    // In bins from W (the west or south edge): S (three entries) at 97.1, P at 98.6, E at 100.6 (the east or north
    // edge). S takes P (1.5 bins = 0.5 r) but not E (3.5 bins); were the last bins folded into one, P and E would
    // be one bin whose mean (2.5 bins from S) S takes: a cluster of 5.
    const cell = radiusDegrees(8) / 3;
    for (const axis of ['lon', 'lat'] as const) {
      const d = (k: number) => (k * cell) / (axis === 'lat' ? 1.25 : 1);
      const place = (id: string, k: number) => (axis === 'lon' ? at(id, 100 + d(k), 30) : at(id, 110, 20 + d(k)));
      const items = [place('W', 0), place('P', 98.6), place('E', 100.6), place('S1', 97.1), place('S2', 97.1), place('S3', 97.1)];
      const group = ['S1', 'S2', 'S3', 'P'].map((id) => items.find((i) => i.id === id)!);
      expect(answer(items, { zoom: 8 }), axis).to.deep.equal({
        total: 6, clusters: [{ lon: mean(group.map((i) => i.lon)), lat: mean(group.map((i) => i.lat)), count: 4 }], items: ['W', 'E'],
      });
    }
  });

  it('zoom 22 over the whole world: bins and grid too large for arrays, on hash maps', () => {
    // 1 and 1 + 2^-17 lie 7.6e-6° apart, within the radius of 1.6e-5°; the others are a world apart.
    const items = [at('a', -170, -80), at('b', 1, 0), at('c', 1 + 2 ** -17, 0), at('d', 170, 80)];
    expect(answer(items, { zoom: 22 })).to.deep.equal({ total: 4, clusters: [{ lon: 1, lat: 0, count: 2 }], items: ['a', 'd'] });
    expect(answer(items, { zoom: 22, bbox: [-180, -85, 0.5, 85] })).to.deep.equal({ total: 1, clusters: [], items: ['a'] });
  });

  it('bins start at the data\'s south edge, on the map\'s stretched latitude', () => {
    // 29.98828125 = -90 + 1706.5 bins of latitude (0.0703125° = a bin / 1.25): counted from -90 they would split
    // P and Q; counted without the stretch (from 29.98828125 / 1.25 on the map) too (153.54 bins away).
    const a = alignment('lat', 8, -90 + 1706.5 * 0.0703125, [110, 40]);
    expect(a.items[0]!.lat).to.equal(29.98828125);
    expect(answer(a.items, { zoom: 8 })).to.deep.equal(a.together);
    expect(answer(a.items, { zoom: 8, bbox: [100, 29.98828125 - 2.5 * 0.0703125, 120, 45] })).to.deep.equal(a.together);
  });

  it('the same on the hash-mapped bins of a high zoom over a wide area', () => {
    const cell = radiusDegrees(14) / 3;
    const a = alignment('lon', 14, -180 + 211171.5 * cell, [135, 60]);
    expect(answer(a.items, { zoom: 14 })).to.deep.equal(a.together);
    const b = alignment('lat', 14, -90 + 109226.5 * (cell / 1.25), [140, 65]);
    expect(answer(b.items, { zoom: 14 })).to.deep.equal(b.together);
  });

  it('equal weights: the first bin met seeds first (a chain A–B–C, 0.8 radius apart)', () => {
    const r = radiusDegrees(8);
    const items = [at('A', 110, 30), at('B', 110 + 0.8 * r, 30), at('C', 110 + 1.6 * r, 30), at('F', 120, 30)];
    expect(answer(items, { zoom: 8 })).to.deep.equal({
      total: 4, clusters: [{ lon: mean([110, 110 + 0.8 * r]), lat: 30, count: 2 }], items: ['C', 'F'],
    });
  });

  it('a heavier bin seeds first even when it is met last', () => {
    const r = radiusDegrees(8);
    const items = [at('A', 110, 30), at('B', 110 + 0.8 * r, 30), at('C', 110 + 1.6 * r, 30), at('C2', 110 + 1.6 * r, 30), at('F', 120, 30)];
    expect(answer(items, { zoom: 8 })).to.deep.equal({
      total: 5, clusters: [{ lon: mean([110 + 0.8 * r, 110 + 1.6 * r, 110 + 1.6 * r]), lat: 30, count: 3 }], items: ['A', 'F'],
    });
  });

  it('a point exactly one radius away joins (east and north), a hair beyond does not', () => {
    // 0.263671875 and 0.2109375 × 1.25 are exact in binary, so the squared distances equal r² exactly.
    const items = [
      at('X', 110, 30), at('Y', 110.263671875, 30),
      at('Z', 130, 30), at('U', 130, 30.2109375),
      at('G', 150, 30), at('H', 150.263671875 + 2 ** -30, 30),
      at('J', 170, 30), at('K', 170, 30.2109375 + 2 ** -30),
    ];
    expect(answer(items, { zoom: 8 })).to.deep.equal({
      total: 8,
      clusters: [{ lon: 110.13184, lat: 30, count: 2 }, { lon: 130, lat: 30.10547, count: 2 }],
      items: ['G', 'H', 'J', 'K'],
    });
  });

  it('a diagonal neighbour counts both distances (0.55 r east and 0.8 r north: within; 0.62 r and 0.8 r: not)', () => {
    const r = radiusDegrees(8);
    // Within: 0.55 r east and 0.8 r north (0.97 r); beyond: 0.62 r and 0.8 r (1.01 r), though each alone is within.
    const items = [at('A', 110, 30), at('B', 110 + 0.55 * r, 30 + (0.8 * r) / 1.25), at('C', 130, 30), at('D', 130 + 0.62 * r, 30 + (0.8 * r) / 1.25)];
    const r2 = answer(items, { zoom: 8 });
    expect(r2.clusters.map((c) => c.count)).to.deep.equal([2]);
    expect(r2.items).to.deep.equal(['C', 'D']);
    // And a point 1.1 r due north is not within a radius, whatever its longitude difference (none).
    expect(answer([at('A', 110, 30), at('N', 110, 30 + (1.1 * r) / 1.25), at('F', 120, 30)], { zoom: 8 }).items).to.deep.equal(['A', 'N', 'F']);
  });

  it('the pyramid level for a radius: the coarsest whose cells are at most a bin wide, on both axes', () => {
    // Four corners of 8° × 8°: 4 × 4 buckets of 2°, levels 0 (2°), 1 (4°), 2 (8°). Latitude counts 1.25.
    const square = runNow(buildSpatialIndex(Float64Array.from([100, 108, 100, 108]), Float64Array.from([20, 20, 28, 28])));
    expect([square.side, square.levels.length]).to.deep.equal([4, 3]);
    expect(levelFor(square, 7.5)).to.equal(0); // bin 2.5: 2 ≤ 2.5 and 2.5 ≤ 2.5
    expect(levelFor(square, 7.4)).to.equal(-1); // bin 2.4667: 2 × 1.25 > 2.4667
    expect(levelFor(square, 15)).to.equal(1); // bin 5: 4 ≤ 5 and 5 ≤ 5
    expect(levelFor(square, 14.9)).to.equal(0);
    expect(levelFor(square, 1000)).to.equal(2); // no level above the top
    // 10° × 4°: buckets 2.5° wide, 1° tall (1.25 on the map): the width decides.
    const wide = runNow(buildSpatialIndex(Float64Array.from([100, 110, 100, 110]), Float64Array.from([20, 20, 24, 24])));
    expect(levelFor(wide, 7.5)).to.equal(0);
    expect(levelFor(wide, 7.49)).to.equal(-1);
    expect(levelFor(wide, 15)).to.equal(1);
  });

  it('without a zoom: the first entries in view, 500 unless a limit is given', () => {
    const items = Array.from({ length: 620 }, (_, i) => at(`e${i}`, 100 + (i % 31) * 0.5, 20 + Math.floor(i / 31) * 0.5));
    const all = answer(items, {});
    expect(all.total).to.equal(620);
    expect(all.clusters).to.deep.equal([]);
    expect(all.items).to.deep.equal(items.slice(0, 500).map((i) => i.id));
    // Clustered at a zoom where every entry stands alone (0.5° apart, radius 0.066°): also 500 of them.
    const z10 = answer(items, { zoom: 10 });
    expect([z10.total, z10.clusters.length, z10.items.length]).to.deep.equal([620, 0, 500]);
    expect(z10.items).to.deep.equal(items.slice(0, 500).map((i) => i.id));
    // A box: the entries inside it, in the directory's order.
    const box = answer(items, { bbox: [101, 21, 102, 22], limit: 100 });
    const inside = items.filter((i) => i.lon >= 101 && i.lon <= 102 && i.lat >= 21 && i.lat <= 22).map((i) => i.id);
    expect(box).to.deep.equal({ total: inside.length, clusters: [], items: inside });
    expect(inside.length).to.equal(9);
  });
});
