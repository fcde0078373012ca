// The directory as columns (src/engine/directory/columns.ts, what the map's Web Worker indexes) on small hand-made
// directories: the columns' codes and industry bits written out by hand, the filters and the directory's order
// against linear scans (positions in the host's array), the clustered answers against the directory over objects
// (whose clustering has its own oracle tests), and how often the conversion yields.
import { expect } from 'chai';
import type { Incubator, IncubatorKind, Level } from '../../src/contract/index.js';
import { createColumnDirectory, toColumns, type ColumnQuery } from '../../src/engine/directory/columns.js';
import { createDirectory } from '../../src/engine/directory/directory.js';
import { runNow } from '../../src/engine/directory/slices.js';

const LEVELS: Level[] = ['cluster', 'local', 'regional', 'national'];
const KINDS: IncubatorKind[] = ['science-park', 'incubator', 'accelerator', 'maker-space'];
/** 32 industry codes: the most a bit set holds, so the last one is bit 31 (the sign bit of an int32). */
const CODES = Array.from({ length: 32 }, (_, k) => `ind-${k}`);

const site = (i: number, over: Partial<Incubator> = {}): Incubator => ({
  id: `c${i}`, name: { 'zh-CN': `点${i}`, en: `Point ${i}` }, kind: KINDS[(i * 3) % 4]!, level: LEVELS[(i + Math.floor(i / 4)) % 4]!,
  adcode: '440305', industries: [CODES[i % 32]!, ...(i % 3 === 0 ? [CODES[31]!] : []), ...(i % 5 === 0 ? [CODES[(i * 7) % 32]!] : [])],
  lon: 100 + (i % 16) * 0.5, lat: 20 + Math.floor(i / 16) * 0.5, ...over,
});
const items: Incubator[] = Array.from({ length: 200 }, (_, i) => site(i));
const RANK: Record<Level, number> = { national: 0, regional: 1, local: 2, cluster: 3 };
/** Host positions in the directory's order (a stable sort by level). */
const order = items.map((_, i) => i).sort((a, b) => RANK[items[a]!.level] - RANK[items[b]!.level] || a - b);

describe('directory columns on small directories', () => {
  it('writes codes and industry bits as the contract orders them', () => {
    const few: Incubator[] = [
      site(0, { level: 'national', kind: 'incubator', industries: ['b', 'a'], lon: 113.5, lat: 22.25 }),
      site(1, { level: 'regional', kind: 'accelerator', industries: ['a', 'c'] }),
      site(2, { level: 'local', kind: 'maker-space', industries: [] }),
      site(3, { level: 'cluster', kind: 'science-park', industries: ['c', 'b', 'c'] }),
      site(4, { level: 'unknown' as Level, kind: 'unknown' as IncubatorKind, industries: ['a'] }),
    ];
    const c = runNow(toColumns(few))!;
    expect([...c.lon]).to.deep.equal(few.map((i) => i.lon));
    expect([...c.lat]).to.deep.equal(few.map((i) => i.lat));
    expect([...c.level]).to.deep.equal([0, 1, 2, 3, 3]);
    expect([...c.kind]).to.deep.equal([0, 1, 2, 3, 0]);
    expect(c.industryCodes).to.deep.equal(['b', 'a', 'c']);
    expect([...c.industries]).to.deep.equal([0b011, 0b110, 0, 0b101, 0b010]);
    // The 32nd code is bit 31, kept unsigned.
    const all = runNow(toColumns([site(0, { industries: CODES })]))!;
    expect([...all.industries]).to.deep.equal([0xffffffff]);
  });

  it('gives up on a 33rd industry code, wherever it appears', () => {
    expect(runNow(toColumns([site(0, { industries: [...CODES, 'one-more'] })]))).to.equal(undefined);
    expect(runNow(toColumns([site(0, { industries: CODES }), site(1, { industries: ['ind-3'] }), site(2, { industries: ['late'] })]))).to.equal(undefined);
    expect(runNow(toColumns([site(0, { industries: CODES }), site(1, { industries: ['ind-3', 'ind-31'] })]))!.industryCodes).to.deep.equal(CODES);
  });

  it('yields once per 4,096 entries', () => {
    const yields = (n: number) => {
      const many = Array.from({ length: n }, (_, i) => items[i % 200]!);
      const g = toColumns(many);
      let k = 0;
      while (!g.next().done) k++;
      return k;
    };
    expect([yields(0), yields(4095), yields(4096), yields(8191), yields(8192), yields(10_000)]).to.deep.equal([0, 0, 1, 1, 2, 2]);
  });

  it('lists entries in the directory\'s order, filtered, as a linear scan does', () => {
    const dir = createColumnDirectory(runNow(toColumns(items))!);
    const filters: ColumnQuery[] = [{}, { level: 'national' }, { level: 'cluster' }, { kind: 'maker-space' }, { industry: 'ind-31' }, { industry: 'ind-0' },
      { industry: 'ind-5' }, { industry: 'absent' }, { level: 'regional', kind: 'incubator' }, { level: 'local', industry: 'ind-31' },
      { kind: 'science-park', industry: 'ind-3', level: 'cluster' }, { level: 'national' }, {}];
    for (const f of filters) for (const bbox of [undefined, [101, 21, 104, 23.5]] as ColumnQuery['bbox'][]) {
      const q: ColumnQuery = { ...f, ...(bbox ? { bbox } : {}), limit: 5000 };
      const want = order.filter((i) => {
        const it = items[i]!;
        return (!f.level || it.level === f.level) && (!f.kind || it.kind === f.kind) && (!f.industry || it.industries.includes(f.industry))
          && (!bbox || (it.lon >= bbox[0] && it.lon <= bbox[2] && it.lat >= bbox[1] && it.lat <= bbox[3]));
      });
      const got = dir.query(q);
      expect([got.total, [...got.items]], JSON.stringify(q)).to.deep.equal([want.length, want]);
      expect([...dir.query({ ...q, limit: 3 }).items], JSON.stringify(q)).to.deep.equal(want.slice(0, 3));
    }
  });

  it('clusters as the directory over objects does, for every filter', () => {
    const columns = createColumnDirectory(runNow(toColumns(items))!);
    const objects = createDirectory(items);
    for (const f of [{}, { level: 'local' }, { industry: 'ind-31' }, { kind: 'accelerator', level: 'national' }] as ColumnQuery[]) {
      for (const zoom of [3, 7, 9]) for (const limit of [undefined, 2, 5000]) {
        const q: ColumnQuery = { ...f, zoom, ...(limit !== undefined ? { limit } : {}) };
        const a = columns.query(q), b = objects.query(q);
        expect({ total: a.total, clusters: a.clusters, items: [...a.items].map((i) => items[i]!.id) }, JSON.stringify(q)).to.deep.equal({ total: b.total, clusters: b.clusters, items: b.items.map((i) => i.id) });
      }
    }
  });
});
