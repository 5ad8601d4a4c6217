import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { columnsOf, duckdbType, type TableSchema } from './schema.ts';

/**
 * A DuckDB connection whose memory is capped (DuckDB otherwise takes up to 80 % of the
 * machine): large sorts and copies spill to a temporary folder instead of growing the process.
 */
export async function openDuckDB(path = ':memory:', memoryLimit = process.env.DUCKDB_MEMORY_LIMIT ?? '512MB'): Promise<{ instance: DuckDBInstance; con: DuckDBConnection }> {
  const instance = await DuckDBInstance.create(path, { memory_limit: memoryLimit, temp_directory: join(tmpdir(), `duckdb-spill-${process.pid}`) });
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

/** ORDER BY clause from the schema's `x-order`. */
export function orderBySql(schema: TableSchema): string {
  return schema['x-order'].map((k) => `${sqlIdent(k)} NULLS FIRST`).join(', ');
}
