import { isBlank } from '../cells';
import { namesYear } from '../dates';
import { looksLikeReference } from '../interpret/references';
import type { CellValue, Role } from '../types';
import type { Merge } from './merges';
import { rowValues, type RowKind, type SheetGrid } from './records';

/** A first cell starting like this is a subtotal or total row: never an item, and the table goes on below it. */
const TOTAL_RE = /^\s*(?:(?:sub|section|grand|overall)[\s-]?)?totals?\b/i;
/** A first cell starting like this opens a key or legend: it and the rows under it, to the next header, are the key. */
const KEY_RE = /^\s*(?:key|legend)\b\s*(?:[:-]|$|to\b)/i;
/** A line of one or two cells starting like this states the position ("As at" | 31/03/2024): a position line, not an item. */
const POSITION_RE =
  /^\s*(?:as\s+(?:at|of)|position\s+(?:as\s+)?(?:at|of)|(?:last\s+|date\s+)?updated|date\s+of\s+(?:update|report)|report\s+date|status\s+(?:as\s+)?(?:at|of))\b/i;
/** A first cell starting like this opens the footer: notes, sources, who prepared it. */
const FOOTER_RE = /^\s*(?:notes?|source|prepared by|footnotes?)\b\s*[:-]?/i;
/** Lone lines that open a group of rows: "TARGET 1: ...", "Section 2", "Theme: ...", a first line ending in a colon. */
const HEADING_RE =
  /^\s*(?:(?:target|section|part|theme|objective|aim|outcome|priority|area|chapter|workstream|strand)\b|[^\n]{1,80}:\s*(?:\n|$))/i;

/** Roles whose cells hold free text: a lone line there may be an item still being written, so it is not taken as a heading. */
const TEXT_ROLES: readonly Role[] = ['recommendation', 'progress', 'subject'];
/** Roles a row that carries on the item above never fills: a row with one of these is an item of its own. */
const ITEM_ROLES: readonly Role[] = ['lead', 'timescale', 'originalTimescale', 'rating', 'priority', 'statutory'];

/** The shape of one block as its rows are classified: its header, its end and its columns. */
export interface BlockShape {
  /** Index of the (last) header row. */
  readonly headerIndex: number;
  /** Index of the first row after the block's body (the next block's heading or header, or the end). */
  readonly endIndex: number;
  readonly columns: Readonly<Record<Role, number | null>>;
  /** Every column of the table, sorted. */
  readonly tableColumns: readonly number[];
  /** Tick-mark columns: a mark there records a status, as a status cell does. */
  readonly ticks: readonly number[];
}

/** One body row's kind, and for an item the rows below that carry it on. */
export interface ClassifiedRow {
  readonly index: number;
  readonly kind: RowKind;
  /** For a section heading, its text. */
  readonly heading: string | null;
  readonly continued: readonly number[];
}

type Cells = readonly { readonly column: number; readonly value: CellValue }[];

/** The cells of a row that are filled, among the table's columns. */
function filled(row: readonly CellValue[], columns: readonly number[], originColumn: number): Cells {
  const out: { column: number; value: CellValue }[] = [];
  for (const c of columns) {
    const v = row[c - originColumn];
    if (!isBlank(v)) out.push({ column: c, value: v ?? null });
  }
  return out;
}

/** A row that fills one cell with text that is not a reference. */
function loneText(cells: Cells, idColumn: number | null): string | null {
  const only = cells.length === 1 ? cells[0] : undefined;
  if (!only || typeof only.value !== 'string') return null;
  return only.column === idColumn && looksLikeReference(only.value) ? null : only.value.trim();
}

/**
 * A position line, wherever it sits: one or two cells, the first a position label ("As at" | 31/03/2024), or a
 * title with the dated position at its right-hand end ("Audit tracker" | "As at 1 January 2018").
 */
function isPositionLine(values: readonly CellValue[]): boolean {
  const filledCells = values.filter((v) => !isBlank(v));
  const [first, second] = filledCells;
  // Short: a progress note carried on below an item ("Updated in May: the policy ...") is not a position line.
  const label = (v: CellValue | undefined) => typeof v === 'string' && v.length <= 60 && POSITION_RE.test(v);
  if (filledCells.length > 2) return false;
  return label(first) || (label(second) && namesYear(String(second)) && typeof first === 'string' && first.length <= 60);
}

/** The row's kind from its first cell and the phase the block is in (after a key or notes, the rest is key or footer). */
function firstPass(cells: Cells, shape: BlockShape, phase: RowKind | null, recommendation: CellValue): RowKind | 'lone' {
  if (cells.length === 0) return 'blank';
  if (phase !== null) return phase;
  const first = cells[0];
  const text = typeof first?.value === 'string' ? first.value : '';
  // "Total" in the recommendation column (the first column) is still a total: a short line, not a recommendation.
  const noText = isBlank(recommendation) || (first?.column === shape.columns.recommendation && text.length <= 40);
  if (TOTAL_RE.test(text) && noText) return 'total';
  if (KEY_RE.test(text)) return 'key';
  if (FOOTER_RE.test(text) && noText) return 'footer';
  return loneText(cells, shape.columns.id) === null ? 'item' : 'lone';
}

/** A short title-like line: a few words, no full stop at the end. */
function titleLike(text: string): boolean {
  return text.length <= 60 && text.split(/\s+/).length <= 8 && !/[.;]$/.test(text) && !text.includes('\n');
}

/**
 * Lone text between items is a section heading when the sheet's shape says so (T2): merged across, a
 * heading's words, in the first column, or text that is not its column's kind (no name, date or status);
 * in a free-text column only a short title-like line that does not follow an item directly (which carries it on).
 */
function isHeading(text: string, column: number, shape: BlockShape, context: { merged: boolean; afterItem: boolean }): boolean {
  if (context.merged || HEADING_RE.test(text)) return true;
  const { columns, tableColumns } = shape;
  if (tableColumns.length < 3) return false;
  if (column === tableColumns[0]) return columns.id !== null || text.length <= 120;
  if (columns.id === null) return false;
  if (TEXT_ROLES.some((r) => columns[r] === column)) return !context.afterItem && titleLike(text);
  return text.length <= 120;
}

/** True when the cell at (row, column) lies in a merge spanning two or more columns, or one starting on a row above. */
function mergedAcross(merges: readonly Merge[], row: number, column: number): boolean {
  return merges.some((m) => m.top <= row && m.bottom >= row && m.left <= column && m.right >= column && m.right > m.left);
}

function mergedFromAbove(merges: readonly Merge[], row: number, column: number): boolean {
  return merges.some((m) => m.top < row && m.bottom >= row && m.left <= column && m.right >= column);
}

/** The rows of a block's body, each with a first-pass kind. */
function firstKinds(grid: SheetGrid, shape: BlockShape): { index: number; kind: RowKind | 'lone'; cells: Cells }[] {
  const out: { index: number; kind: RowKind | 'lone'; cells: Cells }[] = [];
  let phase: RowKind | null = null;
  const rec = shape.columns.recommendation;
  for (let i = shape.headerIndex + 1; i < shape.endIndex; i++) {
    const values = rowValues(grid, i);
    const cells = filled(values, shape.tableColumns, grid.originColumn);
    const kind: RowKind | 'lone' = isPositionLine(values)
      ? 'title'
      : firstPass(cells, shape, phase, rec === null ? null : (values[rec - grid.originColumn] ?? null));
    if (kind === 'key' || kind === 'footer') phase = kind;
    out.push({ index: i, kind, cells });
  }
  return out;
}

/**
 * True when a row only carries on the item above: no reference, and none of the cells an item of its own fills
 * (`own`: those columns, built once per block).
 */
function continues(
  cells: Cells,
  shape: BlockShape,
  own: ReadonlySet<number | null>,
  at: { row: number; merges: readonly Merge[] },
): boolean {
  const id = shape.columns.id;
  // With no reference column, the recommendation cell is what starts an item: a row without it carries one on.
  if (id === null) return !cells.some((c) => own.has(c.column) || c.column === shape.columns.recommendation);
  if (cells.some((c) => c.column === id)) return false;
  if (mergedFromAbove(at.merges, at.row, id)) return true;
  if (cells.some((c) => own.has(c.column))) return false;
  // A row with a subject and a recommendation of its own is a recommendation whose reference is missing, not more
  // text for the one above (that is ID_MISSING's to say).
  const { subject, recommendation } = shape.columns;
  return !(subject !== null && recommendation !== null && [subject, recommendation].every((col) => cells.some((c) => c.column === col)));
}

/**
 * Classifies a block's body rows (T2): blank, total, key, footer, section heading, item, or the
 * continuation of the item above. Lone text after the last item is a footer.
 */
export function classifyBlock(grid: SheetGrid, shape: BlockShape, merges: readonly Merge[]): ClassifiedRow[] {
  const rows = firstKinds(grid, shape);
  const last = rows.map((r) => r.kind).lastIndexOf('item');
  const kinds = rows.map((r, k): { index: number; kind: RowKind; heading: string | null; cells: Cells } => {
    if (r.kind !== 'lone') return { index: r.index, kind: r.kind, heading: null, cells: r.cells };
    if (k > last) return { index: r.index, kind: 'footer', heading: null, cells: r.cells };
    const only = r.cells[0];
    const text = loneText(r.cells, shape.columns.id) ?? '';
    const merged = only !== undefined && mergedAcross(merges, grid.originRow + r.index, only.column);
    const afterItem = rows[k - 1]?.kind === 'item' || rows[k - 1]?.kind === 'lone';
    const heading = only !== undefined && isHeading(text, only.column, shape, { merged, afterItem });
    return { index: r.index, kind: heading ? 'section' : 'item', heading: heading ? text : null, cells: r.cells };
  });
  return withContinuations(grid, kinds, shape, merges);
}

/**
 * With no reference column: true when most rows that fill the recommendation cell also fill an item's own cells
 * (a lead, a date, a status), so a row with neither is text carried on, not an item with everything missing.
 */
function startsOwnItems(rows: readonly { kind: RowKind; cells: Cells }[], shape: BlockShape, own: ReadonlySet<number | null>): boolean {
  const rec = shape.columns.recommendation;
  if (rec === null) return false;
  const starts = rows.filter((r) => r.kind === 'item' && r.cells.some((c) => c.column === rec));
  const full = starts.filter((r) => r.cells.some((c) => own.has(c.column))).length;
  return full >= 2 && full >= starts.length * 0.8;
}

/**
 * Items that only carry on the one above become its continuation, when most items have a reference (or, with no
 * reference column, most rows with a recommendation fill an item's own cells).
 */
function withContinuations(
  grid: SheetGrid,
  rows: readonly { index: number; kind: RowKind; heading: string | null; cells: Cells }[],
  shape: BlockShape,
  merges: readonly Merge[],
): ClassifiedRow[] {
  const id = shape.columns.id;
  // Most of the rows that fill an item's own cells have a reference: a row with none of them and no reference carries one on.
  const own = new Set([...ITEM_ROLES.map((r) => shape.columns[r]), ...shape.ticks]);
  const items = rows.filter((r) => r.kind === 'item' && r.cells.some((c) => own.has(c.column)));
  const referenced = items.filter((r) => r.cells.some((c) => c.column === id)).length;
  const mostly = id === null ? startsOwnItems(rows, shape, own) : referenced >= 2 && referenced >= items.length * 0.8;
  const out: (ClassifiedRow & { continued: number[] })[] = [];
  let owner: (ClassifiedRow & { continued: number[] }) | null = null;
  for (const r of rows) {
    const carries = owner !== null && r.kind === 'item' && (mostly || mergedFromAbove(merges, grid.originRow + r.index, id ?? -1));
    if (carries && owner && continues(r.cells, shape, own, { row: grid.originRow + r.index, merges })) {
      owner.continued.push(r.index);
      out.push({ index: r.index, kind: 'continuation', heading: null, continued: [] });
      continue;
    }
    const row = { index: r.index, kind: r.kind, heading: r.heading, continued: [] as number[] };
    // Blank rows are skipped (T2): a row carries on the item above it across them.
    if (r.kind !== 'blank') owner = r.kind === 'item' ? row : null;
    out.push(row);
  }
  return out;
}
