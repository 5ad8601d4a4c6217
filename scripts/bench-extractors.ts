// make bench-extractors [MB=8]: the extraction engine on one core, over the bench corpus (the
// articles `make bench` generates from the seeds' and fixtures' paragraphs), cleaned first. Times
// the document model, each extractor on it, and everything together (extractDocument: model,
// all extractors, records and ids), then chrono-node's French parser (dates only) on the same
// texts in the same run, with the ratio; then how cost grows with article length and shape
// (a 4x longer article should cost about 4x, a pathological shape about as much per MB).
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as chrono from 'chrono-node';
import { cleanArticle, type CleanedArticle } from '../pipeline/lib/clean.ts';
import { extractAgreements } from '../pipeline/lib/extract/agreements.ts';
import type { ArticleContext } from '../pipeline/lib/extract/context.ts';
import { resolveDates, scanDates } from '../pipeline/lib/extract/dates.ts';
import { entityMentions } from '../pipeline/lib/extract/entities.ts';
import { extractEvents } from '../pipeline/lib/extract/events.ts';
import { extractDocument } from '../pipeline/lib/extract/index.ts';
import { publicationOf } from '../pipeline/lib/extract/publication.ts';
import { extractQuotes } from '../pipeline/lib/extract/quotes.ts';
import type { DateMention, EventMention } from '../pipeline/lib/extract/types.ts';
import { buildDoc, type Doc } from '../pipeline/lib/nlp/doc.ts';
import { generateCorpus, sourceParagraphs } from './bench/corpus.ts';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const mb = Number(process.env.MB ?? 8);

const dir = mkdtempSync(join(tmpdir(), 'bench-extractors-'));
generateCorpus(dir, mb * 1e6, sourceParagraphs([join(ROOT, 'seeds'), join(ROOT, 'test', 'fixtures', 'good')]));
const articles: CleanedArticle[] = [];
for (const f of readdirSync(dir).sort()) {
  try {
    articles.push(cleanArticle(readFileSync(join(dir, f)), f));
  } catch {
    // the corpus's malformed files are the clean stage's business
  }
}
rmSync(dir, { recursive: true, force: true });
const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0);
const MB = bytes / 1e6;

/** CPU seconds of one pass of `fn` over every article, after a warm-up pass over a few. */
function cpuSeconds(fn: (i: number) => unknown): number {
  for (let i = 0; i < Math.min(200, articles.length); i++) fn(i);
  const start = process.cpuUsage();
  for (let i = 0; i < articles.length; i++) fn(i);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}
const row = (name: string, seconds: number, note = '') => console.log(`${name.padEnd(30)} ${(MB / seconds).toFixed(2).padStart(8)} MB/s ${((seconds * 1000) / MB).toFixed(0).padStart(7)} ms/MB  ${note}`);

console.log(`${MB.toFixed(1)} MB of cleaned text, ${articles.length} articles, one core (Node ${process.version})\n`);
// everything together and chrono-node first, while the heap holds only the texts (the parts
// below keep every article's document model alive, which slows the collector for what runs after)
const all = cpuSeconds((i) => extractDocument(articles[i]));
row('all together (extractDocument)', all);
const reference = new Date(Date.UTC(2022, 11, 15));
const chronoSeconds = cpuSeconds((i) => chrono.fr.parse(articles[i].text, reference));
row('chrono-node fr (dates only)', chronoSeconds);
console.log(`\nall extractors / chrono-node: ${(chronoSeconds / all).toFixed(2)}x  (target: 10 MB/s and at least 1x; stretch 2x)`);
console.log('\nthe parts, each on document models built beforehand:');
const docs: Doc[] = articles.map((a) => buildDoc(a.text));
const contexts: ArticleContext[] = docs.map((doc, i) => {
  const hits = scanDates(doc);
  const { textDay, ...published } = publicationOf(doc, hits, articles[i].header_date);
  return { doc_id: articles[i].source_file, doc, published: published.published, published_precision: published.published_precision, textDay };
});
const dates: DateMention[][] = contexts.map((c) => resolveDates(c.doc, scanDates(c.doc), c.published, c.textDay));
const events: EventMention[][] = contexts.map((c, i) => extractEvents(c, dates[i]));

row('document model (tokens, lexicon,', cpuSeconds((i) => buildDoc(articles[i].text)));
console.log('  sentences, quotes, mentions)');
row('dates', cpuSeconds((i) => {
  const c = contexts[i];
  const hits = scanDates(c.doc);
  publicationOf(c.doc, hits, articles[i].header_date);
  return resolveDates(c.doc, hits, c.published, c.textDay);
}));
row('quotes', cpuSeconds((i) => extractQuotes(contexts[i], dates[i])));
row('events', cpuSeconds((i) => extractEvents(contexts[i], dates[i])));
row('agreements', cpuSeconds((i) => extractAgreements(contexts[i], dates[i], events[i])));
row('entities', cpuSeconds((i) => entityMentions(docs[i])));

// cost against length and shape: per MB, relative to the corpus as a whole
const perMb = (text: string): number => {
  const article = { ...articles[0], text, source_file: 'shape.txt' };
  extractDocument(article);
  const start = process.cpuUsage();
  extractDocument(article);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6 / (Buffer.byteLength(text) / 1e6);
};
const ordinary = all / MB;
const long = articles.slice(0, 40).map((a) => a.text).join('\n\n');
console.log('\ncost per MB, relative to the corpus (1.0 = as cheap as ordinary articles)');
const shapes: Array<[string, string]> = [
  ['one article of 40 joined', long],
  ['the same, 4x longer', Array(4).fill(long).join('\n\n')],
  ['1 MB, one sentence', long.replace(/[.!?]\s/g, ', ').replace(/\n+/g, ' ').repeat(Math.ceil(1e6 / long.length)).slice(0, 1e6)],
  ['1 MB of capitalised words', 'Alpha Beta Gamma Delta Moscou Kiev Poutine Union Européenne '.repeat(1e6 / 60)],
  ['1 MB of quote marks', '« » " “ ” « '.repeat(1e6 / 12)],
  ['1 MB of digits', '2022 14 09 1 500 000 3,5 '.repeat(1e6 / 25)],
  ['1 MB of apostrophes', "l'd'qu'j'' ' ’ ".repeat(1e6 / 15)],
];
for (const [name, text] of shapes) console.log(`  ${name.padEnd(28)} ${(perMb(text) / ordinary).toFixed(2).padStart(6)}x`);
