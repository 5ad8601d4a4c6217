// Ctrl-C (SIGINT to the process group) and SIGTERM stop the extract stage, and the whole make,
// at once while an article is being extracted; nothing temporary is left and a rerun gives the
// same bytes. Three long articles keep the extraction busy for seconds.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { liveProcesses, make, ROOT, runStage, tempDir, until } from './helpers.ts';

const ARTICLES = 3;
const ARTICLE_BYTES = 330_000;
/** From the stage's first temporary file to the signal: past loading the extractors, well before the articles are done. */
const INTO_EXTRACTION_MS = 1000;
const GONE_WITHIN_MS = 2000;

/** Long French articles, each made of the seed articles one after another from a different one. */
function writeLongArticles(dir: string): void {
  const texts = readdirSync(join(ROOT, 'seeds')).sort().map((f) => readFileSync(join(ROOT, 'seeds', f), 'utf8').replace(/^ date [^\n]*\n/, ''));
  mkdirSync(dir);
  for (let a = 0; a < ARTICLES; a++) {
    let article = ` date 2021-0${a + 1}\n`;
    for (let i = a; Buffer.byteLength(article) < ARTICLE_BYTES; i++) article += texts[i % texts.length] + '\n\n';
    writeFileSync(join(dir, `long-${a}.txt`), article);
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort();
}

/** Path → SHA-256 of every file under `dir` that `keep` accepts. */
function hashes(dir: string, keep: (file: string) => boolean): Record<string, string> {
  return Object.fromEntries(filesUnder(dir).filter(keep).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}

/** Path → SHA-256 of every published file, the database and its checksums included (lib/duckdb-allocator.ts). */
const publishedHashes = (dist: string) => hashes(dist, () => true);

const temporariesUnder = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tmp-\d+/.test(f));

interface Interrupted {
  /** As a shell reports it: 128 + the signal's number for a process the signal ended. */
  status: number;
  /** From the signal to the end of the last process: the command's, its children's and the sweeper's. */
  goneMs: number;
  output: string;
}

/**
 * Starts `command` in a process group of its own, waits until the extract stage has written
 * its first temporary file in `extractDir` and INTO_EXTRACTION_MS more, then sends `signal`
 * to the whole group, as a terminal's Ctrl-C does, or to the command alone, as a scheduler does.
 */
async function interrupt(command: string, args: string[], env: Record<string, string>, extractDir: string, signal: 'SIGINT' | 'SIGTERM', to: 'group' | 'command', marker: string): Promise<Interrupted> {
  const child = spawn(command, args, { cwd: ROOT, detached: true, env: { ...process.env, CI: 'true', ...env } });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  let status: number | null = null;
  child.on('exit', (code, sig) => { status = code ?? 128 + constants.signals[sig!]; });
  await until(() => status !== null || (existsSync(extractDir) && readdirSync(extractDir).some((f) => f.includes('.tmp-'))), 60_000, 'the extract stage never started writing');
  await new Promise((resolve) => setTimeout(resolve, INTO_EXTRACTION_MS));
  expect(status, `ended before the signal, the article no longer keeps it busy:\n${output}`).toBeNull();
  const sent = performance.now();
  process.kill(to === 'group' ? -child.pid! : child.pid!, signal);
  await until(() => status !== null && liveProcesses(marker, child.pid!).length === 0, 30_000, `processes left after ${signal}`);
  return { status: status!, goneMs: performance.now() - sent, output };
}

describe('a signal stops the build at once, and the next run resumes', () => {
  const work = tempDir('interrupt');
  const seeds = join(work, 'seeds');
  const build = join(work, 'build');
  const dist = join(work, 'dist');
  // one job: the stages after extract start no worker thread (the output does not depend on it)
  const vars = { SEEDS: seeds, BUILD: build, DIST: dist, JOBS: '1' };
  const makeArgs = ['--no-print-directory', '-C', ROOT, ...Object.entries(vars).map(([k, v]) => `${k}=${v}`)];
  const extractDir = join(build, 'extract');
  const extractOutputs = (f: string) => f.endsWith('.jsonl');
  /** The extract stage's outputs once it has run to the end: the reference for the make runs too. */
  let extracted: Record<string, string> = {};

  beforeAll(async () => {
    writeLongArticles(seeds);
    await make(vars, join(build, 'clean', 'articles.jsonl'));
  });

  const expectStopped = (run: Interrupted, status: number) => {
    expect(run.status, run.output).toBe(status);
    expect(run.goneMs).toBeLessThan(GONE_WITHIN_MS);
    expect(temporariesUnder(work)).toEqual([]);
  };

  it('the extract stage: SIGINT while its own thread extracts, SIGTERM while a worker thread does', async () => {
    const args = ['--build', build, '--dist', dist];
    const extract = ['--import', 'tsx', join(ROOT, 'pipeline', 'extract.ts'), ...args];
    expectStopped(await interrupt('node', extract, {}, extractDir, 'SIGINT', 'group', work), 130);
    expect(runStage('extract.ts', args).status).toBe(0);
    extracted = hashes(extractDir, extractOutputs);
    expect(Object.keys(extracted)).toContain('events.jsonl');

    // in the pool (--in-thread-max 0), and extracted again (not from the cache)
    expectStopped(await interrupt('node', [...extract, '--in-thread-max', '0', '--no-cache'], {}, extractDir, 'SIGTERM', 'command', work), 143);
    expect(runStage('extract.ts', args).status).toBe(0);
    expect(hashes(extractDir, extractOutputs)).toEqual(extracted);
  });

  it('make: SIGINT to its process group (Ctrl-C), then SIGTERM to make alone', async () => {
    // the articles are in the stage's cache by now: EXTRACT_CACHE=0 has them extracted again
    const uncached = { EXTRACT_CACHE: '0' };
    expectStopped(await interrupt('make', makeArgs, uncached, extractDir, 'SIGINT', 'group', work), 130);
    await make(vars);
    const published = publishedHashes(dist);
    expect(Object.keys(published)).toContain('events.parquet');
    expect(hashes(extractDir, extractOutputs)).toEqual(extracted);

    // an article touched: make cleans the articles again, then extracts them
    utimesSync(join(seeds, 'long-0.txt'), new Date(), new Date());
    expectStopped(await interrupt('make', makeArgs, uncached, extractDir, 'SIGTERM', 'command', work), 143);
    await make(vars);
    expect(publishedHashes(dist)).toEqual(published);
    expect(hashes(extractDir, extractOutputs)).toEqual(extracted);
  });
});
