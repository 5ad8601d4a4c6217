// Worker thread of the clean stage's pool: receives batches of files, answers with what
// their bytes alone decide (clean-files.ts), tagged with the batch's sequence number.
import { parentPort, workerData } from 'node:worker_threads';
import { PackCache } from './cache.ts';
import { inspectFiles, type FileJob, type InspectedArticle } from './clean-files.ts';

const { cacheRoot, version, located } = workerData as { cacheRoot: string; version: string; located: Array<[string, [number, number]]> };
const context = { cache: new PackCache<InspectedArticle>(cacheRoot, version, located) };

parentPort!.on('message', (msg: { seq: number; jobs: Array<FileJob | null> }) => {
  try {
    parentPort!.postMessage({ seq: msg.seq, outcomes: inspectFiles(msg.jobs, context) });
  } catch (err) {
    parentPort!.postMessage({ seq: msg.seq, error: err instanceof Error ? err.message : String(err) });
  }
});
