import fc from 'fast-check';
import { OPTIONS, snapshot } from '../../../tests/fixtures/sheets';
import { analyseSheet } from '../analyse';
import { IMPLEMENTATION_SCALE } from '../vocabulary/scales';
import { matchLevel } from './scales';
import type { Analysis, CellValue, RuleId } from '../types';

const rules = (a: Analysis, rule: RuleId) => a.findings.filter((f) => f.rule === rule);
const TITLE = ['Position as at 31 March 2024'];

describe('[T4] completion shown by a date', () => {
  test.each(['Date completed', 'Actual completion date', 'Date implemented', 'Close date', 'Closed on'])(
    'a "%s" column with no status column: a date there is complete, an empty cell is open, a passed target of a closed item is not overdue',
    (header) => {
      const values: CellValue[][] = [
        TITLE,
        ['Ref', 'Recommendation', 'Owner', 'Target date', 'Progress', header],
        ['R1', 'Do', 'A', '31/12/2023', 'Done in December.', '15/12/2023'],
        ['R2', 'Do', 'A', '31/12/2023', 'Started.', ''],
        ['R3', 'Do', 'A', '30/06/2024', 'Not started.', null],
      ];
      const a = analyseSheet(snapshot(values), OPTIONS);
      expect(a.table?.columns.completed).toBe('F');
      expect(a.recommendations.map((r) => [r.id, r.complete, r.overdue])).toEqual([
        ['R1', true, false],
        ['R2', false, true],
        ['R3', false, false],
      ]);
      expect(a.recommendations[0]?.completedOn).toBe('2023-12-15');
      expect(a.stats.complete).toBe(1);
      expect(rules(a, 'RATING_MISSING')).toEqual([]);
      expect(a.findings.filter((f) => f.rule === 'COLUMN_MISSING')).toEqual([]);
    },
  );

  test('a date cell (a serial shown as a date) counts, and an empty status cell lets the date decide', () => {
    const values: CellValue[][] = [
      TITLE,
      ['Ref', 'Recommendation', 'Owner', 'Target date', 'Status', 'Date completed'],
      ['R1', 'Do', 'A', '31/12/2023', '', 45275], // 15 December 2023
      ['R2', 'Do', 'A', '31/12/2023', '', ''],
    ];
    const formats = values.map((row) => row.map((_v, c) => (c === 5 ? 'dd/mm/yyyy' : 'General')));
    const a = analyseSheet(snapshot(values, { numberFormats: formats }), OPTIONS);
    expect(a.recommendations.map((r) => [r.complete, r.completedOn])).toEqual([
      [true, '2023-12-15'],
      [false, null],
    ]);
    expect(rules(a, 'RATING_MISSING').map((f) => f.id)).toEqual(['R2']);
  });

  test('[COMPLETION_DATE_CONFLICT] a date beside a status that is not complete: the status is counted, both cells named', () => {
    const values: CellValue[][] = [
      TITLE,
      ['Ref', 'Recommendation', 'Owner', 'Target date', 'Status', 'Date completed'],
      ['R1', 'Do', 'A', '31/12/2023', 'In progress', '15/12/2023'],
      ['R2', 'Do', 'A', '31/12/2023', 'Implemented', '15/12/2023'],
      ['R3', 'Do', 'A', '31/12/2023', 'Not applicable', '15/12/2023'],
    ];
    const a = analyseSheet(snapshot(values), OPTIONS);
    expect(a.recommendations.map((r) => [r.id, r.complete, r.excluded])).toEqual([
      ['R1', false, false],
      ['R2', true, false],
      ['R3', false, true],
    ]);
    const conflicts = rules(a, 'COMPLETION_DATE_CONFLICT');
    expect(conflicts.map((f) => [f.id, f.cell])).toEqual([['R1', 'F3']]);
    expect(conflicts[0]?.message).toContain('E3');
    expect(conflicts[0]?.message).toContain('F3');
    expect(a.stats.complete).toBe(1);
  });

  test('a completion date after the as-at date is a plan, not a completion', () => {
    const values: CellValue[][] = [
      TITLE,
      ['Ref', 'Recommendation', 'Owner', 'Target date', 'Progress', 'Date completed'],
      ['R1', 'Do', 'A', '30/06/2024', 'On track.', '30/06/2024'],
    ];
    expect(analyseSheet(snapshot(values), OPTIONS).recommendations[0]?.complete).toBe(false);
  });

  test('[DATE_IMPOSSIBLE] an impossible completion date is reported and is no evidence', () => {
    const values: CellValue[][] = [
      TITLE,
      ['Ref', 'Recommendation', 'Owner', 'Target date', 'Progress', 'Date completed'],
      ['R1', 'Do', 'A', '30/06/2024', 'On track.', '31/09/2023'],
    ];
    const a = analyseSheet(snapshot(values), OPTIONS);
    expect(a.recommendations[0]?.complete).toBe(false);
    expect(rules(a, 'DATE_IMPOSSIBLE').map((f) => f.cell)).toEqual(['F3']);
  });

  test('property: with no status column, the items complete are exactly those with a completion date on or before the as-at date', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: -300, max: 300 }), { nil: null }), { minLength: 1, maxLength: 12 }), (offsets) => {
        // As at 31 March 2024 (day 19813 from 1970); each item done `offset` days before it, or never.
        const asAt = Date.UTC(2024, 2, 31);
        const written = offsets.map((o) => {
          if (o === null) return '';
          const d = new Date(asAt - o * 86_400_000);
          return `${d.getUTCDate()} ${d.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${d.getUTCFullYear()}`;
        });
        const values: CellValue[][] = [
          TITLE,
          ['Ref', 'Recommendation', 'Owner', 'Target date', 'Progress', 'Date completed'],
          ...written.map((w, i) => [`R${i + 1}`, 'Do', 'A', 'December 2023', 'Note.', w]),
        ];
        const a = analyseSheet(snapshot(values), OPTIONS);
        expect(a.recommendations.map((r) => r.complete)).toEqual(offsets.map((o) => o !== null && o >= 0));
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});

describe('[T4] status words of plans of work and closed items', () => {
  test.each([
    ['Fully implemented', 'implemented'],
    ['Final', 'implemented'],
    ['Closed - implemented', 'implemented'],
    ['Progressing: fieldwork', 'inProgress'],
    ['Draft report', 'inProgress'],
    ['Fieldwork', 'inProgress'],
    ['Closed - not implemented', 'excluded'],
  ])('%j is %s', (word, key) => {
    expect(matchLevel(word, IMPLEMENTATION_SCALE.levels)?.key).toBe(key);
  });

  test('a closed-but-not-implemented item is neither complete nor counted in the completion rate', () => {
    const values: CellValue[][] = [
      TITLE,
      ['Ref', 'Recommendation', 'Owner', 'Target date', 'Status'],
      ['R1', 'Do', 'A', '31/12/2023', 'Closed - implemented'],
      ['R2', 'Do', 'A', '31/12/2023', 'Closed - not implemented'],
      ['R3', 'Do', 'A', '31/12/2023', 'Progressing: fieldwork'],
    ];
    const a = analyseSheet(snapshot(values), OPTIONS);
    expect(a.recommendations.map((r) => [r.complete, r.excluded, r.overdue])).toEqual([
      [true, false, false],
      [false, true, false],
      [false, false, true],
    ]);
    expect(a.stats.completionRate).toBeCloseTo(1 / 2);
  });
});

describe('[T1] a plan of audits is a table of items with their own status', () => {
  const values: CellValue[][] = [
    ['Internal audit plan 2023/24: progress as at 31 March 2024'],
    ['Audit', 'Planned days', 'Actual days', 'Status', 'Assurance opinion'],
    ['Payroll', 15, 14, 'Final', 'Reasonable'],
    ['Procurement', 20, 8, 'Fieldwork', ''],
    ['IT security', 12, 0, 'Not started', ''],
    ['Budget setting', 10, 11, 'Draft report', ''],
    ['Risk management', 8, 8, 'Completed', 'Substantial'],
  ];
  const a = analyseSheet(snapshot(values), OPTIONS);

  test('five audits, two complete, read on the implementation scale', () => {
    expect(a.tableKind).toBe('audits');
    expect(a.stats).toMatchObject({ total: 5, complete: 2, unrated: 0 });
    expect(a.recommendations.map((r) => r.subject)).toEqual(['Payroll', 'Procurement', 'IT security', 'Budget setting', 'Risk management']);
  });

  test('no advice about recommendation text, references or progress notes it does not have', () => {
    expect(rules(a, 'COLUMN_MISSING')).toEqual([]);
    expect(rules(a, 'FIELD_MISSING')).toEqual([]);
    expect(a.findings.map((f) => f.message).join(' ')).not.toMatch(/recommendation/i);
  });

  test('its messages name an item as an audit', () => {
    const b = analyseSheet(snapshot([...values, ['Governance', 5, 0, 'Postponed', '']]), OPTIONS);
    const unknown = rules(b, 'RATING_UNKNOWN');
    expect(unknown.map((f) => f.message.slice(0, 18))).toEqual(['The audit in row 8']);
  });

  test('an action plan with a recommendation column stays one, whatever else it records', () => {
    const plan = analyseSheet(
      snapshot([
        TITLE,
        ['Ref', 'Recommendation', 'Owner', 'Target date', 'Status', 'Assurance opinion'],
        ['R1', 'Do', 'A', '31/12/2023', 'Open', 'Limited'],
      ]),
      OPTIONS,
    );
    expect(plan.tableKind).toBe('recommendations');
  });
});
