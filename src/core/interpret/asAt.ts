import { cellText, isBlank, squash } from '../cells';
import { formatLong, fromSerial, isDateFormat, toIso } from '../dates';
import { findDateMentions, type DateMention } from './dateMentions';
import type { CellValue, DateReading } from '../types';
import {
  alternation,
  AS_AT_WORDS,
  MEETING_WORDS,
  NOT_AS_AT_WORDS,
  PROGRESS_PERIOD_WORDS,
  PROGRESS_REPORT_WORDS,
  RANGE_WORDS,
} from '../vocabulary/dateWords';

/**
 * How a title-row date was introduced ((T3)): a stated position ("as at"), a meeting or report
 * ("Audit Committee 12 March 2003"), nothing ("31st March 2002"), or words that make it a period
 * or fieldwork date ("for the year ended", "Audit date:") or one end of a range ("3-6 September 2002").
 */
export type TitleDateCue = 'stated' | 'meeting' | 'plain' | 'period' | 'range';

/** A date found in the title rows, with the text it was read from (the cell, spaces squashed). */
export interface TitleDate {
  /** ISO date. */
  readonly date: string;
  readonly text: string;
  readonly cue: TitleDateCue;
  /** Index of the title row it was found in (0 = the first row given). */
  readonly rowIndex: number;
}

/** Every dated title-row mention, split into the one that states the position and those that cannot. */
export interface TitleDates {
  /** The as-at date the title rows state, or null when none qualifies (the caller then assumes today). */
  readonly asAt: TitleDate | null;
  /** Dates seen but not taken: periods, fieldwork dates, ranges. */
  readonly notAsAt: readonly TitleDate[];
}

const CUE_RE = new RegExp(
  `\\b(?:(${alternation(AS_AT_WORDS)})|(${alternation(NOT_AS_AT_WORDS)})|(${alternation(MEETING_WORDS)}))\\b`,
  'gi',
);
const RANGE_SOURCE = alternation(RANGE_WORDS);
/** A gap that is only a range word: the dates either side are the two ends of one range. */
const RANGE_GAP_RE = new RegExp(`^\\s*(?:${RANGE_SOURCE})\\s*$`, 'i');
/** A bare day and a range word just before a date: "3-6 September 2002", "3rd to 6th September 2002". */
const RANGE_DAY_RE = new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s*(?:${RANGE_SOURCE})\\s*$`, 'i');
/** "between", "from" right before a date start a range. */
const RANGE_START_RE = /\b(?:between|from)\s*$/i;
/**
 * "period ended" (not "year ended", not a "financial period") right before the date, a few words after
 * "progress", "monitoring", "update" ...: "progress for the period ended", "progress report for the quarter ended".
 */
const PROGRESS_PERIOD_RE = new RegExp(
  `\\b(?:${alternation(PROGRESS_REPORT_WORDS)})\\b(?:\\s+(?!financial\\b)[\\w-]+){0,4}?\\s+(?:${alternation(PROGRESS_PERIOD_WORDS)})\\s*:?\\s*$`,
  'i',
);
/**
 * "Status of recommendations at", "Position of the plan as of", "Progress report to": a stated position with
 * words between (even a report's name, which alone would make the date a meeting's).
 */
const STATED_PHRASE_RE = /\b(?:status|position|progress|update)\b[^.\d]{0,50}?\b(?:at|as at|as of|to)\s*:?\s*$/i;
const MONTH_RUN_RE = /[a-z]{3,}\.?\s*(?:\/|-|\u2013|\u2014|to|and|&)\s*[a-z]{3,}/i;

/** A title date while candidates are compared: day-precise dates win over month-and-year ones with the same cue. */
type Candidate = TitleDate & { readonly precise: boolean };

const RANK: Readonly<Record<TitleDateCue, number>> = { stated: 0, meeting: 1, plain: 2, period: 9, range: 9 };

/** The cue whose words end last in `context` (the one nearest the date), or plain. */
function cueOf(context: string): TitleDateCue {
  let cue: TitleDateCue = 'plain';
  let lastEnd = -1;
  CUE_RE.lastIndex = 0;
  for (let m = CUE_RE.exec(context); m !== null; m = CUE_RE.exec(context)) {
    const end = m.index + m[0].length;
    if (end < lastEnd) continue;
    lastEnd = end;
    cue = m[1] !== undefined ? 'stated' : m[2] !== undefined ? 'period' : 'meeting';
  }
  return cue;
}

/** A short label cell just left of a value ("As at", "Audit date:"), whose cue carries over to it. */
function labelBefore(row: readonly CellValue[], column: number): string {
  for (let c = column - 1; c >= 0; c--) {
    const value = row[c];
    if (isBlank(value)) continue;
    const text = squash(cellText(value));
    return text.length <= 40 && /[a-z]\s*[:\-\u2013]?\s*$/i.test(text) && cueOf(text) !== 'plain' ? text : '';
  }
  return '';
}

function mentionCue(text: string, mentions: readonly DateMention[], i: number, label: string): TitleDateCue {
  const m = mentions[i];
  if (!m) return 'plain';
  const prev = mentions[i - 1];
  const next = mentions[i + 1];
  const gap = text.slice(prev ? prev.end : 0, m.start);
  if ((prev && RANGE_GAP_RE.test(gap)) || RANGE_DAY_RE.test(gap) || RANGE_START_RE.test(gap)) return 'range';
  if (next && RANGE_GAP_RE.test(text.slice(m.end, next.start))) return 'range';
  if (MONTH_RUN_RE.test(text.slice(m.start, m.end))) return 'range';
  const cue = cueOf(gap);
  // The end of the period a progress report covers is its position; an audited year ended never is.
  if (cue === 'period' && PROGRESS_PERIOD_RE.test(text.slice(0, m.start))) return 'stated';
  if ((cue === 'plain' || cue === 'meeting') && STATED_PHRASE_RE.test(gap)) return 'stated';
  return cue === 'plain' && !prev ? cueOf(label) : cue;
}

/** The dated mentions of one text cell that could be a position date (a day, or a month and year, as written). */
function textDates(text: string, label: string, rowIndex: number, reference: number, reading?: DateReading): Candidate[] {
  const mentions = findDateMentions(text, reference, reading).filter(
    (m) => !m.yearInferred && (m.precision === 'day' || m.precision === 'month'),
  );
  return mentions.map((m, i) => ({
    date: toIso(m.day),
    text: squash(text),
    cue: mentionCue(text, mentions, i, label),
    rowIndex,
    precise: m.precision === 'day',
  }));
}

/**
 * Reads the title rows for the report's position date ((T3)): a stated position wins, then a
 * meeting or report date, then any other day or month-and-year; a date introduced as a period
 * ("for the year ended", "fieldwork", "Audit date:") or one end of a range never counts.
 */
export function readTitleDates(
  rows: readonly (readonly CellValue[])[],
  formats: readonly (readonly string[] | undefined)[],
  reference: number,
  reading?: DateReading,
): TitleDates {
  const found: Candidate[] = [];
  rows.forEach((row, r) => {
    row.forEach((value, c) => {
      if (isBlank(value)) return;
      const label = labelBefore(row, c);
      if (typeof value === 'number' && isDateFormat(formats[r]?.[c])) {
        const day = fromSerial(value);
        const cue = cueOf(label);
        found.push({ date: toIso(day), text: `${label} ${formatLong(day)}`.trim(), cue, rowIndex: r, precise: true });
        return;
      }
      found.push(...textDates(cellText(value), label, r, reference, reading));
    });
  });
  let best: Candidate | null = null;
  const score = (d: { cue: TitleDateCue; precise: boolean }) => RANK[d.cue] * 2 + (d.precise ? 0 : 1);
  for (const d of found) if (RANK[d.cue] < 9 && (best === null || score(d) < score(best))) best = d;
  const strip = ({ precise: _precise, ...d }: Candidate): TitleDate => d;
  return { asAt: best && strip(best), notAsAt: found.filter((d) => RANK[d.cue] >= 9).map(strip) };
}

/**
 * The date a report is stated to be "as at", from its title rows, or null when none qualifies
 * (see `readTitleDates`). Kept for callers that need only the date.
 */
export function titleDate(
  rows: readonly (readonly CellValue[])[],
  formats: readonly (readonly string[] | undefined)[],
  reference: number,
): string | null {
  return readTitleDates(rows, formats, reference).asAt?.date ?? null;
}
