// Worker thread of the extract stage's pool: receives batches of cleaned-article lines,
// answers with their JSON Lines per table, tagged with the batch's sequence number.
import { parentPort, workerData } from 'node:worker_threads';
import { loadTableSchemas } from '../schema.ts';
import { ContentCache } from '../cache.ts';
import { extractBatch, type BatchOutput } from './batch.ts';

const schemas = loadTableSchemas();
const { cacheRoot, version } = workerData as { cacheRoot: string | null; version: string };
const cache = cacheRoot ? new ContentCache<BatchOutput>(cacheRoot, version) : null;

parentPort!.on('message', (msg: { seq: number; lines: string[] }) => {
  try {
    parentPort!.postMessage({ seq: msg.seq, ...extractBatch(msg.lines, { schemas, cache }) });
  } catch (err) {
    parentPort!.postMessage({ seq: msg.seq, error: err instanceof Error ? err.message : String(err) });
  }
});
