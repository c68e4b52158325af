/**
 * The words of our columns on the plan (F2): the state column ("Check (auto)"), the days-overdue number
 * beside it and the data-check column. Data in one place, so the conditional-format rules, the colour key,
 * the summary and the chase list cannot drift from the columns.
 */
import { normalise } from '../cells';
import { fromIso, parts, MONTH_NAMES } from '../dates';
import type { CellValue } from '../types';

export { ITEM_STATES, isItemState, type ItemState } from '../itemStates';

/** The state words by name, for code that means one of them (the column writes `Recommendation.state`). */
export const STATUS_WORDS = {
  complete: 'Complete',
  notCounted: 'Not counted',
  unrated: 'Not rated',
  overdue: 'Overdue',
  dueToday: 'Due today',
  dueSoon: 'Due soon',
  notYetDue: 'Not yet due',
  noDate: 'No date',
} as const;

/** Data problems, written in the data-check column apart from the state (one row may have several, "; " between). */
export const CHECK_WORDS = {
  cellError: 'Cell error',
  noReference: 'No reference',
  duplicateReference: 'Duplicate reference',
  unclear: 'Rating unclear',
  checkTimescale: 'Check timescale',
  /** The status says one thing and the timescale or update "Done": the status is counted. */
  conflict: 'Status contradicted',
} as const;

/** Header of the data-check column; a column headed this way is ours. */
export const CHECK_HEADER = 'Data check (auto)';
/** Start of the days-overdue column's header; the position date and "(auto)" follow. */
const DAYS_PREFIX = 'Days overdue at';
const AUTO = '(auto)';

/** "Days overdue at 31 Mar 2002 (auto)": the header of the days-overdue column for a position date (ISO). */
export function daysOverdueHeader(asAt: string): string {
  const day = fromIso(asAt);
  if (day === null) return `${DAYS_PREFIX} ${asAt} ${AUTO}`;
  const p = parts(day);
  return `${DAYS_PREFIX} ${p.day} ${(MONTH_NAMES[p.month - 1] ?? '').slice(0, 3)} ${p.year} ${AUTO}`;
}

/** Which of our added columns a header cell heads ("status", "days", "checks"), or null for a user's column. */
export function ourColumnOf(value: CellValue | undefined, statusHeader: string): 'status' | 'days' | 'checks' | null {
  if (typeof value !== 'string') return null;
  const n = normalise(value);
  if (n === normalise(statusHeader)) return 'status';
  if (n === normalise(CHECK_HEADER)) return 'checks';
  if (n.startsWith(normalise(DAYS_PREFIX)) && n.endsWith(normalise(AUTO))) return 'days';
  return null;
}

/**
 * Words earlier versions wrote in the status column: "OK", "Unrated", "On track", and compound ones
 * ("Overdue 245 days; Rating unclear", "Due soon (12 days)", "Slipped 2x"). Our column is recognised by its
 * header, whatever it holds, and rewritten whole on a re-run; these are kept so tests can prove none survives.
 */
export const FORMER_STATUS_WORDS = ['OK', 'Unrated', 'On track', 'Overdue 245 days', 'Due soon (12 days)'] as const;
