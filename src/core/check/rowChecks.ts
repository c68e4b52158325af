import { cellText, isBlank } from '../cells';
import { formatLong, fromIso } from '../dates';
import { finding, quote } from '../findings';
import { reportImpossible } from '../interpret/completion';
import { parseTimescaleCell } from '../interpret/parseTimescale';
import type { StatusResult } from '../interpret/status';
import { readStatutory, type SubjectMarker } from '../interpret/statutory';
import type { RowContext } from '../read/rowContext';
import type { DateReading, Role, Timescale } from '../types';

export type { RowContext };

const where = (row: RowContext, role: Role) => ({ cell: row.at(role), row: row.rowNumber, id: row.id });
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Statutory status: the Statutory column if it says, else the Subject cell's marker (T5). */
export function checkStatutory(row: RowContext, marker: SubjectMarker, recordsStatutory: boolean): boolean | null {
  const value = row.raw('statutory');
  if (row.has('statutory') && !isBlank(value) && !row.errored('statutory')) {
    const statutory = typeof value === 'boolean' ? value : readStatutory(cellText(value));
    if (statutory === null) {
      row.report(
        finding(
          'STATUTORY_UNKNOWN',
          where(row, 'statutory'),
          `${row.name}'s statutory status ${quote(cellText(value))} in ${row.at('statutory')} is not recognised. Write "Statutory" or "Non-statutory".`,
        ),
      );
    }
    return statutory;
  }
  if (marker.statutory !== null) return marker.statutory;
  if (recordsStatutory && !row.errored('statutory')) {
    const role: Role = row.has('statutory') ? 'statutory' : 'subject';
    const how = row.has('statutory') ? 'in the Statutory column' : 'as a second line of the Subject cell';
    row.report(
      finding(
        'STATUTORY_MISSING',
        where(row, role),
        `${row.name} does not say whether it is statutory (${row.at(role)}). Write "Statutory" or "Non-statutory" ${how}.`,
      ),
    );
  }
  return null;
}

/** What checkTimescale concluded. */
export interface TimescaleResult {
  readonly timescale: Timescale;
  readonly overdue: boolean;
  readonly daysOverdue: number;
  /** Days until due when due soon, else null. */
  readonly daysToDue: number | null;
}

/** The original-target column read as a date, or null without one (S2). */
export function readOriginal(row: RowContext, reference: string, reading?: DateReading): Timescale | null {
  if (!row.has('originalTimescale') || row.errored('originalTimescale')) return null;
  return parseTimescaleCell(row.raw('originalTimescale'), row.numberFormat('originalTimescale'), reference, reading);
}

/** The row's timescale cell read as a due date, in each column's date reading; an empty revised date falls back to the original one (T6). */
export function readTimescale(row: RowContext, reference: string, readings: Partial<Record<Role, DateReading>> = {}): Timescale {
  if (row.errored('timescale')) return { text: cellText(row.raw('timescale')), kind: 'unparsed', due: null, yearInferred: false };
  const revised = parseTimescaleCell(row.raw('timescale'), row.numberFormat('timescale'), reference, readings.timescale);
  if (revised.kind !== 'missing' || !row.has('originalTimescale') || row.errored('originalTimescale')) return revised;
  return readOriginal(row, reference, readings.originalTimescale) ?? revised;
}

/** Reports a timescale the checker cannot date: missing, impossible, unparsed or without a deadline (T6). */
function reportUndated(row: RowContext, timescale: Timescale): void {
  const { name } = row;
  const ts = row.at('timescale');
  const here = where(row, 'timescale');
  if (timescale.kind === 'missing') {
    row.report(
      finding(
        'TIMESCALE_MISSING',
        here,
        `${name} has no timescale in ${ts}. Add a target date (for example "September 2002"), or "Ongoing".`,
      ),
    );
  } else if (timescale.impossible !== undefined) {
    reportImpossible(row, ts, timescale.impossible);
  } else if (timescale.kind === 'unparsed') {
    row.report(
      finding(
        'TIMESCALE_UNPARSED',
        here,
        `${name}'s timescale ${quote(timescale.text)} in ${ts} has no date the checker can read. Add a month and year (for example "September 2002"), or "Ongoing".`,
      ),
    );
  } else if (timescale.kind === 'none') {
    row.report(
      finding(
        'TIMESCALE_NO_DEADLINE',
        here,
        `${name}'s timescale in ${ts} sets no date (${quote(timescale.text, 50)}). Agree a target date, or record why none can be set.`,
      ),
    );
  }
}

/** Reports a dated timescale's findings: year assumed, overdue, due soon (T6, T7). */
function reportDated(
  row: RowContext,
  timescale: Timescale,
  dueDay: number,
  result: TimescaleResult,
  status: StatusResult,
  important: { readonly statutory: boolean | null; readonly topPriority: string | null },
): void {
  const { name } = row;
  const ts = row.at('timescale');
  const here = where(row, 'timescale');
  if (timescale.yearInferred) {
    row.report(
      finding(
        'TIMESCALE_YEAR_INFERRED',
        here,
        `${name}'s timescale in ${ts} gives no year; it is read as ${formatLong(dueDay)}. Add the year to be sure.`,
      ),
    );
  }
  if (result.overdue) {
    const rated = status.complete ? 'complete' : status.level === null ? 'unrated' : `rated "${status.level.label.toLowerCase()}"`;
    const why = [important.statutory ? 'statutory' : null, important.topPriority].filter((w) => w !== null).join(', ');
    row.report(
      finding(
        'OVERDUE',
        here,
        `${name}${why ? ` (${why})` : ''} was due by ${formatLong(dueDay)} (${ts}) and is ${plural(result.daysOverdue, 'day')} overdue, ${rated}. Update the progress and status, or agree a revised timescale.`,
        why ? 'error' : 'warning',
      ),
    );
  }
  if (result.daysToDue !== null) {
    row.report(
      finding(
        'DUE_SOON',
        here,
        `${name} is due by ${formatLong(dueDay)} (${ts}), in ${plural(result.daysToDue, 'day')}, and is not yet complete.`,
      ),
    );
  }
}

/** Due date and status against the as-at date, with the timescale's findings (T6, T7). */
export function checkTimescale(
  row: RowContext,
  timescale: Timescale,
  status: StatusResult,
  important: { readonly statutory: boolean | null; readonly topPriority: string | null },
  dates: { readonly asAtDay: number; readonly dueSoonDays: number },
): TimescaleResult {
  // Open means rated and not done: an item with no readable status is "Not rated", never overdue or due (S1).
  const open = !status.complete && !status.excluded && !status.unrated;
  const dueDay = timescale.due === null ? null : fromIso(timescale.due);
  const overdue = dueDay !== null && dueDay < dates.asAtDay && open;
  const daysOverdue = overdue && dueDay !== null ? dates.asAtDay - dueDay : 0;
  const daysToDue = dueDay !== null && !overdue && open && dueDay - dates.asAtDay <= dates.dueSoonDays ? dueDay - dates.asAtDay : null;
  const result: TimescaleResult = { timescale, overdue, daysOverdue, daysToDue };
  if (!row.has('timescale') || row.errored('timescale')) return result;
  reportUndated(row, timescale);
  if (dueDay !== null) reportDated(row, timescale, dueDay, result, status, important);
  return result;
}
