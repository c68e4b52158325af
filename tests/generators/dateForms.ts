import { dayNumber, endOfMonth, MONTH_NAMES, parts, toSerial } from '../../src/core/dates';
import type { Variant } from './dimensions';
import { pick } from './words';

/** A date as written in a cell, and the last day it covers (the due date a careful officer reads). */
export interface WrittenDate {
  readonly value: string | number;
  /** Number format of a date cell; undefined for text. */
  readonly format?: string;
  readonly due: number;
}

export type DateForm = Variant<'dateForm'>;

const pad = (n: number): string => String(n).padStart(2, '0');
const short = (month: number): string => (MONTH_NAMES[month - 1] ?? '').slice(0, 3);
const long = (month: number): string => MONTH_NAMES[month - 1] ?? '';
const ordinal = (d: number): string => {
  const s = d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th';
  return `${d}${s}`;
};

const SERIAL_FORMATS = ['dd/mm/yyyy', 'd mmmm yyyy', 'dd-mmm-yy', 'd/m/yyyy'];

/** Forms that name a day; each writes the day exactly. */
const DAY_FORMS: Readonly<Record<string, readonly ((y: number, m: number, d: number) => string)[]>> = {
  longText: [(y, m, d) => `${d} ${long(m)} ${y}`, (y, m, d) => `${ordinal(d)} ${long(m)} ${y}`, (y, m, d) => `${d} ${short(m)} ${y}`],
  dmyText: [(y, m, d) => `${pad(d)}/${pad(m)}/${y}`, (y, m, d) => `${d}.${m}.${y}`, (y, m, d) => `${pad(d)}-${pad(m)}-${y}`],
  ymdText: [(y, m, d) => `${y}-${pad(m)}-${pad(d)}`, (y, m, d) => `${y}/${pad(m)}/${pad(d)}`],
  twoDigitYear: [
    (y, m, d) => `${pad(d)}/${pad(m)}/${pad(y % 100)}`,
    (y, m, d) => `${d}-${short(m)}-${pad(y % 100)}`,
    (y, m, d) => `${pad(d)}.${pad(m)}.${pad(y % 100)}`,
  ],
  mdyText: [(y, m, d) => `${pad(m)}/${pad(d)}/${y}`, (y, m, d) => `${m}/${d}/${y}`],
  usLong: [(y, m, d) => `${long(m)} ${d}, ${y}`, (y, m, d) => `${short(m)} ${d}, ${y}`],
};

function monthYear(y: number, m: number, choice: number): WrittenDate {
  const forms = [`${long(m)} ${y}`, `${short(m)} ${y}`, `End of ${long(m)} ${y}`, `end ${long(m)} ${y}`];
  return { value: pick(forms, choice), due: endOfMonth(y, m) };
}

const QUARTER_WORDS = ['First', 'Second', 'Third', 'Fourth'];

/** A calendar quarter holding the day: "Fourth quarter of 2021", "Q4 2021", "Quarter 4 2021", "4th quarter 2021". */
function quarterWords(y: number, m: number, choice: number): WrittenDate {
  const q = Math.ceil(m / 3);
  const forms = [`${pick(QUARTER_WORDS, q - 1)} quarter of ${y}`, `Q${q} ${y}`, `Quarter ${q} ${y}`, `${ordinal(q)} quarter ${y}`];
  return { value: pick(forms, choice), due: endOfMonth(y, q * 3) };
}

const SEASONS: Readonly<Record<number, string>> = {
  3: 'Spring',
  4: 'Spring',
  5: 'Spring',
  6: 'Summer',
  7: 'Summer',
  8: 'Summer',
  9: 'Autumn',
  10: 'Autumn',
  11: 'Autumn',
};

/**
 * A period of the year holding the day, as plans write them (dialects.md): "H1 2024", "first half of 2024",
 * "Spring 2024" (March to May), "Jan-Mar 2024", "July to September 2024", "early 2024" (to March), "late 2024"
 * (October on). The due date is the period's last day. A form that cannot hold the day gives way to a half-year.
 */
function periodWords(y: number, m: number, choice: number): WrittenDate {
  const half = m <= 6 ? 1 : 2;
  const halves = [`H${half} ${y}`, `${half === 1 ? 'first' : 'second'} half of ${y}`, `${half === 1 ? 'First' : 'Second'} half ${y}`];
  const halfDate = { value: pick(halves, choice), due: endOfMonth(y, half * 6) };
  const q = Math.ceil(m / 3);
  switch (choice % 5) {
    case 1: {
      const season = SEASONS[m];
      return season ? { value: `${season} ${y}`, due: endOfMonth(y, m <= 5 ? 5 : m <= 8 ? 8 : 11) } : halfDate;
    }
    case 2:
      return { value: `${short(q * 3 - 2)}-${short(q * 3)} ${y}`, due: endOfMonth(y, q * 3) };
    case 3:
      return { value: `${long(q * 3 - 2)} to ${long(q * 3)} ${y}`, due: endOfMonth(y, q * 3) };
    case 4:
      if (q === 1) return { value: `early ${y}`, due: endOfMonth(y, 3) };
      return q === 4 ? { value: `Late ${y}`, due: endOfMonth(y, 12) } : halfDate;
    default:
      return halfDate;
  }
}

/**
 * A month or a day with no year ("End June", "September", "By end of March", "15 June"): the model keeps such
 * dates within five months of the position, so the nearest occurrence (what a reader assumes) is the one meant.
 */
function yearless(m: number, d: number, day: number, choice: number): WrittenDate {
  const { year: y } = parts(day);
  if (choice % 5 === 4) return { value: `${d} ${long(m)}`, due: day };
  const forms = [`End ${long(m)}`, long(m), `By end of ${long(m)}`, `end-${short(m)}`];
  return { value: pick(forms, choice), due: endOfMonth(y, m) };
}

/** A UK financial year (April to March) quarter, or the whole year, holding the day. */
function ukFinancial(y: number, m: number, choice: number): WrittenDate {
  const start = m >= 4 ? y : y - 1;
  const q = Math.floor(((m - 4 + 12) % 12) / 3) + 1;
  const endMonth = [6, 9, 12, 3][q - 1] ?? 3;
  const endYear = q === 4 ? start + 1 : start;
  const year = `${start}/${pad((start + 1) % 100)}`;
  if (choice % 3 === 2) return { value: year, due: dayNumber(start + 1, 3, 31) };
  const value = choice % 3 === 0 ? `Q${q} ${year}` : `Quarter ${q} ${start}-${pad((start + 1) % 100)}`;
  return { value, due: endOfMonth(endYear, endMonth) };
}

/** A US federal fiscal year (October to September) quarter, or the whole year, holding the day. */
function usFiscal(y: number, m: number, choice: number): WrittenDate {
  const fy = m >= 10 ? y + 1 : y;
  const q = Math.floor(((m - 10 + 12) % 12) / 3) + 1;
  if (choice % 2 === 1) return { value: `FY${fy}`, due: dayNumber(fy, 9, 30) };
  const endMonth = [12, 3, 6, 9][q - 1] ?? 9;
  return { value: `Q${q} FY${fy}`, due: endOfMonth(q === 1 ? fy - 1 : fy, endMonth) };
}

/** Writes a day in a form; `choice` picks the variant of the form (and, for "mixed", the form). */
export function writeDate(day: number, form: DateForm, choice: number): WrittenDate {
  const { year: y, month: m, day: d } = parts(day);
  switch (form) {
    case 'serial':
      return { value: toSerial(day), format: pick(SERIAL_FORMATS, choice), due: day };
    case 'mixed':
      return writeDate(day, pick(['serial', 'longText', 'monthYear'] as const, choice), Math.floor(choice / 3));
    case 'monthYear':
      return monthYear(y, m, choice);
    case 'quarterWords':
      return quarterWords(y, m, choice);
    case 'ukFinancial':
      return ukFinancial(y, m, choice);
    case 'usFiscal':
      return usFiscal(y, m, choice);
    case 'periodWords':
      return periodWords(y, m, choice);
    case 'yearless':
      return yearless(m, d, day, choice);
    default:
      return { value: pick(DAY_FORMS[form] ?? [], choice)(y, m, d), due: day };
  }
}

/** A past event's day and month in a progress note, the US way ("March 12, 2023") in a US-written tracker. */
export function writeEventDate(day: number, us: boolean): { day: string; month: string } {
  const { year: y, month: m, day: d } = parts(day);
  return { day: us ? `${long(m)} ${d}, ${y}` : `${d} ${long(m)} ${y}`, month: `${long(m)} ${y}` };
}

/**
 * A day written in a title line: "31 March 2024", "31st March 2024", "31/03/2024"; on a US-written sheet
 * (`us`: its dates month first) "March 31, 2024" or "03/31/2024", as its author would write it.
 */
export function writeTitleDate(day: number, choice: number, us = false): string {
  const { year: y, month: m, day: d } = parts(day);
  if (us) return pick([`${long(m)} ${d}, ${y}`, `${long(m)} ${d}, ${y}`, `${pad(m)}/${pad(d)}/${y}`], choice);
  return pick([`${d} ${long(m)} ${y}`, `${ordinal(d)} ${long(m)} ${y}`, `${pad(d)}/${pad(m)}/${y}`], choice);
}

/** Date forms that mark a sheet as US-written: its title lines write dates month first too. */
export const US_FORMS: readonly string[] = ['usLong', 'mdyText'];
