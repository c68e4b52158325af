import type ExcelJS from 'exceljs';
import { toSerial } from '../core/dates';
import type { CellValue, SheetSnapshot } from '../core/types';

const MS_PER_DAY = 86_400_000;

/** An Excel serial from a Date exceljs read from a date cell (exceljs gives the serial as a UTC instant). */
export function serialFromDate(date: Date): number {
  const day = Math.floor(date.getTime() / MS_PER_DAY);
  const fraction = (date.getTime() - day * MS_PER_DAY) / MS_PER_DAY;
  return toSerial(day) + fraction;
}

/** One exceljs cell value as the core's cell value: formulas give their cached result, rich text its text. */
export function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return serialFromDate(value);
  if (typeof value === 'object') {
    if ('error' in value && typeof value.error === 'string') return { error: value.error };
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result;
      return result === undefined ? null : toCellValue(result as ExcelJS.CellValue);
    }
    if ('text' in value && typeof (value as { text: unknown }).text === 'string') return (value as { text: string }).text;
  }
  return null;
}

/** Number format for the core: exceljs gives Dates for date cells, so a date cell always reports a date format. */
function formatOf(cell: ExcelJS.Cell): string {
  if (cell.value instanceof Date) return cell.numFmt && /[dy]/i.test(cell.numFmt) ? cell.numFmt : 'yyyy-mm-dd';
  return cell.numFmt || 'General';
}

/** Reads a worksheet into the core's snapshot from A1; the cells of a merged area other than its first are empty. */
export function readSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row = ws.findRow(r);
    const v: CellValue[] = new Array<CellValue>(cols).fill(null);
    const f: string[] = new Array<string>(cols).fill('General');
    row?.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c > cols) return;
      if (cell.isMerged && cell.master !== cell) return;
      v[c - 1] = toCellValue(cell.value);
      f[c - 1] = formatOf(cell);
    });
    values.push(v);
    numberFormats.push(f);
  }
  return { name: ws.name, origin: 'A1', values, numberFormats };
}
