import { columnIndex, rangeAddress } from '../address';
import { fromIso, toSerial } from '../dates';

/** Columns of the summary sheet; each block lays its own columns out within them (M1). */
export const SUMMARY_COLUMNS = 9;
/**
 * Widths in Excel character units, two panels side by side on a landscape page: a label column, a figure or date
 * column ("30 September 2002" fits) and two figure columns (A-D), a narrow gutter (E), then a label column, two
 * figure columns and a text column (F-I). 171 units print at about 88% on A4 landscape, one page wide.
 */
export const SUMMARY_COLUMN_WIDTHS: readonly number[] = [30, 17, 13, 13, 3, 30, 12, 12, 41];
/** How the summary shows dates: real date serials with this format, so they sort and filter. */
export const SUMMARY_DATE_FORMAT = 'd mmmm yyyy';
/** How the summary shows counts: thousands separated (Excel's built-in format 3). */
export const COUNT_FORMAT = '#,##0';

export type SummaryStyle = 'title' | 'subtitle' | 'headline' | 'heading' | 'tableHeader' | 'label' | 'body' | 'line' | 'note';

/** One cell of the summary. `literal` marks text that echoes the workbook: written as text, never a formula. */
export interface SummaryCell {
  readonly value: string | number | null;
  readonly literal?: boolean;
  /** Number format for numbers ("0", "0%", "d mmmm yyyy"); text cells keep the sheet's default. */
  readonly numberFormat?: string;
}

/** A run of rows sharing a look, on the summary sheet. */
export interface SummaryStyleRange {
  readonly range: string;
  readonly style: SummaryStyle;
}

/** A cell of the colour key, filled as the plan's highlight it explains. */
export interface SummarySwatch {
  readonly range: string;
  readonly fill: string;
  readonly font: string;
}

/** One column of a block: its header, and whether it holds figures (right-aligned, header too). */
export interface BlockColumn {
  readonly header: string;
  readonly numeric?: boolean;
  /** The header echoes workbook text (a scale's name). */
  readonly literal?: boolean;
}

export function lit(value: string): SummaryCell {
  return { value, literal: true };
}
export function txt(value: string): SummaryCell {
  return { value };
}
/** A count, shown with thousands separators ("1,234"). */
export function num(value: number): SummaryCell {
  return { value, numberFormat: COUNT_FORMAT };
}
export function pct(value: number | null): SummaryCell {
  return value === null ? txt('n/a') : { value, numberFormat: '0%' };
}
/** A date as a real date serial with the summary's date format; an empty cell when there is none. */
export function day(iso: string | null): SummaryCell {
  const d = iso === null ? null : fromIso(iso);
  return d === null ? txt('') : { value: toSerial(d), numberFormat: SUMMARY_DATE_FORMAT };
}
/** "6 of 13, 46%": a count with its base. */
export function ofBase(n: number, base: number): string {
  return base <= 0 ? `${count(n)} of ${count(base)}` : `${count(n)} of ${count(base)}, ${Math.round((n / base) * 100)}%`;
}

/** "1,234": a count with thousands separators, for counts inside sentences. */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Where a block goes: from a column (0-based) and, beside an earlier block, from a row (1-based). */
export interface BlockPlace {
  readonly column?: number;
  readonly row?: number;
}

/**
 * The summary grid being built: rows, style runs, right-aligned ranges and swatches. Consecutive rows of
 * one style are one run, and each block adds a fixed number of runs, so the adapters' work does not grow
 * with the lists. Two blocks can sit side by side: the second is placed at the first one's row, further right.
 */
export class SummaryGrid {
  readonly rows: SummaryCell[][] = [];
  readonly styles: SummaryStyleRange[] = [];
  readonly right: string[] = [];
  readonly swatches: SummarySwatch[] = [];

  constructor(readonly width = SUMMARY_COLUMNS) {}

  /** What a sheet's model takes from the grid: its rows, style runs, right-aligned ranges and key swatches. */
  parts(): { rows: SummaryCell[][]; styles: SummaryStyleRange[]; rightAligned: string[]; swatches: SummarySwatch[] } {
    return { rows: this.rows, styles: this.styles, rightAligned: this.right, swatches: this.swatches };
  }

  /** Next row number (1-based). */
  get next(): number {
    return this.rows.length + 1;
  }

  /** Cells from a column of a row (1-based), adding empty rows up to it. */
  put(row: number, column: number, cells: readonly SummaryCell[]): void {
    while (this.rows.length < row) this.rows.push(Array.from({ length: this.width }, () => txt('')));
    const target = this.rows[row - 1];
    if (!target) return;
    cells.forEach((c, i) => {
      if (column + i < this.width) target[column + i] = c;
    });
  }

  add(cells: SummaryCell[], style?: SummaryStyle): number {
    const row = this.next;
    this.put(row, 0, cells);
    if (style) this.styleRows(row, row, style, Math.max(cells.length, 1));
    return row;
  }

  styleRows(from: number, to: number, style: SummaryStyle, width = this.width, column = 0): void {
    const prev = this.styles[this.styles.length - 1];
    if (prev && prev.style === style) {
      const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(prev.range);
      if (m && columnIndex(m[1] ?? 'A') === column && Number(m[4]) === from - 1) {
        const lastCol = Math.max(columnIndex(m[3] ?? 'A'), column + width - 1);
        this.styles[this.styles.length - 1] = { range: rangeAddress(column, Number(m[2]), lastCol, to), style };
        return;
      }
    }
    this.styles.push({ range: rangeAddress(column, from, column + Math.max(width, 1) - 1, to), style });
  }

  blank(): void {
    this.add([]);
  }

  /** Blank rows until `row` is the next one (room for the chart). */
  padTo(row: number): void {
    while (this.next < row) this.blank();
  }

  /**
   * A block: a heading, its own header row and body rows (one "empty" row when there are none), then an
   * optional note. Figure columns are right-aligned from the header down, so each header sits over its
   * figures. The shape is the same whatever the data, so the adapters' work is too. `place` puts it beside
   * an earlier block (from that block's row, further right).
   */
  block(
    heading: string | SummaryCell | SummaryCell[],
    columns: readonly BlockColumn[],
    body: readonly SummaryCell[][],
    options: { empty?: string; note?: string; wrap?: boolean; place?: BlockPlace } = {},
  ): { header: number; first: number; last: number; end: number } {
    const col = options.place?.column ?? 0;
    let row = options.place?.row ?? this.next;
    const line = (cells: SummaryCell[], style?: SummaryStyle): number => {
      this.put(row, col, cells);
      if (style) this.styleRows(row, row, style, Math.max(cells.length, 1), col);
      return row++;
    };
    line(typeof heading === 'string' ? [txt(heading)] : Array.isArray(heading) ? heading : [heading], 'heading');
    const header = line(
      columns.map((c) => (c.literal ? lit(c.header) : txt(c.header))),
      'tableHeader',
    );
    const first = row;
    for (const cells of body.length > 0 ? body : [[txt(options.empty ?? '')]]) line(cells);
    const last = row - 1;
    this.styleRows(first, last, options.wrap === false ? 'line' : 'body', columns.length, col);
    // Right-align each run of figure columns, header included.
    for (let c = 0; c < columns.length; c++) {
      if (!columns[c]?.numeric) continue;
      let end = c;
      while (columns[end + 1]?.numeric) end++;
      this.right.push(rangeAddress(col + c, header, col + end, last));
      c = end;
    }
    if (options.note !== undefined) line([txt(options.note)], 'note');
    return { header, first, last, end: row - 1 };
  }
}
