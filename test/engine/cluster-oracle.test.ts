// Clustering against a brute-force oracle that does not share the engine's method (no bins, no index, no greedy
// pass): points are placed in groups, each inside a disc of a quarter radius (on the map: latitude × 1.25), every two
// groups at least two radii apart. Whatever the binning, the pyramid level or the seed order, each group in view must
// then be exactly one cluster at the mean of its points (or one single entry), and nothing else. Coordinates are
// multiples of 2^-20 degrees, so every sum is exact and the engine's means equal the oracle's to the last bit.
// Data sets are chosen so every path runs: single points (few points, wide bins), whole buckets and pyramid cells
// (many points, a low zoom), the bins on a hash map (a high zoom over a wide area: more than 4,000,000 bins), and
// the neighbour grid on a hash map too (more than 4,000,000 radius-sized cells).
import { expect } from 'chai';
import type { Incubator, IncubatorQuery } from '../../src/contract/index.js';
import { createDirectory } from '../../src/engine/directory/directory.js';
import { radiusDegrees } from '../../src/engine/directory/cluster.js';

const Q = 2 ** -20;
const quant = (v: number) => Math.round(v / Q) * Q;
const round5 = (v: number) => Math.round(v * 1e5) / 1e5;

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const at = (id: string, lon: number, lat: number): Incubator => ({
  id, name: { 'zh-CN': id, 'zh-TW': id, en: id }, kind: 'incubator', level: 'local', lon, lat, adcode: '420100', industries: ['ai'],
});

interface Placed { items: Incubator[]; group: number[] }

/** `groups` groups (fewer if the box is full) with sizes from `size()`, in a shuffled directory order. */
function separated(seed: number, r: number, box: [number, number, number, number], groups: number, size: (rnd: () => number) => number): Placed {
  const rnd = random(seed);
  const centers: [number, number][] = [];
  for (let tries = 0; tries < groups * 30 && centers.length < groups; tries++) {
    const lon = box[0] + r + rnd() * (box[2] - box[0] - 2 * r), lat = box[1] + r + rnd() * (box[3] - box[1] - 2 * r);
    // 3r apart on the map, so points of two groups (each within r/4 of its centre) are at least 2.5r apart.
    if (centers.every(([x, y]) => Math.hypot(x - lon, (y - lat) * 1.25) >= 3 * r)) centers.push([lon, lat]);
  }
  const pts: { lon: number; lat: number; g: number }[] = [];
  centers.forEach(([lon, lat], g) => {
    const k = size(rnd);
    for (let j = 0; j < k; j++) {
      const rho = (r / 4 - 4 * Q) * Math.sqrt(rnd()), phi = 2 * Math.PI * rnd();
      pts.push({ lon: quant(lon + rho * Math.cos(phi)), lat: quant(lat + (rho * Math.sin(phi)) / 1.25), g });
    }
  });
  for (let i = pts.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [pts[i], pts[j]] = [pts[j]!, pts[i]!];
  }
  return { items: pts.map((p, i) => at(`p${i}`, p.lon, p.lat)), group: pts.map((p) => p.g) };
}

/** The answer worked out from the groups: no clustering method involved. */
function oracle(p: Placed, q: IncubatorQuery) {
  const [w, s, e, n] = q.bbox ?? [-180, -90, 180, 90];
  const byGroup = new Map<number, { lon: number; lat: number; count: number; idx: number[] }>();
  let total = 0;
  p.items.forEach((it, i) => {
    if (it.lon < w || it.lon > e || it.lat < s || it.lat > n) return;
    total++;
    const g = byGroup.get(p.group[i]!) ?? { lon: 0, lat: 0, count: 0, idx: [] };
    g.lon += it.lon;
    g.lat += it.lat;
    g.count++;
    g.idx.push(i);
    byGroup.set(p.group[i]!, g);
  });
  const clusters = [...byGroup.values()].filter((g) => g.count > 1).map((g) => ({ lon: round5(g.lon / g.count), lat: round5(g.lat / g.count), count: g.count }));
  const singles = [...byGroup.values()].filter((g) => g.count === 1).map((g) => g.idx[0]!).sort((a, b) => a - b);
  return { total, clusters, singles };
}

function check(p: Placed, q: IncubatorQuery, label: string) {
  const dir = createDirectory(p.items);
  const got = dir.query(q);
  const want = oracle(p, q);
  const limit = q.limit ?? 500;
  expect(got.total, `${label}: total`).to.equal(want.total);
  expect(got.items.map((i) => i.id), `${label}: single entries, in the directory's order`).to.deep.equal(want.singles.slice(0, limit).map((i) => `p${i}`));
  // The heaviest clusters, up to the limit, heaviest first; among equal counts any may be kept.
  const counts = want.clusters.map((c) => c.count).sort((a, b) => b - a).slice(0, limit);
  expect(got.clusters.map((c) => c.count), `${label}: cluster counts, heaviest first`).to.deep.equal(counts);
  const left = [...want.clusters];
  for (const c of got.clusters) {
    const k = left.findIndex((x) => x.lon === c.lon && x.lat === c.lat && x.count === c.count);
    expect(k, `${label}: cluster ${JSON.stringify(c)} is one of the groups`).to.be.at.least(0);
    left.splice(k, 1);
  }
  return { got, want };
}

describe('clustering against a group oracle', () => {
  it('single points (level -1): 60 groups at zoom 8, the whole world and boxes that cut groups', () => {
    const r = radiusDegrees(8);
    const p = separated(11, r, [100, 20, 112, 30], 60, (rnd) => [1, 1, 1, 2, 3, 5, 8][Math.floor(rnd() * 7)]!);
    expect(p.items.length).to.be.greaterThan(100);
    const { want } = check(p, { zoom: 8, limit: 5000 }, 'world');
    expect(want.clusters.length).to.be.greaterThan(20);
    expect(want.singles.length).to.be.greaterThan(10);
    check(p, { zoom: 8 }, 'default limit');
    for (const limit of [0, 1, 4, 13]) check(p, { zoom: 8, limit }, `limit ${limit}`);
    for (const bbox of [[103, 22, 108.3, 27.1], [100.5, 20.5, 101.9, 29.3], [105.05, 24.95, 105.95, 25.85], [111, 29, 130, 50]] as [number, number, number, number][]) {
      check(p, { zoom: 8, bbox, limit: 5000 }, `box ${bbox}`);
      check(p, { zoom: 8, bbox, limit: 3 }, `box ${bbox} limit 3`);
    }
    // Boxes that miss the data (west, north-east): nothing.
    check(p, { zoom: 8, bbox: [0, 0, 10, 10] }, 'box off the data');
    check(p, { zoom: 8, bbox: [113, 31, 120, 40] }, 'box off the data, north-east');
    // Zoomed in further, groups stay apart (the radius only shrinks) but may split: check only the totals there.
    expect(createDirectory(p.items).query({ zoom: 9, bbox: [103, 22, 108.3, 27.1] }).total).to.equal(oracle(p, { bbox: [103, 22, 108.3, 27.1] }).total);
  });

  it('west of Greenwich and south of the equator (negative coordinates)', () => {
    const r = radiusDegrees(8);
    const p = separated(16, r, [-80, -40, -68, -30], 50, (rnd) => [1, 1, 2, 3, 5][Math.floor(rnd() * 5)]!);
    check(p, { zoom: 8, limit: 5000 }, 'world');
    check(p, { zoom: 8, bbox: [-78, -38, -70.5, -31], limit: 5000 }, 'box');
    // A box across the equator and the prime meridian, holding part of the data.
    const q = separated(17, r, [-3, -2, 3, 2], 30, (rnd) => [1, 2, 3][Math.floor(rnd() * 3)]!);
    check(q, { zoom: 8, limit: 5000 }, 'across 0');
    check(q, { zoom: 8, bbox: [-1, -1, 2, 1.5], limit: 5000 }, 'across 0, box');
  });

  it('whole buckets and pyramid cells (6,926 points in 12 groups at zoom 4: pyramid level 1)', () => {
    const r = radiusDegrees(4);
    const p = separated(12, r, [70, 15, 135, 55], 14, (rnd) => (rnd() < 0.15 ? 1 : 300 + Math.floor(rnd() * 900)));
    expect(p.items.length).to.be.greaterThan(5000);
    check(p, { zoom: 4, limit: 5000 }, 'world');
    check(p, { zoom: 4, limit: 2 }, 'limit 2');
    for (const bbox of [[80, 20, 120, 50], [90.3, 25.7, 131.1, 41.9], [70, 15, 100, 35]] as [number, number, number, number][]) {
      check(p, { zoom: 4, bbox, limit: 5000 }, `box ${bbox}`);
    }
  });

  it('bins on a hash map (zoom 12 over 15° × 12°: about 7.5 million bins, 0.8 million grid cells)', () => {
    const r = radiusDegrees(12);
    const p = separated(13, r, [105, 25, 120, 37], 120, (rnd) => [1, 1, 2, 3, 4, 7][Math.floor(rnd() * 6)]!);
    check(p, { zoom: 12, limit: 5000 }, 'world');
    check(p, { zoom: 12, limit: 5 }, 'limit 5');
    check(p, { zoom: 12, bbox: [108, 27, 116, 33], limit: 5000 }, 'box');
  });

  it('bins and neighbour grid on hash maps (zoom 14 over 20° × 20°: 2.6e8 bins, 2.9e7 grid cells)', () => {
    const r = radiusDegrees(14);
    const p = separated(14, r, [100, 20, 120, 40], 150, (rnd) => [1, 1, 2, 3, 4, 7][Math.floor(rnd() * 6)]!);
    check(p, { zoom: 14, limit: 5000 }, 'world');
    check(p, { zoom: 14, limit: 5 }, 'limit 5');
    check(p, { zoom: 14, bbox: [104, 23, 115, 35], limit: 5000 }, 'box');
  });

  it('dense groups: every group within one grid cell or across its edges (zoom 10, many small groups)', () => {
    const r = radiusDegrees(10);
    const p = separated(15, r, [110, 30, 114, 33], 400, (rnd) => 1 + Math.floor(rnd() * 6));
    expect(p.items.length).to.be.greaterThan(600);
    check(p, { zoom: 10, limit: 5000 }, 'world');
    check(p, { zoom: 10, bbox: [111, 30.5, 113.2, 32.4], limit: 5000 }, 'box');
  });
});
