// `chanrong catalog check | test | diff | schema` (CONTRACT.md, "Catalog authoring (v2)"): the tools a portal
// operator uses to keep a catalog file true. Every finding names its place as a dotted path.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import {
  Catalog, Criterion, DIRECTORY_INDUSTRY_FACT, EligibilityStatus, FactDef, Incubator, Profile, Program, type IssueLike, type Locale, type Source, type TraceNode,
} from '../contract/index.js';
import { issueMessage, issuePath } from '../contract/messages.js';
import { catalogIssues } from '../engine/eligibility/catalog.js';
import { compileCatalog, evaluateProfile, type CompiledCatalog } from '../engine/eligibility/evaluate.js';
import { isInForce } from '../engine/eligibility/programs.js';
import { profileIssues } from '../engine/eligibility/profile.js';
import { asksForHelp } from './args.js';

export const USAGE = `Usage: chanrong catalog <check|test|diff|schema> [options]

  chanrong catalog check FILE [--today YYYY-MM-DD] [--locale en|zh-CN|zh-TW] [--incubators FILE]
      every error by path (exit 1), then warnings: a source without url, reviewedOn missing or older
      than 365 days, a program no profile can make eligible, a declared fact no criterion uses (except
      "${DIRECTORY_INDUSTRY_FACT}", the directory's industry vocabulary); with --incubators (a JSON array of
      Incubator), every entry that breaks the contract or names an industry that is not an option of
      facts.${DIRECTORY_INDUSTRY_FACT} is an error
  chanrong catalog test FILE CASES
      CASES: [{ name, asOf, profile, expect: { programId: "eligible"|"ineligible"|"undetermined"|"not-in-force" } }]
  chanrong catalog diff OLD NEW [--profiles FILE] [--as-of YYYY-MM-DD]
      programs added, removed or changed, facts added, removed or changed (type, bounds, texts, options);
      with --profiles (JSON array or NDJSON), each profile whose
      status for a program changes, from what to what, and why
  chanrong catalog schema [--out FILE]
      the JSON Schema of a catalog file, generated from the contract`;

const DAY_MS = 86_400_000;
const STALE_DAYS = 365;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface Finding { path: string; message: string }

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function readJsonFile(file: string, what: string): { ok: true; value: unknown } | { ok: false; message: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, message: `cannot read ${what} ${file}: ${(error as Error).message}` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `${what} ${file} is not valid JSON: ${(error as Error).message}` };
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// ---------------------------------------------------------------------------------------------------------------
// check

/**
 * Every error of a catalog document, by path: the contract's schema first, then the engine's load-time rules
 * (operators that fit their facts, declared facts, options, duplicate ids, windows). The load-time rules run on
 * every part that passed the schema, so one run names every bad place, not just the first kind of mistake.
 */
export function catalogErrors(doc: unknown, locale: Locale = 'en'): Finding[] {
  const findings: Finding[] = [];
  const parsed = z.safeParse(Catalog, doc, { reportInput: true });
  if (parsed.success) {
    for (const i of catalogIssues(parsed.data)) findings.push({ path: issuePath(i.path), message: i.message ?? '' });
    return findings;
  }
  for (const i of parsed.error.issues) findings.push({ path: issuePath(i.path), message: issueMessage(i as IssueLike, locale) });
  if (!isObject(doc)) return findings;
  // The load-time rules on the parts that are schema-valid; paths stay those of the document.
  const rawFacts = isObject(doc['facts']) ? doc['facts'] : {};
  const facts: Record<string, FactDef> = {};
  const brokenFacts = new Set<string>();
  for (const [id, def] of Object.entries(rawFacts)) {
    const ok = z.safeParse(FactDef, def);
    if (ok.success) facts[id] = ok.data;
    else brokenFacts.add(id);
  }
  const seen = new Set<string>();
  const factFindings = catalogIssues({ version: '-', facts, programs: [] });
  for (const i of factFindings) findings.push({ path: issuePath(i.path), message: i.message ?? '' });
  const programs = Array.isArray(doc['programs']) ? doc['programs'] : [];
  programs.forEach((raw, p) => {
    const ok = z.safeParse(Program, raw);
    let program: Program | undefined = ok.success ? ok.data : undefined;
    if (!program && isObject(raw)) {
      // A program that breaks the schema elsewhere still has its rules checked, through a stand-in.
      const criteria = z.safeParse(Criterion, raw['criteria']);
      if (!criteria.success) return;
      const stand: Record<string, unknown> = { id: typeof raw['id'] === 'string' ? raw['id'] : `#${p}`, kind: 'loan', title: { 'zh-CN': '-' }, sources: [{ title: { 'zh-CN': '-' } }], criteria: criteria.data };
      for (const k of ['validFrom', 'validUntil']) if (typeof raw[k] === 'string' && DATE.test(raw[k] as string)) stand[k] = raw[k];
      program = stand as Program;
    }
    if (!program) return;
    if (seen.has(program.id)) findings.push({ path: `programs.${p}.id`, message: `duplicate program id "${program.id}"` });
    seen.add(program.id);
    for (const i of catalogIssues({ version: '-', facts, programs: [program] })) {
      if (i.path[0] !== 'programs') continue; // fact problems were reported above, once
      // A leaf naming a declared fact whose definition is itself broken is reported once, at the fact.
      const leaf = i.path.at(-1) === 'fact' && /fact "([^"]+)" is not declared/.exec(i.message ?? '');
      if (leaf && brokenFacts.has(leaf[1]!)) continue;
      const path = [...i.path];
      path[1] = p;
      findings.push({ path: issuePath(path), message: i.message ?? '' });
    }
  });
  return findings;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function* walkCriteria(node: Criterion, path: string): Generator<[Criterion, string]> {
  yield [node, path];
  if ('all' in node) for (let i = 0; i < node.all.length; i++) yield* walkCriteria(node.all[i]!, `${path}.all.${i}`);
  else if ('any' in node) for (let i = 0; i < node.any.length; i++) yield* walkCriteria(node.any[i]!, `${path}.any.${i}`);
  else if ('not' in node) yield* walkCriteria(node.not, `${path}.not`);
}

/** The warnings of a valid catalog (CONTRACT.md): sources, review dates, programs nobody can pass, unused facts. */
export function catalogWarnings(catalog: Catalog, asOf: string): Finding[] {
  const warnings: Finding[] = [];
  const sourceWarnings = (source: Source, path: string): void => {
    if (!source.url) warnings.push({ path, message: 'source has no url' });
    if (!source.reviewedOn) warnings.push({ path, message: 'source has no reviewedOn date' });
    else {
      const age = daysBetween(source.reviewedOn, asOf);
      if (age > STALE_DAYS) warnings.push({ path: `${path}.reviewedOn`, message: `reviewed ${age} days ago (${source.reviewedOn}), more than ${STALE_DAYS}` });
    }
  };
  const used = new Set<string>();
  catalog.programs.forEach((program, p) => {
    program.sources.forEach((s, i) => sourceWarnings(s, `programs.${p}.sources.${i}`));
    for (const [node, path] of walkCriteria(program.criteria, `programs.${p}.criteria`)) {
      if (node.source) sourceWarnings(node.source, `${path}.source`);
      if ('fact' in node) used.add(node.fact);
    }
    const verdict = canBeEligible(catalog, program, asOf);
    if (verdict === false) warnings.push({ path: `programs.${p}.criteria`, message: `no profile can make program "${program.id}" eligible` });
  });
  const vocabulary = catalog.facts[DIRECTORY_INDUSTRY_FACT];
  if (vocabulary && (vocabulary.type !== 'enum-set' || !vocabulary.options?.length)) {
    warnings.push({ path: `facts.${DIRECTORY_INDUSTRY_FACT}`, message: `"${DIRECTORY_INDUSTRY_FACT}" is the directory's industry vocabulary and should be an enum-set with options` });
  }
  for (const fact of Object.keys(catalog.facts)) {
    // The directory's vocabulary is used by the incubator directory, not (necessarily) by a criterion.
    if (fact === DIRECTORY_INDUSTRY_FACT) continue;
    if (!used.has(fact)) warnings.push({ path: `facts.${fact}`, message: `fact "${fact}" is declared but no criterion uses it` });
  }
  return warnings;
}

// Satisfiability: a backtracking search over the facts one program names, each over a finite set of values that
// covers every boundary its leaves draw (value, one step either side, options, subsets of the named options).
// Kleene logic is monotone in the answers, so a partial profile that already fails prunes every completion.
const SEARCH_BUDGET = 200_000;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, Math.min(d, 28)));
  return target.toISOString().slice(0, 10);
}

function candidates(def: FactDef, leaves: Criterion[], asOf: string): unknown[] {
  const values = leaves.flatMap((l) => ('fact' in l ? (Array.isArray(l.value) ? l.value : [l.value]) : []));
  const out = new Map<string, unknown>();
  const add = (v: unknown): void => { out.set(JSON.stringify(v), v); };
  switch (def.type) {
    case 'boolean': add(true); add(false); break;
    case 'enum': for (const o of def.options ?? []) add(o.value); break;
    case 'string': for (const v of values) add(v); add('\u0000other'); break;
    case 'enum-set': {
      const named = [...new Set(values.map(String))].slice(0, 12);
      for (let mask = 0; mask < 1 << named.length; mask++) add(named.filter((_, i) => mask & (1 << i)));
      const other = (def.options ?? []).find((o) => !named.includes(o.value));
      if (other) add([other.value]);
      break;
    }
    case 'number': case 'integer': {
      const step = def.type === 'integer' ? 1 : 1e-6;
      const nums = values.filter((v): v is number => typeof v === 'number');
      for (const v of nums) for (const d of [-1, 0, 1]) add(def.type === 'integer' ? Math.round(v) + d : v + d * step * Math.max(1, Math.abs(v)));
      add(def.min ?? 0);
      if (def.max !== undefined) add(def.max);
      for (const [k, v] of [...out]) {
        const n = v as number;
        if ((def.min !== undefined && n < def.min) || (def.max !== undefined && n > def.max)) out.delete(k);
      }
      break;
    }
    case 'date': {
      for (const l of leaves) {
        if (!('fact' in l)) continue;
        if (l.op === 'yearsSinceLte' || l.op === 'yearsSinceGte') {
          const n = l.value as number;
          for (const years of [n, n + 1]) for (const d of [-1, 0, 1]) add(addDays(addYears(asOf, -years), d));
        } else {
          for (const v of Array.isArray(l.value) ? l.value : [l.value]) {
            if (typeof v === 'string' && DATE.test(v)) for (const d of [-1, 0, 1]) add(addDays(v, d));
          }
        }
      }
      add(asOf);
      break;
    }
    case 'region': {
      for (const v of values) {
        const code = String(v);
        add(code);
        add(code.endsWith('0000') ? `${code.slice(0, 2)}9999` : code.endsWith('00') ? `${code.slice(0, 4)}99` : code);
      }
      add('000001');
      break;
    }
  }
  return [...out.values()];
}

/** true: some profile makes the program eligible on a date of its window; false: none can; undefined: search too big. */
export function canBeEligible(catalog: Catalog, program: Program, asOf: string): boolean | undefined {
  let date = asOf;
  if (program.validFrom && date < program.validFrom) date = program.validFrom;
  if (program.validUntil && date > program.validUntil) date = program.validUntil;
  const leavesByFact = new Map<string, Criterion[]>();
  for (const [node] of walkCriteria(program.criteria, '')) {
    if ('fact' in node) leavesByFact.set(node.fact, [...(leavesByFact.get(node.fact) ?? []), node]);
  }
  const facts = [...leavesByFact.keys()];
  const domains = facts.map((f) => candidates(catalog.facts[f]!, leavesByFact.get(f)!, date));
  const compiled = compileCatalog({ version: catalog.version, facts: catalog.facts, programs: [{ ...program, validFrom: undefined, validUntil: undefined } as Program] });
  let budget = SEARCH_BUDGET;
  const profile: Record<string, unknown> = {};
  const status = (): string => evaluateProfile(compiled, profile as Profile, { asOf: date }).results[0]!.status;
  const search = (k: number): boolean | undefined => {
    if (--budget < 0) return undefined;
    const s = status();
    if (s === 'eligible') return true;
    if (s === 'ineligible' || k === facts.length) return false;
    let unsure = false;
    for (const value of domains[k]!) {
      profile[facts[k]!] = value;
      const r = search(k + 1);
      if (r === true) return true;
      if (r === undefined) unsure = true;
      if (budget < 0) break;
    }
    delete profile[facts[k]!];
    return unsure || budget < 0 ? undefined : false;
  };
  return search(0);
}

/**
 * The errors of a directory (a JSON array of Incubator) against a catalog: entries that break the contract, and
 * industries that are not options of the catalog's industry vocabulary fact (CONTRACT.md, "Incubators").
 */
export function directoryErrors(catalog: Catalog, doc: unknown, locale: Locale = 'en'): Finding[] {
  if (!Array.isArray(doc)) return [{ path: 'incubators', message: 'the directory must be a JSON array of incubators' }];
  const findings: Finding[] = [];
  const options = new Set((catalog.facts[DIRECTORY_INDUSTRY_FACT]?.options ?? []).map((o) => o.value));
  const ids = new Set<string>();
  doc.forEach((raw, i) => {
    const parsed = z.safeParse(Incubator, raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) findings.push({ path: issuePath(['incubators', i, ...issue.path]), message: issueMessage(issue as IssueLike, locale) });
      return;
    }
    if (ids.has(parsed.data.id)) findings.push({ path: `incubators.${i}.id`, message: `duplicate incubator id "${parsed.data.id}"` });
    ids.add(parsed.data.id);
    parsed.data.industries.forEach((code, j) => {
      if (!options.has(code)) findings.push({ path: `incubators.${i}.industries.${j}`, message: `industry "${code}" is not an option of facts.${DIRECTORY_INDUSTRY_FACT}` });
    });
  });
  return findings;
}

/** What differs between two definitions of one fact: its type, bounds, texts, and options added, removed or relabelled. */
export function factChanges(a: FactDef, b: FactDef): string[] {
  const out: string[] = [];
  const same = (x: unknown, y: unknown) => JSON.stringify(x ?? null) === JSON.stringify(y ?? null);
  if (a.type !== b.type) out.push(`type ${a.type} → ${b.type}`);
  for (const k of ['min', 'max', 'changeable'] as const) if (!same(a[k], b[k])) out.push(`${k} ${a[k] ?? '(none)'} → ${b[k] ?? '(none)'}`);
  for (const k of ['label', 'help', 'unit'] as const) if (!same(a[k], b[k])) out.push(`${k} text`);
  const oa = new Map((a.options ?? []).map((o) => [o.value, o])), ob = new Map((b.options ?? []).map((o) => [o.value, o]));
  const added = [...ob.keys()].filter((v) => !oa.has(v)), removed = [...oa.keys()].filter((v) => !ob.has(v));
  const relabelled = [...ob.keys()].filter((v) => oa.has(v) && !same(oa.get(v)!.label, ob.get(v)!.label));
  if (added.length) out.push(`options added: ${added.join(', ')}`);
  if (removed.length) out.push(`options removed: ${removed.join(', ')}`);
  if (relabelled.length) out.push(`option labels: ${relabelled.join(', ')}`);
  return out;
}

async function check(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: { today: { type: 'string' }, locale: { type: 'string', default: 'en' }, incubators: { type: 'string' } },
  });
  if (positionals.length !== 1) return usageError('catalog check takes one FILE');
  const asOf = values.today ?? today();
  if (!DATE.test(asOf)) return usageError(`--today must be YYYY-MM-DD, got "${asOf}"`);
  const locale = values.locale as Locale;
  if (!['en', 'zh-CN', 'zh-TW'].includes(locale)) return usageError(`--locale must be en, zh-CN or zh-TW, got "${locale}"`);
  const file = positionals[0]!;
  const read = readJsonFile(file, 'catalog');
  if (!read.ok) {
    console.error(`error: ${read.message}`);
    return 1;
  }
  const errors = catalogErrors(read.value, locale);
  if (errors.length === 0 && values.incubators) {
    const directory = readJsonFile(values.incubators, 'directory');
    if (!directory.ok) {
      console.error(`error: ${directory.message}`);
      return 1;
    }
    errors.push(...directoryErrors(z.parse(Catalog, read.value), directory.value, locale));
  }
  for (const e of errors) console.log(`error   ${e.path || '(document)'}: ${e.message}`);
  let warnings: Finding[] = [];
  if (errors.length === 0) {
    warnings = catalogWarnings(z.parse(Catalog, read.value), asOf);
    for (const w of warnings) console.log(`warning ${w.path}: ${w.message}`);
  }
  console.log(`${file}: ${errors.length} error(s), ${warnings.length} warning(s)${errors.length ? ' (warnings are checked once the errors are fixed)' : ''}`);
  return errors.length ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------------------------
// test

const ExpectedStatus = z.enum(['eligible', 'ineligible', 'undetermined', 'not-in-force']);
const Case = z.object({
  name: z.string().check(z.minLength(1)),
  asOf: z.string().check(z.regex(DATE)),
  profile: z.record(z.string(), z.unknown()),
  expect: z.record(z.string(), ExpectedStatus),
  note: z.optional(z.string()),
});
const Cases = z.array(Case);
type Case = z.infer<typeof Case>;

function loadCatalog(file: string): { ok: true; catalog: Catalog; compiled: CompiledCatalog } | { ok: false } {
  const read = readJsonFile(file, 'catalog');
  if (!read.ok) {
    console.error(`error: ${read.message}`);
    return { ok: false };
  }
  const errors = catalogErrors(read.value);
  if (errors.length) {
    console.error(`error: ${file} is not a valid catalog (chanrong catalog check ${file}):`);
    for (const e of errors) console.error(`  ${e.path}: ${e.message}`);
    return { ok: false };
  }
  const catalog = z.parse(Catalog, read.value);
  return { ok: true, catalog, compiled: compileCatalog(catalog) };
}

/** One case against a compiled catalog: the mismatches, empty when it passes. */
export function runCase(compiled: CompiledCatalog, c: Case): string[] {
  const problems = profileIssues(compiled.checks, c.profile as Profile);
  if (problems.length) return problems.map((i) => `${issuePath(i.path)}: ${issueMessage(i)}`);
  const unknown = Object.keys(c.expect).filter((id) => !compiled.byId.has(id));
  if (unknown.length) return [`unknown program id(s): ${unknown.join(', ')}`];
  const report = evaluateProfile(compiled, c.profile as Profile, { asOf: c.asOf });
  const got = new Map(report.results.map((r) => [r.programId, r]));
  const out: string[] = [];
  for (const [id, want] of Object.entries(c.expect)) {
    const r = got.get(id);
    const status = r ? r.status : 'not-in-force';
    if (status !== want) {
      const why = r && r.status === 'ineligible' ? `; failed: ${failedLeaves(r.trace).join(', ')}` : r && r.missingFacts.length ? `; missing: ${r.missingFacts.join(', ')}` : '';
      out.push(`${id}: expected ${want}, got ${status}${why}`);
    }
  }
  return out;
}

function failedLeaves(trace: TraceNode, into: string[] = [], path = ''): string[] {
  const here = trace.id ?? path;
  if (trace.status !== 'fail') return into;
  if (trace.children) trace.children.forEach((c, i) => failedLeaves(c, into, `${here}/${c.id ?? i}`));
  else into.push(trace.id ?? `${trace.fact} ${trace.op}`);
  return into;
}

async function test(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: {} });
  if (positionals.length !== 2) return usageError('catalog test takes FILE and CASES');
  const loaded = loadCatalog(positionals[0]!);
  if (!loaded.ok) return 1;
  const read = readJsonFile(positionals[1]!, 'cases');
  if (!read.ok) {
    console.error(`error: ${read.message}`);
    return 1;
  }
  const cases = z.safeParse(Cases, read.value, { reportInput: true });
  if (!cases.success) {
    for (const i of cases.error.issues) console.error(`error   ${issuePath(i.path)}: ${issueMessage(i as IssueLike, 'en')}`);
    return 1;
  }
  let passed = 0, failed = 0;
  for (const c of cases.data) {
    const problems = runCase(loaded.compiled, c);
    if (problems.length === 0) {
      passed++;
      console.log(`ok   ${c.name}`);
    } else {
      failed++;
      console.log(`FAIL ${c.name}\n${problems.map((p) => `       ${p}`).join('\n')}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------------------------
// diff

/**
 * A criterion tree flattened by id path: the root is `(root)` whatever its id, a node below it is keyed by its
 * ancestors' ids and its own (its position, `#2`, when it has none): `tech-title/tech-certified`.
 */
export function criteriaByPath(node: Criterion, path = '', into = new Map<string, string>()): Map<string, string> {
  const key = (child: Criterion, i: number): string => `${path ? `${path}/` : ''}${child.id ?? `#${i}`}`;
  const self = path || ROOT;
  if ('all' in node || 'any' in node) {
    const kids = 'all' in node ? node.all : node.any;
    into.set(self, 'all' in node ? 'all' : 'any');
    kids.forEach((c, i) => criteriaByPath(c, key(c, i), into));
  } else if ('not' in node) {
    into.set(self, 'not');
    criteriaByPath(node.not, key(node.not, 0), into);
  } else {
    into.set(self, `${node.fact} ${node.op} ${JSON.stringify(node.value)}`);
  }
  return into;
}

const ROOT = '(root)';
const parentOf = (path: string): string | undefined => (path === ROOT ? undefined : path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : ROOT);

const sourceKey = (s: Source): string => s.title['zh-CN'];
const sourceText = (s: Source): string => JSON.stringify({ date: s.date, clause: s.clause, url: s.url, quote: s.quote, reviewedOn: s.reviewedOn, title: s.title });

/** How one program changed, as lines; empty when it did not. */
export function programChanges(a: Program, b: Program): string[] {
  const lines: string[] = [];
  for (const field of ['kind', 'standing', 'validFrom', 'validUntil'] as const) {
    if (a[field] !== b[field]) lines.push(`${field}: ${a[field] ?? '(none)'} → ${b[field] ?? '(none)'}`);
  }
  for (const field of ['title', 'summary', 'issuer', 'benefit', 'financing'] as const) {
    if (JSON.stringify(a[field]) !== JSON.stringify(b[field])) lines.push(`${field} changed`);
  }
  const ca = criteriaByPath(a.criteria), cb = criteriaByPath(b.criteria);
  for (const [path, rule] of ca) {
    if (!cb.has(path)) lines.push(`criterion ${path} removed (${rule})`);
    else if (cb.get(path) !== rule) lines.push(`criterion ${path}: ${rule} → ${cb.get(path)}`);
  }
  for (const [path, rule] of cb) if (!ca.has(path)) lines.push(`criterion ${path} added (${rule})`);
  const sa = new Map(a.sources.map((s) => [sourceKey(s), s])), sb = new Map(b.sources.map((s) => [sourceKey(s), s]));
  for (const [key, s] of sa) {
    if (!sb.has(key)) lines.push(`source removed: ${key}`);
    else if (sourceText(s) !== sourceText(sb.get(key)!)) lines.push(`source changed: ${key}`);
  }
  for (const key of sb.keys()) if (!sa.has(key)) lines.push(`source added: ${key}`);
  return lines;
}

/** Parses profiles given as a JSON array or as NDJSON (one profile a line). */
export function parseProfiles(text: string): unknown[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    const value = JSON.parse(trimmed) as unknown;
    if (!Array.isArray(value)) throw new Error('expected a JSON array of profiles');
    return value;
  }
  return trimmed.split('\n').filter((l) => l.trim() !== '').map((line, i) => {
    try {
      return JSON.parse(line) as unknown;
    } catch (error) {
      throw new Error(`line ${i + 1}: ${(error as Error).message}`);
    }
  });
}

/** A profile made to fit a catalog: facts it does not declare, or values that no longer fit, become unanswered. */
export function fitProfile(compiled: CompiledCatalog, profile: Profile): { profile: Profile; dropped: string[] } {
  const issues = profileIssues(compiled.checks, profile);
  if (!issues.length) return { profile, dropped: [] };
  const dropped = [...new Set(issues.map((i) => String(i.path[1])))];
  const kept: Profile = {};
  for (const [k, v] of Object.entries(profile)) if (!dropped.includes(k)) kept[k] = v;
  return { profile: kept, dropped };
}

function traceByPath(trace: TraceNode, path = '', into = new Map<string, TraceNode>()): Map<string, TraceNode> {
  into.set(path || ROOT, trace);
  trace.children?.forEach((c, i) => traceByPath(c, `${path ? `${path}/` : ''}${c.id ?? `#${i}`}`, into));
  return into;
}

type Status = EligibilityStatus | 'not-in-force' | 'absent';

/** Why one program's status changed for one profile: the criteria (by id path) or the window that moved it. */
export function explainChange(oldR: { status: Status; trace?: TraceNode }, newR: { status: Status; trace?: TraceNode }, oldP?: Program, newP?: Program): string[] {
  if (!oldP) return ['the program is new'];
  if (!newP) return ['the program was removed'];
  if (oldR.status === 'not-in-force' || newR.status === 'not-in-force') {
    return [`window ${oldP.validFrom ?? '…'}–${oldP.validUntil ?? '…'} → ${newP.validFrom ?? '…'}–${newP.validUntil ?? '…'}`];
  }
  const a = traceByPath(oldR.trace!), b = traceByPath(newR.trace!);
  const rules = (t: TraceNode): string => (t.fact ? `${t.fact} ${t.op} ${JSON.stringify(t.expected)}` : '');
  const reasons: string[] = [];
  for (const [path, t] of b) {
    const before = a.get(path);
    const leaf = !t.children;
    if (!before) {
      // Report a new subtree once, at its top.
      const parent = parentOf(path);
      if ((!parent || a.has(parent)) && t.status !== 'pass') reasons.push(`criterion ${path} added (${t.status}${leaf ? `: ${rules(t)}` : ''})`);
    } else if (leaf && (before.status !== t.status || rules(before) !== rules(t))) {
      reasons.push(`criterion ${path}: ${before.status} → ${t.status}${rules(before) !== rules(t) ? ` (${rules(before)} → ${rules(t)})` : ''}`);
    }
  }
  for (const [path, t] of a) {
    if (b.has(path)) continue;
    const parent = parentOf(path);
    if ((!parent || b.has(parent)) && t.status !== 'pass') reasons.push(`criterion ${path} removed (was ${t.status})`);
  }
  return reasons.length ? reasons : ['the criteria around it changed'];
}

async function diff(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: { profiles: { type: 'string' }, 'as-of': { type: 'string' } },
  });
  if (positionals.length !== 2) return usageError('catalog diff takes OLD and NEW');
  const asOf = values['as-of'] ?? today();
  if (!DATE.test(asOf)) return usageError(`--as-of must be YYYY-MM-DD, got "${asOf}"`);
  const oldC = loadCatalog(positionals[0]!);
  const newC = loadCatalog(positionals[1]!);
  if (!oldC.ok || !newC.ok) return 1;
  const olds = new Map(oldC.catalog.programs.map((p) => [p.id, p]));
  const news = new Map(newC.catalog.programs.map((p) => [p.id, p]));
  console.log(`catalog ${oldC.catalog.version} → ${newC.catalog.version}`);
  let changes = 0;
  for (const id of olds.keys()) if (!news.has(id)) { changes++; console.log(`removed ${id}`); }
  for (const id of news.keys()) if (!olds.has(id)) { changes++; console.log(`added   ${id}`); }
  for (const [id, a] of olds) {
    const b = news.get(id);
    if (!b) continue;
    const lines = programChanges(a, b);
    if (lines.length) {
      changes++;
      console.log(`changed ${id}`);
      for (const l of lines) console.log(`        ${l}`);
    }
  }
  for (const f of Object.keys(oldC.catalog.facts)) if (!(f in newC.catalog.facts)) console.log(`fact removed: ${f}`);
  for (const f of Object.keys(newC.catalog.facts)) if (!(f in oldC.catalog.facts)) console.log(`fact added: ${f}`);
  for (const [f, def] of Object.entries(newC.catalog.facts)) {
    const before = oldC.catalog.facts[f];
    const what = before ? factChanges(before, def) : [];
    if (what.length) console.log(`fact changed: ${f} (${what.join('; ')})`);
  }
  if (!changes) console.log('no program changed');
  if (!values.profiles) return 0;

  const read = (() => { try { return readFileSync(values.profiles, 'utf8'); } catch (e) { return e as Error; } })();
  if (read instanceof Error) {
    console.error(`error: cannot read profiles ${values.profiles}: ${read.message}`);
    return 1;
  }
  let profiles: unknown[];
  try {
    profiles = parseProfiles(read);
  } catch (error) {
    console.error(`error: profiles ${values.profiles}: ${(error as Error).message}`);
    return 1;
  }
  const bad = profiles.findIndex((p) => !z.safeParse(Profile, p).success);
  if (bad >= 0) {
    console.error(`error: profiles.${bad} is not a profile (an object of fact ids to values)`);
    return 1;
  }
  console.log(`\nprofiles (as of ${asOf}):`);
  let moved = 0;
  profiles.forEach((raw, i) => {
    const before = fitProfile(oldC.compiled, raw as Profile);
    const after = fitProfile(newC.compiled, raw as Profile);
    const ro = new Map(evaluateProfile(oldC.compiled, before.profile, { asOf }).results.map((r) => [r.programId, r]));
    const rn = new Map(evaluateProfile(newC.compiled, after.profile, { asOf }).results.map((r) => [r.programId, r]));
    const ids = [...new Set([...olds.keys(), ...news.keys()])];
    const lines: string[] = [];
    for (const id of ids) {
      const oldP = olds.get(id), newP = news.get(id);
      const so: Status = oldP ? (ro.get(id)?.status ?? 'not-in-force') : 'absent';
      const sn: Status = newP ? (rn.get(id)?.status ?? 'not-in-force') : 'absent';
      if (so === sn) continue;
      const why = explainChange({ status: so, trace: ro.get(id)?.trace }, { status: sn, trace: rn.get(id)?.trace }, oldP, newP);
      lines.push(`  ${id}: ${so} → ${sn}; ${why.join('; ')}`);
    }
    if (lines.length) {
      moved++;
      console.log(`profile ${i}`);
      for (const l of lines) console.log(l);
      if (after.dropped.length) console.log(`  (facts the new catalog does not accept, treated as unanswered: ${after.dropped.join(', ')})`);
    }
  });
  console.log(`${moved} of ${profiles.length} profile(s) changed status`);
  return 0;
}

// ---------------------------------------------------------------------------------------------------------------
// schema

/** The JSON Schema of a catalog file, generated from the contract (input shape: what a file may contain). */
export function catalogJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Catalog, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const properties = schema['properties'] as Record<string, unknown>;
  return {
    ...schema,
    title: 'Chanrong program catalog',
    description: 'A catalog of industry–finance programs (CONTRACT.md, "Catalog and eligibility"); generated from the zod contract.',
    properties: { $schema: { type: 'string', description: 'the URL or path of this schema, for editors' }, ...properties },
  };
}

async function schema(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: { out: { type: 'string' } } });
  if (positionals.length) return usageError('catalog schema takes no FILE (use --out FILE)');
  const text = `${JSON.stringify(catalogJsonSchema(), null, 2)}\n`;
  if (values.out) writeFileSync(values.out, text);
  else process.stdout.write(text);
  return 0;
}

// ---------------------------------------------------------------------------------------------------------------

function usageError(message: string): number {
  console.error(`chanrong catalog: ${message}\n\n${USAGE}`);
  return 2;
}

const SUBCOMMANDS: Record<string, (args: string[]) => Promise<number>> = { check, test, diff, schema };

export async function catalog(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    console[sub ? 'log' : 'error'](USAGE);
    return sub ? 0 : 2;
  }
  const run = Object.hasOwn(SUBCOMMANDS, sub) ? SUBCOMMANDS[sub] : undefined;
  if (!run) return usageError(`unknown catalog command: ${sub}`);
  // `chanrong catalog check --help` (any subcommand): the usage, which covers them all.
  if (asksForHelp(rest)) {
    console.log(USAGE);
    return 0;
  }
  try {
    return await run(rest);
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) return usageError((error as Error).message);
    throw error;
  }
}
