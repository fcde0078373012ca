// `chanrong/screening` (Node): a catalog compiled to one SQL query for DuckDB, PostgreSQL or Spark SQL (CONTRACT.md,
// "Population screening (v2)"). `chanrong screen` runs it; a province runs it where its register already is.
export { compileCatalogToSql, compileScreening, columnType, DIALECTS, type CompileOptions, type CompiledSql, type Dialect } from './compile.js';
