// chanrong/sdk: the typed client, isomorphic (browsers and Node 20).
export { createHttpClient, type HttpClientOptions } from './http-client.js';
export { createLocalClient, type LocalClientOptions } from './local-client.js';
export { ChanrongError, ChanrongHttpError, ChanrongResponseError, ChanrongValidationError, PROBLEM } from './errors.js';
export type * from '../contract/index.js';
export {
  Catalog, Profile, EligibilityRequest, EligibilityReport, FinancingRequest, FinancingQuote, BondRequest, BondQuote, DiscountRequest, DiscountQuote,
  Incubator, IncubatorQuery, ReferenceRates, issueMessage, issuePath, localize, LOCALES,
} from '../contract/index.js';
export { syntheticIncubators } from './synthetic.js';
export { verifyRecord, catalogDigest, canonicalJson, type VerifyOptions, type VerifyResult } from '../engine/records/record.js';
