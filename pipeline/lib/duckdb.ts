import './duckdb-allocator.ts';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { SPILL_FOLDER } from './io/temporaries.ts';
import { columnsOf, duckdbType, type TableSchema } from './schema.ts';

/** What a stage may ask of its DuckDB instance besides the memory cap. */
export interface DuckDBOptions {
  /**
   * Worker threads (DuckDB takes one per core otherwise). Every thread keeps its own buffers
   * and allocator caches, so fewer threads mean a lower peak; one thread also makes the row
   * groups of a table built by `CREATE TABLE … AS` follow the order of its source exactly.
   */
  threads?: number;
}

/**
 * A DuckDB connection whose memory is capped (DuckDB otherwise takes up to 80 % of the
 * machine): large sorts and copies spill to a temporary folder instead of growing the process.
 * The cap is DuckDB's buffer pool; the process also holds Node's heap and DuckDB's
 * allocator caches, which is why the stages keep it well below what they may use.
 */
export async function openDuckDB(
  path = ':memory:',
  memoryLimit = process.env.DUCKDB_MEMORY_LIMIT ?? '512MB',
  options: DuckDBOptions = {},
): Promise<{ instance: DuckDBInstance; con: DuckDBConnection }> {
  const config: Record<string, string> = { memory_limit: memoryLimit, temp_directory: SPILL_FOLDER };
  if (options.threads != null) config.threads = String(options.threads);
  const instance = await DuckDBInstance.create(path, config);
  const con = await instance.connect();
  return { instance, con };
}

export const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
export const sqlIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** `read_json` of a JSON Lines file with the column types declared by the table's schema. */
export function readJsonlSql(file: string, schema: TableSchema): string {
  const cols = columnsOf(schema).map((c) => `${sqlString(c.name)}: ${sqlString(duckdbType(c))}`).join(', ');
  return `read_json(${sqlString(file)}, format = 'newline_delimited', columns = {${cols}})`;
}

/**
 * CREATE TABLE NAME with the schema's columns and types; long text columns (`x-long-text`) are
 * stored with zstd, the others with DuckDB's own choice.
 */
export function createTableSql(name: string, schema: TableSchema): string {
  const columns = columnsOf(schema).map((c) => `${sqlIdent(c.name)} ${duckdbType(c)}${c.longText ? ' USING COMPRESSION zstd' : ''}`);
  return `CREATE TABLE ${name} (${columns.join(', ')})`;
}

/** ORDER BY clause from the schema's `x-order`. */
export function orderBySql(schema: TableSchema): string {
  return schema['x-order'].map((k) => `${sqlIdent(k)} NULLS FIRST`).join(', ');
}
