import { columnIndex, columnLetter, parseAddress } from '../address';
import { isBlank, normalise } from '../cells';
import { namesYear } from '../dates';
import { looksLikeReference } from '../interpret/references';
import { parseMerges } from './merges';
import { rolesFromContent } from './columnContent';
import { isLevelName, scaleOfTickHeaders } from '../interpret/scales';
import type { CellValue, Role, SheetSnapshot, StatusScale } from '../types';
import { ROLES } from '../types';
import { EXACT_HEADER_WORDS, HEADER_WORDS, REVISED_DATE_WORDS, ROLE_NAMES } from '../vocabulary/headers';
import { ourColumnOf } from '../plans/statusWords';

export { ROLE_NAMES };

/** The header text the status column is given; a column headed this way is ours. */
export const STATUS_HEADER = 'Check (auto)';

/** True for a header cell that heads our status column. */
export function isStatusHeader(value: CellValue | undefined): boolean {
  return typeof value === 'string' && normalise(value) === normalise(STATUS_HEADER);
}

/** How many rows from the top are searched for the header. */
export const HEADER_SEARCH_ROWS = 50;

/**
 * Which role a header cell names (T1): a count ("# Years", "Number of days") names none; a number sign
 * or "No." after the words ("Recommendation #", "Rec. #") is the reference; a header word that is the
 * whole header names its role; else a label ending in "status" ("Auditor's Assessment of 1-Year Status")
 * is the status; else the longest header word it starts with names the role. Null if none.
 */
export function roleOfHeader(text: string): Role | null {
  const raw = text.trim();
  if (raw === '#') return 'id';
  const n = normalise(raw);
  if (n === '' || n === normalise(STATUS_HEADER)) return null;
  if (COUNT_HEADER_RE.test(n)) return null;
  if (NUMBER_SUFFIX_RE.test(n)) return 'id';
  const exact = EXACT_HEADER_WORDS[n];
  if (exact) return exact;
  let best: { role: Role; length: number } | null = null;
  for (const role of ROLES) {
    for (const word of HEADER_WORDS[role]) {
      if (n !== word && !n.startsWith(`${word} `)) continue;
      if (!best || word.length > best.length) best = { role, length: word.length };
    }
  }
  // "Auditor's Assessment of 1-Year Status": the closing "status" names the column, not the opening "auditor".
  if (STATUS_SUFFIX_RE.test(n) && (best === null || best.length < n.length)) return 'rating';
  return best?.role ?? null;
}

/** "# Years", "# of findings", "Number of days", "No. of actions": a count of something, never the reference. */
const COUNT_HEADER_RE = /^(?:# |(?:number|no) of )/;
/** Words then a number sign or "No." ("Recommendation #", "Rec. #", "Finding No."): that item's number. */
const NUMBER_SUFFIX_RE = /^(?!yes )\p{L}+(?: \p{L}+)? (?:#|no)$/u;
/** A label ending in "status", "1-Year Status" included: the status (only when no header word matches). */
const STATUS_SUFFIX_RE = /(?:^| )status$/;

/** The header found: sheet columns (0-based) per role, tick-mark columns, and each header cell's text. */
export interface HeaderMatch {
  /** Index into the snapshot's rows of the (last) header row; data starts below it. */
  readonly rowIndex: number;
  /** Index of the first header row: the group-heading row of a two-row header, else `rowIndex`. */
  readonly firstRowIndex: number;
  readonly columns: Record<Role, number | null>;
  /** Columns (0-based, sheet) of every non-empty header cell except ours. */
  readonly headerColumns: readonly number[];
  /** Column (0-based, sheet) of an existing status column of ours, if any. */
  readonly statusColumn: number | null;
  /** Tick-mark columns headed by a scale's level names, and that scale. */
  readonly ticks: readonly number[];
  readonly tickScale: StatusScale | null;
  /** Header text per column (both rows of a two-row header, the lower one winning). */
  readonly texts: ReadonlyMap<number, string>;
}

function emptyColumns(): Record<Role, number | null> {
  return Object.fromEntries(ROLES.map((r) => [r, null])) as Record<Role, number | null>;
}

/** A header read from one row, with how many roles it names. */
export type Scored = HeaderMatch & { readonly score: number };

/** Beside another date column, a "Revised ..." one holds the due date and the other the original (T6). */
function revisedDates(columns: Record<Role, number | null>, dates: readonly number[], texts: ReadonlyMap<number, string>): void {
  if (dates.length < 2) return;
  const revised = dates.find((c) => REVISED_DATE_WORDS.some((w) => normalise(texts.get(c) ?? '').startsWith(`${w} `)));
  if (revised === undefined) return;
  columns.originalTimescale ??= dates.find((c) => c !== revised) ?? null;
  columns.timescale = revised;
}

/** Reads header cells (column -> text) into roles, tick columns and a score (roles named, ticks count as the status). */
export function readHeaderCells(texts: ReadonlyMap<number, string>, rowIndex: number, firstRowIndex: number): Scored {
  const columns = emptyColumns();
  const headerColumns: number[] = [];
  let statusColumn: number | null = null;
  const unnamed: number[] = [];
  const dates: number[] = [];
  for (const [column, text] of [...texts.entries()].sort((a, b) => a[0] - b[0])) {
    // Our added columns (state, days overdue, data check) are never part of the user's table.
    if (ourColumnOf(text, STATUS_HEADER) !== null) {
      if (isStatusHeader(text)) statusColumn = column;
      continue;
    }
    headerColumns.push(column);
    const role = roleOfHeader(text);
    if (role === 'timescale') dates.push(column);
    // The first column naming a role keeps it ("Progress" then "Comments").
    if (role && columns[role] === null) columns[role] = column;
    else if (!role) unnamed.push(column);
  }
  revisedDates(columns, dates, texts);
  const candidates = [...unnamed, ...(columns.rating !== null ? [columns.rating] : [])];
  const tickScale = scaleOfTickHeaders(candidates.map((c) => texts.get(c) ?? ''));
  const ticks = tickScale ? candidates.filter((c) => isLevelName(texts.get(c) ?? '')) : [];
  if (ticks.length >= 2 && columns.rating !== null && ticks.includes(columns.rating)) columns.rating = null;
  // Only one column of each pair of date roles: a lone "Original target date" is the timescale.
  if (columns.timescale === null && columns.originalTimescale !== null) {
    columns.timescale = columns.originalTimescale;
    columns.originalTimescale = null;
  }
  const score = ROLES.filter((r) => columns[r] !== null).length + (ticks.length >= 2 && columns.rating === null ? 1 : 0);
  return {
    rowIndex,
    firstRowIndex,
    columns,
    headerColumns,
    statusColumn,
    ticks: ticks.length >= 2 ? ticks : [],
    tickScale: ticks.length >= 2 ? tickScale : null,
    texts,
    score,
  };
}

/** The text cells of a row, by sheet column. */
export function rowTexts(row: readonly CellValue[] | undefined, originColumn: number): Map<number, string> {
  const texts = new Map<number, string>();
  row?.forEach((value, i) => {
    if (!isBlank(value) && typeof value === 'string' && value.trim() !== '') texts.set(originColumn + i, value.trim());
  });
  return texts;
}

/** Two header rows read as one: the lower row's text where it has one, else the upper row's (a merged group heading). */
function combine(upper: ReadonlyMap<number, string>, lower: ReadonlyMap<number, string>): Map<number, string> {
  const out = new Map(upper);
  for (const [c, t] of lower) out.set(c, t);
  return out;
}

/** A row under the header holding only short labels such as units ("£000", "(days)"): part of the header, not data. */
function isUnitRow(below: ReadonlyMap<number, string>, header: ReadonlyMap<number, string>): boolean {
  if (below.size === 0 || below.size * 2 > header.size) return false;
  return [...below.values()].every(
    (t) => t.length <= 12 && /^[^\p{L}\p{N}]*[£$€%(]|^\(|\b(days|£000|\$000|000s|%)\b/iu.test(t) && !looksLikeReference(t),
  );
}

/** The first of "sub group", "group sub" and "sub" that names a role ("Original" under "Target date": "Original Target date"). */
function subHeading(group: string, sub: string): string {
  return [`${sub} ${group}`, `${group} ${sub}`, sub].find((t) => roleOfHeader(t) !== null) ?? `${group} ${sub}`;
}

/**
 * Group headings told without merges: a header cell with a short label under it, and the blank header cells to
 * its right that have labels under them too ("Target date" | blank over "Original" | "Revised").
 */
function groupsFromText(upper: ReadonlyMap<number, string>, lower: ReadonlyMap<number, string>): { left: number; right: number }[] {
  const out: { left: number; right: number }[] = [];
  for (const left of upper.keys()) {
    if (!lower.has(left)) continue;
    let right = left;
    while (!upper.has(right + 1) && lower.has(right + 1)) right++;
    if (right > left) out.push({ left, right });
  }
  return out;
}

/**
 * A split two-row header (T1): short labels under header cells merged across columns ("Target date" over
 * "Original" | "Revised", "Implementation" over "Officer" | "Date"), each read with its group's words.
 */
function splitHeader(snapshot: SheetSnapshot, match: Scored, origin: { column: number; row: number }): Scored | null {
  const below = rowTexts(snapshot.values[match.rowIndex + 1], origin.column);
  if (below.size === 0 || [...below.values()].some((t) => t.length > 30 || looksLikeReference(t))) return null;
  const row = origin.row + match.rowIndex;
  const merged = parseMerges(snapshot.merges).filter((m) => m.top === row && m.right > m.left);
  // The add-in reads no merged areas on a check (office-js #5918), so the groups are also told from the text alone.
  const groups = merged.length > 0 ? merged : groupsFromText(match.texts, below);
  const groupOf = (c: number) => groups.find((m) => m.left <= c && m.right >= c);
  if (![...below.keys()].every((c) => groupOf(c) !== undefined)) return null;
  const texts = new Map(match.texts);
  for (const [c, sub] of below) texts.set(c, subHeading(match.texts.get(groupOf(c)?.left ?? c) ?? '', sub));
  const read = readHeaderCells(texts, match.rowIndex + 1, match.rowIndex);
  return read.score >= match.score ? read : null;
}

/** Extends a header to a sub-header row of level names below it, or a group-heading row above tick columns. */
export function twoRowHeader(snapshot: SheetSnapshot, match: Scored, originColumn: number): Scored {
  const below = rowTexts(snapshot.values[match.rowIndex + 1], originColumn);
  const belowScale = scaleOfTickHeaders([...below.values()]);
  const belowAllHeaders = [...below.values()].every((t) => roleOfHeader(t) !== null || isLevelName(t));
  // A data row under the header names the header's roles again in the same columns ("Subject 1" under
  // "Subject", "progress report." under "Progress"); a row of level names under a header never does.
  const restatesRoles = [...below].some(([c, t]) => {
    if (isLevelName(t)) return false;
    const role = roleOfHeader(t);
    return role !== null && role === roleOfHeader(match.texts.get(c) ?? '');
  });
  if (belowScale && belowAllHeaders && !restatesRoles) {
    const combined = readHeaderCells(combine(match.texts, below), match.rowIndex + 1, match.rowIndex);
    if (combined.ticks.length >= 2) return combined;
  }
  if (isUnitRow(below, match.texts)) return { ...match, rowIndex: match.rowIndex + 1 };
  const split = splitHeader(snapshot, match, { column: originColumn, row: parseAddress(snapshot.origin)?.row ?? 1 });
  if (split) return split;
  if (match.ticks.length >= 2 && match.rowIndex > 0) {
    const above = rowTexts(snapshot.values[match.rowIndex - 1], originColumn);
    // A row naming a year ("As at 1 January 2018", "Committee - 11 March 2024") is a title line, never group headings.
    if ([...above.values()].some(namesYear)) return match;
    const combined = readHeaderCells(combine(above, match.texts), match.rowIndex, match.rowIndex - 1);
    if (combined.score > match.score) return combined;
  }
  return match;
}

/** A blank header over a column of references is the reference column (T1). */
function blankReferenceColumn(snapshot: SheetSnapshot, match: Scored, originColumn: number): Scored {
  if (match.columns.id !== null || match.headerColumns.length === 0) return match;
  const first = Math.min(...match.headerColumns);
  const last = Math.max(...match.headerColumns);
  const rows = snapshot.values.slice(match.rowIndex + 1, match.rowIndex + 41).filter((r) => r.some((v) => !isBlank(v)));
  for (let column = Math.max(originColumn, first - 1); column <= last; column++) {
    if (match.texts.has(column)) continue;
    const refs = rows.filter((r) => looksLikeReference(r[column - originColumn])).length;
    if (refs >= 2 && refs >= rows.length * 0.6) {
      const columns = { ...match.columns, id: column };
      const headerColumns = [...match.headerColumns, column].sort((a, b) => a - b);
      return { ...match, columns, headerColumns, score: match.score + 1 };
    }
  }
  return match;
}

/** Two roles, one of them a reference column whose cells below mostly read as references: a small header. */
function referencedPair(snapshot: SheetSnapshot, read: Scored, originColumn: number): boolean {
  const id = read.columns.id;
  if (read.score < 2 || id === null) return false;
  const below = snapshot.values.slice(read.rowIndex + 1, read.rowIndex + 21).map((r) => r[id - originColumn]);
  const refs = below.filter((v) => looksLikeReference(v)).length;
  return refs >= 2 && refs * 2 >= below.filter((v) => !isBlank(v)).length;
}

/** At least three roles, one of them the reference, subject or recommendation: a header (T1). */
export function isHeaderRead(read: Scored): boolean {
  const anchored = read.columns.id !== null || read.columns.subject !== null || read.columns.recommendation !== null;
  return read.score >= 3 && anchored;
}

/**
 * A row naming two roles whose split header makes it a header ("Recommendation | Implementation | Progress" over
 * "Officer | Date"): without a reference column, the roles under the group heading are what make it one.
 */
function splitIsHeader(snapshot: SheetSnapshot, read: Scored, origin: { column: number; row: number }): boolean {
  if (read.score !== 2) return false;
  const split = splitHeader(snapshot, read, origin);
  return split !== null && isHeaderRead(split);
}

/**
 * Finds the header row in the first 50 rows: the row naming the most column roles, with at least
 * three and one of id, subject or recommendation; then a two-row header and a blank header over the
 * references. `headerRow` (1-based, sheet) skips the search.
 */
export function findHeader(snapshot: SheetSnapshot, headerRow?: number): HeaderMatch | null {
  const origin = parseAddress(snapshot.origin) ?? { column: 0, row: 1 };
  const chosen = headerRow !== undefined;
  const candidates = chosen
    ? [headerRow - origin.row]
    : Array.from({ length: Math.min(HEADER_SEARCH_ROWS, snapshot.values.length) }, (_, i) => i);
  let best: Scored | null = null;
  for (const rowIndex of candidates) {
    const row = snapshot.values[rowIndex];
    if (!row) continue;
    const named = readHeaderCells(rowTexts(row, origin.column), rowIndex, rowIndex);
    const read = blankReferenceColumn(snapshot, rolesFromContent(snapshot, named, origin.column), origin.column);
    const enough = chosen
      ? read.headerColumns.length > 0
      : isHeaderRead(read) || referencedPair(snapshot, read, origin.column) || splitIsHeader(snapshot, read, origin);
    if (enough && (!best || read.score > best.score)) best = read;
  }
  if (!best) return null;
  const { score: _score, ...match } = chosen
    ? best
    : blankReferenceColumn(snapshot, rolesFromContent(snapshot, twoRowHeader(snapshot, best, origin.column), origin.column), origin.column);
  return match;
}

/** The row that came closest to a header, and what it recognised there, for the "no table" message. */
export function closestHeader(snapshot: SheetSnapshot): { row: number; recognised: string[] } | null {
  const origin = parseAddress(snapshot.origin) ?? { column: 0, row: 1 };
  let best: { row: number; recognised: string[] } | null = null;
  const limit = Math.min(HEADER_SEARCH_ROWS, snapshot.values.length);
  for (let i = 0; i < limit; i++) {
    const read = readHeaderCells(rowTexts(snapshot.values[i], origin.column), i, i);
    const recognised = ROLES.filter((r) => read.columns[r] !== null).map(
      (r) => `${ROLE_NAMES[r]} in ${columnLetter(read.columns[r] ?? 0)} ("${read.texts.get(read.columns[r] ?? 0) ?? ''}")`,
    );
    if (recognised.length > 0 && (!best || recognised.length > best.recognised.length)) best = { row: origin.row + i, recognised };
  }
  return best;
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
export function headerText(texts: ReadonlyMap<number, string>, column: number | null): string | null {
  if (column === null) return null;
  return texts.get(column) ?? null;
}
