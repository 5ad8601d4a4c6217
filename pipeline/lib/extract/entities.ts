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
  /** The article-level canonical name, as the article gives it (`Poutine`, `UE`, `Kremlin`, `Russie`). */
  canonical: string;
  /**
   * Who the entity is across articles: the gazetteer's name of a person or organization the rules
   * know (`Vladimir Poutine` for `Poutine`, `Union européenne` for `UE`), else `canonical`. The
   * `entities` table has one row per type and identity; mentions without it (older files) read `canonical`.
   */
  identity?: string;
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
      mention = { surface, canonical: e.name, identity: e.ruleName ?? e.name, type: 'person', country_code: isoOrNull(e.code), start: m.start, end: m.end };
    } else if (m.type === 'organization' && m.via !== 'description') {
      // a news outlet stands for no state (its mention has no code) but has a country
      const e = m.entity >= 0 ? doc.entities[m.entity] : null;
      const canonical = e?.name ?? m.name;
      mention = { surface, canonical, identity: (e ? e.ruleName : m.ruleName) ?? canonical, type: 'organization', country_code: isoOrNull(m.codes[0] ?? e?.code ?? organizationCountry(m)), start: m.start, end: m.end };
    } else if (m.type === 'organization' && m.codes.length) {
      mention = { surface, canonical: m.name, identity: m.name, type: 'organization', country_code: isoOrNull(m.codes[0]), start: m.start, end: m.end };
    } else if (m.type === 'country' && (m.via === 'name' || m.via === 'demonym') && isoOrNull(m.codes[0])) {
      mention = { surface, canonical: m.name, identity: m.name, type: 'country', country_code: m.codes[0], start: m.start, end: m.end };
    } else if (m.type === 'place') {
      mention = { surface, canonical: m.name, identity: m.name, type: 'place', country_code: isoOrNull(m.codes[0]), start: m.start, end: m.end };
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

/** The stable id of an entity, from its type and identity (see EntityMention.identity); quotes use it for `speaker_id`. */
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

/**
 * The `speaker_id` of a quote's speaker (a name the article gives, as its mentions' `canonical`):
 * the id of its entity's row, one per identity (`Poutine` in one article and `Vladimir Poutine`
 * in another both point at Vladimir Poutine's row); null for a speaker the article names no entity.
 */
export function speakerIds(mentions: readonly EntityMention[]): (speaker: { type: EntityType; name: string }) => string | null {
  const identities = new Map<string, string>();
  for (const m of mentions) {
    const key = `${m.type}\u241f${m.canonical}`;
    if (!identities.has(key)) identities.set(key, m.identity ?? m.canonical);
  }
  return (speaker) => {
    const identity = identities.get(`${speaker.type}\u241f${speaker.name}`);
    return identity === undefined ? null : entityIdFor(speaker.type, identity);
  };
}

type Acc = {
  type: EntityType; names: Map<string, number>; aliases: Set<string>; surfaces: Set<string>; codes: Map<string, number>; count: number;
  /** The articles naming the entity (unless mentions come grouped by article: then only the count and the last one). */
  docs: Set<string> | null; docCount: number; lastDoc: string | null;
};

const byCountThenName = (a: [string, number], b: [string, number]) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * Builds the corpus-level `entities` table one mention at a time (memory grows with the
 * number of distinct entities, not of mentions): one row per (type, identity), identities
 * folded for case and accents. A person or organization the gazetteer knows is one row named
 * as the rules name it (`Vladimir Poutine`), every form the articles write (`Poutine`) among
 * its aliases; any other entity is keyed by its article-level name. The result does not depend
 * on the order of mentions.
 *
 * With `groupedByDoc`, the mentions are expected in article order (`doc_id` ascending, as
 * clean sorts the articles and extraction writes them): an entity's articles are then counted
 * without being kept, so memory holds the distinct entities only. Should a `doc_id` come
 * after a greater one, `interleaved` turns true and the counts may be wrong: aggregate again
 * without the option.
 */
export class EntityAggregator {
  private readonly groups = new Map<string, Acc>();
  /** Each group by type and identity as written: folding a name is slow and names repeat. */
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
    const identity = m.identity ?? m.canonical;
    let acc = ofType.get(identity);
    if (!acc) {
      const key = `${m.type}\u241f${foldKey(identity)}`;
      acc = this.groups.get(key);
      if (!acc) {
        acc = { type: m.type, names: new Map(), aliases: new Set(), surfaces: new Set(), codes: new Map(), count: 0, docs: this.groupedByDoc ? null : new Set(), docCount: 0, lastDoc: null };
        this.groups.set(key, acc);
      }
      ofType.set(identity, acc);
    }
    acc.names.set(identity, (acc.names.get(identity) ?? 0) + 1);
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
