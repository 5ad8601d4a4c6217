// Reading a collection file: JSON Lines (one article per line) or CSV with a header row (one per
// row), either gzipped, streamed so that a file of any size costs bounded memory.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import Papa from 'papaparse';
import type { Verdict } from '../inspect.ts';

/** One record of a collection, by the number (from 1) of the line it starts on. */
export type CollectionEntry = { line: number; record: Record<string, unknown> | unknown } | { line: number; rejected: Verdict };

/**
 * The records of a collection file, in file order; a record that cannot be read is an entry of
 * its own, and the file goes on. Blank lines are skipped. Throws when the file itself cannot be
 * read on (the entries so far stand).
 */
export function readCollection(file: string, format: 'jsonl' | 'csv'): AsyncGenerator<CollectionEntry> {
  return format === 'jsonl' ? jsonLines(file) : csvRows(file);
}

/** Large chunks: at zlib's default 16 KiB, a big file costs a buffer and a callback every 16 KiB. */
const CHUNK_BYTES = 1 << 18;

function openText(file: string): Readable {
  const raw = createReadStream(file, { highWaterMark: CHUNK_BYTES });
  const text = /\.gz$/i.test(file) ? pipeline(raw, createGunzip({ chunkSize: CHUNK_BYTES }), () => {}) : raw;
  return text.setEncoding('utf8');
}

async function* jsonLines(file: string): AsyncGenerator<CollectionEntry> {
  let line = 0;
  for await (const text of createInterface({ input: openText(file), crlfDelay: Infinity })) {
    line++;
    const json = line === 1 ? text.replace(/^\uFEFF/, '') : text;
    if (json.trim() === '') continue;
    try {
      yield { line, record: JSON.parse(json) };
    } catch (err) {
      yield { line, rejected: { code: 'invalid_json', reason: `not valid JSON (${(err as Error).message}); skipped` } };
    }
  }
}

async function* csvRows(file: string): AsyncGenerator<CollectionEntry> {
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { header: false, skipEmptyLines: false, delimiter: headerDelimiter });
  const rows = pipeline(openText(file), parser, () => {});
  let header: string[] | null = null;
  let line = 1;
  for await (const row of rows as AsyncIterable<string[]>) {
    const start = line;
    // a row spans one line plus the line breaks inside its quoted fields
    line += 1 + newlinesIn(row);
    if (row.length === 1 && row[0].trim() === '') continue;
    if (header === null) {
      header = row.map((name, i) => (i === 0 ? name.replace(/^\uFEFF/, '') : name).trim());
      continue;
    }
    if (row.length !== header.length) {
      yield { line: start, rejected: { code: 'invalid_csv', reason: `${row.length} fields where the header has ${header.length}; skipped` } };
      continue;
    }
    const record: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) record[header[i]] = row[i];
    yield { line: start, record };
  }
}

const DELIMITERS = [',', ';', '\t', '|'];

/**
 * The delimiter the header line uses most (`,` when none): Papa Parse's own guess weighs the
 * first rows, which a one-field row or a text full of commas can mislead.
 */
export function headerDelimiter(input: string): string {
  const newline = input.indexOf('\n');
  const header = (newline < 0 ? input : input.slice(0, newline)).replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = header.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

function newlinesIn(row: string[]): number {
  let n = 0;
  for (const field of row) for (let i = field.indexOf('\n'); i >= 0; i = field.indexOf('\n', i + 1)) n++;
  return n;
}
