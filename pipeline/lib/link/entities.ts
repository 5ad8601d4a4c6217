import { EntityAggregator, type EntityMention } from '../extract/entities.ts';
import type { EntityRecord } from '../types.generated.ts';
import { batchLines } from './batches.ts';
import { lineBatches } from '../io/line-batches.ts';

function aggregate(file: string, groupedByDoc: boolean): EntityAggregator {
  const aggregator = new EntityAggregator({ groupedByDoc });
  let lineNo = 0;
  for (const batch of lineBatches(file)) {
    for (const line of batchLines(batch)) {
      lineNo++;
      let mention: EntityMention & { doc_id: string };
      try {
        mention = JSON.parse(line) as EntityMention & { doc_id: string };
      } catch (err) {
        throw new Error(`${file}: mention ${lineNo}: not a JSON line (${(err as Error).message})`);
      }
      aggregator.add(mention);
    }
  }
  return aggregator;
}

/** The `entities` table of BUILD/extract/entity_mentions.jsonl (see EntityAggregator). */
export function entityRecords(mentionsFile: string): EntityRecord[] {
  // mentions come in article order (only the distinct entities are held); if not, once more keeping each entity's articles
  let aggregator = aggregate(mentionsFile, true);
  if (aggregator.interleaved) aggregator = aggregate(mentionsFile, false);
  return aggregator.records();
}
