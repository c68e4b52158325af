/**
 * How Excel reads a string written through `Range.values`: as if the user had typed it, in en-US, whatever
 * the user's locale. By design, per Microsoft: office-js #1559 (https://github.com/OfficeDev/office-js/issues/1559)
 * and #229 (https://github.com/OfficeDev/office-js/issues/229): "1.10" becomes 1.1, "007" 7, "3/4" the 4th of
 * March, "TRUE" a boolean, "31 March 2002" a date, "50%" 0.5. Text stays text only when the cell is formatted
 * as text ("@", set before the value) or the string starts with an apostrophe (Excel's quote prefix, which it
 * hides). The fake covers the common forms; anything it does not recognise stays text, as in Excel.
 */

type Scalar = string | number | boolean;

/** What typing `text` into a General cell gives: the value and, for dates and percentages, the format Excel sets. */
export interface TypedValue {
  readonly value: Scalar;
  readonly numberFormat?: string;
}

const FULL_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NUMBER = /^\(?\$?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\)?$/;

/** Days since Excel's epoch (1900 date system; serial 1 = 1 January 1900, with Excel's phantom 29 February 1900). */
export function dateSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** A month's full name or its three-letter abbreviation ("Sept" is not a month to Excel), 1-based. */
function month(word: string): number | null {
  const w = word.toLowerCase();
  const i = FULL_MONTHS.indexOf(w);
  if (i >= 0) return i + 1;
  const j = MONTHS.indexOf(w);
  return j >= 0 ? j + 1 : null;
}

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 1900 && y <= 9999;
}

function fullYear(y: string): number {
  const n = Number(y);
  // Excel's two-digit year window: 00-29 are 2000-2029, 30-99 are 1930-1999.
  return y.length <= 2 ? (n < 30 ? 2000 + n : 1900 + n) : n;
}

function asDate(text: string, thisYear: number): number | null {
  let m = /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2}|\d{4}))?$/.exec(text);
  if (m) {
    const [mo, d, y] = [Number(m[1]), Number(m[2]), m[3] === undefined ? thisYear : fullYear(m[3])];
    return validDate(y, mo, d) ? dateSerial(y, mo, d) : null;
  }
  m = /^(\d{1,2})[ -]([a-z]+)\.?,?(?:[ -](\d{2}|\d{4}))?$/i.exec(text);
  if (m) {
    const mo = month(m[2] ?? '');
    const [d, y] = [Number(m[1]), m[3] === undefined ? thisYear : fullYear(m[3])];
    return mo !== null && validDate(y, mo, d) ? dateSerial(y, mo, d) : null;
  }
  m = /^([a-z]+)\.? (\d{1,2}),? (\d{4})$/i.exec(text);
  if (m) {
    const mo = month(m[1] ?? '');
    const [d, y] = [Number(m[2]), Number(m[3])];
    return mo !== null && validDate(y, mo, d) ? dateSerial(y, mo, d) : null;
  }
  m = /^([a-z]+)[ -](\d{4})$/i.exec(text);
  if (m) {
    const mo = month(m[1] ?? '');
    const y = Number(m[2]);
    return mo !== null && validDate(y, mo, 1) ? dateSerial(y, mo, 1) : null;
  }
  return null;
}

/** The value Excel stores for `text` typed into a General cell (en-US); `thisYear` fills dates without a year. */
export function typedInput(text: string, thisYear = new Date().getFullYear()): TypedValue {
  const t = text.trim();
  if (t === '') return { value: text };
  if (/^true$/i.test(t)) return { value: true };
  if (/^false$/i.test(t)) return { value: false };
  const percent = /^(.+)%$/.exec(t);
  if (percent && NUMBER.test(percent[1] ?? '')) {
    const n = Number((percent[1] ?? '').replace(/[$,()]/g, ''));
    return { value: (percent[1]?.startsWith('(') ? -n : n) / 100, numberFormat: '0%' };
  }
  if (NUMBER.test(t) && t.startsWith('(') === t.endsWith(')')) {
    const n = Number(t.replace(/[$,()]/g, ''));
    return { value: t.startsWith('(') ? -n : n };
  }
  const serial = asDate(t, thisYear);
  if (serial !== null) return { value: serial, numberFormat: 'm/d/yyyy' };
  return { value: text };
}
