// Heavy requests leave the event loop: the app hands them to an `Offload` (on Node, a pool of worker threads,
// ./pool.ts) and answers from the JSON text it returns. This module is the runtime-neutral part: what a task is
// and how it can fail. `createApp` never imports worker_threads, so the same app still runs on any Fetch-API
// runtime (and without an offload, every request is computed in-process as before).
import type { EligibilityRequest, IncubatorQuery, IssueLike, RegionStatsQuery } from '../contract/index.js';
import type { EngineErrorKind } from '../engine/errors.js';
import type { ServiceData } from '../engine/service.js';

/** The work a worker can do: each answer comes back as the JSON text the server sends. */
export type OffloadTask =
  | { op: 'incubators'; query: IncubatorQuery }
  | { op: 'regionStats'; query: RegionStatsQuery }
  /** `asOf` is always set (the server's clock decides "today", not the worker's). */
  | { op: 'eligibility'; request: EligibilityRequest & { asOf: string } };

export interface Offload {
  /** Runs `task` off the event loop. `signal` is the client's connection: when it aborts, work that has not
   * started is dropped. Rejects with an `OffloadError`, or an `EngineError` the engine raised. */
  run(task: OffloadTask, signal?: AbortSignal): Promise<string>;
}

/** Builds the offload from the data the app has validated (so the workers see exactly what the app sees). */
export type OffloadFactory = (data: Omit<ServiceData, 'signer' | 'catalogDocument'>) => Offload;

export type OffloadFailure =
  /** The queue of waiting work is full: the server is overloaded; try again after `retryAfterSeconds`. */
  | 'overloaded'
  /** The work did not finish within the per-request time budget. */
  | 'time-budget'
  /** A worker thread failed (crashed, or could not start). */
  | 'worker-failed'
  /** The client went away before the work started; nobody is waiting for an answer. */
  | 'cancelled';

export class OffloadError extends Error {
  /** When to try again (the `Retry-After` of a 503), in seconds. */
  readonly retryAfterSeconds: number;
  /** The bound that was hit: the queue's length ('overloaded') or the budget in ms ('time-budget'). */
  readonly limit: number | undefined;
  constructor(readonly kind: OffloadFailure, message: string, details: { retryAfterSeconds?: number; limit?: number } = {}) {
    super(message);
    this.name = 'OffloadError';
    this.retryAfterSeconds = details.retryAfterSeconds ?? 1;
    this.limit = details.limit;
  }
}

// The protocol between ./pool.ts and ./worker.ts (kept here: importing worker.ts would start a worker's init).
/** `workerData` as the pool passes it: the validated data as UTF-8 JSON in shared memory (one copy for every
 * thread, no structured clone on the event loop when a thread starts or restarts). */
export interface WorkerInit { data: SharedArrayBuffer; extra?: unknown }

/** One task: the work, and a shared cell the pool and the worker race on (queued → running, or → cancelled). */
export interface WorkerTask { task: OffloadTask | { op: 'ping' }; state: Int32Array }
export const QUEUED = 0, RUNNING = 1, CANCELLED = 2;

export type WorkerResult =
  | { json: string; thread: number }
  | { engineError: { kind: EngineErrorKind; message: string; path?: string | undefined; issues: IssueLike[] }; thread: number }
  /** The pool gave up on the task (client gone, or its time budget spent) before it started: nothing was done. */
  | { skipped: true };

