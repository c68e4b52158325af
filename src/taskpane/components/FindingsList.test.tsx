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

// R1 is overdue (January 2002 at 31 March 2002, rated partially); row 4 has no reference (an error) and no rating
// (Not rated: an item without a status is never counted overdue, SPEC S1).
const analysis = analyseSheet(
  snapshot([['As at 31 March 2002'], HEADER, rec('R1', { timescale: 'Jan 2002' }), rec(null, { progress: 'x' })]),
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
  test('[RATING_MISSING] groups findings by rule under headers that count the recommendations', () => {
    wrap(<FindingsList analysis={analysis} notes={[]} onSelect={() => undefined} />);
    expect(screen.getByRole('heading', { name: 'Findings: 1 error, 2 warnings, 0 notes' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Reference missing: 1 recommendation$/ }).getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('button', { name: /Overdue: 1 recommendation$/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Unrated: 1 recommendation$/ })).toBeTruthy();
  });

  test('[OVERDUE] activating a finding by click or keyboard selects its cell; its visible text is its name', async () => {
    const cells: string[] = [];
    wrap(<FindingsList analysis={analysis} notes={[]} onSelect={(c) => cells.push(c)} />);
    const overdue = screen.getByRole('button', { name: /^R1, cell D3:/ });
    expect(overdue.hasAttribute('aria-label')).toBe(false);
    expect(overdue.hasAttribute('aria-labelledby')).toBe(false);
    await userEvent.click(overdue);
    overdue.focus();
    await userEvent.keyboard('{Enter}');
    expect(cells).toEqual(['D3', 'D3']);
  });

  test('[RATING_MISSING] 1,200 identical findings are one closed header with a count, not 1,200 cards', async () => {
    wrap(<FindingsList analysis={big(1200)} notes={[]} onSelect={() => undefined} />);
    const header = screen.getByRole('button', { name: /^\W*Unrated: 1,200 recommendations$/ });
    expect(header.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryAllByRole('button', { name: /^R\d+, cell F\d+:/ })).toHaveLength(0);
    await userEvent.click(header);
    expect(header.getAttribute('aria-expanded')).toBe('true');
    // Opened, the list draws only the rows in view (jsdom assumes a 480-pixel box), each placed in the set of all rows.
    const drawn = screen.getAllByRole('button', { name: /^R\d+, cell F\d+:/ });
    expect(drawn.length).toBeGreaterThan(5);
    expect(drawn.length).toBeLessThan(40);
    const items = within(screen.getByRole('list', { name: 'Findings by rule' })).getAllByRole('listitem');
    expect(items[0]?.getAttribute('aria-setsize')).toBe('1201');
    await userEvent.click(header);
    expect(screen.queryAllByRole('button', { name: /^R\d+, cell F\d+:/ })).toHaveLength(0);
  });

  test('10,000 findings render only what is in view, with counts that have separators', async () => {
    wrap(<FindingsList analysis={big(10000)} notes={[]} onSelect={() => undefined} />);
    await userEvent.click(screen.getByRole('button', { name: /Unrated: 10,000 recommendations/ }));
    expect(document.querySelectorAll('button').length).toBeLessThan(60);
    expect(screen.getByText('10,000 cells to visit')).toBeTruthy();
  });

  test('[RATING_MISSING] arrow keys move between rows, drawing the rows beyond the window as they go', async () => {
    wrap(<FindingsList analysis={big(200)} notes={[]} onSelect={() => undefined} />);
    const header = screen.getByRole('button', { name: /Unrated: 200 recommendations/ });
    await userEvent.click(header);
    header.focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toMatch(/^R1, cell F3:/);
    await userEvent.keyboard('{End}');
    expect(document.activeElement?.textContent).toMatch(/^R200, cell F202:/);
    await userEvent.keyboard('{ArrowUp}');
    expect(document.activeElement?.textContent).toMatch(/^R199, cell F201:/);
  });

  test('[OVERDUE] Previous and Next walk the findings cell by cell in sheet order, selecting each cell', async () => {
    const cells: string[] = [];
    wrap(<FindingsList analysis={analysis} notes={[]} onSelect={(c) => cells.push(c)} />);
    const previous = screen.getByRole('button', { name: 'Previous' });
    const next = screen.getByRole('button', { name: 'Next' });
    await userEvent.click(next);
    await userEvent.click(next);
    await userEvent.click(next);
    expect(screen.getByText('3 of 3: Unrated, cell F4')).toBeTruthy();
    expect(next.hasAttribute('disabled')).toBe(true);
    await userEvent.click(previous);
    expect(cells).toEqual(['D3', 'A4', 'F4', 'A4']);
    expect(screen.getByRole('button', { current: true }).textContent).toMatch(/cell A4:/);
  });

  test('[RATING_MISSING] Next opens a closed group and shows the finding it walks to', async () => {
    wrap(<FindingsList analysis={big(1200)} notes={[]} onSelect={() => undefined} />);
    const next = screen.getByRole('button', { name: 'Next' });
    await userEvent.click(next);
    await userEvent.click(next);
    expect(screen.getByRole('button', { name: /Unrated: 1,200 recommendations/ }).getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('button', { current: true }).textContent).toMatch(/^R2, cell F4:/);
    expect(screen.getByText('No rating.', { selector: 'p' })).toBeTruthy();
  });

  test('[ID_MISSING] the per-recommendation view groups a row\u2019s findings together', async () => {
    wrap(<FindingsList analysis={analysis} notes={[]} onSelect={() => undefined} />);
    await userEvent.click(screen.getByRole('tab', { name: 'By recommendation' }));
    expect(screen.getByRole('button', { name: /R1, row 3: 1 finding$/ }).getAttribute('aria-expanded')).toBe('true');
    const list = screen.getByRole('list', { name: 'Findings by recommendation' });
    expect(
      within(list)
        .getAllByRole('button')
        .map((b) => b.textContent?.split(':')[0]?.replace('\u203A', '')),
    ).toEqual(['R1, row 3', 'Overdue, cell D3', 'No reference, row 4', 'Reference missing, cell A4', 'Unrated, cell F4']);
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
