#!/usr/bin/env -S node --import tsx
// Stage 7, catalog: the metadata an open dataset ships with. Writes DIST/quality/report.{json,csv}
// (files rejected or repaired), DIST/datapackage.json (Frictionless Data Package: every table
// file with bytes, sha256 and a Table Schema derived from the JSON Schema), DIST/README.md
// (the data dictionary, generated from the schemas) and DIST/SHA256SUMS.
import { createReadStream, type Dirent } from 'node:fs';
import { createHash } from 'node:crypto';
import { fs, path } from 'zx';
import { CSV_ARRAY_SEPARATOR, csvHeader, csvRows } from './lib/csv.ts';
import { openDuckDB, sqlString } from './lib/duckdb.ts';
import { readJsonl, writeFileAtomic } from './lib/io/jsonl.ts';
import { DATASET } from './lib/dataset.ts';
import { renderDataDictionary } from './lib/dictionary.ts';
import type { QualityEntry } from './lib/quality.ts';
import { columnsOf, frictionlessType, loadTableSchemas, primaryKeyOf, type TableSchema } from './lib/schema.ts';
import { runStage, stageArgs } from './lib/stage.ts';

const QUALITY_COLUMNS = ['file', 'sha256', 'outcome', 'code', 'reason', 'stage'] as const;

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
  for (const [table, schema] of schemas) {
    const tableSchema = frictionlessSchema(schema);
    for (const format of ['csv', 'json', 'parquet'] as const) {
      const file = `${table}.${format}`;
      resources.push({
        name: format === 'csv' ? table : `${table}-${format}`,
        title: `${table} (${format.toUpperCase()})`,
        description: schema.description,
        path: file,
        format,
        mediatype: { csv: 'text/csv', json: 'application/json', parquet: 'application/vnd.apache.parquet' }[format],
        ...(format === 'parquet' ? {} : { encoding: 'utf-8' }),
        bytes: (await fs.stat(path.join(dist, file))).size,
        hash: `sha256:${await sha256File(path.join(dist, file))}`,
        ...(format === 'csv' ? { dialect: { delimiter: ',', lineTerminator: '\n', quoteChar: '"', doubleQuote: true, header: true } } : {}),
        schema: tableSchema,
      });
    }
  }
  const summaryDir = path.join(dist, 'summaries');
  const summaries = (await fs.pathExists(summaryDir)) ? (await fs.readdir(summaryDir)).filter((f: string) => f.endsWith('.csv')).sort() : [];
  for (const file of summaries) {
    const described = await con.runAndReadAll(`DESCRIBE SELECT * FROM read_csv(${sqlString(path.join(summaryDir, file))}, header = true)`);
    resources.push({
      name: `summary-${file.replace(/\.csv$/, '').replace(/_/g, '-')}`,
      path: `summaries/${file}`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      description: `Summary query pipeline/sql/${file.replace(/\.csv$/, '.sql')} run over the Parquet tables.`,
      bytes: (await fs.stat(path.join(summaryDir, file))).size,
      hash: `sha256:${await sha256File(path.join(summaryDir, file))}`,
      schema: { fields: described.getRows().map((r) => ({ name: String(r[0]), type: duckToFrictionless(String(r[1])) })) },
    });
  }
  for (const file of ['report.csv', 'report.json']) {
    resources.push({
      name: `quality-report${file.endsWith('.json') ? '-json' : ''}`,
      path: `quality/${file}`,
      format: file.split('.').pop(),
      description: 'Input files rejected, or published after a repair, with the reason.',
      bytes: (await fs.stat(path.join(dist, 'quality', file))).size,
      hash: `sha256:${await sha256File(path.join(dist, 'quality', file))}`,
    });
  }
  const datapackage = {
    profile: 'tabular-data-package',
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
  await writeFileAtomic(path.join(dist, 'README.md'), renderDataDictionary(schemas, rowCounts, summaries, quality));

  // the page (index.html, site/) is made after this stage from datapackage.json, and the
  // shard parts are an intermediate of `make SHARD=`: neither is part of the release summed here
  const files = (await listFiles(dist)).filter((f) => f !== 'SHA256SUMS' && f !== 'index.html' && !f.startsWith('site/') && !f.startsWith('shards/') && !f.endsWith('.tmp') && !f.includes('.tmp-'));
  let sums = '';
  for (const f of files) sums += `${await sha256File(path.join(dist, f))}  ${f}\n`;
  await writeFileAtomic(path.join(dist, 'SHA256SUMS'), sums);
  console.error(`catalog: ${resources.length} resources, ${files.length} files summed`);
});

function frictionlessSchema(schema: TableSchema): object {
  const required = new Set(schema.required);
  return {
    fields: columnsOf(schema).map((c) => ({
      name: c.name,
      type: frictionlessType(c),
      description: c.description,
      ...(c.type === 'array' ? { format: 'default', arrayItem: { type: c.itemType }, 'x-csv-separator': CSV_ARRAY_SEPARATOR } : {}),
      constraints: {
        ...(required.has(c.name) && !c.nullable ? { required: true } : {}),
        ...(c.enum && c.type !== 'array' ? { enum: c.enum } : {}),
      },
    })),
    primaryKey: [primaryKeyOf(schema)],
    ...(schema.title !== 'documents' && schema.properties.doc_id
      ? { foreignKeys: [{ fields: ['doc_id'], reference: { resource: 'documents', fields: ['doc_id'] } }] }
      : {}),
    missingValues: [''],
  };
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
