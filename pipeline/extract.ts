#!/usr/bin/env -S node --import tsx
// Stage 2, extract: BUILD/clean/articles.jsonl -> one JSON Lines file per per-document
// table in BUILD/extract/ (documents, removals, dates, quotes, events, agreements).
import { path } from 'zx';
import type { CleanedArticle } from './lib/clean.ts';
import { extractDocument, type ExtractedDocument } from './lib/extract/index.ts';
import { stableId } from './lib/ids.ts';
import { JsonlWriter, readJsonl } from './lib/io/jsonl.ts';
import { Progress } from './lib/progress.ts';
import { loadTableSchemas, orderComparator } from './lib/schema.ts';
import { runStage, stageArgs } from './lib/stage.ts';
import type { RemovalRecord } from './lib/types.generated.ts';

type Row = Record<string, unknown>;

runStage('extract', async () => {
  const { build } = stageArgs();
  const schemas = loadTableSchemas();
  const tables = ['documents', 'removals', 'dates', 'quotes', 'events', 'agreements'];
  const writers = new Map(tables.map((t) => [t, new JsonlWriter<Row>(path.join(build, 'extract', `${t}.jsonl`))]));
  const progress = new Progress('extract');
  for await (const article of readJsonl<CleanedArticle & { doc_id: string }>(path.join(build, 'clean', 'articles.jsonl'))) {
    progress.tick(article.bytes);
    const extracted = extractDocument(article);
    assertSpans(article.doc_id, article.text, extracted);
    const removals: RemovalRecord[] = article.removals.map((r) => ({ id: stableId('removals', article.doc_id, r.reason, r.raw_start, r.raw_end), doc_id: article.doc_id, ...r }));
    const rows: Record<string, Row[]> = { ...(extracted as unknown as Record<string, Row[]>), removals: removals as unknown as Row[] };
    for (const t of tables) {
      const sorted = [...(rows[t] ?? [])].sort(orderComparator(schemas.get(t)!));
      for (const r of sorted) await writers.get(t)!.write(r);
    }
  }
  progress.finish();
  for (const w of writers.values()) await w.close();
  console.error(`extract: ${tables.map((t) => `${writers.get(t)!.count} ${t}`).join(', ')}`);
});

/** Every span record must point at its own text: `text.slice(start, end)`. */
function assertSpans(docId: string, text: string, ex: ExtractedDocument): void {
  const check = (table: string, id: string, start: number, end: number, expected: string) => {
    if (!(start >= 0 && end >= start && end <= text.length) || text.slice(start, end) !== expected) {
      throw new Error(`table ${table}, record ${id} (${docId}): span [${start}, ${end}) does not hold ${JSON.stringify(expected.slice(0, 60))}`);
    }
  };
  for (const r of ex.dates) check('dates', r.id, r.start, r.end, r.text);
  for (const r of ex.quotes) check('quotes', r.id, r.start, r.end, r.text);
  for (const r of ex.events) { check('events', r.id, r.start, r.end, r.trigger); check('events', r.id, r.evidence_start, r.evidence_end, r.evidence); }
  for (const r of ex.agreements) { check('agreements', r.id, r.start, r.end, r.name); check('agreements', r.id, r.evidence_start, r.evidence_end, r.evidence); }
}
