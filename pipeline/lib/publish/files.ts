// Which files the publish stage writes for a table: NAME.csv and NAME.json, gzipped
// (NAME.csv.gz, NAME.json.gz) when the corpus is large or COMPRESS=1, and NAME.parquet.

/**
 * From this many articles on, CSV and JSON are published gzipped unless COMPRESS=0: each holds
 * every article's text and every record's evidence sentence, about ten times the input between
 * them, which gzip takes to a fifth or less. Below it (the seeds, a few hundred articles of
 * one's own) they stay plain text, readable and diffable as they are.
 */
export const COMPRESS_MIN_ARTICLES = 2000;

export type TextFormat = 'csv' | 'json';
export const TEXT_FORMATS: readonly TextFormat[] = ['csv', 'json'];
export const TABLE_FORMATS = ['csv', 'json', 'parquet'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

/** COMPRESS as given (`1`, `0`, or unset / empty for the article count to decide) -> whether to gzip. */
export function compressionWanted(option: string | undefined, articles: number): boolean {
  const value = (option ?? '').trim().toLowerCase();
  if (value === '') return articles >= COMPRESS_MIN_ARTICLES;
  if (['1', 'true', 'yes'].includes(value)) return true;
  if (['0', 'false', 'no'].includes(value)) return false;
  throw new Error(`COMPRESS must be 1 (gzip CSV and JSON), 0 (never) or unset (from ${COMPRESS_MIN_ARTICLES} articles on), got "${option}"`);
}

/** The file name of a table in a format, as published: `events.csv.gz` when gzipped. */
export function publishedName(table: string, format: TableFormat, gzip: boolean): string {
  return `${table}.${format}${gzip && format !== 'parquet' ? '.gz' : ''}`;
}
