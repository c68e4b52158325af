import { referenceValues } from '../../../tests/fixtures/reference';
import { HEADER, OPTIONS, rec, snapshot } from '../../../tests/fixtures/sheets';
import { parseAddress } from '../address';
import { analyseSheet } from '../analyse';
import { looksLikeFormula } from '../cells';
import { RATING_SWATCHES, UNRATED_BAR } from './palette';
import { buildSummary, SUMMARY_DATE_FORMAT, type SummaryCell, type SummaryModel } from './summaryModel';
import type { CellValue } from '../types';

const reference = { name: 'Appendix 1', origin: 'A1', values: referenceValues() };
/** The 1-based row whose cell in `column` (0-based) is `label`. */
const rowOf = (m: SummaryModel, label: string, column = 0) => m.rows.findIndex((r) => r[column]?.value === label) + 1;
const values = (m: SummaryModel, row: number, from: number, to: number) => m.rows[row - 1]?.slice(from, to).map((c) => c.value);
const inRanges = (ranges: readonly string[], address: string) => {
  const at = parseAddress(address);
  return ranges.some((r) => {
    const [a = '', b = a] = r.split(':');
    const tl = parseAddress(a);
    const br = parseAddress(b);
    return !!at && !!tl && !!br && at.row >= tl.row && at.row <= br.row && at.column >= tl.column && at.column <= br.column;
  });
};
const allText = (m: SummaryModel) => m.rows.flat().map((c) => String(c.value));

// The reference appendix, counted by hand from tests/fixtures/action-plan-2001-02.json: 13 recommendations;
// "Recommendation met" completely R2 R4 R5 R10 R11 R12 (6), significantly R6 R7 R9 R13 (4), moderately R3 R8 (2),
// partially R1 (1); statutory R1 R3 R10 (3), of which R10 complete (1). As at 31 March 2002 nothing is overdue.
describe('[M1] the committee\u2019s pages: page 1', () => {
  const m = buildSummary(analyseSheet(reference, OPTIONS), '26 November 2026 10:00');

  test('[M1] the headline gives each count with its base: "6 of 13, 46%"', () => {
    expect(allText(m)).toContain('Complete: 6 of 13, 46%. Overdue: 0. Not rated: 0.');
    expect(values(m, rowOf(m, 'Complete'), 0, 4)).toEqual(['Complete', 6, 13, 6 / 13]);
    expect(values(m, rowOf(m, 'Statutory complete'), 0, 4)).toEqual(['Statutory complete', 1, 3, 1 / 3]);
    // Counts are shown with thousands separators.
    expect(m.rows[rowOf(m, 'Complete') - 1]?.[1]?.numberFormat).toBe('#,##0');
  });

  test('[M1] the as-at date is a real date (Excel serial) shown as d mmmm yyyy', () => {
    const row = rowOf(m, 'Position as at');
    // 31 March 2002: 1 January 2002 is serial 37257; + 31 + 28 + 30 = 37346.
    expect(m.rows[row - 1]?.[1]).toEqual({ value: 37346, numberFormat: SUMMARY_DATE_FORMAT });
  });

  test('[M1] the chart sits beside the headline figures and points at the distribution, each bar in its level\u2019s colour', () => {
    const heading = rowOf(m, 'Headline figures');
    const first = rowOf(m, 'Recommendation met');
    expect(m.chart).toMatchObject({ type: 'bar', anchor: `F${heading}`, dataRange: `A${first}:B${first + 6}`, dataLabels: true });
    expect(m.rows.slice(first, first + 6).map((r) => [r[0]?.value, r[1]?.value])).toEqual([
      ['Completely', 6],
      ['Significantly', 4],
      ['Moderately', 2],
      ['Partially', 1],
      ['Not met', 0],
      ['Not rated', 0],
    ]);
    expect(m.chart?.pointColours).toEqual([...RATING_SWATCHES.map((s) => s.fill), UNRATED_BAR.fill]);
    // The distribution's labels carry the bars' colours: the key is the table itself, not a block of its own.
    expect(m.swatches.map((s) => [s.range, s.fill])).toEqual([
      ...RATING_SWATCHES.map((s, i) => [`A${first + 1 + i}`, s.fill]),
      [`A${first + 6}`, UNRATED_BAR.fill],
    ]);
    expect(allText(m)).not.toContain('Colour key');
  });

  test('[M1] the leads with the most overdue sit beside the distribution, from the same row', () => {
    const dist = rowOf(m, 'Status distribution');
    expect(rowOf(m, 'Leads with the most overdue', 5)).toBe(dist);
    expect(values(m, dist + 1, 5, 8)).toEqual(['Lead', 'Overdue', 'Items']);
    expect(values(m, dist + 2, 5, 6)).toEqual(['None overdue.']);
  });

  test('[M1] figure columns are right-aligned with their headers; labels are not', () => {
    const header = rowOf(m, 'Headline figures') + 1;
    for (const column of ['B', 'C', 'D']) expect(inRanges(m.rightAligned, `${column}${header}`)).toBe(true);
    expect(inRanges(m.rightAligned, `A${header}`)).toBe(false);
  });
});

describe('[M1] the committee\u2019s pages: page 2 and what they leave out', () => {
  const m = buildSummary(analyseSheet(reference, OPTIONS), 'now');

  test('[M1] page 2 starts at "Statutory and priority" (one manual break), with overdue by age beside it', () => {
    const page2 = rowOf(m, 'Statutory and priority');
    expect(m.rowBreaks).toEqual([page2]);
    expect(rowOf(m, 'Overdue by age', 5)).toBe(page2);
    expect(values(m, page2 + 1, 0, 4)).toEqual(['Group', 'Items', 'Complete', 'Overdue']);
    expect(values(m, page2 + 2, 0, 4)).toEqual(['Statutory', 3, 1 / 3, 0]);
    expect(values(m, page2 + 3, 0, 4)).toEqual(['Non-statutory', 10, 0.5, 0]);
    expect(values(m, page2 + 1, 5, 8)).toEqual(['Days overdue', 'All', 'Statutory']);
    expect(values(m, page2 + 2, 5, 8)).toEqual(['1 to 30 days', 0, 0]);
  });

  test('[M1] no officer detail in the committee\u2019s pages: no cells, rule IDs, severities or table range', () => {
    const text = allText(m);
    // The appendix's findings: R5 has no timescale (D10, warning), R1 sets no date (D6), R10's year is placed (D15).
    for (const detail of ['TIMESCALE_MISSING', 'TIMESCALE_NO_DEADLINE', 'TIMESCALE_YEAR_INFERRED', 'D10', 'D6', 'D15', 'Warning', 'Note']) {
      expect(text).not.toContain(detail);
    }
    expect(text.some((v) => /A5:F18|_[A-Z]+_|Checks for the officer/.test(v))).toBe(false);
    expect(m.checksRow).toBeNull();
  });

  test('[M2.5] without a previous return the movement block says so', () => {
    expect(allText(m)).toContain('No earlier return to compare with.');
  });
});

/** A plan as at 31 March 2002: seven statutory items due monthly from July 2001 (R7) to January 2002 (R1), each with its own lead, and R8, not statutory. */
function exceptionsPlan(): SummaryModel {
  const months = ['January 2002', 'December 2001', 'November 2001', 'October 2001', 'September 2001', 'August 2001', 'July 2001'];
  const rows: CellValue[][] = months.map((due, i) => [`R${i + 1}`, `Subject ${i + 1}\nSTATUTORY`, `Lead ${i + 1}`, due, 'x', 'Progress']);
  rows.push(['R8', 'Subject 8', 'Lead 8', 'June 2001', 'x', 'Progress']);
  return buildSummary(analyseSheet(snapshot([['Position as at 31 March 2002'], HEADER, ...rows]), OPTIONS), 'now');
}

describe('[M1] the exceptions a chair must see, and the leads, capped', () => {
  const m = exceptionsPlan();

  test('[M1] overdue statutory items, most overdue first, five shown and "and N more"', () => {
    const at = rowOf(m, 'For the chair: overdue statutory or top-priority items');
    expect(values(m, at + 1, 0, 7)).toEqual(['Ref', 'Due', 'Days overdue', 'Marked', '', 'Lead', 'Subject']);
    // R7 due 31 July 2001: Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31 + Jan 31 + Feb 28 + Mar 31 = 243 days.
    expect(values(m, at + 2, 0, 7)).toEqual(['R7', 37103, 243, 'Statutory', '', 'Lead 7', 'Subject 7']);
    expect(m.rows.slice(at + 1, at + 6).map((r) => r[0]?.value)).toEqual(['R7', 'R6', 'R5', 'R4', 'R3']);
    // R8 is more overdue (June 2001) but not statutory: not an exception.
    expect(allText(m)).not.toContain('R8');
    expect(values(m, at + 7, 0, 1)).toEqual(['And 2 more: every overdue item is on "Action plan chase and checks", by lead officer.']);
  });

  test('[M1] the five leads with the most overdue named, the other three summed', () => {
    const at = rowOf(m, 'Leads with the most overdue', 5);
    const named = m.rows.slice(at + 1, at + 6).map((r) => [r[5]?.value, r[6]?.value, r[7]?.value]);
    expect(named.every(([lead, overdue, items]) => /^Lead \d$/.test(String(lead)) && overdue === 1 && items === 1)).toBe(true);
    expect(new Set(named.map(([lead]) => lead)).size).toBe(5);
    expect(values(m, at + 7, 5, 8)).toEqual(['Other 3 leads', 3, 3]);
  });

  test('[M1] headline counts the statutory overdue: 8 overdue, 7 of them statutory', () => {
    expect(allText(m)).toContain('Complete: 0 of 8, 0%. Overdue: 8, 7 of them statutory. Not rated: 8.');
  });
});

describe('[M1] safety and size', () => {
  test('every cell echoing workbook text is literal', () => {
    const m = buildSummary(analyseSheet(reference, { ...OPTIONS, asAt: '2003-06-30' }), 'now');
    const leadCells = m.rows.flat().filter((c) => c.value === 'ACHR');
    expect(leadCells.length).toBeGreaterThan(0);
    expect(leadCells.every((c) => c.literal)).toBe(true);
    expect(m.rows.flat().find((c) => c.value === 'Appendix 1')?.literal).toBe(true);
  });

  test('formula-like text from the workbook is marked for literal writing', () => {
    const s = snapshot([['As at 31 March 2002'], HEADER, ['=R1', '+Sub\nSTATUTORY', '-Lead', 'Jan 2002', '@x', 'no rating']]);
    const model = buildSummary(analyseSheet(s, OPTIONS), 'now');
    const risky = model.rows
      .flat()
      .filter((c: SummaryCell) => c.literal === true && typeof c.value === 'string' && looksLikeFormula(c.value))
      .map((c) => c.value);
    expect(risky).toEqual(expect.arrayContaining(['=R1', '-Lead']));
    for (const c of model.rows.flat()) if (typeof c.value === 'string' && /^[=+\-@]/.test(c.value)) expect(c.literal).toBe(true);
  });

  test('[M1] the committee\u2019s pages do not grow with the plan: 60, 600 and 1,200 rows give the same grid', () => {
    const rows: CellValue[][] = [['As at 31 March 2002'], HEADER];
    for (let i = 1; i <= 1200; i++)
      rows.push([`R${i}`, `S${i % 4 === 0 ? '\nSTATUTORY' : ''}`, `Lead ${i % 7}`, 'Jan 2002', 'x', 'no rating']);
    const big = buildSummary(analyseSheet(snapshot(rows), OPTIONS), 'now');
    const smaller = buildSummary(analyseSheet(snapshot(rows.slice(0, 602)), OPTIONS), 'now');
    const tiny = buildSummary(analyseSheet(snapshot(rows.slice(0, 62)), OPTIONS), 'now');
    for (const m of [smaller, tiny]) {
      expect(m.rows.length).toBe(big.rows.length);
      expect(m.styles.length).toBe(big.styles.length);
      expect(m.rightAligned.length).toBe(big.rightAligned.length);
      expect(m.swatches.length).toBe(big.swatches.length);
    }
    // 1,200 items, every one overdue (due January 2002), 300 of them statutory.
    expect(allText(big)).toContain('Complete: 0 of 1,200, 0%. Overdue: 1,200, 300 of them statutory. Not rated: 1,200.');
    expect(allText(big)).toContain('And 295 more: every overdue item is on "Action plan chase and checks", by lead officer.');
  });
});

describe('[M1] [T3] the position date says where on the sheet it was read', () => {
  const items = [rec('R1'), rec('R2')];
  /** The words beside "Position as at", and the date's serial there. */
  const source = (values: CellValue[][], options = OPTIONS) => {
    const m = buildSummary(analyseSheet(snapshot(values), options), 'now');
    const row = m.rows[rowOf(m, 'Position as at') - 1];
    return [row?.[1]?.value, row?.[2]?.value];
  };
  // 31 March 2002 is serial 37346 (1 January 2002 is 37257; + 31 + 28 + 30).
  const MARCH_31 = 37346;

  test('a title row above the table: "from the sheet\'s title rows"', () => {
    expect(source([['Position as at 31 March 2002'], HEADER, ...items])).toEqual([MARCH_31, "from the sheet's title rows"]);
  });

  test('a last line under the table: "from a line below the table", not the title rows', () => {
    expect(source([HEADER, ...items, [], ['Position as at 31 March 2002']])).toEqual([MARCH_31, 'from a line below the table']);
  });

  test('a cell right of the header: "from a cell beside the table", not the title rows', () => {
    expect(source([[...HEADER, '', 'Updated as at 31 March 2002'], ...items])).toEqual([MARCH_31, 'from a cell beside the table']);
  });

  test('no date on the sheet: today, assumed, with no mention of title rows', () => {
    // OPTIONS.today is 26 November 2026: 1 January 2026 is serial 46023, + 329 days to 26 November.
    expect(source([HEADER, ...items])).toEqual([46023 + 329, "today's date, assumed: no as-at date on the sheet"]);
  });

  test('a date the user chose wins over one under the table, and says so', () => {
    const chosen = source([HEADER, ...items, [], ['Position as at 31 March 2002']], { ...OPTIONS, asAt: '2002-06-30' });
    expect(chosen[1]).toBe('chosen by the user');
  });
});
