#!/usr/bin/env -S node --import tsx
// Stage 5, publish: validated tables -> DIST/NAME.{csv,json,parquet} and DIST/dataset.duckdb.
// CSV and JSON are streamed from the JSON Lines (already in the schema's row order), gzipped
// (NAME.csv.gz, NAME.json.gz) from COMPRESS_MIN_ARTICLES articles on or with --compress 1
// (make COMPRESS=1; COMPRESS=0 never); Parquet (zstd) and the database are written by DuckDB.
// Every file is written under a temporary name and renamed, so an interrupted run leaves no
// half-written output.
//
// Memory stays flat as the corpus grows: Node streams one record at a time (CSV and JSON of
// several tables at once in worker threads, --jobs, default: all cores), and DuckDB (one
// thread, capped) loads each table straight into the database file, then writes the Parquet
// file by scanning that table. The JSON Lines come in the schema's row order, which the CSV/JSON
// pass checks; only a table that is not strictly in that order is sorted (spilling to disk)
// before its Parquet file is written.
import { createReadStream, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fs, minimist, path } from 'zx';
import type { DuckDBConnection } from '@duckdb/node-api';
import { createTableSql, openDuckDB, orderBySql, readJsonlSql, sqlIdent, sqlString } from './lib/duckdb.ts';
import { isOwnTemporary, temporaryPath } from './lib/io/temporaries.ts';
import { writeCsvAndJson } from './lib/publish/csv-json.ts';
import { compressionWanted, publishedName, TEXT_FORMATS } from './lib/publish/files.ts';
import type { CsvJsonJob } from './lib/publish/worker.ts';
import { columnsOf, loadTableSchemas, type TableSchema } from './lib/schema.ts';
import { runStage, stageArgs } from './lib/stage.ts';
import { tableBuildPath } from './lib/tables.ts';
import { shareOut, TaskPool } from './lib/task-pool.ts';

/** Below this many bytes of tables, starting worker threads (about half a second each) costs more than it saves. */
const POOL_MIN_BYTES = 32 << 20;

/**
 * Rows per Parquet row group, where not DuckDB's 122,880. A row group is held whole in memory
 * while it is written: documents rows carry the article text, so theirs are kept to a few tens of MB.
 */
const ROW_GROUP_ROWS: Record<string, number> = { documents: 8192 };

const parquetOptions = (table: string): string =>
  `FORMAT parquet, COMPRESSION zstd${ROW_GROUP_ROWS[table] ? `, ROW_GROUP_SIZE ${ROW_GROUP_ROWS[table]}` : ''}`;

/**
 * The storage format of dataset.duckdb, which DuckDB 1.3 and later read. Its string compression
 * (DICT_FSST) is chosen the same way every run and makes the database half the size of the
 * default format's (v0.10.2): FSST there picks its sample at random, so the same tables gave a
 * different file from one run to the next. (The other half of a byte-identical file is
 * lib/duckdb-allocator.ts: zeroed memory, so that no block carries leftover bytes.)
 */
const DATABASE_STORAGE_VERSION = 'v1.3.0';

/** DuckDB's cap while publishing: its largest need is one Parquet row group (see ROW_GROUP_ROWS). */
const PUBLISH_MEMORY_LIMIT = process.env.DUCKDB_MEMORY_LIMIT ?? '384MB';

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
  await con.run(`ATTACH ${sqlString(temporaryPath(db))} AS ds (STORAGE_VERSION ${sqlString(DATABASE_STORAGE_VERSION)})`);
  // Node writes the CSV and JSON of the tables while DuckDB loads every table; each table's
  // Parquet file follows once its CSV and JSON pass has told whether its records came in order.
  // With more than one job, the tables are shared out, largest first, between this thread and
  // jobs - 1 worker threads, by bytes.
  const opts = minimist(process.argv.slice(2), { string: ['jobs', 'compress'] });
  const jobsAsked = opts.jobs ?? process.env.JOBS;
  const jobs = Math.max(1, Number(jobsAsked ?? availableParallelism()));
  const sources = new Map([...schemas.keys()].map((table) => [table, tableBuildPath(build, table)]));
  const articles = await countLines(sources.get('documents')!);
  const gzip = compressionWanted(opts.compress ?? process.env.COMPRESS, articles);
  console.error(`publish: ${articles} articles, CSV and JSON ${gzip ? 'gzipped (NAME.csv.gz, NAME.json.gz)' : 'as plain text'}`);
  const bytes = new Map([...sources].map(([table, source]) => [table, statSync(source).size]));
  const total = [...bytes.values()].reduce((a, b) => a + b, 0);
  const lanes = shareOut([...schemas.keys()], (table) => bytes.get(table)!, jobs > 1 && (jobsAsked !== undefined || total >= POOL_MIN_BYTES) ? jobs : 1);
  const pool = lanes.length > 1
    ? new TaskPool<CsvJsonJob, { inOrder: boolean }>(new URL('./lib/publish/worker.ts', import.meta.url), lanes.length - 1)
    : null;
  const inOrder = new Map<string, Promise<boolean>>();
  const jobOf = (table: string): CsvJsonJob => ({ source: sources.get(table)!, schema: schemas.get(table)!, dist, table, gzip });
  let previous: Promise<unknown> = Promise.resolve();
  for (const table of lanes[0]) {
    const job = jobOf(table);
    const done = previous.then(() => writeCsvAndJson(job.source, job.schema, job.dist, job.table, job.gzip));
    inOrder.set(table, done);
    previous = done;
  }
  for (const table of lanes.slice(1).flat()) inOrder.set(table, pool!.run(jobOf(table)).then((r) => r.inOrder));
  for (const done of inOrder.values()) done.catch(() => {}); // awaited below; this only keeps Node from calling them unhandled meanwhile
  try {
    for (const [table, schema] of schemas) await loadTable(con, table, schema, sources.get(table)!);
    for (const [table, schema] of schemas) await writeParquet(con, table, schema, await inOrder.get(table)!, path.join(dist, `${table}.parquet`));
    if (partitioned) await writePartitioned(con, schemas, path.join(dist, 'partitioned'));
    await con.run('DETACH ds');
  } catch (err) {
    await pool?.close();
    con.closeSync();
    instance.closeSync();
    // the temporary files of the database and of the workers (a terminated worker does not get to remove its own)
    for (const f of await fs.readdir(dist)) if (isOwnTemporary(f)) await fs.remove(path.join(dist, f));
    throw err;
  }
  await pool?.close();
  con.closeSync();
  instance.closeSync();
  await fs.rename(temporaryPath(db), db);
  // the other form of each CSV and JSON file, left by an earlier build in this folder
  for (const table of schemas.keys()) for (const format of TEXT_FORMATS) await fs.remove(path.join(dist, publishedName(table, format, !gzip)));
  console.error(`publish: ${schemas.size} tables to ${dist}`);
});

/** Lines of a file (records of a JSON Lines file), read in blocks. */
async function countLines(file: string): Promise<number> {
  let lines = 0;
  for await (const block of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let at = block.indexOf(10); at !== -1; at = block.indexOf(10, at + 1)) lines++;
  }
  return lines;
}

/** ds.TABLE from the JSON Lines, in the order of their lines. */
async function loadTable(con: DuckDBConnection, table: string, schema: TableSchema, source: string): Promise<void> {
  await con.run(createTableSql(`ds.${sqlIdent(table)}`, schema));
  await con.run(`INSERT INTO ds.${sqlIdent(table)} SELECT * FROM ${readJsonlSql(source, schema)}`);
}

/**
 * DIST/TABLE.parquet from ds.TABLE, in the schema's row order. When the JSON Lines were
 * strictly in that order (`inOrder`), insertion order is the order and nothing is sorted.
 */
async function writeParquet(con: DuckDBConnection, table: string, schema: TableSchema, inOrder: boolean, parquet: string): Promise<void> {
  const t = `ds.${sqlIdent(table)}`;
  if (!inOrder) {
    const unsorted = `ds.${sqlIdent(`${table}_unsorted`)}`;
    await con.run(`ALTER TABLE ${t} RENAME TO ${sqlIdent(`${table}_unsorted`)}`);
    await con.run(createTableSql(t, schema));
    await con.run(`INSERT INTO ${t} SELECT * FROM ${unsorted} ORDER BY ${orderBySql(schema)}`);
    await con.run(`DROP TABLE ${unsorted}`);
  }
  await con.run(`COMMENT ON TABLE ${t} IS ${sqlString(schema.description)}`);
  for (const c of columnsOf(schema)) await con.run(`COMMENT ON COLUMN ${t}.${sqlIdent(c.name)} IS ${sqlString(c.description)}`);
  await con.run(`COPY (SELECT * FROM ${t}) TO ${sqlString(temporaryPath(parquet))} (${parquetOptions(table)})`);
  await fs.rename(temporaryPath(parquet), parquet);
}

/**
 * DIST/partitioned/TABLE/year=YYYY/part_0.parquet: every table split by the year of its
 * article's publication date (`year=unknown` when the article has none), the Hive
 * layout that Spark, Trino or DuckDB read unchanged (DuckDB: read_parquet with hive_partitioning = true).
 */
async function writePartitioned(con: DuckDBConnection, schemas: Map<string, TableSchema>, root: string): Promise<void> {
  const tmp = temporaryPath(root);
  await fs.mkdirp(tmp);
  for (const [table, schema] of schemas) {
    if (!schema.properties.doc_id) continue;
    const year = table === 'documents' ? `coalesce(substr(t.published, 1, 4), 'unknown')` : `coalesce(substr(d.published, 1, 4), 'unknown')`;
    const join = table === 'documents' ? '' : 'LEFT JOIN ds.documents d ON d.doc_id = t.doc_id';
    const order = schema['x-order'].map((k) => `t.${sqlIdent(k)} NULLS FIRST`).join(', ');
    await con.run(`COPY (SELECT t.*, ${year} AS year FROM ds.${sqlIdent(table)} t ${join} ORDER BY ${order}) TO ${sqlString(path.join(tmp, table))} (${parquetOptions(table)}, PARTITION_BY (year), FILENAME_PATTERN 'part_{i}')`);
  }
  await fs.remove(root);
  await fs.rename(tmp, root);
}
