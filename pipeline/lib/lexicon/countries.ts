/**
 * Country lexicon for French news prose: names, demonyms, capitals used as
 * metonyms, institutions and blocs, all mapped to actor codes
 * (ISO 3166-1 alpha-3, plus `EU` and `WEST`).
 */
import countries from 'i18n-iso-countries';
import frenchNames from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import { SurfaceIndex } from './words.ts';

export type CountryVia = 'name' | 'demonym' | 'capital' | 'institution' | 'bloc';

export interface CountryMention {
  code: string;
  start: number;
  end: number;
  surface: string;
  via: CountryVia;
}

/** Official short names that are also common French words or first names. */
const AMBIGUOUS_ISO_NAMES = new Set(['Maurice', 'Dominique', 'Grenade', 'Réunion', 'Jersey', 'Man', 'Christmas', 'Georgia', 'Niue']);

/** Usual press spellings the ISO list lacks. */
const NAME_VARIANTS: Record<string, string[]> = {
  RUS: ['Russie', 'Fédération de Russie', 'Fédération russe'],
  BLR: ['Biélorussie', 'Bélarus', 'Belarus', 'Bélarusse', 'Biélorussie'],
  UKR: ['Ukraine'],
  USA: ['États-Unis', 'Etats-Unis', 'Amérique', 'USA'],
  GBR: ['Royaume-Uni', 'Grande-Bretagne', 'Angleterre'],
  DEU: ['Allemagne', 'RFA'],
  KOR: ['Corée du Sud'],
  PRK: ['Corée du Nord'],
  CZE: ['République tchèque', 'Tchéquie'],
  MDA: ['Moldavie', 'Moldova'],
  MKD: ['Macédoine du Nord', 'Macédoine'],
  IRN: ['Iran'],
  SYR: ['Syrie'],
  COD: ['RDC', 'RD Congo'],
  CIV: ["Côte d'Ivoire", "Côte d’Ivoire", "Côte-d'Ivoire"],
  ARE: ['Émirats arabes unis', 'Emirats arabes unis', 'Émirats'],
  SAU: ['Arabie saoudite'],
  VAT: ['Vatican', 'Saint-Siège'],
  MMR: ['Birmanie', 'Myanmar'],
  TWN: ['Taïwan', 'Taiwan'],
  PSE: ['Palestine', 'Territoires palestiniens', 'Cisjordanie', 'Gaza', 'bande de Gaza'],
  NLD: ['Pays-Bas', 'Hollande'],
  TZA: ['Tanzanie'],
  MUS: ['île Maurice'],
  KAZ: ['Kazakhstan'],
  KGZ: ['Kirghizistan', 'Kirghizstan'],
  CHN: ['Chine', 'République populaire de Chine'],
  VNM: ['Vietnam', 'Viêt Nam', 'Viet Nam'],
  SWZ: ['Eswatini'],
  BIH: ['Bosnie'],
  GEO: ['Géorgie'],
  FRA: ['France', 'Hexagone'],
  XKX: ['Kosovo'],
};

/**
 * Masculine singular demonym (and feminine when irregular); plurals and the
 * capitalized noun forms (`les Russes`) are derived.
 */
const DEMONYMS: Array<[code: string, masculine: string, feminine?: string]> = [
  ['RUS', 'russe'], ['BLR', 'biélorusse'], ['BLR', 'bélarusse'], ['BLR', 'bélarussien'], ['BLR', 'biélorussien'],
  ['UKR', 'ukrainien'], ['USA', 'américain'], ['USA', 'étasunien'], ['USA', 'états-unien'], ['FRA', 'français'],
  ['DEU', 'allemand'], ['GBR', 'britannique'], ['GBR', 'anglais'], ['ITA', 'italien'], ['ESP', 'espagnol'],
  ['PRT', 'portugais'], ['NLD', 'néerlandais'], ['NLD', 'hollandais'], ['BEL', 'belge'], ['CHE', 'suisse', 'suisse'],
  ['AUT', 'autrichien'], ['POL', 'polonais'], ['CZE', 'tchèque'], ['SVK', 'slovaque'], ['HUN', 'hongrois'],
  ['ROU', 'roumain'], ['BGR', 'bulgare'], ['GRC', 'grec', 'grecque'], ['TUR', 'turc', 'turque'], ['SWE', 'suédois'],
  ['NOR', 'norvégien'], ['FIN', 'finlandais'], ['DNK', 'danois'], ['IRL', 'irlandais'], ['EST', 'estonien'],
  ['LVA', 'letton', 'lettonne'], ['LTU', 'lituanien'], ['MDA', 'moldave'], ['GEO', 'géorgien'], ['ARM', 'arménien'],
  ['AZE', 'azerbaïdjanais'], ['AZE', 'azéri'], ['KAZ', 'kazakh'], ['KAZ', 'kazakhstanais'], ['UZB', 'ouzbek'],
  ['KGZ', 'kirghiz'], ['TJK', 'tadjik'], ['TKM', 'turkmène'], ['CHN', 'chinois'], ['JPN', 'japonais'],
  ['KOR', 'sud-coréen'], ['PRK', 'nord-coréen'], ['IND', 'indien'], ['PAK', 'pakistanais'], ['AFG', 'afghan'],
  ['IRN', 'iranien'], ['IRQ', 'irakien'], ['SYR', 'syrien'], ['ISR', 'israélien'], ['PSE', 'palestinien'],
  ['LBN', 'libanais'], ['JOR', 'jordanien'], ['SAU', 'saoudien'], ['EGY', 'égyptien'], ['LBY', 'libyen'],
  ['TUN', 'tunisien'], ['DZA', 'algérien'], ['MAR', 'marocain'], ['MLI', 'malien'], ['NER', 'nigérien'],
  ['NGA', 'nigérian'], ['SEN', 'sénégalais'], ['CIV', 'ivoirien'], ['BFA', 'burkinabè', 'burkinabè'], ['TCD', 'tchadien'],
  ['SDN', 'soudanais'], ['ETH', 'éthiopien'], ['KEN', 'kényan'], ['ZAF', 'sud-africain'], ['BRA', 'brésilien'],
  ['ARG', 'argentin'], ['MEX', 'mexicain'], ['CAN', 'canadien'], ['VEN', 'vénézuélien'], ['CUB', 'cubain'],
  ['COL', 'colombien'], ['CHL', 'chilien'], ['AUS', 'australien'], ['SRB', 'serbe'], ['HRV', 'croate'],
  ['QAT', 'qatari'], ['QAT', 'qatarien'], ['ARE', 'émirati'], ['YEM', 'yéménite'], ['VNM', 'vietnamien'], ['IDN', 'indonésien'],
  ['PHL', 'philippin'], ['THA', 'thaïlandais'], ['MMR', 'birman'], ['TWN', 'taïwanais'], ['SVN', 'slovène'],
  ['BIH', 'bosnien'], ['ALB', 'albanais'], ['MKD', 'macédonien'], ['MNE', 'monténégrin'], ['CYP', 'chypriote'],
  ['LUX', 'luxembourgeois'], ['RWA', 'rwandais'], ['COD', 'congolais'], ['CMR', 'camerounais'], ['SOM', 'somalien'],
  ['KWT', 'koweïtien'], ['OMN', 'omanais'], ['NZL', 'néo-zélandais'], ['PER', 'péruvien'], ['BOL', 'bolivien'],
  ['NIC', 'nicaraguayen'], ['HTI', 'haïtien'], ['MNG', 'mongol'], ['NPL', 'népalais'], ['LKA', 'sri-lankais'],
  ['BGD', 'bangladais'], ['KHM', 'cambodgien'], ['LAO', 'laotien'], ['MYS', 'malaisien'], ['SGP', 'singapourien'],
  ['ISL', 'islandais'], ['MLT', 'maltais'], ['ECU', 'équatorien'], ['URY', 'uruguayen'], ['PRY', 'paraguayen'],
  ['GIN', 'guinéen'], ['MRT', 'mauritanien'], ['AGO', 'angolais'], ['MOZ', 'mozambicain'], ['ZWE', 'zimbabwéen'],
  ['UGA', 'ougandais'], ['TZA', 'tanzanien'], ['ERI', 'érythréen'], ['SSD', 'sud-soudanais'], ['GAB', 'gabonais'],
  ['BEN', 'béninois'], ['TGO', 'togolais'], ['GHA', 'ghanéen'], ['CAF', 'centrafricain'], ['XKX', 'kosovar'],
  ['EU', 'européen'],
];

/** Capitals and seats of government that French news uses as metonyms for the state. */
const CAPITALS: Record<string, string[]> = {
  RUS: ['Moscou'], BLR: ['Minsk'], UKR: ['Kiev', 'Kyiv', 'Kiyv'], USA: ['Washington'], FRA: ['Paris'],
  DEU: ['Berlin'], GBR: ['Londres'], ITA: ['Rome'], ESP: ['Madrid'], PRT: ['Lisbonne'], NLD: ['Amsterdam', 'La Haye'],
  CHE: ['Berne'], AUT: ['Vienne'], POL: ['Varsovie'], CZE: ['Prague'], SVK: ['Bratislava'], HUN: ['Budapest'],
  ROU: ['Bucarest'], BGR: ['Sofia'], GRC: ['Athènes'], TUR: ['Ankara'], SWE: ['Stockholm'], NOR: ['Oslo'],
  FIN: ['Helsinki'], DNK: ['Copenhague'], IRL: ['Dublin'], EST: ['Tallinn'], LVA: ['Riga'], LTU: ['Vilnius'],
  MDA: ['Chisinau', 'Chișinău', 'Kichinev'], GEO: ['Tbilissi'], ARM: ['Erevan', 'Yerevan'], AZE: ['Bakou'],
  KAZ: ['Astana', 'Nour-Soultan'], UZB: ['Tachkent'], KGZ: ['Bichkek'], TJK: ['Douchanbé'], TKM: ['Achgabat'],
  CHN: ['Pékin', 'Beijing'], JPN: ['Tokyo'], KOR: ['Séoul'], PRK: ['Pyongyang'], IND: ['New Delhi'],
  PAK: ['Islamabad'], AFG: ['Kaboul'], IRN: ['Téhéran'], IRQ: ['Bagdad'], SYR: ['Damas'], ISR: ['Jérusalem', 'Tel-Aviv', 'Tel Aviv'],
  PSE: ['Ramallah'], LBN: ['Beyrouth'], JOR: ['Amman'], SAU: ['Riyad'], EGY: ['Le Caire', 'Caire'], LBY: ['Tripoli'],
  TUN: ['Tunis'], DZA: ['Alger'], MAR: ['Rabat'], MLI: ['Bamako'], NER: ['Niamey'], NGA: ['Abuja'], SEN: ['Dakar'],
  CIV: ['Abidjan', 'Yamoussoukro'], BFA: ['Ouagadougou'], TCD: ["N'Djamena", 'Ndjamena'], SDN: ['Khartoum'],
  ETH: ['Addis-Abeba'], KEN: ['Nairobi'], ZAF: ['Pretoria'], BRA: ['Brasilia'], ARG: ['Buenos Aires'],
  MEX: ['Mexico'], CAN: ['Ottawa'], VEN: ['Caracas'], CUB: ['La Havane'], COL: ['Bogota'], CHL: ['Santiago'],
  AUS: ['Canberra'], SRB: ['Belgrade'], HRV: ['Zagreb'], QAT: ['Doha'], ARE: ['Abou Dhabi', 'Abu Dhabi'],
  YEM: ['Sanaa'], VNM: ['Hanoï'], IDN: ['Jakarta'], PHL: ['Manille'], THA: ['Bangkok'], TWN: ['Taipei'],
  SVN: ['Ljubljana'], BIH: ['Sarajevo'], ALB: ['Tirana'], MKD: ['Skopje'], RWA: ['Kigali'], COD: ['Kinshasa'],
  CMR: ['Yaoundé'], SOM: ['Mogadiscio'], OMN: ['Mascate'], NZL: ['Wellington'], PER: ['Lima'], MNG: ['Oulan-Bator'],
  EU: ['Bruxelles'],
};

/** Institutions and buildings standing for a state (`le Kremlin` → RUS). */
const INSTITUTIONS: Record<string, string[]> = {
  RUS: ['Kremlin', 'Douma'],
  USA: ['Maison Blanche', 'Maison-Blanche', 'Pentagone', "Département d'État", "Département d’État", 'Capitole', 'Foggy Bottom'],
  FRA: ['Élysée', 'Elysée', "Quai d'Orsay", 'Quai d’Orsay', 'Matignon'],
  GBR: ['Downing Street', 'Whitehall', 'Westminster'],
  UKR: ['Rada', 'Bankova'],
  DEU: ['Bundestag', 'Bundeswehr'],
  ISR: ['Knesset', 'Tsahal'],
  CHN: ['Zhongnanhai'],
  EU: ['Union européenne', 'UE', 'Commission européenne', 'Parlement européen', 'Conseil européen', 'Vingt-Sept', 'Vingt-sept', 'Vingt-Huit', 'Vingt-huit'],
};

/** Blocs: `WEST` for the West as a political actor. */
const BLOCS: Record<string, string[]> = {
  WEST: ['Occidentaux', 'Occident', 'occidentaux', 'occidental', 'occidentale', 'occidentales'],
};

/** Combining forms in compounds (`russo-biélorusse`, `sino-américain`). */
const COMBINING_FORMS: Record<string, string[]> = {
  RUS: ['russo'], BLR: ['biélorusso', 'bélarusso'], UKR: ['ukraino', 'russo-ukraino'], USA: ['américano'], FRA: ['franco'],
  DEU: ['germano'], GBR: ['anglo', 'britannico'], CHN: ['sino'], JPN: ['nippo'], ITA: ['italo'], ESP: ['hispano'],
  TUR: ['turco'], POL: ['polono'], ISR: ['israélo'], PSE: ['palestino'], IND: ['indo'], SYR: ['syro'], IRN: ['irano'],
  IRQ: ['irako'], SAU: ['saoudo'], EGY: ['égypto'], DZA: ['algéro'], MAR: ['maroco'], TUN: ['tuniso'], KOR: ['coréano'],
  EU: ['euro'],
};

/** Geographic nouns after which `occidental` means a direction, not the West. */
const GEOGRAPHIC_HEADS = /(?:partie|région|côte|frontière|rive|flanc|bord|extrémité|zone|province|banlieue|quartier|Europe|Afrique|Asie|Sahara|Ukraine|Balkans|Sibérie|Allemagne|Berlin|Jérusalem|Russie|pays|Biélorussie|Bélarus)\s+$/u;

/** Forms of a demonym: masculine/feminine × singular/plural, lower-case and capitalized. */
export function demonymForms(masculine: string, feminine?: string): string[] {
  const fem = feminine ?? feminineOf(masculine);
  const forms = new Set([masculine, pluralOf(masculine), fem, pluralOf(fem)]);
  const withCapitals = [...forms].flatMap((f) => [f, capitalize(f), f.split('-').map(capitalize).join('-')]);
  return [...new Set(withCapitals)];
}

function feminineOf(masculine: string): string {
  if (masculine.endsWith('e')) return masculine;
  if (/(?:ien|éen|en)$/u.test(masculine)) return `${masculine}ne`;
  if (/on$/u.test(masculine)) return `${masculine}ne`;
  return `${masculine}e`;
}

function pluralOf(word: string): string {
  if (/[sx]$/u.test(word)) return word;
  return `${word}s`;
}

function capitalize(word: string): string {
  return word.charAt(0).toLocaleUpperCase('fr') + word.slice(1);
}

/** `É` is often typed without its accent in French copy. */
function accentVariants(name: string): string[] {
  return name.startsWith('É') ? [name, `E${name.slice(1)}`] : [name];
}

/** `République Tchèque` is written `République tchèque` in running prose. */
function caseVariants(name: string): string[] {
  const words = name.split(' ');
  if (words.length < 2) return [name];
  const lowered = [words[0], ...words.slice(1).map((w) => (/^(?:Nord|Sud|Est|Ouest)$/u.test(w) ? w : w.toLocaleLowerCase('fr')))].join(' ');
  return [...new Set([name, lowered])];
}

interface LexiconEntry {
  surface: string;
  code: string;
  via: CountryVia;
}

function isoNameEntries(): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  for (const [alpha2, value] of Object.entries(frenchNames.countries)) {
    const code = countries.alpha2ToAlpha3(alpha2);
    if (!code) continue;
    for (const raw of ([] as string[]).concat(value)) {
      const name = raw.replace(/\s*\(.*\)$/u, '').trim();
      if (!name || name.includes(',') || AMBIGUOUS_ISO_NAMES.has(name)) continue;
      for (const variant of caseVariants(name).flatMap(accentVariants)) entries.push({ surface: variant, code, via: 'name' });
    }
  }
  return entries;
}

function tableEntries(table: Record<string, string[]>, via: CountryVia): LexiconEntry[] {
  return Object.entries(table).flatMap(([code, surfaces]) =>
    surfaces.flatMap(accentVariants).map((surface) => ({ surface, code, via })),
  );
}

function buildLexicon(): Map<string, LexiconEntry> {
  const bySurface = new Map<string, LexiconEntry>();
  const add = (entry: LexiconEntry): void => {
    // Later tables are more specific to news usage and override ISO names.
    bySurface.set(entry.surface, entry);
  };
  isoNameEntries().forEach(add);
  tableEntries(NAME_VARIANTS, 'name').forEach(add);
  for (const [code, masculine, feminine] of DEMONYMS) {
    for (const surface of demonymForms(masculine, feminine)) add({ surface, code, via: code === 'EU' ? 'bloc' : 'demonym' });
  }
  tableEntries(CAPITALS, 'capital').forEach(add);
  tableEntries(INSTITUTIONS, 'institution').forEach(add);
  tableEntries(BLOCS, 'bloc').forEach(add);
  return bySurface;
}

const LEXICON = buildLexicon();

const COMBINING_BY_FORM = new Map<string, string>(
  Object.entries(COMBINING_FORMS).flatMap(([code, forms]) => forms.flatMap((f) => [[f, code], [capitalize(f), code]] as Array<[string, string]>)),
);

const COUNTRY_SURFACES = new SurfaceIndex(LEXICON.keys(), { apostrophesAlike: true });
const COMBINING_SURFACES = new SurfaceIndex(COMBINING_BY_FORM.keys(), { apostrophesAlike: true });

/** A combining form is followed by the rest of its compound (`russo-biélorusse`). */
const HYPHEN_LETTER_AT = /-\p{L}/uy;
const followedByHyphenAndLetter = (text: string, offset: number): boolean => {
  HYPHEN_LETTER_AT.lastIndex = offset;
  return HYPHEN_LETTER_AT.test(text);
};

/** Compounds whose `américain` part does not mean the United States. */
const FALSE_DEMONYM_PREFIX = /(?:latino|sud|centre|afro|hispano|amérindien|nord)-$/iu;

function isFalsePositive(text: string, entry: LexiconEntry, start: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  if (entry.code === 'USA' && entry.via === 'demonym' && FALSE_DEMONYM_PREFIX.test(before)) return true;
  if (entry.code === 'WEST' && /^occidental/u.test(entry.surface) && GEOGRAPHIC_HEADS.test(before)) return true;
  // `Washington Post`, `Paris Saint-Germain`: proper names built on a city name.
  const after = text.slice(start + entry.surface.length, start + entry.surface.length + 20);
  if (entry.via === 'capital' && /^\s+(?:Post|Saint-Germain|Times|Match)(?!\p{L})/u.test(after)) return true;
  if (entry.surface === 'Amérique' && /^\s+(?:latine|du Sud|du Nord|centrale)/u.test(after)) return true;
  return false;
}

/** The last text scanned and its mentions: callers often ask twice about one sentence. */
let lastText: string | null = null;
let lastMentions: CountryMention[] = [];

/** Every country/bloc mention in `text`, in text order, longest match first. */
export function findCountryMentions(text: string): CountryMention[] {
  if (text !== lastText) {
    lastMentions = scanCountryMentions(text);
    lastText = text;
  }
  return lastMentions.map((m) => ({ ...m }));
}

/** The last document scanned whole: its sentences and clauses are answered from that scan. */
let lastDocument: { text: string; mentions: CountryMention[] } | null = null;

/**
 * The mentions of `text[start, end)` (offsets relative to `start`), from one scan of the whole
 * text: what findCountryMentions of the slice finds, as sentences and clauses start and end
 * at word boundaries, without scanning every sentence, clause and the whole text in turn.
 */
export function findCountryMentionsIn(text: string, start: number, end: number): CountryMention[] {
  if (lastDocument?.text !== text) lastDocument = { text, mentions: scanCountryMentions(text) };
  return mentionsWithin(lastDocument.mentions, start, end).map((m) => ({ ...m, start: m.start - start, end: m.end - start }));
}

/** The items of `sorted` (by start) that lie within [start, end). */
export function mentionsWithin<T extends { start: number; end: number }>(sorted: readonly T[], start: number, end: number): T[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < sorted.length && sorted[i].start < end; i++) if (sorted[i].end <= end) out.push(sorted[i]);
  return out;
}

function scanCountryMentions(text: string): CountryMention[] {
  const mentions: CountryMention[] = [];
  // A combining form is followed by a hyphen.
  const combining = text.includes('-') ? COMBINING_SURFACES.matches(text, (end) => followedByHyphenAndLetter(text, end)) : [];
  for (const match of combining) {
    const code = COMBINING_BY_FORM.get(match.surface);
    if (code) mentions.push({ code, start: match.index, end: match.index + match.surface.length, surface: match.surface, via: 'demonym' });
  }
  for (const match of COUNTRY_SURFACES.matches(text)) {
    const entry = LEXICON.get(match.surface.replace(/’/gu, "'")) ?? LEXICON.get(match.surface);
    if (!entry || isFalsePositive(text, entry, match.index)) continue;
    mentions.push({ code: entry.code, start: match.index, end: match.index + match.surface.length, surface: match.surface, via: entry.via });
  }
  return mentions.sort((a, b) => a.start - b.start);
}

const LEADING_DETERMINERS = /^(?:les?|la|l['’]|du|des|de la|de l['’]|d['’]|de|en|au|aux|à)\s*/iu;

function foldForLookup(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/’/gu, "'").toLocaleLowerCase('fr').trim();
}

const FOLDED_LEXICON = new Map<string, string>();
for (const [surface, entry] of LEXICON) {
  const folded = foldForLookup(surface);
  if (!FOLDED_LEXICON.has(folded)) FOLDED_LEXICON.set(folded, entry.code);
}

const ACTOR_CODE = /^(?:[A-Z]{3}|EU|WEST)$/u;

/**
 * The actor code a phrase stands for: a country name, demonym, capital,
 * institution or bloc (`la Russie`, `Moscou`, `le président russe`), else null.
 */
export function countryCode(phrase: string): string | null {
  const trimmed = phrase.trim();
  if (ACTOR_CODE.test(trimmed) && countries.isValid(trimmed)) return trimmed;
  if (trimmed === 'EU' || trimmed === 'WEST') return trimmed;
  const direct = FOLDED_LEXICON.get(foldForLookup(trimmed.replace(LEADING_DETERMINERS, '')));
  if (direct) return direct;
  const codes = new Set(findCountryMentions(trimmed).map((m) => m.code));
  return codes.size === 1 ? [...codes][0] : null;
}
