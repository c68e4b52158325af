import { columnLetter } from '../../src/core/address';
import type { CellValue, SheetSnapshot } from '../../src/core/types';

/** A sheet being written row by row: values, number formats and merged areas. */
export class Grid {
  readonly values: CellValue[][] = [];
  readonly formats: string[][] = [];
  readonly merges: string[] = [];

  /** Adds a row (cells from column 0) and returns its 0-based index. */
  add(cells: readonly CellValue[], formats: readonly (string | undefined)[] = []): number {
    this.values.push([...cells]);
    this.formats.push(cells.map((_, c) => formats[c] ?? 'General'));
    return this.values.length - 1;
  }

  /** Merges columns `from`..`to` (0-based) of rows `row`..`toRow`. */
  merge(row: number, from: number, to: number, toRow = row): void {
    this.merges.push(`${columnLetter(from)}${row + 1}:${columnLetter(to)}${toRow + 1}`);
  }

  /** The snapshot a host gives: every row as wide as the widest. */
  snapshot(name = 'Tracker'): SheetSnapshot {
    const width = Math.max(1, ...this.values.map((r) => r.length));
    const pad = <T>(row: readonly T[], fill: T): T[] => [...row, ...Array<T>(width - row.length).fill(fill)];
    return {
      name,
      origin: 'A1',
      values: this.values.map((r) => pad(r, null)),
      numberFormats: this.formats.map((r) => pad(r, 'General')),
      merges: this.merges,
    };
  }
}
