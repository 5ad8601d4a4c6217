import { auxiliaryOf, canStartReportingVerb, isFiniteParticipleHomograph, isParticipleOnly, matchReportingVerb, reportsWhenPronominal, MAX_REPORTING_VERB_WORDS, type VerbTense } from '../../lexicon/verbs.ts';

/**
 * Word tokens of the text around quotations, and the reporting-verb groups in them:
 * `a déclaré`, `a-t-il insisté`, `a lancé pour sa part`, `déclare-t-elle`, `s'est
 * exclamé`, `a-t-il encore fait valoir`, `estimant`.
 */

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** `quote` tokens stand for a whole quotation (marks included). */
  kind: 'word' | 'punct' | 'quote';
  /** Index of the quotation, for `quote` tokens. */
  quote?: number;
}

/** Words, elided words and numbers, or (captured) any other sign, which never holds a letter or digit. */
const WORD_RE = /aujourd[’']hui|(?:lorsqu|puisqu|jusqu|quoiqu|qu|\p{L})[’'](?=[\p{L}\d])|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:-[\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*|(\S)/gu;

/**
 * Tokens of `text[from, to)`, with each quotation span given as one `quote` token.
 * `quotes` are in text order without overlaps.
 */
export function tokenize(text: string, from: number, to: number, quotes: ReadonlyArray<{ open: number; close: number }>): Token[] {
  const tokens: Token[] = [];
  let pos = from;
  const inside: Array<{ open: number; close: number; index: number }> = [];
  for (let index = partitionPoint(quotes, (q) => q.close < from); index < quotes.length && quotes[index].open < to; index++) {
    inside.push({ ...quotes[index], index });
  }
  const pushWords = (a: number, b: number) => {
    const chunk = text.slice(a, b);
    for (const m of chunk.matchAll(WORD_RE)) {
      const word = m[0];
      tokens.push({ text: word, lower: word.toLowerCase(), start: a + m.index, end: a + m.index + word.length, kind: m[1] === undefined ? 'word' : 'punct' });
    }
  };
  for (const q of inside) {
    const open = Math.max(q.open, from);
    if (open > pos) pushWords(pos, open);
    const end = Math.min(q.close + 1, to);
    tokens.push({ text: text.slice(open, end), lower: '', start: open, end, kind: 'quote', quote: q.index });
    pos = end;
  }
  if (pos < to) pushWords(pos, to);
  return tokens;
}

/** The code point of `text` ending at `at` (a surrogate pair only when both halves lie at or after `floor`). */
export function codePointBefore(text: string, floor: number, at: number): string {
  const low = text.charCodeAt(at - 1);
  const high = at - 2 >= floor ? text.charCodeAt(at - 2) : 0;
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? text.slice(at - 2, at) : text[at - 1];
}

/** Number of leading items of `list` that are `before` (a test that holds for a prefix of the list): a binary search. */
export function partitionPoint<T>(list: readonly T[], before: (item: T) => boolean): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (before(list[mid])) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Adverbs and adverbial phrases that sit inside or after a verb group (`a encore ajouté`, `a lancé pour sa part`). */
const ADVERB_PHRASES: string[][] = [
  'encore', 'aussi', 'également', 'ensuite', 'alors', 'enfin', 'notamment', 'ainsi', 'toutefois', 'cependant',
  'néanmoins', 'déjà', 'pourtant', 'plus', 'bien', 'même', 'pas', 'jamais', 'longuement', 'vivement', 'sévèrement', 'simplement', 'fermement', 'clairement', 'récemment',
  'hier', 'jeudi', 'lundi', 'mardi', 'mercredi', 'vendredi', 'samedi', 'dimanche', 'matin', 'soir', 'midi',
  'dernier', 'prochain', 'immédiatement', 'aussitôt', 'volontiers', 'publiquement', 'officiellement',
  'régulièrement', 'souvent', 'toujours', 'sobrement', 'sèchement', 'lui', 'elle', 'lui-même', 'elle-même',
  'pour sa part', 'pour leur part', 'de son côté', 'de leur côté', 'à son tour', 'à leur tour', 'par ailleurs',
  'd’ailleurs', 'quant à lui', 'quant à elle', 'une nouvelle fois', 'une fois de plus', 'en substance', 'à nouveau',
  'de nouveau', 'en outre', 'en effet', 'dans la foulée', 'plus tard', 'peu après', 'aujourd’hui', 'ce jour',
].map((p) => p.split(' '));
const ADVERB_PHRASES_BY_FIRST_WORD = new Map<string, string[][]>();
for (const phrase of ADVERB_PHRASES) {
  const list = ADVERB_PHRASES_BY_FIRST_WORD.get(phrase[0]);
  if (list) list.push(phrase);
  else ADVERB_PHRASES_BY_FIRST_WORD.set(phrase[0], [phrase]);
}

const adverbWord = (token: Token): string => token.lower.replace(/'/g, '’');

/** Length in tokens of the adverbial phrase at `tokens[i]`, or 0. */
export function adverbLength(tokens: readonly Token[], i: number): number {
  const first = tokens[i];
  if (first?.kind !== 'word') return 0;
  let best = 0;
  for (const phrase of ADVERB_PHRASES_BY_FIRST_WORD.get(adverbWord(first)) ?? []) {
    if (phrase.length <= best) continue;
    if (phrase.every((w, k) => tokens[i + k]?.kind === 'word' && adverbWord(tokens[i + k]) === w)) best = phrase.length;
  }
  return best;
}

/** Skips adverbs and commas-free adverbial phrases from `i`. */
export function skipAdverbs(tokens: readonly Token[], i: number): number {
  let j = i;
  for (let guard = 0; guard < 6; guard++) {
    const n = adverbLength(tokens, j);
    if (n) {
      j += n;
      continue;
    }
    // `a, lui, plaidé`, `a, pour sa part, estimé`: an adverb set between commas
    if (tokens[j]?.text === ',') {
      const inner = adverbLength(tokens, j + 1);
      if (inner && tokens[j + 1 + inner]?.text === ',') {
        j += inner + 2;
        continue;
      }
    }
    break;
  }
  return j;
}

export interface VerbGroup {
  infinitive: string;
  tense: VerbTense;
  /** Token index of the first and after-last token of the group. */
  from: number;
  to: number;
  start: number;
  end: number;
  /** Subject pronoun written in the inversion (`a-t-il`, `déclare-t-elle`). */
  pronoun: string | null;
  /** True for a finite verb or participle group (a subject to find), false for a gerund. */
  finite: boolean;
}

const INVERSION_RE = /^(.+?)-(?:t-)?(il|elle|ils|elles|on)$/u;
const FINITE_TENSES = new Set<VerbTense>(['present', 'imperfect', 'simple_past', 'future', 'conditional']);

function splitInversion(token: Token | undefined): { base: string; pronoun: string | null } {
  if (!token || token.kind !== 'word') return { base: '', pronoun: null };
  const m = token.lower.includes('-') ? INVERSION_RE.exec(token.lower) : null;
  return m ? { base: m[1], pronoun: m[2] } : { base: token.lower, pronoun: null };
}

/** The lower-case words from `tokens[i]` on that a reporting verb can span, the first one given. */
function wordsAt(tokens: readonly Token[], i: number, first: string): string[] {
  return [first, ...tokens.slice(i + 1, i + MAX_REPORTING_VERB_WORDS).map((t) => t.lower)];
}

/** Verb groups already looked up, by token list and index. */
const VERB_GROUPS = new WeakMap<readonly Token[], Map<number, VerbGroup | null>>();

/** The reporting-verb group that starts at `tokens[i]`, or null (token lists are not modified once tokenized). */
export function verbGroupAt(tokens: readonly Token[], i: number): VerbGroup | null {
  let groups = VERB_GROUPS.get(tokens);
  if (!groups) {
    groups = new Map();
    VERB_GROUPS.set(tokens, groups);
  }
  let group = groups.get(i);
  if (group === undefined) {
    group = findVerbGroup(tokens, i);
    groups.set(i, group);
  }
  return group;
}

const REFLEXIVE = new Set(['s’', "s'", 'se']);
/** Determiners that only come before nouns (`le`, `la`, `les`, `leur` may be object pronouns). */
const NOUN_DETERMINERS = new Set(['un', 'une', 'des', 'du', 'au', 'aux', 'ce', 'cet', 'cette', 'ces', 'sa', 'son', 'ses', 'mon', 'ma', 'mes', 'notre', 'nos', 'votre', 'vos']);

function findVerbGroup(tokens: readonly Token[], i: number): VerbGroup | null {
  let k = i;
  let pronominal = false;
  // `l'offensive se poursuivra`: a verb after its reflexive is read from the reflexive only
  if (i > 0 && REFLEXIVE.has(tokens[i - 1].lower)) return null;
  // `une menace « existentielle »`, `la critique`: a form after a determiner is a noun
  if (i > 0 && NOUN_DETERMINERS.has(tokens[i - 1].lower)) return null;
  // `« … », se souvient-il`, `« … », s'est-il agacé`: a reporting inversion right after the quotation
  const inverted = tokens[i - 1]?.text === ',';
  if (tokens[k]?.lower === 's’' || tokens[k]?.lower === "s'" || tokens[k]?.lower === 'se') {
    pronominal = true;
    k++;
  }
  const { base, pronoun } = splitInversion(tokens[k]);
  if (!base) return null;
  const aux = auxiliaryOf(base);
  if (aux === 'avoir' || (aux === 'être' && pronominal)) {
    const j = skipAdverbs(tokens, k + 1);
    const participle = splitInversion(tokens[j]).base;
    if (!canStartReportingVerb(participle)) return null;
    const verb = matchReportingVerb(wordsAt(tokens, j, participle), 0, pronominal);
    if (!verb || verb.tense !== 'participle') return null;
    if (pronominal && !pronoun && !inverted && !reportsWhenPronominal(verb.infinitive)) return null;
    const to = j + verb.length;
    return { infinitive: verb.infinitive, tense: verb.tense, from: i, to, start: tokens[i].start, end: tokens[to - 1].end, pronoun, finite: true };
  }
  if (!canStartReportingVerb(base)) return null;
  const verb = matchReportingVerb(wordsAt(tokens, k, base), 0, pronominal);
  if (!verb || isParticipleOnly(verb.infinitive)) return null;
  if (pronominal && !pronoun && !inverted && !reportsWhenPronominal(verb.infinitive)) return null;
  if (verb.tense === 'gerund' && !pronoun) {
    const to = k + verb.length;
    return { infinitive: verb.infinitive, tense: verb.tense, from: i, to, start: tokens[i].start, end: tokens[to - 1].end, pronoun: null, finite: false };
  }
  // `« … », dit-il`, `« … », écrit Le Monde`: a participle homograph of a present in an inversion
  const tense: VerbTense = verb.tense === 'participle' && verb.length === 1 && (inverted || pronoun !== null) && isFiniteParticipleHomograph(base) ? 'present' : verb.tense;
  if (!FINITE_TENSES.has(tense)) return null;
  const to = k + verb.length;
  return { infinitive: verb.infinitive, tense, from: i, to, start: tokens[i].start, end: tokens[to - 1].end, pronoun, finite: true };
}
