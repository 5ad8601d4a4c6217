#!/usr/bin/env -S node --import tsx
// Stage 3, link: corpus-level tables that need every article at once. Reads
// BUILD/extract/events.jsonl and writes BUILD/link/events.jsonl.
import { path } from 'zx';
import { JsonlWriter, readJsonl } from './lib/io/jsonl.ts';
import { runStage, stageArgs } from './lib/stage.ts';
import type { EventRecord } from './lib/types.generated.ts';

runStage('link', async () => {
  const { build } = stageArgs();
  const events = new JsonlWriter<EventRecord>(path.join(build, 'link', 'events.jsonl'));
  for await (const e of readJsonl<EventRecord>(path.join(build, 'extract', 'events.jsonl'))) await events.write(e);
  await events.close();
});
