import { anchors, type Doc } from '../nlp/doc.ts';
import { FINITE, POS, TENSE, lemmasOf, tensesOf } from '../nlp/lexicon.ts';
import { Pattern, WordClasses, maxLength, parsePattern } from '../nlp/pattern.ts';
import { loadRules } from '../nlp/rules.ts';
import { clauseStarts, type Sentence } from '../nlp/structure.ts';
import { Gap, Kind, lexemeFlag, lexemeSlot, type Lexeme, type Token } from '../nlp/tokens.ts';
import type { AgreementRecord } from '../types.generated.ts';
import type { ArticleContext } from './context.ts';
import type { AgreementMention, DateMention, EventMention } from './types.ts';

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
interface StatusRule { status: Status; lemma?: string; word?: string; after?: string; reflexive?: boolean; future?: boolean; as_is?: boolean; kinds?: Kind_[] }
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

interface CompiledStatus { rule: StatusRule; after: Pattern | null }
const STATUS_BY_LEMMA = new Map<string, CompiledStatus[]>();
const STATUS_BY_WORD = new Map<string, CompiledStatus[]>();
for (const rule of loadRules<StatusRule>('agreements/status.jsonl')) {
  const compiled = { rule, after: rule.after ? new Pattern(parsePattern(rule.after)) : null };
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
    const m = pattern.matchAt(tokens, start, CLASSES, end);
    if (m && m.last === end) return true;
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
          for (const p of noun.complement) end = Math.max(end, p.matchAt(tokens, last, CLASSES, s.last)?.last ?? -1);
          if (end < 0) continue;
          last = end;
        }
        if (noun.after.length && !noun.after.some((p) => p.matchAt(tokens, last, CLASSES, s.last))) continue;
        if (noun.notAfter.some((p) => p.matchAt(tokens, last, CLASSES, s.last))) continue;
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
  // the longest name wins where names overlap
  found.sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first);
  const kept: Found[] = [];
  for (const f of found) if (!kept.some((k) => k.first < f.last && f.first < k.last)) kept.push(f);
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
  while (j < limit && j === from && from === head + 1 && tokens[j].kind === Kind.Word && tokens[j].cap && tokens[j].gap === Gap.Space) j++;
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
    if (t.kind === Kind.Word && t.pos & POS.ADJ && !(t.pos & (POS.VERB | POS.DET | POS.PREP | POS.PRON)) && !t.cap) {
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
      if (DETERMINERS.has(tokens[k].lower) && tokens[k + 1]) k++;
      const u = tokens[k];
      if (u.kind === Kind.Word && (u.cap || (u.pos & (POS.NOUN | POS.PROPN) && !(u.pos & (POS.VERB | POS.PRON | POS.DET))))) {
        j = k + 1;
        linked = true;
        continue;
      }
      if (u.kind === Kind.Number) {
        j = /^(?:milliards?|millions?)$/.test(tokens[k + 1]?.lower ?? '') ? k + 2 : k + 1;
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

/** The cue (a noun such as `suspension`, `ratification`) whose complement the phrase at `at` is: `suspension de sa coopération`. */
function governingNoun(byToken: Cue[], tokens: Token[], at: number): Cue | undefined {
  let k = at - 1;
  if (k >= 0 && DETERMINERS.has(tokens[k].lower) && !/^(?:du|des)$/.test(tokens[k].lower)) k--;
  if (k < 0 || !/^(?:de|d'|du|des)$/.test(tokens[k].lower)) return undefined;
  return byToken.find((c) => !c.verb && c.at === k - 1);
}

/**
 * The status the nearest cue gives: a participle qualifying the name (`un accord, obtenu par`);
 * the noun the name is the complement of (`la suspension de sa coopération`, `un report de cette
 * signature`) unless a verb of intent or refusal governs a signing (`espèrent l'adoption d'un
 * plan`); the verb before the name in its clause (`signé après de difficiles négociations un
 * contrat`); a word before it; a cue after it in its clause; then in the sentence. A signing
 * the sentence rejects (`Ratification du #CETA : … rejeté`) is a rejection. `inClause` keeps to
 * the name's own clause; cues inside other names (`names`) are theirs.
 */
function statusFor(cues: Cue[], clauseFirst: number, clauseLast: number, name: Found, tokens: Token[], names: Found[], inClause = false): Status | null {
  if (/^projets?$/.test(tokens[name.first - 2]?.lower ?? '') && /^(?:de|d')$/.test(tokens[name.first - 1].lower)) return 'planned';
  const usable = cues.filter((c) => (c.at < name.first || c.at >= name.last) && (!c.kinds || c.kinds.includes(name.kind)) && !(c.verb && c.at === name.last && contentVerb(tokens[c.at])) && !names.some((o) => o !== name && c.at >= o.first && c.at < o.last && o.head !== c.at));
  // one cue per token: the first rule that applies to this kind
  const byToken = usable.filter((c, k) => k === 0 || usable[k - 1].at !== c.at);
  const qualifying = byToken.find((c) => (c.at === name.last || (c.at === name.last + 1 && tokens[name.last].text === ',')) && tensesOf(tokens[c.at].lex) & TENSE.K);
  if (qualifying) return qualifying.status;
  const beforeInClause = byToken.filter((c) => c.at < name.first && c.at >= clauseFirst);
  const verbBefore = beforeInClause.filter((c) => c.verb).at(-1);
  let pick: Cue | undefined;
  let governor = governingNoun(byToken, tokens, name.first);
  if (governor) {
    // `un report de cette signature`: the outer noun decides when it is not a signing itself
    const outer = governingNoun(byToken, tokens, governor.at);
    if (outer && governor.status === 'signed' && outer.status !== 'signed') governor = outer;
    pick = verbBefore && governor.status === 'signed' && verbBefore.status !== 'signed' && verbBefore.status !== 'in_force' ? verbBefore : governor;
  } else pick = verbBefore ?? beforeInClause.at(-1);
  const afterInClause = byToken.filter((c) => c.at >= name.last && c.at < clauseLast);
  pick ??= afterInClause[0];
  if (!pick && !inClause) pick = byToken.filter((c) => c.at < name.first).at(-1) ?? byToken.find((c) => c.at >= name.last);
  if (pick && !pick.verb && pick.status === 'signed' && byToken.some((c) => c.verb && c.status === 'rejected')) return 'rejected';
  // `le traité signé en 1994 reste en vigueur`: the signing describes an agreement now in force (not `entrera en vigueur`)
  if (pick?.status === 'signed' && afterInClause.some((c) => c.status === 'in_force' && c.at > pick!.at + 1)) return 'in_force';
  return pick?.status ?? null;
}

const contentVerb = (t: Token): boolean => lemmasOf(t.lex, POS.VERB).some((l) => CONTENT_VERBS.has(l));

function domainsIn(tokens: Token[], from: number, to: number, skip: (i: number) => boolean = () => false): Domain[] {
  const out = new Set<Domain>();
  for (let i = from; i < to; i++) {
    if (skip(i)) continue;
    for (const d of domainsOf(tokens[i])) out.add(d);
  }
  if (out.has('customs')) out.add('trade');
  const order: Domain[] = ['economy', 'tax', 'finance', 'energy', 'agriculture', 'industry', 'defense', 'security', 'trade', 'customs', 'health', 'political', 'other'];
  return order.filter((d) => out.has(d));
}

const LOCATIVE = new Set(['à', 'en', 'au', 'aux', 'dans', 'vers']);
/** Words after which an actor is a go-between or a witness, not a party (`sous l'égide de Pékin`, `selon Moscou`). */
const NOT_A_PARTY = new Set(['égide', 'médiation', 'auspices', 'selon', 'parrainage']);
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
function partiesOf(doc: Doc, s: Sentence, name: Found, main: string[], antecedent: AgreementMention | undefined): string[] {
  const { tokens } = doc;
  const named = actorStarts(doc, name.first, name.last).filter((i) => !(name.membership && i === name.first));
  const between = named.filter((i) => tokens.slice(name.first, i).some((t) => t.lower === 'entre') || (tokens[i - 1] && /^[-–]$/.test(tokens[i - 1].text)) || (tokens[i + 1] && /^[-–]$/.test(tokens[i + 1].text) && tokens[i + 1].gap === Gap.None));
  const codes: string[] = [];
  const inName = between.length >= 2 || (between.length && name.kind !== 'other') ? between : [];
  if (inName.length) for (const i of inName) codes.push(...codesOf(doc, i));
  else {
    for (const i of actorStarts(doc, s.first, s.last)) {
      if (doc.quoteOf[i] >= 0 && doc.quoteOf[name.head] < 0) continue;
      if (i >= name.first && i < name.last && !(name.membership && i === name.first) && !named.includes(i)) continue;
      if (name.membership && i === name.first) continue;
      const m = doc.mentions[doc.mentionAt[i]];
      let p = i - 1;
      if (tokens[p] && /^(?:la|le|l'|les)$/.test(tokens[p].lower)) p--;
      if ((m.type === 'country' || m.type === 'place') && m.via !== 'demonym' && tokens[p] && LOCATIVE.has(tokens[p].lower)) continue;
      if (tokens[p] && /^(?:de|d'|des|du)$/.test(tokens[p].lower) && NOT_A_PARTY.has(tokens[p - 1]?.lower ?? '')) continue;
      if (tokens[p] && NOT_A_PARTY.has(tokens[p].lower)) continue;
      if (i > name.last && tokens[p] && lemmasOf(tokens[p].lex, POS.VERB).some((l) => REPORTING.has(l)) && tensesOf(tokens[p].lex) & TENSE.K) continue;
      codes.push(...codesOf(doc, i));
    }
  }
  const unique = [...new Set(codes)];
  if (unique.length < 2 && antecedent) for (const code of antecedent.parties) if (!unique.includes(code)) unique.push(code);
  for (const code of main) {
    if (unique.length >= 2) break;
    if (!unique.includes(code)) unique.push(code);
  }
  return unique;
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
function hypotheticalSentence(tokens: Token[], s: Sentence): boolean {
  for (let i = s.first; i < s.last; i++) {
    const w = tokens[i].lower;
    if (w !== 'si' && w !== "s'il" && !(w === "s'" && /^ils?$/.test(tokens[i + 1]?.lower ?? ''))) continue;
    for (let k = i + 1; k < s.last && k < i + 10; k++) {
      const tenses = tokens[k].pos & (POS.VERB | POS.AUX) ? tensesOf(tokens[k].lex) : 0;
      if (!(tenses & FINITE)) continue;
      if (tenses & (TENSE.I | TENSE.J) && !(tenses & TENSE.P)) return true;
      // `si le Hezbollah viole l'accord, nous frapperons`: a present condition of a future consequence
      for (let j = k + 1; j < s.last; j++) {
        if (tokens[j].text !== ',') continue;
        for (let m = j + 1; m < s.last && m < j + 8; m++) {
          const main = tokens[m].pos & (POS.VERB | POS.AUX) ? tensesOf(tokens[m].lex) : 0;
          if (main & FINITE) return (main & (TENSE.F | TENSE.C)) !== 0 && !(main & TENSE.P);
        }
        break;
      }
      break;
    }
  }
  return false;
}

/** `aucun accord`, `sans traité`, `faute de traité`, `il ne s'agit pas d'un pacte`: no agreement. */
function negatedName(tokens: Token[], name: Found, clauseFirst: number): boolean {
  const from = Math.max(clauseFirst, name.first - 6);
  for (let k = from; k < name.first; k++) if (NEGATIONS.has(tokens[k].lower)) return true;
  let negator = false;
  for (let k = name.first - 1; k >= clauseFirst; k--) {
    if (NEGATORS.has(tokens[k].lower)) negator = true;
    else if (negator && (tokens[k].lower === 'ne' || tokens[k].lower === "n'")) return true;
  }
  return false;
}

/** Agreements with their status (annotation guidelines §4). */
export function extractAgreements(ctx: ArticleContext, dates: DateMention[], events: EventMention[] = []): AgreementMention[] {
  const { doc } = ctx;
  const { tokens } = doc;
  const records: AgreementMention[] = [];
  const main = mainActors(doc);
  const heads = new Map<string, AgreementMention>();
  let lastRecord: AgreementMention | undefined;
  /** Agreements the text names by a name of their own (`traité Ceta`), found again by that name (`le Ceta`, `#CETA`). */
  const properNames = new Map<string, Kind_>();
  const eventsBySentence = new Map<number, EventMention[]>();
  for (const e of events) eventsBySentence.set(e.evidence_start, [...(eventsBySentence.get(e.evidence_start) ?? []), e]);
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
    if (hypotheticalSentence(tokens, s)) continue;
    const starts = clauseStarts(tokens, s);
    const cues = statusCues(doc, s);
    const sentenceDates = dates.filter((d) => d.start >= s.start && d.end <= s.end && d.value);
    const past = tokens.slice(s.first, s.last).some((t) => isAuxOf(t) && tensesOf(t.lex) & (TENSE.P | TENSE.I) && tensesOf(tokens[t.i + 1]?.lex ?? null) & TENSE.K);
    const futureSentence = tokens.slice(s.first, s.last).some((t) => t.pos & (POS.VERB | POS.AUX) && tensesOf(t.lex) & (TENSE.F | TENSE.C) && !(tensesOf(t.lex) & (TENSE.P | TENSE.I)));
    const inSentence: AgreementMention[] = [];
    for (const name of names) {
      let c = 0;
      while (c + 1 < starts.length && starts[c + 1] <= name.head) c++;
      const clauseFirst = starts[c];
      const clauseLast = starts[c + 1] ?? s.last;
      // negated, hypothetical or only demanded agreements are none of the statuses of §4
      if (negatedName(tokens, name, clauseFirst)) continue;
      if (tokens.slice(clauseFirst, name.first).some((t) => HYPOTHESIS.has(t.lower))) continue;
      const before = tokens.slice(Math.max(clauseFirst, name.first - 6), name.first);
      if (before.some((t) => lemmasOf(t.lex, POS.VERB).some((l) => DEMAND_VERBS.has(l))) && /^(?:un|une|des)$/.test(tokens[name.first - 1]?.lower ?? '')) continue;
      // `en faveur d'un accord`: wished for, not yet any status
      if (/^(?:un|une)$/.test(tokens[name.first - 1]?.lower ?? '') && /^(?:d'|de)$/.test(tokens[name.first - 2]?.lower ?? '') && tokens[name.first - 3]?.lower === 'faveur') continue;
      const quote = doc.quoteOf[name.head];
      // within a quotation, only the quotation's own words give a status
      const ownCues = quote >= 0 ? cues.filter((q) => doc.quoteOf[q.at] === quote) : cues;
      const ownCue = statusFor(ownCues, clauseFirst, clauseLast, name, tokens, names, true);
      if (name.needsCue && !ownCue) continue;
      let status = statusFor(cues, clauseFirst, clauseLast, name, tokens, names);
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
      // with no cue, a story goes on about the agreements it just told (`Il s'agit du traité…`)
      const recent = lastRecord && lastRecord.evidence_start >= (doc.sentences[index - 1]?.start ?? s.start) ? lastRecord : undefined;
      if (!status) status = name.kind === 'union' ? 'in_force' : antecedent?.status ?? recent?.status ?? (futureSentence ? 'planned' : past || name.kind === 'accord' || namedAgreement ? 'signed' : 'in_force');
      if (status === 'in_force' && name.kind === 'loan' && !namedAgreement && futureSentence) status = 'planned';
      let domains = domainsIn(tokens, name.first, name.last);
      if (!domains.length) {
        const others = names.filter((o) => o !== name);
        domains = domainsIn(tokens, name.last, clauseLast);
        if (!domains.length) domains = domainsIn(tokens, s.first, s.last, (i) => others.some((o) => i >= o.first && i < o.last) || doc.quoteOf[i] >= 0);
        if (!domains.length) domains = name.kind === 'union' ? ['political'] : name.kind === 'joint_force' ? ['defense'] : name.kind === 'loan' ? ['finance'] : antecedent?.domains ?? [];
      }
      if (name.kind === 'loan' && !domains.includes('finance')) domains = ['finance', ...domains];
      let date: { date: string | null; precision: AgreementMention['precision'] } = { date: null, precision: null };
      if (status === 'signed' || status === 'planned') {
        const sentenceEvents = eventsBySentence.get(s.start) ?? [];
        const dated = sentenceDates.sort((a, b) => Math.abs(a.start - tokens[name.head].start) - Math.abs(b.start - tokens[name.head].start))[0];
        if (dated) date = { date: dated.value, precision: dated.precision };
        else if (sentenceEvents.length && sentenceEvents[0].date) date = { date: sentenceEvents[0].date, precision: sentenceEvents[0].precision };
        else if (ctx.published) date = { date: ctx.published, precision: ctx.published_precision };
      } else if (status === 'in_force') {
        const since = sentenceDates.find((d) => {
          const k = tokens.findIndex((t) => t.start === d.start);
          return k > 0 && tokens[k - 1].lower === 'depuis';
        });
        if (since) date = { date: since.value, precision: since.precision };
      }
      const record: AgreementMention = {
        name: doc.text.slice(tokens[name.first].start, tokens[name.last - 1].end),
        kind: name.kind,
        parties: partiesOf(doc, s, name, main, antecedent),
        domains,
        status,
        count: countOf(tokens, name) ?? (DEMONSTRATIVES.has(det) ? antecedent?.count ?? null : null),
        ...date,
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
  for (let i = s.first; i < s.last; i++) {
    const t = doc.tokens[i];
    if (!t.cap && !t.lower.startsWith('#')) continue;
    const kind = properNames.get(bareName(t.lower));
    if (kind === undefined || found.some((f) => i >= f.first && i < f.last)) continue;
    out.push({ kind, first: i, last: i + 1, head: i });
  }
  return out;
}

const isAuxOf = (t: Token): boolean => (t.pos & POS.AUX) !== 0 && (tensesOf(t.lex) & FINITE) !== 0;

const MEMBERSHIP_WORDS = new Set(['membre', 'membres', 'retrait', 'sortie', 'adhésion']);
const COMPOUND_MEMBER = new Set(['état', 'états', 'etat', 'etats', 'pays', 'pays-membres']);
const BODY_WORDS = /^(?:union|alliance|communauté|organisation|confédération|ligue|pacte|traité|conseil|zone)\b/i;

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
      if (!m || m.first !== k || m.type !== 'organization' || !(m.kind === 'international' || BODY_WORDS.test(m.name))) break;
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
