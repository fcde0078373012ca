// Clustering at hand-placed points, where each rule of the greedy pass decides the answer: the radius at a zoom, the
// map's latitude stretch, the heaviest seed first, the weighted mean, the bounding box. Expected answers are worked
// by hand: at zoom 8 the radius is 48/256 × 360/2^8 = 0.263671875° of longitude, and a degree of latitude counts 1.25.
import { expect } from 'chai';
import type { Incubator } from '../../src/contract/index.js';
import { createDirectory } from '../../src/engine/directory/directory.js';
import { radiusDegrees } from '../../src/engine/directory/cluster.js';

const at = (id: string, lon: number, lat: number): Incubator => ({
  id, name: { 'zh-CN': id, 'zh-TW': id, en: id }, kind: 'incubator', level: 'local', lon, lat, adcode: '420100', industries: ['ai'],
});

const points = [
  at('A', 110.0, 30.0), at('B', 110.1, 30.0), // 0.1° apart: one cluster at 110.05
  at('C', 112.0, 30.0), // alone
  at('D', 115.0, 30.0), at('E', 115.0, 30.19), // 0.19° of latitude = 0.2375 on the map: one cluster
  at('F', 118.0, 30.0), at('G', 118.0, 30.22), // 0.22° of latitude = 0.275 on the map: two points
  at('L', 125.0, 30.0), at('M', 125.2, 30.0), at('N', 125.4, 30.0), at('N2', 125.4, 30.0), // N weighs 2: it takes M first
];

describe('clustering at hand-placed points', () => {
  it('the radius at a zoom: 48 px of a 256 px world', () => {
    expect(radiusDegrees(8)).to.equal(0.263671875);
    expect(radiusDegrees(0)).to.equal(67.5);
    expect(radiusDegrees(1.5)).to.be.closeTo(67.5 / 2 ** 1.5, 1e-12);
  });

  it('groups within the radius (latitude stretched), the heaviest seed first, at the weighted mean', () => {
    const dir = createDirectory(points);
    const r = dir.query({ zoom: 8, limit: 100 });
    expect(r.total).to.equal(11);
    const clusters = [...r.clusters].sort((a, b) => a.lon - b.lon);
    expect(clusters).to.deep.equal([
      { lon: 110.05, lat: 30, count: 2 },
      { lon: 115, lat: 30.095, count: 2 },
      { lon: 125.33333, lat: 30, count: 3 },
    ]);
    expect(r.clusters[0]).to.deep.equal({ lon: 125.33333, lat: 30, count: 3 }, 'the largest cluster first');
    expect(r.items.map((i) => i.id)).to.deep.equal(['C', 'F', 'G', 'L']);
  });

  it('counts only what lies in the box, and clusters only that', () => {
    const dir = createDirectory(points);
    const r = dir.query({ zoom: 8, bbox: [109, 29, 116, 31], limit: 100 });
    expect(r.total).to.equal(5);
    expect([...r.clusters].sort((a, b) => a.lon - b.lon)).to.deep.equal([{ lon: 110.05, lat: 30, count: 2 }, { lon: 115, lat: 30.095, count: 2 }]);
    expect(r.items.map((i) => i.id)).to.deep.equal(['C']);
    // A box that cuts the chain: M alone on the left of N and N2.
    const cut = dir.query({ zoom: 8, bbox: [124.9, 29, 125.3, 31], limit: 100 });
    expect(cut.total).to.equal(2);
    expect(cut.clusters).to.deep.equal([{ lon: 125.1, lat: 30, count: 2 }]);
  });

  it('zoomed out, everything within one radius is one cluster; zoomed in, every point stands alone', () => {
    const dir = createDirectory(points);
    const world = dir.query({ zoom: 1, limit: 100 });
    expect(world.total).to.equal(11);
    expect(world.clusters.reduce((n, c) => n + c.count, 0) + world.items.length).to.equal(11);
    expect(world.clusters.length).to.equal(1);
    const near = dir.query({ zoom: 14, limit: 100 });
    expect(near.clusters).to.deep.equal([{ lon: 125.4, lat: 30, count: 2 }]);
    expect(near.items.map((i) => i.id)).to.deep.equal(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'L', 'M']);
  });
});

describe('directory answers per filter, whatever was asked before', () => {
  const mixed: Incubator[] = [
    { ...at('n1', 110, 30), level: 'national' }, { ...at('r1', 111, 30), level: 'regional', kind: 'accelerator' },
    { ...at('l1', 112, 30), industries: ['biotech'] }, { ...at('l2', 113, 31), adcode: '320500' },
  ];
  const ids = (r: { items: Incubator[] }) => r.items.map((i) => i.id).sort();

  it('a cached answer for one filter is never served for another', () => {
    const dir = createDirectory(mixed);
    expect(ids(dir.query({ limit: 10 }))).to.deep.equal(['l1', 'l2', 'n1', 'r1']);
    expect(ids(dir.query({ level: 'national', limit: 10 }))).to.deep.equal(['n1']);
    expect(ids(dir.query({ kind: 'accelerator', limit: 10 }))).to.deep.equal(['r1']);
    expect(ids(dir.query({ industry: 'biotech', limit: 10 }))).to.deep.equal(['l1']);
    expect(ids(dir.query({ q: 'l2', limit: 10 }))).to.deep.equal(['l2']);
    expect(ids(dir.query({ level: 'local', industry: 'ai', limit: 10 }))).to.deep.equal(['l2']);
    expect(ids(dir.query({ limit: 10 }))).to.deep.equal(['l1', 'l2', 'n1', 'r1']);
    // National entries first in an unclustered list.
    expect(dir.query({ limit: 10 }).items[0]!.id).to.equal('n1');
  });

  it('region statistics per filter, whatever was asked before', () => {
    const dir = createDirectory(mixed);
    const names = { '420000': { 'zh-CN': '湖北省' }, '320000': { 'zh-CN': '江苏省' } };
    const count = (q: object) => dir.regionStats(q, names).map((s) => [s.adcode, s.count]);
    expect(count({})).to.deep.equal([['320000', 1], ['420000', 3]]); // integer-like keys iterate in numeric order
    expect(count({ level: 'national' })).to.deep.equal([['320000', 0], ['420000', 1]]);
    expect(count({ industry: 'biotech' })).to.deep.equal([['320000', 0], ['420000', 1]]);
    expect(count({})).to.deep.equal([['320000', 1], ['420000', 3]]); // integer-like keys iterate in numeric order
  });

  it('an unknown id is refused, naming it', () => {
    const dir = createDirectory(mixed);
    expect(dir.get('r1').id).to.equal('r1');
    expect(() => dir.get('zz')).to.throw('no incubator with id "zz"');
  });
});
