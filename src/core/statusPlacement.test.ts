import { OPTIONS, planSheet, rec } from '../../tests/fixtures/sheets';
import { analyseSheet } from './analyse';
import { planFormat } from './plans/formatPlan';
import { isOurSummarySheet, summaryFingerprint } from './plans/summaryMark';
import type { CellValue, SheetSnapshot } from './types';

const statusOf = (s: SheetSnapshot) => planFormat(analyseSheet(s, OPTIONS), s)?.status ?? null;
/** The plan (title row 1, header row 2, rows 3-4) with extra cells in column G (index 6), row by row. */
function withG(g: CellValue[], extra: Partial<SheetSnapshot> = {}): SheetSnapshot {
  const base = planSheet([rec('R1'), rec('R2')]);
  const values = base.values.map((row, i) => [...row, ...Array(6 - row.length).fill(null), g[i] ?? null] as CellValue[]);
  return { ...base, values, ...extra };
}
/** The snapshot a second run reads: the first run's status column written into the values. */
function afterFirstRun(s: SheetSnapshot): SheetSnapshot {
  const status = statusOf(s);
  if (!status) return s;
  const col = status.column.charCodeAt(0) - 65;
  const values = s.values.map((row, i) => {
    const r = [...row];
    while (r.length <= col) r.push(null);
    if (i + 1 === 2) r[col] = status.header;
    else if (i + 1 >= 3) r[col] = status.values[i - 2]?.[0] ?? null;
    return r;
  });
  return { ...s, values };
}

describe('[F2] status column placement: only truly empty columns', () => {
  test('a column of formulas showing "" is not free: the status column moves right', () => {
    const s = withG([null, '', '', ''], {
      formulas: [
        [],
        ['', '', '', '', '', '', '=IF(1,"","")'],
        ['', '', '', '', '', '', '=IF(F3="","","x")'],
        ['', '', '', '', '', '', '=""'],
      ],
    });
    expect(statusOf(s)).toMatchObject({ column: 'H', moved: true });
  });

  test('formulas without a cached value (as other tools write them) are not free either', () => {
    const s = withG([], { formulas: [[], [], ['', '', '', '', '', '', '=1+1'], []] });
    expect(statusOf(s)?.column).toBe('H');
  });

  test('a header merged into the next column does not let the status land in the progress column; a second run keeps it there', () => {
    const s = withG([], { merges: ['F2:G2', 'F3:G3'] });
    const first = statusOf(s);
    expect(first).toMatchObject({ column: 'H', headerCell: 'H2' });
    expect(statusOf(afterFirstRun(s))).toMatchObject({ column: 'H', moved: false });
  });

  test("a column under the user's data validation is not free; one over the whole sheet leaves no column", () => {
    expect(statusOf(withG([], { validations: ['G1:G1048576'] }))?.column).toBe('H');
    expect(statusOf(withG([], { validations: ['G3', 'H2:I4'] }))?.column).toBe('J');
    expect(statusOf(withG([], { validations: ['A1:XFD1048576'] }))).toBeNull();
  });

  test('areas outside the table rows do not block a column', () => {
    expect(statusOf(withG([], { merges: ['G10:H10'], validations: ['G20:G30'] }))?.column).toBe('G');
  });

  test('a plain sheet still gets column G, and a second run is idempotent', () => {
    const s = withG([]);
    expect(statusOf(s)).toMatchObject({ column: 'G', moved: false });
    expect(statusOf(afterFirstRun(s))).toEqual(statusOf(s));
  });
});

describe('summary fingerprint (ours means ours)', () => {
  const top: CellValue[][] = [
    ['Action plan summary'],
    ['Source sheet', 'Plan', 'A2:F6'],
    ['Generated', '26 November 2026', 'by Action Plan Checker'],
  ];

  test('matches the sheet it was made for, and nothing else', () => {
    const mark = summaryFingerprint('Action plan summary', top);
    expect(isOurSummarySheet('Action plan summary', top, mark)).toBe(true);
    expect(isOurSummarySheet('Summary Q1 (kept)', top, mark)).toBe(false);
    expect(isOurSummarySheet('Action plan summary', [['my own notes']], mark)).toBe(false);
    expect(isOurSummarySheet('Action plan summary', top, undefined)).toBe(false);
    expect(isOurSummarySheet('Action plan summary', top, 'APC1-0000000000000000')).toBe(false);
  });
});
