// Column roles read from what the column holds, where its header is blank or names a role its values
// contradict: a labelled-field page transcribed as a grid (SPEC (T1) "Roles from content").
import { isBlank } from '../cells';
import { looksLikeReference } from '../interpret/references';
import { ROLES, type CellValue, type Role } from '../types';

/** What this stage needs of a header read (`Scored` in findTable.ts, which imports this module). */
interface ContentMatch {
  readonly rowIndex: number;
  readonly columns: Record<Role, number | null>;
  readonly headerColumns: readonly number[];
  readonly texts: ReadonlyMap<number, string>;
  readonly score: number;
}

/** How many rows under a header are looked at to judge a column's content. */
const SAMPLE_ROWS = 40;

/** A small number: a whole number, or a text of at most 8 characters that starts with one and reads as a reference ("3", "2(a)"). */
function isSmallNumber(value: CellValue | undefined): boolean {
  return looksLikeReference(value) && (typeof value === 'number' || /^\d[^\s]{0,7}$/.test(String(value).trim()));
}

/** A text long enough to be a recommendation (a sentence, not a label, date or name). */
function isLongText(value: CellValue | undefined): boolean {
  return typeof value === 'string' && value.trim().length >= 40;
}

/**
 * The non-blank cells of one sheet column over the table's records: rows that fill at least two of the
 * other labelled columns (so headings, subtotals, continuation notes and key lines under it say nothing).
 */
function columnValues(
  rows: readonly (readonly CellValue[])[],
  column: number,
  originColumn: number,
  labelled: readonly number[],
): CellValue[] {
  const others = labelled.filter((c) => c !== column);
  const need = Math.min(2, others.length);
  const records = rows.filter((r) => others.filter((c) => !isBlank(r[c - originColumn])).length >= need);
  // Sparse labelled columns (no close dates yet): rows of two filled cells or more, whichever columns they fill.
  const read = records.length > 0 ? records : rows.filter((r) => r.filter((v) => !isBlank(v)).length >= 2);
  return read.map((r) => r[column - originColumn] ?? null).filter((v) => !isBlank(v));
}

/** True when some, and `share`, of the non-blank cells pass the test (a one-item table has one cell to judge by). */
function mostly(values: readonly CellValue[], test: (v: CellValue) => boolean, share: number): boolean {
  const hits = values.filter(test).length;
  return hits > 0 && hits >= values.length * share;
}

function rescored<M extends ContentMatch>(match: M, columns: Record<Role, number | null>, headerColumns: readonly number[]): M {
  const gained = ROLES.filter((r) => columns[r] !== null).length - ROLES.filter((r) => match.columns[r] !== null).length;
  return { ...match, columns, headerColumns: [...headerColumns].sort((a, b) => a - b), score: match.score + gained };
}

/**
 * Roles decided by content (T1): a "Recommendation" header over a column of small numbers is the
 * reference (a dashboard's "Recommendation 3" label), and a blank header over long texts, within the
 * table's width or just beside it, is the recommendation text. Headers whose values agree with them are left alone.
 */
export function rolesFromContent<M extends ContentMatch>(
  snapshot: { readonly values: readonly (readonly CellValue[])[] },
  match: M,
  originColumn: number,
): M {
  if (match.score === 0 || match.headerColumns.length === 0) return match;
  const rows = snapshot.values.slice(match.rowIndex + 1, match.rowIndex + 1 + SAMPLE_ROWS);
  const labelled = [...match.texts.keys()];
  const columns = { ...match.columns };
  const rec = columns.recommendation;
  if (rec !== null && columns.id === null && mostly(columnValues(rows, rec, originColumn, labelled), isSmallNumber, 0.8)) {
    columns.id = rec;
    columns.recommendation = null;
  }
  const headerColumns = [...match.headerColumns];
  if (columns.recommendation === null) {
    const first = Math.max(originColumn, Math.min(...match.headerColumns) - 1);
    for (let column = first; column <= Math.max(...match.headerColumns) + 1; column++) {
      if (match.texts.has(column) || !mostly(columnValues(rows, column, originColumn, labelled), isLongText, 0.5)) continue;
      columns.recommendation = column;
      headerColumns.push(column);
      break;
    }
  }
  return columns.id === match.columns.id && columns.recommendation === match.columns.recommendation
    ? match
    : rescored(match, columns, headerColumns);
}
