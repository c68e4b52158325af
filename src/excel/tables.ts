import { parseAddress } from '../core/address';
import type { CellValue, SheetSnapshot, TableLocation } from '../core/types';

/**
 * Excel tables (ListObjects) on the plan's sheet. Many trackers are tables; three Excel rules matter:
 * a sheet AutoFilter may not overlap a table (a table has its own filter), a table grows over data written
 * in the column right beside it, and its totals row is not a recommendation.
 */

/** A table's cells: 0-based columns, 1-based rows, inclusive; the totals row (when shown) is `lastRow`. */
export interface SheetTable {
  readonly name: string;
  readonly firstColumn: number;
  readonly lastColumn: number;
  readonly headerRow: number;
  readonly lastRow: number;
  readonly showTotals: boolean;
}

/** Queues the sheet's tables with their names and whether they show a totals row. */
export function queueTables(sheet: Excel.Worksheet): Excel.TableCollection {
  const tables = sheet.tables;
  tables.load('items/name,items/showTotals');
  return tables;
}

/** Queues each loaded table's address (a table's range can only be asked for once the table is known). */
export function queueTableRanges(tables: Excel.TableCollection): { table: Excel.Table; range: Excel.Range }[] {
  return tables.items.map((table) => {
    const range = table.getRange();
    range.load('address');
    return { table, range };
  });
}

/** The tables as cell boxes, after the ranges' sync. */
export function sheetTables(loaded: readonly { table: Excel.Table; range: Excel.Range }[]): SheetTable[] {
  const out: SheetTable[] = [];
  for (const { table, range } of loaded) {
    const local = range.address.slice(range.address.lastIndexOf('!') + 1);
    const [a, b] = local.split(':');
    const start = parseAddress(a ?? '');
    const end = parseAddress(b ?? a ?? '');
    if (!start || !end) continue;
    out.push({
      name: table.name,
      firstColumn: start.column,
      lastColumn: end.column,
      headerRow: start.row,
      lastRow: end.row,
      showTotals: table.showTotals,
    });
  }
  return out;
}

/** The snapshot with every table's totals row blanked, so the core never counts a total as a recommendation. */
export function withoutTotals(snapshot: SheetSnapshot, tables: readonly SheetTable[]): SheetSnapshot {
  const withTotals = tables.filter((t) => t.showTotals);
  if (withTotals.length === 0) return snapshot;
  const origin = parseAddress(snapshot.origin) ?? { column: 0, row: 1 };
  const values = snapshot.values.map((row, i) => {
    const sheetRow = origin.row + i;
    const hits = withTotals.filter((t) => t.lastRow === sheetRow);
    if (hits.length === 0) return row;
    return row.map((v, j): CellValue =>
      hits.some((t) => origin.column + j >= t.firstColumn && origin.column + j <= t.lastColumn) ? null : v,
    );
  });
  return { ...snapshot, values };
}

/** The sheet table that overlaps the plan's table, if any. */
export function tableUnder(plan: TableLocation, tables: readonly SheetTable[]): SheetTable | null {
  const first = parseAddress(`${plan.firstColumn}1`)?.column ?? 0;
  const last = parseAddress(`${plan.lastColumn}1`)?.column ?? first;
  return (
    tables.find((t) => t.firstColumn <= last && t.lastColumn >= first && t.headerRow <= plan.lastRow && t.lastRow >= plan.headerRow) ?? null
  );
}

/**
 * The snapshot the status column is planned on: the column just right of an Excel table looks taken, so the
 * status column lands one column clear of the table. Written right beside it, it would be pulled into the
 * user's table (Excel extends a table over data typed next to it), changing the table's shape.
 */
export function withStatusGap(snapshot: SheetSnapshot, plan: TableLocation, table: SheetTable | null): SheetSnapshot {
  if (!table) return snapshot;
  const origin = parseAddress(snapshot.origin) ?? { column: 0, row: 1 };
  const gap = table.lastColumn + 1 - origin.column;
  const headerIndex = plan.headerRow - origin.row;
  if (gap < 0 || headerIndex < 0) return snapshot;
  const values = snapshot.values.map((row, i) => {
    if (i !== headerIndex) return row;
    const copy = [...row];
    while (copy.length <= gap) copy.push(null);
    // A placeholder the core reads as "column in use"; never written anywhere.
    if (copy[gap] === null || copy[gap] === '') copy[gap] = '\u200B';
    return copy;
  });
  return { ...snapshot, values };
}

/** True when the column just right of `table` is empty through the plan's rows (so a status column past it was not "moved"). */
export function gapIsBlank(snapshot: SheetSnapshot, plan: TableLocation, table: SheetTable): boolean {
  const origin = parseAddress(snapshot.origin) ?? { column: 0, row: 1 };
  const column = table.lastColumn + 1 - origin.column;
  for (let r = plan.headerRow - origin.row; r <= plan.lastRow - origin.row; r++) {
    const v = snapshot.values[r]?.[column];
    if (v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')) return false;
  }
  return true;
}
