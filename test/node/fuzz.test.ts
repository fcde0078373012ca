// Every endpoint of openapi.json, driven with random bodies and queries built from its own schemas (valid ones,
// edge values, and invalid ones): the server never answers 5xx, every error is problem+json naming a field, and the
// local client agrees with the server (an answer where the server answers 200, the typed ChanrongValidationError
// where it answers 400). Bounded: a fixed number of runs per endpoint and a time limit each.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createApp } from '../../src/server/app.js';
import { bundledCatalog, bundledIncubators, bundledReferenceRates, provinceNames } from '../../src/data/bundled.js';
import { createLocalClient } from '../../src/sdk/local-client.js';
import { ChanrongHttpError, ChanrongValidationError } from '../../src/sdk/errors.js';

type Schema = Record<string, any>;
const app = createApp({
  catalog: bundledCatalog, referenceRates: bundledReferenceRates, incubators: bundledIncubators, provinceNames,
  version: 'fuzz', log: false, now: () => new Date('2026-06-01T00:00:00Z'),
});
const local = createLocalClient({ now: () => new Date('2026-06-01T00:00:00Z'), locale: 'en' });
const openapi = (await (await app.request('/openapi.json')).json()) as Schema;
const components = openapi['components']['schemas'] as Record<string, Schema>;

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 150);
const TIME_LIMIT_MS = Number(process.env['FUZZ_MS'] ?? 8000);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261126);

const resolve = (s: Schema): Schema => (s['$ref'] ? resolve(components[String(s['$ref']).split('/').pop()!]!) : s);

/** A date near the LPR history (some before it starts), sometimes not a calendar date. */
const dateArb = fc.oneof(
  { weight: 8, arbitrary: fc.date({ min: new Date('2018-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
  { weight: 1, arbitrary: fc.constantFrom('2025-02-30', '2025-13-01', '0000-00-00', '9999-12-31') },
);

function numberArb(s: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = s['minimum'] ?? (s['exclusiveMinimum'] !== undefined ? s['exclusiveMinimum'] : -1e6);
  const max = s['maximum'] ?? (s['exclusiveMaximum'] !== undefined ? s['exclusiveMaximum'] : 1e6);
  const step = integer ? 1 : s['multipleOf'] ?? 0;
  const edges = [min, max, min + (step || 1e-9), max - (step || 1e-9), 0.01, 1].filter((v) => v >= min && v <= max);
  if (step) {
    const lo = Math.ceil(min / step), hi = Math.floor(max / step);
    return fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: Math.max(lo, -(2 ** 52)), max: Math.min(hi, 2 ** 52) }).map((k) => Math.round(k * step * 100) / 100) },
      { weight: 3, arbitrary: fc.integer({ min: Math.max(lo, -100_000_00), max: Math.min(hi, 100_000_00) }).map((k) => (integer ? k : Math.round(k * step * 100) / 100)) },
      { weight: 1, arbitrary: fc.constantFrom(...edges.map((e) => (integer ? Math.round(e) : Math.round(e / step) * step))) },
    );
  }
  return fc.oneof(
    { weight: 6, arbitrary: fc.double({ min, max, noNaN: true, noDefaultInfinity: true }) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 400 }).map((k) => Math.min(max, Math.max(min, k / 10_000))) },
    { weight: 1, arbitrary: fc.constantFrom(...edges) },
  );
}

/** Values that fit `schema` (as far as JSON Schema can say: zod refinements may still refuse them). */
function valid(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  if (s['const'] !== undefined) return fc.constant(s['const']);
  if (s['enum']) return fc.constantFrom(...(s['enum'] as unknown[]));
  const alts = (s['oneOf'] ?? s['anyOf']) as Schema[] | undefined;
  if (alts) return fc.oneof(...alts.map((a) => valid(a, depth + 1)));
  switch (s['type']) {
    case 'boolean': return fc.boolean();
    case 'null': return fc.constant(null);
    case 'integer': return numberArb(s, true);
    case 'number': return numberArb(s, false);
    case 'string':
      if (s['pattern'] === '^\\d{4}-\\d{2}-\\d{2}$' || s['format'] === 'date') return dateArb;
      if (s['pattern']) return fc.stringMatching(new RegExp(s['pattern'])).filter((x) => x.length <= (s['maxLength'] ?? 200));
      return fc.string({ minLength: s['minLength'] ?? 0, maxLength: Math.min(s['maxLength'] ?? 12, 12) });
    case 'array':
      return depth > 4 ? fc.constant([]) : fc.array(valid(s['items'] ?? {}, depth + 1), { minLength: s['minItems'] ?? 0, maxLength: Math.min(s['maxItems'] ?? 4, 4) });
    case 'object': {
      const props = (s['properties'] ?? {}) as Record<string, Schema>;
      const required = new Set((s['required'] ?? []) as string[]);
      if (!Object.keys(props).length && s['additionalProperties']) {
        const key = s['propertyNames'] ? valid({ type: 'string', ...s['propertyNames'] }) : fc.string({ minLength: 1, maxLength: 8 });
        return fc.dictionary(key as fc.Arbitrary<string>, valid(s['additionalProperties'], depth + 1), { maxKeys: 4 });
      }
      return fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, valid(v, depth + 1)])), {
        requiredKeys: [...required].filter((k) => k in props),
      });
    }
    default: return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A valid value with one thing broken: a field dropped, retyped, pushed out of range, or an extra key. */
function broken(schema: Schema): fc.Arbitrary<unknown> {
  const anything = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(-1, 0, 1e-300, 1e308, -0, 0.005, 1.001, '', 'NaN', null, [], {}));
  return fc.tuple(valid(schema), fc.string({ maxLength: 10 }), anything, fc.nat()).map(([value, key, junk, pick]) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return junk;
    const copy: Record<string, unknown> = structuredClone(value as Record<string, unknown>);
    const keys = Object.keys(copy);
    const target = keys.length ? keys[pick % keys.length]! : key;
    switch (pick % 4) {
      case 0: delete copy[target]; break;
      case 1: copy[target] = junk; break;
      case 2: copy[key || 'extra'] = junk; break;
      default: copy[target] = typeof copy[target] === 'number' ? -(copy[target] as number) - 0.005 : junk;
    }
    return copy;
  });
}

/** A profile answering some of the bundled catalog's questions, each answer of the fact's type (sometimes not). */
function profileArb(): fc.Arbitrary<Record<string, unknown>> {
  const answer = (def: (typeof bundledCatalog.facts)[string]): fc.Arbitrary<unknown> => {
    const options = def.options?.map((o) => o.value) ?? ['x'];
    switch (def.type) {
      case 'boolean': return fc.boolean();
      case 'integer': return fc.integer({ min: def.min ?? -5, max: def.max ?? 100_000 });
      case 'number': return fc.oneof(fc.double({ min: def.min ?? -1e3, max: def.max ?? 1e10, noNaN: true, noDefaultInfinity: true }), fc.integer({ min: def.min ?? 0, max: def.max ?? 10_000 }));
      case 'enum': return fc.constantFrom(...options);
      case 'enum-set': return fc.subarray(options);
      case 'date': return dateArb;
      case 'region': return fc.constantFrom('110000', '110108', '310115', '440305', '999999');
      default: return fc.string({ maxLength: 10 });
    }
  };
  const entries = Object.entries(bundledCatalog.facts).map(([id, def]) => [id, fc.oneof({ weight: 49, arbitrary: answer(def) }, { weight: 1, arbitrary: fc.constantFrom(null, 'x', 3, true) })] as const);
  return fc.record(Object.fromEntries(entries), { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>;
}

const bodyArb = (schema: Schema, path: string) => fc.oneof(
  { weight: 5, arbitrary: path === '/v1/eligibility'
    ? fc.record({ profile: profileArb(), asOf: dateArb, programIds: fc.subarray(bundledCatalog.programs.map((p) => p.id), { maxLength: 5 }) }, { requiredKeys: ['profile'] })
    : valid(schema) },
  { weight: 4, arbitrary: broken(schema) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

interface Answer { status: number; body: any; type: string }
async function call(method: string, url: string, body?: unknown): Promise<Answer> {
  const init: RequestInit = body === undefined ? { method } : { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'accept-language': 'en' } };
  const res = await app.request(url, init);
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, type, body: await res.json() };
}

function assertSound(answer: Answer, what: string): void {
  assert.ok(answer.status < 500 || answer.status === 501, `${what} → ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
  if (answer.status >= 400) {
    assert.match(answer.type, /^application\/problem\+json/, what);
    assert.equal(answer.body.status, answer.status, what);
    if (answer.status === 400) {
      assert.ok(Array.isArray(answer.body.errors) && answer.body.errors.length > 0 && answer.body.errors.length <= 20, `${what}: ${answer.body.errors?.length} errors`);
    }
  }
}

/** The local client on the same input: the same outcome class as the server. */
const LOCAL: Record<string, (body: any) => Promise<unknown>> = {
  '/v1/financing/quote': (b) => local.financing.quote(b),
  '/v1/financing/bond-quote': (b) => local.financing.bondQuote(b),
  '/v1/eligibility': (b) => local.eligibility.check(b),
};

async function assertSameLocally(path: string, body: unknown, answer: Answer): Promise<void> {
  const run = LOCAL[path];
  if (!run) return;
  let outcome: number;
  try {
    await run(body);
    outcome = 200;
  } catch (error) {
    if (error instanceof ChanrongValidationError) outcome = 400;
    else if (error instanceof ChanrongHttpError) outcome = error.status;
    else throw new Error(`local client on ${path} threw ${String(error)} for ${JSON.stringify(body).slice(0, 300)}`);
  }
  // The server's 400 for bad JSON shapes (not an object) and the client's are the same class; 413/415 are HTTP-only.
  if (answer.status === 200 || answer.status === 400) assert.equal(outcome, answer.status, `${path}: server ${answer.status}, local ${outcome} for ${JSON.stringify(body).slice(0, 300)}`);
}

const paths = openapi['paths'] as Record<string, Record<string, Schema>>;

describe('fuzz: every endpoint of openapi.json, no 5xx', () => {
  for (const [path, ops] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(ops)) {
      it(`${method.toUpperCase()} ${path}`, async (t) => {
        const started = performance.now();
        const seen: Record<number, number> = {};
        if (method === 'post') {
          const schema = op['requestBody']['content']['application/json']['schema'] as Schema;
          await fc.assert(fc.asyncProperty(bodyArb(schema, path), async (body) => {
            const answer = await call('POST', path, body);
            seen[answer.status] = (seen[answer.status] ?? 0) + 1;
            assertSound(answer, `POST ${path} ${JSON.stringify(body).slice(0, 300)}`);
            await assertSameLocally(path, body, answer);
          }), { numRuns: RUNS, seed: SEED, interruptAfterTimeLimit: TIME_LIMIT_MS, endOnFailure: true });
        } else {
          const params = (op['parameters'] ?? []) as Schema[];
          const pathParams = params.filter((p) => p['in'] === 'path');
          const queryParams = params.filter((p) => p['in'] === 'query');
          const bboxArb = fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }))
            .map(([a, b, c, d]) => [Math.min(a, b), Math.min(c, d), Math.max(a, b), Math.max(c, d)].map((x) => x.toFixed(3)).join(','));
          const text = (s: Schema, name: string) => fc.oneof(
            { weight: 3, arbitrary: name === 'bbox' ? bboxArb : name === 'industry' ? fc.constantFrom('ai', 'green', 'biomed', 'semiconductor', 'quantum') : valid(s).map((v) => String(v)) },
            { weight: 2, arbitrary: fc.constantFrom('', ' ', '-1', '1e400', 'NaN', '0x10', '1,2,3', '-200,-100,200,100', '73,18,135,54', '180,90,-180,-90', '%', 'zz') },
            { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
          );
          const queryArb = fc.record(Object.fromEntries(queryParams.map((p) => [p['name'], text(p['schema'], p['name'])])), { requiredKeys: [] });
          const idArb = fc.oneof(fc.constantFrom(...bundledIncubators.slice(0, 5).map((i) => i.id), 'no-such-id', 'UPPER', '..', '%00'), fc.string({ maxLength: 90 }));
          await fc.assert(fc.asyncProperty(queryArb, idArb, async (query, id) => {
            const url = `${path.replace('{id}', encodeURIComponent(id))}?${new URLSearchParams(query as Record<string, string>)}`;
            const answer = await call('GET', url);
            seen[answer.status] = (seen[answer.status] ?? 0) + 1;
            assertSound(answer, `GET ${url}`);
          }), { numRuns: pathParams.length || queryParams.length ? RUNS : 3, seed: SEED, interruptAfterTimeLimit: TIME_LIMIT_MS, endOnFailure: true });
        }
        t.diagnostic(`statuses: ${JSON.stringify(seen)}`);
        // The generator must reach the engine, not only the validator: some answers, and (where input can be bad) some 400s.
        assert.ok((seen[200] ?? 0) > 0, `no 200 among ${JSON.stringify(seen)}`);
        if (method === 'post') assert.ok((seen[400] ?? 0) > 0, `no 400 among ${JSON.stringify(seen)}`);
        assert.ok(performance.now() - started < TIME_LIMIT_MS + 20_000, 'bounded in time');
      });
    }
  }

  it('the inputs of issue 15 get a 400 naming the field, not a 500, in the server and the local client alike', async () => {
    const loan = { principal: 100_000, termMonths: 12, repayment: 'equal-installment', rate: { type: 'fixed', annualRate: 0.04 }, startDate: '2026-01-01' };
    const bond = { faceValue: 1_000_000, couponRate: 0.03, termYears: 3, couponsPerYear: 1, issueDate: '2026-01-01' };
    const cases: [string, Record<string, unknown>, string][] = [
      ['/v1/financing/quote', { ...loan, upfrontFeeRate: 1 }, 'upfrontFeeRate'],
      ['/v1/financing/quote', { ...loan, upfrontFeeRate: 0.6, guaranteeFee: { annualRate: 0.4 } }, 'guaranteeFee.annualRate'],
      ['/v1/financing/quote', { ...loan, principal: 1e-300 }, 'principal'],
      ['/v1/financing/quote', { ...loan, principal: 0.01, upfrontFeeRate: 0.5 }, 'upfrontFeeRate'],
      ['/v1/financing/bond-quote', { ...bond, upfrontCostRate: 1 }, 'upfrontCostRate'],
      ['/v1/financing/bond-quote', { ...bond, issuePrice: 0.015 }, 'issuePrice'],
      ['/v1/financing/bond-quote', { ...bond, issuePrice: 1, upfrontCostRate: 0.5 }, 'upfrontCostRate'],
    ];
    for (const [path, body, field] of cases) {
      const answer = await call('POST', path, body);
      assert.equal(answer.status, 400, `${JSON.stringify(body)} → ${answer.status}`);
      assert.ok(answer.body.errors.some((e: { path: string }) => e.path === field), `${JSON.stringify(body)} names ${field}: ${JSON.stringify(answer.body.errors)}`);
      const error = await LOCAL[path]!(body).then(() => undefined, (e: unknown) => e);
      assert.ok(error instanceof ChanrongValidationError, `local ${JSON.stringify(body)}: ${String(error)}`);
      assert.ok(error.errors.some((e) => e.path === field), `local names ${field}: ${JSON.stringify(error.errors)}`);
    }
    // Just inside the bounds there is an answer.
    assert.equal((await call('POST', '/v1/financing/quote', { ...loan, upfrontFeeRate: 0.99 })).status, 200);
    assert.equal((await call('POST', '/v1/financing/bond-quote', { ...bond, issuePrice: 1 })).status, 200);
  });
});
