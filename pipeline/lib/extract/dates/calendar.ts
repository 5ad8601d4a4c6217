// Calendar arithmetic on plain numbers (UTC, proleptic Gregorian): no Date parsing of strings, no clock.

export type Precision = 'day' | 'week' | 'month' | 'season' | 'year' | 'decade' | 'century';
export type Season = 'SP' | 'SU' | 'FA' | 'WI';

/** A resolved anchor: the document date, or a date found in the text. */
export interface Anchor {
  year: number;
  month: number | null; // 1-12
  day: number | null;
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');
export const pad4 = (n: number): string => String(n).padStart(4, '0');

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** 0 = Monday ... 6 = Sunday. */
export function weekdayOf(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

export function addDays(year: number, month: number, day: number, delta: number): [number, number, number] {
  const d = new Date(Date.UTC(year, month - 1, day + delta));
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

export function addMonths(year: number, month: number, delta: number): [number, number] {
  const index = year * 12 + (month - 1) + delta;
  return [Math.floor(index / 12), (index % 12) + 1];
}

/** ISO 8601 week: [week-numbering year, week]. */
export function isoWeek(year: number, month: number, day: number): [number, number] {
  const thursday = new Date(Date.UTC(year, month - 1, day));
  thursday.setUTCDate(thursday.getUTCDate() + 4 - (thursday.getUTCDay() || 7));
  const weekYear = thursday.getUTCFullYear();
  const yearStart = Date.UTC(weekYear, 0, 1);
  return [weekYear, Math.ceil(((thursday.getTime() - yearStart) / 86_400_000 + 1) / 7)];
}

export const formatDay = (y: number, m: number, d: number): string => `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
export const formatMonth = (y: number, m: number): string => `${pad4(y)}-${pad2(m)}`;
export const formatWeek = (y: number, m: number, d: number): string => {
  const [wy, w] = isoWeek(y, m, d);
  return `${pad4(wy)}-W${pad2(w)}`;
};

/** The season a month falls in; January and February belong to the winter named after their year. */
export function seasonOfMonth(month: number): Season {
  if (month >= 3 && month <= 5) return 'SP';
  if (month >= 6 && month <= 8) return 'SU';
  if (month >= 9 && month <= 11) return 'FA';
  return 'WI';
}

export function romanToInt(roman: string): number | null {
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  const s = roman.toUpperCase();
  for (let i = 0; i < s.length; i++) {
    const v = values[s[i]];
    if (v === undefined) return null;
    const next = values[s[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total > 0 ? total : null;
}

/** Parses a document date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export function parseAnchor(value: string | null): Anchor | null {
  if (!value) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return null;
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : null, day: m[3] ? Number(m[3]) : null };
}

/** `YYYY-MM` or `YYYY-MM-DD` naming a day or month that exists in the calendar. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!m) return false;
  const [year, month] = [Number(m[1]), Number(m[2])];
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}
