// A large directory in the local client is indexed and clustered in a Web Worker, with the same answers as the
// engine on the page; where the worker cannot start, the page's own directory answers instead.
import { expect } from 'chai';
import { createLocalClient } from '../../src/sdk/local-client.js';
import { createDirectoryClient } from '../../src/sdk/directory-client.js';
import { createDirectory } from '../../src/engine/directory/directory.js';
import { syntheticIncubators } from '../../src/sdk/synthetic.js';
import type { IncubatorQuery } from '../../src/contract/index.js';

const items = syntheticIncubators(25_000, 5);
const engine = createDirectory(items);
const ids = (r: { total: number; clusters: unknown[]; items: { id: string }[] }) => ({ total: r.total, clusters: r.clusters, items: r.items.map((i) => i.id) });
const QUERIES: IncubatorQuery[] = [
  { zoom: 3.5, limit: 2000 }, { bbox: [113, 22, 115, 23.5], zoom: 9, limit: 2000 }, { bbox: [100, 25, 110, 35], limit: 1000 },
  { level: 'national', zoom: 5, limit: 50 }, { industry: 'ai', bbox: [116, 39, 117, 41], zoom: 10 },
];

/** Replaces the page's Worker while `run` runs; `make` decides what a new Worker is. */
async function withWorker<T>(make: (url: string | URL, options?: WorkerOptions) => Worker, run: () => Promise<T>): Promise<T> {
  const original = globalThis.Worker;
  globalThis.Worker = function (this: unknown, url: string | URL, options?: WorkerOptions) { return make(url, options); } as unknown as typeof Worker;
  try {
    return await run();
  } finally {
    globalThis.Worker = original;
  }
}

describe('local client: a large directory in a Web Worker', () => {
  it('starts one module worker and answers viewport queries as the engine does; text search still works', async () => {
    const started: string[] = [], heard: string[] = [];
    const Real = globalThis.Worker;
    const client = await withWorker((url, options) => {
      started.push(`${String(url)} ${options?.type}`);
      const worker = new Real(url, options);
      worker.addEventListener('message', (e) => heard.push((e as MessageEvent<{ type: string }>).data.type));
      return worker;
    }, async () => createLocalClient({ incubators: items }));
    for (const q of QUERIES) expect(ids(await client.incubators.query(q)), JSON.stringify(q)).to.deep.equal(ids(engine.query(q)));
    expect(started).to.have.length(1);
    // The worker itself answered: loaded once, then one answer per query.
    expect(heard).to.deep.equal(['loaded', ...QUERIES.map(() => 'answer')]);
    expect(started[0]).to.match(/directory-worker\.(ts|js) module$/);
    const found = await client.incubators.query({ q: items[123]!.name['zh-CN'], limit: 10 });
    expect(found.items.map((i) => i.id)).to.include(items[123]!.id);
  });

  it('close() ends the worker (a map that drops its directory); later queries are answered by the page', async () => {
    const heard: string[] = [];
    let worker: Worker | undefined;
    const Real = globalThis.Worker;
    const directory = await withWorker((url, options) => {
      worker = new Real(url, options);
      worker.addEventListener('message', (e) => heard.push((e as MessageEvent<{ type: string }>).data.type));
      return worker;
    }, async () => createDirectoryClient({ incubators: items }));
    expect(ids(await directory.incubators.query(QUERIES[0]!))).to.deep.equal(ids(engine.query(QUERIES[0]!)));
    expect(heard).to.deep.equal(['loaded', 'answer']);
    directory.close();
    for (const q of QUERIES.slice(1)) expect(ids(await directory.incubators.query(q)), JSON.stringify(q)).to.deep.equal(ids(engine.query(q)));
    expect(heard, 'nothing more from a closed worker').to.deep.equal(['loaded', 'answer']);
  });

  it('answers from the page when the worker cannot start (a missing file)', async () => {
    const Real = globalThis.Worker;
    const client = await withWorker((_url, options) => new Real('/no/such/worker.js', options), async () => createLocalClient({ incubators: items }));
    for (const q of QUERIES) expect(ids(await client.incubators.query(q)), JSON.stringify(q)).to.deep.equal(ids(engine.query(q)));
  });

  it('answers from the page when a policy forbids workers (the constructor throws)', async () => {
    const client = await withWorker(() => { throw new DOMException('blocked', 'SecurityError'); }, async () => createLocalClient({ incubators: items }));
    for (const q of QUERIES.slice(0, 2)) expect(ids(await client.incubators.query(q))).to.deep.equal(ids(engine.query(q)));
  });
});
