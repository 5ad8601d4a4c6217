import countries from 'i18n-iso-countries';
import frenchCountryNames from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import { stableId } from '../ids.ts';
import { findCountryMentions, findCountryMentionsIn } from '../lexicon/countries.ts';
import type { EntityRecord } from '../types.generated.ts';
import { indexPeople, personCountry, phraseCountryMentions, startingWithOneOf, type PeopleIndex } from './people.ts';
import type { DocInput } from './types.ts';

/**
 * Named entities of one article (people, organizations, countries, places) and their
 * corpus-level aggregation into the `entities` table.
 */

countries.registerLocale(frenchCountryNames);

export type { EntityRecord };

export type EntityType = EntityRecord['type'];

export interface EntityMention {
  /** The words as written: `text.slice(start, end)`. */
  surface: string;
  /** The article-level canonical name (`Vladimir Poutine`, `Kremlin`, `Russie`). */
  canonical: string;
  type: EntityType;
  /** ISO 3166-1 alpha-3 code of the entity's country, when known. */
  country_code: string | null;
  start: number;
  end: number;
}

/** Press names that differ from the ISO French short name. */
const COUNTRY_NAME_OVERRIDES: Record<string, string> = {
  USA: 'États-Unis', CZE: 'République tchèque', GBR: 'Royaume-Uni', PSE: 'Palestine', XKX: 'Kosovo',
};

export function countryName(code: string): string | null {
  return COUNTRY_NAME_OVERRIDES[code] ?? countries.getName(code, 'fr') ?? null;
}

const ISO_ALPHA3 = /^[A-Z]{3}$/;
const isoOrNull = (code: string | null | undefined): string | null => (code && ISO_ALPHA3.test(code) ? code : null);

// Organizations with a proper name (capital letter or acronym), canonical form first.
const NAMED_ORGANIZATIONS: Array<[string, string[]]> = [
  ['Kremlin', ['Kremlin']], ['Élysée', ['Élysée', 'Elysée']], ['Matignon', ['Matignon']],
  ['Maison Blanche', ['Maison Blanche', 'Maison-Blanche']], ['Pentagone', ['Pentagone']], ['Quai d’Orsay', ['Quai d’Orsay', "Quai d'Orsay"]],
  ['Downing Street', ['Downing Street']], ['Bundestag', ['Bundestag']], ['Douma', ['Douma']], ['Rada', ['Rada']],
  ['Knesset', ['Knesset']], ['Union européenne', ['Union européenne', 'UE']], ['Commission européenne', ['Commission européenne']],
  ['Parlement européen', ['Parlement européen']], ['Conseil européen', ['Conseil européen']],
  ['Nations unies', ['Organisation des Nations unies', 'Nations unies', 'ONU']], ['Conseil de sécurité', ['Conseil de sécurité']],
  ['OTAN', ['OTAN', 'Otan', 'Alliance atlantique']], ['OSCE', ['OSCE']], ['OMS', ['OMS', 'Organisation mondiale de la santé']],
  ['FMI', ['FMI', 'Fonds monétaire international']], ['Banque mondiale', ['Banque mondiale']], ['OPEP', ['OPEP', 'Opep']],
  ['Union eurasiatique', ['Union eurasiatique', 'Union économique eurasiatique']], ['OTSC', ['OTSC']], ['CEI', ['CEI']],
  ['Cour pénale internationale', ['Cour pénale internationale', 'CPI']], ['AIEA', ['AIEA']], ['G7', ['G7']], ['G20', ['G20']],
  ['Croix-Rouge', ['Croix-Rouge']], ['Amnesty International', ['Amnesty International']], ['Human Rights Watch', ['Human Rights Watch']],
  ['Reporters sans frontières', ['Reporters sans frontières', 'RSF']], ['Gazprom', ['Gazprom']], ['Rosatom', ['Rosatom']],
  ['Wagner', ['Wagner']], ['Hamas', ['Hamas']], ['Hezbollah', ['Hezbollah']], ['AFP', ['AFP']], ['Reuters', ['Reuters']],
  ['TASS', ['TASS', 'Tass']], ['RIA Novosti', ['RIA Novosti']], ['Interfax', ['Interfax']], ['Belta', ['Belta', 'BelTA']], ['Belga', ['Belga']],
];

const ORGANIZATION_HEADS = [
  'ministère', 'département', 'gouvernement', 'service de presse', 'services de renseignement', 'services de sécurité',
  'service de sécurité', 'présidence', 'diplomatie', 'armée', 'état-major', 'parquet', 'tribunal', 'cour', 'parlement',
  'commission', 'comité', 'conseil', 'agence', 'banque centrale', 'opposition', 'administration', 'ambassade', 'chancellerie',
  'police', 'garde nationale', 'parti', 'mouvement', 'organisation', 'fédération', 'assemblée', 'sénat', 'congrès',
];
const HEAD_DETERMINER_RE = /(?:^|[\s(])(?:le|la|les|l[’']|du|au|aux|des|ce|cette|son|sa|ses|leur|un|une)\s*$/iu;
/** Heads followed directly by a proper name: `l'agence Tass`, `le parti Russie unie`. */
const NAMING_HEADS = /^(?:agence|parti|mouvement|organisation)$/iu;
/** Adjectives that make an institution specific (`présidentiel`, `fédéral`). */
const INSTITUTION_ADJECTIVES = new Set([
  'présidentiel', 'présidentielle', 'fédéral', 'fédérale', 'national', 'nationale', 'central', 'centrale', 'général',
  'générale', 'suprême', 'constitutionnel', 'constitutionnelle', 'militaire', 'électoral', 'électorale', 'populaire',
  'islamique', 'étrangères', 'intérieures', 'européen', 'européenne', 'international', 'internationale', 'unies', 'unis',
]);

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NAMED_ORG_BY_FORM = new Map<string, string>(NAMED_ORGANIZATIONS.flatMap(([canonical, forms]) => forms.map((f) => [f, canonical] as [string, string])));
/** The country of an organization's written form, when it names a country's institution. */
const NAMED_ORG_COUNTRY = new Map<string, string | null>(
  [...NAMED_ORG_BY_FORM.keys()].map((form) => [form, findCountryMentions(form).find((c) => c.via === 'institution')?.code ?? null]),
);
const NAMED_ORG_RE = new RegExp(
  String.raw`(?<![\p{L}\p{M}\-])(?:${[...NAMED_ORG_BY_FORM.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![\p{L}\p{M}\-])`,
  'gu',
);
const ORG_HEAD_RE = new RegExp(String.raw`${startingWithOneOf(ORGANIZATION_HEADS)}(?<![\p{L}\p{M}\-])(?:${ORGANIZATION_HEADS.map(escapeRegExp).join('|')})(?![\p{L}\p{M}\-])`, 'giu');
/** A complement right at `lastIndex` (sticky). */
const COMPLEMENT_RE = /(\s+(?:de\s+la\s+|de\s+l[’']|des\s+|du\s+|d[’']|de\s+)?)([\p{L}\p{M}][\p{L}\p{M}\-]*)/uy;

const isDemonymWord = (word: string): boolean =>
  /^\p{Ll}/u.test(word) && phraseCountryMentions(word).some((m) => m.via === 'demonym' && m.code !== 'WEST' && m.surface === word);

/**
 * Institutions named by a head noun and a specifying complement: `le département d'État
 * américain`, `le ministère des Affaires étrangères`, `le service de presse présidentiel
 * biélorusse`. A bare head (`le gouvernement`) names nothing specific and is left out.
 */
export function findInstitutionPhrases(text: string): Array<{ start: number; end: number; surface: string }> {
  const out: Array<{ start: number; end: number; surface: string }> = [];
  for (const head of text.matchAll(ORG_HEAD_RE)) {
    // an institution is introduced by a determiner (`le ministère`, `du parti`); `est parti de` is a verb
    if (!HEAD_DETERMINER_RE.test(text.slice(Math.max(0, head.index - 12), head.index))) continue;
    let end = head.index + head[0].length;
    let specific = false;
    for (let guard = 0; guard < 6; guard++) {
      COMPLEMENT_RE.lastIndex = end;
      const m = COMPLEMENT_RE.exec(text);
      if (!m) break;
      const linker = m[1].trim();
      const word = m[2];
      if (linker) {
        if (!/^\p{Lu}/u.test(word)) break;
        specific = true;
      } else if (/^\p{Lu}/u.test(word) && (/^(?:Affaires|État|Etat)$/u.test(word) || NAMING_HEADS.test(head[0]))) {
        specific = true;
      } else if (isDemonymWord(word)) {
        specific = true;
      } else if (!INSTITUTION_ADJECTIVES.has(word.toLowerCase())) {
        break;
      }
      end += m[0].length;
    }
    if (specific) out.push({ start: head.index, end, surface: text.slice(head.index, end) });
  }
  return out;
}

const capitalizeFirst = (s: string): string => s.charAt(0).toLocaleUpperCase('fr') + s.slice(1);

/** Canonical name of an institution phrase: no determiner, first letter capitalized. */
export function institutionCanonical(surface: string): string {
  return capitalizeFirst(surface.replace(/\s+/g, ' ').replace(/’/g, '’').trim());
}

function organizationMentions(text: string): EntityMention[] {
  const out: EntityMention[] = [];
  for (const m of text.matchAll(NAMED_ORG_RE)) {
    const canonical = NAMED_ORG_BY_FORM.get(m[0]) ?? m[0];
    const code = NAMED_ORG_COUNTRY.get(m[0]) ?? null;
    out.push({ surface: m[0], canonical, type: 'organization', country_code: isoOrNull(code), start: m.index, end: m.index + m[0].length });
  }
  for (const phrase of findInstitutionPhrases(text)) {
    // `le chef du gouvernement israélien` names a person's role, not a body
    if (/^(?:gouvernement|diplomatie|présidence)/iu.test(phrase.surface)
      && /(?:chef|cheffe|patron|patronne|numéro un)\s+(?:du|de\s+la|de\s+l[’'])\s*$/iu.test(text.slice(Math.max(0, phrase.start - 20), phrase.start))) continue;
    const code = phraseCountryMentions(phrase.surface).map((c) => c.code).find((c) => ISO_ALPHA3.test(c)) ?? null;
    out.push({ surface: phrase.surface, canonical: institutionCanonical(phrase.surface), type: 'organization', country_code: code, start: phrase.start, end: phrase.end });
  }
  return out;
}

function countryAndPlaceMentions(text: string): EntityMention[] {
  const out: EntityMention[] = [];
  for (const m of findCountryMentionsIn(text, 0, text.length)) {
    if (!ISO_ALPHA3.test(m.code)) continue;
    if (m.via === 'name' || m.via === 'demonym') {
      const name = countryName(m.code);
      if (name) out.push({ surface: m.surface, canonical: name, type: 'country', country_code: m.code, start: m.start, end: m.end });
    } else if (m.via === 'capital') {
      out.push({ surface: m.surface, canonical: m.surface, type: 'place', country_code: m.code, start: m.start, end: m.end });
    }
  }
  return out;
}

/** Keeps, among overlapping mentions, people first, then the longest. */
function withoutOverlaps(mentions: EntityMention[]): EntityMention[] {
  const rank = (m: EntityMention) => (m.type === 'person' ? 0 : m.type === 'organization' ? 1 : 2);
  const ordered = [...mentions].sort((a, b) => rank(a) - rank(b) || (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  // the kept mentions, in text order without overlaps: only the last one starting before a
  // mention's end can overlap it
  const kept: EntityMention[] = [];
  for (const mention of ordered) {
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (kept[mid].start < mention.end) low = mid + 1;
      else high = mid;
    }
    if (low > 0 && kept[low - 1].end > mention.start) continue;
    kept.splice(low, 0, mention);
  }
  return kept;
}

function personMentions(people: PeopleIndex): EntityMention[] {
  return people.mentions.map(({ mention, person }) => ({
    surface: mention.surface, canonical: person.canonical, type: 'person' as const,
    country_code: personCountry(person), start: mention.start, end: mention.end,
  }));
}

/** The entity mentions of the last article: quotes and entities find them in the same article back to back. */
let lastFound: { text: string; people: PeopleIndex; mentions: readonly EntityMention[] } | null = null;

/** Entity mentions of one article, given its people index (shared with quote attribution). */
export function entityMentionsWithPeople(text: string, people: PeopleIndex): EntityMention[] {
  if (lastFound?.text !== text || lastFound.people !== people) {
    lastFound = { text, people, mentions: withoutOverlaps([...personMentions(people), ...organizationMentions(text), ...countryAndPlaceMentions(text)]) };
  }
  return [...lastFound.mentions];
}

/** Every person, organization, country and place mention of one article. */
export function extractEntityMentions(doc: DocInput): EntityMention[] {
  return entityMentionsWithPeople(doc.text, indexPeople(doc.text));
}

const foldKey = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’']/g, "'").toLowerCase().trim();

/** Ids of recently seen entities: an article names the same few entities many times. */
const ENTITY_IDS = new Map<string, string>();
const ENTITY_IDS_LIMIT = 50_000;

/** The stable id of an entity; quotes use it for `speaker_id`. */
export function entityIdFor(type: EntityType, canonical: string): string {
  const key = `${type}\u241f${canonical}`;
  let id = ENTITY_IDS.get(key);
  if (id === undefined) {
    id = stableId('entities', type, foldKey(canonical));
    if (ENTITY_IDS.size >= ENTITY_IDS_LIMIT) ENTITY_IDS.clear();
    ENTITY_IDS.set(key, id);
  }
  return id;
}

type Acc = {
  type: EntityType; names: Map<string, number>; aliases: Set<string>; surfaces: Set<string>; codes: Map<string, number>; count: number;
  /** The articles naming the entity (unless mentions come grouped by article: then only the count and the last one). */
  docs: Set<string> | null; docCount: number; lastDoc: string | null;
};

const byCountThenName = (a: [string, number], b: [string, number]) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * Builds the corpus-level `entities` table one mention at a time (memory grows with the
 * number of distinct entities, not of mentions): one row per (type, canonical name),
 * names folded for case and accents. The result does not depend on the order of mentions.
 *
 * With `groupedByDoc`, the mentions are expected in article order (`doc_id` ascending, as
 * clean sorts the articles and extraction writes them): an entity's articles are then counted
 * without being kept, so memory holds the distinct entities only. Should a `doc_id` come
 * after a greater one, `interleaved` turns true and the counts may be wrong: aggregate again
 * without the option.
 */
export class EntityAggregator {
  private readonly groups = new Map<string, Acc>();
  /** Each group by type and canonical name as written: folding a name is slow and names repeat. */
  private readonly groupOf = new Map<EntityType, Map<string, Acc>>();
  private readonly groupedByDoc: boolean;
  /** The greatest `doc_id` so far (the current article's, while in order). */
  private maxDoc: string | null = null;
  /** With `groupedByDoc`: the articles were not in order (doc counts may be wrong). */
  interleaved = false;

  constructor(options: { groupedByDoc?: boolean } = {}) {
    this.groupedByDoc = options.groupedByDoc ?? false;
  }

  add(m: EntityMention & { doc_id: string }): void {
    let ofType = this.groupOf.get(m.type);
    if (!ofType) this.groupOf.set(m.type, (ofType = new Map()));
    let acc = ofType.get(m.canonical);
    if (!acc) {
      const key = `${m.type}\u241f${foldKey(m.canonical)}`;
      acc = this.groups.get(key);
      if (!acc) {
        acc = { type: m.type, names: new Map(), aliases: new Set(), surfaces: new Set(), codes: new Map(), count: 0, docs: this.groupedByDoc ? null : new Set(), docCount: 0, lastDoc: null };
        this.groups.set(key, acc);
      }
      ofType.set(m.canonical, acc);
    }
    acc.names.set(m.canonical, (acc.names.get(m.canonical) ?? 0) + 1);
    if (!acc.surfaces.has(m.surface)) {
      acc.surfaces.add(m.surface);
      acc.aliases.add(m.surface.replace(/\s+/g, ' '));
    }
    if (m.country_code) acc.codes.set(m.country_code, (acc.codes.get(m.country_code) ?? 0) + 1);
    acc.count++;
    if (acc.docs) acc.docs.add(m.doc_id);
    else {
      if (this.maxDoc !== null && m.doc_id < this.maxDoc) this.interleaved = true;
      else this.maxDoc = m.doc_id;
      if (acc.lastDoc !== m.doc_id) {
        acc.docCount++;
        acc.lastDoc = m.doc_id;
      }
    }
  }

  /** The rows, in the table's order (type, then name). */
  records(): EntityRecord[] {
    const records: EntityRecord[] = [...this.groups.values()].map((acc) => {
      const name = [...acc.names.entries()].sort(byCountThenName)[0][0];
      return {
        id: entityIdFor(acc.type, name),
        name,
        type: acc.type,
        country_code: [...acc.codes.entries()].sort(byCountThenName)[0]?.[0] ?? null,
        aliases: [...acc.aliases].sort(),
        mention_count: acc.count,
        doc_count: acc.docs ? acc.docs.size : acc.docCount,
      };
    });
    return records.sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}

/** The `entities` table of a set of mentions (see EntityAggregator). */
export function aggregateEntities(mentions: Iterable<EntityMention & { doc_id: string }>): EntityRecord[] {
  const aggregator = new EntityAggregator();
  for (const m of mentions) aggregator.add(m);
  return aggregator.records();
}
