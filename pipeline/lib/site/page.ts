import type { TableSchema } from '../schema.ts';
import { agreementsByStatusChart, quotesPerSpeakerChart, timelineChart, timelinePoints, TOP_SPEAKERS } from './charts.ts';
import { escapeHtml, formatCount } from './html.ts';
import { articleLabel, type SiteData } from './model.ts';
import { MAX_SEARCHABLE_ROWS, recordsSection } from './records-section.ts';
import { evaluationSection, qualitySection } from './report-section.ts';
import { sqlSection } from './sql-section.ts';
import { tablesSection } from './tables-section.ts';

/** Where the stage puts the page's script and DuckDB-WASM, relative to DIST. */
export const SITE_SCRIPT = 'site/app.js';

function enumOf(schema: TableSchema | undefined, column: string): string[] {
  return (schema?.properties[column]?.enum ?? []).filter((v): v is string => typeof v === 'string');
}

/** A chart in a figure that names its number of marks, or a note when there is nothing to draw. */
function chartFigure(id: string, caption: string, marks: number, svg: () => string, empty: string): string {
  const body = marks > 0 ? svg() : `<p class="empty">${escapeHtml(empty)}</p>`;
  return `<figure class="chart" id="${id}" data-marks="${marks}">\n<figcaption>${caption}</figcaption>\n${body}\n</figure>`;
}

function chartsSection(data: SiteData): string {
  // the timeline draws the events the searchable table lists (its dots link to their rows), so
  // the page stays light on a large corpus; the files hold every event
  const listed = data.events.slice(0, MAX_SEARCHABLE_ROWS);
  const points = timelinePoints(listed, (docId) => articleLabel(data, docId));
  const undrawn = listed.filter((e) => e.date != null).length - points.length;
  const unlisted = Math.max(0, (data.rowCounts.get('events') ?? data.events.length) - listed.length);
  const speakers = data.speakers;
  const statuses = data.statuses;
  const timeline = chartFigure(
    'chart-timeline',
    `Timeline of dated events: ${formatCount(points.length)} event(s) placed at the middle of the period their date names (the band shows the period when it is longer than a day); colour is the PLOVER type. Hover a dot for the sentence and the article, click it to find the event in the table below.` +
      (undrawn > 0 ? ` ${formatCount(undrawn)} event(s) dated only to a decade or a century are not drawn.` : '') +
      (unlisted > 0 ? ` Only the first ${formatCount(listed.length)} events (in article order) are drawn; the ${formatCount(unlisted)} others are in the downloads.` : ''),
    points.length,
    () => timelineChart(points, enumOf(data.schemas.get('events'), 'type')),
    'No dated events in this build.',
  );
  const quotes = chartFigure(
    'chart-speakers',
    `Quotations per speaker${data.speakerCount > TOP_SPEAKERS ? ` (the ${TOP_SPEAKERS} most quoted of ${formatCount(data.speakerCount)})` : ''}.`,
    Math.min(speakers.length, TOP_SPEAKERS),
    () => quotesPerSpeakerChart(speakers),
    'No quotations in this build.',
  );
  const agreements = chartFigure(
    'chart-agreements',
    'Agreements by status (one record per sentence that mentions an agreement with new facts). Hover a bar for the agreements it counts.',
    statuses.length,
    () => agreementsByStatusChart(statuses),
    'No agreements in this build.',
  );
  return `<section id="charts">\n<h2>Charts</h2>\n${timeline}\n${quotes}\n${agreements}\n</section>`;
}

const STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1100px; padding: 0 1.2em 4em; color: #1d1d1f; }
header { border-bottom: 1px solid #ddd; margin-bottom: 1em; }
nav a { margin-right: 1em; }
h2 { margin-top: 2em; border-bottom: 1px solid #eee; }
table { border-collapse: collapse; font-size: 13px; width: 100%; }
th, td { border-bottom: 1px solid #eee; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f6f6f6; position: sticky; top: 0; }
.num, td .num { font-variant-numeric: tabular-nums; }
code { font-size: 12px; background: #f4f4f4; padding: 0 2px; }
code.sha { font-size: 10px; color: #666; word-break: break-all; }
.downloads { list-style: none; padding: 0; }
.downloads li { margin: 2px 0; }
a.download { display: inline-block; min-width: 5em; font-weight: 600; }
.rows { font-weight: normal; color: #666; font-size: 14px; }
.values { color: #555; }
.scroll { max-height: 32em; overflow: auto; border: 1px solid #eee; }
figure.chart { margin: 1.5em 0; overflow-x: auto; }
figcaption { color: #444; margin-bottom: .5em; }
.empty { color: #888; font-style: italic; }
input[type=search] { width: 24em; padding: 4px; }
textarea { width: 100%; font: 13px ui-monospace, monospace; box-sizing: border-box; }
button.example { margin: 2px; }
#sql-status.error { color: #b00020; white-space: pre-wrap; }
svg a circle:hover { stroke: #000; stroke-width: 2; }
tr:target { background: #fff3b0; }
`;

/** dist/index.html: deterministic (no date or build path in it), self-contained except its script. */
export function renderPage(data: SiteData): string {
  const tables = [...data.schemas.keys()];
  const sections = [
    ['tables', 'Tables and downloads'],
    ['charts', 'Charts'],
    ['records', 'Search'],
    ['sql', 'SQL'],
    ['quality', 'Quality'],
    ...(data.evaluation || data.realEvaluation ? [['evaluation', 'Scores']] : []),
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(data.title)}</title>
<style>${STYLE}</style>
<script type="module" src="${SITE_SCRIPT}"></script>
</head>
<body>
<header>
<h1>${escapeHtml(data.title)}</h1>
<p>${escapeHtml(data.description)}</p>
<p>License: <a href="${escapeHtml(data.license.path)}">${escapeHtml(data.license.title)}</a>. Metadata: <a href="datapackage.json">datapackage.json</a> (Frictionless Data Package), <a href="README.md">README.md</a> (data dictionary), <a href="SHA256SUMS">SHA256SUMS</a>.</p>
<nav>${sections.map(([id, label]) => `<a href="#${id}">${label}</a>`).join('')}</nav>
</header>
<main>
${tablesSection(data)}
${chartsSection(data)}
${recordsSection(data)}
${sqlSection(tables, data.examples)}
${qualitySection(data.quality)}
${evaluationSection(data.evaluation, data.realEvaluation)}
</main>
</body>
</html>
`;
}
