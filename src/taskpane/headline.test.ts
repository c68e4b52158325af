import { analyseSheet } from '../core/analyse';
import type { Analysis, Finding, PriorityStats } from '../core/types';
import { HEADER, OPTIONS, rec, snapshot } from '../../tests/fixtures/sheets';
import { count, headline, resultBar, weightedScoreNote, worstSeverity } from './headline';

// R1 is due January 2002 at 31 March 2002 (overdue), rated partially; the second row is unrated (Not rated, never overdue: S1), ongoing.
const analysis = analyseSheet(
  snapshot([['As at 31 March 2002'], HEADER, rec('R1', { timescale: 'Jan 2002' }), rec(null, { progress: 'x' })]),
  OPTIONS,
);
const withStats = (a: Analysis, stats: Partial<Analysis['stats']>): Analysis => ({ ...a, stats: { ...a.stats, ...stats } });
const f = (severity: Finding['severity']): Finding => ({ rule: 'OVERDUE', severity, cell: 'D3', row: 3, id: 'R1', message: 'm' });

describe('headline', () => {
  test('[OVERDUE] says how many are complete of how many, overdue with the statutory share, and unrated', () => {
    expect(headline(analysis)).toBe('0 of 2 complete; 1 overdue, 0 of them statutory; 1 unrated.');
  });

  test('names the top priority where the table records priorities, and leaves out statutory where it does not', () => {
    const high = { priority: 'High', overdue: 1 } as PriorityStats;
    const a = withStats(analysis, { recordsStatutory: false, byPriority: [high] });
    expect(headline(a)).toBe('0 of 2 complete; 1 overdue, 1 of them High priority; 1 unrated.');
  });

  test('counts use thousands separators and excluded items are named, not silently dropped', () => {
    const a = withStats(analysis, { total: 3000, complete: 1200, excluded: 10, overdue: 1500, unrated: 0, recordsStatutory: false });
    expect(headline(a)).toBe('1,200 of 2,990 complete; 1,500 overdue; 0 unrated; 10 not counted (withdrawn or not applicable).');
    expect(count(10000)).toBe('10,000');
  });

  test('[TABLE_NOT_FOUND] without a table it says so', () => {
    expect(headline({ ...analysis, table: null })).toBe('No action-plan table found on Plan.');
  });
});

describe('result bar', () => {
  test('is never a green "Done" while errors remain; its intent follows the worst finding', () => {
    expect(resultBar([f('warning'), f('error'), f('error')])).toEqual({ intent: 'warning', title: 'Written, but 2 errors to fix' });
    expect(resultBar([f('info'), f('warning')])).toEqual({ intent: 'info', title: 'Written, with 1 warning to review' });
    expect(resultBar([f('info')])).toEqual({ intent: 'success', title: 'Done' });
    expect(worstSeverity([])).toBeNull();
  });

  test('[RATING_MISSING] "Weighted score" is explained with the scale\u2019s own weights and how many are rated', () => {
    // One of the two is rated (partially); the extent-met scale weighs Completely 1 down to Not met 0 in quarters.
    expect(weightedScoreNote(analysis)).toBe(
      'Weighted score: each rated recommendation counts by its rating (Completely 100%, Significantly 75%, Moderately 50%, Partially 25%, Not met 0%), averaged over the 1 rated recommendation.',
    );
    expect(weightedScoreNote(withStats(analysis, { weightedScore: null }))).toBeNull();
  });
});
