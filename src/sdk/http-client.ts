// The remote client: any server that speaks the contract, over ky (fetch with timeout and retry).
import ky, { type KyInstance, HTTPError, TimeoutError } from 'ky';
import * as z from 'zod/mini';
import {
  BondQuote, BondRequest, DiscountQuote, DiscountRequest, EligibilityBatchOptions, EligibilityReport, EligibilityRequest, FinancingQuote,
  FinancingRequest, Health, Id, Incubator, IncubatorQuery, IncubatorQueryResult, Problem, Profile, ProgramsQuery,
  ProgramsResponse, ReferenceRates, RegionStats, RegionStatsQuery, DecisionRecord, KeysResponse, RecordRequest,
  type AcceleratorClient, type CallOptions, type Locale,
} from '../contract/index.js';
import { ChanrongHttpError, ChanrongResponseError, ChanrongValidationError, PROBLEM } from './errors.js';
import { validateAnswer, validateInput } from './validate.js';
import { profilesOf, reportStream } from './stream.js';

export interface HttpClientOptions {
  /** The server's root; the contract's paths (`/v1/...`) are appended. Relative URLs resolve against the page. */
  baseUrl: string;
  /** Sent with every request. */
  headers?: Record<string, string>;
  /** Called before every request; a returned token is sent as `Authorization: Bearer <token>`. */
  getToken?: () => string | undefined | null | Promise<string | undefined | null>;
  /** Per attempt; 15 s by default. */
  timeoutMs?: number;
  /** Attempts after the first for idempotent (GET) calls on network errors, 408, 429 and 5xx; 2 by default. */
  retry?: number;
  /** A custom fetch (tests, proxies, instrumentation). */
  fetch?: typeof globalThis.fetch;
  /** Language of validation messages and the server's messages (`Accept-Language`); zh-CN by default. */
  locale?: Locale;
  /** How many profiles `checkMany` sends at once; 4 by default. */
  concurrency?: number;
}

function resolveBase(baseUrl: string): string {
  const base = typeof location !== 'undefined' ? new URL(baseUrl, location.href).href : new URL(baseUrl).href;
  return base.endsWith('/') ? base : `${base}/`;
}

export function createHttpClient(options: HttpClientOptions): AcceleratorClient {
  const locale = options.locale ?? 'zh-CN';
  const http: KyInstance = ky.create({
    prefixUrl: resolveBase(options.baseUrl),
    timeout: options.timeoutMs ?? 15_000,
    retry: { limit: options.retry ?? 2, methods: ['get'], statusCodes: [408, 429, 500, 502, 503, 504] },
    headers: { accept: 'application/json, application/problem+json', 'accept-language': locale, ...options.headers },
    throwHttpErrors: true,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    hooks: {
      beforeRequest: [
        async (request) => {
          const token = await options.getToken?.();
          if (token) request.headers.set('authorization', `Bearer ${token}`);
        },
      ],
    },
  });

  async function send<Out extends z.ZodMiniType>(
    method: 'get' | 'post', path: string, output: Out, what: string,
    init: { json?: unknown; searchParams?: Record<string, string> }, call?: CallOptions,
  ): Promise<z.infer<Out>> {
    let response: Response;
    try {
      response = await http(path, { method, ...init, ...(call?.signal ? { signal: call.signal } : {}) });
    } catch (error) {
      throw await toHttpError(error);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      throw new ChanrongResponseError({ type: PROBLEM.response, title: 'The answer is not JSON', status: 502, detail: `${what}: ${String(error)}` }, { cause: error });
    }
    return validateAnswer(output, body, what);
  }

  const query = (q: Record<string, unknown>): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(q)) {
      if (v === undefined || v === null) continue;
      out[k] = Array.isArray(v) ? v.join(',') : String(v);
    }
    return out;
  };

  const client: AcceleratorClient = {
    health: async (call) => send('get', 'v1/health', Health, 'health', {}, call),
    programs: {
      list: async (q = {}, call) => send('get', 'v1/programs', ProgramsResponse, 'programs', { searchParams: query(validateInput(ProgramsQuery, q, locale)) }, call),
    },
    eligibility: {
      check: async (request, call) => send('post', 'v1/eligibility', EligibilityReport, 'eligibility', { json: validateInput(EligibilityRequest, request, locale) }, call),
      checkMany: (profiles, batch = {}, call) => reportStream(async function* many() {
        const batchOptions = validateInput(EligibilityBatchOptions, batch, locale, 'batch');
        if (Array.isArray(profiles)) validateInput(z.array(Profile), profiles, locale, 'profiles');
        // The contract has no batch endpoint: windows of `concurrency` single checks, answered in order.
        const width = Math.max(1, options.concurrency ?? 4);
        let window: Promise<EligibilityReport>[] = [];
        let index = 0;
        for await (const profile of profilesOf(profiles)) {
          const i = index++;
          if (!Array.isArray(profiles)) validateInput(Profile, profile, locale, `profiles.${i}`);
          window.push(client.eligibility.check({ ...batchOptions, profile }, call));
          if (window.length >= width) {
            yield* await Promise.all(window);
            window = [];
          }
        }
        yield* await Promise.all(window);
      }),
      record: async (request, call) => send('post', 'v1/eligibility/record', DecisionRecord, 'decision record', { json: validateInput(RecordRequest, request, locale) }, call),
      keys: async (call) => send('get', 'v1/keys', KeysResponse, 'keys', {}, call),
    },
    financing: {
      quote: async (request, call) => send('post', 'v1/financing/quote', FinancingQuote, 'financing quote', { json: validateInput(FinancingRequest, request, locale) }, call),
      bondQuote: async (request, call) => send('post', 'v1/financing/bond-quote', BondQuote, 'bond quote', { json: validateInput(BondRequest, request, locale) }, call),
      discountQuote: async (request, call) => send('post', 'v1/financing/discount-quote', DiscountQuote, 'discount quote', { json: validateInput(DiscountRequest, request, locale) }, call),
    },
    referenceRates: {
      list: async (call) => send('get', 'v1/reference-rates', ReferenceRates, 'reference rates', {}, call),
    },
    incubators: {
      query: async (q = {}, call) => send('get', 'v1/incubators', IncubatorQueryResult, 'incubators', { searchParams: query(validateInput(IncubatorQuery, q, locale)) }, call),
      get: async (id, call) => send('get', `v1/incubators/${encodeURIComponent(validateInput(Id, id, locale, 'id'))}`, Incubator, 'incubator', {}, call),
    },
    regions: {
      stats: async (q = {}, call) => send('get', 'v1/regions/stats', RegionStats, 'region stats', { searchParams: query(validateInput(RegionStatsQuery, q, locale)) }, call),
    },
  };
  return client;
}

/** A failed exchange as a typed error; an abort by the caller stays an AbortError. */
async function toHttpError(error: unknown): Promise<unknown> {
  if (error instanceof HTTPError) {
    const { response } = error;
    let problem: Problem = { type: 'about:blank', title: response.statusText || `HTTP ${response.status}`, status: response.status };
    try {
      const parsed = Problem.safeParse(await response.clone().json());
      if (parsed.success) problem = { ...parsed.data, status: response.status };
    } catch { /* not JSON: keep the status line */ }
    // A 400 is bad input whichever side found it: the same error class as the local client's.
    if (response.status === 400) return new ChanrongValidationError(problem, { cause: error });
    return new ChanrongHttpError(problem, { cause: error });
  }
  if (error instanceof TimeoutError) {
    return new ChanrongHttpError({ type: PROBLEM.timeout, title: 'The server did not answer in time', status: 0, detail: error.message }, { cause: error });
  }
  if (error instanceof DOMException && error.name === 'AbortError') return error;
  if (error instanceof Error && error.name === 'AbortError') return error;
  return new ChanrongHttpError({ type: PROBLEM.network, title: 'The server could not be reached', status: 0, detail: String(error) }, { cause: error });
}
