// `chanrong screen`: a whole population of profiles against a catalog, in SQL (CONTRACT.md, "Population
// screening (v2)"): embedded DuckDB by default (CSV, NDJSON or Parquet in and out), or inside PostgreSQL.
import { readFileSync } from 'node:fs';
import { Catalog } from '../contract/index.js';
import { bundledCatalog } from '../data/bundled.js';
import { calendarDate, integer, oneOf, parseCommandArgs } from './args.js';

export const USAGE = `Usage: chanrong screen --input FILE --output FILE [--catalog FILE] [--as-of YYYY-MM-DD]
                       [--engine duckdb|postgres] [--url postgres://…] [--print-sql] [--quiet]

  One row per profile in, the same row with a status column per program in force out
  ("eligible", "ineligible" or "undetermined"). A column per fact, named by its id; an empty cell
  or null is unanswered. CSV: enum-set cells are JSON arrays (["high-tech","srdi"]), dates YYYY-MM-DD.
  --engine duckdb (default): embedded DuckDB reads and writes .csv, .ndjson (.jsonl) or .parquet.
  --engine postgres --url URL: --input names a table in that database and --output a new table
      (or a .csv/.ndjson file); the query runs inside the database, the data never leaves it.
  --print-sql: print the compiled query (--dialect duckdb|postgres|spark, table --input) and exit.`;

function progressBar(quiet: boolean): (fraction: number) => void {
  if (quiet) return () => {};
  let lastShown = -1;
  const tty = process.stderr.isTTY;
  return (fraction) => {
    const pct = Math.max(0, Math.min(100, Math.floor(fraction * 100)));
    if (pct === lastShown) return;
    lastShown = pct;
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    const line = `screening [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}%`;
    process.stderr.write(tty ? `\r${line}${pct === 100 ? '\n' : ''}` : `${line}\n`);
  };
}

export async function screen(args: string[]): Promise<number> {
  const cli = parseCommandArgs(args, {
    command: 'screen', usage: USAGE,
    options: {
      catalog: { type: 'string' },
      input: { type: 'string' },
      output: { type: 'string' },
      'as-of': { type: 'string', parse: calendarDate() },
      engine: { type: 'string', default: 'duckdb', parse: oneOf(['duckdb', 'postgres']) },
      url: { type: 'string' },
      dialect: { type: 'string' },
      'print-sql': { type: 'boolean' },
      threads: { type: 'string', parse: integer({ min: 1 }) },
      quiet: { type: 'boolean' },
    },
  });
  if (!cli.ok) return cli.exitCode;
  const { values } = cli;
  const asOf = values['as-of'] ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf)) || new Date(asOf).toISOString().slice(0, 10) !== asOf) {
    console.error(`--as-of must be a calendar date YYYY-MM-DD, got "${asOf}"`);
    return 2;
  }
  let raw: unknown = bundledCatalog;
  if (values.catalog) {
    try {
      raw = JSON.parse(readFileSync(values.catalog, 'utf8'));
    } catch (error) {
      console.error(`chanrong screen: cannot read the catalog ${values.catalog}: ${(error as Error).message}`);
      return 2;
    }
  }
  const parsed = Catalog.safeParse(raw);
  if (!parsed.success) {
    console.error(`chanrong screen: the catalog does not fit the contract: ${parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return 2;
  }
  const catalog = parsed.data;
  const { compileCatalogToSql, DIALECTS } = await import('../screening/compile.js');
  if (values['print-sql']) {
    const dialect = (values.dialect ?? (values.engine === 'postgres' ? 'postgres' : 'duckdb')) as 'duckdb';
    if (!DIALECTS.includes(dialect)) { console.error(`--dialect must be one of ${DIALECTS.join(', ')}`); return 2; }
    try {
      console.log(`${compileCatalogToSql(catalog, { dialect, table: values.input ?? 'profiles', asOf })};`);
      return 0;
    } catch (error) {
      console.error(`chanrong screen: ${(error as Error).message}`);
      return 1;
    }
  }
  if (!values.input || !values.output) { console.error(`chanrong screen: --input and --output are required\n\n${USAGE}`); return 2; }
  if (values.engine !== 'duckdb' && values.engine !== 'postgres') { console.error('--engine must be duckdb or postgres'); return 2; }
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && (!Number.isInteger(threads) || threads < 1)) { console.error('--threads must be a positive whole number'); return 2; }
  const onProgress = progressBar(values.quiet);
  const started = performance.now();
  try {
    let result;
    if (values.engine === 'postgres') {
      if (!values.url) { console.error('--engine postgres needs --url postgres://user@host:port/db'); return 2; }
      const { screenWithPostgres } = await import('../screening/postgres.js');
      result = await screenWithPostgres({ catalog, url: values.url, input: values.input, output: values.output, asOf, onProgress });
    } else {
      const { screenWithDuckDB } = await import('../screening/duckdb.js');
      result = await screenWithDuckDB({ catalog, input: values.input, output: values.output, asOf, onProgress, ...(threads ? { threads } : {}) });
    }
    const seconds = (performance.now() - started) / 1000;
    if (!values.quiet) {
      process.stderr.write(`screened ${result.rows} profile(s) against ${result.programs.length} program(s) in force on ${asOf} in ${seconds.toFixed(2)} s → ${values.output}\n`);
      for (const [p, c] of Object.entries(result.counts)) process.stderr.write(`  ${p}: ${c.eligible} eligible, ${c.undetermined} undetermined, ${c.ineligible} ineligible\n`);
    }
    return 0;
  } catch (error) {
    console.error(`chanrong screen: ${(error as Error).message}`);
    return 1;
  }
}
