// The directory (src/engine/directory/directory.ts) on small hand-made directories, against linear scans: its order
// (national entries first, then regional, local and cluster ones, each in the given order), every filter and
// combination of filters, region statistics per province and level, `get`, and sliced builds (`prepare`) whose
// turns of the event loop are counted under a fake clock and worked out by hand from the number of entries.
import { expect } from 'chai';
import type { Incubator, IncubatorKind, IncubatorQuery, Level } from '../../src/contract/index.js';
import { cellDegrees, createDirectory, radiusDegrees } from '../../src/engine/directory/directory.js';
import { EngineError } from '../../src/engine/errors.js';
import { withGlobals } from './with-globals.js';

const LEVELS: Level[] = ['cluster', 'local', 'regional', 'national'];
const KINDS: IncubatorKind[] = ['incubator', 'accelerator', 'maker-space', 'science-park'];
const ADCODES = ['440305', '440106', '110108', '420111', '320500', '650102'];
const INDUSTRIES = ['ai', 'biomed', 'green', 'digital'];

/** 240 entries, every level, kind, province and industry set mixed, on a 0.5° lattice (no two at one place). */
const mixed: Incubator[] = Array.from({ length: 240 }, (_, i) => ({
  id: `m${i}`, name: { 'zh-CN': `载体${i}`, 'zh-TW': `載體${i}`, en: `Site ${i}` },
  kind: KINDS[(i * 7) % 4]!, level: LEVELS[(i + Math.floor(i / 6)) % 4]!, adcode: ADCODES[(i * 11) % 6]!,
  industries: INDUSTRIES.filter((_, k) => ((i >> k) & 1) === 1 || (k === 0 && i % 16 === 0)).slice(0, 3),
  lon: 100 + (i % 20) * 0.5, lat: 20 + Math.floor(i / 20) * 0.5,
}));
const RANK: Record<Level, number> = { national: 0, regional: 1, local: 2, cluster: 3 };
/** The directory's order, by a stable sort (not the engine's bucket pass). */
const ordered = [...mixed].map((it, i) => [it, i] as const).sort((a, b) => RANK[a[0].level] - RANK[b[0].level] || a[1] - b[1]).map(([it]) => it);

const keep = (q: IncubatorQuery) => (it: Incubator) => (!q.level || it.level === q.level) && (!q.kind || it.kind === q.kind) && (!q.industry || it.industries.includes(q.industry))
  && (!q.q || [it.name['zh-CN'], it.name['zh-TW'] ?? '', it.name.en ?? ''].some((t) => t.toLowerCase().includes(q.q!.toLowerCase())))
  && (!q.bbox || (it.lon >= q.bbox[0] && it.lon <= q.bbox[2] && it.lat >= q.bbox[1] && it.lat <= q.bbox[3]));

const FILTERS: IncubatorQuery[] = [
  {}, { level: 'national' }, { level: 'regional' }, { level: 'local' }, { level: 'cluster' }, { kind: 'accelerator' }, { kind: 'science-park' },
  { industry: 'ai' }, { industry: 'green' }, { industry: 'none' }, { q: 'site 1' }, { q: '載體2' }, { level: 'local', kind: 'incubator' },
  { level: 'regional', industry: 'biomed' }, { kind: 'maker-space', industry: 'digital' }, { level: 'national', kind: 'accelerator', industry: 'ai' },
  { q: 'site', level: 'cluster' }, { q: '3', kind: 'incubator', industry: 'ai' }, { level: 'national', q: 'nothing' },
];


/** Turns of the event loop `f` takes when every read of the clock moves it 10 ms: one turn per yield of a build. */
async function turns(f: () => Promise<unknown>): Promise<number> {
  let t = 0, n = 0;
  await withGlobals({ performance: { now: () => (t += 10) }, setImmediate: (cb: () => void) => { n++; void Promise.resolve().then(cb); } }, f);
  return n;
}

describe('directory filters, order and statistics against linear scans', () => {
  it('lists national entries first, then regional, local and cluster ones, each in the given order', () => {
    const dir = createDirectory(mixed);
    expect(dir.query({ limit: 5000 }).items.map((i) => i.id)).to.deep.equal(ordered.map((i) => i.id));
    expect(dir.query({ limit: 7 }).items.map((i) => i.id)).to.deep.equal(ordered.slice(0, 7).map((i) => i.id));
  });

  it('answers every filter and combination as a linear scan does, in any order of asking', () => {
    const dir = createDirectory(mixed);
    const boxes: (IncubatorQuery['bbox'])[] = [undefined, [101, 21, 104.5, 23], [100, 20, 100, 25]];
    for (const round of [0, 1, 2]) {
      const filters = round === 1 ? [...FILTERS].reverse() : FILTERS;
      for (const f of filters) for (const bbox of boxes) {
        const q: IncubatorQuery = { ...f, ...(bbox ? { bbox } : {}), limit: 5000 };
        const want = ordered.filter(keep(q)).map((i) => i.id);
        const got = dir.query(q);
        expect(got.items.map((i) => i.id), JSON.stringify(q)).to.deep.equal(want);
        expect(got.total, JSON.stringify(q)).to.equal(want.length);
        // Clustered at a zoom where every entry stands alone (0.5° apart, radius 0.066°): the same entries.
        const z = dir.query({ ...q, zoom: 10 });
        expect([z.total, z.clusters.length, z.items.map((i) => i.id)], `${JSON.stringify(q)} zoom 10`).to.deep.equal([want.length, 0, want]);
      }
    }
    // Text is normalized before it is compared or cached: the same answer for the same words.
    expect(dir.query({ q: '  ＳＩＴＥ   1 ', limit: 5000 }).items.map((i) => i.id)).to.deep.equal(ordered.filter(keep({ q: 'site 1' })).map((i) => i.id));
  });

  it('region statistics: counts per province and level, for every filter, as a linear scan', () => {
    const dir = createDirectory(mixed);
    const names = { '440000': { 'zh-CN': '广东省' }, '110000': { 'zh-CN': '北京市' }, '420000': { 'zh-CN': '湖北省' }, '320000': { 'zh-CN': '江苏省' }, '650000': { 'zh-CN': '新疆' }, '540000': { 'zh-CN': '西藏' } };
    for (const q of [{}, { level: 'national' as const }, { level: 'cluster' as const }, { industry: 'green' }, { level: 'regional' as const, industry: 'ai' }, { industry: 'none' }, {}]) {
      const want = Object.entries(names).map(([adcode, name]) => {
        const inside = mixed.filter((it) => it.adcode.startsWith(adcode.slice(0, 2)) && (!q.level || it.level === q.level) && (!q.industry || it.industries.includes(q.industry)));
        const byLevel = { national: 0, regional: 0, local: 0, cluster: 0 };
        for (const it of inside) byLevel[it.level]++;
        return { adcode, name, count: inside.length, byLevel };
      });
      expect(dir.regionStats(q, names), JSON.stringify(q)).to.deep.equal(want);
    }
    // An answer is the caller's: changing it changes no later answer.
    const gd = (stats: { adcode: string; count: number; byLevel: Record<Level, number> }[]) => stats.find((s) => s.adcode === '440000')!;
    const first = gd(dir.regionStats({}, names));
    first.byLevel.national = 999;
    first.count = 999;
    expect(gd(dir.regionStats({}, names)).byLevel.national).to.equal(mixed.filter((it) => it.adcode.startsWith('44') && it.level === 'national').length);
    expect(gd(dir.regionStats({}, names)).byLevel.national).to.be.greaterThan(0);
    expect(dir.regionStats({}, { '540000': { 'zh-CN': '西藏' } })[0]!.byLevel).to.deep.equal({ national: 0, regional: 0, local: 0, cluster: 0 });
  });

  it('an industry code that is also a level name keeps its own statistics and subset', () => {
    const items: Incubator[] = [
      { ...mixed[0]!, id: 'a', level: 'national', industries: ['ai'], adcode: '440305' },
      { ...mixed[1]!, id: 'b', level: 'local', industries: ['national'], adcode: '440305' },
    ];
    const dir = createDirectory(items);
    const names = { '440000': { 'zh-CN': '广东省' } };
    expect(dir.regionStats({ level: 'national' }, names)[0]!.byLevel).to.deep.equal({ national: 1, regional: 0, local: 0, cluster: 0 });
    expect(dir.regionStats({ industry: 'national' }, names)[0]!.byLevel).to.deep.equal({ national: 0, regional: 0, local: 1, cluster: 0 });
    expect(dir.query({ industry: 'ai' }).items.map((i) => i.id)).to.deep.equal(['a']);
    expect(dir.query({ q: 'ai' }).items.map((i) => i.id)).to.deep.equal([]);
    expect(dir.query({ industry: 'national' }).items.map((i) => i.id)).to.deep.equal(['b']);
  });

  it('finds an entry by id, and refuses an unknown one naming the field', () => {
    const dir = createDirectory(mixed);
    expect(dir.get('m17')).to.equal(mixed[17]);
    expect(dir.get('m239')).to.equal(mixed[239]);
    let error: unknown;
    try { dir.get('m240'); } catch (e) { error = e; }
    expect(error).to.be.instanceOf(EngineError);
    const e = error as EngineError;
    expect([e.kind, e.path, e.message]).to.deep.equal(['not-found', 'id', 'no incubator with id "m240"']);
  });

  it('keeps the deprecated name of the radius', () => {
    expect(cellDegrees).to.equal(radiusDegrees);
    expect(cellDegrees(8)).to.equal(0.263671875);
  });
});

describe('sliced builds of the directory (prepare), turns counted under a fake clock', () => {
  // 20,002 entries: a 256 × 256 grid of 1° buckets holds one entry each (x + 0.5, y + 0.5) and the two far corners
  // (see the spatial index's test: its build yields 8 times). The directory's own passes yield once per 16,384
  // entries: the bucket pass by level 1, the coordinates 1; a filter 1 more, and the stats pass 1.
  // Half-degree buckets from (50, -60) to (178, 68); entry 17 alone is a cluster-level one.
  const big: Incubator[] = Array.from({ length: 20_002 }, (_, i) => ({
    ...mixed[i % 240]!, id: `g${i}`,
    lon: i < 20_000 ? 50 + 0.5 * ((i % 256) + 0.5) : 50 + (i - 20_000) * 128,
    lat: i < 20_000 ? -60 + 0.5 * (Math.floor(i / 256) + 0.5) : -60 + (i - 20_000) * 128,
    level: i === 17 ? 'cluster' : 'local',
  }));

  it('yields as it builds, and answers as the synchronous build does', async () => {
    const sliced = createDirectory(big);
    expect(await turns(() => sliced.prepare({}))).to.equal(1 + 1 + 8);
    expect(sliced.query({ zoom: 3, limit: 5000 })).to.deep.equal(createDirectory(big).query({ zoom: 3, limit: 5000 }));
    // Prepared already: no work, no turn.
    expect(await turns(() => sliced.prepare({}))).to.equal(0);
    // A filter: the order is kept (no bucket pass), the filter pass 1, then coordinates and index of the 20,001
    // local entries (1 + 8 again: the same grid, 20,000 buckets filled).
    expect(await turns(() => sliced.prepare({ level: 'local' }))).to.equal(1 + 1 + 8);
    expect(sliced.query({ level: 'local', limit: 3 }).total).to.equal(20_001);
    // Statistics: one pass over the entries.
    expect(await turns(() => sliced.prepare({ stats: true }))).to.equal(1);
    expect(await turns(() => sliced.prepare({ stats: true }))).to.equal(0);
    expect(sliced.regionStats({}, { '440000': { 'zh-CN': '广东省' } })[0]!.count).to.equal(big.filter((it) => it.adcode.startsWith('44')).length);
  });

  it('one build per filter at a time: a second caller waits for the first', async () => {
    const dir = createDirectory(big);
    // The cluster-level subset (one entry) starts before the first build has ordered the directory, so it makes its
    // own bucket pass: 1, the filter 1, coordinates 0, a one-point index 2.
    expect(await turns(() => Promise.all([dir.prepare({}), dir.prepare({}), dir.prepare({ level: 'cluster' })]))).to.equal((1 + 1 + 8) + (1 + 1 + 0 + 2));
    const stats = createDirectory(big);
    expect(await turns(() => Promise.all([stats.prepare({ stats: true }), stats.prepare({ stats: true, level: 'local' }), stats.prepare({ stats: true })]))).to.equal(2);
    // A finished build is forgotten: after eight other filters push it out of the cache, preparing it builds again.
    const again = createDirectory(mixed);
    await again.prepare({ level: 'national' });
    for (const industry of ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8']) await again.prepare({ industry });
    expect(await turns(() => again.prepare({ level: 'national' }))).to.equal(2);
    // The eight most recently used are kept: asking for one keeps it when a ninth comes.
    const recent = createDirectory(mixed);
    await recent.prepare({ level: 'national' });
    for (const industry of ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7']) await recent.prepare({ industry });
    recent.query({ level: 'national' });
    await recent.prepare({ industry: 'a8' });
    expect(await turns(() => recent.prepare({ level: 'national' }))).to.equal(0);
    // All eight are kept, not seven: the oldest left (a2) is still there.
    expect(await turns(() => recent.prepare({ industry: 'a2' }))).to.equal(0);
    expect(await turns(() => recent.prepare({ industry: 'a1' }))).to.equal(2);
  });

  it('a text filter yields once per block of 2,048 entries searched', async () => {
    const dir = createDirectory(big);
    // Order 1 (the bucket pass), search 10 blocks, filter 1, then no entry (coordinates 0, an empty index 2).
    expect(await turns(() => dir.prepare({ q: 'g19999' }))).to.equal(1 + 10 + 1 + 0 + 2);
    expect(dir.query({ q: 'g19999' }).items.map((i) => i.id)).to.deep.equal([]);
    expect(dir.query({ q: 'site 7' }).total).to.equal(big.filter((it) => it.name.en!.toLowerCase().includes('site 7')).length);
  });
});
