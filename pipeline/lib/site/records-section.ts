import { escapeHtml, formatCount } from './html.ts';
import { articleLabel, type SiteData } from './model.ts';

/** Rows rendered into the page per searchable table; beyond that, the SQL box and the downloads. */
export const MAX_SEARCHABLE_ROWS = 5000;

interface SearchableTable {
  id: string;
  title: string;
  header: string[];
  /** Per row: an anchor id (or null) and the cells as plain text. */
  rows: { anchor: string | null; cells: string[] }[];
  total: number;
}

function searchableTable(t: SearchableTable): string {
  const shown = t.rows.slice(0, MAX_SEARCHABLE_ROWS);
  const capped = t.total > shown.length ? ` Only the first ${formatCount(shown.length)} are listed here: use the SQL box or the downloads for the rest.` : '';
  const body = shown
    .map((r) => {
      const search = escapeHtml(r.cells.join(' ').toLowerCase());
      const id = r.anchor ? ` id="${escapeHtml(r.anchor)}"` : '';
      return `<tr${id} data-search="${search}">${r.cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
    })
    .join('\n');
  return `<div class="searchable" id="${t.id}" data-total="${shown.length}">
<h3>${escapeHtml(t.title)}</h3>
<p><input type="search" placeholder="Filter ${escapeHtml(t.title.toLowerCase())}…" aria-label="Filter ${escapeHtml(t.title.toLowerCase())}"> <span class="match-count">${formatCount(shown.length)} of ${formatCount(t.total)} rows</span>${capped}</p>
${t.total === 0 ? '<p class="empty">No rows in this build.</p>' : ''}<div class="scroll"><table>
<thead><tr>${t.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody>
</table></div>
</div>`;
}

/** Searchable tables of quotations and events, filtered in the page by a text box. */
export function recordsSection(data: SiteData): string {
  const article = (docId: string) => articleLabel(data, docId);
  const quotes = searchableTable({
    id: 'quotes-search',
    title: 'Quotations',
    header: ['speaker', 'said on', 'quotation', 'kind', 'article'],
    rows: data.quotes.map((q) => ({ anchor: `quote-${q.id}`, cells: [q.speaker ?? '', q.said_on ?? '', q.text, q.kind, article(q.doc_id)] })),
    total: Math.max(data.rowCounts.get('quotes') ?? 0, data.quotes.length),
  });
  const events = searchableTable({
    id: 'events-search',
    title: 'Events',
    header: ['date', 'type', 'actors', 'trigger', 'evidence', 'location', 'article'],
    rows: data.events.map((e) => ({
      anchor: `event-${e.id}`,
      cells: [e.date ? `${e.date} (${e.precision})` : '', e.type + (e.modality === 'scheduled' ? ' (scheduled)' : ''), e.actors.join(', '), e.trigger, e.evidence, e.location ?? '', article(e.doc_id)],
    })),
    total: Math.max(data.rowCounts.get('events') ?? 0, data.events.length),
  });
  return `<section id="records">
<h2>Search quotations and events</h2>
${quotes}
${events}
</section>`;
}
