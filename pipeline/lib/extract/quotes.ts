import { stableId } from '../ids.ts';
import { buildDoc, type Doc } from '../nlp/doc.ts';
import { FINITE, POS, TENSE, lemmasOf, tensesOf } from '../nlp/lexicon.ts';
import type { Mention } from '../nlp/mentions.ts';
import { loadRules } from '../nlp/rules.ts';
import type { QuoteSpan } from '../nlp/structure.ts';
import { Gap, Kind, lexemeSlot, type Lexeme, type Token } from '../nlp/tokens.ts';
import type { ArticleContext } from './context.ts';
import type { DateMention, QuoteMention } from './types.ts';

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
/** The length of an adverb, a set adverbial phrase or a comma-enclosed emphatic pronoun at token `k`, else 0. */
function fillerLength(tokens: Token[], k: number): number {
  const t = tokens[k];
  if (!t) return 0;
  if (t.kind === Kind.Word && (t.pos & (POS.ADV | POS.NEG)) && !(tensesOf(t.lex) & TENSE.K) && !(t.pos & (POS.PROPN | POS.PREP | POS.DET | POS.PRON)) && !t.cap) return 1;
  if (t.text === ',') {
    const inner = fillerLength(tokens, k + 1);
    return inner && tokens[k + 1 + inner]?.text === ',' ? inner + 2 : 0;
  }
  for (const phrase of ADVERBIAL_PHRASES) if (phrase.every((w, n) => tokens[k + n]?.lower === w)) return phrase.length;
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
const DETERMINER_WORDS = new Set(['le', 'la', 'les', "l'", 'un', 'une', 'des', 'son', 'sa', 'ses', 'leur', 'leurs', 'ce', 'cet', 'cette', 'ces', 'notre', 'nos', 'm', 'mme', 'plusieurs']);
const isDeterminerWord = (w: string): boolean => DETERMINER_WORDS.has(w);
const isFiniteAux = (t: Token | undefined): boolean => t !== undefined && (t.pos & POS.AUX) !== 0 && (tensesOf(t.lex) & FINITE) !== 0;
const isDeterminer = (t: Token | undefined): boolean => t !== undefined && (t.pos & POS.DET) !== 0 && !(t.pos & (POS.PRON | POS.CLITIC)) || ['un', 'une', 'le', 'la', 'les', "l'", 'des', 'du', 'ce', 'cette', 'son', 'sa', 'ses', 'leur'].includes(t?.lower ?? '') && !(t!.pos & POS.CLITIC && !(t!.pos & POS.DET));

/** A reporting verb group starting at token `i`, or null. */
function verbGroupAt(tokens: Token[], i: number, limit: number, afterQuote = false): VerbGroup | null {
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
  } else if (tokens[k] && lemmasOf(tokens[k].lex, POS.VERB).includes('pouvoir') && tokens[k + 1] && INVERTED.has(tokens[k + 1].lower)) {
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
  if (!aux && !reflexive && isDeterminer(tokens[i - 1]) && verb.pos & POS.NOUN) return null;
  let last = k + 1;
  let cue = rule.lemma;
  const phrases = PHRASES.get(rule.lemma);
  if (phrases) {
    const phrase = phrases.find((words) => words.every((w, n) => tokens[last + n]?.lower === w));
    if (phrase) {
      cue = `${rule.lemma} ${phrase.join(' ')}`;
      last += phrase.length;
    } else if (!REPORTING.has(rule.lemma)) return null;
  }
  if (!pronoun && tokens[last] && INVERTED.has(tokens[last].lower)) pronoun = tokens[last++].lower.replace(/^-?(?:t-)?/, '');
  if (rule.needs_que) {
    let n = last;
    while (fillerLength(tokens, n)) n += fillerLength(tokens, n);
    if (tokens[n]?.lower !== 'que' && tokens[n]?.lower !== "qu'") return null;
  }
  if (reflexive && (rule.reflexive || rule.reflexive_only)) cue = `se ${cue}`;
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
const NEWS_HEADS = /^(?:agence|journal|quotidien|hebdomadaire|médias?|presse|télévision|chaîne|radio|site|magazine)$/;
const NOT_SOURCE_HEADS = new Set(['communiqué', 'texte', 'document', 'rapport', 'déclaration', 'lettre', 'message', 'note', 'bilan', 'chiffre', 'chiffres', 'estimation', 'estimations', 'sondage', 'étude', 'enquête', 'données', 'images', 'vidéo', 'informations', 'information', 'termes', 'accord', 'projet', 'plan', 'loi', 'constitution', 'règles', 'résultats', 'calendrier', 'fait', 'fois', 'jour', 'an', 'année', 'semaine', 'mois', 'plupart', 'même', 'autres']);

/** Whether a mention is a news outlet (an agency, a newspaper): a source of what it reports. */
const isNewsSource = (m: Mention): boolean => (m.type === 'organization' && m.kind === 'news') || ((m.via === 'description' || m.via === 'named') && NEWS_HEADS.test(m.role ?? ''));

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
  if (ANONYMOUS_HEADS.has(head.lower) && /^(?:une|un|des)$/.test(tokens[i - 1]?.lower ?? '') && !(tokens[i + 1]?.pos & POS.ADJ && !tokens[i + 1].cap && tokens[i + 1].gap <= Gap.Space)) return null;
  let e = i + 1;
  while (e < limit && e - i < 7 && tokens[e].gap <= Gap.Space) {
    const t = tokens[e];
    if (t.kind === Kind.Word && !t.cap && t.pos & POS.ADJ && !(t.pos & (POS.VERB | POS.DET | POS.PREP))) e++;
    else if ((t.lower === 'de' || t.lower === 'du' || t.lower === 'des' || t.lower === "d'") && tokens[e + 1] && tokens[e + 1].kind === Kind.Word) e += 2;
    else if (t.kind === Kind.Word && t.cap && e > i + 1 && /^(?:de|du|des|d'|la|l')$/.test(tokens[e - 1].lower)) e++;
    else if ((t.lower === 'la' || t.lower === "l'") && /^(?:de|d')$/.test(tokens[e - 1].lower)) e++;
    else break;
  }
  while (e > i + 1 && /^(?:de|du|des|d'|la|l')$/.test(tokens[e - 1].lower)) e--;
  let name = '';
  for (let n = i; n < e; n++) name += (n > i && tokens[n].gap > Gap.None ? ' ' : '') + tokens[n].text;
  return { name: name.charAt(0).toLocaleUpperCase('fr') + name.slice(1).replace(/’/g, "'"), type: 'person', entity: -1, gender: null };
}

/** Words as a reader counts them: an elided article stays with its word (`l'intégration` is one). */
const wordCount = (s: string): number => s.split(/[\s\u00a0\u202f]+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

class QuoteAttributor {
  /** Speakers and subject-position people so far: for pronouns and quotes standing alone. */
  private readonly salientList: Array<{ at: number; speaker: Speaker; said: boolean }> = [];
  private readonly subjects: Array<{ at: number; speaker: Speaker }> = [];

  /** Adverbs, set phrases and dates that can stand between a verb and its subject (`a déclaré mercredi M. X`): their length at `k`, else 0. */
  private skippable(k: number): number {
    const filler = fillerLength(this.doc.tokens, k);
    if (filler) return filler;
    const comma = this.doc.tokens[k]?.text === ',' && this.dateAt[k + 1] >= 0 ? 1 : 0;
    let n = comma;
    while (this.dateAt[k + n] >= 0) n++;
    if (n > comma && this.doc.tokens[k + n]?.text === ',') n++;
    return n > comma ? n : 0;
  }

  constructor(private readonly doc: Doc, private readonly dateAt: Int32Array) {
    for (const m of doc.mentions) {
      if (m.type !== 'person' && m.type !== 'organization' && !(m.type === 'role' && m.entity >= 0)) continue;
      if (doc.quoteOf[m.first] >= 0 || !this.subjectLike(m)) continue;
      if (m.type === 'organization' && m.kind === 'news') continue;
      const s = this.speakerOf(m);
      if (s) this.subjects.push({ at: m.first, speaker: s });
    }
  }

  private subjectLike(m: Mention): boolean {
    let k = m.first - 1;
    const t = this.doc.tokens[k];
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
        const det = this.doc.tokens[m.first - 1]?.lower;
        const gender = m.gender ?? (det === 'le' || det === 'du' || det === 'au' ? 'm' : det === 'la' ? 'f' : null);
        return { name: m.entity >= 0 ? entities[m.entity].name : m.name, type: 'organization', entity: m.entity, gender };
      }
      case 'place':
        return { name: m.name, type: 'place', entity: -1, gender: null };
      case 'country':
        if (m.via === 'demonym' && !this.doc.tokens[m.first].cap) return null;
        return { name: m.name, type: 'country', entity: -1, gender: 'f' };
    }
  }

  /**
   * A plural description or pronoun (`les deux dirigeants`, `les trois chefs d'État`, `ils`): the first of the
   * latest people named together (`Kim Jong-un et Moon Jae-in`), or of countries for `les deux pays`.
   */
  group(m: Mention | null, at = m?.first ?? 0): Speaker | null {
    const { tokens, mentions } = this.doc;
    // `les deux pays`, `les deux voisins`: countries; `les deux dirigeants`, `les chefs de la diplomatie des pays du G7`: people
    const head = m ? m.role ?? tokens.slice(m.first, m.last).find((t) => t.pos & POS.NOUN && !(t.pos & POS.DET) && !/^(?:deux|trois|quatre)$/.test(t.lower))?.lower ?? '' : '';
    const wantCountries = (m !== null && m.type === 'country') || /^(?:pays|voisins|nations|états|parties|capitales|gouvernements)$/.test(head);
    for (let k = mentions.length - 1; k >= 0; k--) {
      const x = mentions[k];
      if (x.first >= at || this.doc.quoteOf[x.first] >= 0) continue;
      const fits = wantCountries ? x.type === 'country' && x.via === 'name' : x.type === 'person';
      if (!fits) continue;
      const found = this.groupAround(k, wantCountries);
      if (found) return this.speakerOf(found);
    }
    // `Les chefs de la diplomatie d'Iran et d'Arabie saoudite …`, named only later
    for (let k = 0; k < mentions.length; k++) {
      const x = mentions[k];
      if (x.first <= at || this.doc.quoteOf[x.first] >= 0 || tokens[x.first].sent > tokens[at].sent + 3) continue;
      const found = this.groupAround(k, wantCountries);
      if (found) return this.speakerOf(found);
    }
    // named together only in what they said (`« La Corée du Sud et la Corée du Nord confirment … », ajoutent-ils`)
    for (let k = mentions.length - 1; k >= 0; k--) {
      const x = mentions[k];
      if (x.first >= at || this.doc.quoteOf[x.first] < 0 || tokens[x.first].sent < tokens[at].sent - 2) continue;
      const found = this.groupAround(k, wantCountries);
      if (found) return this.speakerOf(found);
    }
    return m ? { name: m.name, type: 'person', entity: -1, gender: null } : null;
  }

  /** If mention `k` is one of several people (or countries) named together, the last of them (its surname names the group best). */
  private groupAround(k: number, countries: boolean): Mention | null {
    const { tokens, mentions } = this.doc;
    const fits = (y: Mention): boolean => (countries ? y.type === 'country' && y.via === 'name' : y.type === 'person');
    if (!fits(mentions[k])) return null;
    const joined = (a: Mention, b: Mention): boolean => b.first >= a.last && b.first - a.last <= 4 && tokens.slice(a.last, b.first).every((t, n) => t.lower === 'et' || t.text === ',' || /^(?:le|la|l')$/.test(t.lower) || (this.doc.mentionAt[a.last + n] >= 0 && this.doc.mentions[this.doc.mentionAt[a.last + n]].type === 'role'));
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
    if (speaker) this.salientList.push({ at, speaker, said: true });
  }

  /** The last speaker or subject before token `at` agreeing with the pronoun (null: any, people first). */
  salient(at: number, pronoun: string | null, floorSentence = 0, cataphora = false): Speaker | null {
    if (pronoun === 'ils' || pronoun === 'elles') return this.pluralSubject(at);
    if (pronoun === 'on' || pronoun === 'je' || pronoun === 'nous') return null;
    const floor = floorSentence ? this.doc.sentences[Math.max(0, this.doc.tokens[at].sent - floorSentence)].first : 0;
    const agrees = (s: Speaker): boolean =>
      pronoun === 'il' ? (s.type === 'person' && s.gender !== 'f') || (s.type === 'organization' && s.gender === 'm')
        : pronoun === 'elle' ? (s.type === 'person' && s.gender === 'f') || (s.type === 'organization' && s.gender === 'f')
          : s.type === 'person';
    // people first: a body is `il` or `elle` only when no person of that gender was named in the sentence or the one before
    const recent = this.doc.sentences[Math.max(0, this.doc.tokens[at].sent - 1)].first;
    for (const people of [true, false]) {
      let best: { at: number; speaker: Speaker } | null = null;
      for (const list of [this.salientList, this.subjects]) {
        for (let k = list.length - 1; k >= 0; k--) {
          const e = list[k];
          if (e.at >= at) continue;
          if (floorSentence && e.at < floor) break;
          if (agrees(e.speaker) && (e.speaker.type === 'person') === people) {
            if (!best || e.at > best.at) best = e;
            break;
          }
        }
      }
      if (best && (people || pronoun !== null)) {
        if (people || best.at >= recent) return best.speaker;
      }
      if (best && people) return best.speaker;
    }
    if (pronoun === 'elle') {
      // `elle` may be a body or a country (`la Commission`, `la Russie`)
      // a subject or a topic (`Pour l'Ukraine, …`) first, then any
      for (const strict of [true, false]) {
        for (let k = this.doc.mentions.length - 1; k >= 0; k--) {
          const m = this.doc.mentions[k];
          if (m.first >= at || m.first < floor || this.doc.quoteOf[m.first] >= 0) continue;
          if (strict && !(this.subjectLike(m) || /^(?:pour|selon)$/.test(this.doc.tokens[m.first - 1]?.lower ?? '') || /^(?:pour|selon)$/.test(this.doc.tokens[m.first - 2]?.lower ?? ''))) continue;
          if (m.type === 'organization' || (m.type === 'country' && m.via === 'name')) return this.speakerOf(m);
        }
      }
    }
    if (cataphora && (pronoun === 'il' || pronoun === 'elle')) {
      // cataphora: `« … », explique-t-il. Le président iranien Massoud Pezeshkian s'exprimait…`
      const s = this.doc.tokens[at].sent;
      const limit = this.doc.sentences[Math.min(this.doc.sentences.length - 1, s + 1)].last;
      const next = this.subjects.find((e) => e.at > at && e.at < limit && agrees(e.speaker));
      if (next) return next.speaker;
    }
    return null;
  }

  /** `ils`: the latest plural subject (`les chefs de la diplomatie du G7`), else the latest people named together. */
  private pluralSubject(at: number): Speaker | null {
    const { mentions, tokens } = this.doc;
    const floor = this.doc.sentences[Math.max(0, tokens[at].sent - 2)].first;
    for (let k = mentions.length - 1; k >= 0; k--) {
      const m = mentions[k];
      if (m.first >= at || m.first < floor || this.doc.quoteOf[m.first] >= 0) continue;
      if (m.plural && (m.type === 'role' || m.type === 'organization') && this.subjectLike(m)) return this.speakerOf(m);
    }
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
      if (this.dateAt[j] >= 0) continue;
    }
    return null;
  }

  /** The subject of a verb group that is not inverted: the phrase before it, over clitics, adverbs and a comma-enclosed incise. */
  private subjectBefore(group: VerbGroup, floor: number): Speaker | null {
    const { tokens } = this.doc;
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
      const m = this.mentionEndingAt(j);
      if (m) return this.speakerOf(m, true) ?? null;
      // `des milliers de manifestants scandaient`: a group named by common nouns
      if (t.kind === Kind.Word && t.pos & POS.NOUN && !t.cap && /[sx]$/.test(t.lower)) {
        let k = j;
        while (k > floor && tokens[k - 1].kind === Kind.Word && !DETERMINERS_AND_LINKS.has(tokens[k - 1].lower) && tokens[k - 1].pos & (POS.NOUN | POS.ADJ) && !(tokens[k - 1].pos & (POS.VERB | POS.PREP))) k--;
        const phrase = describedPhrase(tokens, k, j + 1);
        if (phrase && this.doc.quoteOf[k] < 0) return /^(?:les|des)$/.test(tokens[k].lower) && /^(?:deux|trois|quatre)$/.test(tokens[k + 1]?.lower ?? '') ? this.group({ ...emptyGroup, first: k, last: j + 1, name: phrase.name, type: /^(?:pays|voisins|nations|parties|capitales)$/.test(t.lower) ? 'country' : 'role' } as Mention, k) : phrase;
      }
      break;
    }
    // the first person (or body) in subject position before the verb
    for (let k = floor; k < group.first; k++) {
      if (this.doc.quoteOf[k] >= 0) continue;
      const m = this.mentionAt(k);
      if (m && m.last <= group.first && this.subjectLike(m) && (m.type === 'person' || m.type === 'role' || m.type === 'organization')) {
        const s = this.speakerOf(m, true);
        if (s) return s;
      }
      if (m) k = m.last - 1;
    }
    return null;
  }

  private mentionEndingAt(k: number): Mention | undefined {
    const m = this.mentionAt(k);
    return m && m.last === k + 1 ? m : undefined;
  }

  /** The first subject of the sentence before token `upTo` (a gerund's or a colon's subject). */
  private mainSubject(first: number, upTo: number): Speaker | null {
    for (let k = first; k < upTo; k++) {
      if (this.doc.quoteOf[k] >= 0) continue;
      const m = this.mentionAt(k);
      if (m && this.subjectLike(m)) {
        const s = this.speakerOf(m);
        if (s) return s;
        k = m.last - 1;
      }
      if (SUBJECT_PRONOUNS.has(this.doc.tokens[k].lower)) return this.salient(k, this.doc.tokens[k].lower);
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
    if (tokens[d] && /^(?:communiqué|texte|déclaration|document|rapport|lettre|note)$/.test(tokens[d].lower)) return this.documentIssuer({ first: d, last: d, cue: '', finite: true, gerund: false, infinitive: false, pronoun: 'on' }, limit);
    const described = describedPhrase(tokens, k, limit);
    return described && /^(?:deux|trois|quatre)\s/i.test(described.name) ? this.group(null, k) ?? described : described;
  }

  attribute(q: QuoteSpan): Attribution {
    const { tokens, sentences } = this.doc;
    const s0 = tokens[q.open].sent;
    const s1 = tokens[q.close].sent;
    const frame = { first: sentences[s0].first, last: sentences[s1].last };
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
    let before: VerbGroup | null = null;
    let reported = false;
    for (let k = frame.first; k < q.open; k++) {
      // `Alors que X avait espéré que …, une déclaration a indiqué que …`: a comma ends the reported clause
      if (tokens[k].text === ',' && reported && (tokens[k + 1]?.cap || isDeterminerWord(tokens[k + 1]?.lower ?? ''))) reported = false;
      if (tokens[k].kind !== Kind.Word || reported) continue;
      const g = verbGroupAt(tokens, k, q.open);
      if (g) {
        before = g;
        k = g.last - 1;
        // `X a averti que l'offensive se poursuivrait « … »`: what follows `que` is the reported clause
        let n = g.last;
        for (let skip = this.skippable(n); skip && n < q.open; skip = this.skippable(n)) n += skip;
        if (tokens[n]?.lower === 'que' || tokens[n]?.lower === "qu'") reported = true;
      }
    }
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
      if (k < q.open && k > frame.first && /^(?:les|le|la|l')$/.test(tokens[k - 1].lower)) {
        const phrase = describedPhrase(tokens, k - 1, q.open);
        if (phrase) return { ...none, speaker: /^(?:deux|trois|quatre|cinq)$/.test(tokens[k]?.lower ?? '') ? this.group({ ...emptyGroup, first: k - 1, last: q.open, name: phrase.name, type: 'role' } as Mention, k - 1) ?? phrase : phrase };
      }
    }

    if (tokens[j] && (tokens[j].lower === 'selon' || (tokens[j].lower === "d'" && tokens[j + 1]?.lower === 'après'))) {
      const speaker = this.phraseSpeaker(j, frame.last);
      if (speaker) return { ...none, speaker };
    }

    // a later reporting verb: `« … » dans le pays, a souligné M. Borrell`, `« … » et Mario Draghi l'a promis`
    for (let k = q.close + 1; k < frame.last; k++) {
      if (tokens[k].kind !== Kind.Word || this.doc.quoteOf[k] >= 0) continue;
      const g = verbGroupAt(tokens, k, frame.last);
      if (!g) continue;
      const speaker = this.verbSubject(g, q.close + 1, frame.last);
      if (speaker) return { speaker, verb: g, weak: false };
      k = g.last - 1;
    }
    // `le « raz de marée » espéré par les syndicats`: a participle and its agent
    if (tokens[q.close + 1]?.kind === Kind.Word && tensesOf(tokens[q.close + 1].lex) & TENSE.K && tokens[q.close + 2]?.lower === 'par') {
      const agent = this.mentionAt(q.close + 3) ?? (tokens[q.close + 3] && /^(?:le|la|les|l')$/.test(tokens[q.close + 3].lower) ? this.mentionAt(q.close + 4) : undefined);
      const speaker = agent ? this.speakerOf(agent) : describedPhrase(tokens, q.close + 3, frame.last);
      if (speaker) return { ...none, speaker };
    }
    // `selon X` anywhere in the sentence; `Pour X, « … »`
    for (let k = frame.first; k < frame.last; k++) {
      if (k >= q.open && k <= q.close) continue;
      const w = tokens[k].lower;
      if (w === 'selon' || (w === "d'" && tokens[k + 1]?.lower === 'après') || (w === 'pour' && (k === frame.first || tokens[k - 1].text === ',') && k < q.open)) {
        const speaker = this.phraseSpeaker(k, w === 'pour' ? q.open : frame.last);
        if (speaker) return { ...none, speaker };
      }
    }
    // `… les deux chefs d'État, Alexandre Loukachenko et Vladimir Poutine : « … »`: the last person before the colon
    if (tokens[q.open - 1]?.text === ':') {
      for (let k = q.open - 2; k >= frame.first; k--) {
        const m = this.mentionAt(k);
        if (m && (m.type === 'person' || (m.type === 'role' && m.entity >= 0)) && this.doc.quoteOf[k] < 0) return { ...none, speaker: this.speakerOf(m) };
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
    const outside = [...Array(frame.last - frame.first).keys()].map((k) => frame.first + k).filter((k) => k < q.open || k > q.close);
    if (outside.every((k) => tokens[k].kind !== Kind.Word)) {
      // a quotation standing alone continues the speaker of the sentence before, or is explained by the one after
      // (`« … ». C'est ainsi qu'Emmanuel Macron a voulu dire…`)
      const previousQuoted = s0 > 0 && this.doc.quotes.some((o) => tokens[o.open].sent === s0 - 1);
      if (!previousQuoted && next && tokens[next.first].gap < Gap.Paragraph) {
        for (let k = next.first; k < next.last; k++) {
          const g = tokens[k].kind === Kind.Word && this.doc.quoteOf[k] < 0 ? verbGroupAt(tokens, k, next.last) : null;
          if (!g) continue;
          const speaker = this.verbSubject(g, next.first, next.last);
          if (speaker) return { speaker, verb: null, weak: true };
          k = g.last - 1;
        }
      }
      return { ...none, speaker: this.salient(q.open, null, 3), weak: true };
    }
    return none;
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
    const apposition = prev?.text === ',' && ['person', 'role'].includes(this.mentionEndingAt(g.first - 2)?.type ?? '');
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
      if (tokens[k] && /^(?:à|de|d')$/.test(tokens[k].lower)) k--;
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
    const { tokens, sentences } = this.doc;
    for (let k = g.last; k < limit && k < g.last + 8; k++) {
      const m = this.mentionAt(k);
      if (m && m.type !== 'country') return this.speakerOf(m);
    }
    // the subject of the last sentence that mentions a communiqué
    const s = tokens[g.first].sent;
    for (let t = s; t >= Math.max(0, s - 3); t--) {
      const sentence = sentences[t];
      for (let k = sentence.first; k < sentence.last; k++) {
        if (!/^(?:communiqué|texte|déclaration|lettre|message|note|rapport)$/.test(tokens[k].lower) || this.doc.quoteOf[k] >= 0) continue;
        const subject = this.mainSubject(sentence.first, k);
        if (subject) return subject;
      }
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
    for (let k = this.salientList.length - 1; k >= 0; k--) if (this.salientList[k].at < at && this.salientList[k].at >= floor) return this.salientList[k].speaker;
    return null;
  }

  /** `Le président ... qui a qualifié de « … »`: whether the quotation names a title or a thing. */
  isTitleOrName(q: QuoteSpan): boolean {
    const { tokens, text } = this.doc;
    const before = tokens[q.open - 1];
    if (before && TITLE_WORDS.get(before.lower) === 'title') return true;
    const quoted = text.slice(q.start, q.end);
    const nameLike = /^\p{Lu}/u.test(quoted) && wordCount(quoted) <= 6 && !/[.!?…,;:]$/u.test(quoted);
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
function utteranceDate(doc: Doc, verb: VerbGroup, dates: DateMention[], dateAt: Int32Array, q: QuoteSpan): string | null {
  const { tokens } = doc;
  const at = (k: number): DateMention | undefined => (k >= 0 && k < tokens.length && dateAt[k] >= 0 ? dates[dateAt[k]] : undefined);
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
    while (k < verb.first && dateAt[k] >= 0) k++;
    if (tokens[k]?.text === ',') return first.value;
  }
  return null;
}

/** Quote groups: the same words printed twice (headline and body) share a group and a speaker. */
function groupQuotes(docId: string, quotes: QuoteMention[], weak: boolean[]): void {
  const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const longGroups: Array<{ key: string; id: string }> = [];
  for (const quote of quotes) {
    const key = fold(quote.text);
    const same = key.length >= 12 ? longGroups.find((g) => g.key === key || g.key.includes(key) || key.includes(g.key)) : undefined;
    if (same) {
      quote.quote_group = same.id;
      continue;
    }
    const id = stableId('quote_group', docId, quote.start, quote.end);
    if (key.length >= 12) longGroups.push({ key, id });
    quote.quote_group = id;
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
}

/** Speaker entity ids, as the link stage's entities table computes them. */
export type SpeakerId = (speaker: Speaker) => string | null;

/** Direct quotations and their speakers (annotation guidelines §2). */
export function extractQuotes(ctx: ArticleContext, dates: DateMention[], speakerId: SpeakerId = () => null): QuoteMention[] {
  const { doc } = ctx;
  if (!doc.quotes.length) return [];
  const dateAt = new Int32Array(doc.tokens.length).fill(-1);
  if (dates.length) {
    let d = 0;
    const sorted = dates.map((_, k) => k).sort((a, b) => dates[a].start - dates[b].start);
    for (const t of doc.tokens) {
      while (d < sorted.length && dates[sorted[d]].end <= t.start) d++;
      if (d < sorted.length && dates[sorted[d]].start <= t.start && t.end <= dates[sorted[d]].end) dateAt[t.i] = sorted[d];
    }
  }
  const attributor = new QuoteAttributor(doc, dateAt);
  const quotes: QuoteMention[] = [];
  const weak: boolean[] = [];
  const alone: boolean[] = [];
  for (const q of doc.quotes) {
    const text = doc.text.slice(q.start, q.end);
    if (!/[\p{L}\p{N}]/u.test(text) || attributor.isTitleOrName(q)) continue;
    const attribution = attributor.attribute(q);
    const { speaker, verb } = attribution;
    if (!attribution.weak) attributor.remember(q.open, speaker);
    weak.push(attribution.weak);
    alone.push(isHeadingLine(doc, q));
    quotes.push({
      text,
      kind: wordCount(text) < 3 ? 'fragment' : 'quote',
      speaker: speaker?.name ?? null,
      speaker_id: speaker ? speakerId(speaker) : null,
      cue: verb?.cue ?? null,
      said_on: verb ? utteranceDate(doc, verb, dates, dateAt, q) : null,
      quote_group: '',
      start: q.start,
      end: q.end,
    });
  }
  groupQuotes(ctx.doc_id, quotes, weak);
  // a line that is only a quotation (`"Midi contre Poutine"`) is a heading, not speech, unless it repeats what someone said
  const groupSizes = new Map<string, number>();
  for (const quote of quotes) groupSizes.set(quote.quote_group, (groupSizes.get(quote.quote_group) ?? 0) + 1);
  return quotes.filter((quote, k) => !(alone[k] && groupSizes.get(quote.quote_group) === 1 && (weak[k] || !quote.speaker)));
}

/** Whether a quotation fills its line, with no sentence punctuation closing it: a heading. */
function isHeadingLine(doc: Doc, q: QuoteSpan): boolean {
  const { tokens } = doc;
  const before = tokens[q.open];
  const after = tokens[q.close + 1];
  return before.gap >= Gap.Line && (!after || after.gap >= Gap.Line) && !/[.!?…]$/.test(doc.text.slice(q.start, q.end));
}

/** Quote-mark problems of a text (unbalanced or runaway marks), for reports. */
export function quoteMarkProblems(text: string): Doc['quoteProblems'] {
  return buildDoc(text).quoteProblems;
}
