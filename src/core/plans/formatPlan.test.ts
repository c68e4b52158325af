import { referenceValues } from '../../../tests/fixtures/reference';
import { HEADER, OPTIONS, planSheet, rec, snapshot } from '../../../tests/fixtures/sheets';
import { analyseSheet } from '../analyse';
import {
  CHECK_WIDTH,
  DAYS_WIDTH,
  isOurRule,
  planFormat,
  PRINT_WIDTH_BUDGET,
  RULE_MARKER,
  STATUS_WIDTH,
  statusMovedFinding,
} from './formatPlan';
import {
  contrast,
  EXCLUDED_SWATCH,
  HEADER as HEADER_SWATCH,
  PRIORITY_ROW,
  RATING_SWATCHES,
  STATUS_SWATCHES,
  STATUTORY_ROW,
  type Swatch,
  UNRATED_BAR,
} from './palette';
import { FORMER_STATUS_WORDS, ITEM_STATES } from './statusWords';
import type { CellValue, SheetSnapshot } from '../types';

const plan = (s: SheetSnapshot, options = {}) => {
  const p = planFormat(analyseSheet(s, OPTIONS), s, options);
  if (!p) throw new Error('no plan');
  return p;
};

describe('[F1] table formatting', () => {
  const s = { name: 'Appendix 1', origin: 'A1', values: referenceValues() };
  const p = plan(s);

  test('header, table, frozen rows, autofilter and widths cover the table and our three columns beside it', () => {
    expect(p).toMatchObject({
      headerRange: 'A5:I5',
      tableRange: 'A5:I18',
      autoFilterRange: 'A5:I18',
      freezeRows: 5,
      wrapText: true,
      verticalAlignment: 'Top',
    });
    // Short columns at their widths (No 8, Lead 14, Timescales 14; ours: status 14, days 12, data check 18: 80); the
    // prose columns' caps (Subject 20, Recommendation 32, Progress 75: 127) narrowed to the 84 left of the budget of
    // 164: x 0.661, rounded down (13, 21, 49).
    expect(p.columnWidths).toEqual([
      { column: 'A', width: 8 },
      { column: 'B', width: 13 },
      { column: 'C', width: 14 },
      { column: 'D', width: 14 },
      { column: 'E', width: 21 },
      { column: 'F', width: 49 },
      { column: 'G', width: STATUS_WIDTH },
      { column: 'H', width: DAYS_WIDTH },
      { column: 'I', width: CHECK_WIDTH },
    ]);
  });

  test('[P1.1] the table fits the print budget, so one page wide prints at 90% or more (11 pt text at 9 pt and more)', () => {
    const total = p.columnWidths.reduce((sum, w) => sum + w.width, 0);
    expect(total).toBeLessThanOrEqual(PRINT_WIDTH_BUDGET);
    // 806 pt of A4 landscape between Narrow margins over the table's width in points (7 px a unit + 5 px, 0.75 pt a px).
    expect(806 / ((total * 7 + 5 * p.columnWidths.length) * 0.75)).toBeGreaterThanOrEqual(0.9);
  });

  test('[P1.1] a table with every column: prose columns at their minima, never narrower, others as they are', () => {
    const s = snapshot([
      [
        'Ref',
        'Subject',
        'Statutory',
        'Lead officer',
        'Target date',
        'Original target',
        'Priority',
        'Recommendation',
        'Progress',
        'Status',
        'Notes',
        'More notes',
      ],
      ['R1', 'x', 'Yes', 'Me', 'March 2002', 'Jan 2002', 'High', 'Do', 'Done', 'Complete', 'n', 'm'],
    ]);
    const widths = new Map(plan(s).columnWidths.map((w) => [w.column, w.width]));
    expect(widths.get('B')).toBeGreaterThanOrEqual(12);
    expect(widths.get('H')).toBeGreaterThanOrEqual(20);
    expect(widths.get('I')).toBeGreaterThanOrEqual(36);
    expect(widths.get('D')).toBe(14);
  });

  test('no plan when there is no table', () => {
    const empty = snapshot([['nothing']]);
    expect(planFormat(analyseSheet(empty, OPTIONS), empty)).toBeNull();
  });
});

describe('[F2] status column', () => {
  test('goes in the first empty column right of the table, one state word per row; days overdue and data checks beside it', () => {
    // As at 31 March 2002: R1 due 31 January 2002 has no status line: Not rated, whatever its date.
    const p = plan(
      planSheet([rec('R1', { timescale: 'Jan 2002', progress: 'x' }), [null], rec('R2', { progress: 'Recommendation met: completely' })]),
    );
    expect(p.status).toMatchObject({ column: 'G', header: 'Check (auto)', headerCell: 'G2', range: 'G3:G5', moved: false });
    expect(p.status?.values).toEqual([['Not rated'], [''], ['Complete']]);
    expect(p.added.map((a) => [a.kind, a.column, a.header, a.range])).toEqual([
      ['days', 'H', 'Days overdue at 31 Mar 2002 (auto)', 'H3:H5'],
      ['checks', 'I', 'Data check (auto)', 'I3:I5'],
    ]);
  });

  test('a column right of the table holding the user\u2019s notes is skipped, and the move reported', () => {
    const values: CellValue[][] = [
      ['As at 31 March 2002'],
      [...HEADER, null, null],
      [...rec('R1'), null, null],
      [...rec('R2'), 'my note', null],
    ];
    const s = snapshot(values);
    const a = analyseSheet(s, OPTIONS);
    const p = planFormat(a, s);
    expect(p?.status).toMatchObject({ column: 'H', moved: true });
    expect(p?.added.map((x) => x.column)).toEqual(['I', 'J']);
    expect(p?.autoFilterRange).toBe('A2:F4');
    const f = p && a.table ? statusMovedFinding(p, a.table) : null;
    expect(f).toMatchObject({
      rule: 'STATUS_COLUMN_MOVED',
      cell: 'H2',
      message: expect.stringContaining('Nothing in column G was changed'),
    });
  });

  test('our columns are found by their headers, so a re-run writes the same three columns (and never a fourth)', () => {
    const values: CellValue[][] = [
      ['As at 31 March 2002'],
      [...HEADER, 'Check (auto)', 'Days overdue at 28 Feb 2002 (auto)', 'Data check (auto)'],
      [...rec('R1'), 'Overdue', 59, ''],
    ];
    const p = plan(snapshot(values));
    expect(p.status).toMatchObject({ column: 'G', moved: false });
    expect(p.added.map((a) => [a.column, a.header])).toEqual([
      ['H', 'Days overdue at 31 Mar 2002 (auto)'],
      ['I', 'Data check (auto)'],
    ]);
  });

  test("an earlier version's lone status column is reused; a user's column after it is never written", () => {
    const values: CellValue[][] = [
      ['As at 31 March 2002'],
      [...HEADER, 'Check (auto)', 'Days overdue', null, null],
      [...rec('R1'), 'Overdue 59 days; Not rated', 12, null, null],
    ];
    const p = plan(snapshot(values));
    expect(p.status).toMatchObject({ column: 'G', moved: false });
    // H is the user's own "Days overdue" (no "(auto)"): left alone.
    expect(p.added.map((a) => a.column)).toEqual(['I', 'J']);
  });

  test('can be turned off', () => {
    const p = plan(planSheet([rec('R1')]), { statusColumn: false });
    expect(p.status).toBeNull();
    expect(p.added).toEqual([]);
  });
});

describe('[F2] status words a committee can filter and sort', () => {
  // As at 31 March 2002. R1 due 31 Dec 2001: Jan 31 + Feb 28 + Mar 31 = 90 days overdue.
  const p = plan(
    planSheet([
      rec('R1', { timescale: 'December 2001', progress: 'Recommendation met: partially' }),
      rec('R2', { timescale: 'December 2002', progress: 'Recommendation met: partially' }),
      rec('R3', { timescale: 'December 2002', progress: 'x' }),
      rec('R4', { timescale: 'December 2001', progress: 'Recommendation met: completely' }),
      rec('R5', { timescale: 'December 2002', progress: 'Recommendation met: not applicable' }),
      rec('R6', { timescale: 'April 2002', progress: 'Recommendation met: moderately' }),
      rec('R7', { timescale: 'Ongoing', progress: 'Recommendation met: partially' }),
      rec('R8', { timescale: '31 March 2002', progress: 'Recommendation met: partially' }),
      rec('R9', { timescale: 'Complete', progress: 'Recommendation met: moderately' }),
      rec('R10', { timescale: 'soonish', progress: 'Recommendation met: mostly' }),
    ]),
  );

  test('[F2] one word per item from the fixed list; the days overdue a number of their own', () => {
    // R6 due 30 April 2002: 30 days after 31 March, within the 30 days of "due soon". R8 is due on the as-at date.
    // R9 is rated moderately: its "Complete" timescale does not make it complete (it has no date either).
    expect(p.status?.values).toEqual([
      ['Overdue'],
      ['Not yet due'],
      ['Not rated'],
      ['Complete'],
      ['Not counted'],
      ['Due soon'],
      ['No date'],
      ['Due today'],
      ['No date'],
      ['Not rated'],
    ]);
    expect(p.added.find((a) => a.kind === 'days')?.values).toEqual([[90], [''], [''], [''], [''], [''], [''], [''], [''], ['']]);
    expect(p.added.find((a) => a.kind === 'checks')?.values).toEqual([
      [''],
      [''],
      [''],
      [''],
      [''],
      [''],
      [''],
      [''],
      ['Status contradicted'],
      ['Rating unclear; Check timescale'],
    ]);
  });

  test('[F2] no word overstates: nothing "On track", no compound or old words', () => {
    const words = p.status?.values.flat() ?? [];
    for (const w of words) expect(ITEM_STATES as readonly string[]).toContain(w);
    for (const old of FORMER_STATUS_WORDS) expect(words).not.toContain(old);
  });

  test('[F2] the rules key on the whole state word, one rule per look, and every state has one', () => {
    const statusRules = p.rules.filter((r) => r.purpose.startsWith('Status: '));
    const named = statusRules.flatMap((r) => r.purpose.slice('Status: '.length).split(' / '));
    expect([...named].sort()).toEqual([...ITEM_STATES].sort());
    const overdue = statusRules.find((r) => r.purpose === 'Status: Overdue');
    expect(overdue).toMatchObject({ fill: STATUS_SWATCHES.overdue.fill, bold: true });
    expect(overdue?.formula).toContain('$G3="Overdue"');
    expect(p.rules.find((r) => r.purpose === 'Days overdue')?.range).toBe('H3:H12');
    expect(p.rules.find((r) => r.purpose === 'Data check')?.range).toBe('I3:I12');
  });

  test('[F2] our old status column, holding old and compound words, is recognised by its header and rewritten', () => {
    const values: CellValue[][] = [
      ['Position as at 31 March 2002'],
      [...HEADER, 'Check (auto)'],
      [...rec('R1', { timescale: 'December 2002', progress: 'Recommendation met: partially' }), 'OK'],
      [...rec('R2', { timescale: 'December 2002', progress: 'x' }), 'Unrated'],
      [...rec('R3', { timescale: 'December 2001', progress: 'Recommendation met: partially' }), 'Overdue 245 days; Rating unclear'],
    ];
    const q = plan(snapshot(values));
    expect(q.status).toMatchObject({ column: 'G', moved: false, range: 'G3:G5' });
    expect(q.status?.values).toEqual([['Not yet due'], ['Not rated'], ['Overdue']]);
  });
});

describe('[F3] conditional-format rules', () => {
  const p = plan({ name: 'Appendix 1', origin: 'A1', values: referenceValues() });

  test('every rule carries the marker and covers only the table rows', () => {
    expect(p.rules.length).toBeGreaterThan(5);
    for (const r of p.rules) {
      expect(isOurRule(r.formula)).toBe(true);
      expect(r.formula.startsWith(`=AND(${RULE_MARKER},`)).toBe(true);
      expect(r.range).toMatch(/^[A-Z]+6:[A-Z]+18$/);
    }
    expect(isOurRule('=A1>0')).toBe(false);
  });

  test('one colour per rating level, keyed on the progress text, one rule per word (evaluated in tests/cf)', () => {
    const rating = p.rules.filter((r) => r.purpose.startsWith('Rating'));
    // "Not applicable" first: its word "no longer relevant" must win over "no" (not met), as in the core.
    expect([...new Set(rating.map((r) => r.purpose))]).toEqual([
      'Rating: not applicable',
      'Rating: completely',
      'Rating: significantly',
      'Rating: moderately',
      'Rating: partially',
      'Rating: not met',
    ]);
    // The colour shows on the reference cell (column A), read from the progress text (column F): never the whole update.
    expect(rating.every((r) => r.range === 'A6:A18')).toBe(true);
    expect(rating.every((r) => r.formula.includes('$F6'))).toBe(true);
    expect(rating.some((r) => r.formula.includes('"completely "'))).toBe(true);
    expect(rating[0]?.formula).toContain('"recommendation met"');
    expect(rating.some((r) => r.formula.includes('"not met "'))).toBe(true);
  });

  test('statutory rows keyed on the Subject marker at the end of the cell: the row tinted, the subject bold', () => {
    const statutory = p.rules.filter((r) => r.purpose.startsWith('Statutory'));
    expect(statutory.map((r) => [r.purpose, r.range, r.bold, r.fill])).toEqual([
      ['Statutory subject', 'B6:B18', true, STATUTORY_ROW.fill],
      ['Statutory row', 'A6:F18', false, STATUTORY_ROW.fill],
    ]);
    expect(statutory.every((r) => r.formula.includes('="|statutory"'))).toBe(true);
  });

  test('with a rating column, rules read that column and a statutory column', () => {
    const s = snapshot([
      ['No', 'Statutory', 'Recommendation', 'Rating'],
      ['R1', 'Yes', 'x', 'Partially'],
    ]);
    const q = plan(s);
    expect(q.rules.find((r) => r.purpose === 'Rating: partially')?.formula).toContain('LOWER($D2)');
    expect(q.rules.find((r) => r.purpose === 'Rating: partially')?.range).toBe('D2:D2');
    expect(q.rules.find((r) => r.purpose === 'Statutory row')?.formula).toContain('LOWER($B2)');
  });
});

describe('[F4] colour is readable', () => {
  const swatches: [string, Swatch][] = [
    ['header', HEADER_SWATCH],
    ['statutory', STATUTORY_ROW],
    ['top priority', PRIORITY_ROW],
    ['excluded', EXCLUDED_SWATCH],
    ['unrated bar', UNRATED_BAR],
    ...RATING_SWATCHES.map((s, i): [string, Swatch] => [`rating ${i}`, s]),
    ...Object.entries(STATUS_SWATCHES),
  ];
  test.each(swatches)('%s text on its fill has at least 4.5:1 contrast', (_name, swatch) => {
    expect(contrast(swatch.fill, swatch.font)).toBeGreaterThanOrEqual(4.5);
  });
});
