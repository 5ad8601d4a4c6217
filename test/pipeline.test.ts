import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTableSchemas } from '../pipeline/lib/schema.ts';
import { expectFrictionlessReads } from './frictionless.ts';
import { make, ROOT, runStage, tempDir } from './helpers.ts';

const TABLE_FORMATS = ['csv', 'json', 'parquet'];
const sha256 = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

describe('the build on seeds/ (end to end)', () => {
  const work = tempDir('pipeline');
  const dist = join(work, 'dist');
  const build = join(work, 'build');
  let firstOutput = '';

  beforeAll(async () => {
    firstOutput = await make({ SEEDS: join(ROOT, 'seeds'), BUILD: build, DIST: dist });
  });

  it('runs every stage', () => {
    for (const stage of ['clean', 'extract', 'link', 'validate', 'publish', 'summarize', 'catalog']) expect(firstOutput).toContain(`pipeline/${stage}.ts`);
  });

  it('publishes every table in CSV, JSON and Parquet, byte-identical to the committed dist/', () => {
    const tables = [...loadTableSchemas().keys()];
    expect(tables).toEqual(expect.arrayContaining(['documents', 'dates', 'quotes', 'events', 'agreements']));
    const different: string[] = [];
    for (const t of tables) {
      for (const ext of TABLE_FORMATS) {
        const rebuilt = join(dist, `${t}.${ext}`);
        const committed = join(ROOT, 'dist', `${t}.${ext}`);
        expect(existsSync(rebuilt), rebuilt).toBe(true);
        if (!existsSync(committed) || sha256(rebuilt) !== sha256(committed)) different.push(`${t}.${ext}`);
      }
    }
    expect(different, 'rebuild differs from committed dist/: run `make` and commit dist/').toEqual([]);
  });

  it('publishes the same rows in JSON and CSV, one document per seed', async () => {
    const docs = JSON.parse(readFileSync(join(dist, 'documents.json'), 'utf8'));
    expect(docs.map((d: { doc_id: string }) => d.doc_id)).toEqual(readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, '')).sort());
    for (const t of loadTableSchemas().keys()) {
      const json = JSON.parse(readFileSync(join(dist, `${t}.json`), 'utf8'));
      expect(Array.isArray(json)).toBe(true);
      const out = await make({ DIST: dist, Q: `SELECT count(*) AS n FROM ${t}` }, 'sql');
      expect(out.trim().split('\n')[1], t).toBe(String(json.length));
    }
  });

  it('writes the summaries, the data package, the dictionary and checksums that verify', () => {
    for (const s of ['events_per_month_type', 'quotes_per_speaker', 'agreements_per_status_domain', 'timeline', 'documents_overview']) {
      expect(existsSync(join(dist, 'summaries', `${s}.csv`)), s).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(join(dist, 'datapackage.json'), 'utf8'));
    expect(pkg.licenses.length).toBeGreaterThan(0);
    for (const r of pkg.resources) {
      expect(statSync(join(dist, r.path)).size, r.path).toBe(r.bytes);
      expect(`sha256:${sha256(join(dist, r.path))}`, r.path).toBe(r.hash);
    }
    const events = pkg.resources.find((r: { name: string }) => r.name === 'events');
    expect(events.schema.fields.map((f: { name: string }) => f.name)).toEqual(expect.arrayContaining(['doc_id', 'type', 'actors', 'start', 'end']));
    for (const line of readFileSync(join(dist, 'SHA256SUMS'), 'utf8').trim().split('\n')) {
      const [hash, file] = line.split(/\s+/);
      expect(sha256(join(dist, file)), file).toBe(hash);
    }
    expect(readFileSync(join(dist, 'README.md'), 'utf8')).toContain('| `published_precision` |');
  });

  it('writes a data package the Frictionless reference library reads, every CSV cast with its Table Schema', async () => {
    await expectFrictionlessReads(dist);
  });

  it('does nothing on a second make with nothing changed', async () => {
    const again = await make({ SEEDS: join(ROOT, 'seeds'), BUILD: build, DIST: dist });
    expect(again).not.toMatch(/pipeline\/\w+\.ts/);
  });

  it('rebuilds when one input changes', async () => {
    const seeds = join(work, 'seeds');
    cpSync(join(ROOT, 'seeds'), seeds, { recursive: true });
    const b2 = join(work, 'build2');
    await make({ SEEDS: seeds, BUILD: b2, DIST: join(work, 'dist2') });
    const first = readdirSync(seeds)[0];
    const later = new Date(Date.now() + 5000);
    utimesSync(join(seeds, first), later, later);
    const out = await make({ SEEDS: seeds, BUILD: b2, DIST: join(work, 'dist2') });
    expect(out).toContain('pipeline/clean.ts');
  });
});

describe('validate stage', () => {
  /** A build folder where every table the validate stage reads is empty. */
  const emptyBuild = (prefix: string): string => {
    const build = tempDir(prefix);
    for (const t of loadTableSchemas().keys()) {
      const stage = ['events', 'occurrences', 'entities'].includes(t) ? 'link' : 'extract';
      mkdirSync(join(build, stage), { recursive: true });
      writeFileSync(join(build, stage, `${t}.jsonl`), '');
    }
    return build;
  };

  it('fails the build naming the table, the record, the field and the reason', () => {
    const build = emptyBuild('invalid');
    const bad = { id: '0123456789abcdef', doc_id: 'x', text: 'jeudi', value: 'demain', precision: 'day', basis: 'explicit', start: 0, end: 5 };
    writeFileSync(join(build, 'extract', 'dates.jsonl'), JSON.stringify(bad) + '\n');
    const r = runStage('validate.ts', ['--build', build]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('table dates, record 0123456789abcdef: field /value: must match pattern');
  });

  it('fails on a repeated id', () => {
    const build = emptyBuild('duplicate-id');
    const date = { id: '0123456789abcdef', doc_id: 'x', text: 'jeudi', value: '2022-12-15', precision: 'day', basis: 'explicit', start: 0, end: 5 };
    writeFileSync(join(build, 'extract', 'dates.jsonl'), JSON.stringify(date) + '\n' + JSON.stringify({ ...date, start: 10, end: 15 }) + '\n');
    const r = runStage('validate.ts', ['--build', build]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('table dates, record 0123456789abcdef: field /id: duplicate id');
  });
});
