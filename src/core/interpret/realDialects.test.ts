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
