import { dateShape, formatLocaleDate, parseLocaleDate } from './localeDate';

describe('the as-at field in the user\u2019s locale', () => {
  test('shows the pattern each locale writes: dd/mm/yyyy in Britain, mm/dd/yyyy in the US, dd.mm.yyyy in Germany', () => {
    expect(dateShape('en-GB').pattern).toBe('dd/mm/yyyy');
    expect(dateShape('en-US').pattern).toBe('mm/dd/yyyy');
    expect(dateShape('de-DE').pattern).toBe('dd.mm.yyyy');
    expect(dateShape('not a locale!').pattern).toBe('dd/mm/yyyy');
  });

  test('reads dates day first in en-GB, with any separator', () => {
    expect(parseLocaleDate('31/03/2002', 'en-GB')).toBe('2002-03-31');
    expect(parseLocaleDate('1/4/2002', 'en-GB')).toBe('2002-04-01');
    expect(parseLocaleDate(' 05.11.2002 ', 'en-GB')).toBe('2002-11-05');
  });

  test('reads the same text month first in en-US, and refuses dates that do not exist', () => {
    expect(parseLocaleDate('03/31/2002', 'en-US')).toBe('2002-03-31');
    expect(parseLocaleDate('03/31/2002', 'en-GB')).toBeNull();
    expect(parseLocaleDate('31/02/2002', 'en-GB')).toBeNull();
    expect(parseLocaleDate('31/03/02', 'en-GB')).toBeNull();
    expect(parseLocaleDate('', 'en-GB')).toBeNull();
  });

  test('shows a stored ISO date the locale\u2019s way', () => {
    expect(formatLocaleDate('2002-03-31', 'en-GB')).toBe('31/03/2002');
    expect(formatLocaleDate('2002-03-31', 'en-US')).toBe('03/31/2002');
    expect(formatLocaleDate('2002-03-31', 'de-DE')).toBe('31.03.2002');
    expect(formatLocaleDate(undefined, 'en-GB')).toBe('');
  });
});
