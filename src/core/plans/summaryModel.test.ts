import { referenceValues } from '../../../tests/fixtures/reference';
import { HEADER, OPTIONS, snapshot } from '../../../tests/fixtures/sheets';
import { cellAddress, parseAddress } from '../address';
import { analyseSheet } from '../analyse';
import { looksLikeFormula } from '../cells';
import { RATING_SWATCHES, STATUTORY_ROW, UNRATED_BAR } from './palette';
import { buildSummary, SUMMARY_DATE_FORMAT, SUMMARY_LIST_LIMIT, type SummaryCell, type SummaryModel } from './summaryModel';
import type { CellValue } from '../types';

const text = (rows: readonly (readonly { value: unknown }[])[]) => rows.map((r) => r.map((c) => c.value));
const reference = { name: 'Appendix 1', origin: 'A1', values: referenceValues() };
/** The 1-based row whose first cell is `label` (after `from`). */
const rowOf = (m: SummaryModel, label: string, from = 0) => m.rows.findIndex((r, i) => i >= from && r[0]?.value === label) + 1;
const cell = (m: SummaryModel, address: string) => {
  const a = parseAddress(address);
  return a ? m.rows[a.row - 1]?.[a.column] : undefined;
};
const inRanges = (ranges: readonly string[], address: string) => {
  const at = parseAddress(address);
  return ranges.some((r) => {
    const [a = '', b = a] = r.split(':');
    const tl = parseAddress(a);
    const br = parseAddress(b);
    return !!at && !!tl && !!br && at.row >= tl.row && at.row <= br.row && at.column >= tl.column && at.column <= br.column;
  });
};

// The reference appendix, counted by hand from tests/fixtures/action-plan-2001-02.json: 13 recommendations;
// "Recommendation met" completely R2 R4 R5 R10 R11 R12 (6), significantly R6 R7 R9 R13 (4), moderately R3 R8 (2),
// partially R1 (1); statutory R1 R3 R10 (3), of which R10 complete (1). As at 31 March 2002 nothing is overdue.
describe('[M1] summary model: a block per question', () => {
  const m = buildSummary(analyseSheet(reference, OPTIONS), '26 November 2026 10:00');

  test('[M1] the headline gives each count with its base: "6 of 13, 46%"', () => {
    expect(m.rows.flat().map((c) => c.value)).toContain('Complete: 6 of 13, 46%. Overdue: 0. Not rated: 0.');
    const complete = rowOf(m, 'Complete');
    expect(text([m.rows[complete - 1] ?? []])[0]?.slice(0, 4)).toEqual(['Complete', 6, 13, 6 / 13]);
    const statutory = rowOf(m, 'Statutory complete');
    expect(text([m.rows[statutory - 1] ?? []])[0]?.slice(0, 4)).toEqual(['Statutory complete', 1, 3, 1 / 3]);
  });

  test('[M1] each block has its own header row over its own figures, figure columns right-aligned with their headers', () => {
    const block = rowOf(m, 'Statutory and non-statutory');
    expect(text([m.rows[block] ?? []])[0]).toEqual(['Group', 'Total', 'Complete', 'Completion', 'Overdue', 'Not rated']);
    expect(text([m.rows[block + 1] ?? []])[0]).toEqual(['Statutory', 3, 1, 1 / 3, 0, 0]);
    expect(text([m.rows[block + 2] ?? []])[0]).toEqual(['Non-statutory', 10, 5, 0.5, 0, 0]);
    for (let c = 1; c <= 5; c++) {
      expect(inRanges(m.rightAligned, cellAddress(c, block + 1))).toBe(true); // the header
      expect(inRanges(m.rightAligned, cellAddress(c, block + 3))).toBe(true); // the last figure
    }
    expect(inRanges(m.rightAligned, `A${block + 1}`)).toBe(false);
    // The headline block's header: "Number" over 6 and 13, in column B.
    const headline = rowOf(m, 'Headline figures');
    expect(cell(m, `B${headline + 1}`)?.value).toBe('Number');
    expect(cell(m, `B${rowOf(m, 'Recommendations')}`)?.value).toBe(13);
    expect(inRanges(m.rightAligned, `B${headline + 1}`)).toBe(true);
    // No text under a right-aligned header except the "empty" line of a list.
    for (const range of m.rightAligned) {
      const [a = ''] = range.split(':');
      expect(typeof cell(m, a)?.value).toBe('string');
    }
  });

  test('[M1] the as-at date is a real date (Excel serial) shown as d mmmm yyyy', () => {
    const row = rowOf(m, 'Position as at');
    // 31 March 2002: 1 January 2002 is serial 37257; + 31 + 28 + 30 = 37346.
    expect(m.rows[row - 1]?.[1]).toEqual({ value: 37346, numberFormat: SUMMARY_DATE_FORMAT });
    expect(m.rows[row - 1]?.[2]?.value).toBe("from the sheet's title rows");
  });

  test('[M1] the chart points at the distribution, each bar in its level\u2019s colour, with value labels', () => {
    const first = rowOf(m, 'Recommendation met');
    expect(m.chart).toMatchObject({ type: 'bar', dataRange: `A${first}:B${first + 6}`, dataLabels: true });
    expect(text(m.rows.slice(first, first + 6)).map((r) => r.slice(0, 2))).toEqual([
      ['Completely', 6],
      ['Significantly', 4],
      ['Moderately', 2],
      ['Partially', 1],
      ['Not met', 0],
      ['Not rated', 0],
    ]);
    expect(m.chart?.pointColours).toEqual([...RATING_SWATCHES.map((s) => s.fill), UNRATED_BAR.fill]);
    // The chart's box is beside the distribution, and the next block starts below it.
    expect(m.chart?.anchor).toBe(`D${first}`);
    const end = parseAddress(m.chart?.end ?? '');
    expect(rowOf(m, 'Colour key')).toBeGreaterThan(end?.row ?? Infinity);
  });

  test('[M1] a colour key explains the statutory fill and the rating colours', () => {
    const key = m.swatches.map((s) => [cell(m, s.range)?.value, s.fill]);
    expect(key).toContainEqual(['Statutory', STATUTORY_ROW.fill]);
    expect(key).toContainEqual(['Completely', RATING_SWATCHES[0]?.fill]);
    expect(key).toContainEqual(['Not met', RATING_SWATCHES[4]?.fill]);
  });

  test('[M1] officer detail (cells, rule IDs, severities, the table range) only in the Checks block, severities in words', () => {
    const committee = m.rows
      .slice(0, m.checksRow - 1)
      .flat()
      .map((c) => String(c.value));
    const checks = m.rows
      .slice(m.checksRow - 1)
      .flat()
      .map((c) => String(c.value));
    expect(m.rows[m.checksRow - 1]?.[0]?.value).toBe('Checks for the officer preparing the report');
    // The appendix's findings: R5 has no timescale (D10, warning), R1 sets no date (D6), R10's year is placed (D15).
    for (const detail of ['TIMESCALE_MISSING', 'TIMESCALE_NO_DEADLINE', 'TIMESCALE_YEAR_INFERRED', 'D10', 'D6', 'D15', 'Warning', 'Note']) {
      expect(checks).toContain(detail);
      expect(committee).not.toContain(detail);
    }
    expect(checks).toContain('Appendix 1!A5:F18');
    expect(committee.some((v) => /A5:F18|_[A-Z]+_|\b(warning|info)\b/.test(v))).toBe(false);
    expect(committee.some((v) => /add-in|draws|developer/i.test(v))).toBe(false);
  });
});

// As at 30 June 2003 (chosen): open R7 due 30 June 2002 (May/June 2002) is 365 days overdue; R6 and R13 due
// 31 December 2002: Jan 31 + Feb 28 + Mar 31 + Apr 30 + May 31 + Jun 30 = 181 days; R9 due 31 March 2003
// (End of 2002/2003): Apr 30 + May 31 + Jun 30 = 91 days. None of them statutory.
describe('[M1] overdue list and chase list per lead', () => {
  const m = buildSummary(analyseSheet(reference, { ...OPTIONS, asAt: '2003-06-30' }), 'now');
  const values = m.rows.flat().map((c) => c.value);

  test('[M1] headline and overdue list, most overdue first, due dates as real dates', () => {
    expect(values).toContain('Complete: 6 of 13, 46%. Overdue: 4, 0 of them statutory. Not rated: 0.');
    const list = rowOf(m, 'Overdue recommendations');
    expect(text([m.rows[list] ?? []])[0]).toEqual(['Ref', 'Due', 'Days overdue', 'Statutory', 'Lead', 'Subject']);
    expect(text(m.rows.slice(list + 1, list + 5)).map((r) => [r[0], r[2], r[3], r[4]])).toEqual([
      ['R7', 365, 'No', 'ACPRS/ Head of Business Change Group'],
      ['R6', 181, 'No', 'ACHR'],
      ['R13', 181, 'No', 'ACPRS/ Head of the Inspection Liaison Analysis Unit'],
      ['R9', 91, 'No', 'ACPRS/ Head of Corporate Performance'],
    ]);
    // 31 December 2002 is serial 37621 (31 March 2002 = 37346, + 275 days).
    expect(m.rows[list + 2]?.[1]).toEqual({ value: 37621, numberFormat: SUMMARY_DATE_FORMAT });
  });

  test('[C1] the chase list: a group per lead, the most overdue lead first, each item with its row and days', () => {
    const block = rowOf(m, 'Chase list: by lead officer, the most overdue first');
    expect(text([m.rows[block] ?? []])[0]).toEqual(['Ref', 'Row', 'Due', 'Days overdue', 'Also', 'Subject']);
    // R7 sits in row 12 of the appendix (header in row 5, R1 in row 6), R6 in 11, R13 in 18, R9 in 14.
    expect(text(m.rows.slice(block + 1, block + 9)).map((r) => r.slice(0, 5))).toEqual([
      ['ACPRS/ Head of Business Change Group', '', '', '', '1 overdue, 0 slipped, 0 not rated'],
      ['R7', 12, 37437, 365, ''],
      ['ACHR', '', '', '', '1 overdue, 0 slipped, 0 not rated'],
      ['R6', 11, 37621, 181, ''],
      ['ACPRS/ Head of the Inspection Liaison Analysis Unit', '', '', '', '1 overdue, 0 slipped, 0 not rated'],
      ['R13', 18, 37621, 181, ''],
      ['ACPRS/ Head of Corporate Performance', '', '', '', '1 overdue, 0 slipped, 0 not rated'],
      ['R9', 14, 37711, 91, ''],
    ]);
    expect(cell(m, `A${block + 2}`)?.literal).toBe(true);
    expect(m.rows[block + 9]?.[0]?.value).toBe('4 lead officers to chase.');
  });
});

describe('[C1] the chase list names slipped and unrated items', () => {
  test('[C1] "Also" says how a target moved and that a status is missing', () => {
    // As at 30 June 2003: R2 due 31 May 2003 (first 31 March) is 30 days overdue, slipped once by 30 + 31 = 61 days;
    // R4 (31 January 2003) has no status: Not rated (S1), so not overdue, and listed after the overdue lead.
    const m = buildSummary(
      analyseSheet(
        snapshot([
          ['Audit Committee - 30 June 2003'],
          ['Ref', 'Recommendation', 'Owner', 'Original target date', 'Revised target date', 'Status'],
          ['R2', 'b', 'Finance', 'March 2003', 'May 2003', 'In progress'],
          ['R4', 'd', 'HR', 'January 2003', '', ''],
        ]),
        OPTIONS,
      ),
      'now',
    );
    const block = rowOf(m, 'Chase list: by lead officer, the most overdue first');
    expect(text(m.rows.slice(block + 1, block + 5)).map((r) => [r[0], r[3], r[4]])).toEqual([
      ['Finance', '', '1 overdue, 1 slipped, 0 not rated'],
      ['R2', 30, 'Slipped 1x (+61 days)'],
      ['HR', '', '0 overdue, 0 slipped, 1 not rated'],
      ['R4', '', 'Not rated'],
    ]);
  });
});

describe('[M1] safety and size', () => {
  test('every cell echoing workbook text is literal', () => {
    const m = buildSummary(analyseSheet(reference, OPTIONS), 'now');
    const leadCells = m.rows.flat().filter((c) => c.value === 'ACHR');
    expect(leadCells.length).toBeGreaterThan(0);
    expect(leadCells.every((c) => c.literal)).toBe(true);
    expect(m.rows.flat().find((c) => c.value === 'Appendix 1')?.literal).toBe(true);
  });

  test('formula-like text from the workbook is marked for literal writing', () => {
    const s = snapshot([['As at 31 March 2002'], HEADER, ['=R1', '+Sub', '-Lead', 'Jan 2002', '@x', 'no rating']]);
    const model = buildSummary(analyseSheet(s, OPTIONS), 'now');
    const needsLiteral = (c: SummaryCell) => c.literal === true && typeof c.value === 'string' && looksLikeFormula(c.value);
    const risky = model.rows
      .flat()
      .filter(needsLiteral)
      .map((c) => c.value);
    expect(risky).toEqual(expect.arrayContaining(['=R1', '+Sub', '-Lead']));
    for (const c of model.rows.flat()) {
      if (typeof c.value === 'string' && /^[=+\-@]/.test(c.value)) expect(c.literal).toBe(true);
    }
  });

  test('long lists are capped and their style runs, right-aligned ranges and swatches do not grow with them', () => {
    const rows: CellValue[][] = [['As at 31 March 2002'], HEADER];
    for (let i = 1; i <= 1200; i++) rows.push([`R${i}`, 'S', `Lead ${i % 7}`, 'Jan 2002', 'x', 'no rating']);
    const big = buildSummary(analyseSheet(snapshot(rows), OPTIONS), 'now');
    const smaller = buildSummary(analyseSheet(snapshot(rows.slice(0, 602)), OPTIONS), 'now');
    const tiny = buildSummary(analyseSheet(snapshot(rows.slice(0, 12)), OPTIONS), 'now');
    for (const m of [smaller, tiny]) {
      expect(m.styles.length).toBe(big.styles.length);
      expect(m.rightAligned.length).toBe(big.rightAligned.length);
      expect(m.swatches.length).toBe(big.swatches.length);
    }
    expect(text(big.rows)).toContainEqual([
      `Showing the first ${SUMMARY_LIST_LIMIT} of 1200: filter the status column on "Overdue" for the rest.`,
      '',
      '',
      '',
      '',
      '',
    ]);
  });
});
