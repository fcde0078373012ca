// Evaluation with Kleene three-valued logic (CONTRACT.md, "Semantics"). A catalog is compiled once into
// closures, so screening a portfolio walks no schema and re-parses no rule per profile.
import type {
  Catalog, Criterion, EligibilityReport, EligibilityStatus, FactDef, Leaf, Profile, Program, ProgramResult, TraceNode,
  TraceStatus,
} from '../../contract/index.js';
import { EngineError } from '../errors.js';
import { assertCatalog } from './catalog.js';
import { compilePathProgram, findPaths, type PathProgram } from './paths.js';
import { compileCatalogStatus, compileStatus, leafTest, PASS, FAIL, type CatalogStatus, type StatusOf } from './status.js';
import { isInForce } from './programs.js';
import { compileFactChecks, profileIssues, type FactCheck } from './profile.js';

type Evaluate = (profile: Profile, asOf: string) => TraceNode;

/** How many distinct subtrees one combinator node keeps for sharing (bounds memory on continuous answers). */
const TRIE_LIMIT = 512;
/** How many distinct answers one leaf keeps shared nodes for. */
const LEAF_LIMIT = 4096;
const NOTHING_MISSING: string[] = Object.freeze([]) as unknown as string[];

interface CompiledProgram {
  program: Program;
  index: number;
  evaluate: Evaluate;
  /** Kleene status only, allocation-free (`detail: "status"`, path search). */
  status: StatusOf;
  /** Status-only results are the same for every profile: one frozen object per status, built on first use. */
  statusResults?: ProgramResult[];
  /** The path search's view of the program, built on first use. */
  paths?: PathProgram;
  /** Results of decided programs, shared by trace identity. */
  decided: Map<TraceNode, ProgramResult>;
}

export interface CompiledCatalog {
  catalog: Catalog;
  checks: Map<string, FactCheck>;
  programs: CompiledProgram[];
  byId: Map<string, CompiledProgram>;
  /** Declared facts in order, and their checks in the same order (the fast path of profile validation). */
  factIds: string[];
  factChecks: FactCheck[];
  /** Status-only evaluation of every program (screening). */
  status: CatalogStatus;
  /** Fact id → position in the catalog's `facts` declaration, for tie-breaking `nextQuestions`. */
  factOrder: Map<string, number>;
}

// Trace nodes are built as object literals of one fixed shape per kind (meta keys may hold undefined, which
// JSON leaves out): far cheaper than spreading optional keys for every node of every profile.
function compileNode(node: Criterion, facts: Catalog['facts']): Evaluate {
  const { id, label, source } = node;
  if ('all' in node || 'any' in node || 'not' in node) {
    const kind = 'all' in node ? 'all' : 'any' in node ? 'any' : 'not';
    const children = (kind === 'all' ? (node as { all: Criterion[] }).all : kind === 'any' ? (node as { any: Criterion[] }).any : [(node as { not: Criterion }).not])
      .map((c) => compileNode(c, facts));
    const n = children.length;
    const combine = (traces: TraceNode[]): TraceStatus => {
      if (kind === 'not') { const c = traces[0]!.status; return c === 'pass' ? 'fail' : c === 'fail' ? 'pass' : 'unknown'; }
      const decisive: TraceStatus = kind === 'all' ? 'fail' : 'pass';
      let status: TraceStatus = kind === 'all' ? 'pass' : 'fail';
      for (const t of traces) {
        if (t.status === decisive) return decisive;
        if (t.status === 'unknown') status = 'unknown';
      }
      return status;
    };
    // When every child is a shared (frozen) node, this node is fully determined by their identities: look it
    // up in a small trie keyed by child identity instead of building it again for every profile.
    const scratch: TraceNode[] = new Array(n);
    const trie = new Map<TraceNode, unknown>();
    let cached = 0;
    return (profile, asOf) => {
      let allShared = true;
      for (let i = 0; i < n; i++) {
        const t = children[i]!(profile, asOf);
        scratch[i] = t;
        if (allShared && !Object.isFrozen(t)) allShared = false;
      }
      if (allShared && n > 0) {
        let level: Map<TraceNode, unknown> | undefined = trie;
        for (let i = 0; i < n - 1 && level; i++) level = level.get(scratch[i]!) as Map<TraceNode, unknown> | undefined;
        const hit = level?.get(scratch[n - 1]!) as TraceNode | undefined;
        if (hit) return hit;
      }
      const traces = scratch.slice();
      const trace: TraceNode = { status: combine(traces), id, label, source, children: traces };
      if (allShared && n > 0 && cached < TRIE_LIMIT) {
        let level = trie;
        for (let i = 0; i < n - 1; i++) {
          let next = level.get(traces[i]!) as Map<TraceNode, unknown> | undefined;
          if (!next) { next = new Map(); level.set(traces[i]!, next); }
          level = next;
        }
        level.set(traces[n - 1]!, Object.freeze(trace));
        Object.freeze(traces);
        cached++;
      }
      return trace;
    };
  }
  const { fact, op, value: expected } = node;
  void facts;
  const test = leafTest(node);
  const unanswered: TraceNode = Object.freeze({ status: 'unknown', id, label, source, fact, op, expected });
  const dontKnow: TraceNode = Object.freeze({ status: 'unknown', id, label, source, fact, op, expected, actual: null });
  // A leaf's trace depends only on the answer (and asOf): for yes/no, option and date answers the same frozen
  // node serves every profile that gave that answer, so a portfolio screen allocates per decision, not per leaf.
  const shared = new Map<unknown, TraceNode>();
  let sharedAsOf = '';
  return (profile, asOf) => {
    // Fact ids never name Object.prototype members (checked on load), so a plain read is safe.
    const actual = profile[fact];
    if (actual === undefined) return unanswered;
    if (actual === null) return dontKnow;
    if (asOf !== sharedAsOf) {
      shared.clear();
      sharedAsOf = asOf;
    }
    // List answers (enum-sets) share nodes too, keyed by their content; the shared node keeps its own frozen
    // copy of the list, so a caller changing its profile later cannot change a report already given.
    const list = Array.isArray(actual);
    const key = list ? `\u0000${(actual as string[]).join('\u0000')}` : actual;
    const hit = shared.get(key);
    if (hit) return hit;
    if (shared.size >= LEAF_LIMIT) return { status: test(actual, asOf) ? 'pass' : 'fail', id, label, source, fact, op, expected, actual };
    const kept = list ? Object.freeze([...(actual as string[])]) as unknown as string[] : actual;
    const trace: TraceNode = Object.freeze({ status: test(kept, asOf) ? 'pass' : 'fail', id, label, source, fact, op, expected, actual: kept });
    shared.set(key, trace);
    return trace;
  };
}

/** Checks and compiles a catalog; throws an `invalid-data` EngineError naming every problem. */
export function compileCatalog(catalog: Catalog): CompiledCatalog {
  assertCatalog(catalog);
  const programs = catalog.programs.map((program, index) => ({ program, index, evaluate: compileNode(program.criteria, catalog.facts), status: compileStatus(program.criteria), decided: new Map() }));
  const compiledCatalog: CompiledCatalog = {
    catalog,
    checks: compileFactChecks(catalog),
    programs,
    byId: new Map(programs.map((p) => [p.program.id, p])),
    factOrder: new Map(Object.keys(catalog.facts).map((f, i) => [f, i])),
    status: compileCatalogStatus(catalog.programs.map((p) => p.criteria), Object.keys(catalog.facts)),
    factIds: Object.keys(catalog.facts),
    factChecks: [],
  };
  compiledCatalog.factChecks = compiledCatalog.factIds.map((f) => compiledCatalog.checks.get(f)!);
  return compiledCatalog;
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

const STATUS_TRACE: Record<number, TraceNode> = {
  [FAIL]: Object.freeze({ status: 'fail' }), [PASS]: Object.freeze({ status: 'pass' }), 2: Object.freeze({ status: 'unknown' }),
};
const STATUS_NAME: Record<number, EligibilityStatus> = { [FAIL]: 'ineligible', [PASS]: 'eligible', 2: 'undetermined' };

function statusReport(compiled: CompiledCatalog, profile: Profile, options: CheckOptions, programs: CompiledProgram[]): EligibilityReport {
  const eligible: ProgramResult[] = [], undetermined: ProgramResult[] = [], ineligible: ProgramResult[] = [];
  const { status } = compiled;
  status.load(profile);
  for (const p of programs) {
    const s = status.program(p.index, options.asOf);
    const shared = (p.statusResults ??= [FAIL, PASS, 2].map((k) => Object.freeze({ programId: p.program.id, status: STATUS_NAME[k]!, missingFacts: NOTHING_MISSING, trace: STATUS_TRACE[k]! })));
    (s === PASS ? eligible : s === FAIL ? ineligible : undetermined).push(shared[s]!);
  }
  return { asOf: options.asOf, catalogVersion: compiled.catalog.version, results: eligible.concat(undetermined, ineligible), nextQuestions: NOTHING_MISSING };
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

/** Refuses a profile that does not fit the catalog, naming each fact. */
export function assertProfile(compiled: CompiledCatalog, profile: Profile, prefix: (string | number)[] = ['profile']): void {
  // Fast path: every declared fact's answer checked in declaration order, and the profile's own keys counted;
  // when all fit and no key is left over there is nothing to report. Otherwise the full walk names each problem.
  const { factIds, factChecks } = compiled;
  let present = 0, fits = true;
  for (let i = 0; i < factIds.length; i++) {
    const v = profile[factIds[i]!];
    if (v === undefined) continue;
    present++;
    if (v !== null && factChecks[i]!(v) !== undefined) { fits = false; break; }
  }
  if (fits) {
    let keys = 0;
    for (const key in profile) if (Object.hasOwn(profile, key)) keys++;
    if (keys === present) return;
  }
  const issues = profileIssues(compiled.checks, profile, prefix);
  if (issues.length) throw new EngineError('invalid-data', 'the profile does not fit the catalog', issues[0]!.path.join('.'), issues);
}

function selectPrograms(compiled: CompiledCatalog, options: CheckOptions): CompiledProgram[] {
  if (!options.programIds) return compiled.programs.filter((p) => isInForce(p.program, options.asOf));
  const unknown = options.programIds.filter((id) => !compiled.byId.has(id));
  if (unknown.length) throw new EngineError('not-found', `unknown program id(s): ${unknown.join(', ')}`, 'programIds');
  const wanted = new Set(options.programIds);
  return compiled.programs.filter((p) => wanted.has(p.program.id) && isInForce(p.program, options.asOf));
}

/** The eligibility report of one (already validated) profile. */
export function evaluateProfile(compiled: CompiledCatalog, profile: Profile, options: CheckOptions, programs = selectPrograms(compiled, options)): EligibilityReport {
  if (options.detail === 'status') return withPaths(compiled, statusReport(compiled, profile, options, programs), profile, options);
  if (options.paths) return withPaths(compiled, fullReport(compiled, profile, options, programs), profile, options);
  return fullReport(compiled, profile, options, programs);
}

/** The answers as a profile again, from the snapshot vector (declared facts only: nothing else is read). */
function profileOf(factIds: string[], values: unknown[]): Profile {
  const profile: Profile = {};
  for (let i = 0; i < factIds.length; i++) if (values[i] !== undefined) profile[factIds[i]!] = values[i] as Profile[string];
  return profile;
}

/** A result whose trace is an own, enumerable getter: built on first read, then kept. */
function lazyResult(programId: string, status: EligibilityStatus, evaluate: Evaluate, snapshot: { factIds: string[]; values: unknown[]; profile?: Profile }, asOf: string): ProgramResult {
  let trace: TraceNode | undefined;
  return {
    programId, status, missingFacts: NOTHING_MISSING,
    get trace() { return (trace ??= evaluate((snapshot.profile ??= profileOf(snapshot.factIds, snapshot.values)), asOf)); },
  };
}

function fullReport(compiled: CompiledCatalog, profile: Profile, options: CheckOptions, programs: CompiledProgram[]): EligibilityReport {
  // Programs are in catalog order, so three buckets give "eligible, undetermined, ineligible, then catalog order".
  const eligible: ProgramResult[] = [];
  const undetermined: ProgramResult[] = [];
  const ineligible: ProgramResult[] = [];
  let counts: Map<string, number> | undefined;
  // Statuses come from the allocation-free evaluator; a decided program's trace is built only when read (a
  // report screened and filed by status never pays for it). The trace is built from a snapshot of the answers,
  // so a caller changing its profile afterwards cannot change a report already given.
  const { status } = compiled;
  status.load(profile);
  let snapshot: { factIds: string[]; values: unknown[]; profile?: Profile } | undefined;
  for (const p of programs) {
    const { program, evaluate } = p;
    const s = status.program(p.index, options.asOf);
    if (s === 2) {
      const trace = evaluate(profile, options.asOf);
      const missing = missingFacts(trace);
      undetermined.push({ programId: program.id, status: 'undetermined', missingFacts: missing, trace });
      counts ??= new Map();
      for (const f of missing) counts.set(f, (counts.get(f) ?? 0) + 1);
    } else {
      snapshot ??= { factIds: compiled.factIds, values: status.snapshot() };
      (s === PASS ? eligible : ineligible).push(lazyResult(program.id, s === PASS ? 'eligible' : 'ineligible', evaluate, snapshot, options.asOf));
    }
  }
  const nextQuestions = counts
    ? [...counts.keys()].sort((a, b) => counts!.get(b)! - counts!.get(a)! || compiled.factOrder.get(a)! - compiled.factOrder.get(b)!)
    : [];
  return { asOf: options.asOf, catalogVersion: compiled.catalog.version, results: eligible.concat(undetermined, ineligible), nextQuestions };
}

/** Validates then evaluates one profile. */
export function checkEligibility(compiled: CompiledCatalog, profile: Profile, options: CheckOptions): EligibilityReport {
  assertProfile(compiled, profile);
  return evaluateProfile(compiled, profile, options);
}

/** One profile at a time with the programs chosen once: validation (naming `profiles.<index>`) and evaluation. */
export function createScreener(compiled: CompiledCatalog, options: CheckOptions): (profile: Profile, index: number) => EligibilityReport {
  const programs = selectPrograms(compiled, options);
  return (profile, index) => {
    if (typeof profile !== 'object' || profile === null || Array.isArray(profile)) {
      throw new EngineError('invalid-data', 'a profile is an object of answers', `profiles.${index}`, [{ code: 'invalid_type', expected: 'object', path: ['profiles', index], message: 'expected an object' } as never]);
    }
    assertProfile(compiled, profile, ['profiles', index]);
    return evaluateProfile(compiled, profile, options, programs);
  };
}

/** Screens a portfolio with the same semantics; profile errors name their position (`profiles.3.revenue`). */
export function checkMany(compiled: CompiledCatalog, profiles: Profile[], options: CheckOptions): EligibilityReport[] {
  profiles.forEach((profile, i) => assertProfile(compiled, profile, ['profiles', i]));
  const programs = selectPrograms(compiled, options);
  return profiles.map((profile) => evaluateProfile(compiled, profile, options, programs));
}
