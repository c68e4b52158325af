import { parseTimescale, parseTimescaleCell } from './parseTimescale';

const REF = '2002-03-31';

describe('[T6] timescale -> due date, UK conventions', () => {
  const dated: [string, string, boolean?][] = [
    // day-first numeric dates
    ['05/04/2002', '2002-04-05'],
    ['5.4.02', '2002-04-05'],
    ['05-04-2002', '2002-04-05'],
    ['04/25/2002', '2002-04-25'],
    ['2002-06-30', '2002-06-30'],
    // written days
    ['31 March 02', '2002-03-31'],
    ['31st March 2002', '2002-03-31'],
    ['31-Mar-03', '2003-03-31'],
    ['1st of June 2002', '2002-06-01'],
    ['March 31 2002', '2002-03-31'],
    ['June 15th, 2002', '2002-06-15'],
    // month and year: last day of the month
    ['September 02', '2002-09-30'],
    ['Sept 2002', '2002-09-30'],
    ['Mar-03', '2003-03-31'],
    ['Dec 2002', '2002-12-31'],
    ['July 2002', '2002-07-31'],
    ['February 2004', '2004-02-29'],
    // runs of months: the later month
    ['May/June 2002', '2002-06-30'],
    ['June - July 2002', '2002-07-31'],
    ['June to July 2002', '2002-07-31'],
    // end of a year
    ['end of 2002', '2002-12-31'],
    ['Process in place by end of 2002', '2002-12-31'],
    ['2003', '2003-12-31'],
    // UK financial years: 31 March of the second year
    ['2002/03', '2003-03-31'],
    ['2002/2003', '2003-03-31'],
    ['FY 2002-03', '2003-03-31'],
    ['FY02/03', '2003-03-31'],
    ['End of 2002/2003', '2003-03-31'],
    ['2001/2', '2002-03-31'],
    ['2002-2004', '2004-12-31'],
    // quarters
    ['Q1 2002/03', '2002-06-30'],
    ['Q4 2002/03', '2003-03-31'],
    ['Q3 2002', '2002-09-30'],
    ['Quarter 2 2003', '2003-06-30'],
    // seasons
    ['Summer 2002', '2002-08-31'],
    ['spring 2003', '2003-05-31'],
    ['Autumn 02', '2002-11-30'],
    ['Winter 2002', '2003-02-28'],
    // several dates: the latest
    ['Guidance to be agreed by QPRMG in April 2002.\nCompliance checking timetable to be agreed by QPRMG in May/June 2002', '2002-06-30'],
    ['December 2002 (revised from September 2002)', '2002-12-31'],
    // a date wins over "subject to" and "ongoing"
    ['Subject to funding, March 2003', '2003-03-31'],
    // chrono for the rare forms
    ['within the next month', '2002-04-30'],
    ['in six months', '2002-09-30'],
  ];
  test.each(dated)('%j is due %s', (text, due) => {
    const t = parseTimescale(text, REF);
    expect(t).toMatchObject({ kind: 'date', due, yearInferred: false, text });
  });

  const inferred: [string, string][] = [
    ['Strategy to be finalised and presented to May meeting of BVPB', '2002-05-31'],
    ['By June', '2002-06-30'],
    ['March', '2002-03-31'],
    ['February', '2003-02-28'],
    ['15 June', '2002-06-15'],
    ['Summer', '2002-08-31'],
    ['End of the financial year', '2002-03-31'],
  ];
  test.each(inferred)('[TIMESCALE_YEAR_INFERRED] %j is due %s, its year inferred', (text, due) => {
    expect(parseTimescale(text, REF)).toMatchObject({ kind: 'date', due, yearInferred: true });
  });

  test('a month with no year is read after the document date, not the as-at date', () => {
    expect(parseTimescale('May meeting', '2002-06-15').due).toBe('2003-05-31');
  });

  test('"may" as a verb is not the month of May', () => {
    expect(parseTimescale('This may be delayed', REF).kind).toBe('unparsed');
  });

  test('two-digit years go to the century nearest the document date', () => {
    expect(parseTimescale('Mar-99', '2001-01-01').due).toBe('1999-03-31');
    expect(parseTimescale('Mar-03', '2001-01-01').due).toBe('2003-03-31');
  });

  test('"June 15" is a day, not June 2015', () => {
    expect(parseTimescale('June 15', REF)).toMatchObject({ due: '2002-06-30', yearInferred: true });
  });

  test.each([
    ['Ongoing', 'ongoing'],
    ['Ongoing development work', 'ongoing'],
    ['Continuous', 'ongoing'],
    ['Complete', 'complete'],
    ['Completed', 'complete'],
    ['Completed March 2002', 'complete'],
    ['Done.', 'complete'],
    ['This depends on future amendments to the BVPI suite.', 'none'],
    ['TBC', 'none'],
    ['To be confirmed', 'none'],
    ['Subject to the outcome of the review', 'none'],
    ['Deferred', 'none'],
    ['', 'missing'],
    ['   ', 'missing'],
    ['soonish', 'unparsed'],
    ['As soon as possible', 'unparsed'],
  ])('%j has kind %s', (text, kind) => {
    expect(parseTimescale(text, REF)).toMatchObject({ kind, due: null });
  });

  test('"Complete by end of 2002" is a deadline, not a completion', () => {
    expect(parseTimescale('Complete by end of 2002', REF)).toMatchObject({ kind: 'date', due: '2002-12-31' });
  });

  test('a date more than 30 years from the document date is ignored as a slip', () => {
    expect(parseTimescale('March 1905', REF).kind).toBe('unparsed');
  });
});

describe('[T6] timescale cells', () => {
  test('a date cell (serial with a date format) is that date', () => {
    expect(parseTimescaleCell(37437, 'dd/mm/yyyy', REF)).toMatchObject({ kind: 'date', due: '2002-06-30' });
  });
  test('a serial with no formats known is read as a date', () => {
    expect(parseTimescaleCell(37437, undefined, REF)).toMatchObject({ kind: 'date', due: '2002-06-30' });
  });
  test('a plain number formatted as a number is not a date', () => {
    expect(parseTimescaleCell(37437, '0.00', REF).kind).toBe('unparsed');
  });
  test('a whole year typed as a number is the end of that year', () => {
    expect(parseTimescaleCell(2003, 'General', REF)).toMatchObject({ kind: 'date', due: '2003-12-31' });
  });
  test('blank, boolean and error cells', () => {
    expect(parseTimescaleCell(null, undefined, REF).kind).toBe('missing');
    expect(parseTimescaleCell(true, undefined, REF).kind).toBe('unparsed');
    expect(parseTimescaleCell({ error: '#N/A' }, undefined, REF).kind).toBe('unparsed');
  });
  test('text cells go through the phrase parser', () => {
    expect(parseTimescaleCell('Sept 2002', 'General', REF).due).toBe('2002-09-30');
  });
});
