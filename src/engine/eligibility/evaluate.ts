// Evaluation with Kleene three-valued logic (CONTRACT.md, "Semantics"). A catalog is compiled once (machine.ts)
// into closures over the answer vector, so screening a portfolio walks no schema and re-parses no rule per profile.
import type { Catalog, EligibilityReport, EligibilityStatus, Profile, Program, ProgramResult, TraceNode, TraceStatus } from '../../contract/index.js';
import { EngineError } from '../errors.js';
import { assertCatalog } from './catalog.js';
import { compileMachine, type Machine } from './machine.js';
import { compilePathProgram, findPaths, type PathProgram } from './paths.js';
import { FAIL, PASS, UNKNOWN } from './status.js';
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
  /** Where the next result of each status goes while a status-only report is placed (`statusReport`). */
  cursor: Int32Array;
  /** Every program's status from the machine's one-step screen (machine.ts, `screen`), by catalog position. */
  decided: Uint8Array;
  results: ProgramResult[];
  /**
   * Results shared per key (machine.ts, keys), a row per key group made on first use: program i of group g, at key
   * k, has its status at `rows[g][2 * (k * width[g] + column[i])]` and its full result in the next slot. Programs of
   * one group have the same key on every profile, so one profile's results of a group sit side by side: a large
   * catalog reads a few runs of memory per report instead of a scattered slot per program.
   */
  rows: (unknown[] | undefined)[];
  /** Per program, its key group (-1: not keyed) and its place in the group's rows. */
  group: Int32Array;
  column: Int32Array;
  /** Per group, how many programs it holds. */
  width: Int32Array;
  /** Slots the shared results may still take. */
  rowBudget: number;
}

const STATUS_TRACE: Record<number, TraceNode> = {
  [FAIL]: Object.freeze({ status: 'fail' }), [PASS]: Object.freeze({ status: 'pass' }), 2: Object.freeze({ status: 'unknown' }),
};
const STATUS_NAME: Record<number, EligibilityStatus> = { [FAIL]: 'ineligible', [PASS]: 'eligible', 2: 'undetermined' };

/**
 * Checks and compiles a catalog; throws an `invalid-data` EngineError naming every problem. `generateCode`
 * (machine.ts): straight-line code for reading answers and deciding statuses; by default where a server runs.
 */
export function compileCatalog(catalog: Catalog, generateCode?: boolean): CompiledCatalog {
  assertCatalog(catalog);
  const programs: CompiledProgram[] = catalog.programs.map((program, index) => ({
    program, index, paths: undefined,
    statusResults: [FAIL, PASS, 2].map((k) => Object.freeze({ programId: program.id, status: STATUS_NAME[k]!, missingFacts: NOTHING_MISSING, trace: STATUS_TRACE[k]! })),
  }));
  const machine = compileMachine(catalog.programs.map((p) => p.criteria), catalog.facts, generateCode);
  const group = Int32Array.from(programs, (_, i) => machine.keyGroup(i));
  const width = new Int32Array(Math.max(-1, ...group) + 1);
  const column = Int32Array.from(group, (g) => (g < 0 ? -1 : width[g]!++));
  return {
    catalog,
    checks: compileFactChecks(catalog),
    programs,
    byId: new Map(programs.map((p) => [p.program.id, p])),
    factOrder: new Map(Object.keys(catalog.facts).map((f, i) => [f, i])),
    machine,
    scratch: new Uint8Array(programs.length),
    decided: new Uint8Array(programs.length),
    cursor: new Int32Array(3),
    // Stryker disable next-line ArrayDeclaration: every slot is written (0..n-1) before it is read; an array made without a length holds the same
    results: new Array<ProgramResult>(programs.length),
    // Stryker disable next-line ArrayDeclaration: an empty array reads undefined at every index, as the filled one does
    rows: new Array(width.length).fill(undefined),
    group, column, width,
    // Stryker disable next-line MethodExpression,ArithmeticOperator: only how many results are kept (memory and time), not what a report holds
    rowBudget: Math.max(ROW_BUDGET, ROW_SLOTS_PER_PROGRAM * programs.length),
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

/** The programs one report covers, chosen once per screen, laid out flat for the per-profile loops. */
interface Selection {
  programs: CompiledProgram[];
  /** Each one's position in the catalog. */
  index: Int32Array;
  /** Each one's id, read without touching the program (catalog programs differ in shape, so reading `id` from
   * them is a megamorphic load). */
  ids: string[];
  /** Each one's three status-only results (fail, pass, unknown), one after the other. */
  statusResults: ProgramResult[];
}

function selection(programs: CompiledProgram[]): Selection {
  return { programs, index: Int32Array.from(programs, (p) => p.index), ids: programs.map((p) => p.program.id), statusResults: programs.flatMap((p) => p.statusResults) };
}

/**
 * The one rule for where results go in a report: eligible first, then undetermined, then ineligible, each in
 * catalog order. Sets `cursor[s]` to where the first result of status s goes (each placing loop then takes
 * `cursor[s]++`), from the counts of eligible and undetermined results.
 */
function startPlacing(cursor: Int32Array, nPass: number, nUnknown: number): void {
  cursor[PASS] = 0;
  cursor[UNKNOWN] = nPass;
  cursor[FAIL] = nPass + nUnknown;
}

/** The status-only report; `decided`: every program's status already decided, by catalog position. */
function statusReport(compiled: CompiledCatalog, options: CheckOptions, selected: Selection, decided?: Uint8Array): EligibilityReport {
  const { machine, scratch, cursor } = compiled;
  const { index, statusResults } = selected;
  const n = index.length;
  // Counted without branches (fail 0, pass 1, unknown 2: bit 0 is pass, bit 1 unknown): which status a program
  // has is as good as random from one profile to the next, and a branch on it is mispredicted half the time.
  let nPass = 0, nUnknown = 0;
  for (let i = 0; i < n; i++) {
    const s = decided ? decided[index[i]!]! : machine.status(index[i]!, options.asOf);
    scratch[i] = s;
    nPass += s & 1;
    nUnknown += s >> 1;
  }
  startPlacing(cursor, nPass, nUnknown);
  // Stryker disable next-line ArrayDeclaration: every slot 0..n-1 is written before the report is returned; an array made without a length holds the same
  const results = new Array<ProgramResult>(n);
  for (let i = 0; i < n; i++) {
    const s = scratch[i]!;
    const at = cursor[s]!;
    cursor[s] = at + 1;
    results[at] = statusResults[3 * i + s]!;
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
    // The machine's coders and the fact checks agree (test/node/eligibility-generated.test.ts); were they ever not
    // to, the refusal still names each fact the machine refused, never a TypeError (a 500 from the server).
    if (!issues.length) issues = facts.map((f) => ({ code: 'custom', path: [...prefix, f], input: profile[f] }));
  }
  throw new EngineError('invalid-data', 'the profile does not fit the catalog', issues[0]!.path.join('.'), issues);
}

/** Refuses a profile that does not fit the catalog, naming each fact. */
export function assertProfile(compiled: CompiledCatalog, profile: Profile, prefix: (string | number)[] = ['profile']): void {
  loadProfile(compiled, profile, prefix);
}

function selectPrograms(compiled: CompiledCatalog, options: CheckOptions): Selection {
  if (!options.programIds) return selection(compiled.programs.filter((p) => isInForce(p.program, options.asOf)));
  const unknown = options.programIds.filter((id) => !compiled.byId.has(id));
  if (unknown.length) throw new EngineError('not-found', `unknown program id(s): ${unknown.join(', ')}`, 'programIds');
  const wanted = new Set(options.programIds);
  return selection(compiled.programs.filter((p) => wanted.has(p.program.id) && isInForce(p.program, options.asOf)));
}

/** The report of the profile whose answers the catalog's machine has just loaded. */
function evaluateLoaded(compiled: CompiledCatalog, profile: Profile, options: CheckOptions, programs: Selection): EligibilityReport {
  if (options.detail === 'status') return withPaths(compiled, statusReport(compiled, options, programs), profile, options);
  if (options.paths) return withPaths(compiled, fullReport(compiled, options, programs), profile, options);
  return fullReport(compiled, options, programs);
}

/** The eligibility report of one profile (checked again as it is read: a profile that does not fit is refused). */
export function evaluateProfile(compiled: CompiledCatalog, profile: Profile, options: CheckOptions, programs = selectPrograms(compiled, options)): EligibilityReport {
  loadProfile(compiled, profile, ['profile']);
  return evaluateLoaded(compiled, profile, options, programs);
}

function fullReport(compiled: CompiledCatalog, options: CheckOptions, selected: Selection): EligibilityReport {
  const { machine, results, rows, group, column, width } = compiled;
  const { asOf } = options;
  // Every program decided in one pass, then the results placed: eligible first, then undetermined, then
  // ineligible, each in catalog order. A program decided by a few small answers alone (machine.ts, keys) has its
  // result made once per key, frozen and shared; any other builds its trace.
  // A shared result sits beside its status in its group's row (`rows`): one memory read per program, and those of
  // a group side by side, as a large catalog's rows do not stay in the processor's caches.
  const { ids } = selected;
  const n = ids.length;
  const { scratch } = compiled;
  // A decided program that shares no result gets its trace built when first read (the result's `trace` is an
  // accessor), when the report covers many programs: a trace is dearer to build than the accessor is to define
  // once the catalog's nodes no longer stay in the processor's caches; in a short report, traces are built now.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: only when traces are built (now or on first read from a snapshot of the same answers); the report is the same
  const lazy = n > EAGER_PROGRAMS;
  let answers: Answers | undefined;
  let nPass = 0, nUnknown = 0;
  const keys = machine.keys();
  // A large catalog's generated pass decides every program at once, cheaper than asking each of the many programs
  // a report of most of the catalog traces on first read (the machine's closures, past GENERATED_LEAVES).
  const { decideAll } = machine;
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,ArithmeticOperator: only where a status comes from (the generated pass or the closures), which decide alike
  const decided = lazy && decideAll && 2 * n >= compiled.programs.length ? compiled.decided : undefined;
  if (decided) decideAll!(asOf, decided);
  for (let i = 0; i < n; i++) {
    const index = selected.index[i]!;
    const k = keys[index]!;
    let s: number | undefined;
    let result: ProgramResult | undefined;
    const g = group[index]!;
    let at = 0;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: only whether a kept result is reused; a result built again is the same (keys are never negative when kept)
    if (k >= 0) {
      at = 2 * (k * width[g]! + column[index]!);
      const row = rows[g];
      if (row !== undefined && (s = row[at] as number | undefined) !== undefined) result = row[at + 1] as ProgramResult;
    }
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,BooleanLiteral,ArithmeticOperator,BlockStatement: only whether a decided program's trace is built now or on first read (from a snapshot of the same answers); the report is the same
    if (result === undefined && lazy && (k < 0 || (!rows[g] && compiled.rowBudget < rowSize(compiled, index)))) {
      s = decided ? decided[index]! : machine.status(index, asOf);
      // Stryker disable next-line BlockStatement: an emptied block leaves the result to be built now, the same
      if (s !== 2) {
        answers ??= { machine, answers: machine.snapshot(), index: 0, asOf };
        result = lazyResult(ids[i]!, s === PASS ? 'eligible' : 'ineligible', answers, index);
      }
    }
    if (result === undefined) {
      result = programResult(ids[i]!, machine.trace(index, asOf), (s = machine.traceStatus()));
      // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: only whether a result is kept for reuse (a kept result is read only at a key >= 0); the report is the same
      if (k >= 0) {
        let row = rows[g];
        // Stryker disable next-line BooleanLiteral,EqualityOperator,ArithmeticOperator,BlockStatement: only when a row for kept results is made (memory bound); a result built again is the same
        if (!row && compiled.rowBudget >= rowSize(compiled, index)) {
          // Stryker disable next-line AssignmentOperator,ArithmeticOperator: the memory bound's accounting only decides whether results are kept, not what they are
          compiled.rowBudget -= rowSize(compiled, index);
          // Stryker disable next-line ArrayDeclaration: a row made without a length grows to hold the same slots
          row = rows[g] = new Array(rowSize(compiled, index));
        }
        // Stryker disable next-line BlockStatement: an emptied block keeps nothing, and results are built again, the same
        if (row) {
          Object.freeze(result.missingFacts);
          row[at] = s;
          row[at + 1] = Object.freeze(result);
        }
      }
    }
    results[i] = result;
    scratch[i] = s!;
    // Counted without branches, as in status-only reports (fail 0, pass 1, unknown 2).
    nPass += s! & 1;
    nUnknown += s! >> 1;
  }
  // Stryker disable next-line ArrayDeclaration: every slot 0..n-1 is written before the report is returned; an array made without a length holds the same
  const placed = new Array<ProgramResult>(n);
  const { cursor } = compiled;
  startPlacing(cursor, nPass, nUnknown);
  let counts: Map<string, number> | undefined;
  for (let i = 0; i < n; i++) {
    const result = results[i]!;
    const s = scratch[i]!;
    const at = cursor[s]!;
    cursor[s] = at + 1;
    placed[at] = result;
    if (s === UNKNOWN) {
      counts ??= new Map();
      for (const fact of result.missingFacts) counts.set(fact, (counts.get(fact) ?? 0) + 1);
    }
  }
  const nextQuestions = counts
    ? [...counts.keys()].sort((a, b) => counts!.get(b)! - counts!.get(a)! || compiled.factOrder.get(a)! - compiled.factOrder.get(b)!)
    : [];
  return { asOf, catalogVersion: compiled.catalog.version, results: placed, nextQuestions };
}

/** Slots the row of program `index`'s key group takes: two per key and program of the group. */
function rowSize(compiled: CompiledCatalog, index: number): number {
  return 2 * compiled.machine.keySize(index) * compiled.width[compiled.group[index]!]!;
}

/** Reports of up to this many programs build every trace at once (see `fullReport`). */
const EAGER_PROGRAMS = 32;
/**
 * Slots (two per key and program) the shared results of a catalog may take, bounding memory (8 bytes a slot, and
 * the frozen results they hold): 16 MiB of slots, or 8 KiB a program in a larger catalog. A bound that does not
 * grow with the catalog made full reports superlinear: at 7,600 programs the largest key groups no longer fitted,
 * and their programs' traces were built for every profile (README, "Benchmarks").
 */
const ROW_BUDGET = 1 << 21;
const ROW_SLOTS_PER_PROGRAM = 1 << 10;

/** What the lazy traces of one report are built from: a snapshot of its answers, taken once per report. */
interface Answers { machine: Machine; answers: unknown; index: number; asOf: string }

// A decided program's trace is built when first read. `trace` is an own, enumerable accessor (JSON, spread,
// deep equality, zod and structuredClone all see it), and every result shares one getter function, so all of
// them share one hidden class; what the getter needs is kept in private fields stamped on the plain result
// object (a base constructor that returns its argument lets a subclass add private fields to any object).
class Stamp { constructor(o: object) { return o; } }
class LazyTrace extends Stamp {
  #answers: Answers;
  #index: number;
  #trace: TraceNode | undefined = undefined;
  constructor(o: object, answers: Answers, index: number) { super(o); this.#answers = answers; this.#index = index; }
  static read(o: object): TraceNode {
    const self = o as LazyTrace;
    if (self.#trace === undefined) {
      const a = self.#answers;
      self.#trace = a.machine.traceFrom(self.#index, a.asOf, a.answers);
    }
    return self.#trace;
  }
}
function readTrace(this: object): TraceNode { return LazyTrace.read(this); }
/** `Object.prototype.__defineGetter__` (in every browser and Node): an enumerable, configurable getter, defined
 * measurably faster than by `Object.defineProperty`, which first reads a descriptor object. */
type DefinesGetter = { __defineGetter__(key: string, get: () => unknown): void };

function lazyResult(programId: string, status: EligibilityStatus, answers: Answers, index: number): ProgramResult {
  const result = { programId, status, missingFacts: NOTHING_MISSING } as ProgramResult;
  (result as unknown as DefinesGetter).__defineGetter__('trace', readTrace);
  new LazyTrace(result, answers, index);
  return result;
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
  const screen = options.detail === 'status' && !options.paths ? compiled.machine.screen : undefined;
  return (profile, index) => {
    if (typeof profile !== 'object' || profile === null || Array.isArray(profile)) {
      throw new EngineError('invalid-data', 'a profile is an object of answers', `profiles.${index}`, [{ code: 'invalid_type', expected: 'object', path: ['profiles', index], message: 'expected an object' } as never]);
    }
    // Status-only: read, checked and decided in one step where the machine has it; any profile it does not
    // accept at once goes the long way (refused naming its fact, or read answer by answer).
    if (screen && screen(profile, options.asOf, compiled.decided)) return statusReport(compiled, options, programs, compiled.decided);
    loadProfile(compiled, profile, ['profiles', index]);
    return evaluateLoaded(compiled, profile, options, programs);
  };
}

/** Screens a portfolio with the same semantics; profile errors name their position (`profiles.3.revenue`). */
export function checkMany(compiled: CompiledCatalog, profiles: Profile[], options: CheckOptions): EligibilityReport[] {
  profiles.forEach((profile, i) => loadProfile(compiled, profile, ['profiles', i]));
  const programs = selectPrograms(compiled, options);
  return profiles.map((profile, i) => {
    // Stryker disable next-line ArrayDeclaration,StringLiteral: every profile was checked before (first line of checkMany), so this check never refuses and its path prefix is never shown
    loadProfile(compiled, profile, ['profiles', i]);
    return evaluateLoaded(compiled, profile, options, programs);
  });
}
