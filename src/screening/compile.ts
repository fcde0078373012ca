// Population screening (CONTRACT.md, "Population screening (v2)"): a catalog compiled to one SQL query.
// SQL's NULL logic is the contract's Kleene logic: every leaf becomes a boolean expression that is NULL exactly
// when its fact is unanswered or "don't know" (both NULL in the table), AND / OR / NOT combine them as `all`,
// `any` and `not` do, and a simple CASE maps TRUE / FALSE / NULL to eligible / ineligible / undetermined.
// Nothing depends on the order rows are read in, so the same query runs on one machine or a warehouse.
import type { Catalog, Criterion, FactDef, Leaf } from '../contract/index.js';
import { assertCatalog } from '../engine/eligibility/catalog.js';
import { isInForce } from '../engine/eligibility/programs.js';

export type Dialect = 'duckdb' | 'postgres' | 'spark';
export const DIALECTS: readonly Dialect[] = ['duckdb', 'postgres', 'spark'];

export interface CompileOptions {
  dialect: Dialect;
  /** The table or view (`schema.table` allowed), or a parenthesised subquery without alias, one row per profile. */
  table: string;
  /** Programs in force on this date are screened; `yearsSince…` counts whole years to it. */
  asOf: string;
  /** Columns of the table to carry into the result before the status columns; all of them (`*`) by default. */
  select?: string[];
}

export interface CompiledSql {
  sql: string;
  /** The status columns, one per program in force, in catalog order (each named by its program id). */
  programs: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The SQL type of a fact's column in each dialect. */
export function columnType(def: FactDef, dialect: Dialect): string {
  const t = {
    duckdb: { boolean: 'BOOLEAN', number: 'DOUBLE', integer: 'BIGINT', string: 'VARCHAR', enum: 'VARCHAR', 'enum-set': 'VARCHAR[]', date: 'DATE', region: 'VARCHAR' },
    postgres: { boolean: 'BOOLEAN', number: 'DOUBLE PRECISION', integer: 'BIGINT', string: 'TEXT', enum: 'TEXT', 'enum-set': 'TEXT[]', date: 'DATE', region: 'TEXT' },
    spark: { boolean: 'BOOLEAN', number: 'DOUBLE', integer: 'BIGINT', string: 'STRING', enum: 'STRING', 'enum-set': 'ARRAY<STRING>', date: 'DATE', region: 'STRING' },
  } as const;
  return t[dialect][def.type];
}

export function quoteIdent(name: string, dialect: Dialect): string {
  return dialect === 'spark' ? `\`${name.replace(/`/g, '``')}\`` : `"${name.replace(/"/g, '""')}"`;
}

export function stringLiteral(s: string, dialect: Dialect): string {
  // Spark reads backslash escapes inside literals; DuckDB and PostgreSQL (standard strings) do not.
  return dialect === 'spark' ? `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : `'${s.replace(/'/g, "''")}'`;
}

function numberLiteral(n: number, def: FactDef, dialect: Dialect): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  // Integers compare exactly as BIGINT; other numbers as the same double the engine holds (String(n) round-trips).
  if (def.type === 'integer' && Number.isSafeInteger(n)) return String(n);
  return `CAST(${stringLiteral(String(n), dialect)} AS ${dialect === 'postgres' ? 'DOUBLE PRECISION' : 'DOUBLE'})`;
}

function literal(v: unknown, def: FactDef, dialect: Dialect): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return numberLiteral(v, def, dialect);
  if (def.type === 'date') {
    if (typeof v !== 'string' || !DATE.test(v)) throw new Error(`not a date: ${String(v)}`);
    return `DATE '${v}'`;
  }
  return stringLiteral(String(v), dialect);
}

function arrayLiteral(values: string[], dialect: Dialect): string {
  const items = values.map((v) => stringLiteral(v, dialect)).join(', ');
  if (dialect === 'duckdb') return `CAST([${items}] AS VARCHAR[])`;
  if (dialect === 'postgres') return `CAST(ARRAY[${items}] AS TEXT[])`;
  return `array(${items})`;
}

/** The latest date from which `asOf` is at least `years` whole years away (birthday rule), or undefined. */
export function yearsBefore(asOf: string, years: number): string | undefined {
  const y = Number(asOf.slice(0, 4)) - years;
  if (y < 1 || y > 9999) return undefined;
  const md = asOf.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/** NULL when the column is NULL, else the expression: for the array functions whose NULL handling differs. */
const guarded = (col: string, expr: string) => `(CASE WHEN ${col} IS NULL THEN NULL ELSE ${expr} END)`;

function compileLeaf(leaf: Leaf, def: FactDef, o: CompileOptions): string {
  const { dialect } = o;
  const col = quoteIdent(leaf.fact, dialect);
  const v = leaf.value;
  const list = Array.isArray(v) ? (v as (string | number)[]) : [];
  const lit = (x: unknown) => literal(x, def, dialect);
  switch (leaf.op) {
    case 'eq': return `(${col} = ${lit(v)})`;
    case 'ne': return `(${col} <> ${lit(v)})`;
    case 'lt': return `(${col} < ${lit(v)})`;
    case 'lte': return `(${col} <= ${lit(v)})`;
    case 'gt': return `(${col} > ${lit(v)})`;
    case 'gte': return `(${col} >= ${lit(v)})`;
    case 'between': return `(${col} BETWEEN ${lit(list[0])} AND ${lit(list[1])})`;
    // The lists hold no NULL (the catalog is checked), so NOT IN is NULL only when the column is.
    case 'in': return `(${col} IN (${list.map(lit).join(', ')}))`;
    case 'notIn': return `(${col} NOT IN (${list.map(lit).join(', ')}))`;
    case 'includesAny': case 'excludesAll': case 'includesAll': {
      const values = list as string[];
      if (dialect === 'duckdb') {
        // One list_contains per option is several times faster in DuckDB than list_has_any with a list constant;
        // list_contains on a NULL list is NULL, so the Kleene value passes through.
        const terms = values.map((v) => `list_contains(${col}, ${stringLiteral(v, dialect)})`);
        if (leaf.op === 'includesAll') return `(${terms.join(' AND ')})`;
        const any = `(${terms.join(' OR ')})`;
        return leaf.op === 'includesAny' ? any : `(NOT ${any})`;
      }
      const arr = arrayLiteral(values, dialect);
      if (leaf.op === 'includesAll') {
        const all = dialect === 'postgres' ? `(${col} @> ${arr})` : `(size(array_except(${arr}, ${col})) = 0)`;
        return guarded(col, `COALESCE(${all}, FALSE)`);
      }
      const any = dialect === 'postgres' ? `(${col} && ${arr})` : `arrays_overlap(${col}, ${arr})`;
      return guarded(col, leaf.op === 'includesAny' ? `COALESCE(${any}, FALSE)` : `NOT COALESCE(${any}, FALSE)`);
    }
    case 'withinRegion': {
      // Provinces by their first 2 digits, prefectures by 4, counties exactly: three IN lists, NULL when the
      // column is NULL.
      const targets = list as string[];
      const provinces = [...new Set(targets.filter((t) => t.endsWith('0000')).map((t) => t.slice(0, 2)))];
      const prefectures = [...new Set(targets.filter((t) => !t.endsWith('0000') && t.endsWith('00')).map((t) => t.slice(0, 4)))];
      const counties = [...new Set(targets.filter((t) => !t.endsWith('00')))];
      const inList = (xs: string[]) => xs.map((x) => stringLiteral(x, dialect)).join(', ');
      const terms = [
        ...(provinces.length ? [`substr(${col}, 1, 2) IN (${inList(provinces)})`] : []),
        ...(prefectures.length ? [`substr(${col}, 1, 4) IN (${inList(prefectures)})`] : []),
        ...(counties.length ? [`${col} IN (${inList(counties)})`] : []),
      ];
      return `(${terms.join(' OR ')})`;
    }
    // Whole years by the birthday rule, against a fixed asOf, is a date comparison:
    // yearsSince(d) >= n  ⇔  d <= the date n years before asOf (Feb 29 → Feb 28 in a common year).
    case 'yearsSinceGte': {
      const b = yearsBefore(o.asOf, v as number);
      return b ? `(${col} <= DATE '${b}')` : guarded(col, 'FALSE');
    }
    case 'yearsSinceLte': {
      const b = yearsBefore(o.asOf, (v as number) + 1);
      return b ? `(${col} > DATE '${b}')` : guarded(col, 'TRUE');
    }
  }
}

/** Distinct leaves (same fact, operator and value), each computed once per row when the dialect allows it. */
interface LeafTable { keys: Map<string, number>; exprs: string[] }

function compileCriterion(node: Criterion, catalog: Catalog, o: CompileOptions, leaves?: LeafTable): string {
  if ('all' in node) return node.all.length ? `(${node.all.map((c) => compileCriterion(c, catalog, o, leaves)).join(' AND ')})` : 'TRUE';
  if ('any' in node) return node.any.length ? `(${node.any.map((c) => compileCriterion(c, catalog, o, leaves)).join(' OR ')})` : 'FALSE';
  if ('not' in node) return `(NOT ${compileCriterion(node.not, catalog, o, leaves)})`;
  const expr = compileLeaf(node, catalog.facts[node.fact]!, o);
  if (!leaves) return expr;
  const key = `${node.fact}\u0000${node.op}\u0000${JSON.stringify(node.value)}`;
  let k = leaves.keys.get(key);
  if (k === undefined) {
    k = leaves.exprs.length;
    leaves.keys.set(key, k);
    leaves.exprs.push(expr);
  }
  return `l.${quoteIdent(`__chanrong_leaf_${k}`, o.dialect)}`;
}

/** DuckDB's status columns are an ENUM of the three statuses: they read and compare as text (CSV, JSON and
 * `= 'eligible'` see the words), but a row's statuses are three one-byte codes, not strings to build, which made
 * the bundled catalog's query about a quarter cheaper. PostgreSQL and Spark SQL have no inline enum: text. */
export const STATUS_TYPE_DUCKDB = "ENUM('eligible', 'ineligible', 'undetermined')";

/** The three status values as SQL constants of the dialect's status type: eligible, ineligible, undetermined. */
export function statusLiterals(dialect: Dialect): [string, string, string] {
  const words = ['eligible', 'ineligible', 'undetermined'] as const;
  return words.map((w) => (dialect === 'duckdb' ? `CAST('${w}' AS ${STATUS_TYPE_DUCKDB})` : `'${w}'`)) as [string, string, string];
}

/**
 * The contract's function (CONTRACT.md, "Population screening (v2)"): one SQL query giving every row of `table`
 * with a status column per program in force on `asOf`.
 */
export function compileCatalogToSql(catalog: Catalog, options: CompileOptions): string {
  return compileScreening(catalog, options).sql;
}

/** The same query with the names of its status columns (what `chanrong screen` counts and reports). */
export function compileScreening(catalog: Catalog, options: CompileOptions): CompiledSql {
  if (!DIALECTS.includes(options.dialect)) throw new Error(`dialect must be one of ${DIALECTS.join(', ')}`);
  if (!DATE.test(options.asOf)) throw new Error('asOf must be a YYYY-MM-DD date');
  if (!options.table || /;/.test(options.table)) throw new Error('table must name a table, view or parenthesised subquery');
  assertCatalog(catalog);
  const inForce = catalog.programs.filter((p) => isInForce(p, options.asOf));
  const facts = new Set(Object.keys(catalog.facts));
  for (const p of inForce) {
    if (facts.has(p.id)) throw new Error(`program id "${p.id}" is also a fact id: the status column would shadow the fact's column`);
  }
  // DuckDB computes each distinct leaf once per row (a catalog repeats "entity type is enterprise" in most
  // programs); PostgreSQL and Spark SQL get the leaves inline.
  const leaves: LeafTable | undefined = options.dialect === 'duckdb' ? { keys: new Map(), exprs: [] } : undefined;
  const [eligible, ineligible, undetermined] = statusLiterals(options.dialect);
  const statuses = inForce.map((p) => `  CASE ${compileCriterion(p.criteria, catalog, options, leaves)} WHEN TRUE THEN ${eligible} WHEN FALSE THEN ${ineligible} ELSE ${undetermined} END AS ${quoteIdent(p.id, options.dialect)}`);
  const q = (c: string) => quoteIdent(c, options.dialect);
  let sql: string;
  if (leaves && leaves.exprs.length) {
    // DuckDB: the distinct leaves as columns of an inner projection (row order kept), left out of the answer.
    const names = leaves.exprs.map((_, k) => q(`__chanrong_leaf_${k}`));
    const head = options.select ? options.select.map(q).join(', ') : `* EXCLUDE (${names.join(', ')})`;
    const inner = leaves.exprs.map((e, k) => `    ${e} AS ${names[k]}`).join(',\n');
    sql = `SELECT ${head},\n${statuses.join(',\n')}\nFROM (SELECT *,\n${inner}\n  FROM ${options.table}) AS l`;
  } else {
    const head = options.select ? options.select.map(q).join(', ') : '*';
    sql = `SELECT ${head}${statuses.length ? `,\n${statuses.join(',\n')}` : ''}\nFROM ${options.table}`;
  }
  return { sql, programs: inForce.map((p) => p.id) };
}
