import Papa from 'papaparse';
import type { Column } from './schema.ts';

/** Arrays go to CSV as their items joined by this separator (documented in dist/README.md). */
export const CSV_ARRAY_SEPARATOR = ';';

/** The CSV dialect of every CSV the pipeline writes (Papa for the tables, DuckDB for the summaries). */
export const CSV_DIALECT = { delimiter: ',', lineTerminator: '\n', quoteChar: '"', doubleQuote: true, header: true } as const;

export function csvHeader(columns: Column[]): string {
  return Papa.unparse([columns.map((c) => c.name)], { newline: '\n' }) + '\n';
}

/** One CSV line per record, columns in schema order; null is an empty cell. */
export function csvRows(records: Record<string, unknown>[], columns: Column[]): string {
  if (records.length === 0) return '';
  const rows = records.map((r) => columns.map((c) => {
    const v = r[c.name];
    if (v == null) return '';
    if (Array.isArray(v)) return v.join(CSV_ARRAY_SEPARATOR);
    return v as string | number | boolean;
  }));
  return Papa.unparse(rows, { newline: '\n', quotes: false, escapeFormulae: false }) + '\n';
}
