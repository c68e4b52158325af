import { readTitleDates, type TitleDate } from './asAt';
import { cellText, isBlank, squash } from '../cells';
import { fromIso, toIso } from '../dates';
import type { PositionLines, SheetLine } from '../read/positionLines';
import type { AsAtPlace, AsAtSource, DateReading } from '../types';

/** The dates an analysis is read against, and where the as-at date came from (T3). */
export interface Position {
  readonly asAtDay: number;
  readonly asAtSource: AsAtSource;
  /** Where on the sheet the as-at date was read, when it was read from the sheet. */
  readonly asAtPlace?: AsAtPlace;
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

/** A date read from the sheet's lines, with where it was read. */
export type PlacedDate = TitleDate & { readonly place: AsAtPlace };

/**
 * The position date written on the sheet (T3): a stated position ("as at", "position at", "updated as
 * at", a progress report's "period ended") in the title rows, else one under or beside the table; else a
 * meeting or report date or a plain date in the title rows; else a meeting or report date under the table.
 */
export function sheetPosition(lines: PositionLines, reference: number, reading?: DateReading): PlacedDate | null {
  const placed = (place: AsAtPlace, found: TitleDate | null): PlacedDate | null => (found ? { ...found, place } : null);
  const title = placed('title', datesIn(lines.title, reference, reading));
  if (title?.cue === 'stated') return title;
  const below = placed('below', datesIn(lines.below, reference, reading));
  const beside = placed('beside', datesIn(lines.beside, reference, reading));
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
  const found = sheetPosition(lines, chosen ?? today, reading);
  const documentDay = fromIso(found?.date ?? '');
  const asAtDay = chosen ?? documentDay ?? today;
  const asAtSource: AsAtSource = chosen !== undefined ? 'option' : documentDay !== null ? 'sheet' : 'assumed';
  const place = asAtSource === 'sheet' && found ? { asAtPlace: found.place } : {};
  const statedText = asAtSource === 'sheet' ? (found?.text ?? null) : null;
  return { asAtDay, asAtSource, ...place, documentDay, reference: toIso(documentDay ?? asAtDay), titleRows, statedText };
}
