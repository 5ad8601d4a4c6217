// tinyld's `detectAll` (normal model, no options), re-implemented to give the very same
// scores several times faster. tinyld scores every word of a sample against all of its
// languages, rebuilding sets and gram arrays per word; here the scores of a word are
// computed once and remembered, since news text repeats the same words over and over.
// The model data is tinyld's own, read from its bundle; if that ever fails (a new tinyld
// release), `detectAllFast` is simply tinyld's `detectAll`. test/clean.test.ts checks the
// two agree.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';

type Tinyld = typeof import('tinyld');
let library: Tinyld | undefined;
/** tinyld itself, loaded on first use (its CommonJS build, the same code): a run served from the cache never needs it. */
const tinyld = (): Tinyld => (library ??= createRequire(import.meta.url)('tinyld') as Tinyld);

export interface LanguageScore {
  lang: string;
  accuracy: number;
}

interface Model {
  /** Grams that only one language uses, to its ISO 639-3 code (or undefined, as tinyld decodes it). */
  uniques: Map<string, string | undefined>;
  /** See `mayHold`. */
  uniqueFilter: Uint32Array;
  /** Grams to their weight per ISO 639-3 code. */
  multiples: Map<string, Record<string, number>>;
}

// tinyld's constants for its "normal" model
const GRAM_SIZES = [1, 2, 3, 4, 5];
const MAX_GRAM = GRAM_SIZES[GRAM_SIZES.length - 1];
const FILTER_WORDS = 1 << 16;
const CHUNKS_SCORED = 7;
const WORD_TOP = 8;
const CHUNK_SPLIT = /([,，、。!¿?！？":;()「」{}„“«»”"“<>⋯《》*]|[.[\]\\])+/;
const WORD_SPLIT = /[ ]+/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const DICTIONARY_MARKER = '{id:"tinyld-dict"';
/** Remembered word scores; past this many distinct words the memory starts afresh. */
const MAX_REMEMBERED_WORDS = 50_000;

let model: Model | null | undefined;
const wordScores = new Map<string, Array<[string, number]>>();

/** The same list as tinyld's `detectAll(text)`: languages by decreasing accuracy. */
export function detectAllFast(text: string): LanguageScore[] {
  model ??= loadModel();
  if (!model) return tinyld().detectAll(text).map(({ lang, accuracy }) => ({ lang, accuracy }));
  return scoreText(text, model);
}

function scoreText(text: string, m: Model): LanguageScore[] {
  let letters = 0;
  // a Map keeps first-insertion order as tinyld's object does (its keys are never integers)
  const totals = new Map<string, number>();
  for (const chunk of longestChunks(text)) {
    const unique = uniqueLanguage(chunk, m);
    if (unique) {
      totals.set(unique, (totals.get(unique) || 0) + chunk.length);
      letters += chunk.length;
      continue;
    }
    for (const word of chunk.split(WORD_SPLIT)) {
      for (const [lang, accuracy] of scoreWord(word, m)) totals.set(lang, (totals.get(lang) || 0) + accuracy);
      letters += word.length;
    }
  }
  const ranked = [...totals].filter((e) => e[1] > 0);
  ranked.sort((a, b) => b[1] - a[1]);
  return ranked.map(([lang, total]) => ({ lang, accuracy: total / letters }));
}

/**
 * tinyld's chunks: the text split on punctuation, each cleaned (`cleanString`), the empty
 * ones dropped, and the longest seven kept (the first ones among equals). Cleaning only
 * keeps or shortens a lower-cased chunk, so only the chunks whose lower-cased length can
 * still reach the seventh are cleaned, longest first.
 */
export function longestChunks(text: string): string[] {
  const { cleanString } = tinyld();
  const raw = text.split(CHUNK_SPLIT).map((chunk, index) => ({ index, chunk, bound: chunk.toLowerCase().length, clean: '' }));
  const byBound = [...raw].sort((a, b) => b.bound - a.bound);
  const cleaned: typeof raw = [];
  for (const chunk of byBound) {
    if (cleaned.length >= CHUNKS_SCORED && chunk.bound < cleaned[CHUNKS_SCORED - 1].clean.length) break;
    chunk.clean = cleanString(chunk.chunk);
    if (!chunk.clean) continue;
    cleaned.push(chunk);
    cleaned.sort((a, b) => b.clean.length - a.clean.length || a.index - b.index);
  }
  return cleaned.slice(0, CHUNKS_SCORED).map((c) => c.clean);
}

/**
 * The language of the first gram (shortest first, then leftmost) that only one language
 * uses. A cleaned chunk has no white space at its ends and never two white-space
 * characters in a row, so the grams tinyld takes from it are, for every size, the windows
 * of the chunk between two spaces: one pass over that string visits all sizes at once.
 */
function uniqueLanguage(chunk: string, m: Model): string | undefined {
  const spaced = ` ${chunk} `;
  let found: string | undefined;
  let foundSize = MAX_GRAM + 1;
  for (let start = 0; start < spaced.length && foundSize > 1; start++) {
    let h = 0;
    for (let n = 1; n < foundSize && start + n <= spaced.length; n++) {
      h = hashStep(h, spaced.charCodeAt(start + n - 1));
      if (!mayHold(m.uniqueFilter, h)) continue;
      const gram = spaced.slice(start, start + n);
      if (m.uniques.has(gram) && isGram(gram)) {
        found = gram;
        foundSize = n;
      }
    }
  }
  return found === undefined ? undefined : tinyld().toISO2(m.uniques.get(found) as string);
}

/** tinyld's top eight languages for one word, with its rounded relative accuracy. */
function scoreWord(word: string, m: Model): Array<[string, number]> {
  const known = wordScores.get(word);
  if (known) return known;
  const { supportedLanguages, toISO2 } = tinyld();
  const scores = new Map<string, number>(supportedLanguages.map((l) => [l, 0]));
  for (const n of GRAM_SIZES) {
    for (const gram of gramsOf(word, n)) {
      const bare = gram.normalize('NFD').replace(COMBINING_MARKS, '');
      const weights = m.multiples.get(bare);
      if (!weights) continue;
      for (const lang of Object.keys(weights)) {
        const score = scores.get(lang);
        if (score !== undefined) scores.set(lang, score + (weights[lang] * bare.length) / 4);
      }
    }
  }
  const ranked = [...scores.entries()];
  ranked.sort((a, b) => b[1] - a[1]);
  const best = Math.max(...ranked.map((e) => e[1])) || 1;
  const top = ranked.slice(0, WORD_TOP).map(([lang, score]): [string, number] => [toISO2(lang), 1 - round4((best - score) / best)]);
  if (wordScores.size >= MAX_REMEMBERED_WORDS) wordScores.clear();
  wordScores.set(word, top);
  return top;
}

/**
 * The n-grams tinyld takes from a text padded with spaces: every window of n characters
 * that holds no two adjacent spaces and is not only white space.
 */
export function gramsOf(text: string, n: number): string[] {
  const pad = ' '.repeat(n - 1);
  const padded = pad + text + pad;
  const out: string[] = [];
  for (let i = 0; i + n <= padded.length; i++) {
    const gram = padded.slice(i, i + n);
    if (isGram(gram)) out.push(gram);
  }
  return out;
}

function isGram(window: string): boolean {
  return !window.includes('  ') && window.trim().length > 0;
}

function hashStep(h: number, code: number): number {
  return (Math.imul(h, 31) + code) & 0x3fffffff;
}

/** A bit per hash (modulo its size): set for the hash of every unique gram, so most windows are ruled out at once. */
function mayHold(filter: Uint32Array, h: number): boolean {
  const bit = h & (filter.length * 32 - 1);
  return (filter[bit >>> 5] & (1 << (bit & 31))) !== 0;
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** tinyld's dictionary, decoded as tinyld decodes it; null when its bundle is not as expected. */
function loadModel(): Model | null {
  try {
    const bundle = readFileSync(createRequire(import.meta.url).resolve('tinyld'), 'utf8');
    const start = bundle.indexOf(DICTIONARY_MARKER);
    if (start < 0) return null;
    const dict = vm.runInNewContext(`(${objectLiteralAt(bundle, start)})`) as { uniques: Record<string, string | number>; multiples: Record<string, string> };
    const { supportedLanguages } = tinyld();
    const langOf = (index: string | number) => supportedLanguages[parseInt(index.toString(), 36) - 1];
    const uniques = new Map(Object.entries(dict.uniques).map(([gram, index]) => [gram, langOf(index)]));
    const multiples = new Map(Object.entries(dict.multiples).map(([gram, packed]) => [gram, Object.fromEntries(
      packed.match(/(.{1,4})/g)?.map((pair) => { const [index, weight] = pair.match(/(.{1,2})/g)!; return [langOf(index), parseInt(weight, 36)]; }) ?? [],
    )]));
    const uniqueFilter = new Uint32Array(FILTER_WORDS);
    for (const gram of uniques.keys()) {
      let h = 0;
      for (let i = 0; i < gram.length; i++) h = hashStep(h, gram.charCodeAt(i));
      const bit = h & (FILTER_WORDS * 32 - 1);
      uniqueFilter[bit >>> 5] |= 1 << (bit & 31);
    }
    return { uniques, uniqueFilter, multiples };
  } catch {
    return null;
  }
}

/** The source text of the object literal opening at `start`: up to its matching brace. */
function objectLiteralAt(source: string, start: number): string {
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (c === '"') {
      for (i++; source[i] !== '"'; i++) if (source[i] === '\\') i++;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return source.slice(start, i + 1);
  }
  throw new Error('tinyld dictionary: unterminated literal');
}
