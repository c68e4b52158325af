import { OPTIONS, snapshot } from '../../../tests/fixtures/sheets';
import { analyseSheet } from '../analyse';
import { chaseList, chaseReasons, NO_LEAD } from './chaseList';

// As at 30 June 2003 (the meeting date in the title row). Days counted by hand:
// R4 due 31 Jan 2003 has no status: its state is Not rated (S1), chased as not rated, not as overdue.
// R9 due 28 Feb 2003: Mar 31 + Apr 30 + May 31 + Jun 30 = 122 days overdue.
// row 8 (ref 6) due 30 Apr 2003: May 31 + Jun 30 = 61 days overdue.
// R2 due 31 May 2003 (first 31 Mar): 30 days overdue; slipped once by Apr 30 + May 31 = 61 days.
// R1 due 30 Sep 2003 (first 31 Mar): not overdue; slipped once by Apr..Sep = 30+31+30+31+31+30 = 183 days.
const plan = analyseSheet(
  snapshot([
    ['Audit Committee - 30 June 2003'],
    ['Ref', 'Recommendation', 'Owner', 'Original target date', 'Revised target date', 'Status'],
    ['R1', 'a', 'Finance', 'March 2003', 'September 2003', 'In progress'],
    ['R2', 'b', 'Finance', 'March 2003', 'May 2003', 'In progress'],
    ['R3', 'c', 'HR', 'March 2003', '', 'Implemented'],
    ['R4', 'd', 'HR', 'January 2003', '', ''],
    ['R5', 'e', 'hr', '', 'June 2003', ''],
    ['R6', 'f', '', 'April 2003', '', 'Not started'],
    ['R7', 'g', 'Legal', 'December 2002', 'December 2003 (revised from September 2003)', 'Implemented'],
    ['R8', 'h', 'Legal', 'June 2003', '', 'In progress'],
    ['R9', 'i', 'Finance', 'February 2003', '', 'Not started'],
  ]),
  OPTIONS,
);
const list = chaseList(plan);

describe('[C1] chase list per lead officer', () => {
  test('[C1] leads with the most overdue item first; the unnamed lead last; leads with nothing to chase left out', () => {
    expect(list.map((l) => [l.lead, l.overdue, l.slipped, l.unrated, l.mostDaysOverdue])).toEqual([
      ['Finance', 2, 2, 0, 122],
      ['HR', 0, 0, 2, 0],
      [NO_LEAD, 1, 0, 0, 61],
    ]);
  });

  test('[C1] items most overdue first, each with its reference, row, days overdue, slippage and rating gap', () => {
    const finance = list.find((l) => l.lead === 'Finance');
    expect(
      finance?.items.map((i) => [i.reference, i.row, i.daysOverdue, i.slipped?.revisions ?? 0, i.slipped?.days ?? 0, i.unrated]),
    ).toEqual([
      ['R9', 11, 122, 0, 0, false],
      ['R2', 4, 30, 1, 61, false],
      ['R1', 3, null, 1, 183, false],
    ]);
    const hr = list.find((l) => l.lead === 'HR');
    // "hr" is the same lead as "HR" (grouped as the statistics group them); R3 is implemented: not chased.
    expect(hr?.items.map((i) => [i.reference, i.daysOverdue, i.unrated])).toEqual([
      ['R4', null, true],
      ['R5', null, true],
    ]);
    expect(list.find((l) => l.lead === NO_LEAD)?.items.map((i) => [i.reference, i.row, i.daysOverdue])).toEqual([['R6', 8, 61]]);
  });

  test('[C1] a completed item whose target had slipped is not chased (R7)', () => {
    expect(list.flatMap((l) => l.items.map((i) => i.reference))).not.toContain('R7');
  });

  test('[C1] reasons read as the status column writes them', () => {
    const r2 = list.find((l) => l.lead === 'Finance')?.items[1];
    expect(r2 && chaseReasons(r2)).toBe('Overdue 30 days; Slipped 1x (+61 days)');
    const r4 = list.find((l) => l.lead === 'HR')?.items[0];
    expect(r4 && chaseReasons(r4)).toBe('Not rated');
  });

  test('[C1] a table that records no status has no unrated items to chase; rows without a reference are named by row', () => {
    const a = analyseSheet(
      snapshot([
        ['Position as at 31 March 2002'],
        ['No', 'Recommendation', 'Lead', 'Timescale'],
        ['', 'Do it', 'Chief Executive', 'December 2001'],
        ['2', 'Do more', 'Chief Executive', 'Ongoing'],
      ]),
      OPTIONS,
    );
    // Due 31 Dec 2001, as at 31 Mar 2002: Jan 31 + Feb 28 + Mar 31 = 90 days.
    expect(chaseList(a).map((l) => [l.lead, l.items.map((i) => [i.reference, i.daysOverdue, i.unrated])])).toEqual([
      ['Chief Executive', [['row 3', 90, false]]],
    ]);
  });

  test('[C1] equal worst days: the lead with more overdue items comes first', () => {
    const a = analyseSheet(
      snapshot([
        ['Position as at 31 March 2002'],
        ['No', 'Recommendation', 'Lead', 'Timescale', 'Status'],
        ['1', 'x', 'Alpha', 'December 2001', 'In progress'],
        ['2', 'x', 'Beta', 'December 2001', 'In progress'],
        ['3', 'x', 'Beta', 'February 2002', 'In progress'],
      ]),
      OPTIONS,
    );
    expect(chaseList(a).map((l) => [l.lead, l.overdue, l.mostDaysOverdue])).toEqual([
      ['Beta', 2, 90],
      ['Alpha', 1, 90],
    ]);
  });
});
