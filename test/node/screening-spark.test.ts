// The Spark SQL dialect, without a Spark runtime (none can be installed here): every query compiled for Spark —
// the bundled catalog and random catalogs over every fact type and operator — parses with the Spark SQL grammar of
// dt-sql-parser (an ANTLR port of Apache Spark's own SqlBaseParser grammar), and calls only functions that Spark
// SQL has built in. This checks syntax and function names, not results: the statuses themselves are tested on
// DuckDB and PostgreSQL, which run the same logic. Negative controls show the grammar tells dialects apart.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SparkSQL } from 'dt-sql-parser';
import type { Catalog } from '../../src/contract/index.js';
import { compileCatalogToSql, compileScreening } from '../../src/screening/index.js';
import bundled from '../../src/data/catalog/catalog.json' with { type: 'json' };
import { AS_OF, randomCatalog } from './random-catalog.js';

const spark = new SparkSQL();
const bundledCatalog = bundled as unknown as Catalog;
const problems = (sql: string) => spark.validate(sql).map((e) => `${e.startLine}:${e.startColumn} ${e.message}`);

/** Spark SQL built-in functions the compiler may call (spark.apache.org/docs/latest/api/sql/). */
const SPARK_FUNCTIONS = new Set(['cast', 'coalesce', 'substr', 'arrays_overlap', 'array_except', 'size', 'array']);
const calls = (sql: string) => [...sql.replace(/'(?:[^'\\]|\\.)*'/g, "''").matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\(/g)].map((m) => m[1]!.toLowerCase());

describe('Spark SQL dialect (syntax checked with the Spark grammar; no Spark runtime here)', () => {
  it('the bundled catalog and random catalogs over every operator compile to Spark SQL that parses', () => {
    const catalogs = [bundledCatalog, ...Array.from({ length: 12 }, (_, k) => randomCatalog(500 + k, { facts: 8, programs: 6, depth: 4 }))];
    for (const [k, catalog] of catalogs.entries()) {
      const asOf = k === 0 ? '2026-11-26' : AS_OF;
      const { sql, programs } = compileScreening(catalog, { dialect: 'spark', table: 'enterprises', asOf });
      if (!programs.length) continue;
      assert.deepEqual(problems(sql), [], `catalog ${k}:\n${sql}`);
      const unknown = calls(sql).filter((f) => !SPARK_FUNCTIONS.has(f));
      assert.deepEqual([...new Set(unknown)], [], `catalog ${k} calls functions Spark SQL does not have`);
    }
  });

  it('the grammar refuses what Spark would refuse: the DuckDB form, a dropped parenthesis', () => {
    const duck = compileCatalogToSql(bundledCatalog, { dialect: 'duckdb', table: 'enterprises', asOf: '2026-11-26' });
    assert.ok(problems(duck).length > 0, 'DuckDB list literals and * EXCLUDE are not Spark SQL');
    const sql = compileCatalogToSql(bundledCatalog, { dialect: 'spark', table: 'enterprises', asOf: '2026-11-26' });
    assert.ok(problems(sql.replace('(', '')).length > 0, 'an unbalanced parenthesis is refused');
    assert.ok(problems(sql.replace(/ END AS /, ' AS ')).length > 0, 'a CASE without END is refused');
  });
});
