/**
 * A set of record ids for duplicate checks over millions of records. The ids the pipeline
 * derives (stableId: 16 hex digits) are kept as two 32-bit halves in an open-addressing
 * table, about 10 bytes per id against some 60 for a Set of strings; any other id (a
 * document's file name) goes to a plain Set.
 */
const HEX_ID = /^[0-9a-f]{16}$/;
const MAX_LOAD = 0.7;

export class IdSet {
  private high = new Uint32Array(1 << 10);
  private low = new Uint32Array(1 << 10);
  private used = new Uint8Array(1 << 10);
  private hexCount = 0;
  private readonly others = new Set<string>();

  get size(): number {
    return this.hexCount + this.others.size;
  }

  /** Adds `id`; false when the set held it already. */
  add(id: string): boolean {
    if (!HEX_ID.test(id)) {
      if (this.others.has(id)) return false;
      this.others.add(id);
      return true;
    }
    if (this.hexCount + 1 > this.used.length * MAX_LOAD) this.grow();
    const added = this.insert(parseInt(id.slice(0, 8), 16), parseInt(id.slice(8), 16));
    if (added) this.hexCount++;
    return added;
  }

  private insert(high: number, low: number): boolean {
    const mask = this.used.length - 1;
    // the halves of a hash are already uniform: the low one is the slot
    for (let i = low & mask; ; i = (i + 1) & mask) {
      if (!this.used[i]) {
        this.used[i] = 1;
        this.high[i] = high;
        this.low[i] = low;
        return true;
      }
      if (this.high[i] === high && this.low[i] === low) return false;
    }
  }

  private grow(): void {
    const { high, low, used } = this;
    this.high = new Uint32Array(used.length * 2);
    this.low = new Uint32Array(used.length * 2);
    this.used = new Uint8Array(used.length * 2);
    for (let i = 0; i < used.length; i++) if (used[i]) this.insert(high[i], low[i]);
  }
}
