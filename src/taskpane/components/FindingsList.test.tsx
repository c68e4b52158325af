/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { analyseSheet } from '../../core/analyse';
import { HEADER, OPTIONS, snapshot, rec } from '../../../tests/fixtures/sheets';
import { FindingsList } from './FindingsList';
import { Overview } from './Overview';

const analysis = analyseSheet(
  snapshot([['As at 31 March 2002'], HEADER, rec('R1', { timescale: 'Jan 2002', progress: 'x' }), rec(null)]),
  OPTIONS,
);
const wrap = (ui: React.ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

describe('FindingsList', () => {
  test('groups findings by severity under headings that count them', () => {
    wrap(<FindingsList analysis={analysis} notes={[]} onSelect={() => undefined} />);
    expect(screen.getByRole('heading', { name: /Errors \(\d+\)/ })).toBeTruthy();
    expect(screen.getByRole('heading', { name: /Warnings \(\d+\)/ })).toBeTruthy();
  });

  test('[OVERDUE] activating a finding by click or keyboard selects its cell', async () => {
    const cells: string[] = [];
    wrap(<FindingsList analysis={analysis} notes={[]} onSelect={(c) => cells.push(c)} />);
    const overdue = screen.getByRole('button', { name: /^Overdue, R1, cell D3/ });
    await userEvent.click(overdue);
    overdue.focus();
    await userEvent.keyboard('{Enter}');
    expect(cells).toEqual(['D3', 'D3']);
  });
});

describe('Overview', () => {
  test('shows the headline figures and the rating counts in words', () => {
    wrap(<Overview result={{ analysis, applied: [], notes: [], summarySheet: null }} />);
    const tiles = screen.getByRole('list', { name: 'Headline figures' });
    expect(tiles.textContent).toMatch(/2Recom\u00ad?mendations/);
    expect(screen.getByRole('img', { name: /Partially 1, Not met 0, Unrated 1/ })).toBeTruthy();
  });
});
