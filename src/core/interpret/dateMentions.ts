import { dayNumber, endOfMonth, isValidDate, parts } from '../dates';
import {
  endOfFinancialYear,
  financialYearEnd,
  fullYear,
  monthNumber,
  nearestDay,
  nearestMonthEnd,
  nearestRunYear,
  UK_READING,
  type DateMention,
  type MentionValue,
  type Pattern,
} from './dateParts';
import type { DateReading } from '../types';
import { PERIOD_PATTERNS } from './periodPatterns';
import { SEASON_END_MONTH, SEASON_MONTHS } from '../vocabulary/dateWords';

export type { DateMention, Precision } from './dateParts';
export { fullYear, monthNumber } from './dateParts';

const MONTH_SOURCE =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const CHAIN_SEPARATOR = '\\s*(?:\\/|-|\u2013|\u2014|to|or|and|&|,)\\s*';
const YEAR_SOURCE = "'?(\\d{4}|\\d{2})";

/** Season end from the table: spring 31 May, summer 31 August, autumn 30 November, winter end of February (next year). */
function seasonEnd(season: string, year: number): number {
  const month = SEASON_END_MONTH[season] ?? 12;
  return endOfMonth(month < 3 ? year + 1 : year, month);
}

/** A day, or a numeric date that does not exist (a finding, not a guess: the text sets no date). */
function numericDay(y: number, mo: number, d: number): MentionValue {
  return isValidDate(y, mo, d)
    ? { day: dayNumber(y, mo, d), precision: 'day', yearInferred: false }
    : { day: 0, precision: 'day', yearInferred: false, impossible: true };
}

const PATTERNS: readonly Pattern[] = [
  // Year first: ISO 2002-06-30, 2019/11/14, 2019.11.14 (the same separator twice)
  {
    re: /\b(\d{4})([/.-])(\d{1,2})\2(\d{1,2})\b/g,
    read: (m) => {
      const [y, mo, d] = [Number(m[1]), Number(m[3]), Number(m[4])];
      // Month over 12 is not a year-month-day date at all ("2019.13.2" is a version); a day past the month's end is impossible.
      return mo >= 1 && mo <= 12 ? numericDay(y, mo, d) : null;
    },
  },
  // Numeric 05/04/2002, 5.4.02, 05-04-2002, 06/30/2023: in the column's order (day first unless it is month first);
  // the other order only when the column's is impossible; neither with "/" or "-" is an impossible date.
  {
    re: /\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})\b/g,
    read: (m, _ref, refYear, _original, reading) => {
      const y = fullYear(m[4] ?? '', refYear);
      const a = Number(m[1]);
      const b = Number(m[3]);
      const [day, month] = reading.order === 'mdy' ? [b, a] : [a, b];
      if (isValidDate(y, month, day)) return numericDay(y, month, day);
      if (isValidDate(y, day, month)) return numericDay(y, day, month);
      // "3.14.2" is more likely a paragraph number than a date; "31/09/2022" is a date that does not exist.
      return m[2] === '.' || a === 0 || b === 0 ? null : numericDay(y, month, day);
    },
  },
  ...PERIOD_PATTERNS,
  // A winter across two years: "Winter 2022/23" ends in February of the second
  {
    re: /\bwinter\s+(?:of\s+)?(\d{4}|\d{2})\s*[/\u2013-]\s*(\d{4}|\d{2})\b/g,
    read: (m, _ref, refYear) => {
      const end = financialYearEnd(m[1] ?? '', m[2] ?? '', refYear);
      return end === null ? null : { day: seasonEnd('winter', end - 1), precision: 'season', yearInferred: false };
    },
  },
  // Financial years: 2002/03, 2002/2003, 2002-03, FY 2002-03, FY02/03, End of 2002/2003
  {
    re: /\b(?:(fy|fiscal\s+year|financial\s+year)\s*)?(\d{4}|\d{2})\s*[/\u2013-]\s*(\d{4}|\d{1,2})\b/g,
    read: (m, _ref, refYear, _original, reading) => {
      const first = m[2] ?? '';
      if (first.length === 2 && !m[1]) return null; // "02/03" alone is too ambiguous without "FY"
      const end = financialYearEnd(first, m[3] ?? '', refYear);
      if (end !== null) return { day: endOfFinancialYear(end, reading.fiscal), precision: 'financialYear', yearInferred: false };
      // "2002-2004": a span of calendar years ends with the later one.
      if (first.length === 4 && (m[3] ?? '').length === 4 && Number(m[3]) > Number(first)) {
        return { day: dayNumber(Number(m[3]), 12, 31), precision: 'year', yearInferred: false };
      }
      return null;
    },
  },
  // 31st March 2002, 31 Mar 02, 31-Mar-03, 1st of June 2002
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:of\\s+)?[\\s-]?${MONTH_SOURCE}[\\s,\\-]*${YEAR_SOURCE}\\b`, 'g'),
    read: (m, _ref, refYear) => {
      const y = fullYear(m[3] ?? '', refYear);
      const mo = monthNumber(m[2] ?? '');
      const d = Number(m[1]);
      return isValidDate(y, mo, d) ? { day: dayNumber(y, mo, d), precision: 'day', yearInferred: false } : null;
    },
  },
  // March 31 2002, March 31st, 2002
  {
    re: new RegExp(`\\b${MONTH_SOURCE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'g'),
    read: (m) => {
      const y = Number(m[3]);
      const mo = monthNumber(m[1] ?? '');
      const d = Number(m[2]);
      return isValidDate(y, mo, d) ? { day: dayNumber(y, mo, d), precision: 'day', yearInferred: false } : null;
    },
  },
  // Month and year, or a run of months sharing a year: September 02, Sept 2002, Mar-03, May/June 2002, June - July 2002
  {
    re: new RegExp(`\\b${MONTH_SOURCE}((?:${CHAIN_SEPARATOR}${MONTH_SOURCE})*)[\\s,\\-]*${YEAR_SOURCE}\\b`, 'g'),
    read: (m, _ref, refYear) => {
      const months = [m[1] ?? '', ...[...(m[2] ?? '').matchAll(new RegExp(MONTH_SOURCE, 'g'))].map((x) => x[1] ?? '')];
      const written = m[4] ?? '';
      const y = fullYear(written, refYear);
      // "June 15" is more likely a day than 2015: two-digit years must sit near the reference year.
      if (written.replace("'", '').length === 2 && Math.abs(y - refYear) > 5) return null;
      const latest = Math.max(...months.map(monthNumber));
      return { day: endOfMonth(y, latest), precision: 'month', yearInferred: false };
    },
  },
  // 15 June, 1st of July (no year): the occurrence nearest the reference date
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_SOURCE}\\b`, 'g'),
    read: (m, ref) => {
      const day = nearestDay(monthNumber(m[2] ?? ''), Number(m[1]), ref);
      return day === null ? null : { day, precision: 'day', yearInferred: true };
    },
  },
  // Seasons: summer 2002, autumn 02, winter (no year: the occurrence nearest the reference date)
  {
    re: /\b(spring|summer|autumn|winter|fall)(?:\s+(?:of\s+)?'?(\d{4}|\d{2})\b)?/g,
    read: (m, ref, refYear) => {
      const season = m[1] ?? '';
      if (m[2] !== undefined) return { day: seasonEnd(season, fullYear(m[2], refYear)), precision: 'season', yearInferred: false };
      if (season === 'fall') return null; // "fall" without a year is a verb
      const day = seasonEnd(season, nearestRunYear(SEASON_MONTHS[season] ?? [], ref));
      return { day, precision: 'season', yearInferred: true };
    },
  },
  // A plain year: "end of 2002", "by 2003" (31 December)
  {
    re: /\b((?:19|20)\d{2})\b/g,
    read: (m) => ({ day: dayNumber(Number(m[1]), 12, 31), precision: 'year', yearInferred: false }),
  },
  // A month alone ("May meeting of BVPB"): written with a capital, since "may" and "march" are also verbs
  {
    re: new RegExp(`\\b${MONTH_SOURCE}\\b`, 'gi'),
    read: (m, ref, _refYear, original) => {
      const index = m.index;
      const first = original.charAt(index);
      if (first !== first.toUpperCase() || first === first.toLowerCase()) return null;
      return { day: nearestMonthEnd(monthNumber(m[1] ?? ''), ref), precision: 'month', yearInferred: true };
    },
  },
];

/** The dates written in a text, and the numeric dates in it that do not exist, as written ("31/09/2022"). */
export interface DateReadout {
  readonly mentions: DateMention[];
  readonly impossible: string[];
}

/**
 * Every date written in `text`, each as the last day it covers, read the column's way (UK by default:
 * day first, April-March financial years). `reference` (a day number) places two-digit and missing
 * years. Spans already read are not read again, so an impossible "2022/09/31" is not read as 2022.
 */
export function readDates(text: string, reference: number, reading: DateReading = UK_READING): DateReadout {
  // A row's timescale is read twice in a row (its due date, then its revisions): the second read is the first's answer.
  const last = lastRead;
  if (last.text === text && last.reference === reference && last.order === reading.order && last.fiscal === reading.fiscal)
    return last.readout;
  const readout = scan(text, reference, reading);
  lastRead = { text, reference, order: reading.order, fiscal: reading.fiscal, readout };
  return readout;
}

let lastRead: { text: string; reference: number; order: string; fiscal: string; readout: DateReadout } = {
  text: '',
  reference: NaN,
  order: '',
  fiscal: '',
  readout: { mentions: [], impossible: [] },
};

function scan(text: string, reference: number, reading: DateReading): DateReadout {
  const lower = text.toLowerCase();
  const taken: boolean[] = new Array<boolean>(lower.length).fill(false);
  const refYear = parts(reference).year;
  const mentions: DateMention[] = [];
  const impossible: string[] = [];
  for (const pattern of PATTERNS) {
    pattern.re.lastIndex = 0;
    const source = pattern.re.flags.includes('i') ? text : lower;
    for (let m = pattern.re.exec(source); m !== null; m = pattern.re.exec(source)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.slice(start, end).some(Boolean)) continue;
      const mention = pattern.read(m, reference, refYear, text, reading);
      if (!mention) continue;
      for (let i = start; i < end; i++) taken[i] = true;
      if (mention.impossible) impossible.push(text.slice(start, end));
      else mentions.push({ ...mention, start, end });
    }
  }
  return { mentions: mentions.sort((a, b) => a.start - b.start), impossible };
}

/** Every real date written in `text` (see `readDates`), in text order. */
export function findDateMentions(text: string, reference: number, reading: DateReading = UK_READING): DateMention[] {
  return readDates(text, reference, reading).mentions;
}
