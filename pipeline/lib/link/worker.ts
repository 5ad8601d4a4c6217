// Worker thread of the link stage's pool (TaskPool): runs one job at a time (see ./batches.ts).
import { parentPort } from 'node:worker_threads';
import { runOccurrenceJob, type LinkJob } from './batches.ts';

parentPort!.on('message', async ({ seq, ...job }: LinkJob & { seq: number }) => {
  const reply = (result: object) => parentPort!.postMessage({ seq, ...result });
  try {
    if (job.kind !== 'entities') reply(runOccurrenceJob(job));
    else {
      // imported here: the other jobs do not need the entity code and its lexicons
      const { entityRecords } = await import('./entities.ts');
      reply({ records: entityRecords(job.mentionsFile) });
    }
  } catch (err) {
    reply({ error: err instanceof Error ? err.message : String(err) });
  }
});
