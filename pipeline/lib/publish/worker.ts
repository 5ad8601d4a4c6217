// Worker thread of the publish stage: writes one table's CSV and JSON per message and answers
// whether its records came in the schema's row order.
import { parentPort } from 'node:worker_threads';
import type { TableSchema } from '../schema.ts';
import { writeCsvAndJson } from './csv-json.ts';

export interface CsvJsonJob {
  source: string;
  schema: TableSchema;
  dist: string;
  table: string;
  gzip: boolean;
}

parentPort?.on('message', async (msg: CsvJsonJob & { seq: number }) => {
  try {
    parentPort!.postMessage({ seq: msg.seq, inOrder: await writeCsvAndJson(msg.source, msg.schema, msg.dist, msg.table, msg.gzip) });
  } catch (err) {
    parentPort!.postMessage({ seq: msg.seq, error: err instanceof Error ? err.message : String(err) });
  }
});
