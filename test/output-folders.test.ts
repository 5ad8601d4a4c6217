// Issue 17: any output folder works after any other, and SEEDS=x/ is SEEDS=x. The stages up to
// validation run once per input folder; publish, summarize, catalog and site run again for a new
// DIST, or for a DIST that lacks files of its last build.
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { make, ROOT, tempDir } from './helpers.ts';

const sha256 = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
const stagesRun = (output: string) => [...output.matchAll(/pipeline\/([\w-]+)\.ts/g)].map((m) => m[1]);
const AFTER_VALIDATION = ['publish', 'summarize', 'catalog', 'site'];

/** Every line of DIST/SHA256SUMS holds; returns the files it names. */
function verifySums(dist: string): string[] {
  const files: string[] = [];
  for (const line of readFileSync(join(dist, 'SHA256SUMS'), 'utf8').trim().split('\n')) {
    const [hash, file] = line.split('  ');
    expect(sha256(join(dist, file)), `${dist}: ${file}`).toBe(hash);
    files.push(file);
  }
  return files;
}

describe('output folders', () => {
  const work = tempDir('outputs');
  // a copy of the seeds, and no BUILD: the build folder is the one make derives from SEEDS
  const seeds = join(work, 'articles');
  const buildRoot = join(work, 'build');
  const run = (vars: Record<string, string>) => make({ BUILD_ROOT: buildRoot, ...vars });
  let first: string[] = [];

  beforeAll(async () => {
    cpSync(join(ROOT, 'seeds'), seeds, { recursive: true });
    await run({ SEEDS: seeds, DIST: join(work, 'a') });
    first = verifySums(join(work, 'a'));
  });

  it('a second DIST gets a complete folder whose checksums verify, without cleaning or extracting again', async () => {
    const out = await run({ SEEDS: seeds, DIST: join(work, 'b') });
    expect(stagesRun(out)).toEqual(AFTER_VALIDATION);
    expect(verifySums(join(work, 'b'))).toEqual(first);
    for (const f of first) expect(sha256(join(work, 'b', f)), f).toBe(sha256(join(work, 'a', f)));
    // and back to the first folder: nothing to do
    expect(stagesRun(await run({ SEEDS: seeds, DIST: join(work, 'a') }))).toEqual([]);
  });

  it('SEEDS written with a trailing slash is the same input folder: same build folder, same tables', async () => {
    const out = await run({ SEEDS: `${seeds}/`, DIST: join(work, 'c/') });
    expect(stagesRun(out)).toEqual(AFTER_VALIDATION);
    expect(readdirSync(buildRoot)).toHaveLength(1);
    expect(verifySums(join(work, 'c'))).toEqual(first);
    for (const f of first) expect(sha256(join(work, 'c', f)), f).toBe(sha256(join(work, 'a', f)));
  });

  it('a DIST that lacks files of its last build is published again, then left alone', async () => {
    const dist = join(work, 'd');
    await run({ SEEDS: seeds, DIST: dist });
    rmSync(join(dist, 'quotes.json'));
    rmSync(join(dist, 'summaries'), { recursive: true });
    const out = await run({ SEEDS: seeds, DIST: dist });
    expect(stagesRun(out)).toEqual(AFTER_VALIDATION);
    expect(verifySums(dist)).toEqual(first);
    rmSync(dist, { recursive: true });
    expect(stagesRun(await run({ SEEDS: seeds, DIST: dist }))).toEqual(AFTER_VALIDATION);
    expect(verifySums(dist)).toEqual(first);
    expect(stagesRun(await run({ SEEDS: seeds, DIST: dist }))).toEqual([]);
  });
});
