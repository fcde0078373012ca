// The reference server's own behaviour: problem+json for every kind of bad input, limits, CORS, logging, OpenAPI.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { startServer, type RunningServer } from '../../src/server/node.js';
import { createApp } from '../../src/server/app.js';
import { bundledCatalog } from '../../src/data/bundled.js';

describe('reference server', () => {
  let server: RunningServer;
  const lines: string[] = [];
  before(async () => {
    server = await startServer({ port: 0, version: '9.9.9', log: (line) => lines.push(line), bodyLimitBytes: 4096, corsOrigin: 'https://portal.example.gov.cn' });
  });
  after(async () => { await server.close(); });

  const post = (path: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${server.url}${path}`, { method: 'POST', headers, body });

  async function problemOf(res: Response) {
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    return (await res.json()) as { type: string; title: string; status: number; detail?: string; errors?: { path: string; message: string }[] };
  }

  it('answers invalid JSON with 400 problem+json', async () => {
    const res = await post('/v1/financing/quote', '{"principal": ');
    assert.equal(res.status, 400);
    const p = await problemOf(res);
    assert.equal(p.status, 400);
  });

  it('answers a wrong content type with 415', async () => {
    const res = await post('/v1/eligibility', '{}', { 'content-type': 'text/plain' });
    assert.equal(res.status, 415);
    assert.equal((await problemOf(res)).status, 415);
  });

  it('answers a body over the limit with 413, before parsing it', async () => {
    const res = await post('/v1/eligibility', JSON.stringify({ profile: { x: 'a'.repeat(10_000) } }));
    assert.equal(res.status, 413);
    assert.equal((await problemOf(res)).status, 413);
  });

  it('names every wrong field, in the language the client asks for', async () => {
    const res = await post('/v1/financing/quote', JSON.stringify({
      principal: -5, termMonths: 12.5, repayment: 'balloon', rate: { type: 'lpr', tenor: '3y', spreadBps: 10 }, startDate: '2025-13-01',
    }), { 'content-type': 'application/json', 'accept-language': 'en-US,en;q=0.9' });
    assert.equal(res.status, 400);
    const p = await problemOf(res);
    const paths = (p.errors ?? []).map((e) => e.path).sort();
    assert.deepEqual(paths, ['principal', 'rate.tenor', 'repayment', 'startDate', 'termMonths']);
    assert.equal(p.title, 'Invalid input');
    assert.match(p.errors!.find((e) => e.path === 'principal')!.message, /at least 0.01/);
  });

  it('speaks Traditional Chinese to zh-TW clients and Simplified by default', async () => {
    const body = JSON.stringify({ profile: {}, asOf: 'tomorrow' });
    const tw = await problemOf(await post('/v1/eligibility', body, { 'content-type': 'application/json', 'accept-language': 'zh-TW' }));
    const cn = await problemOf(await post('/v1/eligibility', body));
    assert.equal(tw.title, '輸入有誤');
    assert.equal(cn.title, '输入有误');
  });

  it('rejects wrong query values on GET with 400, never 500', async () => {
    for (const q of ['bbox=1,2,3', 'bbox=a,b,c,d', 'zoom=99', 'limit=-1', 'level=planet', 'q=' + 'x'.repeat(200)]) {
      const res = await fetch(`${server.url}/v1/incubators?${q}`);
      assert.equal(res.status, 400, q);
      assert.ok((await problemOf(res)).errors!.length > 0, q);
    }
  });

  it('answers unknown paths with 404 problem+json', async () => {
    const res = await fetch(`${server.url}/v2/nothing`);
    assert.equal(res.status, 404);
    assert.equal((await problemOf(res)).status, 404);
  });

  it('serves a valid OpenAPI 3.1 document describing every endpoint', async () => {
    const doc = (await (await fetch(`${server.url}/openapi.json`)).json()) as { openapi: string; info: { version: string }; paths: Record<string, Record<string, unknown>> };
    assert.equal(doc.openapi, '3.1.0');
    assert.equal(doc.info.version, '9.9.9');
    const validator = new Validator();
    const result = await validator.validate(doc as never);
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 1)?.slice(0, 2000));
    assert.deepEqual(Object.keys(doc.paths).sort(), [
      '/v1/eligibility', '/v1/eligibility/record', '/v1/financing/bond-quote', '/v1/financing/discount-quote', '/v1/financing/quote', '/v1/health', '/v1/incubators',
      '/v1/incubators/{id}', '/v1/keys', '/v1/programs', '/v1/reference-rates', '/v1/regions/stats',
    ]);
    const quote = doc.paths['/v1/financing/quote']!['post'] as { responses: Record<string, unknown> };
    assert.ok(quote.responses['400'] && quote.responses['413'] && quote.responses['415']);
  });

  it('allows only the configured CORS origin', async () => {
    const ok = await fetch(`${server.url}/v1/health`, { headers: { origin: 'https://portal.example.gov.cn' } });
    assert.equal(ok.headers.get('access-control-allow-origin'), 'https://portal.example.gov.cn');
    const preflight = await fetch(`${server.url}/v1/eligibility`, {
      method: 'OPTIONS', headers: { origin: 'https://portal.example.gov.cn', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    assert.ok(preflight.status === 204 || preflight.status === 200);
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);
    const other = await fetch(`${server.url}/v1/health`, { headers: { origin: 'https://evil.example' } });
    assert.notEqual(other.headers.get('access-control-allow-origin'), 'https://evil.example');
  });

  it('logs exactly one line per request', async () => {
    const before = lines.length;
    await fetch(`${server.url}/v1/health`);
    await fetch(`${server.url}/v1/programs?asOf=2026-01-01`);
    assert.equal(lines.length - before, 2);
    assert.match(lines.at(-1)!, /GET \/v1\/programs 200 [\d.]+ms [\w-]+$/);
  });
});

describe('reference server without CORS', () => {
  it('sends no CORS headers by default', async () => {
    const server = await startServer({ port: 0, log: false });
    try {
      const res = await fetch(`${server.url}/v1/health`, { headers: { origin: 'https://portal.example.gov.cn' } });
      assert.equal(res.headers.get('access-control-allow-origin'), null);
    } finally {
      await server.close();
    }
  });
});

describe('createApp on a Fetch-API runtime', () => {
  it('serves the bundled data with no options at all, as the README writes it', async () => {
    const app = createApp({ log: false });
    const health = await app.fetch(new Request('http://x/v1/health'));
    assert.equal(health.status, 200);
    assert.equal(((await health.json()) as { status: string }).status, 'ok');
    const programs = (await (await app.fetch(new Request('http://x/v1/programs'))).json()) as { programs: { id: string }[] };
    assert.ok(programs.programs.length > 0);
    assert.ok(programs.programs.every((p) => bundledCatalog.programs.some((q) => q.id === p.id)));
    const found = await app.fetch(new Request('http://x/v1/incubators?q=%E4%B8%AD%E5%85%B3%E6%9D%91'));
    assert.equal(found.status, 200);
    assert.equal((await createApp().fetch(new Request('http://x/v1/health'))).status, 200);
    // A 413 off Node's HTTP/1.1 server says nothing of the connection (HTTP/2 forbids the header).
    const big = await app.fetch(new Request('http://x/v1/eligibility', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ profile: { x: 'y'.repeat(1_200_000) } }) }));
    assert.equal(big.status, 413);
    assert.equal(big.headers.get('connection'), null);
  });
});
