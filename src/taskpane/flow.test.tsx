/**
 * @jest-environment jsdom
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { analyseSheet } from '../core/analyse';
import { headerChoices } from '../core/read/headerChoices';
import type { CellSelection, PlanHost, RunParts, RunResult, WorkbookSettings } from '../core/host';
import type { CellValue } from '../core/types';
import { HEADER, OPTIONS, rec, snapshot } from '../../tests/fixtures/sheets';
import { App } from './App';

jest.setTimeout(20000);

(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

const PLAN: CellValue[][] = [['As at 31 March 2002'], HEADER, rec('R1', { timescale: 'Jan 2002', progress: 'x' }), rec('R2')];
const PREVIEW = ['Formats on A2:G4 of "Plan"', 'Status column G (new)', 'Summary sheet "Action plan summary" (new)'];

/** A host that answers at once and records what the pane asked of it. */
function recordingHost(values: CellValue[][] = PLAN, options: { undo?: RunResult['undo'] } = {}) {
  const calls: {
    check: WorkbookSettings[];
    checkSheets: (string | undefined)[];
    run: RunParts[];
    sheets: (string | undefined)[];
    select: [string, string][];
    saved: WorkbookSettings[];
  } = {
    sheets: [],
    check: [],
    checkSheets: [],
    run: [],
    select: [],
    saved: [],
  };
  let changed: () => void = () => undefined;
  let active: CellSelection | null = null;
  let written = false;
  const analyse = (settings: WorkbookSettings) => analyseSheet(snapshot(values), { ...OPTIONS, ...settings });
  const header = (settings: WorkbookSettings) => {
    const analysis = analyse(settings);
    return headerChoices(snapshot(values), analysis.table?.headerRow ?? settings.headerRow ?? 1);
  };
  const host: PlanHost = {
    check: async (s, sheet) => {
      calls.check.push(s);
      calls.checkSheets.push(sheet);
      return {
        analysis: analyse(s),
        applied: [],
        notes: [],
        summarySheet: null,
        preview: PREVIEW,
        marks: { formatted: written, summary: written ? 'Action plan summary' : null },
        header: header(s),
      };
    },
    run: async (s, parts, sheet) => {
      calls.run.push(parts);
      calls.sheets.push(sheet);
      written = true;
      return {
        analysis: analyse(s),
        applied: ['Formatted the table A2:G4 on "Plan"', 'Added the summary sheet "Action plan summary"'],
        notes: [],
        summarySheet: parts.summary ? 'Action plan summary' : null,
        undo: options.undo ?? 'one-step',
        header: header(s),
      };
    },
    select: async (sheet, cell) => void calls.select.push([sheet, cell]),
    selection: async () => active,
    loadSettings: async () => ({}),
    saveSettings: async (s) => void calls.saved.push(s),
    onChange: async (callback) => {
      changed = callback;
      return () => undefined;
    },
  };
  return {
    host,
    calls,
    userEdits: () => act(() => changed()),
    click: (selection: CellSelection) => (active = selection),
  };
}

describe('[F5] know what it will do, and go back', () => {
  test('before the first write the pane lists what the primary action will change, tied to the button', async () => {
    const { host } = recordingHost();
    render(<App host={host} theme="light" />);
    const list = await screen.findByRole('list', { name: 'What it will change' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(PREVIEW);
    const button = screen.getByRole('button', { name: 'Write status, formats and summary' });
    expect(document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent).toContain('Status column G (new)');
  });

  test('after the run: what was written in one line, in words behind What changed, Go to summary, and Ctrl+Z where it is one step', async () => {
    const { host, calls } = recordingHost();
    render(<App host={host} theme="light" />);
    await screen.findByRole('list', { name: 'What it will change' });
    await userEvent.click(screen.getByRole('button', { name: 'Write status, formats and summary' }));
    await userEvent.click(await screen.findByRole('button', { name: 'What changed (2)' }));
    expect(
      within(screen.getByRole('list', { name: 'What changed' })).getByText(/Added the summary sheet "Action plan summary"/),
    ).toBeTruthy();
    // Our marks are there now: the preview of a first write is gone.
    expect(screen.queryByRole('list', { name: 'What it will change' })).toBeNull();
    expect(screen.getByText('Ctrl+Z undoes it in one step.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Go to summary' }));
    expect(calls.select).toEqual([['Action plan summary', 'A1']]);
  });

  test('where the run was not one undo step, the pane says how to go back instead', async () => {
    const { host } = recordingHost(PLAN, { undo: 'history' });
    render(<App host={host} theme="light" />);
    await userEvent.click(screen.getByRole('button', { name: 'Write status, formats and summary' }));
    await screen.findByText('Excel cannot undo all of it in one step. Running it again is always safe.');
    expect(screen.queryByText('Ctrl+Z undoes it in one step.')).toBeNull();
  });

  test('after Go to summary, Check plan checks the plan\u2019s sheet, not the summary sheet', async () => {
    const { host, calls, click } = recordingHost();
    render(<App host={host} theme="light" />);
    await userEvent.click(screen.getByRole('button', { name: 'Write status, formats and summary' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Go to summary' }));
    // Excel now has the summary sheet active.
    click({ sheet: 'Action plan summary', address: 'A1', row: 1, column: 'A' });
    await userEvent.click(screen.getByRole('button', { name: 'Check plan' }));
    await waitFor(() => expect(calls.checkSheets.at(-1)).toBe('Plan'));
    await screen.findByRole('heading', { level: 2, name: /of 2 complete/ });
    // Back on another sheet of the user's, the button works on the active sheet again.
    click({ sheet: 'Plan 2003', address: 'B4', row: 4, column: 'B' });
    await userEvent.click(screen.getByRole('button', { name: 'Check plan' }));
    await waitFor(() => expect(calls.checkSheets).toHaveLength(3));
    expect(calls.checkSheets.at(-1)).toBeUndefined();
  });

  test('a Help link opens the support page', () => {
    const { host } = recordingHost();
    render(<App host={host} theme="light" />);
    expect(screen.getByRole('link', { name: 'Help' }).getAttribute('href')).toBe('support.html');
  });
});

describe('the pane answers first', () => {
  test('Check plan is the primary button and writes nothing; the writing button says what it writes', async () => {
    const { host, calls } = recordingHost();
    render(<App host={host} theme="light" />);
    const actions = screen.getByRole('region', { name: 'Actions' });
    const buttons = within(actions).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual([
      'Check plan',
      'Write status, formats and summary',
      'Write status and formats only',
      'Write summary sheet only',
    ]);
    // Which of them looks primary is checked in the browser tests (its brand colour).
    await userEvent.click(screen.getByRole('button', { name: 'Check plan' }));
    await screen.findByRole('heading', { level: 2, name: /of 2 complete/ });
    expect(calls.run).toEqual([]);
  });

  test('after a run the headline is the first heading of the results and comes before every button but Help', async () => {
    const { host } = recordingHost();
    render(<App host={host} theme="light" />);
    await userEvent.click(screen.getByRole('button', { name: 'Write status, formats and summary' }));
    const headline = await screen.findByRole('heading', { level: 2, name: /of 2 complete/ });
    const panel = screen.getByRole('tabpanel', { name: 'Results' });
    expect(within(panel).getAllByRole('heading')[0]).toBe(headline);
    expect(screen.getAllByRole('heading', { level: 2 })[0]).toBe(headline);
    const before = (a: Element, b: Element) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    expect(before(headline, screen.getByRole('button', { name: 'Check plan' }))).toBe(true);
    expect(before(headline, screen.getByRole('textbox', { name: /Position as at/ }))).toBe(true);
    expect(before(screen.getByRole('list', { name: 'Headline figures' }), screen.getByRole('region', { name: 'Actions' }))).toBe(true);
    // The chase list comes before the findings, and the link beside the headline takes focus to it.
    const chase = screen.getByRole('heading', { level: 2, name: 'Chase list' });
    expect(before(chase, screen.getByRole('heading', { level: 2, name: /^Findings/ }))).toBe(true);
    await userEvent.click(screen.getByRole('link', { name: /^Chase list: / }));
    expect(document.activeElement).toBe(chase);
  });
});

describe('[stale] stale results and Refresh', () => {
  test('a change after a check dims the results, says so, and Refresh only re-reads', async () => {
    const { host, calls, userEdits } = recordingHost();
    render(<App host={host} theme="light" />);
    await userEvent.click(screen.getByRole('button', { name: 'Check plan' }));
    await screen.findByRole('heading', { level: 2, name: /of 2 complete/ });
    await userEdits();
    const panel = screen.getByRole('tabpanel', { name: 'Results' });
    expect(panel.getAttribute('aria-describedby')).toBe('stale-note');
    expect(screen.getByRole('status').textContent).toMatch(/out of date/);
    expect(screen.getByText(/Refresh reads the sheet again; it writes nothing\./)).toBeTruthy();
    const checks = calls.check.length;
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(panel.getAttribute('aria-describedby')).toBeNull());
    expect(calls.check.length).toBe(checks + 1);
    expect(calls.run).toEqual([]);
  });

  test('after a write, Refresh writes again what the run wrote: status column, formats and summary', async () => {
    const { host, calls, userEdits } = recordingHost();
    render(<App host={host} theme="light" />);
    await userEvent.click(screen.getByRole('button', { name: 'Write status, formats and summary' }));
    await screen.findByText('Ctrl+Z undoes it in one step.');
    await userEdits();
    expect(screen.getByText(/updates the formats, status column and summary sheet/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(calls.run).toHaveLength(2));
    expect(calls.run[1]).toEqual({ format: true, summary: true });
    // The primary button works on the active sheet; Refresh on the sheet the results are about.
    expect(calls.sheets).toEqual([undefined, 'Plan']);
  });
});

describe('[T1] mapping by picking', () => {
  const ODD: CellValue[][] = [
    ['Tracker'],
    ['Code', 'Matter', 'Person', 'When', 'What', 'How far'],
    ['R1', 'Budgets', 'CFO', 'Sept 2002', 'Set a budget', 'Done.\nRecommendation met: completely'],
    ['R2', 'Staff', 'HR', 'TBC', 'Hire', 'Started.\nRecommendation met: partially'],
  ];

  test('the header row is the row of the clicked cell; each column is picked from that row\u2019s cells with their first values', async () => {
    const { host, calls, click } = recordingHost(ODD);
    render(<App host={host} theme="light" />);
    await userEvent.click(screen.getByRole('tab', { name: 'Settings' }));
    click({ sheet: 'Plan', address: 'C2', row: 2, column: 'C' });
    await userEvent.click(await screen.findByRole('button', { name: 'Use the selected row as header' }));
    await waitFor(() => expect(calls.saved.at(-1)).toEqual({ headerRow: 2 }));
    await screen.findByText(/Header row 2, chosen by you/);
    // No letters to type: every role is a list.
    expect(screen.queryByRole('textbox', { name: /column letter/ })).toBeNull();
    await userEvent.click(screen.getByRole('combobox', { name: 'Recommendation column' }));
    const option = screen.getByRole('option', { name: /E: What/ });
    expect(option.textContent).toContain('Set a budget · Hire');
    await userEvent.click(option);
    await userEvent.click(screen.getByRole('combobox', { name: 'Reference (No) column' }));
    await userEvent.click(screen.getByRole('option', { name: /A: Code/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Check with these columns' }));
    await waitFor(() => expect(calls.saved.at(-1)).toEqual({ headerRow: 2, columns: { recommendation: 'E', id: 'A' } }));
  });

  test('with no cell selected, it says what to do', async () => {
    const { host } = recordingHost(ODD);
    render(<App host={host} theme="light" />);
    await userEvent.click(screen.getByRole('tab', { name: 'Settings' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Use the selected row as header' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Click a cell of the header row/);
  });
});
