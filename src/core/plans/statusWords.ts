/**
 * The words the status column writes (F2), and that the conditional-format rules, the summary and the
 * chase list key on: data in one place, so the rules cannot drift from the column.
 */
export const STATUS_WORDS = {
  /** Open, rated, not overdue and nothing to check (was "OK", which read as "fine" on a partly met item). */
  onTrack: 'On track',
  complete: 'Complete',
  /** Excluded from completion (not applicable, withdrawn, overtaken by events). */
  notCounted: 'Not counted',
  /** No status recorded (was "Unrated"). */
  unrated: 'Not rated',
  unclear: 'Rating unclear',
  overdue: 'Overdue',
  dueSoon: 'Due soon',
  checkTimescale: 'Check timescale',
  noReference: 'No reference',
  duplicateReference: 'Duplicate reference',
  cellError: 'Cell error',
} as const;

/** "Overdue 245 days" / "Overdue 1 day". */
export function overdueWords(days: number): string {
  return `${STATUS_WORDS.overdue} ${days} day${days === 1 ? '' : 's'}`;
}

/** "Due soon (12 days)". */
export function dueSoonWords(days: number): string {
  return `${STATUS_WORDS.dueSoon} (${days} day${days === 1 ? '' : 's'})`;
}

/** The words of a clean row (no flags): complete, not counted, or on track. */
export function cleanStatusWord(complete: boolean, excluded: boolean): string {
  return complete ? STATUS_WORDS.complete : excluded ? STATUS_WORDS.notCounted : STATUS_WORDS.onTrack;
}

/**
 * Words earlier versions wrote in a clean row ("OK") or for a missing status ("Unrated"). Our column is
 * recognised by its header, whatever words it holds, and rewritten whole on a re-run; these are kept so
 * tests can prove no old word survives one.
 */
export const FORMER_STATUS_WORDS = ['OK', 'Unrated'] as const;

export { ITEM_STATES, isItemState, type ItemState } from '../itemStates';
