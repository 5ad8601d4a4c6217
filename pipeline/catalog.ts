#!/usr/bin/env -S node --import tsx
// Stage 7, catalog: the metadata an open dataset ships with. Writes DIST/quality/report.{json,csv}
// (files rejected or repaired), DIST/datapackage.json (Frictionless Data Package: every published
// file with bytes, sha256 and, for the tables, a Table Schema derived from the JSON Schema),
// DIST/README.md (the data dictionary, generated from the schemas) and DIST/SHA256SUMS.
//
// The descriptor is a Data Package v1 (`profile: data-package`, each CSV a
// `tabular-data-resource`, the JSON, Parquet and DuckDB files plain data resources) that also
// carries the v2 fields (`$schema`, `type: table`) a v2 reader looks at; v1 readers ignore them.
// test/datapackage.test.ts reads it with the Frictionless reference library for JavaScript.
import { createReadStream, type Dirent } from 'node:fs';
import { createHash } from 'node:crypto';
import { fs, path } from 'zx';
import { CSV_DIALECT, csvHeader, csvRows } from './lib/csv.ts';
import { openDuckDB, sqlString } from './lib/duckdb.ts';
import { readJsonl, writeFileAtomic } from './lib/io/jsonl.ts';
import { DATASET } from './lib/dataset.ts';
import { TABLE_FORMATS } from './lib/publish/files.ts';
import { publishedFile } from './lib/publish/published.ts';
import { renderDataDictionary } from './lib/dictionary.ts';
import { CLEAN_QUALITY_CODES, EXTRACT_QUALITY_CODES, type QualityEntry } from './lib/quality.ts';
import { columnsOf, frictionlessType, loadTableSchemas, primaryKeyOf, type JsonSchemaProperty, type TableSchema } from './lib/schema.ts';
import { runStage, stageArgs } from './lib/stage.ts';

const QUALITY_COLUMNS = ['file', 'sha256', 'outcome', 'code', 'reason', 'stage'] as const;

/** The Table Schema of quality/report.csv (a QualityEntry per row). */
const QUALITY_SCHEMA = {
  fields: [
    { name: 'file', type: 'string', description: 'The input file, as named in the input folder.', constraints: { required: true } },
    { name: 'sha256', type: 'string', description: 'SHA-256 of the file, when it could be read.', constraints: {} },
    { name: 'outcome', type: 'string', description: '`rejected` (left out of every table) or `published` (with a repair or warning).', constraints: { required: true, enum: ['published', 'rejected'] } },
    { name: 'code', type: 'string', description: 'Stable machine-readable code of the problem.', constraints: { required: true, enum: Object.keys({ ...CLEAN_QUALITY_CODES, ...EXTRACT_QUALITY_CODES }).sort() } },
    { name: 'reason', type: 'string', description: 'The problem in words.', constraints: { required: true } },
    { name: 'stage', type: 'string', description: 'The stage that found it.', constraints: { required: true, enum: ['clean', 'extract', 'validate'] } },
  ],
  missingValues: [''],
};

/** Package profile: v2 readers follow `$schema`, v1 readers (which ignore it) `profile`. */
const PACKAGE_PROFILE = { $schema: 'https://datapackage.org/profiles/2.0/datapackage.json', profile: 'data-package' } as const;
/** A CSV file read with a Table Schema: a tabular resource in v1 (`profile`) and v2 (`type`). */
const TABULAR_CSV = { profile: 'tabular-data-resource', type: 'table' } as const;

runStage('catalog', async () => {
  const { build, dist } = stageArgs();
  const schemas = loadTableSchemas();

  const quality: QualityEntry[] = [];
  for (const stage of ['clean', 'extract']) {
    const qualityFile = path.join(build, stage, 'quality.jsonl');
    if (await fs.pathExists(qualityFile)) for await (const q of readJsonl<QualityEntry>(qualityFile)) quality.push(q);
  }
  await writeQualityReport(dist, quality);

  const { con } = await openDuckDB();
  const rowCounts = new Map<string, number>();
  for (const table of schemas.keys()) {
    const reader = await con.runAndReadAll(`SELECT count(*)::INTEGER FROM read_parquet(${sqlString(path.join(dist, `${table}.parquet`))})`);
    rowCounts.set(table, Number(reader.getRows()[0][0]));
  }

  const resources: object[] = [];
  const tableFiles = new Map<string, string[]>();
  for (const [table, schema] of schemas) {
    const tableSchema = frictionlessSchema(schema);
    tableFiles.set(table, []);
    for (const format of TABLE_FORMATS) {
      const { file, gzip } = publishedFile(dist, table, format);
      tableFiles.get(table)!.push(file);
      resources.push({
        name: format === 'csv' ? table : `${table}-${format}`,
        ...(format === 'csv' ? TABULAR_CSV : {}),
        title: `${table} (${format.toUpperCase()}${gzip ? ', gzipped' : ''})`,
        description: schema.description,
        path: file,
        format,
        // the media type and encoding of the content; `compression` says it is gzipped (a v1
        // pattern, a v2 property: readers such as frictionless-py decompress it)
        mediatype: { csv: 'text/csv', json: 'application/json', parquet: 'application/vnd.apache.parquet' }[format],
        ...(format === 'parquet' ? {} : { encoding: 'utf-8' }),
        ...(gzip ? { compression: 'gz' } : {}),
        ...(await fileFacts(dist, file)),
        ...(format === 'csv' ? { dialect: CSV_DIALECT } : {}),
        // the JSON and Parquet files hold the same rows: the schema documents their columns
        schema: tableSchema,
      });
    }
  }
  resources.push({
    name: 'dataset-duckdb',
    title: 'All tables (DuckDB)',
    description: "Every table in one DuckDB database, with the column descriptions as comments: ATTACH 'dataset.duckdb' (READ_ONLY).",
    path: 'dataset.duckdb',
    format: 'duckdb',
    mediatype: 'application/octet-stream',
    ...(await fileFacts(dist, 'dataset.duckdb')),
  });
  const summaryDir = path.join(dist, 'summaries');
  const summaries = (await fs.pathExists(summaryDir)) ? (await fs.readdir(summaryDir)).filter((f: string) => /\.csv(\.gz)?$/.test(f)).sort() : [];
  for (const file of summaries) {
    const described = await con.runAndReadAll(`DESCRIBE SELECT * FROM read_csv(${sqlString(path.join(summaryDir, file))}, header = true)`);
    const query = file.replace(/\.csv(\.gz)?$/, '');
    resources.push({
      name: `summary-${query.replace(/_/g, '-')}`,
      ...TABULAR_CSV,
      path: `summaries/${file}`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      ...(file.endsWith('.gz') ? { compression: 'gz' } : {}),
      description: `Summary query pipeline/sql/${query}.sql run over the Parquet tables.`,
      ...(await fileFacts(summaryDir, file)),
      dialect: CSV_DIALECT,
      schema: { fields: described.getRows().map((r) => ({ name: String(r[0]), type: duckToFrictionless(String(r[1])) })) },
    });
  }
  const qualityDescription = 'Input files rejected, or published after a repair, with the reason.';
  resources.push({
    name: 'quality-report',
    ...TABULAR_CSV,
    path: 'quality/report.csv',
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    description: qualityDescription,
    ...(await fileFacts(dist, 'quality/report.csv')),
    dialect: CSV_DIALECT,
    schema: QUALITY_SCHEMA,
  });
  resources.push({
    name: 'quality-report-json',
    path: 'quality/report.json',
    format: 'json',
    mediatype: 'application/json',
    encoding: 'utf-8',
    description: qualityDescription,
    ...(await fileFacts(dist, 'quality/report.json')),
  });
  const datapackage = {
    ...PACKAGE_PROFILE,
    name: DATASET.name,
    title: DATASET.title,
    description: DATASET.description,
    version: DATASET.version,
    licenses: DATASET.licenses,
    sources: DATASET.sources,
    keywords: DATASET.keywords,
    resources,
  };
  await writeFileAtomic(path.join(dist, 'datapackage.json'), JSON.stringify(datapackage, null, 2) + '\n');
  await writeFileAtomic(path.join(dist, 'README.md'), renderDataDictionary(schemas, rowCounts, tableFiles, summaries, quality));

  // the page (index.html, site/) is made after this stage from datapackage.json, and the
  // shard parts are an intermediate of `make SHARD=`: neither is part of the release summed here
  const files = (await listFiles(dist)).filter((f) => f !== 'SHA256SUMS' && f !== 'index.html' && !f.startsWith('site/') && !f.startsWith('shards/') && !f.endsWith('.tmp') && !f.includes('.tmp-'));
  let sums = '';
  for (const f of files) sums += `${await sha256File(path.join(dist, f))}  ${f}\n`;
  await writeFileAtomic(path.join(dist, 'SHA256SUMS'), sums);
  console.error(`catalog: ${resources.length} resources, ${files.length} files summed`);
});

/**
 * The Table Schema of a table, from its JSON Schema. A list column is an `array` field (its CSV
 * cell a JSON array, see lib/csv.ts) whose `jsonSchema` constraint (Table Schema v2) is the
 * column's own JSON Schema, so that a v2 reader checks the items as the pipeline does.
 */
function frictionlessSchema(schema: TableSchema): object {
  const required = new Set(schema.required);
  return {
    fields: columnsOf(schema).map((c) => ({
      name: c.name,
      type: frictionlessType(c),
      description: c.description,
      ...(c.type === 'array' ? { arrayItem: { type: c.itemType } } : {}),
      constraints: {
        ...(required.has(c.name) && !c.nullable ? { required: true } : {}),
        ...(c.enum && c.type !== 'array' ? { enum: c.enum } : {}),
        ...(c.type === 'array' ? { jsonSchema: arrayJsonSchema(schema.properties[c.name]) } : {}),
      },
    })),
    primaryKey: [primaryKeyOf(schema)],
    ...(schema.title !== 'documents' && schema.properties.doc_id
      ? { foreignKeys: [{ fields: ['doc_id'], reference: { resource: 'documents', fields: ['doc_id'] } }] }
      : {}),
    missingValues: [''],
  };
}

/** A list column's JSON Schema for the values it holds: without its description, and without null (an empty cell). */
function arrayJsonSchema(property: JsonSchemaProperty): object {
  const { description: _description, type: _type, ...rest } = property;
  return { type: 'array', ...rest };
}

function duckToFrictionless(t: string): string {
  if (/INT/.test(t)) return 'integer';
  if (/DOUBLE|FLOAT|DECIMAL/.test(t)) return 'number';
  if (/BOOL/.test(t)) return 'boolean';
  if (t === 'DATE') return 'date';
  return 'string';
}

async function writeQualityReport(dist: string, entries: QualityEntry[]): Promise<void> {
  const dir = path.join(dist, 'quality');
  await fs.mkdirp(dir);
  const sorted = [...entries].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const cols = QUALITY_COLUMNS.map((name) => ({ name, type: 'string' as const, nullable: true, description: '' }));
  await writeFileAtomic(path.join(dir, 'report.csv'), csvHeader(cols) + csvRows(sorted as unknown as Record<string, unknown>[], cols));
  await writeFileAtomic(path.join(dir, 'report.json'), JSON.stringify(sorted, null, 1) + '\n');
}

/** `bytes` and `hash` of a published file, as the data package gives them. */
async function fileFacts(dir: string, file: string): Promise<{ bytes: number; hash: string }> {
  const full = path.join(dir, file);
  return { bytes: (await fs.stat(full)).size, hash: `sha256:${await sha256File(full)}` };
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of (await fs.readdir(dir, { withFileTypes: true })).sort((a: Dirent, b: Dirent) => (a.name < b.name ? -1 : 1))) {
    if (e.name.startsWith('.')) continue;
    if (e.isDirectory()) out.push(...(await listFiles(path.join(dir, e.name), `${prefix}${e.name}/`)));
    else out.push(`${prefix}${e.name}`);
  }
  return out;
}

/** Hashes by path: the data package and SHA256SUMS name the same files, gigabytes on a large corpus, read once. */
const hashes = new Map<string, Promise<string>>();

function sha256File(file: string): Promise<string> {
  let hashed = hashes.get(file);
  if (!hashed) {
    hashed = new Promise((resolve, reject) => {
      const hash = createHash('sha256');
      createReadStream(file, { highWaterMark: 1 << 20 }).on('data', (d) => hash.update(d)).on('end', () => resolve(hash.digest('hex'))).on('error', reject);
    });
    hashes.set(file, hashed);
  }
  return hashed;
}
