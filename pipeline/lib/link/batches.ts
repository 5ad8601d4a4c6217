import { rmSync } from 'node:fs';
import { clusterOccurrences, compareOccurrences, occurrenceEvent, partitionKey, type OccurrenceEvent } from '../extract/occurrences.ts';
import type { EventRecord, OccurrenceRecord } from '../types.generated.ts';
import { collectGarbageAbove } from '../gc.ts';
import { LineReader, splitLines } from '../io/line-batches.ts';
import { LineWriter } from './files.ts';

/**
 * The per-line work of the link stage, on batches of whole lines (raw UTF-8) so that it can
 * run in worker threads (./worker.ts) as well as inline: a batch's result depends on the
 * batch alone, so the output is the same whatever the number of workers.
 */

/** FNV-1a over the UTF-16 code units: a stable hash, the same on every run. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export const partitionOf = (event: EventRecord, partitions: number): number => (partitions === 1 ? 0 : hash32(partitionKey(event)) % partitions);

/** A job of the link stage's worker threads (./worker.ts). */
export type LinkJob =
  | { kind: 'partition'; batch: Uint8Array; partitions: number }
  | { kind: 'group'; files: PartitionFiles }
  | { kind: 'link'; batch: Uint8Array; entries: Array<string | null> }
  | { kind: 'entities'; mentionsFile: string };

/** The jobs of the occurrence steps (all but the entities). */
export type OccurrenceJob = Exclude<LinkJob, { kind: 'entities' }>;

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** The non-empty lines of a batch (a `\r` before the `\n` is dropped). */
export function batchLines(batch: Uint8Array): string[] {
  const lines = splitLines(batch);
  const out: string[] = [];
  for (const line of lines) {
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (text !== '') out.push(text);
  }
  return out;
}

/** How many lines `batchLines` finds in a batch, counted on the bytes. */
export function countBatchLines(batch: Uint8Array): number {
  let count = 0;
  let start = 0;
  while (start < batch.length) {
    let end = batch.indexOf(NEWLINE, start);
    if (end < 0) end = batch.length;
    const length = end - start - (end > start && batch[end - 1] === CARRIAGE_RETURN ? 1 : 0);
    if (length > 0) count++;
    start = end + 1;
  }
  return count;
}

/** A batch of events sorted into partitions: what the partition files need of each event. */
export interface PartitionedBatch {
  partitions: Uint32Array;
  docIds: string[];
  /** The event's partition line (see `partitionLine`) up to its last element, `published`. */
  heads: string[];
}

/** The events of a batch: the partition of each and its grouping fields. */
export function partitionBatch(batch: Uint8Array, partitions: number): PartitionedBatch {
  const lines = batchLines(batch);
  const out: PartitionedBatch = { partitions: new Uint32Array(lines.length), docIds: new Array<string>(lines.length), heads: new Array<string>(lines.length) };
  for (let i = 0; i < lines.length; i++) {
    const event = JSON.parse(lines[i]) as EventRecord;
    const e = occurrenceEvent(event, null);
    out.partitions[i] = partitionOf(event, partitions);
    out.docIds[i] = event.doc_id;
    const line = JSON.stringify([e.id, e.doc_id, e.type, e.actors, e.date, e.precision, e.location, e.start, e.evidence_start]);
    out.heads[i] = line.slice(0, -1);
  }
  return out;
}

/** The line of an event in its partition file: its head and its article's `published`. */
export const partitionLine = (head: string, published: string | null): string => `${head},${JSON.stringify(published)}]`;

/**
 * The events of a batch with their `occurrence_id`, as JSON Lines. `entries` are the
 * `id\toccurrence_id` lines of the batch's events, in order, read from their partitions' lists.
 */
export function linkBatch(batch: Uint8Array, entries: Array<string | null>): string {
  const lines = batchLines(batch);
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    const entry = entries[i] ?? null;
    const tab = entry?.indexOf('\t') ?? -1;
    const linked = entry === null ? null : withOccurrence(lines[i], entry.slice(0, tab), entry.slice(tab + 1) || null);
    if (linked !== null) {
      out += linked + '\n';
      continue;
    }
    const event = JSON.parse(lines[i]) as EventRecord;
    if (entry == null || entry.slice(0, tab) !== event.id) throw new Error(`link: event ${event.id} out of step with its partition (${entry ?? 'end of file'})`);
    out += JSON.stringify({ ...event, occurrence_id: entry.slice(tab + 1) || null }) + '\n';
  }
  return out;
}

const NO_OCCURRENCE = ',"occurrence_id":null,';

/**
 * The line of an event as the extract stage writes it (JSON.stringify: `id` first, then
 * `"occurrence_id":null` among the other fields) with its occurrence set, by splicing the text:
 * the same bytes as parsing and writing it again, without either. Null for any other line,
 * which is then parsed. The spliced text cannot sit inside a string value, where quotes are
 * escaped, and events hold no nested objects.
 */
export function withOccurrence(line: string, id: string, occurrenceId: string | null): string | null {
  if (!line.startsWith(`{"id":${JSON.stringify(id)},`)) return null;
  const at = line.indexOf(NO_OCCURRENCE);
  if (at < 0 || line.indexOf(NO_OCCURRENCE, at + 1) >= 0) return null;
  return `${line.slice(0, at)},"occurrence_id":${JSON.stringify(occurrenceId)},${line.slice(at + NO_OCCURRENCE.length)}`;
}

/**
 * The heap a partition should need: after a large partition V8 lets the heap grow to a multiple
 * of what was live then, and the next partitions' garbage would fill it.
 */
const GC_ABOVE_BYTES = 192 << 20;


/** A partition line (see `partitionLine`). */
type SlimLine = [string, string, OccurrenceEvent['type'], string[], string | null, OccurrenceEvent['precision'], string | null, number, number, string | null];

/** An event of a partition, with its position in the partition file. */
type PartitionEvent = OccurrenceEvent & { index: number };

/** Reads a partition's events back, sharing the strings and actor lists they repeat. */
function partitionReader(): (line: string, index: number) => PartitionEvent {
  const strings = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const shared = <T extends string | null>(s: T): T => {
    if (s === null) return s;
    const known = strings.get(s);
    if (known !== undefined) return known as T;
    strings.set(s, s);
    return s;
  };
  return (line, index) => {
    const [id, doc_id, type, actors, date, precision, location, start, evidence_start, published] = JSON.parse(line) as SlimLine;
    const actorsJoined = actors.join('\u0000');
    let sharedActors = lists.get(actorsJoined);
    if (!sharedActors) lists.set(actorsJoined, (sharedActors = actors.map(shared)));
    return { id, doc_id: shared(doc_id), type: shared(type), actors: sharedActors, date: shared(date), precision: shared(precision), location: shared(location), start, evidence_start, published: shared(published), index };
  };
}


/** The files of one partition: its events (removed once read), its run, its events' occurrences. */
export interface PartitionFiles {
  events: string;
  run: string;
  assigned: string;
}

/**
 * Groups one partition in memory: writes its occurrences, sorted (a run), and the occurrence of
 * each of its events in file order (`id\toccurrence_id`, empty when none).
 */
export function groupPartition(files: PartitionFiles): void {
  const members: PartitionEvent[] = [];
  const read = partitionReader();
  const reader = new LineReader(files.events);
  for (let line = reader.next(); line !== null; line = reader.next()) members.push(read(line, members.length));
  rmSync(files.events);
  const occurrences: OccurrenceRecord[] = [];
  const occurrenceAt: string[] = new Array<string>(members.length);
  clusterOccurrences(members, (occurrence, _ids, clustered) => {
    occurrences.push(occurrence);
    for (const m of clustered) occurrenceAt[m.index] = occurrence.occurrence_id;
  });
  occurrences.sort(compareOccurrences);
  const run = new LineWriter(files.run);
  for (const o of occurrences) run.write(JSON.stringify(o));
  run.close();
  occurrences.length = 0;
  const assigned = new LineWriter(files.assigned);
  for (const m of members) assigned.write(`${m.id}\t${occurrenceAt[m.index] ?? ''}`);
  assigned.close();
  collectGarbageAbove(GC_ABOVE_BYTES);
}

/** Runs a partition, group or link job (in a worker thread or in the stage's own), as its answer object. */
export function runOccurrenceJob(job: OccurrenceJob): object {
  if (job.kind === 'partition') return partitionBatch(job.batch, job.partitions);
  if (job.kind === 'group') {
    groupPartition(job.files);
    return {};
  }
  return { text: linkBatch(job.batch, job.entries) };
}
