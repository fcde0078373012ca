// The embedded client: the engine on bundled (or host-supplied) data, no network at all.
import {
  BondQuote, BondRequest, Catalog, DiscountQuote, DiscountRequest, EligibilityBatchOptions, EligibilityReport, EligibilityRequest, FinancingQuote,
  FinancingRequest, Health, Id, Incubator, IncubatorQuery, IncubatorQueryResult, Profile, ProgramsQuery,
  ProgramsResponse, ReferenceRates, RegionStats, RegionStatsQuery, DecisionRecord, KeysResponse, RecordRequest,
  type AcceleratorClient, type CallOptions, type Locale,
} from '../contract/index.js';
import * as z from 'zod/mini';
import { createService } from '../engine/service.js';
import { bundledCatalog, bundledIncubators, bundledReferenceRates, provinceNames } from '../data/bundled.js';
import { searchData } from '../data/geo/search.js';
import { toClientError } from './engine-errors.js';
import { validateInput } from './validate.js';
import { reportStream, screenReports } from './stream.js';
import { startWorkerDirectory } from './worker-directory.js';

export interface LocalClientOptions {
  /** Defaults to the bundled catalog. */
  catalog?: Catalog;
  /** Defaults to the bundled directory. */
  incubators?: Incubator[];
  /** Defaults to the bundled LPR history. */
  referenceRates?: ReferenceRates;
  /** Language of validation messages; zh-CN by default. */
  locale?: Locale;
  /** The clock that decides "today" for `asOf` defaults (tests pin it). */
  now?: () => Date;
}

const VERSION = 'local';
/** Directories up to this size are validated before the client is returned; larger ones in chunks. */
const EAGER_LIMIT = 20_000;

export function createLocalClient(options: LocalClientOptions = {}): AcceleratorClient {
  const locale = options.locale ?? 'zh-CN';
  const catalog = validateInput(Catalog, options.catalog ?? bundledCatalog, locale, 'catalog');
  const referenceRates = validateInput(ReferenceRates, options.referenceRates ?? bundledReferenceRates, locale, 'referenceRates');
  // A large directory is checked in idle-time chunks instead of before the first call: every incubator a call
  // returns is validated as part of its answer anyway, so nothing unchecked is ever shown, and a map of 200,000
  // points draws without waiting for the rest. The first problem found rejects every later call, naming its path.
  const rawIncubators = options.incubators ?? bundledIncubators;
  let dataError: unknown;
  const incubators = rawIncubators.length <= EAGER_LIMIT
    ? validateInput(z.array(Incubator), rawIncubators, locale, 'incubators')
    : rawIncubators;
  if (rawIncubators.length > EAGER_LIMIT) {
    // Idle time only (requestIdleCallback where there is one), a few milliseconds per slice, so the checks never
    // hold up a frame or a map gesture; elsewhere (Node) timer turns of 8 ms.
    let next = 0;
    const idle = (globalThis as { requestIdleCallback?: (cb: (d: { timeRemaining(): number }) => void) => number }).requestIdleCallback;
    const schedule = () => (idle ? idle(step) : setTimeout(() => step({ timeRemaining: () => 8 }), 0));
    const step = (deadline: { timeRemaining(): number }) => {
      if (dataError) return;
      const clock = globalThis.performance ?? Date, started = clock.now();
      const budget = Math.min(6, Math.max(1, deadline.timeRemaining()));
      try {
        // The clock is read after every entry: on a loaded phone a few dozen entries can already take 50 ms.
        while (next < rawIncubators.length && clock.now() - started < budget) {
          validateInput(Incubator, rawIncubators[next], locale, `incubators.${next}`);
          next++;
        }
      } catch (error) {
        dataError = error;
        return;
      }
      if (next < rawIncubators.length) schedule();
    };
    schedule();
  }
  // In a page, a large directory is indexed and clustered in a Web Worker (the page's own index is built, in
  // slices, only for text search or where no worker can start).
  const worker = rawIncubators.length > EAGER_LIMIT ? startWorkerDirectory(rawIncubators) : undefined;
  let service: ReturnType<typeof createService>;
  try {
    service = createService({ catalog, referenceRates, incubators, provinceNames, search: searchData, catalogDocument: options.catalog ?? bundledCatalog }, options.now ?? (() => new Date()));
  } catch (error) {
    throw toClientError(error, locale);
  }

  // Every method: honour an aborted signal, validate the input, run the engine. The engine's answers are not
  // validated again: its data was checked once when loaded, and its output is its own (tested against the schemas).
  async function run<In extends z.ZodMiniType, Out extends z.ZodMiniType>(
    input: In, value: unknown, output: Out, what: string, answer: (v: z.infer<In>) => unknown, call?: CallOptions,
    prepare?: (v: z.infer<In>) => Promise<void>,
  ): Promise<z.infer<Out>> {
    call?.signal?.throwIfAborted();
    if (dataError) throw dataError;
    const parsed = validateInput(input, value, locale);
    let result: unknown;
    try {
      // Large directories build their indexes in slices first, so the page stays responsive.
      if (prepare) {
        await prepare(parsed);
        call?.signal?.throwIfAborted();
        if (dataError) throw dataError;
      }
      result = await answer(parsed);
    } catch (error) {
      throw toClientError(error, locale);
    }
    void output; void what;
    return result as z.infer<Out>;
  }
  const Nothing = z.optional(z.object({}));

  return {
    health: (call) => run(Nothing, undefined, Health, 'health', () => ({ status: 'ok', version: VERSION }), call),
    programs: {
      list: (query = {}, call) => run(ProgramsQuery, query, ProgramsResponse, 'programs', (q) => service.programs(q), call),
    },
    eligibility: {
      check: (request, call) => run(EligibilityRequest, request, EligibilityReport, 'eligibility', (r) => service.eligibility(r), call),
      // The engine validates each profile against the catalog (a stricter check than the schema's), naming its
      // position; the stream yields to the event loop every few milliseconds, so a page stays responsive.
      checkMany: (profiles, batch = {}, call) => reportStream(() => screenReports(profiles, () => {
        call?.signal?.throwIfAborted();
        if (dataError) throw dataError;
        const options = validateInput(EligibilityBatchOptions, batch, locale, 'batch');
        try {
          return service.screener(options);
        } catch (error) {
          throw toClientError(error, locale);
        }
      }, (error) => toClientError(error, locale), call?.signal)),
      record: (request, call) => run(RecordRequest, request, DecisionRecord, 'decision record', (r) => service.record(r), call),
      keys: (call) => run(Nothing, undefined, KeysResponse, 'keys', () => service.keys(), call),
    },
    financing: {
      quote: (request, call) => run(FinancingRequest, request, FinancingQuote, 'financing quote', (r) => service.quote(r), call),
      bondQuote: (request, call) => run(BondRequest, request, BondQuote, 'bond quote', (r) => service.bondQuote(r), call),
      discountQuote: (request, call) => run(DiscountRequest, request, DiscountQuote, 'discount quote', (r) => service.discountQuote(r), call),
    },
    referenceRates: {
      list: (call) => run(Nothing, undefined, ReferenceRates, 'reference rates', () => service.referenceRates(), call),
    },
    incubators: {
      query: (query = {}, call) => run(IncubatorQuery, query, IncubatorQueryResult, 'incubators', async (q) => {
        const { q: text, ...spatial } = q;
        const answer = worker && !text ? await worker.query(spatial) : undefined;
        if (answer) return answer;
        await service.prepareDirectory(q);
        call?.signal?.throwIfAborted();
        return service.incubators(q);
      }, call),
      get: (id, call) => run(z.object({ id: Id }), { id }, Incubator, 'incubator', (v) => service.incubator(v.id), call),
    },
    regions: {
      stats: (query = {}, call) => run(RegionStatsQuery, query, RegionStats, 'region stats', (q) => service.regionStats(q), call, (q) => service.prepareDirectory({ ...q, stats: true })),
    },
  };
}
