import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../pipeline/lib/clean.ts';
import { extractDocument, type ExtractedDocument } from '../pipeline/lib/extract/index.ts';
import { buildDoc } from '../pipeline/lib/nlp/doc.ts';
import { MAX_SENTENCE_TOKENS } from '../pipeline/lib/nlp/structure.ts';
import type { Token } from '../pipeline/lib/nlp/tokens.ts';
import { rejectBytes, rejectCleaned, warnCleaned } from '../pipeline/lib/inspect.ts';
import { decodeBytes, scanUtf8 } from '../pipeline/lib/text/decode.ts';
import { removalTexts, spanProblems } from '../pipeline/lib/extract/rows.ts';
import { ROOT } from './helpers.ts';

// Pieces of French news prose that wake the extractors up (dates, quotes, speech verbs,
// events, agreements) plus the characters that tend to break offsets: combining marks,
// astral symbols, BOMs, CRLF, no-break spaces, headers and datelines.
const FRENCH_PIECES = [
  'Le président', 'M. Poutine', 'Emmanuel Macron', 'Alexandre Loukachenko', 'a déclaré', 'a-t-il dit', 'selon', 'a affirmé', 'a signé',
  'le 12 mars 2022', 'jeudi', 'hier', 'en 2021', 'le 31 février', 'depuis le 1er janvier', 'la semaine prochaine', 'en mai dernier',
  'un accord', 'le traité de coopération', 'l’accord de Minsk', 'une manifestation', 'des sanctions', 'un sommet', 'une attaque', 'des élections',
  '«', '»', '« ', ' »', '"', '“', '”', '‘', '’', '.', ',', ':', ';', '?', '!', '…', '(', ')', '-', '—',
  ' date 2022-13 ', ' date 2022-05-03 ', '(Moscou) ', 'https://t.co/x', 'pic.twitter.com/y', '(AFP)', 'JOHN DOE / AFP',
  'e\u0301', 'é', '\u00a0', '\u202f', '\ufeff', '\u200b', '😀', '\ud800', '\r\n', '\n', '\n\n', '\t', '\u2028',
];
// Whole sentences the extractors recognize, so that records exist for the spans to be checked on.
const FRENCH_SENTENCES = [
  '« Nous avons l’intention de résister ensemble », a déclaré M. Poutine jeudi.',
  'Le 12 mars 2022, Emmanuel Macron a signé un accord de coopération avec l’Allemagne.',
  '« La Russie continuera d’apporter son aide », a-t-il ajouté lors d’une conférence de presse.',
  'Selon Alexandre Loukachenko, « les sanctions ne changeront rien ».',
  'Des milliers de personnes ont manifesté dimanche à Minsk contre le régime.',
  'Les deux pays ont conclu en 2021 un traité de libre-échange, entré en vigueur le 1er janvier.',
  'L’armée a lancé une attaque le 24 février 2022 contre plusieurs villes.',
];
const SEPARATORS = [' ', '', '\n', '\n\n', ' ', ' '];

const frenchLikeText = fc
  .array(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...FRENCH_PIECES) },
      { weight: 2, arbitrary: fc.constantFrom(...FRENCH_SENTENCES) },
      // a sentence cut anywhere, as in a truncated article
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...FRENCH_SENTENCES), fc.nat()).map(([t, n]) => t.slice(0, n % t.length)) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
    ),
    { maxLength: 120 },
  )
  .chain((pieces) => fc.array(fc.constantFrom(...SEPARATORS), { minLength: pieces.length, maxLength: pieces.length }).map((seps) => pieces.map((p, i) => p + seps[i]).join('')));
const anyText = fc.oneof(frenchLikeText, fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 400 }));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('properties (fast-check)', () => {
  it('cleanArticle and the inspections never throw on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 600 }), anyText.map(utf8), anyText.map((s) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]))), (bytes) => {
        rejectBytes(bytes);
        const cleaned = cleanArticle(bytes, 'x.txt');
        expect(cleaned.text).not.toMatch(/\r/);
        expect(cleaned.bytes).toBe(bytes.length);
        rejectCleaned(cleaned);
        warnCleaned(cleaned);
      }),
      { numRuns: 600 },
    );
  });

  it('no extractor throws on arbitrary Unicode, and every span lies inside the text and holds the record text', () => {
    const found = { dates: 0, quotes: 0, events: 0, agreements: 0 };
    fc.assert(
      fc.property(anyText, (raw) => {
        const article = cleanArticle(utf8(raw), 'x.txt');
        const extracted = extractDocument(article);
        expect(spanProblems(article.text, extracted, removalTexts(article))).toEqual([]);
        for (const table of Object.keys(found) as (keyof typeof found)[]) found[table] += extracted[table].length;
      }),
      { numRuns: 400 },
    );
    // the generated prose must actually exercise the extractors, or the property says nothing
    expect(found.dates + found.quotes + found.events + found.agreements).toBeGreaterThan(0);
  });

  it('extraction keeps valid spans on UTF-16 and Windows-1252 input too', () => {
    const utf16 = (s: string) => new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(s, (_c, i) => s.charCodeAt(i)).buffer)]);
    const latin = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
    fc.assert(
      fc.property(frenchLikeText, fc.constantFrom(utf16, latin), (raw, encode) => {
        const article = cleanArticle(encode(raw), 'x.txt');
        expect(spanProblems(article.text, extractDocument(article), removalTexts(article))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('scanUtf8 counts exactly the sequences the WHATWG decoder replaces', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const replaced = (new TextDecoder('utf-8').decode(bytes).match(/\uFFFD/g) ?? []).length;
        let genuine = 0; // U+FFFD written in the input itself (EF BF BD)
        for (let i = 0; i + 2 < bytes.length; i++) if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) genuine++;
        expect(scanUtf8(bytes).invalid).toBe(replaced - genuine);
      }),
      { numRuns: 3000 },
    );
  });

  it('valid UTF-8 decodes to itself with no repair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }).filter((s) => !s.startsWith('\ufeff')), (s) => {
        const decoded = decodeBytes(utf8(s));
        expect(decoded).toEqual({ text: s, encoding: 'utf-8', repairs: [] });
      }),
      { numRuns: 500 },
    );
  });
});

// The work of the engine, counted rather than timed (so the test says the same on any machine):
// every read of a token by any pass — the document model's and every extractor's — through a
// proxy standing in for the token array. Work that grew faster than the text (a look-back over
// the whole sentence, a scan of every mention per mention) shows as a count per MB many times
// that of ordinary prose; the time per MB is in `make bench-extractors`.
describe('linear work on text of any shape', () => {
  const seedText = readdirSync(join(ROOT, 'seeds')).sort().map((f) => cleanArticle(readFileSync(join(ROOT, 'seeds', f)), f).text).join('\n\n');
  const fill = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
  const tokenReadsPerMB = (text: string): number => {
    let reads = 0;
    const observe = (tokens: Token[]) => new Proxy(tokens, {
      get(target, key, receiver) {
        if (typeof key === 'string' && key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    extractDocument({ ...cleanArticle(utf8('x'), 'shape.txt'), text }, observe);
    return reads / (Buffer.byteLength(text) / 1e6);
  };
  const ordinary = tokenReadsPerMB(fill(seedText + '\n\n', 200_000));

  it('costs about as much per MB in an article four times longer', () => {
    expect(tokenReadsPerMB(fill(seedText + '\n\n', 800_000)) / ordinary).toBeLessThan(1.3);
  });

  const SHAPES: Array<[string, string]> = [
    ['one sentence', seedText.replace(/[.!?](\s)/g, ',$1').replace(/\n+/g, ' ') + ' '],
    ['only capitalised words', 'Alpha Beta Gamma Delta Moscou Kiev Poutine Union Européenne Jean-Marc Le Pen '],
    ['only quote marks', '« » " “ ” « ‘ ’ '],
    ['only digits', '2022 14 09 1 500 000 3,5 12.03.2022 '],
    ['only apostrophes', "l'd'qu'j'' ' ’ ’’ "],
  ];
  it.each(SHAPES)('1 MB of %s costs at most twice ordinary prose per MB, its sentences within the budget', (_name, unit) => {
    const text = fill(unit, 1_000_000);
    expect(tokenReadsPerMB(text) / ordinary).toBeLessThan(2);
    for (const s of buildDoc(text).sentences) expect(s.last - s.first).toBeLessThanOrEqual(MAX_SENTENCE_TOKENS);
  });
});
