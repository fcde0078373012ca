// The one dispatch from a contract operation to the engine that answers it. The local client and the
// reference server both call this, so an answer cannot differ between embedded and remote mode.
// Inputs arrive already validated against the contract; answers leave in contract shape.
import type {
  BondQuote, BondRequest, Catalog, DiscountQuote, DiscountRequest, EligibilityBatchOptions, EligibilityReport, EligibilityRequest,
  FinancingQuote, FinancingRequest, Incubator, IncubatorQuery, IncubatorQueryResult, LocalizedText, Profile,
  ProgramsQuery, ProgramsResponse, ReferenceRates, RegionStat, RegionStatsQuery, DecisionRecord, KeysResponse, RecordRequest,
} from '../contract/index.js';
import { buildRecord, catalogDigest, type RecordSigner } from './records/record.js';
import { dateInChina } from './dates.js';
import { createDirectory, type Directory, type SearchData } from './directory/directory.js';
import { programsInForce } from './eligibility/programs.js';
import { checkEligibility, checkMany, compileCatalog, createScreener } from './eligibility/evaluate.js';
import { sortFixings } from './financing/reference-rates.js';
import { quoteLoan } from './financing/loan.js';
import { quoteBond } from './financing/bond.js';
import { quoteDiscount } from './financing/discount.js';

export interface ServiceData {
  catalog: Catalog;
  referenceRates: ReferenceRates;
  incubators: Incubator[];
  /** Names of the provincial divisions by adcode, for region statistics. */
  provinceNames: Record<string, LocalizedText>;
  /** The catalog document as loaded (before schema parsing), for `catalogDigest`; `catalog` by default. */
  catalogDocument?: unknown;
  /** Signs decision records (a server started with a key); records are unsigned without one. */
  signer?: RecordSigner | undefined;
  /** Pinyin table and place names for directory search (without it, search covers names and operators). */
  search?: SearchData;
}

export interface Service {
  /** A decision record (v2): the report, bound to the catalog by digest, signed when there is a signer. */
  record(request: RecordRequest): Promise<DecisionRecord>;
  /** The signer's public keys (v2). */
  keys(): KeysResponse;
  programs(query: ProgramsQuery): ProgramsResponse;
  eligibility(request: EligibilityRequest): EligibilityReport;
  eligibilityMany(profiles: Profile[], options: EligibilityBatchOptions): EligibilityReport[];
  /** One profile at a time (streaming `checkMany`): validates and evaluates, errors naming `profiles.<index>`. */
  screener(options: EligibilityBatchOptions): (profile: Profile, index: number) => EligibilityReport;
  quote(request: FinancingRequest): FinancingQuote;
  bondQuote(request: BondRequest): BondQuote;
  discountQuote(request: DiscountRequest): DiscountQuote;
  referenceRates(): ReferenceRates;
  incubators(query: IncubatorQuery): IncubatorQueryResult;
  incubator(id: string): Incubator;
  regionStats(query: RegionStatsQuery): RegionStat[];
  /** Builds the directory index a query or region statistics need in slices, letting the event loop turn. */
  prepareDirectory(query: IncubatorQuery & { stats?: boolean }): Promise<void>;
}

/** `clock` decides "today" for `asOf` defaults; the caller owns it, so the engine stays pure. */
export function createService(data: ServiceData, clock: () => Date): Service {
  const rates: ReferenceRates = {
    lpr: sortFixings(data.referenceRates),
    ...(data.referenceRates.checkedOn ? { checkedOn: data.referenceRates.checkedOn } : {}),
  };
  const compiled = compileCatalog(data.catalog);
  const today = () => dateInChina(clock());
  // The spatial indexes are built on first use: a page without a map never pays for them.
  let dir: Directory | undefined;
  const directory = () => (dir ??= createDirectory(data.incubators, data.search ? { search: data.search } : {}));
  let digest: Promise<string> | undefined;
  return {
    async record(request) {
      const asOf = request.asOf ?? today();
      const report = checkEligibility(compiled, request.profile, { asOf, programIds: request.programIds });
      digest ??= catalogDigest(data.catalogDocument ?? data.catalog);
      return buildRecord({
        issuedAt: clock().toISOString(), asOf, programIds: request.programIds, catalogVersion: data.catalog.version,
        catalogDigest: await digest, profile: request.profile, report,
      }, data.signer);
    },
    keys: () => ({ keys: data.signer ? [data.signer.publicJwk] : [] }),
    programs(query) {
      const asOf = query.asOf ?? today();
      return { catalogVersion: data.catalog.version, facts: data.catalog.facts, programs: programsInForce(data.catalog, asOf) };
    },
    eligibility: (request) => checkEligibility(compiled, request.profile, { asOf: request.asOf ?? today(), programIds: request.programIds, paths: request.paths, detail: request.detail }),
    screener: (options) => createScreener(compiled, { asOf: options.asOf ?? today(), programIds: options.programIds, detail: options.detail }),
    eligibilityMany: (profiles, options) => checkMany(compiled, profiles, { asOf: options.asOf ?? today(), programIds: options.programIds, detail: options.detail }),
    quote: (request) => quoteLoan(request, rates),
    bondQuote: (request) => quoteBond(request),
    discountQuote: (request) => quoteDiscount(request),
    referenceRates: () => rates,
    incubators: (query) => directory().query(query),
    incubator: (id) => directory().get(id),
    regionStats: (query) => directory().regionStats(query, data.provinceNames),
    prepareDirectory: (query) => directory().prepare(query),
  };
}
