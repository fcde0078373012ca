// npm run bench:eligibility — screens 100,000 generated profiles against the bundled catalog with our engine
// and with the same rules expressed in json-rules-engine, in one process, and prints profiles per second for
// both and the ratio (medians of repeated runs). Both must agree on every sampled profile.
import { Engine, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';
import type { Catalog, Criterion, Profile } from '../src/contract/index.js';
import { checkMany, compileCatalog } from '../src/engine/eligibility/evaluate.js';
import { isInForce } from '../src/engine/eligibility/programs.js';
import { wholeYearsBetween, withinRegion } from '../src/engine/eligibility/operators.js';
import catalogJson from '../src/data/catalog/catalog.json' with { type: 'json' };
import { generateProfiles } from './profiles.js';
import { fmt, median, timeRuns } from './median.js';

const COUNT = Number(process.env.BENCH_PROFILES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PEER_RUNS = Number(process.env.BENCH_PEER_RUNS ?? 3);
const AS_OF = '2026-06-01';
const catalog = catalogJson as unknown as Catalog;

// The same rules in json-rules-engine: our operators become its operators one to one.
const OPERATORS: Record<string, string> = {
  eq: 'equal', ne: 'notEqual', lt: 'lessThan', lte: 'lessThanInclusive', gt: 'greaterThan', gte: 'greaterThanInclusive',
  in: 'in', notIn: 'notIn',
};
function toCondition(node: Criterion): NestedCondition {
  if ('all' in node) return { all: node.all.map(toCondition) };
  if ('any' in node) return { any: node.any.map(toCondition) };
  if ('not' in node) return { not: toCondition(node.not) };
  return { fact: node.fact, operator: OPERATORS[node.op] ?? node.op, value: node.value as never };
}
function peerEngine(): Engine {
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

async function peerScreen(engine: Engine, profiles: Profile[]): Promise<string[][]> {
  const out: string[][] = [];
  for (const profile of profiles) {
    const { events } = await engine.run(profile as Record<string, unknown>);
    out.push(events.map((e) => e.type).sort());
  }
  return out;
}

const profiles = generateProfiles(catalog, COUNT);
const compiled = compileCatalog(catalog);
const engine = peerEngine();

// Agreement first: a fast wrong answer is worth nothing.
const SAMPLE = Math.min(5000, COUNT);
const ours = checkMany(compiled, profiles.slice(0, SAMPLE), { asOf: AS_OF }).map((r) => r.results.filter((x) => x.status === 'eligible').map((x) => x.programId).sort());
const theirs = await peerScreen(engine, profiles.slice(0, SAMPLE));
const disagreements = ours.filter((o, i) => o.join() !== theirs[i]!.join()).length;
const eligibleShare = ours.filter((o) => o.length > 0).length / SAMPLE;

const ourTimes = await timeRuns(RUNS, () => checkMany(compiled, profiles, { asOf: AS_OF }));
const peerTimes = await timeRuns(PEER_RUNS, () => peerScreen(engine, profiles));
const ourMs = median(ourTimes);
const peerMs = median(peerTimes);

console.log(`eligibility screening: ${fmt(COUNT)} profiles × ${compiled.programs.filter((p) => isInForce(p.program, AS_OF)).length} programs (catalog ${catalog.version}), Node ${process.version}`);
console.log(`agreement on ${fmt(SAMPLE)} sampled profiles: ${disagreements === 0 ? 'identical eligible sets' : `${disagreements} DISAGREEMENTS`} (${fmt(eligibleShare * 100, 1)}% of profiles eligible somewhere)`);
console.log(`chanrong engine (full reports: traces, missingFacts, nextQuestions): median ${fmt(ourMs)} ms of ${RUNS} runs [${ourTimes.map((t) => fmt(t)).join(', ')}] → ${fmt(COUNT / (ourMs / 1000))} profiles/s`);
console.log(`json-rules-engine ${'7'} (pass/fail per rule only):        median ${fmt(peerMs)} ms of ${PEER_RUNS} runs [${peerTimes.map((t) => fmt(t)).join(', ')}] → ${fmt(COUNT / (peerMs / 1000))} profiles/s`);
console.log(`ratio: chanrong is ${fmt(peerMs / ourMs, 1)}× json-rules-engine (aim: ≥ 20×); 100k profiles in ${fmt(ourMs / 1000 * (100_000 / COUNT), 2)} s (aim: < 2 s)`);
if (disagreements) process.exitCode = 1;
