/**
 * The one state each recommendation is in, derived once from the table's reading (SPEC F2, S1). The
 * status column writes exactly these words; statistics, the chase list, the summary, the pane, the JSON
 * and the colours all count and key on them, so no two of them can disagree.
 */

/** The states, in the order a committee reads them (done and set aside first, then the open ones most urgent first). */
export const ITEM_STATES = ['Complete', 'Not counted', 'Not rated', 'Overdue', 'Due today', 'Due soon', 'Not yet due', 'No date'] as const;

/**
 * One recommendation's state, which is also the word the status column writes:
 * - Complete: the status says done (or, with an empty status cell, the timescale or update says "Done");
 * - Not counted: excluded from completion (withdrawn, not applicable, overtaken by events);
 * - Not rated: the table records a status and this item has none the checker can read;
 * - Overdue: open and past its due date at the position date;
 * - Due today: open and due on the position date;
 * - Due soon: open and due within the due-soon window (30 days unless set);
 * - Not yet due: open and due after the window;
 * - No date: open with no due date to check against ("Ongoing", no deadline, missing or unreadable).
 */
export type ItemState = (typeof ITEM_STATES)[number];

/** True for a word that is one of the states. */
export function isItemState(word: string): word is ItemState {
  return (ITEM_STATES as readonly string[]).includes(word);
}
