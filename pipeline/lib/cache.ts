import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
