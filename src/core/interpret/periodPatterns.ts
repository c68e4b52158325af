// Parts of a year written in words or codes ((T6)): quarters, halves, early/mid/late, "Immediate",
// financial- and calendar-year phrases. Each pattern reads a match as the last day it covers.
import { dayNumber, endOfMonth, parts } from '../dates';
import { endOfFinancialYear, financialYearEndOf, financialYearStartMonth, fullYear, writtenYear } from './dateParts';
import type { MentionValue, Pattern, WrittenYear } from './dateParts';
import type { FiscalYear } from '../types';
import {
  alternation,
  FISCAL_YEAR_WORDS,
  IMMEDIATE_WORDS,
  LAST_WORDS,
  NEXT_FINANCIAL_YEAR_WORDS,
  ORDINAL_WORDS,
  PART_OF_YEAR_WORDS,
  THIS_CALENDAR_YEAR_WORDS,
  THIS_FINANCIAL_YEAR_WORDS,
} from '../vocabulary/dateWords';

const ORDINAL = alternation([...Object.keys(ORDINAL_WORDS), ...LAST_WORDS]);
/** "fy", "fiscal year", "financial year", spaces allowed inside. */
const FY = FISCAL_YEAR_WORDS.map((w) => w.replace(/ /g, '\\s+')).join('|');
/** "of 2022", "2022/23", "of FY 2022-23", "of the financial year 2022/23": groups fy word, first year, second year. */
const YEAR_TAIL = `\\s*,?\\s*(?:(?:of|in)\\s+)?(?:the\\s+)?(?:(${FY})\\s*)?'?(\\d{4}|\\d{2})(?:\\s*[/\u2013-]\\s*(\\d{4}|\\d{2}))?\\b`;
/** The same after early/mid/late, four-digit years only ("late 12 months" is not 2012). */
const FULL_YEAR_TAIL = `(?:(?:of|in)\\s+)?(?:the\\s+)?(?:(${FY})\\s*)?(\\d{4})(?:\\s*[/\u2013-]\\s*(\\d{4}|\\d{2}))?\\b`;

/** An ordinal word or digit as a number, with "last"/"final" meaning the count-th part. */
function ordinal(word: string | undefined, count: number): number | null {
  if (word === undefined) return null;
  const w = word.toLowerCase();
  if (LAST_WORDS.includes(w)) return count;
  const n = ORDINAL_WORDS[w] ?? Number(w);
  return Number.isInteger(n) && n >= 1 && n <= count ? n : null;
}

/** The last day of the `months`-th month of a written year: calendar months from January, financial from the body's first month. */
function monthsInto(year: WrittenYear, months: number, fiscal: FiscalYear): number {
  if (!year.financial) return endOfMonth(year.year, months);
  // Months counted from January of the calendar year the financial year starts in (the year before it ends, unless it starts in January).
  const start = financialYearStartMonth(fiscal);
  const firstYear = start === 1 ? year.endYear : year.endYear - 1;
  const index = start - 1 + months - 1;
  return endOfMonth(firstYear + Math.floor(index / 12), (index % 12) + 1);
}

/** The last day of part `n` of `parts` of a written year. */
function partEnd(year: WrittenYear, n: number, partsInYear: number, fiscal: FiscalYear): number {
  return monthsInto(year, n * (12 / partsInYear), fiscal);
}

function yearFrom(m: RegExpExecArray, first: number, refYear: number): WrittenYear | null {
  return writtenYear(m[first], m[first + 1] ?? '', m[first + 2], refYear);
}

function periodMention(day: number, precision: MentionValue['precision'], yearInferred = false): MentionValue {
  return { day, precision, yearInferred };
}

export const PERIOD_PATTERNS: readonly Pattern[] = [
  // Quarters: Q2 2022, Quarter 2 2022, 2nd quarter of 2022, Fourth quarter of 2021, Q1 2002/03 (financial: April-June)
  {
    re: new RegExp(`\\b(?:q\\s?([1-4])|quarter\\s*([1-4])|(${ORDINAL})\\s+quarter)${YEAR_TAIL}`, 'g'),
    read: (m, _ref, refYear, _original, reading) => {
      const n = ordinal(m[1] ?? m[2] ?? m[3], 4);
      const year = yearFrom(m, 4, refYear);
      return n === null || year === null ? null : periodMention(partEnd(year, n, 4, reading.fiscal), 'quarter');
    },
  },
  // Year first: 2022 Q2, 2022/23 Q1, FY 2022-23 Quarter 3
  {
    re: new RegExp(`\\b(?:(${FY})\\s*)?(\\d{4})(?:\\s*[/\u2013-]\\s*(\\d{4}|\\d{2}))?\\s*[-,:]?\\s*(?:q\\s?|quarter\\s*)([1-4])\\b`, 'g'),
    read: (m, _ref, refYear, _original, reading) => {
      const year = yearFrom(m, 1, refYear);
      const n = ordinal(m[4], 4);
      return n === null || year === null ? null : periodMention(partEnd(year, n, 4, reading.fiscal), 'quarter');
    },
  },
  // Halves: H1 2023, Half 2 2023, first half of 2023, second half of 2023/24 (financial: October-March)
  {
    re: new RegExp(`\\b(?:h\\s?([12])|half\\s*([12])|(${ORDINAL})\\s+half)${YEAR_TAIL}`, 'g'),
    read: (m, _ref, refYear, _original, reading) => {
      const n = ordinal(m[1] ?? m[2] ?? m[3], 2);
      const year = yearFrom(m, 4, refYear);
      return n === null || year === null ? null : periodMention(partEnd(year, n, 2, reading.fiscal), 'half');
    },
  },
  // Early, mid, late: early 2023 (31 March), mid-2023 (30 June), late 2023 (31 December)
  {
    re: new RegExp(`\\b(${alternation(Object.keys(PART_OF_YEAR_WORDS))})(?:\\s*-\\s*|\\s+)${FULL_YEAR_TAIL}`, 'g'),
    read: (m, _ref, refYear, _original, reading) => {
      const word = (m[1] ?? '').toLowerCase();
      // "start in 2023" says when work begins, not when it is due: only "start of 2023" is a target.
      if ((word === 'start' || word === 'beginning') && !/\bof\b/.test(m[0])) return null;
      const part = PART_OF_YEAR_WORDS[word];
      const year = yearFrom(m, 2, refYear);
      return part === undefined || year === null ? null : periodMention(monthsInto(year, part, reading.fiscal), 'quarter');
    },
  },
  // Immediate(ly): due at the document date
  {
    re: new RegExp(`\\b(?:${alternation(IMMEDIATE_WORDS)})\\b`, 'g'),
    read: (_m, ref) => periodMention(ref, 'relative'),
  },
  // Next financial year: the end of the financial year after the document date's
  {
    re: new RegExp(`\\b(?:by\\s+)?(?:the\\s+)?(?:end\\s+of\\s+(?:the\\s+)?)?(?:${alternation(NEXT_FINANCIAL_YEAR_WORDS)})\\b`, 'g'),
    read: (_m, ref, _refYear, _original, reading) => {
      const end = financialYearEndOf(ref, reading.fiscal);
      return periodMention(endOfFinancialYear(parts(end).year + 1, reading.fiscal), 'financialYear', true);
    },
  },
  // End of the financial year (no year written): the end of the document date's financial year
  {
    re: new RegExp(`\\b(?:${alternation(THIS_FINANCIAL_YEAR_WORDS)})\\b`, 'g'),
    read: (_m, ref, _refYear, _original, reading) => periodMention(financialYearEndOf(ref, reading.fiscal), 'financialYear', true),
  },
  // One financial year named by its end: FY2024, FY 24, fiscal year 2025 (a second year is the two-year form, read later)
  {
    re: new RegExp(`\\b(?:${FY})\\s*'?(\\d{4}|\\d{2})\\b(?!\\s*[/\u2013-]\\s*\\d)`, 'g'),
    read: (m, _ref, refYear, _original, reading) =>
      periodMention(endOfFinancialYear(fullYear(m[1] ?? '', refYear), reading.fiscal), 'financialYear'),
  },
  // End of the calendar year (no year written): 31 December of the document date's year
  {
    re: new RegExp(`\\b(?:${alternation(THIS_CALENDAR_YEAR_WORDS)})\\b`, 'g'),
    read: (_m, ref) => periodMention(dayNumber(parts(ref).year, 12, 31), 'year', true),
  },
];
