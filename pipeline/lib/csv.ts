import Papa from 'papaparse';
import type { Column } from './schema.ts';

/**
 * A list (a JSON Schema `array`) goes to CSV as its JSON text, `["RUS","BLR"]`, and an empty
 * list as `[]`: the form a Table Schema `array` field is read from (Frictionless v1 and v2),
 * which keeps an empty list apart from null (an empty cell) and any character an item may hold.
 * The README says why this rather than items joined by a separator.
 */
export const csvArray = (items: readonly unknown[]): string => JSON.stringify(items);

/** The CSV dialect of every CSV the pipeline writes (Papa for the tables, DuckDB for the summaries). */
export const CSV_DIALECT = { delimiter: ',', lineTerminator: '\n', quoteChar: '"', doubleQuote: true, header: true } as const;

/** How a list column's cell reads in CSV, for the dictionary and the page ("In CSV: a JSON array of strings."). */
export function csvListNote(col: Column): string {
  return col.type === 'array' ? `In CSV: a JSON array of ${col.itemType ?? 'string'}s.` : '';
}

/** How the CSV files write null and lists, in the words the dictionary and the page both use (`code` in backticks). */
export const CSV_CONVENTIONS =
  `In CSV an empty cell is null, and a list (a column of type \`…[]\`) is written as a JSON array: \`${csvArray(['RUS', 'BLR'])}\`, \`[]\` for an empty list. ` +
  `Frictionless readers cast it as a Table Schema \`array\` field; DuckDB reads it with \`from_json(actors, '["VARCHAR"]')\`, Python with \`json.loads\`. In JSON and Parquet lists are real arrays.`;

export function csvHeader(columns: Column[]): string {
  return Papa.unparse([columns.map((c) => c.name)], { newline: '\n' }) + '\n';
}

/** One CSV line per record, columns in schema order; null is an empty cell, a list its JSON array. */
export function csvRows(records: Record<string, unknown>[], columns: Column[]): string {
  if (records.length === 0) return '';
  const rows = records.map((r) => columns.map((c) => {
    const v = r[c.name];
    if (v == null) return '';
    if (Array.isArray(v)) return csvArray(v);
    return v as string | number | boolean;
  }));
  return Papa.unparse(rows, { newline: '\n', quotes: false, escapeFormulae: false }) + '\n';
}
