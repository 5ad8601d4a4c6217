import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { openDuckDB, sqlIdent, sqlString } from '../duckdb.ts';
import { LIST, listValue, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { publishedName, TABLE_FORMATS } from '../publish/files.ts';
import type { QualityEntry } from '../quality.ts';
import type { TableSchema } from '../schema.ts';
import { TOP_SPEAKERS } from './charts.ts';
import { MAX_STATUS_NAMES, UNATTRIBUTED, type DownloadFile, type ExampleQuery, type PageEvent, type PageQuote, type SiteData, type SpeakerCount, type StatusCount } from './model.ts';
import { MAX_SEARCHABLE_ROWS } from './records-section.ts';

interface DataPackageResource {
  path: string;
  format?: string;
  compression?: string;
  bytes?: number;
  hash?: string;
}

interface DataPackage {
  title: string;
  description: string;
  licenses: { title?: string; name: string; path: string }[];
  resources: DataPackageResource[];
}

/** The path of the evaluation scores the lead writes with `node scripts/score.mjs --json`. */
export const EVALUATION_FILE = join('quality', 'eval.json');
/** The scores of a build of the real-article development set (`make eval-real`). */
export const REAL_EVALUATION_FILE = join('quality', 'eval-real.json');

/**
 * DuckDB's buffer pool while the site stage reads the Parquet files: it only scans a few
 * columns, stops after the listed rows and aggregates small groups, so little is enough.
 */
const SITE_MEMORY_LIMIT = process.env.DUCKDB_MEMORY_LIMIT ?? '256MB';

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

function downloadFile(r: DataPackageResource): DownloadFile {
  if (r.bytes == null || !r.hash?.startsWith('sha256:')) throw new Error(`datapackage.json: resource ${r.path} has no bytes or sha256 hash`);
  return { path: r.path, format: r.format ?? r.path.split('.').pop() ?? '', bytes: r.bytes, sha256: r.hash.slice('sha256:'.length), ...(r.compression ? { compression: r.compression } : {}) };
}

/** JavaScript's order of strings (UTF-16 code units), the order the page always used. */
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type Row = Record<string, unknown>;

async function rows(con: DuckDBConnection, sql: string, values?: Parameters<DuckDBConnection['runAndReadAll']>[1], types?: Parameters<DuckDBConnection['runAndReadAll']>[2]): Promise<Row[]> {
  return (await con.runAndReadAll(sql, values, types)).getRowObjectsJS() as Row[];
}

/**
 * Reads what the page shows from a built dist folder (catalog must have run) and the SQL examples.
 * The tables are queried with DuckDB over their Parquet files: row counts, the first rows the
 * page lists, and the charts' aggregates, so that memory stays flat however large the corpus.
 */
export async function loadSiteData(dist: string, allSchemas: Map<string, TableSchema>, sqlDir: string): Promise<SiteData> {
  const pkg = readJson<DataPackage>(join(dist, 'datapackage.json'));
  // A dist built before a table was added to schemas/ is shown as it was published.
  const schemas = new Map([...allSchemas].filter(([name]) => pkg.resources.some((r) => r.path === `${name}.parquet`)));
  const tableFiles = new Map<string, DownloadFile[]>();
  const tablePaths = new Set<string>();
  for (const table of schemas.keys()) {
    const files = TABLE_FORMATS.map((format) => {
      // as published: NAME.csv, or NAME.csv.gz when the CSV and JSON files are gzipped
      const names = [publishedName(table, format, false), publishedName(table, format, true)];
      const resource = pkg.resources.find((r) => names.includes(r.path));
      if (!resource) throw new Error(`datapackage.json does not list ${table}.${format}`);
      tablePaths.add(resource.path);
      return downloadFile(resource);
    });
    tableFiles.set(table, files);
  }
  const otherFiles = pkg.resources.filter((r) => !tablePaths.has(r.path)).map(downloadFile);

  const { instance, con } = await openDuckDB(':memory:', SITE_MEMORY_LIMIT, { threads: 1 });
  let tables: Awaited<ReturnType<typeof readTables>>;
  try {
    for (const name of schemas.keys()) {
      await con.run(`CREATE VIEW ${sqlIdent(name)} AS SELECT * FROM read_parquet(${sqlString(join(dist, `${name}.parquet`))})`);
    }
    tables = await readTables(con, schemas);
  } finally {
    con.closeSync();
    instance.closeSync();
  }

  const evaluationPath = join(dist, EVALUATION_FILE);
  const realEvaluationPath = join(dist, REAL_EVALUATION_FILE);
  const examples: ExampleQuery[] = existsSync(sqlDir)
    ? readdirSync(sqlDir)
        .filter((f) => f.endsWith('.sql'))
        .sort()
        .map((f) => ({ name: basename(f, '.sql'), sql: readFileSync(join(sqlDir, f), 'utf8').trim() }))
    : [];
  const license = pkg.licenses[0];
  return {
    title: pkg.title,
    description: pkg.description,
    license: { title: license?.title ?? license?.name ?? '', path: license?.path ?? '' },
    schemas,
    tableFiles,
    otherFiles,
    ...tables,
    quality: existsSync(join(dist, 'quality', 'report.json')) ? readJson<QualityEntry[]>(join(dist, 'quality', 'report.json')) : [],
    evaluation: existsSync(evaluationPath) ? readJson<Record<string, unknown>>(evaluationPath) : null,
    realEvaluation: existsSync(realEvaluationPath) ? readJson<Record<string, unknown>>(realEvaluationPath) : null,
    examples,
  };
}

function enumOf(schema: TableSchema | undefined, column: string): string[] {
  return (schema?.properties[column]?.enum ?? []).filter((v): v is string => typeof v === 'string');
}

async function readTables(con: DuckDBConnection, schemas: Map<string, TableSchema>) {
  const rowCounts = new Map<string, number>();
  for (const name of schemas.keys()) {
    const [row] = await rows(con, `SELECT count(*) AS n FROM ${sqlIdent(name)}`);
    rowCounts.set(name, Number(row.n));
  }
  const has = (name: string) => schemas.has(name);

  // the first rows in table order (the Parquet files are written in the schema's row order)
  const events = has('events')
    ? ((await rows(con, `SELECT id, doc_id, type, trigger, evidence, actors, date, precision, location, modality FROM events LIMIT ${MAX_SEARCHABLE_ROWS}`)) as unknown as PageEvent[])
    : [];
  const quotes = has('quotes') ? ((await rows(con, `SELECT id, doc_id, text, kind, speaker, said_on FROM quotes LIMIT ${MAX_SEARCHABLE_ROWS}`)) as unknown as PageQuote[]) : [];

  // quotations per speaker, as pipeline/sql/quotes_per_speaker.sql: the most quoted and how many speakers
  let speakers: SpeakerCount[] = [];
  let speakerCount = 0;
  if (has('quotes')) {
    const top = await rows(
      con,
      `WITH s AS (
         SELECT coalesce(${has('entities') ? 'e.name, ' : ''}q.speaker, ${sqlString(UNATTRIBUTED)}) AS speaker, count(*) AS quotes,
                count(*) FILTER (WHERE q.kind = 'fragment') AS fragments, count(DISTINCT q.doc_id) AS articles
         FROM quotes q ${has('entities') ? 'LEFT JOIN entities e ON e.id = q.speaker_id' : ''} GROUP BY 1)
       SELECT *, (SELECT count(*) FROM s) AS total FROM s ORDER BY quotes DESC, speaker LIMIT ${TOP_SPEAKERS}`,
    );
    speakers = top
      .map((r) => ({ speaker: String(r.speaker), quotes: Number(r.quotes), fragments: Number(r.fragments), articles: Number(r.articles) }))
      .sort((a, b) => b.quotes - a.quotes || byString(a.speaker, b.speaker));
    speakerCount = top.length ? Number(top[0].total) : 0;
  }

  // agreements per status, in the schema's order, with (at most MAX_STATUS_NAMES of) their names
  let statuses: StatusCount[] = [];
  if (has('agreements')) {
    const counts = new Map((await rows(con, 'SELECT status, count(*) AS n FROM agreements GROUP BY status')).map((r) => [String(r.status), Number(r.n)]));
    const named = await rows(
      con,
      `SELECT status, name, count(*) OVER (PARTITION BY status) AS names
       FROM (SELECT DISTINCT status, name FROM agreements)
       QUALIFY row_number() OVER (PARTITION BY status ORDER BY name) <= ${MAX_STATUS_NAMES}`,
    );
    statuses = enumOf(schemas.get('agreements'), 'status')
      .filter((status) => (counts.get(status) ?? 0) > 0)
      .map((status) => {
        const mine = named.filter((r) => r.status === status);
        const names = mine.map((r) => String(r.name)).sort(byString);
        const total = mine.length ? Number(mine[0].names) : 0;
        return { status, agreements: counts.get(status)!, names, ...(total > names.length ? { otherNames: total - names.length } : {}) };
      });
  }

  // the titles of the listed records' articles
  const docIds = [...new Set([...events.map((e) => e.doc_id), ...quotes.map((q) => q.doc_id)])];
  const articles: SiteData['articles'] = new Map();
  if (has('documents') && docIds.length) {
    const docs = await rows(con, 'SELECT doc_id, title, published FROM documents WHERE doc_id IN (SELECT unnest($ids))', { ids: listValue(docIds) }, { ids: LIST(VARCHAR) });
    for (const d of docs) articles.set(String(d.doc_id), { title: (d.title as string | null) ?? null, published: (d.published as string | null) ?? null });
  }
  return { rowCounts, events, quotes, speakers, speakerCount, statuses, articles };
}
