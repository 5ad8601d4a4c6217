import { findCountryMentions, type CountryMention } from '../lexicon/countries.ts';
import { LETTERS, LETTERS_AND_MARKS, previousCodePoint, SurfaceIndex, type SurfaceMatch } from '../lexicon/words.ts';

/**
 * People named in one article: full names, `M. X` / bare-surname mentions, spelling
 * variants of one name, and the roles the article gives them (`le président russe
 * Vladimir Poutine`), so that role phrases (`le chef de l'État russe`, `son homologue
 * bélarusse`) and surnames resolve to the fullest name the article gives.
 */

export type Gender = 'm' | 'f' | null;

export interface PersonNameMention {
  surface: string;
  start: number;
  end: number;
  /** The given name(s) when written (`Vladimir`), else null. */
  given: string | null;
  /** The family name (`Poutine`, `von der Leyen`). */
  surname: string;
  gender: Gender;
}

export type RoleClass =
  | 'leader' | 'head_of_government' | 'foreign_minister' | 'minister' | 'spokesperson' | 'ambassador'
  | 'counterpart' | 'opponent' | 'official' | 'other';

export interface Role {
  /** The role noun as written, lower case (`président`, `chef de l’état`). */
  noun: string;
  cls: RoleClass;
  /** Country (ISO alpha-3) the role is tied to (`russe`, `du Kremlin`), or null. */
  country: string | null;
}

export interface Person {
  canonical: string;
  surname: string;
  gender: Gender;
  roles: Role[];
  mentions: PersonNameMention[];
}

export interface PeopleIndex {
  persons: Person[];
  /** The person a name mention belongs to. */
  personOfMention(mention: PersonNameMention): Person | undefined;
  /** Every name mention in text order, with its person. */
  mentions: Array<{ mention: PersonNameMention; person: Person }>;
}

// Given names common in international and French news (French, Slavic, Anglo-Saxon,
// Germanic, Arabic, Asian), with a grammatical gender for pronoun agreement.
const MALE_GIVEN_NAMES = `Alexandre Aleksandr Alexander Alexandr Alexeï Alexei Alexey Alexis Alain Albert Ali Abdel Abdallah Abdelaziz Abdelmadjid Abdelfattah Ahmed Akhmad Alberto Amadou Anatoli Anatoly Andreï Andrei Andrey André Andrzej Angelo Antoine Anthony Antony Antonio Anton Arnaud Arseni Arseniy Ashraf Ayman Bachar Bashar Barack Benjamin Benoît Bernard Bill Boris Boualem Bruno Carlos Cédric Charles Christian Christophe Claude Clément Cyril Daniel Darius David Denis Denys Didier Dmitri Dmitry Dmytro Donald Édouard Edouard Eduard Emmanuel Éric Eric Evgueni Evgeni Evgeny Fabien Fabrice Félix Fernando Filip François Frank Franck Frédéric Friedrich Gabriel Gennadi Georges George Gérald Gérard Gerhard Giorgia Giuseppe Guennadi Guillaume Gustavo Hassan Heiko Helmut Henri Hervé Hugo Hussein Ibrahim Igor Ihor Ilham Ivan Jacques Jair James Jan Janusz Jaroslaw Javier Jean Jean-Claude Jean-Luc Jean-Marie Jean-Michel Jean-Pierre Jean-Yves Jeremy Jérôme Jim Joachim Joe John Jordan Josep Joseph Juan Julien Justin Kamala Karim Kassym-Jomart Keir Kim Kirill Konstantin Lech Léon Leonid Liz Louis Luc Lucas Luis Luiz Lula Macky Mahmoud Manuel Marc Marco Mario Mark Martin Mateusz Matteo Mathieu Matthieu Maxime Michel Michael Mikhaïl Mikhail Mike Mohammed Mohamed Mohammad Muhammad Narendra Nasser Nicolas Nikita Nikol Nikolaï Nikolai Noël Olaf Oleg Oleksandr Oleksiy Olivier Omar Pascal Patrick Paul Pavel Pedro Petro Petr Philippe Pierre Piotr Rachid Ramzan Raphaël Recep Rémi Richard Rishi Robert Roman Roberto Rodrigo Roland Ruslan Said Saïd Salman Sébastien Serge Sergueï Sergei Sergey Serhiy Sigmar Stéphane Stefan Steffen Sviatoslav Tayyip Thierry Thomas Tony Valentin Valéry Valery Valeri Vadim Viktor Victor Vincent Vitali Vitaly Vladimir Vladislav Volodymyr Vyacheslav Viatcheslav Walter Xavier Xi Yann Yannick Yevgeny Yves Youri Yuri Ned Joe Kevin Sergueï Iouri Viktor Jens Antony Lloyd Marco Emmanuel`;
const FEMALE_GIVEN_NAMES = `Agnès Alexandra Alla Angela Anna Anne Annalena Annie Antonella Catherine Cécile Christine Claire Clara Dilma Dominique Elena Élisabeth Elisabeth Élise Elizabeth Élodie Elvira Emmanuelle Florence Françoise Giorgia Hélène Hillary Ingrid Irina Isabelle Jacinda Jeanne Julia Julie Kaja Kamala Karine Kristalina Laura Liz Ludmila Lioudmila Maria Marie Marina Marine Marta Martine Maïa Maia Mette Michelle Natalia Natalya Nathalie Olena Olga Roberta Ségolène Sanna Sophie Svetlana Sviatlana Tatiana Theresa Ursula Valentina Valérie Véronique Viktoria Victoria Yulia Ioulia`;

const GIVEN_NAME_GENDER = new Map<string, Gender>();
for (const name of MALE_GIVEN_NAMES.split(/\s+/)) GIVEN_NAME_GENDER.set(name, 'm');
for (const name of FEMALE_GIVEN_NAMES.split(/\s+/)) GIVEN_NAME_GENDER.set(name, GIVEN_NAME_GENDER.has(name) ? null : 'f');

// Role nouns, longest first; each maps to a role class. Feminine forms included.
const ROLE_NOUNS: Array<[string, RoleClass]> = [
  ['chef de l’état', 'leader'], ['chef d’état', 'leader'], ['chef de l’etat', 'leader'], ['chef d’etat', 'leader'], ['chef du gouvernement', 'head_of_government'],
  ['cheffe du gouvernement', 'head_of_government'], ['chef de la diplomatie', 'foreign_minister'],
  ['cheffe de la diplomatie', 'foreign_minister'], ['chef de l’opposition', 'opponent'],
  ['ministre des affaires étrangères', 'foreign_minister'], ['premier ministre', 'head_of_government'],
  ['première ministre', 'head_of_government'], ['secrétaire d’état', 'minister'], ['secrétaire d’etat', 'minister'], ['secrétaire général', 'official'],
  ['secrétaire générale', 'official'], ['haut représentant', 'official'], ['haute représentante', 'official'],
  ['homme fort', 'leader'], ['numéro un', 'leader'], ['vice-président', 'official'], ['vice-présidente', 'official'],
  ['président', 'leader'], ['présidente', 'leader'], ['dirigeant', 'leader'], ['dirigeante', 'leader'],
  ['leader', 'leader'], ['dictateur', 'leader'], ['autocrate', 'leader'], ['régime', 'leader'], ['maître', 'leader'],
  ['locataire', 'leader'], ['hôte', 'leader'], ['patron', 'leader'], ['patronne', 'leader'], ['roi', 'leader'],
  ['reine', 'leader'], ['émir', 'leader'], ['monarque', 'leader'], ['chancelier', 'head_of_government'],
  ['chancelière', 'head_of_government'], ['ministre', 'minister'], ['porte-parole', 'spokesperson'],
  ['ambassadeur', 'ambassador'], ['ambassadrice', 'ambassador'], ['diplomate', 'official'], ['homologue', 'counterpart'],
  ['opposant', 'opponent'], ['opposante', 'opponent'], ['rivale', 'opponent'], ['rival', 'opponent'],
  ['chef', 'leader'], ['cheffe', 'leader'], ['commissaire', 'official'], ['négociateur', 'official'],
  ['négociatrice', 'official'], ['conseiller', 'official'], ['conseillère', 'official'], ['gouverneur', 'official'],
  ['maire', 'official'], ['député', 'official'], ['députée', 'official'], ['sénateur', 'official'],
  ['sénatrice', 'official'], ['général', 'official'], ['commandant', 'official'], ['candidat', 'other'],
  ['candidate', 'other'], ['militant', 'other'], ['militante', 'other'], ['banquier', 'other'], ['avocat', 'other'],
  ['avocate', 'other'], ['journaliste', 'other'], ['expert', 'other'], ['experte', 'other'], ['analyste', 'other'],
  ['pape', 'leader'], ['prince', 'leader'], ['princesse', 'leader'], ['responsable', 'official'],
];
const FEMININE_ROLE_NOUNS = new Set(['présidente', 'dirigeante', 'patronne', 'reine', 'chancelière', 'ambassadrice', 'opposante', 'rivale', 'cheffe', 'négociatrice', 'conseillère', 'députée', 'sénatrice', 'candidate', 'militante', 'avocate', 'experte', 'princesse', 'première ministre', 'secrétaire générale', 'haute représentante', 'vice-présidente', 'cheffe du gouvernement', 'cheffe de la diplomatie']);

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A lookahead for the first two characters of `words`: put first in a regex that starts
 * with an alternation of words, it lets the regex skip at once the positions none can start at.
 */
export function startingWithOneOf(words: Iterable<string>): string {
  return `(?=${[...new Set([...words].map((w) => escapeRegExp(w.slice(0, 2))))].join('|')})`;
}

const apostrophes = (s: string): string => escapeRegExp(s).replace(/’/g, '[’\']');
export const ROLE_NOUN_PATTERN = ROLE_NOUNS.map(([noun]) => noun)
  .sort((a, b) => b.length - a.length)
  .map(apostrophes)
  .join('|');
const ROLE_NOUN_CLASS = new Map(ROLE_NOUNS);

const NAME_TOKEN = String.raw`\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)?`;
const SURNAME_PARTICLE = String.raw`(?:(?:de|du|des|von|van|der|den|ben|bin|ibn|el|al|da|di|dos)\s+|(?:al|el)-|d[’'])`;
const SURNAME = String.raw`(?:${SURNAME_PARTICLE}){0,2}(?:Mac|Mc)?${NAME_TOKEN}`;
/** A run of capitalized words, possibly joined by name particles (`Charles de Gaulle`). */
const NAME_RUN_RE = new RegExp(String.raw`(?=\p{Lu})(?<![\p{L}\p{M}\-])${NAME_TOKEN}(?:\s+(?:${SURNAME_PARTICLE}){0,2}${NAME_TOKEN})*(?![\p{L}\p{M}])`, 'gu');
const TITLED_NAME_RE = new RegExp(String.raw`(?<![\p{L}\p{M}])(M\.|Mme|Mlle|Dr|Pr)\s+((?:${NAME_TOKEN}\s+)?)(${SURNAME})(?![\p{L}\p{M}])`, 'gu');

/** Capitalized words that begin sentences or name things, never a given name. */
const NOT_NAME_WORDS = new Set(['Le', 'La', 'Les', 'Un', 'Une', 'Des', 'Ce', 'Cette', 'Ces', 'Son', 'Sa', 'Ses', 'Leur', 'Il', 'Elle', 'Ils', 'Elles', 'Nous', 'Vous', 'Selon', 'Pour', 'Dans', 'Après', 'Avant', 'Mais', 'Et', 'En', 'Au', 'Aux', 'Du', 'De', 'Lors', 'Depuis', 'Union', 'Palais', 'Maison', 'Empire', 'Conseil', 'Commission', 'Parlement', 'Président', 'Premier', 'Première', 'Saint', 'Sainte', 'Mont', 'République', 'Fédération', 'Etat', 'État', 'Etats', 'États', 'Nations', 'Cour', 'Place', 'Rue', 'Avenue', 'Gare', 'Aéroport', 'Spoutnik', 'Sputnik', 'Covid', 'Défense', 'Affaires', 'Intérieur', 'Justice', 'Économie', 'Santé', 'Culture', 'Éducation', 'Finances', 'Armées', 'Transports', 'Travail', 'Agriculture', 'Environnement', 'Énergie', 'Étrangères', 'Nord', 'Sud', 'Est', 'Ouest', 'Centre', 'Assemblée', 'Sénat', 'Congrès', 'Kremlin', 'Élysée', 'Parti', 'Front', 'Mouvement', 'Alliance', 'Janvier', 'Février', 'Mars', 'Avril', 'Mai', 'Juin', 'Juillet', 'Août', 'Septembre', 'Octobre', 'Novembre', 'Décembre', 'Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche']);

/** Capitalized name particles that open a surname (`Le Pen`, `De Wever`, `Van Rompuy`). */
const CAPITALIZED_PARTICLES = new Set(['Le', 'La', 'De', 'Du', 'Van', 'Von', 'Da', 'Di', 'Del', 'Ben', 'Al', 'El']);

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Keys of recently seen surnames: an article repeats the same few names. */
const SURNAME_KEYS = new Map<string, string>();
const SURNAME_KEYS_LIMIT = 50_000;

/** Key that groups spellings of one family name (`Loukachenko`, `LOUKACHENKO`). */
export function surnameKey(surname: string): string {
  let key = SURNAME_KEYS.get(surname);
  if (key === undefined) {
    key = fold(surname).replace(/[’']/g, '').split(/[\s-]+/).pop() ?? '';
    if (SURNAME_KEYS.size >= SURNAME_KEYS_LIMIT) SURNAME_KEYS.clear();
    SURNAME_KEYS.set(surname, key);
  }
  return key;
}

function givenNameGender(given: string | null): Gender {
  if (!given) return null;
  const first = given.split(/\s+/)[0];
  return GIVEN_NAME_GENDER.get(first) ?? GIVEN_NAME_GENDER.get(first.split('-')[0]) ?? null;
}

const isGivenName = (token: string): boolean => GIVEN_NAME_GENDER.has(token) || GIVEN_NAME_GENDER.has(token.split('-')[0]);

/** Role noun immediately before a name: `le président russe Vladimir Poutine`, `L'ambassadeur de Russie à Minsk, X`. */
const ROLE_BEFORE_NAME_RE = new RegExp(
  String.raw`(?:^|[\s(’'])(${ROLE_NOUN_PATTERN})((?:[\s\u00a0]+(?:d[’']|de\s+l[’']|de\s+la\s+|du\s+|des\s+|de\s+|à\s+|au\s+)?[\p{L}\p{M}’'\-]+){0,5}?)[\s\u00a0]*,?[\s\u00a0]*(?:d[’'])?$`,
  'iu',
);
const ROLE_RIGHT_BEFORE_RE = new RegExp(String.raw`(?:^|\s)(?:le|la|l[’']|du|au|son|sa)\s*(?:${ROLE_NOUN_PATTERN})\s+$`, 'iu');
const ROLE_AFTER_NAME_RE = new RegExp(
  String.raw`^\s*,\s*(?:le\s+|la\s+|l[’']|son\s+|sa\s+|un\s+|une\s+|ancien\s+|ancienne\s+)*(${ROLE_NOUN_PATTERN})((?:\s+[^,.;:!?()\n]{1,60})?)(?=[,.;:!?)]|$)`,
  'iu',
);

const PREPOSITION_BEFORE_ROLE_RE = /(?:^|\s)(?:avec|à|pour|par|contre|entre|chez|selon|sur|après|devant|de|auprès\s+de)\s+(?:son|sa|ses|le|la|l[’']|les|leur|leurs|un|une)?\s*$/iu;

/** Country mentions of short phrases (name words, role complements), which recur across articles. */
const PHRASE_COUNTRY_MENTIONS = new Map<string, readonly CountryMention[]>();
const PHRASE_COUNTRY_MENTIONS_LIMIT = 50_000;

/** `findCountryMentions` of a short phrase, remembered. */
export function phraseCountryMentions(phrase: string): readonly CountryMention[] {
  let mentions = PHRASE_COUNTRY_MENTIONS.get(phrase);
  if (!mentions) {
    mentions = findCountryMentions(phrase);
    if (PHRASE_COUNTRY_MENTIONS.size >= PHRASE_COUNTRY_MENTIONS_LIMIT) PHRASE_COUNTRY_MENTIONS.clear();
    PHRASE_COUNTRY_MENTIONS.set(phrase, mentions);
  }
  return mentions;
}

function countryOf(phrase: string): string | null {
  return phraseCountryMentions(phrase).find((m) => m.code !== 'WEST' && m.code !== 'EU')?.code ?? null;
}

const ROLE_PHRASE_RE = new RegExp(String.raw`(?:^|[\s’'])(${ROLE_NOUN_PATTERN})(?![\p{L}\p{M}])(.*)$`, 'iu');

/** Parses a role phrase (`le chef de l'État russe`, `son homologue bélarusse`) into a role. */
export function parseRolePhrase(phrase: string): Role | null {
  const match = ROLE_PHRASE_RE.exec(phrase);
  if (!match) return null;
  const noun = match[1].toLowerCase().replace(/'/g, '’');
  return { noun, cls: ROLE_NOUN_CLASS.get(noun) ?? 'other', country: countryOf(match[2]) };
}

function roleGender(noun: string, determiner: string): Gender {
  if (FEMININE_ROLE_NOUNS.has(noun)) return 'f';
  if (/^(?:la|une)$/i.test(determiner)) return 'f';
  return null;
}

interface RunToken {
  word: string;
  start: number;
  end: number;
  /** Particles written before this word inside the run (`de `, `von der `). */
  particle: string;
}

const RUN_TOKEN_RE = new RegExp(String.raw`((?:${SURNAME_PARTICLE}){0,2})(${NAME_TOKEN})`, 'gu');

function runTokens(run: string, offset: number): RunToken[] {
  // a run without spaces is a single name token
  if (!/\s/u.test(run)) return [{ word: run, start: offset, end: offset + run.length, particle: '' }];
  const tokens: RunToken[] = [];
  for (const m of run.matchAll(RUN_TOKEN_RE)) {
    tokens.push({ word: m[2], start: offset + m.index, end: offset + m.index + m[0].length, particle: m[1] });
  }
  return tokens;
}

/** Every person-name mention in the text (full names and titled names). */
export function findPersonNames(text: string): PersonNameMention[] {
  const found: PersonNameMention[] = [];
  for (const m of text.matchAll(TITLED_NAME_RE)) {
    const given = m[2].trim() || null;
    const start = m.index;
    const gender: Gender = m[1] === 'M.' ? 'm' : m[1] === 'Dr' || m[1] === 'Pr' ? givenNameGender(given) : 'f';
    found.push({ surface: m[0], start, end: start + m[0].length, given, surname: m[3], gender });
  }
  for (const m of text.matchAll(NAME_RUN_RE)) {
    let tokens = runTokens(m[0], m.index);
    // a particle before a country or capital closes the name: `Vladimir Poutine de Russie`
    const placeAt = tokens.findIndex((t, k) => k > 0 && t.particle && countryOf(t.word));
    if (placeAt > 0) tokens = tokens.slice(0, placeAt);
    // `le président Biden`, `le chancelier Scholz`: a single name right after a role noun
    if (tokens.length === 1 && !NOT_NAME_WORDS.has(tokens[0].word) && !countryOf(tokens[0].word) && !isGivenName(tokens[0].word)
      && ROLE_RIGHT_BEFORE_RE.test(text.slice(Math.max(0, tokens[0].start - 40), tokens[0].start))) {
      found.push({ surface: tokens[0].word, start: tokens[0].start, end: tokens[0].end, given: null, surname: tokens[0].word, gender: null });
      continue;
    }
    let first = tokens.findIndex((t) => !t.particle && isGivenName(t.word) && !NOT_NAME_WORDS.has(t.word));
    if (first < 0 && tokens.length >= 2 && !NOT_NAME_WORDS.has(tokens[0].word)
      && ROLE_BEFORE_NAME_RE.test(text.slice(Math.max(0, tokens[0].start - 80), tokens[0].start))) first = 0;
    if (first < 0) continue;
    let lastGiven = first;
    while (lastGiven + 2 < tokens.length && !tokens[lastGiven + 1].particle && isGivenName(tokens[lastGiven + 1].word)) lastGiven++;
    const surnameTokens = tokens.slice(lastGiven + 1, lastGiven + 3);
    // `Marine Le Pen`, `Bart De Wever`: a capitalized particle may open a surname
    if (!surnameTokens.length || surnameTokens.some((t, n) => NOT_NAME_WORDS.has(t.word) && !(CAPITALIZED_PARTICLES.has(t.word) && n < surnameTokens.length - 1))) continue;
    if (countryOf(surnameTokens[0].word)) continue;
    const start = tokens[first].start;
    const end = surnameTokens[surnameTokens.length - 1].end;
    const givenEnd = tokens[lastGiven].end;
    const given = text.slice(start, givenEnd);
    found.push({ surface: text.slice(start, end), start, end, given, surname: text.slice(surnameTokens[0].start, end).replace(/\s+/g, ' '), gender: givenNameGender(given) });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  // a titled name and a full name over the same words: keep the longer
  const kept: PersonNameMention[] = [];
  for (const mention of found) {
    const last = kept[kept.length - 1];
    if (last && mention.start < last.end) {
      if (mention.end - mention.start > last.end - last.start) kept[kept.length - 1] = mention;
      continue;
    }
    kept.push(mention);
  }
  return kept;
}

interface KnownName {
  form: string;
  given: string | null;
  surname: string;
}

/** Later mentions of already known names: `Ned Price` again, bare `Poutine`, `le régime Loukachenko`. */
function findKnownNameMentions(text: string, known: KnownName[], taken: PersonNameMention[]): PersonNameMention[] {
  if (!known.length) return [];
  const byForm = new Map(known.map((k) => [k.form, k]));
  const out: PersonNameMention[] = [];
  // `taken` is in text order without overlaps, like the matches: the last taken mention
  // starting before a match's end is the only one that can overlap it
  let last = -1;
  for (const m of nameFormMatches(text, [...byForm.keys()])) {
    const start = m.index;
    const end = start + m.surface.length;
    while (last + 1 < taken.length && taken[last + 1].start < end) last++;
    if (last >= 0 && taken[last].end > start) continue;
    const name = byForm.get(m.surface)!;
    out.push({ surface: m.surface, start, end, given: name.given, surname: name.surname, gender: name.given ? givenNameGender(name.given) : null });
  }
  return out;
}

/**
 * What `(?<![\p{L}\p{M}-])(?:longest|…|shortest)(?![\p{L}\p{M}])` finds of the forms, left to right;
 * through a word index (no regex compiled per article) when every form starts with a letter.
 */
export function nameFormMatches(text: string, forms: string[]): SurfaceMatch[] {
  if (!forms.every((form) => LETTERS.at(form, 0))) {
    const re = new RegExp(String.raw`(?<![\p{L}\p{M}\-])(?:${forms.sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![\p{L}\p{M}])`, 'gu');
    return [...text.matchAll(re)].map((m) => ({ index: m.index, surface: m[0] }));
  }
  const isLetterOrMark = (offset: number): boolean => LETTERS_AND_MARKS.at(text, offset);
  const startsAt = (start: number): boolean => start === 0 || !(text.charCodeAt(start - 1) === 0x2d || isLetterOrMark(previousCodePoint(text, start)));
  return new SurfaceIndex(forms, { chars: LETTERS }).matches(text, (end) => !isLetterOrMark(end), startsAt);
}

function rolesAround(text: string, mention: PersonNameMention): Array<Role & { gender: Gender }> {
  const roles: Array<Role & { gender: Gender }> = [];
  const windowStart = Math.max(0, mention.start - 90);
  let before = text.slice(windowStart, mention.start);
  const cut = Math.max(before.lastIndexOf('.'), before.lastIndexOf('\n'), before.lastIndexOf(';'), before.lastIndexOf(':'));
  if (cut >= 0) before = before.slice(cut + 1);
  const pre = ROLE_BEFORE_NAME_RE.exec(before);
  // the words between the role and the name may not hold another name or a verb-like clause
  const beforeRole = pre ? before.slice(0, before.length - pre[0].length) : '';
  // `avec son homologue bélarusse à Minsk, Vladimir Poutine`: the role is a complement, not an apposition
  const roleIsComplement = pre !== null && /,\s*$/u.test(pre[0]) && PREPOSITION_BEFORE_ROLE_RE.test(beforeRole + ' ');
  if (pre && !roleIsComplement && !/\p{Lu}[\p{Ll}]+\s+\p{Lu}[\p{Ll}]+\s+et\s/u.test(pre[2]) && !/\bet\s*$/u.test(pre[2])) {
    const noun = pre[1].toLowerCase().replace(/'/g, '’');
    const determiner = beforeRole.trim().split(/\s+/).pop() ?? '';
    roles.push({ noun, cls: ROLE_NOUN_CLASS.get(noun) ?? 'other', country: countryOf(pre[2]), gender: roleGender(noun, determiner.replace(/^.*[’']$/, 'l')) });
  }
  const post = ROLE_AFTER_NAME_RE.exec(text.slice(mention.end, mention.end + 120));
  if (post) {
    const noun = post[1].toLowerCase().replace(/'/g, '’');
    roles.push({ noun, cls: ROLE_NOUN_CLASS.get(noun) ?? 'other', country: countryOf(post[2]), gender: roleGender(noun, '') });
  }
  return roles;
}

const firstInitial = (given: string | null): string => (given ? fold(given)[0] : '');

/** The people index of the last article indexed: quotes and entities index the same article back to back. */
let lastIndexed: { text: string; index: PeopleIndex } | null = null;

/** Builds the people index of one article (an index is not modified once built). */
export function indexPeople(text: string): PeopleIndex {
  if (lastIndexed?.text !== text) lastIndexed = { text, index: buildPeopleIndex(text) };
  return lastIndexed.index;
}

/** Adds `value` to the list of `key`. */
function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function buildPeopleIndex(text: string): PeopleIndex {
  const named = findPersonNames(text);
  // people = full names grouped by surname key and given-name initial (Alexandre/Aleksandr/Alexander)
  const groups = new Map<string, PersonNameMention[]>();
  const groupedSurnames = new Set<string>();
  for (const mention of named.filter((m) => m.given)) {
    addTo(groups, `${surnameKey(mention.surname)}|${firstInitial(mention.given)}`, mention);
    groupedSurnames.add(surnameKey(mention.surname));
  }
  // family names written first (`Wang Yi`): a given-name slot that holds no known given name
  const familyNamesFirst = new Set(named.filter((m) => m.given && !isGivenName(m.given)).map((m) => surnameKey(m.given!)));
  for (const mention of named.filter((m) => !m.given)) {
    const sKey = surnameKey(mention.surname);
    if (groupedSurnames.has(sKey) || familyNamesFirst.has(sKey)) continue;
    addTo(groups, `${sKey}|`, mention);
    groupedSurnames.add(sKey);
  }
  const persons: Person[] = [];
  const personByKey = new Map<string, Person>();
  const personsBySurname = new Map<string, Person[]>();
  for (const [key, mentions] of groups) {
    const counts = new Map<string, number>();
    for (const m of mentions) {
      const form = m.given ? `${m.given} ${m.surname}`.replace(/\s+/g, ' ') : m.surname;
      counts.set(form, (counts.get(form) ?? 0) + 1);
    }
    const canonical = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const person: Person = { canonical, surname: mentions[0].surname, gender: null, roles: [], mentions: [] };
    persons.push(person);
    personByKey.set(key, person);
    addTo(personsBySurname, surnameKey(person.surname), person);
  }
  const known: KnownName[] = named.flatMap((m) => [
    { form: m.surname, given: null, surname: m.surname },
    ...(m.given ? [{ form: `${m.given} ${m.surname}`, given: m.given, surname: m.surname }] : []),
  ]);
  const all = [...named, ...findKnownNameMentions(text, known, named)].sort((a, b) => a.start - b.start);

  const assignment = new Map<PersonNameMention, Person>();
  const lastSeen = new Map<Person, number>();
  // persons by the family name written first in one of their mentions so far (`Wang Yi`, then `M. Wang`)
  const personsByFamilyNameFirst = new Map<string, Set<Person>>();
  for (const mention of all) {
    const sKey = surnameKey(mention.surname);
    const exact = mention.given ? personByKey.get(`${sKey}|${firstInitial(mention.given)}`) : undefined;
    let candidates = personsBySurname.get(sKey) ?? [];
    if (!candidates.length && !mention.given) {
      const familyNameFirst = personsByFamilyNameFirst.get(sKey);
      candidates = familyNameFirst ? persons.filter((p) => familyNameFirst.has(p)) : [];
    }
    // the candidate seen last (the first in index order among equals)
    let person = exact;
    if (!person) {
      for (const candidate of candidates) {
        if (!person || (lastSeen.get(candidate) ?? -1) > (lastSeen.get(person) ?? -1)) person = candidate;
      }
    }
    if (!person) continue;
    assignment.set(mention, person);
    person.mentions.push(mention);
    lastSeen.set(person, mention.start);
    if (mention.given && !isGivenName(mention.given)) {
      const familyKey = surnameKey(mention.given);
      const set = personsByFamilyNameFirst.get(familyKey);
      if (set) set.add(person);
      else personsByFamilyNameFirst.set(familyKey, new Set([person]));
    }
  }
  for (const person of persons) {
    const genders = new Set<Gender>();
    for (const mention of person.mentions) {
      if (mention.gender) genders.add(mention.gender);
      for (const role of rolesAround(text, mention)) {
        person.roles.push({ noun: role.noun, cls: role.cls, country: role.country });
        if (role.gender) genders.add(role.gender);
      }
    }
    person.gender = genders.size === 1 ? [...genders][0] : genders.has('m') ? 'm' : null;
  }
  return {
    persons: persons.filter((p) => p.mentions.length),
    personOfMention: (mention) => assignment.get(mention),
    mentions: all.filter((m) => assignment.has(m)).map((mention) => ({ mention, person: assignment.get(mention)! })),
  };
}

/** Country a person is tied to by the roles the article gives them. */
export function personCountry(person: Person): string | null {
  return person.roles.find((r) => r.country)?.country ?? null;
}

interface RoleSummary {
  country: string | null;
  classes: Set<RoleClass>;
  nouns: Set<string>;
}

/** What resolving a role needs of a person, computed once per person of a built index. */
const ROLE_SUMMARIES = new WeakMap<Person, RoleSummary>();

function roleSummary(person: Person): RoleSummary {
  let summary = ROLE_SUMMARIES.get(person);
  if (!summary) {
    summary = { country: personCountry(person), classes: new Set(person.roles.map((r) => r.cls)), nouns: new Set(person.roles.map((r) => r.noun)) };
    ROLE_SUMMARIES.set(person, summary);
  }
  return summary;
}

/** Offset of the person's last mention before `at`, or -1 (mentions are in text order). */
function lastMentionBefore(person: Person, at: number): number {
  let low = 0;
  let high = person.mentions.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (person.mentions[mid].start < at) low = mid + 1;
    else high = mid;
  }
  return low > 0 ? person.mentions[low - 1].start : -1;
}

/**
 * The person a role phrase refers to (`le chef de l'État russe`, `l'ambassadeur`), by role
 * class and country, preferring the person mentioned last before `at`; null when the
 * article gives no such person or several equally plausible ones.
 */
export function resolveRole(index: PeopleIndex, role: Role, at: number): Person | null {
  // a person of the role's country first, then the one mentioned last before `at`, then the first indexed
  let best: Person | null = null;
  let bestCountryMatch = 0;
  let bestLastMention = 0;
  for (const person of index.persons) {
    const { country, classes, nouns } = roleSummary(person);
    if (!isCompatible(role, country, classes, nouns)) continue;
    const countryMatch = role.country && country === role.country ? 1 : 0;
    const lastMention = lastMentionBefore(person, at);
    if (!best || countryMatch > bestCountryMatch || (countryMatch === bestCountryMatch && lastMention > bestLastMention)) {
      best = person;
      bestCountryMatch = countryMatch;
      bestLastMention = lastMention;
    }
  }
  return best;
}

function isCompatible(role: Role, country: string | null, classes: Set<RoleClass>, nouns: Set<string>): boolean {
  if (role.country && country && role.country !== country) return false;
  const sameNoun = nouns.has(role.noun);
  // a role tied to a country only weakly fits a person whose country the article does not give
  if (role.country && !country) return sameNoun || (role.cls === 'leader' && classes.has('leader'));
  if (role.cls === 'counterpart') return true;
  if (role.country && classes.has('counterpart')) return role.cls === 'leader' || classes.has(role.cls);
  return classes.has(role.cls) || sameNoun;
}
