import fc from 'fast-check';
import { squash } from '../cells';
import { DECEMBER_2001, MARCH_2002 } from '../../../tests/fixtures/returns';
import { HEADER, OPTIONS, snapshot } from '../../../tests/fixtures/sheets';
import { analyseSheet } from '../analyse';
import { buildSummary } from '../plans/summaryModel';
import {
  compareSnapshots,
  fnv1a,
  squashedHash,
  hasMovement,
  keepSnapshots,
  matchItems,
  movementCounts,
  previousSnapshot,
  readPlanSnapshot,
  similarity,
  snapshotOf,
  WORD_SKETCH,
  type PlanSnapshot,
} from './movement';
import type { CellValue } from '../types';

const snap = (values: CellValue[][]): { shot: PlanSnapshot; levels: string[] } => {
  const sheet = snapshot(values);
  const a = analyseSheet(sheet, OPTIONS);
  return { shot: snapshotOf(a, sheet), levels: a.scale.map((l) => l.label) };
};

describe('[M2] movement between two quarterly returns', () => {
  const before = snap(DECEMBER_2001);
  const after = snap(MARCH_2002);
  const m = compareSnapshots(before.shot, after.shot, after.levels);

  test('the snapshot is compact and JSON-safe', () => {
    const item = before.shot.items[0];
    expect(before.shot).toMatchObject({ version: 1, asAt: '2001-12-31', scale: 'extent' });
    expect(item).toMatchObject({
      id: 'R1',
      row: 3,
      key: 'R1',
      level: 'Partially',
      complete: false,
      excluded: false,
      due: '2002-03-31',
      overdue: false,
    });
    expect(item?.textKey).toMatch(/^[0-9a-f]{8}$/);
    expect(item?.progressHash).toMatch(/^[0-9a-f]{8}$/);
    expect(JSON.parse(JSON.stringify(before.shot))).toEqual(before.shot);
  });

  test('renumbered items are matched by text, the others by reference; the new R7 is not the old R7', () => {
    expect(m.matched).toEqual([
      { id: 'R2', previousId: 'R2', how: 'reference' },
      { id: 'R1', previousId: 'R1', how: 'reference' },
      { id: 'R3', previousId: 'R3', how: 'reference' },
      { id: 'R4', previousId: 'R5', how: 'text' },
      { id: 'R5', previousId: 'R7', how: 'text' },
      { id: 'R6', previousId: 'R6', how: 'reference' },
    ]);
    expect(m.added).toEqual(['R7']);
    expect(m.removed).toEqual(['R4']);
  });

  test('completed, status up and down, newly overdue, due moved, progress unchanged', () => {
    expect(m).toMatchObject({
      previousAsAt: '2001-12-31',
      currentAsAt: '2002-03-31',
      completed: ['R2'],
      ratingUp: ['R4'],
      ratingDown: ['R3'],
      newlyOverdue: ['R5'],
      dueChanged: ['R6'],
      unchangedProgress: ['R1'],
    });
    expect(movementCounts(m)).toEqual({
      matched: 6,
      matchedByReference: 4,
      matchedByText: 2,
      completed: 1,
      ratingUp: 1,
      ratingDown: 1,
      newlyOverdue: 1,
      added: 1,
      removed: 1,
      dueChanged: 1,
      unchangedProgress: 1,
    });
  });

  test('a return compared with itself records no movement', () => {
    const same = compareSnapshots(after.shot, after.shot, after.levels);
    expect(hasMovement(same)).toBe(false);
    expect(same.matched.every((x) => x.how === 'reference' && x.id === x.previousId)).toBe(true);
    expect(same.matched).toHaveLength(7);
    // Open items whose progress text is, trivially, the same: R2 is complete, so not listed.
    expect(same.unchangedProgress).toEqual(['R1', 'R3', 'R4', 'R5', 'R6', 'R7']);
    const again = compareSnapshots(before.shot, before.shot, before.levels);
    expect(hasMovement(again)).toBe(false);
  });
});

describe('[M2] matching without references', () => {
  const plan = (title: string, rows: CellValue[][]) => snap([[title], HEADER, ...rows]);
  const r = (id: CellValue, recommendation: string, met: string, timescale = 'Ongoing'): CellValue[] => [
    id,
    'Subject',
    'Lead',
    timescale,
    recommendation,
    `Update.\nRecommendation met: ${met}`,
  ];

  test('rows without a reference are matched by their text and named by row', () => {
    const a = plan('As at 31 December 2001', [
      [null, 'Subject', 'Lead', 'Ongoing', 'Keep a register of gifts and hospitality', 'Update.\nRecommendation met: partially'],
      [null, 'Subject', 'Lead', 'Ongoing', 'Train members on the code of conduct', 'Update.\nRecommendation met: partially'],
    ]);
    const b = plan('As at 31 March 2002', [
      [null, 'Subject', 'Lead', 'Ongoing', 'Train members on the code of conduct', 'Update.\nRecommendation met: completely'],
      [null, 'Subject', 'Lead', 'Ongoing', 'Keep a register of gifts and hospitality', 'Update.\nRecommendation met: partially'],
    ]);
    const m = compareSnapshots(a.shot, b.shot, b.levels);
    expect(m.matched).toEqual([
      { id: 'row 3', previousId: 'row 4', how: 'text' },
      { id: 'row 4', previousId: 'row 3', how: 'text' },
    ]);
    expect(m.completed).toEqual(['row 3']);
    expect(m.unchangedProgress).toEqual(['row 4']);
  });

  test('an edited, renumbered text is matched when 80% of its words are shared; a rewritten one is not', () => {
    const a = plan('As at 31 December 2001', [
      r('1', 'Ensure that all contracts over 50,000 pounds are tendered through the procurement unit', 'partially'),
      r('2', 'Produce a medium term financial strategy for the council', 'partially'),
    ]);
    const b = plan('As at 31 March 2002', [
      // 14 distinct words before ("50,000" is two), 15 now, 14 shared: 14 / 15 = 0.93.
      r('1.1', 'Ensure that all contracts over 50,000 pounds are tendered through the corporate procurement unit', 'moderately'),
      // 9 words before, 9 now, 4 shared (a, for, the, council): 4 / 14 = 0.29.
      r('1.2', 'Set a balanced budget for the council each year', 'partially'),
    ]);
    const m = compareSnapshots(a.shot, b.shot, b.levels);
    expect(m.matched).toEqual([{ id: '1.1', previousId: '1', how: 'text' }]);
    expect(m.ratingUp).toEqual(['1.1']);
    expect(m.added).toEqual(['1.2']);
    expect(m.removed).toEqual(['2']);
  });

  test('a reference written at the start of the text does not stop a text match', () => {
    const a = plan('As at 31 December 2001', [r(null, '3) Review the treasury policy', 'partially')]);
    const b = plan('As at 31 March 2002', [r(null, '2) Review the treasury policy', 'partially')]);
    expect(matchItems(a.shot.items, b.shot.items)).toHaveLength(1);
  });

  test('a long text keeps a bounded sketch and still matches after a small edit', () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`);
    const long = `Ensure ${words.join(' ')}`;
    const a = plan('As at 31 December 2001', [r('R1', long, 'partially')]);
    const b = plan('As at 31 March 2002', [r('A1', long.replace('word40', 'altered'), 'partially')]);
    expect(a.shot.items[0]?.words.split(' ')).toHaveLength(WORD_SKETCH);
    expect(compareSnapshots(a.shot, b.shot, b.levels).matched).toEqual([{ id: 'A1', previousId: 'R1', how: 'text' }]);
  });

  test('similarity is exact Jaccard on short sketches', () => {
    expect(similarity([1, 2, 3, 4], [2, 3, 4, 5])).toBeCloseTo(3 / 5);
    expect(similarity([1, 2, 3, 4], [1, 2, 3, 4])).toBe(1);
    expect(similarity([], [1])).toBe(0);
  });

  test('[M2] the progress and timescale hashes kept in a workbook are those of the squashed text, whatever its white space', () => {
    // Hashes stored by earlier runs must still match: the one-pass hash equals hashing the squashed string.
    const space = fc.constantFrom(' ', '  ', '\n', '\t', '\r\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028');
    const text = fc.array(fc.oneof(fc.string({ maxLength: 6 }), space), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => squashedHash(t) === fnv1a(squash(t))),
      { numRuns: 2000, seed: 7 },
    );
    expect(squashedHash('  Done.\n\nSigned off  ')).toBe(fnv1a('Done. Signed off'));
  });

  test('FNV-1a gives the published values', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  test('the same year-less timescale read a year on is not a moved date; a changed one is', () => {
    const a = plan('As at 31 December 2001', [
      r('R1', 'Report to the December meeting', 'partially', 'December'),
      r('R2', 'Review fees', 'partially', 'December'),
    ]);
    const b = plan('As at 31 July 2002', [
      r('R1', 'Report to the December meeting', 'partially', 'December'),
      r('R2', 'Review fees', 'partially', 'November'),
    ]);
    // "December" is read as December 2001 in the first return, December 2002 in the second.
    expect([a.shot.items[0]?.due, b.shot.items[0]?.due]).toEqual(['2001-12-31', '2002-12-31']);
    expect(compareSnapshots(a.shot, b.shot, b.levels).dueChanged).toEqual(['R2']);
  });

  test('a newly completed item is not also listed as improved; a reopened one is worse', () => {
    const a = plan('As at 31 December 2001', [r('R1', 'One', 'partially'), r('R2', 'Two', 'completely')]);
    const b = plan('As at 31 March 2002', [r('R1', 'One', 'completely'), r('R2', 'Two', 'significantly')]);
    const m = compareSnapshots(a.shot, b.shot, b.levels);
    expect(m).toMatchObject({ completed: ['R1'], ratingUp: [], ratingDown: ['R2'] });
  });
});

describe('[M2] the summary sheet\'s "Since" block', () => {
  test('counts and references per kind, then how items were matched, before the findings', () => {
    const current = snapshot(MARCH_2002);
    const a = analyseSheet(current, OPTIONS);
    const m = compareSnapshots(
      snap(DECEMBER_2001).shot,
      snapshotOf(a, current),
      a.scale.map((l) => l.label),
    );
    const rows = buildSummary(a, 'now', undefined, m).rows.map((row) => row.map((c) => c.value));
    const at = rows.findIndex((row) => row[0] === 'Since 31 December 2001');
    expect(rows.slice(at + 1, at + 4)).toEqual([
      ['Movement', 'Count', 'References', '', '', '', '', '', ''],
      ['Completed', 1, 'R2', '', '', '', '', '', ''],
      ['Status improved', 1, 'R4', '', '', '', '', '', ''],
    ]);
    expect(rows[at + 10]?.[0]).toBe(
      'Compared with the return as at 31 December 2001 (this one: 31 March 2002): 6 matched, 4 by reference, 2 by recommendation text: R4 (was R5), R5 (was R7).',
    );
    // Without a previous return the block says so, and counts nothing.
    const without = buildSummary(a, 'now').rows.map((row) => row[0]?.value);
    expect(without.some((v) => /^Since (?!the last return)/.test(String(v)))).toBe(false);
    expect(without).toContain('No earlier return to compare with.');
  });
});

describe('[M2] kept snapshots', () => {
  const at = (asAt: string): PlanSnapshot => ({ version: 1, asAt, scale: 'extent', items: [] });
  const quarters = ['2000-06-30', '2000-09-30', '2000-12-31', '2001-03-31', '2001-06-30', '2001-09-30', '2001-12-31', '2002-03-31'];

  test('at most 8, oldest first; a re-run of one return replaces its snapshot', () => {
    let kept: PlanSnapshot[] = [];
    for (const q of quarters) kept = keepSnapshots(kept, at(q));
    expect(kept.map((k) => k.asAt)).toEqual(quarters);
    kept = keepSnapshots(kept, at('2002-06-30'));
    expect(kept.map((k) => k.asAt)).toEqual([...quarters.slice(1), '2002-06-30']);
    const rerun = keepSnapshots(kept, { ...at('2002-06-30'), scale: 'rag' });
    expect(rerun).toHaveLength(8);
    expect(rerun[7]?.scale).toBe('rag');
  });

  test('a re-run compares with the previous return, not with itself', () => {
    const kept = quarters.map(at);
    expect(previousSnapshot(kept, '2002-03-31')?.asAt).toBe('2001-12-31');
    expect(previousSnapshot(kept, '2002-06-30')?.asAt).toBe('2002-03-31');
    expect(previousSnapshot(kept, '2000-06-30')).toBeNull();
  });

  test('a stored snapshot reads back; anything else is ignored', () => {
    const sheet = snapshot(MARCH_2002);
    const shot = snapshotOf(analyseSheet(sheet, OPTIONS), sheet);
    expect(readPlanSnapshot(JSON.parse(JSON.stringify(shot)))).toEqual(shot);
    expect(readPlanSnapshot({ ...shot, version: 2 })).toBeNull();
    expect(readPlanSnapshot({ ...shot, items: [{ id: 'R1' }] })).toBeNull();
    expect(readPlanSnapshot('not a snapshot')).toBeNull();
    expect(readPlanSnapshot(null)).toBeNull();
  });
});
