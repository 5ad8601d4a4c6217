import { POS, lemmasOf, tensesOf, TENSE, type PosName, type TenseCode } from './lexicon.ts';
import { Gap, Kind, lexemeSlot, type Lexeme, type Token } from './tokens.ts';

/**
 * Regular expressions over tokens and their attributes (as Stanford TokensRegex or spaCy's
 * Matcher), written as data: a pattern is a list of token constraints, each optional or
 * repeated a bounded number of times, so that matching at one token costs at most a constant.
 * A rule set indexes its patterns by the words, lemmas or classes their first token can
 * match; the engine tries a pattern only where one of them occurs.
 */

export interface TokenSpec {
  /** Lower-case form, or one of several. */
  lower?: string | string[];
  /** Lemma (any reading), or one of several. */
  lemma?: string | string[];
  /** Part of speech (any reading), or one of several. */
  pos?: PosName | PosName[];
  /** A word class of the rule set (`month`, `weekday`, `reporting_verb`…), or one of several. */
  class?: string | string[];
  /** Tense (any verb reading): `P`, `F`, `I`, `C`, `K` (past participle), `W` (infinitive)… */
  tense?: TenseCode | TenseCode[];
  /** Starts with a capital. */
  cap?: boolean;
  /** Token kind: a number (`number`), punctuation (`punct`), a quotation mark (`quote`). */
  kind?: 'word' | 'number' | 'punct' | 'quote';
  /** The token follows the previous one without a space (`14/09`). */
  glued?: boolean;
  /** None of these (a negated spec). */
  not?: TokenSpec;
  /** `?` optional, `*` any number, `+` one or more (both bounded by `max`), `!` a token that must not come here (nothing is consumed). */
  op?: '?' | '*' | '+' | '!';
  /** Most repetitions for `*` and `+` (default 3). */
  max?: number;
  /** Names the tokens this item matched, for the rule's action. */
  as?: string;
}

export type Captures = Record<string, [number, number]>;

export interface PatternMatch {
  first: number;
  /** Exclusive. */
  last: number;
  captures: Captures;
}

const KINDS = { word: Kind.Word, number: Kind.Number, punct: Kind.Punct, quote: Kind.Quote } as const;

/**
 * Word classes of a rule set: lower-case forms (or lemmas) → class names; a token's classes are
 * computed once per form, as names and as a bit mask (the first 31 classes) for quick tests.
 */
export class WordClasses {
  private readonly byForm = new Map<string, string[]>();
  private readonly byLemma = new Map<string, string[]>();
  private readonly bits = new Map<string, number>();
  private readonly cached = lexemeSlot((lx) => this.compute(lx));
  private readonly cachedMask = lexemeSlot((): { version: number; mask: number } => ({ version: -1, mask: 0 }));

  addForm(form: string, cls: string): void {
    const list = this.byForm.get(form) ?? [];
    if (!list.includes(cls)) list.push(cls);
    this.byForm.set(form, list);
  }

  addLemma(lemma: string, cls: string): void {
    const list = this.byLemma.get(lemma) ?? [];
    if (!list.includes(cls)) list.push(cls);
    this.byLemma.set(lemma, list);
  }

  /** Classes of a token: by its form, by the lemmas of its readings, and whatever `extra` adds (do not modify the result). */
  of(t: { lx: Lexeme }): string[] {
    return this.cached(t);
  }

  has(t: Token, cls: string): boolean {
    return this.of(t).includes(cls);
  }

  /** The bit of a class name (0 when past the 31st: such classes are tested by name). */
  bitOf(cls: string): number {
    let bit = this.bits.get(cls);
    if (bit === undefined) {
      bit = this.bits.size < 31 ? 1 << this.bits.size : 0;
      this.bits.set(cls, bit);
    }
    return bit;
  }

  /** The classes of a token as a bit mask. */
  maskOf(t: { lx: Lexeme }): number {
    // bits are given as patterns first use classes: a mask made before a new bit is made again
    const entry = this.cachedMask(t);
    if (entry.version !== this.bits.size) {
      entry.mask = this.maskOfNames(this.cached(t));
      entry.version = this.bits.size;
    }
    return entry.mask;
  }

  private maskOfNames(names: string[]): number {
    let mask = 0;
    for (const c of names) mask |= this.bitOf(c);
    return mask;
  }

  /** Classes a subclass derives from the form itself (number shapes…). */
  protected extra(_lx: Lexeme): string[] {
    return [];
  }

  private compute(lx: Lexeme): string[] {
    const out = [...(this.byForm.get(lx.lower) ?? [])];
    if (lx.lex) for (const r of lx.lex.readings) for (const c of this.byLemma.get(r.lemma) ?? []) if (!out.includes(c)) out.push(c);
    for (const c of this.extra(lx)) if (!out.includes(c)) out.push(c);
    return out;
  }
}

const asList = <T>(v: T | T[] | undefined): T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

/** The lemmas of a form's readings, with the form itself, as a set: once per form. */
const lemmaSetOf = lexemeSlot((lx) => new Set([lx.lower, ...lemmasOf(lx.lex, -1)]));

interface CompiledSpec {
  lower?: Set<string>;
  lemma?: string[];
  lemmaSet?: Set<string>;
  pos?: number;
  classes?: string[];
  /** The classes as bits, when every one of them has a bit. */
  classMask: number;
  tenses?: number;
  cap?: boolean;
  kind?: Kind;
  glued?: boolean;
  not?: CompiledSpec;
  min: number;
  max: number;
  /** Negative look-ahead: the next token must not match. */
  absent: boolean;
  as?: string;
}

function compileSpec(spec: TokenSpec): CompiledSpec {
  const min = spec.op === '?' || spec.op === '*' ? 0 : 1;
  const max = spec.op === '*' || spec.op === '+' ? spec.max ?? 3 : 1;
  return {
    lower: spec.lower !== undefined ? new Set(asList(spec.lower)) : undefined,
    lemma: asList(spec.lemma),
    lemmaSet: spec.lemma !== undefined ? new Set(asList(spec.lemma)) : undefined,
    pos: spec.pos !== undefined ? asList(spec.pos)!.reduce((m, p) => m | POS[p], 0) : undefined,
    classes: asList(spec.class),
    classMask: 0,
    tenses: spec.tense !== undefined ? asList(spec.tense)!.reduce((m, t) => m | TENSE[t], 0) : undefined,
    cap: spec.cap,
    kind: spec.kind ? KINDS[spec.kind] : undefined,
    glued: spec.glued,
    not: spec.not ? compileSpec(spec.not) : undefined,
    min,
    max,
    absent: spec.op === '!',
    as: spec.as,
  };
}

/** Gives a spec (and its negation) the class bits of a rule set, once. */
function bindClasses(spec: CompiledSpec, classes: WordClasses): void {
  if (spec.classes && spec.classMask === 0) {
    const bits = spec.classes.map((c) => classes.bitOf(c));
    spec.classMask = bits.every((b) => b !== 0) ? bits.reduce((m, b) => m | b, 0) : -1;
  }
  if (spec.not) bindClasses(spec.not, classes);
}

/** Whether the token's form or a lemma of its readings is one of the spec's lemmas (testing the smaller set against the other). */
function sharesLemma(spec: CompiledSpec, t: Token): boolean {
  const own = lemmaSetOf(t);
  if (own.size < spec.lemma!.length) {
    for (const l of own) if (spec.lemmaSet!.has(l)) return true;
    return false;
  }
  for (const l of spec.lemma!) if (own.has(l)) return true;
  return false;
}

function tokenMatches(spec: CompiledSpec, t: Token, classes: WordClasses): boolean {
  if (spec.kind !== undefined && t.kind !== spec.kind) return false;
  if (spec.lower !== undefined && !spec.lower.has(t.lower)) return false;
  if (spec.cap !== undefined && t.cap !== spec.cap) return false;
  if (spec.glued !== undefined && (t.gap === Gap.None) !== spec.glued) return false;
  if (spec.pos !== undefined && !(t.pos & spec.pos)) return false;
  if (spec.tenses !== undefined && !(tensesOf(t.lex) & spec.tenses)) return false;
  if (spec.lemma !== undefined && !sharesLemma(spec, t)) return false;
  if (spec.classes !== undefined) {
    if (spec.classMask > 0) {
      if (!(classes.maskOf(t) & spec.classMask)) return false;
    } else {
      const own = classes.of(t);
      if (!spec.classes.some((c) => own.includes(c))) return false;
    }
  }
  if (spec.not !== undefined && tokenMatches(spec.not, t, classes)) return false;
  return true;
}

/** Whether a spec looks at the space before the token (not at its form alone). */
const testsGap = (spec: CompiledSpec): boolean => spec.glued !== undefined || (spec.not !== undefined && testsGap(spec.not));

const NO_CAPTURES: Captures = Object.freeze({}) as Captures;

export class Pattern {
  private readonly specs: CompiledSpec[];
  private readonly captures: boolean;
  private bound: WordClasses | null = null;

  /** The last item that takes a token, when it must take one (a look-ahead `!` item takes none), else null. */
  private readonly lastSpec: CompiledSpec | null;

  constructor(readonly source: TokenSpec[]) {
    this.specs = source.map(compileSpec);
    this.captures = this.specs.some((s) => s.as !== undefined);
    const consuming = this.specs.filter((s) => !s.absent);
    const last = consuming[consuming.length - 1];
    this.lastSpec = last !== undefined && last.min > 0 ? last : null;
  }

  /** The keys a first token must have for the pattern to match there: forms, `lemma:` lemmas, `class:` classes, or null (any token). */
  firstKeys(): string[] | null {
    const keys: string[] = [];
    for (const spec of this.specs) {
      if (spec.lower) keys.push(...spec.lower);
      else if (spec.lemma) keys.push(...spec.lemma.map((l) => `lemma:${l}`));
      else if (spec.classes) keys.push(...spec.classes.map((c) => `class:${c}`));
      else if (spec.kind === Kind.Number) keys.push('kind:number');
      else if (spec.absent) continue;
      else return null;
      if (spec.min > 0) return keys;
    }
    return null;
  }

  private bind(classes: WordClasses): void {
    if (this.bound === classes) return;
    for (const spec of this.specs) bindClasses(spec, classes);
    this.bound = classes;
  }

  /** A match starting exactly at token `i`, ending before `limit` (the longest of the first choices), or null. */
  matchAt(tokens: Token[], i: number, classes: WordClasses, limit = tokens.length): PatternMatch | null {
    this.bind(classes);
    const captures: Captures = this.captures ? {} : NO_CAPTURES;
    const end = this.step(tokens, i, 0, classes, limit, captures, i);
    return end < 0 ? null : { first: i, last: end, captures };
  }

  /** Where a match starting at token `i` ends (exclusive), or -1: `matchAt` without its captures. */
  endAt(tokens: Token[], i: number, classes: WordClasses, limit = tokens.length): number {
    this.bind(classes);
    return this.step(tokens, i, 0, classes, limit, NO_CAPTURES, i);
  }

  /**
   * Whether a match from a token can start with token `t` (`null`: no token there, past the limit):
   * false when the first item must take a token and `t` is not one it takes, else null (cannot
   * tell). The answer depends on the token's form alone, so it can be kept per form.
   */
  firstAccepts(t: Token | null, classes: WordClasses): false | null {
    const spec = this.specs[0];
    if (spec === undefined || spec.absent || spec.min === 0 || testsGap(spec)) return null;
    if (t === null) return false;
    this.bind(classes);
    return tokenMatches(spec, t, classes) ? null : false;
  }

  /**
   * Whether a match starting at one of the tokens [max(floor, end - reach), end) ends exactly at
   * `end` (with `end` as limit): what comes right before a token. A match ending there takes token
   * `end - 1` with its last item that must take one, so that token is tested first.
   */
  endsAt(tokens: Token[], end: number, reach: number, floor: number, classes: WordClasses): boolean {
    const from = Math.max(floor, end - reach);
    if (from >= end) return false;
    this.bind(classes);
    if (this.lastSpec !== null && !tokenMatches(this.lastSpec, tokens[end - 1], classes)) return false;
    for (let start = from; start < end; start++) if (this.step(tokens, start, 0, classes, end, NO_CAPTURES, start) === end) return true;
    return false;
  }

  private step(tokens: Token[], i: number, k: number, classes: WordClasses, limit: number, captures: Captures, first: number): number {
    if (k === this.specs.length) return i;
    const spec = this.specs[k];
    if (spec.absent) {
      const t = tokens[i];
      if (t !== undefined && i < limit && t.gap < Gap.Line && tokenMatches(spec, t, classes)) return -1;
      return this.step(tokens, i, k + 1, classes, limit, captures, first);
    }
    // greedy, bounded: try the most repetitions first
    let count = 0;
    while (count < spec.max && i + count < limit && (i + count === first || tokens[i + count].gap < Gap.Line) && tokenMatches(spec, tokens[i + count], classes)) count++;
    for (let c = count; c >= spec.min; c--) {
      const end = this.step(tokens, i + c, k + 1, classes, limit, captures, first);
      if (end >= 0) {
        if (spec.as !== undefined && c > 0 && captures !== NO_CAPTURES) captures[spec.as] = [i, i + c];
        return end;
      }
    }
    return -1;
  }
}

/** Rules indexed by the keys of their patterns' first tokens; a token's candidates are computed once per form. */
export class RuleIndex<R extends { pattern: Pattern }> {
  private readonly byKey = new Map<string, R[]>();
  private readonly anywhere: R[] = [];
  private readonly order: Map<R, number>;
  private readonly cached: (t: Token) => R[];

  constructor(rules: R[], private readonly classes: WordClasses) {
    this.order = new Map(rules.map((r, k) => [r, k]));
    for (const rule of rules) {
      const keys = rule.pattern.firstKeys();
      if (!keys) this.anywhere.push(rule);
      else for (const key of new Set(keys)) this.byKey.set(key, [...(this.byKey.get(key) ?? []), rule]);
    }
    this.cached = lexemeSlot((lx) => this.compute(lx));
  }

  /** The rules that may match at token `t`, in their file order. */
  candidates(t: Token): R[] {
    return this.cached(t);
  }

  private compute(lx: Lexeme): R[] {
    const out = new Set<R>();
    const push = (list: R[] | undefined): void => {
      if (list) for (const r of list) out.add(r);
    };
    push(this.byKey.get(lx.lower));
    if (lx.kind === Kind.Number) push(this.byKey.get('kind:number'));
    for (const c of this.classes.of({ lx })) push(this.byKey.get(`class:${c}`));
    if (lx.lex) for (const l of lemmasOf(lx.lex, -1)) push(this.byKey.get(`lemma:${l}`));
    push(this.anywhere);
    return [...out].sort((a, b) => this.order.get(a)! - this.order.get(b)!);
  }
}

/**
 * The compact pattern syntax of rule files, one item per space-separated word:
 * `word` or `w1|w2` a lower-case form; `@lemma` (or `@a|b`) a lemma; `#class` a word class;
 * `%NOUN` (or `%NOUN|ADJ`) a part of speech; `$cap` a capitalised word; `_` any word or
 * number; `*` any token; `!item` any token but that item. A quantifier may follow an item:
 * `?`, `{m,n}` (bounded), `+` (1 to 3).
 */
export function parsePattern(source: string): TokenSpec[] {
  const specs: TokenSpec[] = [];
  for (const raw of source.trim().split(/\s+/)) {
    if (!raw) continue;
    const q = /^(.+?)(\?|\{(\d+),(\d+)\}|\+)?$/.exec(raw);
    if (!q) throw new Error(`bad pattern item ${raw} in ${source}`);
    let atom = q[1];
    let negated = false;
    if (atom.length > 1 && atom.startsWith('!')) {
      negated = true;
      atom = atom.slice(1);
    }
    let spec: TokenSpec;
    if (atom === '_') spec = { not: { kind: 'punct' } };
    else if (atom === '*') spec = {};
    else if (atom === '$cap') spec = { cap: true, kind: 'word' };
    else if (atom.startsWith('@') && atom.length > 1) spec = { lemma: atom.slice(1).split('|') };
    else if (atom.startsWith('#') && atom.length > 1) spec = { class: atom.slice(1).split('|') };
    else if (atom.startsWith('%') && atom.length > 1) spec = { pos: atom.slice(1).split('|') as PosName[] };
    else spec = { lower: atom.split('|') };
    if (atom === '_') spec = { not: { kind: 'punct', lower: undefined } };
    if (negated) spec = atom === '_' ? { kind: 'punct' } : { not: spec };
    if (q[2] === '?') spec.op = '?';
    else if (q[2] === '+') spec.op = '+';
    else if (q[3] !== undefined) {
      const [min, max] = [Number(q[3]), Number(q[4])];
      for (let k = 0; k < min; k++) specs.push({ ...spec });
      if (max > min) specs.push({ ...spec, op: '*', max: max - min });
      continue;
    }
    specs.push(spec);
  }
  return specs;
}

/** Most tokens a pattern can span. */
export function maxLength(specs: TokenSpec[]): number {
  return specs.reduce((n, s) => n + (s.op === '!' ? 0 : s.op === '*' || s.op === '+' ? s.max ?? 3 : 1), 0);
}
