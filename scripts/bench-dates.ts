// Benchmarks the French temporal tagger against chrono-node's French parser in one process:
// value F1 and strict span F1 on the seed gold, then throughput over the cleaned seeds repeated
// to a few MB. usage: npx tsx scripts/bench-dates.ts [--mb 4] [--seeds DIR] [--gold DIR]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as chrono from 'chrono-node';
import { cleanArticle } from '../pipeline/lib/clean.ts';
import { docIdOf } from '../pipeline/lib/ids.ts';
import { extractDates } from '../pipeline/lib/extract/dates.ts';
import { articleContext } from '../pipeline/lib/extract/context.ts';
import { scanDates } from '../pipeline/lib/extract/dates.ts';
import { publicationOf } from '../pipeline/lib/extract/publication.ts';
import { buildDoc } from '../pipeline/lib/nlp/doc.ts';

interface DocInput {
  doc_id: string;
  text: string;
  published: string | null;
}

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const seedsDir = arg('--seeds', process.env.SEEDS ?? 'seeds');
const goldDir = arg('--gold', process.env.GOLD ?? '../shared/gold/seeds');
const targetMb = Number(arg('--mb', '4'));

interface Tagged {
  text: string;
  value: string | null;
}
interface GoldDoc {
  doc: string;
  dates: Tagged[];
}

const docs: DocInput[] = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => {
    const article = cleanArticle(readFileSync(join(seedsDir, f)), f);
    const doc = buildDoc(article.text);
    const published = publicationOf(doc, scanDates(doc), article.header_date);
    return {
      doc_id: docIdOf(f),
      text: article.text,
      published: published.published,
    };
  });

// ---------------------------------------------------------------------------------------------
// chrono-node, mapped to value/precision as closely as its output allows

const MONTH_NAME_RE = /janv|f[ée]v|mars|avr|mai|juin|juil|ao[ûu]t|sept|oct|nov|d[ée]c|january|february|march|april|may|june|july|august|september|october|november|december/i;

function referenceDate(doc: DocInput): Date {
  const [y, m, d] = (doc.published ?? '2000-06-15').split('-').map(Number);
  return new Date(Date.UTC(y, (m ?? 6) - 1, d ?? 15, 12));
}

function chronoTag(doc: DocInput): Tagged[] {
  return chrono.fr.parse(doc.text, referenceDate(doc)).map((r) => {
    const c = r.start;
    const date = c.date();
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    const p2 = (n: number) => String(n).padStart(2, '0');
    const relative = !/\d/.test(r.text) && !MONTH_NAME_RE.test(r.text);
    let value: string | null;
    if (c.isCertain('day') && c.isCertain('month') && !relative) value = `${y}-${p2(m)}-${p2(d)}`;
    else if (c.isCertain('month') && !relative) value = `${y}-${p2(m)}`;
    else if (c.isCertain('year') && !relative) value = String(y);
    else value = `${y}-${p2(m)}-${p2(d)}`; // weekday or deictic word: a day computed from the reference
    const ownYear = /\b\d{4}\b/.test(r.text);
    if (!doc.published && !ownYear) value = null;
    else if (doc.published && !ownYear && (relative || !c.isCertain('day')) && value && value.length > doc.published.length) {
      value = value.slice(0, doc.published.length); // a month-dated article keeps the month
    }
    return { text: r.text, value };
  });
}

// ---------------------------------------------------------------------------------------------
// scoring, as shared/tools/score.mjs matches dates

const norm = (s: string | null | undefined): string =>
  String(s ?? '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[’‘`´]/g, "'").replace(/[«»“”„"‹›]/g, ' ')
    .replace(/[\s\u00a0\u202f]+/g, ' ').replace(/^[\s.,;:!?'()\-–—]+|[\s.,;:!?'()\-–—]+$/g, '').trim();
const toks = (s: string): string[] => norm(s).split(/[^a-z0-9]+/).filter(Boolean);
function tokF1(a: string, b: string): number {
  const A = toks(a), B = toks(b);
  if (!A.length || !B.length) return 0;
  const counts = new Map<string, number>();
  for (const t of A) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of B) {
    const n = counts.get(t) ?? 0;
    if (n > 0) { common++; counts.set(t, n - 1); }
  }
  if (!common) return 0;
  const p = common / B.length, r = common / A.length;
  return (2 * p * r) / (p + r);
}
const textScore = (a: Tagged, b: Tagged): number => {
  const A = norm(a.text), B = norm(b.text);
  return A === B ? 2 : A.includes(B) || B.includes(A) ? 1.5 : tokF1(a.text, b.text);
};

function score(golds: GoldDoc[], tagger: (doc: DocInput) => Tagged[]) {
  let gold = 0, pred = 0, valueOk = 0, strict = 0;
  for (const g of golds) {
    const doc = docs.find((d) => d.doc_id === g.doc);
    const predicted = doc ? tagger(doc) : [];
    gold += g.dates.length;
    pred += predicted.length;
    const pairs: Array<[number, number, number]> = [];
    g.dates.forEach((a, i) => predicted.forEach((b, j) => { const s = textScore(a, b); if (s >= 0.5) pairs.push([s, i, j]); }));
    pairs.sort((x, y) => y[0] - x[0]);
    const usedGold = new Set<number>(), usedPred = new Set<number>();
    for (const [, i, j] of pairs) {
      if (usedGold.has(i) || usedPred.has(j)) continue;
      usedGold.add(i); usedPred.add(j);
      if ((g.dates[i].value ?? null) === (predicted[j].value ?? null)) valueOk++;
      if (norm(g.dates[i].text) === norm(predicted[j].text)) strict++;
    }
  }
  const f1 = (tp: number) => (tp ? (2 * tp) / (gold + pred) : 0);
  return { gold, pred, value_f1: round(f1(valueOk)), strict_span_f1: round(f1(strict)) };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function throughput(tagger: (doc: DocInput) => unknown, corpus: DocInput[], bytes: number): number {
  const t0 = process.hrtime.bigint();
  for (const doc of corpus) tagger(doc);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return bytes / 1e6 / seconds;
}

const golds: GoldDoc[] = readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(join(goldDir, f), 'utf8')));
// the document model is part of what our tagger needs, so it is timed with it
const ours = (doc: DocInput): Tagged[] => extractDates(articleContext(doc.doc_id, doc.text, doc.published));
const oursFromText = ours;

const quality = { ours: score(golds, ours), chrono: score(golds, chronoTag) };

const corpus: DocInput[] = [];
let bytes = 0;
while (bytes < targetMb * 1e6) {
  for (const doc of docs) {
    corpus.push(doc);
    bytes += Buffer.byteLength(doc.text, 'utf8');
  }
}
throughput(oursFromText, docs, 1); // warm-up
throughput(chronoTag, docs, 1);
const speed = { ours: throughput(oursFromText, corpus, bytes), chrono: throughput(chronoTag, corpus, bytes) };

console.log(`seed gold: ${golds.length} docs, ${quality.ours.gold} gold dates`);
console.log(`${'tagger'.padEnd(8)} ${'pred'.padStart(5)} ${'value F1'.padStart(9)} ${'strict F1'.padStart(10)} ${'MB/s'.padStart(8)}`);
for (const name of ['ours', 'chrono'] as const) {
  const q = quality[name];
  console.log(`${name.padEnd(8)} ${String(q.pred).padStart(5)} ${q.value_f1.toFixed(3).padStart(9)} ${q.strict_span_f1.toFixed(3).padStart(10)} ${speed[name].toFixed(2).padStart(8)}`);
}
console.log(`throughput over ${(bytes / 1e6).toFixed(1)} MB: ours/chrono = ${(speed.ours / speed.chrono).toFixed(1)}x`);
const ok = quality.ours.value_f1 > quality.chrono.value_f1 && speed.ours >= speed.chrono;
console.log(ok ? 'OK: ours scores higher and is not slower' : 'FAIL: ours must score higher than chrono-node and not be slower');
process.exitCode = ok ? 0 : 1;
