import { TaskPool } from './task-pool.ts';

/**
 * Worker threads that process a stream of jobs in parallel but hand the results back in
 * submission order, so the output is the same whatever the number of workers.
 * At most `2 × workers` jobs are in flight: memory stays bounded on any input size.
 * The worker module follows TaskPool's protocol (`{ seq, ...job }` → `{ seq, ...result }`).
 */
export class OrderedPool<J extends object, R> {
  private readonly pool: TaskPool<J, R>;
  private readonly pending: Array<Promise<R>> = [];

  constructor(script: URL, size: number, workerData: object, private readonly onResult: (result: R) => Promise<void> | void) {
    this.pool = new TaskPool<J, R>(script, size, workerData);
  }

  /** Queues a job; waits while too many are in flight, flushing finished results in order. */
  async submit(job: J): Promise<void> {
    const result = this.pool.run(job);
    // a failure is reported when its turn comes; until then it must not count as unhandled
    result.catch(() => {});
    await this.enqueue(result);
  }

  /** Queues a result that needs no worker (one read from a cache), to be handed on in its turn. */
  async push(result: R): Promise<void> {
    await this.enqueue(Promise.resolve(result));
  }

  /** Waits for every job, flushes all results in order, and stops the workers. */
  async drain(): Promise<void> {
    try {
      while (this.pending.length) await this.flushOne();
    } finally {
      await this.pool.close();
    }
  }

  private async enqueue(result: Promise<R>): Promise<void> {
    this.pending.push(result);
    while (this.pending.length >= this.pool.size * 2) await this.flushOne();
  }

  private async flushOne(): Promise<void> {
    await this.onResult(await this.pending.shift()!);
  }
}
