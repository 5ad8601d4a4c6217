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
