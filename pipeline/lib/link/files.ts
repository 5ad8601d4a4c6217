import { closeSync, openSync, readSync, writeSync } from 'node:fs';

/** The link stage's temporary and input files, read and written synchronously in chunks. */

/** Appends lines to a file through a small buffer. */
export class LineWriter {
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

/** The partition of each event, in file order, kept on disk between steps 1 and 4. */
export class PartitionOrderWriter {
  private readonly fd: number;
  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }
  write(partitions: Uint32Array): void {
    writeSync(this.fd, new Uint8Array(partitions.buffer, partitions.byteOffset, partitions.byteLength));
  }
  close(): void {
    closeSync(this.fd);
  }
}

export class PartitionOrderReader {
  private readonly fd: number;
  private readonly values = new Uint32Array(1 << 14);
  private length = 0;
  private index = 0;
  constructor(readonly path: string) {
    this.fd = openSync(path, 'r');
  }
  /** The next event's partition, or -1 at the end. */
  next(): number {
    if (this.index === this.length) {
      const bytes = readSync(this.fd, new Uint8Array(this.values.buffer), 0, this.values.byteLength, null);
      this.length = bytes >> 2;
      this.index = 0;
      if (this.length === 0) return -1;
    }
    return this.values[this.index++];
  }
  close(): void {
    closeSync(this.fd);
  }
}

