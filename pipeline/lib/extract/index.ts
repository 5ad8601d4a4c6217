import { ID_SEPARATOR, docIdOf, idOfKey, removalId } from '../ids.ts';
import type { CleanedArticle, Removal } from '../clean.ts';
import { buildDoc, type Doc } from '../nlp/doc.ts';
import type { Token } from '../nlp/tokens.ts';
import { MAX_SENTENCE_TOKENS } from '../nlp/structure.ts';
import type { AgreementRecord, DateRecord, DocumentRecord, EventRecord, QuoteRecord } from '../types.generated.ts';
import { extractAgreements } from './agreements.ts';
import type { ArticleContext } from './context.ts';
import { resolveDates, scanDates } from './dates.ts';
import { entityMentions, speakerIds, type EntityMention } from './entities.ts';
import { extractEvents } from './events.ts';
import { withMetadataDate } from '../input/metadata-date.ts';
import { publicationOf } from './publication.ts';
import { extractQuotes } from './quotes.ts';
import type { AgreementMention, DateMention, EventMention, QuoteMention } from './types.ts';

export interface ExtractedDocument {
  documents: DocumentRecord[];
  dates: DateRecord[];
  quotes: QuoteRecord[];
  events: EventRecord[];
  agreements: AgreementRecord[];
  /** Internal (not published): the link stage aggregates them into the `entities` table. */
  entity_mentions: Array<EntityMention & { doc_id: string }>;
  /**
   * Set when the article went over the extraction budget (MAX_SENTENCE_TOKENS): why, in words.
   * Its records are what was extracted within the budget; the extract stage reports it as
   * `extraction_truncated`.
   */
  truncated?: string;
}

/** Runs every extractor over one cleaned article: text in, records out. */
export function extractDocument(article: CleanedArticle, observe?: (tokens: Token[]) => Token[]): ExtractedDocument {
  const doc_id = docIdOf(article.source_file);
  const doc = buildDoc(article.text, observe);
  const hits = scanDates(doc);
  // a removed embedded post still tells when it was posted: it dates the article, and its dates are kept, indexing the removal's text
  const posts = article.removals
    .filter((r) => r.reason === 'social_media_attribution' || r.reason === 'social_media_post')
    .map((removal) => {
      const postDoc = buildDoc(removal.text, observe);
      return { removal, doc: postDoc, hits: scanDates(postDoc) };
    });
  const { textDay, ...published } = withMetadataDate(article.metadata, publicationOf(doc, hits, article.header_date, posts));
  const document: DocumentRecord = {
    doc_id,
    source_file: article.source_file,
    url: article.metadata?.url ?? null,
    outlet: article.metadata?.outlet ?? null,
    sha256: article.sha256,
    bytes: article.bytes,
    encoding: article.encoding,
    title: article.title,
    dateline: article.dateline,
    ...published,
    paragraphs: article.paragraphs,
    text: article.text,
  };
  const ctx: ArticleContext = { doc_id, doc, published: published.published, published_precision: published.published_precision, textDay };
  const dates = resolveDates(doc, hits, published.published, textDay);
  const postDates = posts.map((post) => ({ removal: post.removal, dates: resolveDates(post.doc, post.hits, published.published, null) }));
  const mentions = entityMentions(doc);
  const quotes = extractQuotes(ctx, dates, speakerIds(mentions));
  const events = extractEvents(ctx, dates);
  const agreements = extractAgreements(ctx, dates, events);
  const records: ExtractedDocument = { documents: [document], ...buildRecords(doc_id, dates, postDates, quotes, events, agreements, mentions) };
  if (doc.windowedSentences) records.truncated = overBudget(doc);
  return records;
}

/** What an article over the extraction budget lost, for the quality report. */
function overBudget(doc: Doc): string {
  const n = doc.windowedSentences;
  return `${n} sentence${n === 1 ? '' : 's'} longer than ${MAX_SENTENCE_TOKENS} tokens read in windows of at most ${MAX_SENTENCE_TOKENS}: a quotation, event or agreement spanning a window's edge may be missing`;
}

/**
 * The records of one article's mentions: each with its id and the article's, dates of removed
 * posts with the removal's id. Ids are stableId(table, doc_id, ...where) with the key written
 * out, every record taking one.
 */
export function buildRecords(
  doc_id: string,
  dates: DateMention[],
  postDates: Array<{ removal: Removal; dates: DateMention[] }>,
  quotes: QuoteMention[],
  events: EventMention[],
  agreements: AgreementMention[],
  mentions: EntityMention[],
): Omit<ExtractedDocument, 'documents'> {
  const _ = ID_SEPARATOR;
  const dateRecords: DateRecord[] = [];
  for (const d of dates) dateRecords.push(dateRecord(idOfKey(`dates${_}${doc_id}${_}${d.start}${_}${d.end}${_}${d.text}`), doc_id, d, null));
  for (const post of postDates) {
    const removal_id = removalId(doc_id, post.removal);
    for (const d of post.dates) dateRecords.push(dateRecord(idOfKey(`dates${_}${doc_id}${_}${removal_id}${_}${d.start}${_}${d.end}${_}${d.text}`), doc_id, d, removal_id));
  }
  return {
    dates: dateRecords,
    quotes: quotes.map((q) => ({ id: idOfKey(`quotes${_}${doc_id}${_}${q.start}${_}${q.end}${_}${q.text}`), doc_id, ...q })),
    events: events.map((e) => ({ id: idOfKey(`events${_}${doc_id}${_}${e.type}${_}${e.start}${_}${e.end}${_}${e.trigger}`), doc_id, ...e })),
    agreements: agreements.map((a) => ({ id: idOfKey(`agreements${_}${doc_id}${_}${a.start}${_}${a.end}${_}${a.name}`), doc_id, ...a })),
    entity_mentions: mentions.map((m) => ({ doc_id, ...m })),
  };
}

/** A date's record, its fields in the order resolveDates gives them. */
const dateRecord = (id: string, doc_id: string, d: DateMention, removal_id: string | null): DateRecord => ({
  id, doc_id, text: d.text, value: d.value, precision: d.precision, basis: d.basis, start: d.start, end: d.end, removal_id,
});
