import { isErrorCode } from '../core/cells';
import { HostError } from '../core/errors';
import type { CellValue, SheetSnapshot } from '../core/types';
import { isPayloadLimit } from './errors';

/** Rows read per block when nothing is known of a sheet's size; halved on a payload-limit error. */
export const FIRST_BLOCK_ROWS = 2000;
/**
 * Bytes a read may bring back: Excel on the web allows 5 MB a response (5,242,880 bytes); 80% of it leaves
 * room for JSON overhead the estimate misses and for whatever else rides on the same sync.
 */
export const TARGET_BLOCK_BYTES = 4_200_000;
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
  head?.load('address,rowIndex,columnIndex,rowCount,columnCount,values,numberFormat');
  return { sheet, used, sample: head };
}

/** How the rest of a sheet is read after the first sync. */
export type ReadPlan =
  | { readonly kind: 'done'; readonly snapshot: SheetSnapshot }
  | {
      readonly kind: 'rest';
      /** Rows of the used range already read with the first rows (reused, not read again). */
      readonly have: SheetSnapshot | null;
      /** Rows per block: all the rest in one block when it fits. */
      readonly blockRows: number;
    };

/**
 * Decides from the first sync: a sheet inside the first rows is already read; otherwise the rest is read in
 * blocks sized from what the first rows weighed (one block when it all fits under TARGET_BLOCK_BYTES), and
 * the first rows are reused when they line up with the used range.
 */
export function planRead(read: QueuedRead): ReadPlan {
  const name = read.sheet.name;
  if (read.used.isNullObject) return { kind: 'done', snapshot: { name, origin: 'A1', values: [], numberFormats: [] } };
  const sample = read.sample && !read.sample.isNullObject ? read.sample : null;
  if (!sample) return { kind: 'rest', have: null, blockRows: read.sample ? read.used.rowCount : FIRST_BLOCK_ROWS };
  if (sample.address === read.used.address) return { kind: 'done', snapshot: snapshotOf(name, sample) };
  const aligned =
    sample.rowIndex === read.used.rowIndex && sample.columnIndex === read.used.columnIndex && sample.columnCount === read.used.columnCount;
  const have = aligned ? snapshotOf(name, sample) : null;
  const perRow = roughBytes(sample.values) / Math.max(sample.rowCount, 1);
  const rest = read.used.rowCount - (have?.values.length ?? 0);
  const blockRows = perRow * rest <= TARGET_BLOCK_BYTES ? rest : Math.floor(TARGET_BLOCK_BYTES / Math.max(perRow, 1));
  return { kind: 'rest', have, blockRows: Math.max(1, blockRows) };
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

/**
 * The UTF-8 bytes of a string, as Excel's 5 MB payload limit counts them: text in Welsh, Irish or Chinese takes
 * two or three bytes a character, so counting characters would size blocks past the limit.
 */
export function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // 0x80-0x7FF: two bytes; 0x800 and up: three; a surrogate pair (two units) is four, so one more per unit.
    if (c >= 0x80) n += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return n;
}

/** A rough byte count of a block of values (UTF-8, with the quotes and commas of JSON), to size a read or a write. */
export function roughBytes(values: readonly (readonly unknown[])[]): number {
  let n = 2;
  for (const row of values) for (const v of row) n += typeof v === 'string' ? utf8Length(v) + 3 : 8;
  return n;
}

/** What the rest of a read needs: where it starts, and which columns' number formats matter (null: all). */
export interface RestOptions {
  readonly have: SheetSnapshot | null;
  readonly blockRows: number;
  /** 0-based sheet columns whose number formats the core reads (every column it interprets by value); null reads every column's. */
  readonly formatColumns: readonly number[] | null;
  /** Queues again whatever else rode on a sync that failed (its loads are lost with it). */
  readonly requeue?: () => void;
}

/** One block's proxies: values for every column, number formats for the date columns only. */
function queueBlock(read: QueuedRead, start: number, rows: number, formatColumns: readonly number[] | null) {
  const { rowIndex, columnIndex, columnCount } = read.used;
  const values = read.sheet.getRangeByIndexes(rowIndex + start, columnIndex, rows, columnCount);
  if (formatColumns === null) {
    values.load('values,numberFormat');
    return { values, all: true, formats: [] as { column: number; range: Excel.Range }[] };
  }
  values.load('values');
  const formats = formatColumns
    .filter((c) => c >= columnIndex && c < columnIndex + columnCount)
    .map((column) => {
      const range = read.sheet.getRangeByIndexes(rowIndex + start, column, rows, 1);
      range.load('numberFormat');
      return { column, range };
    });
  return { values, all: false, formats };
}

/** The number formats of one block: read where asked for, "General" elsewhere (narrative columns, read as text). */
function blockFormats(block: ReturnType<typeof queueBlock>, rows: number, columnIndex: number, columnCount: number): string[][] {
  if (block.all) return block.values.numberFormat.map((row) => row.map((f) => String(f ?? 'General')));
  const out = Array.from({ length: rows }, () => new Array<string>(columnCount).fill('General'));
  for (const f of block.formats) {
    f.range.numberFormat.forEach((row, i) => {
      const target = out[i];
      if (target) target[f.column - columnIndex] = String(row[0] ?? 'General');
    });
  }
  return out;
}

/**
 * Reads the rest of a used range in row blocks: starts at `blockRows` (everything, when it fits), halves a
 * block on a payload-limit error and retries it, then sizes blocks from what rows weighed.
 */
export async function readRest(context: Excel.RequestContext, read: QueuedRead, options: RestOptions): Promise<SheetSnapshot> {
  const name = read.sheet.name;
  if (read.used.isNullObject) return { name, origin: 'A1', values: [], numberFormats: [] };
  const { rowIndex, columnIndex, rowCount, columnCount } = read.used;
  const values: CellValue[][] = [...(options.have?.values.map((r) => [...r]) ?? [])];
  const formats: string[][] = [...(options.have?.numberFormats?.map((r) => [...r]) ?? [])];
  let block = Math.min(options.blockRows, rowCount);
  let start = values.length;
  while (start < rowCount) {
    const rows = Math.min(block, rowCount - start);
    const queued = queueBlock(read, start, rows, options.formatColumns);
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
      options.requeue?.();
      continue;
    }
    for (const row of queued.values.values) values.push(row.map(toCell));
    formats.push(...blockFormats(queued, rows, columnIndex, columnCount));
    const perRow = roughBytes(queued.values.values) / rows;
    block = Math.max(1, Math.min(50_000, Math.floor(TARGET_BLOCK_BYTES / Math.max(perRow, 1))));
    start += rows;
  }
  return { name, origin: originOf(read.used.address), values, numberFormats: formats };
}
