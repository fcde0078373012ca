// The embedded directory on its own: the incubator and region methods of the local client, without the catalog,
// the eligibility and financing engines or their data. The local client delegates its directory methods here, and
// the map loads only this for its first paint (the rest of the local client, when it is needed at all, later).
// A large directory (more than EAGER_LIMIT entries) is validated in idle time instead of up front, and indexed and
// clustered in a Web Worker (worker-directory.ts); the pinyin table for text search loads with the first search.
import * as z from 'zod/mini';
import { Id, Incubator, IncubatorQuery, RegionStatsQuery, type AcceleratorClient, type CallOptions, type IncubatorQueryResult, type Locale, type LocalizedText, type RegionStat } from '../contract/index.js';
import { createDirectory } from '../engine/directory/directory.js';
import type { SearchData } from '../engine/directory/search.js';
import sampleJson from '../data/incubators/sample.json' with { type: 'json' };
import provincesJson from '../data/regions/provinces.json' with { type: 'json' };
import { toClientError } from './engine-errors.js';
import { validateInput } from './validate.js';
import { startWorkerDirectory } from './worker-directory.js';

export type DirectoryClient = Pick<AcceleratorClient, 'incubators' | 'regions'> & {
  /** The first problem found by the idle-time validation of a large directory (then every call rejects with it). */
  readonly dataError: unknown;
  /** Stops the background work for this directory: its idle-time validation and its worker. */
  close(): void;
};

export interface DirectoryClientOptions {
  /** Defaults to the bundled sample directory. */
  incubators?: Incubator[];
  /** Language of validation messages; zh-CN by default. */
  locale?: Locale;
}

/** Directories up to this size are validated before the client is returned; larger ones in idle-time slices. */
export const EAGER_LIMIT = 20_000;
const provinceNames = provincesJson as Record<string, LocalizedText>;

export function createDirectoryClient(options: DirectoryClientOptions = {}): DirectoryClient {
  const locale = options.locale ?? 'zh-CN';
  const raw = options.incubators ?? (sampleJson as Incubator[]);
  let dataError: unknown, closed = false;
  const incubators = raw.length <= EAGER_LIMIT ? validateInput(z.array(Incubator), raw, locale, 'incubators') : raw;
  if (raw.length > EAGER_LIMIT) validateWhenIdle(raw, locale, (error) => { dataError = error; }, () => closed);
  let search: SearchData | undefined;
  let searchLoad: Promise<unknown> | undefined;
  const directory = createDirectory(incubators, { search: () => search });
  const worker = raw.length > EAGER_LIMIT ? startWorkerDirectory(raw) : undefined;

  async function run<In extends z.ZodMiniType, T>(input: In, value: unknown, answer: (v: z.infer<In>) => Promise<T>, call?: CallOptions): Promise<T> {
    call?.signal?.throwIfAborted();
    if (dataError) throw dataError;
    const parsed = validateInput(input, value, locale);
    try {
      const result = await answer(parsed);
      if (dataError) throw dataError;
      return result;
    } catch (error) {
      throw toClientError(error, locale);
    }
  }

  return {
    get dataError() { return dataError; },
    close() { closed = true; worker?.close(); },
    incubators: {
      query: (query = {}, call) => run(IncubatorQuery, query, async (q): Promise<IncubatorQueryResult> => {
        const { q: text, ...spatial } = q;
        const answer = worker && !text ? await worker.query(spatial) : undefined;
        if (answer) return answer;
        if (text && !search) {
          searchLoad ??= import('../data/geo/search.js').then((m) => { search = m.searchData; });
          await searchLoad;
        }
        // Large directories build the page's index in slices first, so the page stays responsive.
        await directory.prepare(q);
        call?.signal?.throwIfAborted();
        return directory.query(q);
      }, call),
      get: (id, call) => run(z.object({ id: Id }), { id }, async (v) => directory.get(v.id), call),
    },
    regions: {
      stats: (query = {}, call) => run(RegionStatsQuery, query, async (q): Promise<RegionStat[]> => {
        await directory.prepare({ ...q, stats: true });
        return directory.regionStats(q, provinceNames);
      }, call),
    },
  };
}

/**
 * Checks a large directory in idle-time slices instead of before the first call: a map of 200,000 points draws
 * without waiting for the rest, and the checks never hold up a frame or a gesture. The clock is read after every
 * entry (on a loaded phone a few dozen entries can already take 50 ms). Elsewhere (Node), timer turns of 6 ms.
 */
function validateWhenIdle(raw: readonly unknown[], locale: Locale, failed: (error: unknown) => void, closed: () => boolean): void {
  let next = 0;
  const idle = (globalThis as { requestIdleCallback?: (cb: (d: { timeRemaining(): number }) => void) => number }).requestIdleCallback;
  const schedule = () => (idle ? idle(step) : setTimeout(() => step({ timeRemaining: () => 6 }), 0));
  const clock = globalThis.performance ?? Date;
  const step = (deadline: { timeRemaining(): number }) => {
    if (closed()) return;
    const started = clock.now(), budget = Math.min(6, Math.max(1, deadline.timeRemaining()));
    try {
      while (next < raw.length && clock.now() - started < budget) {
        validateInput(Incubator, raw[next], locale, `incubators.${next}`);
        next++;
      }
    } catch (error) {
      failed(error);
      return;
    }
    if (next < raw.length) schedule();
  };
  schedule();
}
