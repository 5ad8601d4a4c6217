/** A span of text: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS = new Set([
  'm', 'mm', 'mme', 'mmes', 'mlle', 'dr', 'pr', 'me', 'mgr', 'st', 'ste', 'etc', 'cf', 'env', 'av', 'apr', 'j.-c',
  'no', 'n°', 'p', 'pp', 'vol', 'chap', 'art', 'fig', 'gén', 'gal', 'col', 'lt', 'cdt', 'sgt', 'ltd', 'inc', 'co', 'jr', 'sr',
]);

const OPENING_QUOTES = '«“„‹"';
const CLOSING_QUOTES = '»”“›"';

/**
 * Splits cleaned text into sentences. A paragraph break always ends a sentence;
 * inside a paragraph a sentence ends at `.`, `!`, `?` or `…` (with any closing
 * quote or bracket that follows) when the next word starts with a capital, a digit
 * or an opening quote, and the period does not close a known abbreviation or an
 * initial. Quoted speech is not split: a `?` inside « » followed by `», a lancé`
 * stays in the sentence.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const paragraphRe = /[^\n]+/g;
  for (let m = paragraphRe.exec(text); m; m = paragraphRe.exec(text)) {
    splitParagraph(text, m.index, m.index + m[0].length, spans);
  }
  return spans;
}

function splitParagraph(text: string, from: number, to: number, out: Span[]): void {
  let start = skipSpaces(text, from, to);
  let quoteDepth = 0;
  for (let i = start; i < to; i++) {
    const ch = text[i];
    if (ch === '«' || ch === '“' || ch === '„' || ch === '‹') quoteDepth++;
    else if ((ch === '»' || ch === '”' || ch === '›') && quoteDepth > 0) quoteDepth--;
    else if (ch === '"') quoteDepth = quoteDepth > 0 ? quoteDepth - 1 : 1;
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    let end = i + 1;
    while (end < to && '.!?…'.includes(text[end])) end++;
    let closesQuote = false;
    while (end < to && (CLOSING_QUOTES.includes(text[end]) || text[end] === ')' || text[end] === '\u00a0' && CLOSING_QUOTES.includes(text[end + 1] ?? ''))) {
      if (CLOSING_QUOTES.includes(text[end])) closesQuote = true;
      end++;
    }
    if (quoteDepth > 0 && !closesQuote) continue;
    const next = skipSpaces(text, end, to);
    if (next >= to) break;
    const nextCh = text[next];
    // "russe.Un témoignage": a missing space after the period still ends the sentence
    if (next === end && !(ch === '.' && /[a-zà-ÿ]/.test(text[i - 1] ?? '') && /\p{Lu}/u.test(nextCh) && /\p{Ll}/u.test(text[next + 1] ?? ''))) continue;
    if (!(/[\p{Lu}\d]/u.test(nextCh) || OPENING_QUOTES.includes(nextCh) || nextCh === '(' || nextCh === '[' || nextCh === '—' || nextCh === '–' || nextCh === '-')) continue;
    if (ch === '.' && isAbbreviation(text, from, i)) continue;
    if (closesQuote && /^[,;:]/.test(text.slice(next))) continue;
    if (closesQuote && /^\s*,/.test(text.slice(end))) continue;
    out.push({ start, end });
    start = next;
    i = next - 1;
    quoteDepth = 0;
  }
  const end = trimEnd(text, start, to);
  if (end > start) out.push({ start, end });
}

function isAbbreviation(text: string, paragraphStart: number, dot: number): boolean {
  let j = dot;
  while (j > paragraphStart && /[\p{L}°.\-]/u.test(text[j - 1])) j--;
  const word = text.slice(j, dot).toLowerCase();
  // an initial ("J. Biden", "M. Poutine") only when a name follows; "Spoutnik V. « Nous »" ends a sentence
  if (word.length === 1 && /\p{L}/u.test(word)) return /^\s*\p{Lu}/u.test(text.slice(dot + 1, dot + 4));
  return ABBREVIATIONS.has(word);
}

function skipSpaces(text: string, i: number, to: number): number {
  while (i < to && /\s/.test(text[i])) i++;
  return i;
}

function trimEnd(text: string, from: number, to: number): number {
  while (to > from && /\s/.test(text[to - 1])) to--;
  return to;
}

/** The sentence that contains offset `at`, or undefined. */
export function sentenceAt(sentences: Span[], at: number): Span | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}
