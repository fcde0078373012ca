// The directory engine on a large synthetic directory: counts, clusters and filters agree with a brute force.
import { expect } from 'chai';
import { createDirectory } from '../../src/engine/directory/directory.js';
import { syntheticIncubators } from '../../src/engine/directory/synthetic.js';
import centers from '../../src/data/geo/centers.json' with { type: 'json' };
import { searchData } from '../../src/data/geo/search.js';
import { radiusDegrees } from '../../src/engine/directory/cluster.js';
import type { Incubator } from '../../src/contract/index.js';

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

  it('bounds every list by limit, clusters included (issue 15: zoom=11&limit=0 returned 44,922 clusters)', () => {
    for (const limit of [0, 1, 7]) {
      const r = dir.query({ zoom: 11, limit });
      expect(r.clusters.length).to.be.at.most(limit);
      expect(r.items.length).to.be.at.most(limit);
      expect(r.total).to.equal(items.length);
    }
  });

  it('clusters greedily: no two cluster seeds within one radius, and the heaviest first', () => {
    // Brute force over the answer: every cluster centre lies at least half a radius from every other (the
    // greedy pass takes everything within a radius of a seed; the mean moves by less than half of it here).
    for (const zoom of [3, 5, 7]) {
      const r = dir.query({ zoom, limit: 5000 });
      const rad = radiusDegrees(zoom);
      const pts = [...r.clusters.map((c) => [c.lon, c.lat * 1.25]), ...r.items.map((i) => [i.lon, i.lat * 1.25])];
      let close = 0;
      for (let a = 0; a < pts.length; a++) for (let b = a + 1; b < pts.length; b++) {
        if (Math.hypot(pts[a]![0]! - pts[b]![0]!, pts[a]![1]! - pts[b]![1]!) < rad / 4) close++;
      }
      expect(close, `z${zoom}: pairs closer than a quarter radius`).to.equal(0);
    }
  });

  it('searches the whole directory by city name, operator and pinyin, whatever the viewport', () => {
    const named = (id: string, zh: string, en: string, adcode: string, lon: number, lat: number, operator?: string): Incubator => ({
      id, name: { 'zh-CN': zh, 'zh-TW': zh, en }, kind: 'incubator', level: 'local', lon, lat, adcode, industries: ['ai'],
      ...(operator ? { operator: { 'zh-CN': operator, en: operator } } : {}),
    });
    const small = createDirectory([
      named('a', '南山智园', 'Nanshan iPark', '440305', 113.95, 22.54),
      named('b', '中关村创业大街', 'Zhongguancun Inno Way', '110108', 116.31, 39.98, '海淀置业集团'),
      named('c', '光谷创业街', 'Optics Valley Startup Street', '420111', 114.4, 30.5),
    ], { search: searchData });
    const ids = (q: string, bbox?: [number, number, number, number]) => small.query({ q, ...(bbox ? { bbox } : {}) }).items.map((i) => i.id);
    expect(ids('深圳')).to.deep.equal(['a']); // 440305 lies in 深圳市 (440300)
    expect(ids('shenzhen')).to.deep.equal(['a']);
    expect(ids('北京')).to.deep.equal(['b']);
    expect(ids('zhongguancun')).to.deep.equal(['b']);
    expect(ids('zgc')).to.deep.equal(['b']);
    expect(ids('海淀置业')).to.deep.equal(['b']);
    expect(ids('OPTICS valley')).to.deep.equal(['c']);
    expect(ids('中关村')).to.deep.equal(['b']);
  });

  it('builds in slices with prepare() and answers exactly as the synchronous build does', async () => {
    const sliced = createDirectory(items);
    let turns = 0;
    let running = true;
    const count = async () => { while (running) { await new Promise((r) => setTimeout(r, 0)); turns++; } };
    const counting = count();
    await sliced.prepare({ level: 'regional' });
    await sliced.prepare({ stats: true });
    running = false;
    await counting;
    expect(turns, 'the event loop turned while it built').to.be.greaterThan(0);
    const q = { level: 'regional' as const, bbox: [100, 20, 120, 40] as [number, number, number, number], zoom: 5, limit: 5000 };
    expect(sliced.query(q)).to.deep.equal(dir.query(q));
    expect(sliced.regionStats({}, { '440000': { 'zh-CN': '广东省' } })).to.deep.equal(dir.regionStats({}, { '440000': { 'zh-CN': '广东省' } }));
  });
});
