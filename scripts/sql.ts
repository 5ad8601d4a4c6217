// Runs one SQL query over the published Parquet tables (each table is a view named after
// it) and prints the result as CSV on stdout. usage: make sql Q="SELECT ..."
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { minimist } from 'zx';
import { openDuckDB, sqlIdent, sqlString } from '../pipeline/lib/duckdb.ts';

const args = minimist(process.argv.slice(2), { string: ['dist'] });
const dist = args.dist ?? 'dist';
const query = args._.join(' ').trim();
if (!query) {
  console.error('usage: make sql Q="SELECT type, count(*) FROM events GROUP BY type"');
  process.exit(2);
}
// `make sql Q=… | head` closes the pipe early: that is not an error
process.stdout.on('error', (err: NodeJS.ErrnoException) => process.exit(err.code === 'EPIPE' ? 0 : 1));
const { con } = await openDuckDB();
for (const f of readdirSync(dist).filter((f) => f.endsWith('.parquet'))) {
  await con.run(`CREATE VIEW ${sqlIdent(f.replace(/\.parquet$/, ''))} AS SELECT * FROM read_parquet(${sqlString(join(dist, f))})`);
}
try {
  const reader = await con.runAndReadAll(query);
  const names = reader.columnNames();
  const esc = (v: unknown) => {
    const s = v == null ? '' : typeof v === 'object' ? JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? Number(x) : x)) : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  process.stdout.write(names.map(esc).join(',') + '\n');
  for (const row of reader.getRowsJson()) process.stdout.write(row.map(esc).join(',') + '\n');
} catch (err) {
  console.error(`sql: ${(err as Error).message}`);
  process.exit(1);
}
