/**
 * @jest-environment jsdom
 */
import { render, screen, within } from '@testing-library/react';
import { analyseSheet } from '../../core/analyse';
import { levelSwatch, UNRATED_SWATCH } from '../../core/plans/palette';
import { EXTENT_SCALE } from '../../core/vocabulary/scales';
import { OPTIONS, planSheet, rec } from '../../../tests/fixtures/sheets';
import { Overview } from './Overview';

/** "#1879AA" as jsdom reports a style colour: "rgb(24, 121, 170)". */
const rgb = (hex: string) => {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

describe('[F4] the pane colours the rating bar by meaning, as the chart does', () => {
  test('with "Not applicable" on the scale, the seventh entry (Not rated) is the unrated colour, not Completely\'s green', () => {
    // R1 met completely, R2 not applicable, R3 and R4 with no rating line: on the extent scale (six levels, the sixth
    // "Not applicable") "Not rated" is the seventh entry, which a six-colour list by position coloured as Completely.
    const sheet = planSheet([
      rec('R1', { progress: 'Done.\nRecommendation met: completely' }),
      rec('R2', { progress: 'Overtaken.\nRecommendation met: not applicable' }),
      rec('R3', { progress: 'Waiting for the board.' }),
      rec('R4', { progress: 'Waiting for the board.' }),
    ]);
    const analysis = analyseSheet(sheet, OPTIONS);
    render(<Overview result={{ analysis, applied: [], notes: [], summarySheet: null }} />);
    const legend = screen.getByRole('list', { name: 'Rating counts' });
    const swatches = within(legend)
      .getAllByRole('listitem')
      .map((li) => ({
        label: li.textContent ?? '',
        colour: (li.querySelector('span > span') as HTMLElement | null)?.style.backgroundColor,
      }));
    expect(swatches).toHaveLength(7);
    const levels = EXTENT_SCALE.levels;
    expect(swatches[0]).toEqual({ label: 'Completely1', colour: rgb(levelSwatch(levels, 0).fill) });
    expect(swatches[5]).toEqual({ label: 'Not applicable1', colour: rgb(levelSwatch(levels, 5).fill) });
    expect(swatches[6]).toEqual({ label: 'Not rated2', colour: rgb(UNRATED_SWATCH.fill) });
    expect(swatches[6]?.colour).not.toBe(swatches[0]?.colour);
  });
});
