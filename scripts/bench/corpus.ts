// Deterministic benchmark corpus: articles recombined from the paragraphs of seeds/ (and
// of any .txt under test/fixtures/good), with varied date headers, datelines and titles,
// plus a few malformed files, up to a target size.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { cleanArticle } from '../../pipeline/lib/clean.ts';

/** mulberry32: a small seeded PRNG, so the same size always gives the same corpus. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sourceParagraphs(dirs: string[]): string[] {
  const paragraphs: string[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
      const cleaned = cleanArticle(readFileSync(join(dir, f)), f);
      paragraphs.push(...cleaned.text.split('\n\n').filter((p) => p.length > 40));
    }
  }
  return paragraphs;
}

const DATELINES = ['(Moscou)', '(Belga)', '(AFP)', '(Minsk)', '(Kiev)', '(Bruxelles)', ''];

/** Writes the corpus into `dir` (replacing it); returns the number of files and bytes. */
export function generateCorpus(dir: string, targetBytes: number, paragraphs: string[], seed = 42): { files: number; bytes: number } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rand = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  let bytes = 0;
  let n = 0;
  const encoder = new TextEncoder();
  while (bytes < targetBytes) {
    const parts: string[] = [];
    const count = 3 + Math.floor(rand() * 8);
    for (let i = 0; i < count; i++) parts.push(pick(paragraphs));
    const year = 2015 + Math.floor(rand() * 10);
    const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
    const header = rand() < 0.8 ? ` date ${year}-${month} ` : '';
    const dateline = pick(DATELINES);
    const body = parts.join(rand() < 0.5 ? '\n\n' : '\n');
    const text = `${header}${dateline ? dateline + ' ' : ''}${body}\n`;
    const data = encoder.encode(text);
    const name = `bench_${String(n).padStart(7, '0')}.txt`;
    writeFileSync(join(dir, name), data);
    bytes += data.length;
    n++;
  }
  // a few malformed files, as real corpora have
  writeFileSync(join(dir, 'bench_empty.txt'), '');
  writeFileSync(join(dir, 'bench_binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
  // Windows-1252 bytes: é = 0xE9, à = 0xE0, ’ = 0x92
  writeFileSync(join(dir, 'bench_cp1252.txt'), Buffer.from([...Buffer.from(' date 2020-01 Le pr', 'latin1'), 0xe9, ...Buffer.from('sident a d', 'latin1'), 0xe9, ...Buffer.from('clar', 'latin1'), 0xe9, ...Buffer.from(' vendredi qu', 'latin1'), 0x92, ...Buffer.from('il viendrait ', 'latin1'), 0xe0, ...Buffer.from(' Paris.\n', 'latin1')]));
  writeFileSync(join(dir, 'bench_duplicate.txt'), readFileSync(join(dir, 'bench_0000000.txt')));
  writeFileSync(join(dir, 'notes.md'), '# not an article\n');
  return { files: n + 5, bytes };
}
