import { closeSync, openSync, readSync } from 'node:fs';

const NEWLINE = 0x0a;

/**
 * Bytes decoded into one string at a time. V8 (Node 20) decodes UTF-8 into a long string
 * several times slower than the same bytes in short pieces (90 against 600 MB/s on French
 * JSON Lines): a string past about 128 KB is made in its large-object space.
 */
const DECODE_BYTES = 1 << 15;

/**
 * `bytes.toString('utf8').split('\n')`, decoded in pieces cut at newlines (which no UTF-8
 * sequence holds, so the pieces decode as the whole does).
 */
export function splitLines(bytes: Uint8Array): string[] {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length <= DECODE_BYTES) return buf.toString('utf8').split('\n');
  const lines: string[] = [];
  for (let start = 0; ;) {
    const cut = start + DECODE_BYTES < buf.length ? buf.indexOf(NEWLINE, start + DECODE_BYTES) : -1;
    for (const line of buf.toString('utf8', start, cut < 0 ? buf.length : cut).split('\n')) lines.push(line);
    if (cut < 0) return lines;
    start = cut + 1;
  }
}

/**
 * A file read synchronously in batches of whole lines of about `batchBytes` (more when a line
 * is longer). Each batch is a fresh buffer, so it can be handed over to a worker.
 */
export class LineBatches {
  private fd: number | null;
  private buffer: Buffer;
  /** Bytes at the start of `buffer` carried over from the last read (a line not yet ended). */
  private carried = 0;

  constructor(readonly path: string, batchBytes = 1 << 20) {
    this.fd = openSync(path, 'r');
    this.buffer = Buffer.allocUnsafe(batchBytes);
  }

  next(): Buffer | null {
    for (;;) {
      if (this.fd == null) return null;
      if (this.carried === this.buffer.length) {
        const larger = Buffer.allocUnsafe(this.buffer.length * 2);
        this.buffer.copy(larger, 0, 0, this.carried);
        this.buffer = larger;
      }
      const n = readSync(this.fd, this.buffer, this.carried, this.buffer.length - this.carried, null);
      const filled = this.carried + n;
      if (n === 0) {
        this.close();
        this.carried = 0;
        return filled > 0 ? Buffer.from(this.buffer.subarray(0, filled)) : null;
      }
      const end = this.buffer.lastIndexOf(NEWLINE, filled - 1);
      if (end < 0) {
        this.carried = filled;
        continue;
      }
      const batch = Buffer.from(this.buffer.subarray(0, end + 1));
      this.buffer.copy(this.buffer, 0, end + 1, filled);
      this.carried = filled - end - 1;
      return batch;
    }
  }

  close(): void {
    if (this.fd != null) closeSync(this.fd);
    this.fd = null;
  }
}

/** The batches of `LineBatches`, as a generator that closes the file when left early. */
export function* lineBatches(path: string, batchBytes?: number): Generator<Buffer> {
  const batches = new LineBatches(path, batchBytes);
  try {
    for (let batch = batches.next(); batch; batch = batches.next()) yield batch;
  } finally {
    batches.close();
  }
}

/** The non-empty lines of a file, read synchronously in chunks (so that many can be open at once). */
export class LineReader {
  private readonly batches: LineBatches;
  private lines: string[] = [];
  private index = 0;
  /** The number (from 1) of the line `next()` returned last, counting empty lines. */
  lineNo = 0;

  constructor(readonly path: string, chunkBytes = 1 << 16) {
    this.batches = new LineBatches(path, chunkBytes);
  }

  /** The next non-empty line (without its `\n`), or null at the end of the file. */
  next(): string | null {
    for (;;) {
      while (this.index < this.lines.length) {
        const line = this.lines[this.index++];
        this.lineNo++;
        if (line !== '') return line;
      }
      const batch = this.batches.next();
      if (batch === null) return null;
      this.lines = splitLines(batch);
      // a batch ends with a line's newline (but for a last line without one)
      if (this.lines[this.lines.length - 1] === '') this.lines.pop();
      this.index = 0;
    }
  }

  close(): void {
    this.batches.close();
  }
}
