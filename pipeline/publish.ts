#!/usr/bin/env -S node --import tsx
// Stage 5, publish: validated tables -> DIST/NAME.{csv,json,parquet} and DIST/dataset.duckdb.
// CSV and JSON are streamed from the JSON Lines (already in the schema's row order);
// Parquet (zstd) and the database are written by DuckDB. Every file is written under
// a temporary name and renamed, so an interrupted run leaves no half-written output.
//
// Memory stays flat as the corpus grows: Node streams one record at a time, and DuckDB (one
// thread, capped) loads each table straight into the database file, then writes the Parquet
// file by scanning that table. The JSON Lines come in the schema's row order, which the CSV/JSON
// pass checks; only a table that is not strictly in that order is sorted (spilling to disk).
import { fs, path } from 'zx';
import { csvHeader, csvRows } from './lib/csv.ts';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openDuckDB, orderBySql, readJsonlSql, sqlIdent, sqlString } from './lib/duckdb.ts';
import { AtomicWriter, readJsonl } from './lib/io/jsonl.ts';
import { columnsOf, loadTableSchemas, type TableSchema } from './lib/schema.ts';
import { runStage, stageArgs } from './lib/stage.ts';
import { tableBuildPath } from './lib/tables.ts';

const BATCH = 1000;

/**
 * DuckDB's cap while publishing. Writing a Parquet row group (122,880 rows, the size that makes
 * the files what they are) holds the whole group in memory: for documents, whose rows carry the
 * article text, that is a few hundred MB on a large corpus.
 */
const PUBLISH_MEMORY_LIMIT = process.env.DUCKDB_MEMORY_LIMIT ?? '640MB';

runStage('publish', async () => {
  const { build, dist, partitioned } = stageArgs();
  if (!(await fs.pathExists(path.join(build, 'validate', 'ok')))) throw new Error('tables are not validated: run the validate stage first');
  await fs.mkdirp(dist);
  const schemas = loadTableSchemas();
  // One thread: the table scans that feed the Parquet writer then follow the row groups in order
  // (row group boundaries are part of the file's bytes), and one thread's buffers are the peak.
  const { instance, con } = await openDuckDB(':memory:', PUBLISH_MEMORY_LIMIT, { threads: 1 });
  await con.run('SET preserve_insertion_order = true');
  const db = path.join(dist, 'dataset.duckdb');
  await fs.remove(db + '.tmp');
  await fs.remove(db + '.tmp.wal');
  await con.run(`ATTACH ${sqlString(db + '.tmp')} AS ds`);
  // DuckDB loads table N while Node writes the CSV and JSON of table N + 1.
  let loading: Promise<void> = Promise.resolve();
  for (const [table, schema] of schemas) {
    const source = tableBuildPath(build, table);
    const sorted = await writeCsvAndJson(source, schema, path.join(dist, table));
    await loading;
    loading = loadTable(con, table, schema, source, sorted, path.join(dist, `${table}.parquet`));
    loading.catch(() => {}); // awaited below; this only keeps Node from calling it unhandled meanwhile
  }
  await loading;
  if (partitioned) await writePartitioned(con, schemas, path.join(dist, 'partitioned'));
  await con.run('DETACH ds');
  con.closeSync();
  instance.closeSync();
  await fs.rename(db + '.tmp', db);
  console.error(`publish: ${schemas.size} tables to ${dist}`);
});

/**
 * ds.TABLE from the JSON Lines, in the schema's row order, and DIST/TABLE.parquet from it. When
 * the file is strictly in that order, insertion order is the order and nothing is sorted.
 */
async function loadTable(con: DuckDBConnection, table: string, schema: TableSchema, source: string, sorted: boolean, parquet: string): Promise<void> {
  const t = `ds.${sqlIdent(table)}`;
  await con.run(`CREATE TABLE ${t} AS SELECT * FROM ${readJsonlSql(source, schema)}${sorted ? '' : ` ORDER BY ${orderBySql(schema)}`}`);
  await con.run(`COMMENT ON TABLE ${t} IS ${sqlString(schema.description)}`);
  for (const c of columnsOf(schema)) await con.run(`COMMENT ON COLUMN ${t}.${sqlIdent(c.name)} IS ${sqlString(c.description)}`);
  await con.run(`COPY (SELECT * FROM ${t}) TO ${sqlString(parquet + '.tmp')} (FORMAT parquet, COMPRESSION zstd)`);
  await fs.rename(parquet + '.tmp', parquet);
}

/**
 * DIST/partitioned/TABLE/year=YYYY/part_0.parquet: every table split by the year of its
 * article's publication date (`year=unknown` when the article has none), the Hive
 * layout that Spark, Trino or DuckDB read unchanged (DuckDB: read_parquet with hive_partitioning = true).
 */
async function writePartitioned(con: DuckDBConnection, schemas: Map<string, TableSchema>, root: string): Promise<void> {
  await fs.remove(root + '.tmp');
  await fs.mkdirp(root + '.tmp');
  for (const [table, schema] of schemas) {
    if (!schema.properties.doc_id) continue;
    const year = table === 'documents' ? `coalesce(substr(t.published, 1, 4), 'unknown')` : `coalesce(substr(d.published, 1, 4), 'unknown')`;
    const join = table === 'documents' ? '' : 'LEFT JOIN ds.documents d ON d.doc_id = t.doc_id';
    const order = schema['x-order'].map((k) => `t.${sqlIdent(k)} NULLS FIRST`).join(', ');
    await con.run(`COPY (SELECT t.*, ${year} AS year FROM ds.${sqlIdent(table)} t ${join} ORDER BY ${order}) TO ${sqlString(path.join(root + '.tmp', table))} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (year), FILENAME_PATTERN 'part_{i}')`);
  }
  await fs.remove(root);
  await fs.rename(root + '.tmp', root);
}

/**
 * DIST/NAME.csv and DIST/NAME.json, streamed from the JSON Lines; returns whether the records
 * came strictly in the schema's row order (`x-order`, as DuckDB sorts: nulls first, strings by
 * code point), so that DuckDB can keep their order instead of sorting the table again.
 */
async function writeCsvAndJson(source: string, schema: TableSchema, base: string): Promise<boolean> {
  const columns = columnsOf(schema);
  const keys = schema['x-order'];
  const csv = new AtomicWriter(`${base}.csv`);
  const json = new AtomicWriter(`${base}.json`);
  await csv.write(csvHeader(columns));
  await json.write('[');
  let batch: Record<string, unknown>[] = [];
  let first = true;
  let sorted = true;
  let previous: unknown[] | null = null;
  const flush = async () => {
    await csv.write(csvRows(batch, columns));
    batch = [];
  };
  for await (const record of readJsonl<Record<string, unknown>>(source)) {
    // key order follows the schema, whatever order the extractor used
    const ordered = Object.fromEntries(columns.map((c) => [c.name, record[c.name] ?? null]));
    if (sorted) {
      const key = keys.map((k) => ordered[k] ?? null);
      if (previous && !(compareKeys(previous, key) < 0)) sorted = false;
      previous = key;
    }
    await json.write((first ? '\n' : ',\n') + JSON.stringify(ordered));
    first = false;
    batch.push(ordered);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  await json.write(first ? ']\n' : '\n]\n');
  await csv.close();
  await json.close();
  return sorted;
}

/** Code point order, as DuckDB compares VARCHAR (UTF-8 bytes); `<` compares UTF-16 units. */
function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    // a surrogate (a code point above U+FFFF) sorts after any other unit from U+E000 up
    if (xs !== ys && (xs ? y : x) >= 0xe000) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** ORDER BY k1 NULLS FIRST, k2 NULLS FIRST, …; NaN (not comparable) for a value of another type. */
function compareKeys(a: unknown[], b: unknown[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    if (typeof x === 'string' && typeof y === 'string') return compareCodePoints(x, y);
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return NaN;
  }
  return 0;
}
