// `chanrong screen --engine postgres`: the compiled query runs inside PostgreSQL, on a table already there,
// so the data never leaves the database; the statuses go to a new table (or, for a file name, are streamed out).
import { writeFile } from 'node:fs/promises';
import type { Catalog } from '../contract/index.js';
import { compileScreening, quoteIdent } from './compile.js';
import { ScreenError, type ScreenResult } from './duckdb.js';

export interface PgScreenOptions {
  catalog: Catalog;
  url: string;
  /** The table of profiles (`schema.table` allowed). */
  input: string;
  /** A table to create with the statuses, or a .csv / .ndjson file to write. */
  output: string;
  asOf: string;
  onProgress?: (fraction: number) => void;
}

/** `schema.table` or `table`, each part an identifier, quoted. */
export function qualifiedName(name: string): string {
  const parts = name.split('.');
  if (parts.length > 2 || parts.some((p) => !/^[A-Za-z_][A-Za-z0-9_$-]*$/.test(p))) throw new ScreenError(`"${name}" is not a table name (schema.table)`);
  return parts.map((p) => quoteIdent(p, 'postgres')).join('.');
}

export async function loadPg(): Promise<typeof import('pg')> {
  try {
    const mod = await import('pg');
    return (mod as unknown as { default?: typeof import('pg') }).default ?? mod;
  } catch {
    throw new ScreenError('the PostgreSQL client is not installed: `npm install pg` (an optional dependency of chanrong)');
  }
}

const csvCell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : Array.isArray(v) ? JSON.stringify(v) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export async function screenWithPostgres(o: PgScreenOptions): Promise<ScreenResult> {
  const pg = await loadPg();
  // DATE columns come back as text, so no time zone shifts a calendar date.
  pg.types.setTypeParser(1082, (s: string) => s);
  const client = new pg.Client({ connectionString: o.url });
  await client.connect().catch((error: Error) => { throw new ScreenError(`cannot connect to PostgreSQL: ${error.message}`); });
  try {
    const table = qualifiedName(o.input);
    const { sql, programs } = compileScreening(o.catalog, { dialect: 'postgres', table, asOf: o.asOf });
    o.onProgress?.(0);
    const toFile = /\.(csv|ndjson|jsonl|json)$/i.test(o.output);
    let rows = 0;
    if (!toFile) {
      const target = qualifiedName(o.output);
      const r = await client.query(`CREATE TABLE ${target} AS ${sql}`).catch((error: Error) => { throw new ScreenError(`screening failed: ${error.message}`); });
      rows = r.rowCount ?? 0;
    } else {
      const r = await client.query({ text: sql, rowMode: 'array' }).catch((error: Error) => { throw new ScreenError(`screening failed: ${error.message}`); });
      const names = r.fields.map((f) => f.name);
      rows = r.rows.length;
      const csv = /\.csv$/i.test(o.output);
      const lines = csv
        ? [names.map(csvCell).join(','), ...r.rows.map((row: unknown[]) => row.map(csvCell).join(','))]
        : r.rows.map((row: unknown[]) => JSON.stringify(Object.fromEntries(names.map((n, i) => [n, row[i] ?? null]))));
      await writeFile(o.output, lines.join('\n') + '\n');
    }
    const counts: ScreenResult['counts'] = {};
    if (!toFile && programs.length) {
      const id = (p: string) => quoteIdent(p, 'postgres');
      const sums = programs.map((p, i) => `count(*) FILTER (WHERE ${id(p)} = 'eligible') AS e${i}, count(*) FILTER (WHERE ${id(p)} = 'undetermined') AS u${i}, count(*) FILTER (WHERE ${id(p)} = 'ineligible') AS n${i}`).join(', ');
      const r = (await client.query(`SELECT ${sums} FROM ${qualifiedName(o.output)}`)).rows[0] as Record<string, string>;
      programs.forEach((p, i) => { counts[p] = { eligible: Number(r[`e${i}`]), undetermined: Number(r[`u${i}`]), ineligible: Number(r[`n${i}`]) }; });
    }
    o.onProgress?.(1);
    return { rows, programs, counts };
  } finally {
    await client.end();
  }
}
