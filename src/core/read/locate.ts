import { parseAddress } from '../address';
import { isBlank } from '../cells';
import { applyOverrides, type HeaderMatch } from './findTable';
import { looksLikeReference } from '../interpret/references';
import type { CellValue, Role, SheetSnapshot } from '../types';
import { ROLES } from '../types';

/** Rows whose first cell starts like this end the table (totals, notes and keys under it). */
const FOOTER_RE = /^\s*(grand\s+)?(totals?|notes?|key|source|prepared by|footnotes?)\b\s*[:-]?/i;

/** Lone lines that open a group of rows: "TARGET 1: ...", "Section 2", "Theme: ...", a first line ending in a colon. */
const HEADING_RE =
  /^\s*(?:(?:target|section|part|theme|objective|aim|outcome|priority|area|chapter|workstream|strand)\b|[^\n]{1,80}:\s*(?:\n|$))/i;

/** The located table: its header, columns by role, and the rows that hold recommendations (T1, T2). */
export interface LocatedTable {
  readonly header: HeaderMatch;
  readonly origin: { readonly column: number; readonly row: number };
  readonly columns: Record<Role, number | null>;
  /** Every column of the table (header cells and role columns), sorted. */
  readonly tableColumns: readonly number[];
  /** Indexes into the snapshot's rows of the recommendations, in order. */
  readonly rowIndexes: readonly number[];
  /** Index of the table's last row (the last recommendation). */
  readonly lastIndex: number;
}

/** The cells of a row that are filled, among the table's columns. */
function filled(row: readonly CellValue[], columns: readonly number[], originColumn: number): { column: number; value: CellValue }[] {
  const out: { column: number; value: CellValue }[] = [];
  for (const c of columns) {
    const v = row[c - originColumn];
    if (!isBlank(v)) out.push({ column: c, value: v ?? null });
  }
  return out;
}

/** A row that fills one cell with text that is not a reference: a section heading, or a footer under the table (T2). */
function isLoneText(cells: readonly { column: number; value: CellValue }[], idColumn: number | null): boolean {
  const only = cells.length === 1 ? cells[0] : undefined;
  if (!only || typeof only.value !== 'string') return false;
  return !(only.column === idColumn && looksLikeReference(only.value));
}

/** A section heading between groups of rows: lone text in the first column, not a reference (T2). */
function isHeading(
  cells: readonly { column: number; value: CellValue }[],
  firstColumn: number | null,
  idColumn: number | null,
  width: number,
): boolean {
  const only = cells[0];
  if (width < 3 || !only || only.column !== firstColumn || !isLoneText(cells, idColumn)) return false;
  // With a reference column any lone text there is a heading; without one, a short line or one that reads as a heading
  // ("TARGET 1: ...", "Section 2"); a long lone text is an item with nothing else filled in yet.
  const text = String(only.value);
  return idColumn !== null || text.length <= 120 || HEADING_RE.test(text);
}

/** Applies overrides to the header's columns and finds the rows of the table. */
export function locateTable(snapshot: SheetSnapshot, header: HeaderMatch, overrides: Partial<Record<Role, string>> | undefined) {
  const origin = parseAddress(snapshot.origin) ?? { column: 0, row: 1 };
  const { columns, invalid } = applyOverrides(header.columns, overrides);
  const roleColumns = ROLES.map((r) => columns[r]).filter((c): c is number => c !== null);
  const tableColumns = [...new Set([...header.headerColumns, ...roleColumns, ...header.ticks])].sort((a, b) => a - b);
  const candidates: { index: number; cells: { column: number; value: CellValue }[] }[] = [];
  for (let i = header.rowIndex + 1; i < snapshot.values.length; i++) {
    const cells = filled(snapshot.values[i] ?? [], tableColumns, origin.column);
    const first = cells[0]?.value;
    if (first === undefined) continue;
    const recommendation = columns.recommendation === null ? null : (snapshot.values[i]?.[columns.recommendation - origin.column] ?? null);
    if (typeof first === 'string' && FOOTER_RE.test(first) && isBlank(recommendation)) break;
    candidates.push({ index: i, cells });
  }
  // Footers: lone text rows after the last full row. Section headings: lone text in the first column, with a reference column.
  let end = candidates.length;
  while (end > 0 && isLoneText(candidates[end - 1]?.cells ?? [], columns.id)) end--;
  const firstColumn = tableColumns[0] ?? null;
  const rows = candidates.slice(0, end).filter((c) => !isHeading(c.cells, firstColumn, columns.id, tableColumns.length));
  const rowIndexes = rows.map((r) => r.index);
  const located: LocatedTable = {
    header,
    origin,
    columns,
    tableColumns,
    rowIndexes,
    lastIndex: rowIndexes[rowIndexes.length - 1] ?? header.rowIndex,
  };
  return { located, invalid };
}
