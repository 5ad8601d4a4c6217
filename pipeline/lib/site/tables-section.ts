import { CSV_CONVENTIONS, csvListNote } from '../csv.ts';
import { columnsOf, duckdbType } from '../schema.ts';
import { escapeHtml, formatBytes, formatCount, htmlTable, withInlineCode } from './html.ts';
import type { DownloadFile, SiteData } from './model.ts';

export function downloadLink(file: DownloadFile): string {
  return (
    `<a class="download" href="${escapeHtml(file.path)}" download data-sha256="${file.sha256}">${escapeHtml(file.format.toUpperCase())}${file.compression ? ` (${escapeHtml(file.compression)})` : ''}</a> ` +
    `<span class="size">${formatBytes(file.bytes)}</span> <code class="sha" title="SHA-256 of ${escapeHtml(file.path)}">${file.sha256}</code>`
  );
}

/** Per table: what a row is, how many rows, the downloads and the data dictionary. */
export function tablesSection(data: SiteData): string {
  const overview = htmlTable(
    ['table', 'rows', 'one row is'],
    [...data.schemas].map(([name, schema]) => [
      `<a href="#table-${name}">${name}</a>`,
      `<span class="num">${formatCount(data.rowCounts.get(name) ?? 0)}</span>`,
      withInlineCode(schema.description),
    ]),
    'class="overview"',
  );
  const tables = [...data.schemas].map(([name, schema]) => {
    const files = data.tableFiles.get(name) ?? [];
    const columns = htmlTable(
      ['column', 'type', 'null', 'description'],
      columnsOf(schema).map((c) => [
        `<code>${c.name}</code>`,
        `<code>${duckdbType(c)}</code>`,
        c.nullable ? 'yes' : 'no',
        withInlineCode(c.description) +
          (c.enum?.length ? ` <span class="values">Values: ${c.enum.map((v) => `<code>${escapeHtml(String(v))}</code>`).join(', ')}.</span>` : '') +
          (c.type === 'array' ? ` <span class="values">${escapeHtml(csvListNote(c))}</span>` : ''),
      ]),
      'class="columns"',
    );
    return `<section class="table" id="table-${name}" data-table="${name}">
<h3>${name} <span class="rows" data-rows="${data.rowCounts.get(name) ?? 0}">${formatCount(data.rowCounts.get(name) ?? 0)} rows</span></h3>
<p>${withInlineCode(schema.description)} Rows are ordered by ${schema['x-order'].map((k) => `<code>${k}</code>`).join(', ')}.</p>
<ul class="downloads">${files.map((f) => `<li>${downloadLink(f)}</li>`).join('')}</ul>
<details><summary>${columnsOf(schema).length} columns</summary>
${columns}
</details>
</section>`;
  });
  const gzipped = [...data.tableFiles.values()].some((files) => files.some((f) => f.compression));
  const others = data.otherFiles.length
    ? `<h3>Other files</h3>\n<ul class="downloads other">${data.otherFiles.map((f) => `<li><code>${escapeHtml(f.path)}</code> ${downloadLink(f)}</li>`).join('\n')}</ul>`
    : '';
  return `<section id="tables">
<h2>Tables and downloads</h2>
<p>Every table is published as CSV, JSON and Parquet with the same rows in the same order.${gzipped ? ' The CSV and JSON files are gzipped (<code>NAME.csv.gz</code>, <code>NAME.json.gz</code>): <code>gunzip</code> them, or read them as they are (DuckDB <code>read_csv</code>, pandas <code>read_csv</code>).' : ''} ${withInlineCode(CSV_CONVENTIONS)} Offsets index <code>documents.text</code>.</p>
${overview}
${tables.join('\n')}
${others}
</section>`;
}
