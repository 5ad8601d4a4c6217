import { closeSync, createReadStream, createWriteStream, mkdirSync, openSync, readSync, renameSync, rmSync, writeFileSync, writeSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { portableGzip } from './gzip.ts';
import { readLines } from './lines.ts';
import { temporaryPath } from './temporaries.ts';

/** Reads a JSON Lines file one record at a time (bounded memory). */
export async function* readJsonl<T>(path: string): AsyncGenerator<T> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (line === '') continue;
    try {
      yield JSON.parse(line) as T;
    } catch (err) {
      throw new Error(`${path}:${lineNo}: not a JSON line (${(err as Error).message})`);
    }
  }
}

// Temporary files still open when the process exits (an error) are removed. No handler replaces
// SIGINT's or SIGTERM's default action, which ends the process at once whatever its thread is
// doing; the stage's sweeper then removes them (see sweepTemporariesAtExit).
const pendingTemporaries = new Set<string>();
process.once('exit', () => { for (const tmp of pendingTemporaries) rmSync(tmp, { force: true }); });

/**
 * Writes a file under a temporary name and renames it into place on `close()`,
 * so an interrupted run never leaves a half-written output behind. With `gzip`, the bytes
 * written are gzipped on the way (io/gzip.ts), in the libuv thread pool.
 */
export class AtomicWriter {
  private readonly tmp: string;
  private readonly stream: WriteStream;
  /** Where write() goes: the file, or the gzip stream in front of it. */
  private readonly sink: Writable;
  private failed: Error | null = null;

  constructor(readonly path: string, options: { gzip?: boolean } = {}) {
    mkdirSync(dirname(path), { recursive: true });
    this.tmp = temporaryPath(path);
    this.stream = createWriteStream(this.tmp, { encoding: 'utf8' });
    this.stream.on('error', (err) => { this.failed = err; });
    if (options.gzip) {
      const { input, output } = portableGzip();
      for (const s of [input, output]) s.on('error', (err) => { this.failed = err; });
      output.pipe(this.stream);
      this.sink = input;
    } else {
      this.sink = this.stream;
    }
    pendingTemporaries.add(this.tmp);
  }

  async write(chunk: string | Uint8Array): Promise<void> {
    if (this.failed) throw this.failed;
    if (!this.sink.write(chunk)) await once(this.sink, 'drain');
  }

  async close(): Promise<void> {
    this.sink.end();
    await once(this.stream, 'finish');
    if (this.failed) throw this.failed;
    renameSync(this.tmp, this.path);
    pendingTemporaries.delete(this.tmp);
  }
}

/** A JSON Lines writer: one record per line. */
export class JsonlWriter<T> {
  private readonly out: AtomicWriter;
  count = 0;
  constructor(path: string) {
    this.out = new AtomicWriter(path);
  }
  async write(record: T): Promise<void> {
    this.count++;
    await this.out.write(JSON.stringify(record) + '\n');
  }
  async close(): Promise<void> {
    await this.out.close();
  }
}

/** Writes a whole file through a temporary name (see AtomicWriter). */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const out = new AtomicWriter(path);
  await out.write(content);
  await out.close();
}

/** Synchronous writeFileAtomic, for code that has no event loop turn to spare. */
export function writeFileAtomicSync(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = temporaryPath(path);
  pendingTemporaries.add(tmp);
  writeFileSync(tmp, content);
  renameSync(tmp, path);
  pendingTemporaries.delete(tmp);
}

/**
 * Rewrites a file of lines keeping those `keep` accepts (given each line without its `\n` and its
 * index from 0, empty lines skipped); returns how many it kept.
 */
export async function keepLines(path: string, keep: (line: string, index: number) => boolean): Promise<number> {
  const out = new AtomicWriter(path);
  let index = 0;
  let kept = 0;
  let chunk = '';
  for await (const line of readLines(path)) {
    if (!keep(line, index++)) continue;
    kept++;
    chunk += line + '\n';
    if (chunk.length >= 1 << 20) {
      await out.write(chunk);
      chunk = '';
    }
  }
  await out.write(chunk);
  await out.close();
  return kept;
}

/** Rewrites a file without the byte ranges `[start, end)` given (sorted, not overlapping), copying the rest as bytes. */
export function dropByteRanges(path: string, ranges: Array<[number, number]>): void {
  const tmp = temporaryPath(path);
  pendingTemporaries.add(tmp);
  const input = openSync(path, 'r');
  const output = openSync(tmp, 'w');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    const copy = (from: number, to: number) => {
      for (let at = from; at < to;) {
        const n = readSync(input, buffer, 0, Math.min(buffer.length, to - at), at);
        if (n === 0) return;
        writeSync(output, buffer, 0, n);
        at += n;
      }
    };
    let at = 0;
    for (const [start, end] of ranges) {
      copy(at, start);
      at = end;
    }
    copy(at, Infinity);
  } finally {
    closeSync(input);
    closeSync(output);
  }
  renameSync(tmp, path);
  pendingTemporaries.delete(tmp);
}
