import type { Removal } from '../clean.ts';
import type { Doc } from '../nlp/doc.ts';
import { POS, TENSE, tensesOf } from '../nlp/lexicon.ts';
import { Gap, Kind, type Token } from '../nlp/tokens.ts';
import type { DocumentRecord } from '../types.generated.ts';
import { formatDay, formatMonth, isCalendarDate, isValidDay, pad4, parseAnchor, weekdayOf, type Anchor } from './dates/calendar.ts';
import { dayOf, directionReader, explicitYearOf, type DateHit } from './dates.ts';

/**
 * When the article was written (annotation guidelines §0 and §1): the document date, from the
 * header or else from the text's own explicit evidence, and the day of publication the text
 * gives (a dateline, a byline, `ce mercredi 4 décembre`), from which weekdays are counted.
 * Read from the temporal expressions already found, so the text is scanned once.
 */

export type Published = Pick<DocumentRecord, 'published' | 'published_precision' | 'published_basis'>;

export interface Publication extends Published {
  /** The day of publication the text gives, when it is finer than `published`. */
  textDay: string | null;
}

/** The dates of an embedded post the cleaning removed (a tweet's attribution line): the article comes after them. */
export interface PostDates {
  doc: Doc;
  hits: DateHit[];
}

const UNKNOWN: Published = { published: null, published_precision: null, published_basis: 'unknown' };
const AGENCY_OPEN = new Set(['(', '-', '–', '—', ':']);
const SELF_DATING = new Set(['publié', 'publiée', 'actualisé', 'actualisée', 'modifié', 'modifiée', 'posté', 'postée']);
const DATELINE_JOINERS = new Set(['de', 'du', 'des', 'la', 'le', 'sur', 'en', '-', "d'", 'et']);
/** Paragraphs at the head of an article where a dateline may stand (after a title and a caption). */
const DATELINE_PARAGRAPHS = 3;

export function publicationOf(doc: Doc, hits: DateHit[], header: string | null, posts: PostDates[] = []): Publication {
  const direction = directionReader(doc);
  const headerDate = header && isCalendarDate(header) ? header : null;
  const stamped = selfDated(doc, hits) ?? dateline(doc, hits, parseAnchor(headerDate));
  let published: Published;
  if (headerDate) published = { published: headerDate, published_precision: headerDate.length === 7 ? 'month' : 'day', published_basis: 'header' };
  else if (stamped) published = { published: stamped, published_precision: 'day', published_basis: 'inferred' };
  else published = embeddedPostMonth(posts) ?? upcomingWeekdayDate(hits, direction) ?? leadDate(doc, hits, direction) ?? yearSpokenOfInThePresent(doc, hits, direction) ?? UNKNOWN;
  const anchor = parseAnchor(published.published);
  if (!anchor || anchor.day !== null) return { ...published, textDay: null };
  const textDay = stamped ?? todayWithDate(doc, hits, anchor, direction);
  return { ...published, textDay: textDay && within(textDay, anchor) ? textDay : null };
}

const within = (day: string, anchor: Anchor): boolean => {
  const d = parseAnchor(day)!;
  return d.year === anchor.year && (anchor.month === null || d.month === anchor.month);
};

const format = (day: [number, number, number] | null): string | null => (day ? formatDay(...day) : null);

/** `Publié le 14 septembre 2020`, `Mis à jour le 02/03/2021`, `28/04/2018 à 07:58`: the article dates itself. */
function selfDated(doc: Doc, hits: DateHit[]): string | null {
  const { tokens } = doc;
  for (const hit of hits) {
    const day = dayOf(hit, null);
    if (!day) continue;
    let k = hit.first - 1;
    if (tokens[k]?.lower === 'le') k--;
    const w = tokens[k]?.lower ?? '';
    if (SELF_DATING.has(w) || (w === 'jour' && tokens[k - 1]?.lower === 'à' && /^mise?$/.test(tokens[k - 2]?.lower ?? ''))) return formatDay(...day);
    // a numeric date with its time of day is a timestamp
    const numeric = tokens[hit.first].kind === Kind.Number && tokens[hit.first + 1]?.text === '/';
    if (numeric && tokens[hit.last]?.lower === 'à' && isTimeOfDay(tokens, hit.last + 1)) return formatDay(...day);
  }
  return null;
}

const isTimeOfDay = (tokens: Token[], i: number): boolean =>
  /^\d{1,2}(?:[h:]\d{2}|h)?$/.test(tokens[i]?.lower ?? '') && (tokens[i].lower.length > 2 || /^(?:h|:)$/.test(tokens[i + 1]?.lower ?? ''));

/**
 * `KIEV, 15 mars 2023 (AFP) -`, `Kinshasa, 27 juin 2025-`, `12 octobre 2023 (AFP)`: a place and
 * a date opening one of the first paragraphs, before the agency or a dash, give the filing day.
 */
function dateline(doc: Doc, hits: DateHit[], header: Anchor | null): string | null {
  const { tokens } = doc;
  let paragraphs = 0;
  for (let h = 0, i = 0; i < tokens.length && paragraphs <= DATELINE_PARAGRAPHS; i++) {
    if (tokens[i].gap !== Gap.Paragraph && i > 0) continue;
    paragraphs++;
    while (h < hits.length && hits[h].first < i) h++;
    const hit = hits[h];
    if (!hit || hit.first > i + 8) continue;
    if (!opensWithPlace(tokens, i, hit.first)) continue;
    const next = tokens[hit.last];
    if (!next || !AGENCY_OPEN.has(next.text) || (next.text === '(' && !agencyAt(tokens, hit.last + 1))) continue;
    const day = dayOf(hit, header);
    if (day) return formatDay(...day);
  }
  return null;
}

/** Tokens [from, to) are empty, or a capitalised place name then a comma (and `le`, a weekday the hit leaves out). */
function opensWithPlace(tokens: Token[], from: number, to: number): boolean {
  if (from === to) return true;
  let k = from;
  if (!tokens[k].cap) return false;
  while (k < to && (tokens[k].cap || DATELINE_JOINERS.has(tokens[k].lower))) {
    if (tokens[k].gap >= Gap.Line && k > from) return false;
    k++;
  }
  if (tokens[k]?.text !== ',') return false;
  k++;
  if (tokens[k]?.lower === 'le') k++;
  return k === to;
}

const agencyAt = (tokens: Token[], i: number): boolean => tokens[i]?.cap === true && tokens[i + 1]?.text === ')';

/**
 * `ce vendredi 13 décembre`, `aujourd'hui 4 décembre`: today, with its date. An announced
 * (`ce samedi 10 décembre aura lieu`) day is no evidence of today.
 */
function todayWithDate(doc: Doc, hits: DateHit[], anchor: Anchor, direction: ReturnType<typeof directionReader>): string | null {
  const { tokens } = doc;
  for (const hit of hits) {
    const r = hit.reading;
    if (r.kind !== 'day') continue;
    const today = (tokens[hit.first].lower === 'ce' && r.weekday !== null) || tokens[hit.first - 1]?.lower === "aujourd'hui" || (tokens[hit.first - 1]?.text === ',' && tokens[hit.first - 2]?.lower === "aujourd'hui");
    if (!today || direction(hit, r.direction) === 'future') continue;
    const day = dayOf(hit, anchor);
    if (day && (r.weekday === null || weekdayOf(...day) === r.weekday)) return format(day);
  }
  return null;
}

/** An article is published on or shortly after the posts it embeds: the latest one gives the month. */
function embeddedPostMonth(posts: PostDates[]): Published | null {
  let latest: [number, number] | null = null;
  for (const post of posts) {
    for (const hit of post.hits) {
      const day = dayOf(hit, null);
      if (day && (!latest || day[0] * 12 + day[1] > latest[0] * 12 + latest[1])) latest = [day[0], day[1]];
    }
  }
  return latest ? { published: formatMonth(...latest), published_precision: 'month', published_basis: 'inferred' } : null;
}

const latestYear = (hits: DateHit[]): number => hits.reduce((max, h) => Math.max(max, explicitYearOf(h) ?? 0), 0);

/**
 * `Une visite est programmée lundi 14 septembre`: an upcoming weekday and date fix the year
 * among the latest year the text names and the next one, when exactly one of them fits. The
 * article comes before that day; from the tenth of the month on it is very likely the same month.
 */
function upcomingWeekdayDate(hits: DateHit[], direction: ReturnType<typeof directionReader>): Published | null {
  const latest = latestYear(hits);
  if (!latest) return null;
  for (const hit of hits) {
    const r = hit.reading;
    if (r.kind !== 'day' || r.weekday === null || r.year !== null || direction(hit, r.direction) !== 'future') continue;
    const fitting = [latest, latest + 1].filter((y) => isValidDay(y, r.month, r.day) && weekdayOf(y, r.month, r.day) === r.weekday);
    if (fitting.length !== 1) continue;
    if (r.day >= 10) return { published: formatMonth(fitting[0], r.month), published_precision: 'month', published_basis: 'inferred' };
    if (r.month > 1) return { published: pad4(fitting[0]), published_precision: 'year', published_basis: 'inferred' };
  }
  return null;
}

/**
 * `se sont réunis pour leur premier sommet, le samedi 6 juillet 2024`: the full date the lead
 * paragraph reports on gives the month, unless it is only background (`depuis`, pluperfect,
 * in parentheses) or the text names a later year.
 */
function leadDate(doc: Doc, hits: DateHit[], direction: ReturnType<typeof directionReader>): Published | null {
  const { tokens } = doc;
  const leadEnd = tokens.findIndex((t, i) => i > 0 && t.gap === Gap.Paragraph);
  const latest = latestYear(hits);
  for (const hit of hits) {
    if (leadEnd >= 0 && hit.first >= leadEnd) break;
    const r = hit.reading;
    if (r.kind !== 'day' || r.year === null || r.year < latest || !isValidDay(r.year, r.month, r.day)) continue;
    if (tokens[hit.first - (tokens[hit.first - 1]?.lower === 'le' ? 2 : 1)]?.lower === 'depuis' || insideParentheses(tokens, hit.first) || pluperfectAround(tokens, hit)) continue;
    if (direction(hit, r.direction) === 'future') continue;
    return { published: formatMonth(r.year, r.month), published_precision: 'month', published_basis: 'inferred' };
  }
  return null;
}

/**
 * `l'édition 2021 de Zapad montre une intégration plus grande`: the latest year the text names,
 * spoken of in the present tense, is the year of writing.
 */
function yearSpokenOfInThePresent(doc: Doc, hits: DateHit[], direction: ReturnType<typeof directionReader>): Published | null {
  const latest = latestYear(hits);
  if (!latest) return null;
  for (const hit of hits) {
    if (hit.reading.kind !== 'year' || hit.reading.year !== latest) continue;
    if (insideParentheses(doc.tokens, hit.first) || /^(?:depuis|avant|après|jusqu'|dès)$/.test(doc.tokens[hit.first - 1]?.lower ?? '')) continue;
    if (direction(hit) === null && presentVerbInSentence(doc, hit)) return { published: pad4(latest), published_precision: 'year', published_basis: 'inferred' };
  }
  return null;
}

function presentVerbInSentence(doc: Doc, hit: DateHit): boolean {
  const s = doc.sentences[doc.tokens[hit.first].sent];
  const { tokens } = doc;
  for (let i = s.first; i < s.last; i++) {
    const t = tokens[i];
    if (t.pos & (POS.VERB | POS.AUX) && tensesOf(t.lex) & TENSE.P && !(tokens[i - 1] && tokens[i - 1].pos & POS.DET)) return true;
  }
  return false;
}

function insideParentheses(tokens: Token[], at: number): boolean {
  for (let k = at - 1; k >= 0 && k >= at - 60; k--) {
    if (tokens[k].text === ')' || tokens[k].gap >= Gap.Paragraph) return false;
    if (tokens[k].text === '(') return true;
  }
  return false;
}

/** `avait été arrêté le 3 mars 2019`: a pluperfect auxiliary in the clause before. */
function pluperfectAround(tokens: Token[], hit: DateHit): boolean {
  for (let k = hit.first - 1; k >= 0 && k >= hit.first - 12; k--) {
    if (tokens[k].text === '.' || tokens[k].text === ';') return false;
    if (/^(?:avait|avaient|étaient|était)$/.test(tokens[k].lower)) return true;
  }
  return false;
}
