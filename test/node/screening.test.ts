// Population screening, differential: the compiled SQL run by DuckDB (embedded) and by a real PostgreSQL server
// the test starts must give, on every generated profile (unanswered and "don't know" facts included), the
// status the engine gives, and the status of an evaluator written from CONTRACT.md alone.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Catalog, Profile } from '../../src/contract/index.js';
import { bundledCatalog } from '../../src/data/bundled.js';
import { compileCatalog, evaluateProfile } from '../../src/engine/eligibility/evaluate.js';
import { quoteIdent } from '../../src/screening/compile.js';
import { compileCatalogToSql, compileScreening, columnType } from '../../src/screening/index.js';
import { screenWithDuckDB } from '../../src/screening/duckdb.js';
import { screenWithPostgres } from '../../src/screening/postgres.js';
import { startPostgres, type RunningPostgres } from './pg-harness.js';
import { AS_OF, inForce, oracleProgramStatus, prng, randomCatalog, randomProfile } from './random-catalog.js';

const dir = mkdtempSync(join(tmpdir(), 'chanrong-screen-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Profiles of the bundled catalog with values near every threshold (from the catalog's own constants). */
function bundledProfiles(n: number, seed: number): Profile[] {
  const r = prng(seed);
  const catalog = bundledCatalog;
  const constants = new Map<string, unknown[]>();
  const walk = (c: Catalog['programs'][number]['criteria']): void => {
    if ('all' in c) c.all.forEach(walk); else if ('any' in c) c.any.forEach(walk); else if ('not' in c) walk(c.not);
    else { const list = constants.get(c.fact) ?? []; list.push(...(Array.isArray(c.value) ? c.value : [c.value])); constants.set(c.fact, list); }
  };
  catalog.programs.forEach((p) => walk(p.criteria));
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const value = (fact: string): unknown => {
    const def = catalog.facts[fact]!;
    const cs = constants.get(fact) ?? [];
    switch (def.type) {
      case 'boolean': return r() < 0.5;
      case 'integer': case 'number': {
        const c = (cs.filter((x) => typeof x === 'number') as number[]);
        const base = c.length ? pick(c) : 10;
        const v = pick([base, base - 1, base + 1, base * 2, 0, base - 0.5]);
        const clipped = Math.min(def.max ?? Infinity, Math.max(def.min ?? -Infinity, v));
        return def.type === 'integer' ? Math.round(clipped) : clipped;
      }
      case 'enum': return pick(def.options!).value;
      case 'enum-set': return def.options!.filter(() => r() < 0.3).map((o) => o.value);
      case 'region': return pick([...(cs as string[]), '110101', '320102', '440305', '510104', '330106']);
      case 'date': return pick(['2019-02-28', '2020-03-01', '2021-06-15', '2022-01-01', '2023-11-26', '2024-02-29', '2025-11-26', '2021-11-26', '2021-11-27']);
      case 'string': return pick(['a', 'b']);
    }
  };
  return Array.from({ length: n }, () => {
    const p: Profile = {};
    for (const fact of Object.keys(catalog.facts)) {
      const x = r();
      if (x < 0.1) p[fact] = null;
      else if (x < 0.8) p[fact] = value(fact) as Profile[string];
    }
    return p;
  });
}

function writeNdjson(file: string, profiles: Profile[]): void {
  writeFileSync(file, profiles.map((p, i) => JSON.stringify({ rowId: i, ...p })).join('\n') + '\n');
}

function readNdjson(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Compares screened rows with the engine and the oracle; returns how many statuses were compared. */
function compare(catalog: Catalog, profiles: Profile[], rows: Record<string, unknown>[], asOf: string, label: string): number {
  const compiled = compileCatalog(catalog);
  const programs = catalog.programs.filter((p) => inForce(p, asOf));
  assert.equal(rows.length, profiles.length, `${label}: row count`);
  let n = 0;
  rows.forEach((row, i) => {
    if (Number(row.rowId) !== i) assert.fail(`${label}: rows keep their order (row ${i} is ${String(row.rowId)})`);
    const report = evaluateProfile(compiled, profiles[i]!, { asOf, detail: 'status' });
    const engine = new Map(report.results.map((r) => [r.programId, r.status]));
    assert.equal(engine.size, programs.length);
    for (const p of programs) {
      const oracle = oracleProgramStatus(p.criteria, profiles[i]!, asOf);
      // Messages are built only on a mismatch: 900,000 comparisons must stay cheap.
      if (engine.get(p.id) !== oracle) assert.fail(`${label}: engine ${engine.get(p.id)} vs oracle ${oracle}, row ${i}, ${p.id}: ${JSON.stringify(profiles[i])} ${JSON.stringify(p.criteria)}`);
      if (row[p.id] !== oracle) assert.fail(`${label}: SQL ${String(row[p.id])} vs oracle ${oracle}, row ${i}, ${p.id}: ${JSON.stringify(profiles[i])} ${JSON.stringify(p.criteria)}`);
      n++;
    }
    for (const p of catalog.programs) if (!inForce(p, asOf) && p.id in row) assert.fail(`${label}: ${p.id} is not in force`);
  });
  return n;
}

interface Case { catalog: Catalog; profiles: Profile[]; asOf: string; label: string }

function cases(): Case[] {
  const out: Case[] = [];
  // 20 random catalogs over every fact type and operator × 4,000 profiles, and the bundled catalog × 20,000:
  // 100,000 profiles in all, a quarter of facts unanswered and some "don't know".
  for (let k = 0; k < 20; k++) {
    const catalog = randomCatalog(1000 + k, { facts: 8, programs: 8, depth: 4 });
    const r = prng(77 + k);
    out.push({ catalog, profiles: Array.from({ length: 4000 }, () => randomProfile(r, catalog, 0.7, 0.1)), asOf: AS_OF, label: `random catalog ${k}` });
  }
  out.push({ catalog: bundledCatalog, profiles: bundledProfiles(20_000, 9), asOf: '2026-11-26', label: 'bundled catalog' });
  return out;
}

describe('population screening', () => {
  const all = cases();
  assert.equal(all.reduce((n, c) => n + c.profiles.length, 0), 100_000);

  it('DuckDB gives the engine\'s status on 100,000 generated profiles', async () => {
    let compared = 0;
    for (const c of all) {
      const input = join(dir, 'in.ndjson'), output = join(dir, 'out.ndjson');
      writeNdjson(input, c.profiles);
      await screenWithDuckDB({ catalog: c.catalog, input, output, asOf: c.asOf, threads: 2 });
      compared += compare(c.catalog, c.profiles, readNdjson(output), c.asOf, `duckdb ${c.label}`);
    }
    assert.ok(compared > 500_000, `${compared} statuses compared`);
  });

  it('reads and writes CSV and Parquet the same way (enum-sets as JSON arrays in CSV)', async () => {
    const c = all[3]!;
    const profiles = c.profiles.slice(0, 500);
    const csv = join(dir, 'in.csv');
    const facts = Object.keys(c.catalog.facts);
    const cell = (v: unknown) => (v === undefined || v === null ? '' : Array.isArray(v) ? `"${JSON.stringify(v).replace(/"/g, '""')}"` : String(v));
    writeFileSync(csv, [['rowId', ...facts].join(','), ...profiles.map((p, i) => [String(i), ...facts.map((f) => cell(p[f]))].join(','))].join('\n') + '\n');
    await screenWithDuckDB({ catalog: c.catalog, input: csv, output: join(dir, 'from-csv.ndjson'), asOf: c.asOf });
    compare(c.catalog, profiles, readNdjson(join(dir, 'from-csv.ndjson')), c.asOf, 'csv → ndjson');
    await screenWithDuckDB({ catalog: c.catalog, input: csv, output: join(dir, 'from-csv.csv'), asOf: c.asOf });
    assert.equal(readFileSync(join(dir, 'from-csv.csv'), 'utf8').trim().split('\n').length, 501);
    // Parquet in, typed natively (as a warehouse export would be), and Parquet out.
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    const nd = join(dir, 'for-parquet.ndjson');
    writeNdjson(nd, profiles);
    const cols = Object.entries(c.catalog.facts).map(([f, def]) => `${quoteIdent(f, 'duckdb')}: '${columnType(def, 'duckdb')}'`).join(', ');
    await conn.run(`COPY (SELECT * FROM read_json('${nd}', format = 'newline_delimited', columns = {"rowId": 'BIGINT', ${cols}})) TO '${join(dir, 'in.parquet')}' (FORMAT PARQUET)`);
    await screenWithDuckDB({ catalog: c.catalog, input: join(dir, 'in.parquet'), output: join(dir, 'out.parquet'), asOf: c.asOf });
    const back = await conn.runAndReadAll(`SELECT * FROM read_parquet('${join(dir, 'out.parquet')}')`);
    const rows = back.getRowObjectsJson() as Record<string, unknown>[];
    conn.closeSync();
    compare(c.catalog, profiles, rows, c.asOf, 'parquet → parquet');
  });

  it('writes an enum-set in CSV as a JSON array, as it reads one (DuckDB\'s own list text does not read back)', async () => {
    const input = join(dir, 'sets.csv'), output = join(dir, 'sets-out.csv');
    writeFileSync(input, 'rid,certifications\n1,"[""tech-sme""]"\n2,"[""high-tech"",""srdi""]"\n3,[]\n4,\n');
    await screenWithDuckDB({ catalog: bundledCatalog, input, output, asOf: '2026-11-26' });
    const lines = readFileSync(output, 'utf8').trim().split('\n');
    const at = lines[0]!.split(',').indexOf('certifications');
    // The cells as a CSV reader gives them: quotes doubled inside a quoted cell.
    const cells = lines.slice(1).map((l) => (l.match(/("(?:[^"]|"")*"|[^,]*)(,|$)/g) ?? []).map((c) => c.replace(/,$/, '').replace(/^"(.*)"$/, '$1').replace(/""/g, '"'))[at]);
    assert.deepEqual(cells, ['["tech-sme"]', '["high-tech","srdi"]', '[]', '']);
    // And a file of those cells screens as the original did.
    const again = join(dir, 'sets-again.csv');
    writeFileSync(again, ['certifications', ...cells.map((c) => (c ? `"${c!.replace(/"/g, '""')}"` : ''))].join('\n') + '\n');
    await screenWithDuckDB({ catalog: bundledCatalog, input: again, output: join(dir, 'sets-again-out.csv'), asOf: '2026-11-26' });
    const status = (file: string) => readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split(',').slice(-3).join(','));
    assert.deepEqual(status(join(dir, 'sets-again-out.csv')), status(output));
    // A struct, a map and a nested list from Parquet are written as JSON in CSV too.
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    const parquet = join(dir, 'nested.parquet');
    await conn.run(`COPY (SELECT {'a': 1, 'b': 'x'} AS s, MAP {'k': 1} AS m, [[1, 2], [3]] AS l, ['tech-sme'] AS certifications) TO '${parquet}' (FORMAT PARQUET)`);
    conn.closeSync();
    await screenWithDuckDB({ catalog: bundledCatalog, input: parquet, output: join(dir, 'nested.csv'), asOf: '2026-11-26' });
    const nested = readFileSync(join(dir, 'nested.csv'), 'utf8').split('\n')[1]!;
    assert.ok(nested.startsWith('"{""a"":1,""b"":""x""}","{""k"":1}","[[1,2],[3]]"'), nested.slice(0, 80));
  });

  it('carries NDJSON columns that are not facts with their JSON types, in the order they first appear', async () => {
    const input = join(dir, 'carried.ndjson'), output = join(dir, 'carried-out.ndjson');
    // `wide`: an integer past a BIGINT (2^63) stays exact, as text; `signed`: negative and positive integers.
    const lines = [
      '{"rid":7,"score":1.5,"flag":true,"name":"a","mixed":1,"entityType":"enterprise","obj":{"x":1},"signed":-3,"wide":1}',
      '{"rid":8,"score":2,"flag":false,"name":"b","mixed":"x","obj":[1],"late":3,"signed":4,"wide":18446744073709551615}',
      '{"rid":null,"score":null,"name":null}',
    ];
    writeFileSync(input, lines.join('\n'));
    await screenWithDuckDB({ catalog: bundledCatalog, input, output, asOf: '2026-11-26' });
    const text = readFileSync(output, 'utf8');
    const rows = readNdjson(output);
    const pick = (r: Record<string, unknown>) => ({ rid: r.rid, score: r.score, flag: r.flag, name: r.name, mixed: r.mixed, obj: r.obj, late: r.late, signed: r.signed, wide: r.wide });
    assert.deepEqual(rows.map(pick), [
      { rid: 7, score: 1.5, flag: true, name: 'a', mixed: '1', obj: '{"x":1}', late: null, signed: -3, wide: '1' },
      { rid: 8, score: 2, flag: false, name: 'b', mixed: 'x', obj: '[1]', late: 3, signed: 4, wide: '18446744073709551615' },
      { rid: null, score: null, flag: null, name: null, mixed: null, obj: null, late: null, signed: null, wide: null },
    ]);
    assert.match(text, /"wide":"18446744073709551615"/);
    assert.deepEqual(Object.keys(rows[0]!).slice(0, 9), ['rid', 'score', 'flag', 'name', 'mixed', 'obj', 'signed', 'wide', 'late']);
    // Numbers no type would keep as written stay text, exactly: an integer past 64 bits, one that overflows a
    // double, an integer past 2^53 beside fractions. Keys that a `$."…"` path would misread are read by pointer.
    const edge = join(dir, 'edge.ndjson'), edgeOut = join(dir, 'edge-out.ndjson');
    writeFileSync(edge, [
      '{"huge":18446744073709551616,"inf":1e400,"mix":1.5,"*":1,"a/b":2,"x.y":3,"t~":4}',
      '{"huge":1,"inf":2,"mix":9007199254740993,"*":5,"a/b":6,"x.y":7,"t~":8}',
    ].join('\n'));
    await screenWithDuckDB({ catalog: bundledCatalog, input: edge, output: edgeOut, asOf: '2026-11-26' });
    const edgeText = readFileSync(edgeOut, 'utf8');
    assert.match(edgeText, /"huge":"18446744073709551616","inf":"1e400","mix":"1\.5","\*":1,"a\/b":2,"x\.y":3,"t~":4,/);
    assert.match(edgeText, /"huge":"1","inf":"2","mix":"9007199254740993","\*":5,"a\/b":6,"x\.y":7,"t~":8,/);
    // Keys one SQL column cannot tell apart are refused, naming them.
    writeFileSync(edge, '{"rid":1,"RID":2}\n');
    await assert.rejects(screenWithDuckDB({ catalog: bundledCatalog, input: edge, output: edgeOut, asOf: '2026-11-26' }), /keys "rid" and "RID" differ only in case/);
    writeFileSync(edge, '{"":1}\n');
    await assert.rejects(screenWithDuckDB({ catalog: bundledCatalog, input: edge, output: edgeOut, asOf: '2026-11-26' }), /a key with no name/);
  });

  it('names the row and column of a value that does not fit its fact', async () => {
    const input = join(dir, 'bad.ndjson');
    writeFileSync(input, [JSON.stringify({ region: '320100' }), JSON.stringify({ region: '3201' })].join('\n'));
    await assert.rejects(screenWithDuckDB({ catalog: bundledCatalog, input, output: join(dir, 'x.csv'), asOf: '2026-01-01' }), /row 2, column "region"/);
    writeFileSync(input, JSON.stringify({ certifications: ['high-tech', 'nope'] }));
    await assert.rejects(screenWithDuckDB({ catalog: bundledCatalog, input, output: join(dir, 'x.csv'), asOf: '2026-01-01' }), /row 1, column "certifications"/);
    writeFileSync(input, ['{"region":"320100"}', '[1, 2]'].join('\n'));
    await assert.rejects(screenWithDuckDB({ catalog: bundledCatalog, input, output: join(dir, 'x.csv'), asOf: '2026-01-01' }), /bad\.ndjson: line 2 is not a JSON object/);
  });

  it('gives the contract one query as a string (compileCatalogToSql), and the same query with its status columns (compileScreening)', () => {
    for (const dialect of ['duckdb', 'postgres', 'spark'] as const) {
      const sql = compileCatalogToSql(bundledCatalog, { dialect, table: 'enterprises', asOf: '2026-11-26' });
      assert.equal(typeof sql, 'string');
      assert.match(sql, /^SELECT [\s\S]* AS ["`]tech-innovation-guarantee-plan["`][\s\S]*FROM/);
      const both = compileScreening(bundledCatalog, { dialect, table: 'enterprises', asOf: '2026-11-26' });
      assert.equal(both.sql, sql);
      assert.ok(both.programs.includes('tech-innovation-guarantee-plan'));
    }
  });

  it('prints the query for a warehouse (screen --print-sql), as compileCatalogToSql gives it, and names a bad dialect', () => {
    const cli = new URL('../../src/cli.ts', import.meta.url).pathname;
    const args = (...more: string[]) => ['--import', 'tsx', cli, 'screen', '--print-sql', '--input', 'public.enterprises', '--as-of', '2026-11-26', ...more];
    const r = spawnSync(process.execPath, args('--dialect', 'spark'), { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, `${compileCatalogToSql(bundledCatalog, { dialect: 'spark', table: 'public.enterprises', asOf: '2026-11-26' })};\n`);
    const bad = spawnSync(process.execPath, args('--dialect', 'oracle'), { encoding: 'utf8', timeout: 60_000 });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--dialect must be one of duckdb, postgres, spark/);
  });

  it('compiles to Spark SQL with backquoted columns, array functions and no engine-specific syntax', () => {
    const { sql, programs } = compileScreening(bundledCatalog, { dialect: 'spark', table: 'enterprises', asOf: '2026-11-26' });
    assert.ok(programs.length > 5);
    assert.match(sql, /`entityType`/);
    assert.match(sql, /arrays_overlap\(`certifications`, array\('high-tech'/);
    assert.doesNotMatch(sql, /list_has|::|"entityType"/);
  });

  it('runs on the command line with a progress bar on stderr', () => {
    const input = join(dir, 'cli.ndjson'), output = join(dir, 'cli.csv');
    const profiles = bundledProfiles(300, 3);
    writeNdjson(input, profiles);
    const cli = new URL('../../src/cli.ts', import.meta.url).pathname;
    const r = spawnSync(process.execPath, ['--import', 'tsx', cli, 'screen', '--input', input, '--output', output, '--as-of', '2026-11-26'], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /screening \[#+\] 100%/);
    assert.match(r.stderr, /screened 300 profile\(s\)/);
    const header = readFileSync(output, 'utf8').split('\n')[0]!;
    assert.match(header, /tech-bond-enterprise/);
    const bad = spawnSync(process.execPath, ['--import', 'tsx', cli, 'screen', '--input', input], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(bad.status, 2);
  });

  describe('on a real PostgreSQL server', () => {
    let pgServer: RunningPostgres | undefined;
    before(async () => { pgServer = await startPostgres(); });
    after(() => pgServer?.stop());

    it('gives the engine\'s status on the same 100,000 profiles, the query running inside the database', async () => {
      const pg = (await import('pg')).default;
      const client = new pg.Client({ connectionString: pgServer!.url });
      await client.connect();
      let compared = 0;
      try {
        for (const [k, c] of all.entries()) {
          const table = `profiles_${k}`;
          const cols = Object.entries(c.catalog.facts).map(([f, def]) => `${quoteIdent(f, 'postgres')} ${columnType(def, 'postgres')}`);
          await client.query(`CREATE TABLE ${table} ("rowId" BIGINT, ${cols.join(', ')})`);
          for (let i = 0; i < c.profiles.length; i += 5000) {
            const batch = c.profiles.slice(i, i + 5000).map((p, j) => ({ rowId: i + j, ...p }));
            await client.query(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`, [JSON.stringify(batch)]);
          }
          await screenWithPostgres({ catalog: c.catalog, url: pgServer!.url, input: table, output: `screened_${k}`, asOf: c.asOf });
          const rows = (await client.query(`SELECT * FROM screened_${k} ORDER BY "rowId"`)).rows as Record<string, unknown>[];
          compared += compare(c.catalog, c.profiles, rows, c.asOf, `postgres ${c.label}`);
        }
      } finally {
        await client.end();
      }
      assert.ok(compared > 500_000, `${compared} statuses compared`);
    });
  });
});
