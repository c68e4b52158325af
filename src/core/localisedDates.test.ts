// Issue 20, item 8: Excel on the web has returned date formats in the account's language (office-js #2824,
// #1553), so a date column is told from a number column by the shape of its code, in any language.
import { isDateFormat } from './dates';

describe('date formats in the account language', () => {
  test.each([
    ['TT.MM.JJJJ', 'German'],
    ['T. MMMM JJJJ', 'German, long'],
    ['TT.MM.JJJJ hh:mm', 'German, with a time'],
    ['JJJJ-MM-TT', 'German, ISO order'],
    ['jj/mm/aaaa', 'French'],
    ['gg/mm/aaaa', 'Italian'],
    ['pp.kk.vvvv', 'Finnish'],
    ['ДД.ММ.ГГГГ', 'Russian'],
    ['[$-407]TT.MM.JJJJ', 'German with a locale tag'],
    ['dd/mm/yyyy', 'en-GB'],
    ['d mmm yyyy', 'en-US codes'],
    ['mmmm yyyy', 'month and year'],
    ['m/d/y', 'one letter each'],
  ])('%s (%s) is a date', (format) => {
    expect(isDateFormat(format)).toBe(true);
  });

  test.each([
    ['General'],
    ['Standard'],
    ['@'],
    ['0.00'],
    ['#,##0'],
    ['0%'],
    ['[Red]0.0'],
    ['hh:mm'],
    ['mm:ss'],
    ['Text'],
    ['Standaard'],
    ['G/標準'],
    ['0 "days"'],
  ])('%s is not a date', (format) => {
    expect(isDateFormat(format)).toBe(false);
  });
});
