import { findCountryMentions } from '../../lexicon/countries.ts';
import { entityIdFor, type EntityMention, type EntityType } from '../entities.ts';
import { parseRolePhrase, resolveRole, ROLE_NOUN_PATTERN, type Gender, type PeopleIndex } from '../people.ts';

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
}

const PREPOSITIONS = new Set([
  'à', 'au', 'aux', 'de', 'du', 'des', 'd’', "d'", 'avec', 'en', 'dans', 'pour', 'par', 'sur', 'chez', 'contre', 'vers',
  'selon', 'entre', 'sans', 'sous', 'envers', 'auprès', 'lors', 'après', 'avant', 'depuis', 'malgré', 'face', 'parmi',
  'outre', 'via', 'pendant', 'derrière', 'devant', 'autour', 'près',
]);
const DETERMINERS = new Set(['le', 'la', 'les', 'l’', "l'", 'un', 'une', 'son', 'sa', 'ses', 'leur', 'leurs', 'ce', 'cette', 'notre']);

/** Whether the words before `start` make the phrase a prepositional complement. */
function isAfterPreposition(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const words = before.match(/[\p{L}’']+[’']?|[^\s\p{L}]/gu) ?? [];
  let k = words.length - 1;
  while (k >= 0 && DETERMINERS.has(words[k].toLowerCase())) k--;
  if (k < 0) return false;
  const word = words[k].toLowerCase();
  return PREPOSITIONS.has(word);
}

const capitalizeFirst = (s: string): string => s.charAt(0).toLocaleUpperCase('fr') + s.slice(1);

const ROLE_DETERMINER = String.raw`(?:le|la|les|l[’']|son|sa|leur|ce|cette|un|une|du|de\s+la|de\s+l[’']|au|à\s+la|notre)`;
const ROLE_MENTION_RE = new RegExp(
  String.raw`(?<![\p{L}\p{M}])${ROLE_DETERMINER}\s*(?:(?:nouveau|nouvelle|ancien|ancienne|actuel|actuelle|puissant|puissante|futur|future|influent|influente)\s+)?(?:${ROLE_NOUN_PATTERN})(?![\p{L}\p{M}\-])`,
  'giu',
);
const ROLE_COMPLEMENT_RE = /^(\s+(?:de\s+la\s+|de\s+l[’']|des\s+|du\s+|d[’']|de\s+)?)([\p{L}\p{M}][\p{L}\p{M}\-]*)/u;
const COMPLEMENT_NOUNS = new Set(['diplomatie', 'gouvernement', 'opposition', 'armée', 'présidence', 'république', 'fédération', 'région', 'ville', 'pays', 'parti', 'mouvement', 'ministère', 'agence', 'banque']);

const COMPLEMENT_ADJECTIVES = new Set([
  'américain', 'américaine', 'européen', 'européenne', 'occidental', 'occidentale', 'étrangères', 'intérieures', 'unies',
  'présidentiel', 'présidentielle', 'fédéral', 'fédérale', 'national', 'nationale', 'général', 'générale', 'militaire',
]);

function isDemonym(word: string): boolean {
  return /^\p{Ll}/u.test(word) && findCountryMentions(word).some((m) => m.surface === word && (m.via === 'demonym' || m.via === 'bloc'));
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
export function speakerOfEntity(mention: EntityMention, gender: Gender): Speaker {
  return { name: mention.canonical, type: mention.type, id: entityIdFor(mention.type, mention.canonical), gender };
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
    const person = resolveRole(people, role, start);
    const speaker: Speaker | null = person
      ? { name: person.canonical, type: 'person', id: entityIdFor('person', person.canonical), gender: person.gender }
      : /^(?:un|une)$/u.test(determiner)
        ? null
        : { name: capitalizeFirst(phrase.replace(/^\S+\s*/u, '').replace(/^(?:la|l[’'])\s*/iu, '').replace(/\s+/g, ' ')), type: 'person', id: null, gender: null };
    out.push({ start, end, kind: 'role', speaker, subjectLike: !prepositional });
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

/** Every speaker candidate of the article outside quotations, in text order (longest first at one offset). */
export function speakerCandidates(
  text: string,
  people: PeopleIndex,
  entities: readonly EntityMention[],
  quotes: ReadonlyArray<{ open: number; close: number }>,
): Candidate[] {
  const personGender = new Map(people.persons.map((p) => [p.canonical, p.gender]));
  const fromEntities: Candidate[] = entities
    .filter((e) => !(e.type === 'country' && /^\p{Ll}/u.test(e.surface)))
    .map((e) => ({
      start: e.start, end: e.end, kind: 'entity' as const,
      speaker: speakerOfEntity(e, e.type === 'person' ? personGender.get(e.canonical) ?? null : null),
      subjectLike: !isAfterPreposition(text, e.start),
    }));
  const covered = (c: Candidate) => fromEntities.some((e) => e.start <= c.start && e.end >= c.end);
  const bodies = bareBodyCandidates(text).filter((c) => !covered(c));
  const all = [...fromEntities, ...roleCandidates(text, people), ...bodies, ...pronounCandidates(text)];
  const insideQuote = (c: Candidate) => quotes.some((q) => c.start > q.open && c.end <= q.close);
  return all.filter((c) => !insideQuote(c)).sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The candidate a noun phrase starting at `from` opens with (determiners allowed before it). */
export function candidateAt(candidates: readonly Candidate[], text: string, from: number, to: number): Candidate | null {
  for (const c of candidates) {
    if (c.start < from) continue;
    if (c.start >= to) break;
    const gap = text.slice(from, c.start);
    if (/^[\s\u00a0]*(?:(?:le|la|les|l[’']|un|une|son|sa|leur|même|cité\s+par)\s*)*$/iu.test(gap)) return c;
    return null;
  }
  return null;
}
