#!/usr/bin/env -S node --import tsx
// Stage 3, link: the corpus-level tables, which need every article at once.
// BUILD/extract/entity_mentions.jsonl -> BUILD/link/entities.jsonl (people, organizations,
// countries, places merged across articles); BUILD/extract/events.jsonl -> BUILD/link/
// events.jsonl (with occurrence_id) and BUILD/link/occurrences.jsonl.
import { path } from 'zx';
import { EntityAggregator, type EntityMention } from './lib/extract/entities.ts';
import { JsonlWriter, readJsonl } from './lib/io/jsonl.ts';
import { runStage, stageArgs } from './lib/stage.ts';
import { groupOccurrences } from './lib/extract/occurrences.ts';
import type { DocumentRecord, EntityRecord, EventRecord, OccurrenceRecord } from './lib/types.generated.ts';

runStage('link', async () => {
  const { build } = stageArgs();
  const aggregator = new EntityAggregator();
  for await (const m of readJsonl<EntityMention & { doc_id: string }>(path.join(build, 'extract', 'entity_mentions.jsonl'))) aggregator.add(m);
  const entities = new JsonlWriter<EntityRecord>(path.join(build, 'link', 'entities.jsonl'));
  for (const e of aggregator.records()) await entities.write(e);
  await entities.close();

  // occurrences: grouped from the events' identifying fields only (the evidence text is
  // dropped, so memory follows the number of events, not the size of the corpus)...
  const eventsFile = path.join(build, 'extract', 'events.jsonl');
  const slim: EventRecord[] = [];
  for await (const e of readJsonl<EventRecord>(eventsFile)) slim.push({ ...e, evidence: '', trigger: '' });
  const documents: Array<Pick<DocumentRecord, 'doc_id' | 'published'>> = [];
  for await (const d of readJsonl<DocumentRecord>(path.join(build, 'extract', 'documents.jsonl'))) documents.push({ doc_id: d.doc_id, published: d.published });
  const { occurrences, occurrenceOf } = groupOccurrences(slim, documents);
  slim.length = 0;
  const occurrenceWriter = new JsonlWriter<OccurrenceRecord>(path.join(build, 'link', 'occurrences.jsonl'));
  for (const o of occurrences) await occurrenceWriter.write(o);
  await occurrenceWriter.close();

  // ...then a second pass gives every event its occurrence
  const events = new JsonlWriter<EventRecord>(path.join(build, 'link', 'events.jsonl'));
  for await (const e of readJsonl<EventRecord>(eventsFile)) await events.write({ ...e, occurrence_id: occurrenceOf.get(e.id) ?? null });
  await events.close();
  console.error(`link: ${entities.count} entities, ${events.count} events in ${occurrenceWriter.count} occurrences`);
});

