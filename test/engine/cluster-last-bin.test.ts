// The last bin of the grid at the east (north) edge holds whatever lies on that edge, even a whole bucket whose mean
// rounds a hair past it. Three entries at one longitude V have the mean (V + V + V) / 3, which for V = 114.4 is
// 114.40000000000002, one ulp east of the data's east edge (for latitude 30.6 and the map's ×1.25 stretch likewise).
// With the box's west (south) edge placed, by a search over ulps, so that the grid's width is a hair under four bins,
// the three entries P lie in the last bin with Q; were that mean binned past the grid, P would be a bin of its own.
//
// Worked by hand from the rules in cluster-rules.test.ts (bins of a third of the radius from the box's west or south
// edge; a bin's members merge before the greedy pass; the heaviest bin seeds first and takes every bin within a radius
// of itself), at zoom 8: r = 0.263671875°, a bin 0.087890625°. Along the axis, from the east edge V:
//   P1..P3 at V, Q at V − 0.25 r (both in the last bin: 3.25 bins and more from the west edge, fewer than 4);
//   S1..S30 at V − 1.15 r (the heaviest), F at V − 3 r (outside the box: it only widens the index's buckets, so that
//   P, Q and S are whole buckets of their own, not one pyramid cell).
// P and Q's bin has its mean at V − 0.0625 r, 1.0875 r from S: S takes nothing, two clusters, of 30 and of 4. Had P
// a bin of its own, S would take Q (0.9 r away) but not P (1.15 r): clusters of 31 and of 3.
import { expect } from 'chai';
import type { Incubator, IncubatorQuery } from '../../src/contract/index.js';
import { createDirectory } from '../../src/engine/directory/directory.js';

const R = 0.263671875, CELL = R / 3;
const round5 = (v: number) => Math.round(v * 1e5) / 1e5;
const at = (id: string, lon: number, lat: number): Incubator => ({
  id, name: { 'zh-CN': id, 'zh-TW': id, en: id }, kind: 'incubator', level: 'local', lon, lat, adcode: '420100', industries: ['ai'],
});
const nextUp = (x: number, k: number) => {
  const b = new Float64Array([x]);
  new BigInt64Array(b.buffer)[0]! += BigInt(k);
  return b[0]!;
};

/** The layout along one axis, `edge` the data's east (north) edge; offsets in map units (latitude × 1.25). */
function layout(axis: 'lon' | 'lat', edge: number) {
  const s = axis === 'lat' ? 1.25 : 1;
  const place = (id: string, d: number) => (axis === 'lon' ? at(id, edge - d, 30) : at(id, 114, edge - d / s));
  const items = [place('F', 3 * R)];
  for (let i = 1; i <= 30; i++) items.push(place(`S${i}`, 1.15 * R));
  items.push(place('Q', 0.25 * R), place('P1', 0), place('P2', 0), place('P3', 0));
  const cluster = (ids: string[]) => {
    const pts = ids.map((id) => items.find((i) => i.id === id)!);
    const mean = (xs: number[]) => round5(xs.reduce((a, b) => a + b, 0) / xs.length);
    return { lon: mean(pts.map((p) => p.lon)), lat: mean(pts.map((p) => p.lat)), count: ids.length };
  };
  const S = Array.from({ length: 30 }, (_, i) => `S${i + 1}`);
  return {
    items,
    /** P with Q in the last bin. */
    together: { total: 34, clusters: [cluster(S), cluster(['Q', 'P1', 'P2', 'P3'])], items: [] as string[] },
    /** P in a bin of its own (the grid five bins wide, P alone in the fifth). */
    apart: { total: 34, clusters: [cluster([...S, 'Q']), cluster(['P1', 'P2', 'P3'])], items: [] as string[] },
  };
}

const answer = (items: Incubator[], q: IncubatorQuery) => {
  const r = createDirectory(items).query(q);
  return { total: r.total, clusters: r.clusters, items: r.items.map((i) => i.id) };
};

describe('clustering: a whole bucket on the east or north edge whose mean rounds past it stays in the last bin', () => {
  for (const axis of ['lon', 'lat'] as const) {
    // Edges whose mean of three rounds up; the box edge found by stepping ulps from edge − 4 bins.
    const edge = axis === 'lon' ? 114.4 : 30.6;
    const start = axis === 'lon' ? 114.04843750000002 : 30.318750000000005;
    const s = axis === 'lat' ? 1.25 : 1;
    const bbox = (b: number): [number, number, number, number] => (axis === 'lon' ? [b, 29, edge + 1, 31] : [113, b, 115, edge + 1]);

    it(`${axis}: the box edge where the grid is a hair under four bins and P's mean a hair past them`, () => {
      const mean = (edge + edge + edge) / 3;
      expect(mean).to.be.above(edge);
      // In the engine's own arithmetic (distance from the west or south edge over a bin, latitude × 1.25).
      expect((edge * s - start * s) / CELL).to.be.below(4);
      expect((mean * s - start * s) / CELL).to.be.at.least(4);
      const l = layout(axis, edge);
      expect(answer(l.items, { zoom: 8, bbox: bbox(start) })).to.deep.equal(l.together);
    });

    it(`${axis}: box edges 8 ulps either side: together while the grid is under four bins wide, apart past that`, () => {
      const l = layout(axis, edge);
      let together = 0, apart = 0;
      for (let k = -8; k <= 8; k++) {
        const b = nextUp(start, k);
        const under = (edge * s - b * s) / CELL < 4;
        if (under) together++; else apart++;
        expect(answer(l.items, { zoom: 8, bbox: bbox(b) }), `edge ${b}`).to.deep.equal(under ? l.together : l.apart);
      }
      expect(together).to.be.above(0);
      expect(apart).to.be.above(0);
    });
  }
});
