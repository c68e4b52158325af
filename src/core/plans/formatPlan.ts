import { columnIndex, columnLetter, parseAddress, rangeAddress } from '../address';
import { isStatusHeader, STATUS_HEADER } from '../read/findTable';
import { cleanStatusWord, STATUS_WORDS } from './statusWords';
import { BORDER_COLOUR, HEADER, levelSwatch, PRIORITY_ROW, STATUS_SWATCHES, STATUTORY_ROW, type Swatch } from './palette';
import { ratingConditions, statutoryColumnCondition, str, subjectMarkerCondition, tickCondition } from './ruleFormulas';
import { matchLevel } from '../interpret/scales';
import type { Analysis, Finding, Role, SheetSnapshot, TableLocation } from '../types';
import { ROLES } from '../types';

/** Every conditional-format formula of ours carries this, so a re-run can find and remove its own rules. */
export const RULE_MARKER = 'N("ActionPlanChecker")=0';

/** True for a conditional-format formula this add-in wrote. */
export function isOurRule(formula: string | null | undefined): boolean {
  return typeof formula === 'string' && formula.includes(RULE_MARKER);
}

/** A conditional-format rule: a formula relative to the top-left cell of its range, and the look when true. */
export interface ConditionalRule {
  readonly range: string;
  readonly formula: string;
  readonly fill: string;
  readonly fontColor: string;
  readonly bold: boolean;
  /** What the rule shows, in words (for people, tests and the settings list). */
  readonly purpose: string;
}

/** The status column: where it goes and what it holds, one row per table row. */
export interface StatusColumnPlan {
  readonly column: string;
  readonly header: string;
  readonly headerCell: string;
  /** First to last data row in the status column. */
  readonly range: string;
  /** One cell per data row, as literal text; blank rows of the table get "". */
  readonly values: readonly (readonly [string])[];
  /** True when the first free column held something not ours, so the status column moved right. */
  readonly moved: boolean;
}

/** Formats to apply, as data: the adapters turn it into host calls. */
export interface FormatPlan {
  readonly sheet: string;
  readonly headerRange: string;
  readonly header: { readonly fill: string; readonly fontColor: string; readonly bold: true };
  /** Header and data rows of the table (and the status column when it sits next to it). */
  readonly tableRange: string;
  readonly wrapText: true;
  readonly verticalAlignment: 'Top';
  readonly borderColor: string;
  /** Widths in Excel character units (adapters convert to points or pixels). */
  readonly columnWidths: readonly { readonly column: string; readonly width: number }[];
  /** Rows to freeze at the top (through the header), or 0 when the header is too far down to freeze. */
  readonly freezeRows: number;
  readonly autoFilterRange: string;
  /** Highest priority first. */
  readonly rules: readonly ConditionalRule[];
  readonly status: StatusColumnPlan | null;
}

/** Widths of the short columns (Excel character units): enough for their words, wrapped. */
const WIDTHS: Readonly<Record<Role, number>> = {
  id: 8,
  subject: 20,
  statutory: 11,
  lead: 14,
  timescale: 14,
  recommendation: 32,
  progress: 75,
  rating: 13,
  priority: 10,
  originalTimescale: 13,
};
/** The prose columns: capped at their WIDTHS, narrowed (never below these) so the table fits the print budget. */
const PROSE_MINIMUM: Partial<Readonly<Record<Role, number>>> = { subject: 12, recommendation: 20, progress: 36 };
export const STATUS_WIDTH = 16;
/**
 * The table's total width (character units) that prints one page wide on A4 landscape with Narrow margins at 87% or
 * more, so 11-point text prints at 9.5 points or more (P1.1): 806 pt of paper over (7 px x 172 + 5 px a column) at 0.75 pt
 * a pixel. A column we do not plan counts as Excel's default 8.43.
 */
export const PRINT_WIDTH_BUDGET = 172;
const DEFAULT_WIDTH = 8.43;
const MAX_FROZEN_ROWS = 20;

function rule(range: string, condition: string, swatch: Swatch, bold: boolean, purpose: string): ConditionalRule {
  return { range, formula: `=AND(${RULE_MARKER},${condition})`, fill: swatch.fill, fontColor: swatch.font, bold, purpose };
}

/**
 * The column a row's rating colour shows in (F3): the rating column's own cell; where the rating is written in the
 * progress text, the row's reference cell (else its subject cell), never the whole progress cell. Null when none.
 */
export function ratingCellColumn(table: TableLocation): string | null {
  if (table.columns.rating) return table.columns.rating;
  if (!table.columns.progress) return null;
  return table.columns.id ?? table.columns.subject ?? null;
}

/**
 * Rating colours on the rating cell (ratingCellColumn), read from the rating column, else the progress column, one
 * rule per word of the scale, in the order ratingConditions gives (Excel shows the higher rule where two match).
 * `rows` is "6:18".
 */
function ratingRules(analysis: Analysis, rows: string): ConditionalRule[] {
  const table = analysis.table;
  if (table && table.statusTicks.length > 0) return tickRules(analysis, rows);
  const source = table?.columns.rating ?? table?.columns.progress;
  const column = table ? ratingCellColumn(table) : null;
  if (!table || !source || !column) return [];
  const [firstRow = '', lastRow = ''] = rows.split(':');
  const range = `${column}${firstRow}:${column}${lastRow}`;
  // Excluded levels share a long list of words (N/A, withdrawn, superseded ...): they get a rule only for a word that
  // begins with another level's word ("no longer relevant" after "no"), so that word never shows the other level's colour.
  const all = ratingConditions(analysis.scale, `$${source}${firstRow}`, !table.columns.rating);
  const counted = all.filter((c) => !c.level.excluded).map((c) => c.word);
  const kept = all.filter((c) => !c.level.excluded || counted.some((w) => c.word.startsWith(`${w} `)));
  return kept.map(({ level, index, condition }) => {
    const swatch = levelSwatch(analysis.scale, index);
    return rule(range, condition, swatch, false, `Rating: ${level.label.toLowerCase()}`);
  });
}
/** Tick-mark status columns (the core reads the status from them): a marked cell shows its column's level colour. */
function tickRules(analysis: Analysis, rows: string): ConditionalRule[] {
  const table = analysis.table;
  if (!table) return [];
  const [firstRow = '', lastRow = ''] = rows.split(':');
  return table.statusTicks.flatMap((letter) => {
    const header = table.headerCells.find((h) => h.column === letter)?.text ?? '';
    const level = matchLevel(header, analysis.scale);
    if (!level) return [];
    const swatch = levelSwatch(analysis.scale, analysis.scale.indexOf(level));
    const range = `${letter}${firstRow}:${letter}${lastRow}`;
    return [rule(range, tickCondition(`$${letter}${firstRow}`), swatch, false, `Rating: ${level.label.toLowerCase()}`)];
  });
}

/** Top-priority rows ("High", "Priority 1", "Fundamental"), the statutory rule's twin, keyed on the priority cell's text. */
function priorityRule(analysis: Analysis, bodyRange: string): ConditionalRule[] {
  const column = analysis.table?.columns.priority;
  const words = analysis.topPriorityWords;
  if (!analysis.table || !column || words.length === 0) return [];
  const ref = `$${column}${analysis.table.firstRow}`;
  const condition = `ISNUMBER(FIND("|"&TRIM(SUBSTITUTE(LOWER(${ref}),"."," "))&"|",${str(`|${words.join('|')}|`)}))`;
  return [rule(bodyRange, condition, PRIORITY_ROW, false, 'Top-priority row')];
}

/** The conditions that mark a statutory row: the Statutory column's value, else (and where blank) the Subject cell's marker. */
function statutoryConditions(table: TableLocation): string[] {
  const firstRow = table.firstRow;
  const out: string[] = [];
  const column = table.columns.statutory;
  const subject = table.columns.subject;
  if (column) out.push(statutoryColumnCondition(`$${column}${firstRow}`));
  if (subject) {
    const marker = subjectMarkerCondition(`$${subject}${firstRow}`);
    out.push(column ? `AND(TRIM($${column}${firstRow})="",${marker})` : marker);
  }
  return out;
}

/**
 * Statutory rows (F3): the whole row tinted, and the subject (else the first) cell's text bold as well, so the rows
 * still stand apart on a greyscale print, where a tint alone fades. The subject rules (tint and bold) come first:
 * LibreOffice shows only the first rule true in a cell, Excel the same look either way.
 */
function statutoryRules(analysis: Analysis, bodyRange: string): ConditionalRule[] {
  const table = analysis.table;
  if (!table) return [];
  const conditions = statutoryConditions(table);
  const [tl = '', br = ''] = bodyRange.split(':');
  const from = parseAddress(tl);
  const to = parseAddress(br);
  const label = table.columns.subject ?? table.firstColumn;
  const labelRange = from && to ? `${label}${from.row}:${label}${to.row}` : bodyRange;
  return [
    ...conditions.map((c) => rule(labelRange, c, STATUTORY_ROW, true, 'Statutory subject')),
    ...conditions.map((c) => rule(bodyRange, c, STATUTORY_ROW, false, 'Statutory row')),
  ];
}

/** Column spans ([first, last], 0-based) of A1 areas that meet rows `top`..`bottom` ("B5:C5", "A1", "A:A", "1:1"). */
function spansInRows(areas: readonly string[], top: number, bottom: number): [number, number][] {
  const out: [number, number][] = [];
  for (const area of areas) {
    const [a = '', b = a] = area.replace(/\$/g, '').split(':');
    const corner = (ref: string, end: boolean) => {
      if (/^[A-Za-z]+$/.test(ref)) return { column: columnIndex(ref), row: end ? 1048576 : 1 };
      if (/^\d+$/.test(ref)) return { column: end ? 16383 : 0, row: Number(ref) };
      return parseAddress(ref);
    };
    const tl = corner(a, false);
    const br = corner(b, true);
    if (!tl || !br || tl.column < 0 || br.column < 0) continue;
    if (Math.max(tl.row, br.row) < top || Math.min(tl.row, br.row) > bottom) continue;
    out.push([Math.min(tl.column, br.column), Math.max(tl.column, br.column)]);
  }
  return out;
}

/** True when a cell holds anything: a value (even spaces) or a formula (even one showing ""). */
function holdsSomething(snapshot: SheetSnapshot, r: number, c: number): boolean {
  const v = snapshot.values[r]?.[c];
  return (v !== null && v !== undefined && v !== '') || (snapshot.formulas?.[r]?.[c] ?? '') !== '';
}

/**
 * The column (0-based) for the status column: ours if present, else the first column right of the table
 * whose cells in the table's rows are truly empty: no value, no formula, no merged area, no user
 * validation. Null when no column is free (the status column is then left out).
 */
function statusColumnIndex(analysis: Analysis, snapshot: SheetSnapshot): { column: number; moved: boolean } | null {
  const table = analysis.table;
  if (!table) return null;
  const origin = parseAddress(snapshot.origin) ?? { column: 0, row: 1 };
  const headerIndex = table.headerRow - origin.row;
  const row = snapshot.values[headerIndex] ?? [];
  const ours = row.findIndex(isStatusHeader);
  if (ours >= 0) return { column: origin.column + ours, moved: false };
  const first = columnIndex(table.lastColumn) + 1;
  const blocked = spansInRows([...(snapshot.merges ?? []), ...(snapshot.validations ?? [])], table.headerRow, table.lastRow);
  for (let column = first; column < 16384; column++) {
    const span = blocked.find(([from, to]) => from <= column && column <= to);
    if (span) {
      column = span[1];
      continue;
    }
    let used = false;
    for (let r = headerIndex; r <= table.lastRow - origin.row && !used; r++) used = holdsSomething(snapshot, r, column - origin.column);
    if (!used) return { column, moved: column !== first };
  }
  return null;
}

/**
 * Column widths for the table (P1.1): the short columns at their widths, the prose columns (subject, recommendation,
 * progress) at their caps, narrowed in proportion (to their minima at most) while the table, with the status column
 * and any column we do not plan, is wider than PRINT_WIDTH_BUDGET. Wrapping, not shrinking, then fits the page.
 */
export function planColumnWidths(
  columns: Readonly<Record<Role, string | null>>,
  span: { readonly first: number; readonly last: number },
  status: string | null,
): { column: string; width: number }[] {
  const roles = ROLES.filter((r) => columns[r] !== null);
  const planned = new Set(roles.map((r) => columnIndex(columns[r] ?? 'A')));
  if (status) planned.add(columnIndex(status));
  let others = 0;
  for (let c = span.first; c <= span.last; c++) if (!planned.has(c)) others += DEFAULT_WIDTH;
  const prose = roles.filter((r) => PROSE_MINIMUM[r] !== undefined);
  const fixed = roles.filter((r) => PROSE_MINIMUM[r] === undefined).reduce((sum, r) => sum + WIDTHS[r], 0) + (status ? STATUS_WIDTH : 0);
  const caps = prose.reduce((sum, r) => sum + WIDTHS[r], 0);
  const room = PRINT_WIDTH_BUDGET - fixed - others;
  const factor = caps > 0 ? Math.min(1, Math.max(0, room) / caps) : 1;
  const widthOf = (r: Role) => {
    const min = PROSE_MINIMUM[r];
    return min === undefined ? WIDTHS[r] : Math.max(min, Math.floor(WIDTHS[r] * factor));
  };
  const out = roles.map((r) => ({ column: columns[r] ?? 'A', width: widthOf(r) }));
  if (status) out.push({ column: status, width: STATUS_WIDTH });
  return out;
}

/** The words for one row's status cell. */
export function statusText(flags: readonly string[], complete: boolean, excluded = false): string {
  if (flags.length > 0) return flags.join('; ');
  return cleanStatusWord(complete, excluded);
}

/**
 * Plans the formatting of the table: header style, widths, wrapping, borders, frozen header,
 * autofilter, rating colours and statutory highlighting as live rules keyed on the cell text,
 * and the status column. Null when no table was found.
 */
export function planFormat(analysis: Analysis, snapshot: SheetSnapshot, options: { statusColumn?: boolean } = {}): FormatPlan | null {
  const table = analysis.table;
  if (!table) return null;
  const first = columnIndex(table.firstColumn);
  const last = columnIndex(table.lastColumn);
  const { headerRow, firstRow, lastRow } = table;
  const bodyLast = Math.max(lastRow, firstRow);
  const rules: ConditionalRule[] = [];

  // Status column.
  let status: StatusColumnPlan | null = null;
  const place = options.statusColumn !== false ? statusColumnIndex(analysis, snapshot) : null;
  if (place) {
    const { column, moved } = place;
    const letter = columnLetter(column);
    const byRow = new Map(analysis.recommendations.map((r) => [r.row, r]));
    const values: [string][] = [];
    for (let row = firstRow; row <= bodyLast; row++) {
      const rec = byRow.get(row);
      values.push([rec ? statusText(rec.flags, rec.complete, rec.excluded) : '']);
    }
    status = {
      column: letter,
      header: STATUS_HEADER,
      headerCell: `${letter}${headerRow}`,
      range: `${letter}${firstRow}:${letter}${bodyLast}`,
      values,
      moved,
    };
    const ref = `$${letter}${firstRow}`;
    const has = (word: string) => `ISNUMBER(SEARCH(${str(word)},${ref}))`;
    const W = STATUS_WORDS;
    rules.push(rule(status.range, has(W.overdue), STATUS_SWATCHES.overdue, true, 'Status: overdue'));
    rules.push(rule(status.range, `OR(${has(W.unrated)},${has(W.unclear)})`, STATUS_SWATCHES.unrated, true, 'Status: unrated'));
    rules.push(rule(status.range, has(W.dueSoon), STATUS_SWATCHES.dueSoon, false, 'Status: due soon'));
    // "Check timescale", "No reference" / "Duplicate reference", "Cell error".
    rules.push(
      rule(status.range, `OR(${has('Check')},${has('reference')},${has(W.cellError)})`, STATUS_SWATCHES.check, false, 'Status: check'),
    );
    const clean = [W.onTrack, W.complete, W.notCounted].map((w) => `${ref}=${str(w)}`).join(',');
    rules.push(rule(status.range, `OR(${clean})`, STATUS_SWATCHES.ok, false, 'Status: no problems'));
  }

  // Rating colours and statutory rows, keyed on the cell text as the core reads it (ruleFormulas.ts).
  rules.push(...ratingRules(analysis, `${firstRow}:${bodyLast}`));
  rules.push(...statutoryRules(analysis, rangeAddress(first, firstRow, last, bodyLast)));
  rules.push(...priorityRule(analysis, rangeAddress(first, firstRow, last, bodyLast)));

  const statusIndex = status ? columnIndex(status.column) : -1;
  const adjacent = status !== null && statusIndex === last + 1;
  const tableLast = adjacent ? statusIndex : last;
  const columnWidths = planColumnWidths(table.columns, { first, last: tableLast }, status?.column ?? null);

  return {
    sheet: analysis.sheet,
    headerRange: rangeAddress(first, headerRow, tableLast, headerRow),
    header: { fill: HEADER.fill, fontColor: HEADER.font, bold: true },
    tableRange: rangeAddress(first, headerRow, tableLast, bodyLast),
    wrapText: true,
    verticalAlignment: 'Top',
    borderColor: BORDER_COLOUR,
    columnWidths,
    freezeRows: headerRow <= MAX_FROZEN_ROWS ? headerRow : 0,
    autoFilterRange: rangeAddress(first, headerRow, tableLast, bodyLast),
    rules,
    status,
  };
}

/** The STATUS_COLUMN_MOVED finding for a plan whose status column had to move right, else null. */
export function statusMovedFinding(plan: FormatPlan, table: { lastColumn: string; headerRow: number }): Finding | null {
  if (!plan.status?.moved) return null;
  const skipped = columnLetter(columnIndex(table.lastColumn) + 1);
  return {
    rule: 'STATUS_COLUMN_MOVED',
    severity: 'info',
    cell: plan.status.headerCell,
    row: table.headerRow,
    id: null,
    message: `Column ${skipped}, right of the table, holds other data, so the status column "${plan.status.header}" is in column ${plan.status.column}. Nothing in column ${skipped} was changed.`,
  };
}
