// The reference server: every endpoint of CONTRACT.md on hono, which runs on Node and on any Fetch-API
// runtime. Stateless: the data is loaded once and shared; each request runs the same engine the local client runs.
import { Hono, type Context } from 'hono';
import type { SearchData } from '../engine/directory/directory.js';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import * as z from 'zod/mini';
import {
  BondRequest, Catalog, RecordRequest, DiscountRequest, EligibilityRequest, FinancingRequest, Id, Incubator, IncubatorQuery, ProgramsQuery,
  ReferenceRates, RegionStatsQuery, fieldErrors, INVALID_INPUT, MAX_ERRORS, MAX_JSON_DEPTH, tooDeepAt,
  type IssueLike, type Locale, type LocalizedText,
} from '../contract/index.js';
import { EngineError } from '../engine/errors.js';
import { dateInChina } from '../engine/dates.js';
import { createService, type Service } from '../engine/service.js';
import type { RecordSigner } from '../engine/records/record.js';
import { buildOpenApi } from './openapi.js';
import { localeOf, problem } from './problem.js';
import { OffloadError, type Offload, type OffloadFactory } from './offload.js';
import { bundledCatalog, bundledIncubators, bundledReferenceRates, provinceNames } from '../data/bundled.js';
import { searchData } from '../data/geo/search.js';

export interface AppOptions {
  catalog: Catalog;
  referenceRates: ReferenceRates;
  incubators: Incubator[];
  /** Names of the provincial divisions by adcode (region statistics). */
  provinceNames: Record<string, LocalizedText>;
  /** Pinyin table and place names for directory search (`src/data/geo/search.json`). */
  search?: SearchData;
  /** Reported by `/v1/health` and `openapi.json`. */
  version: string;
  /** Allowed CORS origin(s); CORS is off when absent. `*` allows any origin. */
  corsOrigin?: string | string[];
  /** Largest accepted request body; 1 MiB by default. */
  bodyLimitBytes?: number;
  /** One line per request; `console.log` style. Pass `false` for silence. */
  log?: ((line: string) => void) | false;
  /** The clock for `asOf` defaults. */
  now?: () => Date;
  /** Signs decision records (`chanrong serve --signing-key FILE`); without it records are unsigned. */
  signer?: RecordSigner;
  /** Where an unexpected error (a 500) is reported: one line with the request id. `console.error` by default. */
  logError?: (line: string) => void;
  /** Directory answers (`/v1/incubators`, `/v1/regions/stats`) kept per distinct query: at most this many (256 by
   * default, 0 for none) and 64 MiB of text in all. */
  answerCacheSize?: number;
  /** Where heavy work runs (directory queries that miss the answer cache, region statistics, eligibility with
   * `paths`): given the validated data, returns an `Offload` (`startServer` passes a pool of worker threads,
   * ./pool.ts). Without it, every request is computed on the event loop (any Fetch-API runtime). */
  offload?: OffloadFactory;
}

const TYPE = {
  validation: 'urn:chanrong:problem:validation',
  notFound: 'urn:chanrong:problem:not-found',
  notImplemented: 'urn:chanrong:problem:not-implemented',
  payloadTooLarge: 'urn:chanrong:problem:payload-too-large',
  unsupportedMediaType: 'urn:chanrong:problem:unsupported-media-type',
  internal: 'urn:chanrong:problem:internal',
  overloaded: 'urn:chanrong:problem:overloaded',
  timeBudget: 'urn:chanrong:problem:time-budget',
  workerFailed: 'urn:chanrong:problem:worker-failed',
  cancelled: 'urn:chanrong:problem:cancelled',
} as const;

const TEXT: Record<string, Record<Locale, string>> = {
  badJson: { 'zh-CN': '请求体不是合法的 JSON', 'zh-TW': '請求內容不是合法的 JSON', en: 'The body is not valid JSON' },
  tooLarge: { 'zh-CN': '请求体过大', 'zh-TW': '請求內容過大', en: 'The body is too large' },
  mediaType: { 'zh-CN': '请求体须为 application/json', 'zh-TW': '請求內容須為 application/json', en: 'The body must be application/json' },
  notFound: { 'zh-CN': '未找到', 'zh-TW': '找不到', en: 'Not found' },
  notImplemented: { 'zh-CN': '此版本尚未提供该功能', 'zh-TW': '此版本尚未提供該功能', en: 'Not implemented in this version' },
  internal: { 'zh-CN': '服务器内部错误', 'zh-TW': '伺服器內部錯誤', en: 'Internal server error' },
  overloaded: { 'zh-CN': '服务器繁忙，请稍后重试', 'zh-TW': '伺服器忙碌中，請稍後再試', en: 'The server is busy; try again shortly' },
  timeBudget: { 'zh-CN': '计算超时，请稍后重试', 'zh-TW': '運算逾時，請稍後再試', en: 'The computation took too long; try again shortly' },
  workerFailed: { 'zh-CN': '计算线程出错，请稍后重试', 'zh-TW': '運算執行緒出錯，請稍後再試', en: 'A computation thread failed; try again shortly' },
  cancelled: { 'zh-CN': '请求已取消', 'zh-TW': '請求已取消', en: 'The request was cancelled' },
};

/** The detail of a 503 from the worker pool, in the request's language: which bound was hit. */
function offloadDetail(error: OffloadError, locale: Locale, id: string): string {
  const n = error.limit ?? 0, s = error.retryAfterSeconds;
  switch (error.kind) {
    case 'overloaded': return {
      'zh-CN': `排队等待计算的请求已满（${n} 个），请 ${s} 秒后重试`,
      'zh-TW': `排隊等待運算的請求已滿（${n} 個），請 ${s} 秒後重試`,
      en: `the queue of requests waiting for computation is full (${n}); retry after ${s} s`,
    }[locale];
    case 'time-budget': return {
      'zh-CN': `计算未能在 ${n} 毫秒内完成，请 ${s} 秒后重试`,
      'zh-TW': `運算未能在 ${n} 毫秒內完成，請 ${s} 秒後重試`,
      en: `the computation did not finish within ${n} ms; retry after ${s} s`,
    }[locale];
    case 'worker-failed': return {
      'zh-CN': `计算线程失败（请求编号 ${id}）`,
      'zh-TW': `運算執行緒失敗（請求編號 ${id}）`,
      en: `a worker thread failed (request ${id})`,
    }[locale];
    case 'cancelled': return { 'zh-CN': '客户端已断开', 'zh-TW': '用戶端已中斷連線', en: 'the client went away' }[locale];
  }
}

class BadRequest extends Error {
  /** `errors` holds at most MAX_ERRORS entries; `count` is how many there were. */
  constructor(readonly errors: { path: string; message: string }[], readonly title: string, readonly count = errors.length) { super(title); }
}

/** The first MAX_ERRORS issues, localized, and how many there were. */
function badRequest(issues: readonly IssueLike[], locale: Locale): BadRequest {
  return new BadRequest(fieldErrors(issues.slice(0, MAX_ERRORS), locale), INVALID_INPUT[locale], issues.length);
}

function validate<S extends z.ZodMiniType>(schema: S, value: unknown, locale: Locale): z.infer<S> {
  const deep = tooDeepAt(value);
  if (deep !== undefined) throw badRequest([{ code: 'too_deep', path: deep ? deep.split('.') : [], maximum: MAX_JSON_DEPTH }], locale);
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data as z.infer<S>;
  throw badRequest(result.error.issues as IssueLike[], locale);
}

/** `a: must be…; b: …` and, when the list was cut, how many more there were. */
function describe(errors: readonly { path: string; message: string }[], count: number): string {
  const text = errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ');
  return count > errors.length ? `${text}; … (${count - errors.length} more)` : text;
}

/** Values of Content-Type the API reads: JSON, in UTF-8 (the only charset JSON may travel in, RFC 8259). */
function isJsonUtf8(type: string): boolean {
  const [essence = '', ...params] = type.split(';').map((p) => p.trim());
  if (!/^application\/(?:[\w.+-]+\+)?json$/i.test(essence)) return false;
  const charset = params.find((p) => /^charset\s*=/i.test(p));
  return !charset || /^charset\s*=\s*"?utf-?8"?$/i.test(charset);
}

/** A small LRU of serialized answers: the directory is loaded once and never changes, so an answer to a query
 * stays right for the life of the app; repeated map views cost a lookup instead of a scan and a JSON.stringify. */
export class AnswerCache {
  readonly #map = new Map<string, string>();
  #bytes = 0;
  /** At most `size` answers and `budget` characters in all (a flood of distinct large views cannot grow it). */
  constructor(readonly size: number, readonly budget = 64 * 1024 * 1024, readonly maxEntry = 4 * 1024 * 1024) {}
  get(key: string, make: () => unknown): string {
    const hit = this.peek(key);
    if (hit !== undefined) return hit;
    const text = JSON.stringify(make());
    this.put(key, text);
    return text;
  }
  /** The answer kept for `key` (now the most recent), if any. */
  peek(key: string): string | undefined {
    const hit = this.#map.get(key);
    if (hit !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, hit);
    }
    return hit;
  }
  put(key: string, text: string): void {
    if (this.size > 0 && text.length <= this.maxEntry && !this.#map.has(key)) {
      this.#map.set(key, text);
      this.#bytes += text.length;
      while (this.#map.size > this.size || this.#bytes > this.budget) {
        const [oldest, value] = this.#map.entries().next().value!;
        this.#map.delete(oldest);
        this.#bytes -= value.length;
      }
    }
  }
  get bytes(): number { return this.#bytes; }
  get entries(): number { return this.#map.size; }
}

/** Canonical key of a parsed query: the same view asked with keys in another order is one entry. */
const keyOf = (route: string, q: Record<string, unknown>) => `${route}?${JSON.stringify(Object.keys(q).sort().map((k) => [k, q[k]]))}`;

/** Query strings are text: turn them into the contract's types, leaving bad values for the schema to name. */
function queryOf(c: Context, numbers: string[] = [], lists: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(c.req.query())) {
    if (raw === '') continue;
    if (numbers.includes(key)) out[key] = raw.trim() === '' ? raw : Number(raw);
    else if (lists.includes(key)) out[key] = raw.split(',').map((s) => (s.trim() === '' ? s : Number(s)));
    else out[key] = raw;
  }
  return out;
}

function createServiceOrExplain(...args: Parameters<typeof createService>): Service {
  try {
    return createService(...args);
  } catch (error) {
    if (error instanceof EngineError) throw new Error(error.message);
    throw error;
  }
}

/** Data the server is started with must fit the contract; the error names each bad path. */
function validateData<S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.infer<S> {
  try {
    return validate(schema, value, 'en');
  } catch (error) {
    if (!(error instanceof BadRequest)) throw error;
    const details = error.errors.slice(0, 10).map((e) => `${e.path}: ${e.message}`).join('; ');
    throw new Error(`invalid ${what}: ${details}${error.count > 10 ? ` (and ${error.count - 10} more)` : ''}`);
  }
}

/**
 * The app for any Fetch-API runtime (`app.fetch`). Every data option defaults to what the package bundles, as
 * `startServer` does, so `createApp()` alone serves the bundled catalog, rates and directory.
 */
export function createApp(given: Partial<AppOptions> = {}): Hono {
  const options: AppOptions = {
    ...given,
    catalog: given.catalog ?? bundledCatalog,
    referenceRates: given.referenceRates ?? bundledReferenceRates,
    incubators: given.incubators ?? bundledIncubators,
    provinceNames: given.provinceNames ?? provinceNames,
    search: given.search ?? searchData,
    version: given.version ?? '0.0.0',
  };
  const data = {
    catalog: validateData(Catalog, options.catalog, 'catalog'),
    referenceRates: validateData(ReferenceRates, options.referenceRates, 'reference rates'),
    incubators: validateData(z.array(Incubator), options.incubators, 'incubators'),
    provinceNames: options.provinceNames,
    ...(options.search ? { search: options.search } : {}),
  };
  const now = options.now ?? (() => new Date());
  const service: Service = createServiceOrExplain({ ...data, catalogDocument: options.catalog, signer: options.signer }, now);
  const offload: Offload | undefined = options.offload?.(data);
  const openapi = buildOpenApi(options.version);
  const log = options.log === false ? undefined : (options.log ?? ((line: string) => console.log(line)));
  const logError = options.logError ?? ((line: string) => console.error(line));
  const cache = new AnswerCache(options.answerCacheSize ?? 256);
  const app = new Hono();
  const ids = new WeakMap<Request, string>();
  const requestId = (c: Context) => ids.get(c.req.raw) ?? '-';
  let served = 0;
  const idPrefix = Math.random().toString(36).slice(2, 8);

  app.use('*', async (c, next) => {
    const started = performance.now();
    ids.set(c.req.raw, `${idPrefix}-${(++served).toString(36)}`);
    await next();
    // Security headers on every API answer: no sniffing, no referrer, never framed, nothing active.
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
    c.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
    c.header('x-request-id', requestId(c));
    // Answers computed from what a user typed (a profile, a loan) are private to them: no cache may keep one.
    if (c.req.method === 'POST') c.header('cache-control', 'no-store');
    log?.(`${new Date().toISOString()} ${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - started).toFixed(1)}ms ${requestId(c)}`);
  });
  if (options.corsOrigin) {
    // `*` anywhere in the list means any origin (the CLI passes a list even for one value).
    const list = Array.isArray(options.corsOrigin) ? options.corsOrigin : [options.corsOrigin];
    const origin = list.includes('*') ? '*' : list.length === 1 ? list[0]! : list;
    app.use('*', cors({ origin, allowMethods: ['GET', 'POST', 'OPTIONS'], allowHeaders: ['content-type', 'authorization', 'accept-language'], exposeHeaders: ['x-request-id'], maxAge: 600 }));
  }

  const locale = (c: Context) => localeOf(c.req.header('accept-language'));
  const maxSize = options.bodyLimitBytes ?? 1024 * 1024;

  // POST bodies: JSON only, bounded, parsed here so every route reports bad JSON the same way.
  async function body(c: Context): Promise<unknown> {
    if (!isJsonUtf8(c.req.header('content-type') ?? '')) {
      // Read (and drop) the body first, bounded by the body limit: an unread body would cost the client its
      // keep-alive connection.
      await c.req.arrayBuffer();
      throw Object.assign(new Error('media type'), { status: 415 });
    }
    const text = await c.req.text();
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new BadRequest([{ path: '', message: `${TEXT.badJson![locale(c)]}: ${(error as Error).message}` }], TEXT.badJson![locale(c)]);
    }
  }

  const limit = bodyLimit({
    maxSize,
    // The rest of the body is not read: on Node's HTTP/1.1 server the connection is closed after the answer (said
    // so in `Connection`), or a keep-alive client's next request on it would meet the unread bytes and fail.
    // Only there: HTTP/2 forbids the header (Node throws), and other runtimes manage their own connections.
    onError: (c) => {
      if ((c.env as { incoming?: { httpVersionMajor?: number } } | undefined)?.incoming?.httpVersionMajor === 1) c.header('connection', 'close');
      return problem(c, { type: TYPE.payloadTooLarge, title: TEXT.tooLarge![locale(c)], status: 413, detail: `limit ${maxSize} bytes` });
    },
  });

  app.get('/openapi.json', (c) => c.json(openapi));
  app.get('/v1/health', (c) => c.json({ status: 'ok', version: options.version }));
  app.get('/v1/programs', (c) => c.json(service.programs(validate(ProgramsQuery, queryOf(c), locale(c)))));
  const json = (c: Context, text: string) => c.body(text, 200, { 'content-type': 'application/json; charset=utf-8' });
  app.post('/v1/eligibility', limit, async (c) => {
    const request = validate(EligibilityRequest, await body(c), locale(c));
    // Searching for paths to eligibility grows with the catalog: off the event loop when there is a pool.
    if (offload && request.paths) return json(c, await offload.run({ op: 'eligibility', request: { ...request, asOf: request.asOf ?? dateInChina(now()) } }, c.req.raw.signal));
    return c.json(service.eligibility(request));
  });
  app.post('/v1/eligibility/record', limit, async (c) => c.json(await service.record(validate(RecordRequest, await body(c), locale(c)))));
  app.get('/v1/keys', (c) => c.json(service.keys()));
  app.post('/v1/financing/quote', limit, async (c) => c.json(service.quote(validate(FinancingRequest, await body(c), locale(c)))));
  app.post('/v1/financing/bond-quote', limit, async (c) => c.json(service.bondQuote(validate(BondRequest, await body(c), locale(c)))));
  app.post('/v1/financing/discount-quote', limit, async (c) => c.json(service.discountQuote(validate(DiscountRequest, await body(c), locale(c)))));
  app.get('/v1/reference-rates', (c) => c.json(service.referenceRates()));
  // Directory answers: from the cache, else computed by the pool (or here, without one) and kept.
  // Requests for the same uncached view share one task (a portal's opening view right after a start would otherwise
  // queue once per visitor); the task is dropped only when every client waiting for it has gone.
  const computing = new Map<string, { answer: Promise<string>; waiting: number; stop: AbortController }>();
  async function shared(key: string, task: Parameters<Offload['run']>[0], signal: AbortSignal): Promise<string> {
    let entry = computing.get(key);
    if (!entry) {
      const stop = new AbortController();
      const answer = offload!.run(task, stop.signal);
      const created = { answer, waiting: 0, stop };
      computing.set(key, (entry = created));
      answer.then((text) => cache.put(key, text), () => {}).finally(() => { if (computing.get(key) === created) computing.delete(key); });
    }
    const mine = entry;
    mine.waiting++;
    const leave = () => {
      if (--mine.waiting > 0) return;
      if (computing.get(key) === mine) computing.delete(key); // a later request starts afresh
      mine.stop.abort();
    };
    if (signal.aborted) leave();
    else signal.addEventListener('abort', leave, { once: true });
    try {
      return await mine.answer;
    } finally {
      if (!signal.aborted) {
        signal.removeEventListener('abort', leave);
        mine.waiting--;
      }
    }
  }
  const cached = async (c: Context, route: string, q: Record<string, unknown>, make: () => unknown, task: () => Parameters<Offload['run']>[0]) => {
    const key = keyOf(route, q);
    if (!offload) return json(c, cache.get(key, make));
    return json(c, cache.peek(key) ?? await shared(key, task(), c.req.raw.signal));
  };
  app.get('/v1/incubators', (c) => {
    const q = validate(IncubatorQuery, queryOf(c, ['zoom', 'limit'], ['bbox']), locale(c));
    return cached(c, 'incubators', q, () => service.incubators(q), () => ({ op: 'incubators', query: q }));
  });
  app.get('/v1/incubators/:id', (c) => c.json(service.incubator(validate(Id, c.req.param('id'), locale(c)))));
  app.get('/v1/regions/stats', (c) => {
    const q = validate(RegionStatsQuery, queryOf(c), locale(c));
    return cached(c, 'regions', q, () => service.regionStats(q), () => ({ op: 'regionStats', query: q }));
  });

  app.notFound((c) => problem(c, { type: TYPE.notFound, title: TEXT.notFound![locale(c)], status: 404, detail: `${c.req.method} ${c.req.path}` }));
  app.onError((error, c) => {
    const l = locale(c);
    if (error instanceof BadRequest) {
      return problem(c, { type: TYPE.validation, title: error.title, status: 400, detail: describe(error.errors, error.count), errors: error.errors, ...(error.count > error.errors.length ? { errorCount: error.count } : {}) });
    }
    if ((error as { status?: number }).status === 415) {
      return problem(c, { type: TYPE.unsupportedMediaType, title: TEXT.mediaType![l], status: 415 });
    }
    if (error instanceof EngineError) {
      if (error.kind === 'not-found') return problem(c, { type: TYPE.notFound, title: TEXT.notFound![l], status: 404, detail: error.message });
      if (error.kind === 'not-implemented') return problem(c, { type: TYPE.notImplemented, title: TEXT.notImplemented![l], status: 501, detail: error.message });
      const bad = error.issues.length ? badRequest(error.issues, l) : new BadRequest([{ path: error.path ?? '', message: error.message }], INVALID_INPUT[l]);
      return problem(c, { type: TYPE.validation, title: INVALID_INPUT[l], status: 400, detail: describe(bad.errors, bad.count), errors: bad.errors, ...(bad.count > bad.errors.length ? { errorCount: bad.count } : {}) });
    }
    if (error instanceof OffloadError) {
      // A bound of the worker pool was hit (or a thread failed): 503, saying which, and when to come back.
      const id = requestId(c);
      const kind = ({ overloaded: 'overloaded', 'time-budget': 'timeBudget', 'worker-failed': 'workerFailed', cancelled: 'cancelled' } as const)[error.kind];
      if (error.kind === 'worker-failed') logError(`${new Date().toISOString()} 503 ${id} ${c.req.method} ${c.req.path} ${error.message.replace(/\s+/g, ' ')}`);
      return problem(c, { type: TYPE[kind], title: TEXT[kind]![l], status: 503, detail: offloadDetail(error, l, id), instance: `urn:chanrong:request:${id}` }, { 'retry-after': String(error.retryAfterSeconds) });
    }
    // One line per failure, with the id the client sees in `instance` and `x-request-id`: no stack floods the log.
    const id = requestId(c);
    const where = (error as Error)?.stack?.split('\n').find((line) => /^\s+at /.test(line))?.trim() ?? '';
    logError(`${new Date().toISOString()} 500 ${id} ${c.req.method} ${c.req.path} ${(error as Error)?.name ?? 'Error'}: ${String((error as Error)?.message ?? error).slice(0, 300).replace(/\s+/g, ' ')} ${where}`);
    return problem(c, { type: TYPE.internal, title: TEXT.internal![l], status: 500, instance: `urn:chanrong:request:${id}` });
  });
  return app;
}
