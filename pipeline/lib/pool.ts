import { Worker } from 'node:worker_threads';

interface Reply<R> {
  seq: number;
  error?: string;
  result: R;
}

/**
 * A pool of worker threads that process jobs in parallel but hand results back in
 * submission order, so the output is the same whatever the number of workers.
 * At most `2 × workers` jobs are in flight: memory stays bounded on any input size.
 */
export class OrderedPool<J, R> {
  private readonly workers: Worker[];
  private readonly idle: Worker[];
  private readonly queue: Array<{ seq: number; job: J }> = [];
  private readonly done = new Map<number, R>();
  private readonly waiters: Array<() => void> = [];
  private nextSeq = 0;
  private nextOut = 0;
  private failure: Error | null = null;

  constructor(script: URL, size: number, workerData: unknown, private readonly onResult: (result: R) => Promise<void> | void) {
    this.workers = Array.from({ length: size }, () => new Worker(new URL('./ts-worker.mjs', import.meta.url), { workerData: { module: script.href, ...(workerData as object) } }));
    this.idle = [...this.workers];
    for (const w of this.workers) {
      w.on('message', (msg: { seq: number; error?: string } & Record<string, unknown>) => {
        if (msg.error) this.failure ??= new Error(msg.error);
        else this.done.set(msg.seq, msg as unknown as R);
        this.idle.push(w);
        this.pump();
        this.wake();
      });
      w.on('error', (err) => { this.failure ??= err; this.wake(); });
    }
  }

  get inFlight(): number {
    return this.nextSeq - this.nextOut;
  }

  /** Queues a job; waits while too many are in flight, flushing finished results in order. */
  async submit(job: J): Promise<void> {
    this.queue.push({ seq: this.nextSeq++, job });
    this.pump();
    while (this.inFlight >= this.workers.length * 2) await this.flushSome();
  }

  /** Waits for every job and flushes all results in order. */
  async drain(): Promise<void> {
    while (this.inFlight > 0) await this.flushSome();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private async flushSome(): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.done.has(this.nextOut)) await new Promise<void>((resolve) => this.waiters.push(resolve));
    if (this.failure) throw this.failure;
    while (this.done.has(this.nextOut)) {
      const result = this.done.get(this.nextOut)!;
      this.done.delete(this.nextOut);
      this.nextOut++;
      await this.onResult(result);
    }
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const { seq, job } = this.queue.shift()!;
      w.postMessage({ seq, ...(job as object) });
    }
  }

  private wake(): void {
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}

export type { Reply };
