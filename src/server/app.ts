// The reference server: every endpoint of CONTRACT.md on hono, which runs on Node and on any Fetch-API
// runtime. Stateless: the data is loaded once and shared; each request runs the same engine the local client runs.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import * as z from 'zod/mini';
import {
  BondRequest, Catalog, RecordRequest, DiscountRequest, EligibilityRequest, FinancingRequest, Id, Incubator, IncubatorQuery, ProgramsQuery,
  ReferenceRates, RegionStatsQuery, fieldErrors, INVALID_INPUT, type IssueLike, type Locale, type LocalizedText,
} from '../contract/index.js';
import { EngineError } from '../engine/errors.js';
import { createService, type Service } from '../engine/service.js';
import type { RecordSigner } from '../engine/records/record.js';
import { buildOpenApi } from './openapi.js';
import { localeOf, problem } from './problem.js';

export interface AppOptions {
  catalog: Catalog;
  referenceRates: ReferenceRates;
  incubators: Incubator[];
  /** Names of the provincial divisions by adcode (region statistics). */
  provinceNames: Record<string, LocalizedText>;
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
}

const TYPE = {
  validation: 'urn:chanrong:problem:validation',
  notFound: 'urn:chanrong:problem:not-found',
  notImplemented: 'urn:chanrong:problem:not-implemented',
  payloadTooLarge: 'urn:chanrong:problem:payload-too-large',
  unsupportedMediaType: 'urn:chanrong:problem:unsupported-media-type',
  internal: 'urn:chanrong:problem:internal',
} as const;

const TEXT: Record<string, Record<Locale, string>> = {
  badJson: { 'zh-CN': '请求体不是合法的 JSON', 'zh-TW': '請求內容不是合法的 JSON', en: 'The body is not valid JSON' },
  tooLarge: { 'zh-CN': '请求体过大', 'zh-TW': '請求內容過大', en: 'The body is too large' },
  mediaType: { 'zh-CN': '请求体须为 application/json', 'zh-TW': '請求內容須為 application/json', en: 'The body must be application/json' },
  notFound: { 'zh-CN': '未找到', 'zh-TW': '找不到', en: 'Not found' },
  notImplemented: { 'zh-CN': '此版本尚未提供该功能', 'zh-TW': '此版本尚未提供該功能', en: 'Not implemented in this version' },
  internal: { 'zh-CN': '服务器内部错误', 'zh-TW': '伺服器內部錯誤', en: 'Internal server error' },
};

class BadRequest extends Error {
  constructor(readonly errors: { path: string; message: string }[], readonly title: string) { super(title); }
}

function validate<S extends z.ZodMiniType>(schema: S, value: unknown, locale: Locale): z.infer<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data as z.infer<S>;
  throw new BadRequest(fieldErrors(result.error.issues as IssueLike[], locale), INVALID_INPUT[locale]);
}

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
    throw new Error(`invalid ${what}: ${details}${error.errors.length > 10 ? ` (and ${error.errors.length - 10} more)` : ''}`);
  }
}

export function createApp(options: AppOptions): Hono {
  const service: Service = createServiceOrExplain(
    {
      catalog: validateData(Catalog, options.catalog, 'catalog'),
      referenceRates: validateData(ReferenceRates, options.referenceRates, 'reference rates'),
      incubators: validateData(z.array(Incubator), options.incubators, 'incubators'),
      provinceNames: options.provinceNames,
      catalogDocument: options.catalog,
      signer: options.signer,
    },
    options.now ?? (() => new Date()),
  );
  const openapi = buildOpenApi(options.version);
  const log = options.log === false ? undefined : (options.log ?? ((line: string) => console.log(line)));
  const app = new Hono();

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    c.header('x-content-type-options', 'nosniff');
    log?.(`${new Date().toISOString()} ${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - started).toFixed(1)}ms`);
  });
  if (options.corsOrigin) {
    app.use('*', cors({ origin: options.corsOrigin, allowMethods: ['GET', 'POST', 'OPTIONS'], allowHeaders: ['content-type', 'authorization', 'accept-language'], maxAge: 600 }));
  }

  const locale = (c: Context) => localeOf(c.req.header('accept-language'));
  const maxSize = options.bodyLimitBytes ?? 1024 * 1024;

  // POST bodies: JSON only, bounded, parsed here so every route reports bad JSON the same way.
  async function body(c: Context): Promise<unknown> {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
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
    onError: (c) => problem(c, { type: TYPE.payloadTooLarge, title: TEXT.tooLarge![locale(c)], status: 413, detail: `limit ${maxSize} bytes` }),
  });

  app.get('/openapi.json', (c) => c.json(openapi));
  app.get('/v1/health', (c) => c.json({ status: 'ok', version: options.version }));
  app.get('/v1/programs', (c) => c.json(service.programs(validate(ProgramsQuery, queryOf(c), locale(c)))));
  app.post('/v1/eligibility', limit, async (c) => c.json(service.eligibility(validate(EligibilityRequest, await body(c), locale(c)))));
  app.post('/v1/eligibility/record', limit, async (c) => c.json(await service.record(validate(RecordRequest, await body(c), locale(c)))));
  app.get('/v1/keys', (c) => c.json(service.keys()));
  app.post('/v1/financing/quote', limit, async (c) => c.json(service.quote(validate(FinancingRequest, await body(c), locale(c)))));
  app.post('/v1/financing/bond-quote', limit, async (c) => c.json(service.bondQuote(validate(BondRequest, await body(c), locale(c)))));
  app.post('/v1/financing/discount-quote', limit, async (c) => c.json(service.discountQuote(validate(DiscountRequest, await body(c), locale(c)))));
  app.get('/v1/reference-rates', (c) => c.json(service.referenceRates()));
  app.get('/v1/incubators', (c) => c.json(service.incubators(validate(IncubatorQuery, queryOf(c, ['zoom', 'limit'], ['bbox']), locale(c)))));
  app.get('/v1/incubators/:id', (c) => c.json(service.incubator(validate(Id, c.req.param('id'), locale(c)))));
  app.get('/v1/regions/stats', (c) => c.json(service.regionStats(validate(RegionStatsQuery, queryOf(c), locale(c)))));

  app.notFound((c) => problem(c, { type: TYPE.notFound, title: TEXT.notFound![locale(c)], status: 404, detail: `${c.req.method} ${c.req.path}` }));
  app.onError((error, c) => {
    const l = locale(c);
    if (error instanceof BadRequest) {
      return problem(c, { type: TYPE.validation, title: error.title, status: 400, detail: error.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; '), errors: error.errors });
    }
    if ((error as { status?: number }).status === 415) {
      return problem(c, { type: TYPE.unsupportedMediaType, title: TEXT.mediaType![l], status: 415 });
    }
    if (error instanceof EngineError) {
      if (error.kind === 'not-found') return problem(c, { type: TYPE.notFound, title: TEXT.notFound![l], status: 404, detail: error.message });
      if (error.kind === 'not-implemented') return problem(c, { type: TYPE.notImplemented, title: TEXT.notImplemented![l], status: 501, detail: error.message });
      const errors = error.issues.length
        ? fieldErrors(error.issues, l)
        : [{ path: error.path ?? '', message: error.message }];
      return problem(c, { type: TYPE.validation, title: INVALID_INPUT[l], status: 400, detail: errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors });
    }
    console.error(error);
    return problem(c, { type: TYPE.internal, title: TEXT.internal![l], status: 500 });
  });
  return app;
}
