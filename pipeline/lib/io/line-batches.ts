import { closeSync, openSync, readSync } from 'node:fs';

const NEWLINE = 0x0a;

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
