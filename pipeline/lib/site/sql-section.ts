import { escapeHtml } from './html.ts';
import type { ExampleQuery } from './model.ts';

export const DEFAULT_QUERY = 'SELECT count(*) AS events FROM events';

/** The SQL box: DuckDB-WASM runs in the page over the published Parquet files (see browser/app.ts). */
export function sqlSection(tables: string[], examples: ExampleQuery[]): string {
  const buttons = examples
    .map((e) => `<button type="button" class="example" data-sql="${escapeHtml(e.sql)}">${escapeHtml(e.name)}</button>`)
    .join(' ');
  return `<section id="sql">
<h2>Query the data with SQL</h2>
<p>DuckDB runs in this page (WebAssembly) over the Parquet files; each table is a view named after it: ${tables.map((t) => `<code>${t}</code>`).join(', ')}. It needs the page to be served over HTTP (<code>make serve</code>), not opened as a file.</p>
<p class="examples">Ready examples (the queries behind <code>summaries/</code>): ${buttons}</p>
<form id="sql-form" data-tables="${tables.join(' ')}">
<textarea id="sql-input" name="sql" rows="8" spellcheck="false" aria-label="SQL query">${escapeHtml(DEFAULT_QUERY)}</textarea>
<p><button type="submit" id="sql-run">Run</button> <span id="sql-status" role="status">DuckDB loads on the first run (about 8 MB).</span></p>
</form>
<div id="sql-result" class="scroll"></div>
</section>`;
}
