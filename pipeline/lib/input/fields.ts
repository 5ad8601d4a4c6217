// What one record of a JSON Lines or CSV collection says: its article text and metadata, read
// through a mapping of field names (news-please and trafilatura by default, overridable).
import { collapseSpaces, type ArticleMetadata } from '../clean.ts';
import { isCalendarDate } from '../extract/dates/calendar.ts';
import type { Verdict } from '../inspect.ts';

/** The fields the pipeline reads from a record. */
export const INPUT_FIELDS = ['text', 'title', 'date', 'url', 'outlet', 'language'] as const;
export type InputField = (typeof INPUT_FIELDS)[number];

/** For each field, the record keys tried in order: the first holding a value is used. */
export type FieldMapping = Record<InputField, readonly string[]>;

/** news-please: title, maintext, date_publish, url, source_domain, language; trafilatura (JSON): title, text, date, url, hostname. */
export const DEFAULT_FIELDS: FieldMapping = {
  text: ['maintext', 'text'],
  title: ['title'],
  date: ['date_publish', 'date'],
  url: ['url'],
  outlet: ['source_domain', 'hostname'],
  language: ['language'],
};

/**
 * The default mapping with the overrides of `text=body,date=published_at` (make INPUT_FIELDS=…):
 * a named key is read first, before the default names (so one corpus may mix tools); `FIELD=`
 * alone stops a field from being read. Throws on a field the pipeline does not read.
 */
export function parseFieldMapping(spec: string): FieldMapping {
  const mapping: FieldMapping = { ...DEFAULT_FIELDS };
  for (const part of spec.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const eq = part.indexOf('=');
    const field = part.slice(0, eq).trim();
    const key = part.slice(eq + 1).trim();
    if (eq < 0 || !(INPUT_FIELDS as readonly string[]).includes(field)) {
      throw new Error(`INPUT_FIELDS: "${part}" is not FIELD=KEY with FIELD one of ${INPUT_FIELDS.join(', ')} (e.g. text=body,date=published_at)`);
    }
    const f = field as InputField;
    if (f === 'text' && key === '') throw new Error('INPUT_FIELDS: "text=" would read no article text; name the key that holds it (e.g. text=body)');
    mapping[f] = key === '' ? [] : [key, ...mapping[f].filter((k) => k !== key)];
  }
  return mapping;
}

/** A record read as an article: its text and what the metadata says, with problems that do not stop it. */
export interface RecordArticle {
  text: string;
  /** The record's title, cleaned like a line of text; null when absent. */
  title: string | null;
  metadata: ArticleMetadata;
  /** Published with these warnings (e.g. a date that cannot be read). */
  warnings: Verdict[];
}

/** A record -> its article, or why it cannot be one (rejected on its own). */
export function readRecord(record: unknown, fields: FieldMapping): RecordArticle | { rejected: Verdict } {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    return { rejected: { code: 'invalid_json', reason: 'not a JSON object (an article is an object of fields); skipped' } };
  }
  const values = record as Record<string, unknown>;
  const pick = (field: InputField): { key: string; value: string } | null => {
    for (const key of fields[field]) {
      const value = values[key];
      // the text is kept as it is, so that a copy of a text file has that file's bytes
      if (typeof value === 'string' && value.trim() !== '') return { key, value: field === 'text' ? value : value.trim() };
      if (typeof value === 'number' && field !== 'text') return { key, value: String(value) };
    }
    return null;
  };
  const text = pick('text');
  if (!text) return { rejected: { code: 'no_text', reason: `no article text (no ${fields.text.map((k) => `"${k}"`).join(' or ')} field with text); skipped` } };
  const language = pick('language');
  if (language && !/^fr(?:[-_]|$)|^fran[cç]ais$|^french$/i.test(language.value)) {
    return { rejected: { code: 'not_french', reason: `the record's "${language.key}" field says ${JSON.stringify(language.value)}, not French; not extracted` } };
  }
  const warnings: Verdict[] = [];
  const date = pick('date');
  const published = date ? metadataDate(date.value) : null;
  if (date && !published) {
    warnings.push({ code: 'invalid_metadata_date', reason: `the "${date.key}" field ${JSON.stringify(date.value)} is not a date (YYYY, YYYY-MM or YYYY-MM-DD, optionally with a time); the document is not dated from it` });
  }
  const url = pick('url')?.value ?? null;
  const outlet = pick('outlet')?.value.toLowerCase() ?? hostOf(url);
  const title = pick('title');
  return {
    text: text.value,
    title: title ? collapseSpaces(title.value.normalize('NFC').replace(/\s+/g, ' ')) || null : null,
    metadata: { url, outlet, published: published?.published ?? null, published_precision: published?.precision ?? null },
    warnings,
  };
}

export type MetadataPrecision = 'day' | 'month' | 'year';

// "2021-03-04", "2021-03-04 12:30:00" (news-please), "2021-03-04T12:30:00+01:00", "2021-03", "2021"
const ISO_DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/;

/**
 * The calendar date an ISO 8601 value names, as written: a time and its offset are dropped, so
 * the date is the publisher's own day. Null when the value is not such a date.
 */
export function metadataDate(value: string): { published: string; precision: MetadataPrecision } | null {
  const m = ISO_DATE_RE.exec(value.trim());
  if (!m) return null;
  const published = [m[1], m[2], m[3]].filter((p) => p !== undefined).join('-');
  if (!isCalendarDate(published) && published.length !== 4) return null;
  return { published, precision: m[3] ? 'day' : m[2] ? 'month' : 'year' };
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}
