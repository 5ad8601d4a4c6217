import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { QualityEntry } from '../quality.ts';
import type { TableSchema } from '../schema.ts';
import type { AgreementRecord, DocumentRecord, EventRecord, QuoteRecord } from '../types.generated.ts';
import type { DownloadFile, ExampleQuery, SiteData } from './model.ts';

interface DataPackageResource {
  path: string;
  format?: string;
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

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

function downloadFile(r: DataPackageResource): DownloadFile {
  if (r.bytes == null || !r.hash?.startsWith('sha256:')) throw new Error(`datapackage.json: resource ${r.path} has no bytes or sha256 hash`);
  return { path: r.path, format: r.format ?? r.path.split('.').pop() ?? '', bytes: r.bytes, sha256: r.hash.slice('sha256:'.length) };
}

/** Reads what the page shows from a built dist folder (catalog must have run) and the SQL examples. */
export function loadSiteData(dist: string, allSchemas: Map<string, TableSchema>, sqlDir: string): SiteData {
  const pkg = readJson<DataPackage>(join(dist, 'datapackage.json'));
  // A dist built before a table was added to schemas/ is shown as it was published.
  const schemas = new Map([...allSchemas].filter(([name]) => pkg.resources.some((r) => r.path === `${name}.parquet`)));
  const tableFiles = new Map<string, DownloadFile[]>();
  const tablePaths = new Set<string>();
  for (const table of schemas.keys()) {
    const files = ['csv', 'json', 'parquet'].map((format) => {
      const resource = pkg.resources.find((r) => r.path === `${table}.${format}`);
      if (!resource) throw new Error(`datapackage.json does not list ${table}.${format}`);
      tablePaths.add(resource.path);
      return downloadFile(resource);
    });
    tableFiles.set(table, files);
  }
  const otherFiles = pkg.resources.filter((r) => !tablePaths.has(r.path)).map(downloadFile);

  const table = <T>(name: string): T[] => readJson<T[]>(join(dist, `${name}.json`));
  const rowCounts = new Map([...schemas.keys()].map((name) => [name, table<unknown>(name).length]));
  const documents = table<DocumentRecord>('documents');

  const evaluationPath = join(dist, EVALUATION_FILE);
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
    rowCounts,
    tableFiles,
    otherFiles,
    events: table<EventRecord>('events'),
    quotes: table<QuoteRecord>('quotes'),
    agreements: table<AgreementRecord>('agreements'),
    articles: new Map(documents.map((d) => [d.doc_id, { title: d.title, published: d.published }])),
    quality: existsSync(join(dist, 'quality', 'report.json')) ? readJson<QualityEntry[]>(join(dist, 'quality', 'report.json')) : [],
    evaluation: existsSync(evaluationPath) ? readJson<Record<string, unknown>>(evaluationPath) : null,
    examples,
  };
}
