#!/usr/bin/env -S node --import tsx
// Stage 3, link: the corpus-level tables, which need every article at once.
// BUILD/extract/entity_mentions.jsonl -> BUILD/link/entities.jsonl (people, organizations,
// countries, places merged across articles); BUILD/extract/events.jsonl -> BUILD/link/
// events.jsonl (with occurrence_id) and BUILD/link/occurrences.jsonl.
// Memory stays bounded as the corpus grows: entities hold the distinct entities only, and
// occurrences are grouped partition by partition (pipeline/lib/link/occurrences.ts).
// With --jobs above 1 (default: all cores), the work goes to as many worker threads: the
// entities are aggregated in one while the occurrences are linked (see LinkPool).
import { availableParallelism } from 'node:os';
import { minimist, path } from 'zx';
import { JsonlWriter } from './lib/io/jsonl.ts';
import { temporaryPath } from './lib/io/temporaries.ts';
import { entityRecords } from './lib/link/entities.ts';
import type { LinkJob } from './lib/link/batches.ts';
import { linkOccurrences } from './lib/link/occurrences.ts';
import { TaskPool } from './lib/task-pool.ts';
import { runStage, stageArgs } from './lib/stage.ts';
import type { EntityRecord } from './lib/types.generated.ts';

runStage('link', async () => {
  const { build } = stageArgs();
  const opts = minimist(process.argv.slice(2), { string: ['jobs'] });
  const jobs = Number(opts.jobs ?? process.env.JOBS ?? availableParallelism());
  if (!(Number.isInteger(jobs) && jobs >= 1)) throw new Error(`--jobs must be a positive integer, not ${opts.jobs ?? process.env.JOBS}`);
  const mentionsFile = path.join(build, 'extract', 'entity_mentions.jsonl');
  const pool = jobs > 1 ? new TaskPool<LinkJob>(new URL('./lib/link/worker.ts', import.meta.url), jobs) : null;
  const records = pool ? pool.run<{ records: EntityRecord[] }>({ kind: 'entities', mentionsFile }) : { records: entityRecords(mentionsFile) };
  // a failure is reported once the occurrences are done; until then it must not count as unhandled
  if (records instanceof Promise) records.catch(() => {});

  const partitions = process.env.LINK_PARTITIONS ? Number(process.env.LINK_PARTITIONS) : undefined;
  if (partitions !== undefined && !(Number.isInteger(partitions) && partitions >= 1)) throw new Error(`LINK_PARTITIONS must be a positive integer, not ${process.env.LINK_PARTITIONS}`);
  const linked = await linkOccurrences({
    eventsFile: path.join(build, 'extract', 'events.jsonl'),
    documentsFile: path.join(build, 'extract', 'documents.jsonl'),
    occurrencesFile: path.join(build, 'link', 'occurrences.jsonl'),
    linkedEventsFile: path.join(build, 'link', 'events.jsonl'),
    tmpDir: temporaryPath(path.join(build, 'link', 'partitions')),
    partitions,
    pool,
  });
  const entities = new JsonlWriter<EntityRecord>(path.join(build, 'link', 'entities.jsonl'));
  for (const e of (await records).records) await entities.write(e);
  await entities.close();
  await pool?.close();
  console.error(`link: ${entities.count} entities, ${linked.events} events in ${linked.occurrences} occurrences (${linked.partitions} partition${linked.partitions > 1 ? 's' : ''})`);
});
