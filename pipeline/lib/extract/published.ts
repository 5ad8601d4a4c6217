import type { Removal } from '../clean.ts';
import { sentenceAt, splitSentences } from '../text/sentences.ts';
import type { DocumentRecord } from '../types.generated.ts';
import { formatDay, formatMonth, isValidDay, pad4, weekdayOf } from './dates/calendar.ts';
import { MONTHS_EN, MONTHS_FR, WEEKDAYS } from './dates/patterns.ts';
import { directionAround } from './dates/tense.ts';
import { isCalendarDate } from './dates/calendar.ts';

export type Published = Pick<DocumentRecord, 'published' | 'published_precision' | 'published_basis'>;

const UNKNOWN: Published = { published: null, published_precision: null, published_basis: 'unknown' };

const MONTH_FR = '(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre)';
const MONTH_EN = '(January|February|March|April|May|June|July|August|September|October|November|December)';
const DAY = '(1er|[12]\\d|3[01]|0?[1-9])';
const SP = '[ \\t\\u00a0\\u202f]+';
const POST_DATE_EN_RE = new RegExp(`${MONTH_EN}${SP}(\\d{1,2}),?${SP}(\\d{4})`, 'g');
const POST_DATE_FR_RE = new RegExp(`${DAY}${SP}${MONTH_FR}${SP}(\\d{4})`, 'giu');
// "Publié le 14 septembre 2020", "Mis à jour le 14/09/2020": the article states its own date
const SELF_DATED_RE = new RegExp(`(?:publi[ée]|mis${SP}à${SP}jour)${SP}le${SP}(?:${DAY}${SP}${MONTH_FR}${SP}(\\d{4})|(\\d{1,2})/(\\d{1,2})/(\\d{4}))`, 'iu');
// "KIEV, 15 mars 2023 (AFP) -", "Paris, le 10 juillet 2025 (AFP)", "BRUXELLES, mardi 3 mai 2022 (Belga) –": a
// dateline opening the text, a place then a full date before the agency or a dash, is the filing date
const DATELINE_DATE = `(?:[Ll]e${SP})?(?:(?:[Ll]undi|[Mm]ardi|[Mm]ercredi|[Jj]eudi|[Vv]endredi|[Ss]amedi|[Dd]imanche)${SP})?${DAY}${SP}${MONTH_FR}${SP}(\\d{4})(?:${SP}à${SP}\\d{1,2}[h:]\\d{0,2})?[ \t\u00a0]*`;
const DATELINE_RE = new RegExp(
  `^[ \t\u00a0]*(?:\\p{Lu}[\\p{L}\\p{M}'’\\-]*(?:[ \\-](?:\\p{Lu}[\\p{L}\\p{M}'’\\-]*|de|du|des|la|le|sur|en|d['’]\\p{Lu}[\\p{L}\\p{M}]*)){0,3},${SP}${DATELINE_DATE}(?:\\([^)\n]{1,30}\\)|[-–—])|${DATELINE_DATE}\\((?:AFP|Belga|Reuters|AP|ATS|DPA|ANP|RFI|Xinhua)\\))`,
  'u',
);
// "lundi 14 septembre" without a year: the weekday fixes the year once the text gives one nearby
const WEEKDAY_DATE_RE = new RegExp(`(?<![\\p{L}\\d])(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)${SP}${DAY}${SP}${MONTH_FR}(?![\\p{L}\\d]|${SP}\\d)`, 'giu');
const YEAR_RE = /(?<![\p{L}\d])(19\d{2}|20\d{2})(?![\p{L}\d])/gu;

const dayNumber = (s: string): number => (/^1er$/i.test(s) ? 1 : Number(s));
const frenchMonth = (s: string): number => MONTHS_FR.get(s.toLowerCase())!;

/**
 * The document date: the header when it holds a real date; else the precision the
 * text's own explicit evidence supports (guidelines §0); else unknown. Never the clock.
 */
export function documentDate(headerDate: string | null, text: string, removals: Removal[]): Published {
  if (headerDate && isCalendarDate(headerDate)) {
    return { published: headerDate, published_precision: headerDate.length === 7 ? 'month' : 'day', published_basis: 'header' };
  }
  return selfDated(text) ?? dateline(text) ?? embeddedPostDate(removals) ?? upcomingWeekdayDate(text) ?? UNKNOWN;
}

function selfDated(text: string): Published | null {
  const m = SELF_DATED_RE.exec(text);
  if (!m) return null;
  const [year, month, day] = m[3] ? [Number(m[3]), frenchMonth(m[2]), dayNumber(m[1])] : [Number(m[6]), Number(m[5]), Number(m[4])];
  if (!isValidDay(year, month, day)) return null;
  return { published: formatDay(year, month, day), published_precision: 'day', published_basis: 'inferred' };
}

function dateline(text: string): Published | null {
  const m = DATELINE_RE.exec(text.slice(0, 160));
  if (!m) return null;
  const [d, mo, y] = m[1] !== undefined ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]];
  const [year, month, day] = [Number(y), frenchMonth(mo), dayNumber(d)];
  if (!isValidDay(year, month, day)) return null;
  return { published: formatDay(year, month, day), published_precision: 'day', published_basis: 'inferred' };
}

/** An article is published on or shortly after the posts it embeds: the latest one gives the month. */
function embeddedPostDate(removals: Removal[]): Published | null {
  let latest: [number, number] | null = null;
  for (const removal of removals) {
    if (removal.reason !== 'social_media_post' && removal.reason !== 'social_media_attribution') continue;
    for (const [year, month, day] of postDates(removal.text)) {
      if (!isValidDay(year, month, day)) continue;
      if (!latest || year * 12 + month > latest[0] * 12 + latest[1]) latest = [year, month];
    }
  }
  return latest ? { published: formatMonth(latest[0], latest[1]), published_precision: 'month', published_basis: 'inferred' } : null;
}

function postDates(text: string): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  POST_DATE_EN_RE.lastIndex = 0;
  for (let m = POST_DATE_EN_RE.exec(text); m; m = POST_DATE_EN_RE.exec(text)) out.push([Number(m[3]), MONTHS_EN.get(m[1].toLowerCase())!, Number(m[2])]);
  POST_DATE_FR_RE.lastIndex = 0;
  for (let m = POST_DATE_FR_RE.exec(text); m; m = POST_DATE_FR_RE.exec(text)) out.push([Number(m[3]), frenchMonth(m[2]), dayNumber(m[1])]);
  return out;
}

/**
 * "Une visite est programmée lundi 14 septembre": an upcoming weekday and date fix the year
 * among the latest year the text names and the next one, when exactly one of them fits. The
 * article comes before that day; from the tenth of the month on it is very likely the same month.
 */
function upcomingWeekdayDate(text: string): Published | null {
  let latestYear = 0;
  YEAR_RE.lastIndex = 0;
  for (let m = YEAR_RE.exec(text); m; m = YEAR_RE.exec(text)) latestYear = Math.max(latestYear, Number(m[1]));
  if (!latestYear) return null;
  const sentences = splitSentences(text);
  WEEKDAY_DATE_RE.lastIndex = 0;
  for (let m = WEEKDAY_DATE_RE.exec(text); m; m = WEEKDAY_DATE_RE.exec(text)) {
    const weekday = WEEKDAYS.get(m[1].toLowerCase())!;
    const day = dayNumber(m[2]);
    const month = frenchMonth(m[3]);
    const sentence = sentenceAt(sentences, m.index);
    if (!sentence || directionAround(text, sentence.start, sentence.end, m.index, m.index + m[0].length) !== 'future') continue;
    const fitting = [latestYear, latestYear + 1].filter((y) => isValidDay(y, month, day) && weekdayOf(y, month, day) === weekday);
    if (fitting.length !== 1) continue;
    const year = fitting[0];
    if (day >= 10) return { published: formatMonth(year, month), published_precision: 'month', published_basis: 'inferred' };
    if (month > 1) return { published: pad4(year), published_precision: 'year', published_basis: 'inferred' };
  }
  return null;
}
