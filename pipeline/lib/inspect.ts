import type { CleanedArticle } from './clean.ts';
import { confidentlyNotFrench } from './language.ts';
import type { QualityEntry } from './quality.ts';
import { isCalendarDate } from './extract/dates/calendar.ts';

/** A problem found in one input file: a stable code and the reason in words. */
export type Verdict = Pick<QualityEntry, 'code' | 'reason'>;

/**
 * The largest input file taken as one article: 1 MiB, some 150 000 words. The longest
 * long-form news pieces are a few tens of thousands of words, so real articles never
 * reach it; above it a file is a dump or a concatenation. Cleaning and extraction of
 * one document hold it whole in memory several times over and take time that grows
 * with it (about 20 s for 1 MiB), so larger files are rejected before they are read.
 */
export const MAX_ARTICLE_BYTES = 1024 * 1024;

export function rejectSize(size: number): Verdict | null {
  if (size <= MAX_ARTICLE_BYTES) return null;
  return { code: 'too_large', reason: `${size} bytes, above the ${MAX_ARTICLE_BYTES}-byte limit for one article; not read` };
}

/** Why raw bytes cannot be an article at all, or null when they may be one. */
export function rejectBytes(bytes: Uint8Array): Verdict | null {
  if (bytes.length === 0) return { code: 'empty_file', reason: 'the file is empty' };
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
  const utf16 = (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff);
  if (!utf16) {
    let control = 0;
    for (let i = 0; i < sample.length; i++) {
      const b = sample[i];
      if (b === 0 || (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12)) control++;
    }
    if (control > 0 && control / sample.length > 0.01) return { code: 'binary_file', reason: 'the file holds binary data, not text' };
  }
  return null;
}

/** Why a cleaned article cannot be published as French text, or null. */
export function rejectCleaned(article: Pick<CleanedArticle, 'text' | 'removals'>): Verdict | null {
  if (article.text.trim() === '') {
    return article.removals.length > 0
      ? { code: 'header_only', reason: `nothing but a header (${[...new Set(article.removals.map((r) => r.reason))].join(', ')}); no article text` }
      : { code: 'whitespace_only', reason: 'only white space; no article text' };
  }
  const foreign = confidentlyNotFrench(article.text);
  if (foreign) {
    return { code: 'not_french', reason: `written in ${foreign.lang}, not French (tinyld scores: ${foreign.lang} ${foreign.accuracy.toFixed(2)}, fr ${foreign.french.toFixed(2)}); not extracted` };
  }
  return null;
}

const REPAIR_REASONS: Record<string, string> = {
  bom_stripped: 'repaired: UTF-8 byte-order mark stripped',
  converted_from_utf16: 'repaired: converted from UTF-16 to UTF-8',
  converted_from_windows1252: 'repaired: converted from Windows-1252 to UTF-8',
};

/** What was repaired or looks wrong in an article that is still published. */
export function warnCleaned(article: Pick<CleanedArticle, 'text' | 'repairs' | 'header_date'>): Verdict[] {
  const out: Verdict[] = article.repairs.map((code) => ({ code, reason: repairReason(code, article.text) }));
  if (article.header_date !== null && !isCalendarDate(article.header_date)) {
    out.push({ code: 'invalid_header_date', reason: `header date ${article.header_date} is not a real date; header removed, the document is not dated from it` });
  }
  const quotes = unbalancedQuotes(article.text);
  if (quotes) out.push({ code: 'unbalanced_quotes', reason: `quote marks do not pair up (${quotes})` });
  if (endsMidSentence(article.text)) {
    out.push({ code: 'truncated_text', reason: `text ends mid-sentence: "…${lastChars(article.text, 40)}"` });
  }
  return out;
}

function repairReason(code: string, text: string): string {
  if (code === 'invalid_utf8_replaced') {
    const n = (text.match(/\uFFFD/g) ?? []).length;
    return `repaired: ${n} invalid UTF-8 byte sequence${n === 1 ? '' : 's'} replaced by U+FFFD`;
  }
  return REPAIR_REASONS[code] ?? `repaired: ${code.replace(/_/g, ' ')}`;
}

/** A description of the unpaired quote marks, or null when they pair up. */
export function unbalancedQuotes(text: string): string | null {
  const count = (c: string) => text.split(c).length - 1;
  const problems: string[] = [];
  const [openGuillemet, closeGuillemet] = [count('«'), count('»')];
  if (openGuillemet !== closeGuillemet) problems.push(`${openGuillemet} « for ${closeGuillemet} »`);
  const [openCurly, closeCurly] = [count('“'), count('”')];
  if (openCurly !== closeCurly) problems.push(`${openCurly} “ for ${closeCurly} ”`);
  const straight = count('"');
  if (straight % 2 === 1) problems.push(`${straight} straight "`);
  return problems.length > 0 ? problems.join(', ') : null;
}

// A sentence may end on its final punctuation, possibly followed by closing quotes,
// brackets or an ellipsis; anything else on the last character means the text was cut.
const FINAL_PUNCTUATION_RE = /[.!?…»"”’')\]]\s*$/u;

export function endsMidSentence(text: string): boolean {
  const trimmed = text.trimEnd();
  return trimmed !== '' && !FINAL_PUNCTUATION_RE.test(trimmed);
}

function lastChars(text: string, n: number): string {
  return [...text.trimEnd()].slice(-n).join('').replace(/\s+/g, ' ');
}
