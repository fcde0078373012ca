// Evaluation with Kleene three-valued logic (CONTRACT.md, "Semantics"). A catalog is compiled once into
// closures, so screening a portfolio walks no schema and re-parses no rule per profile.
import type {
  Catalog, Criterion, EligibilityReport, EligibilityStatus, FactDef, Leaf, Profile, Program, ProgramResult, TraceNode,
  TraceStatus,
} from '../../contract/index.js';
import { EngineError } from '../errors.js';
import { assertCatalog } from './catalog.js';
import { wholeYearsBetween, withinRegion } from './operators.js';
import { isInForce } from './programs.js';
import { profileIssues } from './profile.js';

type Evaluate = (profile: Profile, asOf: string) => TraceNode;

interface CompiledProgram {
  program: Program;
  index: number;
  evaluate: Evaluate;
}

export interface CompiledCatalog {
  catalog: Catalog;
  programs: CompiledProgram[];
  byId: Map<string, CompiledProgram>;
  /** Fact id → position in the catalog's `facts` declaration, for tie-breaking `nextQuestions`. */
  factOrder: Map<string, number>;
}

function meta(node: Criterion): Pick<TraceNode, 'id' | 'label' | 'source'> {
  const m: Pick<TraceNode, 'id' | 'label' | 'source'> = {};
  if (node.id !== undefined) m.id = node.id;
  if (node.label !== undefined) m.label = node.label;
  if (node.source !== undefined) m.source = node.source;
  return m;
}

/** The test of one leaf on a present, non-null value. */
function compileTest(leaf: Leaf, def: FactDef): (actual: unknown, asOf: string) => boolean {
  const { op, value } = leaf;
  const list = Array.isArray(value) ? (value as (string | number)[]) : [];
  const set = new Set<unknown>(list);
  switch (op) {
    case 'eq': return (a) => a === value;
    case 'ne': return (a) => a !== value;
    case 'lt': return (a) => (a as number | string) < (value as number | string);
    case 'lte': return (a) => (a as number | string) <= (value as number | string);
    case 'gt': return (a) => (a as number | string) > (value as number | string);
    case 'gte': return (a) => (a as number | string) >= (value as number | string);
    case 'between': {
      const [min, max] = list as [number | string, number | string];
      return (a) => (a as number | string) >= min && (a as number | string) <= max;
    }
    case 'in': return (a) => set.has(a);
    case 'notIn': return (a) => !set.has(a);
    case 'includesAny': return (a) => (a as string[]).some((v) => set.has(v));
    case 'includesAll': { const have = (a: unknown) => new Set(a as string[]); return (a) => { const h = have(a); return list.every((v) => h.has(v as string)); }; }
    case 'excludesAll': return (a) => !(a as string[]).some((v) => set.has(v));
    case 'withinRegion': return (a) => list.some((target) => withinRegion(a as string, target as string));
    case 'yearsSinceLte': return (a, asOf) => wholeYearsBetween(a as string, asOf) <= (value as number);
    case 'yearsSinceGte': return (a, asOf) => wholeYearsBetween(a as string, asOf) >= (value as number);
    default: {
      const never: never = op;
      throw new Error(`unknown operator ${String(never)} for ${def.type}`);
    }
  }
}

function compileNode(node: Criterion, facts: Catalog['facts']): Evaluate {
  const m = meta(node);
  if ('all' in node || 'any' in node) {
    const isAll = 'all' in node;
    const children = (isAll ? node.all : node.any).map((c) => compileNode(c, facts));
    const decisive: TraceStatus = isAll ? 'fail' : 'pass';
    const otherwise: TraceStatus = isAll ? 'pass' : 'fail';
    return (profile, asOf) => {
      const traces = children.map((child) => child(profile, asOf));
      let status: TraceStatus = otherwise;
      for (const t of traces) {
        if (t.status === decisive) { status = decisive; break; }
        if (t.status === 'unknown') status = 'unknown';
      }
      return { status, ...m, children: traces };
    };
  }
  if ('not' in node) {
    const child = compileNode(node.not, facts);
    return (profile, asOf) => {
      const t = child(profile, asOf);
      const status: TraceStatus = t.status === 'pass' ? 'fail' : t.status === 'fail' ? 'pass' : 'unknown';
      return { status, ...m, children: [t] };
    };
  }
  const leaf = node;
  const test = compileTest(leaf, facts[leaf.fact]!);
  const base = { ...m, fact: leaf.fact, op: leaf.op, expected: leaf.value };
  return (profile, asOf) => {
    if (!Object.prototype.hasOwnProperty.call(profile, leaf.fact)) return { status: 'unknown', ...base };
    const actual = profile[leaf.fact]!;
    if (actual === null) return { status: 'unknown', ...base, actual: null };
    return { status: test(actual, asOf) ? 'pass' : 'fail', ...base, actual };
  };
}

/** Checks and compiles a catalog; throws an `invalid-data` EngineError naming every problem. */
export function compileCatalog(catalog: Catalog): CompiledCatalog {
  assertCatalog(catalog);
  const programs = catalog.programs.map((program, index) => ({ program, index, evaluate: compileNode(program.criteria, catalog.facts) }));
  return {
    catalog,
    programs,
    byId: new Map(programs.map((p) => [p.program.id, p])),
    factOrder: new Map(Object.keys(catalog.facts).map((f, i) => [f, i])),
  };
}

/** Unanswered facts of the unknown leaves, reached only through unknown nodes, distinct, depth first. */
export function missingFacts(trace: TraceNode, into: string[] = []): string[] {
  if (trace.status !== 'unknown') return into;
  if (trace.children) {
    for (const child of trace.children) missingFacts(child, into);
  } else if (trace.fact !== undefined && !('actual' in trace) && !into.includes(trace.fact)) {
    into.push(trace.fact);
  }
  return into;
}

const STATUS: Record<TraceStatus, EligibilityStatus> = { pass: 'eligible', fail: 'ineligible', unknown: 'undetermined' };
const RANK: Record<EligibilityStatus, number> = { eligible: 0, undetermined: 1, ineligible: 2 };

export interface CheckOptions {
  asOf: string;
  programIds?: string[] | undefined;
}

/** Refuses a profile that does not fit the catalog, naming each fact. */
export function assertProfile(compiled: CompiledCatalog, profile: Profile, prefix: (string | number)[] = ['profile']): void {
  const issues = profileIssues(compiled.catalog, profile, prefix);
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
  const results: (ProgramResult & { index: number })[] = programs.map(({ program, index, evaluate }) => {
    const trace = evaluate(profile, options.asOf);
    return { programId: program.id, status: STATUS[trace.status], missingFacts: trace.status === 'unknown' ? missingFacts(trace) : [], trace, index };
  });
  results.sort((a, b) => RANK[a.status] - RANK[b.status] || a.index - b.index);
  const counts = new Map<string, number>();
  for (const r of results) for (const f of r.missingFacts) counts.set(f, (counts.get(f) ?? 0) + 1);
  const nextQuestions = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || compiled.factOrder.get(a)! - compiled.factOrder.get(b)!);
  return {
    asOf: options.asOf,
    catalogVersion: compiled.catalog.version,
    results: results.map(({ index: _index, ...r }) => r),
    nextQuestions,
  };
}

/** Validates then evaluates one profile. */
export function checkEligibility(compiled: CompiledCatalog, profile: Profile, options: CheckOptions): EligibilityReport {
  assertProfile(compiled, profile);
  return evaluateProfile(compiled, profile, options);
}

/** Screens a portfolio with the same semantics; profile errors name their position (`profiles.3.revenue`). */
export function checkMany(compiled: CompiledCatalog, profiles: Profile[], options: CheckOptions): EligibilityReport[] {
  profiles.forEach((profile, i) => assertProfile(compiled, profile, ['profiles', i]));
  const programs = selectPrograms(compiled, options);
  return profiles.map((profile) => evaluateProfile(compiled, profile, options, programs));
}
