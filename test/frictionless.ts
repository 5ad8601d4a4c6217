// Reads a built data package with the Frictionless reference library for JavaScript
// (`datapackage`, a dev dependency; it implements the v1 profiles): the descriptor as the
// library validates it, and every tabular resource read with its own Table Schema, cast
// (gzipped ones once decompressed: the library reads plain files only).
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Package } from 'datapackage';
import { expect } from 'vitest';
import { loadTableSchemas } from '../pipeline/lib/schema.ts';
import { tempDir } from './helpers.ts';

export interface ReadPackage {
  valid: boolean;
  /** The library's validation errors, one line each. */
  errors: string[];
  /** Cast rows (keyed) of every tabular resource, by resource name. */
  tables: Map<string, Record<string, unknown>[]>;
  /** Names of the resources the library does not read as tables. */
  others: string[];
}

/** Why a resource did not read: the library's message and its first nested errors (the cells that did not cast). */
function describeReadError(name: string, err: unknown): Error {
  const e = err as Error & { errors?: Error[] };
  const cells = (e.errors ?? []).slice(0, 5).map((x) => `\n  ${x.message}`).join('');
  return new Error(`resource ${name}: ${e.message}${cells}`);
}

interface Descriptor { resources: Array<{ name: string; path: string; format: string; compression?: string }> }

/**
 * The package with its gzipped resources (`compression: "gz"`, NAME.csv.gz) decompressed, in a
 * folder of its own: the reference library for JavaScript implements the v1 profiles, which
 * allow the property, but reads plain files only (frictionless-py decompresses them itself).
 */
function decompressedCopy(dist: string): string {
  const descriptor = JSON.parse(readFileSync(join(dist, 'datapackage.json'), 'utf8')) as Descriptor;
  if (!descriptor.resources.some((r) => r.compression)) return dist;
  const plain = tempDir('plain-package');
  cpSync(dist, plain, { recursive: true });
  for (const r of descriptor.resources.filter((x) => x.compression)) {
    expect(r.compression, r.name).toBe('gz');
    const path = r.path.replace(/\.gz$/, '');
    writeFileSync(join(plain, path), gunzipSync(readFileSync(join(dist, r.path))));
    Object.assign(r, { path });
    delete r.compression;
  }
  writeFileSync(join(plain, 'datapackage.json'), JSON.stringify(descriptor));
  return plain;
}

/** A table's JSON file as published, NAME.json or NAME.json.gz. */
export function readJsonTable(dist: string, table: string): unknown[] {
  const plain = join(dist, `${table}.json`);
  return JSON.parse(existsSync(plain) ? readFileSync(plain, 'utf8') : gunzipSync(readFileSync(`${plain}.gz`)).toString('utf8')) as unknown[];
}

export async function readDataPackage(dist: string): Promise<ReadPackage> {
  // the descriptor as published, gzipped resources and all
  const pkg = await Package.load(join(dist, 'datapackage.json'), { basePath: dist });
  const plain = decompressedCopy(dist);
  const readable = plain === dist ? pkg : await Package.load(join(plain, 'datapackage.json'), { basePath: plain });
  const tables = new Map<string, Record<string, unknown>[]>();
  const others: string[] = [];
  for (const resource of readable.resources) {
    if (!resource.tabular) {
      others.push(resource.name);
      continue;
    }
    try {
      tables.set(resource.name, (await resource.read({ keyed: true, cast: true })) as Record<string, unknown>[]);
    } catch (err) {
      throw describeReadError(resource.name, err);
    }
  }
  return { valid: pkg.valid, errors: pkg.errors.map((e) => e.message.replace(/\s+/g, ' ')), tables, others };
}

/**
 * The check of issue 19: the descriptor is valid for the reference library, every CSV is read as
 * a table (every JSON, Parquet and DuckDB file as a plain resource), each row casts with the
 * file's own Table Schema, and each table's CSV, so read, holds the same records as its JSON file.
 */
export async function expectFrictionlessReads(dist: string): Promise<void> {
  const read = await readDataPackage(dist);
  expect(read.errors).toEqual([]);
  expect(read.valid).toBe(true);
  const descriptor = JSON.parse(readFileSync(join(dist, 'datapackage.json'), 'utf8')) as { resources: { name: string; format: string }[] };
  for (const r of descriptor.resources) {
    if (r.format === 'csv') expect(read.tables.has(r.name), `${r.name} is read as a table`).toBe(true);
    else expect(read.others, `${r.name} is not read as a table`).toContain(r.name);
  }
  for (const table of loadTableSchemas().keys()) {
    expect(read.tables.get(table), `${table}.csv read with its Table Schema is ${table}.json`).toEqual(readJsonTable(dist, table));
  }
}
