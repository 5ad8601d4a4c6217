#!/usr/bin/env -S node --import tsx
// Stage 2, extract: BUILD/clean/articles.jsonl -> one JSON Lines file per per-document
// table in BUILD/extract/ (documents, removals, dates, quotes, events, agreements).
// Batches of articles go to a pool of worker threads (--jobs, default: all cores);
// results are written in input order, so the output does not depend on the pool size.
// An article already extracted by the same code is read from BUILD/cache/extract/ (a Pack
// keyed by the hash of its line) and its JSON Lines copied as bytes, without a worker.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { minimist, path } from 'zx';
import { codeVersion } from './lib/code-version.ts';
import { Pack } from './lib/cache.ts';
import type { extractBatch } from './lib/extract/batch.ts';
import { loadExtractBatch } from './lib/extract/load.ts';
import { EXTRACT_OUTPUTS, QUALITY_PART } from './lib/extract/outputs.ts';
import { sha256Hex } from './lib/ids.ts';
import { AtomicWriter, JsonlWriter } from './lib/io/jsonl.ts';
import { LineReader } from './lib/io/line-batches.ts';
import { formatQualityLine, type QualityEntry } from './lib/quality.ts';
import { readLines } from './lib/io/lines.ts';
import { OrderedPool } from './lib/pool.ts';
import { Progress } from './lib/progress.ts';
import { loadTableSchemas } from './lib/schema.ts';
import { runStage, stageArgs } from './lib/stage.ts';

const BATCH_DOCS = 32;
const BATCH_BYTES = 1 << 20;
/** Up to this many articles to extract (not in the cache), the stage's own thread extracts them (`--in-thread-max`). */
const IN_THREAD_ARTICLES = 64;

/** Articles extracted now (by a worker or this thread), or read from the cache: their tables' bytes. */
type Extracted = ReturnType<typeof extractBatch>;
interface Cached { cached: Buffer[][] }

runStage('extract', async () => {
  const { build, strict } = stageArgs();
  const opts = minimist(process.argv.slice(2), { string: ['jobs', 'in-thread-max'], boolean: ['cache'], default: { cache: true } });
  const jobs = Math.max(1, Number(opts.jobs ?? process.env.JOBS ?? availableParallelism()));
  const version = codeVersion();
  const cache = !opts.cache || process.env.EXTRACT_CACHE === '0' ? null : new Pack(path.join(build, 'cache', 'extract'), version);
  cache?.prune();

  const writers = EXTRACT_OUTPUTS.map((t) => new AtomicWriter(path.join(build, 'extract', `${t}.jsonl`)));
  const articlesFile = path.join(build, 'clean', 'articles.jsonl');
  // the documents are not counted ahead; the bytes of the input file give the bar and the ETA
  const progress = new Progress('extract', undefined, statSync(articlesFile).size);
  let docs = 0;
  let cachedDocs = 0;
  const quality = new JsonlWriter<QualityEntry>(path.join(build, 'extract', 'quality.jsonl'));
  // the cache keys of the batches in the pool, in submission order, which is the order of the results
  const submittedKeys: string[][] = [];
  const writeExtracted = async (r: Extracted, keys: string[]) => {
    for (const f of r.failures) {
      console.error(formatQualityLine(f));
      await quality.write(f);
    }
    const texts = EXTRACT_OUTPUTS.map(() => '');
    let warnings = '';
    r.outputs.forEach((output, i) => {
      if (!output) return;
      cache?.addParts(keys[i], output);
      for (let t = 0; t < QUALITY_PART; t++) texts[t] += output[t];
      warnings += output[QUALITY_PART];
    });
    for (let t = 0; t < writers.length; t++) if (texts[t]) await writers[t].write(texts[t]);
    await writeWarnings(warnings);
  };
  const writeWarnings = async (lines: string) => {
    for (const line of lines.split('\n')) {
      if (!line) continue;
      const entry = JSON.parse(line) as QualityEntry;
      console.error(formatQualityLine(entry));
      await quality.write(entry);
    }
  };
  const writeCached = async ({ cached }: Cached) => {
    cachedDocs += cached.length;
    for (let t = 0; t < writers.length; t++) {
      const bytes = Buffer.concat(cached.map((parts) => parts[t]));
      if (bytes.length) await writers[t].write(bytes);
    }
    await writeWarnings(cached.map((parts) => parts[QUALITY_PART]?.toString('utf8') ?? '').join(''));
  };

  const schemas = loadTableSchemas();
  // A worker thread takes about half a second and tens of MB to start, and the extractors'
  // lexicons some 60 MB in the thread that loads them. A few articles to extract (one changed)
  // are extracted here and no worker starts; more go to the pool, and this thread never loads
  // the extractors.
  const inThread = jobs === 1 || !moreMissesThan(articlesFile, cache, Number(opts['in-thread-max'] ?? IN_THREAD_ARTICLES));
  const pool = inThread ? null : new OrderedPool<{ lines: string[] }, Extracted | Cached>(new URL('./lib/extract/worker.ts', import.meta.url), jobs, {}, (r) => ('cached' in r ? writeCached(r) : writeExtracted(r, submittedKeys.shift()!)));
  let extractHere: typeof extractBatch | null = null;
  // consecutive articles to extract, or consecutive articles found in the cache
  let batch: string[] = [];
  let keys: string[] = [];
  let hits: Buffer[][] = [];
  let pendingBytes = 0;
  const flushBatch = async () => {
    if (!batch.length) return;
    if (pool) {
      submittedKeys.push(keys);
      await pool.submit({ lines: batch });
    } else {
      if (!extractHere) extractHere = await loadExtractBatch();
      await writeExtracted(extractHere(batch, schemas), keys);
    }
    batch = [];
    keys = [];
    pendingBytes = 0;
  };
  const flushHits = async () => {
    if (!hits.length) return;
    if (pool) await pool.push({ cached: hits });
    else await writeCached({ cached: hits });
    hits = [];
    pendingBytes = 0;
  };
  for await (const line of readLines(articlesFile)) {
    docs++;
    progress.tick(Buffer.byteLength(line) + 1);
    const key = cache ? sha256Hex(line) : '';
    const hit = cache?.readParts(key);
    if (hit) {
      await flushBatch();
      hits.push(hit);
      for (const part of hit) pendingBytes += part.length;
      if (pendingBytes >= BATCH_BYTES) await flushHits();
    } else {
      await flushHits();
      batch.push(line);
      keys.push(key);
      pendingBytes += line.length;
      if (batch.length >= BATCH_DOCS || pendingBytes >= BATCH_BYTES) await flushBatch();
    }
  }
  await flushHits();
  await flushBatch();
  await pool?.drain();
  cache?.close();
  progress.finish();
  for (const w of writers) await w.close();
  await quality.close();
  if (strict && quality.count > 0) throw new Error(`${quality.count} article(s) failed extraction or went over its budget (--strict)`);
  const ranIn = pool ? `${jobs} workers` : 'in the stage\'s own thread';
  console.error(`extract: ${docs} documents (${cachedDocs} from cache), ${ranIn}`);
});

/** Whether more than `limit` lines of the file are not in the cache (read until the `limit + 1`th). */
function moreMissesThan(file: string, cache: Pack | null, limit: number): boolean {
  const lines = new LineReader(file, 1 << 20);
  try {
    let misses = 0;
    for (let line = lines.next(); line !== null; line = lines.next()) {
      if (!cache?.has(sha256Hex(line)) && ++misses > limit) return true;
    }
    return false;
  } finally {
    lines.close();
  }
}
