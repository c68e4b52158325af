/**
 * The sheet's pictures, shapes and charts as the cells they span, for the core's STATUS_COLUMN_COVERED (F2).
 * Office.js gives a drawing's box in points (Shape, ExcelApi 1.9; Chart, ExcelApi 1.1), not its anchor cells, so
 * the box is turned into cells with the columns' widths and the rows' heights (Range.getColumnProperties and
 * getRowProperties, ExcelApi 1.9). The names ride on the first read of a formatting run; the geometry, only when
 * the sheet has a drawing, rides on the run's write sync, so it is read as the user sees it after our widths.
 */
import type { DrawingSpan } from '../core/plans/statusCovered';
import { supports } from './run';

/** The drawings' names, queued with the first read. */
export interface DrawingNames {
  readonly shapes: Excel.ShapeCollection | null;
  readonly charts: Excel.ChartCollection;
}

/** Geometry queued with the write sync: each drawing's box and the widths and heights to place it. */
export interface DrawingGeometry {
  readonly boxes: readonly { readonly items: readonly Box[] }[];
  readonly columns: OfficeExtension.ClientResult<Excel.ColumnProperties[]>;
  readonly rows: OfficeExtension.ClientResult<Excel.RowProperties[]>;
}

interface Box {
  readonly name: string;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Columns and rows read past the used range, for drawings that reach beyond it; past them, the last size repeats. */
const MARGIN = { columns: 10, rows: 50 };
/** At most this many rows' heights are read: a drawing lower than that is placed with the last height read. */
const MAX_ROWS = 5000;

/** Queues the names of the sheet's shapes (ExcelApi 1.9) and charts. */
export function queueDrawingNames(sheet: Excel.Worksheet): DrawingNames {
  const shapes = supports('1.9', false) ? sheet.shapes : null;
  shapes?.load('items/name');
  const charts = sheet.charts;
  charts.load('items/name');
  return { shapes, charts };
}

/** Queues the geometry when the sheet has any drawing (`used` synced); null when it has none, at no cost. */
export function queueDrawingGeometry(sheet: Excel.Worksheet, names: DrawingNames, used: Excel.Range): DrawingGeometry | null {
  const count = (names.shapes?.items.length ?? 0) + names.charts.items.length;
  if (count === 0) return null;
  const usedColumns = used.isNullObject ? 0 : used.columnIndex + used.columnCount;
  const usedRows = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
  const grid = sheet.getRangeByIndexes(0, 0, Math.min(usedRows + MARGIN.rows, MAX_ROWS), usedColumns + MARGIN.columns);
  const boxes = 'items/name,items/left,items/top,items/width,items/height';
  const collections = [names.shapes?.load(boxes), names.charts.load(boxes)];
  return {
    boxes: collections.filter((c) => c !== undefined),
    columns: grid.getColumnProperties({ format: { columnWidth: true } }),
    rows: grid.getRowProperties({ format: { rowHeight: true } }),
  };
}

/** The index (0-based) of the band holding `at` points, given the bands' sizes; past the last, the last size repeats. */
export function bandAt(sizes: readonly number[], at: number): number {
  let start = 0;
  for (const [i, size] of sizes.entries()) {
    if (at < start + size) return i;
    start += size;
  }
  const last = sizes[sizes.length - 1] ?? 0;
  return last > 0 ? sizes.length + Math.floor((at - start) / last) : Math.max(0, sizes.length - 1);
}

/**
 * Each drawing as the cells it spans (0-based columns, 1-based rows): the cell under its top-left corner to the cell
 * under its bottom-right one (a box ending exactly on a boundary does not reach the next cell).
 */
export function drawingSpans(geometry: DrawingGeometry): DrawingSpan[] {
  const widths = geometry.columns.value.map((c) => c.format?.columnWidth ?? 0);
  const heights = geometry.rows.value.map((r) => r.format?.rowHeight ?? 0);
  // The far edge itself belongs to the next cell: step just inside it.
  const inside = (size: number) => Math.max(0, size - 0.01);
  // Should a host list a chart among the shapes too, it is reported once.
  const seen = new Set<string>();
  const once = (box: Box) => {
    const key = JSON.stringify([box.name, box.left, box.top, box.width, box.height]);
    return seen.has(key) ? false : (seen.add(key), true);
  };
  return geometry.boxes.flatMap((c) =>
    c.items.filter(once).map((box) => ({
      name: box.name,
      from: { column: bandAt(widths, box.left), row: bandAt(heights, box.top) + 1 },
      to: {
        column: bandAt(widths, box.left + inside(box.width)),
        row: bandAt(heights, box.top + inside(box.height)) + 1,
      },
    })),
  );
}
