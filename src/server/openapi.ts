// The OpenAPI 3.1 document, generated from the contract's zod schemas (never written by hand).
import * as z from 'zod/mini';
import {
  BondQuote, BondRequest, Catalog, Criterion, DiscountQuote, DiscountRequest, EligibilityReport, EligibilityRequest, FactDef, FinancingQuote,
  FinancingRequest, Health, Incubator, IncubatorQueryResult, LocalizedText, Problem, Program, ProgramsResponse,
  ProgramResult, ReferenceRates, RegionStat, Source, TraceNode, RecordRequest, DecisionRecord, KeysResponse,
} from '../contract/index.js';

const NAMED = {
  LocalizedText, Source, FactDef, Criterion, Program, Catalog, ProgramsResponse, EligibilityRequest, TraceNode, ProgramResult,
  EligibilityReport, FinancingRequest, FinancingQuote, BondRequest, BondQuote, DiscountRequest, DiscountQuote, ReferenceRates, Incubator,
  IncubatorQueryResult, RegionStat, Health, Problem, RecordRequest, DecisionRecord, KeysResponse,
} as const;

type Schema = Record<string, unknown>;
const ref = (name: keyof typeof NAMED): Schema => ({ $ref: `#/components/schemas/${name}` });

function componentSchemas(): Record<string, Schema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(NAMED)) registry.add(schema as z.ZodMiniType, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: 'any' }) as { schemas: Record<string, Schema> };
  for (const s of Object.values(schemas)) {
    delete s['$schema'];
    delete s['$id'];
  }
  return schemas;
}

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});
const json = (schema: Schema, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const retryAfter = { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 1 } } };
const errors = (...codes: number[]) => Object.fromEntries(codes.map((code) => [String(code), {
  ...problemResponse(ERROR_TEXT[code] ?? 'Error'), ...(code === 503 ? { headers: retryAfter } : {}),
}]));
const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid input; `errors` names each offending field',
  404: 'Unknown id',
  413: 'Body too large',
  415: 'Body is not application/json',
  501: 'Not available in this version of the server',
  503: 'Busy: the queue of heavy work is full (`urn:chanrong:problem:overloaded`), the time budget ran out (`urn:chanrong:problem:time-budget`) or a worker thread failed (`urn:chanrong:problem:worker-failed`); try again after `Retry-After`',
};
const q = (name: string, schema: Schema, description: string) => ({ name, in: 'query', required: false, schema, description });
const post = (summary: string, body: keyof typeof NAMED, answer: keyof typeof NAMED) => ({
  summary,
  requestBody: { required: true, content: { 'application/json': { schema: ref(body) } } },
  responses: { 200: json(ref(answer)), ...errors(400, 413, 415, 501) },
});

export function buildOpenApi(version: string): Record<string, unknown> {
  const levels = { type: 'string', enum: ['national', 'regional', 'local', 'cluster'] };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Chanrong industry–finance services API',
      version,
      description: 'The public contract of Chanrong (产融): catalog and eligibility, financing quotes, reference rates and the incubator directory. Errors are RFC 9457 problem+json.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths: {
      '/v1/health': { get: { summary: 'Liveness and version', responses: { 200: json(ref('Health')) } } },
      '/v1/programs': {
        get: {
          summary: 'The catalog: facts and the programs in force on `asOf` (default: today in China)',
          parameters: [q('asOf', { type: 'string', format: 'date' }, 'YYYY-MM-DD')],
          responses: { 200: json(ref('ProgramsResponse')), ...errors(400) },
        },
      },
      '/v1/eligibility': (() => {
        // With `paths`, the search runs on the server's worker threads and can meet their bounds (503).
        const op = post('Check a profile against the programs in force', 'EligibilityRequest', 'EligibilityReport');
        return { post: { ...op, responses: { ...op.responses, ...errors(503) } } };
      })(),
      '/v1/eligibility/record': { post: post('A decision record: the report bound to the catalog by digest, Ed25519-signed when the server has a key (v2)', 'RecordRequest', 'DecisionRecord') },
      '/v1/keys': { get: { summary: 'Public keys (JWK) of the decision-record signer; empty when records are unsigned (v2)', responses: { 200: json(ref('KeysResponse')) } } },
      '/v1/financing/quote': { post: post('Repayment schedule, annualized rate and all-in cost of a loan', 'FinancingRequest', 'FinancingQuote') },
      '/v1/financing/bond-quote': { post: post("Issuer's cash flows and cost of a bond, and the risk-sharing split", 'BondRequest', 'BondQuote') },
      '/v1/financing/discount-quote': { post: post('Bill discounting: interest, proceeds and annualized rate (v2)', 'DiscountRequest', 'DiscountQuote') },
      '/v1/reference-rates': { get: { summary: 'Published LPR history, newest first', responses: { 200: json(ref('ReferenceRates')) } } },
      '/v1/incubators': {
        get: {
          summary: 'Incubators and accelerators in a viewport, clustered by zoom',
          parameters: [
            q('bbox', { type: 'string', pattern: '^-?[0-9.]+,-?[0-9.]+,-?[0-9.]+,-?[0-9.]+$' }, 'minLon,minLat,maxLon,maxLat (WGS-84)'),
            q('zoom', { type: 'number', minimum: 0, maximum: 22 }, 'Map zoom level'),
            q('level', levels, 'Level filter'),
            q('kind', { type: 'string', enum: ['incubator', 'accelerator', 'maker-space', 'science-park'] }, 'Kind filter'),
            q('industry', { type: 'string' }, 'Industry option value'),
            q('q', { type: 'string', maxLength: 100 }, 'Text search on names in all locales'),
            q('limit', { type: 'integer', minimum: 0, maximum: 5000 }, 'At most this many items'),
          ],
          responses: { 200: json(ref('IncubatorQueryResult')), ...errors(400, 501, 503) },
        },
      },
      '/v1/incubators/{id}': {
        get: {
          summary: 'One incubator',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: json(ref('Incubator')), ...errors(400, 404, 501) },
        },
      },
      '/v1/regions/stats': {
        get: {
          summary: 'Counts per province',
          parameters: [q('level', levels, 'Level filter'), q('industry', { type: 'string' }, 'Industry option value')],
          responses: { 200: json({ type: 'array', items: ref('RegionStat') }), ...errors(400, 501, 503) },
        },
      },
    },
    components: { schemas: componentSchemas() },
  };
}
