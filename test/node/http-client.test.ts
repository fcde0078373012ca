// The HTTP client's own duties, with a scripted fetch: auth, headers, retry rules, timeouts, bad answers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHttpClient } from '../../src/sdk/http-client.js';
import { ChanrongHttpError, ChanrongResponseError, ChanrongValidationError } from '../../src/sdk/errors.js';
import { createLocalClient } from '../../src/sdk/local-client.js';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FinancingQuote, FinancingRequest } from '../../src/contract/index.js';

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

  describe('bounded answers', () => {
    /** A body that sends one byte per `every` ms and never ends; the test's own deadline is the assertion. */
    const trickle = (every: number) => new Response(new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((r) => setTimeout(r, every));
        controller.enqueue(new TextEncoder().encode(' '));
      },
    }), { status: 200, headers: { 'content-type': 'application/json' } });

    it('times out a trickled body that never ends, from a fetch that ignores the signal', async () => {
      const { fetch } = scripted(() => trickle(10));
      const client = createHttpClient({ baseUrl: 'https://bank.example', fetch, timeoutMs: 150, retry: 0 });
      const started = performance.now();
      await assert.rejects(client.health(), (e: unknown) => e instanceof ChanrongHttpError && e.status === 0 && e.type === 'urn:chanrong:problem:timeout');
      assert.ok(performance.now() - started < 2_000, `gave up after ${performance.now() - started} ms`);
    });

    it('times out a real server whose body trickles after prompt headers', async () => {
      const server = http.createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"status":"ok",');
        const tick = setInterval(() => res.write(' '), 20);
        res.on('close', () => clearInterval(tick));
      }).listen(0, '127.0.0.1');
      await once(server, 'listening');
      try {
        const client = createHttpClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, timeoutMs: 300, retry: 0 });
        const started = performance.now();
        await assert.rejects(client.health(), (e: unknown) => e instanceof ChanrongHttpError && e.status === 0);
        assert.ok(performance.now() - started < 3_000);
      } finally {
        server.closeAllConnections();
        server.close();
      }
    });

    it('refuses answers over maxResponseBytes, declared or streamed, and accepts one at the cap', async () => {
      const big = JSON.stringify({ status: 'ok', version: 'x'.repeat(2_000) });
      const declared = scripted(() => new Response(big, { headers: { 'content-type': 'application/json', 'content-length': String(big.length) } }));
      await assert.rejects(createHttpClient({ baseUrl: 'https://bank.example', fetch: declared.fetch, maxResponseBytes: 1_000, retry: 2 }).health(),
        (e: unknown) => e instanceof ChanrongResponseError && /larger than 1000 bytes/.test(e.message));
      assert.equal(declared.seen.length, 1, 'not retried');
      const streamed = scripted(() => new Response(new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(big)); c.close(); } }), { headers: { 'content-type': 'application/json' } }));
      await assert.rejects(createHttpClient({ baseUrl: 'https://bank.example', fetch: streamed.fetch, maxResponseBytes: 1_000 }).health(), ChanrongResponseError);
      const exact = scripted(() => new Response(big, { headers: { 'content-type': 'application/json' } }));
      const answer = await createHttpClient({ baseUrl: 'https://bank.example', fetch: exact.fetch, maxResponseBytes: big.length }).health();
      assert.equal(answer.status, 'ok');
    });

    it('has a 16 MiB default cap', async () => {
      const chunk = new Uint8Array(1024 * 1024).fill(32);
      let sent = 0;
      const { fetch } = scripted(() => new Response(new ReadableStream({
        pull(c) { if (sent++ < 40) c.enqueue(chunk); else c.close(); },
      }), { headers: { 'content-type': 'application/json' } }));
      await assert.rejects(createHttpClient({ baseUrl: 'https://bank.example', fetch }).health(), (e: unknown) => e instanceof ChanrongResponseError && /16777216/.test(e.message));
      assert.ok(sent <= 18, `stopped reading after ${sent} MiB`);
    });
  });

  describe('redirects', () => {
    const redirectTo = (location: string, status = 302) => new Response(null, { status, headers: { location } });

    it('never sends custom headers or the token to another origin', async () => {
      const { fetch, seen } = scripted((request) => (request.url.startsWith('https://bank.example/')
        ? redirectTo('https://elsewhere.example/v1/reference-rates')
        : json(rates)));
      const client = createHttpClient({ baseUrl: 'https://bank.example', fetch, headers: { 'X-Tenant': 'sz' }, getToken: () => 'T0K' });
      await client.referenceRates.list();
      assert.equal(seen.length, 2);
      assert.equal(seen[0]!.headers.get('x-tenant'), 'sz');
      assert.equal(seen[1]!.url, 'https://elsewhere.example/v1/reference-rates');
      assert.equal(seen[1]!.headers.get('x-tenant'), null);
      assert.equal(seen[1]!.headers.get('authorization'), null);
      assert.equal(seen[1]!.headers.get('accept-language'), 'zh-CN', 'the standard headers still go');
    });

    it('keeps them on a same-origin redirect, and turns a 303 after POST into a GET', async () => {
      const { fetch, seen } = scripted((request) => (request.url.endsWith('/v1/reference-rates') ? redirectTo('/mirror/rates', 307) : json(rates)));
      await createHttpClient({ baseUrl: 'https://bank.example', fetch, headers: { 'x-tenant': 'sz' } }).referenceRates.list();
      assert.equal(seen[1]!.url, 'https://bank.example/mirror/rates');
      assert.equal(seen[1]!.headers.get('x-tenant'), 'sz');

      const report = { asOf: '2026-01-01', catalogVersion: 'v', results: [], nextQuestions: [] };
      const post = scripted((request) => (request.method === 'POST' ? redirectTo('/reports/1', 303) : json(report)));
      await createHttpClient({ baseUrl: 'https://bank.example', fetch: post.fetch }).eligibility.check({ profile: {} });
      assert.deepEqual(post.seen.map((r) => `${r.method} ${new URL(r.url).pathname}`), ['POST /v1/eligibility', 'GET /reports/1']);
      assert.equal(post.seen[1]!.headers.get('content-type'), null);
    });

    it('stops after 5 redirects', async () => {
      const { fetch, seen } = scripted(() => redirectTo('https://bank.example/loop'));
      await assert.rejects(createHttpClient({ baseUrl: 'https://bank.example', fetch, retry: 0 }).health(), (e: unknown) => e instanceof ChanrongHttpError && e.status === 0);
      assert.equal(seen.length, 6);
    });
  });

  describe('impossible quote arithmetic', () => {
    const request: FinancingRequest = { principal: 120_000, termMonths: 12, repayment: 'equal-installment', rate: { type: 'fixed', annualRate: 0.0435 }, startDate: '2026-01-15', upfrontFeeRate: 0.01 };
    const answerWith = (quote: unknown) => createHttpClient({ baseUrl: 'https://bank.example', fetch: scripted(() => json(quote)).fetch }).financing.quote(request);
    let good: FinancingQuote;

    it('passes a real quote', async () => {
      good = await createLocalClient().financing.quote(request);
      const again = await answerWith(good);
      assert.deepEqual(again, good);
    });

    const cases: [string, (q: FinancingQuote) => void, string][] = [
      ['a payment that is not interest + principal', (q) => { q.schedule[3]!.payment += 0.01; }, 'schedule.3.payment'],
      ['a balance that does not chain', (q) => { q.schedule[5]!.openingBalance += 1; }, 'schedule.5.openingBalance'],
      ['a negative balance', (q) => { const r = q.schedule[10]!; r.principal += r.closingBalance + 5; r.payment = Math.round((r.interest + r.principal) * 100) / 100; r.closingBalance = -5; }, 'schedule.10.closingBalance'],
      ['a schedule that does not end at 0', (q) => { q.schedule.pop(); }, 'schedule.10.closingBalance'],
      ['principal that does not sum to the loan', (q) => { q.disbursement.principal += 100; q.disbursement.netAmount += 100; }, 'totals.principal'],
      ['totals that are not the column sums', (q) => { q.totals.interest += 1; }, 'totals.interest'],
      ['a net amount that is not principal less fees', (q) => { q.disbursement.netAmount += 1; }, 'disbursement.netAmount'],
    ];
    for (const [what, tamper, path] of cases) {
      it(`refuses ${what}`, async () => {
        const q = structuredClone(good);
        tamper(q);
        await assert.rejects(answerWith(q), (e: unknown) => e instanceof ChanrongResponseError && e.errors.some((x) => x.path === path));
      });
    }

    it('tolerates the prepayment column of v2 (closing = opening − principal − prepayment)', async () => {
      const q = structuredClone(good) as FinancingQuote;
      // Move 1,000 of period 2's principal into a prepayment: still consistent.
      const row = q.schedule[1]!;
      row.principal -= 1000;
      row.payment -= 1000;
      row.prepayment = 1000;
      q.totals.principal -= 1000;
      q.totals.payment -= 1000;
      for (const r of q.schedule) for (const k of ['principal', 'payment', 'openingBalance', 'closingBalance'] as const) r[k] = Math.round(r[k] * 100) / 100;
      q.totals.principal = Math.round(q.totals.principal * 100) / 100;
      q.totals.payment = Math.round(q.totals.payment * 100) / 100;
      await answerWith(q);
    });
  });
});
