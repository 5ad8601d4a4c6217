// Per-extractor throughput on one core (make bench-extractors): the cleaned seeds and the
// paragraphs of the bench corpus generator, repeated to ~MB megabytes, each extractor timed
// alone after a warm-up; then the growth with article length (a 4x longer article should
// cost about 4x, not 16x). usage: node --import tsx scripts/bench-extractors.ts [--mb 4]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as chrono from 'chrono-node';
import { minimist } from 'zx';
import { cleanArticle } from '../pipeline/lib/clean.ts';
import { extractAgreements } from '../pipeline/lib/extract/agreements.ts';
import { extractDates } from '../pipeline/lib/extract/dates.ts';
import { entityMentions } from '../pipeline/lib/extract/entities.ts';
import { articleContext } from '../pipeline/lib/extract/context.ts';
import { extractEvents } from '../pipeline/lib/extract/events.ts';
import { extractQuotes } from '../pipeline/lib/extract/quotes.ts';
import type { DateMention, DocInput } from '../pipeline/lib/extract/types.ts';
import { splitSentences } from '../pipeline/lib/text/sentences.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const mb = Number(minimist(process.argv.slice(2)).mb ?? 4);
const seedTexts = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort().map((f) => cleanArticle(readFileSync(join(ROOT, 'seeds', f)), f).text);
const texts: string[] = [];
let bytes = 0;
while (bytes < mb * 1e6) for (const t of seedTexts) { texts.push(t); bytes += t.length; }

const docOf = (text: string): DocInput => ({ doc_id: 'bench', text, published: '2022-12', published_precision: 'month', sentences: splitSentences(text) });
const docs = texts.map(docOf);
const dates = docs.map((d) => extractDates(articleContext('bench', d.text, d.published)));
const steps: Array<[string, (d: DocInput, ds: DateMention[]) => unknown]> = [
  ['sentences', (d) => splitSentences(d.text)],
  ['dates', (d) => extractDates(articleContext('bench', d.text, d.published))],
  ['quotes', (d, ds) => extractQuotes(articleContext('bench', d.text, d.published), ds)],
  ['events', (d, ds) => extractEvents(d, ds)],
  ['agreements', (d, ds) => extractAgreements(d, ds)],
  ['entities', (d) => entityMentions(articleContext('bench', d.text, d.published).doc)],
  ['chrono-node fr (reference)', (d) => chrono.fr.parse(d.text, new Date(Date.UTC(2022, 11, 15)))],
];
const seconds = (fn: () => void) => { const t = process.hrtime.bigint(); fn(); return Number(process.hrtime.bigint() - t) / 1e9; };
console.log(`${(bytes / 1e6).toFixed(1)} MB of cleaned text, ${docs.length} articles, one core`);
let total = 0;
for (const [name, fn] of steps) {
  for (let i = 0; i < Math.min(50, docs.length); i++) fn(docs[i], dates[i]);
  const s = seconds(() => docs.forEach((d, i) => fn(d, dates[i])));
  if (!name.startsWith('chrono')) total += s;
  console.log(`${name.padEnd(28)} ${(bytes / 1e6 / s).toFixed(2).padStart(8)} MB/s`);
}
console.log(`${'all extractors'.padEnd(28)} ${(bytes / 1e6 / total).toFixed(2).padStart(8)} MB/s`);

const long = seedTexts.join('\n\n');
for (const [name, fn] of steps.slice(1, 6)) {
  const cost = (reps: number) => {
    const d = docOf(Array(reps).fill(long).join('\n\n'));
    const ds = extractDates(articleContext('bench', d.text, d.published));
    return seconds(() => fn(d, ds));
  };
  const small = cost(2);
  const big = cost(8);
  console.log(`${name.padEnd(12)} 4x longer article costs ${(big / small).toFixed(1)}x`);
}
