import { finding, quote } from '../findings';
import type { LocatedTable } from '../read/locate';
import type { RowKind, RowRecord } from '../read/records';
import type { Finding, TableBlock } from '../types';

/** At most this many rows are named per kind; the rest are counted. */
const NAMED = 10;

/** "rows 4, 9 and 12" (the rest counted). */
function rowList(rows: readonly number[]): string {
  const named = rows.slice(0, NAMED);
  const rest = rows.length - named.length;
  const words = named.length === 1 ? `row ${named[0]}` : `rows ${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
  return rest > 0 ? `${words} (and ${rest} more)` : words;
}

const SKIPPED: readonly { readonly kind: RowKind; readonly one: string; readonly many: string }[] = [
  { kind: 'header', one: 'repeats the header', many: 'repeat the header' },
  { kind: 'section', one: 'is a section heading', many: 'are section headings' },
  { kind: 'total', one: 'is a total', many: 'are totals' },
  {
    kind: 'continuation',
    one: 'carries on the recommendation above (read as part of it)',
    many: 'carry on the recommendation above (read as part of it)',
  },
];

/** The ROWS_SKIPPED note: rows inside the table read that are not recommendations (T2). */
function skippedRows(located: LocatedTable): Finding[] {
  const read = new Set(located.blocks.filter((b) => b.read).map((b) => b.number));
  const firstHeader = located.header.firstRowIndex;
  const inside = located.records.filter(
    (r: RowRecord) => read.has(r.block) && r.index > located.header.rowIndex && r.index <= located.lastIndex && r.index !== firstHeader,
  );
  const parts = SKIPPED.map(({ kind, one, many }) => {
    const rows = inside.filter((r) => r.kind === kind).map((r) => r.row);
    return rows.length === 0 ? '' : `${rowList(rows)} ${rows.length === 1 ? one : many}`;
  }).filter((p) => p !== '');
  if (parts.length === 0) return [];
  const first = inside.find((r) => SKIPPED.some((s) => s.kind === r.kind));
  return [
    finding(
      'ROWS_SKIPPED',
      { row: first?.row ?? null },
      `Not counted as recommendations: ${parts.join('; ')}. Check none of them is a recommendation.`,
    ),
  ];
}

function describeBlock(b: TableBlock): string {
  const heading = b.heading === null ? '' : ` ${quote(b.heading)}`;
  const other = b.sameColumns ? '' : ', other columns';
  return `${b.number}. rows ${b.firstRow}-${b.lastRow}${heading}, ${b.items} recommendation${b.items === 1 ? '' : 's'}${other}${b.read ? ', read' : ''}`;
}

/** The BLOCKS_FOUND note: the sheet holds several blocks; which were read and how to choose another (T2). */
function blocksFound(located: LocatedTable): Finding[] {
  const { blocks, missingBlock } = located;
  if (blocks.length < 2 && missingBlock === null) return [];
  const read = blocks.filter((b) => b.read).map((b) => b.number);
  const asked = missingBlock === null ? '' : `There is no table ${missingBlock} on this sheet. `;
  const how =
    read.length > 1
      ? `Tables ${read.join(', ')} have the same columns and are read as one plan, each recommendation keeping its table's heading as its section.`
      : `Table ${read.join('')} is read.`;
  return [
    finding(
      'BLOCKS_FOUND',
      { row: blocks[0]?.firstRow ?? null },
      `${asked}Found ${blocks.length} table${blocks.length === 1 ? '' : 's'} on this sheet: ${blocks.map(describeBlock).join('; ')}. ${how} To read one table alone, choose it (pane: Settings, Table to read; command: --block N).`,
      missingBlock === null ? undefined : 'warning',
    ),
  ];
}

/** Notes on how the sheet was read: several blocks, rows that are not recommendations (T2). */
export function readingNotes(located: LocatedTable): Finding[] {
  return [...blocksFound(located), ...skippedRows(located)];
}
