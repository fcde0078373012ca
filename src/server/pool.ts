// The reference server's worker threads (Node only). A directory text search over 200,000 entries costs tens of
// milliseconds of CPU; on the event loop, every request queued behind it (a health check, a quote) waits that long.
// Here such work runs on a pool of threads instead (piscina: a maintained pool with a bounded queue, abort
// signals, thread replacement and thread priority, rather than hand-kept pooling), with three bounds per request:
//   - a bounded queue: when `maxQueue` tasks already wait, the request is refused at once (503 + Retry-After);
//   - a time budget: a request whose work has not finished within `timeoutMs` (waiting included) is answered
//     503; work not yet started is dropped, work still running past it is stopped (its thread is replaced);
//   - the client's connection: when it closes, work not yet started is dropped. Work already running is left to
//     finish (within the budget) and its directory answer is cached: stopping a thread mid-task would cost a
//     new thread that parses the data and rebuilds its indexes (seconds of CPU with 200,000 entries), which a
//     client could trigger at will by connecting and hanging up.
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { EngineError } from '../engine/errors.js';
import type { ServiceData } from '../engine/service.js';
import { CANCELLED, OffloadError, QUEUED, type Offload, type OffloadTask, type WorkerInit, type WorkerResult, type WorkerTask } from './offload.js';

export interface WorkerPoolOptions {
  /** Worker threads; one fewer than the CPUs (at least 1) by default, so the event loop keeps a core. */
  threads?: number;
  /** Tasks allowed to wait for a thread; more are refused (503). 64 by default. */
  maxQueue?: number;
  /** Time budget of one task, waiting included, in ms; 10 s by default. */
  timeoutMs?: number;
  /** Added to the threads' nice value (Linux, through @napi-rs/nice): the event loop then wins the CPU over heavy
   * work when the machine is oversubscribed. 0 by default: on a shared 2-core machine, 5 kept /v1/health p99 at
   * 4.6 ms instead of 9.3 ms but cut directory throughput under load by two thirds (bench:server, BENCH_NICE). */
  niceIncrement?: number;
  /** The worker module (a file path or file: URL); the server's own by default. For tests and custom engines. */
  filename?: string | URL;
  /** More data for a custom worker module (`workerData.extra`); it must be cloneable. */
  extra?: unknown;
}

export interface WorkerPoolStats {
  threads: number;
  /** Tasks waiting for a thread now. */
  queued: number;
  completed: number;
  /** Dropped before they started, because the client went away. */
  cancelled: number;
  /** Answered 503 because the time budget ran out. */
  timedOut: number;
  /** Refused because the queue was full. */
  refused: number;
  /** Failed in a thread (a crash, a thread that could not start). */
  failed: number;
  /** Threads that have loaded the worker module so far (replacements included). */
  threadsStarted: number;
}

/** The worker module next to this one: `worker.ts` (through tsx) in the sources, `server-worker.js` in the build. */
function defaultWorkerFile(): string {
  for (const candidate of ['./worker-tsx.mjs', './server-worker.js', '../server-worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(url)) return fileURLToPath(url);
  }
  throw new Error(`the server's worker module was not found next to ${fileURLToPath(import.meta.url)}`);
}

const pathOf = (file: string | URL) => (file instanceof URL || file.startsWith('file:') ? fileURLToPath(file) : file);

export class WorkerPool extends EventEmitter implements Offload {
  readonly #pool: Piscina;
  readonly #stats: Omit<WorkerPoolStats, 'queued' | 'threads'> = { completed: 0, cancelled: 0, timedOut: 0, refused: 0, failed: 0, threadsStarted: 0 };
  readonly threads: number;
  readonly maxQueue: number;
  readonly timeoutMs: number;
  /** Mean run time of recent tasks (ms), for Retry-After. */
  #meanRunMs = 0;
  /** Tasks handed to piscina and not yet settled there: running, waiting, or cancelled but not yet skipped. */
  #inFlight = 0;
  /** Settles when a thread has loaded the data and answered; rejects, naming the cause, when none can start. */
  readonly ready: Promise<void>;

  constructor(data: Omit<ServiceData, 'signer' | 'catalogDocument'>, options: WorkerPoolOptions = {}) {
    super();
    this.threads = Math.max(1, Math.floor(options.threads ?? Math.max(1, availableParallelism() - 1)));
    this.maxQueue = Math.max(0, Math.floor(options.maxQueue ?? 64));
    this.timeoutMs = options.timeoutMs ?? 10_000;
    const text = Buffer.from(JSON.stringify(data), 'utf8');
    const shared = new SharedArrayBuffer(text.byteLength);
    text.copy(Buffer.from(shared));
    const workerData: WorkerInit = { data: shared, ...(options.extra !== undefined ? { extra: options.extra } : {}) };
    this.#pool = new Piscina({
      filename: options.filename ? pathOf(options.filename) : defaultWorkerFile(),
      minThreads: this.threads,
      maxThreads: this.threads,
      // A thread holds the directory and its indexes: it must never be retired for being idle.
      idleTimeout: Infinity,
      // piscina's own limit is a backstop; `run` refuses first, so the answer can say why.
      maxQueue: this.maxQueue + this.threads + 1,
      niceIncrement: options.niceIncrement ?? 0,
      workerData,
      recordTiming: false,
    });
    // A thread that dies while idle is replaced by piscina; the error is reported once here, not thrown.
    this.#pool.on('error', (error: Error) => { this.#stats.failed++; this.emit('failed', error); });
    this.#pool.on('workerCreate', () => { this.#stats.threadsStarted++; this.emit('threadStarted'); });
    this.ready = this.#submit({ op: 'ping' }, undefined, this.timeoutMs * 3).then(() => {});
    this.ready.catch(() => {});
  }

  get stats(): WorkerPoolStats {
    return { threads: this.threads, queued: this.#pool.queueSize, ...this.#stats };
  }

  run(task: OffloadTask, signal?: AbortSignal): Promise<string> {
    return this.#submit(task, signal, this.timeoutMs);
  }

  #submit(task: WorkerTask['task'], signal: AbortSignal | undefined, budgetMs: number): Promise<string> {
    if (signal?.aborted) return Promise.reject(new OffloadError('cancelled', 'the client went away before the work started'));
    // Every thread busy and `maxQueue` tasks already waiting: refuse now rather than make this one wait longer.
    if (task.op !== 'ping' && this.#inFlight >= this.threads + this.maxQueue) {
      this.#stats.refused++;
      return Promise.reject(new OffloadError('overloaded', `the work queue is full (${this.maxQueue} requests waiting for ${this.threads} worker thread${this.threads > 1 ? 's' : ''})`, { retryAfterSeconds: this.#retryAfter(), limit: this.maxQueue }));
    }
    const state = new Int32Array(new SharedArrayBuffer(4));
    const kill = new AbortController();
    const started = performance.now();
    const running = this.#pool.run({ task, state } satisfies WorkerTask, { signal: kill.signal }) as Promise<WorkerResult>;
    this.#inFlight++;
    const settled = () => { this.#inFlight--; };
    running.then(settled, settled);
    if (task.op !== 'ping') this.emit('submit', task);
    return new Promise<string>((resolve, reject) => {
      let settled = false;
      const finish = (settle: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        settle();
      };
      // The client left: drop the work if no thread has claimed it yet (the thread will skip it).
      const onAbort = () => {
        if (Atomics.compareExchange(state, 0, QUEUED, CANCELLED) !== QUEUED) return;
        this.#stats.cancelled++;
        this.emit('cancelled', task);
        finish(() => reject(new OffloadError('cancelled', 'the client went away before the work started')));
      };
      const timer = setTimeout(() => {
        // Not started: the thread skips it when it comes. Running past the budget: stop its thread.
        if (Atomics.compareExchange(state, 0, QUEUED, CANCELLED) !== QUEUED) kill.abort();
        this.#stats.timedOut++;
        this.emit('timeout', task);
        finish(() => reject(new OffloadError('time-budget', `the work did not finish within ${budgetMs} ms`, { retryAfterSeconds: this.#retryAfter(), limit: budgetMs })));
      }, budgetMs);
      timer.unref();
      signal?.addEventListener('abort', onAbort, { once: true });
      running.then((result) => {
        if ('skipped' in result) return;
        this.#stats.completed++;
        const ms = performance.now() - started;
        this.#meanRunMs = this.#meanRunMs ? this.#meanRunMs * 0.9 + ms * 0.1 : ms;
        if ('engineError' in result) {
          const e = result.engineError;
          finish(() => reject(new EngineError(e.kind, e.message, e.path, e.issues)));
        } else finish(() => resolve(result.json));
      }, (error: Error) => {
        if (kill.signal.aborted) return; // our own time budget stopped it, and has answered already
        if (/queue is at limit/i.test(error?.message ?? '')) {
          this.#stats.refused++;
          finish(() => reject(new OffloadError('overloaded', `the work queue is full (${this.maxQueue} requests waiting)`, { retryAfterSeconds: this.#retryAfter(), limit: this.maxQueue })));
          return;
        }
        this.#stats.failed++;
        this.emit('failed', error);
        finish(() => reject(new OffloadError('worker-failed', `a worker thread failed: ${String(error?.message ?? error).split('\n')[0]!.slice(0, 200)}`)));
      });
    });
  }

  /** Seconds until the queue has likely drained: waiting tasks × mean run time / threads, at least 1. */
  #retryAfter(): number {
    return Math.max(1, Math.ceil(((this.#pool.queueSize + 1) * (this.#meanRunMs || 50)) / this.threads / 1000));
  }

  /** Stops the threads; work still waiting is refused. */
  async close(): Promise<void> {
    await this.#pool.destroy();
  }
}

/** A pool for the data the app validated (`createApp({ offload })`). */
export function createWorkerPool(data: Omit<ServiceData, 'signer' | 'catalogDocument'>, options: WorkerPoolOptions = {}): WorkerPool {
  return new WorkerPool(data, options);
}
