import { stableId } from '../ids.ts';
import type { Doc } from '../nlp/doc.ts';
import { organizationCountry } from '../nlp/mentions.ts';
import type { EntityRecord } from '../types.generated.ts';

/**
 * Named entities of one article (people, organizations, countries, places), read from the
 * document model's mentions, and their corpus-level aggregation into the `entities` table.
 */

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

const ISO_ALPHA3 = /^[A-Z]{3}$/;
const isoOrNull = (code: string | null | undefined): string | null => (code && ISO_ALPHA3.test(code) ? code : null);

/** Every person, organization, country and place mention of one article (role descriptions are not names). */
export function entityMentions(doc: Doc): EntityMention[] {
  const out: EntityMention[] = [];
  let lastEnd = -1;
  for (const m of doc.mentions) {
    if (m.start < lastEnd) continue; // nested mentions (`russe` in `le président russe`) count once, as their outer one
    let mention: EntityMention | null = null;
    const surface = doc.text.slice(m.start, m.end);
    if (m.type === 'person' && m.entity >= 0) {
      const e = doc.entities[m.entity];
      mention = { surface, canonical: e.name, type: 'person', country_code: isoOrNull(e.code), start: m.start, end: m.end };
    } else if (m.type === 'organization' && m.via !== 'description') {
      // a news outlet stands for no state (its mention has no code) but has a country
      const e = m.entity >= 0 ? doc.entities[m.entity] : null;
      mention = { surface, canonical: e?.name ?? m.name, type: 'organization', country_code: isoOrNull(m.codes[0] ?? e?.code ?? organizationCountry(m)), start: m.start, end: m.end };
    } else if (m.type === 'organization' && m.codes.length) {
      mention = { surface, canonical: m.name, type: 'organization', country_code: isoOrNull(m.codes[0]), start: m.start, end: m.end };
    } else if (m.type === 'country' && (m.via === 'name' || m.via === 'demonym') && isoOrNull(m.codes[0])) {
      mention = { surface, canonical: m.name, type: 'country', country_code: m.codes[0], start: m.start, end: m.end };
    } else if (m.type === 'place') {
      mention = { surface, canonical: m.name, type: 'place', country_code: isoOrNull(m.codes[0]), start: m.start, end: m.end };
    }
    if (mention) {
      out.push(mention);
      lastEnd = m.end;
    } else if (m.type === 'role') lastEnd = -1;
  }
  return out;
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
