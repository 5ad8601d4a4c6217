#!/usr/bin/env -S node --import tsx
// Stage 4, validate: every record of every table against its JSON Schema (ajv, strict,
// formats on). Any violation fails the build, naming table, record id, field and reason.
// Chunks of each table go to a pool of worker threads (--jobs, default: all cores) that
// parse and validate them; the main thread reads the files, takes the results in file
// order and checks that ids are unique, so the output does not depend on the pool size.
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fs, minimist, path } from 'zx';
import { OrderedPool } from './lib/pool.ts';
import { compileValidators, loadTableSchemas, primaryKeyOf } from './lib/schema.ts';
import { runStage, stageArgs } from './lib/stage.ts';
import { tableBuildPath } from './lib/tables.ts';
import { lineBatches } from './lib/io/line-batches.ts';
import { MAX_PROBLEMS, TableCheck, validateBatch, type BatchResult } from './lib/validate-batch.ts';

const BATCH_BYTES = 1 << 20;

runStage('validate', async () => {
  const { build } = stageArgs();
  const opts = minimist(process.argv.slice(2), { string: ['jobs'] });
  const jobs = Math.max(1, Number(opts.jobs ?? process.env.JOBS ?? availableParallelism()));
  const schemas = loadTableSchemas();
  const problems: string[] = [];
  const checks = [...schemas.keys()].map((table) => new TableCheck(table, tableBuildPath(build, table), problems, primaryKeyOf(schemas.get(table)!)));
  // no more workers than batches: a small build is validated without starting any
  // (a missing file counts for nothing here; reading it fails below with the usual message)
  const inputBytes = checks.reduce((sum, c) => sum + (existsSync(c.file) ? statSync(c.file).size : 0), 0);
  const workers = Math.min(jobs, Math.ceil(inputBytes / BATCH_BYTES));

  // the table of each chunk in the pool, in submission order, which is the order of the results
  const submitted: TableCheck[] = [];
  const pool = workers > 1
    ? new OrderedPool<{ table: string; chunk: Uint8Array }, BatchResult>(new URL('./lib/validate-worker.ts', import.meta.url), workers, {}, (r) => submitted.shift()!.add(r))
    : null;
  const validators = pool ? null : compileValidators(schemas);
  for (const check of checks) {
    for (const chunk of lineBatches(check.file, BATCH_BYTES)) {
      if (check.done) break;
      if (pool) {
        submitted.push(check);
        await pool.submit({ table: check.table, chunk });
      } else {
        check.add(validateBatch(chunk, validators!.get(check.table)!, check.key));
      }
    }
  }
  await pool?.drain();

  const counts = checks.map((c) => `${c.records} ${c.table}`);
  if (problems.length) {
    for (const p of problems.slice(0, MAX_PROBLEMS)) console.error(p);
    throw new Error(`${problems.length} schema violation(s)`);
  }
  await fs.outputFile(path.join(build, 'validate', 'ok'), counts.join('\n') + '\n');
  console.error(`validate: all records valid (${counts.join(', ')})`);
});
