import type { ContentCache } from '../cache.ts';
import { sha256Hex } from '../ids.ts';
import type { QualityEntry } from '../quality.ts';
import type { TableSchema } from '../schema.ts';
import { articleRows, EXTRACT_OUTPUTS, type CleanedLine } from './rows.ts';

/** The JSON Lines text of one batch, per table, in input order. */
export type BatchOutput = Record<string, string>;

export interface BatchOptions {
  schemas: Map<string, TableSchema>;
  /** The content-hash cache of this code version; null disables it. */
  cache: ContentCache<BatchOutput> | null;
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
    const key = options.cache ? sha256Hex(line) : '';
    let perTable = options.cache?.read(key);
    if (perTable) {
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
      options.cache?.write(key, perTable);
    }
    for (const t of EXTRACT_OUTPUTS) output[t] += perTable[t] ?? '';
  }
  return { output, cached, failures };
}
