import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from '../ids.ts';
import type { QualityEntry } from '../quality.ts';
import type { TableSchema } from '../schema.ts';
import { articleRows, EXTRACT_OUTPUTS, type CleanedLine } from './rows.ts';

/** The JSON Lines text of one batch, per table, in input order. */
export type BatchOutput = Record<string, string>;

export interface BatchOptions {
  schemas: Map<string, TableSchema>;
  /** Folder of the content-hash cache for this code version; null disables it. */
  cacheDir: string | null;
}

/**
 * Extracts a batch of cleaned-article JSON lines. An article whose line (its cleaned
 * text and metadata) was already extracted by this code version is read from the cache.
 */
export function extractBatch(lines: string[], options: BatchOptions): { output: BatchOutput; cached: number; failures: QualityEntry[] } {
  const output: BatchOutput = Object.fromEntries(EXTRACT_OUTPUTS.map((t) => [t, '']));
  const failures: QualityEntry[] = [];
  let cached = 0;
  for (const line of lines) {
    const key = options.cacheDir ? sha256Hex(line) : null;
    const cacheFile = key && options.cacheDir ? join(options.cacheDir, key.slice(0, 2), `${key}.json`) : null;
    let perTable: Record<string, string> | null = null;
    if (cacheFile && existsSync(cacheFile)) {
      perTable = JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, string>;
      cached++;
    } else {
      const article = JSON.parse(line) as CleanedLine;
      let rows: ReturnType<typeof articleRows>;
      try {
        rows = articleRows(article, options.schemas);
      } catch (err) {
        // one article's failure never stops the others: it is reported and left out
        failures.push({ file: article.source_file, sha256: article.sha256, outcome: 'rejected', code: 'extract_failed', reason: `extraction failed: ${err instanceof Error ? err.message : String(err)}`, stage: 'extract' });
        continue;
      }
      perTable = Object.fromEntries(EXTRACT_OUTPUTS.map((t) => [t, (rows[t] ?? []).map((r) => JSON.stringify(r) + '\n').join('')]));
      if (cacheFile) {
        mkdirSync(join(cacheFile, '..'), { recursive: true });
        const tmp = `${cacheFile}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
        writeFileSync(tmp, JSON.stringify(perTable));
        renameSync(tmp, cacheFile);
      }
    }
    for (const t of EXTRACT_OUTPUTS) output[t] += perTable[t] ?? '';
  }
  return { output, cached, failures };
}
