import { HostError } from '../../src/core/errors';
import { runPlan, loadSettings, saveSettings, selectCell } from '../../src/excel';
import { FakeWorkbook, installFakeOffice, PAYLOAD_LIMIT } from '../fakes/excelFake';
import { addUserRule, PROFILES, useFakeExcel } from '../fakes/jestFake';
import { referenceRuleCount, referenceValues } from '../fixtures/reference';
import { syntheticPlan } from '../fixtures/plans';
import type { CellValue } from '../../src/core/types';

type Scalar = string | number | boolean;
const NOW = new Date(2026, 10, 26, 10, 4);
const ALL = { format: true, summary: true };
const scalars = (values: CellValue[][]): Scalar[][] => values.map((r) => r.map((v) => (v === null || typeof v === 'object' ? '' : v)));

describe.each(PROFILES)('$name', (profile) => {
  const current = useFakeExcel(profile);
  let fake: FakeWorkbook;
  beforeEach(() => (fake = current()));

  function withReference(): void {
    fake.addSheet('Appendix 1', scalars(referenceValues()));
  }

  /** The user's cells outside the status column: values and formulas. */
  /** The sheet's cells but for our three columns (status G, days overdue H, data checks I on the reference appendix). */
  function userCells(sheet: string, ours: readonly string[] = ['G', 'H', 'I']): Map<string, unknown> {
    const cells = fake.cellsOf(sheet);
    for (const k of [...cells.keys()]) if (/^[A-Z]+\d+$/.test(k) && ours.includes(k.replace(/\d+/, ''))) cells.delete(k);
    return cells;
  }

  describe('Run all on the reference appendix', () => {
    test('checks, formats, flags and summarises in at most 3 syncs', async () => {
      withReference();
      const result = await runPlan({}, ALL, undefined, { now: NOW });
      expect(result.analysis.stats).toMatchObject({ total: 13, completely: 6 });
      expect(result.analysis.stats.statutory.total).toBe(3);
      expect(fake.stats.syncs).toBeLessThanOrEqual(3);
      const sheet = fake.sheet('Appendix 1');
      expect(sheet.values[4]?.[6]).toBe('Check (auto)');
      // R5 (row 10) is rated completely with no timescale: Complete, and its timescale a data check beside it.
      expect(sheet.values[9]?.[6]).toBe('Complete');
      expect(sheet.values[4]?.[7]).toBe('Days overdue at 31 Mar 2002 (auto)');
      expect(sheet.values[4]?.[8]).toBe('Data check (auto)');
      expect(sheet.values[9]?.[8]).toBe('Check timescale');
      expect(sheet.conditionalFormats.length).toBe(referenceRuleCount()); // status, one per rating word, statutory
      expect(sheet.freezeRows).toBe(5);
      expect(sheet.autoFilter).toBe('A5:I18');
      const summary = fake.sheet('Action plan summary');
      expect(summary.values[0]?.[0]).toBe('Action plan summary');
      expect(summary.charts).toHaveLength(1);
      expect(result.summarySheet).toBe('Action plan summary');
      expect(fake.names.map((n) => n.name)).toEqual(['ActionPlanChecker.Summary', 'ActionPlanChecker.ChaseList']);
      // The chase sheet: the full chase list and the preparer's checks, printed one lead per page.
      expect(fake.sheet('Action plan chase and checks').values[0]?.[0]).toBe('Chase list and checks');
    });

    test('[idempotent] a second run leaves the same result: same status column, same rules, one summary sheet', async () => {
      withReference();
      await runPlan({}, ALL, undefined, { now: NOW });
      const first = {
        values: JSON.stringify(fake.sheet('Appendix 1').values),
        rules: fake.sheet('Appendix 1').conditionalFormats.map((c) => c.formula),
        summary: JSON.stringify(fake.sheet('Action plan summary').values),
      };
      fake.stats.syncs = 0;
      await runPlan({}, ALL, undefined, { now: NOW });
      expect(fake.stats.syncs).toBeLessThanOrEqual(3);
      expect(JSON.stringify(fake.sheet('Appendix 1').values)).toBe(first.values);
      expect(fake.sheet('Appendix 1').conditionalFormats.map((c) => c.formula)).toEqual(first.rules);
      expect(fake.sheets.map((s) => s.name)).toEqual(['Appendix 1', 'Action plan summary', 'Action plan chase and checks']);
      expect(JSON.stringify(fake.sheet('Action plan summary').values)).toBe(first.summary);
      expect(fake.names).toHaveLength(2);
    });

    test('[data safety] every original value and formula is identical after Run all, twice', async () => {
      withReference();
      const sheet = fake.sheet('Appendix 1');
      sheet.formulas.set('20,0', '=COUNTA(A6:A18)');
      sheet.values[19] = [13];
      const before = userCells('Appendix 1');
      await runPlan({}, ALL, undefined, { now: NOW });
      await runPlan({}, ALL, undefined, { now: NOW });
      expect(userCells('Appendix 1')).toEqual(before);
    });

    test('user rules on the sheet survive; only ours are replaced', async () => {
      withReference();
      addUserRule(fake.sheet('Appendix 1'), 18);
      await runPlan({}, ALL, undefined, { now: NOW });
      await runPlan({}, ALL, undefined, { now: NOW });
      const formulas = fake.sheet('Appendix 1').conditionalFormats.map((c) => c.formula);
      expect(formulas).toContain('=$A6="R1"');
      expect(formulas).toHaveLength(referenceRuleCount() + 1);
    });

    test('Check only writes nothing and takes one sync', async () => {
      withReference();
      const result = await runPlan({}, { format: false, summary: false }, undefined, { now: NOW });
      expect(result.applied).toEqual([]);
      expect(fake.stats.syncs).toBe(1);
      expect(fake.sheet('Appendix 1').formatLog).toHaveLength(0);
      expect(fake.sheets).toHaveLength(1);
    });

    test('uses mergeUndoGroup only where ExcelApi 1.20 is supported, and always waits for cell edit', async () => {
      withReference();
      fake.apiMinor = 20;
      await runPlan({}, ALL, undefined, { now: NOW });
      expect(fake.lastRunOptions).toEqual({ delayForCellEdit: true, mergeUndoGroup: true });
      fake.apiMinor = 19;
      await runPlan({}, ALL, undefined, { now: NOW });
      expect(fake.lastRunOptions).toEqual({ delayForCellEdit: true });
    });
  });

  describe('never damages the user\u2019s workbook', () => {
    test('a user sheet named "Action plan summary" is never touched: ours becomes "(2)"', async () => {
      withReference();
      fake.addSheet('Action plan summary', [['my own notes']]);
      await runPlan({}, ALL, undefined, { now: NOW });
      await runPlan({}, ALL, undefined, { now: NOW });
      expect(fake.sheet('Action plan summary').values).toEqual([['my own notes']]);
      expect(fake.sheets.map((s) => s.name)).toEqual([
        'Appendix 1',
        'Action plan summary',
        'Action plan summary (2)',
        'Action plan chase and checks',
      ]);
    });

    test("[M1] a summary sheet the user renamed to keep it (last quarter's) is kept as it is; a new one is written", async () => {
      withReference();
      await runPlan({}, ALL, undefined, { now: NOW });
      fake.sheet('Action plan summary').name = 'Q2 summary';
      const kept = JSON.stringify(fake.sheet('Q2 summary').values);
      await runPlan({}, ALL, undefined, { now: NOW });
      // The chase sheet is still ours (rewritten in place); the summary renamed is not, so a new one is added.
      expect(fake.sheets.map((s) => s.name)).toEqual(['Appendix 1', 'Q2 summary', 'Action plan chase and checks', 'Action plan summary']);
      expect(JSON.stringify(fake.sheet('Q2 summary').values)).toBe(kept);
    });

    test('echoed text that looks like a formula stays text in the status column and the summary', async () => {
      const values = scalars(referenceValues());
      values[5] = [
        '=1+1',
        '+Subject\nSTATUTORY',
        '-Head of things',
        '@Sept 2002',
        '=HYPERLINK("x")',
        'Progress\nRecommendation met: partially',
      ];
      fake.addSheet('Appendix 1', values);
      await runPlan({}, ALL, undefined, { now: NOW });
      const summary = fake.cellsOf('Action plan summary');
      const chase = fake.cellsOf('Action plan chase and checks');
      expect([...summary.values(), ...chase.values()].filter((c) => c.formula !== null)).toEqual([]);
      // R1's reference and subject echo on the chase sheet (its findings), as text.
      expect([...chase.values()].map((c) => c.value)).toEqual(expect.arrayContaining(['=1+1']));
      const sheet = fake.cellsOf('Appendix 1');
      expect([...sheet.entries()].filter(([k, c]) => k.startsWith('G') && c.formula !== null)).toEqual([]);
    });

    test('a column right of the table holding notes is left alone; the status column moves and says so', async () => {
      const values = scalars(referenceValues());
      values[8] = [...(values[8] ?? []), 'my note'];
      fake.addSheet('Appendix 1', values);
      const result = await runPlan({}, ALL, undefined, { now: NOW });
      expect(fake.sheet('Appendix 1').values[8]?.[6]).toBe('my note');
      expect(fake.sheet('Appendix 1').values[4]?.[7]).toBe('Check (auto)');
      expect(result.notes.map((n) => n.rule)).toEqual(['STATUS_COLUMN_MOVED']);
    });
  });

  describe('failures say what was and was not changed', () => {
    test('[protected sheet] nothing is written and the message says so', async () => {
      withReference();
      fake.sheet('Appendix 1').protected = true;
      const error = await runPlan({}, ALL, undefined, { now: NOW }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HostError);
      expect(error).toMatchObject({ code: 'SheetProtected', changed: 'nothing', message: expect.stringContaining('nothing was changed') });
      expect(fake.sheet('Appendix 1').formatLog).toHaveLength(0);
      expect(fake.sheets).toHaveLength(1);
    });

    test('[protected sheet] Check only still works', async () => {
      withReference();
      fake.sheet('Appendix 1').protected = true;
      await expect(runPlan({}, { format: false, summary: false })).resolves.toMatchObject({ analysis: { stats: { total: 13 } } });
    });

    test('[cell edit] Excel refusing a batch in cell-edit mode becomes a plain message', async () => {
      withReference();
      // Twice: a grouped run (ExcelApi 1.20) failing before its first write is retried once without the group.
      fake.inject({ code: 'InvalidOperationInCellEditMode' });
      fake.inject({ code: 'InvalidOperationInCellEditMode' });
      await expect(runPlan({}, ALL)).rejects.toMatchObject({
        code: 'CellEditMode',
        message: expect.stringContaining('Press Enter or Esc'),
      });
    });

    test('[cell edit] with delayForCellEdit the run waits and completes', async () => {
      withReference();
      fake.cellEditMode = true;
      await expect(runPlan({}, ALL)).resolves.toBeTruthy();
    });

    test('[unsupported host] an Excel without ExcelApi 1.9 is refused before anything is read', async () => {
      withReference();
      fake.apiMinor = 8;
      await expect(runPlan({}, ALL)).rejects.toMatchObject({
        code: 'UnsupportedHost',
        changed: 'nothing',
        message: expect.stringContaining('ExcelApi 1.9'),
      });
      expect(fake.stats.syncs).toBe(0);
    });

    test('[missing sheet] a chosen sheet that does not exist', async () => {
      withReference();
      await expect(runPlan({}, ALL, 'Gone')).rejects.toMatchObject({
        code: 'SheetMissing',
        changed: 'nothing',
        message: expect.stringContaining('"Gone"'),
      });
    });

    test('[chart sheet] a chart sheet active is a clear refusal', async () => {
      withReference();
      fake.chartSheetActive = true;
      await expect(runPlan({}, ALL)).rejects.toMatchObject({ code: 'SheetMissing', message: expect.stringContaining('chart sheet') });
    });

    test('[mid-batch failure] the message says what may be applied; a re-run completes without duplicates', async () => {
      withReference();
      fake.inject({ code: 'GeneralException', atSync: 2, afterOps: 30 });
      const error = await runPlan({}, ALL, undefined, { now: NOW }).catch((e: unknown) => e);
      expect(error).toMatchObject({ changed: 'partial', message: expect.stringContaining('Run it again') });
      await runPlan({}, ALL, undefined, { now: NOW });
      expect(fake.sheet('Appendix 1').conditionalFormats).toHaveLength(referenceRuleCount());
      expect(fake.sheets.map((s) => s.name)).toEqual(['Appendix 1', 'Action plan summary', 'Action plan chase and checks']);
    });

    test('[payload limit] a sheet over the limit is read in blocks near the limit with a margin, sized from its first rows, never hitting it', async () => {
      fake.addSheet('Big', scalars(syntheticPlan(8000, { progressChars: [600, 900] })));
      const result = await runPlan({}, { format: false, summary: false });
      expect(result.analysis.stats.total).toBe(8000);
      expect(fake.stats.payloadFailures).toBe(0);
      expect(fake.stats.maxResponseBytes).toBeLessThanOrEqual(0.9 * PAYLOAD_LIMIT);
      expect(fake.stats.maxResponseBytes).toBeGreaterThan(0.5 * PAYLOAD_LIMIT);
      expect(fake.stats.syncs).toBe(3);
    });

    test('[payload limit] when the first rows understate the size, the limit error halves the block and the read recovers', async () => {
      const light = syntheticPlan(6000, { progressChars: [10, 20] });
      const heavy = syntheticPlan(6000, { progressChars: [900, 1000] });
      fake.addSheet('Mixed', scalars([...light.slice(0, 205), ...heavy.slice(205)]));
      withReference();
      fake.activate('Mixed');
      addUserRule(fake.sheet('Mixed'), 10);
      const result = await runPlan({}, ALL, undefined, { now: NOW });
      expect(result.analysis.stats.total).toBe(6000);
      expect(fake.stats.payloadFailures).toBeGreaterThanOrEqual(1);
      expect(fake.sheet('Mixed').conditionalFormats.map((c) => c.formula)).toContain('=$A6="R1"');
    });
  });

  describe('settings and navigation', () => {
    test('settings round-trip through the workbook; bad stored settings are ignored', async () => {
      withReference();
      await saveSettings({ asAt: '2003-01-31', statusColumn: false, columns: { lead: 'c' } });
      expect(await loadSettings()).toEqual({ asAt: '2003-01-31', statusColumn: false, columns: { lead: 'C' } });
      fake.settings.set('ActionPlanChecker.settings', '{not json');
      expect(await loadSettings()).toEqual({});
    });

    test('the as-at setting drives the analysis; status column off writes none', async () => {
      withReference();
      const result = await runPlan({ asAt: '2003-01-31', statusColumn: false }, ALL, undefined, { now: NOW });
      expect(result.analysis.stats.overdue).toBe(3);
      expect(fake.sheet('Appendix 1').values[4]?.[6]).toBeUndefined();
    });

    test('selecting a finding activates its sheet and selects the cell', async () => {
      withReference();
      fake.addSheet('Other');
      fake.activate('Other');
      await selectCell('Appendix 1', 'D10');
      expect(fake.selection).toEqual({ sheet: 'Appendix 1', address: 'D10' });
      expect(fake.activeSheetId).toBe(fake.sheet('Appendix 1').id);
    });
  });

  describe('sync and operation budget', () => {
    test('operations do not grow with rows, only with the chase sheet\u2019s printed pages (13, 1000 and 1500 rows)', async () => {
      const count = async (rows: number) => {
        const f = new FakeWorkbook();
        const off = installFakeOffice(f);
        f.apiMinor = profile.apiMinor;
        f.platform = profile.platform;
        f.addSheet('Plan', scalars(syntheticPlan(rows, { progressChars: [80, 120] })));
        await runPlan({}, ALL, undefined, { now: NOW });
        off();
        // The chase sheet prints one lead per page, each page opened by its heading and header: a page break and a
        // few style calls per printed page (findings capped, so pages are bounded by the leads), never per row.
        return { syncs: f.stats.syncs, ops: f.stats.ops, pages: f.sheet('Action plan chase and checks').pageLayout.rowBreaks.length + 1 };
      };
      const small = await count(13);
      const large = await count(1000);
      const larger = await count(1500);
      expect(large.syncs).toBeLessThanOrEqual(3);
      expect(larger.syncs).toBeLessThanOrEqual(3);
      expect(larger.pages).toBeGreaterThan(large.pages);
      expect(larger.ops - large.ops).toBeLessThanOrEqual(16 * (larger.pages - large.pages));
      // A sheet inside the first 200 rows is read with the metadata: a few read operations fewer, never more.
      expect(small.ops).toBeLessThan(large.ops);
      expect(large.ops - small.ops).toBeLessThanOrEqual(4 + 16 * (large.pages - small.pages));
    });
  });
});
