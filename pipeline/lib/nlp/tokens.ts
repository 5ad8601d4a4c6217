import { POS, lookup, type LexEntry } from './lexicon.ts';

/**
 * Tokens of a cleaned article, made in one pass over its characters: words (with French
 * elision split off: `l'`, `qu'`, `jusqu'`), numbers (with a glued suffix: `1er`, `20e`,
 * `4h30`), quotation marks and other punctuation. Each token keeps its offsets into the
 * text, its lower-case form (apostrophes as `'`) and its lexicon entry.
 */

export const enum Kind {
  Word = 1,
  Number = 2,
  Punct = 3,
  Quote = 4,
}

/** What separates a token from the one before it. */
export const enum Gap {
  None = 0,
  Space = 1,
  Line = 2,
  Paragraph = 3,
}

/**
 * What a token's form says on its own, computed once per distinct form (as spaCy's Lexeme):
 * case, lexicon entry, part of speech, and the attributes extractors derive from the form
 * alone, kept in `slots` (see `lexemeSlot`).
 */
export interface Lexeme {
  text: string;
  lower: string;
  kind: Kind;
  cap: boolean;
  caps: boolean;
  lex: LexEntry | null;
  pos: number;
  slots: unknown[];
  /** Anchor flags (see `lexemeFlag`), valid for `flagsVersion`. */
  flags: number;
  flagsVersion: number;
}

export interface Token {
  i: number;
  /** The form's lexeme: attributes shared by every token of the same form. */
  lx: Lexeme;
  start: number;
  end: number;
  text: string;
  /** Lower case, typographic apostrophes as `'`. */
  lower: string;
  kind: Kind;
  gap: Gap;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Two or more letters, all upper case (`OTAN`, `UE`). */
  caps: boolean;
  /** Lexicon entry of the form (as written for capitalised words the Lefff lists as names, else lower case). */
  lex: LexEntry | null;
  /** Parts of speech the form can have (POS bits); PROPN for an unknown capitalised word. */
  pos: number;
  /** Index of the sentence. */
  sent: number;
}

const APOSTROPHES = new Set([0x27, 0x2019, 0x2bc, 0x60, 0xb4]);
const HYPHENS = new Set([0x2d, 0x2011]);
const SPACES = new Set([0x20, 0x09, 0x0d, 0xa0, 0x202f, 0x2009, 0x2007, 0x200a, 0x2002, 0x2003, 0x3000, 0xfeff, 0x200b]);
const QUOTE_MARKS = new Set([0xab, 0xbb, 0x201c, 0x201d, 0x201e, 0x22, 0x2039, 0x203a]);
/** Elided words, written with their apostrophe: `l'` opens the next word. */
const ELISIONS = new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'presqu', 'quelqu']);
/** Inverted subject pronouns glued to a verb by a hyphen: `a-t-il`, `dit-elle`, `peut-on`. */
const INVERTED = /^(.+?)(-t-(?:il|elle|on|ils|elles)|-(?:il|elle|on|ils|elles|je|tu|nous|vous|ce))$/i;

const LETTER_RE = /\p{L}|\p{M}/u;
const letterCache = new Map<number, boolean>();

function isLetter(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  if (c < 0x250) return c >= 0xc0 && c !== 0xd7 && c !== 0xf7;
  let known = letterCache.get(c);
  if (known === undefined) {
    known = LETTER_RE.test(String.fromCharCode(c));
    letterCache.set(c, known);
  }
  return known;
}
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isUpper = (s: string): boolean => s !== s.toLowerCase();
/** Superscript letters of ordinals (`1ᵉʳ`, `XIXᵉ`). */
const isSuperscript = (c: number): boolean => c >= 0x1d00 && c <= 0x1dbf;

function normalizeLower(s: string): string {
  const lower = s.toLowerCase();
  return lower.includes('’') || lower.includes('ʼ') ? lower.replace(/[’ʼ`´]/g, "'") : lower;
}

/** Lexicon entry and parts of speech of a word as written. */
function lexiconOf(text: string, lower: string, cap: boolean): { lex: LexEntry | null; pos: number } {
  if (cap) {
    const own = lookup(text);
    const common = lower === text ? null : lookup(lower);
    if (own && common) return { lex: own.pos & POS.PROPN ? own : common, pos: own.pos | common.pos };
    if (own) return { lex: own, pos: own.pos };
    if (common) return { lex: common, pos: common.pos };
    // `Etat`, `Elysée`: capitals often drop their accent
    if (lower.startsWith('e')) {
      const accented = lookup('é' + lower.slice(1));
      if (accented) return { lex: accented, pos: accented.pos };
    }
    return { lex: null, pos: POS.PROPN };
  }
  const lex = lookup(lower);
  return { lex, pos: lex?.pos ?? 0 };
}

/** Lexemes by form (and kind); cleared when it grows past a bound, as it only saves work. */
const LEXEMES = new Map<string, Lexeme>();
const MAX_LEXEMES = 400_000;

function lexemeOf(t: string, kind: Kind): Lexeme {
  const key = kind === Kind.Word ? t : `${kind}\u0000${t}`;
  let lx = LEXEMES.get(key);
  if (lx) return lx;
  const lower = kind === Kind.Word || kind === Kind.Number ? normalizeLower(t) : t;
  const cap = kind === Kind.Word && isUpper(t[0]);
  const caps = cap && t.length > 1 && t === t.toUpperCase() && t !== lower;
  let lex: LexEntry | null = null;
  let pos = 0;
  if (kind === Kind.Word) ({ lex, pos } = lexiconOf(t, lower, cap));
  else if (kind === Kind.Number) pos = POS.NUM;
  else pos = POS.PUNCT;
  lx = { text: t, lower, kind, cap, caps, lex, pos, slots: [], flags: 0, flagsVersion: -1 };
  if (LEXEMES.size >= MAX_LEXEMES) LEXEMES.clear();
  LEXEMES.set(key, lx);
  return lx;
}

let slotCount = 0;
/** A new attribute of lexemes, computed on first use by whoever registers it. */
export function lexemeSlot<T>(compute: (lx: Lexeme) => T): (t: { lx: Lexeme }) => T {
  const slot = slotCount++;
  return (t: { lx: Lexeme }): T => {
    const slots = t.lx.slots;
    let v = slots[slot] as T | undefined;
    if (v === undefined) slots[slot] = v = compute(t.lx);
    return v;
  };
}

const FLAG_TESTS: Array<(lx: Lexeme) => boolean> = [];

/**
 * A new anchor flag: whether a form can open something an extractor looks for (a date, a
 * trigger, a name). Flags are computed once per form; the document model lists the tokens
 * of each flag, so an extractor visits only the tokens where its rules can start.
 */
export function lexemeFlag(test: (lx: Lexeme) => boolean): number {
  if (FLAG_TESTS.length >= 31) throw new Error('too many lexeme flags');
  FLAG_TESTS.push(test);
  return 1 << (FLAG_TESTS.length - 1);
}

/** The anchor flags of a form. */
export function flagsOf(lx: Lexeme): number {
  if (lx.flagsVersion !== FLAG_TESTS.length) {
    let flags = 0;
    for (let k = 0; k < FLAG_TESTS.length; k++) if (FLAG_TESTS[k](lx)) flags |= 1 << k;
    lx.flags = flags;
    lx.flagsVersion = FLAG_TESTS.length;
  }
  return lx.flags;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let gap: Gap = Gap.Paragraph;
  let lines = 0;
  const push = (start: number, end: number, kind: Kind): void => {
    const lx = lexemeOf(text.slice(start, end), kind);
    tokens.push({ i: tokens.length, lx, start, end, text: lx.text, lower: lx.lower, kind, gap, cap: lx.cap, caps: lx.caps, lex: lx.lex, pos: lx.pos, sent: 0 });
    gap = Gap.None;
    lines = 0;
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      lines++;
      gap = lines > 1 ? Gap.Paragraph : Gap.Line;
      if (tokens.length === 0) gap = Gap.Paragraph;
      i++;
      continue;
    }
    if (SPACES.has(c) || c < 0x20) {
      if (gap < Gap.Space) gap = Gap.Space;
      i++;
      continue;
    }
    if (isLetter(c)) {
      i = word(text, i, push);
      continue;
    }
    if (isDigit(c)) {
      i = number(text, i, push);
      continue;
    }
    if (QUOTE_MARKS.has(c)) {
      push(i, i + 1, Kind.Quote);
      i++;
      continue;
    }
    // `...` is one token; a surrogate pair stays whole
    let end = i + 1;
    if (c === 0x2e) while (end < n && text.charCodeAt(end) === 0x2e) end++;
    else if (c >= 0xd800 && c <= 0xdbff && end < n) end++;
    push(i, end, Kind.Punct);
    i = end;
  }
  return tokens;
}

type Push = (start: number, end: number, kind: Kind) => void;

/** A word from `i`: letters and digits joined by hyphens and apostrophes; elided articles and inverted pronouns split off. */
function word(text: string, i: number, push: Push): number {
  const n = text.length;
  let start = i;
  let j = i;
  for (;;) {
    while (j < n && (isLetter(text.charCodeAt(j)) || isDigit(text.charCodeAt(j)))) j++;
    const c = text.charCodeAt(j);
    const next = text.charCodeAt(j + 1);
    if (j + 1 < n && APOSTROPHES.has(c) && isLetter(next)) {
      const head = text.slice(start, j).toLowerCase();
      if (ELISIONS.has(head)) {
        push(start, j + 1, Kind.Word);
        start = j + 1;
        j = j + 1;
        continue;
      }
      j++;
      continue;
    }
    if (j + 1 < n && HYPHENS.has(c) && (isLetter(next) || isDigit(next))) {
      j++;
      continue;
    }
    break;
  }
  // `1ᵉʳ`-style superscripts stay with a Roman numeral (`XIXᵉ`)
  while (j < n && isSuperscript(text.charCodeAt(j))) j++;
  const w = text.slice(start, j);
  const inverted = w.includes('-') && !lookup(normalizeLower(w)) ? INVERTED.exec(w) : null;
  if (inverted && lookup(normalizeLower(inverted[1]))?.pos) {
    push(start, start + inverted[1].length, Kind.Word);
    push(start + inverted[1].length, j, Kind.Word);
  } else push(start, j, Kind.Word);
  return j;
}

/** A number from `i`: digits with inner `.`/`,` groups (`200.000`, `1,6`) and a glued suffix (`1er`, `20e`, `4h30`, `17h`). */
function number(text: string, i: number, push: Push): number {
  const n = text.length;
  let j = i;
  while (j < n && isDigit(text.charCodeAt(j))) j++;
  while (j + 1 < n && (text[j] === '.' || text[j] === ',') && isDigit(text.charCodeAt(j + 1))) {
    j++;
    while (j < n && isDigit(text.charCodeAt(j))) j++;
  }
  // ordinal or hour suffix: letters (and superscripts), then possibly digits (`4h30`)
  let k = j;
  while (k < n && (isSuperscript(text.charCodeAt(k)) || isLetter(text.charCodeAt(k)))) k++;
  if (k > j && k - j <= 4) {
    const suffix = text.slice(j, k).toLowerCase();
    if (/^(?:er|re|e|ème|eme|è|ᵉ|ᵉʳ|ʳᵉ|nd|nde|h|st|th|rd|bis|ter)$/u.test(suffix)) {
      j = k;
      if (suffix === 'h') while (j < n && isDigit(text.charCodeAt(j))) j++;
    }
  }
  // letters glued after the suffix make one word (`G7` is a word; `2020s`, `3D`)
  if (j < n && isLetter(text.charCodeAt(j))) {
    return word(text, i, push);
  }
  push(i, j, Kind.Number);
  return j;
}
