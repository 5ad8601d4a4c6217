// Issue 17: CSV and JSON published gzipped (NAME.csv.gz, NAME.json.gz) with COMPRESS=1 or from
// COMPRESS_MIN_ARTICLES articles on; the data package, the checksums, the dictionary and the page
// name the files as published, and a rebuild gives the same bytes.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTableSchemas } from '../pipeline/lib/schema.ts';
import { expectFrictionlessReads } from './frictionless.ts';
import { make, ROOT, tempDir } from './helpers.ts';

const sha256 = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
const TABLES = [...loadTableSchemas().keys()];

function sums(dist: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const line of readFileSync(join(dist, 'SHA256SUMS'), 'utf8').trim().split('\n')) {
    const [hash, file] = line.split('  ');
    expect(sha256(join(dist, file)), file).toBe(hash);
    files.set(file, hash);
  }
  return files;
}

describe('COMPRESS=1 on the seeds', () => {
  const work = tempDir('compress');
  const build = join(work, 'build');
  const gz = join(work, 'gz');
  const seeds = join(ROOT, 'seeds');
  let gzSums = new Map<string, string>();

  beforeAll(async () => {
    await make({ SEEDS: seeds, BUILD: build, DIST: gz, COMPRESS: '1' });
    gzSums = sums(gz);
  });

  it('publishes NAME.csv.gz and NAME.json.gz in place of NAME.csv and NAME.json, and Parquet as it is', () => {
    const files = readdirSync(gz);
    for (const t of TABLES) {
      expect(files, t).toEqual(expect.arrayContaining([`${t}.csv.gz`, `${t}.json.gz`, `${t}.parquet`]));
      expect(files, t).not.toContain(`${t}.csv`);
      expect(files, t).not.toContain(`${t}.json`);
    }
  });

  it('names the files as published in the data package, the checksums, the dictionary and the page; the summaries follow', async () => {
    const pkg = JSON.parse(readFileSync(join(gz, 'datapackage.json'), 'utf8')) as { resources: { name: string; path: string; format: string; compression?: string }[] };
    for (const t of TABLES) {
      expect(pkg.resources.find((r) => r.name === t), t).toMatchObject({ path: `${t}.csv.gz`, format: 'csv', compression: 'gz' });
      expect(pkg.resources.find((r) => r.name === `${t}-json`), t).toMatchObject({ path: `${t}.json.gz`, format: 'json', compression: 'gz' });
      expect(pkg.resources.find((r) => r.name === `${t}-parquet`)?.compression, t).toBeUndefined();
      for (const f of [`${t}.csv.gz`, `${t}.json.gz`, `${t}.parquet`]) expect(gzSums.has(f), f).toBe(true);
    }
    const dictionary = readFileSync(join(gz, 'README.md'), 'utf8');
    expect(dictionary).toContain('Files: `events.csv.gz`, `events.json.gz`, `events.parquet`.');
    expect(readdirSync(join(gz, 'summaries')).every((f) => f.endsWith('.csv.gz'))).toBe(true);
    expect(pkg.resources.find((r) => r.name === 'summary-timeline')).toMatchObject({ path: 'summaries/timeline.csv.gz', compression: 'gz' });
    expect(dictionary).toContain('`summaries/timeline.csv.gz`');
    const page = readFileSync(join(gz, 'index.html'), 'utf8');
    expect(page).toContain('href="events.csv.gz"');
    expect(page).not.toContain('href="events.csv"');
    // the descriptor is valid as published; each CSV, decompressed, casts with its Table Schema
    await expectFrictionlessReads(gz);
  });

  it('gives the same bytes when built again, and scores the gzipped JSON', async () => {
    const again = join(work, 'gz-again');
    await make({ SEEDS: seeds, BUILD: build, DIST: again, COMPRESS: '1' });
    expect(sums(again)).toEqual(gzSums);
    for (const f of readdirSync(gz).filter((x) => x.endsWith('.gz'))) expect(sha256(join(again, f)), f).toBe(sha256(join(gz, f)));
    expect(sha256(join(again, 'index.html'))).toBe(sha256(join(gz, 'index.html')));
    expect(JSON.parse(readFileSync(join(gz, 'quality', 'eval.json'), 'utf8'))).toMatchObject({ dates: expect.anything() });
  });

  it('COMPRESS=0 in the same folder publishes the gzipped files decompressed, removes the .gz, and scores the same', async () => {
    const gzipped = new Map(readdirSync(gz).filter((f) => f.endsWith('.gz')).map((f) => [f.replace(/\.gz$/, ''), gunzipSync(readFileSync(join(gz, f)))]));
    const parquet = new Map(TABLES.map((t) => [`${t}.parquet`, gzSums.get(`${t}.parquet`)]));
    const scores = readFileSync(join(gz, 'quality', 'eval.json'), 'utf8');
    const out = await make({ SEEDS: seeds, BUILD: build, DIST: gz, COMPRESS: '0' });
    expect(out).toContain('pipeline/publish.ts');
    expect(readdirSync(gz).filter((f) => f.endsWith('.gz'))).toEqual([]);
    expect(readdirSync(join(gz, 'summaries')).filter((f) => f.endsWith('.gz'))).toEqual([]);
    for (const [f, bytes] of gzipped) expect(readFileSync(join(gz, f)).equals(bytes), f).toBe(true);
    const plainSums = sums(gz);
    for (const [f, hash] of parquet) expect(plainSums.get(f), f).toBe(hash);
    expect(plainSums.get('dataset.duckdb')).toBe(gzSums.get('dataset.duckdb'));
    expect(readFileSync(join(gz, 'quality', 'eval.json'), 'utf8')).toBe(scores);
  });
});
