import { referenceValues } from '../../../tests/fixtures/reference';
import { HEADER, OPTIONS, planSheet, rec, snapshot } from '../../../tests/fixtures/sheets';
import { analyseSheet } from '../analyse';
import { isOurRule, planFormat, PRINT_WIDTH_BUDGET, RULE_MARKER, statusMovedFinding } from './formatPlan';
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
import { FORMER_STATUS_WORDS } from './statusWords';
import type { CellValue, SheetSnapshot } from '../types';

const plan = (s: SheetSnapshot, options = {}) => {
  const p = planFormat(analyseSheet(s, OPTIONS), s, options);
  if (!p) throw new Error('no plan');
  return p;
};

describe('[F1] table formatting', () => {
  const s = { name: 'Appendix 1', origin: 'A1', values: referenceValues() };
  const p = plan(s);

  test('header, table, frozen rows, autofilter and widths cover the table and its status column', () => {
    expect(p).toMatchObject({
      headerRange: 'A5:G5',
      tableRange: 'A5:G18',
      autoFilterRange: 'A5:G18',
      freezeRows: 5,
      wrapText: true,
      verticalAlignment: 'Top',
    });
    // Short columns at their widths (No 8, Lead 14, Timescales 14, status 16: 52); the prose columns' caps (Subject 20,
    // Recommendation 32, Progress 75: 127) narrowed to the 120 left of the budget of 172: x 0.945, rounded down.
    expect(p.columnWidths).toEqual([
      { column: 'A', width: 8 },
      { column: 'B', width: 18 },
      { column: 'C', width: 14 },
      { column: 'D', width: 14 },
      { column: 'E', width: 30 },
      { column: 'F', width: 70 },
      { column: 'G', width: 16 },
    ]);
  });

  test('[P1.1] the table fits the print budget, so one page wide prints at 87% or more (11 pt text at 9.5 pt)', () => {
    const total = p.columnWidths.reduce((sum, w) => sum + w.width, 0);
    expect(total).toBeLessThanOrEqual(PRINT_WIDTH_BUDGET);
    // 806 pt of A4 landscape between Narrow margins over the table's width in points (7 px a unit + 5 px, 0.75 pt a px).
    expect(806 / ((total * 7 + 5 * p.columnWidths.length) * 0.75)).toBeGreaterThanOrEqual(0.86);
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
  test('goes in the first empty column right of the table, one literal cell per row', () => {
    const p = plan(
      planSheet([rec('R1', { timescale: 'Jan 2002', progress: 'x' }), [null], rec('R2', { progress: 'Recommendation met: completely' })]),
    );
    expect(p.status).toMatchObject({ column: 'G', header: 'Check (auto)', headerCell: 'G2', range: 'G3:G5', moved: false });
    expect(p.status?.values).toEqual([['Overdue 59 days; Not rated'], [''], ['Complete']]);
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
    expect(p?.autoFilterRange).toBe('A2:F4');
    const f = p && a.table ? statusMovedFinding(p, a.table) : null;
    expect(f).toMatchObject({
      rule: 'STATUS_COLUMN_MOVED',
      cell: 'H2',
      message: expect.stringContaining('Nothing in column G was changed'),
    });
  });

  test('an existing status column of ours is reused, so a re-run writes the same column', () => {
    const values: CellValue[][] = [['As at 31 March 2002'], [...HEADER, 'Check (auto)'], [...rec('R1'), 'OK']];
    expect(plan(snapshot(values)).status).toMatchObject({ column: 'G', moved: false });
  });

  test('can be turned off', () => {
    expect(plan(planSheet([rec('R1')]), { statusColumn: false }).status).toBeNull();
  });
});

describe('[F2] status words a committee understands', () => {
  // As at 31 March 2002. R1 due 31 Dec 2001: Jan 31 + Feb 28 + Mar 31 = 90 days overdue.
  const p = plan(
    planSheet([
      rec('R1', { timescale: 'December 2001', progress: 'Recommendation met: partially' }),
      rec('R2', { timescale: 'December 2002', progress: 'Recommendation met: partially' }),
      rec('R3', { timescale: 'December 2002', progress: 'x' }),
      rec('R4', { timescale: 'December 2001', progress: 'Recommendation met: completely' }),
      rec('R5', { timescale: 'December 2002', progress: 'Recommendation met: not applicable' }),
      rec('R6', { timescale: 'April 2002', progress: 'Recommendation met: moderately' }),
    ]),
  );

  test('[F2] On track, Overdue N days, Not rated, Complete, Not counted, Due soon', () => {
    // R6 due 30 April 2002: 30 days after 31 March, within the 30 days of "due soon".
    expect(p.status?.values).toEqual([
      ['Overdue 90 days'],
      ['On track'],
      ['Not rated'],
      ['Complete'],
      ['Not counted'],
      ['Due soon (30 days)'],
    ]);
  });

  test('[F2] no old word ("OK", "Unrated") is written, and the rules key on the new words', () => {
    const words = p.status?.values.flat() ?? [];
    for (const old of FORMER_STATUS_WORDS) expect(words.some((w) => w.split('; ').includes(old))).toBe(false);
    const clean = p.rules.find((r) => r.purpose === 'Status: no problems')?.formula ?? '';
    expect(clean).toContain('="On track"');
    expect(clean).toContain('="Complete"');
    expect(clean).not.toContain('"OK"');
    const unrated = p.rules.find((r) => r.purpose === 'Status: unrated')?.formula ?? '';
    expect(unrated).toContain('SEARCH("Not rated"');
    expect(unrated).not.toContain('"Unrated"');
  });

  test('[F2] our old status column, holding the old words, is recognised by its header and rewritten in the new ones', () => {
    const values: CellValue[][] = [
      ['Position as at 31 March 2002'],
      [...HEADER, 'Check (auto)'],
      [...rec('R1', { timescale: 'December 2002', progress: 'Recommendation met: partially' }), 'OK'],
      [...rec('R2', { timescale: 'December 2002', progress: 'x' }), 'Unrated'],
    ];
    const q = plan(snapshot(values));
    expect(q.status).toMatchObject({ column: 'G', moved: false, range: 'G3:G4' });
    expect(q.status?.values).toEqual([['On track'], ['Not rated']]);
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
