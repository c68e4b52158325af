import { referenceValues } from '../../../tests/fixtures/reference';
import { HEADER, OPTIONS, snapshot } from '../../../tests/fixtures/sheets';
import { analyseSheet } from '../analyse';
import { buildChaseSheet, pageCapacity, CHASE_COLUMN_WIDTHS } from './chaseSheet';
import { STATUTORY_ROW } from './palette';
import type { SummaryModel } from './summaryModel';
import type { CellValue } from '../types';

const reference = { name: 'Appendix 1', origin: 'A1', values: referenceValues() };
const rowOf = (m: SummaryModel, label: string) => m.rows.findIndex((r) => r[0]?.value === label) + 1;
const values = (m: SummaryModel, row: number) => m.rows[row - 1]?.map((c) => c.value);

// As at 30 June 2003 (chosen): open R7 due 30 June 2002 (May/June 2002) is 365 days overdue; R6 and R13 due
// 31 December 2002: Jan 31 + Feb 28 + Mar 31 + Apr 30 + May 31 + Jun 30 = 181 days; R9 due 31 March 2003
// (End of 2002/2003): Apr 30 + May 31 + Jun 30 = 91 days. None of them statutory.
describe('[C1] the chase sheet: the full chase list, one lead per page', () => {
  const m = buildChaseSheet(analyseSheet(reference, { ...OPTIONS, asAt: '2003-06-30' }), 'now');

  test('[C1] a page per lead, the most overdue lead first, each with its header row and items', () => {
    const leads = [
      'ACPRS/ Head of Business Change Group',
      'ACHR',
      'ACPRS/ Head of the Inspection Liaison Analysis Unit',
      'ACPRS/ Head of Corporate Performance',
    ];
    const at = leads.map((lead) => rowOf(m, lead));
    expect(at.every((row, i) => row > 0 && (i === 0 || row > (at[i - 1] ?? 0)))).toBe(true);
    // Each lead after the first starts a page; the first follows the sheet's top on page 1.
    expect(m.rowBreaks.slice(0, 3)).toEqual(at.slice(1));
    expect(values(m, at[0] ?? 0)?.[4]).toBe('1 overdue, 0 slipped, 0 not rated');
    expect(values(m, (at[0] ?? 0) + 1)).toEqual(['Ref', 'Due', 'Days overdue', '', 'Also', 'Marked', 'Subject']);
    // R7: due 30 June 2002 (serial 37437), 365 days overdue.
    expect(values(m, (at[0] ?? 0) + 2)?.slice(0, 6)).toEqual(['R7', 37437, 365, '', '', '']);
    expect(values(m, (at[1] ?? 0) + 2)?.slice(0, 3)).toEqual(['R6', 37621, 181]);
    expect(m.rows[(at[0] ?? 0) - 1]?.[0]?.literal).toBe(true);
  });

  test('[M1] the preparer\u2019s checks follow on a page of their own, with cells, rule IDs and severities', () => {
    const checks = m.checksRow ?? 0;
    expect(values(m, checks)?.[0]).toBe('Checks for the officer preparing the report');
    expect(m.rowBreaks).toContain(checks);
    const below = m.rows
      .slice(checks - 1)
      .flat()
      .map((c) => String(c.value));
    for (const detail of ['TIMESCALE_MISSING', 'D10', 'Warning', 'Appendix 1!A5:F18']) expect(below).toContain(detail);
    const above = m.rows
      .slice(0, checks - 1)
      .flat()
      .map((c) => String(c.value));
    expect(above).not.toContain('TIMESCALE_MISSING');
  });

  test('[M1] the colour key explains the plan\u2019s highlights, after the checks', () => {
    const key = rowOf(m, 'Colour key: what the highlights on the plan mean');
    expect(key).toBeGreaterThan(m.checksRow ?? Infinity);
    expect(values(m, key + 2)?.[0]).toBe('Statutory');
    expect(m.swatches).toContainEqual({ range: `A${key + 2}`, fill: STATUTORY_ROW.fill, font: STATUTORY_ROW.font });
  });
});

describe('[C1] the chase list names slipped, unrated and statutory items', () => {
  test('[C1] "Also" says how a target moved and that a status is missing; "Marked" the statutory', () => {
    // As at 30 June 2003: R2 due 31 May 2003 (first 31 March) is 30 days overdue, slipped once by 30 + 31 = 61 days;
    // R4 (due 31 January 2003) has no status, so it is Not rated, never overdue (S1): chased for its status, with no
    // days overdue; Finance, with the overdue item, comes first.
    const m = buildChaseSheet(
      analyseSheet(
        snapshot([
          ['Audit Committee - 30 June 2003'],
          ['Ref', 'Recommendation', 'Owner', 'Original target date', 'Revised target date', 'Status'],
          ['R2', 'b', 'Finance', 'March 2003', 'May 2003', 'In progress'],
          ['R4', 'd (statutory)', 'HR', 'January 2003', '', ''],
        ]),
        OPTIONS,
      ),
      'now',
    );
    const hr = rowOf(m, 'HR');
    const finance = rowOf(m, 'Finance');
    expect(finance).toBeLessThan(hr);
    expect(values(m, hr)?.[4]).toBe('0 overdue, 0 slipped, 1 not rated');
    expect(values(m, hr + 2)?.slice(0, 5)).toEqual(['R4', 37652, '', '', 'Not rated']);
    expect(values(m, finance + 2)?.slice(0, 5)).toEqual(['R2', 37772, 30, '', 'Slipped 1x (+61 days)']);
  });
});

describe('[C1] a long list breaks across pages with its heading and header repeated', () => {
  test('every page of a lead\u2019s 200 items opens with "(continued)" and the header row', () => {
    const rows: CellValue[][] = [['As at 31 March 2002'], HEADER];
    for (let i = 1; i <= 200; i++)
      rows.push([`R${i}`, `Subject ${i}`, 'One lead', 'Jan 2002', 'x', 'Progress\nRecommendation met: partially']);
    const m = buildChaseSheet(analyseSheet(snapshot(rows), OPTIONS), 'now');
    const pages = [1, ...m.rowBreaks];
    const leadPages = pages.filter((p) => p < (m.checksRow ?? Infinity));
    // 200 one-line items, 15 points each: more than fit one page.
    expect(200 * 15).toBeGreaterThan(pageCapacity(CHASE_COLUMN_WIDTHS));
    expect(leadPages.length).toBeGreaterThan(1);
    for (const start of leadPages.slice(1)) {
      expect(values(m, start)?.[0]).toBe('One lead');
      expect(values(m, start)?.[4]).toBe('200 overdue, 0 slipped, 0 not rated (continued)');
      expect(values(m, start + 1)?.[0]).toBe('Ref');
    }
    // Every item listed once.
    const refs = m.rows
      .slice(0, (m.checksRow ?? 0) - 1)
      .map((r) => r[0]?.value)
      .filter((v) => typeof v === 'string' && /^R\d+$/.test(v));
    expect(new Set(refs).size).toBe(200);
  });
});
