import { readTitleDates, type TitleDate } from './asAt';
import { cellText, isBlank, squash } from '../cells';
import { fromIso, toIso } from '../dates';
import type { PositionLines, SheetLine } from '../read/positionLines';
import type { AsAtSource, DateReading } from '../types';

/** The dates an analysis is read against, and where the as-at date came from (T3). */
export interface Position {
  readonly asAtDay: number;
  readonly asAtSource: AsAtSource;
  /** The position date stated on the sheet; places year-less timescales. */
  readonly documentDay: number | null;
  /** ISO date that places year-less and two-digit-year timescales. */
  readonly reference: string;
  readonly titleRows: readonly string[];
  /** The text the sheet's position date was read from, or null (chosen, assumed). */
  readonly statedText: string | null;
}

function datesIn(lines: readonly SheetLine[], reference: number, reading?: DateReading): TitleDate | null {
  if (lines.length === 0) return null;
  return readTitleDates(
    lines.map((l) => l.cells),
    lines.map((l) => l.formats),
    reference,
    reading,
  ).asAt;
}

/**
 * The position date written on the sheet (T3): a stated position ("as at", "position at", "updated as
 * at", a progress report's "period ended") in the title rows, else one under or beside the table; else a
 * meeting or report date or a plain date in the title rows; else a meeting or report date under the table.
 */
export function sheetPosition(lines: PositionLines, reference: number, reading?: DateReading): TitleDate | null {
  const title = datesIn(lines.title, reference, reading);
  if (title?.cue === 'stated') return title;
  const below = datesIn(lines.below, reference, reading);
  const beside = datesIn(lines.beside, reference, reading);
  const stated = [below, beside].find((d) => d?.cue === 'stated');
  if (stated) return stated;
  if (title) return title;
  return below?.cue === 'meeting' ? below : null;
}

/** Reads the sheet's lines for the position date (numeric dates in the sheet's order); the chosen date wins, else the sheet's, else today, said as assumed. */
export function readPosition(lines: PositionLines, chosen: number | undefined, today: number, reading?: DateReading): Position {
  const titleRows = lines.title
    .map((line) =>
      line.cells
        .filter((v) => !isBlank(v))
        .map(cellText)
        .map(squash)
        .join(' '),
    )
    .filter((t) => t !== '');
  const stated = sheetPosition(lines, chosen ?? today, reading);
  const documentDay = fromIso(stated?.date ?? '');
  const asAtDay = chosen ?? documentDay ?? today;
  const asAtSource: AsAtSource = chosen !== undefined ? 'option' : documentDay !== null ? 'sheet' : 'assumed';
  const statedText = asAtSource === 'sheet' ? (stated?.text ?? null) : null;
  return { asAtDay, asAtSource, documentDay, reference: toIso(documentDay ?? asAtDay), titleRows, statedText };
}
