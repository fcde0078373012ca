// npm run bench:server — the reference server under load with a 200,000-entry directory: requests per second and
// latency p50/p99 per endpoint (4 concurrent keep-alive clients each), then `/v1/health` latency one request at a
// time: idle (the floor: what the machine alone costs), while four clients query the directory (a mix of views),
// and while four clients ask only distinct, uncacheable views. The same health rows are measured for a peer: the
// same server with its heavy work on the event loop (`workers: 0`), in the same run, rounds interleaved, so machine
// load hits both alike. Each server runs in its own child process (the load generator shares no event loop with
// it); the directory is the seeded synthetic one. Directory views come in two kinds: "repeat" asks the same few views
// again (a portal's opening view), "distinct" asks a new random viewport or search every time (no cache can help).
// BENCH_SERVER_ROOT=/path/to/another/checkout measures that tree's server instead (before/after comparisons).
// Medians over BENCH_ROUNDS rounds; on shared machines say how loaded the machine was (the load average is printed).
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { fmt, median } from './median.js';

const N = Number(process.env.BENCH_POINTS ?? 200_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CLIENTS = 4;
const ROOT = process.env.BENCH_SERVER_ROOT ?? fileURLToPath(new URL('..', import.meta.url));

interface Target { name: string; method?: 'GET' | 'POST'; path: () => string; body?: unknown }

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(42);
/** A random viewport over China at a random zoom: a width that fits the zoom, like a map would ask. */
function randomView(): string {
  const zoom = 3 + Math.floor(random() * 10);
  const w = 360 / 2 ** zoom * 4, h = w * 0.6;
  const lon = 75 + random() * 55, lat = 20 + random() * 30;
  return `/v1/incubators?bbox=${[lon, lat, Math.min(180, lon + w), Math.min(85, lat + h)].map((x) => x.toFixed(4)).join(',')}&zoom=${zoom}`;
}

const profile = { entityType: 'enterprise', enterpriseSize: 'small', certifications: ['high-tech'], region: '440300' };
const loan = { principal: 3_000_000, termMonths: 60, repayment: 'equal-installment', rate: { type: 'lpr', tenor: '5y', spreadBps: 35 }, startDate: '2025-06-15', upfrontFeeRate: 0.005, guaranteeFee: { annualRate: 0.01 } };
const bond = { faceValue: 100_000_000, couponRate: 0.025, termYears: 3, couponsPerYear: 2, issuePrice: 99.5, issueDate: '2025-06-15' };

const TARGETS: Target[] = [
  { name: 'GET /v1/health', path: () => '/v1/health' },
  { name: 'GET /v1/programs', path: () => '/v1/programs?asOf=2026-06-01' },
  { name: 'POST /v1/eligibility', method: 'POST', path: () => '/v1/eligibility', body: { profile, asOf: '2026-06-01' } },
  { name: 'POST /v1/eligibility paths=3', method: 'POST', path: () => '/v1/eligibility', body: { profile, asOf: '2026-06-01', paths: 3 } },
  { name: 'POST /v1/financing/quote (60 mo)', method: 'POST', path: () => '/v1/financing/quote', body: loan },
  { name: 'POST /v1/financing/bond-quote', method: 'POST', path: () => '/v1/financing/bond-quote', body: bond },
  { name: 'GET /v1/incubators world zoom=3 (repeat)', path: () => '/v1/incubators?bbox=73,18,135,54&zoom=3' },
  { name: 'GET /v1/incubators city zoom=11 limit=0 (repeat)', path: () => '/v1/incubators?bbox=113.7,22.4,114.7,22.9&zoom=11&limit=0' },
  { name: 'GET /v1/incubators no zoom limit=500 (repeat)', path: () => '/v1/incubators' },
  { name: 'GET /v1/incubators random views (distinct)', path: randomView },
  { name: 'GET /v1/incubators?q= (distinct)', path: () => `/v1/incubators?q=${encodeURIComponent(String.fromCharCode(0x4e00 + Math.floor(random() * 200)))}&zoom=5` },
  // One of 200 characters (the row above) is soon cached; two of them (40,000 pairs) almost never are: every one a scan.
  { name: 'GET /v1/incubators?q= two chars (distinct, uncached)', path: () => `/v1/incubators?q=${encodeURIComponent(String.fromCharCode(0x4e00 + Math.floor(random() * 200), 0x4e00 + Math.floor(random() * 200)))}&zoom=5` },
  { name: 'GET /v1/regions/stats (repeat)', path: () => '/v1/regions/stats' },
  { name: 'GET /v1/regions/stats?level= (repeat, 4 filters)', path: () => `/v1/regions/stats?level=${['national', 'regional', 'local', 'cluster'][Math.floor(random() * 4)]}` },
];

async function hit(base: string, t: Target): Promise<number> {
  const start = performance.now();
  const res = await fetch(base + t.path(), t.method === 'POST'
    ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(t.body) }
    : {});
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${t.name}: HTTP ${res.status}`);
  return performance.now() - start;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

/** CLIENTS loops on `t` for SECONDS: req/s, p50, p99 (ms). */
async function load(base: string, t: Target): Promise<{ rps: number; p50: number; p99: number }> {
  const times: number[] = [];
  const end = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (performance.now() < end) times.push(await hit(base, t));
  }));
  return { rps: times.length / ((performance.now() - started) / 1000), p50: pct(times, 50), p99: pct(times, 99) };
}

/** /v1/health one request at a time while CLIENTS loop on the directory (a mix of views): p50 and p99 (ms). */
async function healthUnderLoad(base: string, directory: Target[]): Promise<{ p50: number; p99: number; dirRps: number; n: number }> {
  let stop = false;
  let dirCount = 0;
  const started = performance.now();
  const loaders = Array.from({ length: directory.length ? CLIENTS : 0 }, async (_, i) => {
    for (let k = i; !stop; k++) { await hit(base, directory[k % directory.length]!); dirCount++; }
  });
  const health: number[] = [];
  const end = performance.now() + SECONDS * 2 * 1000;
  while (performance.now() < end) health.push(await hit(base, TARGETS[0]!));
  stop = true;
  await Promise.all(loaders);
  return { p50: pct(health, 50), p99: pct(health, 99), dirRps: dirCount / ((performance.now() - started) / 1000), n: health.length };
}

interface Child { url: string; startMs: number; stop(): void }

/** A server in a child process; `workers` is passed to startServer ('default' leaves it out). */
async function startChild(workers: string): Promise<Child> {
  const child = fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, BENCH_SERVER_CHILD: '1', BENCH_WORKERS: workers }, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { url, startMs } = await new Promise<{ url: string; startMs: number }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { url: string; startMs: number }));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, startMs, stop: () => child.send('stop') };
}

async function main(): Promise<void> {
  const load0 = loadavg()[0]!;
  const pooled = await startChild('default');
  const peer = await startChild('0');
  const servers: [string, Child][] = [['worker threads (default)', pooled], ['peer: on the event loop (workers: 0)', peer]];
  // BENCH_NICE=N adds the pool with another thread priority (niceIncrement N) to the health rows.
  if (process.env.BENCH_NICE !== undefined) servers.push([`worker threads, niceIncrement ${process.env.BENCH_NICE}`, await startChild(`nice=${process.env.BENCH_NICE}`)]);
  console.log(`bench:server — ${fmt(N)} directory entries, server at ${ROOT} (${fmt(pooled.startMs)} ms to load and listen; the peer ${fmt(peer.startMs)} ms), ${CLIENTS} clients, ${SECONDS} s per endpoint, median of ${ROUNDS} rounds; load average ${load0.toFixed(1)} at the start`);
  try {
    // Warm up: every endpoint once (first-use index builds are not what a steady server pays per request).
    for (const [, srv] of servers) for (const t of TARGETS) await hit(srv.url, t);
    const widths = [52, 10, 9, 9];
    const line = (cells: string[]) => cells.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' ');
    const tables: [string, Child][] = process.env.BENCH_PEER_TABLE ? servers : [servers[0]!];
    for (const [name, srv] of tables) {
      const rows: string[][] = [];
      for (const t of TARGETS) {
        const runs = [];
        for (let r = 0; r < ROUNDS; r++) runs.push(await load(srv.url, t));
        rows.push([t.name, fmt(median(runs.map((x) => x.rps))), fmt(median(runs.map((x) => x.p50)), 1), fmt(median(runs.map((x) => x.p99)), 1)]);
      }
      console.log(`\n${name}`);
      console.log(line(['endpoint', 'req/s', 'p50 ms', 'p99 ms']));
      for (const r of rows) console.log(line(r));
    }
    const directory = TARGETS.filter((t) => t.name.includes('/v1/incubators') || t.name.includes('/v1/regions'));
    const distinct = directory.filter((t) => t.name.includes('distinct'));
    type Health = Awaited<ReturnType<typeof healthUnderLoad>>;
    const results = servers.map(() => ({ floor: [] as Health[], mixed: [] as Health[], distinct: [] as Health[] }));
    // Rounds interleaved across the two servers: a burst of machine load lands on both, not on one.
    for (let r = 0; r < ROUNDS; r++) {
      for (const [i, [, srv]] of servers.entries()) {
        results[i]!.floor.push(await healthUnderLoad(srv.url, []));
        results[i]!.mixed.push(await healthUnderLoad(srv.url, directory));
        results[i]!.distinct.push(await healthUnderLoad(srv.url, distinct));
      }
    }
    const cell = (xs: Health[], withRps: boolean) =>
      `p50 ${fmt(median(xs.map((x) => x.p50)), 1)} ms, p99 ${fmt(median(xs.map((x) => x.p99)), 1)} ms` + (withRps ? ` (directory ${fmt(median(xs.map((x) => x.dirRps)))} req/s)` : '');
    console.log(`\nGET /v1/health, one request at a time (median of ${ROUNDS} rounds of ${SECONDS * 2} s each):`);
    for (const [i, [name]] of servers.entries()) {
      const res = results[i]!;
      console.log(`  ${name}`);
      console.log(`    idle server (floor):                                   ${cell(res.floor, false)}`);
      console.log(`    while ${CLIENTS} clients query the directory (every row above): ${cell(res.mixed, true)}`);
      console.log(`    while ${CLIENTS} clients ask only distinct, uncacheable views:  ${cell(res.distinct, true)}`);
    }
    console.log(`load average ${loadavg()[0]!.toFixed(1)} at the end (2 cores shared with other work: read p99s relative to the floor)`);
  } finally {
    for (const [, srv] of servers) srv.stop();
  }
}

async function serveChild(): Promise<void> {
  // The server side: the tree under test, 200,000 synthetic entries, no request log.
  const { readFileSync } = await import('node:fs');
  const { startServer } = await import(`${ROOT}/src/server/node.ts`);
  const { syntheticIncubators } = await import(`${ROOT}/src/engine/directory/synthetic.ts`);
  const centers = JSON.parse(readFileSync(`${ROOT}/src/data/geo/centers.json`, 'utf8'));
  const incubators = syntheticIncubators(N, centers, 7);
  const t0 = performance.now();
  const cacheSize = process.env.BENCH_CACHE === undefined ? {} : { answerCacheSize: Number(process.env.BENCH_CACHE) };
  const spec = process.env.BENCH_WORKERS ?? 'default';
  const workers = spec === 'default' ? {} : spec.startsWith('nice=') ? { workers: { niceIncrement: Number(spec.slice(5)) } } : { workers: Number(spec) };
  const server = await startServer({ port: 0, log: false, incubators, maxConnections: 10_000, ...cacheSize, ...workers });
  process.send!({ url: server.url, startMs: performance.now() - t0 });
  process.on('message', () => { void server.close().then(() => process.exit(0)); });
}

if (process.env.BENCH_SERVER_CHILD) await serveChild();
else await main();

