import type { ItemState } from '../itemStates';
import type { Timescale } from '../types';

/** What the state is derived from: the status as read and the due date against the position date. */
export interface StateInputs {
  readonly complete: boolean;
  readonly excluded: boolean;
  /** The table records a status and this row has none the checker can read. */
  readonly unrated: boolean;
  readonly overdue: boolean;
  /** Days until due when within the due-soon window, else null. */
  readonly daysToDue: number | null;
  readonly timescale: Timescale;
}

/**
 * The one state of a recommendation (SPEC S1), first match wins: done, set aside, unreadable, then by its
 * due date. Everything that counts or colours an item reads this, never the cells again.
 */
export function itemState(s: StateInputs): ItemState {
  if (s.complete) return 'Complete';
  if (s.excluded) return 'Not counted';
  if (s.unrated) return 'Not rated';
  if (s.overdue) return 'Overdue';
  if (s.daysToDue === 0) return 'Due today';
  if (s.daysToDue !== null) return 'Due soon';
  return s.timescale.due !== null ? 'Not yet due' : 'No date';
}
