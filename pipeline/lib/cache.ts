import { appendFileSync, closeSync, existsSync, ftruncateSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, renameSync, rmSync, writeFileSync, writeSync, type BigIntStats } from 'node:fs';
import { join } from 'node:path';

/**
 * A content-addressed cache on disk: values keyed by the hash of their input, in a folder
 * per code version, so an unchanged input is not processed again by the same code.
 * Folders of other code versions are removed by `prune()`.
 */
export class ContentCache<V> {
  private readonly dir: string;
  hits = 0;

  constructor(private readonly root: string, private readonly version: string) {
    this.dir = join(root, version);
  }

  private fileOf(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  read(key: string): V | undefined {
    const file = this.fileOf(key);
    if (!existsSync(file)) return undefined;
    this.hits++;
    return JSON.parse(readFileSync(file, 'utf8')) as V;
  }

  write(key: string, value: V): void {
    const file = this.fileOf(key);
    mkdirSync(join(file, '..'), { recursive: true });
    // unique temporary name: worker threads of one process may write the same key
    const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, file);
  }

  get(key: string, compute: () => V): V {
    const cached = this.read(key);
    if (cached !== undefined) return cached;
    const value = compute();
    this.write(key, value);
    return value;
  }

  prune(): void {
    if (!existsSync(this.root)) return;
    for (const old of readdirSync(this.root)) if (old !== this.version) rmSync(join(this.root, old), { recursive: true, force: true });
  }
}

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
        entries.set(JSON.parse(line.slice(0, tab)) as string, line.slice(tab + 1));
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
    return known.slice(stamp!.length + 1);
  }

  /**
   * Remembers a file's hash for the next run. The entry of the last run is dropped: a path
   * is looked up before it is recorded, and with hundreds of thousands of files the two
   * maps would otherwise both be whole at the end.
   */
  record(path: string, stamp: string | null, hash: string): void {
    this.previous.delete(path);
    if (stamp !== null) this.next.set(path, `${stamp}\t${hash}`);
  }

  /** Writes the files recorded in this run (only those: files gone are forgotten), a chunk at a time. */
  save(): void {
    mkdirSync(join(this.file, '..'), { recursive: true });
    const tmp = `${this.file}.tmp-${process.pid}`;
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
 * A content-addressed cache like ContentCache, but in one append-only file per code
 * version (`KEY<tab>JSON` lines) rather than one file per value: for tens of thousands
 * of small values, one sequential write instead of as many file creations. Lines are
 * located when the cache is opened; a line cut short by an interrupted run is ignored,
 * and one that does not parse counts as a miss.
 */
export class PackCache<V> {
  private static readonly FLUSH_BYTES = 1 << 20;
  private readonly file: string;
  private readonly at = new Map<string, [number, number]>();
  private readonly pending: string[] = [];
  private pendingBytes = 0;
  private fd: number | null = null;

  /** `located`: the lines another PackCache found (`located()`), for a reader in a worker thread. */
  constructor(private readonly root: string, private readonly version: string, located?: Array<[string, [number, number]]>) {
    this.file = join(root, version, 'pack.jsonl');
    if (located) for (const [key, at] of located) this.at.set(key, at);
    else this.locateAll();
  }

  has(key: string): boolean {
    return (this.at.get(key)?.[0] ?? -1) >= 0;
  }

  located(): Array<[string, [number, number]]> {
    return [...this.at].filter(([, at]) => at[0] >= 0);
  }

  /** The value of a key located when the pack was opened; undefined when absent or unreadable. */
  read(key: string): V | undefined {
    const at = this.at.get(key);
    if (!at || at[0] < 0) return undefined;
    try {
      this.fd ??= openSync(this.file, 'r');
      const buf = Buffer.alloc(at[1]);
      readSync(this.fd, buf, 0, at[1], at[0]);
      return JSON.parse(buf.toString('utf8')) as V;
    } catch {
      return undefined;
    }
  }

  /** Queues a value for `flush()`, unless the pack already holds its key. */
  add(key: string, value: V): void {
    if (this.at.has(key)) return;
    this.at.set(key, [-1, 0]);
    const line = `${key}\t${JSON.stringify(value)}\n`;
    this.pending.push(line);
    this.pendingBytes += line.length;
    if (this.pendingBytes >= PackCache.FLUSH_BYTES) this.flush();
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

  prune(): void {
    if (!existsSync(this.root)) return;
    for (const old of readdirSync(this.root)) if (old !== this.version) rmSync(join(this.root, old), { recursive: true, force: true });
  }

  /** Finds every complete line; cuts an incomplete last line, so appends start on a fresh line. */
  private locateAll(): void {
    if (!existsSync(this.file)) return;
    const fd = openSync(this.file, 'r+');
    try {
      const chunk = Buffer.alloc(PackCache.FLUSH_BYTES);
      let carry = Buffer.alloc(0);
      let offset = 0; // file offset of carry[0]
      for (let n; (n = readSync(fd, chunk, 0, chunk.length, offset + carry.length)) > 0;) {
        const buf = Buffer.concat([carry, chunk.subarray(0, n)]);
        let start = 0;
        for (let nl = buf.indexOf(10, start); nl >= 0; start = nl + 1, nl = buf.indexOf(10, start)) {
          const tab = buf.indexOf(9, start);
          if (tab > start && tab < nl) this.at.set(buf.toString('latin1', start, tab), [offset + tab + 1, nl - tab - 1]);
        }
        carry = Buffer.from(buf.subarray(start));
        offset += start;
      }
      if (carry.length > 0) ftruncateSync(fd, offset);
    } finally {
      closeSync(fd);
    }
  }
}
