// npm run bench:screening — 1,000,000 enterprise profiles (10% of answers "don't know") against the bundled
// catalog, side by side: the compiled SQL in embedded DuckDB, and the engine through the SDK's streaming
// checkMany (status-only and full reports). Profiles are generated inside DuckDB from a seeded hash, then read
// into JavaScript in chunks for the engine (reading is not timed; screening is). Both must agree on a sample.
// BENCH_PROFILES overrides the count. Beside the compiled query runs a floor query of the same shape (the id and
// one status column per program, of the same type), each status decided by one NULL test of one column: what
// reading the table and writing the answer cost before any rule is applied. Query runs alternate (load on this
// shared machine hits both alike); medians of wall clock and of CPU time.
import { DuckDBInstance } from '@duckdb/node-api';
import type { Catalog, FactDef, Profile } from '../src/contract/index.js';
import catalogJson from '../src/data/catalog/catalog.json' with { type: 'json' };
import { regions } from '../src/data/regions/index.js';
import { compileScreening, columnType, quoteIdent, statusLiterals } from '../src/screening/compile.js';
import { loadavg } from 'node:os';
import { createLocalClient } from '../src/sdk/index.js';
import { fmt, median } from './median.js';

const COUNT = Number(process.env.BENCH_PROFILES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CHUNK = 50_000;
const AS_OF = '2026-06-01';
const catalog = catalogJson as unknown as Catalog;
const cities = regions.flatMap((r) => (r.cities.length ? r.cities.map((c) => c.adcode) : [r.adcode]));
const id = (s: string) => quoteIdent(s, 'duckdb');
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** A seeded value per row and fact, 10% NULL ("don't know" and unanswered are both NULL in SQL). */
function generator(fact: string, def: FactDef): string {
  // One string per row and fact: DuckDB's multi-argument hash leaves low bits correlated across facts.
  const h = `hash(CAST(i AS VARCHAR) || ${lit(`:${fact}`)})`;
  const pick = (xs: string[]) => `[${xs.map(lit).join(', ')}][1 + CAST((${h} >> 8) % ${xs.length} AS INTEGER)]`;
  let v: string;
  switch (def.type) {
    case 'boolean': v = `((${h} >> 8) % 2 = 0)`; break;
    case 'enum': v = def.options!.some((o) => o.value === 'enterprise') ? `CASE WHEN (${h} >> 20) % 10 < 7 THEN 'enterprise' ELSE ${pick(def.options!.map((o) => o.value))} END` : pick(def.options!.map((o) => o.value)); break;
    case 'enum-set': v = `list_filter(${`[${def.options!.map((o) => lit(o.value)).join(', ')}]`}, x -> hash(CAST(i AS VARCHAR) || ${lit(`:${fact}:`)} || x) % 10 < 3)`; break;
    case 'integer': { const min = def.min ?? 0, max = Math.min(def.max ?? 200, min + 200); v = `CAST(${min} + (${h} >> 8) % ${max - min + 1} AS BIGINT)`; break; }
    case 'number': { const min = def.min ?? 0, max = Math.min(def.max ?? 100, min + 2000); v = `round(${min} + ((${h} >> 8) % 1000000) / 1000000.0 * ${max - min}, 2)`; break; }
    case 'date': v = `DATE '2014-01-01' + CAST((${h} >> 8) % 4380 AS INTEGER)`; break;
    case 'region': v = pick(cities); break;
    case 'string': v = `'s' || CAST((${h} >> 8) % 100 AS VARCHAR)`; break;
  }
  return `CASE WHEN ${h} % 10 = 0 THEN NULL ELSE CAST(${v} AS ${columnType(def, 'duckdb')}) END AS ${id(fact)}`;
}

const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
const facts = Object.entries(catalog.facts);
let t = performance.now();
await conn.run(`CREATE TABLE profiles AS SELECT i, ${facts.map(([f, d]) => generator(f, d)).join(', ')} FROM range(${COUNT}) r(i)`);
const generateMs = performance.now() - t;
const threads = Number((await conn.runAndReadAll(`SELECT current_setting('threads') AS t`)).getRowObjects()[0]!.t);

// DuckDB: the one compiled query over the whole table, materialized (every status of every row), and the floor.
const { sql, programs } = compileScreening(catalog, { dialect: 'duckdb', table: 'profiles', asOf: AS_OF, select: ['i'] });
const [yes, no, unknown] = statusLiterals('duckdb');
const firstFact = (c: Catalog['programs'][number]['criteria']): string => ('all' in c ? firstFact(c.all[0]!) : 'any' in c ? firstFact(c.any[0]!) : 'not' in c ? firstFact(c.not) : c.fact);
const floorSql = `SELECT i, ${programs.map((p) => `CASE ${id(firstFact(catalog.programs.find((x) => x.id === p)!.criteria))} IS NULL WHEN TRUE THEN ${yes} WHEN FALSE THEN ${no} ELSE ${unknown} END AS ${id(p)}`).join(', ')} FROM profiles`;
const loadBefore = loadavg();
const duckTimes: number[] = [], duckCpu: number[] = [], floorTimes: number[] = [], floorCpu: number[] = [];
for (let r = 0; r < RUNS; r++) {
  for (const [query, times, cpus] of [[sql, duckTimes, duckCpu], [floorSql, floorTimes, floorCpu]] as const) {
    await conn.run('DROP TABLE IF EXISTS screened');
    const cpu = process.cpuUsage();
    t = performance.now();
    await conn.run(`CREATE TABLE screened AS ${query}`);
    times.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
}
await conn.run('DROP TABLE IF EXISTS screened');
await conn.run(`CREATE TABLE screened AS ${sql}`);
const duckMs = median(duckTimes);

// The engine through the SDK: chunks read from DuckDB (untimed), screened with the streaming checkMany (timed).
const client = createLocalClient({ catalog });
const select = facts.map(([f, d]) => (d.type === 'integer' ? `CAST(${id(f)} AS INTEGER) AS ${id(f)}` : d.type === 'date' ? `CAST(${id(f)} AS VARCHAR) AS ${id(f)}` : id(f))).join(', ');
const statusCols = programs.map(id).join(', ');
let statusMs = 0, fullMs = 0, compared = 0, disagreements = 0;
const FULL_LIMIT = Math.min(COUNT, 200_000);
for (let start = 0; start < COUNT; start += CHUNK) {
  const reader = await conn.runAndReadAll(`SELECT ${select} FROM profiles WHERE i >= ${start} AND i < ${start + CHUNK} ORDER BY i`);
  const profiles = reader.getRowObjectsJson() as unknown as Profile[];
  t = performance.now();
  const statuses: string[][] = [];
  for await (const report of client.eligibility.checkMany(profiles, { asOf: AS_OF, detail: 'status' })) {
    if (start === 0) statuses.push(programs.map((p) => report.results.find((x) => x.programId === p)!.status));
  }
  statusMs += performance.now() - t;
  if (start < FULL_LIMIT) {
    t = performance.now();
    for await (const report of client.eligibility.checkMany(profiles, { asOf: AS_OF })) void report;
    fullMs += performance.now() - t;
  }
  if (start === 0) {
    const sqlRows = (await conn.runAndReadAll(`SELECT ${statusCols} FROM screened WHERE i < ${CHUNK} ORDER BY i`)).getRowObjects();
    sqlRows.forEach((row, i) => {
      programs.forEach((p, k) => { compared++; if (row[p] !== statuses[i]![k]) disagreements++; });
    });
  }
}
const counts = (await conn.runAndReadAll(`SELECT ${programs.map((p, k) => `count_if(${id(p)} = 'eligible') AS e${k}`).join(', ')} FROM screened`)).getRowObjects()[0]!;
conn.closeSync();

const perSecond = (n: number, ms: number) => n / (ms / 1000);
console.log(`population screening: ${fmt(COUNT)} profiles × ${programs.length} programs in force on ${AS_OF} (catalog ${catalog.version}), Node ${process.version}, DuckDB ${threads} threads`);
const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');
console.log(`machine: 2 cores shared with other work (load average ${load(loadBefore)} before the queries, ${load(loadavg())} at the end); medians of ${RUNS} alternating runs, so expect noise.`);
console.log(`profiles generated inside DuckDB in ${fmt(generateMs)} ms (10% of answers NULL)`);
console.log(`DuckDB, compiled SQL (id + every status materialized): median ${fmt(duckMs)} ms of ${RUNS} [${duckTimes.map((x) => fmt(x)).join(', ')}] → ${fmt(perSecond(COUNT, duckMs))} profiles/s (aim ≥ 1,000,000)`);
// On a shared machine wall time includes waiting for a core; CPU time says what the query itself costs.
console.log(`DuckDB CPU time: median ${fmt(median(duckCpu))} ms over its ${threads} threads → ${fmt(COUNT / (median(duckCpu) / 1000 / threads))} profiles/s if it had the ${threads} cores to itself`);
console.log(`floor query (same columns, one NULL test per status): median ${fmt(median(floorTimes))} ms wall [${floorTimes.map((x) => fmt(x)).join(', ')}] → ${fmt(perSecond(COUNT, median(floorTimes)))} profiles/s; CPU ${fmt(median(floorCpu))} ms; the catalog query costs ${fmt(median(duckCpu) / median(floorCpu), 1)}× the floor in CPU, ${fmt(duckMs / median(floorTimes), 1)}× in wall time`);
console.log(`engine via SDK checkMany, detail "status" (streamed in ${CHUNK / 1000}k chunks): ${fmt(statusMs)} ms → ${fmt(perSecond(COUNT, statusMs))} profiles/s`);
console.log(`engine via SDK checkMany, full reports (first ${fmt(FULL_LIMIT)}): ${fmt(fullMs)} ms → ${fmt(perSecond(FULL_LIMIT, fullMs))} profiles/s`);
console.log(`DuckDB is ${fmt(perSecond(COUNT, duckMs) / perSecond(COUNT, statusMs), 1)}× the engine's status-only stream`);
console.log(`agreement on the first ${fmt(Math.min(CHUNK, COUNT))} profiles: ${disagreements === 0 ? `all ${fmt(compared)} statuses identical` : `${disagreements} DISAGREEMENTS of ${fmt(compared)}`}`);
console.log(`eligible counts: ${programs.map((p, k) => `${p} ${fmt(Number(counts[`e${k}`]))}`).join(', ')}`);
if (disagreements) process.exitCode = 1;
