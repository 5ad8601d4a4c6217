import { docIdOf, removalId, stableId } from '../ids.ts';
import type { CleanedArticle, Removal } from '../clean.ts';
import { buildDoc } from '../nlp/doc.ts';
import type { AgreementRecord, DateRecord, DocumentRecord, EventRecord, QuoteRecord } from '../types.generated.ts';
import { extractAgreements } from './agreements.ts';
import type { ArticleContext } from './context.ts';
import { resolveDates, scanDates } from './dates.ts';
import { entityIdFor, entityMentions, type EntityMention } from './entities.ts';
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
}

/** Runs every extractor over one cleaned article: text in, records out. */
export function extractDocument(article: CleanedArticle): ExtractedDocument {
  const doc_id = docIdOf(article.source_file);
  const doc = buildDoc(article.text);
  const hits = scanDates(doc);
  // a removed embedded post still tells when it was posted: it dates the article, and its dates are kept, indexing the removal's text
  const posts = article.removals
    .filter((r) => r.reason === 'social_media_attribution' || r.reason === 'social_media_post')
    .map((removal) => {
      const postDoc = buildDoc(removal.text);
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
  const named = new Set(mentions.map((m) => `${m.type}\u241f${m.canonical}`));
  const quotes = extractQuotes(ctx, dates, (s) => (named.has(`${s.type}\u241f${s.name}`) ? entityIdFor(s.type, s.name) : null));
  const events = extractEvents(ctx, dates);
  const agreements = extractAgreements(ctx, dates, events);
  return { documents: [document], ...buildRecords(doc_id, dates, postDates, quotes, events, agreements, mentions) };
}

/** The records of one article's mentions: each with its id and the article's, dates of removed posts with the removal's id. */
export function buildRecords(
  doc_id: string,
  dates: DateMention[],
  postDates: Array<{ removal: Removal; dates: DateMention[] }>,
  quotes: QuoteMention[],
  events: EventMention[],
  agreements: AgreementMention[],
  mentions: EntityMention[],
): Omit<ExtractedDocument, 'documents'> {
  const dateRecords: DateRecord[] = dates.map((d) => ({ id: stableId('dates', doc_id, d.start, d.end, d.text), doc_id, ...d, removal_id: null }));
  for (const post of postDates) {
    const removal_id = removalId(doc_id, post.removal);
    for (const d of post.dates) dateRecords.push({ id: stableId('dates', doc_id, removal_id, d.start, d.end, d.text), doc_id, ...d, removal_id });
  }
  return {
    dates: dateRecords,
    quotes: quotes.map((q) => ({ id: stableId('quotes', doc_id, q.start, q.end, q.text), doc_id, ...q })),
    events: events.map((e) => ({ id: stableId('events', doc_id, e.type, e.start, e.end, e.trigger), doc_id, ...e })),
    agreements: agreements.map((a) => ({ id: stableId('agreements', doc_id, a.start, a.end, a.name), doc_id, ...a })),
    entity_mentions: mentions.map((m) => ({ doc_id, ...m })),
  };
}
