import { columnIndex, columnLetter, parseAddress } from './address';
import { cellText, isBlank, normalise } from './cells';
import type { CellValue, Role, SheetSnapshot } from './types';
import { ROLES } from './types';

/** Header words for each role; a header cell matches when it is, or starts with, one of them. */
export const HEADER_SYNONYMS: Readonly<Record<Role, readonly string[]>> = {
  id: [
    'no',
    'number',
    'ref',
    'reference',
    'rec',
    'rec no',
    'rec ref',
    'id',
    '#',
    'item',
    'recommendation no',
    'recommendation number',
    'recommendation ref',
  ],
  subject: ['subject', 'title', 'area', 'topic', 'theme', 'heading'],
  statutory: ['statutory', 'type', 'category', 'statutory non statutory'],
  lead: ['lead', 'owner', 'responsible officer', 'action owner', 'responsible', 'lead officer', 'officer'],
  timescale: ['timescale', 'timescales', 'target date', 'due date', 'deadline', 'completion date', 'target', 'due', 'by when', 'date due'],
  recommendation: ['recommendation', 'recommendations', 'action', 'actions', 'agreed action', 'agreed actions', 'action required'],
  progress: ['progress', 'progress update', 'update', 'comments', 'comment', 'progress to date', 'latest position', 'position'],
  rating: ['rating', 'recommendation met', 'degree met', 'extent met', 'implementation status', 'status', 'rag', 'rag status'],
};

/** Each role's name for people: the header a column of that role usually has. */
export const ROLE_NAMES: Readonly<Record<Role, string>> = {
  id: 'Reference (No)',
  subject: 'Subject',
  statutory: 'Statutory',
  lead: 'Lead',
  timescale: 'Timescale',
  recommendation: 'Recommendation',
  progress: 'Progress',
  rating: 'Rating',
};

/** The header text the status column is given; a column headed this way is ours. */
export const STATUS_HEADER = 'Check (auto)';

/** True for a header cell that heads our status column. */
export function isStatusHeader(value: CellValue | undefined): boolean {
  return typeof value === 'string' && normalise(value) === normalise(STATUS_HEADER);
}

/** How many rows from the top are searched for the header. */
export const HEADER_SEARCH_ROWS = 50;

/** Which role a header cell names, by its longest matching synonym; null if none. */
export function roleOfHeader(text: string): Role | null {
  const raw = text.trim();
  if (raw === '#') return 'id';
  const n = normalise(raw);
  if (n === '' || n === normalise(STATUS_HEADER)) return null;
  let best: { role: Role; length: number } | null = null;
  for (const role of ROLES) {
    for (const synonym of HEADER_SYNONYMS[role]) {
      if (n !== synonym && !n.startsWith(`${synonym} `)) continue;
      if (!best || synonym.length > best.length) best = { role, length: synonym.length };
    }
  }
  return best?.role ?? null;
}

/** The header row found, with the sheet column (0-based) for each role. */
export interface HeaderMatch {
  /** Index into the snapshot's rows. */
  readonly rowIndex: number;
  readonly columns: Record<Role, number | null>;
  /** Columns (0-based, sheet) of every non-empty header cell except ours. */
  readonly headerColumns: readonly number[];
  /** Column (0-based, sheet) of an existing status column of ours, if any. */
  readonly statusColumn: number | null;
}

function emptyColumns(): Record<Role, number | null> {
  return { id: null, subject: null, statutory: null, lead: null, timescale: null, recommendation: null, progress: null, rating: null };
}

function readHeaderRow(row: readonly CellValue[], originColumn: number): Omit<HeaderMatch, 'rowIndex'> & { score: number } {
  const columns = emptyColumns();
  const headerColumns: number[] = [];
  let statusColumn: number | null = null;
  row.forEach((value, i) => {
    if (isBlank(value) || typeof value !== 'string') return;
    const column = originColumn + i;
    if (isStatusHeader(value)) {
      statusColumn = column;
      return;
    }
    headerColumns.push(column);
    const role = roleOfHeader(value);
    // The first column naming a role keeps it ("Progress" then "Comments").
    if (role && columns[role] === null) columns[role] = column;
  });
  const score = ROLES.filter((r) => columns[r] !== null).length;
  return { columns, headerColumns, statusColumn, score };
}

/**
 * Finds the header row in the first 50 rows: the row naming the most column roles, with at least
 * three and one of id, subject or recommendation. `headerRow` (1-based, sheet) skips the search.
 */
export function findHeader(snapshot: SheetSnapshot, headerRow?: number): HeaderMatch | null {
  const origin = parseAddress(snapshot.origin) ?? { column: 0, row: 1 };
  const candidates =
    headerRow !== undefined
      ? [headerRow - origin.row]
      : Array.from({ length: Math.min(HEADER_SEARCH_ROWS, snapshot.values.length) }, (_, i) => i);
  let best: (HeaderMatch & { score: number }) | null = null;
  for (const rowIndex of candidates) {
    const row = snapshot.values[rowIndex];
    if (!row) continue;
    const read = readHeaderRow(row, origin.column);
    const anchored = read.columns.id !== null || read.columns.subject !== null || read.columns.recommendation !== null;
    const enough = headerRow !== undefined ? read.headerColumns.length > 0 : read.score >= 3 && anchored;
    if (enough && (!best || read.score > best.score)) best = { ...read, rowIndex };
  }
  if (!best) return null;
  const { score: _score, ...match } = best;
  return match;
}

/** Applies column-letter overrides; returns the columns and the overrides that were not valid letters. */
export function applyOverrides(
  columns: Record<Role, number | null>,
  overrides: Partial<Record<Role, string>> | undefined,
): { columns: Record<Role, number | null>; invalid: string[] } {
  const out = { ...columns };
  const invalid: string[] = [];
  for (const role of ROLES) {
    const letters = overrides?.[role];
    if (letters === undefined) continue;
    if (letters.trim() === '') {
      out[role] = null;
      continue;
    }
    const index = columnIndex(letters);
    if (index < 0) invalid.push(`${role}: "${letters}"`);
    else out[role] = index;
  }
  return { columns: out, invalid };
}

/** Column letter or null, for reports. */
export function letterOrNull(column: number | null): string | null {
  return column === null ? null : columnLetter(column);
}

/** A header cell's text for a column, for reports. */
export function headerText(row: readonly CellValue[] | undefined, column: number | null, originColumn: number): string | null {
  if (column === null || !row) return null;
  const text = cellText(row[column - originColumn]).trim();
  return text === '' ? null : text;
}
