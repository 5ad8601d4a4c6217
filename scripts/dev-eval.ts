// Quick in-memory loop for extractor work: cleans and extracts seeds/ (or $SEEDS),
// writes the JSON tables to a temporary folder and runs the shared scorer on them.
// usage: npx tsx scripts/dev-eval.ts [--verbose] [--keep DIR]
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { cleanArticle } from '../pipeline/lib/clean.ts';
import { extractDocument, type ExtractedDocument } from '../pipeline/lib/extract/index.ts';

const seeds = process.env.SEEDS ?? 'seeds';
const gold = process.env.GOLD ?? '../shared/gold/seeds';
const keep = process.argv.indexOf('--keep');
const out = keep > 0 ? process.argv[keep + 1] : mkdtempSync(join(tmpdir(), 'dev-eval-'));
mkdirSync(out, { recursive: true });
const tables: Omit<ExtractedDocument, 'truncated'> = { documents: [], dates: [], quotes: [], events: [], agreements: [], entity_mentions: [] };
for (const f of readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort()) {
  const ex = extractDocument(cleanArticle(readFileSync(join(seeds, f)), f));
  for (const k of Object.keys(tables) as Array<keyof typeof tables>) (tables[k] as unknown[]).push(...ex[k]);
}
for (const [k, rows] of Object.entries(tables)) writeFileSync(join(out, `${k}.json`), JSON.stringify(rows, null, 1));
const args = ['../shared/tools/score.mjs', '--gold', gold, '--dist', out, ...(process.argv.includes('--verbose') ? ['--verbose'] : [])];
spawnSync('node', args, { stdio: 'inherit' });
console.error(`tables in ${out}`);
