import { Worker } from 'node:worker_threads';

/**
 * Worker threads that run independent jobs, each answered by its own promise: for a few
 * large jobs whose results are used in an order other than the one they finish in.
 * The worker module answers every `{ seq, ...job }` message with `{ seq, ...result }`, or
 * `{ seq, error }`.
 */
export class TaskPool<J extends object, R = unknown> {
  private readonly workers: Worker[];
  private readonly idle: Worker[];
  private readonly queue: Array<{ seq: number; job: J }> = [];
  private readonly pending = new Map<number, { resolve: (r: R) => void; reject: (e: Error) => void }>();
  private nextSeq = 0;

  constructor(script: URL, size: number, workerData: object = {}) {
    this.workers = Array.from({ length: size }, () => new Worker(new URL('./ts-worker.mjs', import.meta.url), { workerData: { module: script.href, ...workerData } }));
    this.idle = [...this.workers];
    for (const w of this.workers) {
      w.on('message', ({ seq, error, ...result }: { seq: number; error?: string }) => {
        const task = this.pending.get(seq)!;
        this.pending.delete(seq);
        if (error) task.reject(new Error(error));
        else task.resolve(result as R);
        this.idle.push(w);
        this.pump();
      });
      w.on('error', (err) => {
        for (const task of this.pending.values()) task.reject(err);
        this.pending.clear();
      });
    }
  }

  get size(): number {
    return this.workers.length;
  }

  run<T extends R = R>(job: J): Promise<T> {
    const seq = this.nextSeq++;
    const done = new Promise<T>((resolve, reject) => this.pending.set(seq, { resolve: resolve as (r: R) => void, reject }));
    this.queue.push({ seq, job });
    this.pump();
    return done;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const { seq, job } = this.queue.shift()!;
      this.idle.pop()!.postMessage({ seq, ...job });
    }
  }
}

/**
 * `items` in `lanes` lists: with one lane, in their order; with more, heaviest first (ties in
 * their order), each to the lightest lane so far (the first of equals).
 */
export function shareOut<T>(items: T[], weight: (item: T) => number, lanes: number): T[][] {
  if (lanes <= 1) return [items];
  const shared: T[][] = Array.from({ length: lanes }, () => []);
  const load = shared.map(() => 0);
  const heaviestFirst = items.map((item, i) => ({ item, i, w: weight(item) })).sort((a, b) => b.w - a.w || a.i - b.i);
  for (const { item, w } of heaviestFirst) {
    const lane = load.indexOf(Math.min(...load));
    shared[lane].push(item);
    load[lane] += w;
  }
  return shared;
}

/**
 * Runs jobs through `run` with at most `window` in flight, handing the results to `onResult`
 * in submission order: the output does not depend on which worker finishes first.
 */
export async function inOrder<J, R>(jobs: Iterable<J>, window: number, run: (job: J) => Promise<R> | R, onResult: (result: R) => Promise<void> | void): Promise<void> {
  const pending: Array<Promise<R>> = [];
  try {
    for (const job of jobs) {
      const result = Promise.resolve().then(() => run(job));
      // a failure is reported when its turn comes; until then it must not count as unhandled
      result.catch(() => {});
      pending.push(result);
      if (pending.length >= window) await onResult(await (pending.shift() as Promise<R>));
    }
    while (pending.length) await onResult(await (pending.shift() as Promise<R>));
  } finally {
    pending.length = 0;
  }
}
