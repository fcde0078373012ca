// The server's worker pool (src/server/pool.ts): heavy work leaves the event loop, answers stay the same, and each
// bound (queue length, time budget, client disconnect, a failing thread) gives a clear answer. Every wait here is
// on an event (a response, a pool or server event, a worker's broadcast), never on a fixed sleep; a test whose event
// never comes fails at its 60 s timeout instead of hanging the suite.
import assert from 'node:assert/strict';
import { EventEmitter, once } from 'node:events';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createApp, startServer, type RunningServer } from '../../src/server/index.js';
import type { WorkerPoolOptions } from '../../src/server/pool.js';
import { syntheticIncubators } from '../../src/engine/directory/synthetic.js';
import { bundledCatalog, bundledReferenceRates, provinceNames } from '../../src/data/bundled.js';
import { searchData } from '../../src/data/geo/search.js';
import { createHttpClient } from '../../src/sdk/index.js';

const centers = JSON.parse(readFileSync(new URL('../../src/data/geo/centers.json', import.meta.url), 'utf8'));
const incubators = syntheticIncubators(20_000, centers, 11);
const gateWorker = new URL('../fixtures/gate-worker.mjs', import.meta.url);

let channels = 0;
/** Shared cells for the gate worker: `calls` (tasks started) and `gate` (0 holds "hold" tasks, 1 lets them go),
 * and a BroadcastChannel on which the worker announces each task it starts. */
function gateCells() {
  const calls = new Int32Array(new SharedArrayBuffer(4));
  const gate = new Int32Array(new SharedArrayBuffer(4));
  const channel = `chanrong-gate-${process.pid}-${++channels}`;
  const listener = new BroadcastChannel(channel);
  const seen: string[] = [];
  const waiters: (() => void)[] = [];
  listener.onmessage = (event) => {
    seen.push(String((event as MessageEvent).data));
    for (const wake of waiters.splice(0)) wake();
  };
  return {
    calls, extra: { calls, gate, channel },
    /** Resolves once the worker has announced that a task named `name` started. */
    async started(name: string) {
      while (!seen.includes(name)) await new Promise<void>((resolve) => waiters.push(resolve));
    },
    open() { Atomics.store(gate, 0, 1); Atomics.notify(gate, 0); },
    close() { listener.close(); },
  };
}

const get = (server: RunningServer, path: string, init: RequestInit = {}) => fetch(server.url + path, init);

type ServerOptions = NonNullable<Parameters<typeof startServer>[0]>;
/** A server whose one pool thread runs the gate worker over `cells`. */
const startGated = (cells: ReturnType<typeof gateCells>, workers: Partial<WorkerPoolOptions> = {}, more: Partial<ServerOptions> = {}) =>
  startServer({ port: 0, log: false, ...more, workers: { threads: 1, ...workers, filename: gateWorker, extra: cells.extra } });
/** However a test ends: release held tasks (so a failed assertion never leaves a thread stuck), then stop. */
async function stopGated(server: RunningServer, cells: ReturnType<typeof gateCells>) {
  cells.open();
  cells.close();
  await server.close();
}

describe('worker pool: the same answers, computed off the event loop', () => {
  let server: RunningServer;
  const inProcess = createApp({
    catalog: bundledCatalog, referenceRates: bundledReferenceRates, incubators, provinceNames, search: searchData, version: '0.0.0', log: false,
  });
  before(async () => { server = await startServer({ port: 0, log: false, incubators, workers: 1 }); });
  after(async () => { await server.close(); });

  it('answers directory, region and eligibility-path requests exactly as the in-process engine does, from a worker thread', { timeout: 60_000 }, async () => {
    const pool = server.pool!;
    assert.ok(pool, 'startServer makes a pool by default');
    const paths = [
      '/v1/incubators?q=%E5%AD%B5&zoom=5', '/v1/incubators?q=shen&zoom=4&limit=20', '/v1/incubators?bbox=100,20,110,30&zoom=6',
      '/v1/incubators?level=national', '/v1/regions/stats?level=local', '/v1/regions/stats?industry=ai',
    ];
    const before = pool.stats.completed;
    for (const path of paths) {
      const [remote, local] = await Promise.all([get(server, path), inProcess.request(path)]);
      assert.equal(remote.status, 200, path);
      assert.deepEqual(await remote.json(), await local.json(), path);
    }
    const body = JSON.stringify({ profile: { entityType: 'enterprise', enterpriseSize: 'small' }, asOf: '2026-06-01', paths: 3 });
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body };
    const [remote, local] = await Promise.all([get(server, '/v1/eligibility', init), inProcess.request('/v1/eligibility', init)]);
    assert.equal(remote.status, 200);
    assert.deepEqual(await remote.json(), await local.json());
    assert.equal(pool.stats.completed - before, paths.length + 1, 'every one of them ran in the pool');
    // A profile the catalog refuses is still a 400 naming the fact when the engine runs in a worker.
    const bad = await get(server, '/v1/eligibility', { ...init, body: JSON.stringify({ profile: { notAFact: 1 }, paths: 2 }) });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { errors: { path: string }[] }).errors[0]!.path, 'profile.notAFact');
  });

  it('answers /v1/health while a batch of heavy queries is still being computed', { timeout: 60_000 }, async () => {
    const pool = server.pool!;
    // Distinct text searches (each builds a filtered index over 20,000 entries), all handed to the one thread.
    const words = ['an', 'bei', 'chang', 'da', 'fu', 'guang', 'hai', 'jin', 'kai', 'long', 'ming', 'nan', 'ping', 'qing', 'rui', 'tian'];
    let submitted = 0;
    const allSubmitted = new Promise<void>((resolve) => pool.on('submit', function onSubmit() {
      if (++submitted === words.length) { pool.off('submit', onSubmit); resolve(); }
    }));
    const finished: string[] = [];
    const heavy = words.map((w) => get(server, `/v1/incubators?q=${w}&zoom=5`).then(async (r) => { await r.arrayBuffer(); finished.push(w); }));
    // (Were they computed on the event loop, no task would reach the pool: fail rather than wait forever.)
    await Promise.race([allSubmitted, Promise.all(heavy).then(() => assert.fail('the heavy queries were answered without the pool'))]);
    const health = await get(server, '/v1/health');
    assert.equal(health.status, 200);
    // On the event loop, the server could read the health request only after computing every search before it.
    assert.ok(finished.length < words.length, `health was answered only after all ${words.length} heavy queries`);
    await Promise.all(heavy);
  });
});

describe('worker pool: bounds and failures', () => {
  it('refuses work beyond the queue with 503, Retry-After and a localized problem naming the cause; the SDK error names it', { timeout: 60_000 }, async () => {
    const cells = gateCells();
    const server = await startGated(cells, { maxQueue: 1 });
    try {
      const running = get(server, '/v1/incubators?q=hold');
      await cells.started('hold');
      const queued = get(server, '/v1/incubators?q=second');
      await once(server.pool!, 'submit');
      const refused = await get(server, '/v1/incubators?q=third');
      assert.equal(refused.status, 503);
      assert.match(refused.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.ok(Number(refused.headers.get('retry-after')) >= 1);
      const problem = (await refused.json()) as { type: string; title: string; detail: string; status: number };
      assert.equal(problem.type, 'urn:chanrong:problem:overloaded');
      assert.equal(problem.title, '服务器繁忙，请稍后重试');
      assert.match(problem.detail, /排队等待计算的请求已满（1 个）/);
      const en = (await (await get(server, '/v1/regions/stats', { headers: { 'accept-language': 'en' } })).json()) as { title: string; detail: string };
      assert.equal(en.title, 'The server is busy; try again shortly');
      assert.match(en.detail, /queue of requests waiting for computation is full \(1\)/);
      const client = createHttpClient({ baseUrl: server.url, retry: 0, locale: 'en' });
      await assert.rejects(client.incubators.query({ q: 'fourth' }), (error: { name: string; status: number; type: string; message: string }) => {
        assert.equal(error.name, 'ChanrongHttpError');
        assert.equal(error.status, 503);
        assert.equal(error.type, 'urn:chanrong:problem:overloaded');
        assert.match(error.message, /The server is busy.*queue .* is full/);
        return true;
      });
      assert.equal(server.pool!.stats.refused, 3);
      cells.open();
      assert.equal((await running).status, 200);
      assert.equal((await queued).status, 200);
    } finally {
      await stopGated(server, cells);
    }
  });

  it('with a queue of 0, refuses work only while every thread is busy', { timeout: 60_000 }, async () => {
    const cells = gateCells();
    const server = await startGated(cells, { maxQueue: 0 });
    try {
      assert.equal((await get(server, '/v1/incubators?q=idle')).status, 200);
      const running = get(server, '/v1/incubators?q=hold');
      await cells.started('hold');
      assert.equal((await get(server, '/v1/incubators?q=busy')).status, 503);
      cells.open();
      assert.equal((await running).status, 200);
      assert.equal((await get(server, '/v1/incubators?q=free-again')).status, 200);
    } finally {
      await stopGated(server, cells);
    }
  });

  it('computes a view once for the clients that ask it at the same time, and caches it', { timeout: 60_000 }, async () => {
    const cells = gateCells();
    // Every request the server receives is announced before the API handles it.
    const received = new EventEmitter();
    const server = await startGated(cells, {}, {
      extend: (app) => app.use('*', async (c, next) => {
        received.emit('request', c.req.url);
        c.req.raw.signal.addEventListener('abort', () => received.emit('aborted', c.req.url));
        await next();
      }),
    });
    const arrivals = (n: number) => new Promise<void>((resolve) => {
      let seen = 0;
      received.on('request', function count() { if (++seen === n) { received.off('request', count); resolve(); } });
    });
    try {
      const running = get(server, '/v1/incubators?q=hold');
      await cells.started('hold');
      let submits = 0;
      server.pool!.on('submit', () => { submits++; });
      const first = get(server, '/v1/incubators?q=same&zoom=4');
      await once(server.pool!, 'submit');
      const arrived = arrivals(3);
      const leaving = new AbortController();
      const others = [get(server, '/v1/incubators?zoom=4&q=same'), get(server, '/v1/incubators?q=same&zoom=4')];
      const gone = get(server, '/v1/incubators?q=same&zoom=4', { signal: leaving.signal }).catch((error: Error) => error);
      await arrived;
      // One turn of the event loop: the handlers of the three requests have joined the task by then.
      await new Promise((resolve) => setImmediate(resolve));
      const noticed = once(received, 'aborted');
      leaving.abort();
      assert.equal(((await gone) as Error).name, 'AbortError');
      await noticed; // the server has seen that client leave (while the task still waits for the thread)
      cells.open();
      for (const r of [await running, await first, ...(await Promise.all(others))]) assert.equal(r.status, 200);
      assert.equal((await get(server, '/v1/incubators?q=same&zoom=4')).status, 200);
      assert.equal(submits, 1, 'one task for four requests of one view, and none for the cached fifth');
      assert.equal(Atomics.load(cells.calls, 0), 3, 'the ping, "hold" and "same" once');
      assert.equal(server.pool!.stats.cancelled, 0, 'one client leaving did not drop the others\' work');
    } finally {
      await stopGated(server, cells);
    }
  });

  it('drops work whose client went away before it started', { timeout: 60_000 }, async () => {
    const cells = gateCells();
    const server = await startGated(cells);
    try {
      const running = get(server, '/v1/incubators?q=hold');
      await cells.started('hold');
      const leaving = new AbortController();
      const gone = get(server, '/v1/incubators?q=gone', { signal: leaving.signal }).catch((error: Error) => error);
      await once(server.pool!, 'submit');
      const cancelled = once(server.pool!, 'cancelled');
      leaving.abort();
      await cancelled;
      assert.equal(((await gone) as Error).name, 'AbortError');
      cells.open();
      assert.equal((await running).status, 200);
      // The queue is first in, first out: once a later task has run, the dropped one was reached and skipped.
      const later = await get(server, '/v1/incubators?q=later');
      assert.deepEqual(((await later.json()) as { ran: string }).ran, 'later');
      assert.equal(Atomics.load(cells.calls, 0), 3, 'the ping, "hold" and "later" ran; "gone" never did');
      assert.equal(server.pool!.stats.cancelled, 1);
    } finally {
      await stopGated(server, cells);
    }
  });

  it('answers 503 when the time budget is spent, stops the work, and keeps serving', { timeout: 60_000 }, async () => {
    const cells = gateCells();
    const server = await startGated(cells, { timeoutMs: 300 });
    try {
      const stuck = get(server, '/v1/incubators?q=hold', { headers: { 'accept-language': 'en' } });
      const waiting = get(server, '/v1/incubators?q=waiting');
      const [s, w] = await Promise.all([stuck, waiting]);
      for (const r of [s, w]) {
        assert.equal(r.status, 503);
        assert.ok(Number(r.headers.get('retry-after')) >= 1);
      }
      const problem = (await s.json()) as { type: string; detail: string };
      assert.equal(problem.type, 'urn:chanrong:problem:time-budget');
      assert.match(problem.detail, /did not finish within 300 ms/);
      assert.equal(((await w.json()) as { type: string }).type, 'urn:chanrong:problem:time-budget');
      // The stuck thread was stopped and replaced: once the new one is up, the next request is served (the gate is
      // still closed, so the old thread could not have answered).
      while (server.pool!.stats.threadsStarted < 2) await once(server.pool!, 'threadStarted');
      const next = await get(server, '/v1/incubators?q=next');
      assert.equal(next.status, 200, await next.clone().text());
      assert.equal(((await next.json()) as { ran: string }).ran, 'next');
      assert.equal(server.pool!.stats.timedOut, 2);
    } finally {
      await stopGated(server, cells);
    }
  });

  it('answers 503 naming a failed worker thread, logs one line, and serves the next request; the SDK error names it', { timeout: 60_000 }, async () => {
    const cells = gateCells();
    const lines: string[] = [];
    const server = await startGated(cells, {}, { logError: (line) => lines.push(line) });
    try {
      const client = createHttpClient({ baseUrl: server.url, retry: 0, locale: 'zh-TW' });
      for (const q of ['crash', 'throw']) {
        await assert.rejects(client.incubators.query({ q }), (error: { name: string; status: number; type: string; title: string; message: string }) => {
          assert.equal(error.name, 'ChanrongHttpError');
          assert.equal(error.status, 503);
          assert.equal(error.type, 'urn:chanrong:problem:worker-failed');
          assert.equal(error.title, '運算執行緒出錯，請稍後再試');
          assert.match(error.message, /運算執行緒失敗（請求編號 /);
          return true;
        });
      }
      assert.equal(lines.length, 2);
      assert.match(lines[1]!, / 503 \S+ GET \/v1\/incubators a worker thread failed: boom in the worker$/);
      assert.doesNotMatch(lines.join('\n'), /\n\s+at /, 'no stack trace in the log');
      assert.equal((await client.incubators.query({ q: 'after' })).total, 0);
    } finally {
      cells.close();
      await server.close();
    }
  });

  it('refuses to start, naming the cause, when the worker threads cannot load', { timeout: 60_000 }, async () => {
    await assert.rejects(
      startServer({ port: 0, log: false, workers: { threads: 1, filename: new URL('../fixtures/no-such-worker.mjs', import.meta.url) } }),
      /the worker threads could not start: a worker thread failed: .*no-such-worker/,
    );
  });

  it('computes on the event loop with workers: 0 (the Fetch-API app has no pool)', { timeout: 60_000 }, async () => {
    const server = await startServer({ port: 0, log: false, incubators: incubators.slice(0, 500), workers: 0 });
    try {
      assert.equal(server.pool, undefined);
      assert.equal((await get(server, '/v1/incubators?q=an&zoom=5')).status, 200);
    } finally {
      await server.close();
    }
  });
});
