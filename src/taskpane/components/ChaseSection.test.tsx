/**
 * @jest-environment jsdom
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { analyseSheet } from '../../core/analyse';
import { OPTIONS, planSheet, rec } from '../../../tests/fixtures/sheets';
import { ChaseSection } from './ChaseSection';

/**
 * As at 31 March 2002, counted by hand: R1 (J Smith, January 2002) is 59 days overdue (28 + 31); R2 (J Smith,
 * December 2001) 90 days (31 + 28 + 31); R3 (A Jones) has no rating line; R4 (A Jones) is met completely and so
 * not chased; R5 has no lead and is 31 days overdue (February 2002). Rows 3 to 7.
 */
const plan = planSheet([
  rec('R1', { lead: 'J Smith', timescale: 'January 2002' }),
  rec('R2', { lead: 'J Smith', timescale: 'December 2001' }),
  rec('R3', { lead: 'A Jones', timescale: 'June 2002', progress: 'Waiting for the board.' }),
  rec('R4', { lead: 'A Jones', timescale: 'March 2002', progress: 'Done.\nRecommendation met: completely' }),
  rec('R5', { lead: '', timescale: 'February 2002' }),
]);

describe('[C1] the chase list in the pane', () => {
  test('one block per lead, the most overdue lead first and no lead last, items most overdue first, each going to its row', async () => {
    const selected: string[] = [];
    render(<ChaseSection analysis={analyseSheet(plan, OPTIONS)} onSelect={(cell) => selected.push(cell)} />);
    const section = screen.getByRole('region', { name: 'Chase list' });
    const headings = within(section)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    // Four items in all: every lead starts open.
    expect(within(section).getByRole('button', { name: 'A Jones: 1 not rated' }).getAttribute('aria-expanded')).toBe('true');
    expect(headings).toEqual(['J Smith: 2 overdue', 'A Jones: 1 not rated', 'No lead officer named: 1 overdue']);
    const smith = within(section).getByRole('list', { name: 'J Smith: 2 overdue' });
    expect(
      within(smith)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['R2: Overdue 90 days', 'R1: Overdue 59 days']);
    expect(within(section).queryByText(/^R4/)).toBeNull();
    await userEvent.click(within(smith).getByRole('button', { name: 'R2: Overdue 90 days' }));
    expect(selected).toEqual(['A4']);
  });

  test('a long chase list starts as one line, then its leads, each opening on a click', async () => {
    // 30 overdue items for one lead (rows 3 to 32): over 25 in all, so the lead starts closed.
    const many = planSheet(Array.from({ length: 30 }, (_, i) => rec(`R${i + 1}`, { lead: 'J Smith', timescale: 'January 2002' })));
    render(<ChaseSection analysis={analyseSheet(many, OPTIONS)} onSelect={() => undefined} />);
    expect(screen.queryByRole('button', { name: /^J Smith/ })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Show 30 items for 1 lead officer' }));
    const lead = screen.getByRole('button', { name: 'J Smith: 30 overdue' });
    expect(lead.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('button', { name: /^R1: / })).toBeNull();
    await userEvent.click(lead);
    expect(screen.getAllByRole('button', { name: /: Overdue 59 days$/ })).toHaveLength(10);
    await userEvent.click(screen.getByRole('button', { name: 'Show all 30 items for J Smith' }));
    expect(screen.getAllByRole('button', { name: /: Overdue 59 days$/ })).toHaveLength(30);
  });

  test('nothing to chase, no section', () => {
    const done = planSheet([rec('R1', { timescale: 'June 2002' })]);
    render(<ChaseSection analysis={analyseSheet(done, OPTIONS)} onSelect={() => undefined} />);
    expect(screen.queryByRole('region', { name: 'Chase list' })).toBeNull();
  });
});
