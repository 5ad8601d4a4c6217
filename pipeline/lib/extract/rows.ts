import type { CleanedArticle } from '../clean.ts';
import { docIdOf, removalId } from '../ids.ts';
import { orderComparator, type TableSchema } from '../schema.ts';
import { extractDocument, type ExtractedDocument } from './index.ts';

export type Row = Record<string, unknown>;
export type CleanedLine = CleanedArticle & { doc_id: string };

/**
 * One cleaned article -> its rows for every per-document table, each table's rows in the
 * schema's order, every span checked against the text.
 */
export function articleRows(article: CleanedLine, schemas: Map<string, TableSchema>): { rows: Record<string, Row[]>; truncated?: string } {
  const extracted = extractDocument(article);
  const problems = spanProblems(article.text, extracted, removalTexts(article));
  if (problems.length) throw new Error(`${article.doc_id}: ${problems.join('; ')}`);
  const { truncated, ...tables } = extracted;
  const rows: Record<string, Row[]> = {
    ...(tables as unknown as Record<string, Row[]>),
    removals: article.removals.map((r) => ({ id: removalId(article.doc_id, r), doc_id: article.doc_id, ...r })),
  };
  for (const t of Object.keys(rows)) {
    const schema = schemas.get(t);
    if (schema) rows[t].sort(orderComparator(schema));
  }
  return { rows, truncated };
}

/** The text of each removal of an article, by `removals.id`. */
export function removalTexts(article: CleanedArticle): Map<string, string> {
  const docId = docIdOf(article.source_file);
  return new Map(article.removals.map((r) => [removalId(docId, r), r.text]));
}

/**
 * Every span problem of one article's records, as `table record: problem`: each span must
 * lie in its text and `text.slice(start, end)` must be the record's own text. Dates found in
 * removed embedded posts index the removal's text.
 */
export function spanProblems(text: string, ex: ExtractedDocument, removalTexts: Map<string, string> = new Map()): string[] {
  const problems: string[] = [];
  const check = (table: string, id: string, start: number, end: number, expected: string, within = text) => {
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= within.length)) {
      problems.push(`table ${table}, record ${id}: span [${start}, ${end}) outside the text (length ${within.length})`);
    } else if (within.slice(start, end) !== expected) {
      problems.push(`table ${table}, record ${id}: span [${start}, ${end}) holds ${JSON.stringify(within.slice(start, end).slice(0, 60))}, not ${JSON.stringify(expected.slice(0, 60))}`);
    }
  };
  for (const r of ex.dates) check('dates', r.id, r.start, r.end, r.text, r.removal_id ? removalTexts.get(r.removal_id) ?? '' : text);
  for (const r of ex.quotes) check('quotes', r.id, r.start, r.end, r.text);
  for (const r of ex.events) {
    check('events', r.id, r.start, r.end, r.trigger);
    check('events (evidence)', r.id, r.evidence_start, r.evidence_end, r.evidence);
  }
  for (const r of ex.agreements) {
    check('agreements', r.id, r.start, r.end, r.name);
    check('agreements (evidence)', r.id, r.evidence_start, r.evidence_end, r.evidence);
  }
  return problems;
}
