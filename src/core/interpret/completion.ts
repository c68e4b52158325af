// Evidence outside the status cell that an item is done: "Done" as the timescale or the whole update,
// or a date in a completion-date column ("Date completed", "Close date") (SPEC (T4) "Completion by date").
import { cellText, isBlank } from '../cells';
import { formatLong, fromIso } from '../dates';
import { finding, quote } from '../findings';
import { parseTimescaleCell } from './parseTimescale';
import type { RowContext } from '../read/rowContext';
import type { DateReading, RatingLevel, RatingScale, Timescale } from '../types';
import { matchLevel } from './scales';
import { COMPLETION_WORDS } from '../vocabulary/scales';
import { normalise } from '../cells';

const COMPLETION = new Set(COMPLETION_WORDS.map(normalise));

/** True when a cell's whole text is a completion word ("Done", "Completed.", "Implemented"). */
export function saysComplete(text: string): boolean {
  return text.length <= 30 && COMPLETION.has(normalise(text));
}

/** What the completion-date cell says: the day the item was done (null for a word such as "Completed"), as written. */
export interface CompletionDate {
  readonly day: number | null;
  readonly text: string;
}

/**
 * Reads the row's completion-date cell, in the column's date reading: a date on or before the as-at
 * date (a later one is a plan, not a completion), or a completion word. Null when empty, not a date, or
 * the table has no such column; a date that does not exist is reported (DATE_IMPOSSIBLE) and is no evidence.
 */
export function readCompletionDate(row: RowContext, reference: string, asAtDay: number, reading?: DateReading): CompletionDate | null {
  if (!row.has('completed') || row.errored('completed')) return null;
  const raw = row.raw('completed');
  if (isBlank(raw)) return null;
  const text = cellText(raw).trim();
  const read = parseTimescaleCell(raw, row.numberFormat('completed'), reference, reading);
  if (read.impossible !== undefined) {
    reportImpossible(row, row.at('completed'), read.impossible);
    return null;
  }
  if (read.kind === 'complete' || saysComplete(text)) return { day: null, text };
  const day = read.kind === 'date' && read.due !== null ? fromIso(read.due) : null;
  return day !== null && day <= asAtDay ? { day, text } : null;
}

/**
 * A status written where the completion date would stand ("Will Not Implement" in "Comp Date"), read on
 * the table's scale when the table has no status column (T4); null for a date, a blank or other text.
 */
export function statusInCompletedCell(row: RowContext, levels: RatingScale): RatingLevel | null {
  if (row.has('rating') || !row.has('completed') || row.errored('completed')) return null;
  const raw = row.raw('completed');
  return typeof raw === 'string' ? matchLevel(raw, levels) : null;
}

/** DATE_IMPOSSIBLE: a date written in a cell that does not exist ("31/09/2022"), which sets no date. */
export function reportImpossible(row: RowContext, at: string | null, written: string): void {
  row.report(
    finding(
      'DATE_IMPOSSIBLE',
      { cell: at, row: row.rowNumber, id: row.id },
      `${row.name}: ${quote(written)} in ${at ?? `row ${row.rowNumber}`} is not a date that exists, so it is not read. Correct the day or month.`,
    ),
  );
}

/** Where the evidence of completion outside the status is: the timescale, the update, or the completion-date column. */
export type CompletionSource = 'timescale' | 'progress' | 'completed';

/**
 * The cell that says the item is done outside the status cell, or null: "Done" as the timescale or the
 * whole update, or a date in the completion-date column. The status cell decides when it holds a level
 * (see `countsAsDone`); this evidence decides only when it holds none.
 */
export function completionEvidence(row: RowContext, timescale: Timescale, completedOn: CompletionDate | null): CompletionSource | null {
  if (row.has('timescale') && !row.errored('timescale') && timescale.kind === 'complete') return 'timescale';
  if (row.has('progress') && !row.errored('progress') && saysComplete(row.text('progress'))) return 'progress';
  return completedOn === null ? null : 'completed';
}

/** COMPLETION_DATE_CONFLICT: a completion date beside a status that says the item is not done; the status is counted. */
export function completionDateConflict(row: RowContext, completedOn: CompletionDate, level: RatingLevel, at: string | null): void {
  const said = row.at('completed');
  const when = completedOn.day === null ? quote(completedOn.text) : formatLong(completedOn.day);
  const status = at === null ? `its status is "${level.label.toLowerCase()}"` : `${at} says "${level.label.toLowerCase()}"`;
  row.report(
    finding(
      'COMPLETION_DATE_CONFLICT',
      { cell: said, row: row.rowNumber, id: row.id },
      `${row.name} has a completion date in ${said} (${when}), but ${status}. The status is counted, so it is not complete; clear the date or update the status so the two cells agree.`,
    ),
  );
}
