// Evaluation with Kleene three-valued logic (CONTRACT.md, "Semantics"). A catalog is compiled once (machine.ts)
// into closures over the answer vector, so screening a portfolio walks no schema and re-parses no rule per profile.
import type { Catalog, EligibilityReport, EligibilityStatus, Profile, Program, ProgramResult, TraceNode, TraceStatus } from '../../contract/index.js';
import { EngineError } from '../errors.js';
import { assertCatalog } from './catalog.js';
import { compileMachine, type Machine } from './machine.js';
import { compilePathProgram, findPaths, type PathProgram } from './paths.js';
import { PASS, FAIL } from './status.js';
import { isInForce } from './programs.js';
import { compileFactChecks, profileIssues, type FactCheck } from './profile.js';

const NOTHING_MISSING: string[] = Object.freeze([]) as unknown as string[];

interface CompiledProgram {
  program: Program;
  index: number;
  /** Status-only results are the same for every profile: one frozen object per status. */
  statusResults: ProgramResult[];
  /** The path search's view of the program, built on first use. */
  paths: PathProgram | undefined;
  /** Full results by key (machine.ts), made on first use, when the program is decided by a few small answers. */
  shared: (ProgramResult | undefined)[] | undefined;
}

export interface CompiledCatalog {
  catalog: Catalog;
  checks: Map<string, FactCheck>;
  programs: CompiledProgram[];
  byId: Map<string, CompiledProgram>;
  /** Fact id → position in the catalog's `facts` declaration, for tie-breaking `nextQuestions`. */
  factOrder: Map<string, number>;
  /** Answers read and coded, every program decided or traced on them (machine.ts). */
  machine: Machine;
  /** Each selected program's status or result while one report is assembled (evaluation is synchronous). */
  scratch: Uint8Array;
  results: ProgramResult[];
}

const STATUS_TRACE: Record<number, TraceNode> = {
  [FAIL]: Object.freeze({ status: 'fail' }), [PASS]: Object.freeze({ status: 'pass' }), 2: Object.freeze({ status: 'unknown' }),
};
const STATUS_NAME: Record<number, EligibilityStatus> = { [FAIL]: 'ineligible', [PASS]: 'eligible', 2: 'undetermined' };

/** Checks and compiles a catalog; throws an `invalid-data` EngineError naming every problem. */
export function compileCatalog(catalog: Catalog): CompiledCatalog {
  assertCatalog(catalog);
  const programs: CompiledProgram[] = catalog.programs.map((program, index) => ({
    program, index, paths: undefined, shared: undefined,
    statusResults: [FAIL, PASS, 2].map((k) => Object.freeze({ programId: program.id, status: STATUS_NAME[k]!, missingFacts: NOTHING_MISSING, trace: STATUS_TRACE[k]! })),
  }));
  return {
    catalog,
    checks: compileFactChecks(catalog),
    programs,
    byId: new Map(programs.map((p) => [p.program.id, p])),
    factOrder: new Map(Object.keys(catalog.facts).map((f, i) => [f, i])),
    machine: compileMachine(catalog.programs.map((p) => p.criteria), catalog.facts),
    scratch: new Uint8Array(programs.length),
    results: new Array<ProgramResult>(programs.length),
  };
}

/** Unanswered facts of the unknown leaves, reached only through unknown nodes, distinct, depth first. */
export function missingFacts(trace: TraceNode, into: string[] = []): string[] {
  if (trace.status !== 'unknown') return into;
  if (trace.children) {
    for (const child of trace.children) missingFacts(child, into);
  } else if (trace.fact !== undefined && trace.actual === undefined && !into.includes(trace.fact)) {
    into.push(trace.fact);
  }
  return into;
}

const STATUS: Record<TraceStatus, EligibilityStatus> = { pass: 'eligible', fail: 'ineligible', unknown: 'undetermined' };

export interface CheckOptions {
  asOf: string;
  programIds?: string[] | undefined;
  /** Paths to eligibility per program not eligible (0..5). */
  paths?: number | undefined;
  /** `status`: no traces, missing facts or next questions, for screening. */
  detail?: 'full' | 'status' | undefined;
}

/** Decides every selected program on the loaded answers into `compiled.scratch`; returns the count per status. */
function decide(compiled: CompiledCatalog, programs: CompiledProgram[], asOf: string): [number, number, number] {
  const { machine, scratch } = compiled;
  const counts: [number, number, number] = [0, 0, 0];
  for (let i = 0; i < programs.length; i++) {
    const s = machine.status(programs[i]!.index, asOf);
    scratch[i] = s;
    counts[s]++;
  }
  return counts;
}

function statusReport(compiled: CompiledCatalog, options: CheckOptions, programs: CompiledProgram[]): EligibilityReport {
  const [nFail, nPass] = decide(compiled, programs, options.asOf);
  const { scratch } = compiled;
  // Results go straight to their place: eligible first, then undetermined, then ineligible, each in catalog order.
  const results = new Array<ProgramResult>(programs.length);
  let e = 0, u = nPass, f = programs.length - nFail;
  for (let i = 0; i < programs.length; i++) {
    const s = scratch[i]!;
    results[s === PASS ? e++ : s === FAIL ? f++ : u++] = programs[i]!.statusResults[s]!;
  }
  return { asOf: options.asOf, catalogVersion: compiled.catalog.version, results, nextQuestions: NOTHING_MISSING };
}

function withPaths(compiled: CompiledCatalog, report: EligibilityReport, profile: Profile, options: CheckOptions): EligibilityReport {
  const count = options.paths ?? 0;
  if (count <= 0) return report;
  const results = report.results.map((result) => {
    if (result.status === 'eligible') return result;
    const p = compiled.byId.get(result.programId)!;
    p.paths ??= compilePathProgram(p.program, compiled.factOrder);
    return { ...result, paths: findPaths(p.paths, compiled.catalog.facts, profile, { asOf: options.asOf, count }) };
  });
  return { ...report, results };
}

/** Reads a profile's answers into the catalog's machine, refusing one that does not fit, naming each fact. */
function loadProfile(compiled: CompiledCatalog, profile: Profile, prefix: (string | number)[]): void {
  // Fast path: every answer checked as it is read, and no undeclared key. Otherwise the walk of the profile's own
  // keys names each problem; finding none (an inherited or non-enumerable answer, an inherited undeclared key),
  // the declared facts are read one by one, each checked too.
  const { machine } = compiled;
  if (machine.load(profile)) return;
  let issues = profileIssues(compiled.checks, profile, prefix);
  if (!issues.length) {
    const bad = machine.loadEach(profile);
    if (!bad.length) return;
    const facts = bad.map((i) => machine.factIds[i]!);
    issues = profileIssues(compiled.checks, Object.fromEntries(facts.map((f) => [f, profile[f]])) as Profile, prefix);
  }
  throw new EngineError('invalid-data', 'the profile does not fit the catalog', issues[0]!.path.join('.'), issues);
}

/** Refuses a profile that does not fit the catalog, naming each fact. */
export function assertProfile(compiled: CompiledCatalog, profile: Profile, prefix: (string | number)[] = ['profile']): void {
  loadProfile(compiled, profile, prefix);
}

function selectPrograms(compiled: CompiledCatalog, options: CheckOptions): CompiledProgram[] {
  if (!options.programIds) return compiled.programs.filter((p) => isInForce(p.program, options.asOf));
  const unknown = options.programIds.filter((id) => !compiled.byId.has(id));
  if (unknown.length) throw new EngineError('not-found', `unknown program id(s): ${unknown.join(', ')}`, 'programIds');
  const wanted = new Set(options.programIds);
  return compiled.programs.filter((p) => wanted.has(p.program.id) && isInForce(p.program, options.asOf));
}

/** The report of the profile whose answers the catalog's machine has just loaded. */
function evaluateLoaded(compiled: CompiledCatalog, profile: Profile, options: CheckOptions, programs: CompiledProgram[]): EligibilityReport {
  if (options.detail === 'status') return withPaths(compiled, statusReport(compiled, options, programs), profile, options);
  if (options.paths) return withPaths(compiled, fullReport(compiled, options, programs), profile, options);
  return fullReport(compiled, options, programs);
}

/** The eligibility report of one profile (checked again as it is read: a profile that does not fit is refused). */
export function evaluateProfile(compiled: CompiledCatalog, profile: Profile, options: CheckOptions, programs = selectPrograms(compiled, options)): EligibilityReport {
  loadProfile(compiled, profile, ['profile']);
  return evaluateLoaded(compiled, profile, options, programs);
}

function fullReport(compiled: CompiledCatalog, options: CheckOptions, programs: CompiledProgram[]): EligibilityReport {
  const { machine, results } = compiled;
  const { asOf } = options;
  // Every program decided in one pass, then the results placed: eligible first, then undetermined, then
  // ineligible, each in catalog order. A program decided by a few small answers alone (machine.ts, keys) has its
  // result made once per key, frozen and shared; any other builds its trace.
  let nPass = 0, nUnknown = 0;
  for (let i = 0; i < programs.length; i++) {
    const p = programs[i]!;
    const k = machine.key(p.index);
    let result = k >= 0 ? p.shared?.[k] : undefined;
    if (result === undefined) {
      result = programResult(p.program.id, machine.trace(p.index, asOf), machine.traceStatus());
      if (k >= 0) {
        if (!p.shared) p.shared = new Array(machine.keySize(p.index));
        Object.freeze(result.missingFacts);
        p.shared[k] = Object.freeze(result);
      }
    }
    const st = result.status;
    results[i] = result;
    if (st === 'eligible') nPass++;
    else if (st === 'undetermined') nUnknown++;
  }
  const placed = new Array<ProgramResult>(programs.length);
  let e = 0, u = nPass, f = nPass + nUnknown;
  let counts: Map<string, number> | undefined;
  for (let i = 0; i < programs.length; i++) {
    const result = results[i]!;
    const st = result.status;
    if (st === 'eligible') placed[e++] = result;
    else if (st === 'ineligible') placed[f++] = result;
    else {
      placed[u++] = result;
      counts ??= new Map();
      for (const fact of result.missingFacts) counts.set(fact, (counts.get(fact) ?? 0) + 1);
    }
  }
  const nextQuestions = counts
    ? [...counts.keys()].sort((a, b) => counts!.get(b)! - counts!.get(a)! || compiled.factOrder.get(a)! - compiled.factOrder.get(b)!)
    : [];
  return { asOf, catalogVersion: compiled.catalog.version, results: placed, nextQuestions };
}

function programResult(programId: string, trace: TraceNode, s: number): ProgramResult {
  if (s === PASS) return { programId, status: 'eligible', missingFacts: NOTHING_MISSING, trace };
  if (s === FAIL) return { programId, status: 'ineligible', missingFacts: NOTHING_MISSING, trace };
  return { programId, status: 'undetermined', missingFacts: missingFacts(trace), trace };
}

/** Validates then evaluates one profile. */
export function checkEligibility(compiled: CompiledCatalog, profile: Profile, options: CheckOptions): EligibilityReport {
  const programs = selectPrograms(compiled, options);
  loadProfile(compiled, profile, ['profile']);
  return evaluateLoaded(compiled, profile, options, programs);
}

/** One profile at a time with the programs chosen once: validation (naming `profiles.<index>`) and evaluation. */
export function createScreener(compiled: CompiledCatalog, options: CheckOptions): (profile: Profile, index: number) => EligibilityReport {
  const programs = selectPrograms(compiled, options);
  return (profile, index) => {
    if (typeof profile !== 'object' || profile === null || Array.isArray(profile)) {
      throw new EngineError('invalid-data', 'a profile is an object of answers', `profiles.${index}`, [{ code: 'invalid_type', expected: 'object', path: ['profiles', index], message: 'expected an object' } as never]);
    }
    loadProfile(compiled, profile, ['profiles', index]);
    return evaluateLoaded(compiled, profile, options, programs);
  };
}

/** Screens a portfolio with the same semantics; profile errors name their position (`profiles.3.revenue`). */
export function checkMany(compiled: CompiledCatalog, profiles: Profile[], options: CheckOptions): EligibilityReport[] {
  profiles.forEach((profile, i) => loadProfile(compiled, profile, ['profiles', i]));
  const programs = selectPrograms(compiled, options);
  return profiles.map((profile, i) => {
    loadProfile(compiled, profile, ['profiles', i]);
    return evaluateLoaded(compiled, profile, options, programs);
  });
}
