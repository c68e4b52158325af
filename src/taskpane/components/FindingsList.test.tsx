/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { analyseSheet } from '../../core/analyse';
import type { Analysis, Finding } from '../../core/types';
import { HEADER, OPTIONS, snapshot, rec } from '../../../tests/fixtures/sheets';
import { FindingsList } from './FindingsList';
import { Overview } from './Overview';

// R1 is overdue (January 2002 at 31 March 2002) and unrated; row 4 has no reference (an error) and is rated partially.
const analysis = analyseSheet(
  snapshot([['As at 31 March 2002'], HEADER, rec('R1', { timescale: 'Jan 2002', progress: 'x' }), rec(null)]),
  OPTIONS,
);
// jsdom has no ResizeObserver; Fluent's MessageBar watches its own width with one.
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
const wrap = (ui: React.ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
const unrated = (n: number): Finding[] =>
  Array.from({ length: n }, (_, i) => ({
    rule: 'RATING_MISSING',
    severity: 'warning',
    cell: `F${i + 3}`,
    row: i + 3,
    id: `R${i + 1}`,
    message: 'No rating.',
  }));
const big = (n: number): Analysis => ({ ...analysis, findings: unrated(n) });

describe('FindingsList', () => {
  test('[RATING_MISSING] groups findings by rule under headings that count them', () => {
    wrap(<FindingsList analysis={analysis} notes={[]} onSelect={() => undefined} />);
    expect(screen.getByRole('heading', { name: 'Findings: 1 error, 2 warnings, 0 notes' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Reference missing (1)' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Overdue (1)' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Unrated (1)' })).toBeTruthy();
  });

  test('[OVERDUE] activating a finding by click or keyboard selects its cell; its visible text is its name', async () => {
    const cells: string[] = [];
    wrap(<FindingsList analysis={analysis} notes={[]} onSelect={(c) => cells.push(c)} />);
    const overdue = screen.getByRole('button', { name: /^Overdue, R1, cell D3:/ });
    expect(overdue.textContent?.replace(/\s+/g, ' ')).toBe(overdue.getAttribute('aria-label') ?? overdue.textContent?.replace(/\s+/g, ' '));
    expect(overdue.hasAttribute('aria-label')).toBe(false);
    await userEvent.click(overdue);
    overdue.focus();
    await userEvent.keyboard('{Enter}');
    expect(cells).toEqual(['D3', 'D3']);
  });

  test('[RATING_MISSING] a big group shows its first 3, then all on "Show all", 50 at a time beyond that', async () => {
    wrap(<FindingsList analysis={big(120)} notes={[]} onSelect={() => undefined} />);
    const group = screen.getByRole('heading', { name: 'Unrated (120)' }).parentElement as HTMLElement;
    const shown = () => within(group).getAllByRole('listitem').length;
    expect(shown()).toBe(3);
    await userEvent.click(screen.getByRole('button', { name: 'Show all 120' }));
    expect(shown()).toBe(50);
    await userEvent.click(screen.getByRole('button', { name: 'Show 50 more (50 of 120 shown)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Show 20 more (100 of 120 shown)' }));
    expect(shown()).toBe(120);
  }, 20000);

  test('10,000 findings render only what is shown, with counts that have separators', () => {
    wrap(<FindingsList analysis={big(10000)} notes={[]} onSelect={() => undefined} />);
    expect(screen.getByRole('heading', { name: 'Unrated (10,000)' })).toBeTruthy();
    const group = screen.getByRole('heading', { name: 'Unrated (10,000)' }).parentElement as HTMLElement;
    expect(within(group).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.getByText('10,000 cells to visit')).toBeTruthy();
  });

  test('[OVERDUE] Previous and Next walk the findings cell by cell in sheet order, selecting each cell', async () => {
    const cells: string[] = [];
    wrap(<FindingsList analysis={analysis} notes={[]} onSelect={(c) => cells.push(c)} />);
    const previous = screen.getByRole('button', { name: 'Previous' });
    const next = screen.getByRole('button', { name: 'Next' });
    await userEvent.click(next);
    await userEvent.click(next);
    await userEvent.click(next);
    expect(screen.getByText('3 of 3: Reference missing, cell A4')).toBeTruthy();
    expect(next.hasAttribute('disabled')).toBe(true);
    await userEvent.click(previous);
    expect(cells).toEqual(['D3', 'F3', 'A4', 'F3']);
  });

  test('[ID_MISSING] the per-recommendation view groups a row\u2019s findings together', async () => {
    wrap(<FindingsList analysis={analysis} notes={[]} onSelect={() => undefined} />);
    await userEvent.click(screen.getByRole('tab', { name: 'By recommendation' }));
    const r1 = screen.getByRole('heading', { name: 'R1, row 3 (2)' }).parentElement as HTMLElement;
    expect(
      within(r1)
        .getAllByRole('button')
        .map((b) => b.textContent?.split(':')[0]),
    ).toEqual(['Overdue, R1, cell D3', 'Unrated, R1, cell F3']);
    expect(screen.getByRole('heading', { name: 'No reference, row 4 (1)' })).toBeTruthy();
  });
});

describe('Overview', () => {
  test('shows the headline sentence, the figures with an errors tile, and the rating counts in words', () => {
    wrap(<Overview result={{ analysis, applied: [], notes: [], summarySheet: null }} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('0 of 2 complete; 1 overdue, 0 of them statutory; 1 unrated.');
    const tiles = screen.getByRole('list', { name: 'Headline figures' });
    expect(tiles.textContent).toMatch(/2Recom\u00ad?mendations/);
    expect(tiles.textContent).toContain('1Errors to fix');
    expect(screen.getByRole('img', { name: /Partially 1, Not met 0, Unrated 1/ })).toBeTruthy();
  });

  test('[ID_MISSING] after a write with an error left, the bar is a warning, not a green "Done"', () => {
    wrap(<Overview result={{ analysis, applied: ['Formatted A2:F4'], notes: [], summarySheet: null }} />);
    const bar = screen.getByRole('group', { name: 'Written, but 1 error to fix.' });
    expect(bar.textContent).toContain('Formatted A2:F4.');
    expect(screen.queryByText(/^Done/)).toBeNull();
  });
});
