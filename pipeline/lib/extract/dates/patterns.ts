// Lexicons and pattern families of French (and embedded English) calendar expressions. Every
// regex is compiled once at module load; the scanner runs one union regex over the text and
// re-reads each hit with its family's sticky regex to get the parts.

export const MONTHS_FR: ReadonlyMap<string, number> = new Map([
  ['janvier', 1], ['janv', 1], ['février', 2], ['fevrier', 2], ['févr', 2], ['fevr', 2], ['fév', 2], ['mars', 3], ['avril', 4], ['avr', 4],
  ['mai', 5], ['juin', 6], ['juillet', 7], ['juil', 7], ['août', 8], ['aout', 8], ['septembre', 9], ['sept', 9], ['octobre', 10],
  ['oct', 10], ['novembre', 11], ['nov', 11], ['décembre', 12], ['decembre', 12], ['déc', 12], ['dec', 12],
]);
export const MONTHS_EN: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3], ['april', 4], ['apr', 4], ['may', 5], ['june', 6],
  ['jun', 6], ['july', 7], ['jul', 7], ['august', 8], ['aug', 8], ['september', 9], ['sept', 9], ['sep', 9], ['october', 10], ['oct', 10],
  ['november', 11], ['nov', 11], ['december', 12], ['dec', 12],
]);
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['lundi', 0], ['mardi', 1], ['mercredi', 2], ['jeudi', 3], ['vendredi', 4], ['samedi', 5], ['dimanche', 6],
]);
export const SEASONS: ReadonlyMap<string, 'SP' | 'SU' | 'FA' | 'WI'> = new Map([
  ['printemps', 'SP'], ['été', 'SU'], ['ete', 'SU'], ['automne', 'FA'], ['hiver', 'WI'],
]);

const SP = '[ \\t\\u00a0\\u202f]+';
const SPO = '[ \\t\\u00a0\\u202f]*';
const AP = "['’]";
const B = '(?<![\\p{L}\\p{N}_])';
const E = '(?![\\p{L}\\p{N}_])';
const MONTH = '(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre|janv\\.|f[ée]vr?\\.|avr\\.|juil\\.|sept\\.|oct\\.|nov\\.|d[ée]c\\.)';
const MONTH_EN = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';
const WEEKDAY = '(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)';
const DAY = '(?:1er|1ᵉʳ|[12]\\d|3[01]|0?[1-9])';
const YEAR = '(?:1\\d{3}|20\\d{2})';
const SEASON = '(?:printemps|[ée]t[ée]|automne|hiver)';
const NUMBER_WORD = '(?:\\d{1,3}|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|quarante|cinquante|soixante|cent)';
const AFTER = `(?:derni[èe]re?s?|prochaine?s?|pass[ée]e?s?)`;
const ORDINAL = '(?:premi[èe]re|deuxi[èe]me|seconde|troisi[èe]me|quatri[èe]me|derni[èe]re)';

export type Family =
  | 'night'
  | 'nightDates'
  | 'ordinalWeek'
  | 'weekdayDate'
  | 'weekdayDay'
  | 'rangeFirstDay'
  | 'dayMonth'
  | 'numericDate'
  | 'isoDate'
  | 'englishDate'
  | 'englishDayFirst'
  | 'modifiedMonth'
  | 'modifiedYear'
  | 'monthYear'
  | 'season'
  | 'decade'
  | 'century'
  | 'relative'
  | 'agoOffset'
  | 'inOffset'
  | 'weekday'
  | 'month'
  | 'year';

// Order matters: at one start position the first family that matches wins, so longer forms come first.
const FAMILY_SOURCES: Array<[Family, string]> = [
  ['night', `(?:dans${SP})?la${SP}nuit${SP}(?:de|du)${SP}(${WEEKDAY})(?:${SP}(?:au|à)${SP}(${WEEKDAY}))?`],
  // "dans la nuit du 6 au 7 octobre": one night, named by its first day
  ['nightDates', `(?:dans${SP})?la${SP}nuit${SP}du${SP}(${DAY})(?:${SP}(${MONTH}))?${SP}au${SP}(${DAY})${SP}(${MONTH})(?:${SP}(${YEAR}))?`],
  // "la première semaine de juin", "la première semaine de contestation" (anchored to the story's last date)
  ['ordinalWeek', `la${SP}(${ORDINAL})${SP}(semaine|quinzaine)${SP}(?:(?:de|d${AP})${SPO}(${MONTH})(?:${SP}(${YEAR}))?|(?:de|du|des|d${AP})(?:${SP}la${SP}|${SP}l${AP}|${SP}|(?<=${AP}))(?!(?:la|le|les|l|ce|cette|son|sa|ses|leur|leurs)${E})(\\p{Ll}{4,}))`],
  ['weekdayDate', `(?:(ce|cette)${SP})?(${WEEKDAY})${SP}(${DAY})${SP}(${MONTH})(?:${SP}(${YEAR}))?(?:${SP}(${AFTER}))?`],
  ['weekdayDay', `(?:(ce)${SP})?(${WEEKDAY})${SP}(${DAY})(?!${SPO}(?:h${E}|heures?|:|\\d|%|[.,]\\d))`],
  ['rangeFirstDay', `(?<=${B}(?:du|les|le|entre|des)${SP})(${DAY})(?=${SPO}(?:et|au|à|-|–)${SPO}(?:${WEEKDAY}${SP})?${DAY}${SP}(${MONTH})(?:${SP}(${YEAR}))?${E})`],
  ['dayMonth', `(${DAY})(?:${SP}|-(?=\\p{Lu}))(${MONTH})(?:${SP}(${YEAR}))?(?:${SP}(${AFTER}))?`],
  ['numericDate', `(\\d{1,2})([/.])(\\d{1,2})([/.])(\\d{4}|\\d{2})`], // no backreference: group numbers shift inside the union
  ['isoDate', `(\\d{4})-(\\d{2})-(\\d{2})`],
  ['englishDate', `(${MONTH_EN})${SP}(\\d{1,2})(?:st|nd|rd|th)?,?${SP}(\\d{4})`],
  ['englishDayFirst', `(\\d{1,2})${SP}(${MONTH_EN})${SP}(\\d{4})`],
  ['modifiedMonth', `(d[ée]but|fin|mi-|mi${SP}|courant)${SPO}(${MONTH})(?:${SP}(${YEAR}))?`],
  ['modifiedYear', `(d[ée]but|fin|mi-|courant)${SPO}(${YEAR})`],
  ['monthYear', `(${MONTH})${SP}(${YEAR})`],
  ['season', `(l${AP}|cet${SP}|ce${SP})?(${SEASON})(?:${SP}(${YEAR})|${SP}(${AFTER}))?(?!${SP}(?:arabe|de${SP}Prague|des${SP}peuples|r[ée]publicain|social))`],
  ['decade', `(?:(les)${SP})?(?:ann[ée]es|d[ée]cennie)${SP}((?:1[0-9]|20)?\\d0)`],
  ['century', `([IVXLC]+|\\d{1,2})${SPO}(?:e|ème|eme|è|ᵉ)${SP}si[èe]cle`],
  [
    'relative',
    [
      `avant-hier`, `apr[èe]s-demain`, `aujourd${AP}hui`, `hier`, `demain`,
      `ce${SP}matin`, `ce${SP}soir`, `cet${SP}apr[èe]s-midi`, `cette${SP}nuit`, `la${SP}nuit${SP}derni[èe]re`,
      `cette${SP}semaine`, `la${SP}semaine${SP}${AFTER}`,
      `ce${SP}week-?end`, `le${SP}week-?end${SP}${AFTER}`,
      `ce${SP}mois-ci`, `le${SP}mois${SP}(?:${AFTER}|en${SP}cours)`, `ce${SP}mois(?!${SPO}(?:de|d${AP}))`,
      `cette${SP}ann[ée]e`, `l${AP}ann[ée]e${SP}(?:${AFTER}|en${SP}cours)`, `l${AP}an${SP}${AFTER}`,
      `(?:le${SP})?si[èe]cle${SP}dernier`,
      `l${AP}avant-veille`, `la${SP}veille`, `le${SP}surlendemain`, `le${SP}lendemain`,
      `(?:d[ée]but|fin|milieu)${SP}(?:de${SP}l${AP}ann[ée]e|d${AP}ann[ée]e|du${SP}mois|de${SP}mois|de${SP}(?:la${SP})?semaine)(?:${SP}${AFTER})?`,
    ].join('|'),
  ],
  ['agoOffset', `il${SP}y${SP}a${SP}(${NUMBER_WORD})${SP}(jours?|semaines?|mois|ans|années|an|année)`],
  ['inOffset', `dans${SP}(${NUMBER_WORD})${SP}(jours?|semaines?|mois|ans|années|an|année)`],
  ['weekday', `(?:(ce)${SP})?(${WEEKDAY})(?:${SP}(${AFTER}))?`],
  ['month', `(${MONTH})(?:${SP}(dernier|prochain))?`],
  ['year', `(${YEAR})`],
];

// Abbreviated months end with their period, after which a word boundary check would fail.
const endBoundary = (family: Family): string => (family === 'rangeFirstDay' ? '' : `(?:(?<=\\.)|${E})(?!-l[àa]${E})`);

type TriggerClass = 'digit' | 'article' | 'demonstrative' | 'ago' | 'deictic' | 'weekday' | 'month' | 'season' | 'modifier' | 'decade' | 'roman';

// The families a trigger word can open, so that each trigger tries only a few alternatives.
const CLASS_FAMILIES: Record<TriggerClass, Family[]> = {
  digit: ['rangeFirstDay', 'dayMonth', 'numericDate', 'isoDate', 'englishDayFirst', 'century', 'year'],
  article: ['night', 'nightDates', 'ordinalWeek', 'season', 'decade', 'relative', 'inOffset'],
  demonstrative: ['weekdayDate', 'weekdayDay', 'season', 'relative', 'weekday'],
  ago: ['agoOffset'],
  deictic: ['relative'],
  weekday: ['weekdayDate', 'weekdayDay', 'weekday'],
  month: ['englishDate', 'monthYear', 'month'],
  season: ['season'],
  modifier: ['modifiedMonth', 'modifiedYear', 'relative'],
  decade: ['decade'],
  roman: ['century'],
};

const ARTICLES = ['dans', 'la', 'le', 'les', 'l'];
const DEMONSTRATIVES = ['ce', 'cet', 'cette'];
const DEICTICS = ['hier', 'demain', 'aujourd', 'avant', 'après', 'apres', 'siècle', 'siecle'];
const MODIFIERS = ['début', 'debut', 'fin', 'mi', 'courant', 'milieu'];
const DECADE_WORDS = ['années', 'annees', 'décennie', 'decennie'];
const CLASS_OF_WORD: ReadonlyMap<string, TriggerClass> = new Map<string, TriggerClass>([
  ...[...MONTHS_FR.keys(), ...MONTHS_EN.keys()].map((w): [string, TriggerClass] => [w, 'month']),
  ...[...WEEKDAYS.keys()].map((w): [string, TriggerClass] => [w, 'weekday']),
  ...[...SEASONS.keys()].map((w): [string, TriggerClass] => [w, 'season']),
  ...ARTICLES.map((w): [string, TriggerClass] => [w, 'article']),
  ...DEMONSTRATIVES.map((w): [string, TriggerClass] => [w, 'demonstrative']),
  ...DEICTICS.map((w): [string, TriggerClass] => [w, 'deictic']),
  ['il', 'ago'],
  ...MODIFIERS.map((w): [string, TriggerClass] => [w, 'modifier']),
  ...DECADE_WORDS.map((w): [string, TriggerClass] => [w, 'decade']),
]);

export interface FamilyUnion {
  /** Sticky union of the class's families, longest forms first. */
  re: RegExp;
  /** For each family: the group holding its whole match, and how many groups of its own follow it. */
  members: Array<{ family: Family; group: number; groups: number }>;
}

const countGroups = (src: string): number => new RegExp(`${src}|`, 'iu').exec('')!.length - 1;

function buildUnion(families: Family[]): FamilyUnion {
  const members: FamilyUnion['members'] = [];
  let group = 1;
  const alternatives: string[] = [];
  for (const [family, src] of FAMILY_SOURCES) {
    if (!families.includes(family)) continue;
    const groups = countGroups(src);
    members.push({ family, group, groups });
    alternatives.push(`((?:${src})${endBoundary(family)})`);
    group += 1 + groups;
  }
  return { re: new RegExp(`${B}(?:${alternatives.join('|')})`, 'iuy'), members };
}

export const UNIONS: ReadonlyMap<TriggerClass, FamilyUnion> = new Map(
  (Object.keys(CLASS_FAMILIES) as TriggerClass[]).map((c) => [c, buildUnion(CLASS_FAMILIES[c])]),
);

/** The union to try at a trigger, from the trigger's text. */
export function unionFor(trigger: string): FamilyUnion | undefined {
  const c = trigger.charCodeAt(0);
  if (c >= 48 && c <= 57) return UNIONS.get('digit');
  const word = trigger.toLowerCase();
  const cls = CLASS_OF_WORD.get(word);
  if (cls) return UNIONS.get(cls);
  return /si$/.test(word) ? UNIONS.get('roman') : undefined;
}

// Where a union is worth trying: a digit, a word that opens an expression, or a Roman numeral before
// "siècle" (tried last: the `i` flag lets "Le si" pass for one). Built without the `u` flag (ASCII \b),
// which V8 runs several times faster; words that open with an accented letter get their own boundary
// check. The unions re-check real word boundaries.
const LETTER = '[\\w\\u00C0-\\u024F]';
const byLength = (words: string[]) => words.sort((a, b) => b.length - a.length).join('|');
const startWords = [...CLASS_OF_WORD.keys()];
const asciiStarts = byLength(startWords.filter((w) => /^[a-z]/.test(w)));
const otherStarts = byLength(startWords.filter((w) => !/^[a-z]/.test(w)));
export const TRIGGER_RE = new RegExp(
  `\\b(?:\\d|(?:${asciiStarts})(?!${LETTER})|[IVXLC]+(?:e|ème|eme|è)?[ \\u00a0]+si)|(?<!${LETTER})(?:${otherStarts})(?!${LETTER})`,
  'gi',
);

export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['un', 1], ['une', 1], ['deux', 2], ['trois', 3], ['quatre', 4], ['cinq', 5], ['six', 6], ['sept', 7], ['huit', 8], ['neuf', 9],
  ['dix', 10], ['onze', 11], ['douze', 12], ['quinze', 15], ['vingt', 20], ['trente', 30], ['quarante', 40], ['cinquante', 50],
  ['soixante', 60], ['cent', 100],
]);

// Words after a four-digit number that show it counts things rather than naming a year.
export const COUNTED_NOUNS = new Set([
  'personnes', 'soldats', 'hommes', 'femmes', 'enfants', 'habitants', 'morts', 'victimes', 'blessés', 'manifestants', 'policiers',
  'militaires', 'agents', 'voix', 'votes', 'signatures', 'postes', 'emplois', 'cas', 'doses', 'élèves', 'euros', 'dollars', 'roubles',
  'francs', 'livres', 'km', 'kilomètres', 'mètres', 'tonnes', 'litres', 'hectares', 'kg', 'kilos', 'heures', 'minutes', 'jours', 'mois',
  'ans', 'années', 'fois', 'pages', 'mots', 'exemplaires', 'unités', 'chars', 'avions', 'drones', 'missiles', 'obus', 'prisonniers',
  'détenus', 'réfugiés', 'migrants', 'salariés', 'employés', 'participants', 'délégués', 'députés', 'membres', 'entreprises',
  'articles', 'mégawatts', 'mw', 'kw', 'mds', 'milliards', 'millions', 'm', 'm²', 'm2', 'km2', 'km²', 'points', 'places', 'lits',
]);
// Function words ending in -s/-x that may follow a year ("en 2020 dans", "1994 puis").
export const FUNCTION_WORDS_S = new Set([
  'les', 'des', 'ses', 'mes', 'tes', 'nos', 'vos', 'leurs', 'dans', 'sous', 'sans', 'vers', 'plus', 'puis', 'alors', 'depuis', 'après',
  'pas', 'jamais', 'toujours', 'moins', 'lors', 'hors', 'très', 'nous', 'vous', 'ils', 'elles', 'ces', 'aux', 'tous', 'mais', 'dès',
  'avons', 'sommes', 'étions', 'avions', 'es', 'as', 'fus', 'fut', 'tandis', 'ailleurs', 'parfois', 'certes', 'jusqu', 'près', 'auprès',
  'ceux', 'deux', 'mieux', 'voix',
]);
// Words right before a number that make it a quantity ("plus de 2000", "quelque 1500").
export const QUANTITY_BEFORE_RE = /(?:plus|moins|près|autour|auprès|environ|quelque|quelques|au[ \u00a0]moins|pas[ \u00a0]moins|à[ \u00a0]peine|sur|des|les|ces|aux|nos|vos|leurs|ses|mes|n°|no|numéro|art\.?|article|résolution|décret|arrêté|ordonnance|vol|[€$£#])\s*(?:de\s+|d['’])?$/iu;
// Words right before a year that make it one whatever follows ("en 2020", "depuis 1994").
export const YEAR_CUE_BEFORE_RE = /(?:^|[^\p{L}])(?:en|depuis|dès|jusqu['’]en|d['’]ici|avant|après|vers|fin|début|mi-|l['’]an|année|printemps|été|automne|hiver|de|du|entre|et|à|pour|au|courant|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)[\s\u00a0\u202f]*$/iu;
