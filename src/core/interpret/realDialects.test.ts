import { OPTIONS, snapshot } from '../../../tests/fixtures/sheets';
import { analyseSheet } from '../analyse';
import type { CellValue } from '../types';

// Sheet shapes met in real trackers transcribed for tests/corpus/real (issue 22.10); each names its source.

describe('[T1] an internal audit plan numbered "Audit No." (North Norfolk DC, audit plan 2012/13)', () => {
  const values: CellValue[][] = [
    ['Review Work delivered in accordance with the Annual Audit Plan for 2012/13 plus Ad-Hoc Work requested by Management'],
    [
      'Audit No.',
      'Description of Audit',
      'Frequency of Audit Coverage',
      'Original Days Planned',
      'Revised Days Planned',
      'Days Delivered',
      'Scheduling',
      'Status',
    ],
    ['PLANNED SYSTEMS AUDIT WORK'],
    ['NN/13/01', 'Property Services and Coastal Protection', '3-yearly', 14, 19, 19, 'May', 'Complete\nFinal Report issued 10 August 2012'],
    ['NN/13/04', 'Procurement', '3-yearly', 12, 12, 10.5, 'August', 'Audit Fieldwork completed. Draft Report imminent.'],
  ];
  const a = analyseSheet(snapshot(values), OPTIONS);

  test('the header is found, the audit number is the reference and the description the audit', () => {
    expect(a.table?.headerRow).toBe(2);
    expect(a.tableKind).toBe('audits');
    expect(a.recommendations.map((r) => [r.id, r.subject])).toEqual([
      ['NN/13/01', 'Property Services and Coastal Protection'],
      ['NN/13/04', 'Procurement'],
    ]);
    expect(a.stats).toMatchObject({ total: 2, complete: 1 });
  });
});

describe('[T3] a report release date is not the position date (California State Auditor, report 2009-501)', () => {
  test('"(Release Date: October 2009)" in the title: no as-at date from the sheet', () => {
    const a = analyseSheet(
      snapshot([
        ['Recommendations in Report 2009-501: State Mandates (Release Date: October 2009)'],
        ['Number', 'Recommendation', 'Status'],
        [2, 'The Controller should work with Finance to obtain sufficient resources.', 'Fully Implemented'],
      ]),
      { today: '2026-11-26' },
    );
    expect(a.asAtSource).toBe('assumed');
    expect(a.asAt).toBe('2026-11-26');
  });
});

describe("[T4] a status written whole in one scale's words picks that scale (California State Auditor)", () => {
  test('"Fully Implemented" is read on the implementation scale, not as the extent scale\'s "Fully"', () => {
    const a = analyseSheet(
      snapshot([
        ['Position as at 31 March 2024'],
        ['Number', 'Recommendation', 'Status'],
        [2, 'Obtain sufficient resources.', 'Fully Implemented'],
        [3, 'Fill vacant positions.', 'Fully Implemented'],
      ]),
      OPTIONS,
    );
    expect(a.table?.scale).toBe('implementation');
    expect(a.stats).toMatchObject({ total: 2, complete: 2 });
  });

  test('a status both scales name whole ("Complete") keeps the extent scale, as before', () => {
    const a = analyseSheet(
      snapshot([['Position as at 31 March 2024'], ['Ref', 'Recommendation', 'Status'], ['R1', 'Do', 'Complete']]),
      OPTIONS,
    );
    expect(a.table?.scale).toBe('extent');
  });
});

// Labelled-field pages laid out as grids (USAID OIG dashboards, California State Auditor response pages):
// column roles from the column's content where the label is blank or names a role its values contradict.
describe('[T1] roles from content: a dashboard\'s "Recommendation" label over numbers, a blank label over the texts', () => {
  const values: CellValue[][] = [
    ['Recommendation Dashboard'],
    ['Total Open Recommendations (As of 4/15/25)', 333],
    ['Mar 02, 2019', 'Audit Report', '9-999-19-001-P'],
    ['Recommendation', '', 'Questioned Cost', 'Close Date'],
    [1, 'The mission should require its partner to reconcile the advances it holds each quarter.', 0, 'Jun 11, 2019'],
    [2, 'The mission should document how it monitors the partner, and keep the records for three years.', 1200, ''],
    [3, 'The mission should recover the questioned costs of $1,200 that the partner cannot support.', 0, 'Jan 30, 2020'],
  ];
  const a = analyseSheet(snapshot(values), OPTIONS);

  test('the numbers are the references, the long texts the recommendations, a close date completes', () => {
    expect(a.table?.headerRow).toBe(4);
    expect(a.table?.columns).toMatchObject({ id: 'A', recommendation: 'B', completed: 'D' });
    expect(a.recommendations.map((r) => r.id)).toEqual(['1', '2', '3']);
    expect(a.recommendations[1]?.recommendation).toMatch(/^The mission should document/);
    // By hand: rows 5 and 7 have a close date on or before 15 April 2025, row 6 has none.
    expect(a.stats).toMatchObject({ total: 3, complete: 2 });
  });

  test('a "Recommendation" header over texts stays the recommendation', () => {
    const b = analyseSheet(
      snapshot([
        ['No.', 'Recommendation', 'Lead', 'Target date'],
        ['1', 'Review the register', 'Finance', 'June 2003'],
        ['2', 'Train the staff', 'HR', 'July 2003'],
      ]),
      OPTIONS,
    );
    expect(b.table?.columns).toMatchObject({ id: 'A', recommendation: 'B' });
  });
});

describe('[T1] response pages as a grid: "Rec. #", "To", "Response Date" and an assessment "... Status"', () => {
  const values: CellValue[][] = [
    ['Report 2015-101: Responses'],
    ['Rec. #', 'To', 'Recommendation', 'Agency Response', 'Response Date', "Auditor's Assessment of 60-Day Status"],
    [
      3,
      'Health Care Services, Department of',
      'Publish the criteria it uses to approve contracts.',
      'The department published them.',
      'May 2016',
      'Fully Implemented',
    ],
    [4, 'Health Care Services, Department of', 'Review its contracts yearly.', 'The department will start in July.', 'May 2016', 'Pending'],
  ];
  const a = analyseSheet(snapshot(values), OPTIONS);

  test('the number is the reference, "To" the lead, the assessment the status; the response date is no due date', () => {
    expect(a.table?.columns).toMatchObject({ id: 'A', lead: 'B', recommendation: 'C', rating: 'F', timescale: null });
    expect(a.recommendations.map((r) => r.id)).toEqual(['3', '4']);
    expect(a.recommendations[0]?.lead).toBe('Health Care Services, Department of');
    // By hand: one Fully Implemented, one Pending; no due dates, so none overdue.
    expect(a.stats).toMatchObject({ total: 2, complete: 1, overdue: 0 });
  });
});

describe('[T1][T4] "# Years" is a count, and a status written in "Comp Date" is the status (California State Auditor)', () => {
  const values: CellValue[][] = [
    ['Report Title, Number, and Issue Date', 'Recommendation', '# Years', 'Comp Date'],
    ['Licensing: Delays Persist (2016-120, May 2017)', '2. The board should set a target for each licence.', 7, 'Will Not Implement'],
    ['', '4. The board should publish its processing times.', 7, 'Nov 30, 2019'],
    ['', '6. The board should review its fees.', 7, ''],
  ];
  const a = analyseSheet(snapshot(values), OPTIONS);

  test('no reference column; "Will Not Implement" is excluded, a date is complete', () => {
    expect(a.table?.columns).toMatchObject({ id: null, completed: 'D' });
    expect(a.recommendations.map((r) => r.id)).toEqual(['2', '4', '6']);
    // By hand: one excluded (declined), one completed on 30 November 2019, one open.
    expect(a.stats).toMatchObject({ total: 3, complete: 1, excluded: 1 });
  });
});

describe('[T4] tables of work: an audit "Deferred to" next year has left the plan (North Norfolk DC, 2011/12)', () => {
  const header = ['Audit No.', 'Description of Audit', 'Days Planned', 'Days Delivered', 'Status'];
  test('in a plan of audits, a deferred audit is excluded and the plan is 2 of 2 complete', () => {
    const a = analyseSheet(
      snapshot([
        header,
        ['IA/01', 'Payroll', 10, 10, 'Complete\nFinal report issued 2 June 2021'],
        ['IA/02', 'Procurement', 0, 0, 'Deferred to 2022/23'],
        ['IA/03', 'Treasury', 8, 8, 'Complete\nFinal report issued 9 July 2021'],
      ]),
      OPTIONS,
    );
    expect(a.tableKind).toBe('audits');
    expect(a.scaleName).toBe('implementation');
    expect(a.stats).toMatchObject({ total: 3, complete: 2, excluded: 1 });
  });

  test('in a plan of recommendations, "Deferred" does not take an item out of the figures', () => {
    const a = analyseSheet(
      snapshot([
        ['No.', 'Recommendation', 'Lead', 'Target date', 'Status'],
        ['1', 'Review the register', 'Finance', 'June 2003', 'Implemented'],
        ['2', 'Train the staff', 'HR', 'July 2003', 'Deferred to 2004/05'],
      ]),
      OPTIONS,
    );
    expect(a.stats).toMatchObject({ total: 2, complete: 1, excluded: 0 });
  });
});

describe("[T4] a table's own key decides what each colour means (Parliament of Tasmania PAC tracker)", () => {
  const key: CellValue[][] = [
    ['Key'],
    ['Grey Light', 'Progress yet to be assessed by the Committee'],
    ['Green Light', 'Recommendation considered complete'],
    ['Red Light', 'Recommendation has not commenced'],
    ['Yellow Light', 'Recommendation not accepted'],
  ];
  const table: CellValue[][] = [
    ['No.', 'Recommendation', 'Response', 'Traffic Light'],
    ['1', 'Establish a budget office', 'TBC', 'Grey Light'],
    ['2', 'Publish the costings', 'Done in 2025', 'Green Light'],
    ['3', 'Review the fees', 'Declined', 'Yellow Light'],
    ['4', 'Train the clerks', 'Not begun', 'Red Light'],
  ];

  test('"Traffic Light" is the status column, read as RAG, each colour by the key: Grey not yet assessed, Yellow not accepted', () => {
    const a = analyseSheet(snapshot([...key, ...table]), OPTIONS);
    expect(a.table?.columns.rating).toBe('D');
    expect(a.scaleName).toBe('rag');
    // By hand from the key: Green complete; Yellow excluded; Grey and Red neither.
    expect(a.stats).toMatchObject({ total: 4, complete: 1, excluded: 1 });
  });

  test('a key under the table is read the same way', () => {
    const a = analyseSheet(snapshot([...table, [], ...key]), OPTIONS);
    expect(a.stats).toMatchObject({ total: 4, complete: 1, excluded: 1 });
  });

  test('without a key, the built-in RAG reading stands: Grey is withdrawn', () => {
    const plain = table.map((r, i) => (i === 0 ? r : r.map((v) => (typeof v === 'string' ? v.replace(' Light', '') : v))));
    const a = analyseSheet(snapshot(plain), OPTIONS);
    expect(a.scaleName).toBe('rag');
    // By the built-in convention: Grey withdrawn (excluded), Yellow is Amber (open), Green on track.
    expect(a.stats).toMatchObject({ total: 4, complete: 0, excluded: 1 });
  });
});

describe("[T3][T6] the position date in the sheet's written order (USAID OIG dashboards)", () => {
  const sheet = (reportDate: string): CellValue[][] => [
    ['Total Open Recommendations (As of 7/10/25)', 315],
    [reportDate, 'Audit Report', '4-611-13-002-P'],
    ['Recommendation', '', 'Close Date'],
    [1, 'The mission should implement an agreement with the ministry on the reporting of funds.', ''],
    [2, 'The mission should implement a documented plan to mitigate the risks it identified.', ''],
  ];

  test('a month-name-first date ("Nov 08, 2012") makes "7/10/25" 10 July 2025, said in a finding', () => {
    const a = analyseSheet(snapshot(sheet('Nov 08, 2012')), OPTIONS);
    expect({ asAt: a.asAt, source: a.asAtSource }).toEqual({ asAt: '2025-07-10', source: 'sheet' });
    const f = a.findings.filter((x) => x.rule === 'DATE_ORDER_ASSUMED');
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toMatch(/month first \(10 July, not 7 October\).*"Nov 08, 2012"/);
  });

  test('a day-first date in words ("8 November 2012") keeps "7/10/25" as 7 October 2025', () => {
    const a = analyseSheet(snapshot(sheet('8 November 2012')), OPTIONS);
    expect(a.asAt).toBe('2025-10-07');
    expect(a.findings.filter((x) => x.rule === 'DATE_ORDER_ASSUMED')).toHaveLength(1);
  });
});
