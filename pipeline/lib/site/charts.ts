// Charts rendered at build time with Observable Plot on a server-side DOM (linkedom): the page
// gets plain inline SVG, readable without JavaScript, and each mark carries a <title> (shown on
// hover) and, on the timeline, a link to its row in the events table. Each mark's group has a
// class (mark-event, mark-speaker, mark-status) by which tests count the marks.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { PageEvent, SpeakerCount, StatusCount } from './model.ts';
import { midpoint, periodOf, type Period } from './periods.ts';

/** Precisions drawn on the timeline; a decade or a century would stretch the axis over generations. */
export const TIMELINE_PRECISIONS = new Set(['day', 'week', 'month', 'season', 'year']);

/** Most-quoted speakers shown in the chart; the searchable table has them all. */
export const TOP_SPEAKERS = 25;

export interface TimelinePoint {
  event: PageEvent;
  period: Period;
  article: string;
}

/** Dated events the timeline can draw, with the period their date covers. */
export function timelinePoints(events: PageEvent[], articleLabel: (docId: string) => string): TimelinePoint[] {
  const points: TimelinePoint[] = [];
  for (const event of events) {
    if (!event.precision || !TIMELINE_PRECISIONS.has(event.precision)) continue;
    const period = periodOf(event.date);
    if (period) points.push({ event, period, article: articleLabel(event.doc_id) });
  }
  return points;
}

function serverDocument(): Document {
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}

function render(options: Plot.PlotOptions): string {
  return (Plot.plot({ ...options, document: serverDocument() }) as Element).outerHTML;
}

/** One dot per event at the middle of its period, a band showing the period when coarser than a day. */
export function timelineChart(points: TimelinePoint[], typeOrder: readonly string[]): string {
  const types = typeOrder.filter((t) => points.some((p) => p.event.type === t));
  const spans = points.filter((p) => p.event.precision !== 'day');
  const title = (p: TimelinePoint) =>
    `${p.event.type} · ${p.event.date} (${p.event.precision}) · ${p.event.trigger}\n${p.event.evidence}\nArticle: ${p.article}`;
  return render({
    width: 960,
    height: 60 + 28 * types.length,
    marginLeft: 90,
    x: { type: 'utc', label: 'date', grid: true },
    y: { type: 'band', domain: types, label: null },
    // tableau10 repeats itself past ten types; the 17 PLOVER types then take turbo's spread.
    color: { type: 'ordinal', domain: types, scheme: types.length > 10 ? 'turbo' : 'tableau10', legend: true },
    marks: [
      Plot.barX(spans, {
        x1: (p: TimelinePoint) => p.period.start,
        x2: (p: TimelinePoint) => p.period.end,
        y: (p: TimelinePoint) => p.event.type,
        fill: (p: TimelinePoint) => p.event.type,
        fillOpacity: 0.18,
        insetTop: 6,
        insetBottom: 6,
        className: 'mark-period',
      }),
      Plot.dot(points, {
        x: (p: TimelinePoint) => midpoint(p.period),
        y: (p: TimelinePoint) => p.event.type,
        fill: (p: TimelinePoint) => p.event.type,
        r: 5,
        stroke: 'white',
        title,
        href: (p: TimelinePoint) => `#event-${p.event.id}`,
        ariaLabel: (p: TimelinePoint) => `${p.event.type} ${p.event.date}`,
        className: 'mark-event',
      }),
    ],
  });
}

export function quotesPerSpeakerChart(counts: SpeakerCount[]): string {
  const shown = counts.slice(0, TOP_SPEAKERS);
  return render({
    width: 960,
    height: 50 + 22 * shown.length,
    marginLeft: 220,
    x: { label: 'quotations', grid: true },
    y: { domain: shown.map((s) => s.speaker), label: null },
    marks: [
      Plot.barX(shown, {
        x: 'quotes',
        y: 'speaker',
        fill: '#4269d0',
        title: (s: SpeakerCount) => `${s.speaker}: ${s.quotes} quotation(s), ${s.fragments} fragment(s), in ${s.articles} article(s)`,
        className: 'mark-speaker',
      }),
      Plot.ruleX([0]),
    ],
  });
}

export function agreementsByStatusChart(counts: StatusCount[]): string {
  return render({
    width: 640,
    height: 300,
    x: { domain: counts.map((s) => s.status), label: 'status' },
    y: { label: 'agreements', grid: true },
    color: { type: 'ordinal', domain: counts.map((s) => s.status), scheme: 'tableau10' },
    marks: [
      Plot.barY(counts, {
        x: 'status',
        y: 'agreements',
        fill: 'status',
        title: (s: StatusCount) => `${s.status}: ${s.agreements} agreement record(s)\n${s.names.join('\n')}` + (s.otherNames ? `\n… and ${s.otherNames} other name(s)` : ''),
        className: 'mark-status',
      }),
      Plot.ruleY([0]),
    ],
  });
}
