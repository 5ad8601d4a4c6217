import type { CleanedArticle } from '../clean.ts';
import { stableId } from '../ids.ts';
import { orderComparator, type TableSchema } from '../schema.ts';
import { extractDocument, type ExtractedDocument } from './index.ts';

export type Row = Record<string, unknown>;
export type CleanedLine = CleanedArticle & { doc_id: string };

/** The published per-document tables the extract stage writes. */
export const PER_DOCUMENT_TABLES = ['documents', 'removals', 'dates', 'quotes', 'events', 'agreements'] as const;
/** Intermediate per-document outputs that only later stages read (never published). */
export const INTERNAL_TABLES = ['entity_mentions'] as const;
export const EXTRACT_OUTPUTS = [...PER_DOCUMENT_TABLES, ...INTERNAL_TABLES] as const;

/**
 * One cleaned article -> its rows for every per-document table, each table's rows in the
 * schema's order, every span checked against the text.
 */
export function articleRows(article: CleanedLine, schemas: Map<string, TableSchema>): Record<string, Row[]> {
  const extracted = extractDocument(article);
  assertSpans(article.doc_id, article.text, extracted);
  const rows: Record<string, Row[]> = {
    ...(extracted as unknown as Record<string, Row[]>),
    removals: article.removals.map((r) => ({ id: stableId('removals', article.doc_id, r.reason, r.raw_start, r.raw_end), doc_id: article.doc_id, ...r })),
  };
  for (const t of Object.keys(rows)) {
    const schema = schemas.get(t);
    if (schema) rows[t].sort(orderComparator(schema));
  }
  return rows;
}

/** Every span record must point at its own text: `text.slice(start, end)`. */
export function assertSpans(docId: string, text: string, ex: ExtractedDocument): void {
  const check = (table: string, id: string, start: number, end: number, expected: string) => {
    if (!(start >= 0 && end >= start && end <= text.length) || text.slice(start, end) !== expected) {
      throw new Error(`table ${table}, record ${id} (${docId}): span [${start}, ${end}) does not hold ${JSON.stringify(expected.slice(0, 60))}`);
    }
  };
  for (const r of ex.dates) check('dates', r.id, r.start, r.end, r.text);
  for (const r of ex.quotes) check('quotes', r.id, r.start, r.end, r.text);
  for (const r of ex.events) {
    check('events', r.id, r.start, r.end, r.trigger);
    check('events', r.id, r.evidence_start, r.evidence_end, r.evidence);
  }
  for (const r of ex.agreements) {
    check('agreements', r.id, r.start, r.end, r.name);
    check('agreements', r.id, r.evidence_start, r.evidence_end, r.evidence);
  }
}
