import { analyseSheet } from '../analyse';
import type { Analysis, CellValue, RuleId, SheetSnapshot } from '../types';

// Trackers shaped as officers lay them out: every expected figure is counted from the rows written here.
const OPTIONS = { today: '2026-11-26' };
const HEAD = ['Ref', 'Recommendation', 'Responsible officer', 'Target date', 'Status', 'Progress update'];

/** An item: reference, text, officer, a target date, a status and a progress note. */
function item(ref: string, status = 'In progress', due = '31 December 2030'): CellValue[] {
  return [ref, `Recommendation ${ref}`, 'Head of Finance', due, status, `Progress on ${ref}`];
}

function sheet(values: CellValue[][], extra: Partial<SheetSnapshot> = {}): SheetSnapshot {
  return { name: 'Tracker', origin: 'A1', values, ...extra };
}

const analyse = (values: CellValue[][], extra: Partial<SheetSnapshot> = {}, options = {}): Analysis =>
  analyseSheet(sheet(values, extra), { ...OPTIONS, ...options });
const rules = (a: Analysis, rule: RuleId) => a.findings.filter((f) => f.rule === rule);
const ids = (a: Analysis) => a.recommendations.map((r) => r.id);

describe('[T2] row kinds: headings and repeated headers are never items', () => {
  // Row 1 title, 2 position, 3 blank, 4 heading, 5 header, 6-8 items, 9 blank, 10 heading, 11 header repeated, 12-13 items.
  const rows: CellValue[][] = [
    ['Internal audit recommendations: progress report'],
    ['Position at 31 March 2024'],
    [],
    ['Housing rents (2023 audit)'],
    HEAD,
    item('HR1'),
    item('HR2', 'Implemented'),
    item('HR3'),
    [],
    ['Recommendations to the Treasury'],
    HEAD,
    item('T1'),
    item('T2', 'Not started'),
  ];
  const a = analyse(rows);

  test('[ROWS_SKIPPED] five items; the repeated header and the heading are named in one note', () => {
    expect(ids(a)).toEqual(['HR1', 'HR2', 'HR3', 'T1', 'T2']);
    expect(a.stats.total).toBe(5);
    expect(rules(a, 'ID_MISSING')).toEqual([]);
    expect(rules(a, 'TIMESCALE_MISSING')).toEqual([]);
    const note = rules(a, 'ROWS_SKIPPED')[0]?.message ?? '';
    expect(note).toContain('row 11 repeats the header');
    expect(note).toContain('row 10 is a section heading');
  });

  test('[T2] each item keeps its block heading as its section', () => {
    expect(a.recommendations.map((r) => r.section)).toEqual([
      'Housing rents (2023 audit)',
      'Housing rents (2023 audit)',
      'Housing rents (2023 audit)',
      'Recommendations to the Treasury',
      'Recommendations to the Treasury',
    ]);
  });

  test('[BLOCKS_FOUND] the two blocks are listed with their rows, headings and counts, and read as one plan', () => {
    expect(a.blocks.map((b) => [b.firstRow, b.lastRow, b.heading, b.items, b.read])).toEqual([
      [4, 8, 'Housing rents (2023 audit)', 3, true],
      [10, 13, 'Recommendations to the Treasury', 2, true],
    ]);
    const note = rules(a, 'BLOCKS_FOUND')[0]?.message ?? '';
    expect(note).toContain('rows 4-8 "Housing rents (2023 audit)", 3 recommendations');
    expect(note).toContain('rows 10-13 "Recommendations to the Treasury", 2 recommendations');
    expect(note).toContain('read as one plan');
  });

  test('[T3] the position line above the headings still gives the as-at date', () => {
    expect([a.asAt, a.asAtSource]).toEqual(['2024-03-31', 'sheet']);
  });
});

describe('[T2] section headings by shape', () => {
  test('a heading merged across the table, written in the second column, is a section', () => {
    const rows = [HEAD, ['', 'Governance'], item('1'), item('2'), ['', 'Payroll'], item('3')];
    const a = analyse(rows, { merges: ['B2:F2', 'B5:F5'] });
    expect(ids(a)).toEqual(['1', '2', '3']);
    expect(a.recommendations.map((r) => r.section)).toEqual(['Governance', 'Governance', 'Payroll']);
  });

  test('a lone line in the officer column (not a name, date or status) is a section, unmerged', () => {
    const rows = [
      HEAD,
      ['', '', 'Recommendations from 2022/23'],
      item('1'),
      item('2'),
      ['', '', 'Recommendations from 2023/24'],
      item('3'),
    ];
    const a = analyse(rows);
    expect(ids(a)).toEqual(['1', '2', '3']);
    expect(a.recommendations[2]?.section).toBe('Recommendations from 2023/24');
  });

  test('a sentence alone in the recommendation column, where items seldom have references, is an item still being written', () => {
    const rows = [
      HEAD,
      item('1'),
      ['', 'Review the scheme of delegation and report to committee.'],
      ['', 'Text', 'Head of IT', 'May 2030', 'Open', ''],
    ];
    const a = analyse(rows);
    expect(a.stats.total).toBe(3);
    expect(rules(a, 'ID_MISSING').map((f) => f.row)).toEqual([3, 4]);
  });

  test('the same sentence right under an item carries that item on', () => {
    const rows = [HEAD, item('1'), ['', 'Review the scheme of delegation and report to committee.'], item('3')];
    const a = analyse(rows);
    expect(ids(a)).toEqual(['1', '3']);
    expect(a.recommendations[0]?.recommendation).toBe('Recommendation 1\nReview the scheme of delegation and report to committee.');
  });
});

describe('[T2] totals, keys and continuations', () => {
  test('a subtotal between sections is not an item, and the items under it still count', () => {
    const rows = [HEAD, item('1'), item('2'), ['Subtotal', '', '', '', '2'], ['', 'Finance'], item('3'), ['Total', '', '', '', '3']];
    const a = analyse(rows);
    expect(ids(a)).toEqual(['1', '2', '3']);
    expect(rules(a, 'ROWS_SKIPPED')[0]?.message).toContain('row 4 is a total');
    expect(rules(a, 'ROWS_SKIPPED')[0]?.message).toContain('row 5 is a section heading');
  });

  test('a key under the table is not read as items', () => {
    const rows = [HEAD, item('1'), item('2'), [], ['Key:'], ['Blue', 'Complete'], ['Green', 'On track'], ['Red', 'Behind']];
    const a = analyse(rows);
    expect(ids(a)).toEqual(['1', '2']);
  });

  test('[ROWS_SKIPPED] a row carrying on the progress of the item above is joined to it, not an item', () => {
    const rows = [HEAD, item('1'), ['', '', '', '', '', 'Further work agreed in May.'], item('2'), item('3')];
    const a = analyse(rows);
    expect(ids(a)).toEqual(['1', '2', '3']);
    expect(rules(a, 'ID_MISSING')).toEqual([]);
    expect(rules(a, 'ROWS_SKIPPED')[0]?.message).toContain('row 3 carries on the recommendation above');
  });

  test('[ID_MISSING] a row with a subject and a recommendation of its own is an item whose reference is missing, not more text', () => {
    const head = ['Ref', 'Subject', 'Recommendation', 'Responsible officer', 'Target date', 'Status', 'Progress update'];
    const own = (ref: string) => [
      ref,
      `Subject ${ref}`,
      `Recommendation ${ref}`,
      'Head of Finance',
      '31 December 2030',
      'In progress',
      'Started',
    ];
    const rows = [head, own('1'), ['', 'Subject 2', 'Recommendation 2', '', '', '', 'Plan agreed.'], own('3'), own('4')];
    const a = analyse(rows);
    expect(a.recommendations.map((r) => r.recommendation)).toEqual([
      'Recommendation 1',
      'Recommendation 2',
      'Recommendation 3',
      'Recommendation 4',
    ]);
    expect(rules(a, 'ID_MISSING')).toHaveLength(1);
  });

  test('a reference merged down over two rows: the second row is the same item', () => {
    const rows = [HEAD, item('1'), ['', 'Second part of the recommendation', 'Head of IT', '', '', 'Started'], item('2')];
    const a = analyse(rows, { merges: ['A2:A3'] });
    expect(ids(a)).toEqual(['1', '2']);
    expect(a.recommendations[0]?.recommendation).toBe('Recommendation 1\nSecond part of the recommendation');
  });
});

describe('[BLOCKS_FOUND] several tables with different columns', () => {
  // Block 1: rows 1 heading, 2 header, 3-5 items. Block 2 (other columns): row 7 heading, 8 header, 9-10 items.
  const rows: CellValue[][] = [
    ['2022/23 audit'],
    HEAD,
    item('A1'),
    item('A2'),
    item('A3'),
    [],
    ['2023/24 audit: follow-up'],
    ['No', 'Finding', 'Owner', 'Due date'],
    ['B1', 'Weak controls', 'Head of IT', '31 March 2030'],
    ['B2', 'No register', 'Head of HR', '31 March 2030'],
  ];

  test('by default the block with the fullest header is read, and the note lists both', () => {
    const a = analyse(rows);
    expect(ids(a)).toEqual(['A1', 'A2', 'A3']);
    const note = rules(a, 'BLOCKS_FOUND')[0]?.message ?? '';
    expect(note).toContain('Found 2 tables');
    expect(note).toContain('2. rows 7-10 "2023/24 audit: follow-up", 2 recommendations, other columns');
    expect(note).toContain('--block N');
  });

  test('block 2 chosen: its items are read with its own columns', () => {
    const a = analyse(rows, {}, { block: 2 });
    expect(ids(a)).toEqual(['B1', 'B2']);
    expect(a.table?.headerRow).toBe(8);
    expect(a.table?.columns.lead).toBe('C');
  });

  test('a block the sheet does not have: a warning, and the default is read', () => {
    const a = analyse(rows, {}, { block: 5 });
    expect(ids(a)).toEqual(['A1', 'A2', 'A3']);
    expect(rules(a, 'BLOCKS_FOUND')[0]).toMatchObject({ severity: 'warning' });
    expect(rules(a, 'BLOCKS_FOUND')[0]?.message).toContain('There is no table 5');
  });
});

describe('[T3] the position date from anywhere on the sheet', () => {
  const body: CellValue[][] = [HEAD, item('1', 'In progress', '30 April 2021'), item('2', 'In progress', '30 June 2021')];

  test.each([
    ['As of 31 May 2021', '2021-05-31'],
    ['Position at 31 March 2024', '2024-03-31'],
    ['updated as at 30th June , 2024', '2024-06-30'],
    ['Status as of June 30, 2024', '2024-06-30'],
  ])('a last line under the table, "%s"', (line, iso) => {
    const a = analyse([...body, [], [line]]);
    expect([a.asAt, a.asAtSource]).toEqual([iso, 'sheet']);
    expect(a.stats.total).toBe(2);
  });

  test('"As of 31 May 2021" under the table: only the item due before it is overdue', () => {
    const a = analyse([...body, line('As of 31 May 2021')]);
    expect(a.recommendations.map((r) => r.overdue)).toEqual([true, false]);
  });

  test('a position beside the table, right of its header', () => {
    const a = analyse([[...HEAD, '', 'Updated as at 30 June 2024'], ...body.slice(1)]);
    expect([a.asAt, a.asAtSource]).toEqual(['2024-06-30', 'sheet']);
  });

  test('the end of the period a progress report covers is its position', () => {
    const a = analyse([['Recommendations monitoring: progress for the period ended 12 January 2024'], ...body]);
    expect(a.asAt).toBe('2024-01-12');
  });

  test('an audited year ended is not a position, above or below the table', () => {
    const a = analyse([['Audit of accounts for the year ended 31 March 2022'], ...body, ['Accounts for the year ended 31 March 2022']]);
    expect(a.asAtSource).toBe('assumed');
  });

  test('a plain date in a footer (a version line) is not a position', () => {
    const a = analyse([...body, [], ['MPA DA 12 April 2018 v2']]);
    expect(a.asAtSource).toBe('assumed');
  });

  test('a stated position under the table beats a meeting date in the title', () => {
    const a = analyse([['Audit Committee 12 March 2024'], ...body, ['Position at 29 February 2024']]);
    expect(a.asAt).toBe('2024-02-29');
  });

  test('a stated position in the title beats one under the table', () => {
    const a = analyse([['Position as at 31 January 2024'], ...body, ['Position at 29 February 2024']]);
    expect(a.asAt).toBe('2024-01-31');
  });
});

function line(text: string): CellValue[] {
  return [text];
}

describe('[T2] shapes the generator found (issue 22, families taken off the pending list)', () => {
  const UNITS = ['', '', '', '(dd/mm/yyyy)'];
  const noRef = ['Recommendation', 'Lead', 'Timescales', 'Progress'];
  const plain = (n: number, status = 'Recommendation met: partially') => [
    `Recommendation ${n}`,
    'Head of Finance',
    '31 December 2030',
    status,
  ];

  test('[ROWS_SKIPPED] a header repeated under each section keeps its unit row, which is not an item', () => {
    const rows = [noRef, UNITS, ['Governance'], noRef, UNITS, plain(1), ['Housing'], noRef, UNITS, plain(2)];
    const a = analyse(rows);
    expect(a.recommendations.map((r) => r.recommendation)).toEqual(['Recommendation 1', 'Recommendation 2']);
    expect(a.recommendations.map((r) => r.section)).toEqual(['Governance', 'Housing']);
  });

  test('[ROWS_SKIPPED] with no reference column, a row with only progress text carries on the item above', () => {
    const rows = [noRef, plain(1), ['', '', '', '(continued) Further testing is planned.'], plain(2), plain(3)];
    const a = analyse(rows);
    expect(a.stats.total).toBe(3);
    expect(rules(a, 'ROWS_SKIPPED')[0]?.message).toContain('row 3 carries on the recommendation above');
  });

  test('[T1] tick symbols in tick-mark columns are marks; an empty box or a ballot cross is not', () => {
    const head = ['No', 'Recommendation', 'Lead', 'Target date', 'Implemented', 'Under implementation', 'Not implemented'];
    const row = (ref: string, marks: string[]) => [ref, `Recommendation ${ref}`, 'Head of Finance', '31 December 2030', ...marks];
    const a = analyse([head, row('1', ['\u2713', '', '']), row('2', ['\u2610', '\u2714', '\u2717']), row('3', ['', '', '\u2611'])]);
    expect(a.recommendations.map((r) => r.rating)).toEqual(['implemented', 'inProgress', 'notStarted']);
    expect(a.stats.complete).toBe(1);
  });

  test('[T3] a title line with the position at its right-hand end, under the table, is its position, not an item', () => {
    const body: CellValue[][] = [HEAD, item('1', 'In progress', '30 April 2021'), item('2', 'In progress', '30 June 2021')];
    const a = analyse([...body, [], ['Audit recommendations tracker', '', '', '', '', 'As at 31 May 2021']]);
    expect([a.stats.total, a.asAt, a.asAtSource]).toEqual([2, '2021-05-31', 'sheet']);
  });

  test('[T3] "Progress report to <date>" is the position, not the committee meeting named above it', () => {
    const a = analyse([['Audit and Governance Committee - 11 February 2018'], ['Progress report to 1 January 2018'], [], HEAD, item('1')]);
    expect(a.asAt).toBe('2018-01-01');
  });

  test('[T1] a dated title line right above a tick-mark header is a title, not group headings over it', () => {
    const head = ['', 'No', 'Recommendation', 'Lead', 'Target date', 'Implemented', 'Under implementation', 'Not implemented'];
    const a = analyse([
      ['Audit recommendations tracker', '', '', '', '', '', '', 'As at 1 January 2018'],
      head,
      ['', 'R1', 'Recommendation 1', 'Head of Finance', '31 December 2017', 'X', '', ''],
    ]);
    expect([a.asAt, a.stats.total, a.stats.complete]).toEqual(['2018-01-01', 1, 1]);
    expect(a.table?.headerRow).toBe(2);
  });
});

describe('[T1][T2] header shapes read without merged areas (the add-in reads none on a check: office-js #5918)', () => {
  const item2 = (ref: string) => [ref, `Recommendation ${ref}`, 'Head of Finance', '31 March 2024', '30 June 2024', 'In progress'];

  test('a split header, "Target date" over "Original" | "Revised", is told from the text alone', () => {
    const rows = [
      ['Ref', 'Recommendation', 'Lead', 'Target date', '', 'Status'],
      ['', '', '', 'Original', 'Revised', ''],
      item2('1'),
      item2('2'),
    ];
    const a = analyse(rows, {}, { today: '2024-05-31' });
    expect(a.table?.headerRow).toBe(2);
    expect(a.recommendations.map((r) => [r.originalDue, r.timescale.due, r.overdue])).toEqual([
      ['2024-03-31', '2024-06-30', false],
      ['2024-03-31', '2024-06-30', false],
    ]);
  });

  test('[ROWS_SKIPPED] group headings repeated over a repeated header are part of it, not an item', () => {
    const groups = ['Audit recommendation', '', '', 'Management response and progress'];
    const head = ['No', 'Recommendation', 'Lead', 'Timescales', 'Progress'];
    const row = (ref: string) => [ref, `Recommendation ${ref}`, 'Head of Finance', '31 December 2030', 'Recommendation met: partially'];
    const a = analyse([groups, head, ['Governance'], groups, head, row('R1'), ['Housing'], groups, head, row('R2')]);
    expect(ids(a)).toEqual(['R1', 'R2']);
    expect(a.recommendations.map((r) => r.section)).toEqual(['Governance', 'Housing']);
  });
});

describe('[T1] a lone item under the header is an item, not a second header row', () => {
  test('level names in its cells ("Complete", "Not started") do not make it tick-mark sub-headings', () => {
    // Found by the state generator (tests/figures/states.test.ts): the one item restates the header's roles in
    // the same columns ("Subject 1" under "Subject", a progress note under "Progress"), as no sub-header does.
    const head = ['No', 'Subject', 'Lead', 'Timescales', 'Recommendation', 'Progress', 'Status', 'Priority'];
    const a = analyse([
      ['Position as at 31 March 2002'],
      head,
      ['', 'Subject 1\nSTATUTORY', '', 'Complete', 'Recommendation 1', 'progress budget report.', 'Not started', ''],
    ]);
    expect(a.table?.headerRow).toBe(2);
    expect(a.stats.total).toBe(1);
  });
});

describe('[T1] a split header makes a header of a row naming only two roles', () => {
  test('"Recommendation | Implementation | Progress" over "Officer | Date", with no reference column', () => {
    const a = analyse(
      [
        ['Recommendation', 'Implementation', '', 'Progress'],
        ['', 'Officer', 'Date'],
        ['Reconcile the ledger', 'Head of Finance', '1 January 2018', 'Started.\nRecommendation met: partially'],
      ],
      { merges: ['B1:C1', 'A1:A2', 'D1:D2'] },
      { today: '2018-07-20' },
    );
    expect([a.table?.headerRow, a.stats.total, a.stats.overdue]).toEqual([2, 1, 1]);
    expect(a.table?.columns.lead).toBe('B');
  });
});
