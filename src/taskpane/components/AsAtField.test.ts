import { HEADER, OPTIONS, rec, snapshot } from '../../../tests/fixtures/sheets';
import { analyseSheet } from '../../core/analyse';
import type { CellValue } from '../../core/types';
import { asAtWords } from './AsAtField';

/** The pane's words for the as-at date of a sheet with these rows, with no date chosen in Settings. */
const words = (values: CellValue[][]) => asAtWords(analyseSheet(snapshot(values), OPTIONS), {});
const items = [rec('R1'), rec('R2')];

describe('[T3] the pane says where on the sheet the as-at date was read', () => {
  test('the title rows: "from the sheet title"', () => {
    expect(words([['Position as at 31 March 2002'], HEADER, ...items])).toBe('31 March 2002, from the sheet title');
  });

  test('a line under the table: "from a line below the table"', () => {
    expect(words([HEADER, ...items, [], ['Position as at 31 March 2002']])).toBe('31 March 2002, from a line below the table');
  });

  test('a cell right of the header: "from a cell beside the table"', () => {
    expect(words([[...HEADER, '', 'Updated as at 31 March 2002'], ...items])).toBe('31 March 2002, from a cell beside the table');
  });

  test('no date anywhere on the sheet: today, assumed', () => {
    expect(words([HEADER, ...items])).toBe('26 November 2026, today, assumed (no date on the sheet)');
  });
});
