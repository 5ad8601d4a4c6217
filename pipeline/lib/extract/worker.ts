// Worker thread of the extract stage's pool: receives batches of cleaned-article lines,
// answers with their JSON Lines per table, tagged with the batch's sequence number.
import { parentPort, workerData } from 'node:worker_threads';
import { loadTableSchemas } from '../schema.ts';
import { extractBatch } from './batch.ts';

const schemas = loadTableSchemas();
const cacheDir = (workerData as { cacheDir: string | null }).cacheDir;

parentPort!.on('message', (msg: { seq: number; lines: string[] }) => {
  try {
    parentPort!.postMessage({ seq: msg.seq, ...extractBatch(msg.lines, { schemas, cacheDir }) });
  } catch (err) {
    parentPort!.postMessage({ seq: msg.seq, error: err instanceof Error ? err.message : String(err) });
  }
});
