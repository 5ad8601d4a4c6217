import { POS, lemmasOf } from './lexicon.ts';
import { PhraseMatcher } from './phrases.ts';
import { loadRules } from './rules.ts';
import { Gap, Kind, lexemeFlag, lexemeSlot, tokenize, type Lexeme, type Token } from './tokens.ts';
import { partitionPoint } from './search.ts';

/**
 * Mentions of actors in an article (an entity ruler, as spaCy's): countries, demonyms,
 * capitals and institutions standing for a state, places, named organizations, people (by
 * name, title, or a role description with its name), and descriptions of a person or body
 * by role (`le président turc`, `la présidence turque`). Gazetteers and heads come from
 * `pipeline/rules/actors/`; everything is found in one pass over the tokens plus one over
 * the heads of descriptions, each look-ahead bounded in tokens.
 */

export type MentionType = 'person' | 'organization' | 'country' | 'place' | 'role';

export interface Mention {
  type: MentionType;
  /** Token range [first, last). */
  first: number;
  last: number;
  start: number;
  end: number;
  /** Actor codes the mention stands for (ISO alpha-3, EU, WEST). */
  codes: string[];
  /** How it was recognised: name, demonym, capital, institution, bloc, combining, place, organization, title, gazetteer, described, capitalised, surname, description. */
  via: string;
  /** Canonical name (person: fullest name; organization: its name; country: its name). */
  name: string;
  /** Index of the person or organization entity in the article, or -1. */
  entity: number;
  gender: 'm' | 'f' | null;
  plural: boolean;
  /** Organization kind (government, news, …) for named organizations. */
  kind: string | null;
  /** Head of a role description (`président`, `porte-parole`), for role mentions and the people they describe. */
  role: string | null;
  /** The gazetteer's name of the person or organization the mention was matched to (`Vladimir Poutine` for `Poutine`), else null. */
  ruleName?: string | null;
}

export interface Entity {
  type: 'person' | 'organization';
  name: string;
  /** Last word of a person's name, lower case, for `M. X` and `X` alone. */
  surname: string;
  gender: 'm' | 'f' | null;
  code: string | null;
  roles: Set<string>;
  /** The role descriptions that named the person (lower case), to link a later one (`le président de l'ANIE`). */
  descriptions: string[];
  /** Mentions, in text order. */
  mentions: number[];
  /**
   * The gazetteer's name of the person or organization the rules know it to be (`Vladimir Poutine`,
   * `Union européenne`), whatever form the article gives (`name`); null if the rules do not know it.
   * One identity across articles: the corpus-wide `entities` table groups by it.
   */
  ruleName: string | null;
}

interface CountryRule { form?: string; lemma?: string; feminine?: string; code: string; via: string }
interface PlaceRule { form: string; code: string | null; via: string }
interface OrgRule { name: string; forms: string[]; code: string | null; kind: string }
interface PersonRule { name: string; code: string | null; gender: 'm' | 'f'; role?: string; forms?: string[] }
interface RoleRule { head: string; type: 'person' | 'body'; means?: string; not_forms?: string[] }

type Gazetteer =
  | { what: 'country'; code: string; via: string; name: string }
  | { what: 'place'; code: string | null; name: string }
  | { what: 'organization'; org: OrgRule }
  | { what: 'person'; person: PersonRule };

const COUNTRY_RULES = loadRules<CountryRule>('actors/countries.jsonl');
const PLACE_RULES = loadRules<PlaceRule>('actors/places.jsonl');
const ORG_RULES = loadRules<OrgRule>('actors/organizations.jsonl');
const PERSON_RULES = loadRules<PersonRule>('actors/people.jsonl');
const ROLE_RULES = loadRules<RoleRule>('actors/roles.jsonl');

/** The French name of each country code: the first `name` entry of the rules. */
export const COUNTRY_NAMES = new Map<string, string>();
for (const r of COUNTRY_RULES) if (r.via === 'name' && r.form && !COUNTRY_NAMES.has(r.code)) COUNTRY_NAMES.set(r.code, r.form);

const GAZETTEER = new PhraseMatcher<Gazetteer>();
const DEMONYMS = new Map<string, CountryRule>();
const COMBINING = new Map<string, string>();
for (const r of COUNTRY_RULES) {
  if (r.lemma) {
    DEMONYMS.set(r.lemma, r);
    if (r.feminine) DEMONYMS.set(r.feminine, r);
  } else if (r.form && r.via === 'combining') COMBINING.set(r.form.toLowerCase(), r.code);
  else if (r.form) GAZETTEER.add(r.form, { what: 'country', code: r.code, via: r.via, name: r.via === 'name' ? COUNTRY_NAMES.get(r.code) ?? r.form : r.form });
}
for (const r of PLACE_RULES) GAZETTEER.add(r.form, { what: 'place', code: r.code, name: r.form });
for (const org of ORG_RULES) for (const form of org.forms) GAZETTEER.add(form, { what: 'organization', org });
const PEOPLE_BY_SURNAME = new Map<string, PersonRule>();
const PEOPLE_BY_NAME = new Map<string, PersonRule>();
for (const person of PERSON_RULES) {
  if (!PEOPLE_BY_NAME.has(person.name)) PEOPLE_BY_NAME.set(person.name, person);
  GAZETTEER.add(person.name, { what: 'person', person });
  for (const form of person.forms ?? []) {
    GAZETTEER.add(form, { what: 'person', person });
    PEOPLE_BY_SURNAME.set(form.toLowerCase(), person);
  }
}

interface RoleHead {
  rule: RoleRule;
  /** The head's words after the first, as lower-case forms. */
  rest: string[];
  /** The role it names (`means`, else the head in lower case). */
  role: string;
  /** The head's first word ends like a plural (`affaires`): its plural is not told by the text's word. */
  pluralForm: boolean;
}

/** Role heads by the lemma of their first word. */
const ROLE_HEADS = new Map<string, RoleHead[]>();
for (const rule of ROLE_RULES) {
  const words = tokenize(rule.head).map((t) => t.lower);
  const list = ROLE_HEADS.get(words[0]) ?? [];
  list.push({ rule, rest: words.slice(1), role: rule.means ?? rule.head.toLowerCase(), pluralForm: /[sx]$/.test(rule.head.split(' ')[0]) });
  list.sort((a, b) => b.rest.length - a.rest.length);
  ROLE_HEADS.set(words[0], list);
}

const TITLES = new Map<string, 'm' | 'f'>([['m', 'm'], ['mm', 'm'], ['monsieur', 'm'], ['mme', 'f'], ['mmes', 'f'], ['madame', 'f'], ['mlle', 'f'], ['mademoiselle', 'f']]);
/** The gender a title gives (`M.`, `Mme`), or null. */
const titleOf = lexemeSlot((lx: Lexeme): 'm' | 'f' | null => TITLES.get(lx.lower) ?? null);
/** Lower-case words inside a person's name: `Ursula von der Leyen`, `Bachar al-Assad`, `Luiz Inácio Lula da Silva`. */
const NAME_PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'da', 'di', 'del', 'dos', 'ben', 'bin', 'al', 'el', 'ould', 'ibn', 'abu', 'abou']);
/** Capitalised words that open sentences or headlines, never names. */
const NOT_NAMES = new Set([
  'le', 'la', 'les', "l'", 'un', 'une', 'des', 'du', 'de', "d'", 'ce', 'cette', 'ces', 'en', 'au', 'aux', 'et', 'mais', 'pour', 'selon', 'dans',
  'après', 'avant', 'lors', 'depuis', 'pendant', 'sans', 'sous', 'sur', 'par', 'avec', 'entre', 'il', 'elle', 'ils', 'elles', 'nous', 'on',
  'je', 'tu', 'vous', 'son', 'sa', 'ses', 'leur', 'leurs', 'notre', 'nos', 'qui', 'que', "qu'", 'quand', 'si', 'ainsi', 'alors', 'aussi',
  'puis', 'enfin', 'or', 'donc', 'car', 'ni', 'tout', 'tous', 'toute', 'toutes', 'plus', 'moins', 'très', 'déjà', 'encore', "c'", 'cela',
  'ceci', 'ça', "aujourd'hui", 'hier', 'demain', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'outre', 'malgré',
  'face', 'vers', 'chez', 'contre', 'comme', 'dès', 'à', 'a', 'y', 'ne', "n'", "s'", 'se', "j'", 'lire', 'voir', 'photo', 'vidéo',
]);
const DETERMINERS = new Set(['le', 'la', 'les', "l'", 'un', 'une', 'des', 'du', 'au', 'aux', 'son', 'sa', 'ses', 'leur', 'leurs', 'ce', 'cet', 'cette', 'ces', 'notre', 'nos', 'votre']);
const PLURAL_DETERMINERS = new Set(['les', 'des', 'ses', 'leurs', 'ces', 'aux']);
const COMPLEMENT_LINKS = new Set(['de', 'du', 'des', "d'", 'pour', 'chargé', 'chargée', 'en']);
/** Adjectives that may stand before a role head (`l'ancien président`, `le nouveau Premier ministre`). */
const PRE_ROLE = new Set(['ancien', 'ancienne', 'anciens', 'nouveau', 'nouvel', 'nouvelle', 'nouveaux', 'futur', 'future', 'actuel', 'actuelle', 'haut', 'haute', 'vice', 'ex', 'jeune', 'puissant', 'puissante', 'influent', 'influente', 'principal', 'principale', 'premier', 'première', 'seul', 'seule', 'deux', 'trois', 'quatre']);

/** Roles that name their field after `à` (`commissaire à la paix`, `secrétaire d'État au numérique`). */
const FIELD_HEADS = new Set(['commissaire', 'ministre', 'secrétaire', "secrétaire d'état", 'délégué', 'haut représentant', 'conseiller', 'haut-commissaire', 'ministre délégué']);

const emptyMention = (type: MentionType, first: number, last: number, tokens: Token[]): Mention => ({
  type, first, last, start: tokens[first].start, end: tokens[last - 1].end, codes: [], via: '', name: '', entity: -1, gender: null, plural: false, kind: null, role: null, ruleName: null,
});

type GazetteerMention = Pick<Mention, 'type' | 'via' | 'name' | 'gender' | 'codes' | 'role' | 'kind'>;

/** What a gazetteer phrase names (a person first, else an organization, else the first entry), once per phrase. */
const GAZETTEER_MENTIONS = new WeakMap<Gazetteer[], GazetteerMention>();
function gazetteerMention(values: Gazetteer[]): GazetteerMention {
  let found = GAZETTEER_MENTIONS.get(values);
  if (found) return found;
  const value = values.find((v) => v.what === 'person') ?? values.find((v) => v.what === 'organization') ?? values[0];
  // mentions share these code lists: no one changes a mention's codes in place
  if (value.what === 'person') {
    // a gazetteer surname followed by more capitalised words is someone else's name part
    const { name, gender, code, role } = value.person;
    found = { type: 'person', via: 'gazetteer', name, gender, codes: code ? [code] : [], role: role ? normalizeRole(role) : null, kind: null };
  } else if (value.what === 'organization') {
    const { name, code, kind } = value.org;
    found = { type: 'organization', via: 'organization', name, gender: null, codes: code ? [code] : [], role: null, kind };
  } else if (value.what === 'place') found = { type: 'place', via: 'place', name: value.name, gender: null, codes: value.code ? [value.code] : [], role: null, kind: null };
  else {
    const type = value.via === 'capital' ? 'place' : value.via === 'institution' ? 'organization' : 'country';
    found = { type, via: value.via, name: value.name, gender: null, codes: [value.code], role: null, kind: null };
  }
  GAZETTEER_MENTIONS.set(values, found);
  return found;
}

/** Working arrays of the passes over one article, reused from article to article (allocating typed arrays costs more than filling them). */
const enum Scratch {
  Order,
  Covered,
  Remap,
  FirstAt,
  LastAt,
}
const scratchArrays: Int32Array[] = [];
/** The working array `use`, its first `length` values set to `value` (it may be longer: read no further). */
function scratch(use: Scratch, length: number, value: number): Int32Array {
  let a = scratchArrays[use];
  if (a === undefined || a.length < length) scratchArrays[use] = a = new Int32Array(Math.max(length, 2 * (a?.length ?? 512)));
  a.fill(value, 0, length);
  return a;
}

/**
 * Mention indexes in text order: by first token, at a token the longer first, else as found
 * (as a stable sort would give them). A counting sort by first token, then the few mentions
 * that share a first token put in order: linear in the article.
 */
function textOrder(mentions: Mention[], n: number): number[] {
  // before[i]: the number of mentions that start before token i (then, while placing, the next place of those at i)
  const before = scratch(Scratch.Order, n + 1, 0);
  for (const m of mentions) before[m.first + 1]++;
  for (let i = 1; i <= n; i++) before[i] += before[i - 1];
  const order = new Array<number>(mentions.length);
  for (let k = 0; k < mentions.length; k++) order[before[mentions[k].first]++] = k;
  for (let a = 1; a < order.length; a++) {
    const k = order[a];
    const { first, last } = mentions[k];
    let b = a;
    for (; b > 0 && mentions[order[b - 1]].first === first && mentions[order[b - 1]].last < last; b--) order[b] = order[b - 1];
    order[b] = k;
  }
  return order;
}

/** The texts of tokens [from, to) joined by single spaces. */
function joinTexts(tokens: Token[], from: number, to: number): string {
  if (to <= from) return '';
  let text = tokens[from].text;
  for (let k = from + 1; k < to; k++) text += ' ' + tokens[k].text;
  return text;
}

/** The distinct values of a list, in order of first occurrence (as `[...new Set(list)]`). */
function distinct(list: string[]): string[] {
  const out: string[] = [];
  for (const v of list) if (!out.includes(v)) out.push(v);
  return out;
}

const demonymSlot = lexemeSlot((t: Lexeme): CountryRule | null => {
  if (t.kind !== Kind.Word) return null;
  for (const lemma of lemmasOf(t.lex, POS.ADJ | POS.NOUN)) {
    const rule = DEMONYMS.get(lemma);
    if (rule) return rule;
  }
  const w = t.lower;
  return DEMONYMS.get(w) ?? DEMONYMS.get(w.replace(/s$/, '')) ?? DEMONYMS.get(w.replace(/(?:e|es)$/, '')) ?? DEMONYMS.get(w.replace(/(?:ne|nes)$/, '')) ?? null;
});

/** The demonym a word is a form of, if any: by lemma, else by its own form. */
export function demonymOf(t: Token): CountryRule | undefined {
  return demonymSlot(t) ?? undefined;
}

/** Actor codes of a compound (`russo-biélorusse`, `franco-allemand`, `américano-russe`). */
const compoundCodes = lexemeSlot((t: Lexeme): string[] => compoundCodesOf(t));

function compoundCodesOf(t: Lexeme): string[] {
  if (!t.lower.includes('-')) return [];
  const parts = t.lower.split('-');
  const codes: string[] = [];
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k];
    const code = k < parts.length - 1 ? COMBINING.get(part) : undefined;
    if (code) codes.push(code);
    else if (k === parts.length - 1) {
      const rule = DEMONYMS.get(part) ?? DEMONYMS.get(part.replace(/s$/, '')) ?? DEMONYMS.get(part.replace(/(?:e|es|ne|nes)$/, ''));
      if (rule) codes.push(rule.code);
    } else return [];
  }
  return codes.length >= 2 ? [...new Set(codes)] : [];
}

const isCapWord = (t: Token | undefined): t is Token => t !== undefined && t.kind === Kind.Word && t.cap;
const genderOfReading = (t: Token, pos: number): 'm' | 'f' | null => {
  for (const r of t.lex?.readings ?? []) if (r.pos & pos && r.gender) return r.gender;
  return null;
};

const NEVER = 0;
const ALWAYS = 1;
const AWAY_FROM_SENTENCE_START = 2;
/** A capitalised common word (`Amadou`, `Marine`): part of a name only beside a word no lexicon knows. */
const BESIDE_UNKNOWN = 3;

/** Whether a form can be part of a person's name: never, always, or only away from a sentence start (`Marine`, `Pierre`). */
const nameForm = lexemeSlot((t: Lexeme): number => {
  // `al-Charaa`, `el-Sissi`, `ben-Gvir`
  if (t.kind === Kind.Word && /^(?:al|el|ben|abu|ibn)-\p{Lu}/u.test(t.text)) return ALWAYS;
  if (t.kind !== Kind.Word || !t.cap || NOT_NAMES.has(t.lower) || t.lower.length < 2) return NEVER;
  if (t.caps && t.text.length <= 5) return NEVER; // acronyms
  const common = t.lex ? t.lex.pos & ~POS.PROPN : 0;
  if (!common) return ALWAYS;
  if (t.lex!.pos & POS.PROPN) return AWAY_FROM_SENTENCE_START;
  return common & (POS.NOUN | POS.ADJ) && !(common & (POS.DET | POS.PREP | POS.PRON | POS.CCONJ | POS.SCONJ | POS.ADV | POS.AUX)) ? BESIDE_UNKNOWN : NEVER;
});

/** A capitalised word that can be part of a person's name: not a common word written with a capital. */
function nameLike(t: Token, atSentenceStart: boolean): boolean {
  const form = nameForm(t);
  return form === ALWAYS || (form === AWAY_FROM_SENTENCE_START && !atSentenceStart);
}

/** Where a mention can start: a title, a gazetteer phrase, a compound, a demonym, an acronym, a name. */
export const MENTION_START = lexemeFlag((lx) => TITLES.has(lx.lower) || GAZETTEER.opensWith(lx.lower) || compoundCodes({ lx }).length > 0 || demonymSlot({ lx }) !== null
  || (lx.caps && lx.text.length >= 2 && lx.text.length <= 6 && (!lx.lex || lx.lex.pos === POS.PROPN)) || nameForm({ lx }) !== NEVER);

/** Where a role description can have its head. */
export const ROLE_HEAD = lexemeFlag((lx) => roleHeadsOf({ lx }).length > 0);

export interface MentionIndex {
  mentions: Mention[];
  entities: Entity[];
  /** For each token, the innermost-outermost top-level mention covering it, or -1. */
  mentionAt: Int32Array;
}

/** The mentions of an article; `starts` and `heads` list the tokens with the MENTION_START and ROLE_HEAD flags. */
export function findMentions(tokens: Token[], sentenceStarts: Uint8Array, quoted: Int32Array, starts: number[], heads: number[]): MentionIndex {
  const mentions: Mention[] = [];
  const entities: Entity[] = [];
  const n = tokens.length;
  // the first mention covering each token; -1 also for the two places past the end, which look-aheads read
  const covered = scratch(Scratch.Covered, n + 2, -1);
  const add = (m: Mention): number => {
    mentions.push(m);
    const k = mentions.length - 1;
    for (let i = m.first; i < m.last; i++) if (covered[i] < 0) covered[i] = k;
    return k;
  };

  // 1. one pass over the tokens where a mention can start: gazetteers, titles, demonyms, compounds, capitalised names
  for (let a = 0, i = -1; a < starts.length; a++) {
    // `i` is the last token consumed
    if (starts[a] <= i) continue;
    i = starts[a];
    const t = tokens[i];
    if (t.kind !== Kind.Word) continue;
    const title = titleOf(t);
    if (title && (t.lower.length > 2 || tokens[i + 1]?.text === '.' || t.lower === 'mme' || t.lower === 'mlle')) {
      let j = tokens[i + 1]?.text === '.' && tokens[i + 1].gap === Gap.None ? i + 2 : i + 1;
      const nameStart = j;
      // `M. Xi`: right after a title, any capitalised word but a function word is a name
      if (isCapWord(tokens[j]) && !NOT_NAMES.has(tokens[j].lower) && !nameLike(tokens[j], false) && tokens[j].gap === Gap.Space) j++;
      while (j < n && j - nameStart < 4 && (nameLike(tokens[j], false) || (NAME_PARTICLES.has(tokens[j].lower) && isCapWord(tokens[j + 1])) || (tokens[j].lower === 'le' && tokens[j].cap))) j++;
      if (j > nameStart) {
        const m = emptyMention('person', i, j, tokens);
        m.via = 'title';
        m.gender = title;
        m.name = joinTexts(tokens, nameStart, j);
        add(m);
        i = j - 1;
        continue;
      }
    }
    const g = GAZETTEER.matchAt(tokens, i);
    if (g) {
      const found = gazetteerMention(g.values);
      // `Washington Post` is a newspaper, not Washington
      let last = g.last;
      const m = emptyMention(found.type, i, last, tokens);
      m.via = found.via;
      m.name = found.type === 'person' || found.type === 'organization' ? textName(tokens, i, last, found.name) : found.name;
      if (found.type === 'person' || (found.type === 'organization' && found.via === 'organization')) m.ruleName = found.name;
      m.gender = found.gender;
      m.codes = found.codes;
      m.role = found.role;
      m.kind = found.kind;
      m.plural = found.via === 'bloc' && tokens[i].lower.endsWith('s');
      if (found.type === 'organization' && found.via === 'organization') {
        // one organization however written (`ONU`, `Organisation des Nations unies`); a news outlet is a source, no state actor (`le Washington Post`)
        NAMED_ORGS.set(m, { key: found.name.toLowerCase(), code: found.codes[0] ?? null });
        if (found.kind === 'news') m.codes = [];
      }
      // `Amérique latine` is no United States
      if (m.codes[0] === 'USA' && tokens[i].lower === 'amérique' && /^(?:latine|du|centrale)$/.test(tokens[last]?.lower ?? '')) continue;
      add(m);
      i = last - 1;
      continue;
    }
    const codes = compoundCodes(t);
    if (codes.length) {
      const m = emptyMention('country', i, i + 1, tokens);
      m.via = 'combining';
      m.codes = codes;
      m.name = t.text;
      add(m);
      continue;
    }
    // an acronym no lexicon knows (`EKRE`, `PKK`): an organization
    if (t.caps && t.text.length >= 2 && t.text.length <= 6 && (!t.lex || t.lex.pos === POS.PROPN) && /^[A-Z]+$/.test(t.text)) {
      const m = emptyMention('organization', i, i + 1, tokens);
      m.via = 'acronym';
      m.name = t.text;
      add(m);
      continue;
    }
    const demonym = demonymOf(t);
    // `l'Américain`, `le Russe`: a person of that country the article names
    if (demonym && t.cap && demonym.via === 'demonym' && !/[sx]$/.test(t.lower) && i > 0 && /^(?:le|la|l')$/.test(tokens[i - 1].lower) && sentenceStarts[i] !== 1) {
      const m = emptyMention('role', i - 1, i + 1, tokens);
      m.via = 'national';
      m.codes = [demonym.code];
      m.role = 'national';
      m.name = t.text;
      add(m);
      continue;
    }
    if (demonym && (t.cap || t.lex?.pos! & (POS.ADJ | POS.NOUN) || !t.lex)) {
      // `la partie occidentale`: a direction, not the West
      if (demonym.code === 'WEST' && !t.cap && /^(?:partie|région|côte|frontière|rive|flanc|bord|zone|province|banlieue|europe|afrique|asie|ukraine|allemagne|russie|sibérie|balkans)$/.test(tokens[i - 1]?.lower ?? '')) continue;
      const m = emptyMention('country', i, i + 1, tokens);
      m.via = demonym.via;
      m.codes = [demonym.code];
      m.name = COUNTRY_NAMES.get(demonym.code) ?? demonym.lemma!;
      m.plural = t.lower.endsWith('s') || t.lower.endsWith('x');
      add(m);
      continue;
    }
    // a run of capitalised words: two or more make a person's name (a common word only beside one no lexicon knows, away from a sentence start)
    const start = sentenceStarts[i] === 1;
    if (nameLike(t, start) || (nameForm(t) === BESIDE_UNKNOWN && !start && nameForm(tokens[i + 1] ?? t) === ALWAYS && tokens[i + 1]?.gap === Gap.Space && !tokens[i + 1].lex)) {
      let j = i + 1;
      let innerPerson: string | null = null;
      while (j < n && j - i < 5 && tokens[j].gap === Gap.Space && (nameLike(tokens[j], false) || (NAME_PARTICLES.has(tokens[j].lower) && isCapWord(tokens[j + 1])) || (tokens[j].text === 'Le' && isCapWord(tokens[j + 1])) || (nameForm(tokens[j]) === BESIDE_UNKNOWN && tokens[j - 1].cap && (!tokens[j - 1].lex || tokens[j - 1].pos === POS.PROPN)))) {
        const inner = GAZETTEER.matchAt(tokens, j);
        if (inner) {
          // `Elisabeth Borne`, `Aleksandr Loukachenko`: a given name before a known surname is that person's name as written
          if (inner.values.some((v) => v.what === 'person') && !inner.values.some((v) => v.what !== 'person')) {
            j = inner.last;
            innerPerson = gazetteerMention(inner.values).name;
          }
          break;
        }
        j++;
      }
      if (j - i >= 2 && isCapWord(tokens[j - 1])) {
        const m = emptyMention('person', i, j, tokens);
        m.via = 'capitalised';
        m.name = joinTexts(tokens, i, j);
        m.ruleName = innerPerson;
        m.gender = genderOfReading(t, POS.PROPN);
        add(m);
        i = j - 1;
      }
    }
  }

  // 2. role descriptions, around their head nouns
  describeRoles(tokens, heads, mentions, covered, add);

  // 3. people: entities by surname; a lone surname or a title joins its person
  linkPeople(tokens, starts, mentions, entities, covered, add);
  linkOrganizations(mentions, entities);

  // mentions in text order; top-level map (the longest first at each token)
  const order = textOrder(mentions, n);
  const remap = scratch(Scratch.Remap, mentions.length, 0);
  const sorted = order.map((k, idx) => {
    remap[k] = idx;
    return mentions[k];
  });
  for (const e of entities) {
    const list = e.mentions;
    let ordered = true;
    for (let q = 0; q < list.length; q++) {
      list[q] = remap[list[q]];
      if (q > 0 && list[q] < list[q - 1]) ordered = false;
    }
    if (!ordered) list.sort((a, b) => a - b);
  }
  const mentionAt = new Int32Array(n).fill(-1);
  for (let k = 0; k < sorted.length; k++) {
    const m = sorted[k];
    for (let i = m.first; i < m.last; i++) if (mentionAt[i] < 0 || sorted[mentionAt[i]].last - sorted[mentionAt[i]].first < m.last - m.first) mentionAt[i] = k;
  }
  linkRoles(tokens, sorted, entities, quoted);
  return { mentions: sorted, entities, mentionAt };
}

/** The role heads whose first word a form can be. */
const roleHeadsOf = lexemeSlot((t: Lexeme): RoleHead[] => {
  if (t.kind !== Kind.Word) return [];
  const out: RoleHead[] = [];
  // `l'ex-commissaire`, `l'ancien-président`: the prefix leaves the role
  const bare = /^(?:ex|ancien|ancienne|vice)-/.test(t.lower) ? t.lower.replace(/^[^-]+-/, '') : null;
  // `colonel-major`, `président-directeur`: a compound of a role is that role
  const head = !bare && t.lower.includes('-') && !t.lex ? t.lower.split('-')[0] : null;
  const forms = bare ? [t.lower, bare, bare.replace(/s$/, '')] : head ? [t.lower, head] : [t.lower, ...lemmasOf(t.lex, POS.NOUN | POS.ADJ)];
  for (const lemma of forms) for (const head of ROLE_HEADS.get(lemma) ?? []) if (!out.includes(head) && !head.rule.not_forms?.includes(t.lower)) out.push(head);
  return out.sort((a, b) => b.rest.length - a.rest.length);
});

/** The role head at token `i` (lemma-matched first word, then the rest as written), with its token length. */
export function roleHeadAt(tokens: Token[], i: number): { head: RoleHead; rule: RoleRule; length: number } | null {
  const heads = roleHeadsOf(tokens[i]);
  if (!heads.length) return null;
  {
    for (const head of heads) {
      const { rule, rest } = head;
      let ok = true;
      for (let k = 0; k < rest.length && ok; k++) {
        const w = tokens[i + 1 + k];
        ok = w !== undefined && w.gap < Gap.Line && (w.lower === rest[k] || lemmasOf(w.lex, POS.NOUN | POS.ADJ).includes(rest[k]));
      }
      if (ok) return { head, rule, length: rest.length + 1 };
    }
  }
  return null;
}

/** The role a written role phrase names (`Premier ministre` → `premier ministre`, `ministre des Affaires étrangères` → `ministre`). */
export function normalizeRole(phrase: string): string {
  let role = NORMALIZED_ROLES.get(phrase);
  if (role === undefined) {
    const tokens = tokenize(phrase);
    const head = tokens.length ? roleHeadAt(tokens, 0) : null;
    role = head ? head.rule.means ?? head.rule.head.toLowerCase() : phrase.toLowerCase();
    NORMALIZED_ROLES.set(phrase, role);
  }
  return role;
}
/** Roles of the phrases of the rules (a bounded set), once each. */
const NORMALIZED_ROLES = new Map<string, string>();

function describeRoles(tokens: Token[], heads: number[], mentions: Mention[], covered: Int32Array, add: (m: Mention) => number): void {
  const n = tokens.length;
  for (let a = 0, i = -1; a < heads.length; a++) {
    if (heads[a] <= i) continue;
    i = heads[a];
    const head = roleHeadAt(tokens, i);
    if (!head) continue;
    if (covered[i] >= 0 && mentions[covered[i]].type !== 'country') continue;
    // a body needs its determiner (`l'armée russe`; `une insurrection armée` is an adjective)
    // the determiner and adjectives before the head
    let first = i;
    while (first > 0 && first > i - 3 && tokens[first - 1].kind === Kind.Word && PRE_ROLE.has(tokens[first - 1].lower) && tokens[first - 1].gap <= Gap.Space) first--;
    const det = tokens[first - 1];
    const hasDet = det !== undefined && DETERMINERS.has(det.lower) && tokens[first].gap <= Gap.Space;
    if (head.rule.type === 'body' && !hasDet) continue;
    // `en tenue militaire`: a role without determiner stands only in apposition (`X, président du parti`) or opening a sentence
    if (!hasDet && !(tokens[first - 1]?.text === ',' || tokens[first].cap)) continue;
    // `Premier ministre` written as a head of its own: `Premier` is in PRE_ROLE and in the head
    let j = i + head.length;
    const codes: string[] = [];
    // `le chef du Kremlin`: a head of several words may name its country itself
    for (let k = i; k < j; k++) if (covered[k] >= 0 && mentions[covered[k]].type !== 'person' && mentions[covered[k]].type !== 'role') codes.push(...mentions[covered[k]].codes);
    // modifiers: adjectives (demonyms give the country) and complements `de …` up to a bound
    for (let steps = 0; j < n && steps < 10 && tokens[j].gap <= Gap.Space; steps++) {
      const t = tokens[j];
      const m = covered[j] >= 0 ? mentions[covered[j]] : null;
      if (m && m.first === j && (m.type === 'country' || m.type === 'place' || m.type === 'organization') && (m.via === 'demonym' || m.via === 'bloc' || m.via === 'combining')) {
        codes.push(...m.codes);
        j = m.last;
        continue;
      }
      if (t.kind === Kind.Word && !t.cap && t.lex && t.lex.pos & POS.ADJ && !(t.lex.pos & (POS.VERB | POS.DET | POS.PREP | POS.PRON))) {
        j++;
        continue;
      }
      // `commissaire à la paix et à la sécurité de l'Union africaine`: a field after `à`, coordinated complements
      if (FIELD_HEADS.has(head.rule.head) && (t.lower === 'à' || t.lower === 'au' || t.lower === 'aux') && tokens[j + 1]) {
        let k = j + 1;
        if (/^(?:la|l')$/.test(tokens[k].lower)) k++;
        if (tokens[k] && tokens[k].kind === Kind.Word && !tokens[k].cap && tokens[k].pos & POS.NOUN && !(tokens[k].pos & (POS.VERB | POS.PRON)) && !tokens[k + 1]?.cap) {
          j = k + 1;
          continue;
        }
      }
      if (t.lower === 'et' && tokens[j + 1] && (COMPLEMENT_LINKS.has(tokens[j + 1].lower) || tokens[j + 1].lower === 'à') && j > i + head.length) {
        j++;
        continue;
      }
      // `(ANIE)`: the acronym of the body just named
      if (t.text === '(' && tokens[j + 1]?.caps && tokens[j + 2]?.text === ')') {
        j += 3;
        continue;
      }
      if (COMPLEMENT_LINKS.has(t.lower) && tokens[j + 1]) {
        let k = j + 1;
        if (DETERMINERS.has(tokens[k].lower) || tokens[k].lower === "l'") k++;
        const target = covered[k] >= 0 ? mentions[covered[k]] : null;
        if (target && target.first === k && target.type !== 'person') {
          codes.push(...target.codes);
          j = target.last;
          continue;
        }
        // `les services de renseignement américains`: a bare noun complement
        if (tokens[k]?.kind === Kind.Word && !tokens[k].cap && tokens[k].lex && tokens[k].lex!.pos & POS.NOUN && !(tokens[k].lex!.pos & (POS.DET | POS.PRON | POS.VERB)) && k === j + 1 && (t.lower === 'de' || t.lower === "d'" || t.lower === 'des' || t.lower === 'du')) {
          j = k + 1;
          // `du syndicat CGT`: the body's acronym
          if (covered[j] >= 0 && mentions[covered[j]].via === 'acronym' && mentions[covered[j]].first === j) j = mentions[covered[j]].last;
          continue;
        }
        // `du ministère des Affaires étrangères`, `de la diplomatie russe`: the complement's own head, then its modifiers
        if (tokens[k]?.kind === Kind.Word && (roleHeadAt(tokens, k) || (tokens[k].cap && !(covered[k] >= 0 && mentions[covered[k]].type === 'person')))) {
          j = k + 1;
          while (j < n && j - k < 4 && tokens[j].cap && tokens[j].kind === Kind.Word && covered[j] < 0 && tokens[j].gap <= Gap.Space) j++;
          continue;
        }
      }
      break;
    }
    // `le président taïwanais Lai Ching-te`: capitalised words right after a person's role are that person's name
    if (head.rule.type === 'person' && covered[j] < 0 && isCapWord(tokens[j]) && !NOT_NAMES.has(tokens[j].lower) && tokens[j].gap === Gap.Space) {
      let e = j + 1;
      while (e < n && e - j < 4 && tokens[e].gap === Gap.Space && covered[e] < 0 && (isCapWord(tokens[e]) || nameLike(tokens[e], false))) e++;
      if (!(e - j === 1 && tokens[j].pos & (POS.NOUN | POS.ADJ | POS.VERB) && !(tokens[j].pos & POS.PROPN))) {
        const person = emptyMention('person', j, e, tokens);
        person.via = 'described';
        person.name = joinTexts(tokens, j, e);
        add(person);
      }
    }
    // `le candidat de la coalition, Amadou Ba, a félicité`: capitalised words between commas after a role are the person
    if (head.rule.type === 'person' && tokens[j]?.text === ',' && isCapWord(tokens[j + 1]) && covered[j + 1] < 0 && !NOT_NAMES.has(tokens[j + 1].lower)) {
      let e = j + 2;
      while (e < n && e - j < 5 && tokens[e].gap === Gap.Space && (isCapWord(tokens[e]) || NAME_PARTICLES.has(tokens[e].lower))) e++;
      if (e - (j + 1) >= 2 && (tokens[e]?.text === ',' || tokens[e]?.pos & (POS.AUX | POS.VERB))) {
        const person = emptyMention('person', j + 1, e, tokens);
        person.via = 'described';
        person.name = joinTexts(tokens, j + 1, e);
        add(person);
      }
    }
    // `l'agence Tass`, `le parti Rassemblement national`: a body before an organization the rules know is that organization, named as written
    const known = head.rule.type === 'body' && tokens[j]?.gap === Gap.Space && covered[j] >= 0 ? mentions[covered[j]] : null;
    if (known && known.first === j && known.type === 'organization' && known.via === 'organization') {
      known.name = joinTexts(tokens, known.first, known.last);
      known.first = hasDet ? first - 1 : first;
      known.start = tokens[known.first].start;
      known.via = 'named';
      known.role = head.head.role;
      for (let k = known.first; k < j; k++) if (covered[k] < 0) covered[k] = covered[j];
      i = Math.max(i, known.last - 1);
      continue;
    }
    // `l'agence nord-coréenne KCNA`, `le syndicat CGT`: a body followed by its proper name is named by it
    let ownName: string | null = null;
    if (head.rule.type === 'body' && tokens[j] && tokens[j].gap === Gap.Space && (covered[j] < 0 || mentions[covered[j]].via === 'acronym') && isCapWord(tokens[j]) && (tokens[j].caps || !tokens[j].lex)) {
      ownName = tokens[j].text;
      j++;
    }
    const m = emptyMention(head.rule.type === 'person' ? 'role' : 'organization', hasDet ? first - 1 : first, j, tokens);
    m.via = ownName ? 'named' : 'description';
    m.codes = distinct(codes);
    m.role = head.head.role;
    const headToken = tokens[i];
    m.gender = genderOfReading(headToken, POS.NOUN);
    if (hasDet && (det.lower === 'la' || det.lower === 'sa' || det.lower === 'cette' || det.lower === 'une')) m.gender = 'f';
    else if (hasDet && !m.gender && (det.lower === 'le' || det.lower === 'un' || det.lower === 'ce' || det.lower === 'son')) m.gender = 'm';
    m.plural = (hasDet && PLURAL_DETERMINERS.has(det.lower)) || (endsLikePlural(headToken.lower) && !head.head.pluralForm);
    m.name = ownName ?? institutionName(tokens, first, j);
    add(m);
    i = Math.max(i, j - 1);
  }
}

const endsLikePlural = (w: string): boolean => w.endsWith('s') || w.endsWith('x');

/** Upper case of a first character in French, by character (the locale's rules are slow to apply). */
const UPPER_FIRST = new Map<string, string>();
function capitalizeFirst(s: string): string {
  const first = s.charAt(0);
  let upper = UPPER_FIRST.get(first);
  if (upper === undefined) UPPER_FIRST.set(first, (upper = first.toLocaleUpperCase('fr')));
  return upper + s.slice(1);
}

/** `la présidence turque` → `Présidence turque`: the words of tokens [from, to) without determiner, first letter capitalised. */
function institutionName(tokens: Token[], from: number, to: number): string {
  let text = '';
  for (let k = from; k < to; k++) text += (k > from && tokens[k].gap > Gap.None ? ' ' : '') + tokens[k].text;
  return capitalizeFirst(text.includes('’') ? text.replace(/’/g, "'") : text);
}

/** A name folded for spelling: case, accents, apostrophes and hyphens (`OTAN` ~ `Otan`, `Maison Blanche` ~ `Maison-Blanche`). */
const foldName = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/-/g, ' ').replace(/’/g, "'").toLowerCase();

/**
 * The name of a gazetteer person or organization as the text writes it (`ONU`, `Aleksandr
 * Loukachenko`), spelled as the rules do when only case, accents or hyphens differ (`OTAN` → `Otan`).
 */
function textName(tokens: Token[], from: number, to: number, canonical: string): string {
  let text = '';
  for (let k = from; k < to; k++) text += (k > from && tokens[k].gap > Gap.None ? ' ' : '') + tokens[k].text;
  return text === canonical || foldName(text) === foldName(canonical) ? canonical : text;
}

/** Whether two words differ by one letter added, removed or changed (`borrel`, `borrell`). */
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The number of words of a name (as `name.split(' ').length`). */
function wordCount(name: string): number {
  let count = 1;
  for (let at = name.indexOf(' '); at >= 0; at = name.indexOf(' ', at + 1)) count++;
  return count;
}

/** The characters `\s` matches. */
const isWhiteSpace = (c: number): boolean =>
  c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** The last word of a name, lower case (as the last of `name.split(/\s+/)`). */
function surnameOf(name: string): string {
  let k = name.length;
  while (k > 0 && !isWhiteSpace(name.charCodeAt(k - 1))) k--;
  return (k === 0 ? name : name.slice(k)).toLowerCase();
}

function linkPeople(tokens: Token[], starts: number[], mentions: Mention[], entities: Entity[], covered: Int32Array, add: (m: Mention) => number): void {
  // people by surname; spellings of one known surname (`Netanyahou`, `Netanyahu`) share the key of the person the rules know
  const bySurname = new Map<string, number>();
  const keyOf = (surname: string): string => PEOPLE_BY_SURNAME.get(surname)?.name ?? surname;
  const surnameEntity = (surname: string): number | undefined => bySurname.get(keyOf(surname));
  // `Josep Borrel` … `Borrell`: a surname one letter away from a longer one of the article is a misspelling of it
  // (one of the two named by the surname alone: two full names are two people; `Ivanov` and `Ivanova` are two)
  const nearSurname = (m: Mention, surname: string): number | undefined => {
    if (surname.length < 6) return undefined;
    const alone = wordCount(m.name) === 1;
    // the people named most recently, a bounded number (the scan stays linear in the article)
    for (let e = entities.length - 1; e >= 0 && e >= entities.length - 32; e--) {
      const other = entities[e].surname;
      if (other.length >= 6 && (alone || wordCount(entities[e].name) === 1) && other + 'a' !== surname && surname + 'a' !== other && oneEditApart(surname, other)) return e;
    }
    return undefined;
  };
  // `Wang Yi` … `M. Wang`: a two-word name whose first word a title takes (family name first)
  const byFirstWord = new Map<string, number>();
  const newEntity = (m: Mention, k: number, surname: string): void => {
    entities.push({ type: 'person', name: m.name, surname, gender: m.gender, code: m.codes[0] ?? null, roles: new Set(m.role ? [m.role] : []), descriptions: [], mentions: [k], ruleName: m.ruleName ?? null });
    m.entity = entities.length - 1;
    bySurname.set(keyOf(surname), m.entity);
    if (wordCount(m.name) === 2) {
      const first = m.name.slice(0, m.name.indexOf(' ')).toLowerCase();
      if (!byFirstWord.has(first)) byFirstWord.set(first, m.entity);
    }
  };
  const join = (m: Mention, k: number, e: number, surname: string): void => {
    const entity = entities[e];
    m.entity = e;
    entity.mentions.push(k);
    if (wordCount(m.name) > wordCount(entity.name)) entity.name = m.name;
    entity.ruleName ??= m.ruleName ?? null;
    entity.gender ??= m.gender;
    if (!entity.code && m.codes.length) entity.code = m.codes[0];
    if (m.role) entity.roles.add(m.role);
  };
  // full names first, in text order, then titles and lone surnames
  const people: number[] = [];
  for (let k = 0; k < mentions.length; k++) if (mentions[k].type === 'person') people.push(k);
  // found in text order but for the people role descriptions name
  if (people.some((k, p) => p > 0 && mentions[k].first < mentions[people[p - 1]].first)) people.sort((a, b) => mentions[a].first - mentions[b].first);
  const surnames = people.map((k) => surnameOf(mentions[k].name));
  for (let p = 0; p < people.length; p++) {
    const m = mentions[people[p]];
    if (m.via !== 'gazetteer' && wordCount(m.name) < 2) continue;
    const existing = surnameEntity(surnames[p]) ?? nearSurname(m, surnames[p]);
    if (existing !== undefined) join(m, people[p], existing, surnames[p]);
    else newEntity(m, people[p], surnames[p]);
  }
  for (let p = 0; p < people.length; p++) {
    const m = mentions[people[p]];
    if (m.entity >= 0) continue;
    const existing = surnameEntity(surnames[p]) ?? nearSurname(m, surnames[p]) ?? (m.via === 'title' && wordCount(m.name) === 1 ? byFirstWord.get(surnames[p]) : undefined);
    if (existing !== undefined) join(m, people[p], existing, surnames[p]);
    else newEntity(m, people[p], surnames[p]);
  }
  // lone capitalised words that are the surname of someone named in the article
  if (!bySurname.size) return;
  for (const i of starts) {
    if (covered[i] >= 0) continue;
    const t = tokens[i];
    if (!isCapWord(t) || NOT_NAMES.has(t.lower)) continue;
    const e = surnameEntity(t.lower);
    if (e === undefined) continue;
    const m = emptyMention('person', i, i + 1, tokens);
    m.via = 'surname';
    m.name = t.text;
    const k = add(m);
    join(m, k, e, surnameOf(m.name));
  }
  // gazetteer knowledge fills what the article leaves out
  for (const e of entities) {
    if (e.type !== 'person') continue;
    const known = PEOPLE_BY_SURNAME.get(e.surname) ?? PEOPLE_BY_NAME.get(e.name);
    // the person the rules know (`M. Poutine`, `Aleksandr Loukachenko` are Vladimir Poutine, Alexandre Loukachenko),
    // unless the article's given name is another's (`Hunter Biden`, `Jean-Marie Le Pen`)
    e.ruleName ??= known?.name ?? null;
    if (e.ruleName && !sameGivenName(e.name, e.ruleName)) e.ruleName = null;
    if (!known) continue;
    e.code ??= known.code;
    e.gender ??= known.gender;
    if (known.role) e.roles.add(normalizeRole(known.role));
    // the name stays as the article gives it (`M. Biden` is `Biden`): the guidelines name speakers as the text does
  }
}

/**
 * Whether a person's name as the article gives it may be the rules' name: the surname alone, or a
 * first word that is one of the rules' given names, spelled alike in its first three letters
 * (`Aleksandr` / `Alexandre`, `Elisabeth` / `Élisabeth`, `Tayyip Erdogan` / `Recep Tayyip
 * Erdogan`), not another's of the family (`Jill` / `Joe Biden`, `Jean-Marie` / `Marine Le Pen`).
 */
function sameGivenName(written: string, ruleName: string): boolean {
  if (wordCount(written) < 2) return true;
  const a = foldName(written);
  const b = foldName(ruleName);
  if (a === b) return true;
  const first = a.slice(0, a.indexOf(' '));
  const given = b.split(' ').slice(0, -1);
  return given.some((g) => (first.length < 3 || g.length < 3 ? g === first : g.slice(0, 3) === first.slice(0, 3)));
}

/** Gazetteer organizations: the rule's name (their entity's key) and the code the rule gives. */
const NAMED_ORGS = new WeakMap<Mention, { key: string; code: string | null }>();

/** The country of an organization the rules know, even one that stands for no state (a news outlet's). */
export function organizationCountry(m: Mention): string | null {
  return NAMED_ORGS.get(m)?.code ?? null;
}

function linkOrganizations(mentions: Mention[], entities: Entity[]): void {
  const byName = new Map<string, number>();
  const namedByHead = new Map<string, string>();
  mentions.forEach((m, k) => {
    if (m.type !== 'organization') return;
    if (m.via === 'named' && m.role) namedByHead.set(m.role, m.name);
    else if (m.via === 'description' && m.role && !m.plural && namedByHead.has(m.role) && !m.codes.length) m.name = namedByHead.get(m.role)!;
    const named = NAMED_ORGS.get(m);
    const key = named?.key ?? m.name.toLowerCase();
    let e = byName.get(key);
    if (e === undefined) {
      entities.push({ type: 'organization', name: m.name, surname: '', gender: null, code: m.codes[0] ?? (m.kind === 'news' ? null : named?.code) ?? null, roles: new Set(), descriptions: [], mentions: [], ruleName: m.ruleName ?? null });
      e = entities.length - 1;
      byName.set(key, e);
    } else {
      if (wordCount(m.name) > wordCount(entities[e].name)) entities[e].name = m.name; // the fullest form the article gives
      entities[e].ruleName ??= m.ruleName ?? null;
    }
    entities[e].mentions.push(k);
    m.entity = e;
  });
}

/**
 * A role description next to a person's name describes that person (`le président turc Recep
 * Tayyip Erdogan`, `Josep Borrell, le Haut représentant`, `la Première ministre danoise, Mette
 * Frederiksen`); a description standing alone refers to the person of that role (and
 * country) the article names, else to no one.
 */
function linkRoles(tokens: Token[], mentions: Mention[], entities: Entity[], quoted: Int32Array): void {
  const describe = (role: Mention, person: Mention): void => {
    if (person.entity < 0) return;
    const e = entities[person.entity];
    role.entity = person.entity;
    if (role.role) e.roles.add(role.role);
    e.descriptions.push(role.name.toLowerCase());
    if (role.codes.length && !e.code) e.code = role.codes[0];
    if (!person.codes.length) person.codes = [...role.codes];
    e.gender ??= role.gender;
  };
  const comma = (i: number): boolean => i >= 0 && i < tokens.length && tokens[i].kind === Kind.Punct && tokens[i].text === ',';
  // the first mention starting at each token and the last one ending there (mentions are in text order)
  const bound = tokens.length + 2;
  const firstAt = scratch(Scratch.FirstAt, bound, -1);
  const lastAt = scratch(Scratch.LastAt, bound, -1);
  for (let k = 0; k < mentions.length; k++) {
    const p = mentions[k];
    if (firstAt[p.first] < 0) firstAt[p.first] = k;
    lastAt[p.last] = k;
  }
  const startingAt = (i: number): Mention | undefined => (i >= 0 && i < bound && firstAt[i] >= 0 ? mentions[firstAt[i]] : undefined);
  const endingAt = (i: number): Mention | undefined => (i >= 0 && i < bound && lastAt[i] >= 0 ? mentions[lastAt[i]] : undefined);
  const personAt = (i: number): Mention | undefined => {
    const p = startingAt(i);
    return p?.type === 'person' ? p : undefined;
  };
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    if (m.type !== 'role' || m.plural) continue;
    // the person right after (`le président turc Recep Tayyip Erdogan`, `la Première ministre, Mette Frederiksen`),
    // over the post's place (`l'ambassadeur de Russie à Minsk, Dmitri Mezentsev`)
    let after = m.last;
    if (after < tokens.length && PLACE_LINKS.has(tokens[after].lower)) {
      const place = startingAt(after + 1);
      if (place && (place.type === 'place' || place.type === 'country' || place.type === 'organization') && comma(place.last)) after = place.last;
    }
    let next = personAt(m.last) ?? (comma(after) ? personAt(after + 1) : undefined);
    // `avec son homologue bélarusse à Minsk, Vladimir Poutine a parlé`: after a role in a prepositional phrase or over a place,
    // a name is in apposition only if a comma (or the sentence's end) closes it; else it is the clause's subject
    if (next && next.first > m.last && (after > m.last || PREPOSITIONS.has(tokens[m.first - 1]?.lower ?? '')) && !APPOSITION_END.has(tokens[next.last]?.text ?? '.')) next = undefined;
    if (next) {
      describe(m, next);
      continue;
    }
    // the person right before, in apposition (`Josep Borrell, le Haut représentant`)
    const before = comma(m.first - 1) ? endingAt(m.first - 1) : undefined;
    if (before?.type === 'person') describe(m, before);
  }
  linkStandingRoles(tokens, mentions, entities, quoted);
}

const PLACE_LINKS = new Set(['à', 'en', 'au', 'aux']);
/** Prepositions that open a phrase a role can stand in (`avec son homologue`, `pour le ministre`). */
const PREPOSITIONS = new Set(['avec', 'pour', 'contre', 'chez', 'à', 'au', 'aux', 'par', 'entre', 'sans', 'sur', 'envers', 'auprès', 'vers', 'de', "d'", 'du', 'des', 'lors']);
/** What closes a name in apposition: a comma, a bracket, the end of the sentence. */
const APPOSITION_END = new Set([',', ')', '.', ';', '!', '?', '…', '–', '—']);

/** The named body a role belongs to (`le président de l'ANIE` → `anie`), by role name. */
const BODY_OF_ROLE = new Map<string, string | undefined>();
function bodyOf(name: string): string | undefined {
  if (BODY_OF_ROLE.has(name)) return BODY_OF_ROLE.get(name);
  const body = /\b(?:de|du|des|d')\s*(?:l'|la\s+|le\s+)?(\p{Lu}[\p{L}\p{N}-]*(?:\s+\p{Lu}[\p{L}\p{N}-]*)*)\s*$/u.exec(name.replace(/’/g, "'"))?.[1]?.toLowerCase();
  if (BODY_OF_ROLE.size >= 10_000) BODY_OF_ROLE.clear();
  BODY_OF_ROLE.set(name, body);
  return body;
}

/** Inserts `e` into a list of entity indexes in increasing order. */
function insertInOrder(list: number[], e: number): void {
  let k = list.length;
  while (k > 0 && list[k - 1] > e) k--;
  if (list[k - 1] !== e) list.splice(k, 0, e);
}

/**
 * Role descriptions no name stands beside: the person the article names with that role (or
 * of that country), else someone named just before or after. Entities are looked up by role
 * and by code rather than all scanned for each description, and people in the few sentences
 * around it rather than all mentions.
 */
function linkStandingRoles(tokens: Token[], mentions: Mention[], entities: Entity[], quoted: Int32Array): void {
  const standing = mentions.filter((m) => m.type === 'role' && m.entity < 0 && !m.plural && m.role);
  if (!standing.length) return;
  const people: number[] = [];
  const byRole = new Map<string, number[]>();
  const byCode = new Map<string, number[]>();
  const listOf = (map: Map<string, number[]>, key: string): number[] => {
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    return list;
  };
  for (let e = 0; e < entities.length; e++) {
    const entity = entities[e];
    if (entity.type !== 'person') continue;
    people.push(e);
    for (const role of entity.roles) listOf(byRole, role).push(e);
    if (entity.code !== null) listOf(byCode, entity.code).push(e);
  }
  const addRole = (e: number, role: string): void => {
    if (entities[e].roles.has(role)) return;
    entities[e].roles.add(role);
    insertInOrder(listOf(byRole, role), e);
  };
  const setCode = (e: number, code: string): void => {
    const old = entities[e].code;
    if (old !== null) {
      const list = byCode.get(old)!;
      list.splice(list.indexOf(e), 1);
    }
    entities[e].code = code;
    insertInOrder(listOf(byCode, code), e);
  };
  // `le président de l'ANIE`: the person a description of that body named (descriptions are all given by now)
  let descriptionsOf: string[] | null = null;
  const holders = new Map<string, number>();
  const holderOf = (body: string): number => {
    let holder = holders.get(body);
    if (holder === undefined) {
      // one text per person, the descriptions apart by a character no name holds
      descriptionsOf ??= entities.map((e) => (e.type === 'person' ? [...new Set(e.descriptions)].join('\u0000') : ''));
      holder = descriptionsOf.findIndex((d, e) => entities[e].type === 'person' && d.includes(body));
      holders.set(body, holder);
    }
    return holder;
  };
  const named = (e: Entity): number => mentions[e.mentions[0]]?.first ?? Infinity;
  // the people who can be meant: named outside quotations, in text order
  const linkable: number[] = [];
  for (let k = 0; k < mentions.length; k++) {
    const p = mentions[k];
    if (p.type === 'person' && p.entity >= 0 && quoted[p.first] < 0) linkable.push(k);
  }
  const sentenceOf = (q: number): number => tokens[mentions[linkable[q]].first].sent;
  const firstAfter = (at: number): number => partitionPoint(0, linkable.length, (k) => mentions[linkable[k]].first <= at);
  let before = 0; // linkable[0, before) start before the description
  for (const m of standing) {
    const role = m.role!;
    const national = role === 'national';
    if (!m.codes.length) {
      const body = bodyOf(m.name);
      if (body) {
        const holder = holderOf(body);
        if (holder >= 0) {
          m.entity = holder;
          continue;
        }
      }
    }
    const fitsGender = (e: Entity): boolean => !m.gender || !e.gender || m.gender === e.gender;
    const candidates = national ? (m.codes.length === 1 ? byCode.get(m.codes[0]) : people) : byRole.get(role);
    const fits: number[] = [];
    for (const e of candidates ?? []) {
      const entity = entities[e];
      if ((national || entity.roles.has(role)) && (!m.codes.length || (entity.code !== null && m.codes.includes(entity.code))) && fitsGender(entity)) fits.push(e);
    }
    // `son homologue turc`, `le dirigeant turc`: a role that any leader holds, of one country, is the person of that country the article names
    if (!fits.length && LEADER_ROLES.has(role) && m.codes.length === 1 && !hasComplement(tokens, m)) {
      for (const e of byCode.get(m.codes[0]) ?? []) if (fitsGender(entities[e])) fits.push(e);
      // `la responsable allemande` of the president of the Commission: no one of that state is named, so the
      // nationality is of the person named just before (within three sentences) whose office is of a bloc, not a state
      if (!fits.length) {
        const sent = tokens[m.first].sent;
        for (let q = firstAfter(m.first) - 1; q >= 0 && sentenceOf(q) >= sent - 3; q--) {
          const e = mentions[linkable[q]].entity;
          if (!fitsGender(entities[e])) continue;
          if (entities[e].code !== null && BLOC_CODES.has(entities[e].code!)) fits.push(e);
          break;
        }
      }
    }
    if (fits.length === 1) m.entity = fits[0];
    else if (fits.length > 1) {
      // the nearest one named before, else the first named after
      let best = -1;
      let bestAt = -Infinity;
      for (const e of fits) {
        const at = named(entities[e]);
        if (at < m.first && at > bestAt) {
          best = e;
          bestAt = at;
        }
      }
      if (best < 0) {
        best = fits[0];
        bestAt = named(entities[best]);
        for (const e of fits) {
          const at = named(entities[e]);
          if (at < bestAt) {
            best = e;
            bestAt = at;
          }
        }
      }
      m.entity = best;
    }
    if (m.entity >= 0 || national || !DEFINITE.has(tokens[m.first].lower)) continue;
    // `Christophe Castaner a annoncé… a déclaré le ministre de l'Intérieur`; `Le chef du conseil de sécurité a menacé… Nikolaï Patrouchev a haussé le ton`:
    // a definite role no one holds refers to a person named just before (or just after) whose role the article does not give
    const sentence = tokens[m.first].sent;
    const fitsEntity = (e: Entity, free: boolean): boolean => (!free || e.roles.size === 0 || e.roles.has(role)) && fitsGender(e) && (!m.codes.length || !e.code || m.codes.includes(e.code));
    const fitsAt = (q: number, free: boolean): boolean => fitsEntity(entities[mentions[linkable[q]].entity], free);
    while (before < linkable.length && mentions[linkable[before]].first < m.first) before++;
    // someone with no other role first (within two sentences), else the first named in the latest of this sentence and the one before
    let found = -1;
    for (let q = before - 1; q >= 0 && sentenceOf(q) >= sentence - 2; q--) {
      if (fitsAt(q, true)) {
        found = q;
        break;
      }
    }
    if (found < 0) {
      let latest = -1;
      for (let q = before - 1; q >= 0 && sentenceOf(q) >= sentence - 1; q--) {
        if (fitsAt(q, false)) {
          latest = q;
          break;
        }
      }
      if (latest >= 0) {
        const nearest = sentenceOf(latest);
        found = latest;
        for (let q = latest - 1; q >= 0 && sentenceOf(q) === nearest; q--) if (fitsAt(q, false)) found = q;
      }
    }
    if (found < 0) {
      for (let q = firstAfter(m.last); q < linkable.length && sentenceOf(q) <= sentence + 2; q++) {
        if (fitsAt(q, true)) {
          found = q;
          break;
        }
      }
    }
    if (found >= 0) {
      const e = mentions[linkable[found]].entity;
      m.entity = e;
      addRole(e, role);
      if (m.codes.length && !entities[e].code) setCode(e, m.codes[0]);
    }
  }
}

const DEFINITE = new Set(['le', 'la', "l'"]);
/** Roles any leader holds (a counterpart, a leader): told by their country, not by an office. */
const LEADER_ROLES = new Set(['homologue', 'dirigeant', 'leader', 'responsable']);
/** Actor codes of blocs, not states: their officials have a nationality of their own. */
const BLOC_CODES = new Set(['EU', 'WEST']);
/** A role description with a complement (`le dirigeant de Wagner`): of a body, not of a country. */
function hasComplement(tokens: Token[], m: Mention): boolean {
  for (let k = m.first + 1; k < m.last; k++) if (COMPLEMENT_LINKS.has(tokens[k].lower)) return true;
  return false;
}
