import { dayNumber, endOfMonth, isValidDate, parts } from '../dates';
import type { DateReading, FiscalYear } from '../types';
import { FISCAL_YEAR_END_MONTH } from '../vocabulary/dateWords';

/** The reading a UK body's sheet gets: day first, April-March financial years. */
export const UK_READING: DateReading = { order: 'dmy', fiscal: 'uk' };

/** How precisely a mention names its date; `relative` is a word such as "Immediate" (the document date). */
export type Precision = 'day' | 'month' | 'quarter' | 'half' | 'season' | 'financialYear' | 'year' | 'relative';

/** One date written in a piece of text, read as the last day it covers. */
export interface DateMention {
  /** Day number of the last day the mention covers (its due date). */
  readonly day: number;
  readonly precision: Precision;
  /** True when the year was not written and was placed from the reference date. */
  readonly yearInferred: boolean;
  /** A numeric date that does not exist ("31/09/2022"): `day` is meaningless and the mention sets no date. */
  readonly impossible?: boolean;
  readonly start: number;
  readonly end: number;
}

/** A mention before its position in the text is known. */
export type MentionValue = Omit<DateMention, 'start' | 'end'>;

/** One date form: a global pattern and how to read a match (null lets later patterns try the same text). */
export interface Pattern {
  readonly re: RegExp;
  readonly read: (m: RegExpExecArray, ref: number, refYear: number, original: string, reading: DateReading) => MentionValue | null;
}

const MONTH_KEYS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Month 1-12 from a month word ("Sept", "june"). */
export function monthNumber(word: string): number {
  return MONTH_KEYS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

/** A written year: four digits as is; two digits placed in the century nearest the reference year. */
export function fullYear(written: string, referenceYear: number): number {
  const digits = written.replace(/^'/, '');
  const n = Number(digits);
  if (digits.length !== 2) return n;
  const century = Math.floor(referenceYear / 100) * 100;
  const candidates = [century - 100 + n, century + n, century + 100 + n];
  return candidates.reduce((best, c) => (Math.abs(c - referenceYear) < Math.abs(best - referenceYear) ? c : best));
}

/** The year a financial year written "2002/03", "2002-2003", "02/03" ends in, or null if not consecutive. */
export function financialYearEnd(first: string, second: string, refYear: number): number | null {
  const a = fullYear(first, refYear);
  const expected = a + 1;
  const digits = second.length;
  if (digits === 4) return Number(second) === expected ? expected : null;
  const modulus = 10 ** digits;
  return Number(second) === expected % modulus ? expected : null;
}

/** The year written after a quarter, half or part of a year: a calendar year, or a financial year (ending in `endYear`). */
export type WrittenYear = { readonly financial: false; readonly year: number } | { readonly financial: true; readonly endYear: number };

/**
 * Reads "2022", "22", "2022/23", "FY 2022-23", "FY2025": a financial year when the text names one (a
 * second year, or "FY"/"fiscal year" before one year, which is the financial year ending in that year).
 */
export function writtenYear(fyWord: string | undefined, first: string, second: string | undefined, refYear: number): WrittenYear | null {
  if (second !== undefined) {
    const endYear = financialYearEnd(first, second, refYear);
    return endYear === null ? null : { financial: true, endYear };
  }
  if (fyWord) return { financial: true, endYear: fullYear(first, refYear) };
  return { financial: false, year: fullYear(first, refYear) };
}

/** The last day of the financial year ending in `endYear`: 31 March (UK), 30 September (US federal), 30 June (Australia). */
export function endOfFinancialYear(endYear: number, fiscal: FiscalYear = 'uk'): number {
  return endOfMonth(endYear, FISCAL_YEAR_END_MONTH[fiscal]);
}

/** The end of the financial year the day falls in. */
export function financialYearEndOf(day: number, fiscal: FiscalYear = 'uk'): number {
  const y = parts(day).year;
  const thisYear = endOfFinancialYear(y, fiscal);
  return day <= thisYear ? thisYear : endOfFinancialYear(y + 1, fiscal);
}

/** The first calendar month (1-12) of a financial year: the month after the one it ends in. */
export function financialYearStartMonth(fiscal: FiscalYear): number {
  return (FISCAL_YEAR_END_MONTH[fiscal] % 12) + 1;
}

/** A month counted from year 0, so month distances are plain subtraction. */
function monthIndex(year: number, month: number): number {
  return year * 12 + (month - 1);
}

/**
 * The occurrence of a run of months (1-12, or 13-14 for January-February of the next year, as in
 * winter) nearest the reference date, measured in whole months from the reference month to the
 * nearest month of the run (0 when the run covers it); a tie goes forward. So a month is placed
 * within six months either side: "End May" in a June paper is the May just gone. Returns the
 * first calendar year of the chosen run.
 */
export function nearestRunYear(months: readonly number[], ref: number): number {
  const p = parts(ref);
  const here = monthIndex(p.year, p.month);
  let best = p.year;
  let bestDistance = Infinity;
  for (const year of [p.year - 1, p.year, p.year + 1]) {
    const indices = months.map((m) => monthIndex(year, m));
    const first = Math.min(...indices);
    const last = Math.max(...indices);
    const distance = here < first ? first - here : here > last ? here - last : 0;
    // Later candidates win ties: a target as far ahead as behind is read as still to come.
    if (distance <= bestDistance) [best, bestDistance] = [year, distance];
  }
  return best;
}

/** The last day of a month written without a year, in its occurrence nearest the reference date. */
export function nearestMonthEnd(month: number, ref: number): number {
  return endOfMonth(nearestRunYear([month], ref), month);
}

/** A day and month written without a year, in its occurrence nearest the reference date (ties forward); null if never valid. */
export function nearestDay(month: number, day: number, ref: number): number | null {
  const y = parts(ref).year;
  let best: number | null = null;
  for (const year of [y - 1, y, y + 1]) {
    if (!isValidDate(year, month, day)) continue;
    const d = dayNumber(year, month, day);
    if (best === null || Math.abs(d - ref) <= Math.abs(best - ref)) best = d;
  }
  return best;
}
