import { formatUkDate, parseUkDate } from './ukDate';

describe('British dates in the as-at field', () => {
  test('reads dd/mm/yyyy, day first', () => {
    expect(parseUkDate('31/03/2002')).toBe('2002-03-31');
    expect(parseUkDate('1/4/2002')).toBe('2002-04-01');
    expect(parseUkDate(' 05.11.2002 ')).toBe('2002-11-05');
  });

  test('refuses dates that do not exist and American month-first dates past the 12th', () => {
    expect(parseUkDate('31/02/2002')).toBeNull();
    expect(parseUkDate('03/31/2002')).toBeNull();
    expect(parseUkDate('2002-03-31')).toBeNull();
    expect(parseUkDate('')).toBeNull();
  });

  test('shows a stored ISO date as dd/mm/yyyy', () => {
    expect(formatUkDate('2002-03-31')).toBe('31/03/2002');
    expect(formatUkDate(undefined)).toBe('');
  });
});
