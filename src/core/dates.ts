/** Calendar dates as whole days, UTC, so no time zone moves a due date. */

const MS_PER_DAY = 86_400_000;
/** Excel's serial 0 is 1899-12-30 in the 1900 date system (the 1900 leap-year bug included). */
const EXCEL_EPOCH_DAY = Date.UTC(1899, 11, 30) / MS_PER_DAY;

/** True when a text names a year of this century or the last ("As at 1 January 2018", "2023/24"): a dated line. */
export function namesYear(text: string): boolean {
  return /\b(?:19|20)\d{2}\b/.test(text);
}

/** Day number (days since 1970-01-01) of a calendar date; month is 1-12. */
export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** True when year, month (1-12) and day form a real calendar date. */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= lastDayOfMonth(year, month);
}

/** The last day (28-31) of a month; month is 1-12. */
export function lastDayOfMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day number of the last day of a month. */
export function endOfMonth(year: number, month: number): number {
  return dayNumber(year, month, lastDayOfMonth(year, month));
}

/** ISO `YYYY-MM-DD` for a day number. */
export function toIso(day: number): string {
  let iso = ISO_OF_DAY.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    // Due dates repeat down a table: each day is formatted once, not on every row.
    if (ISO_OF_DAY.size > 10_000) ISO_OF_DAY.clear();
    ISO_OF_DAY.set(day, iso);
  }
  return iso;
}

const ISO_OF_DAY = new Map<number, string>();

/** Day number for an ISO `YYYY-MM-DD`; null when it is not a real date. */
export function fromIso(iso: string): number | null {
  let day = ISO_DAYS.get(iso);
  if (day === undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
    const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
    day = m && isValidDate(y, mo, d) ? dayNumber(y, mo, d) : null;
    // Due dates repeat down a table; remembering them keeps the parse off the per-row path.
    if (ISO_DAYS.size > 10_000) ISO_DAYS.clear();
    ISO_DAYS.set(iso, day);
  }
  return day;
}

const ISO_DAYS = new Map<string, number | null>();

/** Year, month (1-12) and day of a day number. */
export function parts(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Day number for an Excel date serial (whole days; the time of day is dropped). */
export function fromSerial(serial: number): number {
  return Math.floor(serial) + EXCEL_EPOCH_DAY;
}

/** Excel date serial for a day number. */
export function toSerial(day: number): number {
  return day - EXCEL_EPOCH_DAY;
}

/**
 * A date code written in the account's language, as Excel on the web has been seen to return number formats
 * (office-js #2824, #1553: `TT.MM.JJJJ` in German, `jj/mm/aaaa` in French, `ДД.ММ.ГГГГ` in Russian): two or
 * three runs of one repeated letter (day, month, year in some order) between date separators, with at most a
 * time after them. Number formats never look like this: they are built from `0`, `#`, `?` and `%`.
 */
function isLocalisedDateCode(code: string): boolean {
  const [date = '', ...time] = code.trim().split(/\s+(?=[\p{L}]+:)/u);
  if (time.some((t) => !/^[\p{L}:.\s]+$/u.test(t))) return false;
  const runs = date.split(/[./\-\s,]+/u).filter((r) => r !== '');
  if (runs.length < 2 || runs.length > 3) return false;
  if (!runs.every((r) => /^(\p{L})\1{0,3}$/u.test(r))) return false;
  const letters = new Set(runs.map((r) => r[0]));
  return letters.size === runs.length && runs.some((r) => r.length >= 2);
}

/**
 * True when an Excel number format shows a date: d, or m with y, or a named date format in en-US codes (as
 * `Range.numberFormat` gives them by design, office-js #229), or a date code in the account's language.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  // Drop quoted text, escapes and colour/condition brackets before looking for date codes.
  const code = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .toLowerCase();
  if (code === 'general' || code === '@') return false;
  // A word of several letters is a named format in some language ("Standard", "Texte", "G/標準"), never a date code.
  if (/^\p{L}+$/u.test(code) && !/^(\p{L})\1*$/u.test(code)) return false;
  return /[dy]/.test(code) || /m{3,}/.test(code) || isLocalisedDateCode(code);
}

/** Today's date as ISO from a clock reading, for composition roots (the core takes `today` as an option). */
export function isoFromDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** "26 November 2026, 10:04": when a report was written, in local time, for people. */
export function stampFromDate(date: Date): string {
  const day = dayNumber(date.getFullYear(), date.getMonth() + 1, date.getDate());
  return `${formatLong(day)}, ${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** "31 March 2002" for a day number: how dates are written for people. */
export function formatLong(day: number): string {
  let text = LONG.get(day);
  if (text === undefined) {
    const p = parts(day);
    text = `${p.day} ${MONTH_NAMES[p.month - 1] ?? ''} ${p.year}`;
    if (LONG.size > 10_000) LONG.clear();
    LONG.set(day, text);
  }
  return text;
}

const LONG = new Map<number, string>();

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
