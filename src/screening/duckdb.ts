// `chanrong screen` on embedded DuckDB: the input file is read into a typed table (one column per fact, NULL
// for unanswered and "don't know"), every value checked against its FactDef, then the compiled catalog query
// writes the statuses beside the input's columns, in input order. Node only; @duckdb/node-api is optional.
import type { Catalog, FactDef } from '../contract/index.js';
import { columnType, compileScreening, quoteIdent, stringLiteral } from './compile.js';

export type FileFormat = 'csv' | 'ndjson' | 'parquet';

export function formatOf(path: string): FileFormat {
  const p = path.toLowerCase();
  if (p.endsWith('.csv') || p.endsWith('.csv.gz')) return 'csv';
  if (p.endsWith('.parquet')) return 'parquet';
  if (p.endsWith('.ndjson') || p.endsWith('.jsonl') || p.endsWith('.json') || p.endsWith('.ndjson.gz') || p.endsWith('.jsonl.gz')) return 'ndjson';
  throw new ScreenError(`cannot tell the format of "${path}": use .csv, .ndjson (.jsonl) or .parquet`);
}

export class ScreenError extends Error {
  constructor(message: string) { super(message); this.name = 'ScreenError'; }
}

export interface DuckScreenOptions {
  catalog: Catalog;
  input: string;
  output: string;
  asOf: string;
  /** Called now and then with the fraction done (0..1). */
  onProgress?: (fraction: number) => void;
  /** DuckDB threads; all cores by default. */
  threads?: number;
}

export interface ScreenResult { rows: number; programs: string[]; counts: Record<string, Record<string, number>> }

type Duck = typeof import('@duckdb/node-api');

export async function loadDuckDB(): Promise<Duck> {
  try {
    return await import('@duckdb/node-api');
  } catch {
    throw new ScreenError('DuckDB is not installed: `npm install @duckdb/node-api` (an optional dependency of chanrong), or use --engine postgres --url …');
  }
}

const lit = (s: string) => stringLiteral(s, 'duckdb');
/** DuckDB names are case-insensitive: an input column called rowid would hide the row order; it is renamed inside. */
const INTERNAL_ROWID = '__chanrong_rowid';
const internal = (c: string) => (c.toLowerCase() === 'rowid' ? INTERNAL_ROWID : c);
const id = (s: string) => quoteIdent(s, 'duckdb');

/** The typed value of a raw column, and the condition under which a present raw value does not fit the FactDef. */
function typedColumn(col: string, def: FactDef, format: FileFormat): { typed: string; bad: string } {
  const c = id(internal(col));
  const type = columnType(def, 'duckdb');
  // CSV and NDJSON arrive as text (empty text is NULL in CSV); Parquet arrives typed.
  const raw = format === 'parquet' ? c : `NULLIF(trim(CAST(${c} AS VARCHAR)), '')`;
  const present = `(${raw} IS NOT NULL)`;
  let typed: string;
  if (def.type === 'enum-set') {
    typed = format === 'parquet' ? `TRY_CAST(${c} AS VARCHAR[])` : `TRY_CAST(from_json(TRY_CAST(${raw} AS JSON), '["VARCHAR"]') AS VARCHAR[])`;
  } else if (def.type === 'boolean' && format !== 'parquet') {
    typed = `(CASE lower(${raw}) WHEN 'true' THEN TRUE WHEN 'false' THEN FALSE END)`;
  } else {
    typed = `TRY_CAST(${raw} AS ${type})`;
  }
  const t = `(${typed})`;
  const problems: string[] = [`${t} IS NULL`];
  const options = (def.options ?? []).map((o) => lit(o.value)).join(', ');
  if (def.type === 'enum') problems.push(`${t} NOT IN (${options})`);
  if (def.type === 'enum-set') problems.push(`len(list_filter(${t}, x -> x NOT IN (${options}))) > 0`, `len(list_distinct(${t})) <> len(${t})`);
  if (def.type === 'region') problems.push(`NOT regexp_full_match(${t}, '[0-9]{6}')`);
  if (def.type === 'integer' && format !== 'parquet') problems.push(`TRY_CAST(${raw} AS DOUBLE) <> ${t}`);
  if ((def.type === 'number' || def.type === 'integer') && def.min !== undefined) problems.push(`${t} < ${def.min}`);
  if ((def.type === 'number' || def.type === 'integer') && def.max !== undefined) problems.push(`${t} > ${def.max}`);
  if (def.type === 'number') problems.push(`isnan(${t}) OR isinf(${t})`);
  return { typed, bad: `(${present} AND COALESCE(${problems.join(' OR ')}, TRUE))` };
}

/**
 * The SQL type an NDJSON column that is not a fact is carried in, from the JSON types its values have (DuckDB's
 * `json_type`: UBIGINT for a non-negative integer, BIGINT for a negative one, DOUBLE for a fraction and for an
 * integer past 64 bits) and how many of its numbers a type would change (`wide`: integers past BIGINT; `inexact`:
 * numbers a double does not hold exactly as written, an integer past 2^53 or one that overflows to infinity):
 * integers as BIGINT, numbers as DOUBLE, booleans as BOOLEAN. Undefined (text, exactly as written) for strings,
 * objects, arrays, a mix, nothing but nulls, or numbers a type would change. So an id written as a number comes
 * out a number, and no number comes out other than it went in.
 */
function carriedType(types: unknown, wide: number, inexact: number): string | undefined {
  const seen = new Set((Array.isArray(types) ? types : (types as { items?: unknown[] } | null)?.items ?? []).map(String));
  seen.delete('NULL');
  seen.delete('null');
  if (!seen.size) return undefined;
  const only = (...allowed: string[]) => [...seen].every((t) => allowed.includes(t));
  if (only('BIGINT', 'UBIGINT')) return wide === 0 ? 'BIGINT' : undefined;
  if (only('BIGINT', 'UBIGINT', 'DOUBLE')) return inexact === 0 ? 'DOUBLE' : undefined;
  if (only('BOOLEAN')) return 'BOOLEAN';
  return undefined;
}

/**
 * Column names are matched without case in SQL: two input columns (or NDJSON keys) that differ only in case would
 * be one column, and one with no name cannot be one. Refused, naming them, whatever the input's format.
 */
function refuseCaseClashes(columns: readonly string[], input: string): void {
  const byCase = new Map<string, string>();
  for (const c of columns) {
    if (c === '') throw new ScreenError(`${input}: a key with no name cannot be a column`);
    const other = byCase.get(c.toLowerCase());
    if (other !== undefined) throw new ScreenError(`${input}: keys "${other}" and "${c}" differ only in case, and would be one column`);
    byCase.set(c.toLowerCase(), c);
  }
}

/** A JSON Pointer (RFC 6901) to key `k` of an object: no key is read as a wildcard or a path, as `$."…"` reads `*`. */
const pointer = (k: string) => lit(`/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);

function readExpr(path: string, format: FileFormat): string {
  if (format === 'csv') return `read_csv(${lit(path)}, header = true, all_varchar = true, auto_detect = true)`;
  if (format === 'parquet') return `read_parquet(${lit(path)})`;
  return `read_ndjson_objects(${lit(path)})`;
}

export async function screenWithDuckDB(o: DuckScreenOptions): Promise<ScreenResult> {
  const duck = await loadDuckDB();
  const inFormat = formatOf(o.input);
  const outFormat = formatOf(o.output);
  const instance = await duck.DuckDBInstance.create(':memory:', o.threads ? { threads: String(o.threads) } : {});
  const conn = await instance.connect();
  try {
    await conn.run('SET preserve_insertion_order = true');
    await conn.run('SET enable_progress_bar = true');
    await conn.run('SET enable_progress_bar_print = false');
    try {
      await conn.run(`CREATE TABLE raw AS SELECT * FROM ${readExpr(o.input, inFormat)}`);
    } catch (error) {
      throw new ScreenError(`cannot read ${o.input}: ${(error as Error).message}`);
    }
    const facts = Object.entries(o.catalog.facts);
    let columns: string[];
    if (inFormat === 'ndjson') {
      // One JSON object per line: each fact is read by key; other keys are carried through (an object or an array
      // as its JSON text).
      // The keys in the order they first appear (line, then place in the line), as the columns come out.
      const keys = await conn.runAndReadAll(`SELECT k FROM (SELECT rowid AS r, unnest(json_keys(json)) AS k, generate_subscripts(json_keys(json), 1) AS j FROM raw) GROUP BY k ORDER BY min([r, j])`);
      columns = keys.getRowObjects().map((r) => String(r.k));
      const bad = await conn.runAndReadAll(`SELECT rowid + 1 AS line FROM raw WHERE json_type(json) <> 'OBJECT' LIMIT 1`);
      if (bad.currentRowCount) throw new ScreenError(`${o.input}: line ${String(bad.getRowObjects()[0]!.line)} is not a JSON object`);
      refuseCaseClashes(columns, o.input);
      // A column that is not a fact keeps its JSON type where every value of it has one (ids stay numbers).
      const others = columns.filter((k) => !o.catalog.facts[k]);
      const integer = (text: string) => `regexp_full_match(${text}, '-?[0-9]+')`;
      const kinds = others.length
        ? (await conn.runAndReadAll(`SELECT ${others.map((k, i) => {
          const type = `json_type(json, ${pointer(k)})`, text = `json_extract_string(json, ${pointer(k)})`;
          return `list(DISTINCT ${type}) AS t${i}, `
            + `count(*) FILTER (WHERE (${type} = 'UBIGINT' AND TRY_CAST(${text} AS BIGINT) IS NULL) OR (${type} = 'DOUBLE' AND ${integer(text)})) AS w${i}, `
            + `count(*) FILTER (WHERE ${type} IN ('BIGINT', 'UBIGINT', 'DOUBLE') AND (isinf(TRY_CAST(${text} AS DOUBLE)) OR (${integer(text)} AND COALESCE(abs(TRY_CAST(${text} AS HUGEINT)) > 9007199254740992, TRUE)))) AS x${i}`;
        }).join(', ')} FROM raw`)).getRowObjects()[0]!
        : {};
      const carriedAs = new Map(others.map((k, i) => [k, carriedType(kinds[`t${i}`], Number(kinds[`w${i}`]), Number(kinds[`x${i}`]))]));
      const select = columns.map((k) => {
        const text = `json_extract_string(json, ${pointer(k)})`;
        const type = carriedAs.get(k);
        return `${type ? `CAST(${text} AS ${type})` : text} AS ${id(internal(k))}`;
      }).join(', ');
      await conn.run(`CREATE TABLE raw2 AS SELECT ${select || '1 AS __none'} FROM raw ORDER BY raw.rowid`);
      await conn.run('DROP TABLE raw');
      await conn.run('ALTER TABLE raw2 RENAME TO raw');
    } else {
      const desc = await conn.runAndReadAll(`SELECT column_name FROM (DESCRIBE raw)`);
      columns = desc.getRowObjects().map((r) => String(r.column_name));
      refuseCaseClashes(columns, o.input);
      for (const c of columns) if (internal(c) !== c) await conn.run(`ALTER TABLE raw RENAME COLUMN ${id(c)} TO ${id(internal(c))}`);
    }
    const present = new Set(columns);
    const unknownFactCase = columns.filter((c) => !o.catalog.facts[c] && facts.some(([f]) => f.toLowerCase() === c.toLowerCase()));
    if (unknownFactCase.length) throw new ScreenError(`column(s) ${unknownFactCase.join(', ')} differ from a fact id only in case`);
    const typed = facts.map(([fact, def]) => (present.has(fact) ? { fact, ...typedColumn(fact, def, inFormat) } : { fact, typed: `CAST(NULL AS ${columnType(def, 'duckdb')})`, bad: 'FALSE' }));

    // Every value must fit its FactDef, as the engine's profile validation demands: name the first bad cell.
    const checks = typed.filter((t) => t.bad !== 'FALSE');
    if (checks.length) {
      const firstBad = checks.map((t) => `min(CASE WHEN ${t.bad} THEN rowid + 1 END) AS ${id(t.fact)}`).join(', ');
      const r = await conn.runAndReadAll(`SELECT ${firstBad} FROM raw`);
      const row = r.getRowObjects()[0]!;
      const failures = checks.filter((t) => row[t.fact] !== null).map((t) => ({ fact: t.fact, row: Number(row[t.fact]) }));
      if (failures.length) {
        const f = failures.sort((a, b) => a.row - b.row)[0]!;
        const v = await conn.runAndReadAll(`SELECT CAST(${id(internal(f.fact))} AS VARCHAR) AS v FROM raw WHERE rowid + 1 = ${f.row}`);
        const def = o.catalog.facts[f.fact]!;
        throw new ScreenError(`${o.input}: row ${f.row}, column "${f.fact}": ${JSON.stringify(v.getRowObjects()[0]?.v)} does not fit the fact (${def.type}${def.options ? `: one of ${def.options.map((x) => x.value).join(', ')}` : ''}${def.min !== undefined ? `, min ${def.min}` : ''}${def.max !== undefined ? `, max ${def.max}` : ''})`);
      }
    }
    const carried = columns.filter((c) => !o.catalog.facts[c]).map((c) => `${id(internal(c))} AS ${id(c)}`);
    await conn.run(`CREATE TABLE profiles AS SELECT ${[...carried, ...typed.map((t) => `${t.typed} AS ${id(t.fact)}`)].join(', ')} FROM raw ORDER BY raw.rowid`);
    await conn.run('DROP TABLE raw');

    const { sql, programs } = compileScreening(o.catalog, { dialect: 'duckdb', table: 'profiles', asOf: o.asOf });
    for (const p of programs) if (columns.includes(p)) throw new ScreenError(`the input has a column "${p}", the name of a program's status column`);
    const format = outFormat === 'csv' ? 'CSV, HEADER true' : outFormat === 'parquet' ? 'PARQUET' : 'JSON';
    await conn.run(`CREATE TABLE screened AS ${sql}`).catch((error: Error) => { throw new ScreenError(`screening failed: ${error.message}`); });
    // In CSV, a list (an enum-set) is written as a JSON array, as it is read, and any other nested value (a struct
    // or map from Parquet) as JSON too: DuckDB's own text for them (`[a, b]`, `{'a': 1}`) would not read back.
    let source = 'screened';
    if (outFormat === 'csv') {
      const described = (await conn.runAndReadAll('SELECT column_name, column_type FROM (DESCRIBE screened)')).getRowObjects();
      const lists = described.filter((r) => /\]$|^(STRUCT|MAP|UNION)\(/.test(String(r.column_type))).map((r) => String(r.column_name));
      if (lists.length) source = `(SELECT * REPLACE (${lists.map((c) => `CAST(to_json(${id(c)}) AS VARCHAR) AS ${id(c)}`).join(', ')}) FROM screened)`;
    }
    const pending = await conn.start(`COPY ${source} TO ${lit(o.output)} (FORMAT ${format})`);
    let last = 0;
    for (;;) {
      const state = pending.runTask();
      if (state === duck.DuckDBPendingResultState.RESULT_READY) break;
      const now = Date.now();
      if (o.onProgress && now - last > 200) {
        last = now;
        const p = conn.progress.percentage;
        if (p >= 0) o.onProgress(p / 100);
      }
      if (state === duck.DuckDBPendingResultState.NO_TASKS_AVAILABLE) await new Promise((r) => setTimeout(r, 1));
    }
    await pending.getResult();
    const counts: ScreenResult['counts'] = {};
    let rows = 0;
    if (programs.length) {
      const sums = programs.map((p, i) => `count_if(${id(p)} = 'eligible') AS e${i}, count_if(${id(p)} = 'undetermined') AS u${i}, count_if(${id(p)} = 'ineligible') AS n${i}`).join(', ');
      const r = (await conn.runAndReadAll(`SELECT count(*) AS rows, ${sums} FROM screened`)).getRowObjects()[0]!;
      rows = Number(r.rows);
      programs.forEach((p, i) => { counts[p] = { eligible: Number(r[`e${i}`]), undetermined: Number(r[`u${i}`]), ineligible: Number(r[`n${i}`]) }; });
    } else {
      rows = Number((await conn.runAndReadAll('SELECT count(*) AS rows FROM screened')).getRowObjects()[0]!.rows);
    }
    o.onProgress?.(1);
    return { rows, programs, counts };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
