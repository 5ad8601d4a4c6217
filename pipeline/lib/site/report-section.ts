import type { QualityEntry } from '../quality.ts';
import { escapeHtml, formatCount, htmlTable } from './html.ts';
import type { EvaluationScores } from './model.ts';

/** Entries of the quality report listed in the page; the report files have them all. */
export const MAX_QUALITY_ROWS = 1000;

export function qualitySection(entries: QualityEntry[]): string {
  const rejected = entries.filter((e) => e.outcome === 'rejected').length;
  const capped = entries.length > MAX_QUALITY_ROWS ? ` Only the first ${formatCount(MAX_QUALITY_ROWS)} are listed below.` : '';
  const summary = `<p>${formatCount(rejected)} input file(s) rejected, ${formatCount(entries.length - rejected)} warning(s) on published files. The same list is in <a href="quality/report.csv">quality/report.csv</a> and <a href="quality/report.json">quality/report.json</a>.${capped}</p>`;
  const table = entries.length
    ? htmlTable(
        ['file', 'outcome', 'code', 'reason', 'stage'],
        entries.slice(0, MAX_QUALITY_ROWS).map((e) => [
          `<code>${escapeHtml(e.file)}</code>`,
          e.outcome === 'rejected' ? '<strong>rejected</strong>' : 'warning',
          `<code>${escapeHtml(e.code)}</code>`,
          escapeHtml(e.reason),
          escapeHtml(e.stage),
        ]),
        'class="quality"',
      )
    : '<p class="empty">Every input file was published without a warning.</p>';
  return `<section id="quality">\n<h2>Quality report</h2>\n${summary}\n${table}\n</section>`;
}

/** Scores are fractions in [0, 1] (3 decimals); counts are integers. */
function formatScore(value: number): string {
  return Number.isInteger(value) ? formatCount(value) : value.toFixed(3);
}

/**
 * The scores against hand-annotated gold articles, one table per set: this build's own articles
 * (quality/eval.json, the seeds) and the real-article development set (quality/eval-real.json).
 */
export function evaluationSection(scores: EvaluationScores | null, realScores: EvaluationScores | null = null): string {
  if (!scores && !realScores) return '';
  const parts: string[] = [];
  if (scores) parts.push(scoreTable(scores, 'This build\'s articles', 'quality/eval.json', 'the articles of this build that have gold annotations (the seeds)'));
  if (realScores) parts.push(scoreTable(realScores, 'Real articles', 'quality/eval-real.json', 'real French news excerpts the rules were developed on (`make eval-real`), a harder test than the seeds'));
  return `<section id="evaluation">
<h2>Evaluation scores</h2>
<p>Precision <code>p</code>, recall <code>r</code> and <code>f1</code> per task against hand-annotated gold articles, with the task's own measures.</p>
${parts.join('\n')}
</section>`;
}

function scoreTable(scores: EvaluationScores, title: string, file: string, what: string): string {
  const tasks = Object.entries(scores).filter(
    (entry): entry is [string, Record<string, unknown>] => typeof entry[1] === 'object' && entry[1] !== null && !Array.isArray(entry[1]),
  );
  const metrics: string[] = [];
  for (const [, values] of tasks) for (const [k, v] of Object.entries(values)) if (typeof v === 'number' && !metrics.includes(k)) metrics.push(k);
  const table = htmlTable(
    ['task', ...metrics],
    tasks.map(([task, values]) => [escapeHtml(task), ...metrics.map((m) => (typeof values[m] === 'number' ? `<span class="num">${formatScore(values[m] as number)}</span>` : ''))]),
    'class="scores"',
  );
  const headline = Object.entries(scores)
    .filter(([, v]) => typeof v === 'number' || (Array.isArray(v) && v.length > 0))
    .map(([k, v]) => `<li><code>${escapeHtml(k)}</code>: ${Array.isArray(v) ? escapeHtml(v.join(', ')) : formatScore(v as number)}</li>`)
    .join('');
  return `<h3>${escapeHtml(title)}</h3>
<p>Scores on ${escapeHtml(what).replace(/`([^`]+)`/g, '<code>$1</code>')} (<a href="${file}">${file}</a>).</p>
<ul class="headline">${headline}</ul>
${table}`;
}
