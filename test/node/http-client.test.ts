// The HTTP client's own duties, with a scripted fetch: auth, headers, retry rules, timeouts, bad answers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHttpClient } from '../../src/sdk/http-client.js';
import { ChanrongHttpError, ChanrongResponseError, ChanrongValidationError } from '../../src/sdk/errors.js';

type Handler = (request: Request, attempt: number) => Response | Promise<Response>;
function scripted(handler: Handler) {
  const seen: Request[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    seen.push(request);
    return handler(request, seen.length);
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}
const json = (body: unknown, status = 200, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
const rates = { lpr: [{ date: '2025-05-20', oneYear: 0.03, fiveYear: 0.035 }] };

describe('HTTP client', () => {
  it('sends the bearer token, custom headers and the locale, under the base URL', async () => {
    const { fetch, seen } = scripted(() => json(rates));
    const client = createHttpClient({ baseUrl: 'https://bank.example/api/', fetch, headers: { 'x-tenant': 'sz' }, getToken: async () => 'T0K', locale: 'en' });
    await client.referenceRates.list();
    const r = seen[0]!;
    assert.equal(r.url, 'https://bank.example/api/v1/reference-rates');
    assert.equal(r.headers.get('authorization'), 'Bearer T0K');
    assert.equal(r.headers.get('x-tenant'), 'sz');
    assert.equal(r.headers.get('accept-language'), 'en');
  });

  it('turns an answer that breaks the schema into ChanrongResponseError, never a value', async () => {
    const { fetch } = scripted(() => json({ lpr: [{ date: '2025-05-20', oneYear: '3%', fiveYear: 0.035 }] }));
    const client = createHttpClient({ baseUrl: 'https://bank.example', fetch });
    await assert.rejects(client.referenceRates.list(), (e: unknown) => e instanceof ChanrongResponseError && e.errors.some((x) => x.path === 'lpr.0.oneYear'));
  });

  it('turns a non-JSON answer into ChanrongResponseError', async () => {
    const { fetch } = scripted(() => new Response('<html>gateway</html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    const client = createHttpClient({ baseUrl: 'https://bank.example', fetch });
    await assert.rejects(client.health(), ChanrongResponseError);
  });

  it('carries the problem+json fields of an error answer', async () => {
    const { fetch } = scripted(() => json({ type: 'urn:x', title: 'Invalid input', status: 400, errors: [{ path: 'principal', message: 'must be greater than 0' }] }, 400, 'application/problem+json'));
    const client = createHttpClient({ baseUrl: 'https://bank.example', fetch, retry: 3 });
    await assert.rejects(
      client.financing.quote({ principal: 1, termMonths: 1, repayment: 'interest-only', rate: { type: 'fixed', annualRate: 0 }, startDate: '2025-01-01' }),
      (e: unknown) => e instanceof ChanrongValidationError && e.status === 400 && e.errors[0]!.path === 'principal',
    );
  });

  it('retries idempotent GETs on 503 but never POSTs', async () => {
    const get = scripted((_r, attempt) => (attempt < 3 ? json({ type: 'x', title: 'busy', status: 503 }, 503) : json(rates)));
    const client = createHttpClient({ baseUrl: 'https://bank.example', fetch: get.fetch, retry: 2 });
    const answer = await client.referenceRates.list();
    assert.equal(get.seen.length, 3);
    assert.equal(answer.lpr.length, 1);

    const post = scripted(() => json({ type: 'x', title: 'busy', status: 503 }, 503));
    const client2 = createHttpClient({ baseUrl: 'https://bank.example', fetch: post.fetch, retry: 2 });
    await assert.rejects(client2.eligibility.check({ profile: {} }), (e: unknown) => e instanceof ChanrongHttpError && e.status === 503);
    assert.equal(post.seen.length, 1);
  });

  it('gives up after the timeout with a typed error', async () => {
    const { fetch } = scripted((request) => new Promise((_resolve, reject) => {
      request.signal.addEventListener('abort', () => reject(request.signal.reason));
    }));
    const client = createHttpClient({ baseUrl: 'https://bank.example', fetch, timeoutMs: 50, retry: 0 });
    await assert.rejects(client.health(), (e: unknown) => e instanceof ChanrongHttpError && e.status === 0);
  });

  it('reports an unreachable server as a typed network error', async () => {
    const client = createHttpClient({ baseUrl: 'http://127.0.0.1:9', retry: 0, timeoutMs: 2000 });
    await assert.rejects(client.health(), (e: unknown) => e instanceof ChanrongHttpError && e.status === 0);
  });

  it('screens a portfolio with checkMany in order', async () => {
    const { fetch, seen } = scripted(async (request) => {
      const body = (await request.json()) as { profile: { employees: number } };
      return json({ asOf: '2026-01-01', catalogVersion: 'v', results: [], nextQuestions: [`q${body.profile.employees}`] });
    });
    const client = createHttpClient({ baseUrl: 'https://bank.example', fetch, concurrency: 3 });
    const reports = await client.eligibility.checkMany(Array.from({ length: 7 }, (_, i) => ({ employees: i })), { asOf: '2026-01-01' });
    assert.deepEqual(reports.map((r) => r.nextQuestions[0]), ['q0', 'q1', 'q2', 'q3', 'q4', 'q5', 'q6']);
    assert.equal(seen.length, 7);
  });
});
