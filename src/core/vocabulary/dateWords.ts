import type { FiscalYear } from '../types';

/**
 * The words people write in timescales and title rows, as data. The parsers build their patterns
 * from these tables, so adding a word is a one-line change here (SPEC (T3), (T6)).
 */

/** Words that place a quarter or a half in its year: "first quarter", "2nd half", "last quarter". */
export const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
};

/** Ordinals that mean "the last one of the year", whatever the number of parts. */
export const LAST_WORDS: readonly string[] = ['last', 'final'];

/** Parts of a year, read as the last day of the part ("early 2023" is 31 March): how many months into the year (calendar or financial) the part ends. */
export const PART_OF_YEAR_WORDS: Readonly<Record<string, number>> = {
  early: 3,
  // "By the start of 2023" is read generously, as early 2023, so a target is not flagged overdue too soon.
  beginning: 3,
  start: 3,
  mid: 6,
  middle: 6,
  late: 12,
};

/** Seasons and the calendar month each ends in; winter ends in the February after its year. */
export const SEASON_END_MONTH: Readonly<Record<string, number>> = { spring: 5, summer: 8, autumn: 11, fall: 11, winter: 2 };

/** Seasons and the calendar months each covers, for placing a season written without a year. */
export const SEASON_MONTHS: Readonly<Record<string, readonly number[]>> = {
  spring: [3, 4, 5],
  summer: [6, 7, 8],
  autumn: [9, 10, 11],
  fall: [9, 10, 11],
  winter: [12, 13, 14],
};

/** The calendar month each body's financial year ends in: UK 31 March, US federal 30 September, Australian 30 June. */
export const FISCAL_YEAR_END_MONTH: Readonly<Record<FiscalYear, number>> = { uk: 3, us: 9, au: 6 };

/** Each financial year in words, for findings. */
export const FISCAL_YEAR_NAMES: Readonly<Record<FiscalYear, string>> = {
  uk: 'the UK financial year (April to March)',
  us: 'the US federal fiscal year (October to September)',
  au: 'the Australian financial year (July to June)',
};

/** Words that name a financial year before its year ("FY2024", "fiscal year 2025"). */
export const FISCAL_YEAR_WORDS: readonly string[] = ['fy', 'financial year', 'fiscal year', 'fiscal'];

/** Timescales that mean "at once": due at the document date. */
export const IMMEDIATE_WORDS: readonly string[] = ['immediate', 'immediately', 'with immediate effect', 'forthwith'];

/** The financial year after the document date's one. */
export const NEXT_FINANCIAL_YEAR_WORDS: readonly string[] = ['next financial year', 'following financial year', 'next fy'];

/** The document date's own financial year. */
export const THIS_FINANCIAL_YEAR_WORDS: readonly string[] = [
  'end of the financial year',
  'end of financial year',
  'end of this financial year',
  'end of the current financial year',
  'this financial year',
  'current financial year',
  'financial year end',
  'year end accounts',
];

/** The end of the document date's calendar year. */
export const THIS_CALENDAR_YEAR_WORDS: readonly string[] = [
  'end of the calendar year',
  'end of this calendar year',
  'end of the current calendar year',
  'calendar year end',
  'this calendar year',
];

/** Timescales that mean the item has been done (kind `complete`) when no date follows. */
export const COMPLETE_WORDS: readonly string[] = ['complete', 'completed', 'done', 'achieved', 'implemented', 'closed', 'finished'];

/** Of those, the past tenses: they mean done even with a date ("Completed March 2002"). */
export const COMPLETE_PAST_WORDS: readonly string[] = ['completed', 'done', 'achieved', 'implemented', 'closed', 'finished'];

/** No deadline (kind `none`): a dependency, a deferral, or a deadline that does not apply. */
export const NO_DEADLINE_WORDS: readonly string[] = [
  'tbc',
  'tba',
  'tbd',
  'to be confirmed',
  'to be agreed',
  'to be determined',
  'to be decided',
  'to be arranged',
  'to be set',
  'depends on',
  'depends upon',
  'dependent on',
  'dependent upon',
  'dependant on',
  'dependant upon',
  'depending on',
  'depending upon',
  'subject to',
  'deferred',
  'on hold',
  'awaiting',
  'not known',
  'not yet known',
  'not set',
  'not yet set',
  'not agreed',
  'not yet agreed',
  'no date',
  'no deadline',
  'no timescale',
  'not applicable',
  'n/a',
  'n.a',
  'n / a',
  'na',
];

/** No fixed deadline because the work continues (kind `ongoing`). */
export const ONGOING_WORDS: readonly string[] = [
  'ongoing',
  'on-going',
  'on going',
  'continuous',
  'continuously',
  'continuing',
  'continual',
  'rolling',
  'business as usual',
  'bau',
  'as required',
  'as and when',
  'every year',
  'each year',
  'quarterly',
  'monthly',
  'in hand',
  'in progress',
];

/** Title-row words that introduce the position date of a report ((T3): "Position as at 30 September 2002"). */
export const AS_AT_WORDS: readonly string[] = [
  'as at',
  'as of',
  'position at',
  'position as at',
  'progress at',
  'progress as at',
  'update at',
  'update as at',
  'updated',
  'status at',
  'status as at',
  'status as of',
  'position as of',
  'update as of',
  'progress to',
  'position to',
  'date of update',
  'date updated',
  'last updated',
  'dated',
];

/** In a progress or monitoring report, the end of the period it covers is its position ("progress for the period ended 12 January 2024"). */
export const PROGRESS_REPORT_WORDS: readonly string[] = [
  'progress',
  'monitoring',
  'update',
  'updated',
  'position',
  'status',
  'follow up',
  'tracker',
];

/** Period words whose date is a progress report's position when the line names such a report (an audited year never is). */
export const PROGRESS_PERIOD_WORDS: readonly string[] = [
  'period ended',
  'period ending',
  'period to',
  'quarter ended',
  'quarter ending',
  'month ended',
  'month ending',
];

/** Title-row words naming a meeting or report whose date is the paper's date ("Audit Committee 12 March 2003"). */
export const MEETING_WORDS: readonly string[] = [
  'committee',
  'executive',
  'cabinet',
  'council',
  'board',
  'panel',
  'meeting',
  'scrutiny',
  'report',
  'paper',
];

/** Title-row words after which a date is a period or fieldwork date, never the position date. */
export const NOT_AS_AT_WORDS: readonly string[] = [
  'year ended',
  'year ending',
  'years ended',
  'period ended',
  'period ending',
  'quarter ended',
  'quarter ending',
  'month ended',
  'for the year',
  'for the period',
  'audit date',
  'date of audit',
  'dates of audit',
  'fieldwork',
  'field work',
  'audit visit',
  'visit date',
  'period covered',
  'period from',
  'financial year',
  // The release of the audit report whose recommendations are tracked ("Report 2009-501 (Release Date: October 2009)").
  'release date',
];

/** Words between two dates that make them a range ("3-6 September 2002", "1 April to 30 June"). */
// "through" is the American "to" ("Reports Issued From November 2011 Through October 2012").
export const RANGE_WORDS: readonly string[] = ['-', '\u2013', '\u2014', 'to', 'through', 'until', 'till', 'and', '&'];

/** Escapes a word for use inside a regular expression. */
export function escapeWord(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * A regular-expression alternation of the words, longest first so "dependent upon" wins over
 * "dependent", with flexible spacing; for building patterns from the tables above.
 */
export function alternation(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeWord(w).replace(/ /g, '\\s+'))
    .join('|');
}

/** Words before a date that make it an earlier target in a revised timescale ("revised from September 2002", "was June 2002"). */
export const ORIGINAL_DATE_WORDS: readonly string[] = [
  'originally',
  'original',
  'orig',
  'was',
  'previously',
  'previous',
  'initially',
  'initial',
  'formerly',
  'revised from',
  'changed from',
  'moved from',
  'deferred from',
  'extended from',
  'slipped from',
  'postponed from',
  'amended from',
  'put back from',
  'brought forward from',
];

/** Words before a date that make it a later target ("now March 03", "extended to March 2003", "Revised: 31/03/2003"). */
export const REVISED_DATE_WORDS: readonly string[] = [
  'revised',
  'revised to',
  'rev',
  'extension',
  'extension to',
  'carried forward',
  'carried forward to',
  'rolled forward',
  'now',
  'extended',
  'extended to',
  'further extended',
  'deferred',
  'deferred to',
  'moved',
  'moved to',
  'postponed',
  'slipped',
  'slipped to',
  'rescheduled',
  're-scheduled',
  'changed to',
  'amended',
  'amended to',
  'brought forward',
  'put back',
  'pushed back',
  'delayed',
  'new',
  'again',
  'updated to',
];

/** "then": the next target in a list of earlier ones ("originally September 2002, then December 2002"). */
export const THEN_DATE_WORDS: readonly string[] = ['then', 'and then', 'later', 'subsequently'];

/** Words that may sit between a revision word and its date ("revised target date: ", "now due by the end of "). */
export const REVISION_FILLER_WORDS: readonly string[] = [
  'to',
  'until',
  'till',
  'for',
  'on',
  'by',
  'the',
  'end',
  'of',
  'in',
  'target',
  'date',
  'dates',
  'deadline',
  'completion',
  'implementation',
  'agreed',
  'due',
  'expected',
  'scheduled',
  'planned',
  'set',
  'is',
  'be',
];

/**
 * Words that report something that already happened ("appointed July 2004", "decision taken ... 10 January
 * 2005", "Done (March 2004)"): a date beside them is an event in a progress note, not a deadline (T6).
 * "to be agreed" and "will be completed" are plans, not events, and are not caught by them.
 */
export const EVENT_WORDS: readonly string[] = [
  'appointed',
  'commenced',
  'cleared',
  'taken',
  'held',
  'agreed',
  'approved',
  'made',
  'considered',
  'organised',
  'organized',
  'received',
  'introduced',
  'launched',
  'published',
  'presented',
  'reported',
  'signed',
  'issued',
  ...COMPLETE_PAST_WORDS,
];

/** Words that make a date a start, not a deadline ("start date July 2005", "will start 24 January 2005"). */
export const START_WORDS: readonly string[] = [
  'start',
  'starts',
  'start date',
  'starting',
  'commence',
  'commences',
  'commencing',
  'begin',
  'begins',
];
