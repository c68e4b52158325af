import { runPlan } from '../../src/excel';
import type { FakeWorkbook } from '../fakes/excelFake';
import { PLATFORM_PROFILES, useFakeExcel } from '../fakes/jestFake';
import { referenceValues } from '../fixtures/reference';
import { scalarGrid } from '../corpus/workbooks';

const NOW = new Date(2026, 10, 26, 10, 4);
const ALL = { format: true, summary: true };

describe.each(PLATFORM_PROFILES)('$name', (profile) => {
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
  });

  describe('the adapter respects tables', () => {
    test('[tables] Run all on a table: no sheet filter over it, the table keeps its shape, the status column sits one column clear', async () => {
      tablePlan();
      const result = await runPlan({}, ALL, undefined, { now: NOW });
      expect(result.analysis.stats.total).toBe(13);
      const sheet = fake.sheet('Appendix 1');
      expect(sheet.autoFilter).toBeNull();
      expect(sheet.tables[0]?.box).toEqual({ r0: 4, c0: 0, r1: 17, c1: 5 });
      expect(sheet.tables[0]?.filterEnabled).toBe(true);
      expect(sheet.values[4]?.[6] ?? '').toBe('');
      expect(sheet.values[4]?.[7]).toBe('Check (auto)');
      expect(result.notes.map((n) => n.rule)).not.toContain('STATUS_COLUMN_MOVED');
      expect(result.applied).toContain('Added the status column H ("Check (auto)"), days overdue in I, data checks in J');
    });

    test('[tables] a second run keeps the status column where it is and adds nothing', async () => {
      tablePlan();
      await runPlan({}, ALL, undefined, { now: NOW });
      const rules = fake.sheet('Appendix 1').conditionalFormats.length;
      await runPlan({}, ALL, undefined, { now: NOW });
      const sheet = fake.sheet('Appendix 1');
      expect(sheet.values[4]?.slice(7, 10)).toEqual(['Check (auto)', 'Days overdue at 31 Mar 2002 (auto)', 'Data check (auto)']);
      expect(sheet.values[4]?.[10] ?? '').toBe('');
      expect(sheet.conditionalFormats).toHaveLength(rules);
      expect(sheet.tables[0]?.box).toEqual({ r0: 4, c0: 0, r1: 17, c1: 5 });
    });

    test('[tables] the totals row is not counted as a recommendation', async () => {
      tablePlan({ totals: true });
      const result = await runPlan({}, ALL, undefined, { now: NOW });
      expect(result.analysis.stats.total).toBe(13);
      expect(result.analysis.recommendations.map((r) => r.row)).not.toContain(19);
      expect(fake.sheet('Appendix 1').values[18]?.[7] ?? '').toBe('');
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
