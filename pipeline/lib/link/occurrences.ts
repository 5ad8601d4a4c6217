import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compareOccurrences } from '../extract/occurrences.ts';
import { AtomicWriter } from '../io/jsonl.ts';
import type { DocumentRecord, OccurrenceRecord } from '../types.generated.ts';
import { countBatchLines, partitionLine, runOccurrenceJob, type LinkJob, type OccurrenceJob, type PartitionedBatch, type PartitionFiles } from './batches.ts';
import { LineReader, lineBatches } from '../io/line-batches.ts';
import { PartitionOrderReader, PartitionOrderWriter, LineWriter } from './files.ts';
import { inOrder, type TaskPool } from '../task-pool.ts';

export type LinkPool = TaskPool<LinkJob>;


/**
 * The occurrences of a corpus in bounded memory. Events of different `partitionKey`s (type,
 * actor set, year) never share an occurrence, so the events are hash-partitioned by that key
 * into temporary files, each partition is grouped in memory (`clusterOccurrences`, the same
 * code as `groupOccurrences`), and the partitions' results are merged back:
 * - each partition's occurrences, sorted, are a run; the runs are merged into the table's order;
 * - each partition lists the occurrence of its events in file order, so a second pass over the
 *   events reads, for each event, the next line of its partition's list.
 * Given a pool of worker threads, the events are read and written (steps 1 and 4) in batches of
 * lines, and the partitions grouped (step 2), in the workers; the output stays the same.
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

/** Runs a job in the pool, or in this thread without one. */
function runJob<R>(pool: LinkPool | null, job: OccurrenceJob): Promise<R> | R {
  return pool ? pool.run<R>(job) : (runOccurrenceJob(job) as R);
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
  /** Worker threads for the batches and partitions (default: none, all in this thread). */
  pool?: LinkPool | null;
  /** Bytes of events.jsonl per batch (default: see LineBatches). */
  batchBytes?: number;
}

/** Writes the occurrences table and the events with their occurrence (see the top of this file). */
export async function linkOccurrences(options: LinkOccurrencesOptions): Promise<{ events: number; occurrences: number; partitions: number }> {
  const { eventsFile, tmpDir } = options;
  const partitions = options.partitions ?? partitionCount(statSync(eventsFile).size);
  const pool = options.pool ?? null;
  // results are taken in order: a few batches ahead per worker keep the workers busy
  const window = pool ? 2 * pool.size : 1;
  rmSync(tmpDir, { recursive: true, force: true });
  mkdirSync(tmpDir, { recursive: true });
  const file = (kind: string, i: number) => join(tmpDir, `${kind}-${i}.jsonl`);
  try {
    // 1. the events' grouping fields, each in the partition of its key
    const writers = Array.from({ length: partitions }, (_, i) => new LineWriter(file('events', i)));
    const published = new PublishedLookup(options.documentsFile);
    const order = new PartitionOrderWriter(file('order', 0));
    let events = 0;
    await inOrder(lineBatches(eventsFile, options.batchBytes), window, (batch) => runJob<PartitionedBatch>(pool, { kind: 'partition', batch, partitions }), (batch) => {
      for (let i = 0; i < batch.heads.length; i++) writers[batch.partitions[i]].write(partitionLine(batch.heads[i], published.get(batch.docIds[i])));
      order.write(batch.partitions);
      events += batch.heads.length;
    });
    published.close();
    order.close();
    for (const w of writers) w.close();

    // 2. each partition grouped in memory: its occurrences, sorted (a run), and the occurrence
    // of each of its events, in file order
    const partitionFiles = Array.from({ length: partitions }, (_, i): PartitionFiles => ({ events: file('events', i), run: file('run', i), assigned: file('assigned', i) }));
    await inOrder(partitionFiles, pool ? pool.size : 1, (files) => runJob<void>(pool, { kind: 'group', files }), () => {});

    // 3. the runs merged into the table's order
    const occurrencesOut = new AtomicWriter(options.occurrencesFile);
    const occurrences = await mergeRuns(Array.from({ length: partitions }, (_, i) => file('run', i)), occurrencesOut);
    await occurrencesOut.close();

    // 4. every event with its occurrence, read back from its partition's list
    const assigned = Array.from({ length: partitions }, (_, i) => new LineReader(file('assigned', i), 1 << 14));
    const partitionOrder = new PartitionOrderReader(file('order', 0));
    const out = new AtomicWriter(options.linkedEventsFile);
    const linkJobs = function* (): Generator<OccurrenceJob> {
      for (const batch of lineBatches(eventsFile, options.batchBytes)) {
        const entries = new Array<string | null>(countBatchLines(batch));
        for (let i = 0; i < entries.length; i++) {
          const p = partitionOrder.next();
          entries[i] = p < 0 ? null : assigned[p].next();
        }
        yield { kind: 'link', batch, entries };
      }
    };
    await inOrder(linkJobs(), window, (job) => runJob<{ text: string }>(pool, job), (linked) => out.write(linked.text));
    await out.close();
    partitionOrder.close();
    for (const r of assigned) r.close();
    return { events, occurrences, partitions };
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
  }
}
