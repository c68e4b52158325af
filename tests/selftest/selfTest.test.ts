import { cfSamplePlan, formatReport, runSelfTest, SELF_TEST_CHECKS, type CheckResult } from '../../src/excel/selfTest';
import { disagreements } from '../cf/agreement';
import { useFakeExcel } from '../fakes/jestFake';

const fake = useFakeExcel();

describe('the self-test for real Excel', () => {
  test('its conditional-format sample is one the core reads as a person would (last phrase, markers, unrated)', () => {
    const { analysis, plan, snapshot } = cfSamplePlan('2026-11-27');
    const read = analysis.recommendations.map((r) => [r.id, r.rating, r.statutory]);
    expect(read).toEqual([
      ['R1', 'completely', true],
      ['R2', 'significantly', null],
      ['R3', 'notMet', false],
      ['R4', null, true],
      ['R5', 'moderately', false],
    ]);
    // and the colours it expects from Excel are the ones the evaluator gives.
    if (!plan) throw new Error('no plan');
    expect(disagreements(plan, snapshot, analysis)).toEqual([]);
  });

  test('on the fake, every check reports once, in order, and the scratch sheet is removed', async () => {
    fake().addSheet('Plan', [['my data']]);
    const seen: CheckResult[] = [];
    const results = await runSelfTest((r) => seen.push(r), '2026-11-27');
    expect(results.map((r) => r.id)).toEqual(SELF_TEST_CHECKS.map((c) => c.id));
    expect(seen).toEqual(results);
    expect(fake().sheets.map((s) => s.name)).toEqual(['Plan']);
    expect(results.find((r) => r.id === 'cf.accepted')?.detail).toMatch(/^(\d+) of \1 accepted/);
    // The fake makes the assumptions the pane relies on: format writes raise no onChanged; the active cell reads back.
    expect(results.find((r) => r.id === 'events.format')?.outcome).toBe('as assumed');
    expect(results.find((r) => r.id === 'selection')).toMatchObject({
      outcome: 'as assumed',
      detail: expect.stringMatching(/!C7 \(row 7\)$/),
    });
    // [P1.2] our page layout, set as a run sets it, reads back as ours on the fake.
    expect(results.find((r) => r.id === 'print.layout')?.outcome).toBe('as assumed');
  }, 20000);

  test('the report is plain text, one line per check, with a summary', () => {
    const text = formatReport(
      [
        { id: 'host', name: 'Host', outcome: 'info', detail: 'web' },
        { id: 'undo.delete', name: 'Delete', outcome: 'differs', detail: 'ok' },
      ],
      new Date('2026-11-27T17:00:00Z'),
    );
    expect(text.split('\n')).toEqual([
      'Action Plan Checker self-test',
      'Run at 2026-11-27T17:00:00.000Z',
      '[info] host - Host: web',
      '[differs] undo.delete - Delete: ok',
      'Summary: 0 as assumed, 1 differ, 0 errors, 0 skipped, 1 for information',
    ]);
  });
});
