import { columnIndex, rangeAddress } from '../address';
import { fromIso, toSerial } from '../dates';

/** Columns of the summary sheet; each block lays its own columns out within them (M1). */
export const SUMMARY_COLUMNS = 6;
/** Widths in Excel character units: labels and references, three figure columns ("31 December 2002" fits), a lead column, a text column. */
export const SUMMARY_COLUMN_WIDTHS: readonly number[] = [30, 17, 17, 17, 28, 50];
/** How the summary shows dates: real date serials with this format, so they sort and filter. */
export const SUMMARY_DATE_FORMAT = 'd mmmm yyyy';

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
export function num(value: number): SummaryCell {
  return { value, numberFormat: '0' };
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
export function ofBase(count: number, base: number): string {
  return base <= 0 ? `${count} of ${base}` : `${count} of ${base}, ${Math.round((count / base) * 100)}%`;
}

/**
 * The summary grid being built: rows, style runs, right-aligned ranges and swatches. Consecutive rows of
 * one style are one run, and each block adds a fixed number of runs, so the adapters' work does not grow
 * with the lists.
 */
export class SummaryGrid {
  readonly rows: SummaryCell[][] = [];
  readonly styles: SummaryStyleRange[] = [];
  readonly right: string[] = [];
  readonly swatches: SummarySwatch[] = [];

  /** Next row number (1-based). */
  get next(): number {
    return this.rows.length + 1;
  }

  add(cells: SummaryCell[], style?: SummaryStyle): number {
    const padded = [...cells, ...Array.from({ length: SUMMARY_COLUMNS - cells.length }, () => txt(''))].slice(0, SUMMARY_COLUMNS);
    this.rows.push(padded);
    const row = this.rows.length;
    if (style) this.styleRows(row, row, style, Math.max(cells.length, 1));
    return row;
  }

  styleRows(from: number, to: number, style: SummaryStyle, width = SUMMARY_COLUMNS): void {
    const prev = this.styles[this.styles.length - 1];
    if (prev && prev.style === style) {
      const m = /^A(\d+):([A-Z]+)(\d+)$/.exec(prev.range);
      if (m && Number(m[3]) === from - 1) {
        const lastCol = Math.max(columnIndex(m[2] ?? 'A'), width - 1);
        this.styles[this.styles.length - 1] = { range: rangeAddress(0, Number(m[1]), lastCol, to), style };
        return;
      }
    }
    this.styles.push({ range: rangeAddress(0, from, Math.max(width, 1) - 1, to), style });
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
   * figures. The shape is the same whatever the data, so the adapters' work is too.
   */
  block(
    heading: string | SummaryCell,
    columns: readonly BlockColumn[],
    body: readonly SummaryCell[][],
    options: { empty?: string; note?: string; wrap?: boolean } = {},
  ): { header: number; first: number; last: number } {
    this.add([typeof heading === 'string' ? txt(heading) : heading], 'heading');
    const header = this.add(
      columns.map((c) => (c.literal ? lit(c.header) : txt(c.header))),
      'tableHeader',
    );
    const first = this.next;
    for (const cells of body.length > 0 ? body : [[txt(options.empty ?? '')]]) this.add(cells);
    const last = this.rows.length;
    this.styleRows(first, last, options.wrap === false ? 'line' : 'body', columns.length);
    // Right-align each run of figure columns, header included.
    for (let c = 0; c < columns.length; c++) {
      if (!columns[c]?.numeric) continue;
      let end = c;
      while (columns[end + 1]?.numeric) end++;
      this.right.push(rangeAddress(c, header, end, last));
      c = end;
    }
    if (options.note !== undefined) this.add([txt(options.note)], 'note');
    return { header, first, last };
  }
}
