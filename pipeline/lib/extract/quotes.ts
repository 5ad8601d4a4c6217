import { stableId } from '../ids.ts';
import { reportingVerbForms } from '../lexicon/verbs.ts';
import type { Span } from '../text/sentences.ts';
import { entityMentionsWithPeople, type EntityMention } from './entities.ts';
import { indexPeople, type PeopleIndex } from './people.ts';
import { adverbLength, codePointBefore, partitionPoint, skipAdverbs, tokenize, verbGroupAt, type Token, type VerbGroup } from './quotes/cues.ts';
import { findQuotedSpans, type QuotedSpan, type QuoteMarkProblem } from './quotes/marks.ts';
import { candidateAt, speakerCandidates, textCandidates, textCandidatesWithin, type Candidate, type Speaker, type TextCandidates } from './quotes/speakers.ts';
import type { DateMention, DocInput, QuoteMention } from './types.ts';

/**
 * Direct quotations and their speakers (annotation guidelines §2). Attribution, in order
 * of preference: a headline's parenthesized speaker, a reporting verb right after the
 * quote (`», a déclaré X`, `», a-t-il insisté`), `selon X` next to the quote, a reporting
 * verb before it in the sentence (`X a déclaré que « … »`, `…, estimant que « … »`), a
 * sentence-final inverted verb (`…, a précisé M. X.`), `selon X` / `pour X,` elsewhere in
 * the sentence, and for a quote standing as its own sentence the last salient speaker.
 * A quotation with none of these is a scare quote and is not reported.
 */

/** Object and negation clitics between a subject and its verb (`X ne l'a pas dit`). */
const CLITICS = new Set(['ne', 'n’', "n'", 'l’', "l'", 'le', 'la', 'les', 'lui', 'leur', 'y', 'en', 'nous', 'vous', 'me', 'm’', 'te', 't’']);

interface Attribution {
  speaker: Speaker | null;
  cue: string | null;
  /** The reporting verb, for dating the utterance. */
  verb: VerbGroup | null;
  /** Token list the verb indexes into. */
  tokens: Token[] | null;
}

// Nouns and participles right before a quotation that make it a title or a name, not speech.
const TITLE_CUES = new Set([
  'journal', 'quotidien', 'hebdomadaire', 'magazine', 'revue', 'livre', 'ouvrage', 'roman', 'essai', 'film', 'documentaire',
  'série', 'émission', 'chanson', 'album', 'pièce', 'spectacle', 'exposition', 'festival', 'hashtag', 'mot-dièse', 'titre',
  'intitulé', 'intitulée', 'intitulés', 'intitulées', 'baptisé', 'baptisée', 'baptisés', 'baptisées', 'surnommé', 'surnommée',
  'surnommés', 'dénommé', 'dénommée', 'nommé', 'nommée', 'alias', 'rubrique', 'chaîne', 'radio', 'blog', 'podcast', 'manifeste',
  'navire', 'bateau', 'sous-marin', 'missile', 'application', 'logiciel',
]);

// Nouns that, a few words before a capitalized short quotation, make it a proper name
// (`l'opération « Barkhane »`, `l'agence de presse officielle « Belta »`); before a
// lowercase one (`un plan « irresponsable »`) the quotation stays speech.
const NAME_HEADS = new Set([
  ...TITLE_CUES, 'opération', 'programme', 'plan', 'projet', 'mission', 'exercice', 'exercices', 'manœuvres', 'doctrine',
  'initiative', 'campagne', 'label', 'format', 'code', 'devise', 'slogan', 'site', 'compte', 'groupe', 'association',
  'collectif', 'parti', 'marque', 'coalition', 'bataillon', 'brigade', 'régiment', 'société', 'entreprise', 'fondation', 'ong',
  'club', 'mouvement', 'réseau', 'alliance', 'union', 'front', 'plateforme', 'média', 'agence', 'télévision', 'traité', 'accord',
  'pacte', 'loi', 'décret', 'résolution', 'sommet', 'forum', 'conférence', 'dispositif', 'stratégie', 'concept', 'syndicat',
  'organisation', 'institut', 'centre', 'comité', 'commission', 'fonds', 'banque',
]);

const NAME_CHAR_RE = /[\p{L}\p{M}\-]/u;
const SPACE_RE = /\s/;

/** The run of letters, marks and hyphens that ends `text[floor, at)` but for spaces, or ''. */
function lastWord(text: string, floor: number, at: number): string {
  let end = at;
  for (let c = codePointBefore(text, floor, end); end > floor && SPACE_RE.test(c); c = codePointBefore(text, floor, end)) end -= c.length;
  let start = end;
  for (let c = codePointBefore(text, floor, start); start > floor && NAME_CHAR_RE.test(c); c = codePointBefore(text, floor, start)) start -= c.length;
  return text.slice(start, end);
}

function isTitleOrName(text: string, span: QuotedSpan): boolean {
  const floor = Math.max(0, span.open - 60);
  const before = text.slice(floor, span.open);
  const word = lastWord(text, floor, span.open);
  if (word && TITLE_CUES.has(word.toLowerCase())) return true;
  const quoted = text.slice(span.start, span.end);
  const nameLike = /^\p{Lu}/u.test(quoted) && wordCount(quoted) <= 6 && !/[.!?…,;:]$/u.test(quoted);
  if (!nameLike) return false;
  const clause = before.split(/[.!?;:,()\n«»“”"]/u).pop() ?? '';
  const words = clause.toLowerCase().match(/[\p{L}\p{M}\-]+/gu) ?? [];
  const recent = words.slice(-5);
  let head = -1;
  recent.forEach((w, k) => {
    if (NAME_HEADS.has(w)) head = k;
  });
  // `le journal cite le ministre « … »`: a reporting verb after the head makes it speech again
  return head >= 0 && !recent.slice(head + 1).some((w) => reportingVerbForms(w).length > 0);
}

/** The sentence holding offset `at` (sentences are in text order without overlaps). */
function sentenceAt(sentences: readonly Span[], at: number): Span | undefined {
  const sentence = sentences[partitionPoint(sentences, (s) => s.start <= at) - 1];
  return sentence && at < sentence.end ? sentence : undefined;
}

/** Sentence spans covering a quotation: from the sentence of its opening mark to that of its closing mark. */
function frameOf(sentences: readonly Span[], span: QuotedSpan, text: string): Span {
  const first = sentenceAt(sentences, span.open);
  const last = sentenceAt(sentences, span.close);
  const paragraphStart = text.lastIndexOf('\n', span.open) + 1;
  const paragraphEndAt = text.indexOf('\n', span.close);
  const paragraphEnd = paragraphEndAt < 0 ? text.length : paragraphEndAt;
  return { start: first?.start ?? paragraphStart, end: Math.max(last?.end ?? paragraphEnd, span.close + 1) };
}

const PROPER_NOUN_PHRASE_RE = /^(?:([Ll]e|[Ll]a|[Ll]es|[Ll][’'])\s*)?(\p{Lu}[\p{L}\p{M}\-]+(?:\s+(?:\p{Lu}[\p{L}\p{M}\-]+|(?:aux|des|du|de|d[’']|de\s+la|de\s+l[’'])\s*[\p{L}\p{M}\-]+|[\p{Ll}\p{M}\-]+)){0,6})\s*$/u;

/**
 * A speaker the lexicons do not know, named by capitalized words: `témoigne Olena`,
 * `Le Haut-Commissariat aux droits de l'homme`. With a determiner it is a body.
 */
function properNounPhrase(phrase: string, needsDeterminer = false): Speaker | null {
  const m = PROPER_NOUN_PHRASE_RE.exec(phrase.trim());
  if (!m || (needsDeterminer && !m[1])) return null;
  const name = m[2].replace(/\s+/g, ' ');
  if (!m[1] && !/^\p{Lu}[\p{Ll}\p{M}\-]+(?:\s+\p{Lu}[\p{Ll}\p{M}\-]+){0,2}$/u.test(name)) return null;
  return { name, type: m[1] ? 'organization' : 'person', id: null, gender: null };
}

const NEWS_OUTLET_RE = /^(?:agence|AFP|Reuters|Belga|TASS|Tass|RIA Novosti|Interfax|Belta|BelTA|DPA|AP|Associated Press|Bloomberg|journal|quotidien|hebdomadaire|médias?|presse|télévision|chaîne|radio|site|magazine)(?![\p{L}\p{M}])/iu;

/** Whether a speaker's name is a news outlet (`Agence Belga`, `AFP`, `médias locaux`). */
const isNewsOutlet = (name: string): boolean => NEWS_OUTLET_RE.test(name);

const DESCRIBED_SOURCE_RE = /^(?:(?:un|une|des|les|le|la|l[’']|plusieurs|deux|trois|certains|certaines)\s*)?(\p{Ll}[\p{L}\p{M}\-]+(?:\s+[\p{L}\p{M}\-’']+){0,5})\s*$/u;
const NOT_SOURCE_HEADS = new Set([
  'communiqué', 'texte', 'document', 'rapport', 'déclaration', 'lettre', 'message', 'note', 'bilan', 'chiffres', 'chiffre',
  'estimations', 'estimation', 'sondage', 'étude', 'enquête', 'données', 'images', 'vidéo', 'presse', 'informations',
  'information', 'termes', 'accord', 'projet', 'plan', 'loi', 'constitution', 'règles', 'résultats', 'calendrier', 'moi', 'nous', 'vous', 'eux', 'elles', 'lui', 'elle', 'toi', 'ce', 'cela', 'ça', 'lesquels', 'lequel', 'laquelle', 'quoi', 'que', 'qui']);

/**
 * A source described by a common noun after `selon` / `d'après` (`une source
 * diplomatique`, `un porte-parole du ministère`, `les médias locaux`): named by its words.
 */
function describedSource(phrase: string): Speaker | null {
  const m = DESCRIBED_SOURCE_RE.exec(phrase.replace(/[\s\u00a0]+/gu, ' ').trim());
  if (!m || NOT_SOURCE_HEADS.has(m[1].split(' ')[0])) return null;
  return { name: m[1].charAt(0).toLocaleUpperCase('fr') + m[1].slice(1), type: 'person', id: null, gender: null };
}

const FULL_NAME_RE = /^\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)?(?:\s+\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)?){1,2}$/u;
const NOT_NAME_START = new Set(['Mais', 'Or', 'Et', 'Puis', 'Ensuite', 'Selon', 'Pour', 'Enfin', 'Alors', 'Donc', 'Car', 'Depuis', 'Le', 'La', 'Les', 'Lors', 'Aussi', 'Ainsi']);

/** A subject written as two or three capitalized words no lexicon knows (`Bola Tinubu a estimé`): a person. */
function unknownFullName(phrase: string): Speaker | null {
  const name = phrase.replace(/[\s\u00a0]+/gu, ' ').trim();
  if (!FULL_NAME_RE.test(name) || NOT_NAME_START.has(name.split(' ')[0])) return null;
  return { name, type: 'person', id: null, gender: null };
}

const COMMON_SUBJECT_RE = /^(?:.*\s)?(?:les|des|la|le|l[’'])\s*(?:(?:milliers|centaines|dizaines|millions|plusieurs|nombreux|nombreuses)\s+(?:de\s+|d[’'])?)?(\p{Ll}[\p{L}\p{M}\-]+(?:\s+[\p{L}\p{M}\-’']+){0,5})$/u;
const NOT_SUBJECT_HEADS = new Set(['même', 'mêmes', 'plupart', 'uns', 'autres', 'leur', 'leurs', 'texte', 'communiqué', 'document', 'rapport', 'fait', 'fois', 'jour', 'an', 'année', 'semaine', 'mois']);

/** A subject named by common nouns (`des milliers de manifestants scandaient`, `les autorités locales`): a group speaker. */
function commonNounSubject(phrase: string): Speaker | null {
  const m = COMMON_SUBJECT_RE.exec(phrase.replace(/[\s\u00a0]+/gu, ' ').trim());
  if (!m || NOT_SUBJECT_HEADS.has(m[1].split(' ')[0])) return null;
  return { name: m[1].charAt(0).toLocaleUpperCase('fr') + m[1].slice(1), type: 'organization', id: null, gender: null };
}

/** `selon` or `d'après` at `tokens[i]`: its length in tokens, else 0. */
function selonLength(tokens: readonly Token[], i: number): number {
  if (tokens[i]?.lower === 'selon') return 1;
  if (/^d[’']$/u.test(tokens[i]?.lower ?? '') && tokens[i + 1]?.lower === 'après') return 2;
  return 0;
}

const quoteTokenIndex = (tokens: readonly Token[], quote: number) => tokens.findIndex((t) => t.kind === 'quote' && t.quote === quote);

/** End of a noun phrase after an inverted verb: the next punctuation or clause opener. */
function phraseEnd(text: string, from: number, limit: number): number {
  const rest = text.slice(from, limit);
  const m = /[,.;:!?()\n«»“”"]|\s(?:lors|dans|devant|en marge|au cours|à l[’']issue|après|avant|pendant|depuis|sur|selon|qui|alors|tandis|mais|et)\s/u.exec(rest);
  return m ? from + m.index : limit;
}

interface Salient {
  at: number;
  speaker: Speaker;
}

/** The agreements a salient speaker is looked up by. */
const AGREEMENTS = {
  any: () => true,
  person: (s: Speaker) => s.type === 'person',
  feminine: (s: Speaker) => s.type === 'person' && s.gender === 'f',
  masculine: (s: Speaker) => s.type === 'person' && s.gender !== 'f',
  notPerson: (s: Speaker) => s.type !== 'person',
};
type Agreement = keyof typeof AGREEMENTS;

/** Salient speakers added in text order, with the ones of each agreement. */
class SalientSpeakers {
  private readonly byAgreement = new Map<Agreement, Salient[]>(Object.keys(AGREEMENTS).map((a) => [a as Agreement, []]));

  add(entry: Salient): void {
    for (const [agreement, list] of this.byAgreement) if (AGREEMENTS[agreement](entry.speaker)) list.push(entry);
  }

  /** The latest entry of that agreement at `floor <= at < before` (the first added among equals). */
  latest(agreement: Agreement, before: number, floor: number): Salient | undefined {
    const list = this.byAgreement.get(agreement)!;
    let k = partitionPoint(list, (s) => s.at < before) - 1;
    if (k < 0 || list[k].at < floor) return undefined;
    while (k > 0 && list[k - 1].at === list[k].at) k--;
    return list[k];
  }
}

class DocumentQuotes {
  private readonly candidates: Candidate[];
  private readonly textCandidates: TextCandidates;
  /** Candidates by end offset, each list in text order. */
  private readonly candidatesByEnd = new Map<number, Candidate[]>();
  /** Subject-position people and bodies. */
  private readonly subjects = new SalientSpeakers();
  private readonly people: PeopleIndex;
  private readonly entityMentions: EntityMention[];
  /** Speakers of the quotations attributed so far, in text order. */
  private readonly speakersSoFar = new SalientSpeakers();
  private lastFrame: (Span & { tokens: Token[] }) | null = null;

  constructor(
    private readonly text: string,
    private readonly sentences: readonly Span[],
    private readonly spans: readonly QuotedSpan[],
  ) {
    this.people = indexPeople(text);
    this.entityMentions = entityMentionsWithPeople(text, this.people);
    this.textCandidates = textCandidates(text, this.people);
    this.candidates = speakerCandidates(text, this.people, this.entityMentions, spans, this.textCandidates);
    for (const c of this.candidates) {
      const list = this.candidatesByEnd.get(c.end);
      if (list) list.push(c);
      else this.candidatesByEnd.set(c.end, [c]);
      if (c.subjectLike && c.kind !== 'pronoun' && c.speaker && !c.indefinite) this.subjects.add({ at: c.start, speaker: c.speaker });
    }
  }

  /** The first candidate, in text order, starting after `at` that passes `test`; candidates starting at `limit` or later are not looked at. */
  private candidateAfter(at: number, limit: number, test: (c: Candidate) => boolean): Candidate | undefined {
    for (let k = partitionPoint(this.candidates, (c) => c.start <= at); k < this.candidates.length && this.candidates[k].start < limit; k++) {
      if (test(this.candidates[k])) return this.candidates[k];
    }
    return undefined;
  }

  attribute(index: number): Attribution | null {
    const span = this.spans[index];
    const frame = frameOf(this.sentences, span, this.text);
    const tokens = this.frameTokens(frame);
    const q = quoteTokenIndex(tokens, index);
    const none: Attribution = { speaker: null, cue: null, verb: null, tokens: null };
    const withVerb = (verb: VerbGroup, speaker: Speaker | null): Attribution => ({ speaker, cue: verb.infinitive, verb, tokens });

    const headline = this.parenthesizedSpeaker(span);
    if (headline) return { ...none, speaker: headline };

    // « … », a déclaré X / « … », a-t-il insisté
    let j = q + 1;
    if (tokens[j]?.text === ',') j++;
    const immediate = verbGroupAt(tokens, j);
    if (immediate && immediate.finite) return withVerb(immediate, this.invertedSubject(tokens, immediate, frame));

    const incise = this.inciseInside(span);
    if (incise) return incise;

    const selonNext = this.selonSpeaker(tokens, q);
    const before = this.lastVerbBefore(tokens, q);
    const beforeSpeaker = before ? (before.finite ? this.subjectBefore(tokens, before, frame) : this.gerundSubject(tokens, before, frame)) : null;
    // `X a taclé « … », selon l'agence Belga`: a news outlet after the quotation reports X's words
    if (selonNext && !(beforeSpeaker && isNewsOutlet(selonNext.name))) return { ...none, speaker: selonNext };

    if (before && (beforeSpeaker || before.pronoun)) return withVerb(before, beforeSpeaker);

    const after = this.invertedVerbAfter(tokens, q);
    if (after) return withVerb(after, this.invertedSubject(tokens, after, frame));

    const selon = this.selonAnywhere(tokens);
    if (selon) return { ...none, speaker: selon };
    // `on parle d'une « guerre d'usure »`: an impersonal subject attributes the words to no one
    if (before && !this.impersonalSubject(tokens, before)) return withVerb(before, null);

    const pour = this.pourSpeaker(span, frame);
    if (pour) return { ...none, speaker: pour };

    const standalone = tokens.every((t, k) => k === q || t.kind !== 'word');
    if (standalone || tokens[q - 1]?.text === ':') {
      const colonSubject = tokens[q - 1]?.text === ':' ? this.mainSubject(tokens, q) : null;
      return { ...none, speaker: colonSubject ?? this.salient(span.open, null, 3) };
    }
    return null;
  }

  /** Tokens of a frame; quotations in one sentence share them. */
  private frameTokens(frame: Span): Token[] {
    if (this.lastFrame?.start !== frame.start || this.lastFrame.end !== frame.end) {
      this.lastFrame = { ...frame, tokens: tokenize(this.text, frame.start, frame.end, this.spans) };
    }
    return this.lastFrame.tokens;
  }

  /** `« Nous sommes prêts, a-t-il dit, à discuter »`: an attribution set inside the quotation. */
  private inciseInside(span: QuotedSpan): Attribution | null {
    // an incise follows a comma
    if (!this.text.slice(span.start, span.end).includes(',')) return null;
    const tokens = tokenize(this.text, span.start, span.end, []);
    for (let i = 1; i < tokens.length - 1; i++) {
      if (tokens[i - 1].text !== ',') continue;
      const verb = verbGroupAt(tokens, i);
      if (!verb || !verb.finite) continue;
      const close = tokens.findIndex((t, k) => k >= verb.to && t.text === ',');
      if (close < 0 || close - verb.to > 8) continue;
      const speaker = verb.pronoun
        ? this.salient(verb.start, verb.pronoun)
        : this.resolveCandidate(candidateAt(this.inciseCandidates(span), this.text, tokens[skipAdverbs(tokens, verb.to)].start, tokens[close].start));
      return { speaker, cue: verb.infinitive, verb, tokens };
    }
    return null;
  }

  /** Candidates inside a quotation's incise (the document-level list leaves quotations out). */
  private inciseCandidates(span: QuotedSpan): Candidate[] {
    const entities: EntityMention[] = [];
    for (let k = partitionPoint(this.entityMentions, (e) => e.start < span.start); k < this.entityMentions.length && this.entityMentions[k].start < span.end; k++) {
      if (this.entityMentions[k].end <= span.end) entities.push(this.entityMentions[k]);
    }
    return speakerCandidates(this.text, this.people, entities, [], textCandidatesWithin(this.textCandidates, span.start, span.end))
      .filter((c) => c.start >= span.start && c.end <= span.end);
  }

  remember(at: number, speaker: Speaker | null): void {
    if (speaker) this.speakersSoFar.add({ at, speaker });
  }

  /** `"…" (Alexandre Loukachenko)`: a headline quote signed in parentheses. */
  private parenthesizedSpeaker(span: QuotedSpan): Speaker | null {
    const m = /^[\s\u00a0]*\(([^()\n]{2,80})\)/u.exec(this.text.slice(span.close + 1, span.close + 90));
    if (!m) return null;
    const from = span.close + 1 + m[0].indexOf('(') + 1;
    return candidateAt(this.candidates, this.text, from, from + m[1].length)?.speaker ?? null;
  }

  private resolveCandidate(candidate: Candidate | null): Speaker | null {
    if (!candidate) return null;
    if (candidate.kind === 'pronoun') return this.salient(candidate.start, candidate.pronoun ?? null);
    return candidate.speaker;
  }

  /** The subject after an inverted verb (`a déclaré M. Poutine`), or its written pronoun. */
  private invertedSubject(tokens: readonly Token[], verb: VerbGroup, frame: Span): Speaker | null {
    if (verb.pronoun) return this.salient(verb.start, verb.pronoun);
    let k = skipAdverbs(tokens, verb.to);
    // `a déclaré à l'AFP Mikhaïl Podoliak`, `affirme dans un communiqué le ministère`: a complement before the subject
    if (/^(?:à|au|aux|dans|devant|lors|sur|auprès|en)$/u.test(tokens[k]?.lower ?? '')) {
      const limit = tokens.find((t, m) => m > k && (t.text === ',' || t.text === '.'))?.start ?? frame.end;
      return this.candidateAfter(tokens[k].end, limit, (c) => c.subjectLike && c.kind !== 'pronoun')?.speaker ?? null;
    }
    k = skipAdverbs(tokens, k);
    const from = tokens[k]?.start;
    if (from === undefined || tokens[k].kind !== 'word') return null;
    const to = phraseEnd(this.text, from, frame.end);
    const direct = candidateAt(this.candidates, this.text, from, Math.max(to, from + 1));
    if (direct) return this.resolveCandidate(direct);
    const named = properNounPhrase(this.text.slice(from, to));
    if (named) return named;
    // `indique un communiqué de l'Élysée`: the issuer of a written statement
    if (/^(?:le|la|l[’']|un|une)?\s*(?:communiqué|texte|déclaration|lettre|message|note|tweet|publication|compte|site|porte-parole)(?![\p{L}\p{M}])/iu.test(this.text.slice(from, to))) {
      const end = Math.max(to, from + 1);
      return this.candidateAfter(from, end, (c) => c.end <= end && c.kind !== 'pronoun')?.speaker ?? null;
    }
    return null;
  }

  /** The last reporting verb before the quotation in its sentence. */
  private lastVerbBefore(tokens: readonly Token[], q: number): VerbGroup | null {
    let found: VerbGroup | null = null;
    for (let i = 0; i < q; i++) {
      if (tokens[i].kind !== 'word') continue;
      const group = verbGroupAt(tokens, i);
      if (group && group.to <= q) {
        found = group;
        i = group.to - 1;
      }
    }
    return found;
  }

  /** A later inverted verb in the sentence: `…, a précisé M. Poutine.` or `…, a-t-il ajouté`. */
  private invertedVerbAfter(tokens: readonly Token[], q: number): VerbGroup | null {
    for (let i = q + 1; i < tokens.length; i++) {
      if (tokens[i - 1]?.text !== ',' && tokens[i - 1]?.kind !== 'quote') continue;
      const group = verbGroupAt(tokens, i);
      if (!group || !group.finite) continue;
      if (group.pronoun) return group;
      const next = tokens[skipAdverbs(tokens, group.to)];
      // an inversion puts the subject after the verb: `, a précisé M. Poutine`
      if (next && next.kind === 'word') return group;
    }
    return null;
  }

  private selonSpeaker(tokens: readonly Token[], q: number): Speaker | null {
    let j = q + 1;
    if (tokens[j]?.text === ',') j++;
    if (selonLength(tokens, j)) return this.phraseSpeaker(tokens, j + selonLength(tokens, j));
    let k = q - 1;
    if (tokens[k]?.text === ',') k--;
    // `selon X, « … »`
    for (let i = Math.max(0, k - 8); i <= k; i++) {
      if (selonLength(tokens, i) && !tokens.slice(i + 1, k + 1).some((t) => t.kind === 'quote' || t.text === '.')) {
        return this.phraseSpeaker(tokens, i + selonLength(tokens, i));
      }
    }
    return null;
  }

  private selonAnywhere(tokens: readonly Token[]): Speaker | null {
    for (let i = 0; i < tokens.length; i++) {
      if (!selonLength(tokens, i)) continue;
      const speaker = this.phraseSpeaker(tokens, i + selonLength(tokens, i), true);
      if (speaker) return speaker;
    }
    return null;
  }

  /** The speaker a `selon` phrase names; `described` also takes a source named by common nouns (`une source diplomatique`). */
  private phraseSpeaker(tokens: readonly Token[], i: number, described = false): Speaker | null {
    const from = tokens[i]?.start;
    if (from === undefined) return null;
    // `selon lui`, `pour elle`: the salient person
    if (tokens[i].lower === 'lui' || tokens[i].lower === 'elle') return this.salient(from, tokens[i].lower === 'lui' ? 'il' : 'elle');
    const to = phraseEnd(this.text, from, tokens[tokens.length - 1].end);
    const direct = candidateAt(this.candidates, this.text, from, Math.max(to, from + 1));
    const resolved = this.resolveCandidate(direct);
    if (resolved || (direct && !described)) return resolved;
    // `selon un communiqué du Kremlin`: the issuer named in the phrase
    const inside = this.candidateAfter(from - 1, to, (c) => c.end <= to && c.kind !== 'pronoun');
    return inside?.speaker ?? (described ? describedSource(this.text.slice(from, to)) : null);
  }

  /** `Pour X, « … »`: the opinion holder before the quotation. */
  private pourSpeaker(span: QuotedSpan, frame: Span): Speaker | null {
    const before = this.text.slice(frame.start, span.open);
    // `Pour X, « … »` right before the quotation, or `Pour X, …` opening its sentence
    const m = /(?:^|[\s,])[Pp]our\s+([^,«»“”"]{2,80}),[\s\u00a0]*$/u.exec(before) ?? /^[\s\u00a0]*()Pour\s+([^,«»“”"]{2,80}),/u.exec(before);
    if (!m) return null;
    const holder = m[2] ?? m[1];
    const from = frame.start + m.index + m[0].indexOf(holder);
    const candidate = candidateAt(this.candidates, this.text, from, from + holder.length);
    return candidate && candidate.kind !== 'pronoun' ? candidate.speaker : null;
  }

  /** Subject of a finite verb: the phrase right before it, skipping adverbs and a comma-enclosed incise. */
  private subjectBefore(tokens: readonly Token[], verb: VerbGroup, frame: Span): Speaker | null {
    if (verb.pronoun) return this.salient(verb.start, verb.pronoun);
    let j = verb.from - 1;
    for (let guard = 0; guard < 4 && j >= 0; guard++) {
      while (j >= 0 && tokens[j].kind === 'word' && (adverbLength(tokens, j) === 1 || CLITICS.has(tokens[j].lower))) j--;
      if (j < 0) break;
      // `les propos de X, qui a qualifié de « … »`: the antecedent of the relative pronoun
      if (tokens[j].lower === 'qui') {
        j--;
        if (tokens[j]?.text === ',') j--;
        const antecedent = j >= 0 ? this.candidateEndingAt(tokens[j].end, frame.start) : undefined;
        return antecedent ? this.resolveCandidate(antecedent) : null;
      }
      if (tokens[j].text === ',') {
        let c = j - 1;
        while (c >= 0 && tokens[c].text !== ',' && tokens[c].kind !== 'quote') c--;
        if (c < 0) break;
        // `La porte-parole du ministère, Maria Zakharova, a qualifié`: a name in apposition is the subject
        const apposition = c + 1 < j ? this.candidates.find((cand) => cand.kind === 'entity' && cand.speaker?.type === 'person'
          && cand.start === tokens[c + 1].start && cand.end === tokens[j - 1].end) : undefined;
        if (apposition) return apposition.speaker;
        j = c - 1;
        continue;
      }
      // `L'organisation « Médecins sans frontières » a riposté`: a quoted name after a naming noun
      if (tokens[j].kind === 'quote') {
        const span = this.spans[tokens[j].quote!];
        if (span && tokens[j - 1]?.kind === 'word' && NAME_HEADS.has(tokens[j - 1].lower)) {
          return { name: this.text.slice(span.start, span.end), type: 'organization', id: null, gender: null };
        }
        break;
      }
      const end = tokens[j].end;
      const candidate = this.candidateEndingAt(end, frame.start);
      if (candidate) return this.resolveCandidate(candidate);
      // `Le Haut-Commissariat aux droits de l'homme juge …`: a proper name the lexicons lack
      let c = j;
      while (c > 0 && tokens[c - 1].kind === 'word' && !/^(?:que|qu[’']|et|mais|car|donc|or|où)$/u.test(tokens[c - 1].lower)) c--;
      const phrase = this.text.slice(tokens[c].start, end);
      const named = properNounPhrase(phrase, true) ?? unknownFullName(phrase) ?? commonNounSubject(phrase);
      if (named) return named;
      break;
    }
    // the last subject of the frame before the verb
    for (let k = partitionPoint(this.candidates, (c) => c.start < verb.start) - 1; k >= 0 && this.candidates[k].start >= frame.start; k--) {
      const c = this.candidates[k];
      if (c.subjectLike && c.end <= verb.start && c.kind !== 'pronoun') return c.speaker;
    }
    return null;
  }

  /** Whether a verb's subject is the impersonal `on` (`on parle de`, `on l'a qualifié de`). */
  private impersonalSubject(tokens: readonly Token[], verb: VerbGroup): boolean {
    if (verb.pronoun === 'on') return true;
    let j = verb.from - 1;
    while (j >= 0 && tokens[j].kind === 'word' && (adverbLength(tokens, j) === 1 || CLITICS.has(tokens[j].lower))) j--;
    return tokens[j]?.lower === 'on';
  }

  /** The first candidate ending at `end` that starts at `from` or later. */
  private candidateEndingAt(end: number, from: number): Candidate | undefined {
    return this.candidatesByEnd.get(end)?.find((c) => c.start >= from);
  }

  /**
   * Subject of a gerund: that of an attribution earlier in the sentence (`« … », a-t-elle
   * insisté, ajoutant que`), else the main clause's (`X a remercié Y, estimant que`).
   */
  private gerundSubject(tokens: readonly Token[], gerund: VerbGroup, frame: Span): Speaker | null {
    for (let i = gerund.from - 1; i >= 0; i--) {
      const group = verbGroupAt(tokens, i);
      if (!group || !group.finite || group.to > gerund.from) continue;
      // an inversion follows the quotation (`« … », a-t-elle insisté`); `X, qui …, a remercié Y` is not one
      const inverted = group.pronoun !== null || tokens[i - 1]?.kind === 'quote' || (tokens[i - 1]?.text === ',' && tokens[i - 2]?.kind === 'quote');
      if (inverted) {
        const speaker = this.invertedSubject(tokens, group, frame);
        if (speaker) return speaker;
      }
      break;
    }
    return this.mainSubject(tokens, gerund.from);
  }

  /** Subject of the sentence's main clause, for a gerund (`X a remercié Y, estimant que`). */
  private mainSubject(tokens: readonly Token[], upTo: number): Speaker | null {
    const from = tokens[0]?.start ?? 0;
    const to = tokens[upTo]?.start ?? from;
    const first = this.candidateAfter(from - 1, to, (c) => c.subjectLike && c.end <= to);
    return this.resolveCandidate(first ?? null);
  }

  /**
   * The last salient speaker or subject before `at` (within `maxSentences` sentences
   * when given): quote speakers and subject-position people, agreeing with the pronoun.
   */
  private salient(at: number, pronoun: string | null, maxSentences?: number): Speaker | null {
    if (pronoun === 'ils' || pronoun === 'elles' || pronoun === 'on') return null;
    const floor = maxSentences === undefined ? 0 : this.sentenceStartBefore(at, maxSentences);
    const agreement: Agreement = pronoun === 'elle' ? 'feminine' : pronoun === 'il' ? 'masculine' : 'any';
    // with no pronoun to agree with (a quote standing alone), people come first
    const match = (pronoun === null ? this.latestSalient('person', at, floor) : undefined) ?? this.latestSalient(agreement, at, floor);
    if (match) return match;
    if (pronoun === 'elle') {
      const body = this.latestSalient('notPerson', at, floor);
      if (body) return body;
    }
    return pronoun === 'il' || pronoun === 'elle' ? this.cataphoricPerson(at, pronoun) : null;
  }

  /**
   * A pronoun no earlier speaker or subject resolves (`« … », explique-t-il. Le président
   * iranien Massoud Pezeshkian s'exprimait…`): the first person named as a subject in the
   * rest of its sentence or the next one, agreeing in gender.
   */
  private cataphoricPerson(at: number, pronoun: 'il' | 'elle'): Speaker | null {
    const k = partitionPoint(this.sentences, (s) => s.end <= at);
    const limit = this.sentences[k + 1]?.end ?? this.sentences[k]?.end ?? at;
    const agrees = AGREEMENTS[pronoun === 'elle' ? 'feminine' : 'masculine'];
    return this.candidateAfter(at, limit, (c) => c.subjectLike && c.kind !== 'pronoun' && !c.indefinite && !!c.speaker && agrees(c.speaker))?.speaker ?? null;
  }

  /** The latest quote speaker or subject of that agreement from `floor` to before `at` (a quote speaker first at one offset). */
  private latestSalient(agreement: Agreement, at: number, floor: number): Speaker | undefined {
    const said = this.speakersSoFar.latest(agreement, at, floor);
    const subject = this.subjects.latest(agreement, at, floor);
    return said && (!subject || said.at >= subject.at) ? said.speaker : subject?.speaker;
  }

  private sentenceStartBefore(at: number, count: number): number {
    const k = Math.max(0, partitionPoint(this.sentences, (s) => s.end <= at) - count);
    return this.sentences[k]?.start ?? 0;
  }
}

/** The date mentions of an article, found by position. */
class ArticleDates {
  /** Positions in `dates`, by start offset. */
  private readonly byStart: number[];

  constructor(private readonly dates: readonly DateMention[]) {
    this.byStart = dates.map((_, k) => k).sort((a, b) => dates[a].start - dates[b].start);
  }

  /** The dates lying within `frame`, in their original order. */
  within(frame: Span): DateMention[] {
    const positions: number[] = [];
    for (let k = partitionPoint(this.byStart, (p) => this.dates[p].start < frame.start); k < this.byStart.length; k++) {
      const date = this.dates[this.byStart[k]];
      if (date.start > frame.end) break;
      if (date.end <= frame.end) positions.push(this.byStart[k]);
    }
    return positions.sort((a, b) => a - b).map((p) => this.dates[p]);
  }
}

/**
 * The date an utterance was made, from a date next to its reporting verb (`a assuré
 * lundi`, `Aujourd'hui, X a déclaré`), never from a date inside the quotation.
 */
function utteranceDate(text: string, attribution: Attribution, dates: ArticleDates, frame: Span, spans: readonly QuotedSpan[]): string | null {
  const verb = attribution.verb;
  if (!verb) return null;
  // the spans are in text order without overlaps: only the last one opening before a date can hold it
  const insideQuote = (d: DateMention) => {
    const span = spans[partitionPoint(spans, (s) => s.open < d.start) - 1];
    return span !== undefined && d.end <= span.close;
  };
  for (const date of dates.within(frame)) {
    if (date.value == null || insideQuote(date)) continue;
    const withinGroup = date.start >= verb.start && date.end <= verb.end + 1;
    const rightAfter = date.start >= verb.end && /^[\s\u00a0,]*$/u.test(text.slice(verb.end, date.start));
    const sentenceInitial = /^[\s\u00a0]*$/u.test(text.slice(frame.start, date.start)) && /^[\s\u00a0]*,/u.test(text.slice(date.end)) && date.end < verb.start;
    if (withinGroup || rightAfter || sentenceInitial) return date.value;
  }
  return null;
}

/** A restated claim (`X a assuré lundi que… . M. X a assuré que « … »`) takes the date of the first statement. */
function restatedDate(text: string, attribution: Attribution, dates: ArticleDates, frame: Span, sentences: readonly Span[]): string | null {
  const verb = attribution.verb;
  if (!verb) return null;
  const index = partitionPoint(sentences, (s) => s.start < frame.start);
  const previous = index > 0 ? sentences[index - 1] : undefined;
  // only a dated sentence can date the restated claim
  if (!previous || !dates.within(previous).some((d) => d.value != null)) return null;
  const tokens = tokenize(text, previous.start, previous.end, []);
  for (let i = 0; i < tokens.length; i++) {
    const group = verbGroupAt(tokens, i);
    if (!group || group.infinitive !== verb.infinitive) continue;
    const date = utteranceDate(text, { ...attribution, verb: group, tokens }, dates, previous, []);
    if (date) return date;
  }
  return null;
}

const foldQuote = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Quote groups: the same words printed twice (headline and body) share a group. */
function groupQuotes(docId: string, quotes: QuoteMention[]): void {
  // only quotations of 12 characters or more (folded) join a group
  const longGroups: Array<{ key: string; id: string }> = [];
  for (const quote of quotes) {
    const key = foldQuote(quote.text);
    const same = key.length >= 12 ? longGroups.find((g) => g.key === key || g.key.includes(key) || key.includes(g.key)) : undefined;
    if (same) {
      quote.quote_group = same.id;
      continue;
    }
    const id = stableId('quote_group', docId, quote.start, quote.end);
    if (key.length >= 12) longGroups.push({ key, id });
    quote.quote_group = id;
  }
  // one quotation has one speaker: fill a missing speaker from its group's first known one
  const knownByGroup = new Map<string, QuoteMention>();
  for (const quote of quotes) if (quote.speaker && !knownByGroup.has(quote.quote_group)) knownByGroup.set(quote.quote_group, quote);
  for (const quote of quotes) {
    if (quote.speaker) continue;
    const known = knownByGroup.get(quote.quote_group);
    if (known) {
      quote.speaker = known.speaker;
      quote.speaker_id = known.speaker_id;
    }
  }
}

/** Words as a reader counts them: an elided article stays with its word (`l'intégration` is one). */
const wordCount = (s: string): number => s.split(/[\s\u00a0\u202f]+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/**
 * A quotation that runs over paragraphs but whose first paragraph already carries an
 * inverted attribution (`« Nous ne céderons pas, a déclaré le ministre.¶« Nous…`) lost
 * its closing mark: the next paragraph's « opens a new quotation instead.
 */
function splitLostClosings(text: string, spans: QuotedSpan[]): { spans: QuotedSpan[]; problems: QuoteMarkProblem[] } {
  const out: QuotedSpan[] = [];
  const problems: QuoteMarkProblem[] = [];
  for (const span of spans) {
    let current = span;
    for (let guard = 0; guard < 20; guard++) {
      const breakAt = text.indexOf('\n', current.start);
      if (breakAt < 0 || breakAt >= current.end) break;
      const tokens = tokenize(text, current.start, breakAt, []);
      const attributed = tokens.some((t, i) => t.text === ',' && verbGroupAt(tokens, i + 1)?.finite);
      if (!attributed) break;
      let reopen = breakAt;
      while (reopen < current.end && /[\s\u00a0]/u.test(text[reopen])) reopen++;
      let start = reopen + 1;
      while (start < current.end && /[\s\u00a0\u202f]/u.test(text[start])) start++;
      problems.push({ offset: current.open, reason: 'unclosed' });
      current = { ...current, open: reopen, start };
    }
    if (current.end > current.start) out.push(current);
  }
  return { spans: out, problems };
}

function scanQuotes(text: string): { spans: QuotedSpan[]; problems: QuoteMarkProblem[] } {
  const scan = findQuotedSpans(text);
  const split = splitLostClosings(text, scan.spans);
  return { spans: split.spans, problems: [...scan.problems, ...split.problems].sort((a, b) => a.offset - b.offset) };
}

/** Quote-mark problems of an article (unbalanced or runaway marks), for reports. */
export function quoteMarkProblems(text: string): QuoteMarkProblem[] {
  return scanQuotes(text).problems;
}

/** Direct quotations and their speakers (annotation guidelines §2). */
export function extractQuotes(doc: DocInput, dates: DateMention[]): QuoteMention[] {
  const { text } = doc;
  const spans = scanQuotes(text).spans;
  if (!spans.length) return [];
  const context = new DocumentQuotes(text, doc.sentences, spans);
  const articleDates = new ArticleDates(dates);
  const quotes: QuoteMention[] = [];
  spans.forEach((span, index) => {
    if (isTitleOrName(text, span)) return;
    const quoted = text.slice(span.start, span.end);
    if (!/[\p{L}\p{N}]/u.test(quoted)) return;
    const attribution = context.attribute(index);
    if (!attribution) return;
    context.remember(span.open, attribution.speaker);
    const frame = frameOf(doc.sentences, span, text);
    const saidOn = utteranceDate(text, attribution, articleDates, frame, spans) ?? restatedDate(text, attribution, articleDates, frame, doc.sentences);
    quotes.push({
      text: quoted,
      kind: wordCount(quoted) < 3 ? 'fragment' : 'quote',
      speaker: attribution.speaker?.name ?? null,
      speaker_id: attribution.speaker?.id ?? null,
      cue: attribution.cue,
      said_on: saidOn,
      quote_group: '',
      start: span.start,
      end: span.end,
    });
  });
  groupQuotes(doc.doc_id, quotes);
  return quotes;
}
