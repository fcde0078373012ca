// The directory as columns (what the Web Worker indexes) answers exactly as the directory over objects does: the
// same totals, clusters and entries in the same order, for every filter the worker serves.
import { expect } from 'chai';
import { createDirectory } from '../../src/engine/directory/directory.js';
import { createColumnDirectory, toColumns, type ColumnQuery } from '../../src/engine/directory/columns.js';
import { runNow } from '../../src/engine/directory/slices.js';
import { syntheticIncubators } from '../../src/engine/directory/synthetic.js';
import centers from '../../src/data/geo/centers.json' with { type: 'json' };
import type { Incubator } from '../../src/contract/index.js';

const items = syntheticIncubators(30_000, centers, 21);
const objects = createDirectory(items);
const columns = createColumnDirectory(runNow(toColumns(items))!);
const answer = (q: ColumnQuery) => {
  const r = columns.query(q);
  return { total: r.total, clusters: r.clusters, items: [...r.items].map((i) => items[i]!.id) };
};
const expected = (q: ColumnQuery) => {
  const r = objects.query(q);
  return { total: r.total, clusters: r.clusters, items: r.items.map((i) => i.id) };
};

describe('directory columns (the worker\'s directory)', () => {
  it('answers every viewport, zoom, limit and filter exactly as the directory over objects', () => {
    const boxes: ColumnQuery['bbox'][] = [undefined, [73, 18, 135, 54], [113, 22, 115, 23.5], [100, 25, 110, 35], [116.2, 39.8, 116.5, 40.1], [0, 0, 1, 1]];
    const filters: ColumnQuery[] = [{}, { level: 'national' }, { level: 'cluster' }, { kind: 'accelerator' }, { industry: 'ai' }, { industry: 'no-such-industry' }, { level: 'local', industry: 'biomed', kind: 'incubator' }];
    let compared = 0;
    for (const bbox of boxes) for (const f of filters) for (const zoom of [undefined, 2, 4.5, 8, 12]) for (const limit of [undefined, 0, 7, 2000]) {
      const q: ColumnQuery = { ...f, ...(bbox ? { bbox } : {}), ...(zoom !== undefined ? { zoom } : {}), ...(limit !== undefined ? { limit } : {}) };
      expect(answer(q), JSON.stringify(q)).to.deep.equal(expected(q));
      compared++;
    }
    expect(compared).to.equal(6 * 7 * 5 * 4);
  });

  it('gives up (undefined) on a directory with more industry codes than its bit set holds', () => {
    const many: Incubator[] = Array.from({ length: 40 }, (_, i) => ({ ...items[i]!, industries: [`code-${i}`] }));
    expect(runNow(toColumns(many))).to.equal(undefined);
    expect(runNow(toColumns(many.slice(0, 32)))!.industryCodes.length).to.equal(32);
  });
});
