import { runPlan } from '../../src/excel';
import type { FakeWorkbook } from '../fakes/excelFake';
import { UNDO_GROUP_PROFILES, useFakeExcel } from '../fakes/jestFake';
import { referenceValues } from '../fixtures/reference';
import { scalarGrid } from '../corpus/workbooks';
import { syntheticPlan } from '../fixtures/plans';

const NOW = new Date(2026, 10, 26, 10, 4);
const ALL = { format: true, summary: true };

describe.each(UNDO_GROUP_PROFILES)('$name', (profile) => {
  const current = useFakeExcel(profile);
  let fake: FakeWorkbook;
  beforeEach(() => (fake = current()));

  /** The reference appendix (header row 5, rows 6-18, columns A-F) formatted as an Excel table. */
  function tablePlan(options: { totals?: boolean } = {}): void {
    const values = scalarGrid(referenceValues());
    // A totals row whose first column shows a count (the user chose Count there instead of the "Total" label).
    if (options.totals) values[18] = [13, '', '', '', '', ''];
    fake.addSheet('Appendix 1', values);
    fake.addTable('Appendix 1', options.totals ? 'A5:F19' : 'A5:F18', { name: 'Plan', totals: options.totals ?? false });
  }

  describe('the fake plays Excel\u2019s table rules', () => {
    test('a sheet AutoFilter over a table is refused with InvalidOperation', async () => {
      tablePlan();
      const error = await Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Appendix 1').autoFilter.apply('A5:F18');
        await context.sync();
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'InvalidOperation' });
    });

    test('data written in the column right of a table extends the table; one column further does not', async () => {
      tablePlan();
      await Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Appendix 1').getRange('H6').values = [['apart']];
        await context.sync();
      });
      expect(fake.sheet('Appendix 1').tables[0]?.box).toEqual({ r0: 4, c0: 0, r1: 17, c1: 5 });
      await Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Appendix 1').getRange('G6').values = [['beside']];
        await context.sync();
      });
      expect(fake.sheet('Appendix 1').tables[0]?.box).toEqual({ r0: 4, c0: 0, r1: 17, c1: 6 });
      expect(fake.sheet('Appendix 1').values[4]?.[6]).toBe('Column7');
    });

    test('range.getTables finds the table under a range; its totals row range is its last row', async () => {
      tablePlan({ totals: true });
      const found = await Excel.run(async (context) => {
        const tables = context.workbook.worksheets.getItem('Appendix 1').getRange('C10').getTables();
        tables.load('items/name,items/showTotals');
        await context.sync();
        const total = tables.items[0]?.getTotalRowRange();
        total?.load('address');
        await context.sync();
        return { names: tables.items.map((t) => t.name), totals: tables.items[0]?.showTotals, address: total?.address };
      });
      expect(found).toEqual({ names: ['Plan'], totals: true, address: "'Appendix 1'!A19:F19" });
    });
    test('table.columns.add appends a column to the table under its name, the table growing by it', async () => {
      tablePlan();
      await Excel.run(async (context) => {
        const tables = context.workbook.worksheets.getItem('Appendix 1').tables;
        tables.load('items/name');
        await context.sync();
        const values = Array.from({ length: 14 }, (_, i) => [i === 0 ? 'ignored' : `row ${i}`]);
        tables.items[0]?.columns.add(-1, values, 'Mine');
        await context.sync();
      });
      const sheet = fake.sheet('Appendix 1');
      expect(sheet.tables[0]?.box).toEqual({ r0: 4, c0: 0, r1: 17, c1: 6 });
      expect(sheet.values[4]?.[6]).toBe('Mine');
      expect(sheet.values[5]?.[6]).toBe('row 1');
      expect(sheet.values[17]?.[6]).toBe('row 13');
    });

    test('a sort of the table moves every column of the table with its row, and nothing outside it', async () => {
      tablePlan();
      fake.sheet('Appendix 1').values[5]![7] = 'outside';
      fake.sortTable('Appendix 1', 'Plan', 0, { descending: true });
      const sheet = fake.sheet('Appendix 1');
      // References R1..R13 descending, by number: R13 first, R1 last; each row's subject travels with it.
      expect(sheet.values.slice(5, 18).map((r) => r[0])).toEqual(Array.from({ length: 13 }, (_, i) => `R${13 - i}`));
      const before = scalarGrid(referenceValues());
      expect(sheet.values[5]?.[1]).toBe(before[17]?.[1]);
      expect(sheet.values[17]?.[1]).toBe(before[5]?.[1]);
      expect(sheet.values[5]?.[7]).toBe('outside');
    });
  });

  /** Each row's own state, days overdue and data check, from a fresh check of the sheet as it stands. */
  async function ownColumnsMatch(): Promise<number> {
    const check = await runPlan({}, { format: false, summary: false }, undefined, { now: NOW });
    const sheet = fake.sheet('Appendix 1');
    // Our columns found by their headers, wherever they are.
    const header = sheet.values[4] ?? [];
    const status = header.indexOf('Check (auto)');
    const days = header.findIndex((v) => typeof v === 'string' && v.startsWith('Days overdue at'));
    const checks = header.indexOf('Data check (auto)');
    expect(Math.min(status, days, checks)).toBeGreaterThan(5);
    for (const rec of check.analysis.recommendations) {
      const row = sheet.values[rec.row - 1] ?? [];
      expect([rec.id, row[status]]).toEqual([rec.id, rec.state]);
      expect([rec.id, row[days] ?? '']).toEqual([rec.id, rec.state === 'Overdue' ? rec.daysOverdue : '']);
      expect([rec.id, row[checks] ?? '']).toEqual([rec.id, rec.checks.join('; ')]);
    }
    return check.analysis.recommendations.length;
  }

  /** What the run set on the plan sheet's cells by hand: header fills, fonts, borders (not widths, wrapping or rules). */
  function styled(): string[] {
    return fake
      .sheet('Appendix 1')
      .formatLog.map((f) => f.path)
      .filter((p) => /fill|font|border/i.test(p));
  }

  describe('the adapter respects tables', () => {
    test('[tables] Run all on a table: our three columns become columns of the table, with no sheet filter over it', async () => {
      tablePlan();
      const result = await runPlan({}, ALL, undefined, { now: NOW });
      expect(result.analysis.stats.total).toBe(13);
      const sheet = fake.sheet('Appendix 1');
      expect(sheet.autoFilter).toBeNull();
      expect(sheet.tables).toHaveLength(1);
      expect(sheet.tables[0]?.box).toEqual({ r0: 4, c0: 0, r1: 17, c1: 8 });
      expect(sheet.tables[0]?.filterEnabled).toBe(true);
      expect(sheet.values[4]?.slice(6, 9)).toEqual(['Check (auto)', 'Days overdue at 31 Mar 2002 (auto)', 'Data check (auto)']);
      expect(result.notes.map((n) => n.rule)).not.toContain('STATUS_COLUMN_MOVED');
      expect(result.applied).toContain('Added the status column G ("Check (auto)"), days overdue in H, data checks in I');
      expect(result.applied).toContain('Made our 3 columns part of the table "Plan", so they sort and filter with its rows');
      expect(await ownColumnsMatch()).toBe(13);
    });

    test('[tables] after the user sorts the table, each row keeps its own state, days overdue and data check', async () => {
      tablePlan();
      await runPlan({}, ALL, undefined, { now: NOW });
      const sheet = fake.sheet('Appendix 1');
      const states = new Set(sheet.values.slice(5, 18).map((r) => r[sheet.values[4]?.indexOf('Check (auto)') ?? -1]));
      // More than one state, or a sort could not show a row carrying another's.
      expect(states.size).toBeGreaterThan(1);
      fake.sortTable('Appendix 1', 'Plan', 0, { descending: true });
      expect(sheet.values[5]?.[0]).toBe('R13');
      expect(await ownColumnsMatch()).toBe(13);
      // The rules colour each status cell by its own text (relative references), so colours follow too.
      expect(sheet.conditionalFormats.filter((cf) => cf.box.c0 === 6 && cf.box.r0 === 5 && cf.box.r1 === 17).length).toBeGreaterThan(0);
    });

    test('[tables] a second run adds no column and rewrites ours in place', async () => {
      tablePlan();
      await runPlan({}, ALL, undefined, { now: NOW });
      const rules = fake.sheet('Appendix 1').conditionalFormats.length;
      fake.sortTable('Appendix 1', 'Plan', 1);
      // A user's stray edit in our column is ours to rewrite.
      fake.sheet('Appendix 1').values[5]![6] = 'edited';
      const result = await runPlan({}, ALL, undefined, { now: NOW });
      const sheet = fake.sheet('Appendix 1');
      expect(sheet.tables[0]?.box).toEqual({ r0: 4, c0: 0, r1: 17, c1: 8 });
      expect(sheet.values[4]?.slice(6, 10)).toEqual(['Check (auto)', 'Days overdue at 31 Mar 2002 (auto)', 'Data check (auto)', undefined]);
      expect(sheet.conditionalFormats).toHaveLength(rules);
      expect(result.applied.some((a) => a.includes('part of the table'))).toBe(false);
      expect(await ownColumnsMatch()).toBe(13);
    });

    test('[tables] formatting a table keeps its style: no header fill, font or borders of ours; widths and wrapping only', async () => {
      tablePlan();
      await runPlan({}, ALL, undefined, { now: NOW });
      expect(styled()).toEqual([]);
      const paths = fake.sheet('Appendix 1').formatLog.map((f) => f.path);
      expect(paths).toContain('format.columnWidth');
      expect(paths).toContain('format.wrapText');
    });

    test('[tables] a plan that is not a table is formatted as before: our header style, borders, a sheet filter, columns G-I', async () => {
      fake.addSheet('Appendix 1', scalarGrid(referenceValues()));
      await runPlan({}, ALL, undefined, { now: NOW });
      const sheet = fake.sheet('Appendix 1');
      expect(styled().length).toBeGreaterThan(0);
      expect(styled().some((p) => /border/i.test(p))).toBe(true);
      expect(sheet.autoFilter).toBe('A5:I18');
      expect(sheet.values[4]?.slice(6, 9)).toEqual(['Check (auto)', 'Days overdue at 31 Mar 2002 (auto)', 'Data check (auto)']);
      expect(sheet.tables).toHaveLength(0);
    });

    test('[tables] a run on a table takes no more syncs than on a range (3 at most), first run and re-run', async () => {
      tablePlan();
      const before = fake.stats.syncs;
      await runPlan({}, ALL, undefined, { now: NOW });
      const first = fake.stats.syncs - before;
      await runPlan({}, ALL, undefined, { now: NOW });
      expect(first).toBeLessThanOrEqual(3);
      expect(fake.stats.syncs - before - first).toBeLessThanOrEqual(3);
    });

    test('[tables] a 1,500-row table plan: our columns join it within the same 3 syncs', async () => {
      const rows = syntheticPlan(1500, { progressChars: [40, 80] }).map((r) =>
        r.map((v) => (v === null || typeof v === 'object' ? '' : v)),
      );
      fake.addSheet('Appendix 1', rows);
      fake.addTable('Appendix 1', 'A5:F1505', { name: 'Big' });
      const before = fake.stats.syncs;
      const result = await runPlan({}, ALL, undefined, { now: NOW });
      expect(result.analysis.stats.total).toBe(1500);
      expect(fake.stats.syncs - before).toBeLessThanOrEqual(3);
      expect(fake.sheet('Appendix 1').tables[0]?.box).toEqual({ r0: 4, c0: 0, r1: 1504, c1: 8 });
    });

    test('[tables] our columns left one column clear by an earlier version stay where they are and are rewritten there', async () => {
      tablePlan();
      const sheet = fake.sheet('Appendix 1');
      sheet.values[4]!.push('', 'Check (auto)', 'Days overdue at 31 Mar 2002 (auto)', 'Data check (auto)');
      await runPlan({}, ALL, undefined, { now: NOW });
      expect(sheet.tables[0]?.box).toEqual({ r0: 4, c0: 0, r1: 17, c1: 5 });
      expect(sheet.values[4]?.[6] ?? '').toBe('');
      expect(sheet.values.slice(5, 18).every((r) => typeof r[7] === 'string' && r[7] !== '')).toBe(true);
    });

    test('[tables] the totals row is not counted as a recommendation, and our cells on it stay blank', async () => {
      tablePlan({ totals: true });
      const result = await runPlan({}, ALL, undefined, { now: NOW });
      expect(result.analysis.stats.total).toBe(13);
      expect(result.analysis.recommendations.map((r) => r.row)).not.toContain(19);
      const sheet = fake.sheet('Appendix 1');
      expect(sheet.tables[0]?.box).toEqual({ r0: 4, c0: 0, r1: 18, c1: 8 });
      expect(sheet.values[18]?.slice(6, 9).map((v) => v ?? '')).toEqual(['', '', '']);
    });

    test('[tables] a plan beside (not inside) a table still gets its sheet filter', async () => {
      const values = scalarGrid(referenceValues());
      fake.addSheet('Appendix 1', values);
      fake.addTable('Appendix 1', 'K1:L3', { name: 'Lookup' });
      await runPlan({}, ALL, undefined, { now: NOW });
      expect(fake.sheet('Appendix 1').autoFilter).toBe('A5:I18');
    });
  });
});
