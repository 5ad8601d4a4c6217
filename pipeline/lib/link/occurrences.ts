import { closeSync, mkdirSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { clusterOccurrences, compareOccurrences, occurrenceEvent, partitionKey, type OccurrenceEvent } from '../extract/occurrences.ts';
import { AtomicWriter } from '../io/jsonl.ts';
import { readLines } from '../io/lines.ts';
import type { DocumentRecord, EventRecord, OccurrenceRecord } from '../types.generated.ts';

/**
 * The occurrences of a corpus in bounded memory. Events of different `partitionKey`s (type,
 * actor set, year) never share an occurrence, so the events are hash-partitioned by that key
 * into temporary files, each partition is grouped in memory (`clusterOccurrences`, the same
 * code as `groupOccurrences`), and the partitions' results are merged back:
 * - each partition's occurrences, sorted, are a run; the runs are merged into the table's order;
 * - each partition lists the occurrence of its events in file order, so a second pass over the
 *   events reads, for each event, the next line of its partition's list.
 * Memory follows the largest partition (about `PARTITION_BYTES` of events.jsonl, more when one
 * type, actor set and year holds more), not the corpus. The output is byte for byte that of
 * `groupOccurrences` on the whole corpus.
 */

/** Bytes of events.jsonl per partition (the number of partitions follows the file size). */
const PARTITION_BYTES = 8 << 20;
const MAX_PARTITIONS = 1024;

export function partitionCount(eventsBytes: number): number {
  return Math.min(MAX_PARTITIONS, Math.max(1, Math.ceil(eventsBytes / PARTITION_BYTES)));
}

/**
 * A full garbage collection, when the heap holds more than a partition should need. After a
 * large partition V8 lets the heap grow to a multiple of what was live then, and the next
 * partitions' garbage would fill it: collecting between partitions keeps memory flat.
 */
const GC_ABOVE_BYTES = 192 << 20;
const collectGarbage: () => void = (() => {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as (() => void) | undefined;
    if (typeof gc === 'function') return () => { if (process.memoryUsage().heapUsed > GC_ABOVE_BYTES) gc(); };
  } catch {
    // not available: V8 collects on its own, only later
  }
  return () => {};
})();

/** FNV-1a over the UTF-16 code units: a stable hash, the same on every run. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const partitionOf = (event: EventRecord, partitions: number): number => (partitions === 1 ? 0 : hash32(partitionKey(event)) % partitions);

/** The non-empty lines of a file, read synchronously in chunks (so that many can be open at once). */
export class LineReader {
  private fd: number | null;
  private readonly buffer: Buffer;
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';
  private lines: string[] = [];
  private index = 0;

  constructor(readonly path: string, chunkBytes = 1 << 16) {
    this.fd = openSync(path, 'r');
    this.buffer = Buffer.allocUnsafe(chunkBytes);
  }

  /** The next non-empty line (without its `\n`), or null at the end of the file. */
  next(): string | null {
    for (;;) {
      while (this.index < this.lines.length) {
        const line = this.lines[this.index++];
        if (line !== '') return line;
      }
      if (this.fd == null) return null;
      const n = readSync(this.fd, this.buffer, 0, this.buffer.length, null);
      this.index = 0;
      if (n === 0) {
        this.close();
        this.lines = [this.pending + this.decoder.end()];
        this.pending = '';
        continue;
      }
      const lines = (this.pending + this.decoder.write(this.buffer.subarray(0, n))).split('\n');
      this.pending = lines.pop() as string;
      this.lines = lines;
    }
  }

  close(): void {
    if (this.fd != null) closeSync(this.fd);
    this.fd = null;
  }
}

/** Appends lines to a file through a small buffer. */
class LineWriter {
  private readonly fd: number;
  private buffer = '';
  count = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  write(line: string): void {
    this.buffer += line + '\n';
    this.count++;
    if (this.buffer.length >= 1 << 15) this.flush();
  }

  private flush(): void {
    if (this.buffer) writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/**
 * `published` of each article, looked up while the events go by: extraction writes events and
 * documents in the same article order, so a cursor over documents.jsonl finds them without
 * holding every article. Events out of that order fall back to a map of every article.
 */
class PublishedLookup {
  private reader: LineReader | null;
  private current: Pick<DocumentRecord, 'doc_id' | 'published'> | null = null;
  private all: Map<string, string | null> | null = null;

  constructor(private readonly file: string) {
    this.reader = new LineReader(file);
  }

  get(docId: string): string | null {
    if (this.all) return this.all.get(docId) ?? null;
    if (this.current?.doc_id === docId) return this.current.published ?? null;
    for (let line = this.reader?.next() ?? null; line !== null; line = this.reader?.next() ?? null) {
      const { doc_id, published } = JSON.parse(line) as DocumentRecord;
      this.current = { doc_id, published };
      if (doc_id === docId) return published ?? null;
    }
    this.close();
    const all = new Map<string, string | null>();
    const reader = new LineReader(this.file);
    for (let line = reader.next(); line !== null; line = reader.next()) {
      const { doc_id, published } = JSON.parse(line) as DocumentRecord;
      all.set(doc_id, published);
    }
    this.all = all;
    return all.get(docId) ?? null;
  }

  close(): void {
    this.reader?.close();
    this.reader = null;
  }
}

type SlimLine = [string, string, OccurrenceEvent['type'], string[], string | null, OccurrenceEvent['precision'], string | null, number, number, string | null];

const toLine = (e: OccurrenceEvent): string => JSON.stringify([e.id, e.doc_id, e.type, e.actors, e.date, e.precision, e.location, e.start, e.evidence_start, e.published] satisfies SlimLine);

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

/** A binary min-heap of the runs' current heads. */
interface Head {
  occurrence: OccurrenceRecord;
  line: string;
  reader: LineReader;
}

function siftDown(heap: Head[], i: number): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let min = i;
    if (l < heap.length && compareOccurrences(heap[l].occurrence, heap[min].occurrence) < 0) min = l;
    if (r < heap.length && compareOccurrences(heap[r].occurrence, heap[min].occurrence) < 0) min = r;
    if (min === i) return;
    [heap[i], heap[min]] = [heap[min], heap[i]];
    i = min;
  }
}

/** Merges sorted runs of occurrence lines into `out`, in the table's order. */
async function mergeRuns(runs: string[], out: AtomicWriter): Promise<number> {
  const heap: Head[] = [];
  const advance = (reader: LineReader): Head | null => {
    const line = reader.next();
    return line === null ? null : { occurrence: JSON.parse(line) as OccurrenceRecord, line, reader };
  };
  for (const run of runs) {
    const head = advance(new LineReader(run, 1 << 15));
    if (head) heap.push(head);
  }
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(heap, i);
  let count = 0;
  let chunk = '';
  while (heap.length) {
    const top = heap[0];
    chunk += top.line + '\n';
    count++;
    if (chunk.length >= 1 << 16) {
      await out.write(chunk);
      chunk = '';
    }
    const next = advance(top.reader);
    if (next) heap[0] = next;
    else {
      const last = heap.pop() as Head;
      if (heap.length) heap[0] = last;
    }
    if (heap.length) siftDown(heap, 0);
  }
  if (chunk) await out.write(chunk);
  return count;
}

export interface LinkOccurrencesOptions {
  /** BUILD/extract/events.jsonl */
  eventsFile: string;
  /** BUILD/extract/documents.jsonl */
  documentsFile: string;
  /** BUILD/link/occurrences.jsonl */
  occurrencesFile: string;
  /** BUILD/link/events.jsonl: the events with their `occurrence_id` */
  linkedEventsFile: string;
  /** A folder for the temporary files (removed at the end). */
  tmpDir: string;
  /** Number of partitions (default: from the size of events.jsonl). */
  partitions?: number;
}

/** Writes the occurrences table and the events with their occurrence (see the top of this file). */
export async function linkOccurrences(options: LinkOccurrencesOptions): Promise<{ events: number; occurrences: number; partitions: number }> {
  const { eventsFile, tmpDir } = options;
  const partitions = options.partitions ?? partitionCount(statSync(eventsFile).size);
  rmSync(tmpDir, { recursive: true, force: true });
  mkdirSync(tmpDir, { recursive: true });
  const file = (kind: string, i: number) => join(tmpDir, `${kind}-${i}.jsonl`);
  try {
    // 1. the events' grouping fields, each in the partition of its key
    const writers = Array.from({ length: partitions }, (_, i) => new LineWriter(file('events', i)));
    const published = new PublishedLookup(options.documentsFile);
    let events = 0;
    for await (const line of readLines(eventsFile)) {
      const event = JSON.parse(line) as EventRecord;
      events++;
      writers[partitionOf(event, partitions)].write(toLine(occurrenceEvent(event, published.get(event.doc_id))));
    }
    published.close();
    for (const w of writers) w.close();

    // 2. each partition grouped in memory: its occurrences, sorted (a run), and the occurrence
    // of each of its events, in file order
    for (let i = 0; i < partitions; i++) {
      const members: PartitionEvent[] = [];
      const read = partitionReader();
      const reader = new LineReader(file('events', i));
      for (let line = reader.next(); line !== null; line = reader.next()) members.push(read(line, members.length));
      rmSync(file('events', i));
      const occurrences: OccurrenceRecord[] = [];
      const occurrenceAt: string[] = new Array<string>(members.length);
      clusterOccurrences(members, (occurrence, _ids, clustered) => {
        occurrences.push(occurrence);
        for (const m of clustered) occurrenceAt[m.index] = occurrence.occurrence_id;
      });
      occurrences.sort(compareOccurrences);
      const run = new LineWriter(file('run', i));
      for (const o of occurrences) run.write(JSON.stringify(o));
      run.close();
      occurrences.length = 0;
      const assigned = new LineWriter(file('assigned', i));
      for (const m of members) assigned.write(`${m.id}\t${occurrenceAt[m.index] ?? ''}`);
      assigned.close();
      collectGarbage();
    }

    // 3. the runs merged into the table's order
    const occurrencesOut = new AtomicWriter(options.occurrencesFile);
    const occurrences = await mergeRuns(Array.from({ length: partitions }, (_, i) => file('run', i)), occurrencesOut);
    await occurrencesOut.close();

    // 4. every event with its occurrence, read back from its partition's list
    const assigned = Array.from({ length: partitions }, (_, i) => new LineReader(file('assigned', i), 1 << 14));
    const out = new AtomicWriter(options.linkedEventsFile);
    let chunk = '';
    for await (const line of readLines(eventsFile)) {
      const event = JSON.parse(line) as EventRecord;
      const entry = assigned[partitionOf(event, partitions)].next();
      const tab = entry?.indexOf('\t') ?? -1;
      if (entry == null || entry.slice(0, tab) !== event.id) throw new Error(`link: event ${event.id} out of step with its partition (${entry ?? 'end of file'})`);
      chunk += JSON.stringify({ ...event, occurrence_id: entry.slice(tab + 1) || null }) + '\n';
      if (chunk.length >= 1 << 16) {
        await out.write(chunk);
        chunk = '';
      }
    }
    if (chunk) await out.write(chunk);
    await out.close();
    for (const r of assigned) r.close();
    return { events, occurrences, partitions };
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
  }
}
