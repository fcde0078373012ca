// Decision records (CONTRACT.md, "Decision records (v2)"): a report that can be filed with a loan and
// verified later, bound to the exact catalog by its digest and, on a server with a key, signed (Ed25519).
import * as z from 'zod/mini';
import { Id, IsoDate } from './common.js';
import { Profile } from './catalog.js';
import { EligibilityReport } from './eligibility.js';

export const RecordRequest = z.object({
  profile: Profile,
  asOf: z.optional(IsoDate),
  programIds: z.optional(z.array(Id).check(z.maxLength(500))),
});
export type RecordRequest = z.infer<typeof RecordRequest>;

export const DIGEST = /^sha256:[0-9a-f]{64}$/;
export const RecordSignature = z.object({
  alg: z.literal('Ed25519'),
  keyId: z.string().check(z.minLength(1)),
  value: z.string().check(z.regex(/^[A-Za-z0-9_-]+$/)),
});
export type RecordSignature = z.infer<typeof RecordSignature>;

export const DecisionRecord = z.object({
  format: z.literal('chanrong-decision/1'),
  issuedAt: z.string().check(z.minLength(1)),
  asOf: IsoDate,
  programIds: z.optional(z.array(Id)),
  catalogVersion: z.string(),
  catalogDigest: z.string().check(z.regex(DIGEST)),
  profile: Profile,
  report: EligibilityReport,
  digest: z.string().check(z.regex(DIGEST)),
  signature: z.optional(RecordSignature),
});
export type DecisionRecord = z.infer<typeof DecisionRecord>;

/** An Ed25519 public key as a JWK (RFC 8037), `kid` its RFC 7638 thumbprint. */
export const PublicJwk = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string().check(z.regex(/^[A-Za-z0-9_-]+$/)),
  kid: z.optional(z.string()),
  alg: z.optional(z.string()),
  use: z.optional(z.string()),
});
export type PublicJwk = z.infer<typeof PublicJwk>;

export const KeysResponse = z.object({ keys: z.array(PublicJwk) });
export type KeysResponse = z.infer<typeof KeysResponse>;
