// The validate stage's work on a table, in two halves so that worker threads can do the
// costly one: validateBatch parses a chunk of JSON Lines and checks each record against the
// table's schema; TableCheck takes the chunks' results in file order, numbers the records
// and keeps their ids unique across the whole table.
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { IdSet } from './id-set.ts';
import { splitLines } from './io/line-batches.ts';
import { describeErrors } from './schema.ts';

/** The stage stops reading once it has more problems than this, and prints this many. */
export const MAX_PROBLEMS = 50;

/** What a chunk of lines tells about its records: plain data, so it crosses threads. */
export interface BatchResult {
  /** Lines in the chunk, empty ones included. */
  lines: number;
  /** Per record, in order: its key (see primaryKeyOf); null when it has none (the table numbers it). */
  ids: Array<string | null>;
  /** The records that break the schema: their index in `ids`, and ajv's errors. */
  invalid: Array<{ record: number; errors: ErrorObject[] }>;
  /** The first line that is not JSON, numbered from 1 in the chunk; the chunk's records stop there. */
  notJson?: { line: number; reason: string };
}

// the line breaks of node:readline, which split the tables before
const LINE_BREAK = /\r?\n|\r(?!\n)/;
const CARRIAGE_RETURN = 0x0d;

/** Parses and validates a chunk of whole JSON lines (UTF-8) of one table. */
export function validateBatch(chunk: Uint8Array, validate: ValidateFunction, key: string): BatchResult {
  const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  const lines = bytes.includes(CARRIAGE_RETURN) ? bytes.toString('utf8').split(LINE_BREAK) : splitLines(bytes);
  if (lines.at(-1) === '') lines.pop();
  const result: BatchResult = { lines: lines.length, ids: [], invalid: [] };
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === '') continue;
    let record: Record<string, unknown> | null;
    try {
      record = JSON.parse(lines[i]) as Record<string, unknown> | null;
    } catch (err) {
      result.notJson = { line: i + 1, reason: (err as Error).message };
      return result;
    }
    const ownId = record?.[key];
    if (!validate(record)) result.invalid.push({ record: result.ids.length, errors: validate.errors ?? [] });
    result.ids.push(ownId == null ? null : String(ownId));
  }
  return result;
}

/** One table's records, counted, and its problems, added to the stage's list in file order. */
export class TableCheck {
  records = 0;
  /** Set once the stage has more than MAX_PROBLEMS problems: the rest of the table is not read. */
  done = false;
  private lines = 0;
  private readonly ids = new IdSet();

  /** `key`: the field that identifies the table's records (primaryKeyOf). */
  constructor(readonly table: string, readonly file: string, private readonly problems: string[], readonly key: string) {}

  /** Takes the table's chunks' results in file order; throws at a line that is not JSON. */
  add(batch: BatchResult): void {
    if (this.done) return;
    let nextInvalid = 0;
    for (let i = 0; i < batch.ids.length; i++) {
      this.records++;
      const id = batch.ids[i] ?? `line ${this.records}`;
      if (batch.invalid[nextInvalid]?.record === i) this.problems.push(...describeErrors(this.table, id, batch.invalid[nextInvalid++].errors));
      if (!this.ids.add(id)) this.problems.push(`table ${this.table}, record ${id}: field /${this.key}: duplicate id`);
      if (this.problems.length > MAX_PROBLEMS) {
        this.done = true;
        return;
      }
    }
    if (batch.notJson) throw new Error(`${this.file}:${this.lines + batch.notJson.line}: not a JSON line (${batch.notJson.reason})`);
    this.lines += batch.lines;
  }
}

