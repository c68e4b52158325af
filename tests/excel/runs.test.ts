import { runPlan } from '../../src/excel';
import { CELL_EDIT_WAIT } from '../../src/excel/run';
import type { FakeWorkbook } from '../fakes/excelFake';
import { UNDO_GROUP_PROFILES, useFakeExcel } from '../fakes/jestFake';
import { referenceValues } from '../fixtures/reference';
import { scalarGrid } from '../corpus/workbooks';

const NOW = new Date(2026, 10, 26, 10, 4);
const ALL = { format: true, summary: true };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A Web Locks stand-in: one FIFO queue per lock name, shared by every "runtime" in the test. */
function installLocks(): () => void {
  const tails = new Map<string, Promise<unknown>>();
  const locks = {
    request: (name: string, _options: unknown, fn: () => Promise<unknown>) => {
      const run = (tails.get(name) ?? Promise.resolve()).then(fn);
      tails.set(
        name,
        run.catch(() => undefined),
      );
      return run;
    },
  };
  const g = globalThis as unknown as { navigator?: unknown };
  const previous = g.navigator;
  Object.defineProperty(globalThis, 'navigator', { value: { locks }, configurable: true, writable: true });
  return () => Object.defineProperty(globalThis, 'navigator', { value: previous, configurable: true, writable: true });
}

describe.each(UNDO_GROUP_PROFILES)('$name', (profile) => {
  const current = useFakeExcel(profile);
  let fake: FakeWorkbook;
  beforeEach(() => {
    fake = current();
    fake.addSheet('Appendix 1', scalarGrid(referenceValues()));
  });

  describe('a cell being edited', () => {
    const saved = CELL_EDIT_WAIT.ms;
    afterEach(() => (CELL_EDIT_WAIT.ms = saved));

    test('[cell edit] a cell left in edit mode: the run gives up after a bound, says so, and never writes later', async () => {
      CELL_EDIT_WAIT.ms = 60;
      fake.cellEditMode = true;
      fake.holdCellEdit = true;
      const error = await runPlan({}, ALL, undefined, { now: NOW }).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'CellEditMode',
        changed: 'nothing',
        message: expect.stringMatching(/stopped waiting.*Press Enter or Esc.*Nothing was changed\./s),
      });
      // The user leaves the cell: Excel lets the abandoned run through, and it must write nothing.
      fake.cellEditMode = false;
      await pause(80);
      expect(fake.sheet('Appendix 1').formatLog).toHaveLength(0);
      expect(fake.sheets).toHaveLength(1);
      // The next run works.
      await expect(runPlan({}, ALL, undefined, { now: NOW })).resolves.toBeTruthy();
    });

    test('[cell edit] a short edit is waited for, and the run completes', async () => {
      CELL_EDIT_WAIT.ms = 2000;
      fake.cellEditMode = true;
      fake.holdCellEdit = true;
      setTimeout(() => (fake.cellEditMode = false), 30);
      await expect(runPlan({}, ALL, undefined, { now: NOW })).resolves.toMatchObject({ summarySheet: 'Action plan summary' });
    });
  });

  describe('the pane and the ribbon', () => {
    let uninstallLocks: () => void = () => undefined;
    afterEach(() => uninstallLocks());

    test('[overlap] runs from two runtimes (separate memory, same origin) never overlap: the second waits for the first', async () => {
      uninstallLocks = installLocks();
      type RunModule = typeof import('../../src/excel/run');
      let pane: RunModule | undefined;
      let ribbon: RunModule | undefined;
      await jest.isolateModulesAsync(async () => {
        pane = await import('../../src/excel/run');
      });
      await jest.isolateModulesAsync(async () => {
        ribbon = await import('../../src/excel/run');
      });
      if (!pane || !ribbon) throw new Error('modules not loaded');
      const order: string[] = [];
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const first = pane.runExcel(async (context) => {
        order.push('pane starts');
        await gate;
        await context.sync();
        order.push('pane ends');
      });
      await pause(10);
      const second = ribbon.runExcel(async (context) => {
        order.push('ribbon starts');
        await context.sync();
      });
      await pause(20);
      expect(order).toEqual(['pane starts']);
      release();
      await Promise.all([first, second]);
      expect(order).toEqual(['pane starts', 'pane ends', 'ribbon starts']);
    });
  });
});
