import { columnIndex, parseAddress, rangeAddress } from '../address';
import { formatLong, fromIso } from '../dates';
import type { FormatPlan } from './formatPlan';
import type { SummaryModel } from './summaryModel';
import type { Analysis, CellValue, SheetSnapshot } from '../types';

/** Page margins in inches, as Excel's Page Setup shows them. */
export interface Margins {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly header: number;
  readonly footer: number;
}

/** Excel's "Narrow" margins: the most of an A4 landscape page for the table, with room for the footer. */
export const NARROW_MARGINS: Margins = { left: 0.25, right: 0.25, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
/** Excel's "Normal" margins, what a new sheet has: margins like these are nobody's choice. */
export const NORMAL_MARGINS: Margins = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

/** The tallest row Excel stores (points). */
export const MAX_ROW_HEIGHT = 409;
/** One line of 11-point Calibri, Excel's default row height (points). */
export const LINE_HEIGHT = 15;
/** Pixels in one unit of column width (Calibri 11's digit at 96 dpi). */
const PIXELS_PER_WIDTH = 7;
/** Pixels a cell keeps clear of text at its edges. */
const CELL_PADDING_PX = 5;
/**
 * Average pixels per character of prose in Calibri 11 (Carlito's metrics, 96 dpi), measured on the reference appendix
 * printed by LibreOffice: with this the estimate gives each of its cells the very number of lines LibreOffice wraps it to.
 */
const PROSE_CHAR_PX = 5.7;
/** Characters of prose per unit of column width, for a wide column (the padding aside). */
export const CHARS_PER_WIDTH = PIXELS_PER_WIDTH / PROSE_CHAR_PX;
/** Longest plan name a page header carries; a longer one is cut with an ellipsis. */
const MAX_HEADER_NAME = 120;
/** Rows above the header searched for the title the print area starts at. */
const TITLE_SEARCH_ROWS = 10;
/** Excel's header font code for bold in the sheet's font: our page header starts with it, so a re-run knows its own. */
export const HEADER_BOLD = '&"-,Bold"';
/** Padding Excel adds below the last line of a wrapped cell (points), so descenders are never cut. */
const ROW_PADDING = 3;

/** The footer, in words; each adapter writes it in its host's codes ("Page &P of &N"). */
export interface FooterPlan {
  /** Left part: "As at 31 March 2002". */
  readonly left: string;
  /** Right part: page x of y, always. */
  readonly pageNumbers: true;
}

/** The page header, in words: the plan's name, on every page (left). */
export interface HeaderPlan {
  readonly left: string;
}

/** A stored row height (points) for one sheet row. */
export interface RowHeight {
  readonly row: number;
  readonly height: number;
}

/** How a sheet prints, as data (P1): the adapters turn it into page setup, names and row heights. */
export interface PrintPlan {
  readonly sheet: string;
  readonly paper: 'A4';
  readonly orientation: 'landscape';
  /** Fit to this many pages wide; 0 tall means as many as needed. */
  readonly fitToPagesWide: 1;
  readonly fitToPagesTall: 0;
  /** Rows repeated at the top of every page (1-based, inclusive), or null. */
  readonly titleRows: { readonly first: number; readonly last: number } | null;
  /** What prints: "A1:G18" (the title rows above the header too); null for everything used (the summary, whose chart may reach past its grid). */
  readonly printArea: string | null;
  /** The rows whose heights are fitted to their wrapped text (1-based, inclusive). */
  readonly rows: { readonly first: number; readonly last: number };
  readonly margins: Margins;
  readonly footer: FooterPlan;
  /** The page header naming the plan; absent on sheets printed without one (the summary). */
  readonly header?: HeaderPlan;
  /** Estimated heights of the rows whose wrapped text needs more than one line (others keep the default). */
  readonly rowHeights: readonly RowHeight[];
  /** Rows (1-based) that start a printed page: a manual page break above each (our sheets only; absent: none). */
  readonly rowBreaks?: readonly number[];
}

/**
 * What a host found of a sheet's own page setup, host-neutral (each adapter reads its own into this).
 * Margins are null when the sheet stores none.
 */
export interface PageSetupState {
  readonly orientation: 'portrait' | 'landscape' | null;
  /** Zoom in percent, or null when none is stored. */
  readonly scale: number | null;
  /** True when fit-to-pages is on (.xlsx `sheetPr/pageSetUpPr/@fitToPage`, Excel's zoom by pages). */
  readonly fitToPage: boolean;
  readonly fitToPagesWide: number | null;
  readonly fitToPagesTall: number | null;
  /** Every header and footer text of the sheet: non-empty parts, left to right, joined by a line break ("" when none). */
  readonly headers: string;
  readonly footers: string;
  readonly printTitles: boolean;
  readonly printArea: boolean;
  /** Manual page breaks. */
  readonly pageBreaks: boolean;
  readonly margins: Margins | null;
}

/** The footer text we write, in the codes Excel and OOXML share, so a re-run knows its own. */
export function footerCodes(footer: FooterPlan): { left: string; right: string } {
  return { left: footer.left.replace(/&/g, '&&'), right: 'Page &P of &N' };
}

/** True for footer texts (non-empty parts, left to right, joined by a line break) that are exactly ours. */
export function isOurFooter(footers: string): boolean {
  return /^As at \d{1,2} [A-Z][a-z]+ \d{4}\nPage &P of &N$/.test(footers);
}

/** The header text we write, in the codes Excel and OOXML share: the plan's name in bold, left. */
export function headerCodes(header: HeaderPlan): { left: string } {
  return { left: `${HEADER_BOLD}${header.left.replace(/&/g, '&&')}` };
}

/** True for header texts (as for `isOurFooter`) that are ours: none (an earlier run's), or one bold name, left. */
export function isOurHeader(headers: string): boolean {
  return headers === '' || (headers.startsWith(HEADER_BOLD) && headers.length > HEADER_BOLD.length && !headers.includes('\n'));
}

const sameMargins = (a: Margins, b: Margins) =>
  (['left', 'right', 'top', 'bottom', 'header', 'footer'] as const).every((k) => Math.abs(a[k] - b[k]) < 0.005);

/**
 * Whose page setup a sheet has (P1.2): `ours` when our footer (and no header, or our bold plan name) is there with landscape and fit to one page wide
 * (a re-run refreshes it); `user` when anything else is set (landscape or a zoom other than 100%, fit to pages,
 * a header or footer, print titles, a print area, page breaks, margins other than Excel's Normal); `none` when
 * the sheet prints as a new sheet does.
 */
export function pageSetupOwner(state: PageSetupState): 'none' | 'ours' | 'user' {
  if (
    isOurFooter(state.footers) &&
    isOurHeader(state.headers) &&
    state.orientation === 'landscape' &&
    state.fitToPage &&
    state.fitToPagesWide === 1 &&
    !state.pageBreaks
  )
    return 'ours';
  const own =
    state.orientation === 'landscape' ||
    (state.scale !== null && state.scale !== 100) ||
    state.fitToPage ||
    state.headers !== '' ||
    state.footers !== '' ||
    state.printTitles ||
    state.printArea ||
    state.pageBreaks ||
    (state.margins !== null && !sameMargins(state.margins, NORMAL_MARGINS));
  return own ? 'user' : 'none';
}

/** Lines a text needs in a column `width` characters wide: each paragraph at least one line. */
export function linesFor(text: string, width: number): number {
  if (text === '') return 1;
  // Characters per line: the column's pixels less the cell's padding, over prose's average character width.
  const perLine = Math.max(1, Math.floor((width * PIXELS_PER_WIDTH - CELL_PADDING_PX) / PROSE_CHAR_PX));
  let lines = 0;
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let line = 0;
    let count = 1;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      const need = line === 0 ? word.length : line + 1 + word.length;
      if (need <= perLine) line = need;
      else if (word.length > perLine) {
        // A word longer than the line is broken across lines.
        count += (line === 0 ? 0 : 1) + Math.ceil(word.length / perLine) - 1;
        line = word.length % perLine || perLine;
      } else {
        count++;
        line = word.length;
      }
    }
    lines += count;
  }
  return lines;
}

/** Row height (points) for the given line count, capped at Excel's 409. */
export function heightFor(lines: number): number {
  if (lines <= 1) return LINE_HEIGHT;
  return Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + ROW_PADDING);
}

function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return String(value);
}

/**
 * Estimated heights of rows `first..last` whose wrapped text needs more than one line (P1.3), from each
 * column's width (characters) and the text's length. `textAt(row, column)` gives the text (0-based column).
 */
export function estimateRowHeights(
  first: number,
  last: number,
  widths: ReadonlyMap<number, number>,
  textAt: (row: number, column: number) => string,
): RowHeight[] {
  const out: RowHeight[] = [];
  for (let row = first; row <= last; row++) {
    let lines = 1;
    for (const [column, width] of widths) lines = Math.max(lines, linesFor(textAt(row, column), width));
    if (lines > 1) out.push({ row, height: heightFor(lines) });
  }
  return out;
}

/** "As at 31 March 2002", from the analysis' as-at date. */
function asAtWords(iso: string): string {
  const day = fromIso(iso);
  return day === null ? `As at ${iso}` : `As at ${formatLong(day)}`;
}

/** A title row without its position date ("Action plan: position as at 31 March 2002" -> "Action plan"): the footer says it. */
function withoutDate(text: string): string {
  const cut = text.replace(/[\s,:;.\u2013\u2014-]*\b(?:position\s+)?as\s+at\b.*$/i, '').trim();
  // A line that is only a date ("31st March 2002", "March 2002") names nothing.
  return /^(\d{1,2}(st|nd|rd|th)?\s+)?[A-Za-z]+\.?,?\s+\d{4}\.?$/.test(cut) ? '' : cut;
}

/**
 * The plan's name for the page header: the sheet's name, then the title rows above the header (each without its
 * position date), joined by dashes; cut with an ellipsis past 120 characters.
 */
export function planName(sheet: string, titleRows: readonly string[]): string {
  const titles = titleRows.map((t) => withoutDate(t.replace(/\s+/g, ' ').trim())).filter((t) => t !== '');
  const parts = titles.some((t) => t.toLowerCase() === sheet.trim().toLowerCase()) ? titles : [sheet, ...titles];
  const name = parts.join(' \u2013 ');
  return name.length <= MAX_HEADER_NAME ? name : `${name.slice(0, MAX_HEADER_NAME - 1).trimEnd()}\u2026`;
}

/** The first row (1-based) of the title above the header: the first non-blank of the 10 rows above it, else the header's. */
function firstTitleRow(snapshot: SheetSnapshot, firstHeader: number): number {
  const originRow = parseAddress(snapshot.origin)?.row ?? 1;
  for (let row = Math.max(originRow, firstHeader - TITLE_SEARCH_ROWS); row < firstHeader; row++) {
    const cells = snapshot.values[row - originRow] ?? [];
    if (cells.some((v) => v !== null && v !== undefined && String(v).trim() !== '')) return row;
  }
  return firstHeader;
}

/** The text each planned cell shows (0-based column): our columns' (status, days overdue, data check) from the plan, the others' from the sheet. */
function tableText(analysis: Analysis, snapshot: SheetSnapshot, format: FormatPlan): (row: number, column: number) => string {
  const origin = parseAddress(snapshot.origin) ?? { column: 0, row: 1 };
  const headerRow = analysis.table?.headerRow ?? 0;
  const status = format.status;
  const ours = new Map(
    (status ? [status, ...format.added] : []).map((c) => [
      columnIndex(c.column),
      { header: c.header, first: parseAddress(c.range.split(':')[0] ?? '')?.row ?? 0, values: c.values },
    ]),
  );
  return (row, column) => {
    const mine = ours.get(column);
    if (mine) return row === headerRow ? mine.header : String(mine.values[row - mine.first]?.[0] ?? '');
    return cellText(snapshot.values[row - origin.row]?.[column - origin.column]);
  };
}

/**
 * How the table sheet prints (P1.1): A4 landscape, one page wide, the header row(s) repeated, the title rows above
 * the header to the last row (the status column too) as the print area, a page header naming the plan, our footer,
 * Narrow margins, and row heights for the wrapped text. Null when no table was found.
 */
export function planTablePrint(analysis: Analysis, snapshot: SheetSnapshot, format: FormatPlan): PrintPlan | null {
  const table = analysis.table;
  if (!table) return null;
  const [tl = 'A1', br = tl] = format.tableRange.split(':');
  const from = parseAddress(tl) ?? { column: 0, row: table.headerRow };
  const to = parseAddress(br) ?? from;
  const status = format.status;
  const lastColumn = Math.max(to.column, ...[status, ...format.added].map((c) => (c ? columnIndex(c.column) : 0)));
  const lastRow = Math.max(to.row, table.lastRow);
  const firstHeader = Math.min(table.firstHeaderRow, table.headerRow);
  const widths = new Map<number, number>();
  for (const w of format.columnWidths) widths.set(columnIndex(w.column), w.width);
  const firstColumn = Math.min(from.column, columnIndex(table.firstColumn));
  return {
    sheet: analysis.sheet,
    paper: 'A4',
    orientation: 'landscape',
    fitToPagesWide: 1,
    fitToPagesTall: 0,
    titleRows: { first: firstHeader, last: table.headerRow },
    printArea: rangeAddress(firstColumn, firstTitleRow(snapshot, firstHeader), lastColumn, lastRow),
    rows: { first: firstHeader, last: lastRow },
    margins: NARROW_MARGINS,
    footer: { left: asAtWords(analysis.asAt), pageNumbers: true },
    header: { left: planName(analysis.sheet, analysis.titleRows) },
    rowHeights: estimateRowHeights(firstHeader, lastRow, widths, tableText(analysis, snapshot, format)),
  };
}

/**
 * How our summary and chase sheets print (P1.4): like the table, everything used (the grid and its chart), no title
 * rows (each list repeats its own header after each of the sheet's manual page breaks, which the plan carries).
 */
export function planSummaryPrint(model: SummaryModel, asAt: string): PrintPlan {
  const widths = new Map<number, number>();
  model.columnWidths.forEach((w, i) => widths.set(i, w));
  // Only the wrapped (body) cells grow their rows; titles and labels run on into empty cells.
  const wrapped = new Set<string>();
  for (const s of model.styles) {
    if (s.style !== 'body') continue;
    const [a = 'A1', b = a] = s.range.split(':');
    const p = parseAddress(a);
    const q = parseAddress(b);
    if (!p || !q) continue;
    for (let r = p.row; r <= q.row; r++) for (let c = p.column; c <= q.column; c++) wrapped.add(`${r}:${c}`);
  }
  // Numbers and dates print short in their formats ("19%", "1,234"): only text wraps.
  const textAt = (row: number, column: number): string => {
    const value = wrapped.has(`${row}:${column}`) ? model.rows[row - 1]?.[column]?.value : null;
    return typeof value === 'string' ? value : '';
  };
  const lastRow = Math.max(1, model.rows.length);
  return {
    sheet: model.sheetName,
    paper: 'A4',
    orientation: 'landscape',
    fitToPagesWide: 1,
    fitToPagesTall: 0,
    titleRows: null,
    printArea: null,
    rows: { first: 1, last: lastRow },
    margins: NARROW_MARGINS,
    footer: { left: asAtWords(asAt), pageNumbers: true },
    rowHeights: estimateRowHeights(1, lastRow, widths, textAt),
    rowBreaks: model.rowBreaks,
  };
}
