/**
 * Fast scanning of words (maximal runs of letters and digits, or of letters only, as a
 * `u`-flag regex sees them) for the lexicon lookups, without a regex match per word.
 */

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** Length in code units of the code point at `offset`. */
function codePointLength(text: string, offset: number): number {
  return isHighSurrogate(text.charCodeAt(offset)) && offset + 1 < text.length && isLowSurrogate(text.charCodeAt(offset + 1)) ? 2 : 1;
}

/** The characters words are made of, with a table of the BMP code units (pairs are tested by code point). */
export class WordChars {
  private readonly inWord = new Uint8Array(0x10000);
  private lastText: string | null = null;
  private lastBounds: number[] = [];

  constructor(private readonly char: RegExp) {
    for (let unit = 0; unit < 0x10000; unit++) this.inWord[unit] = char.test(String.fromCharCode(unit)) ? 1 : 0;
  }

  private isWordCodePoint(text: string, offset: number, length: number): boolean {
    return length === 1 ? this.inWord[text.charCodeAt(offset)] === 1 : this.char.test(text.slice(offset, offset + 2));
  }

  /** Whether a word character starts at `offset` (false at the end of the text). */
  at(text: string, offset: number): boolean {
    return offset < text.length && this.isWordCodePoint(text, offset, codePointLength(text, offset));
  }

  /**
   * The start and end of every word of `text`, left to right, flat (`[start0, end0, start1, …]`);
   * remembered for the last text, as the lexicons look up the words of one sentence in turn.
   */
  wordBounds(text: string): readonly number[] {
    if (text === this.lastText) return this.lastBounds;
    const bounds: number[] = [];
    let start = -1;
    for (let offset = 0; offset < text.length; ) {
      const unit = text.charCodeAt(offset);
      const width = isHighSurrogate(unit) ? codePointLength(text, offset) : 1;
      const inWord = width === 1 ? this.inWord[unit] === 1 : this.char.test(text.slice(offset, offset + 2));
      if (inWord) {
        if (start < 0) start = offset;
      } else if (start >= 0) {
        bounds.push(start, offset);
        start = -1;
      }
      offset += width;
    }
    if (start >= 0) bounds.push(start, text.length);
    this.lastText = text;
    this.lastBounds = bounds;
    return bounds;
  }
}

/** `[\p{L}\p{N}]`: the word boundary of the lexicon patterns. */
export const LETTERS_AND_DIGITS = new WordChars(/[\p{L}\p{N}]/u);
/** `\p{L}`: the word boundary of the people patterns. */
export const LETTERS = new WordChars(/\p{L}/u);
/** `[\p{L}\p{M}]`: letters and combining marks, around person names. */
export const LETTERS_AND_MARKS = new WordChars(/[\p{L}\p{M}]/u);

/** Offset of the code point that ends right before `offset` (a surrogate pair counts as one). */
export function previousCodePoint(text: string, offset: number): number {
  return offset >= 2 && isLowSurrogate(text.charCodeAt(offset - 1)) && isHighSurrogate(text.charCodeAt(offset - 2)) ? offset - 2 : offset - 1;
}

/** A hash of a word's length and its first, second and last code units. */
function wordHash(text: string, start: number, end: number): number {
  const second = end - start > 1 ? text.charCodeAt(start + 1) : 0;
  return (Math.imul(text.charCodeAt(start), 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b) ^ Math.imul(text.charCodeAt(end - 1), 0xc2b2ae35) ^ Math.imul(end - start, 0x27d4eb2f)) >>> 0;
}

/** A map from words, with a cheap first test (a bit per word hash) before any string is cut. */
export class WordTable<V> {
  private readonly values = new Map<string, V>();
  private readonly seen: Uint8Array;
  private readonly mask: number;

  /** `capacity`: about how many words the table will hold. */
  constructor(capacity: number) {
    let size = 256;
    while (size < capacity * 16) size *= 2;
    this.seen = new Uint8Array(size);
    this.mask = size - 1;
  }

  set(word: string, value: V): void {
    this.values.set(word, value);
    this.seen[wordHash(word, 0, word.length) & this.mask] = 1;
  }

  /** The value of `text[start, end)`. */
  get(text: string, start: number, end: number): V | undefined {
    if (!this.seen[wordHash(text, start, end) & this.mask]) return undefined;
    return this.values.get(text.slice(start, end));
  }

  /** The value of `word`. */
  valueOf(word: string): V | undefined {
    return this.get(word, 0, word.length);
  }
}

const isApostrophe = (unit: number): boolean => unit === 0x27 || unit === 0x2019;

/**
 * Literal surfaces (case-sensitive) found at word starts: what a global regex
 * `(?<![chars])(?:longest|…|shortest)` followed by a boundary finds.
 */
export class SurfaceIndex {
  /**
   * Surfaces by their first word, longest first, as the alternation tries them (two surfaces
   * of one length that both fit at a position read the same there, so ties need no order).
   */
  private readonly byFirstWord: WordTable<string[]>;

  readonly chars: WordChars;
  private readonly apostrophesAlike: boolean;

  /** With `apostrophesAlike`, `'` and `’` stand for each other (the patterns' `['’]`). */
  constructor(surfaces: Iterable<string>, { chars = LETTERS_AND_DIGITS, apostrophesAlike = false }: { chars?: WordChars; apostrophesAlike?: boolean } = {}) {
    this.chars = chars;
    this.apostrophesAlike = apostrophesAlike;
    const sorted = [...surfaces].sort((a, b) => b.length - a.length);
    this.byFirstWord = new WordTable(sorted.length);
    for (const surface of sorted) {
      let firstEnd = 0;
      while (firstEnd < surface.length && chars.at(surface, firstEnd)) firstEnd += codePointLength(surface, firstEnd);
      if (!firstEnd) throw new Error(`lexicon surface must start with a word character: ${surface}`);
      const first = surface.slice(0, firstEnd);
      const list = this.byFirstWord.valueOf(first);
      if (list) list.push(surface);
      else this.byFirstWord.set(first, [surface]);
    }
  }

  private writtenAt(text: string, offset: number, surface: string): boolean {
    if (offset + surface.length > text.length) return false;
    for (let i = 0; i < surface.length; i++) {
      const a = text.charCodeAt(offset + i);
      const b = surface.charCodeAt(i);
      if (a !== b && !(this.apostrophesAlike && isApostrophe(a) && isApostrophe(b))) return false;
    }
    return true;
  }

  /**
   * Non-overlapping matches, left to right, of the longest surface starting at a word
   * start that `startsAt` accepts and followed by what `fits` accepts (by default, no word character).
   */
  matches(text: string, fits: (end: number) => boolean = (end) => !this.chars.at(text, end), startsAt?: (start: number) => boolean): SurfaceMatch[] {
    const matches: SurfaceMatch[] = [];
    const bounds = this.chars.wordBounds(text);
    let resumeAt = 0;
    for (let i = 0; i < bounds.length; i += 2) {
      const start = bounds[i];
      if (start < resumeAt || (startsAt && !startsAt(start))) continue;
      const found = this.byFirstWord.get(text, start, bounds[i + 1])?.find((s) => this.writtenAt(text, start, s) && fits(start + s.length));
      if (!found) continue;
      resumeAt = start + found.length;
      matches.push({ index: start, surface: text.slice(start, resumeAt) });
    }
    return matches;
  }
}

export interface SurfaceMatch {
  index: number;
  /** The matched text. */
  surface: string;
}
