// Decision records where something outside the record fails: a runtime without WebCrypto, a key WebCrypto
// refuses (the cause is kept for whoever debugs it), and a "record" that has no JSON form at all.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { createSigner, sha256Digest, verifyRecord } from '../../src/engine/records/record.js';

describe('decision records at their edges', () => {
  it('says WebCrypto is missing when the runtime has none', async () => {
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'crypto')!;
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    try {
      await assert.rejects(sha256Digest({ a: 1 }), /WebCrypto \(crypto\.subtle\) is not available/);
    } finally {
      Object.defineProperty(globalThis, 'crypto', saved);
    }
    assert.match(await sha256Digest({ a: 1 }), /^sha256:[0-9a-f]{64}$/);
  });

  it('keeps WebCrypto\'s own refusal of a private key as the cause', async () => {
    const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }) as { kty: string; crv: string; x: string; d: string };
    await assert.rejects(createSigner({ ...jwk, d: 'AAAA' }), (e: Error) => /not a usable Ed25519 private key/.test(e.message) && e.cause instanceof Error);
  });

  it('refuses a pair whose signature does not verify, where a runtime imports it without checking x against d', async () => {
    // Node's WebCrypto refuses such a pair at import; some runtimes do not. A WebCrypto whose verify answers
    // false stands in for them: the signer's own probe must catch it.
    const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }) as { kty: string; crv: string; x: string; d: string };
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'crypto')!;
    const real = globalThis.crypto;
    const subtle = new Proxy(real.subtle, {
      get: (target, name) => (name === 'verify' ? async () => false : (target as never as Record<string | symbol, (...a: unknown[]) => unknown>)[name]!.bind(target)),
    });
    Object.defineProperty(globalThis, 'crypto', { value: { subtle, getRandomValues: real.getRandomValues.bind(real) }, configurable: true });
    try {
      await assert.rejects(createSigner(jwk), /the signing key's "x" does not match its "d"/);
    } finally {
      Object.defineProperty(globalThis, 'crypto', saved);
    }
    assert.equal((await createSigner(jwk)).publicJwk.x, jwk.x);
  });

  it('a record with no JSON form fails its digest check with the reason, and does not throw', async () => {
    const result = await verifyRecord({ format: 'chanrong-decision/1', digest: 'sha256:00', profile: { n: 1n } });
    assert.equal(result.ok, false);
    assert.equal(result.digest, false);
    assert.ok(result.problems.some((p) => p.startsWith('the record cannot be canonicalized: ') && /BigInt/i.test(p)), result.problems.join('; '));
  });
});
