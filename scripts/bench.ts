// make bench [BENCH_MB=10,100,1000]: generates deterministic corpora of those sizes, runs the
// whole build on each (cold), and prints per stage: documents/s, MB/s, peak RSS, output
// sizes and the size of dist/ against the input; then an incremental rebuild with one article
// changed, a 1-vs-2-worker output comparison, and extraction throughput against chrono-node's
// French parser alone.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import * as chrono from 'chrono-node';
import { generateCorpus, sourceParagraphs } from './bench/corpus.ts';
import { extractDocument } from '../pipeline/lib/extract/index.ts';
import { readLines } from '../pipeline/lib/io/lines.ts';
import type { CleanedLine } from '../pipeline/lib/extract/rows.ts';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const BENCH = join(ROOT, '.bench');
const sizes = (process.env.BENCH_MB ?? '10,100').split(',').map(Number).filter((n) => n > 0);
const SAMPLE_BYTES = 8e6;
/** dist/ at most this many times the input (issue 17). */
const DIST_MAX_RATIO = 4;

interface StageMetric { stage: string; seconds: number; max_rss_mb: number }

function makeBuild(seeds: string, build: string, dist: string, metrics: string, extraEnv: Record<string, string> = {}): number {
  const started = Date.now();
  execFileSync('make', ['--no-print-directory', '-C', ROOT, `SEEDS=${seeds}`, `BUILD=${build}`, `DIST=${dist}`], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, STAGE_METRICS: metrics, PROGRESS: process.env.PROGRESS ?? '1', ...extraEnv },
  });
  return (Date.now() - started) / 1000;
}

function dirBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? dirBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size;
  return n;
}

const hashFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => `${f}:${createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')}`).join('\n');

async function comparedToChrono(build: string): Promise<{ oursMBs: number; chronoMBs: number; sampleMB: number }> {
  const sample: CleanedLine[] = [];
  let bytes = 0;
  for await (const line of readLines(join(build, 'clean', 'articles.jsonl'))) {
    const a = JSON.parse(line) as CleanedLine;
    sample.push(a);
    bytes += Buffer.byteLength(a.text);
    if (bytes >= SAMPLE_BYTES) break;
  }
  const time = (fn: () => void) => { const t = process.hrtime.bigint(); fn(); return Number(process.hrtime.bigint() - t) / 1e9; };
  const ref = new Date(Date.UTC(2022, 11, 15));
  const chronoS = time(() => { for (const a of sample) chrono.fr.parse(a.text, ref); });
  const oursS = time(() => { for (const a of sample) extractDocument(a); });
  return { oursMBs: bytes / 1e6 / oursS, chronoMBs: bytes / 1e6 / chronoS, sampleMB: bytes / 1e6 };
}

const paragraphs = sourceParagraphs([join(ROOT, 'seeds'), join(ROOT, 'test', 'fixtures', 'good')]);
mkdirSync(BENCH, { recursive: true });
const lines: string[] = [];
// results.md is rewritten after every line, so a long run that fails late keeps what it measured
const out = (s = '') => { lines.push(s); console.log(s); writeFileSync(join(BENCH, 'results.md'), lines.join('\n') + '\n'); };
out(`# Benchmark (${cpus()[0]?.model ?? 'cpu'}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version})`);
for (const mb of sizes) {
  const corpus = join(BENCH, `corpus-${mb}`);
  const build = join(BENCH, `build-${mb}`);
  const dist = join(BENCH, `dist-${mb}`);
  const metrics = join(BENCH, `metrics-${mb}.jsonl`);
  const gen = generateCorpus(corpus, mb * 1e6, paragraphs);
  rmSync(build, { recursive: true, force: true });
  rmSync(dist, { recursive: true, force: true });
  rmSync(metrics, { force: true });
  const total = makeBuild(corpus, build, dist, metrics);
  const stages = readFileSync(metrics, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as StageMetric);
  const inputMB = gen.bytes / 1e6;
  out('');
  out(`## ${mb} MB: ${gen.files} files, ${inputMB.toFixed(1)} MB, full build ${total.toFixed(1)} s, ${(inputMB / total).toFixed(1)} MB/s end to end`);
  out('');
  out('| stage | seconds | documents/s | MB/s | peak RSS (MB) |');
  out('|---|---:|---:|---:|---:|');
  for (const s of stages) out(`| ${s.stage} | ${s.seconds.toFixed(1)} | ${Math.round(gen.files / s.seconds)} | ${(inputMB / s.seconds).toFixed(1)} | ${s.max_rss_mb} |`);
  out('');
  out(`Outputs: ${readdirSync(dist).filter((f) => /\.(csv|json|parquet|duckdb)(\.gz)?$/.test(f)).sort().map((f) => `${f} ${(statSync(join(dist, f)).size / 1e6).toFixed(1)} MB`).join(', ')}; dist total ${(dirBytes(dist) / 1e6).toFixed(1)} MB.`);
  // issue 17: what a user downloads, against what they put in (at most 4 times, Parquet and the database included)
  const ratio = dirBytes(dist) / gen.bytes;
  out(`Size of dist/: ${(dirBytes(dist) / 1e6).toFixed(1)} MB for ${inputMB.toFixed(1)} MB of input, ${ratio.toFixed(2)}× the input (${ratio <= DIST_MAX_RATIO ? 'within' : 'ABOVE'} ${DIST_MAX_RATIO}×), CSV and JSON ${existsSync(join(dist, 'documents.csv.gz')) ? 'gzipped' : 'plain'}.`);

  // incremental: one article changed
  const first = join(corpus, 'bench_0000001.txt');
  appendFileSync(first, 'Le ministre a ajouté jeudi qu’il se rendrait à Minsk.\n');
  rmSync(metrics, { force: true });
  const incremental = makeBuild(corpus, build, dist, metrics);
  out(`Incremental rebuild, one article changed: ${incremental.toFixed(1)} s (${((incremental / total) * 100).toFixed(1)} % of the full build).`);

  if (mb <= 100 || process.env.BENCH_DETERMINISM === '1') {
    const two = hashFiles(join(build, 'extract'));
    execFileSync('node', ['--import', 'tsx', join(ROOT, 'pipeline', 'extract.ts'), '--build', build, '--jobs', '1', '--no-cache'], { stdio: ['ignore', 'ignore', 'ignore'], env: { ...process.env, CI: 'true' } });
    out(`Output with 1 worker ${hashFiles(join(build, 'extract')) === two ? 'identical to' : 'DIFFERENT FROM'} the output with ${availableParallelism()} workers.`);
  }
  const c = await comparedToChrono(build);
  out(`One core, ${c.sampleMB.toFixed(1)} MB of cleaned text: full extraction ${c.oursMBs.toFixed(2)} MB/s, chrono-node fr.parse alone ${c.chronoMBs.toFixed(2)} MB/s: ratio ${(c.oursMBs / c.chronoMBs).toFixed(2)}×.`);
}
if (!existsSync(join(BENCH, 'results.md'))) process.exit(1);
