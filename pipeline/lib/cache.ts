import { appendFileSync, closeSync, existsSync, fstatSync, ftruncateSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, renameSync, rmSync, writeSync, type BigIntStats } from 'node:fs';
import { join } from 'node:path';
import { temporaryPath } from './io/temporaries.ts';

/**
 * A copy of an ASCII string that refers to no other string. V8 keeps a slice's whole parent
 * string alive, and a concatenation's parts: a hash sliced from an index line and kept for the
 * run (as a map key) would keep the line, for each of hundreds of thousands of files.
 */
const ownCopy = (ascii: string): string => Buffer.from(ascii, 'latin1').toString('latin1');

/**
 * Content hashes of files remembered by path and stat (size, modification and change
 * times in nanoseconds, inode), so that an unchanged file is known without being read.
 * Any write to a file changes its change time, which no tool can set back. A file
 * stamped within `RACY_NS` of the run's start may still be written within the same
 * clock tick without its stamp changing: it gets no stamp, so it is always read (as git
 * treats "racily clean" files).
 */
export class StatIndex {
  static readonly RACY_NS = 2_000_000_000n;
  /** Path → `stamp<tab>hash`: one string per file keeps hundreds of thousands of entries small. */
  private readonly previous: Map<string, string>;
  private readonly next = new Map<string, string>();
  private readonly racyFrom: bigint;

  constructor(private readonly file: string, nowMs = Date.now()) {
    this.previous = StatIndex.load(file);
    this.racyFrom = BigInt(nowMs) * 1_000_000n - StatIndex.RACY_NS;
  }

  /** Lines of `JSON path<tab>stamp<tab>hash`; a missing or damaged file is an empty index. */
  private static load(file: string): Map<string, string> {
    const entries = new Map<string, string>();
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return entries;
    }
    for (const line of text.split('\n')) {
      const tab = line.indexOf('\t');
      if (tab < 0) continue;
      try {
        entries.set(JSON.parse(line.slice(0, tab)) as string, ownCopy(line.slice(tab + 1)));
      } catch {
        // a damaged line only costs a read of that file
      }
    }
    return entries;
  }

  /** The stamp of a regular file whose stat can be trusted, else null. */
  stampOf(st: BigIntStats): string | null {
    if (!st.isFile() || st.mtimeNs >= this.racyFrom || st.ctimeNs >= this.racyFrom) return null;
    return `${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.ino}`;
  }

  /** The content hash recorded for this path with this very stamp, or null. */
  lookup(path: string, stamp: string | null): string | null {
    const known = stamp === null ? undefined : this.previous.get(path);
    // a stamp has no tab: the prefix test is an exact comparison of the stamps
    if (!known || !known.startsWith(`${stamp}\t`)) return null;
    return ownCopy(known.slice(stamp!.length + 1));
  }

  /**
   * Remembers a file's hash for the next run. The entry of the last run is dropped: a path
   * is looked up before it is recorded, and with hundreds of thousands of files the two
   * maps would otherwise both be whole at the end.
   */
  record(path: string, stamp: string | null, hash: string): void {
    this.previous.delete(path);
    if (stamp !== null) this.next.set(path, ownCopy(`${stamp}\t${hash}`));
  }

  /** Writes the files recorded in this run (only those: files gone are forgotten), a chunk at a time. */
  save(): void {
    mkdirSync(join(this.file, '..'), { recursive: true });
    const tmp = temporaryPath(this.file);
    const fd = openSync(tmp, 'w');
    try {
      let chunk = '';
      for (const [path, entry] of this.next) {
        chunk += `${JSON.stringify(path)}\t${entry}\n`;
        if (chunk.length >= 1 << 20) {
          writeSync(fd, chunk);
          chunk = '';
        }
      }
      writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.file);
  }
}

/**
 * A content-addressed cache in one append-only file per code version: each value is a
 * list of text parts, stored as `KEY<tab>BYTES<newline>` then the parts' UTF-8 bytes joined
 * by NUL, then a newline. A reader gets the parts back as bytes, with no parsing: the
 * extract stage copies cached JSON Lines straight to its outputs. NUL never occurs in
 * JSON text, which is all the pipeline stores. For hundreds of thousands of values, one
 * sequential write replaces as many file creations. Values are located when the pack is
 * opened (one small read per value); a value cut short by an interrupted run is cut off.
 */
export class Pack {
  private static readonly FLUSH_BYTES = 1 << 20;
  /** Room for a header: a key (up to 64 hex digits), a tab, a length and a newline. */
  private static readonly HEADER_MAX = 96;
  private readonly file: string;
  /**
   * Key → its slot in `offsets` and `lengths` (the offset of the value's bytes, their length;
   * offset -1 while queued for `flush()`): with hundreds of thousands of keys, a small integer
   * per key and two typed arrays weigh a third of a pair of numbers per key.
   */
  private readonly slots = new Map<string, number>();
  private offsets = new Float64Array(1024);
  private lengths = new Float64Array(1024);
  private placed = 0;
  private readonly pending: string[] = [];
  private pendingBytes = 0;
  private fd: number | null = null;

  /** `located`: the values another Pack found (`located()`), for a reader in a worker thread. */
  constructor(private readonly root: string, private readonly version: string, located?: Array<[string, [number, number]]>) {
    this.file = join(root, version, 'pack');
    if (located) for (const [key, [offset, length]] of located) this.place(key, offset, length);
    else this.locateAll();
  }

  has(key: string): boolean {
    const slot = this.slots.get(key);
    return slot !== undefined && this.offsets[slot] >= 0;
  }

  located(): Array<[string, [number, number]]> {
    const located: Array<[string, [number, number]]> = [];
    for (const [key, slot] of this.slots) if (this.offsets[slot] >= 0) located.push([key, [this.offsets[slot], this.lengths[slot]]]);
    return located;
  }

  /** The parts of a value located when the pack was opened; undefined when absent or unreadable. */
  readParts(key: string): Buffer[] | undefined {
    const slot = this.slots.get(key);
    if (slot === undefined || this.offsets[slot] < 0) return undefined;
    const length = this.lengths[slot];
    try {
      this.fd ??= openSync(this.file, 'r');
      const buf = Buffer.allocUnsafe(length);
      if (readSync(this.fd, buf, 0, length, this.offsets[slot]) !== length) return undefined;
      const parts: Buffer[] = [];
      let start = 0;
      for (let nul = buf.indexOf(0); nul >= 0; start = nul + 1, nul = buf.indexOf(0, start)) parts.push(buf.subarray(start, nul));
      parts.push(buf.subarray(start));
      return parts;
    } catch {
      return undefined;
    }
  }

  /** Queues a value for `flush()`, unless the pack already holds its key. */
  addParts(key: string, parts: string[]): void {
    if (this.slots.has(key)) return;
    this.place(key, -1, 0);
    const body = parts.join('\0');
    const entry = `${key}\t${Buffer.byteLength(body)}\n${body}\n`;
    this.pending.push(entry);
    this.pendingBytes += entry.length;
    if (this.pendingBytes >= Pack.FLUSH_BYTES) this.flush();
  }

  /** Appends the queued values in one write. */
  flush(): void {
    if (this.pending.length === 0) return;
    mkdirSync(join(this.file, '..'), { recursive: true });
    appendFileSync(this.file, this.pending.join(''));
    this.pending.length = 0;
    this.pendingBytes = 0;
  }

  close(): void {
    this.flush();
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  /** Removes the folders of other code versions. */
  prune(): void {
    if (!existsSync(this.root)) return;
    for (const old of readdirSync(this.root)) if (old !== this.version) rmSync(join(this.root, old), { recursive: true, force: true });
  }

  private place(key: string, offset: number, length: number): void {
    const slot = this.placed++;
    if (slot === this.offsets.length) {
      const grown = (old: Float64Array) => { const a = new Float64Array(old.length * 2); a.set(old); return a; };
      this.offsets = grown(this.offsets);
      this.lengths = grown(this.lengths);
    }
    this.slots.set(key, slot);
    this.offsets[slot] = offset;
    this.lengths[slot] = length;
  }

  /** Reads each value's header and skips its bytes; cuts a value left incomplete, so appends start clean. */
  private locateAll(): void {
    if (!existsSync(this.file)) return;
    const fd = openSync(this.file, 'r+');
    try {
      const size = fstatSync(fd).size;
      const header = Buffer.alloc(Pack.HEADER_MAX);
      let offset = 0;
      while (offset < size) {
        const n = readSync(fd, header, 0, header.length, offset);
        const nl = header.subarray(0, n).indexOf(10);
        const tab = header.subarray(0, Math.max(nl, 0)).indexOf(9);
        const length = tab > 0 ? Number(header.toString('latin1', tab + 1, nl)) : NaN;
        const body = offset + nl + 1;
        if (!Number.isInteger(length) || length < 0 || body + length + 1 > size) break;
        this.place(header.toString('latin1', 0, tab), body, length);
        offset = body + length + 1;
      }
      if (offset < size) ftruncateSync(fd, offset);
    } finally {
      closeSync(fd);
    }
  }
}

/** A Pack of JSON values, one part each. */
export class PackCache<V> extends Pack {
  read(key: string): V | undefined {
    const parts = this.readParts(key);
    if (!parts) return undefined;
    try {
      return JSON.parse(parts[0].toString('utf8')) as V;
    } catch {
      return undefined;
    }
  }

  add(key: string, value: V): void {
    this.addParts(key, [JSON.stringify(value)]);
  }
}
