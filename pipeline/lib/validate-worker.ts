// Worker thread of the validate stage's pool: receives chunks of a table's JSON Lines,
// answers with what validateBatch finds in them, tagged with the chunk's sequence number.
import { parentPort } from 'node:worker_threads';
import { compileValidators, loadTableSchemas, primaryKeyOf } from './schema.ts';
import { validateBatch } from './validate-batch.ts';

const schemas = loadTableSchemas();
const validators = compileValidators(schemas);

parentPort!.on('message', (msg: { seq: number; table: string; chunk: Uint8Array }) => {
  try {
    parentPort!.postMessage({ seq: msg.seq, ...validateBatch(msg.chunk, validators.get(msg.table)!, primaryKeyOf(schemas.get(msg.table)!)) });
  } catch (err) {
    parentPort!.postMessage({ seq: msg.seq, error: err instanceof Error ? err.message : String(err) });
  }
});
