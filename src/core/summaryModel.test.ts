import { referenceValues } from '../../tests/fixtures/reference';
import { HEADER, OPTIONS, snapshot } from '../../tests/fixtures/sheets';
import { analyseSheet } from './analyse';
import { looksLikeFormula } from './cells';
import { buildSummary, SUMMARY_LIST_LIMIT, type SummaryCell } from './summaryModel';
import type { CellValue } from './types';

const text = (rows: readonly (readonly { value: unknown }[])[]) => rows.map((r) => r.map((c) => c.value));

describe('[M1] summary model', () => {
  const a = analyseSheet({ name: 'Appendix 1', origin: 'A1', values: referenceValues() }, OPTIONS);
  const m = buildSummary(a, '26 November 2026 10:00');

  test('headline figures, the as-at date and where it came from', () => {
    const rows = text(m.rows);
    expect(rows).toContainEqual(['Recommendations', 13, '', '', '', '']);
    expect(rows).toContainEqual(['Complete (completely)', 6, 6 / 13, '', '', '']);
    expect(rows).toContainEqual(['Position as at', '31 March 2002', "from the sheet's title rows", '', '', '']);
    expect(rows).toContainEqual(['Statutory complete', '1 of 3', '', '', '', '']);
    expect(rows).toContainEqual(['Statutory', 3, 1, 1 / 3, 0, 0]);
  });

  test('the chart points at the rating distribution with its header', () => {
    const first = m.rows.findIndex((r) => r[0]?.value === 'Recommendation met') + 1;
    expect(m.chart).toMatchObject({ type: 'bar', dataRange: `A${first}:B${first + 6}` });
    expect(m.rows[first]?.[0]?.value).toBe('Completely');
    expect(m.rows[first + 5]?.[0]?.value).toBe('Unrated');
  });

  test('every cell echoing workbook text is literal', () => {
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

  test('long lists are capped and their style runs do not grow with them', () => {
    const rows: CellValue[][] = [['As at 31 March 2002'], HEADER];
    for (let i = 1; i <= 1200; i++) rows.push([`R${i}`, 'S', `Lead ${i % 7}`, 'Jan 2002', 'x', 'no rating']);
    const big = buildSummary(analyseSheet(snapshot(rows), OPTIONS), 'now');
    const smaller = buildSummary(analyseSheet(snapshot(rows.slice(0, 602)), OPTIONS), 'now');
    const tiny = buildSummary(analyseSheet(snapshot(rows.slice(0, 12)), OPTIONS), 'now');
    expect(big.styles.length).toBe(smaller.styles.length);
    expect(big.styles.length).toBe(tiny.styles.length);
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
