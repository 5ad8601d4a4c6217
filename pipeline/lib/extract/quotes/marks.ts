/**
 * Finds quoted spans in cleaned text: every quote-mark style (« », “ ”, „ “, " ", ‹ ›),
 * mixed opening/closing styles, nested quotes, and French multi-paragraph quotes
 * (a new paragraph that starts with « or » continues the open quote). Unbalanced
 * marks never produce a span: they are reported as problems and skipped.
 */

export interface QuotedSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark (exclusive end of the quoted words is `end`). */
  close: number;
  /** The quoted words, marks and surrounding spaces excluded: `text.slice(start, end)`. */
  start: number;
  end: number;
  /** Quotes nested inside this one (not reported as records of their own). */
  depth: number;
}

export interface QuoteMarkProblem {
  offset: number;
  reason: 'unclosed' | 'stray_closing' | 'too_long';
}

export interface QuoteMarkScan {
  spans: QuotedSpan[];
  problems: QuoteMarkProblem[];
}

const MAX_QUOTE_LENGTH = 4000;
const INNER_SPACE = /[\s\u00a0\u202f\u2009]/;

interface OpenMark {
  mark: string;
  at: number;
}

type MarkRole = 'open' | 'close' | 'none';

const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
const isSpaceOrEdge = (ch: string | undefined): boolean => ch === undefined || /[\s\u00a0\u202f(\[\u2014\u2013-]/.test(ch);

/** A straight quote opens when it follows a space or bracket and precedes a non-space. */
function straightQuoteRole(text: string, i: number, stack: OpenMark[]): MarkRole {
  const before = text[i - 1];
  const after = text[i + 1];
  const looksOpening = isSpaceOrEdge(before) && after !== undefined && !/\s/.test(after);
  const looksClosing = !isSpaceOrEdge(before) && (after === undefined || !isWordChar(after));
  const top = stack[stack.length - 1];
  if (top?.mark === '"') return 'close';
  if (looksOpening && !looksClosing) return 'open';
  if (stack.length && looksClosing) return 'close';
  if (looksOpening) return 'open';
  return stack.length ? 'close' : 'none';
}

function markRole(text: string, i: number, stack: OpenMark[]): MarkRole {
  const ch = text[i];
  const top = stack[stack.length - 1];
  switch (ch) {
    case '«': case '‹': case '„':
      return 'open';
    case '»': case '›':
      return stack.length ? 'close' : 'none';
    case '“':
      // German „…“ closes with “; elsewhere “ opens
      return top?.mark === '„' ? 'close' : 'open';
    case '”':
      if (stack.length) return 'close';
      // Swedish-style ”…” opener
      return isSpaceOrEdge(text[i - 1]) && isWordChar(text[i + 1]) ? 'open' : 'none';
    case '"':
      return straightQuoteRole(text, i, stack);
    default:
      return 'none';
  }
}

const CLOSER_FAMILY: Record<string, string> = { '»': '«', '›': '‹', '”': '“', '“': '„', '"': '"' };

/** Index in the stack of the mark this closer closes: its own family if open, else the top. */
function matchingOpen(stack: OpenMark[], closer: string): number {
  const family = CLOSER_FAMILY[closer];
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k].mark === family) return k;
  return stack.length - 1;
}

function trimmedSpan(text: string, from: number, to: number): { start: number; end: number } {
  let start = from;
  let end = to;
  while (start < end && INNER_SPACE.test(text[start])) start++;
  while (end > start && INNER_SPACE.test(text[end - 1])) end--;
  return { start, end };
}

/** The first non-space offset of the paragraph that follows the line break at `i`. */
function nextParagraphStart(text: string, i: number): number {
  let j = i;
  while (j < text.length && /[\s\u00a0\u202f]/.test(text[j])) j++;
  return j;
}

/** The characters the scan acts on: quote marks and line breaks. */
const MARK_OR_BREAK_RE = /[\n«»‹›„“”"]/g;

function nextMarkOrBreak(text: string, from: number): number {
  MARK_OR_BREAK_RE.lastIndex = from;
  return MARK_OR_BREAK_RE.exec(text)?.index ?? text.length;
}

export function findQuotedSpans(text: string): QuoteMarkScan {
  const spans: QuotedSpan[] = [];
  const problems: QuoteMarkProblem[] = [];
  let stack: OpenMark[] = [];
  let maxDepth = 0;
  for (let i = nextMarkOrBreak(text, 0); i < text.length; i = nextMarkOrBreak(text, i + 1)) {
    const ch = text[i];
    if (ch === '\n') {
      if (!stack.length) continue;
      const next = nextParagraphStart(text, i);
      const continuation = text[next];
      if (continuation === '«' || continuation === '»' || continuation === '“' || continuation === '"') {
        // French typography re-opens the running quote at each new paragraph
        i = next;
        continue;
      }
      problems.push({ offset: stack[0].at, reason: 'unclosed' });
      stack = [];
      continue;
    }
    const role = markRole(text, i, stack);
    if (role === 'open') {
      stack.push({ mark: ch, at: i });
      maxDepth = Math.max(maxDepth, stack.length - 1);
      continue;
    }
    if (role !== 'close') {
      if ('»›”'.includes(ch)) problems.push({ offset: i, reason: 'stray_closing' });
      continue;
    }
    const k = matchingOpen(stack, ch);
    const opened = stack[k];
    stack = stack.slice(0, k);
    if (stack.length) continue;
    if (i - opened.at > MAX_QUOTE_LENGTH) {
      problems.push({ offset: opened.at, reason: 'too_long' });
    } else {
      const { start, end } = trimmedSpan(text, opened.at + 1, i);
      if (end > start) spans.push({ open: opened.at, close: i, start, end, depth: maxDepth });
    }
    maxDepth = 0;
  }
  if (stack.length) problems.push({ offset: stack[0].at, reason: 'unclosed' });
  return { spans, problems };
}
