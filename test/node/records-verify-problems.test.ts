// Verifying a decision record: each way a record can be wrong is refused with its own problem, in words. The
// expected texts are written out by hand from verifyRecord's messages; digests are computed on the independent side
// (json-canonicalize, not the `canonicalize` package the code uses, and node:crypto's SHA-256), signatures and
// base64url by node:crypto and Node's Buffer. Records and signers are made inside each test, never at load.
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, verify as edVerify, createPublicKey } from 'node:crypto';
import { describe, it } from 'node:test';
import { canonicalize as independentJcs } from 'json-canonicalize';
import type { DecisionRecord } from '../../src/contract/index.js';
import { buildRecord, createSigner, fromBase64url, verifyRecord } from '../../src/engine/records/record.js';
import { windowedCatalog } from './windowed-catalog.js';

const { privateKey } = generateKeyPairSync('ed25519');
const priv = privateKey.export({ format: 'jwk' }) as { kty: string; crv: string; x: string; d: string };
/** RFC 7638 thumbprint, by hand: SHA-256 over {"crv","kty","x"} in that order, base64url without padding. */
const thumbprint = (x: string) => createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`).digest('base64url');
const sha = (text: string) => `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;

const DIGEST = 'the digest does not match the record (it was changed after it was issued)';
const NOT_CANONICAL = 'the signature value is not the canonical base64url of 64 bytes';
const DIFFERENT = 'evaluating the profile again gives a different report';
const notVerified = () => `the signature does not verify with the key(s) given (keyId ${thumbprint(priv.x)})`;

const catalog = windowedCatalog('rec-1');
/** A report no evaluation gives: on 2026-03-01 program "new" is in force, so a report without results is forged. */
const forgedReport = { asOf: '2026-03-01', results: [], nextQuestions: [] };

const record = (over: Record<string, unknown> = {}, signed = false) => (async () => {
  const input = {
    issuedAt: '2026-03-01T04:00:00.000Z', asOf: '2026-03-01', catalogVersion: 'rec-1', catalogDigest: sha(independentJcs(catalog)),
    profile: { a: true }, report: forgedReport, ...over,
  } as never;
  return buildRecord(input, signed ? await createSigner(priv) : undefined);
})();

describe('verifying a record: the signature value', () => {
  const keys = () => [{ kty: 'OKP', crv: 'Ed25519', x: priv.x, kid: thumbprint(priv.x) }];
  const withValue = (r: DecisionRecord, value: unknown) => ({ ...r, signature: { ...r.signature!, value } });
  const refusedAsText = { ok: false, digest: true, signature: false, problems: [NOT_CANONICAL] };

  it('the record as signed verifies (the baseline the changes below start from)', async () => {
    const r = await record({}, true);
    assert.equal(r.signature!.value.length, 86, '64 bytes are 86 base64url characters without padding');
    assert.deepEqual(await verifyRecord(r, { publicKeys: keys() }), { ok: true, digest: true, signature: true, problems: [] });
  });

  it('refuses a last character whose spare low bits are set, though Node decodes it to the same 64 bytes', async () => {
    const r = await record({}, true);
    const value = r.signature!.value;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // 86 characters carry 516 bits: 512 of signature and 4 spare, the low bits of the last character.
    const last = alphabet.indexOf(value.at(-1)!);
    assert.equal(last % 16, 0, 'canonical: the spare bits are zero');
    const changed = value.slice(0, -1) + alphabet[last + 1];
    const same = Buffer.from(changed, 'base64url');
    assert.ok(same.equals(Buffer.from(value, 'base64url')), 'the same bytes, by Node\'s own decoder');
    assert.ok(edVerify(null, Buffer.from(r.digest), createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: priv.x }, format: 'jwk' }), same), 'a valid signature');
    assert.deepEqual(await verifyRecord(withValue(r, changed), { publicKeys: keys() }), refusedAsText);
  });

  it('refuses 86 canonical characters with more before or after them (88 characters decode to 66 bytes)', async () => {
    const r = await record({}, true);
    const value = r.signature!.value;
    for (const changed of [`AA${value}`, `${value}AA`, `A${value}`, `${value}A`, `!${value}`, `${value}!`]) {
      assert.deepEqual(await verifyRecord(withValue(r, changed), { publicKeys: keys() }), refusedAsText, changed);
    }
  });

  it('refuses the wrong length, another alphabet, and padding', async () => {
    const r = await record({}, true);
    const value = r.signature!.value;
    const standard = Buffer.from(value, 'base64url').toString('base64'); // "+" and "/" where base64url has "-" and "_", and "=="
    assert.equal(standard.slice(-2), '==');
    const wrong = [value.slice(0, -1), value.slice(0, 84), `${value}==`, standard, `${value.slice(0, -2)}+A`, `${value.slice(0, -2)}/A`, '', Buffer.alloc(32).toString('base64url')];
    for (const changed of wrong) assert.deepEqual(await verifyRecord(withValue(r, changed), { publicKeys: keys() }), refusedAsText, changed);
  });

  it('refuses a value that is not text, even one whose text form is the signature', async () => {
    const r = await record({}, true);
    // A record file can hold a list where the text belongs: ["<the 86 characters>"] reads as the same text to a
    // pattern, but is not the signature.
    for (const value of [[r.signature!.value], 5, null, { value: r.signature!.value }]) {
      assert.deepEqual(await verifyRecord(withValue(r, value), { publicKeys: keys() }), refusedAsText, JSON.stringify(value));
    }
  });
});

describe('verifying a record: the keys given', () => {
  it('tries only Ed25519 keys of type OKP with x as text', async () => {
    const r = await record({}, true);
    const refused = { ok: false, digest: true, signature: false, problems: [notVerified()] };
    // The right x, but the key says it is another type: not tried (WebCrypto would import it as Ed25519 regardless).
    assert.deepEqual(await verifyRecord(r, { publicKeys: [{ kty: 'EC', crv: 'Ed25519', x: priv.x }] }), refused);
    assert.deepEqual(await verifyRecord(r, { publicKeys: [{ kty: 'RSA', crv: 'Ed25519', x: priv.x }] }), refused);
    // x as a list holding the right text (WebCrypto converts it to that text): not a key.
    assert.deepEqual(await verifyRecord(r, { publicKeys: [{ kty: 'OKP', crv: 'Ed25519', x: [priv.x] as never }] }), refused);
    assert.deepEqual(await verifyRecord(r, { publicKeys: [{ kty: 'OKP', crv: 'Ed25519' }] }), refused);
    // The same key, well formed: verified.
    assert.deepEqual(await verifyRecord(r, { publicKeys: [{ kty: 'OKP', crv: 'Ed25519', x: priv.x }] }), { ok: true, digest: true, signature: true, problems: [] });
  });
});

describe('verifying a record: the digest', () => {
  it('a record without a digest text is refused for that alone: nothing else is canonicalized to compare', async () => {
    // "\ud800" is a lone surrogate: JSON reads it, RFC 8785 cannot write it, so the record has no canonical form.
    for (const digest of ['', ',"digest":5', ',"digest":null', ',"digest":{"a":1}']) {
      const r = JSON.parse(`{"format":"chanrong-decision/1","profile":{"name":"\\ud800"}${digest}}`);
      assert.deepEqual(await verifyRecord(r), { ok: false, digest: false, problems: [DIGEST] }, digest);
    }
    // With a digest text, the reason it cannot be checked comes first.
    const r = JSON.parse('{"format":"chanrong-decision/1","profile":{"name":"\\ud800"},"digest":"sha256:00"}');
    const { problems } = await verifyRecord(r);
    assert.equal(problems.length, 2);
    assert.match(problems[0]!, /^the record cannot be canonicalized: .*surrogate/i);
    assert.equal(problems[1], DIGEST);
  });
});

describe('verifying a record against its catalog', () => {
  it('a catalog other than the one the record names: both digests named, nothing evaluated', async () => {
    const r = await record();
    const other = { ...catalog, version: 'rec-2' };
    assert.deepEqual(await verifyRecord(r, { catalog: other }), {
      ok: false, digest: true, catalog: false,
      problems: [`the catalog given (${sha(independentJcs(other))}) is not the one the record names (${sha(independentJcs(catalog))})`],
    });
    // The record's own digest of its catalog was changed: the digest fails as well, and the mismatch names it.
    assert.deepEqual((await verifyRecord({ ...r, catalogDigest: 'sha256:00' }, { catalog })).problems, [
      DIGEST, `the catalog given (${sha(independentJcs(catalog))}) is not the one the record names (sha256:00)`,
    ]);
  });

  it('a catalog with no canonical form: refused in words, not thrown', async () => {
    const r = await record();
    // A lone surrogate ("\ud800") is what a catalog file can hold that RFC 8785 cannot write; code can also pass a
    // BigInt or a cycle.
    const cyclic: Record<string, unknown> = { ...catalog };
    cyclic.self = cyclic;
    const cases: [unknown, RegExp][] = [
      [JSON.parse('{"version":"\\ud800"}'), /surrogate/i],
      [{ ...catalog, version: 1n }, /BigInt/i],
      [cyclic, /circular/i],
    ];
    for (const [bad, reason] of cases) {
      const result = await verifyRecord(r, { catalog: bad });
      assert.deepEqual({ ...result, problems: [] }, { ok: false, digest: true, catalog: false, problems: [] });
      assert.equal(result.problems.length, 1, result.problems.join('; '));
      assert.ok(result.problems[0]!.startsWith('the catalog given cannot be canonicalized: '), result.problems[0]);
      assert.match(result.problems[0]!, reason);
    }
  });

  it('a profile that cannot be evaluated again: the engine\'s reason, once, and no other problem', async () => {
    const unknownProgram = await record({ programIds: ['nope'] });
    assert.deepEqual(await verifyRecord(unknownProgram, { catalog }), {
      ok: false, digest: true, catalog: true, report: false, problems: ['the profile cannot be evaluated again: unknown program id(s): nope'],
    });
    const wrongType = await record({ profile: { a: 'yes' } });
    assert.deepEqual(await verifyRecord(wrongType, { catalog }), {
      ok: false, digest: true, catalog: true, report: false, problems: ['the profile cannot be evaluated again: the profile does not fit the catalog'],
    });
  });

  it('a report the profile does not give: said in words, also next to other problems', async () => {
    const r = await record();
    assert.deepEqual(await verifyRecord(r, { catalog }), { ok: false, digest: true, catalog: true, report: false, problems: [DIFFERENT] });
    // Unsigned where keys are required: both problems.
    const keys = [{ kty: 'OKP', crv: 'Ed25519', x: priv.x }];
    assert.deepEqual(await verifyRecord(r, { catalog, publicKeys: keys }), {
      ok: false, digest: true, signature: false, catalog: true, report: false, problems: ['the record is not signed', DIFFERENT],
    });
    // Format changed as well (the digest fails too): every problem, in order.
    assert.deepEqual((await verifyRecord({ ...r, format: 'x' }, { catalog })).problems, ['format is not "chanrong-decision/1"', DIGEST, DIFFERENT]);
  });
});

describe('base64url decoding', () => {
  it('decodes what Node\'s Buffer decodes: without padding, with it, and with padding cut short, for 0 to 70 bytes', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff;
    for (let n = 0; n <= 70; n++) {
      const bytes = Buffer.from(Array.from({ length: n }, next));
      const bare = bytes.toString('base64url');
      const padded = bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
      const forms = [bare, padded];
      if (padded.endsWith('==')) forms.push(padded.slice(0, -1));
      for (const text of forms) {
        assert.deepEqual(Buffer.from(text, 'base64url'), bytes, `oracle, ${text}`);
        assert.deepEqual(Buffer.from(fromBase64url(text)), bytes, `${n} bytes as ${JSON.stringify(text)}`);
      }
    }
  });
});
