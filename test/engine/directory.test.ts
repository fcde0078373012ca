// The directory engine on a large synthetic directory: counts, clusters and filters agree with a brute force.
import { expect } from 'chai';
import { createDirectory } from '../../src/engine/directory/directory.js';
import { syntheticIncubators } from '../../src/engine/directory/synthetic.js';
import centers from '../../src/data/geo/centers.json' with { type: 'json' };

const items = syntheticIncubators(20_000, centers, 7);
const dir = createDirectory(items);
const inside = (bbox: number[]) => items.filter((i) => i.lon >= bbox[0]! && i.lon <= bbox[2]! && i.lat >= bbox[1]! && i.lat <= bbox[3]!);

describe('directory engine', () => {
  it('is seeded: the same seed gives the same directory', () => {
    expect(syntheticIncubators(50, centers, 7)).to.deep.equal(items.slice(0, 50));
    expect(syntheticIncubators(5, centers, 8)[0]).to.not.deep.equal(items[0]);
  });

  it('counts what lies in the viewport, and clusters account for every point at every zoom', () => {
    // Each viewport at zooms where a map would show it (a 2° box is a city view, not a continent view).
    const views: [[number, number, number, number], number[]][] = [[[73, 18, 135, 54], [2, 3, 4]], [[113, 22, 115, 23.5], [7, 9, 12]], [[100, 25, 110, 35], [4, 6, 9]]];
    for (const [bbox, zooms] of views) {
      const expected = inside(bbox).length;
      for (const zoom of zooms) {
        const r = dir.query({ bbox, zoom, limit: 5000 });
        expect(r.total, `${bbox} z${zoom}`).to.equal(expected);
        const shown = r.clusters.reduce((n, c) => n + c.count, 0) + r.items.length;
        // Every point in view is in exactly one cell: drawn as an item or counted in a cluster.
        if (r.items.length < 5000) expect(shown, `${bbox} z${zoom}`).to.equal(expected);
      }
    }
  });

  it('accounts for every point of the whole world at every zoom', () => {
    for (const zoom of [0, 3, 6]) {
      const r = dir.query({ zoom, limit: 20_000 });
      expect(r.total).to.equal(items.length);
      expect(r.clusters.reduce((n, c) => n + c.count, 0) + r.items.length, `z${zoom}`).to.equal(items.length);
    }
  });

  it('filters by level, kind and industry exactly as a brute force does', () => {
    const r = dir.query({ level: 'national', industry: 'ai', kind: 'incubator', limit: 5000 });
    const expected = items.filter((i) => i.level === 'national' && i.kind === 'incubator' && i.industries.includes('ai'));
    expect(r.total).to.equal(expected.length);
    expect(new Set(r.items.map((i) => i.id))).to.deep.equal(new Set(expected.map((i) => i.id)));
  });

  it('searches names in every locale, case-insensitively', () => {
    expect(dir.query({ q: 'sample incubator 12345' }).items.map((i) => i.id)).to.deep.equal(['synthetic-12345']);
    expect(dir.query({ q: '示例孵化載體 777' }).items.map((i) => i.id)).to.include('synthetic-777');
  });

  it('sums region statistics per province and level', () => {
    const stats = dir.regionStats({}, { '440000': { 'zh-CN': '广东省' }, '110000': { 'zh-CN': '北京市' } });
    const gd = stats.find((s) => s.adcode === '440000')!;
    expect(gd.count).to.equal(items.filter((i) => i.adcode.startsWith('44')).length);
    expect(Object.values(gd.byLevel).reduce((a, b) => a + b, 0)).to.equal(gd.count);
  });
});
