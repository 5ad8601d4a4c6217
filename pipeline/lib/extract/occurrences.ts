import { sha256Hex } from '../ids.ts';
import type { DocumentRecord, EventRecord, OccurrenceRecord } from '../types.generated.ts';

/**
 * What grouping needs of an event: its identifying fields and its article's publication
 * date (the evidence text is not needed, so memory follows the number of events).
 */
export type OccurrenceEvent = Pick<EventRecord, 'id' | 'doc_id' | 'type' | 'actors' | 'date' | 'precision' | 'location' | 'start' | 'evidence_start'> & {
  /** `published` of the event's article (null when unknown). */
  published: string | null;
};

/**
 * Cross-article grouping of event mentions into occurrences: mentions that
 * share type and actors, whose dates are compatible (one refines the other:
 * `2022-12` and `2022-12-19`) and whose places do not conflict.
 * Undated mentions are never grouped: without a date nothing says two
 * reports of, say, Russian support for Belarus are the same act.
 */

type Precision = OccurrenceRecord['precision'];

const PRECISION_RANK: Record<NonNullable<Precision>, number> = { day: 7, week: 6, month: 5, season: 4, year: 3, decade: 2, century: 1 };

function rank(precision: Precision): number {
  return precision ? PRECISION_RANK[precision] : 0;
}

/** Two normalized dates are compatible when one is the other or refines it. */
export function datesCompatible(a: string | null, b: string | null): boolean {
  if (a == null || b == null) return false;
  return a === b || a.startsWith(`${b}-`) || b.startsWith(`${a}-`);
}

function placesCompatible(a: string | null, b: string | null): boolean {
  return a == null || b == null || a.toLocaleLowerCase('fr') === b.toLocaleLowerCase('fr');
}

/**
 * Members of a cluster agree pairwise (each newcomer agreed with every member), so their
 * dates are nested (`2022` ⊂ `2022-12` ⊂ `2022-12-19`) and they name at most one place:
 * a newcomer agrees with every member when it agrees with the finest date and that place.
 */
interface Cluster {
  members: OccurrenceEvent[];
  /** The most precise member date (null only for a lone undated mention). */
  finestDate: string | null;
  /** The place the members name (lower-cased), if any. */
  place: string | null;
  /** `doc_id` and `evidence_start` of the members' sentences. */
  sentences: Set<string>;
}

const sentenceKey = (event: OccurrenceEvent): string => `${event.doc_id}\u0000${event.evidence_start}`;
const placeKey = (location: string | null): string | null => (location == null ? null : location.toLocaleLowerCase('fr'));

function newCluster(event: OccurrenceEvent): Cluster {
  return { members: [event], finestDate: event.date, place: placeKey(event.location), sentences: new Set([sentenceKey(event)]) };
}

function addMember(cluster: Cluster, event: OccurrenceEvent): void {
  cluster.members.push(event);
  if (event.date != null && (cluster.finestDate == null || event.date.length > cluster.finestDate.length)) cluster.finestDate = event.date;
  cluster.place ??= placeKey(event.location);
  cluster.sentences.add(sentenceKey(event));
}

/** The dates `date` refines: its prefixes ending before a `-` (`2022`, `2022-12` for `2022-12-19`). */
function coarserDates(date: string): string[] {
  const coarser: string[] = [];
  for (let i = date.indexOf('-'); i >= 0; i = date.indexOf('-', i + 1)) coarser.push(date.slice(0, i));
  return coarser;
}

function bestDate(members: OccurrenceEvent[]): { date: string | null; precision: Precision } {
  const dated = members.filter((m) => m.date != null);
  if (!dated.length) return { date: null, precision: null };
  const counts = new Map<string, number>();
  for (const m of dated) counts.set(m.date as string, (counts.get(m.date as string) ?? 0) + 1);
  const best = [...dated].sort(
    (a, b) => rank(b.precision) - rank(a.precision) || (counts.get(b.date as string) ?? 0) - (counts.get(a.date as string) ?? 0) || (a.date as string).localeCompare(b.date as string),
  )[0];
  return { date: best.date, precision: best.precision };
}

function mostFrequent(values: Array<string | null>): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v != null) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

function fitsCluster(cluster: Cluster, event: OccurrenceEvent): boolean {
  // Every member must agree with the newcomer, so two different days never meet through a month.
  // Distinct mentions of one sentence are distinct occurrences by construction.
  return (
    datesCompatible(cluster.finestDate, event.date) &&
    placesCompatible(cluster.place, event.location) &&
    !cluster.sentences.has(sentenceKey(event))
  );
}

/** The clusters of one type and actor set, found by date: those a dated mention may join. */
class ClusterIndex {
  readonly clusters: Cluster[] = [];
  /** Clusters by their finest date and each date it refines. */
  private readonly byDateOrCoarser = new Map<string, Cluster[]>();
  /** Clusters by each finest date they have had (a refined cluster stays under its former ones). */
  private readonly byFinestDate = new Map<string, Cluster[]>();

  add(cluster: Cluster): void {
    this.clusters.push(cluster);
    this.register(cluster);
  }

  /** Adds `event` to `cluster`, re-indexing it when the event refines its date. */
  join(cluster: Cluster, event: OccurrenceEvent): void {
    const finest = cluster.finestDate;
    addMember(cluster, event);
    if (cluster.finestDate !== finest) this.register(cluster, finest);
  }

  /** The clusters `event` fits, stopping at two (a mention that fits several joins none). */
  homesOf(event: OccurrenceEvent): Cluster[] {
    const homes: Cluster[] = [];
    if (event.date == null) return homes;
    const coarser = coarserDates(event.date).map((date) => (this.byFinestDate.get(date) ?? []).filter((c) => c.finestDate === date));
    const candidates = [this.byDateOrCoarser.get(event.date) ?? [], ...coarser];
    for (const list of candidates) {
      for (const cluster of list) {
        if (!fitsCluster(cluster, event)) continue;
        homes.push(cluster);
        if (homes.length === 2) return homes;
      }
    }
    return homes;
  }

  private register(cluster: Cluster, previousFinest: string | null = null): void {
    const date = cluster.finestDate;
    if (date == null) return;
    push(this.byFinestDate, date, cluster);
    for (const key of [date, ...coarserDates(date)]) {
      // Dates the previous finest date already covered keep their entry.
      if (previousFinest != null && (key === previousFinest || previousFinest.startsWith(`${key}-`))) continue;
      push(this.byDateOrCoarser, key, cluster);
    }
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const actorsKey = (event: Pick<EventRecord, 'actors'>): string => [...event.actors].sort().join(',');

/** Deterministic order: most precise dates first, so coarse mentions join the precise occurrence they refine. */
function compareForClustering(a: OccurrenceEvent, b: OccurrenceEvent): number {
  return rank(b.precision) - rank(a.precision) || (a.date ?? '').localeCompare(b.date ?? '') || a.doc_id.localeCompare(b.doc_id) || a.start - b.start || a.id.localeCompare(b.id);
}

/** Events can share an occurrence only when they share this key (type and actor set). */
export const occurrenceKey = (event: Pick<EventRecord, 'type' | 'actors'>): string => `${event.type}|${actorsKey(event)}`;

/**
 * A finer key that still never separates two events that may share an occurrence: dates are
 * compatible only when one is a `-`-prefix of the other, so they have the same first segment
 * (the year), and an undated mention is always alone (keyed by its own id). Groups of
 * different keys are clustered independently (see `clusterOccurrences`).
 */
export function partitionKey(event: Pick<EventRecord, 'id' | 'type' | 'actors' | 'date'>): string {
  if (event.date == null) return `${occurrenceKey(event)}|\u0000${event.id}`;
  const dash = event.date.indexOf('-');
  return `${occurrenceKey(event)}|${dash < 0 ? event.date : event.date.slice(0, dash)}`;
}

/** The order of the `occurrences` table: type, date, id. */
export function compareOccurrences(a: OccurrenceRecord, b: OccurrenceRecord): number {
  return a.type.localeCompare(b.type) || (a.date ?? '').localeCompare(b.date ?? '') || a.occurrence_id.localeCompare(b.occurrence_id);
}

/**
 * Groups events into occurrences (pure, deterministic), calling `emit` once per occurrence
 * with its row, its members' ids (sorted) and its members. The occurrences do not depend on the order of
 * `events`, and events of different `partitionKey`s never share one, so any split of a corpus
 * along that key yields, part by part, exactly the occurrences of the whole.
 */
export function clusterOccurrences<E extends OccurrenceEvent>(events: E[], emit: (occurrence: OccurrenceRecord, memberIds: string[], members: readonly E[]) => void): void {
  const byKey = new Map<string, E[]>();
  for (const event of events) push(byKey, occurrenceKey(event), event);
  for (const key of [...byKey.keys()].sort()) {
    const local = new ClusterIndex();
    const group = byKey.get(key) ?? [];
    byKey.delete(key);
    for (const event of group.sort(compareForClustering)) {
      // A coarse mention that fits several occurrences (a month holding two meetings) joins none.
      const homes = local.homesOf(event);
      if (homes.length === 1) local.join(homes[0], event);
      else local.add(newCluster(event));
    }
    for (const cluster of local.clusters) {
      const members = cluster.members as E[];
      const first = members[0];
      const memberIds = members.map((m) => m.id).sort();
      // stableId('occurrences', type, actors, ...memberIds), without spreading a large occurrence's ids as arguments
      const occurrence_id = sha256Hex(['occurrences', first.type, actorsKey(first), ...memberIds].join('\u241f')).slice(0, 16);
      const reports = [...new Set(members.map((m) => m.published))].filter((p): p is string => p != null).sort();
      emit(
        {
          occurrence_id,
          type: first.type,
          actors: [...first.actors].sort(),
          ...bestDate(members),
          location: mostFrequent(members.map((m) => m.location)),
          articles: new Set(members.map((m) => m.doc_id)).size,
          mentions: members.length,
          first_report: reports[0] ?? null,
          last_report: reports[reports.length - 1] ?? null,
        },
        memberIds,
        members,
      );
    }
  }
}

/** The grouping fields of an event record, with its article's publication date. */
export function occurrenceEvent(event: EventRecord, published: string | null): OccurrenceEvent {
  const { id, doc_id, type, actors, date, precision, location, start, evidence_start } = event;
  return { id, doc_id, type, actors, date, precision, location, start, evidence_start, published };
}

/**
 * Groups event records from the whole corpus into occurrences (pure, deterministic), in memory.
 * Returns the occurrence rows, sorted by type, date and id, and the occurrence of every event id.
 * (The link stage does the same in bounded memory: pipeline/lib/link/occurrences.ts.)
 */
export function groupOccurrences(
  events: EventRecord[],
  documents: Pick<DocumentRecord, 'doc_id' | 'published'>[],
): { occurrences: OccurrenceRecord[]; occurrenceOf: Map<string, string> } {
  const publishedOf = new Map(documents.map((d) => [d.doc_id, d.published]));
  const occurrences: OccurrenceRecord[] = [];
  const occurrenceOf = new Map<string, string>();
  clusterOccurrences(events.map((e) => occurrenceEvent(e, publishedOf.get(e.doc_id) ?? null)), (occurrence, memberIds) => {
    occurrences.push(occurrence);
    for (const id of memberIds) occurrenceOf.set(id, occurrence.occurrence_id);
  });
  occurrences.sort(compareOccurrences);
  return { occurrences, occurrenceOf };
}
