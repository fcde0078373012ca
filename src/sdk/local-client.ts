// The embedded client: the engine on bundled (or host-supplied) data, no network at all.
import {
  BondQuote, BondRequest, Catalog, DiscountQuote, DiscountRequest, EligibilityBatchOptions, EligibilityReport, EligibilityRequest, FinancingQuote,
  FinancingRequest, Health, Profile, ProgramsQuery, ProgramsResponse, ReferenceRates, DecisionRecord, KeysResponse, RecordRequest,
  type AcceleratorClient, type Incubator, type CallOptions, type Locale,
} from '../contract/index.js';
import * as z from 'zod/mini';
import { createService } from '../engine/service.js';
import { bundledCatalog, bundledReferenceRates } from '../data/bundled.js';
import { toClientError } from './engine-errors.js';
import { validateInput } from './validate.js';
import { reportStream, screenReports } from './stream.js';
import { createDirectoryClient } from './directory-client.js';

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

export function createLocalClient(options: LocalClientOptions = {}): AcceleratorClient {
  const locale = options.locale ?? 'zh-CN';
  const catalog = validateInput(Catalog, options.catalog ?? bundledCatalog, locale, 'catalog');
  const referenceRates = validateInput(ReferenceRates, options.referenceRates ?? bundledReferenceRates, locale, 'referenceRates');
  // The directory (incubators, regions) is its own client: validated here (a large one in idle time), indexed
  // in a Web Worker when it is large; see directory-client.ts. Its first data problem rejects every later call.
  const directory = createDirectoryClient({ ...(options.incubators ? { incubators: options.incubators } : {}), locale });
  let service: ReturnType<typeof createService>;
  try {
    service = createService({ catalog, referenceRates, incubators: [], provinceNames: {}, catalogDocument: options.catalog ?? bundledCatalog }, options.now ?? (() => new Date()));
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
    if (directory.dataError) throw directory.dataError;
    const parsed = validateInput(input, value, locale);
    let result: unknown;
    try {
      // Large directories build their indexes in slices first, so the page stays responsive.
      if (prepare) {
        await prepare(parsed);
        call?.signal?.throwIfAborted();
        if (directory.dataError) throw directory.dataError;
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
        if (directory.dataError) throw directory.dataError;
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
    incubators: directory.incubators,
    regions: directory.regions,
  };
}
