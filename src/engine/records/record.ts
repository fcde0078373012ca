// Decision records (CONTRACT.md, "Decision records (v2)"). Canonical JSON is RFC 8785 (JCS) by the
// `canonicalize` package (by one of the RFC's authors; numbers by ECMAScript's Number serialization, which is
// what JCS prescribes), hashing and Ed25519 by WebCrypto, so the same code runs in Node and in browsers.
import canonicalize from 'canonicalize';
import type { Catalog, DecisionRecord, EligibilityReport, Profile, PublicJwk, RecordSignature } from '../../contract/index.js';
import { compileCatalog, evaluateProfile, assertProfile } from '../eligibility/evaluate.js';

export const RECORD_FORMAT = 'chanrong-decision/1';

/** RFC 8785 canonical JSON of a JSON value (after a JSON round trip, so `undefined` members are dropped). */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(JSON.parse(JSON.stringify(value)));
  // Stryker disable next-line StringLiteral: unreachable, JSON.parse of JSON.stringify's text always canonicalizes (a value with no JSON form throws in JSON.parse first)
  if (text === undefined) throw new Error('value has no JSON form');
  return text;
}

function subtle(): SubtleCrypto {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (!c?.subtle) throw new Error('WebCrypto (crypto.subtle) is not available in this runtime');
  return c.subtle;
}

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/** `sha256:` + lowercase hex SHA-256 of the UTF-8 bytes of the JCS form. */
export async function sha256Digest(value: unknown): Promise<string> {
  return `sha256:${hex(await subtle().digest('SHA-256', new TextEncoder().encode(canonicalJson(value))))}`;
}

/** The digest of a catalog document as loaded (every program, in force or not). */
export const catalogDigest = (catalog: unknown): Promise<string> => sha256Digest(catalog);

/** The digest of a record: over the record without `digest` and `signature`. */
export function recordDigest(record: Omit<DecisionRecord, 'digest' | 'signature'> & { digest?: string; signature?: unknown }): Promise<string> {
  const { digest: _d, signature: _s, ...rest } = record;
  void _d; void _s;
  return sha256Digest(rest);
}

export function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64url(text: string): Uint8Array {
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/** RFC 7638 thumbprint of an Ed25519 public JWK: the key id. */
export async function keyId(jwk: { crv: string; kty: string; x: string }): Promise<string> {
  const bytes = await subtle().digest('SHA-256', new TextEncoder().encode(canonicalJson({ crv: jwk.crv, kty: jwk.kty, x: jwk.x })));
  return base64url(new Uint8Array(bytes));
}

export interface RecordSigner {
  /** The public key as a JWK with its `kid`. */
  publicJwk: PublicJwk;
  sign(digest: string): Promise<RecordSignature>;
}

/** A signer from an Ed25519 private JWK (`chanrong keygen` writes one). */
export async function createSigner(privateJwk: JsonWebKey): Promise<RecordSigner> {
  if (privateJwk.kty !== 'OKP' || privateJwk.crv !== 'Ed25519' || typeof privateJwk.d !== 'string' || typeof privateJwk.x !== 'string') {
    throw new Error('the signing key must be an Ed25519 private JWK ({"kty":"OKP","crv":"Ed25519","x":…,"d":…})');
  }
  // WebCrypto's own refusal ("DataError: Invalid keyData") names neither the key nor what is wrong with it.
  // Stryker disable next-line BooleanLiteral: whether the private key is extractable is never observable, nothing exports it
  const importing = subtle().importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: privateJwk.x, d: privateJwk.d }, { name: 'Ed25519' }, false, ['sign']);
  const key = await importing
    .catch((cause: unknown) => {
      throw new Error('the signing key is not a usable Ed25519 private key: its "d" is malformed or its "x" does not match its "d"', { cause });
    });
  const kid = await keyId({ kty: 'OKP', crv: 'Ed25519', x: privateJwk.x });
  // Signing must prove the pair matches: sign and verify once, so a mismatched x/d is refused at start.
  const publicJwk: PublicJwk = { kty: 'OKP', crv: 'Ed25519', x: privateJwk.x, kid, alg: 'EdDSA', use: 'sig' };
  const pub = await importPublic(publicJwk);
  // Stryker disable next-line StringLiteral: any message proves the pair, the empty one too
  const probe = new TextEncoder().encode('chanrong');
  const sig = await subtle().sign({ name: 'Ed25519' }, key, probe);
  if (!(await subtle().verify({ name: 'Ed25519' }, pub, sig, probe))) throw new Error('the signing key\'s "x" does not match its "d"');
  return {
    publicJwk,
    async sign(digest) {
      const value = await subtle().sign({ name: 'Ed25519' }, key, new TextEncoder().encode(digest));
      return { alg: 'Ed25519', keyId: kid, value: base64url(new Uint8Array(value)) };
    },
  };
}

function importPublic(jwk: { x: string }): Promise<CryptoKey> {
  return subtle().importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, { name: 'Ed25519' }, false, ['verify']);
}

/** A new Ed25519 key pair as JWKs (private with `d`, public without), both with the key id. */
export async function generateKeyPair(): Promise<{ privateJwk: JsonWebKey & { kid: string }; publicJwk: PublicJwk }> {
  const pair = (await subtle().generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const priv = await subtle().exportKey('jwk', pair.privateKey);
  const kid = await keyId({ kty: 'OKP', crv: 'Ed25519', x: priv.x! });
  return {
    privateJwk: { kty: 'OKP', crv: 'Ed25519', x: priv.x!, d: priv.d!, kid, alg: 'EdDSA', use: 'sig' } as JsonWebKey & { kid: string },
    publicJwk: { kty: 'OKP', crv: 'Ed25519', x: priv.x!, kid, alg: 'EdDSA', use: 'sig' },
  };
}

export interface RecordInput {
  issuedAt: string;
  asOf: string;
  programIds?: string[] | undefined;
  catalogVersion: string;
  catalogDigest: string;
  profile: Profile;
  report: EligibilityReport;
}

/** Assembles a record (JSON round trip, so what is hashed is what is sent), its digest, and a signature. */
export async function buildRecord(input: RecordInput, signer?: RecordSigner): Promise<DecisionRecord> {
  const body = JSON.parse(JSON.stringify({
    format: RECORD_FORMAT,
    issuedAt: input.issuedAt,
    asOf: input.asOf,
    ...(input.programIds ? { programIds: input.programIds } : {}),
    catalogVersion: input.catalogVersion,
    catalogDigest: input.catalogDigest,
    profile: input.profile,
    report: input.report,
  })) as Omit<DecisionRecord, 'digest' | 'signature'>;
  const digest = await recordDigest(body);
  const record: DecisionRecord = { ...body, digest };
  if (signer) record.signature = await signer.sign(digest);
  return record;
}

export interface VerifyOptions {
  /** The catalog the record names: its digest must match, and the profile evaluated again must give the report. */
  catalog?: unknown;
  /** Public keys (JWK) the signature must verify against; when given, an unsigned record fails. */
  publicKeys?: readonly { kty?: string; crv?: string; x?: string; kid?: string }[];
}

export interface VerifyResult {
  /** Every check that ran passed (and the digest always runs). */
  ok: boolean;
  digest: boolean;
  /** Absent when no keys were given. */
  signature?: boolean;
  /** Absent when no catalog was given. */
  catalog?: boolean;
  report?: boolean;
  /** What failed, in words. */
  problems: string[];
}

/** Checks a record: its digest, its signature against the keys given, and with its catalog, the report itself. */
export async function verifyRecord(record: unknown, options: VerifyOptions = {}): Promise<VerifyResult> {
  const problems: string[] = [];
  const r = record as Partial<DecisionRecord> | null;
  if (!r || typeof r !== 'object' || Array.isArray(r)) return { ok: false, digest: false, problems: ['not a decision record (a JSON object)'] };
  if (r.format !== RECORD_FORMAT) problems.push(`format is not "${RECORD_FORMAT}"`);
  let digestOk = false;
  try {
    digestOk = typeof r.digest === 'string' && (await recordDigest(r as DecisionRecord)) === r.digest;
  } catch (error) {
    problems.push(`the record cannot be canonicalized: ${(error as Error).message}`);
  }
  if (!digestOk) problems.push('the digest does not match the record (it was changed after it was issued)');
  const result: VerifyResult = { ok: false, digest: digestOk, problems };

  if (options.publicKeys) {
    let ok = false;
    const sig = r.signature;
    if (!sig) problems.push('the record is not signed');
    else if (sig.alg !== 'Ed25519') problems.push(`unsupported signature algorithm "${String(sig.alg)}"`);
    // Only the canonical text of the 64 signature bytes counts: base64url's spare low bits could otherwise
    // change a character of the file without changing the bytes it decodes to.
    else if (typeof sig.value !== 'string' || !/^[A-Za-z0-9_-]{86}$/.test(sig.value) || base64url(fromBase64url(sig.value)) !== sig.value) problems.push('the signature value is not the canonical base64url of 64 bytes');
    else {
      const candidates = options.publicKeys.filter((k) => k.kty === 'OKP' && k.crv === 'Ed25519' && typeof k.x === 'string');
      for (const k of candidates) {
        if (k.kid !== undefined && k.kid !== sig.keyId) continue;
        try {
          const key = await importPublic(k as { x: string });
          if (await subtle().verify({ name: 'Ed25519' }, key, fromBase64url(sig.value) as Uint8Array<ArrayBuffer>, new TextEncoder().encode(String(r.digest)))) { ok = true; break; }
        } catch { /* a malformed key or signature simply does not verify */ }
      }
      if (!ok) problems.push(`the signature does not verify with the key(s) given (keyId ${sig.keyId})`);
    }
    result.signature = ok;
  }

  if (options.catalog !== undefined) {
    // A catalog with no canonical form (a lone surrogate in its file, a BigInt from code) is a problem, not a throw.
    const cd = await catalogDigest(options.catalog).catch((error: unknown) => error as Error);
    result.catalog = cd === r.catalogDigest;
    if (cd instanceof Error) problems.push(`the catalog given cannot be canonicalized: ${cd.message}`);
    else if (!result.catalog) problems.push(`the catalog given (${cd}) is not the one the record names (${String(r.catalogDigest)})`);
    else {
      try {
        const compiled = compileCatalog(options.catalog as Catalog);
        assertProfile(compiled, r.profile as Profile);
        const again = evaluateProfile(compiled, r.profile as Profile, { asOf: r.asOf as string, programIds: r.programIds });
        result.report = canonicalJson(again) === canonicalJson(r.report);
      } catch (error) {
        result.report = false;
        problems.push(`the profile cannot be evaluated again: ${(error as Error).message}`);
      }
      if (result.report === false && !problems.some((p) => p.startsWith('the profile'))) problems.push('evaluating the profile again gives a different report');
    }
  }
  result.ok = problems.length === 0;
  return result;
}
