/**
 * @jest-environment jsdom
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RIBBON_DEADLINE_MS, runSummary, showMessage } from '../../src/excel/ribbon';
import type { FakeWorkbook } from '../fakes/excelFake';
import { useFakeExcel } from '../fakes/jestFake';
import { referenceRuleCount, referenceValues } from '../fixtures/reference';
import { scalarGrid } from '../corpus/workbooks';

const current = useFakeExcel();
let fake: FakeWorkbook;
beforeEach(() => (fake = current()));

/** Waits (briefly) until `ready` holds. */
async function until(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !ready(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!ready()) throw new Error('timed out');
}

const event = () => {
  const e = { completed: jest.fn() };
  return e as typeof e & Office.AddinCommands.Event;
};

describe('the ribbon\u2019s one-click Summary', () => {
  test('runs the whole job, shows the summary sheet and completes the event', async () => {
    fake.addSheet('Appendix 1', scalarGrid(referenceValues()));
    const e = event();
    await runSummary(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(fake.sheets.map((s) => s.name)).toEqual(['Appendix 1', 'Action plan summary', 'Action plan chase and checks']);
    expect(fake.activeSheetId).toBe(fake.sheet('Action plan summary').id);
    expect(fake.sheet('Appendix 1').conditionalFormats).toHaveLength(referenceRuleCount());
    expect(fake.dialogs).toEqual([]);
  });

  test('shows the error in a dialog, kept open until the user closes it, then completes the event', async () => {
    fake.addSheet('Appendix 1', scalarGrid(referenceValues()), { protected: true });
    const e = event();
    const running = runSummary(e);
    await until(() => fake.dialogs.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Completing now would end the command's runtime and close the dialog with it (office-js #428).
    expect(e.completed).not.toHaveBeenCalled();
    fake.closeDialog();
    await running;
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(fake.dialogs).toHaveLength(1);
    const url = new URL(fake.dialogs[0] ?? '');
    expect(url.pathname).toMatch(/notice\.html$/);
    expect(url.searchParams.get('text')).toMatch(/protected, so nothing was changed/);
  });

  test('on a sheet with no table it says so and changes nothing', async () => {
    fake.addSheet('Budget', [['Line', 'Amount']]);
    const e = event();
    const running = runSummary(e);
    await until(() => fake.dialogs.length === 1);
    fake.closeDialog();
    await running;
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(new URL(fake.dialogs[0] ?? '').searchParams.get('text')).toMatch(
      /No action-plan table was found on "Budget"\. Nothing was changed/,
    );
    expect(fake.sheets).toHaveLength(1);
  });

  test('a dialog Office cannot open (12007: one is already open) still completes the event, and nothing hangs', async () => {
    fake.addSheet('Appendix 1', scalarGrid(referenceValues()), { protected: true });
    fake.dialogError = 12007;
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const e = event();
    await runSummary(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/protected.*12007/s);
    warn.mockRestore();
  });

  test('a dialog never closed is given up after the wait, so the command always completes', async () => {
    fake.addSheet('Appendix 1', scalarGrid(referenceValues()), { protected: true });
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    try {
      const done = jest.fn();
      void showMessage('Title', 'Text', 1000).then(done);
      await jest.advanceTimersByTimeAsync(10);
      expect(fake.dialogs).toHaveLength(1);
      expect(done).not.toHaveBeenCalled();
      await jest.advanceTimersByTimeAsync(1000);
      expect(done).toHaveBeenCalled();
    } finally {
      jest.useRealTimers();
    }
  });

  test('[ribbon deadline] when the run has used up the time before the deadline, the message goes to the console and the command completes', async () => {
    fake.addSheet('Appendix 1', scalarGrid(referenceValues()), { protected: true });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    // The click at 0; by the time the refusal is known, 4 minutes 28 seconds have gone (a long cell edit, a big sheet).
    const times = [0, RIBBON_DEADLINE_MS - 2_000];
    const clock = () => times.shift() ?? RIBBON_DEADLINE_MS;
    const e = event();
    await runSummary(e, clock);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(fake.dialogs).toHaveLength(0);
    expect(warn.mock.calls[0]?.[0]).toMatch(/protected.*no time left/s);
    warn.mockRestore();
  });

  test('[ribbon deadline] a dialog stays open only for the time left before the deadline, not its usual 4 minutes', async () => {
    fake.addSheet('Appendix 1', scalarGrid(referenceValues()), { protected: true });
    const times = [0, RIBBON_DEADLINE_MS - 60_000];
    const clock = () => times.shift() ?? RIBBON_DEADLINE_MS;
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    try {
      const e = event();
      const running = runSummary(e, clock);
      for (let i = 0; i < 50 && fake.dialogs.length === 0; i++) await jest.advanceTimersByTimeAsync(10);
      expect(fake.dialogs).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(59_000);
      expect(e.completed).not.toHaveBeenCalled();
      await jest.advanceTimersByTimeAsync(2_000);
      await running;
      expect(e.completed).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });

  test('commands.html allows inline styles, which Excel on the web applies to the command page (office-js #1687)', () => {
    const html = readFileSync(join(__dirname, '../../src/commands/commands.html'), 'utf8');
    const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toMatch(/style-src [^;]*'unsafe-inline'/);
  });
});
