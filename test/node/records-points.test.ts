// Decision-record keys and verification at the points where each check decides, against node:crypto as the
// independent side (its own Ed25519 keys, signatures and SHA-256 thumbprints, RFC 7638).
import assert from 'node:assert/strict';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign as edSign, verify as edVerify } from 'node:crypto';
import { describe, it } from 'node:test';
import { buildRecord, createSigner, generateKeyPair, keyId, verifyRecord } from '../../src/engine/records/record.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const priv = privateKey.export({ format: 'jwk' }) as { kty: string; crv: string; x: string; d: string };
const other = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }) as { x: string; d: string };
/** RFC 7638: SHA-256 over {"crv","kty","x"} in that order, no spaces, base64url without padding. */
const thumbprint = (x: string) => createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`).digest('base64url');

const input = {
  issuedAt: '2026-11-26T00:00:00.000Z', asOf: '2026-11-26', catalogVersion: 'v', catalogDigest: 'sha256:00',
  profile: { a: 1 }, report: { asOf: '2026-11-26', results: [], nextQuestions: [] },
} as never;

describe('decision-record keys', () => {
  it('the key id is the RFC 7638 thumbprint', async () => {
    assert.equal(await keyId({ kty: 'OKP', crv: 'Ed25519', x: priv.x }), thumbprint(priv.x));
  });

  it('a signer publishes its public JWK and signs the digest text with Ed25519', async () => {
    const signer = await createSigner(priv);
    assert.deepEqual(signer.publicJwk, { kty: 'OKP', crv: 'Ed25519', x: priv.x, kid: thumbprint(priv.x), alg: 'EdDSA', use: 'sig' });
    const s = await signer.sign('sha256:abc');
    assert.equal(s.alg, 'Ed25519');
    assert.equal(s.keyId, thumbprint(priv.x));
    assert.ok(edVerify(null, Buffer.from('sha256:abc'), publicKey, Buffer.from(s.value, 'base64url')));
    // Ed25519 is deterministic: node:crypto's own signature is the same bytes.
    assert.equal(s.value, edSign(null, Buffer.from('sha256:abc'), createPrivateKey({ key: priv, format: 'jwk' })).toString('base64url'));
  });

  it('refuses keys that are not Ed25519 private JWKs, and a public half that does not match', async () => {
    const refused = async (jwk: object, message: RegExp) => assert.rejects(createSigner(jwk as JsonWebKey), message);
    const shape = /must be an Ed25519 private JWK/;
    await refused({ ...priv, kty: 'EC' }, shape);
    await refused({ ...priv, crv: 'Ed448' }, shape);
    await refused({ ...priv, d: undefined }, shape);
    await refused({ ...priv, x: undefined }, shape);
    await refused({ ...priv, d: 5 }, shape);
    // Node's WebCrypto refuses the mismatched pair at import; the message still says what is wrong with the key.
    await refused({ ...priv, x: other.x }, /"x" does not match its "d"/);
    await refused({ ...priv, d: 'not-base64url!' }, /signing key/);
  });

  it('generates pairs whose halves match and whose key id is their thumbprint', async () => {
    const pair = await generateKeyPair();
    assert.equal(pair.privateJwk.kid, thumbprint(pair.publicJwk.x));
    assert.deepEqual(pair.publicJwk, { kty: 'OKP', crv: 'Ed25519', x: pair.privateJwk.x, kid: pair.privateJwk.kid, alg: 'EdDSA', use: 'sig' });
    assert.equal(pair.privateJwk.kty, 'OKP');
    assert.equal(pair.privateJwk.crv, 'Ed25519');
    const pub = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: pair.publicJwk.x }, format: 'jwk' });
    const signature = edSign(null, Buffer.from('m'), createPrivateKey({ key: pair.privateJwk as never, format: 'jwk' }));
    assert.ok(edVerify(null, Buffer.from('m'), pub, signature));
  });
});

describe('verifying a record', () => {
  it('names what is wrong: not an object, the format, the signature missing or of another algorithm', async () => {
    for (const bad of [null, [], 'x', 5]) {
      assert.deepEqual(await verifyRecord(bad), { ok: false, digest: false, problems: ['not a decision record (a JSON object)'] });
    }
    const signer = await createSigner(priv);
    const record = await buildRecord(input, signer);
    const keys = [signer.publicJwk];
    assert.deepEqual(await verifyRecord(record, { publicKeys: keys }), { ok: true, digest: true, signature: true, problems: [] });
    assert.deepEqual((await verifyRecord({ ...record, format: 'x' })).problems.slice(0, 1), ['format is not "chanrong-decision/1"']);
    const { signature: _s, ...unsigned } = record;
    assert.deepEqual(await verifyRecord(unsigned, { publicKeys: keys }), { ok: false, digest: true, signature: false, problems: ['the record is not signed'] });
    assert.deepEqual((await verifyRecord({ ...record, signature: { ...record.signature!, alg: 'RS256' } }, { publicKeys: keys })).problems, ['unsupported signature algorithm "RS256"']);
    const wrongKey = { kty: 'OKP', crv: 'Ed25519', x: other.x };
    assert.deepEqual((await verifyRecord(record, { publicKeys: [wrongKey] })).problems, [`the signature does not verify with the key(s) given (keyId ${thumbprint(priv.x)})`]);
    // A key with another kid is not tried; one without a kid is.
    assert.equal((await verifyRecord(record, { publicKeys: [{ ...signer.publicJwk, kid: 'other' }] })).signature, false);
    assert.equal((await verifyRecord(record, { publicKeys: [{ kty: 'OKP', crv: 'Ed25519', x: priv.x }] })).signature, true);
    // Keys of another type are skipped, not fatal.
    assert.equal((await verifyRecord(record, { publicKeys: [{ kty: 'EC', crv: 'P-256', x: priv.x }, signer.publicJwk] })).signature, true);
    assert.equal((await verifyRecord(record, { publicKeys: [{ kty: 'OKP', crv: 'Ed448', x: priv.x }] })).signature, false);
    // No keys given: the signature is not checked.
    assert.equal((await verifyRecord(record)).signature, undefined);
    // A changed value: the digest fails, in words.
    assert.deepEqual((await verifyRecord({ ...record, asOf: '2026-11-27' })).problems, ['the digest does not match the record (it was changed after it was issued)']);
  });
});
