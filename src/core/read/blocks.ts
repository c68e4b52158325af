import { cellText, isBlank, normalise, normalisesTo, squash } from '../cells';
import { looksLikeReference } from '../interpret/references';
import { isLevelName } from '../interpret/scales';
import type { CellValue, Role } from '../types';
import { ROLES } from '../types';
import { parseMerges, type Merge } from './merges';
import { isHeaderRead, readHeaderCells, roleOfHeader, rowTexts, twoRowHeader, type HeaderMatch } from './findTable';
import { rowValues, type SheetGrid } from './records';

/** A header and the rows under it, to the next header's heading or the end of the sheet (T2). */
export interface Block {
  /** 1-based, top to bottom. */
  readonly number: number;
  readonly header: HeaderMatch;
  /** The heading line just above the header ("Recommendations to the Treasury"), and its row index. */
  readonly heading: string | null;
  readonly headingIndex: number | null;
  /** Index of the first row after the block's body. */
  readonly endIndex: number;
}

/** Lines that are a position or title, not a block's heading. */
const NOT_HEADING_RE =
  /\b(?:as at|as of|position|updated|status at|progress (?:to|at))\b|^\s*(?:(?:sub|section|grand|overall)[\s-]?)?totals?\b|^\s*(?:notes?|key|legend|source)\b/i;

/** True when two headers give every role the same column: blocks with the same columns are one plan. */
export function sameColumns(
  a: { readonly columns: Record<Role, number | null> },
  b: { readonly columns: Record<Role, number | null> },
): boolean {
  return ROLES.every((r) => a.columns[r] === b.columns[r]);
}

/** True when every text cell of the row repeats the header's words (`texts`, normalised) in the same column (at most one differs). */
function repeats(row: readonly CellValue[], texts: ReadonlyMap<number, string>, originColumn: number): boolean {
  let same = 0;
  let other = 0;
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (isBlank(v)) continue;
    const header = texts.get(originColumn + i);
    if (typeof v === 'string' && header !== undefined && normalisesTo(v, header)) same++;
    // Two cells that differ rule the row out: a data row is left after its first cells.
    else if (++other > 1) return false;
  }
  return same >= Math.max(2, Math.ceil(texts.size / 2)) && other <= (same >= 3 ? 1 : 0);
}

/**
 * True when the row holds exactly the given labels (normalised), cell for cell: a unit row ("(dd/mm/yyyy)", "£000")
 * repeated under a header, or group headings repeated over it.
 */
function sameLabels(row: readonly CellValue[], labels: ReadonlyMap<number, string>, originColumn: number): boolean {
  let count = 0;
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (isBlank(v)) continue;
    const label = labels.get(originColumn + i);
    // Left at the first cell that differs: a data row costs one comparison.
    if (typeof v !== 'string' || label === undefined || !normalisesTo(v, label)) return false;
    count++;
  }
  return count > 0 && count === labels.size;
}

/**
 * A row that reads as a header of its own (T1), standing apart from the rows above (a blank row or a
 * heading line above it, as each table has); ruled out cheaply for rows that start with a reference or hold few labels.
 */
function otherHeader(grid: SheetGrid, index: number, main: HeaderMatch): HeaderMatch | null {
  const row = rowValues(grid, index);
  if (index > 0 && rowValues(grid, index - 1).filter((v) => !isBlank(v)).length > 1) return null;
  const labels = row.filter((v) => typeof v === 'string' && v.trim() !== '' && v.length <= 60).length;
  if (labels < 3 || row.some((v) => typeof v === 'number')) return null;
  const id = main.columns.id;
  if (id !== null && looksLikeReference(row[id - grid.originColumn])) return null;
  const texts = rowTexts(row, grid.originColumn);
  const read = readHeaderCells(texts, index, index);
  // Most of its cells name a role or a level, three at least as a short label on one line: a data row that starts
  // with "Subject\nStatutory" or "Progress.\nRecommendation met: ..." is not a header.
  const cells = [...texts.values()];
  const named = cells.filter((t) => roleOfHeader(t) !== null || isLevelName(t)).length;
  const short = cells.filter((t) => roleOfHeader(t) !== null && t.length <= 30 && !t.includes('\n')).length;
  if (!isHeaderRead(read) || named < texts.size * 0.75 || short < 3) return null;
  // A table of its own has a heading line above its header, or a header naming a reference and every column.
  const full = read.columns.id !== null && named === texts.size;
  if (!full && headingAbove(grid, index, Math.max(-1, index - 4)) === null) return null;
  const { score: _score, ...match } = twoRowHeader(grid.snapshot, read, grid.originColumn);
  return match;
}

/** True when every filled cell of row `index` opens a merge across columns: a row of group headings over a header. */
function isGroupRow(grid: SheetGrid, index: number, merges: readonly Merge[]): boolean {
  const row = grid.originRow + index;
  const cells = rowValues(grid, index)
    .map((v, i) => ({ v, column: grid.originColumn + i }))
    .filter((c) => !isBlank(c.v));
  return cells.length > 0 && cells.every((c) => merges.some((m) => m.top === row && m.left === c.column && m.right > m.left));
}

/** The row above the header that repeats with it: a two-row header's first row, or merged group headings over it. */
function upperRow(grid: SheetGrid, main: HeaderMatch, merges: readonly Merge[]): number | null {
  if (main.firstRowIndex < main.rowIndex) return main.firstRowIndex;
  const above = main.firstRowIndex - 1;
  return above >= 0 && isGroupRow(grid, above, merges) ? above : null;
}

/**
 * The words a repeated header is compared with, normalised once for every row: its lower row as written,
 * its words (null when they are the lower row's, so each row is compared once), and the row above that repeats with it.
 */
interface HeaderWords {
  readonly lower: ReadonlyMap<number, string>;
  /** The row just above a one-row header, when it has two labels or more (group headings over it, merged or not). */
  readonly above: ReadonlyMap<number, string> | null;
  readonly texts: ReadonlyMap<number, string> | null;
  readonly upper: { readonly index: number; readonly texts: ReadonlyMap<number, string> } | null;
}

const normalisedTexts = (texts: ReadonlyMap<number, string>) => new Map([...texts].map(([c, t]) => [c, normalise(t)] as const));

function headerWords(grid: SheetGrid, main: HeaderMatch): HeaderWords {
  const upper = upperRow(grid, main, parseMerges(grid.snapshot.merges));
  const lower = normalisedTexts(rowTexts(rowValues(grid, main.rowIndex), grid.originColumn));
  const texts = normalisedTexts(main.texts);
  const same = texts.size === lower.size && [...texts].every(([c, t]) => lower.get(c) === t);
  const above = main.firstRowIndex > 0 ? rowTexts(rowValues(grid, main.firstRowIndex - 1), grid.originColumn) : null;
  return {
    lower,
    above: above !== null && above.size >= 2 ? normalisedTexts(above) : null,
    texts: same ? null : texts,
    upper: upper === null ? null : { index: upper, texts: normalisedTexts(rowTexts(rowValues(grid, upper), grid.originColumn)) },
  };
}

/** The header repeated at `i`: with the row above it, or its one row (its words, or its lower row as written). */
function repeatedAt(grid: SheetGrid, i: number, main: HeaderMatch, words: HeaderWords): HeaderMatch | null {
  const { originColumn } = grid;
  const like = (row: readonly CellValue[]) =>
    repeats(row, words.lower, originColumn) ||
    (words.texts !== null && repeats(row, words.texts, originColumn)) ||
    sameLabels(row, words.lower, originColumn);
  if (words.upper !== null) {
    const span = main.rowIndex - words.upper.index;
    if (repeats(rowValues(grid, i), words.upper.texts, originColumn) && like(rowValues(grid, i + span)))
      return { ...main, firstRowIndex: i, rowIndex: i + span };
  }
  if (!like(rowValues(grid, i))) return null;
  // Without merges (the add-in reads none on a check), group headings over the header are told by repeating too.
  const above = words.upper === null ? words.above : null;
  const withAbove = above !== null && i > 0 && sameLabels(rowValues(grid, i - 1), above, originColumn);
  return { ...main, rowIndex: i, firstRowIndex: withAbove ? i - 1 : i };
}

/** Every header row on the sheet: the one found, the same header repeated under sections, and headers of other tables. */
function headersOf(grid: SheetGrid, main: HeaderMatch): HeaderMatch[] {
  const out: HeaderMatch[] = [main];
  const words = headerWords(grid, main);
  const taken = (first: number, last: number) => out.some((h) => first <= h.rowIndex && last >= h.firstRowIndex);
  for (let i = 0; i < grid.snapshot.values.length; i++) {
    if (taken(i, i) || i === words.upper?.index) continue;
    const found = repeatedAt(grid, i, main, words) ?? otherHeader(grid, i, main);
    if (found && !taken(found.firstRowIndex, found.rowIndex)) out.push(found);
  }
  return out.sort((a, b) => a.rowIndex - b.rowIndex);
}

/** The lone line just above a header (blank rows skipped), if it reads as a heading: its text and index. */
function headingAbove(grid: SheetGrid, headerFirst: number, floor: number): { text: string; index: number } | null {
  for (let i = headerFirst - 1; i > floor; i--) {
    const cells = rowValues(grid, i).filter((v) => !isBlank(v));
    if (cells.length === 0) continue;
    const only = cells.length === 1 ? cells[0] : undefined;
    if (typeof only !== 'string') return null;
    const text = squash(cellText(only));
    return text.length <= 150 && !NOT_HEADING_RE.test(text) && !looksLikeReference(only) ? { text, index: i } : null;
  }
  return null;
}

/**
 * The blocks of a sheet (T2): each header (the one found, the same header repeated under each section,
 * or another table's header) starts one; the lone line above a header is its heading.
 */
export function findBlocks(grid: SheetGrid, main: HeaderMatch): Block[] {
  const headers = headersOf(grid, main);
  const headings = headers.map((h, k) => headingAbove(grid, h.firstRowIndex, k === 0 ? 0 : (headers[k - 1]?.rowIndex ?? 0)));
  return headers.map((header, k) => {
    const next = headers[k + 1];
    const nextHeading = headings[k + 1];
    const endIndex = next ? (nextHeading?.index ?? next.firstRowIndex) : grid.snapshot.values.length;
    const heading = headings[k] ?? null;
    return { number: k + 1, header, heading: heading?.text ?? null, headingIndex: heading?.index ?? null, endIndex };
  });
}
