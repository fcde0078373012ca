// Evaluation with Kleene three-valued logic (CONTRACT.md, "Semantics"). A catalog is compiled once into
// closures, so screening a portfolio walks no schema and re-parses no rule per profile.
import type {
  Catalog, Criterion, EligibilityReport, EligibilityStatus, FactDef, Leaf, Profile, Program, ProgramResult, TraceNode,
  TraceStatus,
} from '../../contract/index.js';
import { EngineError } from '../errors.js';
import { assertCatalog } from './catalog.js';
import { compilePathProgram, findPaths, type PathProgram } from './paths.js';
import { compileCatalogStatus, leafTest, PASS, FAIL, type CatalogStatus } from './status.js';
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
  /** Status-only results are the same for every profile: one frozen object per status, built on first use. */
  statusResults?: ProgramResult[];
  /** The path search's view of the program, built on first use. */
  paths?: PathProgram;
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
  /** Each selected program's status while one report is assembled (evaluation is synchronous). */
  scratch: Uint8Array;
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
  const programs = catalog.programs.map((program, index) => ({ program, index, evaluate: compileNode(program.criteria, catalog.facts) }));
  const compiledCatalog: CompiledCatalog = {
    catalog,
    checks: compileFactChecks(catalog),
    programs,
    byId: new Map(programs.map((p) => [p.program.id, p])),
    factOrder: new Map(Object.keys(catalog.facts).map((f, i) => [f, i])),
    status: compileCatalogStatus(catalog.programs.map((p) => p.criteria), Object.keys(catalog.facts), catalog.facts),
    factIds: Object.keys(catalog.facts),
    factChecks: [],
    scratch: new Uint8Array(programs.length),
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

/** Decides every selected program on the loaded answers into `compiled.scratch`; returns the count per status. */
function decide(compiled: CompiledCatalog, programs: CompiledProgram[], asOf: string): [number, number, number] {
  const { status } = compiled;
  const scratch = compiled.scratch.length >= programs.length ? compiled.scratch : (compiled.scratch = new Uint8Array(programs.length));
  const counts: [number, number, number] = [0, 0, 0];
  for (let i = 0; i < programs.length; i++) {
    const s = status.program(programs[i]!.index, asOf);
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
    const p = programs[i]!;
    const s = scratch[i]!;
    const shared = p.statusResults ?? (p.statusResults = [FAIL, PASS, 2].map((k) => Object.freeze({ programId: p.program.id, status: STATUS_NAME[k]!, missingFacts: NOTHING_MISSING, trace: STATUS_TRACE[k]! })));
    results[s === PASS ? e++ : s === FAIL ? f++ : u++] = shared[s]!;
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

function profileError(compiled: CompiledCatalog, profile: Profile, prefix: (string | number)[]): EngineError | undefined {
  const issues = profileIssues(compiled.checks, profile, prefix);
  return issues.length ? new EngineError('invalid-data', 'the profile does not fit the catalog', issues[0]!.path.join('.'), issues) : undefined;
}

/** Reads a profile's answers into the catalog's evaluator, refusing one that does not fit, naming each fact. */
function loadProfile(compiled: CompiledCatalog, profile: Profile, prefix: (string | number)[]): void {
  // Fast path: every declared answer checked as it is read, and no other key. Otherwise the full walk of the
  // profile's own keys names each problem (and, finding none, lets the answers already read stand).
  if (compiled.status.loadChecked(profile, compiled.factChecks)) return;
  const error = profileError(compiled, profile, prefix);
  if (error) throw error;
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

/** The report of the profile whose answers the catalog's evaluator has just loaded. */
function evaluateLoaded(compiled: CompiledCatalog, profile: Profile, options: CheckOptions, programs: CompiledProgram[]): EligibilityReport {
  if (options.detail === 'status') return withPaths(compiled, statusReport(compiled, options, programs), profile, options);
  if (options.paths) return withPaths(compiled, fullReport(compiled, profile, options, programs), profile, options);
  return fullReport(compiled, profile, options, programs);
}

/** The eligibility report of one (already validated) profile. */
export function evaluateProfile(compiled: CompiledCatalog, profile: Profile, options: CheckOptions, programs = selectPrograms(compiled, options)): EligibilityReport {
  compiled.status.load(profile);
  return evaluateLoaded(compiled, profile, options, programs);
}

/** The answers as a profile again, from the snapshot vector (declared facts only: nothing else is read). */
function profileOf(factIds: string[], values: unknown[]): Profile {
  const profile: Profile = {};
  for (let i = 0; i < factIds.length; i++) if (values[i] !== undefined) profile[factIds[i]!] = values[i] as Profile[string];
  return profile;
}

/** What the lazy traces of one report are built from: a snapshot of its answers, taken once per report. */
interface Answers { factIds: string[]; values: unknown[]; profile?: Profile; asOf: string }

// A decided program's trace is built when first read. `trace` is an own, enumerable accessor (JSON, spread,
// deep equality, zod and structuredClone all see it), and every result shares one getter function, so all of
// them share one hidden class; what the getter needs is kept in private fields stamped on the plain result
// object (a base constructor that returns its argument lets a subclass add private fields to any object).
class Stamp { constructor(o: object) { return o; } }
class LazyTrace extends Stamp {
  #answers: Answers;
  #evaluate: Evaluate;
  #trace: TraceNode | undefined = undefined;
  constructor(o: object, answers: Answers, evaluate: Evaluate) { super(o); this.#answers = answers; this.#evaluate = evaluate; }
  static read(o: object): TraceNode {
    const self = o as LazyTrace;
    if (self.#trace === undefined) {
      const a = self.#answers;
      self.#trace = self.#evaluate((a.profile ??= profileOf(a.factIds, a.values)), a.asOf);
    }
    return self.#trace;
  }
}
function readTrace(this: object): TraceNode { return LazyTrace.read(this); }
/** `Object.prototype.__defineGetter__` (in every browser and Node): an enumerable, configurable getter, defined
 * measurably faster than by `Object.defineProperty`, which first reads a descriptor object. */
type DefinesGetter = { __defineGetter__(key: string, get: () => unknown): void };

function lazyResult(programId: string, status: EligibilityStatus, evaluate: Evaluate, answers: Answers): ProgramResult {
  const result = { programId, status, missingFacts: NOTHING_MISSING } as ProgramResult;
  (result as unknown as DefinesGetter).__defineGetter__('trace', readTrace);
  new LazyTrace(result, answers, evaluate);
  return result;
}

function fullReport(compiled: CompiledCatalog, profile: Profile, options: CheckOptions, programs: CompiledProgram[]): EligibilityReport {
  const [nFail, nPass, nUnknown] = decide(compiled, programs, options.asOf);
  const { scratch } = compiled;
  const results = new Array<ProgramResult>(programs.length);
  let e = 0, u = nPass, f = nPass + nUnknown;
  void nFail;
  let counts: Map<string, number> | undefined;
  // Statuses come from the allocation-free evaluator; a decided program's trace is built only when read (a
  // report screened and filed by status never pays for it), from a snapshot of the answers, so a caller
  // changing its profile afterwards cannot change a report already given.
  let answers: Answers | undefined;
  for (let i = 0; i < programs.length; i++) {
    const { program, evaluate } = programs[i]!;
    const s = scratch[i]!;
    if (s === 2) {
      const trace = evaluate(profile, options.asOf);
      const missing = missingFacts(trace);
      results[u++] = { programId: program.id, status: 'undetermined', missingFacts: missing, trace };
      counts ??= new Map();
      for (const fact of missing) counts.set(fact, (counts.get(fact) ?? 0) + 1);
    } else {
          answers ??= { factIds: compiled.factIds, values: compiled.status.snapshot(), asOf: options.asOf };
      results[s === PASS ? e++ : f++] = lazyResult(program.id, s === PASS ? 'eligible' : 'ineligible', evaluate, answers);
    }
  }
  const nextQuestions = counts
    ? [...counts.keys()].sort((a, b) => counts!.get(b)! - counts!.get(a)! || compiled.factOrder.get(a)! - compiled.factOrder.get(b)!)
    : [];
  return { asOf: options.asOf, catalogVersion: compiled.catalog.version, results, nextQuestions };
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
  return profiles.map((profile) => evaluateProfile(compiled, profile, options, programs));
}
