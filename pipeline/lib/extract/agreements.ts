import { anchors, type Doc } from '../nlp/doc.ts';
import { FINITE, POS, TENSE, lemmasOf, tensesOf } from '../nlp/lexicon.ts';
import { Pattern, WordClasses, maxLength, parsePattern } from '../nlp/pattern.ts';
import { loadRules } from '../nlp/rules.ts';
import { clauseStarts, type Sentence } from '../nlp/structure.ts';
import { Gap, Kind, lexemeFlag, lexemeSlot, type Lexeme, type Token } from '../nlp/tokens.ts';
import type { AgreementRecord } from '../types.generated.ts';
import type { ArticleContext } from './context.ts';
import type { AgreementMention, DateMention, EventMention } from './types.ts';
import { partitionPoint } from '../nlp/search.ts';

/**
 * Agreements (annotation guidelines §4): the nouns that name them, their status cues and
 * their policy domains are data (rules/agreements/). Each agreement noun of a sentence that
 * is not negated, hypothetical or only demanded becomes a record named by the noun and its
 * complements, with the status of the nearest cue, the parties the sentence names and the
 * domains its words give. Membership (`membres de l'Union européenne`) names an agreement in force.
 */

type Kind_ = AgreementRecord['kind'];
type Status = AgreementRecord['status'];
type Domain = AgreementRecord['domains'][number];
type PatternSource = string | string[];

interface NounRule { noun: string; kind: Kind_; complement?: PatternSource; after?: PatternSource; not_after?: PatternSource; before?: PatternSource; not_before?: PatternSource; needs_cue?: boolean }
interface StatusRule { status: Status; lemma?: string; word?: string; after?: string; before?: string; reflexive?: boolean; future?: boolean; as_is?: boolean; kinds?: Kind_[] }
interface DomainRule { domain: Domain; lemma?: string; word?: string }

const asList = (s: PatternSource | undefined): string[] => (s === undefined ? [] : Array.isArray(s) ? s : [s]);
const compile = (s: PatternSource | undefined): Pattern[] => asList(s).map((p) => new Pattern(parsePattern(p)));

interface CompiledNoun { rule: NounRule; complement: Pattern[]; after: Pattern[]; notAfter: Pattern[]; before: Pattern[]; notBefore: Pattern[]; reach: number }
const NOUNS = new Map<string, CompiledNoun[]>();
for (const rule of loadRules<NounRule>('agreements/nouns.jsonl')) {
  const compiled: CompiledNoun = {
    rule, complement: compile(rule.complement), after: compile(rule.after), notAfter: compile(rule.not_after), before: compile(rule.before), notBefore: compile(rule.not_before),
    reach: Math.max(0, ...[...asList(rule.before), ...asList(rule.not_before)].map((p) => maxLength(parsePattern(p)))),
  };
  NOUNS.set(rule.noun, [...(NOUNS.get(rule.noun) ?? []), compiled]);
}

interface CompiledStatus { rule: StatusRule; after: Pattern | null; before: Pattern | null; reach: number }
const STATUS_BY_LEMMA = new Map<string, CompiledStatus[]>();
const STATUS_BY_WORD = new Map<string, CompiledStatus[]>();
for (const rule of loadRules<StatusRule>('agreements/status.jsonl')) {
  const compiled = { rule, after: rule.after ? new Pattern(parsePattern(rule.after)) : null, before: rule.before ? new Pattern(parsePattern(rule.before)) : null, reach: rule.before ? maxLength(parsePattern(rule.before)) : 0 };
  const map = rule.lemma ? STATUS_BY_LEMMA : STATUS_BY_WORD;
  const key = (rule.lemma ?? rule.word)!;
  map.set(key, [...(map.get(key) ?? []), compiled]);
}

const DOMAIN_BY_LEMMA = new Map<string, Domain[]>();
const DOMAIN_BY_WORD = new Map<string, Domain[]>();
for (const rule of loadRules<DomainRule>('agreements/domains.jsonl')) {
  const map = rule.lemma ? DOMAIN_BY_LEMMA : DOMAIN_BY_WORD;
  const key = (rule.lemma ?? rule.word)!;
  map.set(key, [...(map.get(key) ?? []), rule.domain]);
}

class AgreementClasses extends WordClasses {
  protected override extra(t: Lexeme): string[] {
    return t.kind === Kind.Number && /^(?:1[89]\d\d|20\d\d)$/.test(t.lower) ? ['year'] : [];
  }
}

/** The agreement nouns a form can be (by noun lemma, or its own form or singular). */
const nounsOf = lexemeSlot((lx: Lexeme): CompiledNoun[] => {
  if (lx.kind !== Kind.Word) return [];
  // the rules of the noun's lemma, then of the form itself (`accords`, which is never the idiom `d'accord`)
  const keys = new Set([...lemmasOf(lx.lex, POS.NOUN), lx.lower.replace(/s$/, ''), lx.lower]);
  const out: CompiledNoun[] = [];
  for (const key of keys) out.push(...(NOUNS.get(key) ?? []));
  return out;
});

/** Where an agreement can be named: its noun, or `membre(s)` before an organization. */
const AGREEMENT_WORD = lexemeFlag((lx) => nounsOf({ lx }).length > 0 || MEMBERSHIP_WORDS.has(lx.lower));

/** The status cues a form can give, words first. */
const statusOf = lexemeSlot((lx: Lexeme): CompiledStatus[] => {
  const out = [...(STATUS_BY_WORD.get(lx.lower) ?? [])];
  if (lx.pos & (POS.VERB | POS.AUX)) for (const l of lemmasOf(lx.lex, POS.VERB)) out.push(...(STATUS_BY_LEMMA.get(l) ?? []));
  return out;
});

/** The domains a form names. */
const domainsOf = lexemeSlot((lx: Lexeme): Domain[] => {
  const out = new Set<Domain>(DOMAIN_BY_WORD.get(lx.lower) ?? []);
  if (lx.lex) for (const r of lx.lex.readings) for (const d of DOMAIN_BY_LEMMA.get(r.lemma) ?? []) out.add(d);
  for (const d of DOMAIN_BY_LEMMA.get(lx.lower) ?? []) out.add(d);
  return [...out];
});
const CLASSES = new AgreementClasses();

const DETERMINERS = new Set(['le', 'la', 'les', "l'", 'un', 'une', 'des', 'du', 'au', 'aux', 'ce', 'cet', 'cette', 'ces', 'son', 'sa', 'ses', 'leur', 'leurs']);
const DEMONSTRATIVES = new Set(['ce', 'cet', 'cette', 'ces', 'ledit', 'ladite', 'lesdits']);
const NUMBER_WORDS: Record<string, number> = { deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12, quinze: 15, vingt: 20, trente: 30 };
const PARTICIPLE_LINKS = new Set(['portant', 'instituant', 'créant', 'établissant', 'prévoyant', 'visant']);
const QUANTIFIERS = new Set(['plusieurs', 'quelques', 'environ', 'quelque', 'nombreux', 'nombreuses', 'divers', 'diverses', 'certains', 'certaines']);
const NAME_LINKS = new Set(['de', 'du', 'des', "d'", 'sur', 'entre', 'avec', 'pour']);
const HYPOTHESIS = new Set(['hypothèse', 'éventuel', 'éventuelle', 'éventuellement', 'rumeur', 'rumeurs']);
const NEGATIONS = new Set(['aucun', 'aucune', 'sans', 'ni', 'faute']);
const NEGATORS = new Set(['pas', 'plus', 'jamais', 'guère', 'nullement']);
const DEMAND_VERBS = new Set(['réclamer', 'exiger', 'demander']);
const INTENT_FILLERS = new Set(['être', 'encore', 'faire', 'pas', 'toujours', 'bien', 'enfin', 'se', "s'"]);
const INTENT = new Set(['devoir', 'aller', 'vouloir', 'souhaiter', 'espérer', 'prévoir', 'compter', 'envisager', 'entendre', 'projeter', 'chercher', 'tenter', 'pouvoir']);

interface Found {
  kind: Kind_;
  /** Token range of the name. */
  first: number;
  last: number;
  head: number;
  /** Only an agreement where a status cue of its clause says so (`ce texte` signed). */
  needsCue?: boolean;
  /** Named by an organization its members are in (`membres de l'Union européenne`). */
  membership?: boolean;
}

function matchesBefore(pattern: Pattern, tokens: Token[], end: number, reach: number, floor: number): boolean {
  for (let start = Math.max(floor, end - reach); start < end; start++) {
    if (pattern.endAt(tokens, start, CLASSES, end) === end) return true;
  }
  return false;
}

/** The agreement nouns of a sentence (at its anchor tokens), each with its name span. */
function findNames(doc: Doc, s: Sentence, at: number[]): Found[] {
  const { tokens } = doc;
  const found: Found[] = [];
  for (const i of at) {
    const t = tokens[i];
    if (t.kind !== Kind.Word) continue;
    const nouns = nounsOf(t);
    if (!nouns.length) continue;
    {
      for (const noun of nouns) {
        // `Union européenne`, `Alliance atlantique`: a named organization is the body, not an agreement
        if (doc.mentionAt[i] >= 0 && doc.mentions[doc.mentionAt[i]].type === 'organization' && doc.mentions[doc.mentionAt[i]].via !== 'description') continue;
        let last = i + 1;
        if (noun.complement.length) {
          let end = -1;
          for (const p of noun.complement) end = Math.max(end, p.endAt(tokens, last, CLASSES, s.last));
          if (end < 0) continue;
          last = end;
        }
        if (noun.after.length && !noun.after.some((p) => p.endAt(tokens, last, CLASSES, s.last) >= 0)) continue;
        if (noun.notAfter.some((p) => p.endAt(tokens, last, CLASSES, s.last) >= 0)) continue;
        if (noun.before.length && !noun.before.some((p) => matchesBefore(p, tokens, i, noun.reach, s.first))) continue;
        if (noun.notBefore.some((p) => matchesBefore(p, tokens, i, noun.reach, s.first))) continue;
        // a verb form after a subject is no noun (`il accorde`)
        if (t.pos & POS.VERB && !(t.pos & POS.NOUN) && !DETERMINERS.has(tokens[i - 1]?.lower ?? '')) continue;
        found.push({ kind: noun.rule.kind, first: nameStart(tokens, i, s.first), last: nameEnd(tokens, last, s.last, i), head: i, needsCue: noun.rule.needs_cue });
        break;
      }
    }
  }
  // `liés par un traité militaire, une union douanière et l'Union eurasiatique`: a union listed with agreements is one
  for (let f = 0; f < found.length; f++) {
    let k = found[f].last;
    if (tokens[k]?.lower !== 'et' && tokens[k]?.text !== ',') continue;
    k++;
    if (DETERMINERS.has(tokens[k]?.lower ?? '')) k++;
    const m = k < s.last && doc.mentionAt[k] >= 0 ? doc.mentions[doc.mentionAt[k]] : undefined;
    if (m && m.first === k && m.type === 'organization' && m.kind === 'international' && nounsOf(tokens[k]).some((n) => n.rule.kind === 'union')) {
      found.push({ kind: 'union', first: m.first, last: m.last, head: m.first });
    }
  }
  // the longest name wins where names overlap (names are a few tokens long: their tokens are marked)
  found.sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first);
  const kept: Found[] = [];
  const taken = new Set<number>();
  for (const f of found) {
    let free = true;
    for (let k = f.first; k < f.last && free; k++) free = !taken.has(k);
    if (!free) continue;
    kept.push(f);
    for (let k = f.first; k < f.last; k++) taken.add(k);
  }
  return kept.sort((a, b) => a.first - b.first);
}

/** A count or a leading adjective belongs to the name: `28 accords`, `nouvel accord`. */
function nameStart(tokens: Token[], head: number, floor: number): number {
  let k = head;
  while (k > floor && k > head - 2) {
    const t = tokens[k - 1];
    if (t.kind === Kind.Number || NUMBER_WORDS[t.lower] || (t.kind === Kind.Word && !t.cap && t.pos & POS.ADJ && !(t.pos & (POS.DET | POS.VERB | POS.PREP | POS.PRON)))) k--;
    else break;
  }
  return k;
}

/** The name goes on over adjectives and complements (`contrat sur le transit du gaz russe`), up to a bound. */
function nameEnd(tokens: Token[], from: number, limit: number, head: number = from - 1): number {
  let j = from;
  let steps = 0;
  let linked = false;
  // `traité Ceta`, `accord UE-Mercosur`, `accord RDC–Rwanda`: a name right after the noun
  // `traité New Start`: a run of capitalised words (a few)
  while (j < limit && j < from + 3 && from === head + 1 && tokens[j].kind === Kind.Word && tokens[j].cap && tokens[j].gap === Gap.Space && (j === from || tokens[j - 1].cap)) j++;
  if (j < limit && j > from && /^[-–]$/.test(tokens[j].text) && tokens[j + 1]?.cap && tokens[j].gap === Gap.None) j += 2;
  while (j < limit && steps++ < 8 && tokens[j].gap <= Gap.Space) {
    const t = tokens[j];
    // `entre Israël et le Hezbollah`, `de la Suède et de la Finlande`: a coordinated complement
    if (linked && t.lower === 'et' && tokens[j + 1]) {
      let k = j + 1;
      if (/^(?:de|du|des|d')$/.test(tokens[k].lower)) k++;
      if (DETERMINERS.has(tokens[k]?.lower ?? '')) k++;
      const u = tokens[k];
      if (u && u.kind === Kind.Word && (u.cap || (u.pos & POS.NOUN && !(u.pos & (POS.VERB | POS.PRON | POS.DET))))) {
        j = k + 1;
        continue;
      }
    }
    // an adjective, not a judgement on it (`l'accord inacceptable`: rejected)
    if (t.kind === Kind.Word && t.pos & POS.ADJ && !(t.pos & (POS.VERB | POS.DET | POS.PREP | POS.PRON)) && !t.cap && !statusOf(t).some((c) => c.rule.status === 'rejected')) {
      j++;
      continue;
    }
    if (t.kind === Kind.Word && (t.lower.includes('-') && /^(?:russo|sino|franco|germano|américano|biélorusso|turco|irano|israélo|italo|euro)-/.test(t.lower))) {
      j++;
      continue;
    }
    // `traité portant création de`, `traité instituant une confédération`
    if (PARTICIPLE_LINKS.has(t.lower) && tokens[j + 1]) {
      let k = j + 1;
      if (DETERMINERS.has(tokens[k].lower) && tokens[k + 1]) k++;
      if (tokens[k].kind === Kind.Word && tokens[k].pos & POS.NOUN) {
        j = k + 1;
        linked = true;
        continue;
      }
    }
    if (NAME_LINKS.has(t.lower) && tokens[j + 1]) {
      let k = j + 1;
      // `de plusieurs milliards`, `de quelques mois`: a quantifier as a determiner
      if ((DETERMINERS.has(tokens[k].lower) || QUANTIFIERS.has(tokens[k].lower)) && tokens[k + 1]) k++;
      const u = tokens[k];
      if (u.kind === Kind.Number || NUMBER_WORDS[u.lower]) {
        // `pour cinq ans` is a term, no part of the name
        if (t.lower === 'pour') break;
        // `de 72 heures`, `de 500 millions`: the number's unit goes with it
        const unit = tokens[k + 1];
        j = unit && k + 1 < limit && unit.kind === Kind.Word && !unit.cap && unit.gap === Gap.Space && unit.pos & POS.NOUN && !(unit.pos & (POS.VERB | POS.PREP | POS.DET | POS.PRON)) ? k + 2 : k + 1;
        linked = true;
        continue;
      }
      // a noun, also a bare one that could be a finite verb (`accords de transit`, not `de la part`), not an infinitive or participle (`accord pour lutter`)
      const verbal = u.pos & POS.VERB && (!/^(?:de|d')$/.test(t.lower) || k !== j + 1 || tensesOf(u.lex) & (TENSE.W | TENSE.K | TENSE.G));
      if (u.kind === Kind.Word && (u.cap || (u.pos & (POS.NOUN | POS.PROPN) && !verbal && !(u.pos & (POS.PRON | POS.DET))))) {
        j = k + 1;
        linked = true;
        continue;
      }
    }
    if (t.kind === Kind.Number && (tokens[j + 1]?.lower === 'milliards' || tokens[j + 1]?.lower === 'millions')) {
      j += 2;
      continue;
    }
    if (t.lower === 'plus' && tokens[j + 1]?.pos & POS.ADJ) {
      j += 2;
      continue;
    }
    break;
  }
  // a name ends on a word, not on a link
  while (j > from && NAME_LINKS.has(tokens[j - 1].lower)) j--;
  return j;
}

interface Cue {
  status: Status;
  at: number;
  /** A verb (`a signé`), not a word (`signature`, `en vigueur`). */
  verb: boolean;
  /** The kinds of agreement the cue applies to, when not all (`annoncer` a treaty: signed; a plan: planned). */
  kinds?: Kind_[];
}

/** Verbs whose subject is the agreement say what it contains, not what became of it (`le contrat prévoit que`). */
const CONTENT_VERBS = new Set(['acter', 'prévoir', 'viser', 'porter', 'comprendre', 'inclure', 'couvrir', 'concerner', 'stipuler', 'garantir', 'permettre', 'instaurer', 'établir', 'fixer', 'engager']);

/** Whether a verb at `i` is wanted, planned or to come: future, conditional, or after a verb of intent (`doit encore être approuvé`). */
function notYet(tokens: Token[], i: number): boolean {
  const tenses = tensesOf(tokens[i].lex);
  if ((tenses & (TENSE.F | TENSE.C)) !== 0 && !(tenses & (TENSE.P | TENSE.I | TENSE.K))) return true;
  if (!(tenses & (TENSE.W | TENSE.K))) return false;
  if (tenses & TENSE.K && !(tenses & FINITE)) {
    const aux = tokens[i - 1]?.lower === 'été' ? tokens[i - 2] : tokens[i - 1];
    if (aux && aux.pos & POS.AUX && tensesOf(aux.lex) & (TENSE.F | TENSE.C) && !(tensesOf(aux.lex) & TENSE.P)) return true;
  }
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    if (lemmasOf(tokens[k].lex, POS.VERB | POS.AUX).some((l) => INTENT.has(l))) return true;
    if (!INTENT_FILLERS.has(tokens[k].lower)) return false;
  }
  return false;
}

/** The status cues of a sentence, in text order (one per rule a token matches). */
function statusCues(doc: Doc, s: Sentence): Cue[] {
  const { tokens } = doc;
  const cues: Cue[] = [];
  for (let i = s.first; i < s.last; i++) {
    const t = tokens[i];
    if (t.kind !== Kind.Word && t.kind !== Kind.Number) continue;
    for (const c of statusOf(t)) {
      if (c.after && !c.after.matchAt(tokens, i + 1, CLASSES, s.last)) continue;
      if (c.before && !matchesBefore(c.before, tokens, i, c.reach, s.first)) continue;
      if (c.rule.reflexive && !/^(?:se|s')$/.test(tokens[i - 1]?.lower ?? '') && !/^(?:se|s')$/.test(tokens[i - 2]?.lower ?? '')) continue;
      let status = c.rule.status;
      if (c.rule.lemma) {
        const later = notYet(tokens, i);
        if (c.rule.future && !later) continue;
        // `signera`, `serait bloqué`: what is not yet done is at most planned
        if (later && !c.rule.as_is) {
          const conditional = (tensesOf(t.lex) & TENSE.C) !== 0 || (tokens[i - 1] !== undefined && (tensesOf(tokens[i - 1].lex) & TENSE.C) !== 0);
          if (status === 'signed' || (status === 'rejected' && conditional)) status = 'planned';
          else if (status !== 'rejected') continue;
        }
      }
      cues.push({ status, at: i, verb: c.rule.lemma !== undefined, kinds: c.rule.kinds });
    }
  }
  return cues;
}

/** The first index of sorted `xs` whose value is not below `x` (xs.length if none). */
function lowerBound(xs: number[], x: number): number {
  return partitionPoint(0, xs.length, (k) => xs[k] < x);
}

/**
 * Status cues (a sentence's, or a quotation's) as one kind of agreement sees them: per token,
 * the first cue that applies to the kind, leaving out tokens inside other names, their head
 * too (`Ce contrat fait partie d'un accord plus large`: that accord is no status of the contract). Positions are kept in order, with those of verbs, of `in_force` cues and of verbs of
 * rejection apart, so that each look-up of statusFor is a bisection.
 */
class CueIndex {
  readonly at: number[] = [];
  private readonly cue = new Map<number, Cue>();
  /** At each position, the first cue that is no verb (what a name followed by a verb of content sees there). */
  private readonly nonVerb = new Map<number, Cue>();
  readonly verbs: number[] = [];
  readonly inForce: number[] = [];
  readonly rejectingVerbs: number[] = [];

  constructor(cues: Cue[], kind: Kind_, insideName: (at: number) => boolean) {
    for (const c of cues) {
      if ((c.kinds && !c.kinds.includes(kind)) || insideName(c.at)) continue;
      if (!c.verb && !this.nonVerb.has(c.at)) this.nonVerb.set(c.at, c);
      if (this.cue.has(c.at)) continue;
      this.cue.set(c.at, c);
      this.at.push(c.at);
      if (c.verb) this.verbs.push(c.at);
      if (c.status === 'in_force') this.inForce.push(c.at);
      if (c.verb && c.status === 'rejected') this.rejectingVerbs.push(c.at);
    }
  }

  /** The cue at a token, for `name`: none inside it, and no verb of content right after it (`le contrat prévoit`). */
  cueAt(at: number, name: Found, tokens: Token[]): Cue | undefined {
    if (at >= name.first && at < name.last) return undefined;
    // `le contrat prévoit`, `le texte ne prévoit aucune`
    const verbAfter = at === name.last || (at === name.last + 1 && NE.has(tokens[name.last].lower));
    if (verbAfter && this.cue.get(at)?.verb && contentVerb(tokens[at])) return this.nonVerb.get(at);
    return this.cue.get(at);
  }

  /** The last position of `list` in [from, to), or -1. */
  lastIn(list: number[], from: number, to: number): number {
    const k = lowerBound(list, to) - 1;
    return k >= 0 && list[k] >= from ? list[k] : -1;
  }

  /** The first position of `list` in [from, to), or -1. */
  firstIn(list: number[], from: number, to: number): number {
    const k = lowerBound(list, from);
    return k < list.length && list[k] < to ? list[k] : -1;
  }

  /** The first cue for `name` at or after `from` (before `to`): at its last token, then after. */
  firstAfterName(name: Found, tokens: Token[], to: number): Cue | undefined {
    const own = name.last < to ? this.cueAt(name.last, name, tokens) : undefined;
    if (own) return own;
    let at = this.firstIn(this.at, name.last + 1, to);
    // after `ne`, a verb of content is no status either (`le texte ne prévoit aucune aide`)
    if (at === name.last + 1 && NE.has(tokens[name.last]?.lower ?? '')) {
      const verb = this.cueAt(at, name, tokens);
      if (verb) return verb;
      at = this.firstIn(this.at, at + 1, to);
    }
    return at < 0 ? undefined : this.cue.get(at);
  }

  get(at: number): Cue | undefined {
    return at < 0 ? undefined : this.cue.get(at);
  }
}

/** The cue (a noun such as `suspension`, `ratification`) whose complement the phrase at `at` is: `suspension de sa coopération`. */
function governingNoun(cues: CueIndex, name: Found, tokens: Token[], at: number): Cue | undefined {
  let k = at - 1;
  if (k >= 0 && DETERMINERS.has(tokens[k].lower) && !/^(?:du|des)$/.test(tokens[k].lower)) k--;
  if (k < 0 || !/^(?:de|d'|du|des)$/.test(tokens[k].lower)) return undefined;
  const c = cues.cueAt(k - 1, name, tokens);
  return c && !c.verb ? c : undefined;
}

/**
 * The status the nearest cue gives: a participle qualifying the name (`un accord, obtenu par`);
 * the noun the name is the complement of (`la suspension de sa coopération`, `un report de cette
 * signature`) unless a verb of intent or refusal governs a signing (`espèrent l'adoption d'un
 * plan`); the verb before the name in its clause (`signé après de difficiles négociations un
 * contrat`); a word before it; a cue after it in its clause; then in the sentence. A signing
 * the sentence rejects (`Ratification du #CETA : … rejeté`) is a rejection. `inClause` keeps to
 * the name's own clause; cues inside other names are theirs (see CueIndex).
 */
function statusFor(cues: CueIndex, clauseFirst: number, clauseLast: number, name: Found, tokens: Token[], inClause = false): Status | null {
  if (/^projets?$/.test(tokens[name.first - 2]?.lower ?? '') && /^(?:de|d')$/.test(tokens[name.first - 1].lower)) return 'planned';
  const participle = (c: Cue | undefined): boolean => c !== undefined && (tensesOf(tokens[c.at].lex) & TENSE.K) !== 0;
  const verbBefore = cues.get(cues.lastIn(cues.verbs, clauseFirst, name.first));
  // a participle qualifying the name tells its history: `signé en 1994` (but `reste en vigueur`: in force);
  // `négocié par les États-Unis` tells who brokered it, and the governing verb (`ont accepté`) its status
  const qualifying = (c: Cue | undefined): Status | null => {
    if (!participle(c)) return null;
    if (c!.status === 'negotiating' && verbBefore && verbBefore.status !== 'negotiating') return null;
    if (c!.status === 'signed' && inForceAfter(cues, name, tokens, c!.at + 1, clauseLast)) return 'in_force';
    return c!.status;
  };
  const atLast = cues.cueAt(name.last, name, tokens);
  const own = qualifying(atLast) ?? (tokens[name.last]?.text === ',' ? qualifying(cues.cueAt(name.last + 1, name, tokens)) : null);
  if (own) return own;
  let pick: Cue | undefined;
  let governor = governingNoun(cues, name, tokens, name.first);
  if (governor) {
    // `un report de cette signature`: the outer noun decides when it is not a signing itself
    const outer = governingNoun(cues, name, tokens, governor.at);
    if (outer && governor.status === 'signed' && outer.status !== 'signed') governor = outer;
    // `rejetait l'idée d'un approfondissement`: a verb of rejection governs the whole phrase
    pick = verbBefore && ((governor.status === 'signed' && verbBefore.status !== 'signed' && verbBefore.status !== 'in_force') || verbBefore.status === 'rejected') ? verbBefore : governor;
    // `la prochaine signature du traité`, `la signature du traité est prévue`: a signing to come
    if (pick === governor && governor.status === 'signed' && plannedSigning(cues, name, tokens, governor, clauseLast)) return 'planned';
  } else pick = verbBefore ?? cues.get(cues.lastIn(cues.at, clauseFirst, name.first));
  pick ??= cues.firstAfterName(name, tokens, clauseLast);
  if (!pick && !inClause) pick = cues.get(cues.lastIn(cues.at, 0, name.first)) ?? cues.firstAfterName(name, tokens, Infinity);
  if (pick && !pick.verb && pick.status === 'signed' && rejectedElsewhere(cues, name, tokens)) return 'rejected';
  // `le traité signé en 1994 reste en vigueur`: the signing describes an agreement now in force (not `entrera en vigueur`)
  if (pick?.status === 'signed' && inForceAfter(cues, name, tokens, pick.at + 2, clauseLast)) return 'in_force';
  return pick?.status ?? null;
}

/** Whether a signing noun is qualified as to come: `prochaine signature`, `la signature du traité est prévue`. */
function plannedSigning(cues: CueIndex, name: Found, tokens: Token[], governor: Cue, clauseLast: number): boolean {
  for (let k = governor.at - 1; k >= governor.at - 2 && k >= 0; k--) {
    const c = cues.cueAt(k, name, tokens);
    if (c && !c.verb && c.status === 'planned') return true;
    if (!(tokens[k].pos & POS.ADJ)) break;
  }
  // the verb the signing is the subject of, right after it (`est prévue`; not `qui doit sceller`)
  const at = cues.firstIn(cues.verbs, name.last, Math.min(clauseLast, name.last + 4));
  if (at < 0 || cues.get(at)!.status !== 'planned') return false;
  for (let k = name.last; k < at; k++) if (!(tokens[k].pos & POS.AUX) && tokens[k].lower !== 'été' && !(tokens[k].pos & POS.ADV)) return false;
  return true;
}

/** Whether a verb of the sentence outside `name` rejects (`rejeté`). */
function rejectedElsewhere(cues: CueIndex, name: Found, tokens: Token[]): boolean {
  if (cues.lastIn(cues.rejectingVerbs, 0, name.first) >= 0 || cues.firstIn(cues.rejectingVerbs, name.last + 1, Infinity) >= 0) return true;
  const atLast = cues.cueAt(name.last, name, tokens);
  return atLast !== undefined && atLast.verb && atLast.status === 'rejected';
}

/** Whether a cue of the clause after `name`, from token `from` on, says the agreement is in force. */
function inForceAfter(cues: CueIndex, name: Found, tokens: Token[], from: number, clauseLast: number): boolean {
  if (name.last >= from && name.last < clauseLast && cues.cueAt(name.last, name, tokens)?.status === 'in_force') return true;
  // not `entrera en vigueur`: its verb gives its own status
  for (let k = cues.firstIn(cues.inForce, Math.max(name.last + 1, from), clauseLast); k >= 0; k = cues.firstIn(cues.inForce, k + 1, clauseLast)) {
    if (!cues.get(k - 1)?.verb) return true;
  }
  return false;
}

const contentVerb = (t: Token): boolean => lemmasOf(t.lex, POS.VERB).some((l) => CONTENT_VERBS.has(l));

// customs before trade: customs are trade too, named after it (gold: `union douanière` customs, trade)
const DOMAIN_ORDER: Domain[] = ['economy', 'tax', 'finance', 'energy', 'agriculture', 'industry', 'defense', 'security', 'customs', 'trade', 'health', 'political', 'other'];
const CUSTOMS = 1 << DOMAIN_ORDER.indexOf('customs');
const TRADE = 1 << DOMAIN_ORDER.indexOf('trade');

/** The domains a form names, as bits in DOMAIN_ORDER. */
const domainBitsOf = lexemeSlot((lx: Lexeme): number => {
  let bits = 0;
  for (const d of domainsOf({ lx })) if (DOMAIN_ORDER.includes(d)) bits |= 1 << DOMAIN_ORDER.indexOf(d);
  return bits;
});

/** Domains from their bits, in order (customs are trade too). */
function domainList(bits: number): Domain[] {
  if (bits & CUSTOMS) bits |= TRADE;
  return DOMAIN_ORDER.filter((_, k) => bits & (1 << k));
}

/** `sur l'énergie, l'agriculture et l'industrie`: the domains of the nouns coordinated with a name's last complement, from `at` on. */
function coordinatedDomainBits(tokens: Token[], at: number, limit: number): number {
  let bits = 0;
  for (let k = at, n = 0; k < limit && n < 8 && (tokens[k].text === ',' || tokens[k].lower === 'et'); n++) {
    let j = k + 1;
    if (/^(?:de|d'|du|des|sur)$/.test(tokens[j]?.lower ?? '')) j++;
    if (DETERMINERS.has(tokens[j]?.lower ?? '')) j++;
    // not another agreement (`une union douanière et l'Union eurasiatique`)
    if (j >= limit || tokens[j].kind !== Kind.Word || !(tokens[j].pos & POS.NOUN) || tokens[j].cap || nounsOf(tokens[j]).length) break;
    const own = domainBitsOf(tokens[j]);
    if (!own) break;
    bits |= own;
    k = j + 1;
    while (k < limit && k < j + 3 && tokens[k].kind === Kind.Word && tokens[k].pos & POS.ADJ && !(tokens[k].pos & (POS.VERB | POS.DET | POS.PREP))) bits |= domainBitsOf(tokens[k++]);
  }
  return bits;
}

function domainBitsIn(tokens: Token[], from: number, to: number): number {
  let bits = 0;
  for (let i = from; i < to; i++) bits |= domainBitsOf(tokens[i]);
  return bits;
}

const LOCATIVE = new Set(['à', 'en', 'au', 'aux', 'dans', 'vers']);
/** Words after which an actor is a go-between or a witness, not a party (`sous l'égide de Pékin`, `selon Moscou`). */
const NOT_A_PARTY = new Set(['égide', 'médiation', 'auspices', 'selon', 'parrainage', 'participation', 'entremise']);
const REPORTING = new Set(['confirmer', 'annoncer', 'indiquer', 'déclarer', 'affirmer', 'saluer', 'rapporter', 'préciser', 'souligner', 'estimer']);

const codesOf = (doc: Doc, i: number): string[] => {
  const m = doc.mentions[doc.mentionAt[i]];
  const own = m.codes.length ? m.codes : m.entity >= 0 && doc.entities[m.entity].code ? [doc.entities[m.entity].code!] : [];
  return own.filter((code) => code !== 'WEST' || m.type !== 'country' || m.via !== 'bloc' || doc.tokens[i].cap);
};

/** The actor mentions of tokens [from, to), as the first token of each. */
function actorStarts(doc: Doc, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) {
    const k = doc.mentionAt[i];
    if (k < 0) continue;
    const m = doc.mentions[k];
    if (m.first !== i) continue;
    out.push(i);
    i = m.last - 1;
  }
  return out;
}

/**
 * The parties of an agreement: those its name gives (`entre Israël et le Hezbollah`,
 * `accord UE-Mercosur`); else the actors of its sentence outside quotations, less places
 * (`au Brésil`), go-betweens (`sous l'égide de Pékin`) and who reports it (`a confirmé le
 * Qatar`); else the parties of the same agreement told before; else the article's main actors.
 */
function partiesOf(doc: Doc, reading: SentenceReading, name: Found, main: () => string[], antecedent: AgreementMention | undefined): string[] {
  const { tokens } = doc;
  // `cet accord`: the agreement just told, with its parties, whatever else the sentence names
  if (antecedent && antecedent.parties.length >= 2 && DEMONSTRATIVES.has(tokens[name.first - 1]?.lower ?? '') && name.last - name.first === 1) return [...antecedent.parties];
  const named = actorStarts(doc, name.first, name.last).filter((i) => !(name.membership && i === name.first));
  const between = named.filter((i) => tokens.slice(name.first, i).some((t) => t.lower === 'entre') || (tokens[i - 1] && /^[-–]$/.test(tokens[i - 1].text)) || (tokens[i + 1] && /^[-–]$/.test(tokens[i + 1].text) && tokens[i + 1].gap === Gap.None));
  const inName = between.length >= 2 || (between.length && name.kind !== 'other') ? between : [];
  let unique: string[];
  if (inName.length) {
    const codes: string[] = [];
    for (const i of inName) codes.push(...codesOf(doc, i));
    unique = [...new Set(codes)];
  } else if (name.membership) {
    // `la Lituanie et l'Estonie, membres de l'Union européenne et de l'Otan`: the members named before, not the other body nor what follows
    const others = reading.memberships().filter((n) => n !== name);
    unique = reading.actors().membersBefore(name, (i) => others.some((n) => i >= n.first && i < n.last));
    if (!unique.length) unique = reading.actors().partiesAround(name, named, doc.quoteOf[name.head] >= 0);
  } else unique = reading.actors().partiesAround(name, named, doc.quoteOf[name.head] >= 0);
  // `accord entre l'UE et le Mercosur`, `accord UE-Mercosur`: the name gives all the parties, even those without a code
  if (inName.length >= 2 || (inName.length === 1 && pairedInName(tokens, name, inName[0]))) return unique;
  if (unique.length < 2 && antecedent) for (const code of antecedent.parties) if (!unique.includes(code)) unique.push(code);
  if (unique.length < 2) {
    // `du Niger, du Mali et du Burkina Faso` told again and again: the story's parties are that list
    const group = mainGroup(doc);
    const top = main().slice(0, 2);
    if (group && top.length === 2 && [...top, ...unique].every((c) => group.includes(c))) return [...group];
  }
  for (const code of main()) {
    if (unique.length >= 2) break;
    if (!unique.includes(code)) unique.push(code);
  }
  return unique;
}

/** The name pairs its one known party with another proper name (`entre l'UE et le Mercosur`, `UE-Mercosur`). */
function pairedInName(tokens: Token[], name: Found, at: number): boolean {
  const dash = (k: number): boolean => tokens[k] !== undefined && /^[-–]$/.test(tokens[k].text) && k > name.first && k < name.last - 1;
  if (dash(at + 1) && tokens[at + 1].gap === Gap.None && tokens[at + 2].cap) return true;
  if (dash(at - 1) && tokens[at - 2].cap) return true;
  let entre = -1;
  for (let k = name.first; k < at; k++) if (tokens[k].lower === 'entre') entre = k;
  if (entre < 0) return false;
  for (let k = at + 1; k < name.last - 1; k++) {
    if (tokens[k].lower !== 'et') continue;
    const next = /^(?:la|le|l'|les)$/.test(tokens[k + 1].lower) ? k + 2 : k + 1;
    return next < name.last && tokens[next].cap;
  }
  return false;
}

/**
 * The actors of a sentence as parties of its agreements: each with its codes and what keeps it
 * from being one whatever the agreement (a place after `à`, a go-between); who reports (`a
 * confirmé le Qatar`) is no party after the name. For the codes of the actors before a name,
 * their first occurrences; for those after it, where each code occurs: a name's parties are then
 * found per code, not per actor (a long sentence names many actors).
 */
class SentenceActors {
  private readonly at: number[] = [];
  private readonly codes: string[][] = [];
  private readonly quoted: boolean[] = [];
  private readonly party: boolean[] = [];
  private readonly reporting: boolean[] = [];
  /** By whether quoted actors count: first occurrences of codes, and where each code occurs among actors that are no reporters. */
  private readonly views: Array<{ firsts: Array<{ code: string; at: number }>; occurrences: Map<string, number[]> } | undefined> = [undefined, undefined];

  constructor(private readonly doc: Doc, s: Sentence) {
    const { tokens } = doc;
    for (const i of actorStarts(doc, s.first, s.last)) {
      const m = doc.mentions[doc.mentionAt[i]];
      let p = i - 1;
      if (tokens[p] && /^(?:la|le|l'|les)$/.test(tokens[p].lower)) p--;
      // `au Brésil` is a place; `à l'Occident` (a bloc) is who is addressed, `en Occident` a place again
      const place = (m.type === 'country' || m.type === 'place') && m.via !== 'demonym' && tokens[p] && LOCATIVE.has(tokens[p].lower) && !(m.via === 'bloc' && tokens[p].lower === 'à');
      const goBetween = tokens[p] && ((/^(?:de|d'|des|du)$/.test(tokens[p].lower) && NOT_A_PARTY.has(tokens[p - 1]?.lower ?? '')) || NOT_A_PARTY.has(tokens[p].lower));
      this.at.push(i);
      this.codes.push(codesOf(doc, i));
      this.quoted.push(doc.quoteOf[i] >= 0);
      this.party.push(!place && !goBetween);
      this.reporting.push(tokens[p] !== undefined && lemmasOf(tokens[p].lex, POS.VERB).some((l) => REPORTING.has(l)) && (tensesOf(tokens[p].lex) & TENSE.K) !== 0);
    }
  }

  private view(withQuoted: boolean): { firsts: Array<{ code: string; at: number }>; occurrences: Map<string, number[]> } {
    let view = this.views[withQuoted ? 1 : 0];
    if (view) return view;
    view = { firsts: [], occurrences: new Map() };
    const seen = new Set<string>();
    for (let k = 0; k < this.at.length; k++) {
      if (!this.party[k] || (this.quoted[k] && !withQuoted)) continue;
      for (const code of this.codes[k]) {
        if (!seen.has(code)) {
          seen.add(code);
          view.firsts.push({ code, at: this.at[k] });
        }
        if (this.reporting[k]) continue;
        const list = view.occurrences.get(code);
        // an occurrence is the actor's rank in the sentence: codes of one actor keep their order through `firsts`
        if (list) list.push(k);
        else view.occurrences.set(code, [k]);
      }
    }
    this.views[withQuoted ? 1 : 0] = view;
    return view;
  }

  /** `accord de Pékin`, `accords de Minsk`: a city right after the name's noun is where it was signed, not a party. */
  private signingPlace(name: Found, i: number): boolean {
    const { tokens, mentions, mentionAt } = this.doc;
    const m = mentions[mentionAt[i]];
    return (m.via === 'capital' || m.via === 'place') && /^(?:de|d')$/.test(tokens[i - 1]?.lower ?? '') && i - 2 === name.head;
  }

  /** The codes of the unquoted parties before a membership `name`, but for actors `skip` rejects, each once, in text order. */
  membersBefore(name: Found, skip: (i: number) => boolean): string[] {
    const out = new Set<string>();
    for (let k = 0; k < this.at.length && this.at[k] < name.first; k++) {
      if (!this.party[k] || this.quoted[k] || skip(this.at[k])) continue;
      for (const code of this.codes[k]) out.add(code);
    }
    return [...out];
  }

  /** The codes of the parties the sentence gives `name` (`named`: the actors its own words name), each once, in text order. */
  partiesAround(name: Found, named: number[], quotedName: boolean): string[] {
    const view = this.view(quotedName);
    const out = new Set<string>();
    for (const f of view.firsts) {
      if (f.at >= name.first) break;
      out.add(f.code);
    }
    const counts = (k: number): boolean => this.party[k] && (quotedName || !this.quoted[k]);
    // actors within the name count where its own words name them; the one right after it, even if it reports
    let k = lowerBound(this.at, name.first);
    for (; k < this.at.length && this.at[k] <= name.last; k++) {
      const i = this.at[k];
      if (i < name.last && (!named.includes(i) || (name.membership && i === name.first))) continue;
      if (i < name.last && this.signingPlace(name, i)) continue;
      if (counts(k)) for (const code of this.codes[k]) out.add(code);
    }
    // after the name: each code where it first occurs, in text order
    const later: Array<{ k: number; code: string; order: number }> = [];
    for (const [code, ranks] of view.occurrences) {
      if (out.has(code)) continue;
      const r = lowerBound(ranks, k);
      if (r < ranks.length) later.push({ k: ranks[r], code, order: this.codes[ranks[r]].indexOf(code) });
    }
    later.sort((a, b) => a.k - b.k || a.order - b.order);
    for (const l of later) out.add(l.code);
    return [...out];
  }
}

function countOf(tokens: Token[], name: Found): number | null {
  const t = tokens[name.first];
  if (t.kind === Kind.Number && /^\d+$/.test(t.lower)) return Number(t.lower) || null;
  return NUMBER_WORDS[t.lower] ?? null;
}

const headWord = (tokens: Token[], f: Found): string => lemmasOf(tokens[f.head].lex, POS.NOUN)[0] ?? tokens[f.head].lower;

/** Words before a determiner that make the phrase a time anchor (`après la signature du traité`, `dès l'annonce de l'accord`). */
const ANCHORS = new Set(['après', 'avant', 'depuis', 'dès', 'lors', 'pendant', 'suite', 'issue', 'veille', 'lendemain']);

/** `après la signature du traité`, `Peu après l'entrée en vigueur du cessez-le-feu`: the name dates another moment. */
function anchoredName(tokens: Token[], name: Found, floor: number): boolean {
  let k = name.first - 1;
  for (let hops = 0; hops < 3 && k >= floor; hops++) {
    if (ARTICLES.has(tokens[k].lower)) k--;
    if (k < floor) return false;
    if (ANCHORS.has(tokens[k].lower)) return true;
    // `lors de la`, `à l'issue du`; else over the noun phrase the name complements (`l'entrée en vigueur du`)
    if (!/^(?:de|d'|du|des)$/.test(tokens[k].lower)) return false;
    if (ANCHORS.has(tokens[k - 1]?.lower ?? '')) return true;
    k--;
    const stop = k - 5;
    while (k >= floor && k > stop && tokens[k].kind === Kind.Word && !ARTICLES.has(tokens[k].lower) && !ANCHORS.has(tokens[k].lower)) k--;
  }
  return false;
}
const ARTICLES = new Set(['le', 'la', 'les', "l'", 'un', 'une', 'ce', 'cet', 'cette', 'ces', 'son', 'sa', 'ses', 'leur', 'leurs']);

/** `Si les députés rejetaient`: a condition in the imperfect makes the sentence a hypothesis (`si` with the present states a fact). */
function hypotheticalSentence(tokens: Token[], s: Sentence, reading: SentenceReading): boolean {
  for (let i = s.first; i < s.last; i++) {
    const w = tokens[i].lower;
    if (w !== 'si' && w !== "s'il" && !(w === "s'" && /^ils?$/.test(tokens[i + 1]?.lower ?? ''))) continue;
    for (let k = i + 1; k < s.last && k < i + 10; k++) {
      const tenses = tokens[k].pos & (POS.VERB | POS.AUX) ? tensesOf(tokens[k].lex) : 0;
      if (!(tenses & FINITE)) continue;
      if (tenses & (TENSE.I | TENSE.J) && !(tenses & TENSE.P)) return true;
      // `si le Hezbollah viole l'accord, nous frapperons`: a present condition of a future consequence
      const j = reading.commaAfter(k);
      if (j >= 0) {
        for (let m = j + 1; m < s.last && m < j + 8; m++) {
          const main = tokens[m].pos & (POS.VERB | POS.AUX) ? tensesOf(tokens[m].lex) : 0;
          if (main & FINITE) return (main & (TENSE.F | TENSE.C)) !== 0 && !(main & TENSE.P);
        }
      }
      break;
    }
  }
  return false;
}

/** `aucun accord`, `sans traité`, `faute de traité`, `il ne s'agit pas d'un pacte`: no agreement. */
function negatedName(tokens: Token[], name: Found, clauseFirst: number, reading: SentenceReading): boolean {
  const from = Math.max(clauseFirst, name.first - 6);
  for (let k = from; k < name.first; k++) if (NEGATIONS.has(tokens[k].lower)) return true;
  // `ne` … `pas` before the name, in its clause
  const { negators, ne } = reading.words();
  const negator = lowerBound(negators, name.first) - 1;
  if (negator < 0 || negators[negator] < clauseFirst) return false;
  const first = lowerBound(ne, clauseFirst);
  return first < ne.length && ne[first] < negators[negator];
}

/** Agreements with their status (annotation guidelines §4). */
export function extractAgreements(ctx: ArticleContext, dates: DateMention[], events: EventMention[] = []): AgreementMention[] {
  const { doc } = ctx;
  const { tokens } = doc;
  const records: AgreementMention[] = [];
  let mainCodes: string[] | undefined;
  const main = (): string[] => (mainCodes ??= mainActors(doc));
  const heads = new Map<string, AgreementMention>();
  let lastRecord: AgreementMention | undefined;
  /** Agreements the text names by a name of their own (`traité Ceta`), found again by that name (`le Ceta`, `#CETA`). */
  const properNames = new Map<string, Kind_>();
  const eventsBySentence = new Map<number, EventMention[]>();
  for (const e of events) {
    const list = eventsBySentence.get(e.evidence_start);
    if (list) list.push(e);
    else eventsBySentence.set(e.evidence_start, [e]);
  }
  const datesBySentence = datedBySentence(doc, dates);
  const bySentence = new Map<number, number[]>();
  for (const i of anchors(doc, AGREEMENT_WORD)) {
    const list = bySentence.get(tokens[i].sent);
    if (list) list.push(i);
    else bySentence.set(tokens[i].sent, [i]);
  }
  for (let index = 0; index < doc.sentences.length; index++) {
    const at = bySentence.get(index);
    if (!at && !properNames.size) continue;
    const s = doc.sentences[index];
    if (doc.text[s.end - 1] === '?') continue;
    const found = at ? [...findNames(doc, s, at), ...memberships(doc, s, at)] : [];
    if (properNames.size) found.push(...namedAgain(doc, s, properNames, found));
    const names = found.sort((a, b) => a.first - b.first);
    if (!names.length) continue;
    const reading = new SentenceReading(doc, s, names);
    if (hypotheticalSentence(tokens, s, reading)) continue;
    const starts = clauseStarts(tokens, s);
    const sentenceDates = new SentenceDates(datesBySentence.get(index) ?? []);
    const inSentence: AgreementMention[] = [];
    for (const name of names) {
      const c = Math.max(0, upperBound(starts, name.head) - 1);
      const clauseFirst = starts[c];
      const clauseLast = starts[c + 1] ?? s.last;
      // negated, hypothetical or only demanded agreements are none of the statuses of §4
      if (negatedName(tokens, name, clauseFirst, reading)) continue;
      const hypotheses = reading.words().hypotheses;
      const hypothesis = lowerBound(hypotheses, name.first) - 1;
      if (hypothesis >= 0 && hypotheses[hypothesis] >= clauseFirst) continue;
      if (demandedBefore(tokens, name, clauseFirst) && /^(?:un|une|des)$/.test(tokens[name.first - 1]?.lower ?? '')) continue;
      // `en faveur d'un accord`: wished for, not yet any status
      if (/^(?:un|une)$/.test(tokens[name.first - 1]?.lower ?? '') && /^(?:d'|de)$/.test(tokens[name.first - 2]?.lower ?? '') && tokens[name.first - 3]?.lower === 'faveur') continue;
      const quote = doc.quoteOf[name.head];
      // within a quotation, only the quotation's own words give a status
      const ownCue = statusFor(reading.cues(name.kind, quote >= 0 ? quote : undefined), clauseFirst, clauseLast, name, tokens, true);
      if (name.needsCue && !ownCue) continue;
      let status = statusFor(reading.cues(name.kind), clauseFirst, clauseLast, name, tokens);
      const det = tokens[name.first - 1]?.lower ?? '';
      const head = headWord(tokens, name);
      const definite = DEMONSTRATIVES.has(det) || det === 'le' || det === 'la' || det === "l'" || det === 'les' || det === 'du' || det === 'des';
      const bareHead = name.last - name.first === 1;
      // a name of its own (`traité Ceta`, `Union eurasiatique`, `Déclaration de Panmunjom`), not the parties (`accord RDC–Rwanda`)
      const afterHead = tokens[name.head + 1];
      const namedAgreement = tokens[name.head].cap || (name.head + 1 < name.last && afterHead.cap && !(doc.mentionAt[afterHead.i] >= 0 && doc.mentions[doc.mentionAt[afterHead.i]].codes.length));
      // `« Nous avons un accord »`: speech names an agreement only with a status of its own, or by its name
      if (quote >= 0 && !ownCue && !namedAgreement) continue;
      const antecedent = heads.get(head) ?? (definite && bareHead && !name.membership ? lastRecord : undefined);
      if (antecedent && definite && !namedAgreement) {
        // the same agreement named again: a record only where the sentence tells something new of it (guidelines §4)
        if (anchoredName(tokens, name, clauseFirst)) continue;
        if (bareHead && inSentence.length) continue;
        const content = isSubject(tokens, name, clauseFirst) && contentVerb(tokens[name.last]);
        if (!ownCue && !content) continue;
        if (content && !ownCue) status = antecedent.status;
      }
      // with no cue, a story goes on about the agreements it just told (`Il s'agit du traité…`); a new one (`un accord`) only in the same list
      const recent = lastRecord && lastRecord.evidence_start >= (doc.sentences[index - 1]?.start ?? s.start) ? lastRecord : undefined;
      if (!status) status = name.kind === 'union' ? 'in_force' : antecedent?.status ?? (definite || recent?.evidence_start === s.start ? recent?.status : undefined) ?? (reading.future() ? 'planned' : reading.past() || name.kind === 'accord' || namedAgreement ? 'signed' : 'in_force');
      if (status === 'in_force' && name.kind === 'loan' && !namedAgreement && reading.future()) status = 'planned';
      // the name's modifiers (`union douanière`, `accord sur l'énergie, l'agriculture et l'industrie`), else its noun (`cessez-le-feu`)
      const modifierBits = domainBitsIn(tokens, name.first, name.head) | domainBitsIn(tokens, name.head + 1, name.last);
      let domains = domainList(modifierBits ? modifierBits | coordinatedDomainBits(tokens, name.last, s.last) : name.kind === 'union' ? 0 : domainBitsOf(tokens[name.head]));
      if (!domains.length) {
        // a union is not what follows it (`membres de l'Union européenne et de l'Otan`)
        domains = name.kind === 'union' ? [] : domainList(reading.domainBitsAfter(name.last, clauseLast));
        // the sentence's words outside quotations and other names
        if (!domains.length) domains = domainList(reading.domainBitsBeside(name));
        if (!domains.length) domains = name.kind === 'union' ? ['political'] : name.kind === 'joint_force' ? ['defense'] : name.kind === 'loan' ? ['finance'] : antecedent?.domains ?? [];
      }
      if (name.kind === 'loan' && !domains.includes('finance')) domains = ['finance', ...domains];
      let date: string | null = null;
      let precision: AgreementMention['precision'] = null;
      if (status === 'signed' || status === 'planned') {
        const sentenceEvents = eventsBySentence.get(s.start) ?? [];
        const dated = sentenceDates.nearest(tokens[name.head].start);
        if (dated) [date, precision] = [dated.value, dated.precision];
        else if (sentenceEvents.length && sentenceEvents[0].date) [date, precision] = [sentenceEvents[0].date, sentenceEvents[0].precision];
        else if (ctx.published) [date, precision] = [ctx.published, ctx.published_precision];
      } else if (status === 'in_force') {
        const since = sentenceDates.find((d) => {
          const k = tokenStartingAt(tokens, d.start);
          return k > 0 && tokens[k - 1].lower === 'depuis';
        });
        if (since) [date, precision] = [since.value, since.precision];
      }
      const record: AgreementMention = {
        name: doc.text.slice(tokens[name.first].start, tokens[name.last - 1].end),
        kind: name.kind,
        parties: partiesOf(doc, reading, name, main, antecedent),
        domains,
        status,
        count: countOf(tokens, name) ?? (DEMONSTRATIVES.has(det) ? antecedent?.count ?? null : null),
        date,
        precision,
        evidence: doc.text.slice(s.start, s.end),
        start: tokens[name.first].start,
        end: tokens[name.last - 1].end,
        evidence_start: s.start,
        evidence_end: s.end,
      };
      records.push(record);
      inSentence.push(record);
      heads.set(head, record);
      lastRecord = record;
      for (let k = name.head + 1; k < name.last && tokens[k].cap; k++) if (tokens[k].kind === Kind.Word && !doc.mentions[doc.mentionAt[k]]?.codes.length) properNames.set(bareName(tokens[k].lower), name.kind);
    }
  }
  return records;
}

/** `réclamer un accord`: a verb of demand among the six words before the name, in its clause. */
function demandedBefore(tokens: Token[], name: Found, clauseFirst: number): boolean {
  for (let k = Math.max(clauseFirst, name.first - 6); k < name.first; k++) if (lemmasOf(tokens[k].lex, POS.VERB).some((l) => DEMAND_VERBS.has(l))) return true;
  return false;
}

/** The first index of sorted `xs` whose value is above `x` (xs.length if none). */
function upperBound(xs: number[], x: number): number {
  return partitionPoint(0, xs.length, (k) => xs[k] <= x);
}

/** The token that starts at character `start`, or -1. */
function tokenStartingAt(tokens: Token[], start: number): number {
  const lo = partitionPoint(0, tokens.length, (k) => tokens[k].start < start);
  return lo < tokens.length && tokens[lo].start === start ? lo : -1;
}

/** The dates with a value of each sentence (by index), those lying within it, in their order. */
function datedBySentence(doc: Doc, dates: DateMention[]): Map<number, DateMention[]> {
  const out = new Map<number, DateMention[]>();
  for (const d of dates) {
    if (!d.value) continue;
    const k = tokenStartingAt(doc.tokens, d.start);
    const index = k >= 0 ? doc.tokens[k].sent : sentenceAtOffset(doc, d.start);
    const s = doc.sentences[index];
    if (!s || d.start < s.start || d.end > s.end) continue;
    const list = out.get(index);
    if (list) list.push(d);
    else out.set(index, [d]);
  }
  return out;
}

/** The last sentence starting at or before character `offset` (-1 if none). */
function sentenceAtOffset(doc: Doc, offset: number): number {
  return partitionPoint(0, doc.sentences.length, (k) => doc.sentences[k].start <= offset) - 1;
}

/**
 * A sentence's dates as its agreements take them: the nearest to a name (the array sorted in
 * place by the distance to each name's head in turn, the first taken), or the first that passes
 * a test in the order those sorts left. The order is not kept but read from the heads sorted
 * by: a stable sort keeps the previous order among equal distances (dates have distinct starts).
 */
class SentenceDates {
  private readonly byStart: DateMention[];
  private readonly rank: Map<DateMention, number>;
  private readonly heads: number[] = [];

  constructor(private readonly dates: DateMention[]) {
    this.byStart = [...dates].sort((a, b) => a.start - b.start);
    this.rank = new Map(dates.map((d, k) => [d, k]));
  }

  /** Whether `a` comes before `b` in the current order. */
  private before(a: DateMention, b: DateMention): boolean {
    for (let j = this.heads.length - 1; j >= 0; j--) {
      const da = Math.abs(a.start - this.heads[j]);
      const db = Math.abs(b.start - this.heads[j]);
      if (da !== db) return da < db;
    }
    return this.rank.get(a)! < this.rank.get(b)!;
  }

  /** The date nearest to character `at`, the dates sorted by that distance from now on. */
  nearest(at: number): DateMention | undefined {
    const { byStart } = this;
    const lo = partitionPoint(0, byStart.length, (k) => byStart[k].start <= at);
    const left = byStart[lo - 1];
    const right = byStart[lo];
    let found: DateMention | undefined;
    if (!left || !right) found = left ?? right;
    else {
      const dl = at - left.start;
      const dr = right.start - at;
      found = dl < dr ? left : dr < dl ? right : this.before(left, right) ? left : right;
    }
    this.heads.push(at);
    return found;
  }

  /** The first date that passes `test`, in the current order. */
  find(test: (d: DateMention) => boolean): DateMention | undefined {
    let found: DateMention | undefined;
    for (const d of this.dates) if (test(d) && (!found || this.before(d, found))) found = d;
    return found;
  }
}

const NE = new Set(['ne', "n'"]);

/**
 * What the names of one sentence are read against, each computed once, when first needed:
 * where its words of negation and hypothesis and its commas stand, its status cues by kind of
 * agreement (and quotation), the domains its words name, its actors, its tenses.
 */
class SentenceReading {
  private wordPositions?: { negators: number[]; ne: number[]; hypotheses: number[]; commas: number[] };
  /** The status cues, and those of each quotation. */
  private statusCueLists?: { all: Cue[]; byQuote: Map<number, Cue[]> };
  private readonly cueIndexes = new Map<string, CueIndex>();
  /** Tokens inside names, with the number of names each is in, and all of them. */
  private coverage?: { count: Map<number, number>; named: Set<number> };
  private domainPositions?: number[][];
  private unquotedOutsideNames?: number;
  private sentenceActors?: SentenceActors;
  private tenses?: { past: boolean; future: boolean };

  constructor(
    private readonly doc: Doc,
    private readonly s: Sentence,
    private readonly names: Found[],
  ) {}

  words(): { negators: number[]; ne: number[]; hypotheses: number[]; commas: number[] } {
    if (this.wordPositions) return this.wordPositions;
    const words = { negators: [] as number[], ne: [] as number[], hypotheses: [] as number[], commas: [] as number[] };
    const { tokens } = this.doc;
    for (let i = this.s.first; i < this.s.last; i++) {
      const t = tokens[i];
      if (NEGATORS.has(t.lower)) words.negators.push(i);
      else if (NE.has(t.lower)) words.ne.push(i);
      if (HYPOTHESIS.has(t.lower)) words.hypotheses.push(i);
      if (t.text === ',') words.commas.push(i);
    }
    return (this.wordPositions = words);
  }

  /** The first comma after token `k`, in the sentence, or -1. */
  commaAfter(k: number): number {
    const { commas } = this.words();
    const c = upperBound(commas, k);
    return c < commas.length ? commas[c] : -1;
  }

  /** The status cues a kind of agreement sees, in the sentence or in one of its quotations. */
  cues(kind: Kind_, quote?: number): CueIndex {
    const key = quote === undefined ? kind : `${kind} ${quote}`;
    let index = this.cueIndexes.get(key);
    if (!index) {
      const lists = this.cueLists();
      const list = quote === undefined ? lists.all : lists.byQuote.get(quote) ?? [];
      const { named } = this.covered();
      this.cueIndexes.set(key, (index = new CueIndex(list, kind, (at) => named.has(at))));
    }
    return index;
  }

  private cueLists(): { all: Cue[]; byQuote: Map<number, Cue[]> } {
    if (this.statusCueLists) return this.statusCueLists;
    const all = statusCues(this.doc, this.s);
    const byQuote = new Map<number, Cue[]>();
    for (const c of all) {
      const quote = this.doc.quoteOf[c.at];
      if (quote < 0) continue;
      const list = byQuote.get(quote);
      if (list) list.push(c);
      else byQuote.set(quote, [c]);
    }
    return (this.statusCueLists = { all, byQuote });
  }

  private covered(): { count: Map<number, number>; named: Set<number> } {
    if (this.coverage) return this.coverage;
    const count = new Map<number, number>();
    const named = new Set<number>();
    for (const o of this.names) {
      for (let k = o.first; k < o.last; k++) {
        count.set(k, (count.get(k) ?? 0) + 1);
        named.add(k);
      }
    }
    return (this.coverage = { count, named });
  }

  /** The domains the words of tokens [from, to) of the sentence name, as bits. */
  domainBitsAfter(from: number, to: number): number {
    if (!this.domainPositions) {
      this.domainPositions = DOMAIN_ORDER.map(() => []);
      for (let i = this.s.first; i < this.s.last; i++) {
        let bits = domainBitsOf(this.doc.tokens[i]);
        while (bits) {
          const bit = bits & -bits;
          bits ^= bit;
          this.domainPositions[31 - Math.clz32(bit)].push(i);
        }
      }
    }
    let bits = 0;
    this.domainPositions.forEach((positions, k) => {
      const p = lowerBound(positions, from);
      if (p < positions.length && positions[p] < to) bits |= 1 << k;
    });
    return bits;
  }

  /** The domains the sentence's words name outside quotations and outside names other than `name`, as bits. */
  domainBitsBeside(name: Found): number {
    const { tokens, quoteOf } = this.doc;
    const { count } = this.covered();
    if (this.unquotedOutsideNames === undefined) {
      let bits = 0;
      for (let i = this.s.first; i < this.s.last; i++) if (quoteOf[i] < 0 && !count.has(i)) bits |= domainBitsOf(tokens[i]);
      this.unquotedOutsideNames = bits;
    }
    let bits = this.unquotedOutsideNames;
    // not its noun (`Union eurasiatique`: the sentence says what union)
    for (let i = name.first; i < name.last; i++) if (i !== name.head && quoteOf[i] < 0 && count.get(i) === 1) bits |= domainBitsOf(tokens[i]);
    return bits;
  }

  /** The sentence's membership names (`membres de l'Union européenne et de l'Otan`). */
  memberships(): Found[] {
    return this.names.filter((n) => n.membership);
  }

  actors(): SentenceActors {
    return (this.sentenceActors ??= new SentenceActors(this.doc, this.s));
  }

  /** A compound past (`a signé`) in the sentence. */
  past(): boolean {
    return this.tensesOfSentence().past;
  }

  /** A verb in the future or conditional (`signera`) in the sentence. */
  future(): boolean {
    return this.tensesOfSentence().future;
  }

  private tensesOfSentence(): { past: boolean; future: boolean } {
    if (this.tenses) return this.tenses;
    const { tokens } = this.doc;
    let past = false;
    let future = false;
    for (let i = this.s.first; i < this.s.last; i++) {
      const t = tokens[i];
      const tenses = tensesOf(t.lex);
      if (isAuxOf(t) && tenses & (TENSE.P | TENSE.I) && tensesOf(tokens[i + 1]?.lex ?? null) & TENSE.K) past = true;
      if (t.pos & (POS.VERB | POS.AUX) && tenses & (TENSE.F | TENSE.C) && !(tenses & (TENSE.P | TENSE.I))) future = true;
    }
    return (this.tenses = { past, future });
  }
}

/** The tokens of some names. */
function tokensOf(names: Found[]): Set<number> {
  const out = new Set<number>();
  for (const f of names) for (let k = f.first; k < f.last; k++) out.add(k);
  return out;
}

/** `Ces accords visent à`, `L'accord porte sur`: the name opens its clause and its verb follows. */
function isSubject(tokens: Token[], name: Found, clauseFirst: number): boolean {
  let k = name.first - 1;
  if (k >= clauseFirst && DETERMINERS.has(tokens[k].lower)) k--;
  if (k >= clauseFirst && tokens[k].text !== ',') return false;
  const next = tokens[name.last];
  return next !== undefined && (next.pos & (POS.VERB | POS.AUX)) !== 0 && (tensesOf(next.lex) & FINITE) !== 0 && !(next.pos & POS.DET);
}

const bareName = (lower: string): string => lower.replace(/^#/, '');

/** `le Ceta`, `#CETA`: an agreement named before by its own name (not where a noun of this sentence already names it). */
function namedAgain(doc: Doc, s: Sentence, properNames: Map<string, Kind_>, found: Found[]): Found[] {
  const out: Found[] = [];
  let named: Set<number> | undefined;
  for (let i = s.first; i < s.last; i++) {
    const t = doc.tokens[i];
    if (!t.cap && !t.lower.startsWith('#')) continue;
    const kind = properNames.get(bareName(t.lower));
    if (kind === undefined) continue;
    named ??= tokensOf(found);
    if (named.has(i)) continue;
    out.push({ kind, first: i, last: i + 1, head: i });
  }
  return out;
}

const isAuxOf = (t: Token): boolean => (t.pos & POS.AUX) !== 0 && (tensesOf(t.lex) & FINITE) !== 0;

const MEMBERSHIP_WORDS = new Set(['membre', 'membres', 'retrait', 'sortie', 'adhésion']);
const COMPOUND_MEMBER = new Set(['état', 'états', 'etat', 'etats', 'pays', 'pays-membres']);
const BODY_WORDS = /^(?:union|alliance|communauté|organisation|confédération|ligue|pacte|traité|conseil|zone)(?![\p{L}\p{N}])/iu;

/**
 * `membres de l'Union européenne et de l'Otan`, `leur retrait de la CEDEAO`: the organization is
 * an agreement its members are in (or leave). `les États membres de l'UE` only describes them.
 */
function memberships(doc: Doc, s: Sentence, at: number[]): Found[] {
  const { tokens, mentions } = doc;
  const out: Found[] = [];
  for (const i of at) {
    if (!MEMBERSHIP_WORDS.has(tokens[i].lower)) continue;
    if (COMPOUND_MEMBER.has(tokens[i - 1]?.lower ?? '')) continue;
    let k = i + 1;
    for (let guard = 0; guard < 4 && k < s.last; guard++) {
      if (/^(?:de|du|des|d'|à|au|aux)$/.test(tokens[k].lower)) k++;
      if (/^(?:la|le|l')$/.test(tokens[k]?.lower ?? '')) k++;
      const m = doc.mentionAt[k] >= 0 ? mentions[doc.mentionAt[k]] : undefined;
      if (!m) {
        // `la Communauté économique des États de l'Afrique de l'Ouest (CEDEAO)`: a body's full name before its acronym
        const last = spelledOutBody(tokens, k, s.last);
        if (last < 0) break;
        out.push({ kind: 'union', first: k, last, head: k, membership: true });
        k = last;
        if (tokens[k]?.lower !== 'et' && tokens[k]?.text !== ',') break;
        k++;
        continue;
      }
      if (m.first !== k || m.type !== 'organization' || !(m.kind === 'international' || BODY_WORDS.test(m.name))) break;
      let last = m.last;
      // `l'Alliance des États du Sahel (AES)`: the acronym in parentheses is part of the name
      if (tokens[last]?.text === '(' && tokens[last + 1]?.caps && tokens[last + 2]?.text === ')') last += 3;
      out.push({ kind: m.codes[0] === 'EU' || /^union/i.test(m.name) ? 'union' : 'other', first: m.first, last, head: m.first, membership: true });
      k = last;
      if (tokens[k]?.lower !== 'et' && tokens[k]?.text !== ',') break;
      k++;
    }
  }
  return out;
}

const NAME_FILLERS = new Set(['de', 'des', 'du', "d'", "l'", 'la', 'le', 'et']);

/** The end of a body's spelled-out name followed by its acronym (`Alliance des États du Sahel (AES)`), or -1. */
function spelledOutBody(tokens: Token[], k: number, limit: number): number {
  if (!tokens[k]?.cap || !BODY_WORDS.test(tokens[k].text)) return -1;
  for (let x = k + 1; x < limit && x < k + 14; x++) {
    const t = tokens[x];
    if (t.text === '(') return tokens[x + 1]?.caps && tokens[x + 2]?.text === ')' && x > k + 1 ? x + 3 : -1;
    if (!(t.kind === Kind.Word && (t.cap || NAME_FILLERS.has(t.lower)))) return -1;
  }
  return -1;
}

const LIST_GLUE = new Set([',', 'et', 'de', 'du', 'des', "d'", 'la', 'le', "l'", 'les']);
const groupCache = new WeakMap<Doc, string[] | null>();

/** The list of three or more countries the article coordinates most often, at least twice (`du Niger, du Mali et du Burkina Faso`), or null. */
function mainGroup(doc: Doc): string[] | null {
  const cached = groupCache.get(doc);
  if (cached !== undefined) return cached;
  const counts = new Map<string, number>();
  const { tokens, mentions, mentionAt } = doc;
  let run: string[] = [];
  let glue = 0;
  const close = (): void => {
    const codes = [...new Set(run)].sort();
    if (codes.length >= 3) counts.set(codes.join(), (counts.get(codes.join()) ?? 0) + 1);
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const k = mentionAt[i];
    if (k >= 0 && mentions[k].first === i && mentions[k].type === 'country' && mentions[k].codes.length === 1) {
      if (glue > 3 || (i > 0 && tokens[i - 1].sent !== tokens[i].sent)) close();
      run.push(mentions[k].codes[0]);
      glue = 0;
      i = mentions[k].last - 1;
    } else if (k < 0 && LIST_GLUE.has(tokens[i].lower)) glue++;
    else if (run.length) close();
  }
  close();
  let best: string | null = null;
  for (const [key, n] of counts) if (n >= 2 && (!best || n > counts.get(best)!)) best = key;
  const group = best ? best.split(',') : null;
  groupCache.set(doc, group);
  return group;
}

function mainActors(doc: Doc): string[] {
  const counts = new Map<string, { n: number; first: number }>();
  for (let i = 0; i < doc.tokens.length; i++) {
    const k = doc.mentionAt[i];
    if (k < 0) continue;
    const m = doc.mentions[k];
    if (m.first !== i) continue;
    for (const code of m.codes) {
      if (code === 'WEST') continue;
      const c = counts.get(code) ?? { n: 0, first: i };
      c.n++;
      counts.set(code, c);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first).map(([code]) => code);
}
