import { columnIndex, columnLetter, parseAddress, rangeAddress } from '../address';
import { STATUS_HEADER } from '../read/findTable';
import { CHECK_HEADER, daysOverdueHeader, ourColumnOf } from './statusWords';
import {
  BORDER_COLOUR,
  DATA_CHECK_SWATCH,
  HEADER,
  levelSwatch,
  PRIORITY_ROW,
  STATUS_SWATCHES,
  STATUTORY_ROW,
  type Swatch,
} from './palette';
import { STATE_LOOK } from './stateKey';
import { ITEM_STATES, type ItemState } from '../itemStates';
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

/** The status column: where it goes and what it holds (one state word per table row). */
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

/** A column we add beside the status column: the days overdue (numbers) or the data checks (text). */
export interface AddedColumnPlan {
  readonly kind: 'days' | 'checks';
  readonly column: string;
  readonly header: string;
  readonly headerCell: string;
  /** First to last data row. */
  readonly range: string;
  /** One cell per data row: a number (days overdue), text, or "" for a blank cell. */
  readonly values: readonly (readonly [string | number])[];
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
  /** The days-overdue and data-check columns, written with the status column (empty when it is left out). */
  readonly added: readonly AddedColumnPlan[];
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
  completed: 12,
  days: 8,
  opinion: 14,
};
/** The prose columns: capped at their WIDTHS, narrowed (never below these) so the table fits the print budget. */
const PROSE_MINIMUM: Partial<Readonly<Record<Role, number>>> = { subject: 12, recommendation: 20, progress: 36 };
export const STATUS_WIDTH = 14;
/** Widths of the days-overdue (a number under a two-line header) and data-check columns. */
export const DAYS_WIDTH = 12;
export const CHECK_WIDTH = 18;
/**
 * The table's total width (character units) that prints one page wide on A4 landscape with Narrow margins so that
 * 11-point text prints at 9 points or more (P1.1): 806 pt of paper over (7 px x 164 + 5 px a column) at 0.75 pt a
 * pixel is 90%; LibreOffice, laying out with Calibri's metrics, was measured to fit about 5% less than that (a
 * 171-unit table of nine columns printed at 81.8%, 8.995 pt), so the budget keeps that margin. A column we do not
 * plan counts as Excel's default 8.43.
 */
export const PRINT_WIDTH_BUDGET = 164;
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

/** The header row's cells and the first column right of the table, for placing our columns. */
interface Placing {
  readonly analysis: Analysis;
  readonly snapshot: SheetSnapshot;
  readonly origin: { readonly column: number; readonly row: number };
  readonly headerIndex: number;
  readonly first: number;
  readonly blocked: readonly [number, number][];
}

/** True when a column's cells in the table's rows are truly empty and no merged area or user validation covers them. */
function freeColumn(p: Placing, column: number): boolean {
  if (p.blocked.some(([from, to]) => from <= column && column <= to)) return false;
  const table = p.analysis.table;
  if (!table) return false;
  for (let r = p.headerIndex; r <= table.lastRow - p.origin.row; r++)
    if (holdsSomething(p.snapshot, r, column - p.origin.column)) return false;
  return true;
}

/**
 * Columns (0-based) for the status, days-overdue and data-check columns: each ours if its header is in the
 * header row (a re-run rewrites it), else the first column right of the table that is truly empty (no
 * value, formula, merged area or user validation) and not taken by another of ours. Null when the status
 * column has no place (all three are then left out).
 */
function ourColumns(
  analysis: Analysis,
  snapshot: SheetSnapshot,
): { status: number; days: number | null; checks: number | null; moved: boolean } | null {
  const table = analysis.table;
  if (!table) return null;
  const origin = parseAddress(snapshot.origin) ?? { column: 0, row: 1 };
  const headerIndex = table.headerRow - origin.row;
  const row = snapshot.values[headerIndex] ?? [];
  const found = (kind: 'status' | 'days' | 'checks'): number | null => {
    const i = row.findIndex((v) => ourColumnOf(v, STATUS_HEADER) === kind);
    return i < 0 ? null : origin.column + i;
  };
  const first = columnIndex(table.lastColumn) + 1;
  const blocked = spansInRows([...(snapshot.merges ?? []), ...(snapshot.validations ?? [])], table.headerRow, table.lastRow);
  const p: Placing = { analysis, snapshot, origin, headerIndex, first, blocked };
  const taken = new Set<number>();
  const place = (kind: 'status' | 'days' | 'checks'): number | null => {
    let column = found(kind);
    for (let c = first; column === null && c < 16384; c++) if (!taken.has(c) && freeColumn(p, c)) column = c;
    if (column !== null) taken.add(column);
    return column;
  };
  // Ours are reserved first, so a free column is never one a re-run would find as ours.
  const existing = found('status');
  for (const kind of ['status', 'days', 'checks'] as const) {
    const ours = found(kind);
    if (ours !== null) taken.add(ours);
  }
  const status = place('status');
  if (status === null) return null;
  return { status, days: place('days'), checks: place('checks'), moved: existing === null && status !== first };
}

/** Column letter, header cell and data range of one of our columns. */
function columnAt(column: number, header: number, firstRow: number, lastRow: number) {
  const letter = columnLetter(column);
  return { column: letter, headerCell: `${letter}${header}`, range: `${letter}${firstRow}:${letter}${lastRow}` };
}

/** The state column, the days-overdue and data-check columns beside it, and their rules (F2). */
function planOurColumns(
  analysis: Analysis,
  snapshot: SheetSnapshot,
  rows: { header: number; first: number; last: number },
): { status: StatusColumnPlan; added: AddedColumnPlan[]; rules: ConditionalRule[] } | null {
  const place = ourColumns(analysis, snapshot);
  if (!place) return null;
  const byRow = new Map(analysis.recommendations.map((r) => [r.row, r]));
  const recs = Array.from({ length: rows.last - rows.first + 1 }, (_, i) => byRow.get(rows.first + i));
  const status: StatusColumnPlan = {
    ...columnAt(place.status, rows.header, rows.first, rows.last),
    header: STATUS_HEADER,
    values: recs.map((r) => [r ? r.state : '']),
    moved: place.moved,
  };
  const added: AddedColumnPlan[] = [];
  if (place.days !== null)
    added.push({
      kind: 'days',
      ...columnAt(place.days, rows.header, rows.first, rows.last),
      header: daysOverdueHeader(analysis.asAt),
      values: recs.map((r) => [r?.state === 'Overdue' ? r.daysOverdue : '']),
    });
  if (place.checks !== null)
    added.push({
      kind: 'checks',
      ...columnAt(place.checks, rows.header, rows.first, rows.last),
      header: CHECK_HEADER,
      values: recs.map((r) => [r ? r.checks.join('; ') : '']),
    });
  return { status, added, rules: ourColumnRules(status, added) };
}

/** One rule per look, in ITEM_STATES order, each keyed on the whole cell being one of its state words; then the added columns' rules. */
function ourColumnRules(status: StatusColumnPlan, added: readonly AddedColumnPlan[]): ConditionalRule[] {
  const ref = `$${status.range.split(':')[0] ?? ''}`;
  const looks = new Map<string, ItemState[]>();
  for (const state of ITEM_STATES) {
    const look = STATE_LOOK[state];
    const key = `${look.swatch.fill}|${look.swatch.font}|${look.bold}`;
    looks.set(key, [...(looks.get(key) ?? []), state]);
  }
  const rules = [...looks.values()].map((states) => {
    const look = STATE_LOOK[states[0] ?? 'Complete'];
    const tests = states.map((w) => `${ref}=${str(w)}`);
    const condition = tests.length === 1 ? (tests[0] ?? '') : `OR(${tests.join(',')})`;
    return rule(status.range, condition, look.swatch, look.bold, `Status: ${states.join(' / ')}`);
  });
  for (const a of added) {
    const cell = `$${a.range.split(':')[0] ?? ''}`;
    if (a.kind === 'days') rules.push(rule(a.range, `AND(ISNUMBER(${cell}),${cell}>0)`, STATUS_SWATCHES.overdue, true, 'Days overdue'));
    else rules.push(rule(a.range, `LEN(TRIM(${cell}))>0`, DATA_CHECK_SWATCH, false, 'Data check'));
  }
  return rules;
}

/**
 * Column widths for the table (P1.1): the short columns at their widths, the prose columns (subject, recommendation,
 * progress) at their caps, narrowed in proportion (to their minima at most) while the table, with our columns
 * (status, days overdue, data check) and any column we do not plan, is wider than PRINT_WIDTH_BUDGET. Wrapping, not shrinking, then fits the page.
 */
export function planColumnWidths(
  columns: Readonly<Record<Role, string | null>>,
  span: { readonly first: number; readonly last: number },
  ours: readonly { readonly column: string; readonly width: number }[],
): { column: string; width: number }[] {
  const roles = ROLES.filter((r) => columns[r] !== null);
  const planned = new Set(roles.map((r) => columnIndex(columns[r] ?? 'A')));
  for (const o of ours) planned.add(columnIndex(o.column));
  let others = 0;
  for (let c = span.first; c <= span.last; c++) if (!planned.has(c)) others += DEFAULT_WIDTH;
  const prose = roles.filter((r) => PROSE_MINIMUM[r] !== undefined);
  const fixed =
    roles.filter((r) => PROSE_MINIMUM[r] === undefined).reduce((sum, r) => sum + WIDTHS[r], 0) + ours.reduce((sum, o) => sum + o.width, 0);
  const caps = prose.reduce((sum, r) => sum + WIDTHS[r], 0);
  const room = PRINT_WIDTH_BUDGET - fixed - others;
  const factor = caps > 0 ? Math.min(1, Math.max(0, room) / caps) : 1;
  const widthOf = (r: Role) => {
    const min = PROSE_MINIMUM[r];
    return min === undefined ? WIDTHS[r] : Math.max(min, Math.floor(WIDTHS[r] * factor));
  };
  const out = roles.map((r) => ({ column: columns[r] ?? 'A', width: widthOf(r) }));
  return [...out, ...ours];
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

  // The status column and the two beside it.
  const ours =
    options.statusColumn !== false ? planOurColumns(analysis, snapshot, { header: headerRow, first: firstRow, last: bodyLast }) : null;
  const status = ours?.status ?? null;
  const added = ours?.added ?? [];
  rules.push(...(ours?.rules ?? []));

  // Rating colours and statutory rows, keyed on the cell text as the core reads it (ruleFormulas.ts).
  rules.push(...ratingRules(analysis, `${firstRow}:${bodyLast}`));
  rules.push(...statutoryRules(analysis, rangeAddress(first, firstRow, last, bodyLast)));
  rules.push(...priorityRule(analysis, rangeAddress(first, firstRow, last, bodyLast)));

  // The table's borders and filter run on over our columns where they follow it without a gap.
  let tableLast = last;
  const oursByColumn = [...(status ? [columnIndex(status.column)] : []), ...added.map((a) => columnIndex(a.column))];
  while (oursByColumn.includes(tableLast + 1)) tableLast++;
  const ourWidths = [
    ...(status ? [{ column: status.column, width: STATUS_WIDTH }] : []),
    ...added.map((a) => ({ column: a.column, width: a.kind === 'days' ? DAYS_WIDTH : CHECK_WIDTH })),
  ];
  const columnWidths = planColumnWidths(table.columns, { first, last: tableLast }, ourWidths);

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
    added,
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
