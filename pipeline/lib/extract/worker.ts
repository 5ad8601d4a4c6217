// Worker thread of the extract stage's pool: receives batches of cleaned-article lines,
// answers with each article's JSON Lines per table, tagged with the batch's sequence number.
import { parentPort } from 'node:worker_threads';
import { loadTableSchemas } from '../schema.ts';
import { extractBatch } from './batch.ts';

const schemas = loadTableSchemas();

parentPort!.on('message', (msg: { seq: number; lines: string[] }) => {
  try {
    parentPort!.postMessage({ seq: msg.seq, ...extractBatch(msg.lines, schemas) });
  } catch (err) {
    parentPort!.postMessage({ seq: msg.seq, error: err instanceof Error ? err.message : String(err) });
  }
});
