// npm run bench:eligibility — how screening cost grows with the catalog: the bundled 14 programs, and 100 and
// 1,000 (the bundled programs repeated with varied thresholds and lists, bench/scaled-catalog.ts). For each size,
// in one process, medians of repeated runs, profiles per second of:
//   floor          the rules as straight-line JavaScript, one predicate per program (pass/fail only)
//   engine full    the engine's full reports (traces, missingFacts, nextQuestions), profile validation included
//   engine status  `detail: "status"` (statuses only)
//   sdk full/status  the local client's streaming checkMany (`for await`), same two modes
//   json-rules-engine  the same rules (pass/fail per rule), on fewer profiles where it is slow
//   validate only  reading and checking every answer against its FactDef (the machine's `load`), which the
//                  engine must do and the floor does not: printed after the table, with status-only less it
//   page full/status  the engine as a page runs it: closures only, no generated code (strict CSP); printed after
//   floor awaited  the floor behind the thinnest async iterator (one resolved promise per profile): what any
//                  `for await` costs, the fair floor for the SDK's streaming columns; printed after the table
// Every engine must agree with the floor on every profile of a sample. Then memory: a stream of 20,000 profiles ×
// 1,000 programs through the SDK, heap measured while it runs (flat: nothing accumulates).
// Each run is timed twice: wall clock, and this process's CPU time (user + system, GC threads included). On a
// shared, overloaded machine the wall clock mostly measures waiting for a core; CPU time is what the work costs,
// so the table gives rates from median CPU time, and the wall-clock medians after it.
// Each catalog size runs in a process of its own, and "in a page" in another: a deployment holds one catalog and
// runs it one way (generated code in a server, closures in a page), and code every catalog shares (the screener,
// the SDK) would otherwise be timed on feedback from the other sizes and from the other way of running. The
// contestants of one size still share their process and its rounds, so load hits them alike.
import { Engine, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';
import type { Catalog, Criterion, Profile } from '../src/contract/index.js';
import { compileCatalog, createScreener } from '../src/engine/eligibility/evaluate.js';
import { isInForce } from '../src/engine/eligibility/programs.js';
import { wholeYearsBetween, withinRegion } from '../src/engine/eligibility/operators.js';
import { createLocalClient } from '../src/sdk/index.js';
import catalogJson from '../src/data/catalog/catalog.json' with { type: 'json' };
import { generateProfiles } from './profiles.js';
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { collectedAndQuiet, fmt, median } from './median.js';
import { floorPrograms, scaledCatalog } from './scaled-catalog.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const AS_OF = '2026-06-01';
const base = catalogJson as unknown as Catalog;
// BENCH_SIZES=14,1000 measures only those catalog sizes (14, 100 and 1,000 by default); BENCH_SIZES=7600 adds a
// catalog the size of Shanghai's policy platform (7,600+ policies), on request (five to eight minutes). Its rounds are
// 4,000 profiles, so that the untimed first round covers the engine's warm-up at that size (full reports: about
// 5,000 profiles, 5 s, while V8 optimizes the generated functions computing the keys, a few each round of 1,000;
// `node --trace-opt`; README, "Benchmarks").
const ONLY = process.env.BENCH_SIZES?.split(',').map(Number);
const SIZES: Size[] = [
  { programs: 14, profiles: 50_000 * SCALE, peer: 5_000 * SCALE },
  { programs: 100, profiles: 10_000 * SCALE, peer: 1_000 * SCALE },
  { programs: 1000, profiles: 2_000 * SCALE, peer: 100 * SCALE },
  { programs: 7600, profiles: 4_000 * SCALE, peer: 10 * SCALE },
].filter((s) => (ONLY ? ONLY.includes(s.programs) : s.programs <= 1000));
interface Size { programs: number; profiles: number; peer: number }
/** What a child process measures: one size, run as a server runs it or as a page does; or the memory check. */
type Job = { kind: 'server' | 'page'; size: Size } | { kind: 'memory' };
/** What it reports: per contestant, the profiles timed and each run's [wall, CPU] ms. */
interface Measured { programsInForce: number; facts: number; disagreements: number; times: Record<string, { count: number; wall: number[]; cpu: number[] }>; memory?: string }

const OPERATORS: Record<string, string> = {
  eq: 'equal', ne: 'notEqual', lt: 'lessThan', lte: 'lessThanInclusive', gt: 'greaterThan', gte: 'greaterThanInclusive', in: 'in', notIn: 'notIn',
};
function toCondition(node: Criterion): NestedCondition {
  if ('all' in node) return { all: node.all.map(toCondition) };
  if ('any' in node) return { any: node.any.map(toCondition) };
  if ('not' in node) return { not: toCondition(node.not) };
  return { fact: node.fact, operator: OPERATORS[node.op] ?? node.op, value: node.value as never };
}
function peerEngine(catalog: Catalog): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);
  engine.addOperator('between', (a: number, [min, max]: [number, number]) => a >= min && a <= max);
  engine.addOperator('includesAny', (a: unknown, v: string[]) => list(a).some((x) => v.includes(x)));
  engine.addOperator('includesAll', (a: unknown, v: string[]) => v.every((x) => list(a).includes(x)));
  engine.addOperator('excludesAll', (a: unknown, v: string[]) => !list(a).some((x) => v.includes(x)));
  engine.addOperator('withinRegion', (a: string, v: string[]) => v.some((t) => withinRegion(a, t)));
  engine.addOperator('yearsSinceLte', (a: string, v: number) => wholeYearsBetween(a, AS_OF) <= v);
  engine.addOperator('yearsSinceGte', (a: string, v: number) => wholeYearsBetween(a, AS_OF) >= v);
  for (const program of catalog.programs.filter((p) => isInForce(p, AS_OF))) {
    engine.addRule({ conditions: toCondition({ all: [program.criteria] }) as TopLevelCondition, event: { type: program.id } });
  }
  return engine;
}

const eligibleSet = (results: { programId: string; status: string }[]) => results.filter((r) => r.status === 'eligible').map((r) => r.programId).sort().join();
const rate = (count: number, ms: number) => count / (ms / 1000);

/** One run of `fn`: [wall ms, CPU ms], from a collected heap and a quiet process when `--expose-gc` is on. */
async function timed(fn: () => unknown): Promise<[number, number]> {
  await collectedAndQuiet();
  const cpu = process.cpuUsage();
  const start = performance.now();
  await fn();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return [wall, (used.user + used.system) / 1000];
}

/** The thinnest async iterator: each `next()` one resolved promise. */
const awaited = <T>(items: readonly T[]): AsyncIterable<T> => ({
  [Symbol.asyncIterator]: () => { let i = 0; return { next: () => Promise.resolve(i < items.length ? { value: items[i++]!, done: false } : { value: undefined as never, done: true }) }; },
});

/** One size, in this process: every contestant in interleaved rounds, then their agreement with the floor. */
async function measureSize(size: Size, kind: 'server' | 'page'): Promise<Measured> {
  const catalog = size.programs === base.programs.length ? base : scaledCatalog(base, size.programs);
  const profiles = generateProfiles(catalog, size.profiles);
  const floor = floorPrograms(catalog, AS_OF, (p) => isInForce(p, AS_OF));
  const floorScreen = (p: Profile) => {
    const out = new Array<{ programId: string; status: string }>(floor.length);
    for (let i = 0; i < floor.length; i++) out[i] = { programId: floor[i]!.id, status: floor[i]!.test(p) ? 'eligible' : 'ineligible' };
    return out;
  };
  // A page never generates code (strict CSP); a server does where the runtime allows it.
  const compiled = compileCatalog(catalog, kind === 'server' ? undefined : false);
  const full = createScreener(compiled, { asOf: AS_OF });
  const status = createScreener(compiled, { asOf: AS_OF, detail: 'status' });
  const floorRun: [string, number, () => unknown] = ['floor', profiles.length, () => { let n = 0; for (const p of profiles) n += floorScreen(p).length; return n; }];
  const engineRuns: [string, number, () => unknown][] = [
    ['engine full', profiles.length, () => { let n = 0; profiles.forEach((p, i) => { n += full(p, i).results.length; }); return n; }],
    ['engine status', profiles.length, () => { let n = 0; profiles.forEach((p, i) => { n += status(p, i).results.length; }); return n; }],
  ];
  const agreeing: ((p: Profile, i: number) => Promise<string> | string)[] = [(p, i) => eligibleSet(full(p, i).results), (p, i) => eligibleSet(status(p, i).results)];
  const measures = [floorRun, ...engineRuns];
  let client: ReturnType<typeof createLocalClient> | undefined;
  if (kind === 'server') {
    client = createLocalClient({ catalog });
    const peer = peerEngine(catalog);
    const peerProfiles = profiles.slice(0, size.peer);
    const sdk = async (detail: 'full' | 'status') => { let n = 0; for await (const r of client!.eligibility.checkMany(profiles, { asOf: AS_OF, detail })) n += r.results.length; return n; };
    measures.push(
      ['sdk full', profiles.length, () => sdk('full')],
      ['sdk status', profiles.length, () => sdk('status')],
      ['json-rules-engine', peerProfiles.length, async () => { for (const p of peerProfiles) await peer.run(p as Record<string, unknown>); }],
      ['validate only', profiles.length, () => { let n = 0; for (const p of profiles) if (compiled.machine.load(p)) n++; if (n !== profiles.length) throw new Error('a bench profile was refused'); return n; }],
      ['floor awaited', profiles.length, async () => { let n = 0; for await (const p of awaited(profiles)) n += floorScreen(p).length; return n; }],
    );
    agreeing.push(async (p) => (await peer.run(p as Record<string, unknown>)).events.map((e) => e.type).sort().join());
  }
  const times: Measured['times'] = Object.fromEntries(measures.map(([name, count]) => [name, { count, wall: [], cpu: [] }]));
  // One untimed round first: V8 compiles hot code on a helper thread, whose CPU time would otherwise be billed to
  // the first rounds (at 1,000 programs the floor alone is a thousand functions to optimize).
  for (const [name, , fn] of measures) if (name !== 'json-rules-engine') await fn();
  // Interleaved rounds: load on this shared machine hits every contestant alike.
  for (let r = 0; r < RUNS; r++) {
    for (const [name, , fn] of measures) {
      if (name === 'json-rules-engine' && r >= Math.min(RUNS, 3)) continue;
      const [wall, cpu] = await timed(fn);
      times[name]!.wall.push(wall);
      times[name]!.cpu.push(cpu);
    }
  }
  // Agreement: a fast wrong answer is worth nothing. Reports are compared as they stream and none is kept: keeping a
  // thousand (the awaited form of checkMany) makes V8 allocate later reports in its old generation (allocation-site
  // pretenuring), which later rounds would time instead of the screening (README, "Benchmarks", says by how much).
  let disagreements = 0;
  const sample = profiles.slice(0, Math.min(size.peer, 1000));
  for (const [i, p] of sample.entries()) {
    const want = eligibleSet(floorScreen(p));
    for (const got of agreeing) if ((await got(p, i)) !== want) disagreements++;
  }
  if (client) {
    let k = 0;
    for await (const r of client.eligibility.checkMany(sample, { asOf: AS_OF })) if (eligibleSet(r.results) !== eligibleSet(floorScreen(sample[k++]!))) disagreements++;
    if (k !== sample.length) disagreements++;
  }
  const programsInForce = compiled.programs.filter((p) => isInForce(p.program, AS_OF)).length;
  return { programsInForce, facts: Object.keys(profiles[0]!).length, disagreements, times };
}

/** Memory: a stream of 20,000 profiles × 1,000 programs through the SDK; the heap is sampled while it runs. */
async function measureMemory(): Promise<Measured> {
  const catalog = scaledCatalog(base, 1000);
  const client = createLocalClient({ catalog });
  const COUNT = 20_000 * SCALE;
  const seedProfiles = generateProfiles(catalog, 500);
  function* stream() { for (let i = 0; i < COUNT; i++) yield seedProfiles[i % seedProfiles.length]!; }
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before, n = 0;
  for await (const report of client.eligibility.checkMany(stream(), { asOf: AS_OF })) {
    n += report.results.length > 0 ? 1 : 0;
    if (n % 2000 === 0) { gc?.(); peak = Math.max(peak, process.memoryUsage().heapUsed); }
  }
  const memory = `${fmt(COUNT)} profiles × 1,000 programs streamed through the SDK's checkMany: heap ${fmt(before / 2 ** 20, 1)} MiB before, at most ${fmt(peak / 2 ** 20, 1)} MiB while streaming (after GC)`;
  return { programsInForce: 0, facts: 0, disagreements: 0, times: {}, memory };
}

/** Runs `job` in a child process (this script, the same Node flags) and returns what it measured. */
function inChild(job: Job): Measured {
  const out = execFileSync(process.execPath, [...process.execArgv, process.argv[1]!, '--child', JSON.stringify(job)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 2 ** 24 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Measured;
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) {
  const job = JSON.parse(process.argv[childAt + 1]!) as Job;
  const measured = job.kind === 'memory' ? await measureMemory() : await measureSize(job.size, job.kind);
  process.stdout.write(`${JSON.stringify(measured)}\n`);
} else {
  const loadBefore = loadavg();
  const rows: string[][] = [];
  const wallRows: string[][] = [];
  const perProfile: string[] = [];
  let disagreements = 0;
  const TABLE = ['floor', 'engine full', 'engine status', 'sdk full', 'sdk status', 'json-rules-engine'];
  for (const size of SIZES) {
    const server = inChild({ kind: 'server', size });
    const page = inChild({ kind: 'page', size });
    disagreements += server.disagreements + page.disagreements;
    for (const [clock, into] of [['cpu', rows], ['wall', wallRows]] as const) {
      const perSecond = (m: Measured, name: string) => rate(m.times[name]!.count, median(m.times[name]![clock]));
      const floorRate = perSecond(server, 'floor');
      into.push([
        `${fmt(size.programs)} (${server.programsInForce} in force)`, fmt(size.profiles),
        ...TABLE.map((name) => `${fmt(perSecond(server, name))}${name === 'floor' ? '' : ` (${fmt(floorRate / perSecond(server, name), 2)}×)`}`),
      ]);
    }
    // Per profile, by CPU time: where status-only's time goes (the answers' validation, which the floor skips),
    // a page against its own process's floor, and the SDK against the floor behind `for await`.
    const us = (m: Measured, name: string) => (median(m.times[name]!.cpu) * 1000) / m.times[name]!.count;
    const x = (m: Measured, name: string, floor = 'floor') => `${fmt(us(m, name) / us(m, floor), 2)}×`;
    const s = (name: string) => us(server, name);
    perProfile.push(`${fmt(size.programs)} programs: floor ${fmt(s('floor'), 3)} µs, status-only ${fmt(s('engine status'), 3)} µs, of which validating the ${server.facts} answers ${fmt(s('validate only'), 3)} µs; status-only less validation ${fmt((s('engine status') - s('validate only')) / s('floor'), 2)}× the floor, full less validation ${fmt((s('engine full') - s('validate only')) / s('floor'), 2)}×`);
    perProfile.push(`${fmt(size.programs)} programs in a page (closures, no generated code; a process of its own, floor ${fmt(us(page, 'floor'), 3)} µs): full ${x(page, 'engine full')}, status-only ${x(page, 'engine status')} its floor`);
    perProfile.push(`${fmt(size.programs)} programs through \`for await\`: the floor behind a bare async iterator ${fmt(s('floor awaited'), 3)} µs (${x(server, 'floor awaited')} the floor); against it, sdk full ${x(server, 'sdk full', 'floor awaited')}, sdk status ${x(server, 'sdk status', 'floor awaited')}`);
  }
  const memory = inChild({ kind: 'memory' }).memory!;

  const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');
  console.log(`eligibility screening, Node ${process.version}, ${RUNS} interleaved runs, medians; profiles/s (× slower than the floor)`);
  console.log(`machine: 2 cores shared with other work; load average ${load(loadBefore)} before, ${load(loadavg())} after; every contestant of a size ran in the same rounds, each size in a process of its own.`);
  const header = ['programs', 'profiles', ...TABLE];
  const table = (title: string, body: string[][]) => {
    console.log(title);
    const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
    console.log(header.map((h, i) => h.padEnd(widths[i]!)).join(' | '));
    for (const r of body) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join(' | '));
  };
  table('by CPU time (what the work costs; the process measuring, GC threads included):', rows);
  table('by wall clock (includes waiting for a core on this shared machine):', wallRows);
  console.log('per profile, by CPU time (medians):');
  for (const line of perProfile) console.log(`  ${line}`);
  console.log(`agreement with the floor on sampled profiles: ${disagreements === 0 ? 'identical eligible sets everywhere' : `${disagreements} DISAGREEMENTS`}`);
  console.log(`memory: ${memory}`);
  if (disagreements) process.exitCode = 1;
}
