import { isBlank } from '../cells';
import type { CellValue, SheetSnapshot } from '../types';

/**
 * What a row of the sheet is, read from its shape (T2): a title or position line above the table, a
 * header row (also one repeated under a section), a section heading, an item (a recommendation), the
 * continuation of the item above, a subtotal or total, a key or legend, a footer, or blank.
 */
export type RowKind = 'title' | 'header' | 'section' | 'item' | 'continuation' | 'total' | 'key' | 'footer' | 'blank';

/** One row of the sheet read once: its kind, its section, and its cells by sheet column. Later stages read only these. */
export interface RowRecord {
  /** Index into the snapshot's rows. */
  readonly index: number;
  /** 1-based worksheet row. */
  readonly row: number;
  readonly kind: RowKind;
  /** The heading the row sits under ("Housing rents (2023 audit)"), or null. */
  readonly section: string | null;
  /** 1-based number of the block (a header and the rows under it) the row belongs to; 0 above the first. */
  readonly block: number;
  /** The row's own cells as the snapshot holds them (from the snapshot's first column), and their number formats. */
  readonly cells: readonly CellValue[];
  readonly formats: readonly string[] | undefined;
  /** The cell in a sheet column (0-based); for an item, text continued on the rows below is joined on. */
  value(column: number | null): CellValue;
  /** The cell's number format ("General" where the host gave none for it), or undefined when the host gives none. */
  format(column: number | null): string | undefined;
}

/** Where the snapshot's values start, and the snapshot they come from. */
export interface SheetGrid {
  readonly snapshot: SheetSnapshot;
  readonly originColumn: number;
  readonly originRow: number;
}

/** The values of one row of the grid (empty past its end). */
export function rowValues(grid: SheetGrid, index: number): readonly CellValue[] {
  return grid.snapshot.values[index] ?? [];
}

/** The record of one snapshot row, with the kind, section and block it was given. */
export function recordOf(
  grid: SheetGrid,
  index: number,
  kind: RowKind,
  section: string | null,
  block: number,
  continued: readonly number[] = [],
): RowRecord {
  const { snapshot, originColumn } = grid;
  const values = snapshot.values[index] ?? [];
  const formats = snapshot.numberFormats;
  const own = (i: number, column: number): CellValue => snapshot.values[i]?.[column - originColumn] ?? null;
  return {
    index,
    row: grid.originRow + index,
    kind,
    section,
    block,
    cells: values,
    formats: formats?.[index],
    value: (column) => {
      if (column === null) return null;
      const first = values[column - originColumn] ?? null;
      return continued.length === 0
        ? first
        : joined(
            first,
            continued.map((i) => own(i, column)),
          );
    },
    format: (column) => {
      if (column === null || !formats) return undefined;
      return formats[index]?.[column - originColumn] ?? 'General';
    },
  };
}

/** An item's text with the text of its continuation rows, each on a new line; other values stay as they are. */
function joined(first: CellValue, more: readonly CellValue[]): CellValue {
  const texts = more.filter((v): v is string => typeof v === 'string' && !isBlank(v)).map((v) => v.trim());
  if (texts.length === 0) return first;
  if (isBlank(first)) return texts.join('\n');
  return typeof first === 'string' ? [first.trimEnd(), ...texts].join('\n') : first;
}
