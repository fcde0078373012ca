// Bounded work and safe answers: capped error lists, timeouts and a connection cap, keep-alive after a 415,
// CORS `*`, only web URLs in host data, security headers, one log line per 500, deep trees, BOM and charsets.
// Every wait is on an event (a socket's close, a response), never a fixed sleep.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnswerCache, createApp } from '../../src/server/app.js';
import { startServer, type RunningServer } from '../../src/server/node.js';
import { bundledCatalog, bundledIncubators, bundledReferenceRates, provinceNames } from '../../src/data/bundled.js';
import { createLocalClient } from '../../src/sdk/local-client.js';
import { ChanrongValidationError } from '../../src/sdk/errors.js';
import type { Catalog, Criterion } from '../../src/contract/index.js';

const JSON_TYPE = { 'content-type': 'application/json' };
const loan = { principal: 100_000, termMonths: 12, repayment: 'equal-installment', rate: { type: 'fixed', annualRate: 0.04 }, startDate: '2026-01-01' };

function deepCatalog(depth: number): Catalog {
  const fact = Object.keys(bundledCatalog.facts).find((f) => bundledCatalog.facts[f]!.type === 'boolean')!;
  let criteria: Criterion = { fact, op: 'eq', value: true } as Criterion;
  for (let i = 0; i < depth; i++) criteria = { all: [criteria] };
  const catalog = structuredClone(bundledCatalog);
  catalog.programs[0]!.criteria = criteria;
  return catalog;
}

/** One raw HTTP/1.1 exchange on a socket we control; resolves with what the server sent when it closes. */
function rawExchange(port: number, send: string): Promise<{ text: string; socket: net.Socket }> {
  const socket = net.connect(port, '127.0.0.1');
  let text = '';
  socket.setEncoding('utf8');
  socket.on('data', (d) => { text += d; });
  socket.write(send);
  return once(socket, 'close').then(() => ({ text, socket }));
}

describe('server hardening', () => {
  let server: RunningServer;
  const errorLines: string[] = [];
  before(async () => {
    server = await startServer({
      port: 0, log: false, corsOrigin: ['*'], logError: (line) => errorLines.push(line),
      requestTimeoutMs: 1500, headersTimeoutMs: 1000, maxConnections: 40,
    });
  });
  after(async () => { await server.close(); });

  it('caps the error list at 20 and says how many there were (server and local client)', async () => {
    const profile = Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`unknown${i}`, 1]));
    const res = await fetch(`${server.url}/v1/eligibility`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ profile }) });
    const text = await res.text();
    assert.equal(res.status, 400);
    assert.ok(text.length < 8_000, `answer of ${text.length} bytes`);
    const p = JSON.parse(text) as { errors: unknown[]; errorCount: number; detail: string };
    assert.equal(p.errors.length, 20);
    assert.equal(p.errorCount, 40_000);
    assert.match(p.detail, /39980 more/);
    const error = await createLocalClient().eligibility.check({ profile }).catch((e: unknown) => e);
    assert.ok(error instanceof ChanrongValidationError);
    assert.equal(error.errors.length, 20);
    assert.equal(error.errorCount, 40_000);
  });

  it('sends Access-Control-Allow-Origin: * for --cors-origin "*"', async () => {
    const res = await fetch(`${server.url}/v1/health`, { headers: { origin: 'https://anyone.example' } });
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
  });

  it('sets the security headers, and no-store on eligibility and quote answers', async () => {
    for (const [path, body] of [['/v1/financing/quote', loan], ['/v1/eligibility', { profile: {} }]] as const) {
      const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify(body) });
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('cache-control'), 'no-store', path);
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer', path);
      assert.match(res.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/, path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
      assert.match(res.headers.get('x-request-id') ?? '', /^[\w-]+$/, path);
    }
    const bad = await fetch(`${server.url}/v1/financing/quote`, { method: 'POST', headers: JSON_TYPE, body: '{}' });
    assert.equal(bad.status, 400);
    assert.equal(bad.headers.get('cache-control'), 'no-store');
    assert.match(bad.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
  });

  it('refuses charset=utf-16 with 415 and reads charset=utf-8', async () => {
    const body = JSON.stringify(loan);
    const utf16 = await fetch(`${server.url}/v1/financing/quote`, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-16' }, body: Buffer.from(body, 'utf16le') });
    assert.equal(utf16.status, 415);
    const utf8 = await fetch(`${server.url}/v1/financing/quote`, { method: 'POST', headers: { 'content-type': 'application/json;charset="UTF-8"' }, body });
    assert.equal(utf8.status, 200);
  });

  it('keeps the keep-alive connection after a 415', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const request = (type: string) => new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
      const req = http.request(`${server.url}/v1/eligibility`, { method: 'POST', agent, headers: { 'content-type': type } }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode!, reused: req.reusedSocket }));
      });
      req.on('error', reject);
      req.end(JSON.stringify({ profile: { x: 'y'.repeat(300_000) } }));
    });
    try {
      const first = await request('text/plain');
      assert.equal(first.status, 415);
      const second = await request('application/json');
      assert.equal(second.reused, true, 'the second request reused the socket of the 415');
    } finally {
      agent.destroy();
    }
  });

  it('says it closes the connection with a 413, so the next request on a keep-alive client goes through', async () => {
    // The body past the limit is left unread: a connection kept alive would hold the rest of it, and the next
    // request on it failed ("other side closed") while the 413 said keep-alive.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const request = (body: string) => new Promise<{ status: number; connection?: string }>((resolve, reject) => {
      const req = http.request(`${server.url}/v1/eligibility`, { method: 'POST', agent, headers: JSON_TYPE }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection }));
      });
      req.on('error', reject);
      req.end(body);
    });
    try {
      const first = await request(JSON.stringify({ profile: { x: 'y'.repeat(1_200_000) } }));
      assert.equal(first.status, 413);
      assert.equal(first.connection, 'close');
      for (let i = 0; i < 3; i++) assert.equal((await request(JSON.stringify({ profile: {} }))).status, 200);
      // The same through fetch, as the helper that found it used.
      const big = await fetch(`${server.url}/v1/eligibility`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ profile: { x: 'y'.repeat(1_200_000) } }) });
      assert.equal(big.status, 413);
      await big.text();
      for (let i = 0; i < 2; i++) {
        const ok = await fetch(`${server.url}/v1/eligibility`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ profile: {} }) });
        assert.equal(ok.status, 200);
        await ok.text();
      }
    } finally {
      agent.destroy();
    }
  });

  it('closes a connection whose headers never finish (headers timeout)', async () => {
    const started = performance.now();
    const { text } = await rawExchange(server.port, 'GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: ');
    assert.ok(performance.now() - started < 10_000);
    assert.ok(text === '' || /^HTTP\/1\.1 408/.test(text), text.slice(0, 80));
  });

  it('closes a connection whose body never finishes (request timeout)', async () => {
    const { text } = await rawExchange(server.port, `POST /v1/eligibility HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"profile":`);
    assert.ok(text === '' || /^HTTP\/1\.1 (408|400)/.test(text), text.slice(0, 80));
  });

  it('refuses connections beyond the cap', async () => {
    const capped = await startServer({ port: 0, log: false, maxConnections: 2 });
    const sockets: net.Socket[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const s = net.connect(capped.port, '127.0.0.1');
        sockets.push(s);
        await once(s, 'connect');
      }
      // Make sure the server has accepted both before the third arrives: one answered request on each.
      for (const s of sockets) {
        s.write('GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n');
        await once(s, 'data');
      }
      const third = net.connect(capped.port, '127.0.0.1');
      sockets.push(third);
      third.on('error', () => {});
      third.write('GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n');
      let got = '';
      third.on('data', (d) => { got += d; });
      await once(third, 'close');
      assert.equal(got, '', 'the third connection was closed without an answer');
    } finally {
      for (const s of sockets) s.destroy();
      await capped.close();
    }
  });

  it('logs a 500 as one line with the request id the client receives', async () => {
    const names = new Proxy({}, { ownKeys() { throw new TypeError('injected fault'); } });
    const lines: string[] = [];
    const app = createApp({ catalog: bundledCatalog, referenceRates: bundledReferenceRates, incubators: bundledIncubators, provinceNames: names, version: 't', log: false, logError: (l) => lines.push(l) });
    const res = await app.request('/v1/regions/stats');
    assert.equal(res.status, 500);
    const p = (await res.json()) as { instance: string };
    const id = res.headers.get('x-request-id')!;
    assert.equal(p.instance, `urn:chanrong:request:${id}`);
    assert.equal(lines.length, 1);
    assert.ok(!lines[0]!.includes('\n'));
    assert.match(lines[0]!, new RegExp(` 500 ${id} GET /v1/regions/stats TypeError: injected fault`));
    assert.doesNotMatch(JSON.stringify(p), /injected/, 'the answer does not leak the error');
  });

  it('refuses a 5,000-deep criteria tree cleanly at load, and deep bodies with 400', async () => {
    assert.throws(() => createApp({ catalog: deepCatalog(5000), referenceRates: bundledReferenceRates, incubators: [], provinceNames, version: 't', log: false }),
      (e: unknown) => e instanceof Error && !(e instanceof RangeError) && /invalid catalog: programs\.0\.criteria(\.all(\.0)?)+: is nested too deeply/.test(e.message));
    assert.throws(() => createLocalClient({ catalog: deepCatalog(5000), locale: 'en' }), (e: unknown) => e instanceof ChanrongValidationError
      && e.errors.length === 1 && e.errors[0]!.path.startsWith('catalog.programs.0.criteria.all.0.all') && /nested too deeply/.test(e.errors[0]!.message));
    // A reasonable depth still loads.
    createApp({ catalog: deepCatalog(40), referenceRates: bundledReferenceRates, incubators: [], provinceNames, version: 't', log: false });
    const body = `{"profile":{"a":${'['.repeat(5000)}"x"${']'.repeat(5000)}}}`;
    const res = await fetch(`${server.url}/v1/eligibility`, { method: 'POST', headers: JSON_TYPE, body });
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { errors: { message: string }[] }).errors[0]!.message, /嵌套层数过多/);
  });

  it('bounds the directory answer cache by count and by size, least recently used out first', () => {
    const cache = new AnswerCache(3, 100, 60);
    let made = 0;
    const answer = (n: number) => () => { made++; return 'x'.repeat(n); };
    cache.get('a', answer(38)); // 40 characters as JSON
    cache.get('b', answer(38));
    assert.equal(cache.get('a', answer(38)).length, 40);
    assert.equal(made, 2, 'a hit does not recompute');
    cache.get('c', answer(38)); // 120 > 100: the least recently used (b) goes
    assert.ok(cache.bytes <= 100 && cache.entries === 2, `${cache.bytes} bytes in ${cache.entries}`);
    cache.get('a', answer(38));
    assert.equal(made, 3, 'a was kept');
    cache.get('b', answer(38));
    assert.equal(made, 4, 'b was dropped');
    cache.get('big', answer(100)); // over the per-entry cap: answered, not kept
    assert.ok(cache.bytes <= 100);
    for (const k of ['p', 'q', 'r', 's']) cache.get(k, answer(1));
    assert.ok(cache.entries <= 3);
  });

  describe('data files', () => {
    let dir: string;
    before(async () => { dir = await mkdtemp(join(tmpdir(), 'chanrong-harden-')); });
    after(async () => { await rm(dir, { recursive: true, force: true }); });

    it('accepts a UTF-8 byte-order mark', async () => {
      const file = join(dir, 'bom.json');
      await writeFile(file, `\uFEFF${JSON.stringify(bundledIncubators.slice(0, 3))}`, 'utf8');
      const s = await startServer({ port: 0, log: false, incubatorsFile: file });
      try {
        const res = await fetch(`${s.url}/v1/incubators`);
        assert.equal(((await res.json()) as { total: number }).total, 3);
      } finally {
        await s.close();
      }
    });

    it('refuses javascript: and data: URLs, naming the path and the file', async () => {
      const items = structuredClone(bundledIncubators.slice(0, 4));
      items[2]!.url = 'javascript:alert(1)';
      const file = join(dir, 'evil.json');
      await writeFile(file, JSON.stringify(items), 'utf8');
      await assert.rejects(startServer({ port: 0, log: false, incubatorsFile: file }), (e: Error) => /2\.url: must be an https: or http: URL/.test(e.message) && e.message.includes(file));
      const catalog = structuredClone(bundledCatalog);
      catalog.programs[1]!.sources[0]!.url = 'data:text/html,<b>hi</b>';
      assert.throws(() => createApp({ catalog, referenceRates: bundledReferenceRates, incubators: [], provinceNames, version: 't', log: false }),
        /programs\.1\.sources\.0\.url: must be an https: or http: URL/);
      assert.throws(() => createLocalClient({ catalog }), (e: unknown) => e instanceof ChanrongValidationError && e.errors.some((x) => x.path === 'catalog.programs.1.sources.0.url'));
    });
  });
});
