import { isErrorCode } from '../core/cells';
import { HostError } from '../core/errors';
import type { CellValue, SheetSnapshot } from '../core/types';
import { isPayloadLimit } from './errors';

/** Rows read per block when nothing is known of a sheet's size; halved on a payload-limit error. */
export const FIRST_BLOCK_ROWS = 2000;
/** A sheet whose values would pass about this many bytes is read in row blocks of about this size (Excel on the web allows 5 MB). */
export const TARGET_BLOCK_BYTES = 2_000_000;
/** The first rows are read with the sheet's metadata: small sheets are read whole in that one request, larger ones are sized by them. */
export const SAMPLE_ROWS = 200;

/** Proxies queued for the first read, before its sync. */
export interface QueuedRead {
  readonly sheet: Excel.Worksheet;
  readonly used: Excel.Range;
  /** The used part of the first SAMPLE_ROWS rows, with values and formats; null when not asked for. */
  readonly sample: Excel.Range | null;
}

/** Queues the first read of a sheet: name, protection, the used range's extent and (with `sample`) its first rows' values. */
export function queueSheetRead(context: Excel.RequestContext, sheetName: string | undefined, sample: boolean): QueuedRead {
  const sheet = sheetName ? context.workbook.worksheets.getItem(sheetName) : context.workbook.worksheets.getActiveWorksheet();
  sheet.load('name');
  sheet.protection.load('protected');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('address,rowIndex,columnIndex,rowCount,columnCount');
  const head = sample ? sheet.getRange(`1:${SAMPLE_ROWS}`).getUsedRangeOrNullObject(true) : null;
  head?.load('address,rowCount,values,numberFormat');
  return { sheet, used, sample: head };
}

/** How the rest of a sheet is read after the first sync. */
export type ReadPlan =
  | { readonly kind: 'done'; readonly snapshot: SheetSnapshot }
  | { readonly kind: 'whole' }
  | { readonly kind: 'blocks'; readonly rows: number };

/**
 * Decides from the first sync: a sheet inside the first rows is already read; otherwise its size is
 * estimated from what those rows weighed, and one over TARGET_BLOCK_BYTES is read in blocks of about that size.
 */
export function planRead(read: QueuedRead): ReadPlan {
  const name = read.sheet.name;
  if (read.used.isNullObject) return { kind: 'done', snapshot: { name, origin: 'A1', values: [], numberFormats: [] } };
  const sample = read.sample && !read.sample.isNullObject ? read.sample : null;
  if (!sample) return read.sample ? { kind: 'whole' } : { kind: 'blocks', rows: FIRST_BLOCK_ROWS };
  if (sample.address === read.used.address) return { kind: 'done', snapshot: snapshotOf(name, sample) };
  const perRow = (roughBytes(sample.values) + roughBytes(sample.numberFormat)) / Math.max(sample.rowCount, 1);
  if (perRow * read.used.rowCount <= TARGET_BLOCK_BYTES) return { kind: 'whole' };
  return { kind: 'blocks', rows: Math.max(1, Math.floor(TARGET_BLOCK_BYTES / Math.max(perRow, 1))) };
}

/** Queues the whole used range's values and formats (the "whole" plan). */
export function queueWholeRead(read: QueuedRead): void {
  read.used.load('values,numberFormat');
}

/** The snapshot after the "whole" plan's sync. */
export function finishWholeRead(read: QueuedRead): SheetSnapshot {
  return snapshotOf(read.sheet.name, read.used);
}

function snapshotOf(name: string, range: Excel.Range): SheetSnapshot {
  return {
    name,
    origin: originOf(range.address),
    values: range.values.map((row) => row.map(toCell)),
    numberFormats: range.numberFormat.map((row) => row.map((f) => String(f ?? 'General'))),
  };
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

/**
 * Reads a used range in row blocks, for sheets too large for one request: starts at `firstBlockRows`,
 * halves a block on a payload-limit error and retries it, then sizes blocks from what rows weighed.
 */
export async function readInBlocks(
  context: Excel.RequestContext,
  read: QueuedRead,
  firstBlockRows = FIRST_BLOCK_ROWS,
  /** Queues again whatever else rode on a sync that failed (its loads are lost with it). */
  requeue: () => void = () => undefined,
): Promise<SheetSnapshot> {
  const name = read.sheet.name;
  if (read.used.isNullObject) return { name, origin: 'A1', values: [], numberFormats: [] };
  const { rowIndex, columnIndex, rowCount, columnCount } = read.used;
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  let block = Math.min(firstBlockRows, rowCount);
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
      requeue();
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
