// Decision records: digests an independent RFC 8785 implementation (json-canonicalize, not the `canonicalize`
// package the code uses) and node:crypto's SHA-256 reproduce, Ed25519 signatures checked with node:crypto, and
// tamper tests: every single-byte change of a record's file, and every changed value, fails verification.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, createPublicKey, verify as edVerify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { canonicalize as independentJcs } from 'json-canonicalize';
import type { DecisionRecord } from '../../src/contract/index.js';
import { createHttpClient, createLocalClient, verifyRecord } from '../../src/sdk/index.js';
import { startServer, type RunningServer } from '../../src/server/node.js';

const cli = new URL('../../src/cli.ts', import.meta.url).pathname;
const catalogFile = new URL('../../src/data/catalog/catalog.json', import.meta.url).pathname;
// Made in `before`, not at load: a runner that loads this file once and runs it many times (Stryker's mocha, one
// run per mutant) would otherwise find the folder removed by the previous run's `after`, and fail for that reason.
let dir: string;
const chanrong = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8', timeout: 60_000 });
const sha = (text: string) => `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;

const profile = { entityType: 'enterprise', region: '320100', certifications: ['high-tech'], capitalAdequacyRatio: 5.5, abnormalOrDishonest: null, requestedAmount: 1234.5 };

describe('decision records', () => {
  let server: RunningServer;
  let publicJwk: { kty: string; crv: string; x: string; kid: string };
  let signed: DecisionRecord;
  let keyFile: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chanrong-records-'));
    keyFile = join(dir, 'signing.jwk');
    const r = chanrong(['keygen', '--out', keyFile]);
    assert.equal(r.status, 0, r.stderr);
    publicJwk = JSON.parse(r.stdout);
    assert.equal(readFileSync(keyFile, 'utf8').includes('"d"'), true);
    assert.equal(r.stdout.includes('"d"'), false, 'the public key has no private part');
    assert.equal(chanrong(['keygen', '--out', keyFile]).status, 1, 'keygen never overwrites a key');
    server = await startServer({ port: 0, log: false, signingKeyFile: keyFile, now: () => new Date('2026-11-26T08:00:00Z') });
    signed = await createHttpClient({ baseUrl: server.url }).eligibility.record({ profile, asOf: '2026-11-26' });
  });
  after(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('digests reproduce with an independent RFC 8785 implementation', () => {
    const catalog = JSON.parse(readFileSync(catalogFile, 'utf8'));
    assert.equal(signed.catalogDigest, sha(independentJcs(catalog)));
    const { digest, signature, ...rest } = signed;
    assert.equal(digest, sha(independentJcs(rest)));
    assert.ok(signature);
    assert.equal(signed.format, 'chanrong-decision/1');
    assert.equal(signed.issuedAt, '2026-11-26T08:00:00.000Z');
    assert.deepEqual(signed.profile, profile);
    assert.equal(signed.report.asOf, '2026-11-26');
  });

  it('signs the digest with Ed25519, verifiable with node:crypto and the key GET /v1/keys lists', async () => {
    const keys = await (await fetch(`${server.url}/v1/keys`)).json() as { keys: typeof publicJwk[] };
    assert.deepEqual(keys.keys.map((k) => k.x), [publicJwk.x]);
    assert.equal(signed.signature!.keyId, publicJwk.kid);
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicJwk.x }, format: 'jwk' });
    assert.ok(edVerify(null, Buffer.from(signed.digest, 'utf8'), key, Buffer.from(signed.signature!.value, 'base64url')));
    const result = await verifyRecord(signed, { catalog: JSON.parse(readFileSync(catalogFile, 'utf8')), publicKeys: keys.keys });
    assert.deepEqual(result, { ok: true, digest: true, signature: true, catalog: true, report: true, problems: [] });
  });

  it('the local client makes unsigned records with the same digests', async () => {
    const local = createLocalClient({ now: () => new Date('2026-11-26T08:00:00Z') });
    const record = await local.eligibility.record({ profile, asOf: '2026-11-26' });
    assert.equal(record.signature, undefined);
    assert.equal(record.catalogDigest, signed.catalogDigest);
    const { signature: _s, ...unsigned } = signed;
    void _s;
    assert.deepEqual(record, unsigned);
    assert.deepEqual((await local.eligibility.keys()).keys, []);
    const withKeys = await verifyRecord(record, { publicKeys: [publicJwk] });
    assert.equal(withKeys.ok, false, 'an unsigned record fails when keys are required');
    assert.equal((await verifyRecord(record)).ok, true);
  });

  it('refuses every single-byte change of a record file, and every changed value', async () => {
    const small = await createHttpClient({ baseUrl: server.url }).eligibility.record({ profile: { certifications: ['high-tech'], abnormalOrDishonest: false }, asOf: '2026-11-26', programIds: ['ip-pledge-loan'] });
    const text = JSON.stringify(small);
    const catalog = JSON.parse(readFileSync(catalogFile, 'utf8'));
    const opts = { publicKeys: [publicJwk] };
    assert.equal((await verifyRecord(JSON.parse(text), opts)).ok, true);
    let refused = 0;
    for (let i = 0; i < text.length; i++) {
      for (const delta of [1, 2]) {
        const changed = text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ delta) + text.slice(i + 1);
        let parsed: unknown;
        try { parsed = JSON.parse(changed); } catch { refused++; continue; }
        const r = await verifyRecord(parsed, opts);
        assert.equal(r.ok, false, `byte ${i} (${JSON.stringify(text.slice(Math.max(0, i - 10), i + 10))}) changed, still verified`);
        refused++;
      }
    }
    assert.equal(refused, text.length * 2);
    // Every value replaced (semantic tampering that keeps valid JSON), and the report re-evaluated with the catalog.
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
      else paths.push(path);
    };
    walk(small, []);
    for (const path of paths) {
      if (path[0] === 'signature' || path[0] === 'digest') continue;
      const copy = JSON.parse(text);
      let at = copy;
      for (const k of path.slice(0, -1)) at = at[k];
      const last = path.at(-1)!;
      at[last] = typeof at[last] === 'string' ? `${at[last]}x` : typeof at[last] === 'number' ? at[last] + 1 : typeof at[last] === 'boolean' ? !at[last] : 0;
      const r = await verifyRecord(copy, { ...opts, catalog });
      assert.equal(r.ok, false, `changed ${path.join('.')}`);
      assert.equal(r.digest, false);
    }
    // A record re-digested (no signature) over a forged report: the digest holds, the catalog check catches it.
    const forged = JSON.parse(text) as DecisionRecord;
    forged.report.results[0]!.status = forged.report.results[0]!.status === 'eligible' ? 'ineligible' : 'eligible';
    delete forged.signature;
    const { digest: _d, ...body } = forged;
    void _d;
    forged.digest = sha(independentJcs(body));
    const r = await verifyRecord(forged, { catalog });
    assert.equal(r.digest, true);
    assert.equal(r.report, false);
    assert.equal(r.ok, false);
  });

  it('refuses a record request that does not fit, naming the field', async () => {
    const res = await fetch(`${server.url}/v1/eligibility/record`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ profile: { capitalAdequacyRatio: 'high' } }) });
    assert.equal(res.status, 400);
    const problem = await res.json() as { errors: { path: string }[] };
    assert.ok(problem.errors.some((e) => e.path === 'profile.capitalAdequacyRatio'));
  });

  it('`chanrong record verify` checks digest, signature and report, exit 0 or 1', () => {
    const file = join(dir, 'record.json');
    writeFileSync(file, JSON.stringify(signed, null, 2));
    const ok = chanrong(['record', 'verify', file, '--catalog', catalogFile, '--key', JSON.stringify(publicJwk)]);
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /record verified/);
    const tampered = JSON.parse(JSON.stringify(signed));
    tampered.profile.capitalAdequacyRatio = 9.5;
    writeFileSync(file, JSON.stringify(tampered));
    const bad = chanrong(['record', 'verify', file, '--key', JSON.stringify(publicJwk)]);
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /digest:\s+FAILED/);
    const otherKey = chanrong(['keygen']);
    const wrong = JSON.parse(otherKey.stderr.replace(/^public key: /, ''));
    writeFileSync(file, JSON.stringify(signed));
    const wrongKey = chanrong(['record', 'verify', file, '--key', JSON.stringify(wrong)]);
    assert.equal(wrongKey.status, 1);
    assert.match(wrongKey.stdout, /signature:\s+FAILED/);
    assert.equal(chanrong(['record', 'verify']).status, 2);
  });


});
