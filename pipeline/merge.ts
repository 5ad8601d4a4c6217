#!/usr/bin/env -S node --import tsx
// Shard merge (make merge-shards): DIST/shards/TABLE/part-*.parquet -> BUILD/extract/TABLE.jsonl
// in the table's order, as if one run had extracted every article; the usual link,
// validate, publish, summarize and catalog stages follow.
import { fs, path } from 'zx';
import { openDuckDB, orderBySql, sqlString } from './lib/duckdb.ts';
import { temporaryPath } from './lib/io/temporaries.ts';
import { INTERNAL_TABLES, PER_DOCUMENT_TABLES } from './lib/extract/outputs.ts';
import { loadTableSchemas } from './lib/schema.ts';
import { runStage, stageArgs } from './lib/stage.ts';

runStage('merge', async () => {
  const { build, dist } = stageArgs();
  const schemas = loadTableSchemas();
  const { con } = await openDuckDB();
  const counts = new Set<number>();
  for (const table of PER_DOCUMENT_TABLES) {
    const dir = path.join(dist, 'shards', table);
    const parts = (await fs.pathExists(dir)) ? (await fs.readdir(dir)).filter((f: string) => /^part-\d+-of-\d+\.parquet$/.test(f)) : [];
    if (!parts.length) throw new Error(`no shard parts in ${dir}: run make SHARD=i/N for every i first`);
    for (const p of parts) counts.add(Number(/-of-(\d+)/.exec(p)![1]));
    const n = [...counts][0];
    if (counts.size > 1 || parts.length !== n) throw new Error(`${dir}: expected parts 0..${n - 1} of one split, found ${parts.sort().join(', ')}`);
    const target = path.join(build, 'extract', `${table}.jsonl`);
    await fs.mkdirp(path.dirname(target));
    const glob = path.join(dir, 'part-*.parquet');
    await con.run(`COPY (SELECT * FROM read_parquet(${sqlString(glob)}) ORDER BY ${orderBySql(schemas.get(table)!)}) TO ${sqlString(temporaryPath(target))} (FORMAT json)`);
    await fs.rename(temporaryPath(target), target);
  }
  // JSON Lines parts (intermediate tables whose consumers do not depend on row order, and
  // the quality notes, which the catalog sorts) are concatenated
  for (const [name, target] of [...INTERNAL_TABLES.map((t) => [t, path.join(build, 'extract', `${t}.jsonl`)]), ['clean-quality', path.join(build, 'clean', 'quality.jsonl')], ['extract-quality', path.join(build, 'extract', 'quality.jsonl')]]) {
    const dir = path.join(dist, 'shards', name);
    const parts = ((await fs.pathExists(dir)) ? await fs.readdir(dir) : []).filter((f: string) => f.endsWith('.jsonl')).sort();
    await fs.outputFile(target, '');
    for (const p of parts) await fs.appendFile(target, await fs.readFile(path.join(dir, p)));
  }
  console.error(`merge: ${PER_DOCUMENT_TABLES.length} tables merged from ${[...counts][0]} shards`);
});
