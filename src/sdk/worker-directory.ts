// A large directory (more than the local client validates eagerly) is indexed and clustered in a module Web
// Worker, so no task on the page's main thread grows with it: the page only copies the entries' coordinates,
// levels, kinds and industries into typed arrays (in slices of a few milliseconds) and transfers them. Queries
// without search text go to the worker; text search, details and region statistics stay with the page's own
// directory (built in slices). Anywhere a worker cannot start (no Worker, a policy that forbids it, a bundler
// that did not emit the file), `ready` resolves false and the caller uses the page's directory instead.
import type { Incubator, IncubatorQueryResult } from '../contract/index.js';
import { toColumns, type ColumnAnswer, type ColumnQuery } from '../engine/directory/columns.js';
import { runSliced } from '../engine/directory/slices.js';

export interface WorkerDirectory {
  /** True once the worker has the directory and its index; false if it could not start. */
  ready: Promise<boolean>;
  /** The answer, or undefined when the worker is unavailable (then ask the page's directory). */
  query(q: ColumnQuery): Promise<IncubatorQueryResult | undefined>;
  /** Ends the worker (the host replaced the directory). */
  close(): void;
}

// Rewritten by the builds (rollup.config.js, scripts/esbuild-worker.mjs) to the built, self-contained worker file;
// the test runner serves the TypeScript source itself.
const workerUrl = () => new URL('./directory-worker.ts', import.meta.url);
/** How long a worker may take to build its index before the page gives up on it. */
const START_TIMEOUT_MS = 30_000;

type TrustedTypes = { createPolicy(name: string, rules: { createScriptURL(url: string): string }): { createScriptURL(url: string): unknown } };
let policy: { createScriptURL(url: string): unknown } | null | undefined;

/** Under Trusted Types, a script URL only through our policy (`trusted-types chanrong`), which passes only these. */
function scriptUrl(href: string, allowed: Set<string>): string {
  const tt = (globalThis as { trustedTypes?: TrustedTypes }).trustedTypes;
  if (!tt) return href;
  if (policy === undefined) {
    try {
      policy = tt.createPolicy('chanrong', {
        createScriptURL: (url) => {
          if (!allowed.has(url)) throw new TypeError(`chanrong: ${url} is not the directory worker`);
          return url;
        },
      });
    } catch {
      policy = null;
    }
  }
  if (!policy) throw new Error('chanrong: no Trusted Types policy for the directory worker');
  return policy.createScriptURL(href) as string;
}
const allowedUrls = new Set<string>();

function createWorker(): Worker {
  const url = workerUrl();
  let href = url.href;
  // Browsers start workers from the page's origin only: from a CDN, a same-origin blob module imports the file.
  if (typeof location !== 'undefined' && url.origin !== location.origin) {
    href = URL.createObjectURL(new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' }));
  }
  allowedUrls.add(href);
  return new Worker(scriptUrl(href, allowedUrls) as unknown as string, { type: 'module', name: 'chanrong-directory' });
}

export function startWorkerDirectory(incubators: readonly Incubator[]): WorkerDirectory | undefined {
  if (typeof Worker === 'undefined' || typeof document === 'undefined') return undefined;
  let worker: Worker;
  try {
    worker = createWorker();
  } catch {
    return undefined;
  }
  const waiting = new Map<number, (answer: ColumnAnswer | undefined) => void>();
  let nextId = 0, failed = false;
  let settle!: (ok: boolean) => void;
  const ready = new Promise<boolean>((resolve) => { settle = resolve; });
  const timer = setTimeout(() => fail(), START_TIMEOUT_MS);
  const fail = () => {
    if (failed) return;
    failed = true;
    clearTimeout(timer);
    worker.terminate();
    for (const answer of waiting.values()) answer(undefined);
    waiting.clear();
    settle(false);
  };
  worker.addEventListener('error', (e) => { e.preventDefault(); fail(); });
  worker.addEventListener('messageerror', () => fail());
  worker.addEventListener('message', (e: MessageEvent<{ type: string; id?: number; error?: string } & ColumnAnswer>) => {
    const m = e.data;
    if (m.type === 'loaded') { clearTimeout(timer); settle(true); }
    else if (m.type === 'failed') fail();
    else if (m.type === 'answer') {
      const answer = waiting.get(m.id!);
      waiting.delete(m.id!);
      answer?.(m.error ? undefined : m);
    }
  });
  void runSliced(toColumns(incubators), 8).then((columns) => {
    if (failed) return;
    if (!columns) return fail();
    worker.postMessage({ type: 'load', columns }, [columns.lon.buffer, columns.lat.buffer, columns.level.buffer, columns.kind.buffer, columns.industries.buffer]);
  }, fail);
  return {
    ready,
    close: fail,
    async query(q) {
      if (!(await ready) || failed) return undefined;
      const answer = await new Promise<ColumnAnswer | undefined>((resolve) => {
        const id = nextId++;
        waiting.set(id, resolve);
        worker.postMessage({ type: 'query', id, query: q });
      });
      if (!answer) return undefined;
      const items = new Array<Incubator>(answer.items.length);
      for (let j = 0; j < items.length; j++) items[j] = incubators[answer.items[j]!]!;
      return { total: answer.total, clusters: answer.clusters, items };
    },
  };
}
