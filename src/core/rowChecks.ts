import { cellText, isBlank } from './cells';
import { formatLong, fromIso } from './dates';
import { finding, quote } from './findings';
import { parseTimescaleCell } from './parseTimescale';
import { ratingPhrases, readRatingCell, type RatingRead } from './rating';
import { readStatutory, type SubjectMarker } from './statutory';
import type { CellValue, Finding, RatingLevel, RatingScale, Role, Timescale } from './types';

/** One table row as the checks see it: its cells by role, where they are, and where findings go. */
export interface RowContext {
  readonly rowNumber: number;
  readonly id: string | null;
  /** "R5", or "The recommendation in row 9" when it has no reference. */
  readonly name: string;
  /** Whether the table has a column for the role. */
  has(role: Role): boolean;
  /** A1 address of the role's cell in this row, or null without a column. */
  at(role: Role): string | null;
  /** True when the role's cell holds an error value (reported once, as CELL_ERROR). */
  errored(role: Role): boolean;
  /** The role's cell as text, trimmed ("" for an error value). */
  text(role: Role): string;
  raw(role: Role): CellValue;
  numberFormat(role: Role): string | undefined;
  report(f: Finding): void;
}

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

/** What checkRating concluded. */
export interface RatingResult {
  readonly level: RatingLevel | null;
  /** Address of the cell that holds the rating (rating column, else progress). */
  readonly at: string | null;
  /** A rating was written but matches no level. */
  readonly unclear: boolean;
  /** The cell that would hold the rating shows an error value. */
  readonly errored: boolean;
}

/** Rating: the rating column, and every "Recommendation met: ..." phrase in the progress text (T4). */
export function checkRating(row: RowContext, scale: RatingScale): RatingResult {
  const column: RatingRead = row.has('rating') && !row.errored('rating') ? readRatingCell(row.text('rating'), scale) : { kind: 'none' };
  const phrases = row.has('progress') && !row.errored('progress') ? ratingPhrases(row.text('progress'), scale) : [];
  const reads = column.kind === 'none' ? phrases : [...phrases, column];
  const at = row.at(row.has('rating') && column.kind !== 'none' ? 'rating' : row.has('progress') ? 'progress' : 'rating');
  const levels: RatingLevel[] = [];
  let unclear = false;
  for (const r of reads) {
    if (r.kind === 'level') levels.push(r.level);
    else if (r.kind === 'unknown') {
      unclear = true;
      row.report(
        finding(
          'RATING_UNKNOWN',
          { cell: at, row: row.rowNumber, id: row.id },
          `${row.name}'s rating ${quote(r.text || '(blank)')} in ${at} is not on the scale. Use one of: ${scale.map((l) => l.label.toLowerCase()).join(', ')}.`,
        ),
      );
    }
  }
  // The rating column wins; otherwise the last phrase, since the rating is the last line.
  const level = column.kind === 'level' ? column.level : (levels[levels.length - 1] ?? null);
  const distinct = [...new Set(levels)];
  if (distinct.length > 1 && level) {
    row.report(
      finding(
        'RATING_CONFLICT',
        { cell: at, row: row.rowNumber, id: row.id },
        `${row.name} gives ${distinct.length} different ratings (${distinct.map((l) => quote(l.label.toLowerCase())).join(' and ')}). "${level.label.toLowerCase()}" is counted; remove the other so the report is unambiguous.`,
      ),
    );
  }
  const errored = row.errored('rating') || (!row.has('rating') && row.errored('progress'));
  if (reads.length === 0 && !errored && (row.has('rating') || row.has('progress'))) {
    row.report(
      finding(
        'RATING_MISSING',
        { cell: at, row: row.rowNumber, id: row.id },
        row.has('rating')
          ? `${row.name} is unrated: ${at} is empty. Enter how far it has been met (${scale.map((l) => l.label.toLowerCase()).join(' / ')}).`
          : `${row.name} is unrated: ${at} has no "Recommendation met: ..." line. End the progress text with, for example, "Recommendation met: ${scale[1]?.label.toLowerCase() ?? 'completely'}".`,
      ),
    );
  }
  return { level, at, unclear, errored };
}

/** What checkTimescale concluded. */
export interface TimescaleResult {
  readonly timescale: Timescale;
  readonly overdue: boolean;
  readonly daysOverdue: number;
  /** Days until due when due soon, else null. */
  readonly daysToDue: number | null;
}

/** Timescale, due date and status against the as-at date (T6, T7). */
export function checkTimescale(
  row: RowContext,
  rating: RatingResult,
  complete: boolean,
  statutory: boolean | null,
  dates: { readonly reference: string; readonly asAtDay: number; readonly dueSoonDays: number },
): TimescaleResult {
  const timescale: Timescale = row.errored('timescale')
    ? { text: cellText(row.raw('timescale')), kind: 'unparsed', due: null, yearInferred: false }
    : parseTimescaleCell(row.raw('timescale'), row.numberFormat('timescale'), dates.reference);
  const dueDay = timescale.due === null ? null : fromIso(timescale.due);
  const overdue = dueDay !== null && dueDay < dates.asAtDay && !complete;
  const daysOverdue = overdue && dueDay !== null ? dates.asAtDay - dueDay : 0;
  const daysToDue = dueDay !== null && !overdue && !complete && dueDay - dates.asAtDay <= dates.dueSoonDays ? dueDay - dates.asAtDay : null;
  if (!row.has('timescale') || row.errored('timescale')) return { timescale, overdue, daysOverdue, daysToDue };

  const { name } = row;
  const ts = row.at('timescale');
  const here = where(row, 'timescale');
  const rated = rating.level === null ? 'unrated' : `rated "${rating.level.label.toLowerCase()}"`;
  if (timescale.kind === 'missing') {
    row.report(
      finding(
        'TIMESCALE_MISSING',
        here,
        `${name} has no timescale in ${ts}. Add a target date (for example "September 2002"), or "Ongoing".`,
      ),
    );
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
  } else if (timescale.kind === 'complete' && !complete) {
    row.report(
      finding(
        'TIMESCALE_COMPLETE_MISMATCH',
        here,
        `${name}'s timescale in ${ts} says complete, but it is ${rated} (${rating.at}). Update the timescale or the rating so they agree.`,
      ),
    );
  }
  if (dueDay === null) return { timescale, overdue, daysOverdue, daysToDue };
  if (timescale.yearInferred) {
    row.report(
      finding(
        'TIMESCALE_YEAR_INFERRED',
        here,
        `${name}'s timescale in ${ts} gives no year; it is read as ${formatLong(dueDay)}. Add the year to be sure.`,
      ),
    );
  }
  if (overdue) {
    row.report(
      finding(
        'OVERDUE',
        here,
        `${name}${statutory ? ' (statutory)' : ''} was due by ${formatLong(dueDay)} (${ts}) and is ${plural(daysOverdue, 'day')} overdue, ${rated}. Update the progress and rating, or agree a revised timescale.`,
        statutory ? 'error' : 'warning',
      ),
    );
  }
  if (daysToDue !== null) {
    row.report(
      finding(
        'DUE_SOON',
        here,
        `${name} is due by ${formatLong(dueDay)} (${ts}), in ${plural(daysToDue, 'day')}, and is not yet complete.`,
      ),
    );
  }
  return { timescale, overdue, daysOverdue, daysToDue };
}
