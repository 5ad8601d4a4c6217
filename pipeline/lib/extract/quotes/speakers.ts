import { entityIdFor, type EntityMention, type EntityType } from '../entities.ts';
import { parseRolePhrase, personCountry, phraseCountryMentions, resolveRole, ROLE_NOUN_PATTERN, type Gender, type PeopleIndex, type Person, type Role } from '../people.ts';
import { codePointBefore, partitionPoint } from './cues.ts';

/**
 * Who can be a speaker in an article: named entities, role phrases (`le président
 * bélarusse`, `l'ambassadeur`) resolved to the person the article names, and subject
 * pronouns resolved to the last salient speaker or subject.
 */

export interface Speaker {
  name: string;
  type: EntityType;
  /** `entities.id` when the speaker is a named entity of the article, else null. */
  id: string | null;
  gender: Gender;
}

export interface Candidate {
  start: number;
  end: number;
  kind: 'entity' | 'role' | 'pronoun';
  speaker: Speaker | null;
  /** Not the object of a preposition (`avec M. X`, `à Minsk`, `de la Russie`). */
  subjectLike: boolean;
  pronoun?: string;
  /** An indefinite role phrase (`un diplomate européen`): a speaker, never an antecedent. */
  indefinite?: boolean;
}

const PREPOSITIONS = new Set([
  'à', 'au', 'aux', 'de', 'du', 'des', 'd’', "d'", 'avec', 'en', 'dans', 'pour', 'par', 'sur', 'chez', 'contre', 'vers',
  'selon', 'entre', 'sans', 'sous', 'envers', 'auprès', 'lors', 'après', 'avant', 'depuis', 'malgré', 'face', 'parmi',
  'outre', 'via', 'pendant', 'derrière', 'devant', 'autour', 'près',
]);
const DETERMINERS = new Set(['le', 'la', 'les', 'l’', "l'", 'un', 'une', 'son', 'sa', 'ses', 'leur', 'leurs', 'ce', 'cette', 'notre']);

const WORD_CHAR_RE = /[\p{L}’']/u;
const SPACE_RE = /\s/;

/**
 * Whether the words before `start` make the phrase a prepositional complement. Words are
 * read backward over the 40 characters before it: runs of letters and apostrophes, or
 * single other signs.
 */
function isAfterPreposition(text: string, start: number): boolean {
  const floor = Math.max(0, start - 40);
  let at = start;
  while (at > floor) {
    const ch = codePointBefore(text, floor, at);
    if (SPACE_RE.test(ch)) {
      at -= ch.length;
      continue;
    }
    let from = at - ch.length;
    if (WORD_CHAR_RE.test(ch)) {
      for (let c = codePointBefore(text, floor, from); from > floor && WORD_CHAR_RE.test(c); c = codePointBefore(text, floor, from)) from -= c.length;
    }
    const word = text.slice(from, at).toLowerCase();
    if (!DETERMINERS.has(word)) return PREPOSITIONS.has(word);
    at = from;
  }
  return false;
}

/** Feminine role nouns, for gender agreement of a role phrase. */
const FEMININE_ROLE_FORMS = /(?:^|\s)(?:présidente|dirigeante|cheffe|chancelière|ambassadrice|conseillère|députée|sénatrice|reine|princesse|patronne|négociatrice|première\s+ministre|vice-présidente|secrétaire\s+générale|haute\s+représentante)(?![\p{L}\p{M}])/u;

const capitalizeFirst = (s: string): string => s.charAt(0).toLocaleUpperCase('fr') + s.slice(1);

const ROLE_DETERMINER = String.raw`(?:le|la|les|l[’']|son|sa|leur|ce|cette|un|une|du|de\s+la|de\s+l[’']|au|à\s+la|notre)`;
/** The first two characters of the role determiners, to skip at once the positions none can start at. */
const ROLE_DETERMINER_START = String.raw`(?=l[ea’']|s[oa]|ce|un|d[ue]|au|à\s|no)`;
const ROLE_MENTION_RE = new RegExp(
  String.raw`${ROLE_DETERMINER_START}(?<![\p{L}\p{M}])${ROLE_DETERMINER}\s*(?:(?:nouveau|nouvelle|ancien|ancienne|actuel|actuelle|puissant|puissante|futur|future|influent|influente)\s+)?(?:${ROLE_NOUN_PATTERN})(?![\p{L}\p{M}\-])`,
  'giu',
);
const ROLE_COMPLEMENT_RE = /^(\s+(?:de\s+la\s+|de\s+l[’']|des\s+|du\s+|d[’']|de\s+)?)([\p{L}\p{M}][\p{L}\p{M}\-]*)/u;
const COMPLEMENT_NOUNS = new Set(['diplomatie', 'gouvernement', 'opposition', 'armée', 'présidence', 'république', 'fédération', 'région', 'ville', 'pays', 'parti', 'mouvement', 'ministère', 'agence', 'banque']);

const COMPLEMENT_ADJECTIVES = new Set([
  'américain', 'américaine', 'européen', 'européenne', 'occidental', 'occidentale', 'étrangères', 'intérieures', 'unies',
  'présidentiel', 'présidentielle', 'fédéral', 'fédérale', 'national', 'nationale', 'général', 'générale', 'militaire',
]);

function isDemonym(word: string): boolean {
  return /^\p{Ll}/u.test(word) && phraseCountryMentions(word).some((m) => m.surface === word && (m.via === 'demonym' || m.via === 'bloc'));
}

/** Extends a role noun over its complements: `chef de l'État russe`, `porte-parole de la diplomatie américaine`. */
function roleComplementEnd(text: string, from: number): number {
  let end = from;
  for (let guard = 0; guard < 5; guard++) {
    const m = ROLE_COMPLEMENT_RE.exec(text.slice(end, end + 60));
    if (!m) break;
    const linker = m[1].trim();
    const word = m[2];
    if (linker) {
      if (!(/^\p{Lu}/u.test(word) || COMPLEMENT_NOUNS.has(word))) break;
    } else if (!isDemonym(word) && !COMPLEMENT_ADJECTIVES.has(word)) {
      break;
    }
    end += m[0].length;
  }
  return end;
}

/** Speaker record for a named entity mention. */
export function speakerOfEntity(mention: EntityMention, gender: Gender, name = mention.canonical): Speaker {
  return { name, type: mention.type, id: entityIdFor(mention.type, mention.canonical), gender };
}

/**
 * The name a body goes by in one article: the fullest form the article writes (`l'ONU`
 * alone gives `ONU`, not `Nations unies`), by canonical name.
 */
function writtenBodyNames(entities: readonly EntityMention[]): Map<string, string> {
  const names = new Map<string, string>();
  const writtenAsCanonical = new Set<string>();
  for (const e of entities) {
    if (e.type !== 'organization') continue;
    if (e.surface === e.canonical) writtenAsCanonical.add(e.canonical);
    const surface = e.surface.replace(/\s+/g, ' ');
    const known = names.get(e.canonical);
    if (known === undefined || surface.length > known.length) names.set(e.canonical, surface);
  }
  // a canonical form the article writes is kept; an acronym or variant only when it is all the article gives
  for (const [canonical, surface] of names) names.set(canonical, writtenAsCanonical.has(canonical) ? canonical : capitalizeFirst(surface));
  return names;
}

/** The first name mention starting at `from` or later (people's mentions are in text order). */
function mentionFrom(people: PeopleIndex, from: number): PeopleIndex['mentions'][number] | undefined {
  return people.mentions[partitionPoint(people.mentions, (m) => m.mention.start < from)];
}

/** The last name mention starting before `at`. */
function mentionBefore(people: PeopleIndex, at: number): PeopleIndex['mentions'][number] | undefined {
  return people.mentions[partitionPoint(people.mentions, (m) => m.mention.start < at) - 1];
}

/** Roles of no class that still stand for the person just named (`la candidate démocrate`). */
const ANAPHORIC_OTHER_ROLES = new Set(['candidat', 'candidate']);

/** Characters a definite role phrase looks back over for the person it stands for, when the lexicons cannot resolve it. */
const ANAPHORIC_ROLE_WINDOW = 400;

/**
 * A definite role phrase no role resolves (`Volodymyr Zelensky a écrit … Le président
 * ukrainien`, `Friedrich Merz … le dirigeant conservateur`): the person named last before
 * it, close by, whose gender, country and other roles do not contradict it.
 */
function anaphoricPerson(people: PeopleIndex, role: Role, gender: Gender, at: number): Person | null {
  if (role.cls === 'counterpart' || role.cls === 'opponent' || (role.cls === 'other' && !ANAPHORIC_OTHER_ROLES.has(role.noun))) return null;
  const last = mentionBefore(people, at);
  if (!last || at - last.mention.end > ANAPHORIC_ROLE_WINDOW) return null;
  const person = last.person;
  if (gender && person.gender && gender !== person.gender) return null;
  const country = personCountry(person);
  if (role.country && country && role.country !== country) return null;
  // a person the article gives another role fits only a generic, countryless description (`le dirigeant conservateur`)
  if (person.roles.length && ((role.country && country) || (role.cls !== 'leader' && role.cls !== 'official'))) return null;
  return person;
}

function roleCandidates(text: string, people: PeopleIndex): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(ROLE_MENTION_RE)) {
    const start = m.index;
    const end = roleComplementEnd(text, start + m[0].length);
    const phrase = text.slice(start, end);
    const role = parseRolePhrase(phrase);
    if (!role) continue;
    const determiner = /^\S+/u.exec(phrase)?.[0].toLowerCase() ?? '';
    if (determiner === 'les') continue;
    const prepositional = /^(?:du|de|au|à)$/u.test(determiner) || isAfterPreposition(text, start);
    // `son secrétaire général Mark Rutte`: a name right after the role is the person
    const next = mentionFrom(people, end);
    const named = next && /^[\s\u00a0]*,?[\s\u00a0]*$/u.test(text.slice(end, next.mention.start)) ? next.person : null;
    const definite = /^(?:le|la|l[’'])/iu.test(determiner);
    const person = named ?? resolveRole(people, role, start)
      ?? (definite ? anaphoricPerson(people, role, FEMININE_ROLE_FORMS.test(phrase) || determiner === 'la' ? 'f' : null, start) : null);
    const indefinite = !person && /^(?:un|une)$/u.test(determiner);
    const speaker: Speaker = person
      ? { name: person.canonical, type: 'person', id: entityIdFor('person', person.canonical), gender: person.gender }
      : { name: capitalizeFirst(phrase.replace(/^\S+\s*/u, '').replace(/^(?:la|l[’'])\s*/iu, '').replace(/\s+/g, ' ')), type: 'person', id: null, gender: null };
    out.push({ start, end, kind: 'role', speaker, subjectLike: !prepositional, ...(indefinite ? { indefinite } : {}) });
  }
  return out;
}

// Bodies named by a bare head noun (`le gouvernement a estimé`): speakers, though not entities.
const BARE_BODY_RE = /(?<![\p{L}\p{M}])(?:le|la|l[’'])\s*(gouvernement|présidence|armée|police|opposition|parquet|ministère|exécutif|junte|diplomatie|Kremlin)(?![\p{L}\p{M}\-])/giu;

function bareBodyCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(BARE_BODY_RE)) {
    const start = m.index + m[0].length - m[1].length;
    out.push({ start, end: m.index + m[0].length, kind: 'role', speaker: { name: capitalizeFirst(m[1].toLowerCase()), type: 'organization', id: null, gender: null }, subjectLike: !isAfterPreposition(text, m.index) });
  }
  return out;
}

function pronounCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{M}\-])(il|elle|Il|Elle)(?![\p{L}\p{M}\-’'])/gu)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    if (/^\s+(?:y\s|faut|s[’']agit|semble|reste|paraît|est\s+(?:clair|probable|possible|vrai|temps))/u.test(after)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'pronoun', speaker: null, subjectLike: true, pronoun: m[1].toLowerCase() });
  }
  return out;
}

/** The candidates the text itself gives, whatever its entities: role phrases, bare bodies and pronouns, each in text order. */
export interface TextCandidates {
  roles: Candidate[];
  bodies: Candidate[];
  pronouns: Candidate[];
}

export function textCandidates(text: string, people: PeopleIndex): TextCandidates {
  return { roles: roleCandidates(text, people), bodies: bareBodyCandidates(text), pronouns: pronounCandidates(text) };
}

/** The text candidates lying within `[start, end)`. */
export function textCandidatesWithin(candidates: TextCandidates, start: number, end: number): TextCandidates {
  const within = (list: Candidate[]) => {
    const out: Candidate[] = [];
    for (let k = partitionPoint(list, (c) => c.start < start); k < list.length && list[k].start < end; k++) {
      if (list[k].end <= end) out.push(list[k]);
    }
    return out;
  };
  return { roles: within(candidates.roles), bodies: within(candidates.bodies), pronouns: within(candidates.pronouns) };
}

/**
 * Every speaker candidate of the article outside quotations, in text order (longest first
 * at one offset). `entities` and `quotes` are in text order without overlaps; `found` are
 * the text candidates of the article (or of the part of it the caller keeps).
 */
export function speakerCandidates(
  text: string,
  people: PeopleIndex,
  entities: readonly EntityMention[],
  quotes: ReadonlyArray<{ open: number; close: number }>,
  found: TextCandidates = textCandidates(text, people),
): Candidate[] {
  const personGender = new Map(people.persons.map((p) => [p.canonical, p.gender]));
  const bodyNames = writtenBodyNames(entities);
  const fromEntities: Candidate[] = entities
    .filter((e) => !(e.type === 'country' && /^\p{Ll}/u.test(e.surface)))
    .map((e) => ({
      start: e.start, end: e.end, kind: 'entity' as const,
      speaker: speakerOfEntity(e, e.type === 'person' ? personGender.get(e.canonical) ?? null : null, bodyNames.get(e.canonical)),
      subjectLike: !isAfterPreposition(text, e.start),
    }));
  // without overlaps, only the last entity or quotation opening before a candidate can hold it
  const covered = (c: Candidate) => {
    const k = partitionPoint(fromEntities, (e) => e.start <= c.start) - 1;
    return k >= 0 && fromEntities[k].end >= c.end;
  };
  const insideQuote = (c: Candidate) => {
    const k = partitionPoint(quotes, (q) => q.open < c.start) - 1;
    return k >= 0 && c.end <= quotes[k].close;
  };
  const bodies = found.bodies.filter((c) => !covered(c));
  const all = [...fromEntities, ...found.roles, ...bodies, ...found.pronouns];
  return all.filter((c) => !insideQuote(c)).sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The candidate a noun phrase starting at `from` opens with (determiners allowed before it); `candidates` are in text order. */
export function candidateAt(candidates: readonly Candidate[], text: string, from: number, to: number): Candidate | null {
  const c = candidates[partitionPoint(candidates, (c) => c.start < from)];
  if (!c || c.start >= to) return null;
  const gap = text.slice(from, c.start);
  return /^[\s\u00a0]*(?:(?:le|la|les|l[’']|un|une|son|sa|leur|même|cité\s+par)\s*)*$/iu.test(gap) ? c : null;
}
