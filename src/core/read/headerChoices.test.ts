import { headerChoices, likelyHeaderRow } from './headerChoices';
import type { CellValue, SheetSnapshot } from '../types';

const odd: CellValue[][] = [
  ['Tracker'],
  ['Code', 'Matter', 'Person', 'When', 'What', 'How far'],
  ['R1', 'Budgets', 'CFO', 'Sept 2002', 'Set a budget', 'Done.\nRecommendation met: completely'],
  ['R2', null, 'HR', 'TBC', 'Hire', 'Started'],
  ['R3', 'Staff', 'HR', 'TBC', 'Hire more staff for the whole of the organisation this year', 'x'],
];
const sheet: SheetSnapshot = { name: 'Odd', origin: 'A1', values: odd };

describe('[T1] header cells to pick columns from', () => {
  test('each header cell with its letter, text and the first two values below it', () => {
    const choices = headerChoices(sheet, 2);
    expect(choices?.row).toBe(2);
    expect(choices?.cells.map((c) => c.column)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(choices?.cells[0]).toMatchObject({ text: 'Code', samples: ['R1', 'R2'] });
    // B3 is empty: the next value down is taken.
    expect(choices?.cells[1]?.samples).toEqual(['Budgets', 'Staff']);
    // Line breaks read as spaces.
    expect(choices?.cells[5]?.samples[0]).toBe('Done. Recommendation met: completely');
  });

  test('a long value is cut to 40 characters with an ellipsis', () => {
    const sample = headerChoices(sheet, 3)?.cells[4]?.samples[1] ?? '';
    expect(sample).toHaveLength(40);
    expect(sample.endsWith('\u2026')).toBe(true);
  });

  test('a header word suggests its role', () => {
    const choices = headerChoices({ ...sheet, values: [['No', 'Lead officer', 'Budget']] }, 1);
    expect(choices?.cells.map((c) => c.suggested)).toEqual(['id', 'lead', null]);
  });

  test('an empty or missing row gives null; an origin below A1 is respected', () => {
    expect(headerChoices(sheet, 40)).toBeNull();
    const shifted = headerChoices({ ...sheet, origin: 'C3' }, 4);
    expect(shifted?.cells[0]).toMatchObject({ column: 'C', text: 'Code' });
  });

  test('the row offered: the chosen one, else the first row with three filled cells', () => {
    expect(likelyHeaderRow(sheet, 7)).toBe(7);
    expect(likelyHeaderRow(sheet)).toBe(2);
    expect(likelyHeaderRow({ ...sheet, values: [['a'], ['b']] })).toBeNull();
  });
});
