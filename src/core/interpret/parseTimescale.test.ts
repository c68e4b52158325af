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
    // the occurrence nearest the document date (31 March 2002): February just gone, not next year's
    ['February', '2002-02-28'],
    ['September', '2002-09-30'],
    ['October', '2001-10-31'], // five months back is nearer than seven ahead
    ['15 June', '2002-06-15'],
    ['Summer', '2002-08-31'],
    ['End of the financial year', '2002-03-31'],
  ];
  test.each(inferred)('[TIMESCALE_YEAR_INFERRED] %j is due %s, its year inferred', (text, due) => {
    expect(parseTimescale(text, REF)).toMatchObject({ kind: 'date', due, yearInferred: true });
  });

  test('a month with no year is placed from the document date it is given', () => {
    expect(parseTimescale('May meeting', '2002-06-15').due).toBe('2002-05-31');
    expect(parseTimescale('May meeting', '2002-12-15').due).toBe('2003-05-31');
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

describe('[T6] quarters, halves and parts of a year: the last day each covers', () => {
  const DOC = '2022-06-18';
  const cases: [string, string][] = [
    // calendar quarters, written out or as codes
    ['First quarter of 2022', '2022-03-31'],
    ['2nd quarter 2022', '2022-06-30'],
    ['2nd quarter of 2022', '2022-06-30'],
    ['Quarter 2 2022', '2022-06-30'],
    ['Q2 2022', '2022-06-30'],
    ['Q2 of 2022', '2022-06-30'],
    ['Third quarter 2022', '2022-09-30'],
    ['Fourth quarter of 2021', '2021-12-31'],
    ['Last quarter of 2022', '2022-12-31'],
    ['By the end of Q3 2022', '2022-09-30'],
    // financial quarters only when the text names a financial year
    ['Q1 2022/23', '2022-06-30'],
    ['Q4 2022/23', '2023-03-31'],
    ['Quarter 3 2022-23', '2022-12-31'],
    ['first quarter of 2022/23', '2022-06-30'],
    ['Q2 FY 2022/23', '2022-09-30'],
    ['Q2 22/23', '2022-09-30'],
    ['2022 Q2', '2022-06-30'],
    ['2022/23 Q4', '2023-03-31'],
    ['FY 2022-23 Quarter 3', '2022-12-31'],
    // halves
    ['H1 2023', '2023-06-30'],
    ['H2 2023', '2023-12-31'],
    ['first half of 2023', '2023-06-30'],
    ['second half of 2023', '2023-12-31'],
    ['1st half 2023', '2023-06-30'],
    ['H1 2023/24', '2023-09-30'],
    ['H2 2023/24', '2024-03-31'],
    // early, mid, late
    ['mid-2023', '2023-06-30'],
    ['Mid 2023', '2023-06-30'],
    ['middle of 2023', '2023-06-30'],
    ['early 2023', '2023-03-31'],
    ['late 2023', '2023-12-31'],
    ['Late 2022/23', '2023-03-31'],
    ['Beginning of 2023', '2023-03-31'],
    ['By the start of 2023', '2023-03-31'],
    ['Winter 2022/23', '2023-02-28'],
    ['By the end of the calendar year', '2022-12-31'],
    // the document date's financial year and the next
    ['Next financial year', '2024-03-31'],
    ['By the end of the next financial year', '2024-03-31'],
  ];
  test.each(cases)('%j is due %s', (text, due) => {
    expect(parseTimescale(text, DOC)).toMatchObject({ kind: 'date', due });
  });

  test('"start in 2023" is when work begins, not a target in early 2023', () => {
    expect(parseTimescale('Work to start in 2023', DOC).due).toBe('2023-12-31');
  });

  test('"late 12 months" is not the year 2012', () => {
    expect(parseTimescale('Running late 12 months', DOC).due).not.toBe('2012-12-31');
  });

  test('next financial year from a document dated in the first quarter of the calendar year', () => {
    expect(parseTimescale('Next financial year', '2002-03-31').due).toBe('2003-03-31');
    expect(parseTimescale('Next financial year', '2002-04-01').due).toBe('2004-03-31');
  });
});

describe('[T6] words that are not dates', () => {
  const DOC = '2002-06-18';
  test.each(['Immediate', 'Immediately', 'With immediate effect'])('[T6] %j is due at the document date', (text) => {
    expect(parseTimescale(text, DOC)).toMatchObject({ kind: 'date', due: DOC, yearInferred: false });
  });

  test.each([
    ['Not applicable', 'none'],
    ['N/A', 'none'],
    ['n/a', 'none'],
    ['n.a.', 'none'],
    ['N/A - recommendation superseded', 'none'],
    ['Dependant upon budget approval', 'none'],
    ['Dependent upon the outcome of the review', 'none'],
    ['Dependent on funding', 'none'],
    ['In hand', 'ongoing'],
    ['In progress', 'ongoing'],
  ])('[TIMESCALE_NO_DEADLINE] %j has kind %s, no due date', (text, kind) => {
    expect(parseTimescale(text, DOC)).toMatchObject({ kind, due: null });
  });
});

describe('[TIMESCALE_YEAR_INFERRED] a month or season without a year: the occurrence nearest the document date', () => {
  // A paper dated 18 June 2002: within six months either side, ties forward.
  const DOC = '2002-06-18';
  test.each([
    ['End May', '2002-05-31'], // just missed: overdue, not next May
    ['End June', '2002-06-30'],
    ['September', '2002-09-30'],
    ['December', '2002-12-31'], // six months either way: forward
    ['January', '2002-01-31'],
    ['By February', '2002-02-28'],
    ['March', '2002-03-31'],
    ['15 May', '2002-05-15'],
    ['1st of December', '2002-12-01'],
    ['Autumn', '2002-11-30'],
    ['Spring', '2002-05-31'],
    ['Summer', '2002-08-31'],
  ])('%j in a paper dated 18 June 2002 is due %s', (text, due) => {
    expect(parseTimescale(text, DOC)).toMatchObject({ kind: 'date', due, yearInferred: true });
  });
});

describe('[T6] dates that report events in a progress note are not due dates', () => {
  test.each([
    ['Decision taken to go for stock transfer \u2013 Full Council 10 January 2005', 'none', null],
    ['Done (March 2004)\nBy end 2005/06\nBenefits backlog cleared July 2004', 'date', '2006-03-31'],
    ['Programme commenced September 2004\nPhase 2 provisional start date July 2005', 'none', null],
    ['Guidance to be agreed by QPRMG in April 2002.\nTimetable to be agreed by QPRMG in May/June 2002', 'date', '2002-06-30'],
    ['Completed March 2002', 'complete', null],
  ])('%j', (text, kind, due) => {
    expect(parseTimescale(text, '2005-03-01')).toMatchObject({ kind, due });
  });
});
