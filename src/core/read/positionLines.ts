import type { CellValue, SheetSnapshot } from '../types';
import type { LocatedTable } from './locate';
import type { RowRecord } from './records';

/** One line of the sheet that may state the position date: its cells and their number formats. */
export interface SheetLine {
  readonly cells: readonly CellValue[];
  readonly formats: readonly string[] | undefined;
}

/** Where the position date may be written (T3): the title rows, lines under or between the tables, cells beside the table. */
export interface PositionLines {
  readonly title: readonly SheetLine[];
  /** Footers, keys, totals and lines after the table, of any block. */
  readonly below: readonly SheetLine[];
  /** Cells left or right of the table's columns, on its own rows. */
  readonly beside: readonly SheetLine[];
}

/** Without a table: the first ten rows are the title rows. */
export function linesWithoutTable(snapshot: SheetSnapshot): PositionLines {
  const count = Math.min(10, snapshot.values.length);
  const title = snapshot.values.slice(0, count).map((cells, i) => ({ cells, formats: snapshot.numberFormats?.[i] }));
  return { title, below: [], beside: [] };
}

/** Kinds of row under or inside a table that may carry a position line: footers, keys, totals and position lines. */
const BELOW_KINDS = new Set(['footer', 'key', 'total', 'title']);

/**
 * The cells of a row outside the table's columns (the table's own cells blanked); beside an item only
 * short lines, as a note on an item's progress may well mention when it was updated.
 */
function besideCells(record: RowRecord, tableColumns: ReadonlySet<number>, originColumn: number): SheetLine | null {
  let any = false;
  const short = record.kind === 'item' || record.kind === 'continuation';
  const cells = record.cells.map((v, i) => {
    if (tableColumns.has(originColumn + i) || v === null || v === '') return null;
    if (short && typeof v === 'string' && v.length > 80) return null;
    any = true;
    return v;
  });
  return any ? { cells, formats: record.formats } : null;
}

/** The lines of a located table's sheet where a position date may be written, from its row records. */
export function positionLines(located: LocatedTable): PositionLines {
  const read = new Set(located.blocks.filter((b) => b.read).map((b) => b.number));
  const line = (r: RowRecord): SheetLine => ({ cells: r.cells, formats: r.formats });
  // The title rows: everything above the first header, the first block's heading line too.
  const firstHeader = located.records.find((r) => r.kind === 'header')?.index ?? 0;
  const title = located.records.filter((r) => r.index < firstHeader).map(line);
  // Under the table: footers, keys and totals, and lines written outside its columns after its last row.
  const under = (r: RowRecord) => r.block > 0 && (BELOW_KINDS.has(r.kind) || (r.kind === 'blank' && r.index > located.lastIndex));
  const below = located.records.filter(under).map(line);
  const columns = new Set(located.tableColumns);
  // A header cell that names no role may be a note beside the header ("Updated as at 30 June 2024").
  const roles = new Set(Object.values(located.columns).filter((c): c is number => c !== null));
  const beside = located.records
    .filter((r) => read.has(r.block) && !under(r))
    .map((r) => besideCells(r, r.kind === 'header' ? roles : columns, located.origin.column))
    .filter((l): l is SheetLine => l !== null);
  return { title, below, beside };
}
