// DIST/TABLE.csv and DIST/TABLE.json (or .csv.gz and .json.gz) from a table's JSON Lines: the
// part of the publish stage that Node does, one table per call (in the stage's process or in a
// worker thread).
import { join } from 'node:path';
import { csvHeader, csvRows } from '../csv.ts';
import { AtomicWriter } from '../io/jsonl.ts';
import { LineReader } from '../io/line-batches.ts';
import { columnsOf, type TableSchema } from '../schema.ts';
import { publishedName } from './files.ts';

/** Bytes of JSON Lines read, and of CSV and JSON written, at a time. */
const BATCH_BYTES = 1 << 18;

/**
 * DIST/NAME.csv and DIST/NAME.json, streamed from the JSON Lines (gzipped on the way to
 * NAME.csv.gz and NAME.json.gz with `gzip`); returns whether the records came strictly in the
 * schema's row order (`x-order`, as DuckDB sorts: nulls first, strings by code point), so that
 * DuckDB can keep their order instead of sorting the table again.
 */
export async function writeCsvAndJson(source: string, schema: TableSchema, dist: string, table: string, gzip = false): Promise<boolean> {
  const columns = columnsOf(schema);
  const keys = schema['x-order'];
  const csv = new AtomicWriter(join(dist, publishedName(table, 'csv', gzip)), { gzip });
  const json = new AtomicWriter(join(dist, publishedName(table, 'json', gzip)), { gzip });
  await csv.write(csvHeader(columns));
  await json.write('[');
  const names = columns.map((c) => c.name);
  let first = true;
  let sorted = true;
  let previous: unknown[] | null = null;
  const lines = new LineReader(source, BATCH_BYTES);
  let records: Record<string, unknown>[] = [];
  let jsonText = '';
  const flush = async () => {
    await csv.write(csvRows(records, columns));
    await json.write(jsonText);
    records = [];
    jsonText = '';
  };
  try {
    for (let line = lines.next(); line !== null; line = lines.next()) {
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(line);
      } catch (err) {
        throw new Error(`${source}:${lines.lineNo}: not a JSON line (${(err as Error).message})`);
      }
      // key order follows the schema, whatever order the extractor used
      const ordered: Record<string, unknown> = {};
      for (const name of names) ordered[name] = record[name] ?? null;
      if (sorted) {
        const key = keys.map((k) => ordered[k] ?? null);
        if (previous && !(compareKeys(previous, key) < 0)) sorted = false;
        previous = key;
      }
      jsonText += (first ? '\n' : ',\n') + JSON.stringify(ordered);
      first = false;
      records.push(ordered);
      if (jsonText.length >= BATCH_BYTES) await flush();
    }
  } finally {
    lines.close();
  }
  await flush();
  await json.write(first ? ']\n' : '\n]\n');
  await csv.close();
  await json.close();
  return sorted;
}

/** Code point order, as DuckDB compares VARCHAR (UTF-8 bytes); `<` compares UTF-16 units. */
function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    // a surrogate (a code point above U+FFFF) sorts after any other unit from U+E000 up
    if (xs !== ys && (xs ? y : x) >= 0xe000) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** ORDER BY k1 NULLS FIRST, k2 NULLS FIRST, …; NaN (not comparable) for a value of another type. */
function compareKeys(a: unknown[], b: unknown[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    if (typeof x === 'string' && typeof y === 'string') return compareCodePoints(x, y);
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return NaN;
  }
  return 0;
}
