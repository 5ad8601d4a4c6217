/**
 * Actor resolution for events and agreements: which countries (ISO alpha-3,
 * `EU`, `WEST`) a sentence involves, from country names, demonyms, capitals,
 * institutions, and people whose role the article gives.
 */
import { findCountryMentions, findCountryMentionsIn, mentionsWithin } from './countries.ts';
import { LETTERS, SurfaceIndex } from './words.ts';

/**
 * Fallback for heads of state and ministers frequent in French international
 * news, used only when the article itself never states the person's country.
 */
const KNOWN_OFFICIALS: Record<string, string> = {
  Poutine: 'RUS', Lavrov: 'RUS', Peskov: 'RUS', Medvedev: 'RUS', Choïgou: 'RUS', Mishoustine: 'RUS', Zakharova: 'RUS',
  Loukachenko: 'BLR', Tikhanovskaïa: 'BLR', Tikhanovskaya: 'BLR', Makei: 'BLR',
  Zelensky: 'UKR', Zelenski: 'UKR', Zelenskyy: 'UKR', Kouleba: 'UKR', Chmyhal: 'UKR', Shmyhal: 'UKR',
  Biden: 'USA', Trump: 'USA', Blinken: 'USA', 'Kamala Harris': 'USA', Obama: 'USA', 'Lloyd Austin': 'USA',
  Macron: 'FRA', Borne: 'FRA', Colonna: 'FRA', 'Le Drian': 'FRA', Attal: 'FRA', Barnier: 'FRA',
  Scholz: 'DEU', Merkel: 'DEU', Baerbock: 'DEU', Steinmeier: 'DEU',
  'Xi Jinping': 'CHN', 'Wang Yi': 'CHN', 'Li Qiang': 'CHN',
  Erdogan: 'TUR', Erdoğan: 'TUR', Sunak: 'GBR', Starmer: 'GBR', 'Boris Johnson': 'GBR', Truss: 'GBR',
  Meloni: 'ITA', Draghi: 'ITA', Sánchez: 'ESP', Modi: 'IND', Netanyahou: 'ISR', Netanyahu: 'ISR',
  Khamenei: 'IRN', Raïssi: 'IRN', 'Kim Jong-un': 'PRK', Orban: 'HUN', Orbán: 'HUN', Duda: 'POL', Morawiecki: 'POL',
  Tusk: 'POL', 'von der Leyen': 'EU', Borrell: 'EU', Lula: 'BRA', Bolsonaro: 'BRA', Pachinian: 'ARM', Aliev: 'AZE',
  Tokaïev: 'KAZ', Assad: 'SYR', Sissi: 'EGY', Tebboune: 'DZA', Kishida: 'JPN', Trudeau: 'CAN', Abbas: 'PSE',
  Merz: 'DEU', Pistorius: 'DEU', Wadephul: 'DEU', Bayrou: 'FRA', Lecornu: 'FRA', Barrot: 'FRA', Séjourné: 'FRA',
  Rubio: 'USA', Vance: 'USA', Hegseth: 'USA', Sybiha: 'UKR', Syrsky: 'UKR', Syrskyi: 'UKR', Lammy: 'GBR',
  Tajani: 'ITA', Fico: 'SVK', Mitsotakis: 'GRC', Milei: 'ARG', Sheinbaum: 'MEX', Ramaphosa: 'ZAF', Carney: 'CAN',
  Araghchi: 'IRN', Pezeshkian: 'IRN', Herzog: 'ISR', Gallant: 'ISR', Katz: 'ISR', Tinubu: 'NGA', Goïta: 'MLI',
  Tiani: 'NER', Kagame: 'RWA', Tshisekedi: 'COD', 'Ben Salmane': 'SAU', 'Mohammed ben Salmane': 'SAU', Ishiba: 'JPN',
  'Yoon Suk-yeol': 'KOR', 'Lee Jae-myung': 'KOR', 'Li Keqiang': 'CHN', Fidan: 'TUR', Aoun: 'LBN', Mikati: 'LBN',
};

const ROLE = String.raw`(?:présidente?|premi(?:er|ère)\s+ministre|ministre|chef|dirigeante?|homologue|ambassad(?:eur|rice)|porte-parole|chancelière?|roi|reine|émir|prince|opposante?|diplomate|représentante?|envoyée?|émissaire|général|commandant|secrétaire|vice-présidente?|leader|numéro\s+un|patron|régime|pouvoir|gouvernement)`;
const NAME = String.raw`\p{Lu}[\p{L}'’-]+(?:\s+(?:de\s+|von\s+der\s+|von\s+|van\s+|ben\s+|al-)?\p{Lu}[\p{L}'’-]+){1,2}`;
const ROLE_THEN_NAME = new RegExp(String.raw`(?<![\p{L}])${ROLE}(?![\p{L}])([^.;:!?«»"“”]{0,70}?)(?:,\s*|\s+d['’]|\s+)(${NAME})`, 'gu');
const NAME_THEN_ROLE = new RegExp(String.raw`(${NAME}),\s+(?:le|la|l['’]|un|une|ancien|ancienne)\s*(?:\S+\s+)?${ROLE}([^.;:!?«»"“,]{0,70})`, 'gu');
const NAME_WHO_LEADS = new RegExp(String.raw`(${NAME}),?\s+qui\s+(?:dirige|gouverne|préside|représente)\s+([^,.;]{0,40})`, 'gu');
/** What must follow the name in NAME_THEN_ROLE and NAME_WHO_LEADS: cheap to look for first, unlike capitalized words. */
const ROLE_AFTER_COMMA = new RegExp(String.raw`,\s+(?:le|la|l['’]|un|une|ancien|ancienne)\s*(?:\S+\s+)?${ROLE}`, 'u');
const WHO_LEADS = /qui\s+(?:dirige|gouverne|préside|représente)\s/u;

function surnameOf(name: string): string {
  const parts = name.split(/\s+/u);
  return parts[parts.length - 1];
}

export interface PeopleIndex {
  /** Person name or surname → actor code. */
  codeOf: Map<string, string>;
  /** The names, found between non-letters. */
  names: SurfaceIndex;
}

/** Known officials whose name is itself a country word (`Union européenne` is no person). */
const COUNTRY_WORD_OFFICIALS = new Set(Object.keys(KNOWN_OFFICIALS).filter(isCountryWord));

function isCountryWord(name: string): boolean {
  return findCountryMentions(name).some((c) => c.start === 0 && c.end === name.length);
}

let lastPeople: { text: string; people: PeopleIndex } | null = null;

/** People whose country the article states (`le président russe Vladimir Poutine`), plus known officials. */
export function indexPeople(text: string): PeopleIndex {
  // The events and agreements of one article index the same people.
  if (lastPeople?.text !== text) lastPeople = { text, people: scanPeople(text) };
  return lastPeople.people;
}

function scanPeople(text: string): PeopleIndex {
  const codeOf = new Map<string, string>();
  const remember = (name: string, segment: string): void => {
    const mention = findCountryMentions(segment)[0];
    if (!mention) return;
    for (const key of [name, surnameOf(name)]) if (!codeOf.has(key)) codeOf.set(key, mention.code);
  };
  for (const m of text.matchAll(ROLE_THEN_NAME)) remember(m[2], m[1]);
  if (ROLE_AFTER_COMMA.test(text)) for (const m of text.matchAll(NAME_THEN_ROLE)) remember(m[1], m[0].slice(m[1].length));
  if (WHO_LEADS.test(text)) for (const m of text.matchAll(NAME_WHO_LEADS)) remember(m[1], m[2]);
  const fromText = new Set(codeOf.keys());
  for (const [name, code] of Object.entries(KNOWN_OFFICIALS)) if (!codeOf.has(name)) codeOf.set(name, code);
  // A name must not itself be a country word (`Union européenne` is no person).
  for (const key of [...codeOf.keys()]) if (fromText.has(key) ? isCountryWord(key) : COUNTRY_WORD_OFFICIALS.has(key)) codeOf.delete(key);
  return { codeOf, names: new SurfaceIndex(codeOf.keys(), { chars: LETTERS }) };
}

export interface ActorMention {
  code: string;
  start: number;
  end: number;
}

/** The names of the people index found in the last document, for its sentences. */
let lastNames: { text: string; people: PeopleIndex; names: Array<{ start: number; end: number; surface: string }> } | null = null;

/**
 * Countries and people mentioned in `text[start, end)` (a sentence, or the whole text), with
 * offsets relative to `start`; the whole text is scanned once per document.
 */
export function findActorMentions(text: string, people: PeopleIndex, start = 0, end = text.length): ActorMention[] {
  const mentions: ActorMention[] = findCountryMentionsIn(text, start, end).map((m) => ({ code: m.code, start: m.start, end: m.end }));
  if (lastNames?.text !== text || lastNames.people !== people) {
    lastNames = { text, people, names: people.names.matches(text).map((m) => ({ start: m.index, end: m.index + m.surface.length, surface: m.surface })) };
  }
  for (const m of mentionsWithin(lastNames.names, start, end)) {
    const code = people.codeOf.get(m.surface);
    const from = m.start - start;
    const to = m.end - start;
    if (code && !mentions.some((x) => x.start < to && from < x.end)) mentions.push({ code, start: from, end: to });
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** `les deux pays`, `les deux dirigeants`: the article's two main actors. */
export const BOTH_PARTIES = /(?<![\p{L}])(?:(?:les|des|aux|ces|leurs?|entre|ses)\s+deux\s+(?:pays|dirigeants|chefs\s+d['’]État|régimes|voisins|présidents|alliés|capitales|gouvernements|parties|leaders|dirigeantes|nations|États|ex-républiques|hommes|femmes|ministres|chefs|diplomaties|armées|délégations|camps)|(?:leurs|nos)\s+(?:deux\s+)?pays)(?![\p{L}])/iu;

let lastMain: { text: string; people: PeopleIndex; main: string[] } | null = null;

/** The document's most mentioned actors, most frequent first. */
export function mainActors(text: string, people: PeopleIndex): string[] {
  if (lastMain?.text !== text || lastMain.people !== people) lastMain = { text, people, main: countMainActors(text, people) };
  return [...lastMain.main];
}

function countMainActors(text: string, people: PeopleIndex): string[] {
  const counts = new Map<string, { n: number; first: number }>();
  for (const m of findActorMentions(text, people)) {
    const c = counts.get(m.code) ?? { n: 0, first: m.start };
    c.n += 1;
    counts.set(m.code, c);
  }
  return [...counts.entries()].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first).map(([code]) => code);
}
