#!/usr/bin/env -S node --import tsx
// Stage 3, link: the corpus-level tables, which need every article at once.
// BUILD/extract/entity_mentions.jsonl -> BUILD/link/entities.jsonl (people, organizations,
// countries, places merged across articles); BUILD/extract/events.jsonl -> BUILD/link/
// events.jsonl (with occurrence_id) and BUILD/link/occurrences.jsonl.
// Memory stays bounded as the corpus grows: entities hold the distinct entities only, and
// occurrences are grouped partition by partition (pipeline/lib/link/occurrences.ts).
import { path } from 'zx';
import { EntityAggregator, type EntityMention } from './lib/extract/entities.ts';
import { JsonlWriter, readJsonl } from './lib/io/jsonl.ts';
import { linkOccurrences } from './lib/link/occurrences.ts';
import { runStage, stageArgs } from './lib/stage.ts';
import type { EntityRecord } from './lib/types.generated.ts';

async function aggregateEntities(file: string, groupedByDoc: boolean): Promise<EntityAggregator> {
  const aggregator = new EntityAggregator({ groupedByDoc });
  for await (const m of readJsonl<EntityMention & { doc_id: string }>(file)) aggregator.add(m);
  return aggregator;
}

runStage('link', async () => {
  const { build } = stageArgs();
  const mentionsFile = path.join(build, 'extract', 'entity_mentions.jsonl');
  // mentions come in article order (only the distinct entities are held); if not, once more keeping each entity's articles
  let aggregator = await aggregateEntities(mentionsFile, true);
  if (aggregator.interleaved) aggregator = await aggregateEntities(mentionsFile, false);
  const entities = new JsonlWriter<EntityRecord>(path.join(build, 'link', 'entities.jsonl'));
  for (const e of aggregator.records()) await entities.write(e);
  await entities.close();

  const partitions = process.env.LINK_PARTITIONS ? Number(process.env.LINK_PARTITIONS) : undefined;
  if (partitions !== undefined && !(Number.isInteger(partitions) && partitions >= 1)) throw new Error(`LINK_PARTITIONS must be a positive integer, not ${process.env.LINK_PARTITIONS}`);
  const linked = await linkOccurrences({
    eventsFile: path.join(build, 'extract', 'events.jsonl'),
    documentsFile: path.join(build, 'extract', 'documents.jsonl'),
    occurrencesFile: path.join(build, 'link', 'occurrences.jsonl'),
    linkedEventsFile: path.join(build, 'link', 'events.jsonl'),
    tmpDir: path.join(build, 'link', 'tmp'),
    partitions,
  });
  console.error(`link: ${entities.count} entities, ${linked.events} events in ${linked.occurrences} occurrences (${linked.partitions} partition${linked.partitions > 1 ? 's' : ''})`);
});
