/**
 * @jest-environment jsdom
 */
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { analyseSheet } from '../core/analyse';
import type { PlanHost, RunResult, WorkbookSettings } from '../core/host';
import { HEADER, OPTIONS, rec, snapshot } from '../../tests/fixtures/sheets';
import { App } from './App';

jest.setTimeout(20000);

(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

const values = [['As at 31 March 2002'], HEADER, rec('R1', { timescale: 'Jan 2002' }), rec(null, { progress: 'x' })];

/** A host whose runs wait until the test lets them finish, so the busy state can be looked at. */
function fakeHost(sheet = values) {
  const saved: WorkbookSettings[] = [];
  let finish: (() => void) | null = null;
  const result = (settings: WorkbookSettings, applied: string[]): Promise<RunResult> =>
    new Promise((resolve) => {
      finish = () =>
        resolve({ analysis: analyseSheet(snapshot(sheet), { ...OPTIONS, ...settings }), applied, notes: [], summarySheet: null });
    });
  const host: PlanHost = {
    check: (s) => result(s, []),
    run: (s) => result(s, ['Formatted A2:F4']),
    select: async () => undefined,
    selection: async () => null,
    loadSettings: async () => ({}),
    saveSettings: async (s) => void saved.push(s),
    onChange: async () => () => undefined,
  };
  return { host, saved, finish: () => act(() => finish?.()) };
}

describe('App', () => {
  test('the run button keeps focus while busy, then focus moves to the headline of the results', async () => {
    const { host, finish } = fakeHost();
    render(<App host={host} theme="light" />);
    const button = screen.getByRole('button', { name: 'Write status, formats and summary' });
    await userEvent.click(button);
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    await finish();
    const heading = await screen.findByRole('heading', { name: '0 of 2 complete; 1 overdue, 0 of them statutory; 1 not rated.' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });

  /** The browser's language, which the as-at field follows (jsdom says en-US). */
  const speak = (locale: string) => jest.spyOn(navigator, 'language', 'get').mockReturnValue(locale);
  afterEach(() => jest.restoreAllMocks());

  test('the as-at date is typed dd/mm/yyyy in en-GB, stored as a date, and credited to the user', async () => {
    speak('en-GB');
    const { host, saved, finish } = fakeHost();
    render(<App host={host} theme="light" />);
    const field = screen.getByRole('textbox', { name: 'Position as at (dd/mm/yyyy)' });
    await userEvent.type(field, '30/06/2002{Enter}');
    expect(saved.at(-1)).toEqual({ asAt: '2002-06-30' });
    await finish();
    await screen.findByText('30 June 2002, chosen by you');
  });

  test('in en-US the field asks for mm/dd/yyyy and reads the month first', async () => {
    speak('en-US');
    const { host, saved } = fakeHost();
    render(<App host={host} theme="light" />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Position as at (mm/dd/yyyy)' }), '06/30/2002{Enter}');
    expect(saved.at(-1)).toEqual({ asAt: '2002-06-30' });
  });

  test('a date that does not exist is refused with a message in words', async () => {
    speak('en-GB');
    const { host, saved } = fakeHost();
    render(<App host={host} theme="light" />);
    await userEvent.type(screen.getByRole('textbox', { name: /Position as at/ }), '31/02/2002{Enter}');
    expect(saved).toEqual([]);
    expect(screen.getByText(/Type a date as dd\/mm\/yyyy/)).toBeTruthy();
  });

  test('[T2][BLOCKS_FOUND] a sheet of two tables: the table to read is chosen in Settings, saved, and read alone', async () => {
    const head = ['Ref', 'Recommendation', 'Responsible officer', 'Target date', 'Status'];
    const twoTables = [
      ['2022/23 audit'],
      head,
      ['A1', 'Reconcile the ledger', 'Head of Finance', '31 March 2030', 'In progress'],
      ['A2', 'Review the register', 'Head of Finance', '31 March 2030', 'Implemented'],
      [],
      ['2023/24 audit: follow-up'],
      ['No', 'Finding', 'Owner', 'Due date'],
      ['B1', 'Weak controls', 'Head of IT', '31 March 2001'],
    ];
    const { host, saved, finish } = fakeHost(twoTables);
    render(<App host={host} theme="light" />);
    await userEvent.click(screen.getByRole('button', { name: 'Check plan' }));
    await finish();
    await userEvent.click(screen.getByRole('tab', { name: 'Settings' }));
    const chooser = await screen.findByRole('combobox', { name: 'Table to read' });
    await userEvent.selectOptions(chooser, 'Table 2: 2023/24 audit: follow-up (rows 6-8, 1 item)');
    await userEvent.click(screen.getByRole('button', { name: /Save/ }));
    expect(saved.at(-1)).toEqual({ block: 2 });
    await finish();
    expect(await screen.findByRole('heading', { name: /^0 of 1 complete; 1 overdue/ })).toBeTruthy();
  });

  test('settings are one tab away, with named dropdowns and a real checkbox', async () => {
    const { host, finish } = fakeHost();
    render(<App host={host} theme="light" />);
    await userEvent.click(screen.getByRole('button', { name: 'Check plan' }));
    await finish();
    await userEvent.click(screen.getByRole('tab', { name: 'Settings' }));
    // Settings load on first opening (a chunk of their own).
    expect(await screen.findByRole('combobox', { name: 'Timescale column' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Status scale' })).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: /Write the status column/ }) as HTMLInputElement).checked).toBe(true);
  });

  test('[FISCAL_YEAR_ASSUMED] the financial year is chosen in Settings and saved with the workbook', async () => {
    const { host, saved, finish } = fakeHost();
    render(<App host={host} theme="light" />);
    await userEvent.click(screen.getByRole('button', { name: 'Check plan' }));
    await finish();
    await userEvent.click(screen.getByRole('tab', { name: 'Settings' }));
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Financial year' }), 'Australian: July to June');
    await userEvent.click(screen.getByRole('button', { name: /Save/ }));
    expect(saved.at(-1)).toEqual({ fiscalYear: 'au' });
  });
});
