#!/usr/bin/env -S node --import tsx
// Stage 1, clean: raw article files in SEEDS -> BUILD/clean/articles.jsonl (one cleaned
// article per line) and BUILD/clean/quality.jsonl (files rejected, or published with a
// warning). Every input file ends in exactly one outcome, one bad file never stops the
// others, and with --strict any quality note fails the stage once the report is written.
// With --shard i/N only this shard's files are cleaned and reported: a file belongs to the
// shard its content hashes to, so identical copies meet in one shard and are kept once.
// What a file's bytes alone decide (clean-files.ts) is computed in a pool of worker threads
// for large inputs (--jobs, default: all cores) and cached by content hash in
// BUILD/cache/clean/; a file whose path and stat are unchanged since the last run is known
// by its hash without being read (StatIndex). Verdicts that compare files (copies) are
// made here, in file order, so the output does not depend on the pool or the cache.
import { createReadStream, statSync, type BigIntStats } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { minimist } from 'zx';
import { PackCache, StatIndex } from './lib/cache.ts';
import { inShard as inShardOf, inspectFiles, unexpectedFailure, type FileJob, type FileOutcome, type InspectedArticle } from './lib/clean-files.ts';
import { codeVersion } from './lib/code-version.ts';
import { HeapSlack } from './lib/gc.ts';
import { docIdOf } from './lib/ids.ts';
import { rejectSize, type Verdict } from './lib/inspect.ts';
import { AtomicWriter, JsonlWriter } from './lib/io/jsonl.ts';
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

runStage('clean', async () => {
  const { seeds, build, strict, shard } = stageArgs();
  const opts = minimist(process.argv.slice(2), { string: ['jobs'] });
  const jobsAsked = opts.jobs ?? process.env.JOBS;
  const jobs = Math.max(1, Number(jobsAsked ?? availableParallelism()));
  // files that are not articles are reported once, by the first shard
  const reportsNonArticles = !shard || shard.index === 0;
  const inShard = (key: string) => inShardOf(key, shard);
  const entries = await readdir(seeds, { withFileTypes: true });
  // symbolic links are followed when read; a dangling one is rejected as unreadable
  const names = entries.filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => e.name);
  const articles = new AtomicWriter(path.join(build, 'clean', 'articles.jsonl'));
  let kept = 0;
  const quality = new JsonlWriter<QualityEntry>(path.join(build, 'clean', 'quality.jsonl'));
  const report = async (file: string, sha256: string | null, outcome: QualityEntry['outcome'], verdict: Verdict) => {
    const entry: QualityEntry = { file, sha256, outcome, ...verdict, stage: 'clean' };
    console.error(formatQualityLine(entry));
    await quality.write(entry);
  };

  const nonArticles = reportsNonArticles ? entries.filter((e) => !e.isFile() && !e.isSymbolicLink()) : [];
  for (const entry of nonArticles.sort((a, b) => compare(a.name, b.name))) {
    const what = entry.isDirectory() ? 'a folder (only files directly in the input folder are read)' : 'not a regular file';
    await report(entry.name, null, 'rejected', { code: 'not_a_file', reason: `${what}; skipped` });
  }
  const isTxt = (n: string) => n.toLowerCase().endsWith('.txt');
  for (const name of reportsNonArticles ? names.filter((n) => !isTxt(n)).sort() : []) {
    const sha256 = await sha256OfFile(path.join(seeds, name)).catch(() => null);
    await report(name, sha256, 'rejected', { code: 'not_txt', reason: 'not a .txt article file; skipped' });
  }
  const txt = names.filter(isTxt).sort((a, b) => compare(docIdOf(a), docIdOf(b)) || compare(a, b));
  // first published file (in sorted order) holding given raw bytes, and given cleaned text
  const byBytes = new Map<string, string>();
  const byText = new Map<string, string>();
  const progress = new Progress('clean', txt.length);
  const version = codeVersion();
  const cacheRoot = path.join(build, 'cache', 'clean');
  const cache = new PackCache<InspectedArticle>(cacheRoot, version);
  const stats = new StatIndex(path.join(build, 'cache', 'clean-stat.tsv'));

  /** The verdict on one file, in file order: what its bytes decided, then copies of earlier files. */
  const settle = async (plan: Plan, outcome: FileOutcome | null): Promise<string> => {
    const { name, file } = plan;
    if (plan.failure) {
      if (inShard(name)) await report(name, null, 'rejected', plan.failure);
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
    stats.record(plan.key, plan.stamp, sha256);
    if (!inShard(sha256)) return '';
    progress.tick(bytes);
    if (bad) { await report(name, sha256, 'rejected', bad); return ''; }
    const sameBytes = byBytes.get(sha256);
    if (sameBytes) {
      await report(name, sha256, 'rejected', { code: 'duplicate', reason: `same bytes as ${sameBytes}; kept once under that name` });
      return '';
    }
    if (failure) { await report(name, sha256, 'rejected', failure); return ''; }
    if (fresh) cache.add(sha256, inspected!);
    const { cleaned, rejected, warnings, textHash } = inspected!;
    cleaned.source_file = name;
    if (rejected) { await report(name, sha256, 'rejected', rejected); return ''; }
    const sameText = byText.get(textHash);
    if (sameText) {
      await report(name, sha256, 'rejected', { code: 'duplicate', reason: `same text as ${sameText} once decoded and cleaned; kept once under that name` });
      return '';
    }
    // only published files count as the kept copy; a copy of a rejected file gets its own verdict
    byBytes.set(sha256, name);
    byText.set(textHash, name);
    for (const warning of warnings) await report(name, sha256, 'published', warning);
    kept++;
    return JSON.stringify({ doc_id: docIdOf(name), ...cleaned }) + '\n';
  };
  const settleBatch = async (plans: Plan[], outcomes: Array<FileOutcome | null>) => {
    let lines = '';
    for (let i = 0; i < plans.length; i++) lines += await settle(plans[i], outcomes[i]);
    if (lines) await articles.write(lines);
  };

  // a worker thread costs about half a second to start: unless --jobs is given, the pool is
  // used only for enough files that are not in the cache already. Plans are made again batch
  // by batch below rather than kept: hundreds of thousands of them would weigh on memory.
  const minFiles = jobsAsked === undefined ? POOL_MIN_FILES : 1;
  let toCompute = 0;
  for (const name of txt) {
    const { job } = planFile(seeds, name, stats);
    if (job && !(job.known && cache.has(job.known)) && ++toCompute >= minFiles) break;
  }
  // batches go to worker threads, which answer in submission order: `planned` holds their plans
  const planned: Plan[][] = [];
  const pool = jobs > 1 && toCompute >= minFiles
    ? new OrderedPool<{ jobs: Array<FileJob | null> }, { outcomes: Array<FileOutcome | null> }>(
      new URL('./lib/clean-worker.ts', import.meta.url), jobs, { cacheRoot, version, located: cache.located(), shard }, (r) => settleBatch(planned.shift()!, r.outcomes))
    : null;
  const heap = new HeapSlack(HEAP_SLACK_BYTES);
  for (let i = 0; i < txt.length; i += BATCH_FILES) {
    heap.check();
    const batch = txt.slice(i, i + BATCH_FILES).map((name) => planFile(seeds, name, stats));
    const fileJobs = batch.map((p) => p.job);
    if (pool) {
      planned.push(batch);
      await pool.submit({ jobs: fileJobs });
    } else {
      await settleBatch(batch, inspectFiles(fileJobs, { cache, shard }));
    }
  }
  if (pool) await pool.drain();
  progress.finish();
  cache.close();
  cache.prune();
  stats.save();
  await articles.close();
  await quality.close();
  console.error(`clean: ${kept} articles kept, ${quality.count} quality notes`);
  if (strict && quality.count > 0) {
    throw new Error(`strict mode: ${quality.count} quality note${quality.count === 1 ? '' : 's'} (listed above; BUILD/clean/quality.jsonl)`);
  }
});

/** What the stat of a file decides before it is read; `job` is null when it is not to be read. */
interface Plan {
  name: string;
  file: string;
  /** The file's key and stamp in the StatIndex. */
  key: string;
  stamp: string | null;
  failure?: Verdict;
  tooLarge?: Verdict;
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

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** SHA-256 of a file read as a stream, so a huge file costs no memory. */
function sha256OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file).on('data', (d) => hash.update(d)).on('end', () => resolve(hash.digest('hex'))).on('error', reject);
  });
}
