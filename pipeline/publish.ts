#!/usr/bin/env -S node --import tsx
// Stage 5, publish: validated tables -> DIST/NAME.{csv,json,parquet} and DIST/dataset.duckdb.
// CSV and JSON are streamed from the JSON Lines (already in the schema's row order);
// Parquet (zstd) and the database are written by DuckDB. Every file is written under
// a temporary name and renamed, so an interrupted run leaves no half-written output.
import { fs, path } from 'zx';
import { csvHeader, csvRows } from './lib/csv.ts';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openDuckDB, orderBySql, readJsonlSql, sqlIdent, sqlString } from './lib/duckdb.ts';
import { AtomicWriter, readJsonl } from './lib/io/jsonl.ts';
import { columnsOf, loadTableSchemas, type TableSchema } from './lib/schema.ts';
import { runStage, stageArgs } from './lib/stage.ts';
import { tableBuildPath } from './lib/tables.ts';

const BATCH = 1000;

runStage('publish', async () => {
  const { build, dist, partitioned } = stageArgs();
  if (!(await fs.pathExists(path.join(build, 'validate', 'ok')))) throw new Error('tables are not validated: run the validate stage first');
  await fs.mkdirp(dist);
  const schemas = loadTableSchemas();
  const { con } = await openDuckDB();
  await con.run('SET preserve_insertion_order = true');
  for (const [table, schema] of schemas) {
    const source = tableBuildPath(build, table);
    await writeCsvAndJson(source, schema, path.join(dist, table));
    await con.run(`CREATE TABLE ${sqlIdent(table)} AS SELECT * FROM ${readJsonlSql(source, schema)} ORDER BY ${orderBySql(schema)}`);
    const parquet = path.join(dist, `${table}.parquet`);
    await con.run(`COPY (SELECT * FROM ${sqlIdent(table)} ORDER BY ${orderBySql(schema)}) TO ${sqlString(parquet + '.tmp')} (FORMAT parquet, COMPRESSION zstd)`);
    await fs.rename(parquet + '.tmp', parquet);
  }
  const db = path.join(dist, 'dataset.duckdb');
  await fs.remove(db + '.tmp');
  await con.run(`ATTACH ${sqlString(db + '.tmp')} AS ds`);
  for (const [table, schema] of schemas) {
    await con.run(`CREATE TABLE ds.${sqlIdent(table)} AS SELECT * FROM ${sqlIdent(table)} ORDER BY ${orderBySql(schema)}`);
    await con.run(`COMMENT ON TABLE ds.${sqlIdent(table)} IS ${sqlString(schema.description)}`);
    for (const c of columnsOf(schema)) await con.run(`COMMENT ON COLUMN ds.${sqlIdent(table)}.${sqlIdent(c.name)} IS ${sqlString(c.description)}`);
  }
  await con.run('DETACH ds');
  await fs.rename(db + '.tmp', db);
  if (partitioned) await writePartitioned(con, schemas, path.join(dist, 'partitioned'));
  console.error(`publish: ${schemas.size} tables to ${dist}`);
});

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
    const join = table === 'documents' ? '' : 'LEFT JOIN documents d ON d.doc_id = t.doc_id';
    const order = schema['x-order'].map((k) => `t.${sqlIdent(k)} NULLS FIRST`).join(', ');
    await con.run(`COPY (SELECT t.*, ${year} AS year FROM ${sqlIdent(table)} t ${join} ORDER BY ${order}) TO ${sqlString(path.join(root + '.tmp', table))} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (year), FILENAME_PATTERN 'part_{i}')`);
  }
  await fs.remove(root);
  await fs.rename(root + '.tmp', root);
}

async function writeCsvAndJson(source: string, schema: TableSchema, base: string): Promise<void> {
  const columns = columnsOf(schema);
  const csv = new AtomicWriter(`${base}.csv`);
  const json = new AtomicWriter(`${base}.json`);
  await csv.write(csvHeader(columns));
  await json.write('[');
  let batch: Record<string, unknown>[] = [];
  let first = true;
  const flush = async () => {
    await csv.write(csvRows(batch, columns));
    batch = [];
  };
  for await (const record of readJsonl<Record<string, unknown>>(source)) {
    // key order follows the schema, whatever order the extractor used
    const ordered = Object.fromEntries(columns.map((c) => [c.name, record[c.name] ?? null]));
    await json.write((first ? '\n' : ',\n') + JSON.stringify(ordered));
    first = false;
    batch.push(ordered);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  await json.write(first ? ']\n' : '\n]\n');
  await csv.close();
  await json.close();
}
