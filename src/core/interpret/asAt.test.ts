import fc from 'fast-check';
import { analyseSheet } from '../analyse';
import { readTitleDates, titleDate } from './asAt';
import { fromIso } from '../dates';
import type { CellValue } from '../types';

const REF = fromIso('2026-11-26') ?? 0;
const read = (rows: CellValue[][], formats: (string[] | undefined)[] = []) => readTitleDates(rows, formats, REF);

describe('[T3] an audited period is never the position, even in a status report', () => {
  test.each([
    'Status of implementation of recommendations contained in the report of the Board of Auditors for the financial period ended 30 June 2017',
    'Progress on the audit of accounts for the year ended 31 March 2022',
  ])('%j states no position', (title) => {
    expect(read([[title]]).asAt).toBeNull();
  });
});

describe('[T3] the as-at date from the title rows', () => {
  const qualifying: [string, string, string][] = [
    // stated positions
    ['Position as at 30 September 2002', '2002-09-30', 'stated'],
    ['Progress as at 05/04/2002', '2002-04-05', 'stated'],
    ['Update at 31 March 2003', '2003-03-31', 'stated'],
    ['Progress at 28 February 2003', '2003-02-28', 'stated'],
    ['Recommendations tracker as of 1 July 2023', '2023-07-01', 'stated'],
    ['Action plan as at March 2002', '2002-03-31', 'stated'],
    // as typed, and in wording met in trackers (issue 22)
    ['updated as at 30th June , 2024', '2024-06-30', 'stated'],
    ['Status as of June 30, 2024', '2024-06-30', 'stated'],
    ['Progress to 31 March 2024', '2024-03-31', 'stated'],
    ['Status of recommendations at 1 January 2018', '2018-01-01', 'stated'],
    ['Last updated 3 May 2024', '2024-05-03', 'stated'],
    // the end of the period a progress or monitoring report covers is its position
    ['Recommendations monitoring: progress for the period ended 12 January 2024', '2024-01-12', 'stated'],
    ['Quarterly progress report for the quarter ended 30 June 2024', '2024-06-30', 'stated'],
    // report and meeting dates
    ['Executive - 18 June 2002', '2002-06-18', 'meeting'],
    ['Audit Committee 12 March 2003', '2003-03-12', 'meeting'],
    ['Audit and Governance Committee, 24 January 2023', '2023-01-24', 'meeting'],
    // a date on its own
    ['31st March 2002', '2002-03-31', 'plain'],
    ['March 31 2002', '2002-03-31', 'plain'],
  ];
  test.each(qualifying)('%j is as at %s (%s)', (title, date, cue) => {
    expect(read([[title]]).asAt).toEqual({ date, text: title, cue, rowIndex: 0 });
  });

  const notAsAt: [string, string][] = [
    ['Annual audit letter for the year ended 31 December 2021', 'period'],
    ['Statement of accounts: period ended 30 June 2022', 'period'],
    ['Audit date: 3-6 September 2002', 'range'],
    ['Fieldwork 12 August 2002', 'period'],
    ['Date of audit 14 May 2002', 'period'],
    ['Visit 3-6 September 2002', 'range'],
    ['1 April 2002 to 31 March 2003', 'range'],
    ['Review of accounts for the year 2002', 'plain'], // a bare year is not a date here at all
  ];
  test.each(notAsAt)('%j states no as-at date', (title, cue) => {
    const dates = read([[title]]);
    expect(dates.asAt).toBeNull();
    if (cue !== 'plain') expect(dates.notAsAt.map((d) => d.cue)).toContain(cue);
  });

  test('a stated position wins over a meeting date, which wins over a plain date', () => {
    expect(read([['Report of 1 May 2002, position as at March 2002']]).asAt?.date).toBe('2002-03-31');
    expect(read([['Printed 2 March 2003'], ['Audit Committee 12 March 2003']]).asAt).toMatchObject({ date: '2003-03-12', rowIndex: 1 });
  });

  test('a period date beside a meeting date: the meeting date counts', () => {
    const dates = read([['Annual audit letter for the year ended 31 March 2022 - Audit Committee 12 July 2022']]);
    expect(dates.asAt).toMatchObject({ date: '2022-07-12', cue: 'meeting' });
    expect(dates.notAsAt).toEqual([expect.objectContaining({ date: '2022-03-31', cue: 'period' })]);
  });

  test('a label cell carries its cue to the date beside it', () => {
    expect(read([['Audit date:', '3 September 2002']]).asAt).toBeNull();
    expect(read([['As at', '30 June 2002']]).asAt).toMatchObject({ date: '2002-06-30', cue: 'stated' });
  });

  test('a date cell (a serial with a date format) counts unless its label makes it a period', () => {
    expect(read([['As at', 37437]], [['General', 'd mmm yyyy']]).asAt).toEqual({
      date: '2002-06-30',
      text: 'As at 30 June 2002',
      cue: 'stated',
      rowIndex: 0,
    });
    expect(read([['Year ended', 37437]], [['General', 'd mmm yyyy']]).asAt).toBeNull();
    expect(read([['Year ended', 37437]], [['General', '0']]).asAt).toBeNull();
  });

  test('no date at all: null, for the caller to assume today', () => {
    expect(read([['Action plan'], ['Internal audit recommendations 2002/03']])).toEqual({ asAt: null, notAsAt: [] });
    expect(titleDate([['Action plan']], [], REF)).toBeNull();
  });

  test('titleDate keeps its contract: the ISO date or null', () => {
    expect(titleDate([['Audit Committee 12 March 2003']], [], REF)).toBe('2003-03-12');
    expect(titleDate([['for the year ended 31 December 2021']], [], REF)).toBeNull();
  });
});

describe('[T3] [T6] through analyseSheet: the title date places the timescales', () => {
  const HEADER = ['No', 'Subject', 'Lead', 'Timescales', 'Recommendation', 'Progress'];
  const row = (id: string, timescale: string): CellValue[] => [
    id,
    'Budgets',
    'CFO',
    timescale,
    'Act',
    'Begun.\nRecommendation met: partially',
  ];
  const sheet = (title: string, rows: CellValue[][]) => ({ name: 'Plan', origin: 'A1', values: [[title], HEADER, ...rows] });

  test('[OVERDUE] "End May" in a paper dated 18 June 2002 was just missed; "September" is still to come', () => {
    const a = analyseSheet(sheet('Executive - 18 June 2002', [row('R1', 'End May'), row('R2', 'September')]), { today: '2026-11-26' });
    expect(a).toMatchObject({ asAt: '2002-06-18', asAtSource: 'sheet', documentDate: '2002-06-18' });
    expect(a.recommendations.map((r) => [r.id, r.timescale.due, r.overdue, r.daysOverdue])).toEqual([
      ['R1', '2002-05-31', true, 18],
      ['R2', '2002-09-30', false, 0],
    ]);
  });

  test('a "year ended" title is not the as-at date', () => {
    const a = analyseSheet(sheet('Annual audit letter for the year ended 31 December 2021', [row('1', 'Q2 2022')]), {
      today: '2026-11-26',
    });
    expect(a.asAtSource).not.toBe('sheet');
    expect(a.asAt).toBe('2026-11-26');
  });
});

describe('[T3] readTitleDates on any title rows', () => {
  const words = [
    'as at',
    'Audit Committee',
    'year ended',
    '31 March 2002',
    '3-6',
    'September 2002',
    '-',
    'to',
    'Audit date:',
    'fieldwork',
    '2001/02',
  ];
  const cell = fc.oneof(
    fc.string(),
    fc.integer({ min: 30000, max: 50000 }),
    fc.array(fc.constantFrom(...words), { maxLength: 6 }).map((w) => w.join(' ')),
  );
  test('never throws; an as-at date is never a period or range date; titleDate agrees', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 4 }), (rows) => {
        const formats = rows.map((r) => r.map(() => 'd mmm yyyy'));
        const dates = readTitleDates(rows, formats, REF);
        expect(['stated', 'meeting', 'plain', undefined]).toContain(dates.asAt?.cue);
        for (const d of dates.notAsAt) expect(['period', 'range']).toContain(d.cue);
        expect(titleDate(rows, formats, REF)).toBe(dates.asAt?.date ?? null);
      }),
      { numRuns: 400 },
    );
  });
});
