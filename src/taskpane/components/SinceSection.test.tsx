/**
 * @jest-environment jsdom
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { analyseSheet } from '../../core/analyse';
import type { PlanHost, RunResult } from '../../core/host';
import type { RunMovement } from '../../core/figures/keptMovement';
import { compareSnapshots, snapshotOf } from '../../core/figures/movement';
import { OPTIONS, planSheet, rec } from '../../../tests/fixtures/sheets';
import { DECEMBER_2001, MARCH_2002 } from '../../../tests/fixtures/returns';
import { draft, pack, sheet, type Cell } from '../../../tests/xlsx/lossless/build';
import { App } from '../App';

jest.setTimeout(20000);

(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

/** December's return: R1 to R4 open. */
const before = planSheet(
  [
    rec('R1', { timescale: 'March 2002', progress: 'Started.\nRecommendation met: partially' }),
    rec('R2', { timescale: 'December 2002', progress: 'Not started.\nRecommendation met: not met' }),
    rec('R3', { timescale: 'January 2002', progress: 'Drafted.\nRecommendation met: partially' }),
    rec('R4', { timescale: 'June 2002', progress: 'Agreed.\nRecommendation met: moderately', recommendation: 'Retire the old system' }),
  ],
  'Position as at 31 December 2001',
);
/**
 * March's return, by hand against December: R1 completed; R2's progress word for word the same (unchanged);
 * R3 partially to not met (status worse) and past its January date (newly overdue); R4 gone (removed); R5 new (added).
 * The rows are 3 to 6: R1 on row 3, R3 on row 5.
 */
const after = planSheet(
  [
    rec('R1', { timescale: 'March 2002', progress: 'Done.\nRecommendation met: completely' }),
    rec('R2', { timescale: 'December 2002', progress: 'Not started.\nRecommendation met: not met' }),
    rec('R3', { timescale: 'January 2002', progress: 'Drafted; slipped.\nRecommendation met: not met' }),
    rec('R5', { timescale: 'June 2003', progress: 'New.\nRecommendation met: partially', recommendation: 'Publish the register' }),
  ],
  'Position as at 31 March 2002',
);

function hostWith(movement: (analysis: ReturnType<typeof analyseSheet>) => RunMovement) {
  const selected: string[] = [];
  const run = (): Promise<RunResult> => {
    const analysis = analyseSheet(after, OPTIONS);
    return Promise.resolve({
      analysis,
      applied: ['Summary sheet "Action plan summary"'],
      notes: [],
      summarySheet: 'Action plan summary',
      movement: movement(analysis),
    });
  };
  const host: PlanHost = {
    check: () => Promise.resolve({ analysis: analyseSheet(after, OPTIONS), applied: [], notes: [], summarySheet: null }),
    run,
    select: async (_sheet, cell) => void selected.push(cell),
    selection: async () => null,
    loadSettings: async () => ({}),
    saveSettings: async () => undefined,
    onChange: async () => () => undefined,
  };
  return { host, selected };
}

const since = (analysis: ReturnType<typeof analyseSheet>): RunMovement => {
  const previous = analyseSheet(before, OPTIONS);
  return {
    kind: 'since',
    movement: compareSnapshots(
      snapshotOf(previous, before),
      snapshotOf(analysis, after),
      analysis.scale.map((l) => l.label),
    ),
  };
};

describe('the pane\'s "Since" section (SPEC, M2)', () => {
  test('[M2.3] after a run with a kept earlier return: a heading with its date, a count and the references per kind', async () => {
    const { host } = hostWith(since);
    render(<App host={host} theme="light" />);
    await userEvent.click(screen.getByRole('button', { name: 'Write status, formats and summary' }));
    const section = await screen.findByRole('region', { name: 'Since 31 December 2001' });
    const kind = (name: string) => within(section).getByRole('list', { name });
    expect(within(kind('Completed (1)')).getByRole('button', { name: 'R1' })).toBeTruthy();
    expect(within(kind('Status worse (1)')).getByRole('button', { name: 'R3' })).toBeTruthy();
    expect(within(kind('Newly overdue (1)')).getByRole('button', { name: 'R3' })).toBeTruthy();
    expect(within(kind('Added (1)')).getByRole('button', { name: 'R5' })).toBeTruthy();
    expect(within(kind('Progress text unchanged (1)')).getByRole('button', { name: 'R2' })).toBeTruthy();
    // A removed item is no longer on the sheet: named, not a button.
    expect(within(kind('Removed (1)')).queryByRole('button')).toBeNull();
    expect(within(kind('Removed (1)')).getByText('R4')).toBeTruthy();
    expect(within(section).queryByRole('heading', { name: /Status improved/ })).toBeNull();
    expect(within(section).getByText(/None under: status improved, due date moved\. 3 matched/)).toBeTruthy();
  });

  test('[M2.3] a reference selects its row in the sheet', async () => {
    const { host, selected } = hostWith(since);
    render(<App host={host} theme="light" />);
    await userEvent.click(screen.getByRole('button', { name: 'Write status, formats and summary' }));
    const section = await screen.findByRole('region', { name: 'Since 31 December 2001' });
    await userEvent.click(within(within(section).getByRole('list', { name: 'Status worse (1)' })).getByRole('button', { name: 'R3' }));
    expect(selected).toEqual(['A5']);
  });

  test('[M2.6] with no earlier return kept, one line says movement comes from the next return', async () => {
    const { host } = hostWith(() => ({ kind: 'first' }));
    render(<App host={host} theme="light" />);
    await userEvent.click(screen.getByRole('button', { name: 'Write status, formats and summary' }));
    expect((await screen.findByRole('note')).textContent).toBe('Movement appears from the next return: this run is kept for comparison.');
    expect(screen.queryByRole('region', { name: /^Since/ })).toBeNull();
  });

  test('a check that keeps nothing shows no movement line at all', async () => {
    const { host } = hostWith(since);
    render(<App host={host} theme="light" />);
    await userEvent.click(screen.getByRole('button', { name: 'Check plan' }));
    await screen.findByRole('heading', { name: /complete/ });
    expect(screen.queryByRole('region', { name: /^Since/ })).toBeNull();
    expect(screen.queryByRole('note')).toBeNull();
  });
});

describe('"Compare with a previous version..." (SPEC, M2)', () => {
  beforeAll(() => {
    // jsdom leaves out the encoders the .xlsx reader and the package builder use.
    const g = globalThis as { TextDecoder?: unknown; TextEncoder?: unknown };

    const util = require('node:util') as { TextDecoder: unknown; TextEncoder: unknown };
    g.TextDecoder ??= util.TextDecoder;
    g.TextEncoder ??= util.TextEncoder;
  });

  /** A host whose check reads the March return; the December return is a file the user picks. */
  function marchHost() {
    const sheet = { name: 'Q4 2001-02', origin: 'A1', values: MARCH_2002 };
    const check = (): Promise<RunResult> => {
      const analysis = analyseSheet(sheet, OPTIONS);
      return Promise.resolve({ analysis, applied: [], notes: [], summarySheet: null, planSnapshot: snapshotOf(analysis, sheet) });
    };
    const host: PlanHost = {
      check,
      run: check,
      select: async () => undefined,
      selection: async () => null,
      loadSettings: async () => ({}),
      saveSettings: async () => undefined,
      onChange: async () => () => undefined,
    };
    return host;
  }

  const december = () => {
    const bytes = pack({ ...draft(), sheets: [sheet('Q3 2001-02', DECEMBER_2001 as Cell[][], 1)] });
    return new File([bytes as Uint8Array<ArrayBuffer>], 'q3.xlsx', {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
  };

  test('[M2.2][M2.3] the picked file is read in the pane and its movement listed as a careful officer would', async () => {
    render(<App host={marchHost()} theme="light" />);
    await userEvent.click(screen.getByRole('button', { name: 'Check plan' }));
    expect(await screen.findByRole('button', { name: 'Compare with a previous version...' })).toBeTruthy();
    await userEvent.upload(screen.getByLabelText('Previous version (.xlsx file)'), december());
    const section = await screen.findByRole('region', { name: 'Since 31 December 2001, from q3.xlsx' });
    // By hand (tests/fixtures/returns.ts): R4 and R5 renumbered from R5 and R7; the old R4 dropped.
    const refs = (name: string) =>
      within(within(section).getByRole('list', { name }))
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    expect(refs('Completed (1)')).toEqual(['R2']);
    expect(refs('Status improved (1)')).toEqual(['R4']);
    expect(refs('Status worse (1)')).toEqual(['R3']);
    expect(refs('Newly overdue (1)')).toEqual(['R5']);
    expect(refs('Added (1)')).toEqual(['R7']);
    expect(refs('Removed (1)')).toEqual(['R4']);
    expect(refs('Due date moved (1)')).toEqual(['R6']);
    expect(refs('Progress text unchanged (1)')).toEqual(['R1']);
    expect(within(section).getByText(/6 matched with the return as at 31 December 2001, 2 of them by recommendation text/)).toBeTruthy();
  });

  test('a file that is not a workbook is refused in one line, and nothing else changes', async () => {
    render(<App host={marchHost()} theme="light" />);
    await userEvent.click(screen.getByRole('button', { name: 'Check plan' }));
    await screen.findByRole('button', { name: 'Compare with a previous version...' });
    await userEvent.upload(screen.getByLabelText('Previous version (.xlsx file)'), new File(['not a zip'], 'notes.xlsx'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/notes\.xlsx is not a readable \.xlsx workbook/);
    expect(screen.queryByRole('region', { name: /^Since/ })).toBeNull();
  });
});
