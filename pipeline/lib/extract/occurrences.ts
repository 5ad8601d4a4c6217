import { stableId } from '../ids.ts';
import type { DocumentRecord, EventRecord, OccurrenceRecord } from '../types.generated.ts';

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

interface Cluster {
  members: EventRecord[];
}

function bestDate(members: EventRecord[]): { date: string | null; precision: Precision } {
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

function fitsCluster(cluster: Cluster, event: EventRecord): boolean {
  const { date } = bestDate(cluster.members);
  if (!datesCompatible(date, event.date)) return false;
  // Every member must agree with the newcomer, so two different days never meet through a month.
  // Distinct mentions of one sentence are distinct occurrences by construction.
  return cluster.members.every(
    (m) => datesCompatible(m.date, event.date) && placesCompatible(m.location, event.location) && !(m.doc_id === event.doc_id && m.evidence_start === event.evidence_start),
  );
}

const actorsKey = (event: EventRecord): string => [...event.actors].sort().join(',');

/** Deterministic order: most precise dates first, so coarse mentions join the precise occurrence they refine. */
function compareForClustering(a: EventRecord, b: EventRecord): number {
  return rank(b.precision) - rank(a.precision) || (a.date ?? '').localeCompare(b.date ?? '') || a.doc_id.localeCompare(b.doc_id) || a.start - b.start || a.id.localeCompare(b.id);
}

/**
 * Groups event records from the whole corpus into occurrences (pure, deterministic).
 * Returns the occurrence rows, sorted by type, date and id, and the occurrence of every event id.
 */
export function groupOccurrences(
  events: EventRecord[],
  documents: Pick<DocumentRecord, 'doc_id' | 'published'>[],
): { occurrences: OccurrenceRecord[]; occurrenceOf: Map<string, string> } {
  const publishedOf = new Map(documents.map((d) => [d.doc_id, d.published]));
  const byKey = new Map<string, EventRecord[]>();
  for (const event of events) {
    const key = `${event.type}|${actorsKey(event)}`;
    byKey.set(key, [...(byKey.get(key) ?? []), event]);
  }
  const clusters: Cluster[] = [];
  for (const key of [...byKey.keys()].sort()) {
    const local: Cluster[] = [];
    for (const event of [...(byKey.get(key) ?? [])].sort(compareForClustering)) {
      // A coarse mention that fits several occurrences (a month holding two meetings) joins none.
      const homes = event.date == null ? [] : local.filter((c) => fitsCluster(c, event));
      if (homes.length === 1) homes[0].members.push(event);
      else local.push({ members: [event] });
    }
    clusters.push(...local);
  }

  const occurrences: OccurrenceRecord[] = [];
  const occurrenceOf = new Map<string, string>();
  for (const { members } of clusters) {
    const first = members[0];
    const memberIds = members.map((m) => m.id).sort();
    const occurrence_id = stableId('occurrences', first.type, actorsKey(first), ...memberIds);
    const reports = [...new Set(members.map((m) => publishedOf.get(m.doc_id) ?? null))].filter((p): p is string => p != null).sort();
    occurrences.push({
      occurrence_id,
      type: first.type,
      actors: [...first.actors].sort(),
      ...bestDate(members),
      location: mostFrequent(members.map((m) => m.location)),
      articles: new Set(members.map((m) => m.doc_id)).size,
      mentions: members.length,
      first_report: reports[0] ?? null,
      last_report: reports[reports.length - 1] ?? null,
    });
    for (const id of memberIds) occurrenceOf.set(id, occurrence_id);
  }
  occurrences.sort((a, b) => a.type.localeCompare(b.type) || (a.date ?? '').localeCompare(b.date ?? '') || a.occurrence_id.localeCompare(b.occurrence_id));
  return { occurrences, occurrenceOf };
}
