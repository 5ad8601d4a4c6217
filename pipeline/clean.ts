#!/usr/bin/env -S node --import tsx
// Stage 1, clean: raw article files in SEEDS -> BUILD/clean/articles.jsonl (one cleaned
// article per line) and BUILD/clean/quality.jsonl (files rejected, or published with a
// warning). Every input file ends in exactly one outcome, one bad file never stops the
// others, and with --strict any quality note fails the stage once the report is written.
// With --shard i/N only this shard's files are cleaned and reported: a file belongs to the
// shard its content hashes to, so identical copies meet in one shard and are kept once.
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { cleanArticle, type CleanedArticle } from './lib/clean.ts';
import { ContentCache } from './lib/cache.ts';
import { codeVersion } from './lib/code-version.ts';
import { docIdOf, sha256Hex } from './lib/ids.ts';
import { rejectBytes, rejectCleaned, rejectSize, warnCleaned, type Verdict } from './lib/inspect.ts';
import { JsonlWriter } from './lib/io/jsonl.ts';
import { Progress } from './lib/progress.ts';
import { formatQualityLine, type QualityEntry } from './lib/quality.ts';
import { shardOf } from './lib/shard.ts';
import { runStage, stageArgs } from './lib/stage.ts';

runStage('clean', async () => {
  const { seeds, build, strict, shard } = stageArgs();
  // files that are not articles are reported once, by the first shard
  const reportsNonArticles = !shard || shard.index === 0;
  const inShard = (key: string) => !shard || shardOf(key, shard.count) === shard.index;
  const entries = await readdir(seeds, { withFileTypes: true });
  // symbolic links are followed when read; a dangling one is rejected as unreadable
  const names = entries.filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => e.name);
  const articles = new JsonlWriter<object>(path.join(build, 'clean', 'articles.jsonl'));
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
  const cache = new ContentCache<InspectedArticle>(path.join(build, 'cache', 'clean'), codeVersion());
  for (const name of txt) {
    const file = path.join(seeds, name);
    let sha256: string | null = null;
    try {
      const size = (await stat(file)).size;
      const tooLarge = rejectSize(size);
      if (tooLarge) {
        if (!inShard(name)) continue;
        progress.tick();
        await report(name, await sha256OfFile(file), 'rejected', tooLarge);
        continue;
      }
      const bytes = await readFile(file);
      const contentHash = sha256Hex(bytes);
      if (!inShard(contentHash)) continue;
      progress.tick(bytes.length);
      sha256 = contentHash;
      const bad = rejectBytes(bytes);
      if (bad) { await report(name, sha256, 'rejected', bad); continue; }
      const sameBytes = byBytes.get(sha256);
      if (sameBytes) {
        await report(name, sha256, 'rejected', { code: 'duplicate', reason: `same bytes as ${sameBytes}; kept once under that name` });
        continue;
      }
      const { cleaned, rejected, warnings } = cache.get(sha256, () => inspectArticle(bytes));
      cleaned.source_file = name;
      if (rejected) { await report(name, sha256, 'rejected', rejected); continue; }
      const textHash = sha256Hex(new TextEncoder().encode(cleaned.text));
      const sameText = byText.get(textHash);
      if (sameText) {
        await report(name, sha256, 'rejected', { code: 'duplicate', reason: `same text as ${sameText} once decoded and cleaned; kept once under that name` });
        continue;
      }
      // only published files count as the kept copy; a copy of a rejected file gets its own verdict
      byBytes.set(sha256, name);
      byText.set(textHash, name);
      for (const warning of warnings) await report(name, sha256, 'published', warning);
      await articles.write({ doc_id: docIdOf(name), ...cleaned });
    } catch (err) {
      // a file that could not be read has no content hash: its name decides the shard
      if (sha256 === null && !inShard(name)) continue;
      const { code, reason } = unexpectedFailure(err);
      await report(name, sha256, 'rejected', { code, reason });
    }
  }
  progress.finish();
  cache.prune();
  await articles.close();
  await quality.close();
  console.error(`clean: ${articles.count} articles kept, ${quality.count} quality notes`);
  if (strict && quality.count > 0) {
    throw new Error(`strict mode: ${quality.count} quality note${quality.count === 1 ? '' : 's'} (listed above; BUILD/clean/quality.jsonl)`);
  }
});

interface InspectedArticle {
  cleaned: CleanedArticle;
  rejected: Verdict | null;
  warnings: Verdict[];
}

/** Cleaning and the checks on its result: what depends on the file's bytes alone (not its name). */
function inspectArticle(bytes: Uint8Array): InspectedArticle {
  const cleaned = cleanArticle(bytes, '');
  const rejected = rejectCleaned(cleaned);
  return { cleaned, rejected, warnings: rejected ? [] : warnCleaned(cleaned) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A file that cannot be read, or that made cleaning fail, is rejected alone. */
function unexpectedFailure(err: unknown): Verdict {
  const code = (err as NodeJS.ErrnoException)?.code;
  const message = err instanceof Error ? err.message : String(err);
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return { code: 'unreadable', reason: `cannot read the file: ${message}` };
  return { code: 'clean_failed', reason: `cleaning failed: ${message}` };
}

/** SHA-256 of a file read as a stream, so a huge file costs no memory. */
function sha256OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file).on('data', (d) => hash.update(d)).on('end', () => resolve(hash.digest('hex'))).on('error', reject);
  });
}
