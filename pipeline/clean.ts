#!/usr/bin/env -S node --import tsx
// Stage 1, clean: the articles in SEEDS (read recursively) -> BUILD/clean/articles.jsonl (one
// cleaned article per line) and BUILD/clean/quality.jsonl (articles rejected, or published with
// a warning; entries skipped). An article is a `.txt` file, or a record of a collection: a line
// of a `.jsonl` file or a row of a `.csv` file (either gzipped), named `file#line`, whose fields
// (--input-fields) give its text and metadata. Every article ends in exactly one outcome, one
// bad article never stops the others, and with --strict any quality note fails the stage once
// the report is written.
// With --shard i/N only this shard's articles are published and reported: an article that may
// be published belongs to the shard its cleaned text hashes to, so that copies of it meet in
// one shard whatever their bytes (two encodings, a bad and a good date header) and one is kept,
// as in one run over all articles; one rejected on its own, to the shard of its bytes. Every
// shard therefore cleans every article (cleaning is a small part of a build; extraction, the
// large one, is split).
// What an article's bytes alone decide (clean-files.ts) is computed in a pool of worker threads
// for large inputs (--jobs, default: all cores) and cached by content hash in
// BUILD/cache/clean/; a file whose path and stat are unchanged since the last run is known
// by its hash without being read (StatIndex). Verdicts that compare articles (copies: the best
// is kept, input/copies.ts) are made here, in input order, so the output does not depend on
// the pool or the cache.
import { createReadStream, statSync, type BigIntStats } from 'node:fs';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { minimist } from 'zx';
import { PackCache, StatIndex } from './lib/cache.ts';
import { inShard as inShardOf, inspectFiles, unexpectedFailure, type FileJob, type FileOutcome, type InspectedArticle } from './lib/clean-files.ts';
import { codeVersion } from './lib/code-version.ts';
import { HeapSlack } from './lib/gc.ts';
import { docIdOf, sha256Hex } from './lib/ids.ts';
import { readCollection, type CollectionEntry } from './lib/input/collections.ts';
import { copyRank, whyBetterCopy } from './lib/input/copies.ts';
import { parseFieldMapping, readRecord, type FieldMapping, type RecordArticle } from './lib/input/fields.ts';
import { compareNames, listInputs, sourceFormat } from './lib/input/listing.ts';
import { MAX_ARTICLE_BYTES, rejectSize, type Verdict } from './lib/inspect.ts';
import { AtomicWriter, dropByteRanges, JsonlWriter, keepLines } from './lib/io/jsonl.ts';
import { OrderedPool } from './lib/pool.ts';
import { Progress } from './lib/progress.ts';
import { formatQualityLine, type QualityEntry } from './lib/quality.ts';
import { runStage, stageArgs } from './lib/stage.ts';

/** Files per job of the worker pool. */
const BATCH_FILES = 64;
/**
 * Garbage let pile up before a full collection: the stage keeps an index of every file (the
 * caches, the copies found so far), and at 1 GB V8 would otherwise let garbage grow to twice it.
 */
const HEAP_SLACK_BYTES = 192 << 20;
/** Fewer files to clean than this (not counting those in the cache) are cleaned in this thread. */
const POOL_MIN_FILES = 2000;
/** Bytes per record of a collection, to estimate its records from its size (gzipped: compressed bytes). */
const RECORD_BYTES = 4096;
const GZ_RECORD_BYTES = 1024;

runStage('clean', async () => {
  const { seeds, build, strict, shard } = stageArgs();
  const opts = minimist(process.argv.slice(2), { string: ['jobs', 'input-fields'] });
  const jobsAsked = opts.jobs ?? process.env.JOBS;
  const jobs = Math.max(1, Number(jobsAsked ?? availableParallelism()));
  const fields = parseFieldMapping(opts['input-fields'] ?? process.env.INPUT_FIELDS ?? '');
  // files that are not articles are reported once, by the first shard
  const reportsNonArticles = !shard || shard.index === 0;
  const inShard = (key: string) => inShardOf(key, shard);
  const listing = await listInputs(seeds);
  const articlesFile = path.join(build, 'clean', 'articles.jsonl');
  const articles = new AtomicWriter(articlesFile);
  let kept = 0;
  const qualityFile = path.join(build, 'clean', 'quality.jsonl');
  const quality = new JsonlWriter<QualityEntry>(qualityFile);
  const report = async (file: string, sha256: string | null, outcome: QualityEntry['outcome'], verdict: Verdict) => {
    const entry: QualityEntry = { file, sha256, outcome, ...verdict, stage: 'clean' };
    console.error(formatQualityLine(entry));
    await quality.write(entry);
  };

  for (const { name, verdict, isFile } of reportsNonArticles ? listing.skipped : []) {
    const sha256 = isFile ? await sha256OfFile(path.join(seeds, name)).catch(() => null) : null;
    await report(name, sha256, 'rejected', verdict);
  }
  const sources = listing.sources.sort((a, b) => compareNames(docIdOf(a), docIdOf(b)) || compareNames(a, b));
  const hasCollections = sources.some((name) => sourceFormat(name) !== 'txt');
  // the kept copy of each article text (by the hash of its cleaned text), and the lines of
  // articles.jsonl and the warnings of copies that a better copy replaced after they were written
  const copies = new Map<string, KeptCopy>();
  let writtenBytes = 0;
  const replacedLines: Array<[number, number]> = [];
  const replacedFiles = new Set<string>();
  const progress = new Progress('clean', hasCollections ? undefined : sources.length);
  const version = codeVersion();
  const cacheRoot = path.join(build, 'cache', 'clean');
  const cache = new PackCache<InspectedArticle>(cacheRoot, version);
  const stats = new StatIndex(path.join(build, 'cache', 'clean-stat.tsv'));

  /** The verdict on one article, in input order: what its bytes decided, then copies of earlier ones. */
  const settle = async (plan: Plan, outcome: FileOutcome | null): Promise<string> => {
    const { name, file } = plan;
    if (plan.failure) {
      if (inShard(plan.sha256 ?? name)) await report(name, plan.sha256 ?? null, 'rejected', plan.failure);
      return '';
    }
    if (plan.tooLarge) {
      if (!inShard(name)) return '';
      progress.tick();
      const sha256 = await sha256OfFile(file).catch((err: unknown) => err as Error);
      if (sha256 instanceof Error) await report(name, null, 'rejected', unexpectedFailure(sha256));
      else await report(name, sha256, 'rejected', plan.tooLarge);
      return '';
    }
    const { sha256, bytes, bad, failure, inspected, fresh } = outcome!;
    // a file that could not be read has no content hash: its name decides the shard
    if (sha256 === null) {
      if (inShard(name)) await report(name, null, 'rejected', failure!);
      return '';
    }
    if (plan.key) stats.record(plan.key, plan.stamp, sha256);
    progress.tick(bytes);
    // with --shard, an article rejected on its own is in the shard of its bytes, and one that
    // may be published in the shard of its cleaned text: copies meet in one shard
    if (bad) { if (inShard(sha256)) await report(name, sha256, 'rejected', bad); return ''; }
    if (failure) { if (inShard(sha256)) await report(name, sha256, 'rejected', failure); return ''; }
    if (fresh) cache.add(sha256, inspected!);
    const { cleaned, rejected, warnings, textHash } = inspected!;
    cleaned.source_file = name;
    if (rejected) { if (inShard(sha256)) await report(name, sha256, 'rejected', rejected); return ''; }
    if (!inShard(textHash)) return '';
    if (plan.record) {
      cleaned.metadata = plan.record.metadata;
      cleaned.title = plan.record.title ?? cleaned.title;
    }
    // only published articles count as the kept copy; a copy of a rejected one gets its own verdict
    const rank = copyRank(cleaned);
    const earlier = copies.get(textHash);
    if (earlier) {
      const sameAs = (other: string) => (earlier.sha256 === sha256 ? `same bytes as ${other}` : `same text as ${other} once decoded and cleaned`);
      const better = whyBetterCopy(rank, earlier.rank);
      if (!better) {
        await report(name, sha256, 'rejected', { code: 'duplicate', reason: `${sameAs(earlier.name)}; kept once under that name` });
        return '';
      }
      replacedLines.push([earlier.offset, earlier.offset + earlier.bytes]);
      replacedFiles.add(earlier.name);
      kept--;
      await report(earlier.name, earlier.sha256, 'rejected', { code: 'duplicate', reason: `${sameAs(name)}; kept once under that name, because ${better}` });
    }
    for (const warning of [...(plan.record?.warnings ?? []), ...warnings]) await report(name, sha256, 'published', warning);
    kept++;
    const line = JSON.stringify({ doc_id: docIdOf(name), ...cleaned }) + '\n';
    const lineBytes = Buffer.byteLength(line);
    copies.set(textHash, { name, sha256, rank, offset: writtenBytes, bytes: lineBytes });
    writtenBytes += lineBytes;
    return line;
  };
  const settleBatch = async (plans: Plan[], outcomes: Array<FileOutcome | null>) => {
    let lines = '';
    for (let i = 0; i < plans.length; i++) lines += await settle(plans[i], outcomes[i]);
    if (lines) await articles.write(lines);
  };

  // a worker thread costs about half a second to start: unless --jobs is given, the pool is
  // used only for enough files that are not in the cache already (a collection's records,
  // unknown before it is read, are estimated from its size). Plans are made again batch by
  // batch below rather than kept: hundreds of thousands of them would weigh on memory.
  const minFiles = jobsAsked === undefined ? POOL_MIN_FILES : 1;
  let toCompute = 0;
  let estimated = 0;
  for (const name of sources) {
    if (sourceFormat(name) !== 'txt') {
      const size = statSync(path.join(seeds, name), { throwIfNoEntry: false })?.size ?? 0;
      estimated += Math.ceil(size / (/\.gz$/i.test(name) ? GZ_RECORD_BYTES : RECORD_BYTES));
    } else {
      const { job } = planFile(seeds, name, stats);
      if (job && !(job.known && cache.has(job.known))) toCompute++;
    }
    if (toCompute >= minFiles) break;
  }
  // batches go to worker threads, which answer in submission order: `planned` holds their plans.
  // When only the estimate of collections' records calls for the pool (and --jobs is not
  // given), it starts once more than a batch of articles were not in the cache, so a rebuild
  // that reads unchanged collections again starts no worker for the few records never cached
  // (bad bytes); otherwise it starts with the first batch to clean.
  const planned: Plan[][] = [];
  const usePool = jobs > 1 && toCompute + estimated >= minFiles;
  const missesBeforePool = jobsAsked === undefined && toCompute < minFiles ? BATCH_FILES : 0;
  let pool = null as OrderedPool<{ jobs: Array<FileJob | null> }, { outcomes: Array<FileOutcome | null> }> | null;
  let missed = 0;
  const heap = new HeapSlack(HEAP_SLACK_BYTES);
  let batch: Plan[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    heap.check();
    const plans = batch;
    batch = [];
    const fileJobs = plans.map((p) => p.job);
    const uncached = fileJobs.filter((job) => job !== null && !(job.known !== null && cache.has(job.known))).length;
    missed += uncached;
    if (usePool && !pool && missed > missesBeforePool) {
      pool = new OrderedPool(new URL('./lib/clean-worker.ts', import.meta.url), jobs, { cacheRoot, version, located: cache.located() }, (r) => settleBatch(planned.shift()!, r.outcomes));
    }
    if (!pool) {
      await settleBatch(plans, inspectFiles(fileJobs, { cache }));
    } else {
      planned.push(plans);
      // a batch found whole in the cache is read here: a worker would only copy it twice
      if (uncached === 0) await pool.push({ outcomes: inspectFiles(fileJobs, { cache }) });
      else await pool.submit({ jobs: fileJobs });
    }
  };
  for (const name of sources) {
    const format = sourceFormat(name)!;
    if (format === 'txt') {
      if (batch.push(planFile(seeds, name, stats)) >= BATCH_FILES) await flush();
      continue;
    }
    const file = path.join(seeds, name);
    let line = 0;
    try {
      for await (const entry of readCollection(file, format)) {
        line = entry.line;
        if (batch.push(planRecord(name, file, entry, fields)) >= BATCH_FILES) await flush();
      }
    } catch (err) {
      // a damaged gzip stream as much as a file that cannot be opened
      const reason = `cannot read the file${line ? ` after line ${line} (the records before it are read)` : ''}: ${err instanceof Error ? err.message : String(err)}`;
      batch.push({ name, file, key: '', stamp: null, failure: { code: 'unreadable', reason }, job: null });
    }
  }
  await flush();
  if (pool) await pool.drain();
  progress.finish();
  cache.close();
  cache.prune();
  stats.save();
  await articles.close();
  await quality.close();
  let notes = quality.count;
  if (replacedLines.length > 0) {
    // a copy written before a better one came is taken out, with its warnings
    dropByteRanges(articlesFile, replacedLines.sort((a, b) => a[0] - b[0]));
    notes = await keepLines(qualityFile, (line) => {
      const entry = JSON.parse(line) as QualityEntry;
      return !(entry.outcome === 'published' && replacedFiles.has(entry.file));
    });
  }
  console.error(`clean: ${kept} articles kept, ${notes} quality notes`);
  if (strict && notes > 0) {
    throw new Error(`strict mode: ${notes} quality note${notes === 1 ? '' : 's'} (listed above; BUILD/clean/quality.jsonl)`);
  }
});

/** The copy of an article text that is published so far. */
interface KeptCopy {
  name: string;
  sha256: string;
  rank: number;
  /** Where its line is in articles.jsonl. */
  offset: number;
  bytes: number;
}

/** What is known of an article before its bytes are inspected; `job` is null when they are not to be. */
interface Plan {
  /** The source file, `file#line` for a record of a collection. */
  name: string;
  file: string;
  /** The file's key and stamp in the StatIndex ('' for a record). */
  key: string;
  stamp: string | null;
  failure?: Verdict;
  /** The content hash of an article rejected before inspection, when it has one. */
  sha256?: string;
  tooLarge?: Verdict;
  /** What a collection's record says beside its text. */
  record?: RecordArticle;
  job: FileJob | null;
}

function planFile(seeds: string, name: string, stats: StatIndex): Plan {
  const file = path.join(seeds, name);
  const key = path.resolve(file);
  let stat: BigIntStats;
  try {
    stat = statSync(file, { bigint: true });
  } catch (err) {
    return { name, file, key, stamp: null, failure: unexpectedFailure(err), job: null };
  }
  const size = Number(stat.size);
  const tooLarge = rejectSize(size);
  if (tooLarge) return { name, file, key, stamp: null, tooLarge, job: null };
  const stamp = stats.stampOf(stat);
  return { name, file, key, stamp, job: { file, size, known: stats.lookup(key, stamp) } };
}

function planRecord(collection: string, file: string, entry: CollectionEntry, fields: FieldMapping): Plan {
  const plan = { name: `${collection}#${entry.line}`, file, key: '', stamp: null, job: null };
  if ('rejected' in entry) return { ...plan, failure: entry.rejected };
  const read = readRecord(entry.record, fields);
  if ('rejected' in read) return { ...plan, failure: read.rejected };
  const content = Buffer.from(read.text, 'utf8');
  if (content.length > MAX_ARTICLE_BYTES) {
    return { ...plan, sha256: sha256Hex(content), failure: { code: 'too_large', reason: `a text of ${content.length} bytes, above the ${MAX_ARTICLE_BYTES}-byte limit for one article; skipped` } };
  }
  return { ...plan, record: read, job: { file: plan.name, size: content.length, known: sha256Hex(content), content } };
}

/** SHA-256 of a file read as a stream, so a huge file costs no memory. */
function sha256OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file).on('data', (d) => hash.update(d)).on('end', () => resolve(hash.digest('hex'))).on('error', reject);
  });
}
