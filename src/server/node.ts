// Running the reference server on Node with @hono/node-server.
import { readFile } from 'node:fs/promises';
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Catalog, Incubator, LocalizedText, ReferenceRates } from '../contract/index.js';
import { createApp, type AppOptions } from './app.js';
import { createSigner } from '../engine/records/record.js';
import { WorkerPool, type WorkerPoolOptions } from './pool.js';

export interface ServeOptions extends Partial<Omit<AppOptions, 'catalog' | 'incubators' | 'provinceNames'>> {
  provinceNames?: Record<string, LocalizedText>;
  port?: number;
  host?: string;
  /** Path of a catalog JSON file replacing the bundled one. */
  catalogFile?: string;
  /** Path of a JSON array of incubators replacing the bundled directory. */
  incubatorsFile?: string;
  /** Path of a reference-rates JSON file (`{ lpr: [...], checkedOn? }`) replacing the bundled LPR table. */
  ratesFile?: string;
  /** Path of an Ed25519 private JWK (`chanrong keygen`): decision records are signed with it. */
  signingKeyFile?: string;
  catalog?: Catalog;
  incubators?: Incubator[];
  /** Extra routes (the demo mounts its static files) added before the API. */
  extend?: (app: Hono) => void;
  /** A request must arrive whole (headers and body) within this; 30 s by default. */
  requestTimeoutMs?: number;
  /** The request headers must arrive within this; 10 s by default (slow-loris). */
  headersTimeoutMs?: number;
  /** An idle keep-alive connection is closed after this; 5 s by default. */
  keepAliveTimeoutMs?: number;
  /** Open connections beyond this are refused; 256 by default. */
  maxConnections?: number;
  /** Heavy work (directory queries that miss the cache, region statistics, eligibility with `paths`) runs on a
   * pool of worker threads, so the event loop stays free: a thread count (0 computes everything on the event
   * loop), or the pool's options (threads, queue length, time budget). One thread fewer than the CPUs by default. */
  workers?: number | WorkerPoolOptions;
}

export interface RunningServer {
  url: string;
  port: number;
  /** The worker pool (absent with `workers: 0`): its `stats` and events, for monitoring. */
  pool?: WorkerPool;
  close(): Promise<void>;
}

async function readJson(path: string, what: string): Promise<unknown> {
  try {
    // Editors on Windows save UTF-8 with a byte-order mark; JSON.parse would refuse it.
    return JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(`cannot read ${what} from ${path}: ${(error as Error).message}`);
  }
}

export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  // Data read from files replaces what the options give; what neither gives, createApp takes from the bundle.
  const fromFiles: Partial<AppOptions> = {
    ...(options.catalogFile ? { catalog: (await readJson(options.catalogFile, 'the catalog')) as Catalog } : {}),
    ...(options.incubatorsFile ? { incubators: (await readJson(options.incubatorsFile, 'the incubators')) as Incubator[] } : {}),
    ...(options.ratesFile ? { referenceRates: (await readJson(options.ratesFile, 'the reference rates')) as ReferenceRates } : {}),
  };
  const signer = options.signingKeyFile
    ? await createSigner((await readJson(options.signingKeyFile, 'the signing key')) as JsonWebKey).catch((error: Error) => { throw new Error(`the signing key ${options.signingKeyFile}: ${error.message}`); })
    : options.signer;
  let app: Hono;
  let pool: WorkerPool | undefined;
  const poolOptions: WorkerPoolOptions | undefined = typeof options.workers === 'number'
    ? (options.workers > 0 ? { threads: options.workers } : undefined)
    : (options.workers ?? {});
  try {
    app = createApp({
      ...(poolOptions ? { offload: (data) => (pool = new WorkerPool(data, poolOptions)) } : {}),
      ...options,
      ...(signer ? { signer } : {}),
      ...fromFiles,
    });
  } catch (error) {
    await pool?.close();
    const files = [options.catalogFile, options.incubatorsFile, options.ratesFile].filter(Boolean).join(', ');
    throw new Error(`${(error as Error).message}${files ? ` (data from ${files})` : ''}`);
  }
  // Listen only once a worker has the data and its indexes: a server that answers is a server that can compute.
  if (pool) {
    try {
      await pool.ready;
    } catch (error) {
      await pool.close();
      throw new Error(`the worker threads could not start: ${(error as Error).message}`);
    }
  }
  let root = app;
  if (options.extend) {
    const { Hono } = await import('hono');
    root = new Hono();
    options.extend(root);
    root.route('/', app);
  }
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    let server: ServerType;
    try {
      server = serve({
        fetch: root.fetch, port: options.port ?? 8787, hostname: host,
        serverOptions: {
          requestTimeout: options.requestTimeoutMs ?? 30_000,
          headersTimeout: Math.min(options.headersTimeoutMs ?? 10_000, options.requestTimeoutMs ?? 30_000),
          keepAliveTimeout: options.keepAliveTimeoutMs ?? 5_000,
          // Node checks the two timeouts above only this often (30 s by default, which would stretch them).
          connectionsCheckingInterval: Math.min(1_000, options.headersTimeoutMs ?? 1_000),
        },
      }, (info) => {
        const shownHost = host.includes(':') ? `[${host}]` : host;
        resolve({
          url: `http://${shownHost}:${info.port}`,
          port: info.port,
          ...(pool ? { pool } : {}),
          close: async () => {
            await new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done())));
            await pool?.close();
          },
        });
      });
      server.maxConnections = options.maxConnections ?? 256;
      server.on('error', (error) => { void pool?.close(); reject(error); });
    } catch (error) {
      void pool?.close();
      reject(error);
    }
  });
}
