import { POS, lemmasOf } from './lexicon.ts';
import { PhraseMatcher } from './phrases.ts';
import { loadRules } from './rules.ts';
import { Gap, Kind, lexemeFlag, lexemeSlot, tokenize, type Lexeme, type Token } from './tokens.ts';

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
for (const person of PERSON_RULES) {
  GAZETTEER.add(person.name, { what: 'person', person });
  for (const form of person.forms ?? []) {
    GAZETTEER.add(form, { what: 'person', person });
    PEOPLE_BY_SURNAME.set(form.toLowerCase(), person);
  }
}

/** Role heads by the lemma of their first word; each with its words as lower-case forms after the first. */
const ROLE_HEADS = new Map<string, Array<{ rule: RoleRule; rest: string[] }>>();
for (const rule of ROLE_RULES) {
  const words = tokenize(rule.head).map((t) => t.lower);
  const list = ROLE_HEADS.get(words[0]) ?? [];
  list.push({ rule, rest: words.slice(1) });
  list.sort((a, b) => b.rest.length - a.rest.length);
  ROLE_HEADS.set(words[0], list);
}

const TITLES = new Map<string, 'm' | 'f'>([['m', 'm'], ['mm', 'm'], ['monsieur', 'm'], ['mme', 'f'], ['mmes', 'f'], ['madame', 'f'], ['mlle', 'f'], ['mademoiselle', 'f']]);
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
const COMPLEMENT_LINKS = new Set(['de', 'du', 'des', "d'", 'pour', 'chargé', 'chargée', 'en']);
/** Adjectives that may stand before a role head (`l'ancien président`, `le nouveau Premier ministre`). */
const PRE_ROLE = new Set(['ancien', 'ancienne', 'anciens', 'nouveau', 'nouvel', 'nouvelle', 'nouveaux', 'futur', 'future', 'actuel', 'actuelle', 'haut', 'haute', 'vice', 'ex', 'jeune', 'puissant', 'puissante', 'influent', 'influente', 'principal', 'principale', 'premier', 'première', 'seul', 'seule', 'deux', 'trois', 'quatre']);

/** Roles that name their field after `à` (`commissaire à la paix`, `secrétaire d'État au numérique`). */
const FIELD_HEADS = new Set(['commissaire', 'ministre', 'secrétaire', "secrétaire d'état", 'délégué', 'haut représentant', 'conseiller', 'haut-commissaire', 'ministre délégué']);

const emptyMention = (type: MentionType, first: number, last: number, tokens: Token[]): Mention => ({
  type, first, last, start: tokens[first].start, end: tokens[last - 1].end, codes: [], via: '', name: '', entity: -1, gender: null, plural: false, kind: null, role: null,
});

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
  const covered = new Int32Array(n).fill(-1);
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
    const title = TITLES.get(t.lower);
    if (title && (t.lower.length > 2 || tokens[i + 1]?.text === '.' || t.lower === 'mme' || t.lower === 'mlle')) {
      let j = tokens[i + 1]?.text === '.' && tokens[i + 1].gap === Gap.None ? i + 2 : i + 1;
      const nameStart = j;
      while (j < n && j - nameStart < 4 && (nameLike(tokens[j], false) || (NAME_PARTICLES.has(tokens[j].lower) && isCapWord(tokens[j + 1])) || (tokens[j].lower === 'le' && tokens[j].cap))) j++;
      if (j > nameStart) {
        const m = emptyMention('person', i, j, tokens);
        m.via = 'title';
        m.gender = title;
        m.name = tokens.slice(nameStart, j).map((x) => x.text).join(' ');
        add(m);
        i = j - 1;
        continue;
      }
    }
    const g = GAZETTEER.matchAt(tokens, i);
    if (g) {
      const value = g.values.find((v) => v.what === 'person') ?? g.values.find((v) => v.what === 'organization') ?? g.values[0];
      // `Washington Post` is a newspaper, not Washington
      let last = g.last;
      const m = emptyMention('country', i, last, tokens);
      if (value.what === 'person') {
        // a gazetteer surname followed by more capitalised words is someone else's name part
        m.type = 'person';
        m.via = 'gazetteer';
        m.name = value.person.name;
        m.gender = value.person.gender;
        m.codes = value.person.code ? [value.person.code] : [];
        m.role = value.person.role ? normalizeRole(value.person.role) : null;
      } else if (value.what === 'organization') {
        m.type = 'organization';
        m.via = 'organization';
        m.name = value.org.name;
        m.kind = value.org.kind;
        m.codes = value.org.code ? [value.org.code] : [];
      } else if (value.what === 'place') {
        m.type = 'place';
        m.via = 'place';
        m.name = value.name;
        m.codes = value.code ? [value.code] : [];
      } else {
        m.type = value.via === 'capital' ? 'place' : value.via === 'institution' ? 'organization' : 'country';
        m.via = value.via;
        m.name = value.name;
        m.codes = [value.code];
        m.plural = tokens[i].lower.endsWith('s') && value.via === 'bloc';
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
      while (j < n && j - i < 5 && tokens[j].gap === Gap.Space && (nameLike(tokens[j], false) || (NAME_PARTICLES.has(tokens[j].lower) && isCapWord(tokens[j + 1])) || (tokens[j].text === 'Le' && isCapWord(tokens[j + 1])) || (nameForm(tokens[j]) === BESIDE_UNKNOWN && tokens[j - 1].cap && (!tokens[j - 1].lex || tokens[j - 1].pos === POS.PROPN)))) {
        if (GAZETTEER.matchAt(tokens, j)) break;
        j++;
      }
      if (j - i >= 2 && isCapWord(tokens[j - 1])) {
        const m = emptyMention('person', i, j, tokens);
        m.via = 'capitalised';
        m.name = tokens.slice(i, j).map((x) => x.text).join(' ');
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
  const order = mentions.map((_, k) => k).sort((a, b) => mentions[a].first - mentions[b].first || mentions[b].last - mentions[a].last);
  const remap = new Int32Array(mentions.length);
  const sorted = order.map((k, idx) => {
    remap[k] = idx;
    return mentions[k];
  });
  for (const e of entities) e.mentions = e.mentions.map((k) => remap[k]).sort((a, b) => a - b);
  const mentionAt = new Int32Array(n).fill(-1);
  for (let k = 0; k < sorted.length; k++) {
    const m = sorted[k];
    for (let i = m.first; i < m.last; i++) if (mentionAt[i] < 0 || sorted[mentionAt[i]].last - sorted[mentionAt[i]].first < m.last - m.first) mentionAt[i] = k;
  }
  linkRoles(tokens, sorted, entities, quoted);
  return { mentions: sorted, entities, mentionAt };
}

/** The role heads whose first word a form can be. */
const roleHeadsOf = lexemeSlot((t: Lexeme): Array<{ rule: RoleRule; rest: string[] }> => {
  if (t.kind !== Kind.Word) return [];
  const out: Array<{ rule: RoleRule; rest: string[] }> = [];
  // `l'ex-commissaire`, `l'ancien-président`: the prefix leaves the role
  const bare = /^(?:ex|ancien|ancienne|vice)-/.test(t.lower) ? t.lower.replace(/^[^-]+-/, '') : null;
  // `colonel-major`, `président-directeur`: a compound of a role is that role
  const head = !bare && t.lower.includes('-') && !t.lex ? t.lower.split('-')[0] : null;
  const forms = bare ? [t.lower, bare, bare.replace(/s$/, '')] : head ? [t.lower, head] : [t.lower, ...lemmasOf(t.lex, POS.NOUN | POS.ADJ)];
  for (const lemma of forms) for (const head of ROLE_HEADS.get(lemma) ?? []) if (!out.includes(head) && !head.rule.not_forms?.includes(t.lower)) out.push(head);
  return out.sort((a, b) => b.rest.length - a.rest.length);
});

/** The role head at token `i` (lemma-matched first word, then the rest as written), with its token length. */
export function roleHeadAt(tokens: Token[], i: number): { rule: RoleRule; length: number } | null {
  const heads = roleHeadsOf(tokens[i]);
  if (!heads.length) return null;
  {
    for (const { rule, rest } of heads) {
      let ok = true;
      for (let k = 0; k < rest.length && ok; k++) {
        const w = tokens[i + 1 + k];
        ok = w !== undefined && w.gap < Gap.Line && (w.lower === rest[k] || lemmasOf(w.lex, POS.NOUN | POS.ADJ).includes(rest[k]));
      }
      if (ok) return { rule, length: rest.length + 1 };
    }
  }
  return null;
}

/** The role a written role phrase names (`Premier ministre` → `premier ministre`, `ministre des Affaires étrangères` → `ministre`). */
export function normalizeRole(phrase: string): string {
  const tokens = tokenize(phrase);
  const head = tokens.length ? roleHeadAt(tokens, 0) : null;
  return head ? head.rule.means ?? head.rule.head.toLowerCase() : phrase.toLowerCase();
}

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
        person.name = tokens.slice(j, e).map((x) => x.text).join(' ');
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
        person.name = tokens.slice(j + 1, e).map((x) => x.text).join(' ');
        add(person);
      }
    }
    // `l'agence nord-coréenne KCNA`, `le syndicat CGT`: a body followed by its proper name is named by it
    let ownName: string | null = null;
    if (head.rule.type === 'body' && tokens[j] && tokens[j].gap === Gap.Space && (covered[j] < 0 || mentions[covered[j]].via === 'acronym') && isCapWord(tokens[j]) && (tokens[j].caps || !tokens[j].lex)) {
      ownName = tokens[j].text;
      j++;
    }
    const m = emptyMention(head.rule.type === 'person' ? 'role' : 'organization', hasDet ? first - 1 : first, j, tokens);
    m.via = ownName ? 'named' : 'description';
    m.codes = [...new Set(codes)];
    m.role = head.rule.means ?? head.rule.head.toLowerCase();
    const headToken = tokens[i];
    m.gender = genderOfReading(headToken, POS.NOUN);
    if (hasDet && (det.lower === 'la' || det.lower === 'sa' || det.lower === 'cette' || det.lower === 'une')) m.gender = 'f';
    else if (hasDet && !m.gender && (det.lower === 'le' || det.lower === 'un' || det.lower === 'ce' || det.lower === 'son')) m.gender = 'm';
    m.plural = (hasDet && ['les', 'des', 'ses', 'leurs', 'ces', 'aux'].includes(det.lower)) || (/[sx]$/.test(headToken.lower) && !/[sx]$/.test(head.rule.head.split(' ')[0]));
    m.name = ownName ?? institutionName(tokens.slice(first, j));
    add(m);
    i = Math.max(i, j - 1);
  }
}

const capitalizeFirst = (s: string): string => s.charAt(0).toLocaleUpperCase('fr') + s.slice(1);

/** `la présidence turque` → `Présidence turque`: the words without determiner, first letter capitalised. */
function institutionName(words: Token[]): string {
  let text = '';
  words.forEach((t, k) => {
    text += (k > 0 && t.gap > Gap.None ? ' ' : '') + t.text;
  });
  return capitalizeFirst(text.replace(/’/g, "'"));
}

function surnameOf(name: string): string {
  const parts = name.split(/\s+/);
  return parts[parts.length - 1].toLowerCase();
}

function linkPeople(tokens: Token[], starts: number[], mentions: Mention[], entities: Entity[], covered: Int32Array, add: (m: Mention) => number): void {
  const bySurname = new Map<string, number>();
  const newEntity = (m: Mention, k: number): void => {
    const surname = surnameOf(m.name);
    entities.push({ type: 'person', name: m.name, surname, gender: m.gender, code: m.codes[0] ?? null, roles: new Set(m.role ? [m.role] : []), descriptions: [], mentions: [k] });
    m.entity = entities.length - 1;
    bySurname.set(surname, m.entity);
  };
  const join = (m: Mention, k: number, e: number): void => {
    const entity = entities[e];
    m.entity = e;
    entity.mentions.push(k);
    if (m.name.split(' ').length > entity.name.split(' ').length && surnameOf(m.name) === entity.surname) entity.name = m.name;
    entity.gender ??= m.gender;
    if (!entity.code && m.codes.length) entity.code = m.codes[0];
    if (m.role) entity.roles.add(m.role);
  };
  // full names first, in text order, then titles and lone surnames
  const people = mentions.map((m, k) => [m, k] as const).filter(([m]) => m.type === 'person').sort((a, b) => a[0].first - b[0].first);
  for (const [m, k] of people) {
    if (m.name.split(' ').length < 2 && m.via !== 'gazetteer') continue;
    const existing = bySurname.get(surnameOf(m.name));
    if (existing !== undefined) join(m, k, existing);
    else newEntity(m, k);
  }
  for (const [m, k] of people) {
    if (m.entity >= 0) continue;
    const existing = bySurname.get(surnameOf(m.name));
    if (existing !== undefined) join(m, k, existing);
    else newEntity(m, k);
  }
  // lone capitalised words that are the surname of someone named in the article
  if (!bySurname.size) return;
  for (const i of starts) {
    if (covered[i] >= 0) continue;
    const t = tokens[i];
    if (!isCapWord(t) || NOT_NAMES.has(t.lower)) continue;
    const e = bySurname.get(t.lower);
    if (e === undefined) continue;
    const m = emptyMention('person', i, i + 1, tokens);
    m.via = 'surname';
    m.name = t.text;
    const k = add(m);
    join(m, k, e);
  }
  // gazetteer knowledge fills what the article leaves out
  for (const e of entities) {
    if (e.type !== 'person') continue;
    const known = PEOPLE_BY_SURNAME.get(e.surname) ?? PERSON_RULES.find((p) => p.name === e.name);
    if (!known) continue;
    e.code ??= known.code;
    e.gender ??= known.gender;
    if (known.role) e.roles.add(normalizeRole(known.role));
    if (e.name.split(' ').length < 2) e.name = known.name;
  }
}

function linkOrganizations(mentions: Mention[], entities: Entity[]): void {
  const byName = new Map<string, number>();
  const namedByHead = new Map<string, string>();
  mentions.forEach((m, k) => {
    if (m.type !== 'organization') return;
    if (m.via === 'named' && m.role) namedByHead.set(m.role, m.name);
    else if (m.via === 'description' && m.role && !m.plural && namedByHead.has(m.role) && !m.codes.length) m.name = namedByHead.get(m.role)!;
    const key = m.name.toLowerCase();
    let e = byName.get(key);
    if (e === undefined) {
      entities.push({ type: 'organization', name: m.name, surname: '', gender: null, code: m.codes[0] ?? null, roles: new Set(), descriptions: [], mentions: [] });
      e = entities.length - 1;
      byName.set(key, e);
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
  const comma = (i: number): boolean => tokens[i]?.text === ',';
  const startingAt = new Map<number, Mention>();
  const endingAt = new Map<number, Mention>();
  for (const p of mentions) {
    if (!startingAt.has(p.first)) startingAt.set(p.first, p);
    endingAt.set(p.last, p);
  }
  const personAt = (i: number): Mention | undefined => {
    const p = startingAt.get(i);
    return p?.type === 'person' ? p : undefined;
  };
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    if (m.type !== 'role' || m.plural) continue;
    // the person right after (`le président turc Recep Tayyip Erdogan`, `la Première ministre, Mette Frederiksen`),
    // over the post's place (`l'ambassadeur de Russie à Minsk, Dmitri Mezentsev`)
    let after = m.last;
    if (/^(?:à|en|au|aux)$/.test(tokens[after]?.lower ?? '')) {
      const place = startingAt.get(after + 1);
      if (place && (place.type === 'place' || place.type === 'country' || place.type === 'organization') && comma(place.last)) after = place.last;
    }
    const next = personAt(m.last) ?? (comma(after) ? personAt(after + 1) : undefined);
    if (next) {
      describe(m, next);
      continue;
    }
    // the person right before, in apposition (`Josep Borrell, le Haut représentant`)
    const before = comma(m.first - 1) ? endingAt.get(m.first - 1) : undefined;
    if (before?.type === 'person') describe(m, before);
  }
  for (const m of mentions) {
    if (m.type !== 'role' || m.entity >= 0 || m.plural || !m.role) continue;
    const national = m.role === 'national';
    // `le président de l'ANIE`: a role of a named body is held by whoever a description of that body named
    const body = /\b(?:de|du|des|d')\s*(?:l'|la\s+|le\s+)?(\p{Lu}[\p{L}\p{N}-]*(?:\s+\p{Lu}[\p{L}\p{N}-]*)*)\s*$/u.exec(m.name.replace(/’/g, "'"))?.[1]?.toLowerCase();
    if (body && !m.codes.length) {
      const holder = entities.find((e) => e.type === 'person' && e.descriptions.some((d) => d.includes(body)));
      if (holder) {
        m.entity = entities.indexOf(holder);
        continue;
      }
    }
    const fits = entities.filter((e) => e.type === 'person' && (national || e.roles.has(m.role!)) && (!m.codes.length || (e.code !== null && m.codes.includes(e.code))) && (!m.gender || !e.gender || m.gender === e.gender));
    if (fits.length === 1) m.entity = entities.indexOf(fits[0]);
    else if (fits.length > 1) {
      // the nearest one named before, else the first named after
      const named = (e: Entity): number => mentions[e.mentions[0]]?.first ?? Infinity;
      const earlier = fits.filter((e) => named(e) < m.first).sort((a, b) => named(b) - named(a));
      m.entity = entities.indexOf(earlier[0] ?? fits.sort((a, b) => named(a) - named(b))[0]);
    }
    if (m.entity >= 0 || national || !DEFINITE.has(tokens[m.first].lower)) continue;
    // `Christophe Castaner a annoncé… a déclaré le ministre de l'Intérieur`; `Le chef du conseil de sécurité a menacé… Nikolaï Patrouchev a haussé le ton`:
    // a definite role no one holds refers to a person named just before (or just after) whose role the article does not give
    const sentence = tokens[m.first].sent;
    const near = (p: Mention, free: boolean): boolean => p.type === 'person' && p.entity >= 0 && quoted[p.first] < 0 && Math.abs(tokens[p.first].sent - sentence) <= 2
      && (!free || entities[p.entity].roles.size === 0 || entities[p.entity].roles.has(m.role!))
      && (!m.gender || !entities[p.entity].gender || m.gender === entities[p.entity].gender)
      && (!m.codes.length || !entities[p.entity].code || m.codes.includes(entities[p.entity].code!));
    // someone with no other role first, else anyone named in the sentence or the one before
    const before = mentions.filter((p) => p.first < m.first && near(p, true)).pop() ?? firstOfNearestSentence(mentions.filter((p) => p.first < m.first && near(p, false) && tokens[p.first].sent >= sentence - 1), tokens);
    const after = before ? undefined : mentions.find((p) => p.first > m.last && near(p, true));
    const person = before ?? after;
    if (person) {
      m.entity = person.entity;
      entities[person.entity].roles.add(m.role);
      if (m.codes.length && !entities[person.entity].code) entities[person.entity].code = m.codes[0];
    }
  }
}

const DEFINITE = new Set(['le', 'la', "l'"]);

/** Of people named before, the first one named in the latest sentence (its subject, as a rule). */
function firstOfNearestSentence(people: Mention[], tokens: Token[]): Mention | undefined {
  const last = people[people.length - 1];
  if (!last) return undefined;
  return people.find((p) => tokens[p.first].sent === tokens[last.first].sent);
}
