// Which form the publish stage gave a folder's files (the rule is files.ts): for the stages
// after it, which name each file as published.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { publishedName, type TableFormat } from './files.ts';

/** The file of a table in a format as published in DIST: NAME.csv or NAME.csv.gz, never both. */
export function publishedFile(dist: string, table: string, format: TableFormat): { file: string; gzip: boolean } {
  const plain = publishedName(table, format, false);
  const gzipped = publishedName(table, format, true);
  if (plain === gzipped) {
    if (!existsSync(join(dist, plain))) throw new Error(`${dist} has no ${plain}: run the publish stage first`);
    return { file: plain, gzip: false };
  }
  const [hasPlain, hasGzipped] = [plain, gzipped].map((f) => existsSync(join(dist, f)));
  if (hasPlain && hasGzipped) throw new Error(`${dist} holds both ${plain} and ${gzipped}: run the publish stage again`);
  if (!hasPlain && !hasGzipped) throw new Error(`${dist} has no ${plain} (nor ${gzipped}): run the publish stage first`);
  return { file: hasGzipped ? gzipped : plain, gzip: hasGzipped };
}

/** Whether publish gzipped the CSV and JSON files of DIST: the summaries follow it. */
export const tablesGzipped = (dist: string): boolean => publishedFile(dist, 'documents', 'csv').gzip;
