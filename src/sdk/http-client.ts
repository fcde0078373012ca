// The remote client: any server that speaks the contract, over ky (fetch with retry). Underneath ky, one guarded
// fetch per attempt: a deadline over the whole exchange (headers and body), a cap on the answer's size, and
// redirects followed by hand so that no custom header or credential is sent to another origin.
import ky, { type KyInstance, HTTPError } from 'ky';
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
  /** Per attempt, from sending the request to the last byte of the answer; 15 s by default. */
  timeoutMs?: number;
  /** Larger answers are refused (ChanrongResponseError) without being read to the end; 16 MiB by default. */
  maxResponseBytes?: number;
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

const MiB = 1024 * 1024;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/** Why a guarded exchange stopped: the deadline passed, or the answer grew past the cap. */
class ExchangeError extends Error {
  constructor(readonly kind: 'timeout' | 'too-large', message: string) {
    super(message);
    this.name = kind === 'timeout' ? 'TimeoutError' : 'ResponseTooLargeError';
  }
}

interface Guard { timeoutMs: number; maxBytes: number; privateHeaders: string[] }

/**
 * A fetch for one attempt: the deadline covers the answer's body too (a trickled or endless body fails in time),
 * the body is cut at `maxBytes`, and redirects are followed here, dropping `privateHeaders` and `authorization`
 * whenever the next hop is another origin. A browser hides redirect targets from `redirect: "manual"`; there a
 * redirect is refused rather than followed blind.
 */
function guardedFetch(base: typeof globalThis.fetch, guard: Guard): typeof globalThis.fetch {
  return async (input, init) => {
    const first = input instanceof Request && !init ? input : new Request(input, init);
    const timer = new AbortController();
    const deadline = setTimeout(() => timer.abort(new ExchangeError('timeout', `no complete answer within ${guard.timeoutMs} ms`)), guard.timeoutMs);
    const signal = AbortSignal.any([first.signal, timer.signal]);
    const aborted = new Promise<never>((_, reject) => {
      const fail = () => reject(signal.reason);
      if (signal.aborted) fail();
      else signal.addEventListener('abort', fail, { once: true });
    });
    aborted.catch(() => {});
    const body = first.body ? await first.arrayBuffer() : undefined;
    let url = first.url, method = first.method, headers = new Headers(first.headers), payload = body;
    try {
      for (let hop = 0; ; hop++) {
        const response = await Promise.race([base(url, { method, headers, body: payload, redirect: 'manual', signal }), aborted]);
        if (response.type === 'opaqueredirect') throw new TypeError(`${url} redirects; set baseUrl to the final address`);
        const location = response.headers.get('location');
        if (!REDIRECTS.has(response.status) || !location) return capped(response, guard.maxBytes, aborted, () => clearTimeout(deadline));
        await response.body?.cancel().catch(() => {});
        if (hop >= MAX_REDIRECTS) throw new TypeError(`more than ${MAX_REDIRECTS} redirects from ${first.url}`);
        const next = new URL(location, url);
        if (next.origin !== new URL(url).origin) {
          headers = new Headers(headers);
          for (const name of [...guard.privateHeaders, 'authorization', 'cookie']) headers.delete(name);
        }
        if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
          method = 'GET';
          payload = undefined;
          headers.delete('content-type');
        }
        url = next.href;
      }
    } catch (error) {
      clearTimeout(deadline);
      throw error;
    }
  };
}

/** The response with its body read through a counter that stops at `maxBytes` and at the deadline. */
function capped(response: Response, maxBytes: number, aborted: Promise<never>, done: () => void): Response {
  const declared = Number(response.headers.get('content-length'));
  const tooLarge = () => new ExchangeError('too-large', `the answer is larger than ${maxBytes} bytes`);
  if (declared > maxBytes) {
    void response.body?.cancel().catch(() => {});
    done();
    throw tooLarge();
  }
  if (!response.body) {
    done();
    return response;
  }
  const reader = response.body.getReader();
  let seen = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done: end, value } = await Promise.race([reader.read(), aborted]);
        if (end) {
          done();
          controller.close();
          return;
        }
        seen += value.byteLength;
        if (seen > maxBytes) throw tooLarge();
        controller.enqueue(value);
      } catch (error) {
        done();
        void reader.cancel(error).catch(() => {});
        controller.error(error);
      }
    },
    cancel(reason) {
      done();
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

export function createHttpClient(options: HttpClientOptions): AcceleratorClient {
  const locale = options.locale ?? 'zh-CN';
  const guard: Guard = {
    timeoutMs: options.timeoutMs ?? 15_000,
    maxBytes: options.maxResponseBytes ?? 16 * MiB,
    privateHeaders: Object.keys(options.headers ?? {}),
  };
  const http: KyInstance = ky.create({
    prefixUrl: resolveBase(options.baseUrl),
    timeout: false,
    retry: {
      limit: options.retry ?? 2, methods: ['get'], statusCodes: [408, 429, 500, 502, 503, 504],
      // An answer over the cap or past the deadline would be the same again.
      shouldRetry: ({ error }) => (error instanceof ExchangeError ? false : undefined),
    },
    headers: { accept: 'application/json, application/problem+json', 'accept-language': locale, ...options.headers },
    throwHttpErrors: true,
    fetch: guardedFetch(options.fetch ?? ((...args) => globalThis.fetch(...args)), guard),
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
      if (error instanceof ExchangeError || (error instanceof Error && error.name === 'AbortError')) throw await toHttpError(error);
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
  if (error instanceof ExchangeError && error.kind === 'timeout') {
    return new ChanrongHttpError({ type: PROBLEM.timeout, title: 'The server did not answer in time', status: 0, detail: error.message }, { cause: error });
  }
  if (error instanceof ExchangeError) {
    return new ChanrongResponseError({ type: PROBLEM.response, title: 'The answer is too large', status: 502, detail: error.message }, { cause: error });
  }
  if (error instanceof DOMException && error.name === 'AbortError') return error;
  if (error instanceof Error && error.name === 'AbortError') return error;
  return new ChanrongHttpError({ type: PROBLEM.network, title: 'The server could not be reached', status: 0, detail: String(error) }, { cause: error });
}
