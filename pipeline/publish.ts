#!/usr/bin/env -S node --import tsx
// Stage 5, publish: validated tables -> DIST/NAME.{csv,json,parquet} and DIST/dataset.duckdb.
// CSV and JSON are streamed from the JSON Lines (already in the schema's row order);
// Parquet (zstd) and the database are written by DuckDB. Every file is written under
// a temporary name and renamed, so an interrupted run leaves no half-written output.
import { fs, path } from 'zx';
import { csvHeader, csvRows } from './lib/csv.ts';
import { openDuckDB, orderBySql, readJsonlSql, sqlIdent, sqlString } from './lib/duckdb.ts';
import { AtomicWriter, readJsonl } from './lib/io/jsonl.ts';
import { columnsOf, loadTableSchemas, type TableSchema } from './lib/schema.ts';
import { runStage, stageArgs } from './lib/stage.ts';
import { tableBuildPath } from './lib/tables.ts';

const BATCH = 1000;

runStage('publish', async () => {
  const { build, dist } = stageArgs();
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
  console.error(`publish: ${schemas.size} tables to ${dist}`);
});

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
