import { POS, TENSE, tensesOf } from './lexicon.ts';
import { Gap, Kind, lexemeFlag, lexemeSlot, type Lexeme, type Token } from './tokens.ts';

/**
 * The structure of an article over its tokens, each found in one pass: quotation spans
 * (every mark style, nesting, French quotes continued over paragraphs), sentences and
 * clauses.
 */

export interface QuoteSpan {
  /** Token index of the opening and closing marks. */
  open: number;
  close: number;
  /** The quoted words, marks and outer spaces excluded: `text.slice(start, end)`. */
  start: number;
  end: number;
  /** Depth of the quotes nested inside (0: none). */
  depth: number;
}

export interface QuoteMarkProblem {
  offset: number;
  reason: 'unclosed' | 'stray_closing' | 'too_long';
}

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  /** Token range [first, last). */
  first: number;
  last: number;
}

const MAX_QUOTE_LENGTH = 4000;
const CLOSER_FAMILY: Record<string, string> = { '»': '«', '›': '‹', '”': '“', '“': '„', '"': '"' };
const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
const isSpaceOrEdge = (ch: string | undefined): boolean => ch === undefined || /[\s\u00a0\u202f(\[\u2014\u2013-]/.test(ch);

type Role = 'open' | 'close' | 'none';
interface Open {
  mark: string;
  token: number;
}

function straightQuoteRole(text: string, at: number, stack: Open[]): Role {
  const before = text[at - 1];
  const after = text[at + 1];
  const looksOpening = isSpaceOrEdge(before) && after !== undefined && !/\s/.test(after);
  const looksClosing = !isSpaceOrEdge(before) && (after === undefined || !isWordChar(after));
  if (stack[stack.length - 1]?.mark === '"') return 'close';
  if (looksOpening && !looksClosing) return 'open';
  if (stack.length && looksClosing) return 'close';
  if (looksOpening) return 'open';
  return stack.length ? 'close' : 'none';
}

function markRole(text: string, t: Token, stack: Open[]): Role {
  switch (t.text) {
    case '«': case '‹': case '„':
      return 'open';
    case '»': case '›':
      return stack.length ? 'close' : 'none';
    case '“':
      if (stack[stack.length - 1]?.mark === '„') return 'close';
      // `achevée avec succès“`: a “ glued to the word before it closes an open “
      return stack[stack.length - 1]?.mark === '“' && !isSpaceOrEdge(text[t.start - 1]) && !isWordChar(text[t.end]) ? 'close' : 'open';
    case '”':
      if (stack.length) return 'close';
      return isSpaceOrEdge(text[t.start - 1]) && isWordChar(text[t.end]) ? 'open' : 'none';
    default:
      return straightQuoteRole(text, t.start, stack);
  }
}

const INNER_SPACE = /[\s\u00a0\u202f\u2009]/;

const INVERTED_PRONOUNS = new Set(['-t-il', '-t-elle', '-il', '-elle', '-ils', '-elles', '-t-on']);

/** Whether tokens (from, to) hold an inverted attribution: `, a déclaré X`, `, a-t-il dit`, `, dit-elle`. */
function attributedSince(tokens: Token[], from: number, to: number): boolean {
  for (let k = from + 1; k < to - 1; k++) {
    if (INVERTED_PRONOUNS.has(tokens[k].lower)) return true;
    if (tokens[k].text !== ',') continue;
    const aux = tokens[k + 1];
    if (aux.pos & POS.AUX && tensesOf(tokens[k + 2]?.lex ?? null) & TENSE.K) return true;
  }
  return false;
}

/** Whether the line starting at token `i` closes a quotation (a closing mark, glued to a word, comes before any opening one) within a few lines. */
function closesBeforeOpening(text: string, tokens: Token[], i: number): boolean {
  let lines = 0;
  for (let k = i; k < tokens.length && k < i + 120; k++) {
    const t = tokens[k];
    if (k > i && t.gap >= Gap.Line && ++lines > 1) return false;
    if (t.kind !== Kind.Quote) continue;
    if (t.text === '»' || t.text === '”') return true;
    return (t.text === '"' || t.text === '“') && !isSpaceOrEdge(text[t.start - 1]) && !isWordChar(text[t.end]);
  }
  return false;
}

/** Quotation spans in text order (outermost only), and the marks that do not pair up. */
export function findQuotes(text: string, tokens: Token[]): { quotes: QuoteSpan[]; problems: QuoteMarkProblem[] } {
  const quotes: QuoteSpan[] = [];
  const problems: QuoteMarkProblem[] = [];
  let stack: Open[] = [];
  let maxDepth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.gap >= Gap.Line && stack.length) {
      // French typography re-opens a running quote at each new paragraph, unless the paragraph before
      // already ended the quotation with its attribution (`« Nous ne céderons pas, a déclaré le ministre.¶« Nous…`)
      const reopens = t.kind === Kind.Quote && (t.text === '«' || t.text === '»' || t.text === '“' || t.text === '"');
      if (reopens && !attributedSince(tokens, stack[0].token, i)) continue;
      // a paragraph break inside a quotation whose next paragraph closes it (page debris splitting a sentence)
      if (reopens || !closesBeforeOpening(text, tokens, i)) {
        problems.push({ offset: tokens[stack[0].token].start, reason: 'unclosed' });
        stack = [];
      }
    }
    if (t.kind !== Kind.Quote) continue;
    const role = markRole(text, t, stack);
    if (role === 'open') {
      stack.push({ mark: t.text, token: i });
      maxDepth = Math.max(maxDepth, stack.length - 1);
      continue;
    }
    if (role !== 'close') {
      if ('»›”'.includes(t.text)) problems.push({ offset: t.start, reason: 'stray_closing' });
      continue;
    }
    const family = CLOSER_FAMILY[t.text];
    let k = stack.length - 1;
    while (k > 0 && stack[k].mark !== family) k--;
    if (stack[k].mark !== family) k = stack.length - 1;
    const opened = stack[k];
    stack = stack.slice(0, k);
    if (stack.length) continue;
    const openAt = tokens[opened.token].start;
    if (t.start - openAt > MAX_QUOTE_LENGTH) problems.push({ offset: openAt, reason: 'too_long' });
    else {
      let start = openAt + 1;
      let end = t.start;
      while (start < end && INNER_SPACE.test(text[start])) start++;
      while (end > start && INNER_SPACE.test(text[end - 1])) end--;
      if (end > start) quotes.push({ open: opened.token, close: i, start, end, depth: maxDepth });
    }
    maxDepth = 0;
  }
  if (stack.length) problems.push({ offset: tokens[stack[0].token].start, reason: 'unclosed' });
  return { quotes, problems };
}

/** Words after which a period does not end a sentence. */
const ABBREVIATIONS = new Set([
  'm', 'mm', 'mme', 'mmes', 'mlle', 'dr', 'pr', 'me', 'mgr', 'st', 'ste', 'etc', 'cf', 'env', 'av', 'apr', 'j.-c',
  'no', 'n°', 'p', 'pp', 'vol', 'chap', 'art', 'fig', 'gén', 'gal', 'col', 'lt', 'cdt', 'sgt', 'ltd', 'inc', 'co', 'jr', 'sr',
]);
const ENDERS = new Set(['.', '!', '?', '…', '...', '....', '?!', '!?']);
const CLOSERS = new Set(['»', '”', '›', ')', ']']);

/** What a form does between sentences, as bits: computed once per form. */
const enum Mark {
  /** Ends a sentence: `.`, `!`, `?`, `…`. */
  Ender = 1,
  /** Closes a quotation or bracket after the period. */
  Closer = 2,
  /** Starts with a character that can open a sentence: a bracket or a dash. */
  Opener = 4,
}
const markOf = lexemeSlot((lx: Lexeme): number =>
  (ENDERS.has(lx.text) ? Mark.Ender : 0) | (CLOSERS.has(lx.text) ? Mark.Closer : 0) | ('([—–-'.includes(lx.text[0]) ? Mark.Opener : 0));

/**
 * Sentences: a line break always ends one; inside a line a sentence ends at `.`, `!`, `?`
 * or `…` (with the closing quotes or brackets that follow) when the next token opens a
 * sentence (a capital, a digit, an opening quote or bracket, a dash) and the period closes
 * no abbreviation or initial. Quoted speech is not split: `« … ? », a-t-il lancé` stays whole.
 */
/**
 * The extraction budget: past this many tokens a sentence is read in windows of at most this
 * many, cut after the last comma, semicolon or colon of the window's second half (else at its
 * end). Every extractor's work on a sentence is then bounded, whatever the text's shape (a
 * table dump, a list of names, a page without full stops), and the cut depends only on the
 * tokens, so the same text always gives the same records. The longest sentence of the seeds
 * and the real-article set has 143 tokens.
 */
export const MAX_SENTENCE_TOKENS = 250;

/** The sentences of an article, and how many of them were longer than MAX_SENTENCE_TOKENS and read in windows. */
export interface Sentences {
  sentences: Sentence[];
  windowed: number;
}

export function splitSentences(text: string, tokens: Token[], quotes: QuoteSpan[]): Sentences {
  const sentences: Sentence[] = [];
  let windowed = 0;
  let first = 0;
  // the end of the outermost quotation open at the token visited, and the next quotation (in text order)
  let openUntil = -1;
  let nextQuote = 0;
  const push = (last: number): void => {
    for (let k = first; k < last; k++) tokens[k].sent = sentences.length;
    sentences.push({ start: tokens[first].start, end: tokens[last - 1].end, first, last });
    first = last;
  };
  const end = (last: number): void => {
    if (last - first > MAX_SENTENCE_TOKENS) {
      windowed++;
      while (last - first > MAX_SENTENCE_TOKENS) push(windowEnd(tokens, first));
    }
    if (last > first) push(last);
    first = last;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (i > first && t.gap >= Gap.Line) {
      end(i);
      openUntil = -1;
    }
    while (nextQuote < quotes.length && quotes[nextQuote].open < i) nextQuote++;
    if (nextQuote < quotes.length && quotes[nextQuote].open === i) openUntil = Math.max(openUntil, quotes[nextQuote].close);
    if (t.kind !== Kind.Punct || !(markOf(t) & Mark.Ender)) continue;
    let j = i + 1;
    let closesQuote = false;
    // closing marks follow the period, French ones after a space (`inévitable. »`)
    while (j < tokens.length && (tokens[j].gap === Gap.None || (tokens[j].gap === Gap.Space && tokens[j].kind === Kind.Quote)) && (markOf(tokens[j]) & Mark.Closer || tokens[j].kind === Kind.Quote && j === openUntil)) {
      if (tokens[j].kind === Kind.Quote || tokens[j].text === '»' || tokens[j].text === '”') closesQuote = true;
      j++;
    }
    if (j < tokens.length && tokens[j].kind === Kind.Quote && tokens[j].gap <= Gap.Space && j === openUntil) {
      closesQuote = true;
      j++;
    }
    if (i < openUntil && !(closesQuote && j > openUntil)) continue;
    if (j >= tokens.length) break;
    const next = tokens[j];
    if (next.gap >= Gap.Line) {
      i = j - 1;
      continue;
    }
    if (next.gap === Gap.None) {
      // `russe.Un témoignage`: a missing space after the period still ends the sentence
      const prevWord = tokens[i - 1];
      const glued = t.text === '.' && prevWord?.kind === Kind.Word && !prevWord.cap && next.kind === Kind.Word && next.cap && next.text.length > 1 && next.text.slice(1) === next.text.slice(1).toLowerCase();
      if (!glued) continue;
    }
    const opens = next.cap || next.kind === Kind.Number || next.kind === Kind.Quote || (markOf(next) & Mark.Opener) !== 0;
    if (!opens) continue;
    if (t.text === '.' && isAbbreviation(tokens, i)) continue;
    if (closesQuote && (next.text === ',' || next.text === ';' || next.text === ':')) continue;
    end(j);
    i = j - 1;
  }
  end(tokens.length);
  return { sentences, windowed };
}

/** Where the window opened at token `first` ends: after the last clause mark of its second half, else after MAX_SENTENCE_TOKENS tokens. */
function windowEnd(tokens: Token[], first: number): number {
  const limit = first + MAX_SENTENCE_TOKENS;
  for (let k = limit; k > first + MAX_SENTENCE_TOKENS / 2; k--) {
    const t = tokens[k - 1];
    if (t.kind === Kind.Punct && (t.text === ',' || t.text === ';' || t.text === ':')) return k;
  }
  return limit;
}

function isAbbreviation(tokens: Token[], dot: number): boolean {
  const before = tokens[dot - 1];
  if (!before || before.kind !== Kind.Word || tokens[dot].gap !== Gap.None) return false;
  const w = before.lower;
  // an initial (`J. Biden`) only when a name follows; `Spoutnik V. « Nous »` ends a sentence
  if (w.length === 1) return tokens[dot + 1]?.kind === Kind.Word && tokens[dot + 1].cap;
  return ABBREVIATIONS.has(w);
}

const CLAUSE_PUNCT = new Set([',', ';', ':', '(', ')', '–', '—', '-', '[', ']']);
const CLAUSE_CONJUNCTIONS = new Set(['mais', 'puis', 'car', 'or', 'que', "qu'"]);
const SUBJECT_STARTS = new Set(['il', 'elle', 'ils', 'elles', 'on']);

/**
 * Clause starts of a sentence, as token indexes (the first is the sentence's first token): a clause
 * ends at a comma, semicolon, colon, bracket or dash, and before `mais`, `puis`, `car`, `or`, `tandis
 * que`, `alors que`, and `et` when a new finite verb or subject follows.
 */
export function clauseStarts(tokens: Token[], sentence: Sentence): number[] {
  const starts = [sentence.first];
  for (let i = sentence.first + 1; i < sentence.last; i++) addClauseStart(tokens, sentence, i, starts);
  return starts;
}

/** Forms that can bound a clause (see `clauseStarts`), as an anchor flag: `anchors(doc, CLAUSE_MARK)` lists their tokens. */
export const CLAUSE_MARK = lexemeFlag((lx) => (lx.kind === Kind.Punct && CLAUSE_PUNCT.has(lx.text)) || CLAUSE_CONJUNCTIONS.has(lx.lower) || lx.lower === 'tandis' || lx.lower === 'alors' || lx.lower === 'et');

/**
 * `clauseStarts`, visiting only the sentence's CLAUSE_MARK tokens: `marks` lists them in text order
 * (the doc's anchors) from index `from` on. The same starts, in time linear in the marks.
 */
export function clauseStartsAmong(tokens: Token[], sentence: Sentence, marks: number[], from: number): number[] {
  const starts = [sentence.first];
  for (let m = from; m < marks.length && marks[m] < sentence.last; m++) if (marks[m] > sentence.first) addClauseStart(tokens, sentence, marks[m], starts);
  return starts;
}

/** The clause start token `i` makes, if any (after a punctuation mark, at a conjunction), added to `starts`. */
function addClauseStart(tokens: Token[], sentence: Sentence, i: number, starts: number[]): void {
  const t = tokens[i];
  if (CLAUSE_PUNCT.has(t.text) && t.kind === Kind.Punct) {
    if (i + 1 < sentence.last) starts.push(i + 1);
    return;
  }
  const next = tokens[i + 1];
  if (CLAUSE_CONJUNCTIONS.has(t.lower) || ((t.lower === 'tandis' || t.lower === 'alors') && (next?.lower === 'que' || next?.lower === "qu'"))) {
    if (starts[starts.length - 1] !== i) starts.push(i);
    return;
  }
  if (t.lower === 'et' && next && (SUBJECT_STARTS.has(next.lower) || (next.pos & POS.AUX && tensesOf(next.lex) & (TENSE.P | TENSE.I | TENSE.F | TENSE.C)))) starts.push(i);
}
