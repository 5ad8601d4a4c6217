import type { AgreementRecord, DateRecord, EventRecord, QuoteRecord } from '../types.generated.ts';

/** Extractors return records without `id` and `doc_id`; the extract stage adds both. */
export type Mention<R> = Omit<R, 'id' | 'doc_id'>;
// where a date stands (article text or a removed embedded post) is the extract stage's business
export type DateMention = Omit<Mention<DateRecord>, 'removal_id'>;
export type QuoteMention = Mention<QuoteRecord>;
export type EventMention = Mention<EventRecord>;
export type AgreementMention = Mention<AgreementRecord>;
