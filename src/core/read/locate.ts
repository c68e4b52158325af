import { parseAddress } from '../address';
import type { Role, SheetSnapshot, TableBlock } from '../types';
import { ROLES } from '../types';
import { findBlocks, sameColumns, type Block } from './blocks';
import { applyOverrides, type HeaderMatch } from './findTable';
import { recordOf, type RowKind, type RowRecord, type SheetGrid } from './records';
import { parseMerges, type Merge } from './merges';
import { classifyBlock, type ClassifiedRow } from './rowKinds';

/** One block of the sheet as the BLOCKS_FOUND note lists it (T2). */
export type BlockSummary = TableBlock;

/** The located table: its header, columns by role, every row's record and the items read (T1, T2). */
export interface LocatedTable {
  /** The header of the first block read. */
  readonly header: HeaderMatch;
  readonly origin: { readonly column: number; readonly row: number };
  readonly columns: Record<Role, number | null>;
  /** Every column of the table (header cells and role columns), sorted. */
  readonly tableColumns: readonly number[];
  /** One record per row of the snapshot. */
  readonly records: readonly RowRecord[];
  /** The recommendations, in order. */
  readonly items: readonly RowRecord[];
  /** Every block found on the sheet, top to bottom. */
  readonly blocks: readonly BlockSummary[];
  /** Index of the table's last row (the last recommendation or its continuation). */
  readonly lastIndex: number;
  /** A block number asked for that the sheet does not have, or null. */
  readonly missingBlock: number | null;
}

/** The blocks read: the one asked for, else every block with the columns of the header found. */
function chooseBlocks(
  blocks: readonly Block[],
  header: HeaderMatch,
  asked: number | undefined,
): { chosen: Block[]; missing: number | null } {
  const picked = asked === undefined ? undefined : blocks[asked - 1];
  if (picked) return { chosen: [picked], missing: null };
  const main = blocks.find((b) => b.header.rowIndex === header.rowIndex) ?? blocks[0];
  const chosen = blocks.filter((b) => main !== undefined && sameColumns(b.header, main.header));
  return { chosen, missing: asked ?? null };
}

function tableColumnsOf(header: HeaderMatch, columns: Record<Role, number | null>): number[] {
  const roleColumns = ROLES.map((r) => columns[r]).filter((c): c is number => c !== null);
  return [...new Set([...header.headerColumns, ...roleColumns, ...header.ticks])].sort((a, b) => a - b);
}

/** Classifies each block's body with its own columns (the read blocks with the user's column choices). */
function classifyAll(
  grid: SheetGrid,
  blocks: readonly Block[],
  read: ReadonlySet<number>,
  columns: Record<Role, number | null>,
  merges: readonly Merge[],
) {
  return blocks.map((b) => {
    const own = read.has(b.number) ? columns : b.header.columns;
    const shape = {
      headerIndex: b.header.rowIndex,
      endIndex: b.endIndex,
      columns: own,
      tableColumns: tableColumnsOf(b.header, own),
      ticks: b.header.ticks,
    };
    return classifyBlock(grid, shape, merges);
  });
}

/** Every row's record: title rows above the first block, then each block's heading, header and body rows. */
function recordsOf(grid: SheetGrid, blocks: readonly Block[], bodies: readonly ClassifiedRow[][], read: readonly Block[]): RowRecord[] {
  const out: RowRecord[] = [];
  const grouped = read.length > 1;
  const firstRow = (b: Block) => b.headingIndex ?? b.header.firstRowIndex;
  const top = blocks[0] ? firstRow(blocks[0]) : grid.snapshot.values.length;
  const blankOr = (i: number, kind: RowKind): RowKind => (grid.snapshot.values[i]?.some((v) => v !== null && v !== '') ? kind : 'blank');
  for (let i = 0; i < top; i++) out.push(recordOf(grid, i, blankOr(i, 'title'), null, 0));
  blocks.forEach((b, k) => {
    const heading = grouped && read.includes(b) ? b.heading : null;
    for (let i = firstRow(b); i <= b.header.rowIndex; i++) {
      const kind: RowKind = i === b.headingIndex ? 'section' : i >= b.header.firstRowIndex ? 'header' : blankOr(i, 'blank');
      out.push(recordOf(grid, i, kind, heading, b.number));
    }
    let section = heading;
    for (const r of bodies[k] ?? []) {
      if (r.kind === 'section') section = r.heading;
      out.push(recordOf(grid, r.index, r.kind, r.kind === 'section' ? r.heading : section, b.number, r.continued));
    }
  });
  return out;
}

/** The BLOCKS_FOUND summary of each block. */
function summaries(blocks: readonly Block[], records: readonly RowRecord[], read: readonly Block[], origin: number): BlockSummary[] {
  const first = read[0];
  return blocks.map((b) => {
    const own = records.filter((r) => r.block === b.number);
    const items = own.filter((r) => r.kind === 'item' || r.kind === 'continuation');
    return {
      number: b.number,
      headerRow: origin + b.header.rowIndex,
      firstRow: origin + (b.headingIndex ?? b.header.firstRowIndex),
      lastRow: items[items.length - 1]?.row ?? origin + b.header.rowIndex,
      heading: b.heading,
      items: own.filter((r) => r.kind === 'item').length,
      read: read.includes(b),
      sameColumns: first !== undefined && sameColumns(b.header, first.header),
    };
  });
}

/**
 * Reads the sheet once into row records (T2): finds every block (a header and its rows), reads the
 * blocks with the header's columns (or the block asked for) and applies the column choices.
 */
export function locateTable(
  snapshot: SheetSnapshot,
  header: HeaderMatch,
  overrides: Partial<Record<Role, string>> | undefined,
  block?: number,
) {
  const origin = parseAddress(snapshot.origin) ?? { column: 0, row: 1 };
  const grid: SheetGrid = { snapshot, originColumn: origin.column, originRow: origin.row };
  const blocks = findBlocks(grid, header);
  const { chosen, missing } = chooseBlocks(blocks, header, block);
  const first = chosen[0]?.header ?? header;
  const { columns, invalid } = applyOverrides(first.columns, overrides);
  const read = new Set(chosen.map((b) => b.number));
  const bodies = classifyAll(grid, blocks, read, columns, parseMerges(snapshot.merges));
  const records = recordsOf(grid, blocks, bodies, chosen);
  const inTable = records.filter((r) => read.has(r.block) && (r.kind === 'item' || r.kind === 'continuation'));
  const located: LocatedTable = {
    header: first,
    origin,
    columns,
    tableColumns: tableColumnsOf(first, columns),
    records,
    items: inTable.filter((r) => r.kind === 'item'),
    blocks: summaries(blocks, records, chosen, origin.row),
    lastIndex: inTable[inTable.length - 1]?.index ?? first.rowIndex,
    missingBlock: missing,
  };
  return { located, invalid };
}
