// Which of several copies of one article to keep: the one with the fewest quality problems.
import type { CleanedArticle } from '../clean.ts';
import { isCalendarDate } from '../extract/dates/calendar.ts';

const UNDATED = 2;
const REPAIRED = 1;

/**
 * A copy's rank, lower is better: a dated copy (a valid ` date` header, or a date in its
 * record's metadata) first, then one whose bytes needed no repair; equal ranks keep the first.
 */
export function copyRank(article: Pick<CleanedArticle, 'header_date' | 'repairs' | 'metadata'>): number {
  const dated = (article.header_date !== null && isCalendarDate(article.header_date)) || Boolean(article.metadata?.published);
  return (dated ? 0 : UNDATED) + (article.repairs.length > 0 ? REPAIRED : 0);
}

/** Why a copy of rank `candidate` replaces the kept copy of rank `kept`, or null when it does not. */
export function whyBetterCopy(candidate: number, kept: number): string | null {
  if (candidate >= kept) return null;
  if ((candidate & UNDATED) !== (kept & UNDATED)) return 'it is dated (a valid date header or a metadata date)';
  return 'it needed no repair';
}
