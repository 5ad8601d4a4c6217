import { BOTH_PARTIES, findActorMentions, indexPeople, mainActors, type PeopleIndex } from '../lexicon/actors.ts';
import { formsOf, isFutureForm, type TenseCode } from '../lexicon/conjugation.ts';
import { findPlaceMentionsIn, type PlaceMention } from '../lexicon/places.ts';
import { findTriggerMatches, type CompiledTrigger, type EventType } from '../lexicon/triggers.ts';
import type { Span } from '../text/sentences.ts';
import type { DateMention, DocInput, EventMention } from './types.ts';

/** How a verb's tense places the event in time. */
type TimeFrame = 'current' | 'background' | 'future' | 'hypothetical';

interface Candidate {
  trigger: CompiledTrigger;
  type: EventType;
  start: number;
  end: number;
  frame: TimeFrame;
}

// ---------------------------------------------------------------- clauses

/** Punctuation and conjunctions that end a clause inside a sentence. */
const CLAUSE_BREAK = /[,;:()–—]|\s-\s|\s(?:mais|tandis\s+que|alors\s+que|puis|car|or)\s|\set\s(?=(?:a|ont|avait|avaient|est|sont|était|étaient|sera|seront|il|elle|ils|elles)\s)/gu;

/** Clause spans of a sentence (absolute offsets). */
export function clausesOf(text: string, sentence: Span): Span[] {
  const body = text.slice(sentence.start, sentence.end);
  const spans: Span[] = [];
  let from = 0;
  for (const m of body.matchAll(CLAUSE_BREAK)) {
    spans.push({ start: sentence.start + from, end: sentence.start + m.index });
    from = m.index + m[0].length;
  }
  spans.push({ start: sentence.start + from, end: sentence.end });
  return spans.filter((s) => s.end > s.start);
}

function clauseAt(clauses: Span[], offset: number): Span {
  return clauses.find((c) => offset >= c.start && offset < c.end) ?? clauses[clauses.length - 1];
}

const RELATIVE_CLAUSE = /^\s*(?:qui|que|qu['’]|dont|où|lequel|laquelle|lesquels|lesquelles)(?![\p{L}])/u;

/** Spans of quotations of eight words or more: speech, not narration. */
export function longQuoteSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(/«([^»]*)»|“([^”]*)”|"([^"\n]*)"/gu)) {
    const inner = m[1] ?? m[2] ?? m[3] ?? '';
    if (inner.trim().split(/\s+/u).length >= 8) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

const inside = (spans: Span[], offset: number): boolean => spans.some((s) => offset >= s.start && offset < s.end);

// ------------------------------------------------------------ negation etc.

const NEGATION_BEFORE = /(?:(?<![\p{L}])ne|(?<![\p{L}])n['’])\s*(?:[\p{L}'’-]+\s+){0,3}?(?:pas|plus|jamais|guère|point|nullement|aucunement)(?![\p{L}])|(?<![\p{L}])ni(?![\p{L}])|(?<![\p{L}])(?:aucune?|sans|pas\s+(?:de|d['’]))(?![\p{L}])\s*(?:[\p{L}'’-]+\s+){0,3}$/iu;
const NEGATION_AFTER_NOUN = /(?<![\p{L}])n['’](?:a|ont|aura|avait|avaient|était|étaient|est|sont|sera|seront)\s+(?:pas|jamais|plus|toujours\s+pas)(?![\p{L}])/u;
const NE_BEFORE_VERB = /(?<![\p{L}])(?:ne|n['’])\s*(?:[\p{L}'’-]+\s+){0,3}$/iu;
const NEGATED_VERB_AFTER = /^\s*(?:pas|plus|jamais|guère|point|nullement)(?![\p{L}])/u;
const HYPOTHESIS = /(?<![\p{L}])(?:si|hypothèse|éventuel(?:le)?s?|éventuellement|possibles?|pourrai(?:t|ent)|pourra(?:it)?|envisag\p{L}*|rumeurs?|spéculations?|risque\s+de|craint\p{L}*|crain(?:t|dre)|menaces?\s+(?:de|d['’])|intérêt\s+à|tentatives?\s+(?:de|d['’])|dans\s+l['’]espoir\s+(?:de|d['’]))(?:(?<=['’])|(?![\p{L}]))/iu;

const CONDITION = /(?<![\p{L}])(?:si|s['’](?=ils?(?![\p{L}]))|hypothèse|éventuel\p{L}*|rumeurs?|spéculations?)(?:(?<=['’])|(?![\p{L}]))/iu;

/** Statement verbs whose `que` clause describes, rather than reports, a noun event. */
const STATEMENT_VERBS = ['déclarer', 'affirmer', 'indiquer', 'assurer', 'estimer', 'souligner', 'expliquer', 'préciser', 'ajouter', 'juger', 'considérer', 'dire', 'répéter', 'rappeler', 'noter', 'relever', 'réaffirmer', 'insister', 'espérer', 'craindre', 'annoncer', 'confirmer', 'démentir', 'prévenir', 'avertir'];
const STATEMENT_FORMS = STATEMENT_VERBS.flatMap((v) => formsOf(v, ['P', 'K', 'I', 'J', 'G', 'F']));
const QUE_CLAUSE = new RegExp(String.raw`(?<![\p{L}])(?:${[...new Set(STATEMENT_FORMS)].sort((a, b) => b.length - a.length).join('|')})(?:\s+[\p{L}'’-]+){0,3}?\s+(?:que|qu['’])`, 'u');
/** Whether `text` has a statement's `que` clause (the long pattern only runs where `qu` is). */
const hasQueClause = (text: string): boolean => text.includes('qu') && QUE_CLAUSE.test(text);

// ---------------------------------------------------------------- tenses

const AUX_PRESENT = new Set([...formsOf('avoir', ['P', 'S']), ...formsOf('être', ['P', 'S']), 'ayant', 'étant']);
const AUX_IMPERFECT = new Set([...formsOf('avoir', ['I']), ...formsOf('être', ['I'])]);
const AUX_FUTURE = new Set([...formsOf('avoir', ['F']), ...formsOf('être', ['F'])]);
const AUX_CONDITIONAL = new Set([...formsOf('avoir', ['C']), ...formsOf('être', ['C'])]);
const AUX_PAST_SIMPLE = new Set([...formsOf('avoir', ['J']), ...formsOf('être', ['J'])]);
const NEAR_FUTURE = new Set([...formsOf('aller', ['P', 'I']), ...formsOf('devoir', ['P', 'F', 'C', 'I']), 'continuer', 'continuera', 'continueront', 'continue', 'continuent', 'apprête', 'apprêtent', 'prévoit', 'prévoient', 'compte', 'comptent', 'entend', 'entendent', 'devrait', 'devraient']);
const MODAL_HYPOTHESIS = new Set([...formsOf('pouvoir', ['P', 'C', 'F', 'I']), ...formsOf('vouloir', ['P', 'C', 'I']), ...formsOf('souhaiter', ['P', 'C', 'I']), ...formsOf('espérer', ['P', 'I'])]);
/** Words skipped when looking back from a verb to its auxiliary. */
const SKIPPABLE = /^(?:ne|n['’]|pas|plus|jamais|y|en|se|s['’]|lui|leur|les|la|le|l['’]|me|m['’]|te|t['’]|nous|vous|déjà|également|aussi|toujours|encore|même|bien|ensuite|enfin|ainsi|donc|pourtant|toutefois|cependant|néanmoins|désormais|notamment|d['’]ailleurs|ailleurs|par|finalement|certes|alors|tout|très|souvent|récemment|officiellement|effectivement|hier|aujourd['’]hui|aussitôt|bientôt|vite|tôt|tard|longtemps|surtout|mieux|peu|beaucoup|trop|demain|auparavant|publiquement|fois|nouvelle|une|nouveau|lui-même|elle-même|eux-mêmes|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|-t-il|-t-elle|-ils|-elles|été|\p{L}+ment)$/u;

/** Set phrases that may stand between an auxiliary and its participle (`a de son côté livré`). */
const ADVERBIAL_PHRASES = /(?<![\p{L}])(?:de\s+(?:son|leur|notre)\s+côté|pour\s+(?:sa|leur|notre)\s+part|à\s+(?:son|leur)\s+tour|quant\s+à\s+(?:lui|elle|eux)|de\s+nouveau|à\s+nouveau|en\s+outre|en\s+effet|au\s+passage|en\s+revanche|(?:lui|elle|eux)\s+aussi|dans\s+la\s+foulée|en\s+personne)(?![\p{L}])/gu;

const ADVERBIAL_HINT = /côté|part|tour|quant|nouveau|outre|effet|passage|revanche|aussi|foulée|personne/u;

function previousWords(text: string, count: number): string[] {
  const tail = text.length > 200 ? text.slice(-200) : text;
  if (ADVERBIAL_HINT.test(tail)) text = tail.replace(ADVERBIAL_PHRASES, ' ');
  return text.split(/(?<=['’])|\s+/u).filter(Boolean).slice(-count);
}

function isAuxiliaryLike(word: string): boolean {
  const w = word.toLowerCase();
  return AUX_PRESENT.has(w) || AUX_IMPERFECT.has(w) || AUX_FUTURE.has(w) || AUX_CONDITIONAL.has(w) || AUX_PAST_SIMPLE.has(w) || w === 'avoir' || w === 'être';
}

/** The time frame a verb trigger's conjugation gives its event, or null when it is no report of an act. */
/** The auxiliary (`a`, `avait`, `sera`…) a participle hangs on, looking back over adverbs and clitics. */
function auxiliaryBefore(before: string): string | null {
  for (const word of previousWords(before, 6).reverse()) {
    const w = word.toLowerCase();
    if (isAuxiliaryLike(w)) return w;
    if (!SKIPPABLE.test(w)) return null;
  }
  return null;
}

const COORDINATED = /(?<![\p{L}])(?:et|puis)\s+(?:[\p{L}]+ment\s+)?$/u;

export function verbTimeFrame(tenses: readonly TenseCode[], before: string, after: string): TimeFrame | null {
  const words = previousWords(before, 6).reverse();
  const aux = auxiliaryBefore(before);
  if (tenses.includes('K') && aux) {
    if (AUX_IMPERFECT.has(aux)) return 'background';
    if (AUX_FUTURE.has(aux)) return 'future';
    if (AUX_CONDITIONAL.has(aux)) return 'hypothetical';
    if (aux === 'être') return /(?:à|pour|de|d['’])\s+être\s+(?:\S+\s+)?$/u.test(before) ? null : 'current';
    return 'current';
  }
  const finite = tenses.filter((t) => t !== 'K' && t !== 'W');
  if (finite.includes('F')) return 'future';
  if (finite.includes('C')) return 'hypothetical';
  if (finite.includes('I')) return 'background';
  if (finite.includes('P') || finite.includes('J') || finite.includes('S') || finite.includes('G')) return 'current';
  if (tenses.includes('K')) {
    // A bare participle reports an act in an apposition (`, réprimé en…`) or a passive (`visé par`).
    if (/,\s*$/u.test(before) || /^\s+par\s/u.test(after)) return 'current';
    // `a dénoncé une mesure et menacé de riposter`: the participle shares the auxiliary before `et`.
    if (COORDINATED.test(before)) {
      const shared = previousWords(before, 14).reverse().find((w) => isAuxiliaryLike(w.toLowerCase()))?.toLowerCase();
      if (shared && !AUX_IMPERFECT.has(shared) && !AUX_CONDITIONAL.has(shared)) return AUX_FUTURE.has(shared) ? 'future' : 'current';
    }
    return null;
  }
  if (tenses.includes('W')) {
    const governor = words.find((w) => !SKIPPABLE.test(w.toLowerCase()))?.toLowerCase() ?? '';
    if (NEAR_FUTURE.has(governor)) return 'future';
    if (/(?:continuer|continue|continuera|continuent)\s+(?:de|d['’]|à)\s*$/u.test(before)) return 'future';
    if (/(?:s['’]apprêt\p{L}*|prévoi\p{L}*|décidé)\s+(?:de|d['’]|à)\s*$/u.test(before)) return 'future';
    if (MODAL_HYPOTHESIS.has(governor)) return null;
    return null;
  }
  return null;
}

/** `ont bloqué des routes pour protester`: the purpose names what the act was. */
const PURPOSE = /(?<![\p{L}])(?:pour|afin\s+de|afin\s+d['’])\s*$/u;
function purposeFrame(type: EventType, tenses: readonly TenseCode[], before: string): TimeFrame | null {
  if (type === 'PROTEST' && tenses.includes('W') && PURPOSE.test(before)) {
    return 'current';
  }
  return null;
}

// ------------------------------------------------------------- candidates

/** `le traité signé en 1994`: a signing participle with its own year reports that signing. */
const SIGNING_LEMMAS = new Set(['signer', 'conclure', 'ratifier', 'parapher']);
const DATED_AFTER = /^\s+(?:[\p{L}'’-]+\s+){0,3}(?:1[89]\d\d|20\d\d)(?![\p{N}])/u;
function datedSigning(trigger: CompiledTrigger, tenses: readonly TenseCode[], after: string): TimeFrame | null {
  return SIGNING_LEMMAS.has(trigger.lemma) && tenses.includes('K') && DATED_AFTER.test(after) ? 'current' : null;
}

/** Words after which a noun/verb homograph (`la rencontre`, `d'attaques`) is the noun. */
const NOUN_CONTEXT = /(?<![\p{L}])(?:le|la|les|l['’]|un|une|des|du|de|d['’]|sous|par|contre|après|avant|aux|au|sa|son|ses|leur|leurs|ces|cette|ce|nouvel(?:le)?s?|nouveaux?|premières?|premiers?|dernières?|derniers?)\s*$/iu;
const VERB_AFTER_DETERMINER = /(?<![\p{L}])(?:un|une|des|du|sa|son|ses|cette|ce|cet|ces|notre|nos|votre|vos|au|aux|sous|par|contre|(?:sous|de|à|par|pour|contre|dans|sur|avec|sans|vers|après|avant|malgré|face\s+à|devant)\s+(?:le|la|les|l['’]))\s*$/iu;
const REFLEXIVE_BEFORE = /(?<![\p{L}])(?:se|s['’]|me|m['’]|nous|vous|te|t['’])\s*(?:[\p{L}-]+\s+){0,2}$/u;

function findCandidates(text: string, sentence: Span): Candidate[] {
  const body = text.slice(sentence.start, sentence.end);
  const found: Candidate[] = [];
  for (const { trigger, index, text: matched } of findTriggerMatches(body)) {
    const before = body.slice(0, index);
    const after = body.slice(index + matched.length);
    const passive = trigger.passiveOk === true && /(?<![\p{L}])été\s+$/u.test(before);
    if (trigger.after && !trigger.after.test(after) && !passive) continue;
    if (trigger.notAfter?.test(after)) continue;
    if (trigger.before && !trigger.before.test(before)) continue;
    if (trigger.notBefore?.test(before)) continue;
    let frame: TimeFrame | null = 'current';
    if (trigger.kind === 'verb') {
      if (trigger.pronominal && !REFLEXIVE_BEFORE.test(before)) continue;
      // `sous la menace`, `une critique`: the form is a noun here; `Moscou la menace` stays a verb.
      if (VERB_AFTER_DETERMINER.test(before)) continue;
      const head = matched.split(/\s+/u)[0].toLowerCase();
      const verbTenses = trigger.tenses.get(head) ?? trigger.tenses.get(matched.toLowerCase()) ?? ['P'];
      frame = verbTimeFrame(verbTenses, before, after) ?? purposeFrame(trigger.type, verbTenses, before) ?? datedSigning(trigger, verbTenses, after);
      if (frame === null) continue;
      // `les chars promis par l'Allemagne`: a bare participle of a speech act describes, it does not report.
      const tenses = trigger.tenses.get(head) ?? [];
      if (SPEECH_ACT_TYPES.has(trigger.type) && tenses.includes('K') && !tenses.some((t) => t === 'P' || t === 'I' || t === 'F') && !auxiliaryBefore(before) && !/,\s*$/u.test(before) && !COORDINATED.test(before)) continue;
      if (trigger.announces && frame === 'current') frame = 'future';
      // In reported speech the conditional is the future of the past: `a annoncé qu'il se rendrait à Kiev`.
      if (frame === 'hypothetical' && hasQueClause(before) && !CONDITION.test(before)) frame = 'future';
    }
    // A capitalized noun inside the sentence is a proper name (`Rassemblement national`, `La Réunion`).
    if (trigger.kind === 'noun' && /^\p{Lu}/u.test(matched) && /[\p{L}\p{N},]\s*$/u.test(before)) continue;
    found.push({ trigger, type: trigger.type, start: sentence.start + index, end: sentence.start + index + matched.length, frame });
  }
  // After an article, a form that is both noun and verb (`la rencontre`) is the noun.
  const nounSpans = new Set(found.filter((c) => c.trigger.kind === 'noun').map((c) => `${c.start}:${c.end}`));
  for (let i = found.length - 1; i >= 0; i--) {
    const c = found[i];
    if (c.trigger.kind === 'verb' && nounSpans.has(`${c.start}:${c.end}`) && NOUN_CONTEXT.test(text.slice(sentence.start, c.start))) found.splice(i, 1);
  }
  // Longest trigger wins where triggers overlap.
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of found) if (!kept.some((k) => k.start < c.end && c.start < k.end)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}

const NOT_YET = /(?<![\p{L}])pas\s+encore\s+(?:[\p{L}'’-]+\s+)?$/u;
const NEGATED_MEANS_REJECT = new Set(['reconnaître', 'accepter', 'soutenir', 'approuver']);

function isNegated(text: string, c: Candidate, clause: Span): boolean {
  const before = text.slice(clause.start, c.start);
  const after = text.slice(c.end, clause.end);
  if (NEGATION_BEFORE.test(before)) return true;
  // `ne reconnaît plus`, but not `a tiré plus de 70 missiles`.
  if (c.trigger.kind === 'verb' && NEGATED_VERB_AFTER.test(after) && NE_BEFORE_VERB.test(before)) return true;
  return c.trigger.kind === 'noun' && NEGATION_AFTER_NOUN.test(after);
}

/** Triggers whose clause is negated, hypothetical, or a question. */
function isReported(text: string, c: Candidate, clause: Span): boolean {
  const before = text.slice(clause.start, c.start);
  if (isNegated(text, c, clause)) return false;
  // Nouns are framed by any hypothesis marker; a conjugated verb only by an explicit condition.
  if (c.trigger.kind === 'noun' && HYPOTHESIS.test(before)) return false;
  if (c.trigger.kind === 'verb' && CONDITION.test(before)) return false;
  if (c.frame === 'hypothetical') return false;
  return true;
}

const PARTICIPANT_LEMMAS = new Set(['manifestant']);
const SPEECH_ACT_TYPES = new Set<EventType>(['AGREE', 'REQUEST', 'REJECT', 'ACCUSE', 'THREATEN']);
/** Event nouns that name one occurrence and are repeated anaphorically (`la réunion`, `ces sanctions`). */
const OCCURRENCE_TYPES = new Set<EventType>(['CONSULT', 'PROTEST', 'OTHER', 'ASSAULT', 'SANCTION', 'COERCE']);
const ANAPHORIC_DETERMINER = /(?<![\p{L}])(?:la|le|les|l['’]|cette|ce|cet|ces|du|(?:lors|issue|marge|suite|cours|depuis|pendant|après|avant|\p{L}{3,}(?:ment|tion|sion|ance|ence|age|ure|ité))\s+des)\s*$/iu;
/** A definite event noun after these prepositions situates another event in time. */
const TIME_ANCHOR = /(?<![\p{L}])(?:lors|depuis|après|avant|pendant|durant|à\s+l['’]approche|à\s+la\s+veille|au\s+lendemain)\s+(?:(?:de|d['’])\s*)?(?:la|le|les|l['’]|des|du)\s*$/iu;

function hasOwnDateIn(dates: DateMention[], clause: Span): boolean {
  return dates.some((d) => d.start >= clause.start && d.end <= clause.end);
}

/** Signing is a single occurrence too, unlike backing (`le principal soutien`). */
const OCCURRENCE_LEMMAS = new Set(['signature', 'ratification']);
/** OTHER names several kinds of occurrence: a vote is not the appointment that follows it. */
const OTHER_OCCURRENCE: Record<string, string> = { nomination: 'appointment', nommer: 'appointment', remaniement: 'appointment', investiture: 'investiture', 'prestation de serment': 'investiture' };
const otherGroup = (lemma: string): string => OTHER_OCCURRENCE[lemma] ?? 'election';
/** `semaine de contestation`: a period named after the event, not a report of it. */
const PERIOD_OF = /(?<![\p{L}])(?<!(?:[\d]|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|plusieurs|quelques)\s+)(?:(?:semaines?|mois|jours?|années?|ans|heures?|nuits?)\s+(?:de|d['’])|(?:début|fin|lendemain|veille|anniversaire)\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’]))\s*$/iu;
/** `un accord prévoyant un soutien militaire`: what an agreement or plan provides for is no act yet. */
const CONTENT_OF = /(?<![\p{L}])(?:prévoyant|qui\s+prévoi(?:t|ent)|visant\s+à|destinée?s?\s+à)\s+(?:[\p{L}'’-]+\s+){0,3}$/iu;
/** `qu'il qualifie de répétition d'une invasion`: a characterization names no act. */
const CHARACTERIZED = /(?<![\p{L}])(?:qualifi\p{L}*|considér\p{L}*\s+comme|décri\p{L}*\s+comme|présent\p{L}*\s+comme|assimil\p{L}*\s+à|compar\p{L}*\s+à)\s+(?:de\s+|d['’])?(?:[\p{L}'’-]+\s+){0,5}$/iu;
/** `toute livraison`, `une quelconque attaque`: any such act, not one that happened. */
const NON_SPECIFIC = /(?<![\p{L}])(?:toute?s?|quelconques?|aucune?)\s+$/iu;
const BACKGROUND_AUX = /(?<![\p{L}])(?:avai(?:t|ent)|étai(?:t|ent))(?![\p{L}])/u;

// ------------------------------------------------------------------ dates

interface EventDate {
  date: string | null;
  precision: EventMention['precision'];
  basis: EventMention['basis'];
}

const ITERATIVE = /(?<![\p{L}])(?:à\s+(?:plusieurs|de\s+multiples|maintes|de\s+nombreuses)\s+reprises|régulièrement|ces\s+dernières\s+années|depuis\s+des\s+années|par\s+le\s+passé|souvent)(?![\p{L}])/u;
/** A coordinated clause has its own time: `Il rejetait X et avait accusé Y en 2020`. */
const COORDINATION = /;|\s(?:et|mais|puis|tandis\s+que|alors\s+que|car|or)\s/u;
const SEQUENCE = /(?<![\p{L}])(?:ensuite|puis|par\s+la\s+suite|plus\s+tard|depuis\s+lors)(?![\p{L}])/u;

function fromMention(m: DateMention, basis?: EventMention['basis']): EventDate {
  if (m.value == null) return { date: null, precision: null, basis: 'unresolved' };
  return { date: m.value, precision: m.precision, basis: basis ?? m.basis };
}

function publicationDate(doc: DocInput): EventDate {
  return doc.published ? { date: doc.published, precision: doc.published_precision, basis: 'publication' } : { date: null, precision: null, basis: 'unresolved' };
}

/**
 * The date of an event: the temporal expression of its clause; else one from an
 * earlier clause of the sentence that is not a relative clause; else, for the
 * background tenses, the date carried by the previous sentence; else the
 * document date for current news.
 */
export function assignEventDate(
  doc: DocInput,
  sentence: Span,
  clauses: Span[],
  triggerStart: number,
  frame: TimeFrame,
  dates: DateMention[],
  previousSentenceDate: EventDate | null,
): EventDate {
  const inSentence = dates.filter((d) => d.start >= sentence.start && d.end <= sentence.end);
  const clause = clauseAt(clauses, triggerStart);
  const sameClause = inSentence.filter((d) => d.start >= clause.start && d.end <= clause.end);
  const distance = (d: DateMention): number => Math.abs(d.start - triggerStart);
  if (sameClause.length) return fromMention([...sameClause].sort((a, b) => distance(a) - distance(b))[0]);
  const earlier = inSentence
    .filter((d) => d.end <= clause.start)
    .filter((d) => !RELATIVE_CLAUSE.test(doc.text.slice(clauseAt(clauses, d.start).start, d.start)))
    .sort((a, b) => distance(a) - distance(b));
  if (earlier.length) return fromMention(earlier[0], 'context');
  const later = inSentence
    .filter((d) => d.start >= clause.end && !COORDINATION.test(doc.text.slice(clause.end, d.start)))
    .filter((d) => !RELATIVE_CLAUSE.test(doc.text.slice(clauseAt(clauses, d.start).start, d.start)))
    .sort((a, b) => distance(a) - distance(b));
  if (later.length) return fromMention(later[0], 'context');
  const sentenceText = doc.text.slice(sentence.start, sentence.end);
  if (ITERATIVE.test(doc.text.slice(clause.start, clause.end))) return { date: null, precision: null, basis: 'unresolved' };
  if (frame === 'background') {
    if (previousSentenceDate?.date && !SEQUENCE.test(sentenceText) && /(?<![\p{L}])(?:avai(?:t|ent)|étai(?:t|ent))(?![\p{L}])/u.test(sentenceText)) {
      return { ...previousSentenceDate, basis: 'context' };
    }
    return { date: null, precision: null, basis: 'unresolved' };
  }
  return publicationDate(doc);
}

// -------------------------------------------------------------- modality

/** `doit adopter un paquet de sanctions`: a noun object of a verb of intent is scheduled. */
const INTENT_GOVERNOR = /(?<![\p{L}])(?:doi(?:t|vent)|devr(?:ait|aient|a|ont)|va|vont|s['’]apprêt\p{L}*\s+à|prévoi\p{L}*\s+de|compte(?:nt)?|envisage(?:nt)?\s+de)\s+(?:[\p{L}'’-]+\s+){1,9}$/iu;
const SCHEDULED_MARKER = /(?<![\p{L}])(?:prochaine?s?|programmée?s?|prévue?s?|aura\s+lieu|auront\s+lieu|se\s+tiendr(?:a|ont)|doit\s+avoir\s+lieu|devrait\s+avoir\s+lieu|se\s+déroulera|se\s+dérouleront|à\s+venir)(?![\p{L}])/u;
/** `a annoncé de nouvelles livraisons`: an announced indefinite act is to come (`a annoncé l'arrestation` reports one). */
const ANNOUNCED_OBJECT = /(?<![\p{L}])(?:annonc\p{L}*|promis|prévoit|prévu)(?:\s*,?\s*[\p{L}'’-]+){0,4}?\s*,?\s*(?:de|des|d['’]|un|une)\s*(?:(?:nouvel(?:le)?s?|nouveaux?|prochaine?s?|futur(?:e|s|es)?)\s+)?$/u;

// ---------------------------------------------------------------- actors

interface SentenceActors {
  codes: string[];
  first: string | null;
  /** Mentions with absolute offsets, for events that involve a single state. */
  mentions: Array<{ code: string; start: number }>;
}

/** Domestic events (protests, repression, elections) involve the one state where they happen. */
const DOMESTIC_TYPES = new Set<EventType>(['PROTEST', 'COERCE', 'OTHER']);
const DIPLOMATIC_TARGET = /(?<![\p{L}])(?:ambassad\p{L}*|diplomates?|consul\p{L}*|émissaires?)(?![\p{L}])/iu;

function domesticActor(actors: SentenceActors, clause: Span, triggerStart: number, triggerEnd: number, type: EventType): string[] | null {
  const inClauseAfter = actors.mentions.filter((m) => m.start >= triggerEnd && m.start < clause.end);
  if (inClauseAfter.length) {
    // `les autorités israéliennes ont arrêté deux Palestiniens`: the state that coerces is involved too.
    const agent = type === 'COERCE' ? actors.mentions.filter((m) => m.start >= clause.start && m.start < triggerStart).at(-1) : undefined;
    return agent && agent.code !== inClauseAfter[0].code ? [agent.code, inClauseAfter[0].code] : [inClauseAfter[0].code];
  }
  const before = actors.mentions.filter((m) => m.start < triggerStart).sort((a, b) => b.start - a.start);
  if (before.length) return [before[0].code];
  return actors.mentions[0] ? [actors.mentions[0].code] : null;
}

/** `dans la ville russe de Sotchi` names where something happens, not who acts (`à Minsk` may be either). */
const PLACE_NOT_ACTOR = /(?<![\p{L}])dans\s+la\s+ville\s+(?:[\p{L}-]+\s+)?de\s+$/u;

function sentenceActors(doc: DocInput, sentence: Span, people: PeopleIndex, quotes: Span[], main: string[], previousFirst: string | null, previousCodes: string[], places: PlacesOf): SentenceActors {
  const body = doc.text.slice(sentence.start, sentence.end);
  const isPlaceNotActor = (start: number): boolean => PLACE_NOT_ACTOR.test(body.slice(Math.max(0, start - 40), start)) && places(sentence).some((p) => p.start === start);
  const mentions = findActorMentions(doc.text, people, sentence.start, sentence.end).filter((m) => !inside(quotes, sentence.start + m.start) && !isPlaceNotActor(m.start));
  const codes = mentions.map((m) => m.code);
  // `les deux pays`: the pair just named, else the article's two main actors.
  if (BOTH_PARTIES.test(body) && new Set(codes).size < 2) codes.push(...(previousCodes.length === 2 ? previousCodes : main.slice(0, 2)));
  if (/^\s*(?:Il|Elle)\s/u.test(body) || /-t-(?:il|elle)(?![\p{L}])/u.test(body)) {
    if (previousFirst) codes.unshift(previousFirst);
  }
  const unique = [...new Set(codes)];
  return { codes: unique, first: mentions[0]?.code ?? (unique[0] ?? null), mentions: mentions.map((m) => ({ code: m.code, start: sentence.start + m.start })) };
}

// ------------------------------------------------------------- locations

const LOCATIVE = /(?:à|en|au|aux|dans|sur|près\s+de|dans\s+la\s+ville\s+(?:[\p{L}-]+\s+)?de|au\s+[\p{L}’' -]{0,40}?\s+à)\s+$/u;

/** The places named in a span of the text (offsets relative to the span), computed once per span. */
type PlacesOf = (span: Span) => PlaceMention[];

function placesOfText(text: string): PlacesOf {
  const bySpan = new Map<string, PlaceMention[]>();
  return (span) => {
    const key = `${span.start}:${span.end}`;
    let places = bySpan.get(key);
    if (!places) bySpan.set(key, (places = findPlaceMentionsIn(text, span.start, span.end)));
    return places;
  };
}

function eventLocation(text: string, clause: Span, sentence: Span, places: PlacesOf): string | null {
  for (const scope of [clause, sentence]) {
    for (const p of places(scope)) {
      if (LOCATIVE.test(text.slice(Math.max(scope.start, scope.start + p.start - 60), scope.start + p.start))) return p.name;
    }
  }
  return null;
}

/** A noun event takes its time from its clause: future verbs or markers, pluperfect auxiliaries. */
function nounTimeFrame(text: string, clause: Span, c: Candidate): TimeFrame {
  const clauseText = text.slice(clause.start, clause.end);
  if (SCHEDULED_MARKER.test(text.slice(c.end, clause.end)) || clauseText.split(/[^\p{L}-]+/u).some(isFutureForm)) return 'future';
  return BACKGROUND_AUX.test(clauseText) ? 'background' : 'current';
}

/** Keeps the candidates that report an act, with the absorptions of §3 (one event per occurrence). */
function selectCandidates(text: string, clauses: Span[], candidates: Candidate[]): Candidate[] {
  const accepted: Candidate[] = [];
  for (const c of candidates) {
    const clause = clauseAt(clauses, c.start);
    if (!isReported(text, c, clause)) {
      // Refusing recognition is a rejection (`ne reconnaît plus M. X comme président`).
      // `n'a pas encore approuvé` is no refusal.
      if (c.trigger.kind === 'verb' && NEGATED_MEANS_REJECT.has(c.trigger.lemma) && isNegated(text, c, clause) && !NOT_YET.test(text.slice(clause.start, c.start))) {
        accepted.push({ ...c, type: 'REJECT' });
      }
      continue;
    }
    const clauseBefore = text.slice(clause.start, c.start);
    if (c.trigger.kind === 'noun') {
      if (PERIOD_OF.test(clauseBefore) || NON_SPECIFIC.test(clauseBefore) || CONTENT_OF.test(clauseBefore.slice(-90)) || CHARACTERIZED.test(clauseBefore.slice(-90))) continue;
      // Nouns in the `que` clause of a statement describe, they do not report.
      if (c.type !== 'AGREE' && hasQueClause(clauseBefore)) continue;
      // Nouns that are the content of a speech act (`accuse X d'avoir fomenté les manifestations`).
      const governor = accepted.find((a) => SPEECH_ACT_TYPES.has(a.type) && clauseAt(clauses, a.start) === clause && a.end <= c.start);
      if (governor) continue;
      // A relation noun as the object of another event verb is part of that event
      // (`a souligné l'étroite coopération`); an occurrence noun stays its own event (`salue la réélection`).
      // Participants (`une dizaine de manifestants`) as the object of an act are part of that act.
      const verb = OCCURRENCE_TYPES.has(c.type) && !PARTICIPANT_LEMMAS.has(c.trigger.lemma) ? undefined : accepted.find((a) => a.trigger.kind === 'verb' && a.type !== c.type && a.end <= c.start && !/[,;:()–—]/u.test(text.slice(a.end, c.start)) && text.slice(a.end, c.start).split(/[\s'’]+/u).filter(Boolean).length <= 3);
      if (verb) continue;
      accepted.push({ ...c, frame: nounTimeFrame(text, clause, c) });
      continue;
    }
    // A protest movement's own demands are part of the protest.
    if (c.trigger.kind === 'verb' && (c.type === 'REQUEST' || c.type === 'ACCUSE' || c.type === 'REJECT')) {
      const protest = accepted.find((a) => a.type === 'PROTEST' && c.start - a.end >= 0 && text.slice(a.end, c.start).split(/\s+/u).filter(Boolean).length <= 3);
      if (protest) continue;
    }
    accepted.push(c);
  }

  // Several protest nouns in one sentence name the same movement; keep the most concrete.
  const protests = accepted.filter((a) => a.type === 'PROTEST');
  const keptProtest = protests.find((p) => p.trigger.lemma === 'manifestation') ?? protests[0];
  return accepted.filter((a) => a.type !== 'PROTEST' || a === keptProtest);
}

const RELATIVE_DETAIL = /^[^,;:()–—]*,\s*(?:qui|dont)\s+(?:prévoi\p{L}*|comprend\p{L}*|inclu\p{L}*|compren\p{L}*|vise\p{L}*|cible\p{L}*|porte\p{L}*|touche\p{L}*|concerne\p{L}*)(?![\p{L}])[^,;:()–—]*$/u;

/** Same-type triggers close together in one clause name one event (`a infligé des sanctions`). */
function mergeSameType(text: string, accepted: Candidate[]): Candidate[] {
  const merged: Candidate[] = [];
  for (const c of accepted.sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && last.type === c.type) {
      const gapText = text.slice(last.end, c.start);
      const words = gapText.split(/\s+/u).filter(Boolean).length;
      // `un paquet de sanctions, qui prévoit le gel des avoirs`: a relative clause details the same act.
      const detailing = c.trigger.kind === 'noun' && words <= 8 && RELATIVE_DETAIL.test(gapText);
      if ((!/[,;:()–—]/u.test(gapText) && words <= 6) || detailing) {
        merged[merged.length - 1] = { ...last, end: c.end, frame: last.trigger.kind === 'verb' ? last.frame : c.frame };
        continue;
      }
    }
    merged.push(c);
  }
  return merged;
}

// ------------------------------------------------------------------ main

/** PLOVER-coded events (annotation guidelines §3). */
export function extractEvents(doc: DocInput, dates: DateMention[]): EventMention[] {
  const text = doc.text;
  const people = indexPeople(text);
  const quotes = longQuoteSpans(text);
  const main = mainActors(text, people);
  // Occurrence keys already reported, with the actors and date of each report.
  const seen = new Map<string, Array<{ actors: Set<string>; date: EventDate; fromText: boolean }>>();
  const occurrenceKey = (c: Candidate): string | null =>
    c.trigger.kind !== 'noun' ? null : OCCURRENCE_LEMMAS.has(c.trigger.lemma) ? `lemma:${c.trigger.lemma}` : c.type === 'OTHER' ? `OTHER:${otherGroup(c.trigger.lemma)}` : OCCURRENCE_TYPES.has(c.type) ? c.type : null;
  const events: EventMention[] = [];
  let previousDate: EventDate | null = null;
  let previousFirstActor: string | null = null;
  let previousCodes: string[] = [];

  for (const sentence of doc.sentences) {
    const sentenceText = text.slice(sentence.start, sentence.end);
    const places = placesOfText(text);
    const actors = sentenceActors(doc, sentence, people, quotes, main, previousFirstActor, previousCodes, places);
    let sentenceDate: EventDate | null = null;
    const ownDates = dates.filter((d) => d.start >= sentence.start && d.end <= sentence.end && d.value != null);
    if (ownDates.length) sentenceDate = fromMention(ownDates[0]);

    const isQuestion = /\?\s*[»”"]?\s*$/u.test(sentenceText);
    const candidates = isQuestion ? [] : findCandidates(text, sentence).filter((c) => !inside(quotes, c.start));
    const clauses = candidates.length ? clausesOf(text, sentence) : [];
    const merged = mergeSameType(text, selectCandidates(text, clauses, candidates));

    const reported: Candidate[] = [];
    const reportedFacts: Array<{ actors: Set<string>; date: EventDate; fromText: boolean }> = [];
    // `depuis les élections`: the date of the occurrence already reported anchors the clause.
    const anchors = candidates.flatMap((c) => {
      const clause = clauseAt(clauses, c.start);
      if (c.trigger.kind !== 'noun' || !TIME_ANCHOR.test(text.slice(clause.start, c.start))) return [];
      const earlier = [c.type === 'OTHER' ? `OTHER:${otherGroup(c.trigger.lemma)}` : c.type, `lemma:${c.trigger.lemma}`].flatMap((k) => seen.get(k) ?? []).find((e) => e.date.date != null && e.fromText);
      return earlier ? [{ clause, date: earlier.date }] : [];
    });
    for (const c of merged) {
      const clause = clauseAt(clauses, c.start);
      const location = eventLocation(text, clause, sentence, places);
      const clauseLocation = eventLocation(text, clause, clause, places);
      const anchored = hasOwnDateIn(dates, clause) ? undefined : anchors.find((a) => a.clause === clause);
      const date = anchored ? { ...anchored.date, basis: 'context' as const } : assignEventDate(doc, sentence, clauses, c.start, c.frame, dates, previousDate);
      const hasOwnDate = dates.some((d) => d.start >= clause.start && d.end <= clause.end);
      const domestic = DOMESTIC_TYPES.has(c.type) && !DIPLOMATIC_TARGET.test(text.slice(clause.start, clause.end)) ? domesticActor(actors, clause, c.start, c.end, c.type) : null;
      const codes = domestic ? domestic : actors.codes.length ? actors.codes : main.slice(0, 1);
      const key = occurrenceKey(c);
      const sameOccurrenceSeen = key != null && (seen.get(key) ?? []).some((earlier) => codes.some((code) => earlier.actors.has(code)));
      const determinerBefore = text.slice(clause.start, c.start);
      // `lors des élections`, `depuis le scrutin`: a known occurrence used as a time anchor is no new report.
      if (sameOccurrenceSeen && TIME_ANCHOR.test(determinerBefore)) continue;
      if (sameOccurrenceSeen && ANAPHORIC_DETERMINER.test(determinerBefore) && !hasOwnDate && !clauseLocation) continue;
      const clauseBefore = text.slice(clause.start, c.start);
      const clauseAfter = text.slice(c.end, clause.end);
      const scheduled =
        c.frame === 'future' ||
        (c.trigger.kind === 'noun' && c.type !== 'AGREE' && (SCHEDULED_MARKER.test(clauseBefore.slice(-30)) || SCHEDULED_MARKER.test(clauseAfter) || INTENT_GOVERNOR.test(clauseBefore) || ANNOUNCED_OBJECT.test(text.slice(sentence.start, c.start))));
      reported.push(c);
      // Only a date the text gives (not the document-date fallback) can anchor later clauses.
      const fromText = date.basis !== 'publication' || dates.some((d) => d.start >= sentence.start && d.end <= sentence.end && d.value === date.date);
      reportedFacts.push({ actors: new Set(codes), date, fromText });
      events.push({
        type: c.type,
        trigger: text.slice(c.start, c.end),
        evidence: sentenceText,
        actors: codes,
        ...date,
        location,
        modality: scheduled ? 'scheduled' : 'asserted',
        occurrence_id: null,
        start: c.start,
        end: c.end,
        evidence_start: sentence.start,
        evidence_end: sentence.end,
      });
    }
    reported.forEach((c, i) => {
      const keys = [c.type, `lemma:${c.trigger.lemma}`];
      if (c.type === 'OTHER') keys.push(`OTHER:${otherGroup(c.trigger.lemma)}`);
      for (const key of keys) seen.set(key, [...(seen.get(key) ?? []), reportedFacts[i]]);
    });
    if (sentenceDate) previousDate = sentenceDate;
    else if (merged.length && events.length && events[events.length - 1].evidence_start === sentence.start) {
      const last = events[events.length - 1];
      previousDate = last.basis === 'publication' ? null : last.date ? { date: last.date, precision: last.precision, basis: last.basis } : null;
    } else previousDate = null;
    previousFirstActor = actors.first ?? previousFirstActor;
    if (actors.codes.length) previousCodes = actors.codes;
  }
  return events;
}
