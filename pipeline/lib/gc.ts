import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Full garbage collections on demand. V8 lets the heap grow to a multiple of what is live
 * before it collects the old generation, so a stage that streams hundreds of thousands of
 * records while it keeps a large index (clean's caches, link's partitions) would otherwise
 * peak at two or three times the memory it needs.
 */
const fullGc: (() => void) | null = (() => {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as (() => void) | undefined;
    return typeof gc === 'function' ? gc : null;
  } catch {
    return null; // not available: V8 collects on its own, only later
  }
})();

/** A full collection when the heap holds more than `bytes`. */
export function collectGarbageAbove(bytes: number): void {
  if (fullGc && process.memoryUsage().heapUsed > bytes) fullGc();
}

/** A full collection each time the heap has grown by `slack` bytes since the last one left it. */
export class HeapSlack {
  private floor = process.memoryUsage().heapUsed;

  constructor(private readonly slack: number) {}

  check(): void {
    if (!fullGc || process.memoryUsage().heapUsed <= this.floor + this.slack) return;
    fullGc();
    this.floor = process.memoryUsage().heapUsed;
  }
}
