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

describe('undo that keeps its word (issue 20.2)', () => {
  const LATER = new Date(2026, 11, 3, 16, 45);

  test.each<FakePlatform>(['web', 'windows', 'mac'])(
    "[undo] (%s) a Summary re-run a week later is one merged group: the marker's comment, which the web cannot undo, is not set again",
    async (platform) => {
      fake.apiMinor = 20;
      fake.platform = platform;
      await runPlan({}, ALL, undefined, { now: NOW });
      const mark = fake.names[0]?.comment;
      fake.stats.runs = 0;
      const again = await runPlan({}, ALL, undefined, { now: LATER });
      expect(fake.stats.runs).toBe(1);
      expect(fake.lastRunOptions).toEqual({ delayForCellEdit: true, mergeUndoGroup: true });
      expect(again.undo).toBe('one-step');
      expect(fake.names[0]?.comment).toBe(mark);
      expect(fake.sheets.map((s) => s.name)).toEqual(['Appendix 1', 'Action plan summary', 'Action plan chase and checks']);
    },
  );

  test('[undo] a summary marked by the first version (APC1) is still ours; on the web the one run that re-marks it is retried ungrouped', async () => {
    fake.apiMinor = 20;
    fake.platform = 'web';
    await runPlan({}, ALL, undefined, { now: NOW });
    const { FINGERPRINT_ROWS, FINGERPRINT_COLUMNS } = await import('../../src/core/plans/summaryMark');
    const top = fake
      .sheet('Action plan summary')
      .values.slice(0, FINGERPRINT_ROWS)
      .map((r) => r.slice(0, FINGERPRINT_COLUMNS));
    const marker = fake.names[0];
    if (!marker) throw new Error('no marker');
    marker.comment = legacyMark('Action plan summary', top);
    fake.stats.runs = 0;
    const again = await runPlan({}, ALL, undefined, { now: LATER });
    expect(fake.sheets.map((s) => s.name)).toEqual(['Appendix 1', 'Action plan summary', 'Action plan chase and checks']);
    expect(fake.stats.runs).toBe(2);
    expect(again.undo).toBe('history');
    expect(marker.comment.startsWith('APC2-')).toBe(true);
  });

  test('[undo] runs that write nothing never ask for an undo group: check, settings, selection, change events', async () => {
    const { loadSettings, selectCell, activeCell, onWorkbookChange } = await import('../../src/excel/excelHost');
    fake.apiMinor = 20;
    const seen: unknown[] = [];
    const record = () => seen.push(fake.lastRunOptions);
    await runPlan({}, { format: false, summary: false }, undefined, { now: NOW, preview: true });
    record();
    await runPlan({}, { format: false, summary: false }, undefined, { now: NOW });
    record();
    await loadSettings();
    record();
    await selectCell('Appendix 1', 'B7');
    record();
    await activeCell();
    record();
    const stop = await onWorkbookChange(() => undefined);
    record();
    stop();
    expect(seen).toEqual(Array(6).fill({ delayForCellEdit: true }));
  });

  test.each(['GeneralException', 'InvalidOperation', 'InternalError'])(
    '[undo] a grouped run that fails with %s before its first write (office-js #6711, #6255, #6491) is retried once without the group',
    async (code) => {
      fake.apiMinor = 20;
      fake.platform = 'web';
      fake.inject({ code, atSync: fake.stats.syncs + 1 });
      fake.stats.runs = 0;
      const result = await runPlan({}, ALL, undefined, { now: NOW });
      expect(fake.stats.runs).toBe(2);
      expect(fake.lastRunOptions).toEqual({ delayForCellEdit: true });
      expect(result.summarySheet).toBe('Action plan summary');
      expect(result.undo).toBe('history');
    },
  );

  test('[undo] a failure after the first write is not retried: it is reported with what may be partly written', async () => {
    fake.apiMinor = 20;
    const probe = new FakeWorkbook();
    const off = installFakeOffice(probe);
    probe.addSheet('Appendix 1', scalarGrid(referenceValues()));
    probe.apiMinor = 20;
    await runPlan({}, ALL, undefined, { now: NOW });
    off();
    fake.inject({ code: 'GeneralException', atSync: probe.stats.opsPerSync.length, afterOps: 5 });
    fake.stats.runs = 0;
    await expect(runPlan({}, ALL, undefined, { now: NOW })).rejects.toMatchObject({ changed: 'partial' });
    expect(fake.stats.runs).toBe(1);
  });
});

/** The first version's fingerprint (summaryMark.ts legacyFingerprint), computed here from its definition. */
function legacyMark(sheetName: string, top: readonly (readonly (string | number | boolean)[])[]): string {
  const fnv = (text: string, seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
  };
  const cells = [sheetName];
  for (let r = 0; r < 6; r++) for (let c = 0; c < 3; c++) cells.push(String(top[r]?.[c] ?? ''));
  const text = cells.join('\u0001');
  return `APC1-${fnv(text, 0x811c9dc5)}${fnv(text, 0x01000193)}`;
}

describe('how to go back, in the host\u2019s terms (issue 20.10)', () => {
  test('[undo] on a Mac the one undo step is \u2318Z, and the kept return is said to stay', async () => {
    fake.apiMinor = 20;
    fake.platform = 'mac';
    await runPlan({}, ALL, undefined, { now: NOW });
    const again = await runPlan({}, ALL, undefined, { now: NOW });
    expect(again.undo).toBe('one-step');
    expect(again.undoWords).toBe('\u2318Z undoes it in one step (the return kept for comparison stays until the next run replaces it).');
  });

  test('[undo] Windows: Ctrl+Z', async () => {
    fake.apiMinor = 20;
    fake.platform = 'windows';
    await runPlan({}, ALL, undefined, { now: NOW });
    const again = await runPlan({}, ALL, undefined, { now: NOW });
    expect(again.undoWords).toMatch(/^Ctrl\+Z undoes it in one step/);
  });

  test('[undo] without one undo step, Version History is offered only for a file on OneDrive or SharePoint', async () => {
    fake.apiMinor = 19;
    const local = await runPlan({}, ALL, undefined, { now: NOW });
    expect(local.undo).toBe('history');
    expect(local.undoWords).not.toMatch(/Version History/);
    expect(local.undoWords).toMatch(/keep a copy/);
    fake.documentUrl = 'https://contoso.sharepoint.com/sites/finance/Shared%20Documents/Audit%20plan.xlsx';
    const cloud = await runPlan({}, ALL, undefined, { now: NOW });
    expect(cloud.undoWords).toMatch(/File > Info > Version History/);
  });
});
