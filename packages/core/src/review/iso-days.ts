// Calendar days in UTC, so that a forecast never depends on the machine's time zone or clock.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** The last date a forecast writes; later projections are reported as "not within any useful horizon". */
export const LAST_DAY = dayNumber('9999-12-31') as number;

/** Days since 1970-01-01 (UTC) of an ISO date `YYYY-MM-DD`, or null when it is not a real calendar date. */
export function dayNumber(date: unknown): number | null {
  if (typeof date !== 'string') return null;
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = new Date(0);
  // setUTCFullYear, unlike Date.UTC, keeps years 0–99 as written.
  time.setUTCFullYear(year, month - 1, day);
  if (time.getUTCFullYear() !== year || time.getUTCMonth() !== month - 1 || time.getUTCDate() !== day)
    return null;
  return Math.round(time.getTime() / MS_PER_DAY);
}

/** The ISO date `YYYY-MM-DD` of a day number (days since 1970-01-01, UTC). */
export function isoDate(day: number): string {
  const time = new Date(day * MS_PER_DAY);
  const year = String(time.getUTCFullYear()).padStart(4, '0');
  const month = String(time.getUTCMonth() + 1).padStart(2, '0');
  const date = String(time.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${date}`;
}
