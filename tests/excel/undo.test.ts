import { runPlan } from '../../src/excel';
import { runExcel } from '../../src/excel/run';
import { FakeWorkbook, installFakeOffice, type FakePlatform } from '../fakes/excelFake';
import { useFakeExcel } from '../fakes/jestFake';
import { referenceValues } from '../fixtures/reference';
import { scalarGrid } from '../corpus/workbooks';

const NOW = new Date(2026, 10, 26, 10, 4);
const ALL = { format: true, summary: true };

const current = useFakeExcel();
let fake: FakeWorkbook;
beforeEach(() => {
  fake = current();
  fake.addSheet('Appendix 1', scalarGrid(referenceValues()));
});

describe.each<FakePlatform>(['windows', 'mac', 'web'])('merged undo groups on ExcelApi 1.20 (%s)', (platform) => {
  beforeEach(() => {
    fake.apiMinor = 20;
    fake.platform = platform;
  });

  test('[undo] a second Summary rewrites our sheet in place inside one merged group: not deleted, not moved', async () => {
    await runPlan({}, ALL, undefined, { now: NOW });
    const ours = fake.sheet('Action plan summary');
    const firstValues = JSON.stringify(ours.values);
    fake.addSheet('Notes');
    fake.sheet('Notes').position = 0;
    fake.sheet('Appendix 1').position = 1;
    ours.position = 2;
    fake.stats.runs = 0;
    const second = await runPlan({}, ALL, undefined, { now: NOW });
    expect(fake.stats.runs).toBe(1);
    expect(fake.lastRunOptions).toEqual({ delayForCellEdit: true, mergeUndoGroup: true });
    expect(fake.sheet('Action plan summary')).toBe(ours);
    expect(ours.position).toBe(2);
    expect(JSON.stringify(ours.values)).toBe(firstValues);
    expect(ours.charts).toHaveLength(1);
    expect(fake.names).toHaveLength(2); // the summary's marker and the chase sheet's
    expect(second.applied).toContain('Rewrote the summary sheet "Action plan summary" in place');
    expect(second.undo).toBe('one-step');
  });

  test('[undo] leftovers on our summary sheet are cleared by the rewrite', async () => {
    await runPlan({}, ALL, undefined, { now: NOW });
    const ours = fake.sheet('Action plan summary');
    const clean = JSON.stringify(ours.values);
    ours.values[300] = ['stale'];
    ours.numberFormats.set('300,0', 'dd/mm/yyyy');
    await runPlan({}, ALL, undefined, { now: NOW });
    expect(fake.cellsOf('Action plan summary').get('A301')).toBeUndefined();
    expect(ours.numberFormats.has('300,0')).toBe(false);
    expect(JSON.stringify(ours.values.slice(0, JSON.parse(clean).length))).toBe(clean);
  });
});

describe('undo history', () => {
  test('[undo] adding the summary sheet clears undo on desktop Excel; rewriting it later does not', async () => {
    fake.platform = 'windows';
    await runPlan({}, ALL, undefined, { now: NOW });
    expect(fake.undoCleared).toBe(true);
    fake.undoCleared = false;
    await runPlan({}, ALL, undefined, { now: NOW });
    expect(fake.undoCleared).toBe(false);
  });

  test('[undo] on the web adding the sheet keeps the undo history', async () => {
    fake.platform = 'web';
    await runPlan({}, ALL, undefined, { now: NOW });
    expect(fake.undoCleared).toBe(false);
  });

  test('[undo] a call without undo support refuses the group; the run is retried once without it', async () => {
    fake.addSheet('Scratch');
    await runExcel(async (context) => {
      context.workbook.worksheets.getItem('Scratch').delete();
      await context.sync();
    });
    expect(fake.stats.runs).toBe(2);
    expect(fake.lastRunOptions).toEqual({ delayForCellEdit: true });
    expect(fake.findSheet('Scratch')).toBeUndefined();
  });

  test('[undo] without ExcelApi 1.20 there is no group and no retry', async () => {
    fake.apiMinor = 19;
    fake.addSheet('Scratch');
    await runExcel(async (context) => {
      context.workbook.worksheets.getItem('Scratch').delete();
      await context.sync();
    });
    expect(fake.stats.runs).toBe(1);
    expect(fake.undoCleared).toBe(true);
  });

  test('[data safety] a failure late in the first Summary: the re-run rewrites that sheet in place, never adds "(2)"', async () => {
    const probe = new FakeWorkbook();
    const off = installFakeOffice(probe);
    probe.addSheet('Appendix 1', scalarGrid(referenceValues()));
    await runPlan({}, ALL, undefined, { now: NOW });
    off();
    const last = probe.stats.opsPerSync.at(-1) ?? 0;
    fake.inject({ code: 'GeneralException', atSync: probe.stats.opsPerSync.length, afterOps: last - 3 });
    await expect(runPlan({}, ALL, undefined, { now: NOW })).rejects.toMatchObject({ changed: 'partial' });
    await runPlan({}, ALL, undefined, { now: NOW });
    expect(fake.sheets.map((s) => s.name)).toEqual(['Appendix 1', 'Action plan summary', 'Action plan chase and checks']);
    expect(fake.sheet('Action plan summary').charts).toHaveLength(1);
  });
});
