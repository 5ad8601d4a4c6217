/** The calendar period a normalized date value (`dates.value` format) covers: [start, end). */
export interface Period {
  start: Date;
  end: Date;
}

const utc = (year: number, monthIndex = 0, day = 1) => new Date(Date.UTC(year, monthIndex, day));

// Astronomical seasons, rounded to the day; winter runs into the next year.
const SEASONS: Record<string, [number, number, number, number]> = {
  SP: [2, 20, 5, 21],
  SU: [5, 21, 8, 22],
  FA: [8, 22, 11, 21],
  WI: [11, 21, 14, 20],
};

/** Null when the value is null or not in the `dates.value` format. */
export function periodOf(value: string | null): Period | null {
  if (value == null) return null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value))) {
    const start = utc(+m[1], +m[2] - 1, +m[3]);
    return { start, end: utc(+m[1], +m[2] - 1, +m[3] + 1) };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return { start: utc(+m[1], +m[2] - 1), end: utc(+m[1], +m[2]) };
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) {
    const start = isoWeekMonday(+m[1], +m[2]);
    return { start, end: new Date(start.getTime() + 7 * 86_400_000) };
  }
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) {
    const [m1, d1, m2, d2] = SEASONS[m[2]];
    return { start: utc(+m[1], m1, d1), end: utc(+m[1], m2, d2) };
  }
  if ((m = /^(\d{4})$/.exec(value))) return { start: utc(+m[1]), end: utc(+m[1] + 1) };
  if ((m = /^(\d{3})$/.exec(value))) return { start: utc(+m[1] * 10), end: utc(+m[1] * 10 + 10) };
  if ((m = /^(\d{2})$/.exec(value))) return { start: utc(+m[1] * 100), end: utc(+m[1] * 100 + 100) };
  return null;
}

export function midpoint(p: Period): Date {
  return new Date((p.start.getTime() + p.end.getTime()) / 2);
}

function isoWeekMonday(year: number, week: number): Date {
  // ISO week 1 is the week holding January 4th.
  const jan4 = utc(year, 0, 4);
  const mondayOfWeek1 = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(mondayOfWeek1 + (week - 1) * 7 * 86_400_000);
}
