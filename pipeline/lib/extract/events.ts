import { anchors, type Doc } from '../nlp/doc.ts';
import { FINITE, POS, TENSE, lemmasOf, tensesOf } from '../nlp/lexicon.ts';
import { Pattern, WordClasses, maxLength, parsePattern } from '../nlp/pattern.ts';
import { loadRules } from '../nlp/rules.ts';
import { CLAUSE_MARK, clauseStartsAmong, type Sentence } from '../nlp/structure.ts';
import { Kind, lexemeFlag, lexemeSlot, type Lexeme, type Token } from '../nlp/tokens.ts';
import type { EventRecord } from '../types.generated.ts';
import type { ArticleContext } from './context.ts';
import type { DateMention, EventMention } from './types.ts';
import { partitionPoint } from '../nlp/search.ts';

/**
 * PLOVER-coded events (annotation guidelines §3). Triggers are data (rules/events/triggers.jsonl):
 * each names the lemma of a verb or noun, or a word, and the context it needs. The engine finds
 * the triggers of each sentence where their anchor occurs, reads from the verb's tense and
 * auxiliary whether the act is reported, background or to come, drops negated and hypothetical
 * ones, merges the triggers that name one occurrence, and gives each event its actors, date and place.
 */

export type EventType = EventRecord['type'];

type PatternSource = string | string[];
interface TriggerRule {
  type: EventType;
  verb?: string;
  noun?: string;
  word?: string;
  complement?: PatternSource;
  after?: PatternSource;
  not_after?: PatternSource;
  before?: PatternSource;
  not_before?: PatternSource;
  reflexive?: boolean;
  /** The verb is not this trigger when reflexive (`se féliciter` is praise of oneself, not PRAISE of another). */
  not_reflexive?: boolean;
  passive?: boolean;
  announces?: boolean;
  /** The trigger is an event only when negated, and then one of its type (`n'est pas acceptable`: REJECT). */
  negated?: boolean;
}

/** A trigger rule as the engine reads it: what the first checks need sits on the object itself (no empty arrays of its own). */
interface CompiledTrigger {
  kind: 'verb' | 'noun' | 'word';
  lemma: string;
  type: EventType;
  reflexive: boolean;
  notReflexive: boolean;
  passive: boolean;
  announces: boolean;
  onlyNegated: boolean;
  typeFacts: TypeFacts;
  complement: Pattern[];
  after: Pattern[];
  notAfter: Pattern[];
  before: Pattern[];
  notBefore: Pattern[];
  /** Longest span of the `before` patterns, for matching them backwards. */
  beforeReach: number;
  /** Its first check (see `CHECKS`), and whether it needs a token after the anchor. */
  checkFrom: number;
  checkTo: number;
  checkNeedsToken: boolean;
  /** What an event of the trigger reports (see `reportKey`), and a rejection it turns into when negated. */
  key: number;
  rejectKey: number;
}

/** What the selection asks of an event type, found once per type. */
interface TypeFacts {
  /** What reporting an event of the type counts as (see `reportKey`). */
  key: number;
  /** The type as a bit, for the set of types a sentence has accepted. */
  bit: number;
  speechAct: boolean;
  occurrence: boolean;
}
const TYPE_FACTS = new Map<EventType, TypeFacts>();
function typeFacts(type: EventType): TypeFacts {
  let facts = TYPE_FACTS.get(type);
  if (!facts) {
    if (TYPE_FACTS.size >= 31) throw new Error('too many event types for a bit set');
    facts = { key: reportKey(`type:${type}`), bit: 1 << TYPE_FACTS.size, speechAct: SPEECH_ACT_TYPES.has(type), occurrence: OCCURRENCE_TYPES.has(type) };
    TYPE_FACTS.set(type, facts);
  }
  return facts;
}

/** Numbers for what an article has reported: an event type (`type:PROTEST`), a type with a trigger's lemma (`PROTEST:manifestation`). */
const REPORT_KEYS = new Map<string, number>();
const reportKey = (key: string): number => {
  let n = REPORT_KEYS.get(key);
  if (n === undefined) REPORT_KEYS.set(key, (n = REPORT_KEYS.size));
  return n;
};

const asList = (s: PatternSource | undefined): string[] => (s === undefined ? [] : Array.isArray(s) ? s : [s]);
const SPEECH_ACT_TYPES = new Set<EventType>(['AGREE', 'REQUEST', 'REJECT', 'ACCUSE', 'THREATEN']);
const OCCURRENCE_TYPES = new Set<EventType>(['CONSULT', 'PROTEST', 'OTHER', 'ASSAULT', 'SANCTION', 'COERCE']);
const NO_PATTERNS: Pattern[] = [];
const compile = (s: PatternSource | undefined): Pattern[] => (s === undefined ? NO_PATTERNS : asList(s).map((p) => new Pattern(parsePattern(p))));

const RULES = loadRules<TriggerRule>('events/triggers.jsonl');
const TRIGGERS = new Map<string, CompiledTrigger[]>();
for (const rule of RULES) {
  const kind = rule.verb ? 'verb' : rule.noun ? 'noun' : 'word';
  const lemma = (rule.verb ?? rule.noun ?? rule.word)!;
  const before = compile(rule.before);
  const notBefore = compile(rule.not_before);
  const compiled: CompiledTrigger = {
    kind, lemma, type: rule.type,
    reflexive: !!rule.reflexive, notReflexive: !!rule.not_reflexive, passive: rule.passive === true, announces: !!rule.announces, onlyNegated: !!rule.negated,
    typeFacts: typeFacts(rule.type),
    complement: compile(rule.complement),
    after: compile(rule.after), notAfter: compile(rule.not_after), before, notBefore,
    beforeReach: Math.max(0, ...[...asList(rule.before), ...asList(rule.not_before)].map((p) => maxLength(parsePattern(p)))),
    key: reportKey(`${rule.type}:${lemma}`),
    rejectKey: reportKey(`REJECT:${lemma}`),
    checkFrom: 0,
    checkTo: 0,
    checkNeedsToken: false,
  };
  const key = `${kind}:${lemma}`;
  TRIGGERS.set(key, [...(TRIGGERS.get(key) ?? []), compiled]);
}

/** The triggers a form can anchor: as a word, as a verb lemma, as a noun lemma (or its own singular). */
const triggersOf = lexemeSlot((lx: Lexeme): CompiledTrigger[] => {
  if (lx.kind !== Kind.Word) return [];
  const keys = new Set([`word:${lx.lower}`]);
  if (lx.pos & (POS.VERB | POS.AUX)) for (const l of lemmasOf(lx.lex, POS.VERB)) keys.add(`verb:${l}`);
  for (const l of lemmasOf(lx.lex, POS.NOUN)) keys.add(`noun:${l}`);
  keys.add(`noun:${lx.lower}`);
  keys.add(`noun:${lx.lower.replace(/s$/, '')}`);
  return [...keys].flatMap((key) => TRIGGERS.get(key) ?? []);
});

/** Where an event trigger can be. */
const TRIGGER = lexemeFlag((lx) => triggersOf({ lx }).length > 0);

/** Word classes the trigger patterns use: `#weekday`, `#year`. */
class EventClasses extends WordClasses {
  protected override extra(t: Lexeme): string[] {
    return t.kind === Kind.Number && /^(?:1[89]\d\d|20\d\d)$/.test(t.lower) ? ['year'] : [];
  }
}
const CLASSES = new EventClasses();
for (const d of ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']) CLASSES.addForm(d, 'weekday');

/**
 * The first check of a trigger: its complement, or else its `after` (when it needs one and follows
 * the anchor) must start with a token its first item takes. The patterns checked are numbered,
 * each trigger's in a row [checkFrom, checkTo), and whether a form passes each is kept per form.
 */
const CHECKS: Pattern[] = [];
for (const list of TRIGGERS.values()) {
  for (const trigger of list) {
    const first = trigger.complement.length ? trigger.complement : trigger.passive ? NO_PATTERNS : trigger.after;
    trigger.checkFrom = CHECKS.length;
    CHECKS.push(...first);
    trigger.checkTo = CHECKS.length;
    trigger.checkNeedsToken = first.every((p) => p.firstAccepts(null, CLASSES) === false);
  }
}
const CHECK_WORDS = (CHECKS.length + 31) >> 5;

/** For a form, which checks it passes: bits of the checks known, then bits of those passed. */
const checksPassed = lexemeSlot((): Int32Array => new Int32Array(2 * CHECK_WORDS));

/** Whether the trigger's first check lets it start before token `next` (`null`: none in the sentence), `passed` the next form's bits. */
function passesCheck(trigger: CompiledTrigger, next: Token | null, passed: Int32Array | null): boolean {
  if (next === null || passed === null) return !trigger.checkNeedsToken;
  for (let k = trigger.checkFrom; k < trigger.checkTo; k++) {
    const word = k >> 5;
    const bit = 1 << (k & 31);
    if (!(passed[word] & bit)) {
      passed[word] |= bit;
      if (CHECKS[k].firstAccepts(next, CLASSES) !== false) passed[CHECK_WORDS + word] |= bit;
    }
    if (passed[CHECK_WORDS + word] & bit) return true;
  }
  return false;
}


/** How a verb's tense places the event in time. */
type Frame = 'current' | 'background' | 'future' | 'hypothetical';

interface Candidate {
  trigger: CompiledTrigger;
  type: EventType;
  /** The facts of `type`. */
  facts: TypeFacts;
  /** Token range [first, last) of the trigger (with its complement and auxiliary). */
  first: number;
  last: number;
  /** The anchor token. */
  head: number;
  /** The clause of the anchor: its index in the sentence view, and its token range. */
  clause: number;
  clauseFirst: number;
  clauseLast: number;
  frame: Frame;
  negated: boolean;
}

const FEARED = new Set(['menace', 'menaces', 'risque', 'risques', 'crainte', 'craintes', 'peur', 'peurs', 'spectre', 'éventualité', 'perspective', 'imminence']);
const DEGREE = new Set(['plus', 'moins', 'très', 'si', 'aussi', 'trop', 'assez', 'peu']);
const REFLEXIVE = new Set(['se', "s'", 'me', "m'", 'nous', 'vous', 'te', "t'"]);
const NEGATORS = new Set(['pas', 'plus', 'jamais', 'guère', 'point', 'nullement', 'aucunement']);
const NEAR_FUTURE = new Set(['aller', 'devoir', 'compter', 'entendre', 'prévoir', 'apprêter', 'vouloir', 'souhaiter', 'espérer', 'envisager', 'décider', 'projeter', 'continuer', 'promettre', 'menacer', 'tenter', 'chercher', 'essayer']);
/** Infinitives after these report what the sentence's main verb did: `pour protester`, `après avoir protesté`. */
const PURPOSE = new Set(['pour', 'afin']);
/** A purpose after these is still to come: `est parti pour rencontrer`. */
const DEPARTING = new Set(['partir', 'repartir', 'envoler', 'embarquer', 'décoller']);
/** A negated act of these is a rejection: `ne reconnaît pas`, `refusent de`. */
const NEGATION_MEANS_REJECT = new Set(['reconnaître', 'accepter', 'soutenir', 'approuver', 'considérer']);
/** Verbs stating a stance, whose negated infinitive is a rejection (`a déclaré ne pas reconnaître`). */
const STATING = new Set(['déclarer', 'affirmer', 'assurer', 'dire', 'indiquer', 'estimer', 'répéter', 'réaffirmer', 'faire savoir']);
const DETERMINERS = new Set(['le', 'la', 'les', "l'", 'un', 'une', 'des', 'du', 'au', 'aux', 'ce', 'cet', 'cette', 'ces', 'son', 'sa', 'ses', 'leur', 'leurs', 'notre', 'nos', 'de', "d'"]);
const SUBJECT_CLITICS = new Set(['il', 'elle', 'ils', 'elles', 'on', 'je', "j'", 'nous', 'vous', 'tu', 'qui', '-il', '-elle', '-t-il', '-t-elle', '-ils', '-elles', '-on']);
const SCHEDULED_WORDS = new Set(['prochain', 'prochaine', 'prochains', 'prochaines', 'programmé', 'programmée', 'programmés', 'programmées', 'prévu', 'prévue', 'prévus', 'prévues', 'envisagé', 'envisagée', 'envisagés', 'envisagées', 'futur', 'future', 'futurs', 'futures']);
const HYPOTHESIS_WORDS = new Set(['si', "s'il", 'éventuel', 'éventuelle', 'éventuels', 'éventuelles', 'éventuellement', 'hypothèse', 'rumeur', 'rumeurs', 'spéculation', 'spéculations', 'possible', 'possibles']);
const NON_SPECIFIC = new Set(['toute', 'tout', 'toutes', 'tous', 'quelconque', 'aucune', 'aucun', 'nouvelle', 'nouvel']);
/** `semaine de contestation`, `anniversaire de l'invasion`: a time named after the event. */
const PERIOD_NOUNS = new Set(['semaine', 'semaines', 'mois', 'jour', 'jours', 'année', 'années', 'an', 'ans', 'heure', 'heures', 'nuit', 'nuits', 'début', 'fin', 'lendemain', 'veille', 'anniversaire', 'date', 'veille']);
/** Counts before a period noun (`trois jours d'exercices`): a duration, not a time named after the event. */
const COUNTS = new Set(['deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'plusieurs', 'quelques']);
const PLACE_NOUNS = new Set(['ville', 'capitale', 'région', 'province', 'localité', 'village', 'port', 'cité', 'oblast', 'station', 'île', 'commune', 'district', 'métropole']);
const LOCATIVES = new Set(['à', 'en', 'au', 'aux', 'dans', 'sur', 'près', 'vers']);
const CHARACTERIZING_VERBS = new Set(['considérer', 'décrire', 'présenter', 'voir', 'percevoir']);
const QUALIFYING_VERBS = new Set(['qualifier', 'taxer']);
/** Before `que`, these make what follows a hypothesis: `il n'est pas exclu que`, `il est possible que`, `il se peut que`. */
const UNCERTAIN = new Set(['exclu', 'exclue', 'possible', 'probable', 'improbable', 'envisageable', 'peut', 'plausible', 'vraisemblable']);
const AIMED = new Set(['prévoyant', 'visant', 'destiné', 'destinée', 'destinés', 'destinées']);
const RELATIVES = new Set(['qui', 'que', "qu'", 'dont', 'où', 'lequel', 'laquelle', 'lesquels', 'lesquelles']);

/** What the event rules test of a form, as bits (computed once per form: see `wordBits`). */
const enum W {
  /** A determiner, not a clitic pronoun (`isDet`). */
  Det = 1 << 0,
  /** A finite auxiliary (`isAux`). */
  Aux = 1 << 1,
  Hypothesis = 1 << 2,
  Negator = 1 << 3,
  /** `ne`, `n'`. */
  Ne = 1 << 4,
  /** `aucun`, `aucune`. */
  Aucun = 1 << 5,
  /** A finite verb that is no noun, determiner or preposition (for `clauseTense`)… */
  FiniteVerb = 1 << 6,
  /** … in the present, future or conditional… */
  NonPastTense = 1 << 7,
  /** … or in the imperfect or pluperfect. */
  PastTense = 1 << 8,
  /** A verb in the future, not also present (`scheduledNoun`). */
  FutureVerb = 1 << 9,
  /** A form of `devoir` or `aller` (`doit adopter`). */
  DevoirAller = 1 << 10,
  Infinitive = 1 << 11,
  /** `et`, `mais`, `puis`, `;`: what separates a date after a clause from it. */
  Break = 1 << 12,
  /** `que`, `qu'`. */
  Que = 1 << 13,
  /** A form of a verb that characterizes (`considérer comme`). */
  Characterizing = 1 << 14,
  /** `prévoir` in the present, the present participle or the imperfect. */
  Planning = 1 << 15,
  /** `prévoyant`, `visant`, `destiné`: a purpose, not an act. */
  Aimed = 1 << 16,
  /** `:`, `;`. */
  Colon = 1 << 17,
  Scheduled = 1 << 18,
  Comme = 1 << 19,
  Reflexive = 1 << 20,
  SubjectClitic = 1 << 21,
  Degree = 1 << 22,
  /** What may stand between a participle and its auxiliary (`auxiliaryBefore`): adverbs, clitics, `été`, `de son côté`… */
  AuxGap = 1 << 23,
  /** `aucun`, `aucune`, `sans`, `ni`: what negates a noun right after it. */
  NounNegation = 1 << 24,
  /** A form of a verb that characterizes with `de` (`qualifie cela de répétition d'une invasion`). */
  Qualifying = 1 << 25,
  /** `exclu`, `possible`, `probable`: before `que`, what follows is a hypothesis (`il n'est pas exclu que`). */
  Uncertain = 1 << 26,
  /** `ni` (`Ni Moscou ni Kiev n'ont confirmé`: with a later `ne`, a negation). */
  Ni = 1 << 27,
}

/** Words that may stand between a participle and its auxiliary, besides adverbs and clitics (`a, de son côté, dénoncé`). */
const AUX_GAP_WORDS = new Set(['de', 'son', 'sa', 'leur', 'côté', 'part', 'quant', 'à', 'lui', 'ensuite']);

const wordBits = lexemeSlot((lx: Lexeme): number => {
  const w = lx.lower;
  const tenses = tensesOf(lx.lex);
  const verb = (lx.pos & (POS.VERB | POS.AUX)) !== 0;
  let bits = 0;
  if (DETERMINERS.has(w) && !(lx.pos & POS.CLITIC && !(lx.pos & POS.DET))) bits |= W.Det;
  if (lx.pos & POS.AUX && tenses & FINITE) bits |= W.Aux;
  if (HYPOTHESIS_WORDS.has(w)) bits |= W.Hypothesis;
  if (NEGATORS.has(w)) bits |= W.Negator;
  if (w === 'ne' || w === "n'") bits |= W.Ne;
  if (w === 'aucun' || w === 'aucune') bits |= W.Aucun;
  if (verb && !(lx.pos & (POS.NOUN | POS.DET | POS.PREP)) && tenses & FINITE) {
    bits |= W.FiniteVerb;
    if (tenses & (TENSE.P | TENSE.F | TENSE.C)) bits |= W.NonPastTense;
    if (tenses & (TENSE.I | TENSE.J)) bits |= W.PastTense;
  }
  if (verb && tenses & TENSE.F && !(tenses & TENSE.P)) bits |= W.FutureVerb;
  if (verb && lemmasOf(lx.lex, POS.VERB | POS.AUX).some((l) => l === 'devoir' || l === 'aller')) bits |= W.DevoirAller;
  if (tenses & TENSE.W) bits |= W.Infinitive;
  if (w === 'et' || w === 'mais' || w === 'puis' || lx.text === ';') bits |= W.Break;
  if (w === 'que' || w === "qu'") bits |= W.Que;
  if (lemmasOf(lx.lex, POS.VERB).some((l) => CHARACTERIZING_VERBS.has(l))) bits |= W.Characterizing;
  if (lemmasOf(lx.lex, POS.VERB).includes('prévoir') && (tenses & (TENSE.P | TENSE.G | TENSE.I)) !== 0) bits |= W.Planning;
  if (AIMED.has(w)) bits |= W.Aimed;
  if (lx.text === ':' || lx.text === ';') bits |= W.Colon;
  if (SCHEDULED_WORDS.has(w)) bits |= W.Scheduled;
  if (w === 'comme') bits |= W.Comme;
  if (REFLEXIVE.has(w)) bits |= W.Reflexive;
  if (SUBJECT_CLITICS.has(w)) bits |= W.SubjectClitic;
  if (DEGREE.has(w)) bits |= W.Degree;
  if (w === 'été' || w === 'eu' || REFLEXIVE.has(w) || SUBJECT_CLITICS.has(w) || lx.pos & (POS.ADV | POS.NEG) || lx.pos & POS.CLITIC || lx.text === ',' || (lx.kind === Kind.Word && AUX_GAP_WORDS.has(w))) bits |= W.AuxGap;
  if (w === 'aucun' || w === 'aucune' || w === 'sans' || w === 'ni') bits |= W.NounNegation;
  if (lemmasOf(lx.lex, POS.VERB).some((l) => QUALIFYING_VERBS.has(l))) bits |= W.Qualifying;
  if (UNCERTAIN.has(w)) bits |= W.Uncertain;
  if (w === 'ni') bits |= W.Ni;
  return bits;
});

const isAux = (t: Token | undefined): boolean => t !== undefined && (wordBits(t) & W.Aux) !== 0;
const isDet = (t: Token | undefined): boolean => t !== undefined && (wordBits(t) & W.Det) !== 0;

/** Facts of a clause the selection tests before a trigger, each as the first token where it holds (or the clause's end). */
interface ClauseFacts {
  /** `si`, `éventuel`… (`hypothetical`). */
  hypothesis: number;
  /** A negator after a `ne` (`ne participe pas aux combats`). */
  negation: number;
  aucun: number;
  /** A verb in the future, or `devoir`/`aller` before an infinitive (`scheduledNoun`). */
  future: number;
  /** Its conjugated verbs are all in the imperfect or pluperfect (`clauseTense`). */
  background: boolean;
}

/** A sentence with its clauses, and what the rules ask of it, computed when first asked. */
class SentenceView {
  readonly sentence: Sentence;
  /** Clause starts (see `clauseStarts`): a clause runs from one to the next greater one. */
  readonly clauses: number[];
  private readonly facts: Array<ClauseFacts | undefined> = [];
  private auxAt = -1;
  private reportedAt = -1;
  private characterizingAt = -1;
  private uncertainAt = -1;
  private breaks: number[] | null = null;
  private datesByPosition: number[] | null = null;
  private clauseLocations: Map<number, string | null> | null = null;
  private sentenceLocation: string | null | undefined = undefined;

  constructor(private readonly doc: Doc, readonly index: number, marks: number[], from: number) {
    this.sentence = doc.sentences[index];
    this.clauses = clauseStartsAmong(doc.tokens, this.sentence, marks, from);
  }

  /** The index in `clauses` of the clause of token `i`: the last start at or before it. */
  clauseOf(i: number): number {
    const { clauses } = this;
    let lo = 0;
    let hi = clauses.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (clauses[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  clauseEnd(clause: number): number {
    return this.clauses[clause + 1] ?? this.sentence.last;
  }

  clauseFacts(clause: number): ClauseFacts {
    let facts = this.facts[clause];
    if (facts) return facts;
    const { tokens } = this.doc;
    const first = this.clauses[clause];
    const last = this.clauseEnd(clause);
    facts = { hypothesis: last, negation: last, aucun: last, future: last, background: false };
    let ne = false;
    let ni = false;
    let past = false;
    let nonPast = false;
    let before = first > 0 ? wordBits(tokens[first - 1]) : 0;
    for (let k = first; k < last; k++) {
      const bits = wordBits(tokens[k]);
      if (bits & W.Hypothesis && facts.hypothesis === last) facts.hypothesis = k;
      if (bits & W.Negator && ne && facts.negation === last) facts.negation = k;
      if (bits & W.Ne) {
        ne = true;
        // `Ni Moscou ni Kiev n'ont confirmé`: `ni` before `ne` negates without `pas`
        if (ni && facts.negation === last) facts.negation = k;
      }
      if (bits & W.Ni) ni = true;
      if (bits & W.Aucun && facts.aucun === last) facts.aucun = k;
      if (facts.future === last && (bits & W.FutureVerb || (bits & W.DevoirAller && k + 1 < tokens.length && wordBits(tokens[k + 1]) & W.Infinitive))) facts.future = k;
      if (bits & W.FiniteVerb && !(before & W.Det)) {
        if (bits & W.NonPastTense) nonPast = true;
        else if (bits & W.PastTense) past = true;
      }
      before = bits;
    }
    facts.background = past && !nonPast;
    this.facts[clause] = facts;
    return facts;
  }

  /** The first finite auxiliary of the sentence (its end if none). */
  firstAux(): number {
    const { tokens } = this.doc;
    if (this.auxAt < 0) this.auxAt = this.firstWhere(this.sentence.first, (k) => (wordBits(tokens[k]) & W.Aux) !== 0);
    return this.auxAt;
  }

  /** The first `que` after a verb (`a annoncé qu'il se rendrait`) past the sentence's first token (its end if none). */
  firstReported(): number {
    const { tokens } = this.doc;
    if (this.reportedAt < 0) this.reportedAt = this.firstWhere(this.sentence.first + 1, (k) => (wordBits(tokens[k]) & W.Que) !== 0 && (tokens[k - 1].pos & (POS.VERB | POS.AUX)) !== 0);
    return this.reportedAt;
  }

  /** The first `que` after `exclu`, `possible`… (`il n'est pas exclu que`) in the sentence (its end if none). */
  firstUncertainQue(): number {
    const { tokens } = this.doc;
    const uncertain = (k: number): boolean => k >= this.sentence.first && (wordBits(tokens[k]) & W.Uncertain) !== 0;
    if (this.uncertainAt < 0) this.uncertainAt = this.firstWhere(this.sentence.first + 1, (k) => (wordBits(tokens[k]) & W.Que) !== 0 && (uncertain(k - 1) || uncertain(k - 2)));
    return this.uncertainAt;
  }

  /** The first verb that characterizes (`considère`, `décrit`) in the sentence (its end if none). */
  firstCharacterizing(): number {
    const { tokens } = this.doc;
    if (this.characterizingAt < 0) this.characterizingAt = this.firstWhere(this.sentence.first, (k) => (wordBits(tokens[k]) & W.Characterizing) !== 0);
    return this.characterizingAt;
  }

  /** The first token from `from` on in the sentence for which `test` holds (the sentence's end if none). */
  private firstWhere(from: number, test: (k: number) => boolean): number {
    let k = from;
    while (k < this.sentence.last && !test(k)) k++;
    return k;
  }

  /** The first `et`, `mais`, `puis` or `;` at or after token `i` (the sentence's end if none). */
  nextBreak(i: number): number {
    if (!this.breaks) {
      const { tokens } = this.doc;
      this.breaks = [];
      for (let k = this.sentence.first; k < this.sentence.last; k++) if (wordBits(tokens[k]) & W.Break) this.breaks.push(k);
    }
    const j = firstFrom(this.breaks, i);
    return j < this.breaks.length ? this.breaks[j] : this.sentence.last;
  }

  /** The sentence's dates (indexes in `dates`) by first token, then by index. */
  dates(index: DateIndex): number[] {
    if (!this.datesByPosition) {
      const list = index.bySentence.get(this.index) ?? NO_DATES;
      let sorted = true;
      for (let j = 1; j < list.length && sorted; j++) if (index.first[list[j]] < index.first[list[j - 1]]) sorted = false;
      this.datesByPosition = sorted ? list : [...list].sort((a, b) => index.first[a] - index.first[b] || a - b);
    }
    return this.datesByPosition;
  }

  /** The place of the clause (`placeIn` over it), once per clause. */
  clauseLocation(clause: number): string | null {
    this.clauseLocations ??= new Map();
    let place = this.clauseLocations.get(clause);
    if (place === undefined) this.clauseLocations.set(clause, (place = placeIn(this.doc, this.clauses[clause], this.clauseEnd(clause))));
    return place;
  }

  /** The place of the sentence (`placeIn` over it), once. */
  location(): string | null {
    if (this.sentenceLocation === undefined) this.sentenceLocation = placeIn(this.doc, this.sentence.first, this.sentence.last);
    return this.sentenceLocation;
  }
}

/** The auxiliary a participle at `i` hangs on, looking back over adverbs, clitics and `été`: its index, or -1. */
function auxiliaryBefore(tokens: Token[], i: number, floor: number): number {
  for (let k = i - 1; k >= floor && k >= i - 7; k--) {
    const bits = wordBits(tokens[k]);
    if (bits & W.Aux) return k;
    if (!(bits & W.AuxGap)) return -1;
  }
  return -1;
}

/** The verb whose infinitive complement token `i` is (`doit se rendre`, `a décidé de sanctionner`), as its lemmas, with its index. */
function governorOf(tokens: Token[], i: number, floor: number): { lemmas: string[]; at: number; link: string } | null {
  let k = i - 1;
  while (k >= floor && (REFLEXIVE.has(tokens[k].lower) || tokens[k].pos & POS.CLITIC && !(tokens[k].pos & POS.DET))) k--;
  let link = '';
  if (k >= floor && (tokens[k].lower === 'de' || tokens[k].lower === "d'" || tokens[k].lower === 'à')) link = tokens[k--].lower;
  // `a déclaré ne pas reconnaître`: the negation of the infinitive stands between it and its governor
  // (and so does a day: `a déclaré mercredi ne pas reconnaître`)
  while (k >= floor && (tokens[k].pos & POS.ADV && !(tokens[k].pos & (POS.VERB | POS.NOUN)) || wordBits(tokens[k]) & (W.Ne | W.Negator) || DAY_WORDS.has(tokens[k].lower))) k--;
  if (k < floor) return null;
  const t = tokens[k];
  if (PURPOSE.has(t.lower) || (t.lower === 'de' && tokens[k - 1]?.lower === 'afin')) return { lemmas: [t.lower], at: k, link: 'pour' };
  if (!(t.pos & (POS.VERB | POS.AUX)) && t.lower !== 'prêt' && t.lower !== 'prête') return null;
  return { lemmas: lemmasOf(t.lex, POS.VERB | POS.AUX), at: k, link };
}
/** The frame a verb trigger's conjugation gives its event, or null when it reports no act. */
function verbFrame(tokens: Token[], head: number, floor: number, trigger: CompiledTrigger): Frame | null {
  const t = tokens[head];
  const tenses = tensesOf(t.lex);
  if (tenses & TENSE.K) {
    const aux = auxiliaryBefore(tokens, head, floor);
    if (aux >= 0) {
      const auxTenses = tensesOf(tokens[aux].lex);
      if (auxTenses & TENSE.F) return 'future';
      if (auxTenses & TENSE.C) return 'hypothetical';
      if (auxTenses & (TENSE.I | TENSE.J)) return 'background';
      return 'current';
    }
    // `avoir protesté`, `être arrêté`: a past infinitive
    const prev = tokens[head - 1];
    if (prev && (prev.lower === 'avoir' || prev.lower === 'été' || prev.lower === 'être')) return 'current';
  }
  if (tenses & FINITE && !(tenses & TENSE.K && !(tenses & (TENSE.P | TENSE.F | TENSE.I | TENSE.C | TENSE.J)))) {
    if (tenses & TENSE.F && !(tenses & TENSE.P)) return 'future';
    if (tenses & TENSE.C && !(tenses & TENSE.P)) return 'hypothetical';
    if (tenses & TENSE.I && !(tenses & TENSE.P)) return 'background';
    return 'current';
  }
  if (tenses & TENSE.G) return 'current';
  if (tenses & TENSE.W) {
    const governor = governorOf(tokens, head, floor);
    if (!governor) return trigger.announces ? 'future' : null;
    if (governor.link === 'pour') {
      // `est parti pour rencontrer`: the purpose of a departure is not yet done
      const mover = tokens[governor.at - 1];
      if (mover && lemmasOf(mover.lex, POS.VERB).some((l) => DEPARTING.has(l))) return null;
      return 'current';
    }
    // `a déclaré ne pas reconnaître X comme président`: a stance stated now, not a future act
    if (NEGATION_MEANS_REJECT.has(trigger.lemma) && head >= 2 && wordBits(tokens[head - 1]) & W.Negator && wordBits(tokens[head - 2]) & W.Ne && governor.lemmas.some((l) => STATING.has(l))) return 'current';
    for (const l of governor.lemmas) if (NEAR_FUTURE.has(l) || l === 'annoncer' || l === 'affirmer' || l === 'assurer') return 'future';
    if (tokens[governor.at].lower === 'prêt' || tokens[governor.at].lower === 'prête') return 'future';
    return null;
  }
  if (tenses & TENSE.K) {
    // a participle alone: an apposition or a passive (`emprisonné en Russie`, `balayées par l'intéressé`)
    if (isDet(tokens[head - 1])) return null;
    return 'current';
  }
  return null;
}

/** Whether the trigger at [first, head] is negated: `ne … pas` around its verb, `aucun`/`sans`/`pas de` before a noun. */
function isNegated(tokens: Token[], v: SentenceView, c: Candidate, noun: boolean): boolean {
  const { clauseFirst, clauseLast } = c;
  if (noun) {
    for (let k = c.first - 1; k >= clauseFirst && k >= c.first - 3; k--) {
      if (wordBits(tokens[k]) & W.NounNegation) return true;
      const w = tokens[k].lower;
      if ((w === 'de' || w === "d'") && tokens[k - 1]?.lower === 'pas') return true;
    }
    // `aucune réunion … ou signature d'accord n'était prévue`: a noun coordinated after a negated one
    const coordinated = tokens[c.first - 1]?.lower === 'ou' || tokens[c.first - 1]?.lower === 'ni' || (isDet(tokens[c.first - 1]) && (tokens[c.first - 2]?.lower === 'ou' || tokens[c.first - 2]?.lower === 'ni'));
    if (coordinated && v.clauseFacts(c.clause).aucun <= c.first - 2) return true;
    // `l'accord n'a pas été signé`: a verb after the noun negates it
    for (let k = c.last; k < clauseLast && k < c.last + 3; k++) if (wordBits(tokens[k]) & W.Ne) return isNegator(tokens[k + 2]) || isNegator(tokens[k + 3]);
    return false;
  }
  let ne = false;
  for (let k = c.first - 1; k >= clauseFirst && k >= c.first - 5; k--) {
    const bits = wordBits(tokens[k]);
    if (bits & W.Ne) ne = true;
    if (bits & W.Negator && k > 0 && wordBits(tokens[k - 1]) & W.Ne) return true; // `ne pas considérer`
  }
  if (!ne) return false;
  for (let k = c.first; k < Math.min(clauseLast, c.last + 3); k++) if (wordBits(tokens[k]) & W.Negator) return true;
  return v.clauseFacts(c.clause).negation < c.first;
}

const isNegator = (t: Token | undefined): boolean => t !== undefined && (wordBits(t) & W.Negator) !== 0;

/** Token marks of the candidates kept by `findCandidates` (by offset in the sentence), cleared after use. */
let occupied = new Uint8Array(1024);

/** The trigger candidates of one sentence (at its anchor tokens `at[from…to)`), longest first where they overlap. */
function findCandidates(doc: Doc, v: SentenceView, at: number[], from: number, to: number): Candidate[] {
  const { tokens } = doc;
  const found: Candidate[] = [];
  for (let a = from; a < to; a++) {
    const i = at[a];
    const clause = v.clauseOf(i);
    const after = i + 1 + quotedAlone(doc, i);
    const next = after < v.sentence.last ? tokens[after] : null;
    let passed: Int32Array | null = null;
    for (const trigger of triggersOf(tokens[i])) {
      if (trigger.checkTo > trigger.checkFrom && !passesCheck(trigger, next, next && (passed ??= checksPassed(next)))) continue;
      const c = tryTrigger(doc, v, trigger, i, clause);
      if (c) found.push(c);
    }
  }
  if (found.length < 2) return found;
  // the longest trigger wins where triggers overlap
  sortStable(found, longestFirst);
  const base = v.sentence.first;
  if (occupied.length < v.sentence.last - base) occupied = new Uint8Array(2 * (v.sentence.last - base));
  const kept: Candidate[] = [];
  for (const c of found) {
    let free = true;
    for (let k = c.first; k < c.last && free; k++) if (occupied[k - base]) free = false;
    if (!free) continue;
    kept.push(c);
    occupied.fill(1, c.first - base, c.last - base);
  }
  for (const c of kept) occupied.fill(0, c.first - base, c.last - base);
  return sortStable(kept, inTextOrder);
}

const longestFirst = (a: Candidate, b: Candidate): number => b.last - b.first - (a.last - a.first) || a.first - b.first;
const inTextOrder = (a: Candidate, b: Candidate): number => a.first - b.first;

/** Sorts `list` in place, keeping the order of equal items (an insertion sort: the lists are short). */
function sortStable<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  if (list.length > 16) return list.sort(compare);
  for (let j = 1; j < list.length; j++) {
    const x = list[j];
    let k = j - 1;
    while (k >= 0 && compare(list[k], x) > 0) {
      list[k + 1] = list[k];
      k--;
    }
    list[k + 1] = x;
  }
  return list;
}

/** Whether every conjugated reading of a form is a second person singular (`critiques`, `menaces`). */
function secondPersonOnly(lex: Token['lex']): boolean {
  if (!lex) return false;
  let finite = 0;
  for (const r of lex.readings) {
    if (!(r.pos & (POS.VERB | POS.AUX)) || !r.tenses) continue;
    if (r.tenses & (TENSE.K | TENSE.G | TENSE.W)) return false;
    if (r.persons !== 2 || r.number === 'p') return false;
    finite++;
  }
  return finite > 0;
}

/** One or two adjectives (not verbs) right before token `i`, after a determiner: `la forte demande`, `sa première visite`. */
function adjectivesAfterDet(tokens: Token[], i: number, floor: number): boolean {
  let k = i - 1;
  while (k >= floor && k >= i - 2 && tokens[k].kind === Kind.Word && !tokens[k].cap && tokens[k].pos & POS.ADJ && !(tokens[k].pos & (POS.VERB | POS.AUX | POS.DET | POS.CLITIC))) k--;
  return k < i - 1 && k >= floor && isDet(tokens[k]) && !(tokens[k].pos & POS.CLITIC && !(tokens[k].pos & POS.DET));
}

/** A reflexive pronoun in the clitic chain before a verb: `se félicite`, `s'en est félicité`. */
function reflexiveBefore(tokens: Token[], i: number, clauseFirst: number): boolean {
  for (let k = i - 1; k >= clauseFirst && k >= i - 4; k--) {
    const bits = wordBits(tokens[k]);
    if (bits & W.Reflexive) return true;
    if (!(bits & W.Aux || tokens[k].pos & (POS.ADV | POS.NEG | POS.CLITIC) || tokens[k].lower === 'été')) return false;
  }
  return false;
}

function tryTrigger(doc: Doc, v: SentenceView, trigger: CompiledTrigger, i: number, clause: number): Candidate | null {
  const { tokens } = doc;
  const { sentence } = v;
  const t = tokens[i];
  const clauseFirst = v.clauses[clause];
  const clauseLast = v.clauseEnd(clause);
  const prev = i > 0 ? wordBits(tokens[i - 1]) : 0;
  if (trigger.kind === 'verb') {
    // a noun/verb homograph (`la rencontre`, `une demande`) after a determiner is the noun
    if (prev & W.Det && t.pos & POS.NOUN && !(tokens[i - 1].pos & POS.CLITIC && i > 1 && wordBits(tokens[i - 2]) & W.Reflexive)) return null;
    // … and so after a determiner and adjectives (`la forte demande`, `sa première visite`)
    if (t.pos & POS.NOUN && !(tensesOf(t.lex) & TENSE.K) && adjectivesAfterDet(tokens, i, clauseFirst)) return null;
    // `les infrastructures critiques`: an adjective or noun whose verb reading is only a second person
    if (t.pos & (POS.ADJ | POS.NOUN) && secondPersonOnly(t.lex) && tokens[i - 1]?.lower !== 'tu') return null;
    // `le plus célèbre`: an adjective after a degree adverb
    if (t.pos & POS.ADJ && !(tensesOf(t.lex) & TENSE.K) && prev & W.Degree) return null;
  } else if (trigger.kind === 'noun') {
    if (t.pos & POS.VERB && !(t.pos & POS.NOUN) && !(prev & W.Det)) return null;
    if (prev & (W.SubjectClitic | W.Aux | W.Reflexive)) return null;
    // a capitalised noun inside a sentence is a name (`Rassemblement national`)
    if (t.cap && i > sentence.first && tokens[i - 1].kind === Kind.Word && !(prev & W.Det)) return null;
    // … and so after a capitalised article inside a sentence (`à La Réunion`, `selon Le Monde`)
    if (t.cap && prev & W.Det && i - 1 > sentence.first && tokens[i - 1].cap) return null;
  }
  let last = i + 1;
  // the context of a word quoted alone starts past its closing mark
  const past = last + quotedAlone(doc, i);
  if (trigger.complement.length) {
    let end = -1;
    for (const p of trigger.complement) end = Math.max(end, p.endAt(tokens, past, CLASSES, sentence.last));
    if (end < 0) return null;
    last = end;
  }
  let first = i;
  if (trigger.reflexive) {
    let k = i - 1;
    while (k >= clauseFirst && k >= i - 4 && !REFLEXIVE.has(tokens[k].lower)) {
      if (!(isAux(tokens[k]) || tokens[k].pos & (POS.ADV | POS.NEG) || tokens[k].lower === 'été' || tokens[k].pos & POS.CLITIC || SUBJECT_CLITICS.has(tokens[k].lower))) return null;
      k--;
    }
    if (k < clauseFirst || !REFLEXIVE.has(tokens[k]?.lower ?? '')) return null;
    first = k;
  }
  if (trigger.notReflexive && reflexiveBefore(tokens, i, clauseFirst)) return null;
  const passive = trigger.passive && tensesOf(t.lex) & TENSE.K && (tokens[i - 1]?.lower === 'été' || isAux(tokens[i - 1]) && lemmasOf(tokens[i - 1].lex, POS.AUX).includes('être'));
  if (trigger.after.length && !passive && !anyFrom(trigger.after, tokens, Math.max(last, past), sentence.last)) return null;
  if (trigger.notAfter.length && anyFrom(trigger.notAfter, tokens, Math.max(last, past), sentence.last)) return null;
  if (trigger.before.length && !anyBefore(trigger.before, tokens, first, trigger.beforeReach, sentence.first)) return null;
  if (trigger.notBefore.length && anyBefore(trigger.notBefore, tokens, first, trigger.beforeReach, sentence.first)) return null;
  let frame: Frame | null = 'current';
  if (trigger.kind === 'verb' || (trigger.kind === 'word' && t.pos & POS.VERB)) {
    frame = verbFrame(tokens, i, sentence.first, trigger);
    if (frame === null) return null;
    if (trigger.announces && frame === 'current') frame = 'future';
    const tenses = tensesOf(t.lex);
    const aux = auxiliaryBefore(tokens, i, clauseFirst);
    // (`a dénoncé une mesure et menacé de riposter`: a participle after `et` shares the auxiliary before it)
    if (trigger.typeFacts.speechAct && tenses & TENSE.K && !(tenses & ((FINITE & ~TENSE.J) | TENSE.G)) && aux < 0 && tokens[i - 1]?.text !== ',' && tokens[i - 1]?.lower !== 'été') {
      const coordinated = tokens[i - 1]?.lower === 'et' && v.firstAux() < i;
      if (!coordinated) return null;
    }
    if (aux >= 0 && aux < first) first = aux;
  }
  // `Cette réunion avait eu lieu à Sotchi`: a noun takes the past of its clause's verb
  if (trigger.kind === 'noun' && v.clauseFacts(clause).background) frame = 'background';
  const c: Candidate = { trigger, type: trigger.type, facts: trigger.typeFacts, first, last, head: i, clause, clauseFirst, clauseLast, frame, negated: false };
  c.negated = isNegated(tokens, v, c, trigger.kind === 'noun');
  return c;
}

/** Whether one of `patterns` matches from token `i` (within [i, limit)). */
function anyFrom(patterns: Pattern[], tokens: Token[], i: number, limit: number): boolean {
  for (const p of patterns) if (p.endAt(tokens, i, CLASSES, limit) >= 0) return true;
  return false;
}

/** Whether one of `patterns` matches right before token `end`, starting within `reach` tokens and at or after `floor`. */
function anyBefore(patterns: Pattern[], tokens: Token[], end: number, reach: number, floor: number): boolean {
  for (const p of patterns) if (p.endsAt(tokens, end, reach, floor, CLASSES)) return true;
  return false;
}

// ------------------------------------------------------------------------------------------ selection

const REJECT_FACTS = typeFacts('REJECT');
const PROTEST_FACTS = typeFacts('PROTEST');

/**
 * Keeps the candidates that report an act, with the absorptions of §3 (one event per occurrence).
 * Candidates do not overlap and come in text order, so the accepted ones end in text order too:
 * looking back over them stops at the first that ends too far.
 */
function select(doc: Doc, v: SentenceView, candidates: Candidate[]): Candidate[] {
  const { tokens } = doc;
  const accepted: Candidate[] = [];
  let acceptedTypes = 0;
  // the first speech-act verb accepted in the latest clause that has one (clauses come in order)
  let speechVerb = null as Candidate | null;
  for (let n = 0; n < candidates.length; n++) {
    const c = keep(doc, v, candidates, n, accepted, acceptedTypes, speechVerb);
    if (!c) continue;
    accepted.push(c);
    acceptedTypes |= c.facts.bit;
    if (c.facts.speechAct && c.trigger.kind === 'verb' && speechVerb?.clauseFirst !== c.clauseFirst) speechVerb = c;
  }
  return mergeSameType(tokens, accepted);
}

/**
 * Candidate `n` as accepted (itself, or the rejection a negated recognition is), or null: given the
 * ones accepted before it, their types (as bits), and the first speech-act verb of the latest clause that has one.
 */
function keep(doc: Doc, v: SentenceView, candidates: Candidate[], n: number, accepted: Candidate[], acceptedTypes: number, speechVerb: Candidate | null): Candidate | null {
  const { tokens } = doc;
  const c = candidates[n];
  const { clauseFirst } = c;
  if (c.negated) {
    // refusing recognition is a rejection (`ne reconnaît plus M. X comme président`)
    if (c.trigger.kind === 'verb' && NEGATION_MEANS_REJECT.has(c.trigger.lemma) && !(tokens[c.first - 1]?.lower === 'encore' || someWord(tokens, clauseFirst, c.last, 'encore'))) {
      return { ...c, type: 'REJECT', facts: REJECT_FACTS, negated: false };
    }
    if (c.trigger.onlyNegated) return { ...c, negated: false };
    return null;
  }
  if (c.trigger.onlyNegated) return null;
  // in reported speech the conditional is the future of the past: `a annoncé qu'il se rendrait à Kiev`
  if (c.frame === 'hypothetical' && !(v.firstReported() < c.first)) return null;
  if (c.frame === 'hypothetical') c.frame = 'future';
  const facts = v.clauseFacts(c.clause);
  // `si`, `éventuel`, `pourrait` before it in its clause: a hypothesis, not a report
  if (facts.hypothesis < c.first) return null;
  // `il n'est pas exclu que les deux présidents se rencontrent`: a possibility, not a report
  if (v.firstUncertainQue() < c.first) return null;
  if (c.trigger.kind !== 'noun' && modifiesNoun(doc, c)) return null;
  if (c.trigger.kind === 'verb' && describesHolder(tokens, c)) return null;
  if (c.trigger.kind !== 'noun' && readyTo(tokens, c.first)) return null;
  // what a threat or a request is about (`a menacé de bloquer`, `pour réclamer` in a protest) is part of it
  if (c.trigger.kind === 'verb' && tensesOf(tokens[c.head].lex) & TENSE.W && !(tensesOf(tokens[c.head].lex) & FINITE)) {
    const governor = governorOf(tokens, c.head, clauseFirst);
    if (governor && speechActAt(accepted, governor.at)) return null;
    if (governor?.link === 'pour' && acceptedTypes & PROTEST_FACTS.bit && (c.type === 'REQUEST' || c.type === 'ACCUSE' || c.type === 'REJECT')) return null;
    // `ont bloqué des routes pour protester`: the purpose names the same act
    if (governor?.link === 'pour' && acceptedTypes & c.facts.bit) return null;
  }
  // `un mouvement de contestation inédit qui plaide pour sa démission`: what a protest demands is part of the protest
  if (c.trigger.kind === 'verb' && acceptedTypes & PROTEST_FACTS.bit && (c.type === 'REQUEST' || c.type === 'ACCUSE' || c.type === 'REJECT') && protestRelative(tokens, accepted, c)) return null;
  if (c.trigger.kind === 'noun') {
    const before = tokens[c.first - 1];
    const det = isDet(before) ? c.first - 1 : c.first;
    const beforeDet = tokens[det - 1];
    // `semaine de contestation`, `l'anniversaire de l'invasion`, `toute attaque`, `un accord prévoyant un soutien`
    // (`trois jours d'exercices` counts a duration: the exercises are reported)
    if (beforeDet && (beforeDet.lower === 'de' || beforeDet.lower === "d'" || beforeDet.lower === 'du' || beforeDet.lower === 'des') && periodOf(tokens, det - 2)) return null;
    if (before && (before.lower === 'de' || before.lower === "d'" || before.lower === 'du' || before.lower === 'des') && periodOf(tokens, c.first - 2)) return null;
    // `qu'il considère comme une répétition d'une invasion`, `qualifié de`: a characterization names no act
    if (someBits(tokens, Math.max(clauseFirst, c.first - 5), c.first, W.Comme) && v.firstCharacterizing() < c.first) return null;
    if (someBits(tokens, Math.max(clauseFirst, c.first - 8), c.first, W.Qualifying)) return null;
    // `l'armée ne participe pas aux combats`: a noun in a negated clause
    if (facts.negation < c.first) return null;
    // `a remercié M. Poutine pour son appui`: a noun of the verb's own type says what the act was
    if (!c.facts.occurrence && sameTypeActBefore(accepted, c)) return null;
    // the object noun of a negated verb is negated too (`n'ont pas imposé de nouvelles sanctions`)
    if (negatedVerbBefore(candidates, n)) return null;
    if (someBits(tokens, Math.max(clauseFirst, c.first - 4), c.first, W.Planning)) return null;
    if (NON_SPECIFIC.has(tokens[det - 1]?.lower ?? '') && tokens[det - 1].lower !== 'nouvelle' && tokens[det - 1].lower !== 'nouvel') return null;
    if (NON_SPECIFIC.has(before?.lower ?? '') && (before.lower === 'toute' || before.lower === 'tout' || before.lower === 'toutes' || before.lower === 'tous' || before.lower === 'quelconque')) return null;
    if (someBits(tokens, Math.max(clauseFirst, c.first - 4), c.first, W.Aimed)) return null;
    // `la menace d'attaques`, `le risque d'une invasion`: what is feared has not happened
    if (feared(tokens, c.first)) return null;
    // `condamné pour préparation « d'attaques terroristes »`: a charge names what someone is accused of, no act reported
    if (charged(tokens, c.first)) return null;
    // `en cas de refus`, `en cas d'attaque`: a condition, not a report
    if (inCaseOf(tokens, c.first)) return null;
    // `un accord pour un cessez-le-feu et la libération d'otages`: what an agreement provides is its content
    if (agreementContent(tokens, c.first, v.sentence.first)) return null;
    // `plus importante que le soutien financier`: the second term of a comparison names no act
    if (comparedTo(tokens, c.first, v.sentence.first)) return null;
    // `face à la menace`, `sous la menace`: a threat as a risk one lives with, not a threat someone made
    if (c.type === 'THREATEN' && ((tokens[c.first - 2]?.lower === 'à' && tokens[c.first - 3]?.lower === 'face') || tokens[c.first - 2]?.lower === 'sous')) return null;
    // the noun object of a speech act is its content (`accuse X d'avoir fomenté les manifestations`,
    // `a menacé de sanctions`, `a proposé sa médiation`, `appellent à une nouvelle journée de grève`)
    const governor = speechVerb?.clauseFirst === clauseFirst ? speechVerb : null;
    if (governor && !c.facts.occurrence) return null;
    // `accuse X d'avoir fomenté les manifestations`: what the accused did is the accusation's content
    if (governor && governor.type === 'ACCUSE' && c.first - governor.last <= 14 && contentInfinitive(tokens, governor.last, c.first)) return null;
    if (governor && governor.type !== 'ACCUSE' && c.first - governor.last <= 4 && !tokens.slice(governor.last, c.first).some((x) => x.kind === Kind.Punct || x.pos & (POS.VERB | POS.AUX) && !(x.pos & (POS.DET | POS.PREP | POS.ADJ)))) return null;
    // `s'est opposé, jeudi, à la ratification du traité`, `bloque l'adhésion`: what is rejected is the rejection's object
    if ((c.type === 'SUPPORT' || c.type === 'AGREE' || c.type === 'COOPERATE') && rejectedObject(tokens, accepted, c)) return null;
    // a relation noun as the object of another event verb is part of that event (`a souligné l'étroite coopération`)
    if (!c.facts.occurrence && objectOfVerb(tokens, accepted, c)) return null;
  }
  return c;
}

/** `de`/`d'` then an infinitive (`d'avoir fomenté`, `de vouloir`, `d'être`) in [from, to), with no punctuation: a speech act's content. */
function contentInfinitive(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to - 1; k++) {
    const t = tokens[k];
    if (t.kind === Kind.Punct) return false;
    if ((t.lower === 'de' || t.lower === "d'") && tensesOf(tokens[k + 1].lex) & TENSE.W) return true;
  }
  return false;
}

/** A period noun (`semaine de contestation`), not counted (`trois jours d'exercices` is a duration). */
const periodOf = (tokens: Token[], k: number): boolean => PERIOD_NOUNS.has(tokens[k]?.lower ?? '') && !(tokens[k - 1]?.kind === Kind.Number || COUNTS.has(tokens[k - 1]?.lower ?? ''));

/** Whether a token of [from, to) has the form `word`. */
function someWord(tokens: Token[], from: number, to: number, word: string): boolean {
  for (let k = from; k < to; k++) if (tokens[k].lower === word) return true;
  return false;
}

/** Whether a token of [from, to) has one of the form bits `bits`. */
function someBits(tokens: Token[], from: number, to: number, bits: number): boolean {
  for (let k = from; k < to; k++) if (wordBits(tokens[k]) & bits) return true;
  return false;
}

/** A speech act accepted at token `at`. */
function speechActAt(accepted: Candidate[], at: number): boolean {
  for (let q = accepted.length - 1; q >= 0 && accepted[q].last > at; q--) if (accepted[q].facts.speechAct && accepted[q].head === at) return true;
  return false;
}

/** An accepted verb of the same type ending at most six tokens before `c` in its clause. */
function sameTypeActBefore(accepted: Candidate[], c: Candidate): boolean {
  for (let q = accepted.length - 1; q >= 0 && c.first - accepted[q].last <= 6; q--) {
    const a = accepted[q];
    if (a.trigger.kind !== 'noun' && a.type === c.type && a.last <= c.first && a.clauseFirst === c.clauseFirst) return true;
  }
  return false;
}

/** A negated verb candidate ending at most four tokens before candidate `n` in its clause. */
function negatedVerbBefore(candidates: Candidate[], n: number): boolean {
  const c = candidates[n];
  for (let q = n - 1; q >= 0 && c.first - candidates[q].last <= 4; q--) {
    const o = candidates[q];
    if (o.negated && o.trigger.kind === 'verb' && o.last <= c.first && o.clauseFirst === c.clauseFirst) return true;
  }
  return false;
}

/** `c` opens a relative clause (`qui réclame`) whose antecedent, at most three words back, is an accepted protest. */
function protestRelative(tokens: Token[], accepted: Candidate[], c: Candidate): boolean {
  const qui = c.first - 1;
  if (tokens[qui]?.lower !== 'qui') return false;
  for (let q = accepted.length - 1; q >= 0 && qui - accepted[q].last <= 3; q--) if (accepted[q].type === 'PROTEST' && accepted[q].last <= qui) return true;
  return false;
}

/** An accepted rejection verb ending at most eight tokens before `c` in its sentence, no conjugated verb between. */
function rejectedObject(tokens: Token[], accepted: Candidate[], c: Candidate): boolean {
  for (let q = accepted.length - 1; q >= 0 && c.first - accepted[q].last <= 8; q--) {
    const a = accepted[q];
    if (a.type !== 'REJECT' || a.trigger.kind !== 'verb' || a.last > c.first) continue;
    for (let k = a.last; k < c.first; k++) {
      const t = tokens[k];
      if (!t.cap && t.pos & (POS.VERB | POS.AUX) && tensesOf(t.lex) & FINITE && !(t.pos & (POS.NOUN | POS.ADJ | POS.DET | POS.PREP))) return false;
    }
    return true;
  }
  return false;
}

/** An accepted verb of another type right before `c` (at most three tokens, no punctuation between): `c` is its object. */
function objectOfVerb(tokens: Token[], accepted: Candidate[], c: Candidate): boolean {
  for (let q = accepted.length - 1; q >= 0 && c.first - accepted[q].last <= 3; q--) {
    const a = accepted[q];
    if (a.trigger.kind === 'verb' && a.type !== c.type && a.last <= c.first && !tokens.slice(a.last, c.first).some((x) => x.kind === Kind.Punct)) return true;
  }
  return false;
}

/**
 * `une stratégie coordonnée`, `des manifestations appelant à son départ`: a participle right
 * after a noun or adjective qualifies it and reports no act of its own.
 */
function modifiesNoun(doc: Doc, c: Candidate): boolean {
  const { tokens } = doc;
  const head = tokens[c.head];
  if (c.first !== c.head) return false;
  const tenses = tensesOf(head.lex);
  if (!(tenses & (TENSE.K | TENSE.G)) || tenses & FINITE) return false;
  const before = tokens[c.head - 1];
  if (!before || before.kind !== Kind.Word || !(before.pos & (POS.NOUN | POS.ADJ)) || before.pos & (POS.VERB | POS.AUX | POS.ADV | POS.CLITIC | POS.PROPN)) return false;
  // `l'Américain qualifiant le Russe`, `le président réélu`: an actor's own act
  if (doc.mentionAt[before.i] >= 0) return false;
  // `négociée par X`, `interdites samedi`: an agent or a date makes it a report
  const next = tokens[c.last];
  return !(next && (next.lower === 'par' || DATE_WORDS.has(next.lower) || next.kind === Kind.Number));
}
/** Offices reached by election: an election participle in a description of their holder reports no election. */
const ELECTING = new Set(['élire', 'réélire']);
const DESCRIBING_ADVERBS = new Set(['légitimement', 'démocratiquement', 'régulièrement', 'librement', 'constitutionnellement']);
const RANKING = new Set(['plus', 'premier', 'première', 'premiers', 'premières', 'seul', 'seule', 'seuls', 'seules', 'dernier', 'dernière', 'unique']);

/**
 * `le président légitimement élu`, `la plus haute responsable élue à se rendre`, `le premier président à être
 * réélu depuis 2002`: an election participle describing the holder of an office (by a manner adverb, or a
 * ranking in its noun phrase) characterizes a person and reports no election.
 */
function describesHolder(tokens: Token[], c: Candidate): boolean {
  if (!ELECTING.has(c.trigger.lemma)) return false;
  const tenses = tensesOf(tokens[c.head].lex);
  if (!(tenses & TENSE.K) || tenses & FINITE & ~TENSE.K) return false;
  let first = c.first;
  if (first !== c.head) {
    // only `à être élu`: any other auxiliary makes a report (`a été élu`)
    if (tokens[first].lower !== 'être' || tokens[first - 1]?.lower !== 'à') return false;
    first--;
  }
  if (DESCRIBING_ADVERBS.has(tokens[first - 1]?.lower ?? '')) return true;
  for (let k = first - 1; k >= c.clauseFirst && k >= first - 6; k--) {
    const t = tokens[k];
    if (t.kind === Kind.Punct || t.pos & (POS.VERB | POS.AUX) && tensesOf(t.lex) & FINITE && !(t.pos & (POS.NOUN | POS.ADJ))) return false;
    if (RANKING.has(t.lower) && tokens[k + 1]?.lower !== 'ministre') return true;
  }
  return false;
}
const DAY_WORDS = new Set(['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'hier', "aujourd'hui", 'demain']);
const DATE_WORDS = new Set(['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'hier', "aujourd'hui", 'demain', 'fin', 'début', 'mi', 'le', 'en', 'dès', 'depuis']);
const READY = new Set(['prêt', 'prête', 'prêts', 'prêtes']);

/** `prête à être déployée`, `prêts à intervenir`: readiness, not the act. */
function readyTo(tokens: Token[], first: number): boolean {
  let k = first - 1;
  if (tokens[k]?.lower === 'être') k--;
  return tokens[k]?.lower === 'à' && READY.has(tokens[k - 1]?.lower ?? '');
}

/** `en cas de refus`, `en cas d'une attaque`, `en cas du rejet`. */
function inCaseOf(tokens: Token[], first: number): boolean {
  let k = first - 1;
  while (k >= first - 3 && tokens[k] && tokens[k].pos & POS.ADJ && !(tokens[k].pos & POS.DET)) k--;
  if (isDet(tokens[k]) && !['de', "d'", 'du', 'des'].includes(tokens[k].lower)) k--;
  const de = tokens[k]?.lower;
  return (de === 'de' || de === "d'" || de === 'du' || de === 'des') && tokens[k - 1]?.lower === 'cas' && tokens[k - 2]?.lower === 'en';
}

const AGREEMENT_HEADS = new Set(['accord', 'accords', 'entente', 'compromis', 'pacte', 'traité', 'négociations', 'pourparlers', 'discussions', 'négociation']);
const AGREEMENT_LINKS = new Set(['sur', 'pour', 'prévoyant', 'portant', 'visant']);
const CONTENT_PATH = new Set(['et', 'de', "d'", 'du', 'des', 'à', 'au', 'aux']);

/**
 * `un accord sur une trêve`, `un accord pour un cessez-le-feu à Gaza et la libération d'otages`: a noun reached
 * from `accord sur|pour|prévoyant` through nouns, determiners, adjectives, `de`, `à` and `et` only (not `dans la
 * guerre`, which sets the scene) is what the agreement provides, not an act of its own.
 */
function agreementContent(tokens: Token[], first: number, floor: number): boolean {
  for (let k = first - 1; k > floor && k >= first - 10; k--) {
    const t = tokens[k];
    if (AGREEMENT_LINKS.has(t.lower)) return AGREEMENT_HEADS.has(tokens[k - 1].lower);
    if (t.kind !== Kind.Word || !(CONTENT_PATH.has(t.lower) || t.pos & (POS.DET | POS.NOUN | POS.ADJ | POS.PROPN) || t.cap)) return false;
    // (`Gaza` is no past tense of `gazer`)
    if (!t.cap && t.pos & (POS.VERB | POS.AUX) && tensesOf(t.lex) & FINITE && !(t.pos & (POS.NOUN | POS.DET))) return false;
  }
  return false;
}

const COMPARATIVES = new Set(['plus', 'moins', 'davantage', 'autant', 'mieux', 'pire']);

/** `plus importante que le « soutien direct »`, `moins que l'aide`: a noun after the `que` of a comparative. */
function comparedTo(tokens: Token[], first: number, floor: number): boolean {
  let k = first - 1;
  if (tokens[k]?.kind === Kind.Quote) k--;
  if (isDet(tokens[k])) k--;
  if (tokens[k]?.lower !== 'que' && tokens[k]?.lower !== "qu'") return false;
  for (let j = k - 1; j >= floor && j >= k - 5; j--) {
    if (tokens[j].kind === Kind.Punct) return false;
    if (COMPARATIVES.has(tokens[j].lower)) return true;
  }
  return false;
}

/** `une demande de manifestation`, `l'interdiction de rassemblement`: what is asked for or banned has not happened. */
const UNGRANTED = new Set(['demande', 'demandes', 'interdiction', 'interdictions', 'autorisation', 'autorisations']);
const CHARGES = new Set(['préparation', 'apologie', 'complicité', 'incitation', 'financement', 'planification']);

/** `pour préparation d'attaques`, `apologie du terrorisme`, `complicité d'assassinat`: the object of a charge. */
function charged(tokens: Token[], first: number): boolean {
  let k = first - 1;
  const isDe = (w: string | undefined): boolean => w === 'de' || w === "d'" || w === 'des' || w === 'du' || w === 'à' || w === 'au' || w === 'aux';
  if (!isDe(tokens[k]?.lower) && isDet(tokens[k])) k--;
  if (!isDe(tokens[k]?.lower)) return false;
  k--;
  if (tokens[k]?.kind === Kind.Quote) k--;
  return CHARGES.has(tokens[k]?.lower ?? '');
}

/** `la menace d'attaques`, `le risque d'une invasion`, `la menace constante d'une invasion`, `une demande de manifestation`. */
function feared(tokens: Token[], first: number): boolean {
  let k = first - 1;
  const article = tokens[k]?.lower;
  if (article === 'un' || article === 'une' || article === 'le' || article === 'la' || article === 'les' || article === "l'") k--;
  const de = tokens[k]?.lower;
  if (!(de === 'de' || de === "d'" || de === 'des' || de === 'du')) return false;
  const head = tokens[k - 1]?.lower ?? '';
  if (FEARED.has(head) || UNGRANTED.has(head)) return true;
  // … with an adjective between (`la menace constante d'une invasion`, `le risque réel d'une attaque`)
  const adj = tokens[k - 1];
  return !!adj && (adj.pos & POS.ADJ) !== 0 && FEARED.has(tokens[k - 2]?.lower ?? '');
}

/** Same-type triggers close together in one clause name one event (`a infligé des sanctions`); so do the protest nouns of one sentence. */
const ELECTION_NOUNS = new Set(['élection', 'réélection', 'scrutin', 'présidentielle', 'législatives', 'législative', 'référendum', 'primaire', 'tour']);

function mergeSameType(tokens: Token[], accepted: Candidate[]): Candidate[] {
  const merged: Candidate[] = [];
  for (const c of accepted) {
    const last = merged[merged.length - 1];
    if (last && last.type === c.type && closeTogether(tokens, last.last, c.first)) {
      merged[merged.length - 1] = { ...last, last: c.last, frame: last.trigger.kind === 'verb' ? last.frame : c.frame };
      continue;
    }
    merged.push(c);
  }
  // the election nouns of one sentence name one election (`sa victoire à l'élection présidentielle « dès le premier tour »`)
  let elections = 0;
  for (const c of merged) if (c.type === 'OTHER' && c.trigger.kind === 'noun' && ELECTION_NOUNS.has(c.trigger.lemma)) elections++;
  if (elections > 1) {
    let firstElection: Candidate | undefined;
    for (let q = 0; q < merged.length; q++) {
      const c = merged[q];
      if (c.type !== 'OTHER' || c.trigger.kind !== 'noun' || !ELECTION_NOUNS.has(c.trigger.lemma)) continue;
      if (!firstElection) firstElection = c;
      else merged.splice(q--, 1);
    }
  }
  let protests = 0;
  let keep: Candidate | undefined;
  for (const c of merged) {
    if (c.type !== 'PROTEST' || c.trigger.kind !== 'noun') continue;
    if (protests++ === 0 || (c.trigger.lemma === 'manifestation' && keep?.trigger.lemma !== 'manifestation')) keep = c;
  }
  return protests < 2 ? merged : merged.filter((c) => !(c.type === 'PROTEST' && c.trigger.kind === 'noun') || c === keep);
}

/** No punctuation nor quotation mark, and at most six words, in [from, to). */
function closeTogether(tokens: Token[], from: number, to: number): boolean {
  let words = 0;
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t.kind === Kind.Punct || t.kind === Kind.Quote) return false;
    if (t.kind === Kind.Word && ++words > 6) return false;
  }
  return true;
}

// ------------------------------------------------------------------------------------------ dates

interface EventDate {
  date: string | null;
  precision: EventMention['precision'];
  basis: EventMention['basis'];
}

const UNDATED: EventDate = { date: null, precision: null, basis: 'unresolved' };
const fromMention = (m: DateMention, basis?: EventMention['basis']): EventDate =>
  m.value == null ? UNDATED : { date: m.value, precision: m.precision, basis: basis ?? m.basis };

interface DateIndex {
  /** The first token of each date, or -1. */
  first: Int32Array;
  /** The tokens a date covers, ascending. */
  covered: number[];
  /** The dates whose first token lies in a sentence, by sentence, in `dates` order. */
  bySentence: Map<number, number[]>;
}

/**
 * Which tokens the dates cover: each token takes the first date (by start) not ended before it,
 * when that date spans it. Only the tokens from each date's start on are visited.
 */
function dateIndex(doc: Doc, dates: DateMention[]): DateIndex {
  const { tokens } = doc;
  const first = new Int32Array(dates.length).fill(-1);
  const covered: number[] = [];
  let sorted = true;
  for (let k = 1; k < dates.length && sorted; k++) if (dates[k].start < dates[k - 1].start) sorted = false;
  const order = sorted ? null : dates.map((_, k) => k).sort((a, b) => dates[a].start - dates[b].start);
  // the dates by start (`order[d]`, or `d` itself when they come in that order)
  const nth = (d: number): number => (order ? order[d] : d);
  let d = 0;
  let i = 0;
  while (i < tokens.length && d < dates.length) {
    const date = dates[nth(d)];
    // a token before the date's start (and end) moves nothing: go to the first that does not
    const from = Math.min(date.start, date.end);
    if (tokens[i].start < from) {
      i = firstTokenFrom(tokens, from, i);
      continue;
    }
    const t = tokens[i];
    while (d < dates.length && dates[nth(d)].end <= t.start) d++;
    if (d < dates.length && dates[nth(d)].start <= t.start && t.end <= dates[nth(d)].end) {
      covered.push(i);
      if (first[nth(d)] < 0) first[nth(d)] = i;
    }
    i++;
  }
  const bySentence = new Map<number, number[]>();
  for (let k = 0; k < dates.length; k++) {
    if (first[k] < 0) continue;
    const s = doc.tokens[first[k]].sent;
    const list = bySentence.get(s);
    if (list) list.push(k);
    else bySentence.set(s, [k]);
  }
  return { first, covered, bySentence };
}

/** The first token from `i` on that starts at or after `offset` (searched in growing steps from `i`: dates come in text order). */
function firstTokenFrom(tokens: Token[], offset: number, i: number): number {
  let lo = i;
  let step = 1;
  while (lo + step < tokens.length && tokens[lo + step].start < offset) {
    lo += step;
    step *= 2;
  }
  return partitionPoint(lo, Math.min(lo + step, tokens.length), (k) => tokens[k].start < offset);
}

/** The first date (in `dates` order) of sentence `s` that has a value. */
function ownDateOf(index: DateIndex, dates: DateMention[], s: number): DateMention | undefined {
  for (const k of index.bySentence.get(s) ?? NO_DATES) if (dates[k].value) return dates[k];
  return undefined;
}
const NO_DATES: number[] = [];

/**
 * The date of an event: the temporal expression of its clause; else one from another clause
 * of the sentence (not a relative clause); else, for background tenses, the previous
 * sentence's date; else the document date for current news. The nearest date wins, and of two
 * as near, the first in `dates`.
 */
function eventDate(doc: Doc, ctx: ArticleContext, v: SentenceView, c: Candidate, dates: DateMention[], index: DateIndex, previous: EventDate | null): EventDate {
  const { tokens } = doc;
  const list = v.dates(index);
  if (list.length) {
    const at = index.first;
    const { clauseFirst, clauseLast } = c;
    const fromHead = firstAt(list, at, c.head);
    const sameClause = nearest(list, at, c.head, lastOk(tokens, v, c, list, at, fromHead - 1, clauseFirst, false), firstOk(tokens, v, c, list, at, fromHead, clauseLast, false));
    // `a dénoncé … pour 2027` in an article of 2025: a told act is not dated after the article
    const late = (m: DateMention): boolean => c.frame !== 'future' && c.frame !== 'hypothetical' && afterPublication(m.value, ctx.published);
    if (sameClause >= 0 && !(c.trigger.kind === 'verb' && late(dates[list[sameClause]]))) return fromMention(dates[list[sameClause]]);
    // another clause's (the dates of the clause are another noun's): not in a relative clause, nor after `et`, `mais`, `puis`
    const after = firstAt(list, at, clauseLast);
    const before = lastOk(tokens, v, c, list, at, firstAt(list, at, clauseFirst) - 1, -1, true);
    const next = after < list.length ? firstOk(tokens, v, c, list, at, after, v.nextBreak(clauseLast) + 1, true) : -1;
    const nearestOther = nearest(list, at, c.head, before, next);
    if (nearestOther >= 0 && !late(dates[list[nearestOther]])) {
      const d = dates[list[nearestOther]];
      return fromMention(d, d.value ? 'context' : undefined);
    }
  }
  // `à trois mois des prochaines élections`: an occurrence to come, named without a date, has none
  if (c.trigger.kind === 'noun' && (NEXT_ADJECTIVES.has(tokens[c.first - 1]?.lower ?? '') || NEXT_ADJECTIVES.has(tokens[c.first].lower))) return UNDATED;
  if (c.frame === 'background') {
    if (previous?.date && !afterPublication(previous.date, ctx.published)) return { ...previous, basis: 'context' };
    // `salué par l'Italie, qui avait menacé de …`: a relative clause on an actor of the news tells the act as part of that news
    const opener = v.clauses[c.clause];
    const relative = tokens[opener]?.lower === 'qui' || (tokens[opener]?.lower === 'ce' && tokens[opener + 1]?.lower === 'qui');
    if (!(relative && ctx.published)) return UNDATED;
  }
  // `a accusé à plusieurs reprises`, `dénonce régulièrement`: a repeated act has no one date
  if (habitual(tokens, c) || spanOpening(tokens, v.sentence.first, c.first)) return UNDATED;
  // `six mois après la dissolution`, `les précédentes élections`: an occurrence told as a landmark of the past has no date of its own
  if (c.trigger.kind === 'noun' && (anchoredNoun(tokens, c) || PAST_ADJECTIVES.has(tokens[c.first - 1]?.lower ?? ''))) return UNDATED;
  // `a évoqué leur retrait`, `a rappelé l'annexion`: an occurrence recalled by a speaker is not news of the day
  if (c.trigger.kind === 'noun' && recalled(tokens, c)) return UNDATED;
  if (!ctx.published) return UNDATED;
  const fallback: EventDate = { date: ctx.published, precision: ctx.published_precision, basis: 'publication' };
  FALLBACK_DATES.add(fallback);
  return fallback;
}
/** Whether date value `value` lies after the document date `published` (by year, then by month when both give one). */
function afterPublication(value: string | null, published: string | null | undefined): boolean {
  if (!value || !published) return false;
  const y = value.slice(0, 4), py = published.slice(0, 4);
  if (y !== py) return y > py;
  const m = value.slice(5, 7), pm = published.slice(5, 7);
  return /^\d\d$/.test(m) && /^\d\d$/.test(pm) && m > pm;
}
const RECALLING = new Set(['évoquer', 'rappeler', 'mentionner']);
/** An event noun right after a determiner that is the object of `évoquer`, `rappeler`, `mentionner`. */
function recalled(tokens: Token[], c: Candidate): boolean {
  const det = tokens[c.first - 1];
  const verb = tokens[c.first - 2];
  return !!det && !!verb && (isDet(det) || (det.pos & POS.DET) !== 0) && lemmasOf(verb.lex, POS.VERB).some((l) => RECALLING.has(l));
}
/** The dates `eventDate` gave from the document date alone (no date of the text). */
const FALLBACK_DATES = new WeakSet<EventDate>();

/** Words that make an act repeated or habitual (`à plusieurs reprises`, `régulièrement`). */
const HABITUAL = new Set(['reprises', 'régulièrement', 'souvent', 'fréquemment', 'systématiquement', 'habituellement', 'constamment', 'inlassablement', 'maintes']);

/** A word of `HABITUAL` in the trigger's clause, within five tokens of it. */
function habitual(tokens: Token[], c: Candidate): boolean {
  for (let k = Math.max(c.clauseFirst, c.first - 5); k < Math.min(c.clauseLast, c.last + 5); k++) if (HABITUAL.has(tokens[k].lower)) return true;
  return false;
}

/** `Ces derniers mois,`, `Ces dernières années,` opening the sentence: acts spread over a span have no one date. */
function spanOpening(tokens: Token[], first: number, end: number): boolean {
  if (end - first < 3) return false;
  const w = tokens[first].lower;
  const last = tokens[first + 1].lower;
  return (w === 'ces' || w === 'depuis') && (last === 'derniers' || last === 'dernières') && PERIOD_NOUNS.has(tokens[first + 2].lower);
}

/** The first entry of `list` (date indexes by first token `at`) at or after token `i`. */
function firstAt(list: number[], at: Int32Array, i: number): number {
  return partitionPoint(0, list.length, (k) => at[list[k]] < i);
}

/**
 * Whether the date at token `i` can date candidate `c`: not the complement of another noun
 * (`la présidentielle du 9 août`, `la période 2021-2024`), and for a date of another clause
 * (`otherClause`), not in a relative clause.
 */
function datesIt(tokens: Token[], v: SentenceView, c: Candidate, i: number, otherClause: boolean): boolean {
  return ownsDate(tokens, c, i) && !(otherClause && (RELATIVES.has(tokens[v.clauses[v.clauseOf(i)]].lower) || apposition(tokens[v.clauses[v.clauseOf(i)]]))) && !(i >= c.last && participleBetween(tokens, c.last, i));
}

/** A clause opened by a bare past participle (`, soupçonné d'avoir orchestré … en 2016`): an apposition, as a relative clause. */
function apposition(t: Token): boolean {
  const tenses = tensesOf(t.lex);
  return (tenses & TENSE.K) !== 0 && !(tenses & (FINITE & ~TENSE.J)) && !(t.pos & POS.NOUN);
}

/** A participle qualifying a noun in [from, to) (`le chantier de la cathédrale détruite par un incendie en 2019`): a later date is its own. */
function participleBetween(tokens: Token[], from: number, to: number): boolean {
  for (let k = from + 1; k < to && k < from + 12; k++) {
    const t = tokens[k];
    const tenses = tensesOf(t.lex);
    // `conclus`, `conclues` after a noun: a participle (its finite readings, `je conclus`, want `je` or `tu`)
    if (!(tenses & TENSE.K) || (tenses & (FINITE & ~TENSE.J) && !(t.lower.endsWith('s') && tokens[k - 1]?.pos & POS.NOUN && !(tokens[k - 1].pos & POS.PRON)))) continue;
    let p = k - 1;
    if (tokens[p].pos & POS.ADV && !(tokens[p].pos & (POS.NOUN | POS.ADJ))) p--;
    // a noun, or a word that reads as noun or verb after `de` or a determiner (`les accords de transit conclus en 2004`)
    const noun = tokens[p] && tokens[p].kind === Kind.Word && tokens[p].pos & POS.NOUN && (!(tokens[p].pos & (POS.VERB | POS.AUX)) || tokens[p - 1]?.lower === 'de' || isDet(tokens[p - 1]));
    if (noun && !(wordBits(tokens[p]) & W.AuxGap)) return true;
  }
  return false;
}

function ownsDate(tokens: Token[], c: Candidate, i: number): boolean {
  // `pour la période 2021-2024`, `le budget 2024`: a year set right after a common noun names that noun
  // (of a range `2021-2024`, its first year)
  const j = (tokens[i - 1]?.lower === '-' || tokens[i - 1]?.lower === '–') && tokens[i - 2]?.kind === Kind.Number ? i - 2 : i;
  const before = tokens[j - 1];
  if (tokens[i].kind === Kind.Number && before?.kind === Kind.Word && (before.cap || before.pos & POS.NOUN) && !(before.pos & (POS.VERB | POS.AUX | POS.PREP)) && !(j - 1 >= c.first && j - 1 < c.last)) return false;
  let p = i - 1;
  if (tokens[p]?.lower === 'le') p--;
  const de = tokens[p]?.lower;
  if (de !== 'du' && de !== 'de' && de !== "d'") return true;
  const noun = tokens[p - 1];
  if (!noun || !(noun.pos & POS.NOUN) || (p - 1 >= c.first && p - 1 < c.last) || noun.i === c.head) return true;
  // `à l'approche de la présidentielle de 2020`, `lors du sommet du 3 mars`: the noun only says when
  let q = p - 2;
  if (isDet(tokens[q])) q--;
  const w = tokens[q]?.lower ?? '';
  return ANCHORING_PREPOSITIONS.has(w) || ((w === 'de' || w === "d'") && ANCHORING_NOUNS.has(tokens[q - 1]?.lower ?? '')) || ANCHORING_NOUNS.has(w);
}

/** Going back from entry `j` over dates at or after token `floor`, the first that `datesIt`, or -1 (of dates at one token, the first). */
function lastOk(tokens: Token[], v: SentenceView, c: Candidate, list: number[], at: Int32Array, j: number, floor: number, otherClause: boolean): number {
  for (; j >= 0 && at[list[j]] >= floor; j--) {
    if (!datesIt(tokens, v, c, at[list[j]], otherClause)) continue;
    let best = j;
    for (let q = j - 1; q >= 0 && at[list[q]] === at[list[j]]; q--) if (datesIt(tokens, v, c, at[list[q]], otherClause)) best = q;
    return best;
  }
  return -1;
}

/** Going on from entry `j` over dates before token `limit`, the first that `datesIt`, or -1. */
function firstOk(tokens: Token[], v: SentenceView, c: Candidate, list: number[], at: Int32Array, j: number, limit: number, otherClause: boolean): number {
  for (; j < list.length && at[list[j]] < limit; j++) if (datesIt(tokens, v, c, at[list[j]], otherClause)) return j;
  return -1;
}

/** Of entries `before` (before `head`) and `after` (at or after it), either -1, the nearer, or the first in `dates` when as near. */
function nearest(list: number[], at: Int32Array, head: number, before: number, after: number): number {
  if (before < 0 || after < 0) return before < 0 ? after : before;
  const back = head - at[list[before]];
  const ahead = at[list[after]] - head;
  if (back !== ahead) return back < ahead ? before : after;
  return list[before] < list[after] ? before : after;
}

// ------------------------------------------------------------------------------------------ actors, places

/** The actor codes of each sentence's mentions outside quotations, once each in text order: computed once per sentence. */
const NO_CODES: string[] = [];

class ActorCache {
  private readonly bySentence = new Map<number, string[]>();
  constructor(private readonly doc: Doc) {}

  codes(s: number): string[] {
    let codes = this.bySentence.get(s);
    if (!codes) this.bySentence.set(s, (codes = sentenceActorCodes(this.doc, this.doc.sentences[s])));
    return codes;
  }

  /** The actors of the nearest of the three sentences before `s` that names some. */
  before(s: number): string[] {
    for (let p = s - 1; p >= Math.max(0, s - 3); p--) {
      const found = this.codes(p);
      if (found.length) return found;
    }
    return NO_CODES;
  }
}

function sentenceActorCodes(doc: Doc, s: Sentence): string[] {
  const out: string[] = [];
  for (let i = s.first; i < s.last; i++) {
    const k = doc.mentionAt[i];
    if (k < 0 || doc.quoteOf[i] >= 0) continue;
    const m = doc.mentions[k];
    if (m.first !== i) continue;
    let codes = m.codes;
    if (m.entity >= 0 && !codes.length) codes = doc.entities[m.entity].code ? [doc.entities[m.entity].code!] : [];
    // nested mentions of a description (`le président russe`) give its code
    for (const code of codes) if (!out.includes(code)) out.push(code);
    i = m.last - 1;
  }
  return out;
}

/** COERCE nouns of a state against its own people: domestic (unlike `annexion`, `expulsion`). */
const REPRESSION = new Set(['répression', 'arrestation', 'interpellation', 'emprisonnement']);

/** The codes of mention `k` (or of its entity). */
function mentionCodes(doc: Doc, k: number): string[] {
  const m = doc.mentions[k];
  if (m.codes.length || m.entity < 0) return m.codes;
  const code = doc.entities[m.entity].code;
  return code ? [code] : NO_CODES;
}

/**
 * The one state a domestic event happens in: the country of its complement (`la réélection du
 * président kazakh`, `des manifestations en Iran`), else of the nearest actor before it in its
 * clause (`des sanctions au régime biélorusse pour punir la répression`); null if none.
 */
function domesticState(doc: Doc, c: Candidate, floor: number): string | null {
  const { tokens } = doc;
  for (let k = c.last; k < c.clauseLast && k < c.last + 6; k++) {
    const t = tokens[k];
    if (t.kind === Kind.Punct || t.kind === Kind.Quote || wordBits(t) & W.FiniteVerb || t.pos & POS.CCONJ) break;
    const m = doc.mentionAt[k];
    if (m >= 0 && doc.quoteOf[k] < 0) {
      const codes = mentionCodes(doc, m).filter((x) => x !== 'EU' && x !== 'WEST');
      if (codes.length === 1) return codes[0];
    }
  }
  for (let k = c.first - 1; k >= floor && k >= c.first - 30; k--) {
    // the subject of the verb that names the event (`La Lituanie dénonce une investiture`) is no place of it
    if (wordBits(tokens[k]) & W.FiniteVerb && doc.mentionAt[k] < 0) return null;
    const m = doc.mentionAt[k];
    // an actor that names its state, not an adjective (`l'influence russe dans la campagne`) nor a bare role (`le président`)
    if (m < 0 || doc.quoteOf[k] >= 0 || doc.mentions[m].via === 'demonym') continue;
    const codes = doc.mentions[m].codes.filter((x) => x !== 'EU' && x !== 'WEST');
    if (codes.length === 1) return codes[0];
    if (codes.length) return null;
  }
  return null;
}

const PAIRING = new Set(['les', 'des', 'aux', 'ces', 'leurs', 'entre', 'ses']);

/** `les deux pays`, `les deux dirigeants`: the pair of actors the story is about. */
function namesBothParties(tokens: Token[], s: Sentence): boolean {
  for (let i = s.first; i < s.last - 1; i++) {
    if (tokens[i].lower === 'deux' && PAIRING.has(tokens[i - 1]?.lower ?? '') && tokens[i + 1].kind === Kind.Word && !tokens[i + 1].cap) return true;
  }
  return false;
}

/** The event's place: the first place after a locative in its clause, else in its sentence. */
function eventLocation(v: SentenceView, c: Candidate): string | null {
  return v.clauseLocation(c.clause) ?? v.location();
}

/** The first place (or country by name) after a locative (`à Kiev`, `en Ukraine`) among the mentions of [from, to) outside quotations. */
function placeIn(doc: Doc, from: number, to: number): string | null {
  const { tokens, mentions } = doc;
  for (let i = from; i < to; i++) {
    const k = doc.mentionAt[i];
    if (k < 0 || doc.quoteOf[i] >= 0) continue;
    const m = mentions[k];
    if (m.first !== i) continue;
    i = m.last - 1;
    const placeLike = m.type === 'place' || (m.type === 'country' && m.via === 'name');
    if (!placeLike) continue;
    let p = m.first - 1;
    if (tokens[p] && (tokens[p].lower === 'la' || tokens[p].lower === 'le' || tokens[p].lower === "l'")) p--;
    if (tokens[p] && LOCATIVES.has(tokens[p].lower)) return doc.text.slice(m.start, m.end);
    // `dans la ville russe de Sotchi`, `à la frontière ukrainienne, dans la région de Koursk`: a place named after a place noun
    if (tokens[p] && (tokens[p].lower === 'de' || tokens[p].lower === "d'")) {
      let q = p - 1;
      while (q >= from && q >= p - 3 && tokens[q].pos & POS.ADJ && !(tokens[q].pos & POS.NOUN && PLACE_NOUNS.has(tokens[q].lower))) q--;
      if (tokens[q] && PLACE_NOUNS.has(tokens[q].lower) && isDet(tokens[q - 1]) && LOCATIVES.has(tokens[q - 2]?.lower ?? '')) return doc.text.slice(m.start, m.end);
    }
  }
  return null;
}

// ------------------------------------------------------------------------------------------ main

/** PLOVER-coded events of an article (annotation guidelines §3). */
export function extractEvents(ctx: ArticleContext, dates: DateMention[]): EventMention[] {
  const { doc } = ctx;
  const { tokens } = doc;
  const index = dateIndex(doc, dates);
  const events: EventMention[] = [];
  // what the article has reported so far, for anaphoric repeats (`la réunion`)
  const seen = new Set<number>();
  // the date each occurrence was first reported with, when the text dated it (by its `reportKey`)
  const occurrenceDates = new Map<number, EventDate>();
  let previousDate: EventDate | null = null;
  // the date of the scene told so far (the last date an event took from the text), for sentences that continue it
  let sceneDate: EventDate | null = null;
  // the date of each event noun the text dated, by its head word (`cessez-le-feu`), for `Peu après le cessez-le-feu, …`
  const datedHeads = new Map<string, EventDate>();
  let mainActorCodes: string[] | null = null;
  const mainActors = (): string[] => (mainActorCodes ??= countActors(doc));
  const actors = new ActorCache(doc);
  const triggers = anchors(doc, TRIGGER);
  const bySentence = groupBySentence(tokens, triggers);
  const marks = anchors(doc, CLAUSE_MARK);
  let mark = 0;
  let next = 0;
  for (let s = 0; s < doc.sentences.length; s++) {
    const sentence = doc.sentences[s];
    // the sentence's anchors: at[from…to)
    let at = triggers;
    let from = next;
    if (bySentence) {
      at = bySentence.get(s) ?? NO_DATES;
      from = 0;
    } else while (next < triggers.length && tokens[triggers[next]].sent === s) next++;
    const to = bySentence ? at.length : next;
    let v: SentenceView | null = null;
    // a question names no act, but a statement before a colon keeps its own (`acceptent de … : où, quand ?`)
    const askedFrom = doc.text[sentence.end - 1] === '?' ? questionStart(tokens, sentence.first, sentence.last) : sentence.last;
    if (to > from && askedFrom > sentence.first) {
      while (mark < marks.length && marks[mark] < sentence.first) mark++;
      v = new SentenceView(doc, s, marks, mark);
    }
    let found = v ? findCandidates(doc, v, at, from, to) : [];
    if (askedFrom < sentence.last) found = found.filter((c) => c.last <= askedFrom);
    const candidates = v ? select(doc, v, outsideLongQuotes(doc, found)) : [];
    if (!v || !candidates.length) {
      // the running context still moves on
      const own = ownDateOf(index, dates, s);
      previousDate = own ? fromMention(own) : null;
      continue;
    }
    let codes = actors.codes(s).slice();
    if (codes.length < 2 && namesBothParties(tokens, sentence)) {
      const before = actors.before(s);
      codes = [...new Set([...codes, ...(before.length >= 2 ? before : mainActors().slice(0, 2))])];
    }
    const first = tokens[sentence.first];
    if (first.lower === 'il' || first.lower === 'elle' || first.lower === 'ils' || first.lower === 'elles') {
      const before = actors.before(s)[0];
      if (before && !codes.includes(before)) codes.unshift(before);
    }
    let sentenceDate: EventDate | null = null;
    const evidence = doc.text.slice(sentence.start, sentence.end);
    // `depuis les élections`, once the elections were dated: the clause takes that date
    let anchorClause = -1;
    let anchorDate: EventDate | undefined;
    for (const c of candidates) {
      if (c.trigger.kind !== 'noun' || !c.facts.occurrence || !seen.has(c.trigger.key) || !anchoredOccurrence(tokens, c)) continue;
      anchorDate = occurrenceDates.get(c.trigger.key);
      if (anchorDate) {
        anchorClause = c.clause;
        break;
      }
    }
    // `Peu après le cessez-le-feu, …`: an opening phrase of time on an occurrence dated before dates what follows it
    const opening = anchorDate ? null : openingAnchor(tokens, sentence.first, sentence.last, datedHeads);
    // `L'armée libanaise, de son côté, a affirmé …`: another party's act at the time of the previous sentence
    const sideways = previousDate?.date && previousDate.basis !== 'publication' && onItsSide(tokens, sentence.first, sentence.last) ? previousDate : null;
    // `Ainsi,`, `Au total,`, `Après avoir signé ce texte,`: a sentence that continues the scene told before
    const continued = sceneDate !== null && continuesScene(tokens, sentence.first, sentence.last);
    for (const c of candidates) {
      let date = eventDate(doc, ctx, v, c, dates, index, previousDate);
      if (anchorDate && c.clause === anchorClause && FALLBACK_DATES.has(date)) date = { ...anchorDate, basis: 'context' };
      else if (opening && c.first > opening.end && FALLBACK_DATES.has(date)) date = { ...opening.date, basis: 'context' };
      else if (sideways && FALLBACK_DATES.has(date) && c.frame !== 'future') date = { ...sideways, basis: 'context' };
      else if (continued && sceneDate && FALLBACK_DATES.has(date) && c.frame !== 'future') date = { ...sceneDate, basis: 'context' };
      const location = eventLocation(v, c);
      const key = c.type === c.trigger.type ? c.trigger.key : c.trigger.rejectKey;
      const ofType = c.facts.key;
      if (c.trigger.kind === 'noun' && c.facts.occurrence) {
        const sameWordSeen = seen.has(key);
        const own = ownComplement(doc, c, index.covered) || happensAt(doc, c, location) || datedSentence(doc, v, c, index);
        // `lors des élections présidentielles` once the elections were named: a time anchor, dated or not
        const known = (sameWordSeen && anchoredOccurrence(tokens, c) && !namedComplement(tokens, c)) || (!own && knownOccurrence(tokens, c, sameWordSeen, seen.has(ofType)));
        if (known) {
          seen.add(key);
          continue;
        }
      }
      // a verbless, undated subheading (`Rencontre Erdogan-Biden`, `Un dernier entretien à l'Élysée`) names again what the article tells
      if (c.trigger.kind === 'noun' && s > 0 && seen.has(ofType) && subheading(doc, sentence, c) && !datedSentence(doc, v, c, index)) {
        seen.add(key);
        continue;
      }
      // `ces bombardements`, `le contournement des sanctions`: the occurrence told before, named again
      const det = tokens[c.first - 1]?.lower ?? '';
      const demonstrative = det === 'ce' || det === 'cet' || det === 'cette' || det === 'ces';
      const complementOfNoun = (det === 'des' || det === 'du') && (tokens[c.first - 2]?.pos ?? 0) & POS.NOUN && !((tokens[c.first - 2]?.pos ?? 0) & POS.VERB);
      if (c.trigger.kind === 'noun' && (demonstrative || complementOfNoun) && seen.has(ofType) && date.basis !== 'explicit' && !location) continue;
      seen.add(key);
      seen.add(ofType);
      let eventCodes = codes.length ? codes : mainActors().slice(0, 1);
      // a protest, an election, a repression happen within one state
      if (eventCodes.length > 1 && c.trigger.kind === 'noun' && (c.type === 'PROTEST' || c.type === 'OTHER' || (c.type === 'COERCE' && REPRESSION.has(c.trigger.lemma)))) {
        const state = domesticState(doc, c, c.clauseFirst);
        if (state && eventCodes.includes(state)) eventCodes = [state];
      }
      const scheduled = c.frame === 'future' || (c.trigger.kind === 'noun' && scheduledNoun(tokens, v, c));
      if (date.date && date.basis !== 'publication') sentenceDate ??= date;
      if (date.date && !FALLBACK_DATES.has(date) && !occurrenceDates.has(key)) occurrenceDates.set(key, date);
      if (date.date && date.basis !== 'publication' && c.trigger.kind === 'noun' && !datedHeads.has(tokens[c.head].lower)) datedHeads.set(tokens[c.head].lower, date);
      events.push({
        type: c.type,
        trigger: doc.text.slice(tokens[c.first].start, tokens[c.last - 1].end),
        evidence,
        actors: eventCodes,
        date: date.date,
        precision: date.precision,
        basis: date.basis,
        location,
        modality: scheduled ? 'scheduled' : 'asserted',
        occurrence_id: null,
        start: tokens[c.first].start,
        end: tokens[c.last - 1].end,
        evidence_start: sentence.start,
        evidence_end: sentence.end,
      });
    }
    const ownDate = ownDateOf(index, dates, s);
    previousDate = ownDate ? fromMention(ownDate) : sentenceDate;
    if (!continued || sentenceDate) sceneDate = sentenceDate?.precision === 'day' ? sentenceDate : null;
  }
  return events;
}

/** `de son côté`, `de leur côté` among the first ten words of the sentence. */
function onItsSide(tokens: Token[], first: number, last: number): boolean {
  for (let k = first + 2; k < last && k < first + 10; k++) {
    if (tokens[k].lower === 'côté' && (tokens[k - 1].lower === 'son' || tokens[k - 1].lower === 'leur') && tokens[k - 2].lower === 'de') return true;
  }
  return false;
}

/**
 * `Peu après l'entrée en vigueur du cessez-le-feu, …`, `Après le sommet, …`: a phrase of time opening the sentence (a
 * preposition of time among its first two words, up to the first comma, at most ten words) that names an event noun
 * the text dated before: that date, and the comma's token.
 */
function openingAnchor(tokens: Token[], first: number, last: number, datedHeads: Map<string, EventDate>): { date: EventDate; end: number } | null {
  if (!datedHeads.size || !(ANCHORING_PREPOSITIONS.has(tokens[first].lower) || ANCHORING_PREPOSITIONS.has(tokens[first + 1]?.lower ?? ''))) return null;
  let date: EventDate | undefined;
  for (let k = first + 1; k < last && k < first + 12; k++) {
    const t = tokens[k];
    if (t.lower === ',') return date ? { date, end: k } : null;
    if (t.kind !== Kind.Word) return null;
    date ??= datedHeads.get(t.lower);
  }
  return null;
}

/**
 * Whether the sentence at tokens [first, last) goes on with the scene told before: it opens with
 * `Ainsi,` or `Au total,`, or names in its first words a thing told before with
 * a demonstrative (`Au nombre de ces décisions`, `Après avoir signé ce texte`), not a span of time (`ces derniers mois`).
 */
function continuesScene(tokens: Token[], first: number, last: number): boolean {
  const w0 = tokens[first]?.lower ?? '';
  if (w0 === 'ainsi' && tokens[first + 1]?.lower === ',') return true;
  if (w0 === 'au' && tokens[first + 1]?.lower === 'total') return true;
  for (let k = first; k < last && k < first + 8; k++) {
    const t = tokens[k];
    if (t.lower === ',') break;
    if (DEMONSTRATIVE.has(t.lower) && k > first) {
      const n = tokens[k + 1];
      if (n && n.pos & POS.NOUN && !PERIOD_NOUNS.has(n.lower) && !(n.pos & POS.ADJ)) return true;
    }
  }
  return false;
}

/**
 * The anchors of each sentence (by the sentence index of their tokens), or null when the anchors'
 * sentences follow the text order, so that `sentenceAnchors` can take them in turn.
 */
function groupBySentence(tokens: Token[], at: number[]): Map<number, number[]> | null {
  let ordered = true;
  for (let k = 1; k < at.length && ordered; k++) if (tokens[at[k]].sent < tokens[at[k - 1]].sent) ordered = false;
  if (ordered) return null;
  const bySentence = new Map<number, number[]>();
  for (const i of at) {
    const list = bySentence.get(tokens[i].sent);
    if (list) list.push(i);
    else bySentence.set(tokens[i].sent, [i]);
  }
  return bySentence;
}

const DEFINITE = new Set(['le', 'la', 'les', "l'", 'du', 'des', 'au', 'aux']);
const DEMONSTRATIVE = new Set(['ce', 'cet', 'cette', 'ces']);
const POSSESSIVES = new Set(['son', 'sa', 'ses', 'leur', 'leurs']);
/** Words that with `de` make a time anchor of the noun after them (`lors de`, `en marge de`, `à l'issue de`). */
const ANCHORING_NOUNS = new Set(['lors', 'marge', 'issue', 'terme', 'cours', 'suite', 'occasion', 'veille', 'lendemain', 'avant', 'après', 'approche']);
const ANCHORING_PREPOSITIONS = new Set(['après', 'avant', 'pendant', 'durant', 'depuis', 'dès', 'lors']);

/**
 * A noun that only names an occurrence already known or used as a time anchor is no new report:
 * `après la réunion`, `en marge de la rencontre`, `lors de la présidentielle`, `les négociations
 * porteront sur` after the visit was told, unless it brings its own date or place.
 */
/** A short line with no conjugated verb but the trigger (a subheading): at most eight words. */
function subheading(doc: Doc, sentence: Sentence, c: Candidate): boolean {
  const { tokens } = doc;
  if (sentence.last - sentence.first > 12) return false;
  let words = 0;
  for (let k = sentence.first; k < sentence.last; k++) {
    const t = tokens[k];
    if (t.kind !== Kind.Word) continue;
    words++;
    if (k >= c.first && k < c.last) continue;
    if (t.pos & (POS.VERB | POS.AUX) && tensesOf(t.lex) & FINITE && !(t.pos & (POS.DET | POS.PREP | POS.PROPN) || t.cap && k > sentence.first)) return false;
  }
  return words <= 8;
}

function knownOccurrence(tokens: Token[], c: Candidate, sameWordSeen: boolean, sameTypeSeen: boolean): boolean {
  const det = tokens[c.first - 1];
  if (!det) return false;
  // `du`, `des` are definite where they contract `de` (`lors des élections`), not opening a sentence (`Des manifestations`)
  const contracted = det.lower === 'du' || det.lower === 'des' || det.lower === 'au' || det.lower === 'aux';
  if (contracted && (det.lower === 'du' || det.lower === 'des') && (c.first - 1 === 0 || !(tokens[c.first - 2].kind === Kind.Word))) return false;
  // `avant leur rencontre`, `après sa visite`: a possessive names a known occurrence only as a time anchor
  const possessive = POSSESSIVES.has(det.lower);
  const definite = DEFINITE.has(det.lower) || DEMONSTRATIVE.has(det.lower);
  if (!definite && !possessive) return false;
  // the preposition before the determiner (`lors de la`, `lors du`, `après la`)
  const prep = contracted ? det : tokens[c.first - 2];
  const anchorWord = prep && (prep.lower === 'de' || prep.lower === "d'" || contracted) ? tokens[prep.i - 1]?.lower ?? '' : '';
  // named with no word of its own (`la réunion,`, `les négociations porteront`), not `le coup d'Etat mené par`
  const next = tokens[c.last];
  const bare = !next || next.kind !== Kind.Word || !(next.pos & (POS.ADJ | POS.PREP) || next.cap || next.lower === 'de' || next.lower === 'du' || next.lower === 'des' || next.lower === "d'" || tensesOf(next.lex) & TENSE.K);
  if (sameTypeSeen && bare && ((prep && ANCHORING_PREPOSITIONS.has(prep.lower)) || ANCHORING_NOUNS.has(anchorWord))) return true;
  if (possessive) return false;
  if (sameWordSeen) return true;
  return sameTypeSeen && bare && det.lower !== 'des' && det.lower !== 'du';
}

/**
 * `Le putsch a débuté lorsque …, le 26 juillet`: a date of the noun's clause, or of the sentence
 * when the noun opens it, dates what it tells (not a `depuis` date, which starts a state, nor the
 * date of another noun: `le scrutin du 9 août`).
 */
function datedSentence(doc: Doc, v: SentenceView, c: Candidate, index: DateIndex): boolean {
  const { tokens } = doc;
  const list = v.dates(index);
  const at = index.first;
  const opensSentence = c.first - v.sentence.first <= 1;
  // a date of the clause; when the noun opens the sentence, any date not after a colon
  let j = opensSentence ? 0 : firstAt(list, at, c.clauseFirst);
  const end = opensSentence ? v.sentence.last : c.clauseLast;
  let colon = -1;
  for (; j < list.length && at[list[j]] < end; j++) {
    const i = at[list[j]];
    if (doc.quoteOf[i] >= 0) continue;
    if (opensSentence) {
      if (colon < 0) colon = nextWithBits(tokens, c.last, v.sentence.last, W.Colon);
      if (colon < i) continue;
    }
    let p = i - 1;
    if (tokens[p]?.lower === 'le') p--;
    const w = tokens[p]?.lower;
    if (w !== 'depuis' && w !== 'du' && w !== 'de' && w !== "d'") return true;
  }
  return false;
}

/** The first token of [from, to) with one of the form bits `bits` (`to` if none). */
function nextWithBits(tokens: Token[], from: number, to: number, bits: number): number {
  let k = from;
  while (k < to && !(wordBits(tokens[k]) & bits)) k++;
  return k;
}

/** `Cette réunion avait eu lieu à Sotchi`, `le sommet se tiendra à Rome`: the sentence says where it happens. */
function happensAt(doc: Doc, c: Candidate, location: string | null): boolean {
  if (location === null) return false;
  const { tokens } = doc;
  for (let k = c.last; k < c.clauseLast && k < c.last + 6; k++) {
    const t = tokens[k];
    if (t.lower === 'lieu' && HAVING.has(tokens[k - 1]?.lower ?? '')) return true;
    if (REFLEXIVE.has(tokens[k - 1]?.lower ?? '') && lemmasOf(t.lex, POS.VERB).some((l) => l === 'tenir' || l === 'dérouler')) return true;
  }
  return false;
}

const HAVING = new Set(['eu', 'a', 'ont', 'avait', 'avaient', 'aura', 'auront', 'aurait', 'avoir']);
const NEXT_ADJECTIVES = new Set(['prochain', 'prochaine', 'prochains', 'prochaines']);
const PAST_ADJECTIVES = new Set(['précédent', 'précédente', 'précédents', 'précédentes', 'ancien', 'ancienne', 'anciens', 'anciennes']);

/** `après la dissolution`, `depuis le couronnement`, `après de difficiles négociations`: a noun after a preposition of time. */
function anchoredNoun(tokens: Token[], c: Candidate): boolean {
  // `peu après une attaque de drones`: an indefinite occurrence is news of its own
  if (tokens[c.first - 1]?.lower === 'un' || tokens[c.first - 1]?.lower === 'une') return false;
  let k = c.first - 1;
  while (k >= 0 && k > c.first - 4 && tokens[k].kind === Kind.Word && (isDet(tokens[k]) || (tokens[k].pos & POS.ADJ && !(tokens[k].pos & POS.NOUN)))) k--;
  const w = tokens[k]?.lower ?? '';
  return w === 'après' || w === 'avant' || w === 'depuis' || ((w === 'de' || w === "d'" || w === 'du' || w === 'des') && ANCHORING_NOUNS.has(tokens[k - 1]?.lower ?? '') && tokens[k - 1].lower !== 'lors');
}

/** `après la réunion`, `lors des élections`: an occurrence named as the time of something else. */
function anchoredOccurrence(tokens: Token[], c: Candidate): boolean {
  const det = tokens[c.first - 1];
  if (!det || !(DEFINITE.has(det.lower) || DEMONSTRATIVE.has(det.lower))) return false;
  const contracted = det.lower === 'du' || det.lower === 'des' || det.lower === 'au' || det.lower === 'aux';
  const prep = contracted ? det : tokens[c.first - 2];
  if (!prep) return false;
  if (ANCHORING_PREPOSITIONS.has(prep.lower)) return true;
  return (prep.lower === 'de' || prep.lower === "d'" || contracted) && ANCHORING_NOUNS.has(tokens[prep.i - 1]?.lower ?? '');
}

/** `le sommet du G7`, `la réunion de Genève`: a complement that names which one. */
function namedComplement(tokens: Token[], c: Candidate): boolean {
  let k = c.last;
  while (tokens[k] && tokens[k].pos & POS.ADJ && !tokens[k].cap) k++;
  if (!tokens[k] || !(tokens[k].lower === 'de' || tokens[k].lower === 'du' || tokens[k].lower === 'des' || tokens[k].lower === "d'")) return false;
  k++;
  if (isDet(tokens[k])) k++;
  return tokens[k]?.cap === true;
}

/** A date or a place of its own right after an event noun (`la réunion de lundi`, `le sommet à Sotchi`): a new occurrence. */
function ownComplement(doc: Doc, c: Candidate, covered: number[]): boolean {
  const { tokens } = doc;
  let next = firstFrom(covered, c.last);
  for (let k = c.last; k < tokens.length && k < c.last + 6; k++) {
    const t = tokens[k];
    if (covered[next] === k) return true;
    const m = doc.mentionAt[k];
    if (m >= 0 && doc.mentions[m].first === k && (doc.mentions[m].type === 'place' || doc.mentions[m].type === 'country') && LOCATIVES.has(tokens[k - 1]?.lower ?? '')) return true;
    if (t.kind === Kind.Punct || t.kind === Kind.Quote || (t.pos & (POS.VERB | POS.AUX) && tensesOf(t.lex) & FINITE && !(t.pos & (POS.NOUN | POS.ADJ | POS.PREP | POS.DET)))) return false;
  }
  return false;
}

/** The index of the first of the ascending `list` at or after `value` (its length if none). */
function firstFrom(list: number[], value: number): number {
  return partitionPoint(0, list.length, (k) => list[k] < value);
}

/** 1 when token `i` is a word quoted alone (`a «interdit» aux navires`): its context starts past the closing mark. */
function quotedAlone(doc: Doc, i: number): number {
  const q = doc.quoteOf[i];
  if (q < 0) return 0;
  const span = doc.quotes[q];
  return span.open === i - 1 && span.close === i + 1 ? 1 : 0;
}

/** Where the question of a sentence ending in `?` starts: past its last colon (the sentence's first token if none). */
function questionStart(tokens: Token[], first: number, last: number): number {
  for (let k = last - 1; k > first; k--) if (tokens[k].lower === ':') return k;
  return first;
}

/** The candidates not inside a long quotation. */
function outsideLongQuotes(doc: Doc, candidates: Candidate[]): Candidate[] {
  for (const c of candidates) if (insideLongQuote(doc, c.head)) return candidates.filter((c) => !insideLongQuote(doc, c.head));
  return candidates;
}

/** Whether token `i` lies in a quotation of eight words or more: speech, not narration. */
function insideLongQuote(doc: Doc, i: number): boolean {
  const q = doc.quoteOf[i];
  if (q < 0) return false;
  const span = doc.quotes[q];
  let words = 0;
  for (let k = span.open + 1; k < span.close && words < 8; k++) if (doc.tokens[k].kind === Kind.Word) words++;
  return words >= 8;
}

/** A noun event announced for later: `prochaines élections`, `la visite prévue`, `à venir`, `doit adopter un paquet de sanctions`. */
function scheduledNoun(tokens: Token[], v: SentenceView, c: Candidate): boolean {
  for (let k = Math.max(c.clauseFirst, c.first - 3); k < Math.min(c.clauseLast, c.last + 4); k++) {
    if (wordBits(tokens[k]) & W.Scheduled || (tokens[k].lower === 'venir' && tokens[k - 1]?.lower === 'à')) return true;
  }
  // a verb in the future before it in its clause, or `doit`, `va` before an infinitive
  if (v.clauseFacts(c.clause).future < c.first) return true;
  // `a annoncé de nouvelles livraisons`: acts announced without an article are still to come
  let k = c.first - 1;
  while (k > c.clauseFirst && k >= c.first - 3 && tokens[k].pos & POS.ADJ && !(tokens[k].pos & (POS.DET | POS.VERB))) k--;
  const det = tokens[k]?.lower;
  if ((det === 'de' || det === "d'" || det === 'des') && k - 1 >= c.clauseFirst && lemmasOf(tokens[k - 1].lex, POS.VERB).includes('annoncer')) return true;
  // `Des élections anticipées auront lieu`: the noun is the subject of a verb in the future
  for (let j = c.clauseFirst; j < c.first; j++) if (wordBits(tokens[j]) & W.FiniteVerb) return false;
  for (let j = c.last; j < c.clauseLast && j < c.last + 5; j++) {
    const bits = wordBits(tokens[j]);
    if (bits & W.FutureVerb) return true;
    if (bits & W.FiniteVerb || tokens[j].kind === Kind.Punct) return false;
  }
  return false;
}

/** The article's actor codes, most mentioned first. */
function countActors(doc: Doc): string[] {
  const counts = new Map<string, { n: number; first: number }>();
  for (let i = 0; i < doc.tokens.length; i++) {
    const k = doc.mentionAt[i];
    if (k < 0) continue;
    const m = doc.mentions[k];
    if (m.first !== i) continue;
    for (const code of m.codes) {
      const c = counts.get(code) ?? { n: 0, first: i };
      c.n++;
      counts.set(code, c);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first).map(([code]) => code).filter((c) => c !== 'WEST');
}


