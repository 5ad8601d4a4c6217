import { anchors, type Doc } from '../nlp/doc.ts';
import { FINITE, POS, TENSE, lemmasOf, tensesOf } from '../nlp/lexicon.ts';
import type { Mention } from '../nlp/mentions.ts';
import { Pattern, WordClasses, maxLength, parsePattern } from '../nlp/pattern.ts';
import { loadRules } from '../nlp/rules.ts';
import { clauseStarts, type Sentence } from '../nlp/structure.ts';
import { Kind, lexemeFlag, lexemeSlot, type Lexeme, type Token } from '../nlp/tokens.ts';
import type { EventRecord } from '../types.generated.ts';
import type { ArticleContext } from './context.ts';
import type { DateMention, EventMention } from './types.ts';

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
}

interface CompiledTrigger {
  rule: TriggerRule;
  kind: 'verb' | 'noun' | 'word';
  lemma: string;
  complement: Pattern[];
  after: Pattern[];
  notAfter: Pattern[];
  before: Pattern[];
  notBefore: Pattern[];
  /** Longest span of the `before` patterns, for matching them backwards. */
  beforeReach: number;
}

const asList = (s: PatternSource | undefined): string[] => (s === undefined ? [] : Array.isArray(s) ? s : [s]);
const compile = (s: PatternSource | undefined): Pattern[] => asList(s).map((p) => new Pattern(parsePattern(p)));

const RULES = loadRules<TriggerRule>('events/triggers.jsonl');
const TRIGGERS = new Map<string, CompiledTrigger[]>();
for (const rule of RULES) {
  const kind = rule.verb ? 'verb' : rule.noun ? 'noun' : 'word';
  const lemma = (rule.verb ?? rule.noun ?? rule.word)!;
  const before = compile(rule.before);
  const notBefore = compile(rule.not_before);
  const compiled: CompiledTrigger = {
    rule, kind, lemma,
    complement: compile(rule.complement),
    after: compile(rule.after), notAfter: compile(rule.not_after), before, notBefore,
    beforeReach: Math.max(0, ...[...asList(rule.before), ...asList(rule.not_before)].map((p) => maxLength(parsePattern(p)))),
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

/** `pattern` matches ending exactly before token `end` (starting no earlier than `floor`). */
function matchesBefore(pattern: Pattern, tokens: Token[], end: number, reach: number, floor: number): boolean {
  for (let start = Math.max(floor, end - reach); start < end; start++) {
    const m = pattern.matchAt(tokens, start, CLASSES, end);
    if (m && m.last === end) return true;
  }
  return false;
}

/** How a verb's tense places the event in time. */
type Frame = 'current' | 'background' | 'future' | 'hypothetical';

interface Candidate {
  trigger: CompiledTrigger;
  type: EventType;
  /** Token range [first, last) of the trigger (with its complement and auxiliary). */
  first: number;
  last: number;
  /** The anchor token. */
  head: number;
  frame: Frame;
  negated: boolean;
}

const FEARED = new Set(['menace', 'menaces', 'risque', 'risques', 'crainte', 'craintes', 'peur', 'peurs', 'spectre', 'éventualité', 'perspective']);
const DEGREE = new Set(['plus', 'moins', 'très', 'si', 'aussi', 'trop', 'assez', 'peu']);
const REFLEXIVE = new Set(['se', "s'", 'me', "m'", 'nous', 'vous', 'te', "t'"]);
const NEGATORS = new Set(['pas', 'plus', 'jamais', 'guère', 'point', 'nullement', 'aucunement']);
const NEAR_FUTURE = new Set(['aller', 'devoir', 'compter', 'entendre', 'prévoir', 'apprêter', 'vouloir', 'souhaiter', 'espérer', 'envisager', 'décider', 'projeter', 'continuer', 'promettre', 'menacer', 'tenter', 'chercher', 'essayer']);
/** Infinitives after these report what the sentence's main verb did: `pour protester`, `après avoir protesté`. */
const PURPOSE = new Set(['pour', 'afin']);
const SPEECH_ACT_TYPES = new Set<EventType>(['AGREE', 'REQUEST', 'REJECT', 'ACCUSE', 'THREATEN']);
const OCCURRENCE_TYPES = new Set<EventType>(['CONSULT', 'PROTEST', 'OTHER', 'ASSAULT', 'SANCTION', 'COERCE']);
/** A negated act of these is a rejection: `ne reconnaît pas`, `refusent de`. */
const NEGATION_MEANS_REJECT = new Set(['reconnaître', 'accepter', 'soutenir', 'approuver', 'considérer']);
const DETERMINERS = new Set(['le', 'la', 'les', "l'", 'un', 'une', 'des', 'du', 'au', 'aux', 'ce', 'cet', 'cette', 'ces', 'son', 'sa', 'ses', 'leur', 'leurs', 'notre', 'nos', 'de', "d'"]);
const SUBJECT_CLITICS = new Set(['il', 'elle', 'ils', 'elles', 'on', 'je', "j'", 'nous', 'vous', 'tu', 'qui', '-il', '-elle', '-t-il', '-t-elle', '-ils', '-elles', '-on']);
const SCHEDULED_WORDS = new Set(['prochain', 'prochaine', 'prochains', 'prochaines', 'programmé', 'programmée', 'programmés', 'programmées', 'prévu', 'prévue', 'prévus', 'prévues', 'envisagé', 'envisagée', 'envisagés', 'envisagées', 'futur', 'future', 'futurs', 'futures']);
const HYPOTHESIS_WORDS = new Set(['si', "s'il", 'éventuel', 'éventuelle', 'éventuels', 'éventuelles', 'éventuellement', 'hypothèse', 'rumeur', 'rumeurs', 'spéculation', 'spéculations', 'possible', 'possibles']);
const NON_SPECIFIC = new Set(['toute', 'tout', 'toutes', 'tous', 'quelconque', 'aucune', 'aucun', 'nouvelle', 'nouvel']);
/** `semaine de contestation`, `anniversaire de l'invasion`: a time named after the event. */
const PERIOD_NOUNS = new Set(['semaine', 'semaines', 'mois', 'jour', 'jours', 'année', 'années', 'an', 'ans', 'heure', 'heures', 'nuit', 'nuits', 'début', 'fin', 'lendemain', 'veille', 'anniversaire', 'date', 'veille']);
const LOCATIVES = new Set(['à', 'en', 'au', 'aux', 'dans', 'sur', 'près', 'vers']);

const isAux = (t: Token | undefined): boolean => t !== undefined && (t.pos & POS.AUX) !== 0 && (tensesOf(t.lex) & FINITE) !== 0;
const isDet = (t: Token | undefined): boolean => t !== undefined && DETERMINERS.has(t.lower) && !(t.pos & POS.CLITIC && !(t.pos & POS.DET));

interface SentenceView {
  sentence: Sentence;
  clauses: number[];
  /** Clause index of each token of the sentence (by offset from `sentence.first`). */
  clauseOf: Int32Array;
}

function viewOf(doc: Doc, s: number): SentenceView {
  const sentence = doc.sentences[s];
  const clauses = clauseStarts(doc.tokens, sentence);
  const clauseOf = new Int32Array(sentence.last - sentence.first);
  let c = 0;
  for (let i = sentence.first; i < sentence.last; i++) {
    while (c + 1 < clauses.length && clauses[c + 1] <= i) c++;
    clauseOf[i - sentence.first] = c;
  }
  return { sentence, clauses, clauseOf };
}

const clauseRange = (v: SentenceView, i: number): [number, number] => {
  const c = v.clauseOf[i - v.sentence.first];
  return [v.clauses[c], v.clauses[c + 1] ?? v.sentence.last];
};

/** The auxiliary a participle at `i` hangs on, looking back over adverbs, clitics and `été`: its index, or -1. */
function auxiliaryBefore(tokens: Token[], i: number, floor: number): number {
  for (let k = i - 1; k >= floor && k >= i - 7; k--) {
    const t = tokens[k];
    if (isAux(t)) return k;
    if (t.lower === 'été' || t.lower === 'eu' || REFLEXIVE.has(t.lower) || SUBJECT_CLITICS.has(t.lower) || t.pos & (POS.ADV | POS.NEG) || t.pos & POS.CLITIC || t.text === ',') continue;
    if (t.kind === Kind.Word && (t.lower === 'de' || t.lower === 'son' || t.lower === 'sa' || t.lower === 'leur' || t.lower === 'côté' || t.lower === 'part' || t.lower === 'quant' || t.lower === 'à' || t.lower === 'lui' || t.lower === 'ensuite')) continue;
    return -1;
  }
  return -1;
}

/** The verb whose infinitive complement token `i` is (`doit se rendre`, `a décidé de sanctionner`), as its lemmas, with its index. */
function governorOf(tokens: Token[], i: number, floor: number): { lemmas: string[]; at: number; link: string } | null {
  let k = i - 1;
  while (k >= floor && (REFLEXIVE.has(tokens[k].lower) || tokens[k].pos & POS.CLITIC && !(tokens[k].pos & POS.DET))) k--;
  let link = '';
  if (k >= floor && /^(?:de|d'|à)$/.test(tokens[k].lower)) link = tokens[k--].lower;
  while (k >= floor && tokens[k].pos & POS.ADV && !(tokens[k].pos & (POS.VERB | POS.NOUN))) k--;
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
    if (!governor) return trigger.rule.announces ? 'future' : null;
    if (governor.link === 'pour') return 'current';
    if (governor.lemmas.some((l) => NEAR_FUTURE.has(l))) return 'future';
    if (governor.lemmas.some((l) => l === 'annoncer' || l === 'affirmer' || l === 'assurer')) return 'future';
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
function isNegated(tokens: Token[], c: { first: number; head: number; last: number }, clauseFirst: number, clauseLast: number, noun: boolean): boolean {
  if (noun) {
    for (let k = c.first - 1; k >= clauseFirst && k >= c.first - 3; k--) {
      const w = tokens[k].lower;
      if (w === 'aucun' || w === 'aucune' || w === 'sans' || w === 'ni') return true;
      if ((w === 'de' || w === "d'") && tokens[k - 1]?.lower === 'pas') return true;
    }
    // `aucune réunion … ou signature d'accord n'était prévue`: a noun coordinated after a negated one
    const coordinated = tokens[c.first - 1]?.lower === 'ou' || tokens[c.first - 1]?.lower === 'ni' || (isDet(tokens[c.first - 1]) && /^(?:ou|ni)$/.test(tokens[c.first - 2]?.lower ?? ''));
    if (coordinated) for (let k = c.first - 2; k >= clauseFirst; k--) if (tokens[k].lower === 'aucun' || tokens[k].lower === 'aucune') return true;
    // `l'accord n'a pas été signé`: a verb after the noun negates it
    for (let k = c.last; k < clauseLast && k < c.last + 3; k++) if (tokens[k].lower === "n'" || tokens[k].lower === 'ne') return NEGATORS.has(tokens[k + 2]?.lower ?? '') || NEGATORS.has(tokens[k + 3]?.lower ?? '');
    return false;
  }
  let ne = false;
  for (let k = c.first - 1; k >= clauseFirst && k >= c.first - 5; k--) {
    if (tokens[k].lower === 'ne' || tokens[k].lower === "n'") ne = true;
    if (NEGATORS.has(tokens[k].lower) && (tokens[k - 1]?.lower === 'ne' || tokens[k - 1]?.lower === "n'")) return true; // `ne pas considérer`
  }
  if (!ne) return false;
  for (let k = c.first; k < Math.min(clauseLast, c.last + 3); k++) if (NEGATORS.has(tokens[k].lower)) return true;
  return false;
}

/** The trigger candidates of one sentence (at its anchor tokens), longest first where they overlap. */
function findCandidates(doc: Doc, v: SentenceView, at: number[]): Candidate[] {
  const { tokens } = doc;
  const found: Candidate[] = [];
  for (const i of at) {
    const t = tokens[i];
    for (const trigger of triggersOf(t)) {
      const c = tryTrigger(doc, v, trigger, i);
      if (c) found.push(c);
    }
  }
  // the longest trigger wins where triggers overlap
  found.sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first);
  const kept: Candidate[] = [];
  for (const c of found) if (!kept.some((k) => k.first < c.last && c.first < k.last)) kept.push(c);
  return kept.sort((a, b) => a.first - b.first);
}

/** `background` when the clause's conjugated verbs are all in the imperfect or pluperfect. */
function clauseTense(tokens: Token[], first: number, last: number): Frame | null {
  let past = false;
  for (let k = first; k < last; k++) {
    const t = tokens[k];
    if (!(t.pos & (POS.VERB | POS.AUX)) || t.pos & (POS.NOUN | POS.DET | POS.PREP) || isDet(tokens[k - 1])) continue;
    const tenses = tensesOf(t.lex);
    if (!(tenses & FINITE)) continue;
    if (tenses & (TENSE.P | TENSE.F | TENSE.C)) return null;
    if (tenses & (TENSE.I | TENSE.J)) past = true;
  }
  return past ? 'background' : null;
}

/** A reflexive pronoun in the clitic chain before a verb: `se félicite`, `s'en est félicité`. */
function reflexiveBefore(tokens: Token[], i: number, clauseFirst: number): boolean {
  for (let k = i - 1; k >= clauseFirst && k >= i - 4; k--) {
    if (REFLEXIVE.has(tokens[k].lower)) return true;
    if (!(isAux(tokens[k]) || tokens[k].pos & (POS.ADV | POS.NEG | POS.CLITIC) || tokens[k].lower === 'été')) return false;
  }
  return false;
}

function tryTrigger(doc: Doc, v: SentenceView, trigger: CompiledTrigger, i: number): Candidate | null {
  const { tokens } = doc;
  const { sentence } = v;
  const t = tokens[i];
  const [clauseFirst, clauseLast] = clauseRange(v, i);
  // a noun/verb homograph (`la rencontre`, `une demande`) after a determiner is the noun
  if (trigger.kind === 'verb' && isDet(tokens[i - 1]) && t.pos & POS.NOUN && !(tokens[i - 1].pos & POS.CLITIC && REFLEXIVE.has(tokens[i - 2]?.lower ?? ''))) return null;
  // `le plus célèbre`: an adjective after a degree adverb
  if (trigger.kind === 'verb' && t.pos & POS.ADJ && !(tensesOf(t.lex) & TENSE.K) && DEGREE.has(tokens[i - 1]?.lower ?? '')) return null;
  if (trigger.kind === 'noun' && t.pos & POS.VERB && !(t.pos & POS.NOUN) && !isDet(tokens[i - 1])) return null;
  if (trigger.kind === 'noun' && (SUBJECT_CLITICS.has(tokens[i - 1]?.lower ?? '') || isAux(tokens[i - 1]) || REFLEXIVE.has(tokens[i - 1]?.lower ?? ''))) return null;
  // a capitalised noun inside a sentence is a name (`Rassemblement national`)
  if (trigger.kind === 'noun' && t.cap && i > sentence.first && tokens[i - 1].kind === Kind.Word && !isDet(tokens[i - 1])) return null;
  let last = i + 1;
  if (trigger.complement.length) {
    let end = -1;
    for (const p of trigger.complement) end = Math.max(end, p.matchAt(tokens, last, CLASSES, sentence.last)?.last ?? -1);
    if (end < 0) return null;
    last = end;
  }
  let first = i;
  if (trigger.rule.reflexive) {
    let k = i - 1;
    while (k >= clauseFirst && k >= i - 4 && !REFLEXIVE.has(tokens[k].lower)) {
      if (!(isAux(tokens[k]) || tokens[k].pos & (POS.ADV | POS.NEG) || tokens[k].lower === 'été' || tokens[k].pos & POS.CLITIC || SUBJECT_CLITICS.has(tokens[k].lower))) return null;
      k--;
    }
    if (k < clauseFirst || !REFLEXIVE.has(tokens[k]?.lower ?? '')) return null;
    first = k;
  }
  if (trigger.rule.not_reflexive && reflexiveBefore(tokens, i, clauseFirst)) return null;
  const passive = trigger.rule.passive === true && tensesOf(t.lex) & TENSE.K && (tokens[i - 1]?.lower === 'été' || isAux(tokens[i - 1]) && lemmasOf(tokens[i - 1].lex, POS.AUX).includes('être'));
  if (trigger.after.length && !passive && !trigger.after.some((p) => p.matchAt(tokens, last, CLASSES, sentence.last))) return null;
  if (trigger.notAfter.some((p) => p.matchAt(tokens, last, CLASSES, sentence.last))) return null;
  if (trigger.before.length && !trigger.before.some((p) => matchesBefore(p, tokens, first, trigger.beforeReach, sentence.first))) return null;
  if (trigger.notBefore.some((p) => matchesBefore(p, tokens, first, trigger.beforeReach, sentence.first))) return null;
  let frame: Frame | null = 'current';
  if (trigger.kind === 'verb' || (trigger.kind === 'word' && t.pos & POS.VERB)) {
    frame = verbFrame(tokens, i, sentence.first, trigger);
    if (frame === null) return null;
    if (trigger.rule.announces && frame === 'current') frame = 'future';
    const tenses = tensesOf(t.lex);
    // (`a dénoncé une mesure et menacé de riposter`: a participle after `et` shares the auxiliary before it)
    const coordinated = tokens[i - 1]?.lower === 'et' && tokens.slice(sentence.first, i).some((x) => isAux(x));
    if (SPEECH_ACT_TYPES.has(trigger.rule.type) && tenses & TENSE.K && !(tenses & (FINITE | TENSE.G)) && auxiliaryBefore(tokens, i, clauseFirst) < 0 && tokens[i - 1]?.text !== ',' && tokens[i - 1]?.lower !== 'été' && !coordinated) return null;
    const aux = auxiliaryBefore(tokens, i, clauseFirst);
    if (aux >= 0 && aux < first) first = aux;
  }
  // `Cette réunion avait eu lieu à Sotchi`: a noun takes the past of its clause's verb
  if (trigger.kind === 'noun' && clauseTense(tokens, clauseFirst, clauseLast) === 'background') frame = 'background';
  const c: Candidate = { trigger, type: trigger.rule.type, first, last, head: i, frame, negated: false };
  c.negated = isNegated(tokens, c, clauseFirst, clauseLast, trigger.kind === 'noun');
  return c;
}

// ------------------------------------------------------------------------------------------ selection

/** Keeps the candidates that report an act, with the absorptions of §3 (one event per occurrence). */
function select(doc: Doc, v: SentenceView, candidates: Candidate[]): Candidate[] {
  const { tokens } = doc;
  const accepted: Candidate[] = [];
  const verbIndex = new Set<number>();
  for (const c of candidates) {
    const [clauseFirst, clauseLast] = clauseRange(v, c.head);
    if (c.negated) {
      // refusing recognition is a rejection (`ne reconnaît plus M. X comme président`)
      if (c.trigger.kind === 'verb' && NEGATION_MEANS_REJECT.has(c.trigger.lemma) && !(tokens[c.first - 1]?.lower === 'encore' || tokens.slice(clauseFirst, c.last).some((x) => x.lower === 'encore'))) {
        accepted.push({ ...c, type: 'REJECT', negated: false });
      }
      continue;
    }
    if (c.frame === 'hypothetical' && !reportedSpeech(tokens, v.sentence.first, c.first)) continue;
    if (c.frame === 'hypothetical') c.frame = 'future';
    if (hypothetical(tokens, clauseFirst, c.first)) continue;
    if (c.trigger.kind !== 'noun' && modifiesNoun(doc, c)) continue;
    if (c.trigger.kind !== 'noun' && readyTo(tokens, c.first)) continue;
    // what a threat or a request is about (`a menacé de bloquer`, `pour réclamer` in a protest) is part of it
    if (c.trigger.kind === 'verb' && tensesOf(tokens[c.head].lex) & TENSE.W && !(tensesOf(tokens[c.head].lex) & FINITE)) {
      const governor = governorOf(tokens, c.head, clauseFirst);
      if (governor && accepted.some((a) => SPEECH_ACT_TYPES.has(a.type) && a.head === governor.at)) continue;
      if (governor?.link === 'pour' && accepted.some((a) => a.type === 'PROTEST') && (c.type === 'REQUEST' || c.type === 'ACCUSE' || c.type === 'REJECT')) continue;
      // `ont bloqué des routes pour protester`: the purpose names the same act
      if (governor?.link === 'pour' && accepted.some((a) => a.type === c.type)) continue;
    }
    if (c.trigger.kind === 'noun') {
      const before = tokens[c.first - 1];
      const det = isDet(before) ? c.first - 1 : c.first;
      const beforeDet = tokens[det - 1];
      // `semaine de contestation`, `l'anniversaire de l'invasion`, `toute attaque`, `un accord prévoyant un soutien`
      // (`trois jours d'exercices` counts a duration: the exercises are reported)
      const periodOf = (k: number): boolean => PERIOD_NOUNS.has(tokens[k]?.lower ?? '') && !(tokens[k - 1]?.kind === Kind.Number || /^(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|plusieurs|quelques)$/.test(tokens[k - 1]?.lower ?? ''));
      if (beforeDet && (beforeDet.lower === 'de' || beforeDet.lower === "d'" || beforeDet.lower === 'du' || beforeDet.lower === 'des') && periodOf(det - 2)) continue;
      if (before && (before.lower === 'de' || before.lower === "d'" || before.lower === 'du' || before.lower === 'des') && periodOf(c.first - 2)) continue;
      // `qu'il considère comme une répétition d'une invasion`, `qualifié de`: a characterization names no act
      if (tokens.slice(Math.max(clauseFirst, c.first - 5), c.first).some((x) => x.lower === 'comme') && tokens.slice(v.sentence.first, c.first).some((x) => lemmasOf(x.lex, POS.VERB).some((l) => l === 'considérer' || l === 'décrire' || l === 'présenter' || l === 'voir' || l === 'percevoir'))) continue;
      // `l'armée ne participe pas aux combats`: a noun in a negated clause
      if (negatedClauseBefore(tokens, clauseFirst, c.first)) continue;
      // `a remercié M. Poutine pour son appui`: a noun of the verb's own type says what the act was
      if (!OCCURRENCE_TYPES.has(c.type) && accepted.some((a) => a.trigger.kind !== 'noun' && a.type === c.type && a.last <= c.first && c.first - a.last <= 6 && clauseRange(v, a.head)[0] === clauseFirst)) continue;
      // the object noun of a negated verb is negated too (`n'ont pas imposé de nouvelles sanctions`)
      if (candidates.some((o) => o.negated && o.trigger.kind === 'verb' && o.last <= c.first && c.first - o.last <= 4 && clauseRange(v, o.head)[0] === clauseFirst)) continue;
      if (tokens.slice(Math.max(clauseFirst, c.first - 4), c.first).some((x) => lemmasOf(x.lex, POS.VERB).includes('prévoir') && (tensesOf(x.lex) & (TENSE.P | TENSE.G | TENSE.I)) !== 0)) continue;
      if (NON_SPECIFIC.has(tokens[det - 1]?.lower ?? '') && tokens[det - 1].lower !== 'nouvelle' && tokens[det - 1].lower !== 'nouvel') continue;
      if (NON_SPECIFIC.has(before?.lower ?? '') && (before.lower === 'toute' || before.lower === 'tout' || before.lower === 'toutes' || before.lower === 'tous' || before.lower === 'quelconque')) continue;
      if (tokens.slice(Math.max(clauseFirst, c.first - 4), c.first).some((x) => /^(?:prévoyant|visant|destiné|destinée|destinés|destinées)$/.test(x.lower))) continue;
      // `la menace d'attaques`, `le risque d'une invasion`: what is feared has not happened
      if (feared(tokens, c.first)) continue;
      // `face à la menace`, `sous la menace`: a threat as a risk one lives with, not a threat someone made
      if (c.type === 'THREATEN' && ((tokens[c.first - 2]?.lower === 'à' && tokens[c.first - 3]?.lower === 'face') || tokens[c.first - 2]?.lower === 'sous')) continue;
      // the noun object of a speech act is its content (`accuse X d'avoir fomenté les manifestations`,
      // `a menacé de sanctions`, `a proposé sa médiation`, `appellent à une nouvelle journée de grève`)
      const governor = accepted.find((a) => SPEECH_ACT_TYPES.has(a.type) && a.trigger.kind === 'verb' && clauseRange(v, a.head)[0] === clauseFirst && a.last <= c.first);
      if (governor && !OCCURRENCE_TYPES.has(c.type)) continue;
      if (governor && governor.type !== 'ACCUSE' && c.first - governor.last <= 4 && !tokens.slice(governor.last, c.first).some((x) => x.kind === Kind.Punct || x.pos & (POS.VERB | POS.AUX) && !(x.pos & (POS.DET | POS.PREP | POS.ADJ)))) continue;
      // a relation noun as the object of another event verb is part of that event (`a souligné l'étroite coopération`)
      const verb = OCCURRENCE_TYPES.has(c.type) ? undefined : accepted.find((a) => a.trigger.kind === 'verb' && a.type !== c.type && a.last <= c.first && c.first - a.last <= 3 && !tokens.slice(a.last, c.first).some((x) => x.kind === Kind.Punct));
      if (verb) continue;
    }
    accepted.push(c);
    verbIndex.add(c.head);
  }
  return mergeSameType(tokens, accepted);
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
const DATE_WORDS = new Set(['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'hier', "aujourd'hui", 'demain', 'fin', 'début', 'mi', 'le', 'en', 'dès', 'depuis']);

/** `prête à être déployée`, `prêts à intervenir`: readiness, not the act. */
function readyTo(tokens: Token[], first: number): boolean {
  let k = first - 1;
  if (tokens[k]?.lower === 'être') k--;
  return tokens[k]?.lower === 'à' && /^prêt(?:e|s|es)?$/.test(tokens[k - 1]?.lower ?? '');
}

/** `ne participe pas aux combats`: `ne` and a negator before `first` in its clause. */
function negatedClauseBefore(tokens: Token[], clauseFirst: number, first: number): boolean {
  let negator = false;
  for (let k = first - 1; k >= clauseFirst; k--) {
    const w = tokens[k].lower;
    if (NEGATORS.has(w)) negator = true;
    else if (negator && (w === 'ne' || w === "n'")) return true;
  }
  return false;
}

/** `la menace d'attaques`, `le risque d'une invasion`, `la menace des frappes`. */
function feared(tokens: Token[], first: number): boolean {
  let k = first - 1;
  if (/^(?:un|une|le|la|les|l')$/.test(tokens[k]?.lower ?? '')) k--;
  return /^(?:de|d'|des|du)$/.test(tokens[k]?.lower ?? '') && FEARED.has(tokens[k - 1]?.lower ?? '');
}

/** `si`, `éventuel`, `pourrait` before it in its clause: a hypothesis, not a report. */
function hypothetical(tokens: Token[], clauseFirst: number, first: number): boolean {
  for (let k = clauseFirst; k < first; k++) if (HYPOTHESIS_WORDS.has(tokens[k].lower)) return true;
  return false;
}

/** In reported speech the conditional is the future of the past: `a annoncé qu'il se rendrait à Kiev`. */
function reportedSpeech(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if ((tokens[k].lower === 'que' || tokens[k].lower === "qu'") && k > from && tokens[k - 1].pos & (POS.VERB | POS.AUX)) return true;
  return false;
}

/** Same-type triggers close together in one clause name one event (`a infligé des sanctions`); so do the protest nouns of one sentence. */
function mergeSameType(tokens: Token[], accepted: Candidate[]): Candidate[] {
  const merged: Candidate[] = [];
  for (const c of accepted) {
    const last = merged[merged.length - 1];
    if (last && last.type === c.type) {
      const between = tokens.slice(last.last, c.first);
      const words = between.filter((t) => t.kind === Kind.Word).length;
      if (!between.some((t) => t.kind === Kind.Punct || t.kind === Kind.Quote) && words <= 6) {
        merged[merged.length - 1] = { ...last, last: c.last, frame: last.trigger.kind === 'verb' ? last.frame : c.frame };
        continue;
      }
    }
    merged.push(c);
  }
  const protests = merged.filter((c) => c.type === 'PROTEST' && c.trigger.kind === 'noun');
  const keep = protests.find((c) => c.trigger.lemma === 'manifestation') ?? protests[0];
  return merged.filter((c) => !(c.type === 'PROTEST' && c.trigger.kind === 'noun') || c === keep);
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

/** The date mentions by token: for each token, the date covering it, or -1. */
function dateIndex(doc: Doc, dates: DateMention[]): { at: Int32Array; first: Int32Array } {
  const at = new Int32Array(doc.tokens.length).fill(-1);
  const first = new Int32Array(dates.length).fill(-1);
  const order = dates.map((_, k) => k).sort((a, b) => dates[a].start - dates[b].start);
  let d = 0;
  for (const t of doc.tokens) {
    while (d < order.length && dates[order[d]].end <= t.start) d++;
    if (d < order.length && dates[order[d]].start <= t.start && t.end <= dates[order[d]].end) {
      at[t.i] = order[d];
      if (first[order[d]] < 0) first[order[d]] = t.i;
    }
  }
  return { at, first };
}

/**
 * The date of an event: the temporal expression of its clause; else one from another clause
 * of the sentence (not a relative clause); else, for background tenses, the previous
 * sentence's date; else the document date for current news.
 */
function eventDate(doc: Doc, ctx: ArticleContext, v: SentenceView, c: Candidate, dates: DateMention[], first: Int32Array, previous: EventDate | null): EventDate {
  const { tokens } = doc;
  const inSentence: Array<{ d: DateMention; at: number }> = [];
  for (let k = 0; k < dates.length; k++) if (first[k] >= v.sentence.first && first[k] < v.sentence.last) inSentence.push({ d: dates[k], at: first[k] });
  const [clauseFirst, clauseLast] = clauseRange(v, c.head);
  const distance = (x: { at: number }): number => Math.abs(x.at - c.head);
  // `la présidentielle du 9 août`, `la période 2021-2024`: a date complementing another noun is that noun's
  const ownsDate = (x: { at: number }): boolean => {
    let p = x.at - 1;
    if (tokens[p]?.lower === 'le') p--;
    if (!/^(?:du|de|d')$/.test(tokens[p]?.lower ?? '')) return true;
    const noun = tokens[p - 1];
    if (!noun || !(noun.pos & POS.NOUN) || (p - 1 >= c.first && p - 1 < c.last) || noun.i === c.head) return true;
    // `à l'approche de la présidentielle de 2020`, `lors du sommet du 3 mars`: the noun only says when
    let k = p - 2;
    if (isDet(tokens[k])) k--;
    const w = tokens[k]?.lower ?? '';
    return ANCHORING_PREPOSITIONS.has(w) || ((w === 'de' || w === "d'") && ANCHORING_NOUNS.has(tokens[k - 1]?.lower ?? '')) || ANCHORING_NOUNS.has(w);
  };
  inSentence.splice(0, inSentence.length, ...inSentence.filter(ownsDate));
  const sameClause = inSentence.filter((x) => x.at >= clauseFirst && x.at < clauseLast).sort((a, b) => distance(a) - distance(b));
  if (sameClause.length) return fromMention(sameClause[0].d);
  const relative = (at: number): boolean => /^(?:qui|que|qu'|dont|où|lequel|laquelle|lesquels|lesquelles)$/.test(tokens[clauseRange(v, at)[0]].lower);
  const others = inSentence.filter((x) => !relative(x.at) && (x.at < clauseFirst || !tokens.slice(clauseLast, x.at).some((t) => t.lower === 'et' || t.lower === 'mais' || t.lower === 'puis' || t.text === ';'))).sort((a, b) => distance(a) - distance(b));
  if (others.length) return fromMention(others[0].d, others[0].d.value ? 'context' : undefined);
  if (c.frame === 'background') return previous?.date ? { ...previous, basis: 'context' } : UNDATED;
  // `six mois après la dissolution`, `les précédentes élections`: an occurrence told as a landmark of the past has no date of its own
  if (c.trigger.kind === 'noun' && (anchoredNoun(tokens, c) || PAST_ADJECTIVES.has(tokens[c.first - 1]?.lower ?? ''))) return UNDATED;
  return ctx.published ? { date: ctx.published, precision: ctx.published_precision, basis: 'publication' } : UNDATED;
}

// ------------------------------------------------------------------------------------------ actors, places

/** The actor codes of a sentence's mentions outside quotations, in text order. */
function sentenceActors(doc: Doc, s: Sentence): Array<{ code: string; at: number; mention: Mention }> {
  const out: Array<{ code: string; at: number; mention: Mention }> = [];
  for (let i = s.first; i < s.last; i++) {
    const k = doc.mentionAt[i];
    if (k < 0 || doc.quoteOf[i] >= 0) continue;
    const m = doc.mentions[k];
    if (m.first !== i) continue;
    let codes = m.codes;
    if (m.entity >= 0 && !codes.length) codes = doc.entities[m.entity].code ? [doc.entities[m.entity].code!] : [];
    // nested mentions of a description (`le président russe`) give its code
    for (const code of codes) out.push({ code, at: i, mention: m });
    i = m.last - 1;
  }
  return out;
}

const BOTH = new Set(['deux']);

/** `les deux pays`, `les deux dirigeants`: the pair of actors the story is about. */
function namesBothParties(tokens: Token[], s: Sentence): boolean {
  for (let i = s.first; i < s.last - 1; i++) {
    if (BOTH.has(tokens[i].lower) && /^(?:les|des|aux|ces|leurs|entre|ses)$/.test(tokens[i - 1]?.lower ?? '') && tokens[i + 1].kind === Kind.Word && !tokens[i + 1].cap) return true;
  }
  return false;
}

function eventLocation(doc: Doc, v: SentenceView, c: Candidate): string | null {
  const { tokens, mentions } = doc;
  const [clauseFirst, clauseLast] = clauseRange(v, c.head);
  for (const [from, to] of [[clauseFirst, clauseLast], [v.sentence.first, v.sentence.last]]) {
    for (let i = from; i < to; i++) {
      const k = doc.mentionAt[i];
      if (k < 0 || doc.quoteOf[i] >= 0) continue;
      const m = mentions[k];
      if (m.first !== i) continue;
      i = m.last - 1;
      const placeLike = m.type === 'place' || (m.type === 'country' && m.via === 'name');
      if (!placeLike) continue;
      let p = m.first - 1;
      if (tokens[p] && /^(?:la|le|l')$/.test(tokens[p].lower)) p--;
      if (tokens[p] && LOCATIVES.has(tokens[p].lower)) return doc.text.slice(m.start, m.end);
    }
  }
  return null;
}

// ------------------------------------------------------------------------------------------ main

/** PLOVER-coded events of an article (annotation guidelines §3). */
export function extractEvents(ctx: ArticleContext, dates: DateMention[]): EventMention[] {
  const { doc } = ctx;
  const { tokens } = doc;
  const { first: dateFirst, at: dateAt } = dateIndex(doc, dates);
  const events: EventMention[] = [];
  // what the article has reported so far, for anaphoric repeats (`la réunion`)
  const seen = new Map<string, number>();
  let previousDate: EventDate | null = null;
  const mainActors = countActors(doc);
  const bySentence = new Map<number, number[]>();
  for (const i of anchors(doc, TRIGGER)) {
    const s = tokens[i].sent;
    const list = bySentence.get(s);
    if (list) list.push(i);
    else bySentence.set(s, [i]);
  }
  for (let s = 0; s < doc.sentences.length; s++) {
    const sentence = doc.sentences[s];
    const at = bySentence.get(s);
    const v = at && doc.text[sentence.end - 1] !== '?' ? viewOf(doc, s) : null;
    const candidates = v && at ? select(doc, v, findCandidates(doc, v, at).filter((c) => !insideLongQuote(doc, c.head))) : [];
    if (!v || !candidates.length) {
      // the running context still moves on
      const own = dates.find((d, k) => dateFirst[k] >= sentence.first && dateFirst[k] < sentence.last && d.value);
      previousDate = own ? fromMention(own) : null;
      continue;
    }
    const actors = sentenceActors(doc, sentence);
    let codes = [...new Set(actors.map((a) => a.code))];
    // the actors of the nearest sentence before that names some
    const previousActors = (): string[] => {
      for (let p = s - 1; p >= Math.max(0, s - 3); p--) {
        const found = sentenceActors(doc, doc.sentences[p]);
        if (found.length) return [...new Set(found.map((a) => a.code))];
      }
      return [];
    };
    if (namesBothParties(tokens, sentence) && codes.length < 2) {
      const before = previousActors();
      codes = [...new Set([...codes, ...(before.length >= 2 ? before : mainActors.slice(0, 2))])];
    }
    const first = tokens[sentence.first];
    if (first.lower === 'il' || first.lower === 'elle' || first.lower === 'ils' || first.lower === 'elles') {
      const before = previousActors()[0];
      if (before && !codes.includes(before)) codes.unshift(before);
    }
    let sentenceDate: EventDate | null = null;
    for (const c of candidates) {
      const date = eventDate(doc, ctx, v, c, dates, dateFirst, previousDate);
      const location = eventLocation(doc, v, c);
      const key = `${c.type}:${c.trigger.lemma}`;
      if (c.trigger.kind === 'noun' && OCCURRENCE_TYPES.has(c.type)) {
        const sameWordSeen = seen.has(key);
        const own = ownComplement(doc, c, dateAt) || happensAt(doc, v, c, location) || datedSentence(doc, v, c, dates, dateFirst);
        // `lors des élections présidentielles` once the elections were named: a time anchor, dated or not
        const known = (sameWordSeen && anchoredOccurrence(tokens, c) && !namedComplement(tokens, c)) || (!own && knownOccurrence(tokens, c, sameWordSeen, seen.has(`type:${c.type}`)));
        if (known) {
          seen.set(key, s);
          continue;
        }
      }
      // `ces bombardements`, `le contournement des sanctions`: the occurrence told before, named again
      const det = tokens[c.first - 1]?.lower ?? '';
      const demonstrative = det === 'ce' || det === 'cet' || det === 'cette' || det === 'ces';
      const complementOfNoun = (det === 'des' || det === 'du') && (tokens[c.first - 2]?.pos ?? 0) & POS.NOUN && !((tokens[c.first - 2]?.pos ?? 0) & POS.VERB);
      if (c.trigger.kind === 'noun' && (demonstrative || complementOfNoun) && seen.has(`type:${c.type}`) && date.basis !== 'explicit' && !location) continue;
      seen.set(key, s);
      seen.set(`type:${c.type}`, s);
      const eventCodes = codes.length ? codes : mainActors.slice(0, 1);
      const scheduled = c.frame === 'future' || (c.trigger.kind === 'noun' && scheduledNoun(tokens, v, c));
      if (date.date && date.basis !== 'publication') sentenceDate ??= date;
      events.push({
        type: c.type,
        trigger: doc.text.slice(tokens[c.first].start, tokens[c.last - 1].end),
        evidence: doc.text.slice(sentence.start, sentence.end),
        actors: eventCodes,
        ...date,
        location,
        modality: scheduled ? 'scheduled' : 'asserted',
        occurrence_id: null,
        start: tokens[c.first].start,
        end: tokens[c.last - 1].end,
        evidence_start: sentence.start,
        evidence_end: sentence.end,
      });
    }
    const ownDate = dates.find((d, k) => dateFirst[k] >= sentence.first && dateFirst[k] < sentence.last && d.value);
    previousDate = ownDate ? fromMention(ownDate) : sentenceDate;
  }
  return events;
}

const DEFINITE = new Set(['le', 'la', 'les', "l'", 'du', 'des', 'au', 'aux']);
const DEMONSTRATIVE = new Set(['ce', 'cet', 'cette', 'ces']);
/** Words that with `de` make a time anchor of the noun after them (`lors de`, `en marge de`, `à l'issue de`). */
const ANCHORING_NOUNS = new Set(['lors', 'marge', 'issue', 'terme', 'cours', 'suite', 'occasion', 'veille', 'lendemain', 'avant', 'après', 'approche']);
const ANCHORING_PREPOSITIONS = new Set(['après', 'avant', 'pendant', 'durant', 'depuis', 'dès', 'lors']);

/**
 * A noun that only names an occurrence already known or used as a time anchor is no new report:
 * `après la réunion`, `en marge de la rencontre`, `lors de la présidentielle`, `les négociations
 * porteront sur` after the visit was told, unless it brings its own date or place.
 */
function knownOccurrence(tokens: Token[], c: Candidate, sameWordSeen: boolean, sameTypeSeen: boolean): boolean {
  const det = tokens[c.first - 1];
  if (!det) return false;
  // `du`, `des` are definite where they contract `de` (`lors des élections`), not opening a sentence (`Des manifestations`)
  const contracted = det.lower === 'du' || det.lower === 'des' || det.lower === 'au' || det.lower === 'aux';
  if (contracted && (det.lower === 'du' || det.lower === 'des') && (c.first - 1 === 0 || !(tokens[c.first - 2].kind === Kind.Word))) return false;
  const definite = DEFINITE.has(det.lower) || DEMONSTRATIVE.has(det.lower);
  if (!definite) return false;
  // the preposition before the determiner (`lors de la`, `lors du`, `après la`)
  const prep = contracted ? det : tokens[c.first - 2];
  const anchorWord = prep && (prep.lower === 'de' || prep.lower === "d'" || contracted) ? tokens[prep.i - 1]?.lower ?? '' : '';
  // named with no word of its own (`la réunion,`, `les négociations porteront`), not `le coup d'Etat mené par`
  const next = tokens[c.last];
  const bare = !next || next.kind !== Kind.Word || !(next.pos & (POS.ADJ | POS.PREP) || next.cap || /^(?:de|du|des|d')$/.test(next.lower) || tensesOf(next.lex) & TENSE.K);
  if (sameTypeSeen && bare && ((prep && ANCHORING_PREPOSITIONS.has(prep.lower)) || ANCHORING_NOUNS.has(anchorWord))) return true;
  if (sameWordSeen) return true;
  return sameTypeSeen && bare && det.lower !== 'des' && det.lower !== 'du';
}

/**
 * `Le putsch a débuté lorsque …, le 26 juillet`: a date of the noun's clause, or of the sentence
 * when the noun opens it, dates what it tells (not a `depuis` date, which starts a state, nor the
 * date of another noun: `le scrutin du 9 août`).
 */
function datedSentence(doc: Doc, v: SentenceView, c: Candidate, dates: DateMention[], dateFirst: Int32Array): boolean {
  const { tokens } = doc;
  const [clauseFirst, clauseLast] = clauseRange(v, c.head);
  const opensSentence = c.first - v.sentence.first <= 1;
  for (let k = 0; k < dates.length; k++) {
    const at = dateFirst[k];
    if (at < v.sentence.first || at >= v.sentence.last || doc.quoteOf[at] >= 0) continue;
    if (!(at >= clauseFirst && at < clauseLast) && !opensSentence) continue;
    if (opensSentence && tokens.slice(c.last, at).some((t) => t.text === ':' || t.text === ';')) continue;
    let p = at - 1;
    if (tokens[p]?.lower === 'le') p--;
    const w = tokens[p]?.lower;
    if (w !== 'depuis' && w !== 'du' && w !== 'de' && w !== "d'") return true;
  }
  return false;
}

/** `Cette réunion avait eu lieu à Sotchi`, `le sommet se tiendra à Rome`: the sentence says where it happens. */
function happensAt(doc: Doc, v: SentenceView, c: Candidate, location: string | null): boolean {
  if (location === null) return false;
  const { tokens } = doc;
  const [, clauseLast] = clauseRange(v, c.head);
  for (let k = c.last; k < clauseLast && k < c.last + 6; k++) {
    const t = tokens[k];
    if (t.lower === 'lieu' && /^(?:eu|a|ont|avait|avaient|aura|auront|aurait|avoir)$/.test(tokens[k - 1]?.lower ?? '')) return true;
    if (REFLEXIVE.has(tokens[k - 1]?.lower ?? '') && lemmasOf(t.lex, POS.VERB).some((l) => l === 'tenir' || l === 'dérouler')) return true;
  }
  return false;
}

const PAST_ADJECTIVES = new Set(['précédent', 'précédente', 'précédents', 'précédentes', 'ancien', 'ancienne', 'anciens', 'anciennes']);

/** `après la dissolution`, `depuis le couronnement`, `après de difficiles négociations`: a noun after a preposition of time. */
function anchoredNoun(tokens: Token[], c: Candidate): boolean {
  // `peu après une attaque de drones`: an indefinite occurrence is news of its own
  if (/^(?:un|une)$/.test(tokens[c.first - 1]?.lower ?? '')) return false;
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
  if (!tokens[k] || !/^(?:de|du|des|d')$/.test(tokens[k].lower)) return false;
  k++;
  if (isDet(tokens[k])) k++;
  return tokens[k]?.cap === true;
}

/** A date or a place of its own right after an event noun (`la réunion de lundi`, `le sommet à Sotchi`): a new occurrence. */
function ownComplement(doc: Doc, c: Candidate, dateAt: Int32Array): boolean {
  const { tokens } = doc;
  for (let k = c.last; k < tokens.length && k < c.last + 6; k++) {
    const t = tokens[k];
    if (dateAt[k] >= 0) return true;
    const m = doc.mentionAt[k];
    if (m >= 0 && doc.mentions[m].first === k && (doc.mentions[m].type === 'place' || doc.mentions[m].type === 'country') && LOCATIVES.has(tokens[k - 1]?.lower ?? '')) return true;
    if (t.kind === Kind.Punct || t.kind === Kind.Quote || (t.pos & (POS.VERB | POS.AUX) && tensesOf(t.lex) & FINITE && !(t.pos & (POS.NOUN | POS.ADJ | POS.PREP | POS.DET)))) return false;
  }
  return false;
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
  const [clauseFirst, clauseLast] = clauseRange(v, c.head);
  for (let k = Math.max(clauseFirst, c.first - 3); k < Math.min(clauseLast, c.last + 4); k++) {
    const w = tokens[k].lower;
    if (SCHEDULED_WORDS.has(w) || (w === 'venir' && tokens[k - 1]?.lower === 'à')) return true;
  }
  for (let k = clauseFirst; k < c.first; k++) {
    const t = tokens[k];
    if (!(t.pos & (POS.VERB | POS.AUX))) continue;
    const lemmas = lemmasOf(t.lex, POS.VERB | POS.AUX);
    if (tensesOf(t.lex) & TENSE.F && !(tensesOf(t.lex) & TENSE.P)) return true;
    if (lemmas.some((l) => l === 'devoir' || l === 'aller') && tensesOf(tokens[k + 1]?.lex ?? null) & TENSE.W) return true;
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


