import { stableId } from '../ids.ts';
import { anchors, buildDoc, type Doc } from '../nlp/doc.ts';
import { FINITE, POS, TENSE, lemmasOf, tensesOf } from '../nlp/lexicon.ts';
import type { Mention } from '../nlp/mentions.ts';
import { loadRules } from '../nlp/rules.ts';
import type { QuoteSpan } from '../nlp/structure.ts';
import { Gap, Kind, lexemeFlag, lexemeSlot, type Lexeme, type Token } from '../nlp/tokens.ts';
import type { ArticleContext } from './context.ts';
import type { DateMention, QuoteMention } from './types.ts';
import { partitionPoint } from '../nlp/search.ts';

/**
 * Direct quotations and their speakers (annotation guidelines §2). Every quotation that is
 * not a title or a name is reported; its speaker is looked for, in order: a signature in
 * parentheses after it, a reporting verb right after it (`», a déclaré X`, `», a-t-il
 * insisté`), an incise inside it, a reporting verb before it in its sentence (`X a déclaré
 * que « … »`), a later inverted verb (`…, a précisé M. X.`), `selon X` / `pour X,`, a name on
 * the line after it, and for a quotation standing alone the speaker of the one before.
 * Pronouns and role descriptions resolve to the person the article names.
 */

interface VerbRule { lemma: string; reflexive?: boolean; reflexive_only?: boolean; participle_only?: boolean; phrase?: string; needs_que?: boolean }
interface TitleWordRule { word: string; makes: 'title' | 'name' }

const VERB_RULES = loadRules<VerbRule>('quotes/verbs.jsonl');
const REPORTING = new Map<string, VerbRule>();
const PHRASES = new Map<string, string[][]>();
for (const r of VERB_RULES) {
  if (r.phrase) PHRASES.set(r.lemma, [...(PHRASES.get(r.lemma) ?? []), r.phrase.split(' ').slice(1)]);
  else REPORTING.set(r.lemma, r);
}
const TITLE_WORDS = new Map(loadRules<TitleWordRule>('quotes/title-words.jsonl').map((r) => [r.word, r.makes]));

const CLITICS = new Set(['ne', "n'", "l'", 'le', 'la', 'les', 'lui', 'leur', 'y', 'en', 'nous', 'vous', 'me', "m'", 'te', "t'"]);
const REFLEXIVE = new Set(['se', "s'", 'me', "m'", 'nous', 'vous', 'te', "t'"]);
const INVERTED = new Set(['-t-il', '-t-elle', '-t-on', '-il', '-elle', '-on', '-ils', '-elles', '-je', '-nous', '-vous', 't-il', 't-elle', 't-on']);
const SUBJECT_PRONOUNS = new Set(['il', 'elle', 'ils', 'elles', 'on', "j'", 'je', 'nous']);
const PREPOSITIONS = new Set(['à', 'au', 'aux', 'de', 'du', 'des', "d'", 'par', 'pour', 'avec', 'contre', 'selon', 'sur', 'entre', 'dans', 'chez', 'envers', 'vers', 'sans', 'sous', 'devant', 'auprès', 'après', 'avant', 'face']);
/** Where a subject after an inverted verb can hide behind a complement: `a déclaré à l'AFP M. X`. */
const COMPLEMENT_OPENERS = new Set(['à', 'au', 'aux', 'dans', 'devant', 'lors', 'sur', 'auprès', 'en', 'depuis', 'pendant', 'après', 'avant', 'face']);
const CLAUSE_END = new Set(['.', ';', '!', '?', '…', '...', ')', '(', ':']);
/** Set phrases that may stand between an auxiliary and its participle or before a verb (`a de son côté appelé`, `a quant à lui exhorté`). */
const ADVERBIAL_PHRASES: string[][] = [
  ['de', 'son', 'côté'], ['de', 'leur', 'côté'], ['pour', 'sa', 'part'], ['pour', 'leur', 'part'], ['à', 'son', 'tour'], ['à', 'leur', 'tour'],
  ['quant', 'à', 'lui'], ['quant', 'à', 'elle'], ['quant', 'à', 'eux'], ['de', 'nouveau'], ['à', 'nouveau'], ['en', 'outre'], ['en', 'effet'],
  ['par', 'ailleurs'], ['dans', 'la', 'foulée'], ['au', 'passage'], ['en', 'revanche'], ['lui', 'aussi'], ['elle', 'aussi'], ['eux', 'aussi'],
  ['lui'], ['elle'], ['eux'], ['lui-même'], ['elle-même'], ['eux-mêmes'], ['en', 'personne'],
];
const PHRASES_BY_FIRST_WORD = new Map<string, string[][]>();
for (const phrase of ADVERBIAL_PHRASES) PHRASES_BY_FIRST_WORD.set(phrase[0], [...(PHRASES_BY_FIRST_WORD.get(phrase[0]) ?? []), phrase]);

/** Whether the words of `phrase` stand from token `k` on. */
function wordsAt(tokens: Token[], k: number, phrase: string[]): boolean {
  for (let n = 0; n < phrase.length; n++) if (tokens[k + n]?.lower !== phrase[n]) return false;
  return true;
}

/** An adverb that may stand inside a verb group (`a ensuite déclaré`), as its form alone tells. */
const isFillerAdverb = lexemeSlot((t: Lexeme): boolean =>
  t.kind === Kind.Word && (t.pos & (POS.ADV | POS.NEG)) !== 0 && !(tensesOf(t.lex) & TENSE.K) && !(t.pos & (POS.PROPN | POS.PREP | POS.DET | POS.PRON)) && !t.cap);

/** The length of an adverb, a set adverbial phrase or a comma-enclosed emphatic pronoun at token `k`, else 0. */
function fillerLength(tokens: Token[], k: number): number {
  const t = tokens[k];
  if (!t) return 0;
  if (isFillerAdverb(t)) return 1;
  if (t.text === ',') {
    // commas nest (`, , lui , ,`): the filler inside the innermost one, then each pair around it
    let innermost = k;
    while (tokens[innermost + 1]?.text === ',') innermost++;
    let length = fillerLength(tokens, innermost + 1);
    for (let c = innermost; c >= k && length; c--) length = tokens[c + 1 + length]?.text === ',' ? length + 2 : 0;
    return length;
  }
  const phrases = PHRASES_BY_FIRST_WORD.get(t.lower);
  if (phrases) for (const phrase of phrases) if (wordsAt(tokens, k, phrase)) return phrase.length;
  return 0;
}

interface VerbGroup {
  first: number;
  /** Exclusive. */
  last: number;
  /** The reporting verb as the cue writes it (`déclarer`, `se dire`, `faire valoir`). */
  cue: string;
  finite: boolean;
  gerund: boolean;
  infinitive: boolean;
  /** An inverted subject pronoun (`a-t-il dit`): `il`, `elle`… */
  pronoun: string | null;
}

const reportingSlot = lexemeSlot((t: Lexeme): VerbRule | null => {
  if (t.kind !== Kind.Word || !(t.pos & (POS.VERB | POS.AUX))) return null;
  for (const lemma of lemmasOf(t.lex, POS.VERB)) {
    const rule = REPORTING.get(lemma) ?? (PHRASES.has(lemma) ? { lemma } : undefined);
    if (rule) return rule;
  }
  return null;
});
const isReporting = (t: Token): VerbRule | undefined => reportingSlot(t) ?? undefined;
const isPouvoir = lexemeSlot((t: Lexeme): boolean => lemmasOf(t.lex, POS.VERB).includes('pouvoir'));
/** Whether a reporting verb group can start at a token of this form: a reflexive pronoun, a finite auxiliary, `peut` (`peut-on lire`) or the verb. */
const opensVerbGroup = lexemeSlot((t: Lexeme): boolean =>
  REFLEXIVE.has(t.lower) || ((t.pos & POS.AUX) !== 0 && (tensesOf(t.lex) & FINITE) !== 0) || isPouvoir({ lx: t }) || reportingSlot({ lx: t }) !== null);
const VERB_GROUP_OPENER = lexemeFlag((lx) => opensVerbGroup({ lx }));
const DETERMINER_WORDS = new Set(['le', 'la', 'les', "l'", 'un', 'une', 'des', 'son', 'sa', 'ses', 'leur', 'leurs', 'ce', 'cet', 'cette', 'ces', 'notre', 'nos', 'm', 'mme', 'plusieurs']);
const isDeterminerWord = (w: string): boolean => DETERMINER_WORDS.has(w);
const isFiniteAux = (t: Token | undefined): boolean => t !== undefined && (t.pos & POS.AUX) !== 0 && (tensesOf(t.lex) & FINITE) !== 0;
const ARTICLES = new Set(['un', 'une', 'le', 'la', 'les', "l'", 'des', 'du', 'ce', 'cette', 'son', 'sa', 'ses', 'leur']);
const isDeterminer = (t: Token | undefined): boolean => t !== undefined && (((t.pos & POS.DET) !== 0 && !(t.pos & (POS.PRON | POS.CLITIC))) || (ARTICLES.has(t.lower) && !(t.pos & POS.CLITIC && !(t.pos & POS.DET))));

/** The pronominal infinitive of a cue: `se dire`, and `s’exclamer` before a vowel (elided as French writes it; an h may be aspirated, `se hâter`, and keeps `se`). */
function reflexiveInfinitive(cue: string): string {
  return /^[aeiouyàâäéèêëîïôöûùü]/i.test(cue) ? `s’${cue}` : `se ${cue}`;
}

/** A reporting verb group starting at token `i`, or null. */
function verbGroupAt(tokens: Token[], i: number, limit: number, afterQuote = false): VerbGroup | null {
  if (!tokens[i] || !opensVerbGroup(tokens[i])) return null;
  let k = i;
  let reflexive = false;
  if (tokens[k] && REFLEXIVE.has(tokens[k].lower)) {
    reflexive = true;
    k++;
  }
  let aux = false;
  let pronoun: string | null = null;
  let modal = false;
  if (isFiniteAux(tokens[k]) && k < limit) {
    aux = true;
    k++;
    if (tokens[k] && INVERTED.has(tokens[k].lower)) pronoun = tokens[k++].lower.replace(/^-?(?:t-)?/, '');
    for (let skip = fillerLength(tokens, k); skip && k + skip < limit && k - i < 8; skip = fillerLength(tokens, k)) k += skip;
    // `s'est dit`, `a été`: the participle follows
  } else if (tokens[k] && isPouvoir(tokens[k]) && tokens[k + 1] && INVERTED.has(tokens[k + 1].lower)) {
    // `peut-on lire`
    pronoun = tokens[k + 1].lower.replace(/^-?(?:t-)?/, '');
    modal = true;
    k += 2;
  }
  if (k >= limit) return null;
  const verb = tokens[k];
  const rule = isReporting(verb);
  if (!rule) return null;
  const tenses = tensesOf(verb.lex);
  if (aux && !(tenses & TENSE.K)) return null;
  if (modal && !(tenses & TENSE.W)) return null;
  if (!aux && !modal && rule.participle_only && !afterQuote) return null;
  if (rule.reflexive_only && !reflexive) return null;
  // `se poursuit` continues, it does not report
  if (reflexive && !rule.reflexive && !rule.reflexive_only) return null;
  if (!aux && !modal && !(tenses & (FINITE | TENSE.G | TENSE.W))) return null;
  // a noun after its determiner is no verb (`l'estime`, `une note`)
  if (!aux && !reflexive && verb.pos & POS.NOUN && isDeterminer(tokens[i - 1])) return null;
  let last = k + 1;
  let cue = rule.lemma;
  const phrases = PHRASES.get(rule.lemma);
  if (phrases) {
    const phrase = phrases.find((words) => wordsAt(tokens, last, words));
    if (phrase) {
      cue = `${rule.lemma} ${phrase.join(' ')}`;
      last += phrase.length;
    } else if (!REPORTING.has(rule.lemma)) return null;
  }
  if (!pronoun && tokens[last] && INVERTED.has(tokens[last].lower)) pronoun = tokens[last++].lower.replace(/^-?(?:t-)?/, '');
  if (rule.needs_que) {
    let n = last;
    for (let skip = fillerLength(tokens, n); skip; skip = fillerLength(tokens, n)) n += skip;
    if (tokens[n]?.lower !== 'que' && tokens[n]?.lower !== "qu'") return null;
  }
  if (reflexive && (rule.reflexive || rule.reflexive_only)) cue = reflexiveInfinitive(cue);
  const gerund = !aux && !modal && (tenses & TENSE.G) !== 0 && !(tenses & FINITE);
  const infinitive = !aux && !modal && !gerund && (tenses & TENSE.W) !== 0 && !(tenses & FINITE);
  return { first: i, last, cue, finite: !gerund && !infinitive, gerund, infinitive, pronoun };
}

export interface Speaker {
  name: string;
  type: 'person' | 'organization' | 'country' | 'place';
  /** Entity index in the article, or -1. */
  entity: number;
  gender: 'm' | 'f' | null;
}

interface Attribution {
  speaker: Speaker | null;
  verb: VerbGroup | null;
  /** The speaker comes from the context only (a quotation standing alone): a repeated quotation's own speaker wins. */
  weak: boolean;
}

const emptyGroup = { start: 0, end: 0, codes: [], via: 'description', entity: -1, gender: null, plural: true, kind: null, role: null };
const DETERMINERS_AND_LINKS = new Set(['le', 'la', 'les', "l'", 'un', 'une', 'des', 'du', 'de', "d'", 'ces', 'ce', 'cette', 'ses', 'son', 'sa', 'leurs', 'leur', 'plusieurs', 'certains', 'certaines', 'milliers', 'centaines', 'dizaines', 'millions']);
const ANONYMOUS_HEADS = new Set(['source', 'sources', 'proche', 'proches', 'interlocuteur', 'témoin', 'témoins']);
const NEWS_HEADS = new Set(['agence', 'journal', 'quotidien', 'hebdomadaire', 'média', 'médias', 'presse', 'télévision', 'chaîne', 'radio', 'site', 'magazine']);
const NOT_SOURCE_HEADS = new Set(['communiqué', 'texte', 'document', 'rapport', 'déclaration', 'lettre', 'message', 'note', 'bilan', 'chiffre', 'chiffres', 'estimation', 'estimations', 'sondage', 'étude', 'enquête', 'données', 'images', 'vidéo', 'informations', 'information', 'termes', 'accord', 'projet', 'plan', 'loi', 'constitution', 'règles', 'résultats', 'calendrier', 'fait', 'fois', 'jour', 'an', 'année', 'semaine', 'mois', 'plupart', 'même', 'autres']);
const INDEFINITE = new Set(['une', 'un', 'des']);
const OF_THE = new Set(['de', 'du', 'des', "d'", 'la', "l'"]);
/** Documents whose issuer speaks through them (`peut-on lire dans le communiqué`). */
const DOCUMENT_WORDS = new Set(['communiqué', 'texte', 'déclaration', 'lettre', 'message', 'note', 'rapport']);
const DOCUMENT_HEADS = new Set(['communiqué', 'texte', 'déclaration', 'document', 'rapport', 'lettre', 'note']);
const SMALL_NUMBERS = new Set(['deux', 'trois', 'quatre']);
const COUNTRY_HEADS = new Set(['pays', 'voisins', 'nations', 'états', 'parties', 'capitales', 'gouvernements']);

/**
 * How far (in tokens) from a quotation its sentence is read. Real sentences are much shorter;
 * a longer run without a full stop is a list or debris, whose far parts say nothing of the
 * quotation, and the bound keeps the work per quotation the same in any text.
 */
const REACH = 150;

/** Whether a mention is a news outlet (an agency, a newspaper): a source of what it reports. */
const isNewsSource = (m: Mention): boolean => (m.type === 'organization' && m.kind === 'news') || ((m.via === 'description' || m.via === 'named') && NEWS_HEADS.has(m.role ?? ''));

/**
 * A speaker named by common nouns from token `k` (`une source diplomatique`, `des milliers de manifestants`,
 * `les ministres des Affaires étrangères du G7`): the noun phrase without its determiners, capitalised.
 */
function describedPhrase(tokens: Token[], k: number, limit: number): Speaker | null {
  let i = k;
  while (i < limit && DETERMINERS_AND_LINKS.has(tokens[i].lower)) i++;
  const head = tokens[i];
  if (!head || i >= limit || head.kind !== Kind.Word || head.cap || !(head.pos & POS.NOUN) || head.pos & (POS.PRON | POS.DET | POS.VERB) || NOT_SOURCE_HEADS.has(head.lower)) return null;
  // `a indiqué une source`: an anonymous source names no one (a `source diplomatique` is described)
  if (ANONYMOUS_HEADS.has(head.lower) && INDEFINITE.has(tokens[i - 1]?.lower ?? '') && !(tokens[i + 1]?.pos & POS.ADJ && !tokens[i + 1].cap && tokens[i + 1].gap <= Gap.Space)) return null;
  let e = i + 1;
  while (e < limit && e - i < 7 && tokens[e].gap <= Gap.Space) {
    const t = tokens[e];
    if (t.kind === Kind.Word && !t.cap && t.pos & POS.ADJ && !(t.pos & (POS.VERB | POS.DET | POS.PREP))) e++;
    else if ((t.lower === 'de' || t.lower === 'du' || t.lower === 'des' || t.lower === "d'") && tokens[e + 1] && tokens[e + 1].kind === Kind.Word) e += 2;
    else if (t.kind === Kind.Word && t.cap && e > i + 1 && OF_THE.has(tokens[e - 1].lower)) e++;
    else if ((t.lower === 'la' || t.lower === "l'") && (tokens[e - 1].lower === 'de' || tokens[e - 1].lower === "d'")) e++;
    else break;
  }
  while (e > i + 1 && OF_THE.has(tokens[e - 1].lower)) e--;
  let name = '';
  for (let n = i; n < e; n++) name += (n > i && tokens[n].gap > Gap.None ? ' ' : '') + tokens[n].text;
  return { name: name.charAt(0).toLocaleUpperCase('fr') + name.slice(1).replace(/’/g, "'"), type: 'person', entity: -1, gender: null };
}

/**
 * `Ryanair a dénoncé`, `la compagnie Ryanair a dénoncé`: a name the lexicon and the gazetteer do not know
 * (capitalised words that are proper nouns only) as the subject ending at token `k`, opening its clause
 * or after a common noun: a company or body the project has no entry for.
 */
function unknownName(tokens: Token[], k: number, floor: number): Speaker | null {
  const isUnknownName = (t: Token): boolean => t.kind === Kind.Word && t.cap && (t.pos & POS.PROPN) !== 0 && (t.pos & ~(POS.PROPN | POS.NOUN)) === 0;
  let i = k;
  while (i >= floor && k - i < 4 && isUnknownName(tokens[i])) i--;
  if (i === k) return null;
  const before = i >= floor ? tokens[i] : undefined;
  const opens = before === undefined || before.text === ',' || before.sent !== tokens[k].sent || (before.kind === Kind.Word && !before.cap && (before.pos & POS.NOUN) !== 0 && !(before.pos & (POS.PREP | POS.VERB | POS.DET)));
  if (!opens) return null;
  let name = '';
  for (let n = i + 1; n <= k; n++) name += (n > i + 1 ? ' ' : '') + tokens[n].text;
  return { name, type: 'organization', entity: -1, gender: null };
}

/** What a character is to `countWords`: 1 a space, 2 a letter or digit, 3 anything else (0: not known yet). */
const CHAR_CLASS = new Uint8Array(0x10000);
function charClass(c: number): number {
  let k = CHAR_CLASS[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = CHAR_CLASS[c] = /[\s\u00a0\u202f]/u.test(ch) ? 1 : /[\p{L}\p{N}]/u.test(ch) ? 2 : 3;
  }
  return k;
}

/**
 * Words as a reader counts them, up to `atMost`: runs between spaces holding a letter or a
 * digit (an elided article stays with its word: `l'intégration` is one).
 */
function countWords(s: string, atMost: number): number {
  let count = 0;
  let counted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let k = charClass(c);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const low = s.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        k = /[\p{L}\p{N}]/u.test(s.slice(i, i + 2)) ? 2 : 3;
        i++;
      }
    }
    if (k === 1) counted = false;
    else if (k === 2 && !counted) {
      counted = true;
      if (++count >= atMost) return count;
    }
  }
  return count;
}

/** Whether a text has a letter or a digit. */
function hasLetterOrDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (charClass(c) === 2) return true;
    if (c >= 0xd800 && c <= 0xdbff && /[\p{L}\p{N}]/u.test(s.slice(i, i + 2))) return true;
  }
  return false;
}

const CLOSING_PUNCTUATION = new Set([...'.!?…,;:'].map((c) => c.charCodeAt(0)));
/** For each code unit: 1 an upper-case letter, 2 not one (0: not known yet). */
const UPPER = new Uint8Array(0x10000);
function startsUpperCase(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c >= 0xd800 && c <= 0xdbff) return /^\p{Lu}/u.test(s);
  if (UPPER[c] === 0) UPPER[c] = /\p{Lu}/u.test(String.fromCharCode(c)) ? 1 : 2;
  return UPPER[c] === 1;
}

/** People and bodies who stand at tokens (speakers so far, or subjects), in text order. */
class Timeline<T> {
  readonly at: number[] = [];
  readonly items: T[] = [];
  /** Entries by agreement (see `agreementOf`), in text order. */
  private readonly byAgreement: number[][] = [[], [], [], []];

  push(at: number, item: T, agreement: number): void {
    const k = this.at.length;
    this.at.push(at);
    this.items.push(item);
    if (agreement >= 0) this.byAgreement[agreement].push(k);
  }

  /** The last entry before token `at`, or -1. */
  lastBefore(at: number): number {
    return countBefore(this.at.length, (k) => this.at[k], at) - 1;
  }

  /** The last entry of one of the agreements (bits) before token `at`, or -1. */
  lastAgreeingBefore(agreements: number, at: number): number {
    let last = -1;
    for (let a = 0; a < this.byAgreement.length; a++) {
      if (!(agreements & (1 << a))) continue;
      const list = this.byAgreement[a];
      const n = countBefore(list.length, (k) => this.at[list[k]], at);
      if (n > 0 && list[n - 1] > last) last = list[n - 1];
    }
    return last;
  }

  /** The first entry of one of the agreements (bits) after token `at`, or -1. */
  firstAgreeingAfter(agreements: number, at: number): number {
    let first = -1;
    for (let a = 0; a < this.byAgreement.length; a++) {
      if (!(agreements & (1 << a))) continue;
      const list = this.byAgreement[a];
      const n = countBefore(list.length, (k) => this.at[list[k]], at + 1);
      if (n < list.length && (first < 0 || list[n] < first)) first = list[n];
    }
    return first;
  }
}

/** How many of `length` entries, at ascending positions `position(k)`, are before position `at`. */
function countBefore(length: number, position: (k: number) => number, at: number): number {
  return partitionPoint(0, length, (k) => position(k) < at);
}

/** Agreement classes: `il` takes a man or a masculine body, `elle` a woman or a feminine one, anything else a person. */
const MAN = 1;
const WOMAN = 2;
const MASCULINE_BODY = 4;
const FEMININE_BODY = 8;
function agreementOf(s: Pick<Speaker, 'type' | 'gender'>): number {
  if (s.type === 'person') return s.gender === 'f' ? 1 : 0;
  if (s.type === 'organization') return s.gender === 'm' ? 2 : s.gender === 'f' ? 3 : -1;
  return -1;
}

class QuoteAttributor {
  /** Speakers so far and subject-position people: for pronouns and quotes standing alone. */
  private readonly said = new Timeline<Speaker>();
  /** Subjects a pronoun can take up (their mentions). */
  private subjectList: Timeline<Mention> | null = null;
  /** Mentions (indexes) looked up by position, each list in text order, built on first use. */
  private bodyList: { any: number[]; strict: number[] } | null = null;
  private pluralList: number[] | null = null;
  private groupLists: Array<{ free: number[]; quoted: number[]; last: Map<number, Mention> }> = [];
  private quotedSentences: Uint8Array | null = null;
  /** The scan for the last reporting verb before a quotation, carried over to the next quotation of the sentence (`opener`: the next of `openers` to try). */
  private readonly scan = { sentence: -1, k: 0, opener: 0, before: null as VerbGroup | null, reported: false };
  /** The tokens where a verb group can start. */
  private readonly openers: number[];

  /** Adverbs, set phrases and dates that can stand between a verb and its subject (`a déclaré mercredi M. X`): their length at `k`, else 0. */
  private skippable(k: number): number {
    const filler = fillerLength(this.doc.tokens, k);
    if (filler) return filler;
    const comma = this.doc.tokens[k]?.text === ',' && this.dateAt(k + 1) >= 0 ? 1 : 0;
    let n = comma;
    while (this.dateAt(k + n) >= 0) n++;
    if (n > comma && this.doc.tokens[k + n]?.text === ',') n++;
    return n > comma ? n : 0;
  }

  constructor(private readonly doc: Doc, private readonly dateAt: (k: number) => number) {
    this.openers = anchors(doc, VERB_GROUP_OPENER);
  }

  /** People and bodies in subject position outside quotations. */
  private get subjects(): Timeline<Mention> {
    if (this.subjectList) return this.subjectList;
    const subjects = (this.subjectList = new Timeline<Mention>());
    const { entities, quoteOf } = this.doc;
    for (const m of this.doc.mentions) {
      const { type } = m;
      if (type !== 'person' && type !== 'organization' && !(type === 'role' && m.entity >= 0)) continue;
      if (quoteOf[m.first] >= 0 || !this.subjectLike(m) || (type === 'organization' && m.kind === 'news')) continue;
      // the agreement of `speakerOf(m)`
      const agreement =
        m.plural && type === 'role' ? agreementOf(this.group(m) ?? { type: 'place', gender: null })
          : type === 'organization' ? (isNewsSource(m) ? -1 : agreementOf({ type, gender: this.organizationGender(m) }))
            : agreementOf({ type: 'person', gender: entities[m.entity]?.gender ?? m.gender });
      if (agreement >= 0) subjects.push(m.first, m, agreement);
    }
    return subjects;
  }

  private subjectLike(m: Mention): boolean {
    const t = this.doc.tokens[m.first - 1];
    return !t || !PREPOSITIONS.has(t.lower) || t.lower === 'selon';
  }

  speakerOf(m: Mention | undefined, newsAsSubject = false): Speaker | null {
    if (!m) return null;
    if (newsAsSubject && isNewsSource(m)) return { name: m.entity >= 0 ? this.doc.entities[m.entity].name : m.name, type: 'organization', entity: m.entity, gender: null };
    if (m.plural && m.type === 'role') return this.group(m);
    const { entities } = this.doc;
    switch (m.type) {
      case 'person': {
        const e = entities[m.entity];
        return { name: e?.name ?? m.name, type: 'person', entity: m.entity, gender: e?.gender ?? m.gender };
      }
      case 'role': {
        if (m.entity >= 0) return { name: entities[m.entity].name, type: 'person', entity: m.entity, gender: entities[m.entity].gender ?? m.gender };
        return { name: m.name, type: 'person', entity: -1, gender: m.gender };
      }
      case 'organization': {
        if (isNewsSource(m)) return null;
        return { name: m.entity >= 0 ? entities[m.entity].name : m.name, type: 'organization', entity: m.entity, gender: this.organizationGender(m) };
      }
      case 'place':
        return { name: m.name, type: 'place', entity: -1, gender: null };
      case 'country':
        if (m.via === 'demonym' && !this.doc.tokens[m.first].cap) return null;
        return { name: m.name, type: 'country', entity: -1, gender: 'f' };
    }
  }

  /** An organization's gender, else its determiner's. */
  private organizationGender(m: Mention): 'm' | 'f' | null {
    const det = this.doc.tokens[m.first - 1]?.lower;
    return m.gender ?? (det === 'le' || det === 'du' || det === 'au' ? 'm' : det === 'la' ? 'f' : null);
  }

  /** The last of the mentions (indexes into `doc.mentions`, in text order) starting before token `at`, or undefined. */
  private lastMentionBefore(list: number[], at: number): Mention | undefined {
    const { mentions } = this.doc;
    const n = countBefore(list.length, (k) => mentions[list[k]].first, at);
    return n > 0 ? mentions[list[n - 1]] : undefined;
  }

  /**
   * A plural description or pronoun (`les deux dirigeants`, `les trois chefs d'État`, `ils`): the first of the
   * latest people named together (`Kim Jong-un et Moon Jae-in`), or of countries for `les deux pays`.
   */
  group(m: Mention | null, at = m?.first ?? 0): Speaker | null {
    const { tokens, mentions } = this.doc;
    // `les deux pays`, `les deux voisins`: countries; `les deux dirigeants`, `les chefs de la diplomatie des pays du G7`: people
    const head = m ? m.role ?? this.headNoun(m) : '';
    const wantCountries = (m !== null && m.type === 'country') || COUNTRY_HEADS.has(head);
    const { free, quoted, last } = this.groups(wantCountries);
    const sentence = tokens[at].sent;
    const before = countBefore(free.length, (k) => mentions[free[k]].first, at);
    if (before > 0) return this.speakerOf(last.get(free[before - 1]));
    // `Les chefs de la diplomatie d'Iran et d'Arabie saoudite …`, named only later
    const after = countBefore(free.length, (k) => mentions[free[k]].first, at + 1);
    if (after < free.length && tokens[mentions[free[after]].first].sent <= sentence + 3) return this.speakerOf(last.get(free[after]));
    // named together only in what they said (`« La Corée du Sud et la Corée du Nord confirment … », ajoutent-ils`)
    const inQuote = countBefore(quoted.length, (k) => mentions[quoted[k]].first, at);
    if (inQuote > 0 && tokens[mentions[quoted[inQuote - 1]].first].sent >= sentence - 2) return this.speakerOf(last.get(quoted[inQuote - 1]));
    return m ? { name: m.name, type: 'person', entity: -1, gender: null } : null;
  }

  /** The first noun of a mention that is not a small number (`les deux dirigeants`: `dirigeants`), or ''. */
  private headNoun(m: Mention): string {
    for (let k = m.first; k < m.last; k++) {
      const t = this.doc.tokens[k];
      if (t.pos & POS.NOUN && !(t.pos & POS.DET) && !SMALL_NUMBERS.has(t.lower)) return t.lower;
    }
    return '';
  }

  /** The mentions named together with others (see `groupAround`), outside and inside quotations, and the last of each group. */
  private groups(countries: boolean): { free: number[]; quoted: number[]; last: Map<number, Mention> } {
    const key = countries ? 1 : 0;
    let groups = this.groupLists[key];
    if (groups) return groups;
    groups = this.groupLists[key] = { free: [], quoted: [], last: new Map() };
    for (let k = 0; k < this.doc.mentions.length; k++) {
      const last = this.groupAround(k, countries);
      if (!last) continue;
      groups.last.set(k, last);
      (this.doc.quoteOf[this.doc.mentions[k].first] >= 0 ? groups.quoted : groups.free).push(k);
    }
    return groups;
  }

  /** If mention `k` is one of several people (or countries) named together, the last of them (its surname names the group best). */
  private groupAround(k: number, countries: boolean): Mention | null {
    const { tokens, mentions } = this.doc;
    const fits = (y: Mention): boolean => (countries ? y.type === 'country' && y.via === 'name' : y.type === 'person');
    if (!fits(mentions[k])) return null;
    const joined = (a: Mention, b: Mention): boolean => {
      if (b.first < a.last || b.first - a.last > 4) return false;
      for (let i = a.last; i < b.first; i++) {
        const t = tokens[i];
        if (t.lower === 'et' || t.text === ',' || t.lower === 'le' || t.lower === 'la' || t.lower === "l'") continue;
        if (this.doc.mentionAt[i] >= 0 && mentions[this.doc.mentionAt[i]].type === 'role') continue;
        return false;
      }
      return true;
    };
    let first = k;
    let last = k;
    for (let j = k - 1; j >= 0 && k - j < 6; j--) if (fits(mentions[j]) && joined(mentions[j], mentions[first])) first = j;
    for (let j = k + 1; j < mentions.length && j - k < 6; j++) if (fits(mentions[j]) && joined(mentions[last], mentions[j])) last = j;
    return first === last ? null : mentions[last];
  }

  /** The top-level mention covering token `i`. */
  private mentionAt(i: number): Mention | undefined {
    const k = this.doc.mentionAt[i];
    return k >= 0 ? this.doc.mentions[k] : undefined;
  }

  remember(at: number, speaker: Speaker | null): void {
    if (speaker) this.said.push(at, speaker, agreementOf(speaker));
  }

  /** The last speaker or subject before token `at` agreeing with the pronoun (null: any, people first). */
  salient(at: number, pronoun: string | null, floorSentence = 0, cataphora = false): Speaker | null {
    if (pronoun === 'ils' || pronoun === 'elles') return this.pluralSubject(at);
    if (pronoun === 'on' || pronoun === 'je' || pronoun === 'nous') return null;
    const { tokens, sentences } = this.doc;
    const sentence = tokens[at].sent;
    const floor = floorSentence ? sentences[Math.max(0, sentence - floorSentence)].first : 0;
    const people = pronoun === 'il' ? MAN : pronoun === 'elle' ? WOMAN : MAN | WOMAN;
    const bodies = pronoun === 'il' ? MASCULINE_BODY : pronoun === 'elle' ? FEMININE_BODY : 0;
    // people first: a body is `il` or `elle` only when no person of that gender was named before, and only in the sentence or the one before
    const person = this.latest(people, at, floor);
    if (person) return person.speaker;
    const body = bodies ? this.latest(bodies, at, floor) : null;
    if (body && body.at >= sentences[Math.max(0, sentence - 1)].first) return body.speaker;
    if (pronoun === 'elle') {
      // `elle` may be a body or a country (`la Commission`, `la Russie`)
      // a subject or a topic (`Pour l'Ukraine, …`) first, then any
      const { any, strict } = this.bodies;
      for (const list of [strict, any]) {
        const m = this.lastMentionBefore(list, at);
        if (m && m.first >= floor) return this.speakerOf(m);
      }
    }
    if (cataphora && (pronoun === 'il' || pronoun === 'elle')) {
      // cataphora: `« … », explique-t-il. Le président iranien Massoud Pezeshkian s'exprimait…`
      const limit = sentences[Math.min(sentences.length - 1, sentence + 1)].last;
      const next = this.subjects.firstAgreeingAfter(people | bodies, at);
      if (next >= 0 && this.subjects.at[next] < limit) return this.speakerOf(this.subjects.items[next]);
    }
    return null;
  }

  /** The latest speaker or subject of the agreements before token `at` and from token `floor`: the speaker on a tie. */
  private latest(agreements: number, at: number, floor: number): { at: number; speaker: Speaker } | null {
    const said = this.said.lastAgreeingBefore(agreements, at);
    const subject = this.subjects.lastAgreeingBefore(agreements, at);
    const saidAt = said >= 0 ? this.said.at[said] : -1;
    const subjectAt = subject >= 0 ? this.subjects.at[subject] : -1;
    if (saidAt >= floor && saidAt >= subjectAt) return { at: saidAt, speaker: this.said.items[said] };
    if (subjectAt >= floor) return { at: subjectAt, speaker: this.speakerOf(this.subjects.items[subject])! };
    return null;
  }

  /** Organizations and countries by name outside quotations; `strict`: those in subject or topic position. */
  private get bodies(): { any: number[]; strict: number[] } {
    if (this.bodyList) return this.bodyList;
    const { tokens, mentions, quoteOf } = this.doc;
    const bodies = (this.bodyList = { any: [] as number[], strict: [] as number[] });
    const topic = (t: Token | undefined): boolean => t !== undefined && (t.lower === 'pour' || t.lower === 'selon');
    for (let k = 0; k < mentions.length; k++) {
      const m = mentions[k];
      if (quoteOf[m.first] >= 0 || !(m.type === 'organization' || (m.type === 'country' && m.via === 'name'))) continue;
      bodies.any.push(k);
      if (this.subjectLike(m) || topic(tokens[m.first - 1]) || topic(tokens[m.first - 2])) bodies.strict.push(k);
    }
    return bodies;
  }

  /** `ils`: the latest plural subject (`les chefs de la diplomatie du G7`), else the latest people named together. */
  private pluralSubject(at: number): Speaker | null {
    const { mentions, tokens, quoteOf } = this.doc;
    if (!this.pluralList) {
      this.pluralList = [];
      for (let k = 0; k < mentions.length; k++) {
        const m = mentions[k];
        if (quoteOf[m.first] < 0 && m.plural && (m.type === 'role' || m.type === 'organization') && this.subjectLike(m)) this.pluralList.push(k);
      }
    }
    const floor = this.doc.sentences[Math.max(0, tokens[at].sent - 2)].first;
    const m = this.lastMentionBefore(this.pluralList, at);
    if (m && m.first >= floor) return this.speakerOf(m);
    return this.group(null, at);
  }

  /** The subject after an inverted verb (`a déclaré M. Poutine`, `a indiqué à l'AFP le ministère`). */
  private subjectAfter(from: number, limit: number): Speaker | null {
    const { tokens } = this.doc;
    for (let skip = this.skippable(from); skip && from + skip < limit; skip = this.skippable(from)) from += skip;
    for (let j = from; j < limit && j < from + 14; j++) {
      const t = tokens[j];
      if (CLAUSE_END.has(t.text) || t.kind === Kind.Quote) break;
      if (t.lower === 'qui' || t.lower === 'que') break;
      const m = this.mentionAt(j);
      if (m) {
        const prev = tokens[m.first - 1];
        // `cité par TASS`, `à l'AFP`: the news agency is the source, not the speaker; `écrit Le Monde` makes it the speaker
        if (isNewsSource(m) && (j > from || (prev && PREPOSITIONS.has(prev.lower)))) {
          j = m.last - 1;
          continue;
        }
        if (isNewsSource(m)) return { name: m.name, type: 'organization', entity: m.entity, gender: null };
        if (m.type === 'country' && m.via === 'demonym' && !tokens[m.first].cap) continue;
        if (prev && COMPLEMENT_OPENERS.has(prev.lower) && m.type !== 'person' && m.type !== 'role') {
          j = m.last - 1;
          continue;
        }
        const speaker = this.speakerOf(m);
        if (speaker) return speaker;
        j = m.last - 1;
        continue;
      }
      // `se souvient Ahmed, 62 ans`: a capitalised name no gazetteer knows
      if (j === from && t.cap && t.kind === Kind.Word && (!t.lex || t.lex.pos & POS.PROPN)) return { name: t.text, type: 'person', entity: -1, gender: null };
      // `déclare un porte-parole`: a source named by common nouns right after the verb
      const described = j === from && !PREPOSITIONS.has(t.lower) ? describedPhrase(tokens, j, limit) : null;
      if (described) return described;
      if (this.dateAt(j) >= 0) continue;
    }
    return null;
  }

  /** The subject of a verb group that is not inverted: the phrase before it, over clitics, adverbs and a comma-enclosed incise. */
  private subjectBefore(group: VerbGroup, floor: number): Speaker | null {
    const { tokens, quoteOf, quotes } = this.doc;
    let j = group.first - 1;
    for (let guard = 0; guard < 7 && j >= floor; guard++) {
      while (j >= floor && tokens[j].kind === Kind.Word && (CLITICS.has(tokens[j].lower) || (tokens[j].pos & (POS.ADV | POS.NEG) && !(tokens[j].pos & (POS.NOUN | POS.PROPN)) && !SUBJECT_PRONOUNS.has(tokens[j].lower)))) j--;
      if (j < floor) break;
      const t = tokens[j];
      if (t.lower === 'qui') {
        let k = j - 1;
        if (tokens[k]?.text === ',') k--;
        const m = k >= floor ? this.mentionEndingAt(k) : undefined;
        return m ? this.speakerOf(m) : null;
      }
      if (SUBJECT_PRONOUNS.has(t.lower)) return this.salient(j, t.lower === "j'" ? 'je' : t.lower);
      if (t.text === ',') {
        // `La porte-parole du ministère, Maria Zakharova, a qualifié`, `X, de son côté, a dit`
        const m = this.mentionEndingAt(j - 1);
        if (m && (m.type === 'person' || m.type === 'role')) return this.speakerOf(m);
        let c = j - 1;
        while (c >= floor && tokens[c].text !== ',' && tokens[c].kind !== Kind.Quote) c--;
        if (c < floor) break;
        j = c - 1;
        continue;
      }
      const m = this.mentionEndingAt(j) ?? this.quotedName(j);
      if (m) return this.speakerOf(m, true) ?? null;
      const unknown = unknownName(tokens, j, floor);
      if (unknown) return unknown;
      // `des milliers de manifestants scandaient`: a group named by common nouns
      if (t.kind === Kind.Word && t.pos & POS.NOUN && !t.cap && /[sx]$/.test(t.lower)) {
        let k = j;
        while (k > floor && tokens[k - 1].kind === Kind.Word && !DETERMINERS_AND_LINKS.has(tokens[k - 1].lower) && tokens[k - 1].pos & (POS.NOUN | POS.ADJ) && !(tokens[k - 1].pos & (POS.VERB | POS.PREP))) k--;
        const phrase = describedPhrase(tokens, k, j + 1);
        if (phrase && quoteOf[k] < 0) return (tokens[k].lower === 'les' || tokens[k].lower === 'des') && SMALL_NUMBERS.has(tokens[k + 1]?.lower ?? '') ? this.group({ ...emptyGroup, first: k, last: j + 1, name: phrase.name, type: ['pays', 'voisins', 'nations', 'parties', 'capitales'].includes(t.lower) ? 'country' : 'role' } as Mention, k) : phrase;
      }
      break;
    }
    // the first person (or body) in subject position before the verb
    for (let k = floor; k < group.first; k++) {
      if (quoteOf[k] >= 0) {
        k = quotes[quoteOf[k]].close;
        continue;
      }
      const m = this.mentionAt(k);
      if (m && m.last <= group.first && this.subjectLike(m) && (m.type === 'person' || m.type === 'role' || m.type === 'organization')) {
        const s = this.speakerOf(m, true);
        if (s) return s;
      }
      if (m) k = m.last - 1;
    }
    return null;
  }

  /** `L'organisation « Médecins sans frontières » a riposté`: the name a quotation closing at token `k` holds, filling it. */
  private quotedName(k: number): Mention | undefined {
    const { tokens, quoteOf, quotes } = this.doc;
    if (tokens[k]?.kind !== Kind.Quote || quoteOf[k] < 0) return undefined;
    const q = quotes[quoteOf[k]];
    if (q.close !== k) return undefined;
    const m = this.mentionAt(q.open + 1);
    return m && m.first === q.open + 1 && m.last === q.close && (m.type === 'organization' || m.type === 'person') ? m : undefined;
  }

  private mentionEndingAt(k: number): Mention | undefined {
    const m = this.mentionAt(k);
    return m && m.last === k + 1 ? m : undefined;
  }

  /** The first subject of the sentence before token `upTo` (a gerund's or a colon's subject). */
  private mainSubject(first: number, upTo: number): Speaker | null {
    const { tokens, quoteOf, quotes } = this.doc;
    for (let k = first; k < upTo; k++) {
      if (quoteOf[k] >= 0) {
        k = quotes[quoteOf[k]].close;
        continue;
      }
      const m = this.mentionAt(k);
      if (m && this.subjectLike(m)) {
        const s = this.speakerOf(m);
        if (s) return s;
        k = m.last - 1;
      }
      if (SUBJECT_PRONOUNS.has(tokens[k].lower)) return this.salient(k, tokens[k].lower);
    }
    return null;
  }

  /** `selon X`, `d'après X`, `pour X,` starting at token `i` (the preposition): X's speaker. */
  private phraseSpeaker(i: number, limit: number): Speaker | null {
    const { tokens } = this.doc;
    let k = i + 1;
    if (tokens[i].lower === "d'" && tokens[i + 1]?.lower === 'après') k++;
    const t = tokens[k];
    if (!t || k >= limit) return null;
    if (t.lower === 'lui' || t.lower === 'elle') return this.salient(k, t.lower === 'lui' ? 'il' : 'elle');
    for (let j = k; j < limit && j < k + 8; j++) {
      if (CLAUSE_END.has(tokens[j].text) || tokens[j].text === ',') break;
      const m = this.mentionAt(j);
      if (m) {
        if (isNewsSource(m)) return null;
        const s = this.speakerOf(m);
        if (s) return s;
        j = m.last - 1;
      }
    }
    // `selon le communiqué`: whoever issued it
    let d = k;
    while (d < limit && DETERMINERS_AND_LINKS.has(tokens[d].lower)) d++;
    if (tokens[d] && DOCUMENT_HEADS.has(tokens[d].lower)) return this.documentIssuer({ first: d, last: d, cue: '', finite: true, gerund: false, infinitive: false, pronoun: 'on' }, limit);
    const described = describedPhrase(tokens, k, limit);
    return described && /^(?:deux|trois|quatre)\s/i.test(described.name) ? this.group(null, k) ?? described : described;
  }

  /** The last reporting verb before token `open` in the sentence from token `first` (`X a déclaré : « … »`, `X a « salué »`, `…, estimant que « … »`). */
  private lastReportingVerb(sentence: number, first: number, open: number): VerbGroup | null {
    const { tokens } = this.doc;
    const { openers } = this;
    // the tokens before a quotation read the same for the next one (a verb group never runs into a quotation mark): read on from there
    const scan = this.scan;
    if (scan.sentence !== sentence || scan.k > open) Object.assign(scan, { sentence, k: first, opener: countBefore(openers.length, (a) => openers[a], first), before: null, reported: false });
    let { k, opener, before, reported } = scan;
    while (k < open) {
      if (reported) {
        // `Alors que X avait espéré que …, une déclaration a indiqué que …`: a comma ends the reported clause
        while (k < open && !(tokens[k].text === ',' && (tokens[k + 1]?.cap || isDeterminerWord(tokens[k + 1]?.lower ?? '')))) k++;
        if (k === open) break;
        reported = false;
        k++;
        continue;
      }
      // only where a verb group can start
      while (opener < openers.length && openers[opener] < k) opener++;
      if (opener === openers.length || openers[opener] >= open) {
        k = open;
        break;
      }
      k = openers[opener];
      const g = tokens[k].kind === Kind.Word ? verbGroupAt(tokens, k, open) : null;
      if (!g) {
        k++;
        continue;
      }
      before = g;
      k = g.last;
      // `X a averti que l'offensive se poursuivrait « … »`: what follows `que` is the reported clause
      let n = g.last;
      for (let skip = this.skippable(n); skip && n < open; skip = this.skippable(n)) n += skip;
      if (tokens[n]?.lower === 'que' || tokens[n]?.lower === "qu'") reported = true;
    }
    Object.assign(scan, { k, opener, before, reported });
    return before;
  }

  attribute(q: QuoteSpan): Attribution {
    const { tokens, sentences, quoteOf, quotes } = this.doc;
    const s0 = tokens[q.open].sent;
    const s1 = tokens[q.close].sent;
    const opening = sentences[s0].first;
    const frame = { first: Math.max(opening, q.open - REACH), last: Math.min(sentences[s1].last, q.close + 1 + REACH) };
    const none: Attribution = { speaker: null, verb: null, weak: false };

    // `"…" (Alexandre Loukachenko)`: a headline signed in parentheses, the name filling them
    if (tokens[q.close + 1]?.text === '(') {
      const m = this.mentionAt(q.close + 2);
      if (m && tokens[m.last]?.text === ')' && (m.type === 'person' || m.type === 'role' || m.type === 'organization')) return { ...none, speaker: this.speakerOf(m) };
    }
    // `« … », a déclaré X`, `« … », a-t-il insisté`, `« … » raille Kiev`, `« … », peut-on lire dans le communiqué`
    let j = q.close + 1;
    if (tokens[j]?.text === ',' || tokens[j]?.text === '-' || tokens[j]?.text === '–') j++;
    const immediate = j < frame.last ? verbGroupAt(tokens, j, frame.last, true) : null;
    if (immediate && (immediate.finite || immediate.pronoun)) return { speaker: this.inverted(immediate, frame.last), verb: immediate, weak: false };
    // `« Nous sommes prêts, a-t-il dit, à discuter »`
    for (let k = q.open + 2; k < q.close - 1; k++) {
      if (tokens[k - 1].text !== ',') continue;
      const g = verbGroupAt(tokens, k, q.close);
      if (!g || !g.finite) continue;
      const speaker = this.inverted(g, q.close);
      if (g.pronoun || speaker) return { speaker, verb: g, weak: false };
    }
    // `X a déclaré : « … »`, `X a « salué »`, `…, estimant que « … »`: the last reporting verb before it
    let before = this.lastReportingVerb(s0, opening, q.open);
    if (!before && isFiniteAux(tokens[q.open - 1])) {
      // `X a « salué »`: the participle inside the quotation
      const inner = tokens[q.open + 1] ? isReporting(tokens[q.open + 1]) : undefined;
      if (inner && tensesOf(tokens[q.open + 1].lex) & TENSE.K) before = { first: q.open - 1, last: q.open, cue: inner.lemma, finite: true, gerund: false, infinitive: false, pronoun: null };
    }
    if (before) {
      const speaker = this.verbSubject(before, frame.first, q.open);
      if (speaker) return { speaker, verb: before, weak: false };
    }
    // `Les trois chefs d'États « ont décidé de franchir … »`: the subject before a quotation that goes on with its verb
    const inner = tokens[q.open + 1];
    if (!before && inner && inner.pos & (POS.VERB | POS.AUX) && tensesOf(inner.lex) & FINITE && !(inner.pos & (POS.NOUN | POS.DET | POS.PRON)) && !inner.cap) {
      const m = this.mentionEndingAt(q.open - 1);
      if (m && (m.type === 'person' || m.type === 'role' || m.type === 'organization')) return { ...none, speaker: this.speakerOf(m) };
      let k = q.open - 1;
      const nominal = (t: Token): boolean => t.kind === Kind.Word && (t.pos & (POS.NOUN | POS.ADJ)) !== 0 && !(t.pos & (POS.VERB | POS.PRON | POS.PREP)) && !DETERMINERS_AND_LINKS.has(t.lower);
      if (SUBJECT_PRONOUNS.has(tokens[k]?.lower ?? '')) return { ...none, speaker: this.salient(k, tokens[k].lower) };
      while (k > frame.first && nominal(tokens[k - 1]) && q.open - k < 5) k--;
      if (k < q.open && k > frame.first && ['les', 'le', 'la', "l'"].includes(tokens[k - 1].lower)) {
        const phrase = describedPhrase(tokens, k - 1, q.open);
        if (phrase) return { ...none, speaker: ['deux', 'trois', 'quatre', 'cinq'].includes(tokens[k]?.lower ?? '') ? this.group({ ...emptyGroup, first: k - 1, last: q.open, name: phrase.name, type: 'role' } as Mention, k - 1) ?? phrase : phrase };
      }
    }

    if (tokens[j] && (tokens[j].lower === 'selon' || (tokens[j].lower === "d'" && tokens[j + 1]?.lower === 'après'))) {
      const speaker = this.phraseSpeaker(j, frame.last);
      if (speaker) return { ...none, speaker };
    }

    // a later reporting verb: `« … » dans le pays, a souligné M. Borrell`, `« … » et Mario Draghi l'a promis`
    for (let k = q.close + 1; k < frame.last; k++) {
      if (quoteOf[k] >= 0) {
        k = quotes[quoteOf[k]].close;
        continue;
      }
      if (tokens[k].kind !== Kind.Word) continue;
      const g = verbGroupAt(tokens, k, frame.last);
      if (!g) continue;
      const speaker = this.verbSubject(g, q.close + 1, frame.last);
      if (speaker) return { speaker, verb: g, weak: false };
      k = g.last - 1;
    }
    // `le « raz de marée » espéré par les syndicats`: a participle and its agent
    if (tokens[q.close + 1]?.kind === Kind.Word && tensesOf(tokens[q.close + 1].lex) & TENSE.K && tokens[q.close + 2]?.lower === 'par') {
      const agent = this.mentionAt(q.close + 3) ?? (tokens[q.close + 3] && ['le', 'la', 'les', "l'"].includes(tokens[q.close + 3].lower) ? this.mentionAt(q.close + 4) : undefined);
      const speaker = agent ? this.speakerOf(agent) : describedPhrase(tokens, q.close + 3, frame.last);
      if (speaker) return { ...none, speaker };
    }
    // `selon X` anywhere in the sentence; `Pour X, « … »`
    for (let k = frame.first; k < frame.last; k++) {
      if (k === q.open) {
        k = q.close;
        continue;
      }
      const w = tokens[k].lower;
      if (w === 'selon' || (w === "d'" && tokens[k + 1]?.lower === 'après') || (w === 'pour' && (k === opening || tokens[k - 1].text === ',') && k < q.open)) {
        const speaker = this.phraseSpeaker(k, w === 'pour' ? q.open : frame.last);
        if (speaker) return { ...none, speaker };
      }
    }
    // `… les deux chefs d'État, Alexandre Loukachenko et Vladimir Poutine : « … »`: the last person before the colon
    if (tokens[q.open - 1]?.text === ':') {
      for (let k = q.open - 2; k >= frame.first; k--) {
        if (quoteOf[k] >= 0) {
          k = quotes[quoteOf[k]].open;
          continue;
        }
        const m = this.mentionAt(k);
        if (m && (m.type === 'person' || (m.type === 'role' && m.entity >= 0))) return { ...none, speaker: this.speakerOf(m) };
      }
      const subject = this.mainSubject(frame.first, q.open - 1);
      if (subject) return { ...none, speaker: subject };
    }
    if (before) return { speaker: before.infinitive ? this.salient(q.open, null, 3) : null, verb: before, weak: before.infinitive };
    // `« … »` then a line `Angela Merkel, chancelière allemande`
    const next = sentences[s1 + 1];
    if (next && tokens[next.first].gap >= Gap.Line && next.last - next.first <= 10) {
      const m = this.mentionAt(next.first);
      if (m && (m.type === 'person' || m.type === 'role')) return { ...none, speaker: this.speakerOf(m) };
    }
    if (!this.wordsAround(q, frame)) {
      // a quotation standing alone continues the speaker of the sentence before, or is explained by the one after
      // (`« … ». C'est ainsi qu'Emmanuel Macron a voulu dire…`)
      if (!(s0 > 0 && this.opensQuotation(s0 - 1)) && next && tokens[next.first].gap < Gap.Paragraph) {
        const last = Math.min(next.last, next.first + REACH);
        for (let k = next.first; k < last; k++) {
          if (quoteOf[k] >= 0) {
            k = quotes[quoteOf[k]].close;
            continue;
          }
          const g = tokens[k].kind === Kind.Word ? verbGroupAt(tokens, k, last) : null;
          if (!g) continue;
          const speaker = this.verbSubject(g, next.first, last);
          if (speaker) return { speaker, verb: null, weak: true };
          k = g.last - 1;
        }
      }
      return { ...none, speaker: this.salient(q.open, null, 3), weak: true };
    }
    return none;
  }

  /** Whether a word stands in the frame outside the quotation (another quotation's words count). */
  private wordsAround(q: QuoteSpan, frame: { first: number; last: number }): boolean {
    const { tokens } = this.doc;
    for (let k = q.open - 1; k >= frame.first; k--) if (tokens[k].kind === Kind.Word) return true;
    for (let k = q.close + 1; k < frame.last; k++) if (tokens[k].kind === Kind.Word) return true;
    return false;
  }

  /** Whether a quotation opens in the sentence. */
  private opensQuotation(sentence: number): boolean {
    if (!this.quotedSentences) {
      this.quotedSentences = new Uint8Array(this.doc.sentences.length);
      for (const o of this.doc.quotes) this.quotedSentences[this.doc.tokens[o.open].sent] = 1;
    }
    return this.quotedSentences[sentence] === 1;
  }

  /** The subject of an inverted verb group: its pronoun, else the phrase after it. */
  private inverted(g: VerbGroup, limit: number): Speaker | null {
    if (g.pronoun === 'on') return this.documentIssuer(g, limit);
    // `ont-ils ajouté dans un communiqué commun, les ministres du G7`: a dislocated subject names the group
    if (g.pronoun === 'ils' || g.pronoun === 'elles') {
      const { tokens } = this.doc;
      for (let k = g.last; k < limit && k < g.last + 12; k++) {
        if (CLAUSE_END.has(tokens[k].text) || tokens[k].kind === Kind.Quote) break;
        if (tokens[k].text !== ',') continue;
        const m = this.mentionAt(k + 1);
        if (m) return this.speakerOf(m);
        return describedPhrase(tokens, k + 1, limit);
      }
      return this.salient(g.first, g.pronoun);
    }
    return g.pronoun ? this.salient(g.first, g.pronoun, 0, true) : this.subjectAfter(g.last, limit);
  }

  /** The subject of a reporting verb group found before or after a quotation, within tokens [floor, limit). */
  private verbSubject(g: VerbGroup, floor: number, limit: number): Speaker | null {
    const { tokens } = this.doc;
    if (g.gerund) return this.gerundSubject(g, floor);
    if (g.pronoun) return this.inverted(g, limit);
    // `…, a précisé M. Zelensky selon lequel…`: after a quotation, or a comma that closes no apposition, the verb is inverted
    const prev = tokens[g.first - 1];
    const appositionType = prev?.text === ',' ? this.mentionEndingAt(g.first - 2)?.type : undefined;
    const apposition = appositionType === 'person' || appositionType === 'role';
    let next = g.last;
    for (let skip = this.skippable(next); skip; skip = this.skippable(next)) next += skip;
    const subjectFollows = tokens[next] !== undefined && next < limit && !PREPOSITIONS.has(tokens[next].lower) && tokens[next].lower !== 'que' && tokens[next].lower !== "qu'" && (tokens[next].cap || isDeterminerWord(tokens[next].lower) || this.doc.mentionAt[next] >= 0);
    // `…, entre les présidents X et Y, a annoncé le Kremlin.`: a subject that ends the clause after the verb wins over an apposition before it
    const closing = subjectFollows && this.closesClause(next, limit);
    if (prev && ((prev.text === ',' && (!apposition || closing) && subjectFollows) || prev.kind === Kind.Quote)) {
      const after = this.subjectAfter(g.last, limit);
      if (after) return after;
    }
    if (g.infinitive) {
      let k = g.first - 1;
      if (tokens[k] && (tokens[k].lower === 'à' || tokens[k].lower === 'de' || tokens[k].lower === "d'")) k--;
      if (!tokens[k] || k < floor || !(tokens[k].pos & (POS.VERB | POS.AUX))) return null;
      if (tensesOf(tokens[k].lex) & TENSE.K && isFiniteAux(tokens[k - 1])) k--;
      return this.subjectBefore({ ...g, first: k }, floor);
    }
    return this.subjectBefore(g, floor);
  }

  /** Whether a mention (after a determiner) at `k` is followed by the end of its clause. */
  private closesClause(k: number, limit: number): boolean {
    const { tokens } = this.doc;
    if (isDeterminerWord(tokens[k]?.lower ?? '')) k++;
    const m = this.mentionAt(k);
    if (!m || m.first !== k) return false;
    const after = tokens[m.last];
    return m.last >= limit || !after || CLAUSE_END.has(after.text) || after.text === ',';
  }

  /** `peut-on lire dans le communiqué`: whoever issued the document the article cites. */
  private documentIssuer(g: VerbGroup, limit: number): Speaker | null {
    const { tokens, sentences, quoteOf } = this.doc;
    for (let k = g.last; k < limit && k < g.last + 8; k++) {
      const m = this.mentionAt(k);
      if (m && m.type !== 'country') return this.speakerOf(m);
    }
    // the subject of the last sentence that mentions a communiqué
    const s = tokens[g.first].sent;
    for (let t = s; t >= Math.max(0, s - 3); t--) {
      const sentence = sentences[t];
      // the subject is read from the sentence's start, so the last mention of a document finds whatever an earlier one would
      let last = -1;
      for (let k = sentence.first; k < sentence.last && k < sentence.first + REACH; k++) if (DOCUMENT_WORDS.has(tokens[k].lower) && quoteOf[k] < 0) last = k;
      const subject = last >= 0 ? this.mainSubject(sentence.first, last) : null;
      if (subject) return subject;
    }
    return null;
  }

  /** Subject of a gerund: the attribution before it in the sentence (`« … », a-t-elle insisté, ajoutant que`), else the main clause's. */
  private gerundSubject(gerund: VerbGroup, floor: number): Speaker | null {
    const { tokens } = this.doc;
    // `la présidente de la Commission saluant…`: an absolute construction
    const adjacent = this.mentionEndingAt(gerund.first - 1);
    if (adjacent && (adjacent.type === 'person' || adjacent.type === 'role' || adjacent.type === 'organization')) return this.speakerOf(adjacent);
    for (let k = gerund.first - 1; k >= floor; k--) {
      // a participle is read from its auxiliary, met next
      if (tokens[k].kind !== Kind.Word || isFiniteAux(tokens[k - 1]) || (tokens[k - 1] && fillerLength(tokens, k - 1) && isFiniteAux(tokens[k - 2]))) continue;
      const g = verbGroupAt(tokens, k, gerund.first);
      if (g && g.finite && g.last <= gerund.first) {
        if (g.pronoun) return this.salient(g.first, g.pronoun);
        const inverted = tokens[k - 1]?.kind === Kind.Quote || (tokens[k - 1]?.text === ',' && tokens[k - 2]?.kind === Kind.Quote);
        if (inverted) return this.subjectAfter(g.last, gerund.first);
        return this.subjectBefore(g, floor);
      }
    }
    return this.mainSubject(floor, gerund.first) ?? this.lastSpeaker(gerund.first);
  }

  /** The speaker of the last quotation within the two sentences before token `at`, person or body. */
  private lastSpeaker(at: number): Speaker | null {
    const floor = this.doc.sentences[Math.max(0, this.doc.tokens[at].sent - 2)].first;
    const k = this.said.lastBefore(at);
    return k >= 0 && this.said.at[k] >= floor ? this.said.items[k] : null;
  }

  /** `Le président ... qui a qualifié de « … »`: whether the quotation (its words `quoted`) names a title or a thing. */
  isTitleOrName(q: QuoteSpan, quoted: string): boolean {
    const { tokens } = this.doc;
    const before = tokens[q.open - 1];
    if (before && TITLE_WORDS.get(before.lower) === 'title') return true;
    const nameLike = !CLOSING_PUNCTUATION.has(quoted.charCodeAt(quoted.length - 1)) && startsUpperCase(quoted) && countWords(quoted, 7) <= 6;
    if (!nameLike) return false;
    for (let k = q.open - 1; k >= Math.max(0, q.open - 5); k--) {
      const t = tokens[k];
      if (t.kind !== Kind.Word) break;
      if (TITLE_WORDS.has(t.lower)) return true;
      if (isReporting(t)) return false;
    }
    return false;
  }
}

/** The date an utterance was made: a date next to its reporting verb (`a assuré lundi`), never one inside the quotation. */
function utteranceDate(doc: Doc, verb: VerbGroup, dates: DateMention[], dateAt: (k: number) => number, q: QuoteSpan): string | null {
  const { tokens } = doc;
  const at = (k: number): DateMention | undefined => (dateAt(k) >= 0 ? dates[dateAt(k)] : undefined);
  // within the group (`a, lundi, déclaré`) or right after it (`a déclaré lundi`, `a annoncé, vendredi 16 février,`)
  for (let k = verb.first; k < Math.min(tokens.length, verb.last + 2); k++) {
    if (k >= q.open && k <= q.close) break;
    const d = at(k);
    if (d?.value) return d.value;
    if (k >= verb.last && tokens[k].text !== ',') break;
  }
  // `Aujourd'hui, X a déclaré`: a date opening the sentence
  const s = doc.sentences[tokens[verb.first].sent];
  const first = at(s.first);
  if (first?.value && s.first < verb.first && (s.first < q.open || s.first > q.close)) {
    let k = s.first;
    while (k < verb.first && dateAt(k) >= 0) k++;
    if (tokens[k]?.text === ',') return first.value;
  }
  return null;
}

/** The dates of tokens: a token is in the first date (by start) that has not ended before it, if that date holds it. */
class TokenDates {
  private readonly order: number[];
  /** The furthest end of the dates in `order` up to each. */
  private readonly reach: number[];

  constructor(private readonly tokens: Token[], private readonly dates: DateMention[]) {
    this.order = dates.map((_, k) => k).sort((a, b) => dates[a].start - dates[b].start);
    let reach = -Infinity;
    this.reach = this.order.map((d) => (reach = Math.max(reach, dates[d].end)));
  }

  /** The date (index in `dates`) holding token `k`, or -1. */
  at(k: number): number {
    const t = this.tokens[k];
    if (!t || !this.order.length) return -1;
    const first = countBefore(this.order.length, (j) => this.reach[j], t.start + 1);
    if (first === this.order.length) return -1;
    const d = this.order[first];
    return this.dates[d].start <= t.start && t.end <= this.dates[d].end ? d : -1;
  }
}

/** What a character becomes in `fold`, when it is one code unit: 0 not known yet, SPACE, DROPPED, COMPLEX, or the folded code unit. */
const FOLDED_UNIT = new Uint16Array(0x10000);
const SPACE = 0x20;
const DROPPED = 0xfffe;
/** Folded by `FOLDED_STRING` (several code units), or not on its own (surrogate halves; `Σ`, lower-cased by its place in the word). */
const COMPLEX = 0xffff;
const FOLDED_STRING = new Map<number, string | null>();

function foldedUnit(c: number): number {
  let unit = FOLDED_UNIT[c];
  if (unit === 0) {
    const folded = (c >= 0xd800 && c <= 0xdfff) || c === 0x3a3 ? null : String.fromCharCode(c).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, ' ');
    unit = folded === null || folded.length > 1 ? COMPLEX : folded.length === 0 ? DROPPED : folded.charCodeAt(0);
    if (unit === COMPLEX) FOLDED_STRING.set(c, folded);
    FOLDED_UNIT[c] = unit;
  }
  return unit;
}

/** Quotations folded for comparison (no accents, no case, no punctuation), one after the other: the keys of the long groups, then the one read last. */
class FoldedKeys {
  /** Shared by the articles, one at a time. */
  private static buffer = new Uint16Array(4096);
  private units = FoldedKeys.buffer;
  /** Where each kept key starts, then where the candidate starts. */
  private readonly starts: number[] = [0];
  /** Where the candidate ends. */
  private end = 0;

  /** Folds `text` as the candidate key, after the kept ones; its length. */
  fold(text: string): number {
    const from = this.starts[this.starts.length - 1];
    // a canonical decomposition has at most 4 characters
    if (this.units.length < from + 4 * text.length) {
      const grown = new Uint16Array(2 * (from + 4 * text.length));
      grown.set(this.units.subarray(0, from));
      this.units = FoldedKeys.buffer = grown;
    }
    const out = this.units;
    let n = from;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const unit = foldedUnit(c);
      if (unit === DROPPED) continue;
      if (unit !== COMPLEX) {
        out[n++] = unit;
        continue;
      }
      const folded = FOLDED_STRING.get(c);
      if (folded === null || folded === undefined) return this.put(from, text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim());
      for (let j = 0; j < folded.length; j++) out[n++] = folded.charCodeAt(j);
    }
    // runs of spaces make one, none at the ends
    let m = from;
    for (let k = from; k < n; k++) if (out[k] !== SPACE || (m > from && out[m - 1] !== SPACE)) out[m++] = out[k];
    if (m > from && out[m - 1] === SPACE) m--;
    this.end = m;
    return m - from;
  }

  private put(from: number, folded: string): number {
    for (let k = 0; k < folded.length; k++) this.units[from + k] = folded.charCodeAt(k);
    this.end = from + folded.length;
    return folded.length;
  }

  /** Keeps the candidate as the key of the next long group. */
  keep(): void {
    this.starts.push(this.end);
  }

  get count(): number {
    return this.starts.length - 1;
  }

  /** Whether kept key `g` and the candidate hold one another (or are equal). */
  sameWords(g: number): boolean {
    const candidate = this.starts[this.starts.length - 1];
    return this.holds(this.starts[g], this.starts[g + 1], candidate, this.end) || this.holds(candidate, this.end, this.starts[g], this.starts[g + 1]);
  }

  /** Whether units [from, to) hold units [partFrom, partTo). */
  private holds(from: number, to: number, partFrom: number, partTo: number): boolean {
    const u = this.units;
    const length = partTo - partFrom;
    const first = u[partFrom];
    for (let i = from; i <= to - length; i++) {
      if (u[i] !== first) continue;
      let k = 1;
      while (k < length && u[i + k] === u[partFrom + k]) k++;
      if (k === length) return true;
    }
    return false;
  }
}

/**
 * Long quotation groups to compare a quotation with: the first (a headline, a lede, repeated
 * further down) and the latest (words quoted again a few paragraphs on), a bounded number of each.
 */
const COMPARED_GROUPS = 32;

/** Quote groups: the same words printed twice (headline and body) share a group and a speaker. Returns the size of each quotation's group. */
function groupQuotes(docId: string, quotes: QuoteMention[], weak: boolean[]): number[] {
  const keys = new FoldedKeys();
  /** The long groups, in the order of their keys. */
  const longGroups: Array<{ id: string; size: number }> = [];
  const groupOf: Array<{ id: string; size: number }> = [];
  for (const quote of quotes) {
    const long = keys.fold(quote.text) >= 12;
    let same: { id: string; size: number } | undefined;
    if (long) {
      const n = keys.count;
      for (let g = 0; g < n && !same; g = g === COMPARED_GROUPS - 1 ? Math.max(g + 1, n - COMPARED_GROUPS) : g + 1) if (keys.sameWords(g)) same = longGroups[g];
    }
    const group = same ?? { id: stableId('quote_group', docId, quote.start, quote.end), size: 0 };
    if (!same && long) {
      keys.keep();
      longGroups.push(group);
    }
    group.size++;
    groupOf.push(group);
    quote.quote_group = group.id;
  }
  // one quotation has one speaker: the first one found by its own attribution, else the first known
  const known = new Map<string, QuoteMention>();
  quotes.forEach((quote, k) => {
    if (quote.speaker && !weak[k] && !known.has(quote.quote_group)) known.set(quote.quote_group, quote);
  });
  quotes.forEach((quote, k) => {
    if (quote.speaker && !weak[k]) return;
    const source = known.get(quote.quote_group);
    if (source) {
      quote.speaker = source.speaker;
      quote.speaker_id = source.speaker_id;
    }
  });
  return groupOf.map((g) => g.size);
}

/** Speaker entity ids, as the link stage's entities table computes them. */
export type SpeakerId = (speaker: Speaker) => string | null;

/** Direct quotations and their speakers (annotation guidelines §2). */
export function extractQuotes(ctx: ArticleContext, dates: DateMention[], speakerId: SpeakerId = () => null): QuoteMention[] {
  const { doc } = ctx;
  if (!doc.quotes.length) return [];
  const tokenDates = new TokenDates(doc.tokens, dates);
  const dateAt = (k: number): number => tokenDates.at(k);
  const attributor = new QuoteAttributor(doc, dateAt);
  // the same speakers come back: their ids are asked once
  const speakerIds = new Map<string, { speaker: Speaker; id: string | null }>();
  const idOf = (s: Speaker): string | null => {
    const known = speakerIds.get(s.name);
    if (known && known.speaker.type === s.type && known.speaker.entity === s.entity && known.speaker.gender === s.gender) return known.id;
    const id = speakerId(s);
    speakerIds.set(s.name, { speaker: s, id });
    return id;
  };
  const quotes: QuoteMention[] = [];
  const weak: boolean[] = [];
  const alone: boolean[] = [];
  for (const q of doc.quotes) {
    const text = doc.text.slice(q.start, q.end);
    if (!hasLetterOrDigit(text) || attributor.isTitleOrName(q, text)) continue;
    const attribution = attributor.attribute(q);
    const { speaker, verb } = attribution;
    if (!attribution.weak) attributor.remember(q.open, speaker);
    weak.push(attribution.weak);
    alone.push(isHeadingLine(doc, q, text));
    quotes.push({
      text,
      kind: countWords(text, 3) < 3 ? 'fragment' : 'quote',
      speaker: speaker?.name ?? null,
      speaker_id: speaker ? idOf(speaker) : null,
      cue: verb?.cue ?? null,
      said_on: verb ? utteranceDate(doc, verb, dates, dateAt, q) : null,
      quote_group: '',
      start: q.start,
      end: q.end,
    });
  }
  const groupSizes = groupQuotes(ctx.doc_id, quotes, weak);
  // a line that is only a quotation (`"Midi contre Poutine"`) is a heading, not speech, unless it repeats what someone said
  return quotes.filter((quote, k) => !(alone[k] && groupSizes[k] === 1 && (weak[k] || !quote.speaker)));
}

/** Whether a quotation (its words `quoted`) fills its line, with no sentence punctuation closing it: a heading. */
function isHeadingLine(doc: Doc, q: QuoteSpan, quoted: string): boolean {
  const { tokens } = doc;
  const before = tokens[q.open];
  const after = tokens[q.close + 1];
  return before.gap >= Gap.Line && (!after || after.gap >= Gap.Line) && !/[.!?…]$/.test(quoted);
}

/** Quote-mark problems of a text (unbalanced or runaway marks), for reports. */
export function quoteMarkProblems(text: string): Doc['quoteProblems'] {
  return buildDoc(text).quoteProblems;
}
