/// <reference lib="dom" />
// The page's script, bundled by esbuild into DIST/site/app.js: filters the searchable tables
// and runs the SQL box with DuckDB-WASM over the published Parquet files.
import * as duckdb from '@duckdb/duckdb-wasm';

const WORKER_URL = 'site/duckdb-browser-eh.worker.js';
// Shipped gzipped (34 MB -> 8 MB) because dist/ is committed; the page inflates it itself so
// that any static file server works, without Content-Encoding set up.
const WASM_GZ_URL = 'site/duckdb-eh.wasm.gz';
const MAX_RESULT_ROWS = 1000;

function setUpSearch(container: HTMLElement): void {
  const input = container.querySelector<HTMLInputElement>('input[type=search]');
  const counter = container.querySelector<HTMLElement>('.match-count');
  const rows = [...container.querySelectorAll<HTMLTableRowElement>('tbody tr')];
  if (!input || !counter) return;
  const total = counter.textContent?.replace(/^[\d,]+ of /, '') ?? '';
  input.addEventListener('input', () => {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const row of rows) {
      const text = row.dataset.search ?? '';
      const match = words.every((w) => text.includes(w));
      row.hidden = !match;
      if (match) shown += 1;
    }
    counter.textContent = `${shown.toLocaleString('en-US')} of ${total}`;
  });
}

async function inflatedWasmUrl(): Promise<string> {
  const response = await fetch(WASM_GZ_URL);
  if (!response.ok || !response.body) throw new Error(`cannot load ${WASM_GZ_URL}: HTTP ${response.status}`);
  const wasm = await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
  return URL.createObjectURL(new Blob([wasm], { type: 'application/wasm' }));
}

async function openDatabase(tables: string[]): Promise<duckdb.AsyncDuckDBConnection> {
  const worker = new Worker(new URL(WORKER_URL, document.baseURI));
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(await inflatedWasmUrl());
  const connection = await db.connect();
  for (const table of tables) {
    const file = `${table}.parquet`;
    await db.registerFileURL(file, new URL(file, document.baseURI).href, duckdb.DuckDBDataProtocol.HTTP, false);
    await connection.query(`CREATE VIEW "${table}" AS SELECT * FROM read_parquet('${file}')`);
  }
  return connection;
}

function cellText(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'object') {
    const plain = typeof (value as { toJSON?: () => unknown }).toJSON === 'function' ? (value as { toJSON: () => unknown }).toJSON() : value;
    return JSON.stringify(plain, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  }
  return String(value);
}

function resultTable(columns: string[], rows: unknown[][]): HTMLTableElement {
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const c of columns) head.appendChild(document.createElement('th')).textContent = c;
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const value of row) tr.insertCell().textContent = cellText(value);
  }
  return table;
}

function setUpSql(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLTextAreaElement>('textarea')!;
  const status = document.getElementById('sql-status')!;
  const output = document.getElementById('sql-result')!;
  const tables = (form.dataset.tables ?? '').split(' ').filter(Boolean);
  let connection: Promise<duckdb.AsyncDuckDBConnection> | null = null;

  for (const button of document.querySelectorAll<HTMLButtonElement>('button.example')) {
    button.addEventListener('click', () => {
      input.value = button.dataset.sql ?? '';
      form.requestSubmit();
    });
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    status.className = '';
    status.textContent = connection ? 'Running…' : 'Loading DuckDB…';
    form.dataset.state = 'running';
    try {
      connection ??= openDatabase(tables);
      const started = performance.now();
      const result = await (await connection).query(input.value);
      const columns = result.schema.fields.map((f) => f.name);
      const rows = result.toArray().slice(0, MAX_RESULT_ROWS).map((r) => columns.map((c) => (r as Record<string, unknown>)[c]));
      output.replaceChildren(resultTable(columns, rows));
      const more = result.numRows > MAX_RESULT_ROWS ? ` (first ${MAX_RESULT_ROWS} shown)` : '';
      status.textContent = `${result.numRows.toLocaleString('en-US')} row(s)${more} in ${Math.round(performance.now() - started)} ms.`;
      form.dataset.state = 'done';
    } catch (err) {
      if (connection && !(await connection.then(() => true, () => false))) connection = null;
      status.className = 'error';
      status.textContent = err instanceof Error ? err.message : String(err);
      output.replaceChildren();
      form.dataset.state = 'error';
    }
  });
}

for (const container of document.querySelectorAll<HTMLElement>('.searchable')) setUpSearch(container);
const sqlForm = document.querySelector<HTMLFormElement>('#sql-form');
if (sqlForm) setUpSql(sqlForm);
