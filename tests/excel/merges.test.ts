import { runPlan } from '../../src/excel';
import type { FakeWorkbook } from '../fakes/excelFake';
import { UNDO_GROUP_PROFILES, useFakeExcel } from '../fakes/jestFake';
import { referenceValues } from '../fixtures/reference';
import { scalarGrid } from '../corpus/workbooks';

const NOW = new Date(2026, 10, 26, 10, 4);
const ALL = { format: true, summary: true };

describe.each(UNDO_GROUP_PROFILES)('$name: merged and hidden cells', (profile) => {
  const current = useFakeExcel(profile);
  let fake: FakeWorkbook;
  beforeEach(() => {
    fake = current();
    fake.addSheet('Appendix 1', scalarGrid(referenceValues()));
  });

  test('the fake keeps a merge\u2019s value in its top-left cell and refuses a value for its other cells', async () => {
    fake.merge('Appendix 1', 'F8:G8');
    expect(fake.sheet('Appendix 1').values[7]?.[6] ?? '').toBe('');
    const error = await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Appendix 1').getRange('G8').values = [['x']];
      await context.sync();
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'MergedRangeConflict' });
  });

  test('[merged] progress merged into the next column: the status column goes past it where Excel can say; else a plain refusal', async () => {
    fake.merge('Appendix 1', 'F8:G8');
    const before = fake.cellsOf('Appendix 1');
    const result = await runPlan({}, ALL, undefined, { now: NOW }).catch((e: unknown) => e);
    if (profile.apiMinor >= 13) {
      expect(result).not.toBeInstanceOf(Error);
      const sheet = fake.sheet('Appendix 1');
      expect(sheet.values[4]?.[7]).toBe('Check (auto)');
      expect(sheet.values[4]?.[6] ?? '').toBe('');
      expect((result as Awaited<ReturnType<typeof runPlan>>).notes.map((n) => n.rule)).toEqual(['STATUS_COLUMN_MOVED']);
    } else {
      // ExcelApi 1.9 cannot list merged areas: Excel refuses the status column's write, and the message says so.
      expect(result).toMatchObject({ hostCode: 'MergedRangeConflict', message: expect.stringMatching(/merged/i) });
      for (const [address, cell] of before) expect(fake.cellsOf('Appendix 1').get(address)).toEqual(cell);
    }
  });

  test('[hidden] hidden rows and columns are still read and counted (Range.values includes hidden cells)', async () => {
    const sheet = fake.sheet('Appendix 1');
    sheet.hiddenRows.add(7);
    sheet.hiddenRows.add(8);
    sheet.hiddenColumns.add(4);
    const result = await runPlan({}, { format: false, summary: false }, undefined, { now: NOW });
    expect(result.analysis.stats.total).toBe(13);
    expect(result.analysis.table?.columns.recommendation).toBe('E');
  });

  test('the fake answers rowHidden / columnHidden as Excel does: true, false or null when mixed', async () => {
    fake.sheet('Appendix 1').hiddenRows.add(7);
    const hidden = await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Appendix 1');
      const one = ws.getRange('A8');
      const mixed = ws.getRange('A7:A8');
      const none = ws.getRange('A1');
      one.load('rowHidden');
      mixed.load('rowHidden');
      none.load('rowHidden');
      await context.sync();
      return [one.rowHidden, mixed.rowHidden, none.rowHidden];
    });
    expect(hidden).toEqual([true, null, false]);
  });
});
