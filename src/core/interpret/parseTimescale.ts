import * as chrono from 'chrono-node/en';
import { cellText, isBlank, isCellError } from '../cells';
import { dayNumber, endOfMonth, fromSerial, isDateFormat, parts, toIso } from '../dates';
import { readDates } from './dateMentions';
import { UK_READING } from './dateParts';
import type { CellValue, DateReading, Timescale } from '../types';
import { alternation, COMPLETE_WORDS, EVENT_WORDS, NO_DEADLINE_WORDS, ONGOING_WORDS, START_WORDS } from '../vocabulary/dateWords';

/** Due dates further than this from the reference date are treated as typing mistakes. */
const MAX_YEARS_FROM_REFERENCE = 30;

/** A word table as a pattern; every word starts and ends with a letter, so word boundaries suffice. */
const wordsRe = (words: readonly string[], atStart = false): RegExp =>
  new RegExp(`${atStart ? '^\\s*' : '\\b'}(?:${alternation(words)})\\b`, 'i');
const COMPLETE_RE = wordsRe(COMPLETE_WORDS, true);
const EVENT_RE = wordsRe(EVENT_WORDS);
/** "to be agreed", "will be presented": a plan, so its date is a deadline even beside an event word. */
const PLAN_RE = /\b(?:to\s+be|will|shall|should|must|planned|expected|due)\b/i;
const START_RE = new RegExp(`\\b(?:${alternation(START_WORDS)})\\b(?!\\s+of\\b)`, 'i');
const NO_DEADLINE_RE = wordsRe(NO_DEADLINE_WORDS);
const ONGOING_RE = wordsRe(ONGOING_WORDS);
/** Words chrono reads as "today", which say nothing about a deadline. */
const CHRONO_NOISE = /^(now|today|tonight|this)$/i;

const CACHE_LIMIT = 20_000;
let lastReference = '';
let lastReferenceDay = NaN;

/** Day number of an ISO reference date (NaN if malformed), remembered since every row of a table shares it. */
function referenceDay(reference: string): number {
  if (reference !== lastReference) {
    lastReference = reference;
    lastReferenceDay = /^\d{4}-\d{2}-\d{2}$/.test(reference) ? Date.parse(reference) / 86_400_000 : NaN;
  }
  return lastReferenceDay;
}
const cache = new Map<string, Map<string, Timescale>>();

function withinReach(day: number, reference: number): boolean {
  return Math.abs(day - reference) <= MAX_YEARS_FROM_REFERENCE * 366;
}

function result(text: string, kind: Timescale['kind'], due: number | null = null, yearInferred = false): Timescale {
  return { text, kind, due: due === null ? null : toIso(due), yearInferred };
}

/** The result, noting the first date written that does not exist. */
function withImpossible(t: Timescale, impossible: readonly string[]): Timescale {
  const first = impossible[0];
  return first === undefined ? t : { ...t, impossible: first };
}

/** Rare forms ("in six months", "next Tuesday") go to chrono; a day it was unsure of means the month's end. */
function chronoDue(text: string, reference: number): number | null {
  const p = parts(reference);
  // Day clamped to 28: chrono adds months to the 31st by overflowing ("next month" of 31 March is 1 May).
  const ref = new Date(p.year, p.month - 1, Math.min(p.day, 28), 12);
  let latest: number | null = null;
  for (const r of chrono.GB.parse(text, ref, { forwardDate: true })) {
    if (CHRONO_NOISE.test(r.text.trim())) continue;
    const year = r.start.get('year');
    const month = r.start.get('month');
    const day = r.start.get('day');
    if (year === null || month === null || day === null) continue;
    const due = !r.start.isCertain('month')
      ? dayNumber(year, 12, 31)
      : r.start.isCertain('day')
        ? dayNumber(year, month, day)
        : endOfMonth(year, month);
    if (withinReach(due, reference) && (latest === null || due > latest)) latest = due;
  }
  return latest;
}

/** Where each line or sentence of a note starts and ends, and whether it reports an event or a start (not a deadline). */
function eventSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const re = /[^\n.;]+(?:[.;](?!\d)|\n|$)/g;
  const segments: { start: number; end: number; text: string }[] = [];
  for (let m = re.exec(text); m !== null && m[0] !== ''; m = re.exec(text))
    segments.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  // A start date is not a deadline in a note of several lines; alone ("Work to start in 2023") it is the target.
  const narrative = segments.filter((s) => s.text.trim() !== '').length > 1;
  for (const seg of segments) {
    if ((EVENT_RE.test(seg.text) && !PLAN_RE.test(seg.text)) || (narrative && START_RE.test(seg.text))) spans.push(seg);
  }
  return spans;
}

function parseText(text: string, reference: number, reading: DateReading): Timescale {
  const read = readDates(text, reference, reading);
  return withImpossible(readMentions(text, reference, read.mentions, read.impossible.length > 0), read.impossible);
}

function readMentions(text: string, reference: number, found: ReturnType<typeof readDates>['mentions'], impossible: boolean): Timescale {
  const all = found.filter((m) => withinReach(m.day, reference));
  // Dates in lines that report what happened ("appointed July 2004", "Done (March 2004)") are not due dates.
  const events = all.length > 0 ? eventSpans(text) : [];
  const mentions = all.filter((m) => !events.some((e) => m.start >= e.start && m.start < e.end));
  if (COMPLETE_RE.test(text) && mentions.length === 0) return result(text, 'complete');
  // A note whose every date is an event sets no deadline (chrono would only find the same dates again).
  if (mentions.length === 0 && all.length > 0) return result(text, ONGOING_RE.test(text) ? 'ongoing' : 'none');
  if (mentions.length > 0) {
    // Several dates ("April 2002 ... May/June 2002", "revised from"): the latest is the due date.
    const latest = mentions.reduce((a, b) => (b.day > a.day || (b.day === a.day && !b.yearInferred) ? b : a));
    return result(text, 'date', latest.day, latest.yearInferred);
  }
  if (NO_DEADLINE_RE.test(text)) return result(text, 'none');
  if (ONGOING_RE.test(text)) return result(text, 'ongoing');
  // A date that does not exist is reported as such, not guessed at by chrono.
  if (impossible) return result(text, 'unparsed');
  const due = chronoDue(text, reference);
  return due === null ? result(text, 'unparsed') : result(text, 'date', due);
}

/**
 * Reads a timescale phrase as a due date, in the column's reading (UK by default: day first,
 * April-March financial years). `reference` is the document date (ISO), which places two-digit and
 * missing years. Never throws; the same input gives the same answer.
 */
export function parseTimescale(text: string, reference: string, reading: DateReading = UK_READING): Timescale {
  const trimmed = text.trim();
  if (trimmed === '') return result(text, 'missing');
  // Seen before (the usual case down a long table): answered without parsing anything. Keyed by
  // reference and reading, then by the text itself, so no key string is built for each row.
  const key = reading === UK_READING ? reference : `${reference}|${reading.order}|${reading.fiscal}`;
  let byText = cache.get(key);
  const hit = byText?.get(trimmed);
  if (hit) return hit.text === text ? hit : { ...hit, text };
  const ref = referenceDay(reference);
  if (!Number.isFinite(ref)) return result(text, 'unparsed');
  const parsed = parseText(trimmed, ref, reading);
  const answer = { ...parsed, text };
  if (!byText || byText.size >= CACHE_LIMIT) {
    if (cache.size >= 8) cache.clear();
    byText = byText && byText.size < CACHE_LIMIT ? byText : new Map<string, Timescale>();
    cache.set(key, byText);
  }
  byText.set(trimmed, answer);
  return answer;
}

/**
 * Reads a timescale cell: a date cell (a serial shown with a date format) is that date,
 * a bare year number is the end of that year, text goes to `parseTimescale`.
 */
export function parseTimescaleCell(
  value: CellValue | undefined,
  numberFormat: string | undefined,
  reference: string,
  reading: DateReading = UK_READING,
): Timescale {
  if (isBlank(value)) return result('', 'missing');
  if (isCellError(value)) return result(value.error, 'unparsed');
  if (typeof value === 'number') {
    const text = cellText(value);
    const ref = referenceDay(reference);
    if (Number.isInteger(value) && value >= 1900 && value <= 2200 && !isDateFormat(numberFormat)) {
      const due = dayNumber(value, 12, 31);
      return withinReach(due, ref) ? result(text, 'date', due) : result(text, 'unparsed');
    }
    // A serial counts as a date when its format says so, or when the host gave no formats at all.
    if (isDateFormat(numberFormat) || numberFormat === undefined) {
      const due = fromSerial(value);
      return Number.isFinite(ref) && withinReach(due, ref) ? result(text, 'date', due) : result(text, 'unparsed');
    }
    return result(text, 'unparsed');
  }
  if (typeof value === 'boolean') return result(cellText(value), 'unparsed');
  return typeof value === 'string' ? parseTimescale(value, reference, reading) : result('', 'missing');
}
