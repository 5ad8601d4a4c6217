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

interface NounRule { noun: string; kind: Kind_; complement?: PatternSource; after?: PatternSource; not_after?: PatternSource; before?: PatternSource; not_before?: PatternSource }
interface StatusRule { status: Status; lemma?: string; word?: string; after?: string; reflexive?: boolean; future?: boolean }
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
  const lemmas = new Set([...lemmasOf(lx.lex, POS.NOUN), lx.lower, lx.lower.replace(/s$/, '')]);
  for (const lemma of lemmas) {
    const rules = NOUNS.get(lemma);
    if (rules) return rules;
  }
  return [];
});

/** Where an agreement can be named: its noun, or `membre(s)` before an organization. */
const AGREEMENT_WORD = lexemeFlag((lx) => nounsOf({ lx }).length > 0 || lx.lower === 'membre' || lx.lower === 'membres');

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
const NAME_LINKS = new Set(['de', 'du', 'des', "d'", 'sur', 'entre', 'avec', 'à', 'au', 'aux']);
const HYPOTHESIS = new Set(['si', "s'il", 'hypothèse', 'éventuel', 'éventuelle', 'éventuellement', 'rumeur', 'rumeurs']);
const DEMAND_VERBS = new Set(['réclamer', 'exiger', 'demander']);
const INTENT = new Set(['devoir', 'aller', 'vouloir', 'souhaiter', 'espérer', 'prévoir', 'compter', 'envisager', 'entendre', 'projeter', 'chercher', 'tenter', 'pouvoir']);

interface Found {
  kind: Kind_;
  /** Token range of the name. */
  first: number;
  last: number;
  head: number;
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
    if (t.kind !== Kind.Word || doc.quoteOf[i] >= 0) continue;
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
        found.push({ kind: noun.rule.kind, first: nameStart(tokens, i, s.first), last: nameEnd(tokens, last, s.last), head: i });
        break;
      }
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
function nameEnd(tokens: Token[], from: number, limit: number): number {
  let j = from;
  let steps = 0;
  while (j < limit && steps++ < 8 && tokens[j].gap <= Gap.Space) {
    const t = tokens[j];
    if (t.kind === Kind.Word && t.pos & POS.ADJ && !(t.pos & (POS.VERB | POS.DET | POS.PREP | POS.PRON)) && !t.cap) {
      j++;
      continue;
    }
    if (t.kind === Kind.Word && (t.lower.includes('-') && /^(?:russo|sino|franco|germano|américano|biélorusso|turco|irano|israélo|italo|euro)-/.test(t.lower))) {
      j++;
      continue;
    }
    if (NAME_LINKS.has(t.lower) && tokens[j + 1]) {
      let k = j + 1;
      if (DETERMINERS.has(tokens[k].lower) && tokens[k + 1]) k++;
      const u = tokens[k];
      if (u.kind === Kind.Word && (u.cap || (u.pos & (POS.NOUN | POS.PROPN) && !(u.pos & (POS.VERB | POS.PRON | POS.DET))))) {
        j = k + 1;
        continue;
      }
      if (u.kind === Kind.Number) {
        j = k + 1;
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
}

/** The status cues of a sentence, in text order. */
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
        const tenses = tensesOf(t.lex);
        const future = (tenses & (TENSE.F | TENSE.C)) !== 0 && !(tenses & (TENSE.P | TENSE.I | TENSE.K));
        const intended = tenses & TENSE.W && lemmasOf(tokens[i - 1]?.lex ?? null, POS.VERB | POS.AUX).some((l) => INTENT.has(l));
        if (status === 'signed' && (future || intended)) status = 'planned';
        if (c.rule.future && !(future || intended)) continue;
      }
      cues.push({ status, at: i });
      break;
    }
  }
  return cues;
}

/** The status the nearest cue gives: before the name in its clause, then before it in the sentence, after it in its clause, after it in the sentence. */
function statusFor(cues: Cue[], clauseFirst: number, clauseLast: number, name: Found): Status | null {
  const outside = cues.filter((c) => c.at < name.first || c.at >= name.last);
  const beforeInClause = outside.filter((c) => c.at < name.first && c.at >= clauseFirst);
  const beforeInSentence = outside.filter((c) => c.at < name.first);
  const afterInClause = outside.filter((c) => c.at >= name.last && c.at < clauseLast);
  const afterInSentence = outside.filter((c) => c.at >= name.last);
  const pick = beforeInClause.at(-1) ?? afterInClause[0] ?? beforeInSentence.at(-1) ?? afterInSentence[0];
  // `le traité signé en 1994 reste en vigueur`: the signing describes an agreement now in force
  if (pick?.status === 'signed' && afterInClause.some((c) => c.status === 'in_force')) return 'in_force';
  return pick?.status ?? null;
}

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

/** The actor codes of a sentence's mentions outside quotations, in text order. */
function partiesOf(doc: Doc, s: Sentence, main: string[]): string[] {
  const codes: string[] = [];
  for (let i = s.first; i < s.last; i++) {
    const k = doc.mentionAt[i];
    if (k < 0 || doc.quoteOf[i] >= 0) continue;
    const m = doc.mentions[k];
    if (m.first !== i) continue;
    const own = m.codes.length ? m.codes : m.entity >= 0 && doc.entities[m.entity].code ? [doc.entities[m.entity].code!] : [];
    for (const code of own) if (code !== 'WEST' || m.type !== 'country' || m.via !== 'bloc' || doc.tokens[i].cap) codes.push(code);
    i = m.last - 1;
  }
  const unique = [...new Set(codes)];
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

/** Agreements with their status (annotation guidelines §4). */
export function extractAgreements(ctx: ArticleContext, dates: DateMention[], events: EventMention[] = []): AgreementMention[] {
  const { doc } = ctx;
  const { tokens } = doc;
  const records: AgreementMention[] = [];
  const main = mainActors(doc);
  const heads = new Map<string, AgreementMention>();
  const eventsBySentence = new Map<number, EventMention[]>();
  for (const e of events) eventsBySentence.set(e.evidence_start, [...(eventsBySentence.get(e.evidence_start) ?? []), e]);
  const bySentence = new Map<number, number[]>();
  for (const i of anchors(doc, AGREEMENT_WORD)) {
    const list = bySentence.get(tokens[i].sent);
    if (list) list.push(i);
    else bySentence.set(tokens[i].sent, [i]);
  }
  for (const [index, at] of bySentence) {
    const s = doc.sentences[index];
    if (doc.text[s.end - 1] === '?') continue;
    const names = [...findNames(doc, s, at), ...memberships(doc, s, at)].sort((a, b) => a.first - b.first);
    if (!names.length) continue;
    const starts = clauseStarts(tokens, s);
    const cues = statusCues(doc, s);
    const parties = partiesOf(doc, s, main);
    const sentenceDates = dates.filter((d) => d.start >= s.start && d.end <= s.end && d.value);
    const past = tokens.slice(s.first, s.last).some((t) => isAuxOf(t) && tensesOf(t.lex) & (TENSE.P | TENSE.I) && tensesOf(tokens[t.i + 1]?.lex ?? null) & TENSE.K);
    const futureSentence = tokens.slice(s.first, s.last).some((t) => t.pos & (POS.VERB | POS.AUX) && tensesOf(t.lex) & (TENSE.F | TENSE.C) && !(tensesOf(t.lex) & (TENSE.P | TENSE.I)));
    for (const name of names) {
      let c = 0;
      while (c + 1 < starts.length && starts[c + 1] <= name.head) c++;
      const clauseFirst = starts[c];
      const clauseLast = starts[c + 1] ?? s.last;
      // negated, hypothetical or only demanded agreements are none of the statuses of §4
      const before = tokens.slice(Math.max(clauseFirst, name.first - 6), name.first);
      if (before.some((t) => t.lower === 'aucun' || t.lower === 'aucune' || t.lower === 'sans' || t.lower === 'ni') || (tokens[name.first - 1]?.lower === 'de' && tokens[name.first - 2]?.lower === 'pas')) continue;
      if (tokens.slice(clauseFirst, name.first).some((t) => HYPOTHESIS.has(t.lower))) continue;
      if (before.some((t) => lemmasOf(t.lex, POS.VERB).some((l) => DEMAND_VERBS.has(l))) && /^(?:un|une|des)$/.test(tokens[name.first - 1]?.lower ?? '')) continue;
      let status = statusFor(cues, clauseFirst, clauseLast, name);
      const det = tokens[name.first - 1]?.lower ?? '';
      const head = headWord(tokens, name);
      const antecedent = heads.get(head);
      const ownDate = sentenceDates.length > 0;
      const namedAgreement = tokens[name.head].cap || name.last - name.first > 1 && tokens.slice(name.head + 1, name.last).some((t) => t.cap);
      // `ce traité`, `l'accord` again with nothing new: the same agreement
      const domainsHere = domainsIn(tokens, name.first, name.last);
      if (antecedent && (DEMONSTRATIVES.has(det) || ((det === 'le' || det === 'la' || det === "l'" || det === 'les') && !status && !ownDate && !domainsHere.length))) continue;
      if (!status) status = antecedent?.status ?? (name.kind === 'union' || name.kind === 'other' && namedAgreement || namedAgreement ? 'in_force' : futureSentence ? 'planned' : past ? 'signed' : 'in_force');
      if (status === 'in_force' && name.kind === 'loan' && !namedAgreement && futureSentence) status = 'planned';
      let domains = domainsHere;
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
        else if (ctx.published && !past) date = { date: ctx.published, precision: ctx.published_precision };
        else if (ctx.published && past) date = { date: ctx.published, precision: ctx.published_precision };
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
        parties: [...parties],
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
      heads.set(head, record);
    }
  }
  return records;
}

const isAuxOf = (t: Token): boolean => (t.pos & POS.AUX) !== 0 && (tensesOf(t.lex) & FINITE) !== 0;

/** `membres de l'Union européenne et de l'Otan`, `l'adhésion à l'UE`: the organization is an agreement its members are in. */
function memberships(doc: Doc, s: Sentence, at: number[]): Found[] {
  const { tokens, mentions } = doc;
  const out: Found[] = [];
  for (const i of at) {
    if (tokens[i].lower !== 'membre' && tokens[i].lower !== 'membres') continue;
    let k = i + 1;
    for (let guard = 0; guard < 4 && k < s.last; guard++) {
      if (/^(?:de|du|des|d')$/.test(tokens[k].lower)) k++;
      if (/^(?:la|le|l')$/.test(tokens[k]?.lower ?? '')) k++;
      const m = doc.mentionAt[k] >= 0 ? mentions[doc.mentionAt[k]] : undefined;
      if (!m || m.type !== 'organization' || m.kind !== 'international') break;
      out.push({ kind: m.codes[0] === 'EU' ? 'union' : 'other', first: m.first, last: m.last, head: m.first });
      k = m.last;
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
