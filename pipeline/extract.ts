#!/usr/bin/env -S node --import tsx
// Stage 2, extract: BUILD/clean/articles.jsonl -> one JSON Lines file per per-document
// table in BUILD/extract/ (documents, removals, dates, quotes, events, agreements).
// Batches of articles go to a pool of worker threads (--jobs, default: all cores);
// results are written in input order, so the output does not depend on the pool size.
// An article already extracted by the same code is read from BUILD/cache/extract/.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { minimist, path } from 'zx';
import { codeVersion } from './lib/code-version.ts';
import { ContentCache } from './lib/cache.ts';
import { extractBatch, type BatchOutput } from './lib/extract/batch.ts';
import { EXTRACT_OUTPUTS } from './lib/extract/rows.ts';
import { AtomicWriter, JsonlWriter } from './lib/io/jsonl.ts';
import { formatQualityLine, type QualityEntry } from './lib/quality.ts';
import { readLines } from './lib/io/lines.ts';
import { OrderedPool } from './lib/pool.ts';
import { Progress } from './lib/progress.ts';
import { loadTableSchemas } from './lib/schema.ts';
import { runStage, stageArgs } from './lib/stage.ts';

const BATCH_DOCS = 32;
type BatchResult = ReturnType<typeof extractBatch>;
const BATCH_BYTES = 1 << 20;

runStage('extract', async () => {
  const { build, strict } = stageArgs();
  const opts = minimist(process.argv.slice(2), { string: ['jobs'], boolean: ['cache'], default: { cache: true } });
  const jobs = Math.max(1, Number(opts.jobs ?? process.env.JOBS ?? availableParallelism()));
  const version = codeVersion();
  const cacheRoot = !opts.cache || process.env.EXTRACT_CACHE === '0' ? null : path.join(build, 'cache', 'extract');
  const cache = cacheRoot ? new ContentCache<BatchOutput>(cacheRoot, version) : null;
  cache?.prune();

  const writers = new Map(EXTRACT_OUTPUTS.map((t) => [t, new AtomicWriter(path.join(build, 'extract', `${t}.jsonl`))]));
  const articlesFile = path.join(build, 'clean', 'articles.jsonl');
  // the documents are not counted ahead; the bytes of the input file give the bar and the ETA
  const progress = new Progress('extract', undefined, statSync(articlesFile).size);
  let docs = 0;
  let cachedDocs = 0;
  const quality = new JsonlWriter<QualityEntry>(path.join(build, 'extract', 'quality.jsonl'));
  const write = async (r: BatchResult) => {
    cachedDocs += r.cached;
    for (const f of r.failures) {
      console.error(formatQualityLine(f));
      await quality.write(f);
    }
    for (const t of EXTRACT_OUTPUTS) if (r.output[t]) await writers.get(t)!.write(r.output[t]);
  };

  const schemas = loadTableSchemas();
  const pool = jobs > 1 ? new OrderedPool<{ lines: string[] }, BatchResult>(new URL('./lib/extract/worker.ts', import.meta.url), jobs, { cacheRoot, version }, write) : null;
  let batch: string[] = [];
  let batchBytes = 0;
  const flush = async () => {
    if (!batch.length) return;
    if (pool) await pool.submit({ lines: batch });
    else await write(extractBatch(batch, { schemas, cache }));
    batch = [];
    batchBytes = 0;
  };
  for await (const line of readLines(articlesFile)) {
    docs++;
    progress.tick(Buffer.byteLength(line) + 1);
    batch.push(line);
    batchBytes += line.length;
    if (batch.length >= BATCH_DOCS || batchBytes >= BATCH_BYTES) await flush();
  }
  await flush();
  if (pool) await pool.drain();
  progress.finish();
  for (const w of writers.values()) await w.close();
  await quality.close();
  if (strict && quality.count > 0) throw new Error(`${quality.count} article(s) failed extraction (--strict)`);
  console.error(`extract: ${docs} documents (${cachedDocs} from cache), ${jobs} worker${jobs > 1 ? 's' : ''}`);
});
