import { createExcelHost, onWorkbookChange, runPlan } from '../../src/excel/excelHost';
import type { FakePlatform, FakeWorkbook } from '../fakes/excelFake';
import { PLATFORM_PROFILES, PROFILES, useFakeExcel } from '../fakes/jestFake';
import { referenceRuleCount, referenceValues } from '../fixtures/reference';
import { scalarGrid } from '../corpus/workbooks';

const NOW = new Date(2026, 10, 26, 10, 4);
const ALL = { format: true, summary: true };

describe.each(PLATFORM_PROFILES)('$name: what a run will do, and going back', (profile) => {
  const current = useFakeExcel(profile);
  let fake: FakeWorkbook;
  beforeEach(() => {
    fake = current();
    fake.addSheet('Appendix 1', scalarGrid(referenceValues()));
  });

  test('[F5] a check says what the first run will change, writes nothing, and still takes one sync', async () => {
    const result = await createExcelHost().check({});
    expect(result.preview).toEqual([
      'Formats on A5:I18 of "Appendix 1"',
      'Status column G (new), days overdue in H, data checks in I',
      `${referenceRuleCount()} highlight rules for status, ratings and statutory rows`,
      'Summary sheet "Action plan summary" (new)',
      'Chase list and checks sheet "Action plan chase and checks" (new)',
    ]);
    expect(result.marks).toEqual({ formatted: false, summary: null });
    expect(fake.stats.syncs).toBe(1);
    expect(fake.sheets).toHaveLength(1);
    expect(fake.sheet('Appendix 1').formatLog).toHaveLength(0);
  });

  test('[F5] after a run: plain words, our marks found, and the next check says ours are replaced', async () => {
    const run = await runPlan({}, ALL, undefined, { now: NOW });
    expect(run.applied).toEqual([
      'Formatted the table A5:I18 on "Appendix 1"',
      'Added the status column G ("Check (auto)"), days overdue in H, data checks in I',
      'Coloured status, ratings and statutory rows',
      'Added the summary sheet "Action plan summary"',
      'Added "Action plan chase and checks": the full chase list, one lead officer per page, and the checks for the officer preparing the report',
      // M1: Excel adds our sheets last and cannot move them without losing the undo step, so the words say how to print.
      `To print the committee's pages (at most 2), print "Action plan summary" on its own (select its tab, then File > Print > Print Active Sheets); the chase list and checks print from "Action plan chase and checks"`,
      // P1.2: the appendix has no page setup of its own; M2.6: the return is kept for the next run's movement.
      'Set "Appendix 1" to print on A4 landscape, 1 page wide, with the header on every page and page numbers',
      'Kept this return (as at 31 March 2002) in the workbook for comparison with the next',
    ]);
    const again = await createExcelHost().check({});
    expect(again.marks).toEqual({ formatted: true, summary: 'Action plan summary' });
    expect(again.preview).toContain('Status column G (ours, rewritten), days overdue in H, data checks in I');
    expect(again.preview).toContain('Summary sheet "Action plan summary" (replaced: ours)');
    expect(again.preview?.find((w) => w.includes('highlight rules'))).toContain(`replacing our ${referenceRuleCount()}`);
  });

  test('[T1] a check gives the header row cells with their first values, for picking columns', async () => {
    const result = await createExcelHost().check({});
    expect(result.header?.row).toBe(5);
    expect(result.header?.cells[0]).toMatchObject({ column: 'A', text: 'No', suggested: 'id' });
    expect(result.header?.cells[0]?.samples).toHaveLength(2);
  });

  test('the active cell is read through the host: sheet, address, row and column', async () => {
    const host = createExcelHost();
    expect(await host.selection()).toEqual({ sheet: 'Appendix 1', address: 'A1', row: 1, column: 'A' });
    fake.addSheet("Bob's plan", [['x']]);
    fake.userSelect("Bob's plan", 'C7');
    expect(await host.selection()).toEqual({ sheet: "Bob's plan", address: 'C7', row: 7, column: 'C' });
    fake.chartSheetActive = true;
    expect(await host.selection()).toBeNull();
  });
});

describe.each<[FakePlatform, number, string, string]>([
  ['web', 20, 'one-step', 'one-step'],
  ['windows', 20, 'history', 'one-step'],
  ['mac', 20, 'history', 'one-step'],
  ['windows', 19, 'history', 'history'],
  ['web', 14, 'history', 'history'],
])('[undo] the undo story on %s, ExcelApi 1.%i', (platform, minor, first, second) => {
  const current = useFakeExcel();
  test(`first run (adds the summary sheet): ${first}; second run (rewrites it): ${second}`, async () => {
    const fake = current();
    fake.platform = platform;
    fake.apiMinor = minor;
    fake.addSheet('Appendix 1', scalarGrid(referenceValues()));
    const one = await runPlan({}, ALL, undefined, { now: NOW });
    // The story told must match what the fake's undo model did: "one-step" only where nothing cleared the history.
    expect(one.undo).toBe(first);
    if (first === 'one-step') expect(fake.undoCleared).toBe(false);
    fake.undoCleared = false;
    const two = await runPlan({}, ALL, undefined, { now: NOW });
    expect(two.undo).toBe(second);
    expect(await runPlan({}, { format: true, summary: false }, undefined, { now: NOW })).toMatchObject({ undo: second });
  });
});

describe('[stale] a user\u2019s edit right after our writes, on a host without triggerSource (ExcelApi 1.9)', () => {
  const current = useFakeExcel(PROFILES[0]);
  let stop: () => void = () => undefined;
  afterEach(() => stop());

  test('an edit outside what we wrote is seen at once; our own status-column and summary writes are not', async () => {
    const fake = current();
    fake.addSheet('Appendix 1', scalarGrid(referenceValues()));
    const changed = jest.fn();
    stop = await onWorkbookChange(changed);
    await runPlan({}, ALL, undefined, { now: NOW });
    await fake.settleEvents();
    expect(changed).not.toHaveBeenCalled();
    // Within the two seconds after the run: the progress cell F7 is the user's, not ours.
    await fake.userEdit('Appendix 1', 'F7', 'Recommendation met: completely');
    expect(changed).toHaveBeenCalledTimes(1);
  });
});
