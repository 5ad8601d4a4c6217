import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTableSchemas } from '../pipeline/lib/schema.ts';
import { parseShard, shardOf } from '../pipeline/lib/shard.ts';
import { generateCorpus, sourceParagraphs } from '../scripts/bench/corpus.ts';
import { readJobs } from '../scripts/indexed-job.ts';
import { letRunnerIn, make, ROOT, runStage, tempDir } from './helpers.ts';

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
const tableFiles = (dist: string) => [...loadTableSchemas().keys()].flatMap((t) => ['csv', 'json', 'parquet'].map((e) => `${t}.${e}`));

describe('shards', () => {
  it('parses i/N and rejects anything else', () => {
    expect(parseShard('1/4')).toEqual({ index: 1, count: 4 });
    for (const bad of ['4/4', '1', 'a/b', '0/0']) expect(() => parseShard(bad)).toThrow(/SHARD must be i\/N/);
  });

  it('spreads articles over shards stably', () => {
    const counts = [0, 0, 0];
    for (let i = 0; i < 300; i++) counts[shardOf(`article_${i}`, 3)]++;
    for (const c of counts) expect(c).toBeGreaterThan(60);
    expect(shardOf('article_7', 3)).toBe(shardOf('article_7', 3));
  });
});

describe('a small generated corpus', () => {
  const work = tempDir('scale');
  const corpus = join(work, 'corpus');
  let single = '';

  beforeAll(async () => {
    generateCorpus(corpus, 200_000, sourceParagraphs([join(ROOT, 'seeds')]));
    // two copies of one article whose bytes land in different shards (of 2 and of 4): the
    // copy with the valid date header is kept, in a sharded build as in one run
    const text = 'Le conseil municipal a voté jeudi soir la création de trois nouvelles pistes cyclables dans le centre-ville. Les travaux commenceront au printemps et devraient durer six mois.';
    writeFileSync(join(corpus, 'copie-a.txt'), ` date 2022-13 ${text}\n`);
    writeFileSync(join(corpus, 'copie-b.txt'), ` date 2022-02 ${text}\n`);
    single = join(work, 'single');
    await make({ SEEDS: corpus, BUILD: join(work, 'b-single'), DIST: single });
  });

  it('gives the same dataset when run as the Kubernetes Indexed Job and merge Job of k8s/, a process per pod', async () => {
    // the shared volume: the articles in, every pod's parts and the merged dataset out
    const volume = join(work, 'volume');
    cpSync(corpus, join(volume, 'articles'), { recursive: true });
    await new Promise<void>((resolve, reject) => {
      execFile('node', ['--import', 'tsx', join(ROOT, 'scripts', 'indexed-job.ts'), '--data', volume, '--parallelism', '2'], { cwd: ROOT, maxBuffer: 64 << 20 }, (err, _stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve()));
    });
    const dist = join(volume, 'dist');
    const [shards] = readJobs(join(ROOT, 'k8s', 'shards-job.yaml'));
    const n = shards.spec.completions!;
    expect(readdirSync(join(dist, 'shards', 'documents')).sort()).toEqual(Array.from({ length: n }, (_, i) => `part-${i}-of-${n}.parquet`));
    const documents = JSON.parse(readFileSync(join(dist, 'documents.json'), 'utf8')) as { source_file: string }[];
    expect(documents.map((d) => d.source_file).filter((f) => f.startsWith('copie-'))).toEqual(['copie-b.txt']);
    // every published file the checksums name (tables, database, summaries, quality report, data package) and the page
    expect(readFileSync(join(dist, 'SHA256SUMS'), 'utf8')).toBe(readFileSync(join(single, 'SHA256SUMS'), 'utf8'));
    for (const f of [...tableFiles(single), 'dataset.duckdb', 'index.html']) expect(sha(join(dist, f)), f).toBe(sha(join(single, f)));
    // N + 1 builds of the corpus, two at a time: on a loaded machine, more than the default limit
  }, 360_000);

  it('gives the same extraction with 1 worker and with 2', async () => {
    const build = join(work, 'b-jobs');
    cpSync(join(work, 'b-single'), build, { recursive: true });
    for (const jobs of ['1', '2']) {
      await letRunnerIn();
      const r = runStage('extract.ts', ['--build', build, '--jobs', jobs, '--no-cache']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain(jobs === '1' ? 'in the stage\'s own thread' : '2 workers');
      for (const f of readdirSync(join(build, 'extract')).filter((f) => f.endsWith('.jsonl'))) {
        expect(sha(join(build, 'extract', f)), `${f} with ${jobs} worker(s)`).toBe(sha(join(work, 'b-single', 'extract', f)));
      }
    }
  });

  it('reuses the cache for unchanged articles, with the output of an extraction', () => {
    const extracted = join(work, 'b-single', 'extract');
    const files = readdirSync(extracted).filter((f) => f.endsWith('.jsonl'));
    const before = files.map((f) => sha(join(extracted, f)));
    for (const jobs of ['1', '2']) {
      const r = runStage('extract.ts', ['--build', join(work, 'b-single'), '--jobs', jobs]);
      expect(r.status, r.stderr).toBe(0);
      const m = /extract: (\d+) documents \((\d+) from cache\), in the stage's own thread/.exec(r.stderr);
      expect(m).not.toBeNull();
      expect(m![2]).toBe(m![1]);
      expect(files.map((f) => sha(join(extracted, f))), `with ${jobs} worker(s)`).toEqual(before);
    }
  });

  it('interleaves cached and newly extracted articles in input order, in the workers or in the stage\'s thread', async () => {
    // every third article changed: runs of hits and misses alternate
    const mixedBuild = (name: string) => {
      const build = join(work, name);
      cpSync(join(work, 'b-single'), build, { recursive: true });
      const articles = join(build, 'clean', 'articles.jsonl');
      const lines = readFileSync(articles, 'utf8').trimEnd().split('\n');
      const changed = lines.map((l, i) => (i % 3 === 1 ? JSON.stringify({ ...JSON.parse(l), text: `${JSON.parse(l).text}\n\nLe ministre a ajouté jeudi qu’il se rendrait à Minsk.` }) : l));
      writeFileSync(articles, changed.join('\n') + '\n');
      return { build, cached: lines.length - Math.floor((lines.length + 1) / 3) };
    };
    const files = readdirSync(join(work, 'b-single', 'extract')).filter((f) => f.endsWith('.jsonl'));
    const extractedIn = async (name: string, where: string, args: string[]) => {
      await letRunnerIn();
      const { build, cached } = mixedBuild(name);
      const r = runStage('extract.ts', ['--build', build, '--jobs', '2', ...args]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain(`(${args.includes('--no-cache') ? 0 : cached} from cache), ${where}`);
      return files.map((f) => sha(join(build, 'extract', f)));
    };
    // the changed articles go to the workers, or are few enough for the stage's own thread
    const byWorkers = await extractedIn('b-mixed-workers', '2 workers', ['--in-thread-max', '0']);
    const inThread = await extractedIn('b-mixed-here', 'in the stage\'s own thread', []);
    const uncached = await extractedIn('b-mixed-uncached', '2 workers', ['--no-cache']);
    expect(byWorkers).toEqual(uncached);
    expect(inThread).toEqual(uncached);
  });

  it('publishes Hive-partitioned Parquet by year with PARTITIONED=1', async () => {
    // the same build folder: a second output folder runs only the stages from publish on
    const dist = join(work, 'partitioned');
    await make({ SEEDS: corpus, BUILD: join(work, 'b-single'), DIST: dist, PARTITIONED: '1' });
    const years = readdirSync(join(dist, 'partitioned', 'events'));
    expect(years.length).toBeGreaterThan(1);
    for (const y of years) expect(y).toMatch(/^year=(\d{4}|unknown)$/);
    const total = await make({ DIST: dist, Q: `SELECT count(*) FROM read_parquet('${join(dist, 'partitioned', 'events', '*', '*.parquet')}', hive_partitioning = true)` }, 'sql');
    const direct = await make({ DIST: dist, Q: 'SELECT count(*) FROM events' }, 'sql');
    expect(total.split('\n')[1]).toBe(direct.split('\n')[1]);
    expect(existsSync(join(dist, 'events.parquet'))).toBe(true);
  });
});
