/**
 * Actor resolution for events and agreements: which countries (ISO alpha-3,
 * `EU`, `WEST`) a sentence involves, from country names, demonyms, capitals,
 * institutions, and people whose role the article gives.
 */
import { findCountryMentions } from './countries.ts';

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
};

const ROLE = String.raw`(?:présidente?|premi(?:er|ère)\s+ministre|ministre|chef|dirigeante?|homologue|ambassad(?:eur|rice)|porte-parole|chancelière?|roi|reine|émir|prince|opposante?|diplomate|représentante?|envoyée?|émissaire|général|commandant|secrétaire|vice-présidente?|leader|numéro\s+un|patron|régime|pouvoir|gouvernement)`;
const NAME = String.raw`\p{Lu}[\p{L}'’-]+(?:\s+(?:de\s+|von\s+der\s+|von\s+|van\s+|ben\s+|al-)?\p{Lu}[\p{L}'’-]+){1,2}`;
const ROLE_THEN_NAME = new RegExp(String.raw`(?<![\p{L}])${ROLE}(?![\p{L}])([^.;:!?«»"“”]{0,70}?)(?:,\s*|\s+d['’]|\s+)(${NAME})`, 'gu');
const NAME_THEN_ROLE = new RegExp(String.raw`(${NAME}),\s+(?:le|la|l['’]|un|une|ancien|ancienne)\s*(?:\S+\s+)?${ROLE}([^.;:!?«»"“,]{0,70})`, 'gu');
const NAME_WHO_LEADS = new RegExp(String.raw`(${NAME}),?\s+qui\s+(?:dirige|gouverne|préside|représente)\s+([^,.;]{0,40})`, 'gu');

function surnameOf(name: string): string {
  const parts = name.split(/\s+/u);
  return parts[parts.length - 1];
}

export interface PeopleIndex {
  /** Person name or surname → actor code. */
  codeOf: Map<string, string>;
  pattern: RegExp | null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** People whose country the article states (`le président russe Vladimir Poutine`), plus known officials. */
export function indexPeople(text: string): PeopleIndex {
  const codeOf = new Map<string, string>();
  const remember = (name: string, segment: string): void => {
    const mention = findCountryMentions(segment)[0];
    if (!mention) return;
    for (const key of [name, surnameOf(name)]) if (!codeOf.has(key)) codeOf.set(key, mention.code);
  };
  for (const m of text.matchAll(ROLE_THEN_NAME)) remember(m[2], m[1]);
  for (const m of text.matchAll(NAME_THEN_ROLE)) remember(m[1], m[0].slice(m[1].length));
  for (const m of text.matchAll(NAME_WHO_LEADS)) remember(m[1], m[2]);
  for (const [name, code] of Object.entries(KNOWN_OFFICIALS)) if (!codeOf.has(name)) codeOf.set(name, code);
  // A name must not itself be a country word (`Union européenne` is no person).
  for (const key of [...codeOf.keys()]) if (findCountryMentions(key).some((c) => c.start === 0 && c.end === key.length)) codeOf.delete(key);
  const keys = [...codeOf.keys()].sort((a, b) => b.length - a.length);
  const pattern = keys.length ? new RegExp(String.raw`(?<![\p{L}])(?:${keys.map(escapeRegExp).join('|')})(?![\p{L}])`, 'gu') : null;
  return { codeOf, pattern };
}

export interface ActorMention {
  code: string;
  start: number;
  end: number;
}

/** Countries and people mentioned in `text`, with offsets relative to `text`. */
export function findActorMentions(text: string, people: PeopleIndex): ActorMention[] {
  const mentions: ActorMention[] = findCountryMentions(text).map((m) => ({ code: m.code, start: m.start, end: m.end }));
  if (people.pattern) {
    for (const m of text.matchAll(people.pattern)) {
      const code = people.codeOf.get(m[0]);
      if (code && !mentions.some((x) => x.start < m.index + m[0].length && m.index < x.end)) {
        mentions.push({ code, start: m.index, end: m.index + m[0].length });
      }
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** `les deux pays`, `les deux dirigeants`: the article's two main actors. */
export const BOTH_PARTIES = /(?<![\p{L}])(?:(?:les|des|aux|ces|leurs?|entre|ses)\s+deux\s+(?:pays|dirigeants|chefs\s+d['’]État|régimes|voisins|présidents|alliés|capitales|gouvernements|parties|leaders|dirigeantes|nations|États|ex-républiques|hommes|femmes|ministres|chefs|diplomaties|armées|délégations|camps)|(?:leurs|nos)\s+(?:deux\s+)?pays)(?![\p{L}])/iu;

/** The document's most mentioned actors, most frequent first. */
export function mainActors(text: string, people: PeopleIndex): string[] {
  const counts = new Map<string, { n: number; first: number }>();
  for (const m of findActorMentions(text, people)) {
    const c = counts.get(m.code) ?? { n: 0, first: m.start };
    c.n += 1;
    counts.set(m.code, c);
  }
  return [...counts.entries()].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first).map(([code]) => code);
}
