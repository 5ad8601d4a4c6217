import { join } from 'node:path';

/**
 * The published tables and the build file each comes from. Per-document tables are
 * written by the extract stage; corpus-level ones (linked across articles) by link.
 */
export const TABLE_SOURCES: Record<string, 'extract' | 'link'> = {
  documents: 'extract',
  removals: 'extract',
  dates: 'extract',
  quotes: 'extract',
  events: 'link',
  agreements: 'extract',
  occurrences: 'link',
  entities: 'link',
};

export function tableBuildPath(build: string, table: string): string {
  const stage = TABLE_SOURCES[table];
  if (!stage) throw new Error(`unknown table ${table}: add it to TABLE_SOURCES in pipeline/lib/tables.ts`);
  return join(build, stage, `${table}.jsonl`);
}
