// Reads a built data package with the Frictionless reference library for JavaScript
// (`datapackage`, a dev dependency; it implements the v1 profiles): the descriptor as the
// library validates it, and every tabular resource read with its own Table Schema, cast.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Package } from 'datapackage';
import { expect } from 'vitest';
import { loadTableSchemas } from '../pipeline/lib/schema.ts';

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

export async function readDataPackage(dist: string): Promise<ReadPackage> {
  const pkg = await Package.load(join(dist, 'datapackage.json'), { basePath: dist });
  const tables = new Map<string, Record<string, unknown>[]>();
  const others: string[] = [];
  for (const resource of pkg.resources) {
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
    const json = JSON.parse(readFileSync(join(dist, `${table}.json`), 'utf8')) as unknown[];
    expect(read.tables.get(table), `${table}.csv read with its Table Schema is ${table}.json`).toEqual(json);
  }
}
