#!/usr/bin/env -S node --import tsx
// Shard export (make SHARD=i/N): the per-document tables this shard extracted, written as
// DIST/shards/TABLE/part-i-of-N.parquet. `make merge-shards` combines the parts.
import { fs, minimist, path } from 'zx';
import { openDuckDB, orderBySql, readJsonlSql, sqlString } from './lib/duckdb.ts';
import { temporaryPath } from './lib/io/temporaries.ts';
import { INTERNAL_TABLES, PER_DOCUMENT_TABLES } from './lib/extract/outputs.ts';
import { loadTableSchemas } from './lib/schema.ts';
import { parseShard, shardTag } from './lib/shard.ts';
import { runStage, stageArgs } from './lib/stage.ts';

runStage('export-shard', async () => {
  const { build, dist } = stageArgs();
  const shard = parseShard(String(minimist(process.argv.slice(2), { string: ['shard'] }).shard ?? ''));
  const schemas = loadTableSchemas();
  const { con } = await openDuckDB();
  for (const table of PER_DOCUMENT_TABLES) {
    const schema = schemas.get(table)!;
    const target = path.join(dist, 'shards', table, `part-${shardTag(shard)}.parquet`);
    await fs.mkdirp(path.dirname(target));
    await con.run(`COPY (SELECT * FROM ${readJsonlSql(path.join(build, 'extract', `${table}.jsonl`), schema)} ORDER BY ${orderBySql(schema)}) TO ${sqlString(temporaryPath(target))} (FORMAT parquet, COMPRESSION zstd)`);
    await fs.rename(temporaryPath(target), target);
  }
  for (const table of INTERNAL_TABLES) {
    const part = path.join(dist, 'shards', table, `part-${shardTag(shard)}.jsonl`);
    await fs.mkdirp(path.dirname(part));
    await fs.copy(path.join(build, 'extract', `${table}.jsonl`), part);
  }
  for (const stage of ['clean', 'extract']) {
    const qualityPart = path.join(dist, 'shards', `${stage}-quality`, `part-${shardTag(shard)}.jsonl`);
    await fs.mkdirp(path.dirname(qualityPart));
    await fs.copy(path.join(build, stage, 'quality.jsonl'), qualityPart);
  }
  console.error(`export-shard: shard ${shard.index}/${shard.count} written to ${path.join(dist, 'shards')}`);
});
