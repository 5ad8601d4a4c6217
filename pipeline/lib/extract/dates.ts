import { sentenceAt, type Span } from '../text/sentences.ts';
import {
  addDays, addMonths, formatDay, formatMonth, formatWeek, isValidDay, parseAnchor, pad2, pad4, romanToInt, seasonOfMonth, weekdayOf,
  type Anchor, type Season,
} from './dates/calendar.ts';
import {
  COUNTED_NOUNS, FUNCTION_WORDS_S, MONTHS_EN, MONTHS_FR, NUMBER_WORDS, QUANTITY_BEFORE_RE, SEASONS, TRIGGER_RE, WEEKDAYS,
  YEAR_CUE_BEFORE_RE, unionFor, type Family,
} from './dates/patterns.ts';
import { nearestDirection, sentenceCues, type Cue, type Direction } from './dates/tense.ts';
import type { DateMention, DocInput } from './types.ts';

type Basis = DateMention['basis'];
/** A direction the expression itself gives, or `undefined`: ask the tense of its sentence when needed. */
type Lazy = Direction | null | undefined;

/** What an expression says before it is anchored. */
type Reading =
  | { kind: 'day'; year: number | null; month: number; day: number; weekday: number | null; direction: Lazy }
  | { kind: 'weekday'; weekday: number; direction: Lazy; strict: boolean }
  | { kind: 'weekdayDay'; weekday: number; day: number; direction: Lazy }
  | { kind: 'month'; year: number | null; month: number; direction: Lazy }
  | { kind: 'year'; year: number }
  | { kind: 'season'; year: number | null; season: Season; direction: Lazy; strict: boolean }
  | { kind: 'decade'; decade: number }
  | { kind: 'century'; century: number }
  | { kind: 'dayOffset'; days: number }
  | { kind: 'weekOffset'; weeks: number }
  | { kind: 'monthOffset'; months: number }
  | { kind: 'yearOffset'; years: number }
  | { kind: 'centuryOffset'; centuries: number }
  | { kind: 'eventOffset'; days: number }
  | { kind: 'eventMonth' };

interface Hit {
  start: number;
  end: number;
  reading: Reading;
}

interface Resolved {
  value: string | null;
  precision: DateMention['precision'];
  basis: Basis;
}

const UNRESOLVED: Resolved = { value: null, precision: null, basis: 'unresolved' };

/** French temporal expressions (annotation guidelines §1). */
export function extractDates(doc: DocInput): DateMention[] {
  const anchor = parseAnchor(doc.published);
  const hits = scan(doc.text);
  const cuesBySentence = new Map<number, Cue[]>();
  const directionOf = (hit: Hit, own: Lazy): Direction | null => {
    if (own !== undefined) return own;
    const sentence = sentenceAt(doc.sentences, hit.start) ?? { start: Math.max(0, hit.start - 200), end: Math.min(doc.text.length, hit.end + 200) };
    let cues = cuesBySentence.get(sentence.start);
    if (!cues) cuesBySentence.set(sentence.start, (cues = sentenceCues(doc.text, sentence.start, sentence.end)));
    return nearestDirection(cues, hit.start, hit.end);
  };
  const out: DateMention[] = [];
  const resolvedSoFar: Array<{ hit: Hit; resolved: Resolved }> = [];
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i];
    const resolved = resolve(i, hits, resolvedSoFar, anchor, doc, directionOf);
    resolvedSoFar.push({ hit, resolved });
    out.push({ text: doc.text.slice(hit.start, hit.end), ...resolved, start: hit.start, end: hit.end });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Scanning: one pass over the trigger words; at each, the small union of the families that word can
// open is tried once (sticky), and the winning family's own groups are read from the match.

function scan(text: string): Hit[] {
  const hits: Hit[] = [];
  TRIGGER_RE.lastIndex = 0;
  for (let t = TRIGGER_RE.exec(text); t; t = TRIGGER_RE.exec(text)) {
    const union = unionFor(t[0]);
    if (!union) continue;
    union.re.lastIndex = t.index;
    const m = union.re.exec(text);
    if (!m) continue;
    const member = union.members.find((f) => m[f.group] !== undefined);
    if (!member) continue;
    const parts = [m[0], ...m.slice(member.group + 1, member.group + 1 + member.groups)];
    const start = m.index;
    const end = start + m[0].length;
    const reading = read(member.family, parts, text, start, end);
    if (reading) {
      hits.push({ start, end, reading });
      TRIGGER_RE.lastIndex = end;
    }
    // a rejected form ("début 2000 soldats") lets the scan go on from its next word
  }
  return hits;
}

const lower = (s: string | undefined): string => (s ?? '').toLowerCase().replace(/’/g, "'").replace(/[\s\u00a0\u202f]+/g, ' ');
const monthOf = (s: string): number | null => MONTHS_FR.get(lower(s).replace(/\.$/, '')) ?? null;
const dayOf = (s: string): number => (/^1(?:er|ᵉʳ)$/i.test(s) ? 1 : Number(s));
const afterDirection = (s: string | undefined): Direction | null => {
  const w = lower(s);
  if (!w) return null;
  return w.startsWith('prochain') ? 'future' : 'past';
};

function read(family: Family, p: string[], text: string, start: number, end: number): Reading | null {
  const direction = (): Lazy => prepositionDirection(text, start);
  switch (family) {
    case 'night': {
      const weekday = WEEKDAYS.get(lower(p[1]))!;
      return { kind: 'weekday', weekday, direction: direction(), strict: false };
    }
    case 'nightDates': {
      // the night is named by its first day; "du 31 décembre au 1er janvier" starts in the month before
      const last = monthOf(p[4])!;
      let month = p[2] ? monthOf(p[2])! : last;
      let year = p[5] ? Number(p[5]) : null;
      const first = dayOf(p[1]);
      if (!p[2] && first > dayOf(p[3])) month = month === 1 ? 12 : month - 1;
      if (year !== null && month > last) year -= 1;
      if (!isValidDay(year ?? 2000, month, first)) return null;
      return { kind: 'day', year, month, day: first, weekday: null, direction: year ? null : direction() };
    }
    case 'ordinalWeek': {
      if (p[3]) return { kind: 'month', year: p[4] ? Number(p[4]) : null, month: monthOf(p[3])!, direction: p[4] ? null : direction() };
      return { kind: 'eventMonth' };
    }
    case 'weekdayDate': {
      const month = monthOf(p[4])!;
      const day = dayOf(p[3]);
      const year = p[5] ? Number(p[5]) : null;
      if (!isValidDay(year ?? 2000, month, day)) return null;
      return { kind: 'day', year, month, day, weekday: WEEKDAYS.get(lower(p[2]))!, direction: afterDirection(p[6]) ?? (year ? null : direction()) };
    }
    case 'weekdayDay':
      return { kind: 'weekdayDay', weekday: WEEKDAYS.get(lower(p[2]))!, day: dayOf(p[3]), direction: direction() };
    case 'rangeFirstDay': {
      const month = monthOf(p[2])!;
      const day = dayOf(p[1]);
      const year = p[3] ? Number(p[3]) : null;
      if (!isValidDay(year ?? 2000, month, day)) return null;
      return { kind: 'day', year, month, day, weekday: null, direction: year ? null : direction() };
    }
    case 'dayMonth': {
      if (/[\d,.]$/.test(text.slice(Math.max(0, start - 1), start)) || isCapitalisedMars(p[2], text, start + p[0].indexOf(p[2]))) return null;
      const month = monthOf(p[2])!;
      const day = dayOf(p[1]);
      const year = p[3] ? Number(p[3]) : null;
      if (!isValidDay(year ?? 2000, month, day)) return null;
      return { kind: 'day', year, month, day, weekday: null, direction: afterDirection(p[4]) ?? (year ? null : direction()) };
    }
    case 'numericDate': {
      const day = Number(p[1]);
      const month = Number(p[3]);
      let year = Number(p[5]);
      if (p[5].length === 2) year += year < 50 ? 2000 : 1900;
      if (p[2] !== p[4] || !isValidDay(year, month, day) || /\d[/.]$/.test(text.slice(Math.max(0, start - 2), start))) return null;
      return { kind: 'day', year, month, day, weekday: null, direction: null };
    }
    case 'isoDate': {
      const [year, month, day] = [Number(p[1]), Number(p[2]), Number(p[3])];
      if (!isValidDay(year, month, day)) return null;
      return { kind: 'day', year, month, day, weekday: null, direction: null };
    }
    case 'englishDate':
    case 'englishDayFirst': {
      const [monthWord, dayWord, yearWord] = family === 'englishDate' ? [p[1], p[2], p[3]] : [p[2], p[1], p[3]];
      if (!/^\p{Lu}/u.test(monthWord)) return null;
      const month = MONTHS_EN.get(monthWord.toLowerCase().replace(/\.$/, ''))!;
      const [year, day] = [Number(yearWord), Number(dayWord)];
      if (!isValidDay(year, month, day)) return null;
      return { kind: 'day', year, month, day, weekday: null, direction: null };
    }
    case 'modifiedMonth': {
      const month = monthOf(p[2])!;
      const year = p[3] ? Number(p[3]) : null;
      return { kind: 'month', year, month, direction: year ? null : direction() };
    }
    case 'modifiedYear':
      return yearLooksReal(text, start + p[0].length - p[2].length, end, true) ? { kind: 'year', year: Number(p[2]) } : null;
    case 'monthYear':
      if (isCapitalisedMars(p[1], text, start)) return null;
      return { kind: 'month', year: Number(p[2]), month: monthOf(p[1])!, direction: null };
    case 'season':
      return readSeason(p, text, start, end, direction);
    case 'decade': {
      const digits = p[2];
      const decade = digits.length === 4 ? Number(digits.slice(0, 3)) : digits.length === 3 ? Number(digits.slice(0, 2)) : Number(digits) < 20 ? 200 + Number(digits) / 10 : 190 + Number(digits) / 10;
      return Number.isInteger(decade) ? { kind: 'decade', decade } : null;
    }
    case 'century': {
      const numeral = p[1];
      if (/^[ivxlc]+$/i.test(numeral) && numeral !== numeral.toUpperCase()) return null;
      const n = /^\d+$/.test(numeral) ? Number(numeral) : romanToInt(numeral);
      return n && n <= 21 ? { kind: 'century', century: n - 1 } : null;
    }
    case 'relative':
      return readRelative(lower(p[0]), text, end);
    case 'agoOffset':
    case 'inOffset': {
      const count = (/^\d+$/.test(p[1]) ? Number(p[1]) : NUMBER_WORDS.get(lower(p[1]))!) * (family === 'agoOffset' ? 1 : -1);
      const unit = lower(p[2]);
      if (unit.startsWith('jour')) return { kind: 'dayOffset', days: -count };
      if (unit.startsWith('semaine')) return { kind: 'weekOffset', weeks: -count };
      if (unit === 'mois') return { kind: 'monthOffset', months: -count };
      return { kind: 'yearOffset', years: -count };
    }
    case 'weekday': {
      if (isHabitual(text, start)) return null;
      const after = afterDirection(p[3]);
      return { kind: 'weekday', weekday: WEEKDAYS.get(lower(p[2]))!, direction: after ?? direction(), strict: after !== null };
    }
    case 'month': {
      if (isCapitalisedMars(p[1], text, start)) return null;
      if (/\.$/.test(p[1]) && !/\d[ \u00a0]*$/.test(text.slice(Math.max(0, start - 4), start))) return null; // "oct." alone is too ambiguous
      const after = afterDirection(p[2]);
      return { kind: 'month', year: null, month: monthOf(p[1])!, direction: after ?? direction() };
    }
    case 'year':
      return yearLooksReal(text, start, end, false) ? { kind: 'year', year: Number(p[1]) } : null;
  }
}

// "Mars" with a capital inside a sentence is the planet or a name; at a sentence start it is the month.
function isCapitalisedMars(word: string, text: string, at: number): boolean {
  if (word !== 'Mars') return false;
  const before = text.slice(Math.max(0, at - 3), at);
  return !/(?:^|[.!?:»"]\s*|\n\s*)$/.test(before) && at > 0;
}

// "chaque jeudi", "tous les lundis", and the weekly "Journal du dimanche"
const HABITUAL_BEFORE_RE = /(?:chaque|tous[ \u00a0]les|toutes[ \u00a0]les|journal[ \u00a0]du)[ \u00a0]+$/i;
const isHabitual = (text: string, start: number): boolean => HABITUAL_BEFORE_RE.test(text.slice(Math.max(0, start - 16), start));

function readSeason(p: string[], text: string, start: number, end: number, direction: () => Lazy): Reading | null {
  const season = SEASONS.get(lower(p[2]))!;
  const determiner = p[1];
  const year = p[3] ? Number(p[3]) : null;
  if (!determiner && !year) {
    const before = text.slice(Math.max(0, start - 12), start);
    // "a été": the participle, not the summer; "vacances de printemps": a kind, not a date. Bare seasons need "en", "au", "dès"
    if (!/(?:^|[^\p{L}])(?:en|au|dès|fin|début|mi-)[ \u00a0]*$/iu.test(before)) return null;
  }
  if (year && !yearLooksReal(text, start + p[0].lastIndexOf(p[3]), end, true)) return null;
  const after = afterDirection(p[4]);
  const byIci = /d['’]ici[ \u00a0]+$/i.test(text.slice(Math.max(0, start - 8), start));
  return { kind: 'season', year, season, direction: after ?? (byIci ? 'future' : year ? null : direction()), strict: after !== null };
}

function readRelative(phrase: string, text: string, end: number): Reading | null {
  if (/^(?:la veille|l'avant-veille|le lendemain|le surlendemain)$/.test(phrase)) {
    // "la veille de l'élection": anchored to an event the text does not date
    if (/^[ \u00a0]*(?:de|du|des|d['’])(?![\p{L}])/u.test(text.slice(end, end + 5))) return null;
    const days = phrase === 'la veille' ? -1 : phrase === "l'avant-veille" ? -2 : phrase === 'le lendemain' ? 1 : 2;
    return { kind: 'eventOffset', days };
  }
  const dir = /derni|pass/.test(phrase) ? -1 : /prochain/.test(phrase) ? 1 : 0;
  if (phrase === 'avant-hier') return { kind: 'dayOffset', days: -2 };
  if (/^apr[èe]s-demain$/.test(phrase)) return { kind: 'dayOffset', days: 2 };
  if (phrase === 'hier') return { kind: 'dayOffset', days: -1 };
  if (phrase === 'demain') return { kind: 'dayOffset', days: 1 };
  if (/^(?:aujourd'hui|ce matin|ce soir|cet apr[èe]s-midi|cette nuit)$/.test(phrase)) return { kind: 'dayOffset', days: 0 };
  if (/^la nuit derni[èe]re$/.test(phrase)) return { kind: 'dayOffset', days: -1 };
  if (/semaine|week/.test(phrase)) return { kind: 'weekOffset', weeks: dir };
  if (/mois/.test(phrase)) return { kind: 'monthOffset', months: dir };
  if (/si[èe]cle/.test(phrase)) return { kind: 'centuryOffset', centuries: -1 };
  if (/ann[ée]e|\ban\b/.test(phrase)) return { kind: 'yearOffset', years: dir };
  return null;
}

/** "d'ici l'automne" looks ahead, "depuis septembre" back; otherwise the sentence's tense decides (undefined). */
function prepositionDirection(text: string, start: number): Lazy {
  const before = text.slice(Math.max(0, start - 10), start);
  if (/d['’]ici[ \u00a0]+(?:l['’]|la[ \u00a0]+|le[ \u00a0]+)?$/i.test(before)) return 'future';
  if (/(?:^|[^\p{L}])depuis[ \u00a0]+(?:le[ \u00a0]+|l['’])?$/iu.test(before)) return 'past';
  return undefined;
}

const NAME_BEFORE_RE = /(?:^|[^\p{L}\p{N}.-])(\p{Lu}[\p{L}\p{M}]*)[ \u00a0\u202f]$/u;
// capitalised words that name a time of the year, not a brand: "Noël 2022", "Pâques 2023"
const SENTENCE_OPENING_RE = /(?:[.!?»][ \u00a0]+|\n[ \u00a0]*)$/;
const DATED_NAMES = new Set(['noël', 'noel', 'pâques', 'paques', 'toussaint', 'ramadan', 'pentecôte', 'ascension', 'carnaval', 'an']);

/** A four-digit number names a year unless its surroundings count things or number them. */
function yearLooksReal(text: string, start: number, end: number, cued: boolean): boolean {
  const year = Number(text.slice(start, end));
  const before = text.slice(Math.max(0, start - 24), start);
  const after = text.slice(end, end + 24);
  if (/\d[ \u00a0\u202f.,]$/.test(before) || /^[.,]\d/.test(after) || /^[ \u00a0\u202f]\d{3}(?!\d)/.test(after)) return false;
  if (/^[ \u00a0\u202f]*(?:%|€|\$|£|pour[ \u00a0]?cent)/i.test(after)) return false;
  if (!cued && /\p{L}-$/u.test(before)) return false; // "S-400", "Su-2020"; "mi-2023" is cued
  if (QUANTITY_BEFORE_RE.test(before)) return false;
  const strongCue = cued || YEAR_CUE_BEFORE_RE.test(before);
  // "l'Euro 2024", "Vision 2030", "Made in China 2025": a year glued to a capitalised name is part of the name
  if (!strongCue) {
    const name = NAME_BEFORE_RE.exec(before);
    if (name && !DATED_NAMES.has(name[1].toLowerCase())) {
      // a capital that only opens a sentence or headline ("Présidentielle 2022 : ...") is no name
      const wordStart = start - 1 - name[1].length;
      if (wordStart > 0 && !SENTENCE_OPENING_RE.test(text.slice(Math.max(0, wordStart - 4), wordStart))) return false;
    }
  }
  if (year < 1500 && !strongCue) return false;
  const next = /^[ \u00a0\u202f]+(\p{L}+)/u.exec(after);
  if (next) {
    const word = next[1];
    if (COUNTED_NOUNS.has(word.toLowerCase())) return false;
    // "2000 soldats", "1500 Ukrainiens": a plural noun after a bare number counts things
    if (!strongCue && /^\p{L}+[sx]$/u.test(word) && !FUNCTION_WORDS_S.has(word.toLowerCase())) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Resolution against the document date, or a year the same sentence gives explicitly.

function resolve(
  index: number,
  hits: Hit[],
  previous: Array<{ hit: Hit; resolved: Resolved }>,
  anchor: Anchor | null,
  doc: DocInput,
  directionOf: (hit: Hit, own: Lazy) => Direction | null,
): Resolved {
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
      const contextYear = yearFromSentence(index, hits, doc.sentences, r.month) ?? (anchor ? null : yearFromStory(index, hits, previous, doc, r.month));
      if (contextYear !== null) return { value: formatDay(contextYear, r.month, r.day), precision: 'day', basis: 'context' };
      if (!anchor) return UNRESOLVED;
      let year = yearFor(anchor, r.month, r.day, directionOf(hit, r.direction));
      if (r.weekday !== null && isValidDay(year, r.month, r.day) && weekdayOf(year, r.month, r.day) !== r.weekday) {
        // "lundi 14 septembre": the weekday picks the year when the neighbouring one fits and this one does not
        const fitting = [year - 1, year + 1].filter((y) => isValidDay(y, r.month, r.day) && weekdayOf(y, r.month, r.day) === r.weekday);
        if (fitting.length === 1) year = fitting[0];
      }
      return { value: formatDay(year, r.month, r.day), precision: 'day', basis: 'publication' };
    }
    case 'month': {
      if (r.year !== null) return { value: formatMonth(r.year, r.month), precision: 'month', basis: 'explicit' };
      const contextYear = yearFromSentence(index, hits, doc.sentences, r.month) ?? (anchor ? null : yearFromStory(index, hits, previous, doc, r.month));
      if (contextYear !== null) return { value: formatMonth(contextYear, r.month), precision: 'month', basis: 'context' };
      if (!anchor) return UNRESOLVED;
      return { value: formatMonth(yearFor(anchor, r.month, null, directionOf(hit, r.direction)), r.month), precision: 'month', basis: 'publication' };
    }
    case 'season': {
      if (r.year !== null) return { value: `${pad4(r.year)}-${r.season}`, precision: 'season', basis: 'explicit' };
      if (!anchor) return UNRESOLVED;
      return { value: `${pad4(seasonYear(anchor, r.season, directionOf(hit, r.direction), r.strict))}-${r.season}`, precision: 'season', basis: 'publication' };
    }
    case 'weekdayDay':
      return anchor ? resolveWeekdayDay(anchor, r.weekday, r.day, () => directionOf(hit, r.direction)) : UNRESOLVED;
    case 'weekday':
      return anchor ? resolveWeekday(anchor, r.weekday, anchor.day === null ? null : directionOf(hit, r.direction), r.strict) : UNRESOLVED;
    case 'dayOffset':
      return anchor ? shiftDays(anchor, r.days, 'publication') : UNRESOLVED;
    case 'weekOffset': {
      if (!anchor) return UNRESOLVED;
      if (anchor.day === null) return coarse(anchor, 'publication');
      const [y, m, d] = addDays(anchor.year, anchor.month!, anchor.day, 7 * r.weeks);
      return { value: formatWeek(y, m, d), precision: 'week', basis: 'publication' };
    }
    case 'monthOffset': {
      if (!anchor) return UNRESOLVED;
      if (anchor.month === null) return r.months === 0 ? coarse(anchor, 'publication') : UNRESOLVED;
      const [y, m] = addMonths(anchor.year, anchor.month, r.months);
      return { value: formatMonth(y, m), precision: 'month', basis: 'publication' };
    }
    case 'yearOffset':
      return anchor ? { value: pad4(anchor.year + r.years), precision: 'year', basis: 'publication' } : UNRESOLVED;
    case 'centuryOffset':
      return anchor ? { value: pad2(Math.floor((anchor.year - 1) / 100) + r.centuries), precision: 'century', basis: 'publication' } : UNRESOLVED;
    case 'eventMonth': {
      // "la première semaine de contestation": the month of the story's last dated mention, however far back
      const antecedent = antecedentOf(hit, previous, Infinity);
      return antecedent ? { value: antecedent.resolved.value!.slice(0, 7), precision: 'month', basis: 'context' } : UNRESOLVED;
    }
    case 'eventOffset': {
      let antecedent: { hit: Hit; resolved: Resolved } | undefined;
      for (let j = previous.length - 1; j >= 0 && hit.start - previous[j].hit.end < 400; j--) {
        const p = previous[j];
        if (p.resolved.value !== null && (p.resolved.precision === 'day' || p.resolved.precision === 'month')) {
          antecedent = p;
          break;
        }
      }
      if (antecedent) {
        const a = parseAnchor(antecedent.resolved.value)!;
        return shiftDays(a, r.days, 'context');
      }
      return anchor ? shiftDays(anchor, r.days, 'publication') : UNRESOLVED;
    }
  }
}

/** The nearest earlier mention, within `reach` characters, that names a day or month. */
function antecedentOf(hit: Hit, previous: Array<{ hit: Hit; resolved: Resolved }>, reach: number): { hit: Hit; resolved: Resolved } | undefined {
  for (let j = previous.length - 1; j >= 0 && hit.start - previous[j].hit.end < reach; j--) {
    const p = previous[j];
    if (p.resolved.value !== null && (p.resolved.precision === 'day' || p.resolved.precision === 'month')) return p;
  }
  return undefined;
}

/**
 * With no document date, a day or month without a year takes its year from the story: first
 * an explicit day or month of the sentence before ("renversé le 26 juillet 2023. [...] avait menacé
 * en août"), else the story's first dated day or month, the nearest such month seen from it.
 */
function yearFromStory(index: number, hits: Hit[], previous: Array<{ hit: Hit; resolved: Resolved }>, doc: DocInput, month: number): number | null {
  const hit = hits[index];
  const sentence = sentenceAt(doc.sentences, hit.start);
  if (sentence) {
    let k = sentence.start - 1;
    while (k > 0 && /\s/.test(doc.text[k])) k--;
    const before = k >= 0 ? sentenceAt(doc.sentences, k) : undefined;
    if (before) {
      for (let j = index - 1; j >= 0 && hits[j].start >= before.start; j--) {
        const o = hits[j].reading;
        if (hits[j].end <= before.end && (o.kind === 'day' || o.kind === 'month') && o.year !== null) return o.year;
      }
    }
  }
  // the first such mention, scanned once per document however many expressions ask
  let cache = STORY_DATES.get(previous);
  if (!cache) STORY_DATES.set(previous, (cache = { scanned: 0, story: null }));
  for (; cache.story === null && cache.scanned < previous.length; cache.scanned++) {
    const r = previous[cache.scanned].resolved;
    if (r.value === null || (r.basis !== 'explicit' && r.basis !== 'context') || (r.precision !== 'day' && r.precision !== 'month')) continue;
    cache.story = parseAnchor(r.value.slice(0, 7));
  }
  return cache.story ? yearFor(cache.story, month, null, null) : null;
}
const STORY_DATES = new WeakMap<object, { scanned: number; story: Anchor | null }>();

/** The anchor itself at its own precision: a day-level expression in a month-dated article keeps the month. */
function coarse(anchor: Anchor, basis: Basis): Resolved {
  if (anchor.month === null) return { value: pad4(anchor.year), precision: 'year', basis };
  if (anchor.day === null) return { value: formatMonth(anchor.year, anchor.month), precision: 'month', basis };
  return { value: formatDay(anchor.year, anchor.month, anchor.day), precision: 'day', basis };
}

function shiftDays(anchor: Anchor, days: number, basis: Basis): Resolved {
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

/** "jeudi 3": the month around the anchor in which the 3rd is a Thursday, the anchor's own month first. */
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

/**
 * "du 28 décembre au 3 janvier 2021": a day or month without a year takes the year of an
 * explicit date in the same sentence (the year before when it comes first and falls later in the year).
 */
function yearFromSentence(index: number, hits: Hit[], sentences: Span[], month: number): number | null {
  const hit = hits[index];
  const sentence = sentenceAt(sentences, hit.start);
  if (!sentence) return null;
  let best: { year: number; month: number; after: boolean; distance: number } | null = null;
  const consider = (other: Hit, after: boolean): void => {
    const o = other.reading;
    if ((o.kind !== 'day' && o.kind !== 'month') || o.year === null) return;
    const distance = after ? other.start - hit.end : hit.start - other.end;
    if (!best || distance < best.distance) best = { year: o.year, month: o.month, after, distance };
  };
  for (let j = index - 1; j >= 0 && hits[j].start >= sentence.start; j--) consider(hits[j], false);
  for (let j = index + 1; j < hits.length && hits[j].end <= sentence.end; j++) consider(hits[j], true);
  if (!best) return null;
  const found: { year: number; month: number; after: boolean } = best;
  return found.after && month > found.month ? found.year - 1 : found.year;
}
