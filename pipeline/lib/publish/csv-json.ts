// DIST/TABLE.csv and DIST/TABLE.json from a table's JSON Lines: the part of the publish stage
// that Node does, one table per call (in the stage's process or in a worker thread).
import { csvHeader, csvRows } from '../csv.ts';
import { AtomicWriter, readJsonl } from '../io/jsonl.ts';
import { columnsOf, type TableSchema } from '../schema.ts';

const BATCH = 1000;

/**
 * DIST/NAME.csv and DIST/NAME.json, streamed from the JSON Lines; returns whether the records
 * came strictly in the schema's row order (`x-order`, as DuckDB sorts: nulls first, strings by
 * code point), so that DuckDB can keep their order instead of sorting the table again.
 */
export async function writeCsvAndJson(source: string, schema: TableSchema, base: string): Promise<boolean> {
  const columns = columnsOf(schema);
  const keys = schema['x-order'];
  const csv = new AtomicWriter(`${base}.csv`);
  const json = new AtomicWriter(`${base}.json`);
  await csv.write(csvHeader(columns));
  await json.write('[');
  let batch: Record<string, unknown>[] = [];
  let jsonLines: string[] = [];
  let first = true;
  let sorted = true;
  let previous: unknown[] | null = null;
  const flush = async () => {
    await csv.write(csvRows(batch, columns));
    await json.write(jsonLines.join(''));
    batch = [];
    jsonLines = [];
  };
  for await (const record of readJsonl<Record<string, unknown>>(source)) {
    // key order follows the schema, whatever order the extractor used
    const ordered = Object.fromEntries(columns.map((c) => [c.name, record[c.name] ?? null]));
    if (sorted) {
      const key = keys.map((k) => ordered[k] ?? null);
      if (previous && !(compareKeys(previous, key) < 0)) sorted = false;
      previous = key;
    }
    jsonLines.push((first ? '\n' : ',\n') + JSON.stringify(ordered));
    first = false;
    batch.push(ordered);
    if (batch.length >= BATCH) await flush();
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
