/**
 * The self-test's checks of what the fake cannot prove, run on the fake: what can be proved here is how each check
 * reads Excel's answer and tells "as assumed" from "differs", and that it leaves the workbook as it found it.
 */
import { parseBox } from '../fakes/addresses';
import type { FakeWorkbook } from '../fakes/excelFake';
import { useFakeExcel } from '../fakes/jestFake';
import {
  cspReport,
  dateFormats,
  dateSystem,
  PLAN_SAMPLE,
  ribbonWaits,
  rowsNotFollowing,
  runLockApi,
  sampleStatus,
  undoAfterSummary,
  type Tester,
} from '../../src/excel/selfTestRuns';

const TODAY = '2026-11-27';
const current = useFakeExcel();
let fake: FakeWorkbook;
beforeEach(() => {
  fake = current();
  fake.addSheet('Plan', [['my data']]);
});

/** A tester who does in the fake what a person's Ctrl+Z would do to the status cells (or nothing), then presses Done. */
function tester(ctrlZ: 'reverts the status' | 'does nothing' | 'skips'): Tester & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    ask: async (words) => {
      asked.push(words);
      if (ctrlZ === 'skips') return false;
      if (ctrlZ === 'reverts the status') {
        // The first run's statuses are the core's for the sample as written (the edit came after it).
        const status = sampleStatus(TODAY);
        const box = parseBox(status?.range ?? '');
        const sheet = fake.sheets.find((s) => s.name.startsWith('APC self-test plan'));
        if (!status || !box || !sheet) throw new Error('no plan sheet or status column');
        for (let r = box.r0; r <= box.r1; r++) {
          const row = sheet.values[r];
          const value = status.values[r - box.r0]?.[0];
          if (row && typeof value === 'string') row[box.c0] = value;
        }
      }
      return true;
    },
  };
}

/** What a run may add and the self-test must remove: sheets, custom XML parts, names. */
const workbook = () => ({ sheets: fake.sheets.map((s) => s.name), parts: fake.xmlParts.length, names: fake.names.length });

describe('Ctrl+Z after a Summary re-run (office-js #6415: the kept return stays)', () => {
  test.each(['windows', 'mac'] as const)(
    '[%s, ExcelApi 1.20] the re-run is one undo step: its statuses reverted and the kept return still there is as assumed',
    async (platform) => {
      fake.platform = platform;
      const person = tester('reverts the status');
      const result = await undoAfterSummary(person, TODAY);
      expect(person.asked).toEqual([expect.stringMatching(/press (Ctrl\+Z|⌘Z) once/)]);
      expect(result.outcome).toBe('as assumed');
      expect(result.detail).toMatch(/^re-run's status cells reverted .*kept return still there/);
      expect(workbook()).toEqual({ sheets: ['Plan'], parts: 0, names: 0 });
    },
  );

  test('a Ctrl+Z that left a one-step re-run written differs', async () => {
    fake.platform = 'windows';
    const result = await undoAfterSummary(tester('does nothing'), TODAY);
    expect(result).toMatchObject({
      outcome: 'differs',
      detail: expect.stringMatching(/^re-run's status cells still written \(assumed reverted/),
    });
  });

  test('[web] a re-run whose headline changed sets the marker comment, which the web cannot undo: several steps, as the pane says', async () => {
    fake.platform = 'web';
    const result = await undoAfterSummary(tester('does nothing'), TODAY);
    expect(result).toMatchObject({ outcome: 'as assumed', detail: expect.stringMatching(/assumed still written: several undo steps/) });
    expect(result.detail).toContain("the re-run set the marker's comment");
  });

  test('before ExcelApi 1.20 (no merged undo group), the re-run staying written is as assumed', async () => {
    fake.apiMinor = 19;
    const result = await undoAfterSummary(tester('does nothing'), TODAY);
    expect(result).toMatchObject({ outcome: 'as assumed', detail: expect.stringMatching(/assumed still written: several undo steps/) });
    expect(workbook()).toEqual({ sheets: ['Plan'], parts: 0, names: 0 });
  });

  test('without a person, or skipped, it says so and leaves the workbook as it was', async () => {
    await expect(undoAfterSummary(undefined, TODAY)).resolves.toMatchObject({
      outcome: 'skipped',
      detail: expect.stringContaining('needs you'),
    });
    await expect(undoAfterSummary(tester('skips'), TODAY)).resolves.toMatchObject({ outcome: 'skipped' });
    expect(workbook()).toEqual({ sheets: ['Plan'], parts: 0, names: 0 });
  });
});

describe('sorting a table with our status column', () => {
  const before = [
    ['No', 'Status'],
    ['R1', 'Complete'],
    ['R2', 'Not rated'],
    ['R3', 'Complete'],
  ];
  test('rows that kept their status, in any order, are fine', () => {
    expect(rowsNotFollowing(before, [before[0] ?? [], ['R3', 'Complete'], ['R2', 'Not rated'], ['R1', 'Complete']])).toEqual([]);
  });
  test('a status left behind by the sort names the rows it now sits beside', () => {
    expect(rowsNotFollowing(before, [before[0] ?? [], ['R3', 'Complete'], ['R2', 'Not rated'], ['R1', 'Not rated']])).toEqual(['R1']);
    expect(rowsNotFollowing(before, [before[0] ?? [], ['R2', 'Complete'], ['R1', 'Not rated'], ['R3', 'Complete']])).toEqual(['R2', 'R1']);
  });
  test('every row of the sample has a status of its own, so a status left behind by a sort would show', () => {
    // One status per item, all different: R1 met, R2 past its date and not met, R3 with no date, R4 unrated.
    const values = (sampleStatus(TODAY)?.values ?? []).map(([v]) => v);
    expect(values).toHaveLength(PLAN_SAMPLE.length - 1);
    expect(new Set(values).size).toBe(values.length);
  });
});

describe('dates', () => {
  test.each(['en-US', 'de-DE', 'fr-FR'] as const)(
    '[%s] the formats Excel returns for a short date are read as dates by the core',
    async (locale) => {
      fake.formatLocale = locale;
      const result = await dateFormats('Plan');
      expect(result.outcome).toBe('as assumed');
      expect(result.detail).toContain('numberFormatLocal');
    },
  );

  test('before ExcelApi 1.7 there is no numberFormatLocal, and the report says so', async () => {
    fake.apiMinor = 6;
    await expect(dateFormats('Plan')).resolves.toMatchObject({
      detail: expect.stringContaining('no numberFormatLocal before ExcelApi 1.7'),
    });
  });

  test('DATE(1904,1,1) is 1462 on the 1900 system and 0 on the 1904 system', async () => {
    await expect(dateSystem()).resolves.toEqual({ outcome: 'as assumed', detail: 'DATE(1904,1,1) = 1462: the 1900 date system' });
    fake.date1904 = true;
    await expect(dateSystem()).resolves.toEqual({ outcome: 'as assumed', detail: 'DATE(1904,1,1) = 0: the 1904 date system' });
  });
});

describe('CSP violations', () => {
  test('none seen is as assumed; each one seen is listed; no listener is skipped', () => {
    expect(cspReport(() => []).outcome).toBe('as assumed');
    expect(cspReport(() => ['script-src blocked https://example.com/x.js'])).toEqual({
      outcome: 'differs',
      detail: '1 violation(s): script-src blocked https://example.com/x.js',
    });
    expect(cspReport(undefined).outcome).toBe('skipped');
  });
});

describe('the run lock', () => {
  const nav = globalThis as { navigator?: unknown };
  const saved = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
  afterEach(() => {
    if (saved) Object.defineProperty(globalThis, 'navigator', saved);
    else delete nav.navigator;
  });
  const withLocks = (held: boolean) =>
    Object.defineProperty(globalThis, 'navigator', {
      configurable: true,
      value: { locks: { request: (_n: string, _o: unknown, fn: (lock: unknown) => Promise<boolean>) => fn(held ? null : { name: _n }) } },
    });

  test('granted where Web Locks exist and nobody holds it; otherwise it differs and says why', async () => {
    withLocks(false);
    await expect(runLockApi()).resolves.toMatchObject({
      outcome: 'as assumed',
      detail: expect.stringContaining('"ActionPlanChecker.run" granted'),
    });
    withLocks(true);
    await expect(runLockApi()).resolves.toMatchObject({ outcome: 'differs', detail: expect.stringContaining('held by another run') });
    Object.defineProperty(globalThis, 'navigator', { configurable: true, value: {} });
    await expect(runLockApi()).resolves.toMatchObject({
      outcome: 'differs',
      detail: expect.stringContaining('navigator.locks is missing'),
    });
  });

  test('the ribbon step needs a person', async () => {
    await expect(ribbonWaits(undefined)).resolves.toMatchObject({ outcome: 'skipped', detail: expect.stringContaining('needs you') });
  });
});
