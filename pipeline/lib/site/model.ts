import type { QualityEntry } from '../quality.ts';
import type { TableSchema } from '../schema.ts';
import type { AgreementRecord, DocumentRecord, EventRecord, QuoteRecord } from '../types.generated.ts';

/** One published file as datapackage.json describes it. */
export interface DownloadFile {
  path: string;
  format: string;
  bytes: number;
  /** Hex digest, without the `sha256:` prefix. */
  sha256: string;
  /** `gz` for a gzipped CSV or JSON file (NAME.csv.gz). */
  compression?: string;
}

/** The evaluation scores `scripts/score.mjs --json` writes: per task, a record of numbers. */
export type EvaluationScores = Record<string, unknown>;

export interface ExampleQuery {
  name: string;
  sql: string;
}

/** The fields of each record the page shows (the tables may have more). */
export type PageEvent = Pick<EventRecord, 'id' | 'doc_id' | 'type' | 'trigger' | 'evidence' | 'actors' | 'date' | 'precision' | 'location' | 'modality'>;
export type PageQuote = Pick<QuoteRecord, 'id' | 'doc_id' | 'text' | 'kind' | 'speaker' | 'said_on'>;
export type PageAgreement = Pick<AgreementRecord, 'id' | 'doc_id' | 'name' | 'status'>;

/** Everything the page shows, read from a dist folder and the schemas. */
export interface SiteData {
  title: string;
  description: string;
  license: { title: string; path: string };
  schemas: Map<string, TableSchema>;
  rowCounts: Map<string, number>;
  /** Per table, its CSV, JSON and Parquet files. */
  tableFiles: Map<string, DownloadFile[]>;
  /** Summaries, quality report and the other files datapackage.json lists or the build writes. */
  otherFiles: DownloadFile[];
  /**
   * The events and quotations the page lists: the first rows of their tables, in table order
   * (at most MAX_SEARCHABLE_ROWS each; `rowCounts` has the totals). The page stays bounded
   * however large the corpus; the downloads and the SQL box hold every row.
   */
  events: PageEvent[];
  quotes: PageQuote[];
  /** The most quoted speakers (at most TOP_SPEAKERS), most quoted first, and how many there are. */
  speakers: SpeakerCount[];
  speakerCount: number;
  /** Agreements per status, in the schema's order of statuses. */
  statuses: StatusCount[];
  /** doc_id -> title (or null) and publication date, for naming an article (the listed records' articles). */
  articles: Map<string, Pick<DocumentRecord, 'title' | 'published'>>;
  quality: QualityEntry[];
  evaluation: EvaluationScores | null;
  /** The scores of the real-article development set (`make eval-real`), when it was run. */
  realEvaluation: EvaluationScores | null;
  examples: ExampleQuery[];
}

/** "Title (doc_id)" or the bare doc_id when the article has no title. */
export function articleLabel(data: Pick<SiteData, 'articles'>, docId: string): string {
  const title = data.articles.get(docId)?.title;
  return title ? `${title} (${docId})` : docId;
}

export interface SpeakerCount {
  speaker: string;
  quotes: number;
  fragments: number;
  articles: number;
}

export const UNATTRIBUTED = '(unattributed)';

/**
 * Quotations per speaker as written, most quoted first, ties by name, over records in memory; the
 * site stage computes it in SQL over the Parquet files (load.ts), as pipeline/sql/quotes_per_speaker.sql
 * does, counting a speaker linked to an entity under the entity's name.
 */
export function quotesPerSpeaker(quotes: PageQuote[]): SpeakerCount[] {
  const bySpeaker = new Map<string, { quotes: number; fragments: number; docs: Set<string> }>();
  for (const q of quotes) {
    const key = q.speaker ?? UNATTRIBUTED;
    const entry = bySpeaker.get(key) ?? { quotes: 0, fragments: 0, docs: new Set<string>() };
    entry.quotes += 1;
    if (q.kind === 'fragment') entry.fragments += 1;
    entry.docs.add(q.doc_id);
    bySpeaker.set(key, entry);
  }
  return [...bySpeaker]
    .map(([speaker, e]) => ({ speaker, quotes: e.quotes, fragments: e.fragments, articles: e.docs.size }))
    .sort((a, b) => b.quotes - a.quotes || (a.speaker < b.speaker ? -1 : a.speaker > b.speaker ? 1 : 0));
}

export interface StatusCount {
  status: string;
  agreements: number;
  /** The distinct agreement names, sorted (the first MAX_STATUS_NAMES of them). */
  names: string[];
  /** Distinct names beyond `names`, when they were capped. */
  otherNames?: number;
}

/** Names listed per status in the agreements chart; a large corpus has more in the downloads. */
export const MAX_STATUS_NAMES = 50;

/** Agreements per status, in the schema's order of statuses, only statuses that occur (records in memory, as load.ts in SQL). */
export function agreementsByStatus(agreements: PageAgreement[], statusOrder: readonly string[]): StatusCount[] {
  return statusOrder
    .map((status) => {
      const rows = agreements.filter((a) => a.status === status);
      return { status, agreements: rows.length, names: [...new Set(rows.map((a) => a.name))].sort() };
    })
    .filter((s) => s.agreements > 0);
}
