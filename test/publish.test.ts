import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { writeCsvAndJson } from '../pipeline/lib/publish/csv-json.ts';
import { COMPRESS_MIN_ARTICLES, compressionWanted, publishedName } from '../pipeline/lib/publish/files.ts';
import { columnsOf, loadTableSchemas } from '../pipeline/lib/schema.ts';
import { tableBuildPath } from '../pipeline/lib/tables.ts';
import { shareOut } from '../pipeline/lib/task-pool.ts';
import { ROOT, runStage, tempDir } from './helpers.ts';

const FORMATS = ['csv', 'json', 'parquet'];
const TABLES = [...loadTableSchemas().keys()];
const sha256 = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

/** A validated build folder whose tables are the committed dist/'s, as JSON Lines; `reorder` may change a table's lines. */
function buildFromCommittedDist(reorder: (table: string, lines: string[]) => string[] = (_, lines) => lines): string {
  const build = join(tempDir('publish'), 'build');
  for (const table of TABLES) {
    const records = JSON.parse(readFileSync(join(ROOT, 'dist', `${table}.json`), 'utf8')) as unknown[];
    const file = tableBuildPath(build, table);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, reorder(table, records.map((r) => JSON.stringify(r))).map((l) => l + '\n').join(''));
  }
  mkdirSync(join(build, 'validate'), { recursive: true });
  writeFileSync(join(build, 'validate', 'ok'), '');
  return build;
}

function publish(build: string, jobs: number): string {
  const dist = join(dirname(build), `dist-${jobs}`);
  const r = runStage('publish.ts', ['--build', build, '--dist', dist, '--jobs', String(jobs)]);
  expect(r.status, r.stderr).toBe(0);
  return dist;
}

const differentFromCommitted = (dist: string, formats = FORMATS) =>
  TABLES.flatMap((t) => formats.map((ext) => `${t}.${ext}`)).filter((f) => sha256(join(dist, f)) !== sha256(join(ROOT, 'dist', f)));

describe('publish stage', () => {
  it.each([1, 2])('with %i job(s), writes every table byte-identical to the committed dist/ from the same records', (jobs) => {
    const dist = publish(buildFromCommittedDist(), jobs);
    expect(differentFromCommitted(dist)).toEqual([]);
  });

  it('sorts a table whose JSON Lines are out of order before writing its Parquet file', () => {
    const build = buildFromCommittedDist((table, lines) => (table === 'dates' ? [...lines].reverse() : lines));
    const dist = publish(build, 2);
    expect(differentFromCommitted(dist, ['parquet'])).toEqual([]);
  });

  it('fails, naming the file and line, on a line that is not JSON, and leaves no temporary file', () => {
    const build = buildFromCommittedDist((table, lines) => (table === 'quotes' ? [...lines, '{"id": '] : lines));
    const dist = join(dirname(build), 'dist-bad');
    const r = runStage('publish.ts', ['--build', build, '--dist', dist, '--jobs', '2']);
    expect(r.status).not.toBe(0);
    // DuckDB or the CSV and JSON pass, whichever reads the line first, names it
    expect(r.stderr).toMatch(/quotes\.jsonl(:\d+: not a JSON line|", at byte \d+ in line \d+)/);
    const leftovers = existsSync(dist) ? readdirSync(dist).filter((f) => f.includes('.tmp')) : [];
    expect(leftovers).toEqual([]);
  });
});

describe('writeCsvAndJson', () => {
  // a file several of the pass's reads long (256 KB each), its keys in reverse order
  const schema = loadTableSchemas().get('dates')!;
  const sample = (JSON.parse(readFileSync(join(ROOT, 'dist', 'dates.json'), 'utf8')) as Record<string, unknown>[])[0];
  const records = Array.from({ length: 6000 }, (_, i) => ({ ...sample, id: i.toString(16).padStart(16, '0') }));
  const lines = records.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).reverse())));

  it('writes every record of a long file in order, keys in the schema order, over a blank line', async () => {
    const dir = tempDir('csv-json');
    const source = join(dir, 'dates.jsonl');
    writeFileSync(source, `${lines.slice(0, 2500).join('\n')}\n\n${lines.slice(2500).join('\n')}\n`);
    expect(readFileSync(source).length).toBeGreaterThan(3 * 256 * 1024);
    expect(await writeCsvAndJson(source, schema, dir, 'dates')).toBe(true);
    const json = JSON.parse(readFileSync(join(dir, 'dates.json'), 'utf8')) as Record<string, unknown>[];
    expect(json).toEqual(records);
    expect(Object.keys(json[0])).toEqual(columnsOf(schema).map((c) => c.name));
    const csv = readFileSync(join(dir, 'dates.csv'), 'utf8').trimEnd().split('\n');
    expect(csv).toHaveLength(records.length + 1);
    expect(csv[records.length].startsWith(`${records.at(-1)!.id},`)).toBe(true);
  });

  it('gzips both files with a fixed header (no time, no name, OS unknown), the same bytes every time', async () => {
    const dir = tempDir('csv-json-gz');
    const source = join(dir, 'dates.jsonl');
    writeFileSync(source, lines.join('\n') + '\n');
    await writeCsvAndJson(source, schema, dir, 'dates');
    expect(await writeCsvAndJson(source, schema, dir, 'dates', true)).toBe(true);
    const again = tempDir('csv-json-gz-again');
    await writeCsvAndJson(source, schema, again, 'dates', true);
    for (const format of ['csv', 'json']) {
      const gz = readFileSync(join(dir, `dates.${format}.gz`));
      // ID1 ID2, deflate, no flags (no FNAME, FCOMMENT, FEXTRA), MTIME 0, XFL 0 (level 6), OS 255
      expect(gz.subarray(0, 10).toString('hex'), format).toBe('1f8b08000000000000ff');
      expect(gunzipSync(gz).equals(readFileSync(join(dir, `dates.${format}`))), format).toBe(true);
      expect(gz.length, format).toBeLessThan(readFileSync(join(dir, `dates.${format}`)).length / 5);
      expect(readFileSync(join(again, `dates.${format}.gz`)).equals(gz), format).toBe(true);
    }
    expect(readdirSync(again).sort()).toEqual(['dates.csv.gz', 'dates.json.gz']);
  });

  it('names the line of a record that is not JSON, past the first read', async () => {
    const dir = tempDir('csv-json-bad');
    const source = join(dir, 'dates.jsonl');
    writeFileSync(source, [...lines.slice(0, 4999), '{"id": ', ...lines.slice(5000)].join('\n') + '\n');
    await expect(writeCsvAndJson(source, schema, dir, 'dates')).rejects.toThrow(/dates\.jsonl:5000: not a JSON line/);
  });
});

describe('compressed CSV and JSON', () => {
  it('from COMPRESS_MIN_ARTICLES articles on, unless COMPRESS says 1 or 0', () => {
    expect(compressionWanted(undefined, COMPRESS_MIN_ARTICLES - 1)).toBe(false);
    expect(compressionWanted('', COMPRESS_MIN_ARTICLES)).toBe(true);
    expect(compressionWanted('1', 5)).toBe(true);
    expect(compressionWanted('0', 10 * COMPRESS_MIN_ARTICLES)).toBe(false);
    expect(() => compressionWanted('gz', 5)).toThrow(/COMPRESS must be 1 .*, 0 .* or unset/);
  });

  it('names a gzipped file NAME.FORMAT.gz; Parquet is compressed inside, never gzipped', () => {
    expect(publishedName('events', 'csv', true)).toBe('events.csv.gz');
    expect(publishedName('events', 'json', false)).toBe('events.json');
    expect(publishedName('events', 'parquet', true)).toBe('events.parquet');
  });
});

describe('shareOut: tables shared between threads by bytes', () => {
  const sizes: Record<string, number> = { agreements: 54, dates: 37, documents: 111, events: 283, quotes: 67, removals: 8 };
  const names = Object.keys(sizes);
  it.each([
    { lanes: 1, expected: [names] },
    { lanes: 2, expected: [['events'], ['documents', 'quotes', 'agreements', 'dates', 'removals']] },
    { lanes: 3, expected: [['events'], ['documents', 'dates'], ['quotes', 'agreements', 'removals']] },
  ])('$lanes lane(s)', ({ lanes, expected }) => {
    expect(shareOut(names, (t) => sizes[t], lanes)).toEqual(expected);
  });

  it('keeps the given order among equals', () => {
    expect(shareOut(['b', 'a', 'c', 'd'], () => 1, 2)).toEqual([['b', 'c'], ['a', 'd']]);
  });
});
