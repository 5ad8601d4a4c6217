// The part of the clean stage that depends on one file's bytes alone: reading, hashing,
// cleaning and checking. It runs in worker threads (clean-worker.ts) or, for small inputs,
// in the stage's own thread; the stage then decides, in file order, what to publish.
import { readFileSync } from 'node:fs';
import type { PackCache } from './cache.ts';
import { cleanArticle, type CleanedArticle } from './clean.ts';
import { sha256Hex } from './ids.ts';
import { rejectBytes, rejectCleaned, warnCleaned, type Verdict } from './inspect.ts';
import { shardOf, type Shard } from './shard.ts';

export interface InspectedArticle {
  cleaned: CleanedArticle;
  rejected: Verdict | null;
  warnings: Verdict[];
  /** SHA-256 of the cleaned text, to find copies that differ only before cleaning. */
  textHash: string;
}

export interface FileJob {
  /** The file to read; for a record of a collection, its name (`file#line`) for messages. */
  file: string;
  size: number;
  /** The article's bytes when they come from a collection's record rather than a file of their own. */
  content?: Uint8Array;
  /** The content hash when known: from the file's stat (it is then not read if cached), or of `content`. */
  known: string | null;
}

export interface FileOutcome {
  /** Null when the file could not be read. */
  sha256: string | null;
  bytes: number;
  /** Why the bytes cannot be an article (checked before cleaning). */
  bad?: Verdict;
  /** Reading or cleaning failed. */
  failure?: Verdict;
  /** Absent for a bad file or a failure. */
  inspected?: InspectedArticle;
  /** `inspected` was computed, not read from the cache. */
  fresh?: boolean;
}

export interface FileContext {
  cache: PackCache<InspectedArticle> | null;
}

export function inShard(key: string, shard: Shard | null): boolean {
  return !shard || shardOf(key, shard.count) === shard.index;
}

/** Cleaning and the checks on its result: what depends on the file's bytes alone (not its name). */
export function inspectArticle(bytes: Uint8Array): InspectedArticle {
  const cleaned = cleanArticle(bytes, '');
  const rejected = rejectCleaned(cleaned);
  return { cleaned, rejected, warnings: rejected ? [] : warnCleaned(cleaned), textHash: sha256Hex(new TextEncoder().encode(cleaned.text)) };
}

/** What one file's bytes decide; the cache is read, never written (the stage adds `fresh` results). */
export function inspectFile(job: FileJob, { cache }: FileContext): FileOutcome {
  let sha256: string | null = job.known;
  let bytes = job.size;
  try {
    if (sha256 !== null) {
      // an entry exists only for bytes that passed rejectBytes, so a hit needs no read
      const hit = cache?.read(sha256);
      if (hit) return { sha256, bytes, inspected: hit };
    }
    const content = job.content ?? readFileSync(job.file);
    // the hash of a file's bytes known from its stat is checked: the file may have changed since
    sha256 = job.content && sha256 !== null ? sha256 : sha256Hex(content);
    bytes = content.length;
    const bad = rejectBytes(content);
    if (bad) return { sha256, bytes, bad };
    const cached = cache?.read(sha256);
    if (cached) return { sha256, bytes, inspected: cached };
    return { sha256, bytes, inspected: inspectArticle(content), fresh: true };
  } catch (err) {
    return { sha256, bytes, failure: unexpectedFailure(err) };
  }
}

export function inspectFiles(jobs: Array<FileJob | null>, context: FileContext): Array<FileOutcome | null> {
  return jobs.map((job) => (job ? inspectFile(job, context) : null));
}

/** A file that cannot be read, or that made cleaning fail, is rejected alone. */
export function unexpectedFailure(err: unknown): Verdict {
  const code = (err as NodeJS.ErrnoException)?.code;
  const message = err instanceof Error ? err.message : String(err);
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return { code: 'unreadable', reason: `cannot read the file: ${message}` };
  return { code: 'clean_failed', reason: `cleaning failed: ${message}` };
}
