import type { QualityEntry } from '../quality.ts';
import type { TableSchema } from '../schema.ts';
import { EXTRACT_OUTPUTS } from './outputs.ts';
import { articleRows, type CleanedLine } from './rows.ts';

/** One article's JSON Lines text per table, in EXTRACT_OUTPUTS order, then its quality-report lines (QUALITY_PART). */
export type ArticleOutput = string[];

/**
 * Extracts a batch of cleaned-article JSON lines: per article its output, or null when its
 * extraction failed (reported in `failures`; one article's failure never stops the others).
 */
export function extractBatch(lines: string[], schemas: Map<string, TableSchema>): { outputs: Array<ArticleOutput | null>; failures: QualityEntry[] } {
  const failures: QualityEntry[] = [];
  const outputs = lines.map((line) => {
    const article = JSON.parse(line) as CleanedLine;
    try {
      const { rows, truncated } = articleRows(article, schemas);
      const warnings: QualityEntry[] = truncated ? [{ file: article.source_file, sha256: article.sha256, outcome: 'published', code: 'extraction_truncated', reason: truncated, stage: 'extract' }] : [];
      return [...EXTRACT_OUTPUTS.map((t) => (rows[t] ?? []).map((r) => JSON.stringify(r) + '\n').join('')), warnings.map((w) => JSON.stringify(w) + '\n').join('')];
    } catch (err) {
      failures.push({ file: article.source_file, sha256: article.sha256, outcome: 'rejected', code: 'extract_failed', reason: `extraction failed: ${err instanceof Error ? err.message : String(err)}`, stage: 'extract' });
      return null;
    }
  });
  return { outputs, failures };
}
