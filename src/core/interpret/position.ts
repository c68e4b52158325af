import { titleDate } from './asAt';
import { cellText, isBlank, squash } from '../cells';
import { fromIso, toIso } from '../dates';
import type { AsAtSource, SheetSnapshot } from '../types';

/** The dates an analysis is read against, and where the as-at date came from (T3). */
export interface Position {
  readonly asAtDay: number;
  readonly asAtSource: AsAtSource;
  /** The date stated in the title rows; places year-less timescales. */
  readonly documentDay: number | null;
  /** ISO date that places year-less and two-digit-year timescales. */
  readonly reference: string;
  readonly titleRows: readonly string[];
}

/** Reads the title rows above the header for the position date; the chosen date wins, else today, said as assumed. */
export function readPosition(snapshot: SheetSnapshot, titleCount: number, chosen: number | undefined, today: number): Position {
  const titleValues = snapshot.values.slice(0, titleCount);
  const titleRows = titleValues
    .map((row) =>
      row
        .filter((v) => !isBlank(v))
        .map(cellText)
        .map(squash)
        .join(' '),
    )
    .filter((t) => t !== '');
  const documentDay = fromIso(titleDate(titleValues, snapshot.numberFormats?.slice(0, titleCount) ?? [], chosen ?? today) ?? '');
  const asAtDay = chosen ?? documentDay ?? today;
  const asAtSource: AsAtSource = chosen !== undefined ? 'option' : documentDay !== null ? 'sheet' : 'assumed';
  return { asAtDay, asAtSource, documentDay, reference: toIso(documentDay ?? asAtDay), titleRows };
}
