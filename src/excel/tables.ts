import { columnIndex, parseAddress } from '../core/address';
import type { FormatPlan } from '../core/plans/formatPlan';
import type { CellValue, SheetSnapshot, TableLocation } from '../core/types';

/**
 * Excel tables (ListObjects) on the plan's sheet. Many trackers are tables; four Excel rules matter:
 * a sheet AutoFilter may not overlap a table (a table has its own filter), a table grows over data written
 * in the column right beside it, a sort of the table moves only the table's own columns, and its totals row
 * is not a recommendation. So our columns join a plan's table as table columns of it.
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

/** One of our columns to add to a user's table: its sheet column (0-based) and header. */
export interface TableColumnToAdd {
  readonly column: number;
  readonly header: string;
}

/**
 * Our columns (status, days overdue, data check) that join the user's table as columns of it: the new ones
 * (their header cell blank, so the core placed them on an empty column) running on without a gap from the
 * column right beside the table. A column of ours already inside the table (a re-run) is rewritten in place,
 * never added again; one found outside it (an earlier version left a gap) stays where it is.
 */
export function columnsToAdd(plan: FormatPlan, table: SheetTable, snapshot: SheetSnapshot): TableColumnToAdd[] {
  const origin = parseAddress(snapshot.origin) ?? { column: 0, row: 1 };
  const header = snapshot.values[table.headerRow - origin.row] ?? [];
  const ours = [...(plan.status ? [plan.status] : []), ...plan.added]
    .map((c) => ({ column: columnIndex(c.column), header: c.header }))
    .sort((a, b) => a.column - b.column);
  const out: TableColumnToAdd[] = [];
  let next = table.lastColumn + 1;
  for (const c of ours) {
    if (c.column <= table.lastColumn) continue;
    const cell = header[c.column - origin.column];
    const blank = cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
    if (c.column !== next || !blank) break;
    out.push(c);
    next++;
  }
  return out;
}

/**
 * Queues our new columns as columns of the user's table, appended in order: a sort or filter of the table then
 * moves our cells with their rows, where cells beside a table would stay put against other rows.
 * `TableColumnCollection.add(index, values, name)` (ExcelApi 1.1; a null or -1 index appends and `name` names
 * the column from 1.4, within the manifest's 1.9):
 * https://learn.microsoft.com/javascript/api/excel/excel.tablecolumncollection#excel-excel-tablecolumncollection-add-member(1).
 * The column is added empty under its name; its cells are then written through the sheet's ranges in the same
 * batch, as on a re-run (text with the quote prefix, numbers as numbers), so one path writes our values and
 * the shape of `values` over a totals row never matters.
 */
export function queueTableColumns(table: Excel.Table, columns: readonly TableColumnToAdd[]): void {
  for (const c of columns) table.columns.add(-1, undefined, c.header);
}
