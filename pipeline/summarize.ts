#!/usr/bin/env -S node --import tsx
// Stage 6, summarize: each pipeline/sql/NAME.sql (one commented query) run by DuckDB over
// the published Parquet files; results to DIST/summaries/NAME.csv (NAME.csv.gz when publish
// gzipped the tables' CSV and JSON).
//
// The queries scan, aggregate, join and sort whole tables: DuckDB streams the Parquet files and
// spills what exceeds its cap, with two threads (each thread adds its own buffers to the peak:
// at 1 GB of articles two threads take 37 s and 576 MB, one 45 s and 523 MB, for the same CSV).
import { fs, path } from 'zx';
import { openDuckDB, sqlIdent, sqlString } from './lib/duckdb.ts';
import { temporaryPath } from './lib/io/temporaries.ts';
import { tablesGzipped } from './lib/publish/published.ts';
import { loadTableSchemas } from './lib/schema.ts';
import { runStage, stageArgs } from './lib/stage.ts';

export const SQL_DIR = new URL('./sql/', import.meta.url).pathname;

/** DuckDB's cap here: enough for a Parquet page of article texts (up to ~100 MB) and a join. */
const SUMMARIZE_MEMORY_LIMIT = process.env.DUCKDB_MEMORY_LIMIT ?? '384MB';
const SUMMARIZE_THREADS = 2;

runStage('summarize', async () => {
  const { dist } = stageArgs();
  const { con } = await openDuckDB(':memory:', SUMMARIZE_MEMORY_LIMIT, { threads: SUMMARIZE_THREADS });
  for (const table of loadTableSchemas().keys()) {
    await con.run(`CREATE VIEW ${sqlIdent(table)} AS SELECT * FROM read_parquet(${sqlString(path.join(dist, `${table}.parquet`))})`);
  }
  const out = path.join(dist, 'summaries');
  await fs.mkdirp(out);
  // gzipped when the tables are: a summary may list every dated event with its sentence
  const gzip = tablesGzipped(dist);
  const names = (await fs.readdir(SQL_DIR)).filter((f: string) => f.endsWith('.sql')).sort();
  for (const file of names) {
    const query = (await fs.readFile(path.join(SQL_DIR, file), 'utf8')).trim().replace(/;\s*$/, '');
    const [target, other] = [gzip, !gzip].map((gz) => path.join(out, file.replace(/\.sql$/, gz ? '.csv.gz' : '.csv')));
    try {
      // DuckDB's gzip header holds no time and OS 255, as the tables' (lib/io/gzip.ts)
      await con.run(`COPY (${query}) TO ${sqlString(temporaryPath(target))} (FORMAT csv, HEADER true${gzip ? ', COMPRESSION gzip' : ''})`);
    } catch (err) {
      throw new Error(`summary ${file}: ${(err as Error).message}`);
    }
    await fs.rename(temporaryPath(target), target);
    await fs.remove(other);
  }
  console.error(`summarize: ${names.length} summaries in ${out}`);
});
