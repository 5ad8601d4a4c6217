import { decodeBytes, type Encoding } from './text/decode.ts';
import { sha256Hex } from './ids.ts';

export type RemovalReason =
  | 'date_header'
  | 'dateline'
  | 'social_media_post'
  | 'social_media_attribution'
  | 'link'
  | 'photo_credit'
  | 'agency_signature';

export interface Removal {
  reason: RemovalReason;
  text: string;
  /** Offsets into `normalized` (decoded, NFC, `\n` line ends), before any removal. */
  raw_start: number;
  raw_end: number;
}

export interface CleanedArticle {
  source_file: string;
  sha256: string;
  bytes: number;
  encoding: Encoding;
  repairs: string[];
  title: string | null;
  dateline: string | null;
  /** ` date YYYY-MM` header value, when present (validity checked by the caller). */
  header_date: string | null;
  text: string;
  paragraphs: number;
  removals: Removal[];
  /** What the input says about the article beside its text: only for a record of a JSON Lines or CSV file. */
  metadata?: ArticleMetadata;
}

export interface ArticleMetadata {
  url: string | null;
  /** The outlet's domain, e.g. `www.lemonde.fr`: the record's source domain, else the URL's host. */
  outlet: string | null;
  /** The publication date the record gives (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), when it is a date. */
  published: string | null;
  published_precision: 'day' | 'month' | 'year' | null;
}

const MONTHS_EN = 'January|February|March|April|May|June|July|August|September|October|November|December';
// "— Libération (@libe) September 9, 2020": the signature line of an embedded tweet.
const POST_ATTRIBUTION_RE = new RegExp(`^[—–-]\\s*[^\\n]{1,80}?\\(@\\w{1,30}\\)\\s+(?:(?:${MONTHS_EN})\\s+\\d{1,2},\\s+\\d{4}|\\d{1,2}\\s+\\p{L}+\\s+\\d{4})\\s*$`, 'u');
const POST_LINK_RE = /(?:https?:\/\/t\.co\/\S+|pic\.twitter\.com\/\S+)/;
const LINK_RE = /\s*(?:https?:\/\/\S+|pic\.twitter\.com\/\S+)/g;
// "ALEXEY NIKOLSKY / SPUTNIK / AFP Le président ...": credits in capitals separated by slashes, then a caption.
const PHOTO_CREDIT_RE = /^(?:[\p{Lu}][\p{Lu}\p{M}'’.\- ]*\s*\/\s*){1,4}(?:AFP|AP|REUTERS|Reuters|EPA|SPUTNIK|TASS|BELGA|Belga|ANP|DPA|ABACA|MAXPPP|SIPA|GETTY IMAGES|Getty Images|[\p{Lu}]{2,})(?=\s|$)/u;
const DATE_HEADER_RE = /^[ \t\u00a0]*date[ \t]+(\d{4}-\d{2}(?:-\d{2})?)\b[ \t\u00a0]*/;
const DATELINE_RE = /^\(([\p{Lu}][\p{L}\p{M}'’ .\-]{1,40})\)[ \t\u00a0]*/u;
const AGENCY_SIGNATURE_RE = /[ \t\u00a0]*\((?:Belga|AFP|AP|Reuters|ATS|ANP|DPA|avec AFP|AFP, Reuters)\)[ \t\u00a0]*$/;

interface Line {
  start: number; // offset of the line's first kept character in `normalized`
  text: string;
}

/**
 * Cleans one raw article: decoding, Unicode NFC, one line-ending style, whitespace
 * runs collapsed; the date header and the dateline lifted into metadata; embedded
 * social-media posts, links and photo credits removed and recorded. Words and
 * punctuation are never changed.
 */
export function cleanArticle(bytes: Uint8Array, sourceFile: string): CleanedArticle {
  const decoded = decodeBytes(bytes);
  const normalized = decoded.text.normalize('NFC').replace(/\r\n?/g, '\n');
  const removals: Removal[] = [];
  const remove = (reason: RemovalReason, start: number, end: number) => {
    removals.push({ reason, text: normalized.slice(start, end), raw_start: start, raw_end: end });
  };

  // lines with their offsets, leading/trailing blanks cut
  const lines: Line[] = [];
  const lineRe = /[^\n]*/g;
  for (let m = lineRe.exec(normalized); m; m = lineRe.exec(normalized)) {
    if (m[0].length === 0) {
      lineRe.lastIndex++;
      if (m.index >= normalized.length) break;
      lines.push({ start: m.index, text: '' });
      continue;
    }
    lines.push({ start: m.index, text: m[0] });
  }

  let headerDate: string | null = null;
  let dateline: string | null = null;
  const firstContent = lines.findIndex((l) => l.text.trim() !== '');
  if (firstContent >= 0) {
    const line = lines[firstContent];
    const header = DATE_HEADER_RE.exec(line.text);
    if (header) {
      headerDate = header[1];
      remove('date_header', line.start, line.start + header[0].length);
      line.start += header[0].length;
      line.text = line.text.slice(header[0].length);
    }
    const dl = DATELINE_RE.exec(line.text.replace(/^[ \t\u00a0]+/, ''));
    if (dl) {
      const lead = line.text.length - line.text.replace(/^[ \t\u00a0]+/, '').length;
      dateline = dl[1].trim();
      remove('dateline', line.start + lead, line.start + lead + dl[0].length);
      line.start += lead + dl[0].length;
      line.text = line.text.slice(lead + dl[0].length);
    }
  }

  const kept: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const trimmed = line.text.trim();
    if (trimmed === '') { kept.push({ start: line.start, text: '' }); continue; }
    if (POST_ATTRIBUTION_RE.test(trimmed)) {
      remove('social_media_attribution', line.start, line.start + line.text.length);
      continue;
    }
    const nextText = lines.slice(i + 1).find((l) => l.text.trim() !== '')?.text.trim() ?? '';
    if (POST_LINK_RE.test(trimmed) && (POST_ATTRIBUTION_RE.test(nextText) || /pic\.twitter\.com\/\S+\s*$/.test(trimmed))) {
      remove('social_media_post', line.start, line.start + line.text.length);
      continue;
    }
    const credit = PHOTO_CREDIT_RE.exec(trimmed);
    if (credit && trimmed.includes('/')) {
      remove('photo_credit', line.start, line.start + line.text.length);
      continue;
    }
    kept.push(line);
  }

  // links inside kept lines, and an agency signature closing the article
  for (const line of kept) {
    LINK_RE.lastIndex = 0;
    let out = '';
    let last = 0;
    for (let m = LINK_RE.exec(line.text); m; m = LINK_RE.exec(line.text)) {
      remove('link', line.start + m.index, line.start + m.index + m[0].length);
      out += line.text.slice(last, m.index);
      last = m.index + m[0].length;
    }
    if (last > 0) line.text = out + line.text.slice(last);
  }
  const lastLine = [...kept].reverse().find((l) => l.text.trim() !== '');
  if (lastLine) {
    const sig = AGENCY_SIGNATURE_RE.exec(lastLine.text);
    if (sig && sig.index > 0) {
      remove('agency_signature', lastLine.start + sig.index, lastLine.start + sig.index + sig[0].length);
      lastLine.text = lastLine.text.slice(0, sig.index);
    } else if (sig && sig.index === 0) {
      remove('agency_signature', lastLine.start, lastLine.start + lastLine.text.length);
      lastLine.text = '';
    }
  }

  const paragraphs = kept.map((l) => collapseSpaces(l.text)).filter((t) => t !== '');
  const text = paragraphs.join('\n\n');
  removals.sort((a, b) => a.raw_start - b.raw_start || a.raw_end - b.raw_end);
  return {
    source_file: sourceFile,
    sha256: sha256Hex(bytes),
    bytes: bytes.length,
    encoding: decoded.encoding,
    repairs: decoded.repairs,
    title: detectTitle(paragraphs),
    dateline,
    header_date: headerDate,
    text,
    paragraphs: paragraphs.length,
    removals,
  };
}

/** Runs of horizontal space become one space; a run of only no-break spaces stays one no-break space (French typography). */
export function collapseSpaces(line: string): string {
  // most lines have only single plain spaces, which the first replacement leaves as they are
  return (SPACE_RUN_TEST.test(line) ? line.replace(SPACE_RUN_RE, collapseRun) : line)
    .replace(/[\u200b\ufeff]/g, '')
    .replace(/^[\s]+|[\s]+$/g, '');
}

const SPACE_RUN_TEST = /[\t\u00a0\u202f\u2007\u2009\u200a\u3000]| {2}/;
const SPACE_RUN_RE = /[\t \u00a0\u202f\u2007\u2009\u200a\u3000]+/g;
const collapseRun = (run: string) => (/^[\u00a0\u202f]+$/.test(run) ? run[0] === '\u202f' ? '\u202f' : '\u00a0' : ' ');

/**
 * A title is a short first paragraph that does not read as a sentence of the body:
 * no final period, and more paragraphs follow. A headline quote with its speaker in
 * parentheses ("…" (Name)) is a title too.
 */
export function detectTitle(paragraphs: string[]): string | null {
  if (paragraphs.length < 2) return null;
  const first = paragraphs[0];
  if (first.length > 200) return null;
  if (/[.…:;,]$/.test(first) && !/["»”]\s*\([^()]+\)$/.test(first)) return null;
  if (/^[\p{Ll}]/u.test(first)) return null;
  return first;
}
