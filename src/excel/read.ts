import { isErrorCode } from '../core/cells';
import { HostError } from '../core/errors';
import type { CellValue, SheetSnapshot } from '../core/types';
import { isPayloadLimit } from './errors';

/** Rows read per block at first when a sheet is too large for one request; halved on a limit error. */
export const FIRST_BLOCK_ROWS = 2000;
/** Aim for blocks of about this many bytes once the size of a row is known (Excel on the web allows 5 MB). */
export const TARGET_BLOCK_BYTES = 2_000_000;

/** Proxies queued for the first read, before its sync. */
export interface QueuedRead {
  readonly sheet: Excel.Worksheet;
  readonly used: Excel.Range;
  readonly withValues: boolean;
}

/** Queues a read of a sheet: name, protection and used range, with values and formats when `withValues`. */
export function queueSheetRead(context: Excel.RequestContext, sheetName: string | undefined, withValues: boolean): QueuedRead {
  const sheet = sheetName ? context.workbook.worksheets.getItem(sheetName) : context.workbook.worksheets.getActiveWorksheet();
  sheet.load('name');
  sheet.protection.load('protected');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('address,rowIndex,columnIndex,rowCount,columnCount');
  if (withValues) used.load('values,numberFormat');
  return { sheet, used, withValues };
}

/** Office reports error values as text ("#N/A"); the core wants them marked. */
function toCell(value: unknown): CellValue {
  if (typeof value === 'string') return isErrorCode(value) ? { error: value.trim().toUpperCase() } : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}

function originOf(address: string): string {
  const local = address.slice(address.lastIndexOf('!') + 1);
  return local.split(':')[0] ?? 'A1';
}

/** A rough byte count of a block of values, to size the next block. */
function roughBytes(values: readonly (readonly unknown[])[]): number {
  let n = 2;
  for (const row of values) for (const v of row) n += typeof v === 'string' ? v.length + 3 : 8;
  return n;
}

/** The snapshot from a read queued with values, after its sync. */
export function finishSheetRead(read: QueuedRead): SheetSnapshot {
  const name = read.sheet.name;
  if (read.used.isNullObject) return { name, origin: 'A1', values: [], numberFormats: [] };
  return {
    name,
    origin: originOf(read.used.address),
    values: read.used.values.map((row) => row.map(toCell)),
    numberFormats: read.used.numberFormat.map((row) => row.map((f) => String(f ?? 'General'))),
  };
}

/**
 * Reads a used range in row blocks, for sheets too large for one request: starts at FIRST_BLOCK_ROWS,
 * halves a block on a payload-limit error and retries it, then sizes blocks from what rows weighed.
 */
export async function readInBlocks(context: Excel.RequestContext, read: QueuedRead): Promise<SheetSnapshot> {
  const name = read.sheet.name;
  if (read.used.isNullObject) return { name, origin: 'A1', values: [], numberFormats: [] };
  const { rowIndex, columnIndex, rowCount, columnCount } = read.used;
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  let block = Math.min(FIRST_BLOCK_ROWS, rowCount);
  let start = 0;
  while (start < rowCount) {
    const rows = Math.min(block, rowCount - start);
    const range = read.sheet.getRangeByIndexes(rowIndex + start, columnIndex, rows, columnCount);
    range.load('values,numberFormat');
    try {
      // One sync per block is the point of reading in blocks: the number of blocks depends on the payload, not a fixed loop.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      if (!isPayloadLimit(error)) throw error;
      if (rows === 1)
        throw new HostError(
          'PayloadTooLarge',
          `Row ${rowIndex + start + 1} of "${name}" is too large for Excel to send. Nothing was changed.`,
          { cause: error },
        );
      block = Math.max(1, Math.floor(rows / 2));
      continue;
    }
    for (const row of range.values) values.push(row.map(toCell));
    for (const row of range.numberFormat) formats.push(row.map((f) => String(f ?? 'General')));
    const perRow = roughBytes(range.values) / rows;
    block = Math.max(1, Math.min(20_000, Math.floor(TARGET_BLOCK_BYTES / Math.max(perRow, 1))));
    start += rows;
  }
  return { name, origin: originOf(read.used.address), values, numberFormats: formats };
}
