import type { Span } from '../text/sentences.ts';
import type { AgreementRecord, DateRecord, DocumentRecord, EventRecord, QuoteRecord } from '../types.generated.ts';

/** What every extractor receives: one cleaned article and its document date. */
export interface DocInput {
  doc_id: string;
  text: string;
  published: string | null;
  published_precision: DocumentRecord['published_precision'];
  /** Sentence spans of `text` (pipeline/lib/text/sentences.ts). */
  sentences: Span[];
}

/** Extractors return records without `id` and `doc_id`; the extract stage adds both. */
export type Mention<R> = Omit<R, 'id' | 'doc_id'>;
// where a date stands (article text or a removed embedded post) is the extract stage's business
export type DateMention = Omit<Mention<DateRecord>, 'removal_id'>;
export type QuoteMention = Mention<QuoteRecord>;
export type EventMention = Mention<EventRecord>;
export type AgreementMention = Mention<AgreementRecord>;
