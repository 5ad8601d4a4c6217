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
  /** Hash of the form in the lexeme table. */
  hash: number;
  /** Where the form's code units start in the table's pool of forms. */
  formAt: number;
  /** An elided word with its apostrophe (`l'`, `qu'`). */
  elision: boolean;
  /** For a word with a glued inverted pronoun (`a-t-il`), where the pronoun starts; 0 if none, -1 until computed. */
  splitAt: number;
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

/** Character classes, one byte per UTF-16 code unit (filled lazily above U+024F). */
const enum C {
  Unknown = 0,
  Other = 1,
  Letter = 2,
  Digit = 3,
  Space = 4,
  Newline = 5,
  Quote = 6,
  Apostrophe = 7,
  Hyphen = 8,
  Superscript = 9,
}
const CLASS = new Uint8Array(0x10000);
const LETTER_RE = /\p{L}|\p{M}/u;
{
  for (let c = 0; c < 0x250; c++) {
    CLASS[c] = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7) ? C.Letter : c >= 0x30 && c <= 0x39 ? C.Digit : c < 0x20 ? C.Space : C.Other;
  }
  CLASS[0x0a] = C.Newline;
  for (const c of [0x20, 0x09, 0x0d, 0xa0, 0x202f, 0x2009, 0x2007, 0x200a, 0x2002, 0x2003, 0x3000, 0xfeff, 0x200b]) CLASS[c] = C.Space;
  for (const c of [0xab, 0xbb, 0x201c, 0x201d, 0x201e, 0x22, 0x2039, 0x203a]) CLASS[c] = C.Quote;
  for (const c of [0x27, 0x2019, 0x2bc, 0x60, 0xb4]) CLASS[c] = C.Apostrophe;
  for (const c of [0x2d, 0x2011]) CLASS[c] = C.Hyphen;
  for (let c = 0x1d00; c <= 0x1dbf; c++) CLASS[c] = C.Superscript;
}
function classOf(c: number): C {
  const k = CLASS[c];
  if (k !== C.Unknown) return k;
  return (CLASS[c] = LETTER_RE.test(String.fromCharCode(c)) ? C.Letter : C.Other);
}
const isLetter = (c: number): boolean => classOf(c) === C.Letter;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isUpper = (s: string): boolean => s !== s.toLowerCase();
/** Superscript letters of ordinals (`1ᵉʳ`, `XIXᵉ`). */
const isSuperscript = (c: number): boolean => c >= 0x1d00 && c <= 0x1dbf;

/** Elided words, written with their apostrophe: `l'` opens the next word. */
const ELISIONS = new Set(["l'", "d'", "j'", "m'", "n'", "s'", "t'", "c'", "qu'", "jusqu'", "lorsqu'", "puisqu'", "quoiqu'", "presqu'", "quelqu'"]);
/** Inverted subject pronouns glued to a verb by a hyphen: `a-t-il`, `dit-elle`, `peut-on`. */
const INVERTED = /^(.+?)(-t-(?:il|elle|on|ils|elles)|-(?:il|elle|on|ils|elles|je|tu|nous|vous|ce))$/i;

function normalizeLower(s: string): string {
  const lower = s.toLowerCase();
  return lower.includes('’') || lower.includes('ʼ') || lower.includes('`') || lower.includes('´') ? lower.replace(/[’ʼ`´]/g, "'") : lower;
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

function newLexeme(t: string, kind: Kind, hash: number, formAt: number): Lexeme {
  const lower = kind === Kind.Word || kind === Kind.Number ? normalizeLower(t) : t;
  const cap = kind === Kind.Word && isUpper(t[0]);
  const caps = cap && t.length > 1 && t === t.toUpperCase() && t !== lower;
  let lex: LexEntry | null = null;
  let pos = 0;
  if (kind === Kind.Word) ({ lex, pos } = lexiconOf(t, lower, cap));
  else if (kind === Kind.Number) pos = POS.NUM;
  else pos = POS.PUNCT;
  return { text: t, lower, kind, cap, caps, lex, pos, slots: [], flags: 0, flagsVersion: -1, hash, formAt, elision: kind === Kind.Word && ELISIONS.has(lower), splitAt: -1 };
}

/**
 * Lexemes by form and kind, in an open-addressing table probed with a hash of the characters
 * in place: a form seen before costs no string (most tokens are). The forms' code units are
 * also kept in one pool, compared with the text's without reading strings of every
 * representation (rule forms, slices of articles). Cleared when it grows past a bound, as it
 * only saves work.
 */
let table: Array<Lexeme | undefined> = new Array(1 << 14);
let tableCount = 0;
let forms = new Uint16Array(1 << 16);
let formsUsed = 0;
const MAX_LEXEMES = 400_000;

/** FNV-1a over UTF-16 code units, seeded by the kind; `hashEnd` keeps it a small integer (stored unboxed). */
const hashSeed = (kind: Kind): number => 0x811c9dc5 ^ kind;
const hashStep = (h: number, c: number): number => Math.imul(h ^ c, 0x01000193);
const hashEnd = (h: number): number => h & 0x3fffffff;

function hashOf(text: string, start: number, end: number, kind: Kind): number {
  let h = hashSeed(kind);
  for (let k = start; k < end; k++) h = hashStep(h, text.charCodeAt(k));
  return hashEnd(h);
}

function sameForm(lx: Lexeme, text: string, start: number, end: number, kind: Kind): boolean {
  if (lx.kind !== kind || lx.text.length !== end - start) return false;
  const offset = lx.formAt - start;
  for (let k = start; k < end; k++) if (forms[offset + k] !== text.charCodeAt(k)) return false;
  return true;
}

/** The lexeme of `text[start, end)` as a token of `kind` (`hash`: its `hashOf`, when the caller computed it while scanning). */
function lexemeAt(text: string, start: number, end: number, kind: Kind, hash = hashOf(text, start, end, kind)): Lexeme {
  const mask = table.length - 1;
  let slot = hash & mask;
  for (let lx = table[slot]; lx !== undefined; lx = table[slot]) {
    if (lx.hash === hash && sameForm(lx, text, start, end, kind)) return lx;
    slot = (slot + 1) & mask;
  }
  return addLexeme(text, start, end, kind, hash, slot);
}

/** The lexeme of a form not seen before, stored at `slot` (kept apart from the lookup, which is what tokenizing runs). */
function addLexeme(text: string, start: number, end: number, kind: Kind, hash: number, slot: number): Lexeme {
  if (tableCount >= MAX_LEXEMES) {
    table = new Array(1 << 14);
    tableCount = 0;
    formsUsed = 0;
    slot = hash & (table.length - 1);
  }
  if (formsUsed + end - start > forms.length) {
    const more = new Uint16Array(Math.max(forms.length * 2, formsUsed + end - start));
    more.set(forms.subarray(0, formsUsed));
    forms = more;
  }
  const lx = newLexeme(text.slice(start, end), kind, hash, formsUsed);
  for (let k = start; k < end; k++) forms[formsUsed++] = text.charCodeAt(k);
  table[slot] = lx;
  if (++tableCount * 2 > table.length) grow();
  return lx;
}

function insert(lx: Lexeme): Lexeme {
  const mask = table.length - 1;
  let slot = lx.hash & mask;
  while (table[slot] !== undefined) slot = (slot + 1) & mask;
  table[slot] = lx;
  tableCount++;
  return lx;
}

function grow(): void {
  const old = table;
  table = new Array(old.length * 2);
  tableCount = 0;
  for (const lx of old) if (lx !== undefined) insert(lx);
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

/** Tokens share one shape: every field assigned once, in this order, by the constructor. */
class TokenObject implements Token {
  declare i: number;
  declare lx: Lexeme;
  declare start: number;
  declare end: number;
  declare gap: Gap;
  declare text: string;
  declare lower: string;
  declare kind: Kind;
  declare cap: boolean;
  declare caps: boolean;
  declare lex: LexEntry | null;
  declare pos: number;
  declare sent: number;
  constructor(i: number, lx: Lexeme, start: number, end: number, gap: Gap) {
    this.i = i;
    this.lx = lx;
    this.start = start;
    this.end = end;
    this.gap = gap;
    this.text = lx.text;
    this.lower = lx.lower;
    this.kind = lx.kind;
    this.cap = lx.cap;
    this.caps = lx.caps;
    this.lex = lx.lex;
    this.pos = lx.pos;
    this.sent = 0;
  }
}

/** The tokens of a text, in one pass over its characters; each token's lexeme found by one lookup. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let gap: Gap = Gap.Paragraph;
  let lines = 0;
  const push = (lx: Lexeme, start: number, end: number): void => {
    tokens.push(new TokenObject(tokens.length, lx, start, end, gap));
    gap = Gap.None;
    lines = 0;
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const cls = classOf(c);
    if (cls === C.Space) {
      if (gap < Gap.Space) gap = Gap.Space;
      i++;
      continue;
    }
    if (cls === C.Newline) {
      lines++;
      gap = lines > 1 || tokens.length === 0 ? Gap.Paragraph : Gap.Line;
      i++;
      continue;
    }
    let start = i;
    let end = i + 1;
    let kind = Kind.Word;
    let hyphen = false;
    // a number, unless letters glued to it make it a word (`G7` is a word; `2020s`, `3D`)
    if (cls === C.Digit && (end = numberEnd(text, i)) >= 0) kind = Kind.Number;
    else if (cls === C.Quote) {
      end = i + 1;
      kind = Kind.Quote;
    } else if (cls !== C.Letter && cls !== C.Digit) {
      // `...` is one token; a surrogate pair stays whole
      end = i + 1;
      if (c === 0x2e) while (end < n && text.charCodeAt(end) === 0x2e) end++;
      else if (c >= 0xd800 && c <= 0xdbff && end < n) end++;
      kind = Kind.Punct;
    }
    // the hash of text[start, end); a word's is kept while scanning it, so its lexeme is found without reading it again
    let h = hashSeed(kind);
    if (kind !== Kind.Word) for (let k = start; k < end; k++) h = hashStep(h, text.charCodeAt(k));
    else {
      // a word: letters and digits joined by hyphens and apostrophes; elided articles and inverted pronouns split off
      let j = i;
      for (;;) {
        while (j < n) {
          const c = text.charCodeAt(j);
          const k = classOf(c);
          if (k !== C.Letter && k !== C.Digit) break;
          h = hashStep(h, c);
          j++;
        }
        if (j + 1 >= n) break;
        const c = text.charCodeAt(j);
        const cls = classOf(c);
        // most words end at a space or a sign: only an apostrophe or a hyphen may join what follows
        if (cls !== C.Apostrophe && cls !== C.Hyphen) break;
        const next = classOf(text.charCodeAt(j + 1));
        if (cls === C.Apostrophe && next === C.Letter) {
          h = hashStep(h, c);
          j++;
          if (j - start <= 8) {
            const head = lexemeAt(text, start, j, Kind.Word, hashEnd(h));
            if (head.elision) {
              push(head, start, j);
              start = j;
              h = hashSeed(Kind.Word);
            }
          }
          continue;
        }
        if (cls === C.Hyphen && (next === C.Letter || next === C.Digit)) {
          hyphen = true;
          h = hashStep(h, c);
          j++;
          continue;
        }
        break;
      }
      // `1ᵉʳ`-style superscripts stay with a Roman numeral (`XIXᵉ`)
      while (j < n) {
        const c = text.charCodeAt(j);
        if (!isSuperscript(c)) break;
        h = hashStep(h, c);
        j++;
      }
      end = j;
    }
    let lx = lexemeAt(text, start, end, kind, hashEnd(h));
    const split = hyphen ? splitOf(lx) : 0;
    if (split > 0) {
      push(lexemeAt(text, start, start + split, Kind.Word), start, start + split);
      start += split;
      lx = lexemeAt(text, start, end, Kind.Word);
    }
    push(lx, start, end);
    i = end;
  }
  return tokens;
}

/** The end of the number starting at `i` (with its ordinal or hour suffix), or -1 when letters glued to it make it a word. */
function numberEnd(text: string, i: number): number {
  const n = text.length;
  let j = i;
  while (j < n && isDigit(text.charCodeAt(j))) j++;
  while (j + 1 < n && (text.charCodeAt(j) === 0x2e || text.charCodeAt(j) === 0x2c) && isDigit(text.charCodeAt(j + 1))) {
    j++;
    while (j < n && isDigit(text.charCodeAt(j))) j++;
  }
  // ordinal or hour suffix: letters (and superscripts), then possibly digits (`4h30`)
  let k = j;
  while (k < n && (isSuperscript(text.charCodeAt(k)) || isLetter(text.charCodeAt(k)))) k++;
  if (k > j && k - j <= 4) {
    const suffix = text.slice(j, k).toLowerCase();
    if (NUMBER_SUFFIX.test(suffix)) {
      j = k;
      if (suffix === 'h') while (j < n && isDigit(text.charCodeAt(j))) j++;
    }
  }
  return j < n && isLetter(text.charCodeAt(j)) ? -1 : j;
}

const NUMBER_SUFFIX = /^(?:er|re|e|ème|eme|è|ᵉ|ᵉʳ|ʳᵉ|nd|nde|h|st|th|rd|bis|ter)$/u;

/** Where a glued inverted pronoun starts in a hyphenated word the lexicon does not know (`a-t-il`: 1), else 0; once per form. */
function splitOf(lx: Lexeme): number {
  if (lx.splitAt < 0) {
    const inverted = lookup(lx.lower) ? null : INVERTED.exec(lx.text);
    lx.splitAt = inverted && lookup(normalizeLower(inverted[1]))?.pos ? inverted[1].length : 0;
  }
  return lx.splitAt;
}

