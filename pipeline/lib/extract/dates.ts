import { anchors, type Doc } from '../nlp/doc.ts';
import type { Sentence } from '../nlp/structure.ts';
import { Pattern, RuleIndex, WordClasses, type Captures, type TokenSpec } from '../nlp/pattern.ts';
import { loadRules } from '../nlp/rules.ts';
import { cueList, nearestDirection, tenseCues, type CueList, type Direction, type TenseCue } from '../nlp/tense.ts';
import { Gap, Kind, lexemeFlag, lexemeSlot, type Lexeme, type Token } from '../nlp/tokens.ts';
import {
  addDays, addMonths, formatDay, formatMonth, formatWeek, isValidDay, pad2, pad4, parseAnchor, romanToInt, seasonOfMonth, weekdayOf,
  type Anchor, type Season,
} from './dates/calendar.ts';
import type { ArticleContext } from './context.ts';
import type { DateMention } from './types.ts';
import { partitionPoint } from '../nlp/search.ts';

/**
 * Temporal expressions (annotation guidelines §1), HeidelTime-style: the patterns and word
 * classes are data (`pipeline/rules/dates/`), tried only at tokens their first word can
 * match; each pattern's `family` names the normalizer below, which reads the pattern's named
 * parts and resolves the expression against the document date, a date the text gives for the
 * day of publication (a dateline, a byline), or a nearby explicit date.
 */

interface WordRule { class: string; form: string; value?: number | string }
interface PatternRule { family: string; pattern: TokenSpec[]; unit?: Unit; offset?: number; anchor?: 'event'; keep?: string }
type Unit = 'day' | 'week' | 'month' | 'year' | 'century';
type CompiledRule = Omit<PatternRule, 'pattern'> & { pattern: Pattern };

const WORD_RULES = loadRules<WordRule>('dates/words.jsonl');
const VALUES = new Map<string, number | string>();
for (const r of WORD_RULES) if (r.value !== undefined) VALUES.set(`${r.class}:${r.form}`, r.value);

const MONTH_FORMS = WORD_RULES.filter((r) => r.class === 'month').map((r) => r.form);
const MID_MONTH = new RegExp(`^mi-(${MONTH_FORMS.join('|')})$`);

/** The classes of the date rules, plus number shapes: `day` (1–31, `1er`), `year`, `roman` (`XIXe`), `mid_month` (`mi-octobre`), `mid_year` (`mi-2023`). */
class DateClasses extends WordClasses {
  protected override extra(t: Lexeme): string[] {
    const shapes: string[] = [];
    if (t.kind === Kind.Number) {
      if (dayValue(t) !== null) shapes.push('day');
      if (/^\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})$/.test(t.lower)) shapes.push('dotted_date');
      if (/^(?:1\d{3}|20\d{2})$/.test(t.lower)) shapes.push('year');
    } else if (t.kind === Kind.Word) {
      if (t.cap && /^[IVXLC]+(?:e|ème|eme|è|ᵉ)$/.test(t.text)) shapes.push('roman');
      if (t.lower.startsWith('mi-')) {
        if (MID_MONTH.test(t.lower)) shapes.push('mid_month');
        if (/^mi-(?:1\d{3}|20\d{2})$/.test(t.lower)) shapes.push('mid_year');
      }
    }
    return shapes;
  }
}

const CLASSES = new DateClasses();
for (const r of WORD_RULES) CLASSES.addForm(r.form, r.class);

const RULES: CompiledRule[] = loadRules<PatternRule>('dates/patterns.jsonl').map((r) => ({ ...r, pattern: new Pattern(r.pattern) }));
const INDEX = new RuleIndex(RULES, CLASSES);
/** Where a temporal expression can start. */
const DATE_START = lexemeFlag((lx) => INDEX.candidates({ lx } as Token).length > 0);

/**
 * Most tries at a common first word end at the second (`le mois`, `l'année`, `la veille` at any
 * `le`, `l'`, `la`), and most numbers open no date. For the rules a form can open (in file
 * order, the first 31 as bits), the rules worth trying given the next token: those that may end
 * at the first token, and those whose next item the next token's form, class or kind can match.
 */
interface RuleStarts {
  rules: CompiledRule[];
  /** Rules to try whatever comes next. */
  always: number;
  byLower: Map<string, number>;
  byClass: Array<{ classBit: number; rules: number }>;
  byKind: number[];
}

/** What the form of a token must be for a pattern item to match it: a necessary test. */
interface FormTest { lower: Set<string> | null; kind: Kind | null; classMask: number }
/** An item that can take a rule's first token, and the items that can take the next (null: the rule may end there). */
interface FirstItem { test: FormTest; next: FormSpec[] | null }
interface FormSpec { spec: TokenSpec; test: FormTest }

const SPEC_KINDS = { word: Kind.Word, number: Kind.Number, punct: Kind.Punct, quote: Kind.Quote } as const;
const listOf = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function formTest(spec: TokenSpec): FormTest {
  const bits = listOf(spec.class).map((c) => CLASSES.bitOf(c));
  return {
    lower: spec.lower === undefined ? null : new Set(listOf(spec.lower)),
    kind: spec.kind === undefined ? null : SPEC_KINDS[spec.kind],
    // a class without a bit (past the 31st) is not tested
    classMask: bits.length && bits.every((b) => b !== 0) ? bits.reduce((m, b) => m | b, 0) : 0,
  };
}

const formPasses = (test: FormTest, lx: Lexeme): boolean =>
  (test.lower === null || test.lower.has(lx.lower)) && (test.kind === null || lx.kind === test.kind) && (test.classMask === 0 || (CLASSES.maskOf({ lx }) & test.classMask) !== 0);

/**
 * The items of a pattern that can take its first token, each with those that can take the
 * next. Items are optional (`?`, `*`), repeated (`+`, `*`) or absent (`!`: it consumes nothing,
 * and a necessary condition may pass over it).
 */
function firstItems(specs: TokenSpec[]): FirstItem[] {
  const optional = (k: number): boolean => specs[k].op === '?' || specs[k].op === '*' || specs[k].op === '!';
  /** Adds the items from k on that can take a token (k, and the next ones while those before are optional); false when the pattern can end before them. */
  const from = (k: number, out: number[]): boolean => {
    for (; k < specs.length; k++) {
      if (specs[k].op !== '!') out.push(k);
      if (!optional(k)) return true;
    }
    return false;
  };
  const firsts: number[] = [];
  const mayBeEmpty = !from(0, firsts);
  return firsts.map((k) => {
    const next: number[] = specs[k].op === '*' || specs[k].op === '+' ? [k] : [];
    const ends = mayBeEmpty || !from(k + 1, next);
    return { test: formTest(specs[k]), next: ends ? null : next.map((j) => ({ spec: specs[j], test: formTest(specs[j]) })) };
  });
}

const FIRST_ITEMS = new Map(RULES.map((rule) => [rule, firstItems(rule.pattern.source)]));
/** Forms opening the same rules with the same first items share their starts. */
const SHARED_STARTS = new Map<string, RuleStarts>();

const STARTS = lexemeSlot((lx): RuleStarts => {
  const rules = INDEX.candidates({ lx } as Token);
  const passing = rules.map((rule) => FIRST_ITEMS.get(rule)!.filter((item) => formPasses(item.test, lx)));
  const key = rules.map((rule, r) => `${RULES.indexOf(rule)}:${passing[r].map((item) => FIRST_ITEMS.get(rule)!.indexOf(item)).join(',')}`).join(' ');
  let starts = SHARED_STARTS.get(key);
  if (!starts) {
    starts = { rules, always: 0, byLower: new Map(), byClass: [], byKind: [0, 0, 0, 0, 0] };
    for (let r = 0; r < rules.length && r < 31; r++) {
      for (const item of passing[r]) {
        if (item.next === null) starts.always |= 1 << r;
        else for (const next of item.next) addNextItem(starts, next, 1 << r);
      }
    }
    SHARED_STARTS.set(key, starts);
  }
  return starts;
});

/** Indexes rule `bit` under the most telling attribute of an item: its forms, else its classes, else its kind. */
function addNextItem(starts: RuleStarts, { spec, test }: FormSpec, bit: number): void {
  if (test.lower) for (const form of test.lower) starts.byLower.set(form, (starts.byLower.get(form) ?? 0) | bit);
  else if (test.classMask) {
    for (const c of listOf(spec.class)) {
      const classBit = CLASSES.bitOf(c);
      const entry = starts.byClass.find((e) => e.classBit === classBit);
      if (entry) entry.rules |= bit;
      else starts.byClass.push({ classBit, rules: bit });
    }
  } else if (test.kind !== null) starts.byKind[test.kind] |= bit;
  else starts.always |= bit;
}

/** The rules of `starts` to try when `next` follows, as bits. */
function rulesBefore(starts: RuleStarts, next: Token | undefined): number {
  if (next === undefined) return starts.always;
  let rules = starts.always | (starts.byLower.get(next.lower) ?? 0) | starts.byKind[next.kind];
  if (starts.byClass.length) {
    const classes = CLASSES.maskOf(next);
    for (const e of starts.byClass) if (classes & e.classBit) rules |= e.rules;
  }
  return rules;
}

function dayValue(t: { lower: string }): number | null {
  if (/^1(?:er|ᵉʳ)$/.test(t.lower)) return 1;
  if (!/^\d{1,2}$/.test(t.lower)) return null;
  const d = Number(t.lower);
  return d >= 1 && d <= 31 ? d : null;
}

export type Lazy = Direction | null | undefined;

export type Reading =
  | { kind: 'day'; year: number | null; month: number; day: number; weekday: number | null; direction: Lazy }
  | { kind: 'weekday'; weekday: number; direction: Lazy; strict: boolean }
  | { kind: 'weekdayDay'; weekday: number; day: number; direction: Lazy }
  | { kind: 'month'; year: number | null; month: number; direction: Lazy }
  | { kind: 'year'; year: number }
  | { kind: 'season'; year: number | null; season: Season; direction: Lazy; strict: boolean }
  | { kind: 'decade'; decade: number }
  | { kind: 'century'; century: number }
  /** `counted`: a number of units (`il y a un an`), exact to the anchor's precision, not a calendar unit (`l'an dernier`). */
  | { kind: 'offset'; unit: Unit; offset: number; counted?: boolean }
  | { kind: 'eventOffset'; days: number }
  | { kind: 'eventMonth' };

/** A temporal expression found in the text: tokens [first, last) and what they say. */
export interface DateHit {
  first: number;
  last: number;
  reading: Reading;
}
type Hit = DateHit;

interface Resolved {
  value: string | null;
  precision: DateMention['precision'];
  basis: DateMention['basis'];
}

const UNRESOLVED: Resolved = { value: null, precision: null, basis: 'unresolved' };

/** French temporal expressions of an article (annotation guidelines §1). */
export function extractDates(ctx: Pick<ArticleContext, 'doc' | 'published' | 'textDay'>): DateMention[] {
  return resolveDates(ctx.doc, scanDates(ctx.doc), ctx.published, ctx.textDay);
}

/** Where the text names a date, and what each expression says before any anchor is known. */
export function scanDates(doc: Doc): DateHit[] {
  return scan(doc, anchors(doc, DATE_START));
}

/** The direction (past, future, none) the verbs of a sentence give an expression, their cues computed once per sentence and document. */
export function directionReader(doc: Doc): (hit: DateHit, own?: Lazy) => Direction | null {
  let reader = READERS.get(doc);
  if (!reader) READERS.set(doc, (reader = newDirectionReader(doc)));
  return reader;
}
const READERS = new WeakMap<Doc, (hit: DateHit, own?: Lazy) => Direction | null>();

function newDirectionReader(doc: Doc): (hit: DateHit, own?: Lazy) => Direction | null {
  /** By sentence, its cues by quotation (-1: outside any). */
  const cues = new Map<number, Map<number, CueList>>();
  return (hit, own) => {
    if (own !== undefined) return own;
    const s = doc.tokens[hit.first].sent;
    let byQuote = cues.get(s);
    if (!byQuote) cues.set(s, (byQuote = cuesByQuote(doc, s)));
    // the verbs of a quotation speak of its words' time, the reporting verb of the report's
    const list = byQuote.get(doc.quoteOf[hit.first]);
    return list ? nearestDirection(list, hit.first, hit.last, doc.tokens) : null;
  };
}

function cuesByQuote(doc: Doc, s: number): Map<number, CueList> {
  const groups = new Map<number, TenseCue[]>();
  for (const cue of tenseCues(doc.tokens, doc.sentences[s].first, doc.sentences[s].last)) {
    const quote = doc.quoteOf[cue.first];
    const group = groups.get(quote);
    if (group) group.push(cue);
    else groups.set(quote, [cue]);
  }
  const lists = new Map<number, CueList>();
  for (const [quote, group] of groups) lists.set(quote, cueList(group));
  return lists;
}

/**
 * Resolves the scanned expressions against the document date (`published`) and a day the text
 * gives for publication (`textDay`: a dateline, a byline, `ce mercredi 4 décembre`).
 */
export function resolveDates(doc: Doc, hits: DateHit[], published: string | null, textDay: string | null): DateMention[] {
  const story = new Story(doc, hits, parseAnchor(published), parseAnchor(textDay));
  const out: DateMention[] = [];
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i];
    const resolved = story.resolve(i);
    story.settle(i, resolved);
    const start = doc.tokens[hit.first].start;
    const end = doc.tokens[hit.last - 1].end;
    out.push({ text: doc.text.slice(start, end), value: resolved.value, precision: resolved.precision, basis: resolved.basis, start, end });
  }
  return out;
}

/** The calendar day a day expression names, its year from the anchor when it gives none; null for other expressions. */
export function dayOf(hit: DateHit, anchor: Anchor | null): [number, number, number] | null {
  const r = hit.reading;
  if (r.kind !== 'day') return null;
  const year = r.year ?? (anchor ? yearFor(anchor, r.month, r.day, null) : null);
  return year !== null && isValidDay(year, r.month, r.day) ? [year, r.month, r.day] : null;
}

/** The year an expression names explicitly, if any. */
export function explicitYearOf(hit: DateHit): number | null {
  const r = hit.reading;
  return r.kind === 'year' || ((r.kind === 'day' || r.kind === 'month' || r.kind === 'season') && r.year !== null) ? r.year : null;
}

// ---------------------------------------------------------------------------------------------
// Scanning: at each token, the patterns its word can open, in file order; the first that reads wins.

function scan(doc: Doc, anchorsAt: number[]): Hit[] {
  const { tokens } = doc;
  const hits: Hit[] = [];
  for (let a = 0, i = -1; a < anchorsAt.length; a++) {
    // `i` is the last token consumed
    if (anchorsAt[a] <= i) continue;
    i = anchorsAt[a];
    const opening = STARTS(tokens[i]);
    const worth = rulesBefore(opening, tokens[i + 1]);
    if (worth === 0 && opening.rules.length <= 31) continue;
    for (let r = 0; r < opening.rules.length; r++) {
      if (r < 31 && (worth & (1 << r)) === 0) continue;
      const rule = opening.rules[r];
      // most tries fail: the captures are read only where the pattern matches
      if (rule.pattern.endAt(tokens, i, CLASSES) < 0) continue;
      const m = rule.pattern.matchAt(tokens, i, CLASSES)!;
      const reading = read(rule, m.captures, doc, m.first, m.last);
      if (!reading) continue;
      const first = rule.keep ? m.captures[rule.keep][0] : m.first;
      const last = rule.keep ? m.captures[rule.keep][1] : m.last;
      hits.push({ first, last, reading });
      i = last - 1;
      break;
    }
  }
  return hits;
}

const part = (tokens: Token[], c: Captures, name: string): Token | undefined => (c[name] ? tokens[c[name][0]] : undefined);
const valueOf = (cls: string, t: Token | undefined): number | string | undefined => (t ? VALUES.get(`${cls}:${t.lower.replace(/\.$/, '')}`) : undefined);
const numberOf = (t: Token | undefined): number | null => (t ? Number(t.lower) : null);
const monthOf = (t: Token | undefined): number => (t && t.lower.startsWith('mi-') ? (valueOf('month', { ...t, lower: t.lower.slice(3) }) as number) : (valueOf('month', t) as number));
const afterOf = (t: Token | undefined): Direction | null => (t ? (valueOf('after', t) as Direction | undefined) ?? (/^prochain/.test(t.lower) ? 'future' : 'past') : null);

function read(rule: CompiledRule, c: Captures, doc: Doc, first: number, last: number): Reading | null {
  const { tokens } = doc;
  const p = (name: string) => part(tokens, c, name);
  const direction = (): Lazy => prepositionDirection(tokens, first);
  switch (rule.family) {
    case 'night':
      return { kind: 'weekday', weekday: valueOf('weekday', p('weekday')) as number, direction: direction(), strict: false };
    case 'nightDates': {
      const last = monthOf(p('month'));
      let month = p('month2') ? monthOf(p('month2')) : last;
      let year = numberOf(p('year'));
      const firstDay = dayValue(p('day')!)!;
      if (!p('month2') && firstDay > dayValue(p('day2')!)!) month = month === 1 ? 12 : month - 1;
      if (year !== null && month > last) year -= 1;
      if (!isValidDay(year ?? 2000, month, firstDay)) return null;
      return { kind: 'day', year, month, day: firstDay, weekday: null, direction: year ? null : direction() };
    }
    case 'ordinalWeek':
      return { kind: 'month', year: numberOf(p('year')), month: monthOf(p('month')), direction: p('year') ? null : direction() };
    case 'ordinalWeekEvent':
      return { kind: 'eventMonth' };
    case 'weekdayDate': {
      const month = monthOf(p('month'));
      const day = dayValue(p('day')!)!;
      const year = numberOf(p('year'));
      if (!isValidDay(year ?? 2000, month, day) || !monthWordOk(tokens, c.month[0])) return null;
      return { kind: 'day', year, month, day, weekday: valueOf('weekday', p('weekday')) as number, direction: afterOf(p('after')) ?? (year ? null : direction()) };
    }
    case 'weekdayDay':
      return { kind: 'weekdayDay', weekday: valueOf('weekday', p('weekday')) as number, day: dayValue(p('day')!)!, direction: direction() };
    case 'rangeFirstDay': {
      const month = monthOf(p('month'));
      const day = dayValue(p('day')!)!;
      const year = numberOf(p('year'));
      if (!isValidDay(year ?? 2000, month, day)) return null;
      return { kind: 'day', year, month, day, weekday: null, direction: year ? null : direction() };
    }
    case 'dayMonth': {
      const before = tokens[first - 1];
      if (before && tokens[first].gap === Gap.None && /^[\d,.]$/.test(before.text.slice(-1))) return null;
      if (!monthWordOk(tokens, c.month[0])) return null;
      const month = monthOf(p('month'));
      const day = dayValue(p('day')!)!;
      const year = numberOf(p('year'));
      if (year !== null && !yearLooksReal(tokens, c.year[0], true)) return null;
      if (!isValidDay(year ?? 2000, month, day)) return null;
      return { kind: 'day', year, month, day, weekday: null, direction: afterOf(p('after')) ?? (year ? null : direction()) };
    }
    case 'numericDate': {
      if (c.date) {
        const [d, mo, y] = tokens[c.date[0]].lower.split('.').map(Number);
        const year = y < 100 ? y + (y < 50 ? 2000 : 1900) : y;
        return isValidDay(year, mo, d) ? { kind: 'day', year, month: mo, day: d, weekday: null, direction: null } : null;
      }
      const day = dayValue(p('day')!)!;
      const month = numberOf(p('month'))!;
      const yearToken = p('year')!;
      let year = Number(yearToken.lower);
      if (!/^\d{2}(?:\d{2})?$/.test(yearToken.lower) || !/^\d{1,2}$/.test(p('month')!.lower)) return null;
      if (yearToken.lower.length === 2) year += year < 50 ? 2000 : 1900;
      // both separators alike, and no digit glued before (`1/14/09/2020`)
      if (tokens[first + 1].text !== tokens[first + 3].text || !isValidDay(year, month, day)) return null;
      const before = tokens[first - 1];
      if (before && tokens[first].gap === Gap.None && /[/.\d]$/.test(before.text)) return null;
      return { kind: 'day', year, month, day, weekday: null, direction: null };
    }
    case 'isoDate': {
      const [year, month, day] = [numberOf(p('year'))!, numberOf(p('month'))!, numberOf(p('day'))!];
      if (p('month')!.lower.length !== 2 || p('day')!.lower.length !== 2 || !isValidDay(year, month, day)) return null;
      return { kind: 'day', year, month, day, weekday: null, direction: null };
    }
    case 'englishDate':
    case 'englishDayFirst': {
      const month = valueOf('month_en', p('month')) as number;
      const [year, day] = [numberOf(p('year'))!, dayValue(p('day')!)!];
      if (!isValidDay(year, month, day)) return null;
      return { kind: 'day', year, month, day, weekday: null, direction: null };
    }
    case 'modifiedMonth': {
      if (!monthWordOk(tokens, c.month[0])) return null;
      const year = numberOf(p('year'));
      return { kind: 'month', year, month: monthOf(p('month')), direction: year ? null : direction() };
    }
    case 'modifiedYear':
    case 'midYear': {
      const y = p('year')!;
      const year = Number(y.lower.replace(/^mi-/, ''));
      return rule.family === 'midYear' || yearLooksReal(tokens, c.year[0], true) ? { kind: 'year', year } : null;
    }
    case 'monthYear':
      if (!monthWordOk(tokens, c.month[0]) || !yearLooksReal(tokens, c.year[0], true)) return null;
      return { kind: 'month', year: numberOf(p('year')), month: monthOf(p('month')), direction: null };
    case 'season':
      return readSeason(tokens, c, first, direction);
    case 'decade': {
      const digits = p('decade')!.lower;
      if (!/^(?:1[0-9]|20)?\d0$/.test(digits)) return null;
      const decade = digits.length === 4 ? Number(digits.slice(0, 3)) : digits.length === 3 ? Number(digits.slice(0, 2)) : Number(digits) < 20 ? 200 + Number(digits) / 10 : 190 + Number(digits) / 10;
      return Number.isInteger(decade) ? { kind: 'decade', decade } : null;
    }
    case 'century': {
      const numeral = p('numeral')!;
      const m = /^(\d{1,2}|[IVXLC]+)(?:e|ème|eme|è|ᵉ)$/.exec(numeral.text);
      if (!m) return null;
      const n = /^\d+$/.test(m[1]) ? Number(m[1]) : romanToInt(m[1]);
      return n && n <= 21 ? { kind: 'century', century: n - 1 } : null;
    }
    case 'relative': {
      if (rule.anchor === 'event') {
        // `la veille de l'élection`: anchored to an event the text does not date
        const next = tokens[last];
        if (next && /^(?:de|du|des|d')$/.test(next.lower)) return null;
        return { kind: 'eventOffset', days: rule.offset ?? 0 };
      }
      const after = afterOf(p('after'));
      const offset = (rule.offset ?? 0) + (after === 'past' ? -1 : after === 'future' ? 1 : 0);
      return { kind: 'offset', unit: rule.unit!, offset };
    }
    case 'ago':
    case 'in': {
      const countToken = p('count');
      if (!countToken) return null;
      const count = countToken.kind === Kind.Number ? Number(countToken.lower) : (valueOf('number_word', countToken) as number);
      if (!Number.isFinite(count)) return null;
      const unit = valueOf('unit', p('unit')) as Unit;
      return { kind: 'offset', unit, offset: rule.family === 'ago' ? -count : count, counted: true };
    }
    case 'weekday': {
      const prev = tokens[first - 1];
      // `chaque jeudi`, `tous les lundis`, the weekly `Journal du dimanche`
      if (prev && /^(?:chaque|les|journal|du)$/.test(prev.lower) && (prev.lower !== 'du' || tokens[first - 2]?.lower === 'journal')) return null;
      if (prev?.lower === 'les' && /^(?:tous|toutes)$/.test(tokens[first - 2]?.lower ?? '')) return null;
      if (p('weekday')!.lower.endsWith('s')) return null;
      const after = afterOf(p('after'));
      return { kind: 'weekday', weekday: valueOf('weekday', p('weekday')) as number, direction: after ?? direction(), strict: after !== null };
    }
    case 'month': {
      const month = p('month')!;
      if (!monthWordOk(tokens, c.month[0])) return null;
      // an abbreviation alone (`oct.`) is too ambiguous, and `mai` is also a verb form… only after a number
      if (month.lower.length <= 4 && !MONTH_FULL.has(month.lower) && tokens[first - 1]?.kind !== Kind.Number) return null;
      const after = p('after') ? (p('after')!.lower.startsWith('prochain') ? 'future' : 'past') : null;
      return { kind: 'month', year: null, month: monthOf(month), direction: after ?? direction() };
    }
    case 'year':
      // `les Jeux de Paris 2024`: a year after a place names the edition held there that year
      return yearLooksReal(tokens, first, false) || placeBefore(doc, first) ? { kind: 'year', year: numberOf(p('year'))! } : null;
  }
  return null;
}

const MONTH_FULL = new Set(['mars', 'mai', 'juin', 'août', 'aout']);

/** `Mars` with a capital inside a sentence is the planet or a name; at a sentence start it is the month. `mai`, `sept` abbreviations need care too. */
function monthWordOk(tokens: Token[], at: number): boolean {
  const t = tokens[at];
  if (t.text === 'Mars') {
    const before = tokens[at - 1];
    return !before || before.gap >= Gap.Line || /^[.!?:»"«(]$/.test(before.text) || before.kind === Kind.Number;
  }
  // `sept` is a number word unless a day or year is next to it
  if (t.lower === 'sept') return tokens[at - 1]?.kind === Kind.Number || tokens[at + 1]?.kind === Kind.Number;
  return true;
}

function readSeason(tokens: Token[], c: Captures, first: number, direction: () => Lazy): Reading | null {
  const season = valueOf('season', part(tokens, c, 'season')) as Season;
  const year = c.year ? Number(tokens[c.year[0]].lower) : null;
  if (!c.this && year === null) {
    // `a été`: the participle, not the summer; `vacances de printemps`: a kind, not a date. Bare seasons need `en`, `au`, `dès`
    const before = tokens[first - 1];
    if (!before || !/^(?:en|au|dès|fin|début|mi|plein|pleine)$/.test(before.lower)) return null;
  }
  if (year !== null && !yearLooksReal(tokens, c.year[0], true)) return null;
  const after = c.after ? afterOf(tokens[c.after[0]]) : null;
  const byIci = tokens[first - 1]?.lower === "d'ici" || (tokens[first - 1]?.lower === 'ici' && tokens[first - 2]?.lower === "d'");
  return { kind: 'season', year, season, direction: after ?? (byIci ? 'future' : year ? null : direction()), strict: after !== null };
}

/** `d'ici l'automne` looks ahead, `depuis septembre` back; otherwise the sentence's tense decides (undefined). */
function prepositionDirection(tokens: Token[], first: number): Lazy {
  let k = first - 1;
  if (tokens[k] && /^(?:le|la|l')$/.test(tokens[k].lower)) k--;
  const w = tokens[k]?.lower;
  if (w === 'ici' && tokens[k - 1]?.lower === "d'") return 'future';
  if (w === 'depuis') return 'past';
  return undefined;
}

const COUNTED_NOUNS = new Set([
  'personnes', 'soldats', 'hommes', 'femmes', 'enfants', 'habitants', 'morts', 'victimes', 'blessés', 'manifestants', 'policiers',
  'militaires', 'agents', 'voix', 'votes', 'signatures', 'postes', 'emplois', 'cas', 'doses', 'élèves', 'euros', 'dollars', 'roubles',
  'francs', 'livres', 'km', 'kilomètres', 'mètres', 'tonnes', 'litres', 'hectares', 'kg', 'kilos', 'heures', 'minutes', 'jours', 'mois',
  'ans', 'années', 'fois', 'pages', 'mots', 'exemplaires', 'unités', 'chars', 'avions', 'drones', 'missiles', 'obus', 'prisonniers',
  'détenus', 'réfugiés', 'migrants', 'salariés', 'employés', 'participants', 'délégués', 'députés', 'membres', 'entreprises',
  'articles', 'mégawatts', 'mw', 'kw', 'mds', 'milliards', 'millions', 'm', 'm²', 'm2', 'km2', 'km²', 'points', 'places', 'lits',
]);
const QUANTITY_BEFORE = new Set(['plus', 'moins', 'près', 'autour', 'auprès', 'environ', 'quelque', 'quelques', 'sur', 'des', 'les', 'ces', 'aux', 'nos', 'vos', 'leurs', 'ses', 'mes', 'n°', 'no', 'numéro', 'art', 'article', 'résolution', 'décret', 'arrêté', 'ordonnance', 'vol', '€', '$', '£', '#']);
const YEAR_CUES = new Set(['en', 'depuis', 'dès', "jusqu'", 'ici', 'avant', 'après', 'vers', 'fin', 'début', 'an', 'année', 'printemps', 'été', 'automne', 'hiver', 'de', 'du', 'entre', 'et', 'à', 'pour', 'au', 'courant', 'janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']);
const DATED_NAMES = new Set(['noël', 'noel', 'pâques', 'paques', 'toussaint', 'ramadan', 'pentecôte', 'ascension', 'carnaval', 'an']);
const FUNCTION_WORDS_S = new Set([
  'les', 'des', 'ses', 'mes', 'tes', 'nos', 'vos', 'leurs', 'dans', 'sous', 'sans', 'vers', 'plus', 'puis', 'alors', 'depuis', 'après',
  'pas', 'jamais', 'toujours', 'moins', 'lors', 'hors', 'très', 'nous', 'vous', 'ils', 'elles', 'ces', 'aux', 'tous', 'mais', 'dès',
  'avons', 'sommes', 'étions', 'avions', 'es', 'as', 'fus', 'fut', 'tandis', 'ailleurs', 'parfois', 'certes', "jusqu'", 'près', 'auprès',
  'ceux', 'deux', 'mieux', 'voix',
]);

function placeBefore(doc: Doc, at: number): boolean {
  const m = at > 0 ? doc.mentionAt[at - 1] : -1;
  return m >= 0 && doc.mentions[m].last === at && (doc.mentions[m].type === 'place' || doc.mentions[m].type === 'country') && doc.tokens[at].gap === Gap.Space;
}

/** A four-digit number names a year unless its surroundings count things or number them. */
function yearLooksReal(tokens: Token[], at: number, cued: boolean): boolean {
  const t = tokens[at];
  const year = Number(t.lower);
  const before = tokens[at - 1];
  const after = tokens[at + 1];
  // `1 500 000`, `2 000,5`: digit groups
  if (before?.kind === Kind.Number && t.gap <= Gap.Space) return false;
  if (after && after.gap <= Gap.Space && after.kind === Kind.Number && /^\d{3}$/.test(after.lower)) return false;
  if (after && after.gap === Gap.None && /^[.,]$/.test(after.text) && tokens[at + 2]?.kind === Kind.Number && tokens[at + 2].gap === Gap.None) return false;
  if (after && after.gap <= Gap.Space && (after.text === '%' || after.text === '€' || after.text === '$' || after.text === '£' || (after.lower === 'pour' && tokens[at + 2]?.lower === 'cent'))) return false;
  // `S-400`, `Su-2020`: the number of a model
  if (!cued && before?.text === '-' && t.gap === Gap.None && tokens[at - 2]?.kind === Kind.Word && before.gap === Gap.None) return false;
  let q = at - 1;
  if (tokens[q] && (tokens[q].lower === 'de' || tokens[q].lower === "d'")) q--;
  if (tokens[q] && QUANTITY_BEFORE.has(tokens[q].lower.replace(/\.$/, '')) && !(tokens[q].lower === 'les' && tokens[q + 1] === t && false)) {
    // `au moins 2000`, `plus de 1500`
    if (!(q === at - 1 && YEAR_CUES.has(tokens[q].lower))) return false;
  }
  if (before && (before.lower === 'moins' && tokens[at - 2]?.lower === 'au')) return false;
  const strongCue = cued || (before !== undefined && (YEAR_CUES.has(before.lower) || before.lower.startsWith('mi-') || (before.lower === 'ici' && tokens[at - 2]?.lower === "d'")) && before.gap < Gap.Line);
  // `l'Euro 2024`, `Vision 2030`: a year after a capitalised name is part of the name
  if (!strongCue && before && before.kind === Kind.Word && before.cap && !DATED_NAMES.has(before.lower) && t.gap === Gap.Space) {
    const opensSentence = !tokens[at - 2] || tokens[at - 1].gap >= Gap.Line || /^[.!?»:]$/.test(tokens[at - 2].text);
    if (!opensSentence) return false;
  }
  if (year < 1500 && !strongCue) return false;
  if (after && after.kind === Kind.Word && after.gap <= Gap.Space) {
    if (COUNTED_NOUNS.has(after.lower)) return false;
    // `2000 soldats`, `1500 Ukrainiens`: a plural noun after a bare number counts things
    if (!strongCue && /[sx]$/.test(after.lower) && !FUNCTION_WORDS_S.has(after.lower)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Resolution against the document date, a day the text gives, or a year the same sentence gives explicitly.

/** Whether an expression gives its year with a day or month (`3 mars 2021`, `mars 2021`), as a nearby day or month may borrow it. */
const givesYear = (hit: Hit): boolean => (hit.reading.kind === 'day' || hit.reading.kind === 'month') && hit.reading.year !== null;

/**
 * The expressions of a text resolved in order: each against the anchors and what the text said
 * before it. What the look-ups below need of the expressions resolved so far is kept as they are
 * settled, so that each is a step, not a pass over the story (linear in a long text or sentence).
 */
class Story {
  private readonly directionOf: (hit: Hit, own: Lazy) => Direction | null;
  private readonly resolved: Resolved[] = [];
  /** For each expression, the nearest before and after it that gives its year (-1, or hits.length, when none). */
  private readonly yearBefore: Int32Array;
  private readonly yearAfter: Int32Array;
  /** By weekday, the last day that states it (`mercredi 23 septembre`) resolved to a day. */
  private readonly lastNamedWeekday = new Int32Array(7).fill(-1);
  /** By weekday, the last day without one (`1er mai`) resolved to a day on that weekday. */
  private readonly lastDayOnWeekday = new Int32Array(7).fill(-1);
  /** The last expression resolved to a day or a month. */
  private lastDayOrMonth = -1;
  /** The first day or month the text gives, explicitly or from its context. */
  private storyMonth: string | null = null;
  /** By sentence, the days ahead resolved on each weekday (while `storyMonth` is unchanged). */
  private readonly daysAhead = new Map<number, { storyMonth: string | null; byWeekday: Array<Array<{ at: number; value: string }>> }>();

  constructor(
    private readonly doc: Doc,
    private readonly hits: Hit[],
    private readonly anchor: Anchor | null,
    private readonly dayAnchor: Anchor | null,
  ) {
    this.directionOf = directionReader(doc);
    const n = hits.length;
    this.yearBefore = new Int32Array(n);
    this.yearAfter = new Int32Array(n);
    for (let i = 0, last = -1; i < n; i++) {
      this.yearBefore[i] = last;
      if (givesYear(hits[i])) last = i;
    }
    for (let i = n - 1, next = n; i >= 0; i--) {
      this.yearAfter[i] = next;
      if (givesYear(hits[i])) next = i;
    }
  }

  /** Records how expression `index` resolved, for those after it. */
  settle(index: number, resolved: Resolved): void {
    this.resolved.push(resolved);
    const r = this.hits[index].reading;
    if (resolved.value === null) return;
    if (resolved.precision === 'day' || resolved.precision === 'month') {
      this.lastDayOrMonth = index;
      if (this.storyMonth === null && (resolved.basis === 'explicit' || resolved.basis === 'context')) this.storyMonth = resolved.value;
    }
    if (r.kind === 'day' && resolved.precision === 'day') {
      if (r.weekday !== null) this.lastNamedWeekday[r.weekday] = index;
      else this.lastDayOnWeekday[weekdayOfValue(resolved.value)] = index;
    }
  }

  resolve(index: number): Resolved {
    const { hits, anchor, dayAnchor } = this;
    const hit = hits[index];
    const r = hit.reading;
    switch (r.kind) {
      case 'year':
        return { value: pad4(r.year), precision: 'year', basis: 'explicit' };
      case 'decade':
        return { value: String(r.decade).padStart(3, '0'), precision: 'decade', basis: 'explicit' };
      case 'century':
        return { value: pad2(r.century), precision: 'century', basis: 'explicit' };
      case 'day': {
        if (r.year !== null) return { value: formatDay(r.year, r.month, r.day), precision: 'day', basis: 'explicit' };
        const contextYear = this.yearFromSentence(index, r.month) ?? (anchor ? null : this.yearFromStory(index, r.month));
        if (contextYear !== null) return { value: formatDay(contextYear, r.month, r.day), precision: 'day', basis: 'context' };
        if (!anchor) return UNRESOLVED;
        let year = yearFor(anchor, r.month, r.day, this.directionOf(hit, r.direction));
        if (r.weekday !== null && isValidDay(year, r.month, r.day) && weekdayOf(year, r.month, r.day) !== r.weekday) {
          // `lundi 14 septembre`: the weekday picks the year when the neighbouring one fits and this one does not
          const fitting = [year - 1, year + 1].filter((y) => isValidDay(y, r.month, r.day) && weekdayOf(y, r.month, r.day) === r.weekday);
          if (fitting.length === 1) year = fitting[0];
        }
        return { value: formatDay(year, r.month, r.day), precision: 'day', basis: 'publication' };
      }
      case 'month': {
        if (r.year !== null) return { value: formatMonth(r.year, r.month), precision: 'month', basis: 'explicit' };
        const contextYear = this.yearFromSentence(index, r.month) ?? (anchor ? null : this.yearFromStory(index, r.month));
        if (contextYear !== null) return { value: formatMonth(contextYear, r.month), precision: 'month', basis: 'context' };
        if (!anchor) return UNRESOLVED;
        return { value: formatMonth(yearFor(anchor, r.month, null, this.directionOf(hit, r.direction)), r.month), precision: 'month', basis: 'publication' };
      }
      case 'season': {
        if (r.year !== null) return { value: `${pad4(r.year)}-${r.season}`, precision: 'season', basis: 'explicit' };
        if (!anchor) return UNRESOLVED;
        return { value: `${pad4(seasonYear(anchor, r.season, this.directionOf(hit, r.direction), r.strict))}-${r.season}`, precision: 'season', basis: 'publication' };
      }
      case 'weekdayDay':
        return anchor ? resolveWeekdayDay(anchor, r.weekday, r.day, () => this.directionOf(hit, r.direction)) : UNRESOLVED;
      case 'weekday': {
        // the same weekday written with its date nearby (`mercredi 23 septembre` … `mercredi`)
        const named = this.sameWeekday(index, r.weekday) ?? (anchor?.day != null ? null : this.dayOfSentence(index, r.weekday));
        if (named) return { value: named, precision: 'day', basis: 'context' };
        if (dayAnchor && anchor?.day == null) {
          const resolved = resolveWeekday(dayAnchor, r.weekday, this.directionOf(hit, r.direction), r.strict);
          return { ...resolved, basis: 'context' };
        }
        return anchor ? resolveWeekday(anchor, r.weekday, anchor.day === null ? null : this.directionOf(hit, r.direction), r.strict) : UNRESOLVED;
      }
      case 'offset': {
        if (!anchor) return UNRESOLVED;
        const basis = 'publication';
        switch (r.unit) {
          case 'day':
            if (dayAnchor && anchor.day === null) return { ...shiftDays(dayAnchor, r.offset, 'context') };
            return shiftDays(anchor, r.offset, basis);
          case 'week': {
            if (anchor.day === null) return coarse(anchor, basis);
            const [y, m, d] = addDays(anchor.year, anchor.month!, anchor.day, 7 * r.offset);
            return { value: formatWeek(y, m, d), precision: 'week', basis };
          }
          case 'month': {
            if (anchor.month === null) return r.offset === 0 ? coarse(anchor, basis) : UNRESOLVED;
            const [y, m] = addMonths(anchor.year, anchor.month, r.offset);
            return { value: formatMonth(y, m), precision: 'month', basis };
          }
          case 'year': {
            // `il y a un an` is the anchor's month a year back (an anniversary); `il y a deux ans`, `30 ans`, only a year
            if (r.counted && anchor.month !== null && Math.abs(r.offset) === 1) {
              const [y, m] = addMonths(anchor.year, anchor.month, 12 * r.offset);
              return { value: formatMonth(y, m), precision: 'month', basis };
            }
            return { value: pad4(anchor.year + r.offset), precision: 'year', basis };
          }
          case 'century':
            return { value: pad2(Math.floor((anchor.year - 1) / 100) + r.offset), precision: 'century', basis };
        }
        return UNRESOLVED;
      }
      case 'eventMonth': {
        // `la première semaine de contestation`: the month of the story's last dated mention, however far back
        const antecedent = this.antecedentOf(index, Infinity);
        return antecedent ? { value: antecedent.value!.slice(0, 7), precision: 'month', basis: 'context' } : UNRESOLVED;
      }
      case 'eventOffset': {
        const antecedent = this.antecedentOf(index, 400);
        if (antecedent) return shiftDays(parseAnchor(antecedent.value)!, r.days, 'context');
        return anchor ? shiftDays(anchor, r.days, 'publication') : UNRESOLVED;
      }
    }
  }

  /** Characters from the end of expression `j` to the start of expression `index`. */
  private gap(j: number, index: number): number {
    return this.doc.tokens[this.hits[index].first].start - this.doc.tokens[this.hits[j].last - 1].end;
  }

  private sentenceOf(index: number): Sentence {
    return this.doc.sentences[this.doc.tokens[this.hits[index].first].sent];
  }

  /** A date the text gave last for the same weekday (`mercredi 23 septembre`), unless 3000 characters back. */
  private sameWeekday(index: number, weekday: number): string | null {
    const j = this.lastNamedWeekday[weekday];
    return j >= 0 && this.gap(j, index) < 3000 ? this.resolved[j].value : null;
  }

  /**
   * `ont défilé lundi matin pour un 1er mai`: a weekday beside a day of the same sentence that
   * falls on that weekday names that day, the nearest before it, else the first after it.
   */
  private dayOfSentence(index: number, weekday: number): string | null {
    const { hits } = this;
    const sentence = this.sentenceOf(index);
    const before = this.lastDayOnWeekday[weekday];
    if (before >= 0 && hits[before].first >= sentence.first) return this.resolved[before].value;
    // the days after it, resolved ahead with what the story says so far
    let ahead = this.daysAhead.get(sentence.first);
    if (!ahead || ahead.storyMonth !== this.storyMonth) {
      const byWeekday: Array<Array<{ at: number; value: string }>> = [[], [], [], [], [], [], []];
      for (let j = index + 1; j < hits.length && hits[j].last <= sentence.last; j++) {
        const o = hits[j].reading;
        if (o.kind !== 'day' || o.weekday !== null) continue;
        const { value, precision } = this.resolve(j);
        if (precision === 'day' && value) byWeekday[weekdayOfValue(value)].push({ at: j, value });
      }
      this.daysAhead.set(sentence.first, (ahead = { storyMonth: this.storyMonth, byWeekday }));
    }
    const days = ahead.byWeekday[weekday];
    const lo = partitionPoint(0, days.length, (k) => days[k].at <= index);
    return lo < days.length ? days[lo].value : null;
  }

  /** The nearest earlier expression, within `reach` characters, resolved to a day or month. */
  private antecedentOf(index: number, reach: number): Resolved | undefined {
    const j = this.lastDayOrMonth;
    return j >= 0 && this.gap(j, index) < reach ? this.resolved[j] : undefined;
  }

  /**
   * With no document date, a day or month without a year takes its year from the story: first
   * an explicit day or month of the sentence before, else the story's first dated day or
   * month, the nearest such month seen from it.
   */
  private yearFromStory(index: number, month: number): number | null {
    const { hits, doc } = this;
    const s = doc.tokens[hits[index].first].sent;
    if (s > 0) {
      const before = doc.sentences[s - 1];
      // the last expression before this one that ends within the sentence before
      const last = partitionPoint(0, index, (k) => hits[k].last <= before.last) - 1;
      const j = last >= 0 && givesYear(hits[last]) ? last : last >= 0 ? this.yearBefore[last] : -1;
      if (j >= 0 && hits[j].first >= before.first) return hits[j].reading.kind === 'day' || hits[j].reading.kind === 'month' ? hits[j].reading.year : null;
    }
    return this.storyMonth === null ? null : yearFor(parseAnchor(this.storyMonth.slice(0, 7))!, month, null, null);
  }

  /**
   * `du 28 décembre au 3 janvier 2021`: a day or month without a year takes the year of an
   * explicit date in the same sentence, the nearest (the one before on a tie), the year before
   * when it comes after and names an earlier month.
   */
  private yearFromSentence(index: number, month: number): number | null {
    const { hits } = this;
    const hit = hits[index];
    const sentence = this.sentenceOf(index);
    const b = this.yearBefore[index];
    const a = this.yearAfter[index];
    const before = b >= 0 && hits[b].first >= sentence.first ? hits[b] : null;
    const after = a < hits.length && hits[a].last <= sentence.last ? hits[a] : null;
    const found = after && (!before || after.first - hit.last < hit.first - before.last) ? after : before;
    if (!found || (found.reading.kind !== 'day' && found.reading.kind !== 'month') || found.reading.year === null) return null;
    return found === after && month > found.reading.month ? found.reading.year - 1 : found.reading.year;
  }
}

const weekdayOfValue = (day: string): number => {
  const d = parseAnchor(day)!;
  return weekdayOf(d.year, d.month!, d.day!);
};

/** The anchor at its own precision: a day-level expression in a month-dated article keeps the month. */
function coarse(anchor: Anchor, basis: Resolved['basis']): Resolved {
  if (anchor.month === null) return { value: pad4(anchor.year), precision: 'year', basis };
  if (anchor.day === null) return { value: formatMonth(anchor.year, anchor.month), precision: 'month', basis };
  return { value: formatDay(anchor.year, anchor.month, anchor.day), precision: 'day', basis };
}

function shiftDays(anchor: Anchor, days: number, basis: Resolved['basis']): Resolved {
  if (anchor.day === null || anchor.month === null) return coarse(anchor, basis);
  const [y, m, d] = addDays(anchor.year, anchor.month, anchor.day, days);
  return { value: formatDay(y, m, d), precision: 'day', basis };
}

function resolveWeekday(anchor: Anchor, weekday: number, direction: Direction | null, strict: boolean): Resolved {
  if (anchor.day === null || anchor.month === null) return coarse(anchor, 'publication');
  const today = weekdayOf(anchor.year, anchor.month, anchor.day);
  const back = (today - weekday + 7) % 7;
  const ahead = (weekday - today + 7) % 7;
  let offset: number;
  if (direction === 'past') offset = strict && back === 0 ? -7 : -back;
  else if (direction === 'future') offset = strict && ahead === 0 ? 7 : ahead;
  else offset = back <= ahead ? -back : ahead;
  return shiftDays(anchor, offset, 'publication');
}

/** `jeudi 3`: the month around the anchor in which the 3rd is a Thursday, the anchor's own month first. */
function resolveWeekdayDay(anchor: Anchor, weekday: number, day: number, direction: () => Direction | null): Resolved {
  if (anchor.month === null) return coarse(anchor, 'publication');
  const fits = (delta: number): [number, number] | null => {
    const [y, m] = addMonths(anchor.year, anchor.month!, delta);
    return isValidDay(y, m, day) && weekdayOf(y, m, day) === weekday ? [y, m] : null;
  };
  const order = direction() === 'future' ? [0, 1, -1] : [0, -1, 1];
  for (const delta of order) {
    const found = fits(delta);
    if (found) return { value: formatDay(found[0], found[1], day), precision: 'day', basis: 'publication' };
  }
  return resolveWeekday(anchor, weekday, null, false);
}

/** The year of a month (and day) the text gives without one, seen from the anchor in the given direction. */
function yearFor(anchor: Anchor, month: number, day: number | null, direction: Direction | null): number {
  if (anchor.month === null) return anchor.year;
  const useDay = day !== null && anchor.day !== null;
  const target = month * 100 + (useDay ? day : 0);
  const here = anchor.month * 100 + (useDay ? anchor.day! : 0);
  if (direction === 'past') return target <= here ? anchor.year : anchor.year - 1;
  if (direction === 'future') return target >= here ? anchor.year : anchor.year + 1;
  const months = month - anchor.month;
  if (months > 6) return anchor.year - 1;
  if (months < -6) return anchor.year + 1;
  return anchor.year;
}

const SEASON_INDEX: Record<Season, number> = { SP: 0, SU: 1, FA: 2, WI: 3 };

/** Seasons are counted year*4 + index, winter named after the year it starts in (December). */
function seasonYear(anchor: Anchor, season: Season, direction: Direction | null, strict: boolean): number {
  if (anchor.month === null) return anchor.year;
  const currentSeason = seasonOfMonth(anchor.month);
  const currentYear = currentSeason === 'WI' && anchor.month <= 2 ? anchor.year - 1 : anchor.year;
  const current = currentYear * 4 + SEASON_INDEX[currentSeason];
  const sameYear = currentYear * 4 + SEASON_INDEX[season];
  const past = sameYear < current || (sameYear === current && !strict) ? sameYear : sameYear - 4;
  const future = sameYear > current || (sameYear === current && !strict) ? sameYear : sameYear + 4;
  let chosen: number;
  if (direction === 'past') chosen = past;
  else if (direction === 'future') chosen = future;
  else chosen = current - past <= future - current ? past : future;
  return Math.floor(chosen / 4);
}

