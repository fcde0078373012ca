// Small answers of the HTTP API and the client interface every part speaks.
import * as z from 'zod/mini';
import type { BondQuote, BondRequest, DiscountQuote, DiscountRequest, FinancingQuote, FinancingRequest, ReferenceRates } from './financing.js';
import type { EligibilityBatchOptions, EligibilityReport, EligibilityRequest } from './eligibility.js';
import type { DecisionRecord, KeysResponse, RecordRequest } from './records.js';
import type { Incubator, IncubatorQuery, IncubatorQueryResult, RegionStat, RegionStatsQuery } from './incubators.js';
import type { ProgramsQuery, ProgramsResponse, Profile } from './catalog.js';

/**
 * `checkMany`'s answer: `await` it for the array of reports (as before), or iterate it with `for await` for one
 * report at a time, memory flat whatever the count. Nothing runs until it is awaited or iterated.
 */
export interface EligibilityStream extends PromiseLike<EligibilityReport[]>, AsyncIterable<EligibilityReport> {
  catch<T = never>(onrejected?: ((reason: unknown) => T | PromiseLike<T>) | null): Promise<EligibilityReport[] | T>;
  finally(onfinally?: (() => void) | null): Promise<EligibilityReport[]>;
}

export const Health = z.object({ status: z.literal('ok'), version: z.string() });
export type Health = z.infer<typeof Health>;

/** Per-call options: every method can be cancelled. */
export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * The one interface widgets and apps talk to. `createLocalClient` runs the engine on bundled data;
 * `createHttpClient` posts to any server that speaks the contract. Both validate inputs and answers.
 */
export interface AcceleratorClient {
  health(options?: CallOptions): Promise<Health>;
  programs: {
    list(query?: ProgramsQuery, options?: CallOptions): Promise<ProgramsResponse>;
  };
  eligibility: {
    check(request: EligibilityRequest, options?: CallOptions): Promise<EligibilityReport>;
    checkMany(profiles: Iterable<Profile> | AsyncIterable<Profile>, batch?: EligibilityBatchOptions, options?: CallOptions): EligibilityStream;
    /** v2: a decision record of the check, bound to the catalog by digest (signed by a server with a key). */
    record(request: RecordRequest, options?: CallOptions): Promise<DecisionRecord>;
    /** v2: the public keys records are signed with (`GET /v1/keys`); none for the local client. */
    keys(options?: CallOptions): Promise<KeysResponse>;
  };
  financing: {
    quote(request: FinancingRequest, options?: CallOptions): Promise<FinancingQuote>;
    bondQuote(request: BondRequest, options?: CallOptions): Promise<BondQuote>;
    /** Bill discounting (v2): interest, proceeds and the annualized rate of discounting a bill. */
    discountQuote(request: DiscountRequest, options?: CallOptions): Promise<DiscountQuote>;
  };
  referenceRates: {
    list(options?: CallOptions): Promise<ReferenceRates>;
  };
  incubators: {
    query(query?: IncubatorQuery, options?: CallOptions): Promise<IncubatorQueryResult>;
    get(id: string, options?: CallOptions): Promise<Incubator>;
  };
  regions: {
    stats(query?: RegionStatsQuery, options?: CallOptions): Promise<RegionStat[]>;
  };
}
