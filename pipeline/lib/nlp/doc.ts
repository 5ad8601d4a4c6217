import { defineForm, readingOf, type LexEntry } from './lexicon.ts';
import { MENTION_START, ROLE_HEAD, findMentions, type Entity, type Mention } from './mentions.ts';
import { loadRules } from './rules.ts';
import { findQuotes, splitSentences, type QuoteMarkProblem, type QuoteSpan, type Sentence } from './structure.ts';
import { Gap, Kind, flagsOf, tokenize, type Token } from './tokens.ts';

/**
 * The document model (as spaCy's Doc): an article analysed once, in passes linear in its
 * length, and read by every extractor. Tokens carry offsets, lower case, lemma and part of
 * speech; the doc holds the quotation spans, sentences and mentions of actors.
 */

export interface Doc {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  /** How many sentences were longer than MAX_SENTENCE_TOKENS, and so read in windows (the extraction budget). */
  windowedSentences: number;
  quotes: QuoteSpan[];
  quoteProblems: QuoteMarkProblem[];
  /** For each token, the quotation (index in `quotes`) whose marks enclose it, or -1 (marks themselves included). */
  quoteOf: Int32Array;
  mentions: Mention[];
  entities: Entity[];
  /** For each token, the longest mention covering it, or -1. */
  mentionAt: Int32Array;
  /** The tokens of each anchor flag, by the flag's bit position (see `anchors`). */
  anchorLists: Array<number[] | undefined>;
}

/** The indexes of the tokens whose form has anchor `flag` (see `lexemeFlag`), in text order. */
export function anchors(doc: Doc, flag: number): number[] {
  return doc.anchorLists[31 - Math.clz32(flag)] ?? NONE;
}
const NONE: number[] = [];

function anchorLists(tokens: Token[]): Array<number[] | undefined> {
  const lists: Array<number[] | undefined> = [];
  for (let i = 0; i < tokens.length; i++) {
    let flags = flagsOf(tokens[i].lx);
    while (flags !== 0) {
      const bit = 31 - Math.clz32(flags);
      flags ^= 1 << bit;
      const list = lists[bit];
      if (list === undefined) lists[bit] = [i];
      else list.push(i);
    }
  }
  return lists;
}

interface WordRule {
  form: string;
  tag: string;
  lemma: string;
  morph?: string;
}

let lexiconInstalled = false;

/** The project's own word forms (rules/lexicon/words.jsonl) over the Lefff. */
function installLexicon(): void {
  if (lexiconInstalled) return;
  lexiconInstalled = true;
  const byForm = new Map<string, LexEntry>();
  for (const r of loadRules<WordRule>('lexicon/words.jsonl')) {
    const reading = readingOf(r.tag, r.lemma, r.morph ?? '');
    const entry = byForm.get(r.form) ?? { pos: 0, readings: [] };
    entry.readings.push(reading);
    entry.pos |= reading.pos;
    byForm.set(r.form, entry);
  }
  for (const [form, entry] of byForm) defineForm(form, entry);
}
installLexicon();

/**
 * The document model of `text`. `observe` may stand in for the token array (tests hand in a
 * proxy that counts the reads of every pass, to check that the work is linear in the text).
 */
export function buildDoc(text: string, observe?: (tokens: Token[]) => Token[]): Doc {
  const tokens = observe ? observe(tokenize(text)) : tokenize(text);
  const lists = anchorLists(tokens);
  const { quotes, problems } = findQuotes(text, tokens);
  const quoteOf = new Int32Array(tokens.length).fill(-1);
  for (let k = 0; k < quotes.length; k++) quoteOf.fill(k, quotes[k].open, quotes[k].close + 1);
  const { sentences, windowed } = splitSentences(text, tokens, quotes);
  const sentenceStarts = sentenceStartsOf(tokens.length);
  for (const s of sentences) {
    sentenceStarts[s.first] = 1;
    // after an opening quote or a dash, a word still opens the sentence
    for (let k = s.first; k < s.last - 1 && opensBeforeWord(tokens[k]); ) sentenceStarts[++k] = 1;
  }
  for (let i = 1; i < tokens.length; i++) if (tokens[i].gap >= Gap.Line || (tokens[i - 1].kind === Kind.Punct && tokens[i - 1].text === ':')) sentenceStarts[i] = 1;
  const { mentions, entities, mentionAt } = findMentions(tokens, sentenceStarts, quoteOf, lists[31 - Math.clz32(MENTION_START)] ?? NONE, lists[31 - Math.clz32(ROLE_HEAD)] ?? NONE);
  return { text, tokens, sentences, windowedSentences: windowed, quotes, quoteProblems: problems, quoteOf, mentions, entities, mentionAt, anchorLists: lists };
}

/** The working array of sentence starts, reused from article to article (only findMentions reads it). */
let startsScratch = new Uint8Array(4096);
function sentenceStartsOf(length: number): Uint8Array {
  if (startsScratch.length < length) startsScratch = new Uint8Array(Math.max(length, 2 * startsScratch.length));
  startsScratch.fill(0, 0, length);
  return startsScratch;
}

/** A quotation mark, dash or bracket before the first word of a sentence. */
const opensBeforeWord = (t: Token): boolean =>
  t.kind === Kind.Quote || (t.kind === Kind.Punct && (t.text === '-' || t.text === '—' || t.text === '–' || t.text === '(' || t.text === '_'));

/** The sentence holding token `i`. */
export const sentenceOf = (doc: Doc, i: number): Sentence => doc.sentences[doc.tokens[i].sent];
