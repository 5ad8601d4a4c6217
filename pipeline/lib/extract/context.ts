import { buildDoc, type Doc } from '../nlp/doc.ts';
import type { DocumentRecord } from '../types.generated.ts';

/** What every extractor reads: the article's document model and its dates. */
export interface ArticleContext {
  doc_id: string;
  doc: Doc;
  published: string | null;
  published_precision: DocumentRecord['published_precision'];
  /** A day the text itself gives for publication (a dateline, a byline), when it is finer than `published`. */
  textDay: string | null;
}

const precisionOf = (value: string | null): DocumentRecord['published_precision'] =>
  value === null ? null : value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day';

/** The context of a text with a known document date (tests, benchmarks, embedded posts). */
export function articleContext(doc_id: string, text: string, published: string | null, textDay: string | null = null): ArticleContext {
  return { doc_id, doc: buildDoc(text), published, published_precision: precisionOf(published), textDay };
}
