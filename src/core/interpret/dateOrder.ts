// The order of a column's numeric dates and the body's financial year, decided once from all the
// cells before any is read (SPEC (T6) "Date order" and "Financial years").
import { finding, quote } from '../findings';
import type { DateOrder, DateReading, Finding, FiscalYear, Role } from '../types';
import { FISCAL_YEAR_NAMES } from '../vocabulary/dateWords';

/** Numeric dates with "/" or "-" (dots are often paragraph numbers, "3.1.17"): day or month, then the other, then the year. */
const NUMERIC_RE = /\b(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})\b/g;
/** A financial year written with both its years ("2023/24", "FY 2023-24"), as UK and Australian bodies write it. */
const TWO_YEAR_RE = /\b(?:19|20)\d{2}\s*[/\u2013-]\s*\d{2}(?:\d{2})?\b(?!\s*[/\u2013-]\s*\d)/;
/** A single financial year named by its end ("FY2024", "Q3 FY2025", "fiscal year 2025"), whose months depend on the body. */
const FISCAL_RE = /\b(?:fy|fiscal\s+year)\s*'?(?:\d{4}|\d{2})\b(?!\s*[/\u2013-]\s*\d)/i;

/** One cell of a date column: its text and address. */
export interface DateCell {
  readonly text: string;
  readonly cell: string;
  readonly row: number;
}

/** A column whose dates are read together. */
export interface DateColumn {
  readonly role: Role;
  readonly letter: string;
  readonly cells: readonly DateCell[];
}

/** What a column's numeric dates say about their order. */
export interface OrderEvidence {
  /** Dates whose first part is over 12 ("30/06/2023"): day first. */
  readonly dayFirst: number;
  /** Dates whose second part is over 12 ("06/30/2023"): month first. */
  readonly monthFirst: number;
  /** The first date that reads either way ("05/06/2023"), or null. */
  readonly ambiguous: DateCell | null;
}

/** Counts a column's numeric dates by what their parts allow (a part over 12 can only be a day). */
export function orderEvidence(cells: readonly DateCell[]): OrderEvidence {
  let dayFirst = 0;
  let monthFirst = 0;
  let ambiguous: DateCell | null = null;
  for (const c of cells) {
    NUMERIC_RE.lastIndex = 0;
    for (let m = NUMERIC_RE.exec(c.text); m !== null; m = NUMERIC_RE.exec(c.text)) {
      const a = Number(m[1]);
      const b = Number(m[3]);
      if (a > 12 && b >= 1 && b <= 12) dayFirst++;
      else if (b > 12 && a >= 1 && a <= 12) monthFirst++;
      else if (a !== b && a >= 1 && b >= 1 && a <= 12 && b <= 12) ambiguous ??= { ...c, text: m[0] };
    }
  }
  return { dayFirst, monthFirst, ambiguous };
}

/** The order the evidence decides (the majority of the dates that can only be read one way), or null when none or a tie. */
export function decidedOrder(e: Pick<OrderEvidence, 'dayFirst' | 'monthFirst'>): DateOrder | null {
  if (e.dayFirst > e.monthFirst) return 'dmy';
  if (e.monthFirst > e.dayFirst) return 'mdy';
  return null;
}

const MONTH_WORD =
  '(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';
/** A month named before its day and year ("Mar 17, 2011", "March 31, 2024"): the US way of writing a date. */
const MONTH_FIRST_RE = new RegExp(`\\b${MONTH_WORD}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+(?:19|20)\\d{2}\\b`, 'i');
/** A day before its month and year ("17 Mar 2011", "31st March 2024"): the UK way. */
const DAY_FIRST_RE = new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_WORD},?\\s+(?:19|20)\\d{2}\\b`, 'i');

/** The order the sheet's dates with a month in words are written in, and the first that shows it. */
export interface WrittenOrder {
  readonly order: DateOrder;
  readonly example: string;
}

/**
 * The order the sheet writes its dates with a month in words (T6): month first ("Mar 17, 2011") marks a
 * US-written sheet, day first ("17 March 2011") a UK one; the majority of the texts decides, null on none or a tie.
 */
export function writtenOrder(texts: readonly string[]): WrittenOrder | null {
  let mdy = 0;
  let dmy = 0;
  const example: Record<DateOrder, string> = { mdy: '', dmy: '' };
  for (const text of texts) {
    const m = MONTH_FIRST_RE.exec(text);
    const d = m ? null : DAY_FIRST_RE.exec(text);
    if (m) mdy++;
    if (d) dmy++;
    if (m && example.mdy === '') example.mdy = m[0];
    if (d && example.dmy === '') example.dmy = d[0];
  }
  if (mdy === dmy) return null;
  const order: DateOrder = mdy > dmy ? 'mdy' : 'dmy';
  return { order, example: example[order] };
}

/** Why an undecided date is read in the order it is: the sheet's numeric dates, its dates in words, or neither (the UK way). */
export type OrderWhy = { readonly from: 'numbers' } | { readonly from: 'words'; readonly example: string } | { readonly from: 'none' };

/** How each date column is read, the sheet's own way, and the findings that say what was assumed. */
export interface DateReadings {
  readonly byRole: Partial<Record<Role, DateReading>>;
  /** The sheet's reading: its columns' evidence together, else the UK's. */
  readonly sheet: DateReading;
  /** Why the sheet's order is what it is, for findings about dates read in it. */
  readonly why: OrderWhy;
  readonly findings: readonly Finding[];
}

/**
 * Decides each date column's order from all its cells (a first part over 12 decides), an undecided column
 * taking the sheet's order (all its date columns and progress notes together, else day first) with a
 * DATE_ORDER_ASSUMED finding when it holds a date that reads either way; and the financial year: the
 * option, else US federal where the sheet writes dates month first, else UK, with FISCAL_YEAR_ASSUMED
 * when a cell names a single financial year ("FY2025") and the year was not given.
 */
export function decideDateReadings(
  columns: readonly DateColumn[],
  notes: readonly DateCell[],
  fiscalOption: FiscalYear | undefined,
  written: WrittenOrder | null = null,
): DateReadings {
  const evidence = columns.map((c) => ({ column: c, e: orderEvidence(c.cells) }));
  const noteEvidence = orderEvidence(notes);
  const sum = (k: 'dayFirst' | 'monthFirst') => evidence.reduce((n, x) => n + x.e[k], noteEvidence[k]);
  const sheetDecided = decidedOrder({ dayFirst: sum('dayFirst'), monthFirst: sum('monthFirst') });
  // No numeric date tells the order: the sheet's dates with the month in words do ("Mar 17, 2011": month first).
  const sheetOrder = sheetDecided ?? written?.order ?? 'dmy';
  const orderWhy: OrderWhy =
    sheetDecided !== null ? { from: 'numbers' } : written ? { from: 'words', example: written.example } : { from: 'none' };
  const cells = columns.flatMap((c) => c.cells);
  const fiscalCell = cells.find((c) => FISCAL_RE.test(c.text));
  // "FY2025" alone, with no "2023/24" anywhere, is how US federal bodies write their fiscal year.
  const singleYearOnly = fiscalCell !== undefined && !cells.some((c) => TWO_YEAR_RE.test(c.text));
  const why: FiscalWhy = sheetDecided === 'mdy' ? 'order' : singleYearOnly ? 'form' : 'none';
  const fiscal = fiscalOption ?? (why === 'none' ? 'uk' : 'us');
  const byRole: Partial<Record<Role, DateReading>> = {};
  const findings: Finding[] = [];
  for (const { column, e } of evidence) {
    const own = decidedOrder(e);
    byRole[column.role] = { order: own ?? sheetOrder, fiscal };
    if (own === null && e.ambiguous !== null) findings.push(orderAssumed(column, e.ambiguous, sheetOrder, orderWhy));
  }
  if (fiscalCell && !fiscalOption) findings.push(fiscalAssumed(fiscalCell, fiscal, why));
  return { byRole, sheet: { order: sheetOrder, fiscal }, why: orderWhy, findings };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "5 June" or "June 5": how an ambiguous date is read in an order, for the finding. */
function readAs(text: string, order: DateOrder): string {
  const [a = 0, b = 0] = text.split(/[/-]/).map(Number);
  const [day, month] = order === 'dmy' ? [a, b] : [b, a];
  return `${day} ${MONTHS[month - 1] ?? ''}`;
}

/** Why the order was taken, in words, for the findings. */
function orderReason(order: DateOrder, why: OrderWhy): string {
  if (why.from === 'numbers') return 'as the other dates in this sheet are written';
  if (why.from === 'words')
    return `as the sheet writes its dates with the month in words ${order === 'mdy' ? 'month' : 'day'} first (${quote(why.example)})`;
  return 'the UK way, as nothing in the sheet says otherwise';
}

function orderAssumed(column: DateColumn, example: DateCell, order: DateOrder, why: OrderWhy): Finding {
  const way = order === 'dmy' ? 'day first' : 'month first';
  const other = order === 'dmy' ? 'mdy' : 'dmy';
  return finding(
    'DATE_ORDER_ASSUMED',
    { cell: example.cell, row: example.row },
    `The dates in column ${column.letter} (such as ${quote(example.text)} in ${example.cell}) could be day first or month first; they are read ${way} (${readAs(example.text, order)}, not ${readAs(example.text, other)}), ${orderReason(order, why)}. If that is wrong, write the month in words.`,
  );
}

/**
 * DATE_ORDER_ASSUMED for the position date (T3, T6): a stated "As of 7/10/25" that reads either way is read
 * in the sheet's order, and the finding says which and why. Null when the text holds no such date.
 */
export function positionOrderAssumed(text: string, reading: DateReading, why: OrderWhy): Finding | null {
  const ambiguous = orderEvidence([{ text, cell: '', row: 0 }]).ambiguous;
  if (ambiguous === null) return null;
  const way = reading.order === 'dmy' ? 'day first' : 'month first';
  const other = reading.order === 'dmy' ? 'mdy' : 'dmy';
  return finding(
    'DATE_ORDER_ASSUMED',
    {},
    `The position date ${quote(text)} could be day first or month first; it is read ${way} (${readAs(ambiguous.text, reading.order)}, not ${readAs(ambiguous.text, other)}), ${orderReason(reading.order, why)}. If that is wrong, write the month in words, or set the as-at date.`,
  );
}

/** Why the financial year was taken as US federal: the sheet's month-first dates, its single-year "FY2025" form, or neither (UK). */
type FiscalWhy = 'order' | 'form' | 'none';

const FISCAL_WHY: Readonly<Record<FiscalWhy, string>> = {
  order: 'since the sheet writes its dates month first',
  form: 'since a fiscal year written by one year alone ("FY2025"), with no "2024/25" in the sheet, is the US federal form',
  none: 'since nothing in the sheet names another',
};

function fiscalAssumed(cell: DateCell, fiscal: FiscalYear, why: FiscalWhy): Finding {
  const written = FISCAL_RE.exec(cell.text)?.[0] ?? cell.text;
  return finding(
    'FISCAL_YEAR_ASSUMED',
    { cell: cell.cell, row: cell.row },
    `${quote(written)} in ${cell.cell} is read in ${FISCAL_YEAR_NAMES[fiscal]}, ${FISCAL_WHY[why]}. If the body's year runs otherwise, set it (pane: Settings, Financial year; command: --fiscal-year uk, us or au) or write the date the year ends (for example "30 June 2025").`,
  );
}
