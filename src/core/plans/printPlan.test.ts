import { referenceValues } from '../../../tests/fixtures/reference';
import { OPTIONS, planSheet, rec, snapshot } from '../../../tests/fixtures/sheets';
import { analyseSheet } from '../analyse';
import { planFormat } from './formatPlan';
import {
  footerCodes,
  heightFor,
  isOurFooter,
  linesFor,
  MAX_ROW_HEIGHT,
  NARROW_MARGINS,
  NORMAL_MARGINS,
  pageSetupOwner,
  planSummaryPrint,
  planTablePrint,
  type PageSetupState,
} from './printPlan';
import { buildSummary } from './summaryModel';
import type { SheetSnapshot } from '../types';

const printOf = (s: SheetSnapshot) => {
  const analysis = analyseSheet(s, OPTIONS);
  const format = planFormat(analysis, s);
  if (!format) throw new Error('no table');
  const plan = planTablePrint(analysis, s, format);
  if (!plan) throw new Error('no print plan');
  return plan;
};

// A column 45 wide holds 51 characters of prose (45 x 1.15): ten four-letter words (10 x 4 + 9 spaces = 49), not
// eleven (54); so thirty words take 3 lines.
const THIRTY_WORDS = Array.from({ length: 30 }, () => 'abcd').join(' ');

describe('[P1.1] the table prints A4 landscape, one page wide, header repeated, footer and margins', () => {
  const plan = printOf({ name: 'Appendix 1', origin: 'A1', values: referenceValues() });

  test('the reference appendix: A4 landscape, 1 page wide, header row 5 repeated, A5:I18 (with our three columns)', () => {
    expect(plan).toMatchObject({
      sheet: 'Appendix 1',
      paper: 'A4',
      orientation: 'landscape',
      fitToPagesWide: 1,
      fitToPagesTall: 0,
      titleRows: { first: 5, last: 5 },
      printArea: 'A5:I18',
      margins: NARROW_MARGINS,
    });
  });

  test('the footer says the as-at date in words and page x of y', () => {
    // The appendix's title says "Position as at 31 March 2002".
    expect(plan.footer).toEqual({ left: 'As at 31 March 2002', pageNumbers: true });
    expect(footerCodes(plan.footer)).toEqual({ left: 'As at 31 March 2002', right: 'Page &P of &N' });
  });

  test('an ampersand in the footer text is doubled, so the host prints it rather than reading a code', () => {
    expect(footerCodes({ left: 'As at 1 April 2002 & after', pageNumbers: true }).left).toBe('As at 1 April 2002 && after');
  });

  test('a two-row header repeats both rows', () => {
    const s = snapshot([
      ['Position as at 31 March 2002'],
      ['No', 'Recommendation', 'Timescale', 'Status', null, null],
      [null, null, null, 'Implemented', 'Partly implemented', 'Not implemented'],
      ['R1', 'Do it', 'March 2002', 'x', null, null],
      ['R2', 'Do more', 'June 2002', null, 'x', null],
    ]);
    const analysis = analyseSheet(s, OPTIONS);
    const format = planFormat(analysis, s);
    expect(analysis.table?.firstHeaderRow).toBe(2);
    expect(format && planTablePrint(analysis, s, format)?.titleRows).toEqual({ first: 2, last: 3 });
  });
});

describe('[P1.3] row heights fit the wrapped text', () => {
  test('lines per cell from the column width: words wrap whole, paragraphs start new lines', () => {
    expect(linesFor(THIRTY_WORDS, 45)).toBe(3);
    expect(linesFor('short', 45)).toBe(1);
    expect(linesFor('', 45)).toBe(1);
    expect(linesFor('one\ntwo\n\nfour', 45)).toBe(4);
    expect(linesFor(Array.from({ length: 31 }, () => 'abcd').join(' '), 45)).toBe(4);
    // A 30-letter word in a column 10 wide (11 characters) breaks over 3 lines.
    expect(linesFor('x'.repeat(30), 10)).toBe(3);
  });

  test('height is lines x 15 pt plus padding, one line keeps the default, capped at 409 pt', () => {
    expect(heightFor(1)).toBe(15);
    expect(heightFor(3)).toBe(48);
    expect(heightFor(200)).toBe(MAX_ROW_HEIGHT);
  });

  test('each row takes the height of its tallest cell; one-line rows are left alone', () => {
    // Header on row 2; R1's recommendation (width 45) needs 3 lines; R2's cells all fit one line
    // (subject "Audit" in 28, progress "Recommendation met: fully" in 70).
    const s = planSheet([
      rec('R1', { recommendation: THIRTY_WORDS, subject: 'Audit', progress: 'Recommendation met: fully' }),
      rec('R2', { recommendation: 'Short', subject: 'Audit', progress: 'Recommendation met: fully' }),
    ]);
    const plan = printOf(s);
    expect(plan.rowHeights).toEqual([{ row: 3, height: 48 }]);
  });

  test('the status column counts with its own width', () => {
    const long = 'Overdue 245 days; Unrated; Check timescale; Duplicate reference';
    // 24 wide holds 27 characters: "Overdue 245 days; Unrated;" (26) | "Check timescale; Duplicate" (26) | "reference".
    expect(linesFor(long, 24)).toBe(3);
  });
});

describe('[P1.2] whose page setup a sheet has', () => {
  const blank: PageSetupState = {
    orientation: null,
    scale: null,
    fitToPage: false,
    fitToPagesWide: null,
    fitToPagesTall: null,
    headers: '',
    footers: '',
    printTitles: false,
    printArea: false,
    pageBreaks: false,
    margins: null,
  };
  const ours: PageSetupState = {
    ...blank,
    orientation: 'landscape',
    fitToPage: true,
    fitToPagesWide: 1,
    fitToPagesTall: 0,
    footers: 'As at 31 March 2002\nPage &P of &N',
    printTitles: true,
    printArea: true,
    margins: NARROW_MARGINS,
  };

  test('a sheet as new (portrait, 100%, Normal margins) has none of its own', () => {
    expect(pageSetupOwner(blank)).toBe('none');
    expect(pageSetupOwner({ ...blank, orientation: 'portrait', scale: 100, margins: NORMAL_MARGINS })).toBe('none');
  });

  test('our own setup is recognised by our footer with landscape and one page wide', () => {
    expect(pageSetupOwner(ours)).toBe('ours');
    expect(pageSetupOwner({ ...ours, footers: 'As at 30 June 2002\nPage &P of &N' })).toBe('ours');
  });

  test.each<[string, Partial<PageSetupState>]>([
    ['landscape', { orientation: 'landscape' }],
    ['a zoom of 80%', { scale: 80 }],
    ['fit to pages', { fitToPage: true }],
    ['a header', { headers: 'Audit Committee' }],
    ['a footer', { footers: 'Page &P' }],
    ['print titles', { printTitles: true }],
    ['a print area', { printArea: true }],
    ['manual page breaks', { pageBreaks: true }],
    ['Wide margins', { margins: { left: 1, right: 1, top: 1, bottom: 1, header: 0.5, footer: 0.5 } }],
  ])('%s is the user’s own setup', (_, change) => {
    expect(pageSetupOwner({ ...blank, ...change })).toBe('user');
  });

  test('our footer changed by the user, or set beside portrait, is theirs', () => {
    expect(pageSetupOwner({ ...ours, footers: 'As at 31 March 2002\nPage &P of &N\nConfidential' })).toBe('user');
    expect(pageSetupOwner({ ...ours, orientation: 'portrait' })).toBe('user');
    expect(pageSetupOwner({ ...ours, headers: 'Draft' })).toBe('user');
    expect(isOurFooter('Page &P of &N')).toBe(false);
  });
});

describe('[P1.4] the summary sheet prints like the table, over its whole grid', () => {
  test('A4 landscape, one page wide, no title rows, no print area (all it uses prints, its chart too)', () => {
    const s = planSheet([rec('R1'), rec('R2')]);
    const analysis = analyseSheet(s, OPTIONS);
    const model = buildSummary(analysis, '26 November 2026 at 10:00', 'Action plan summary');
    const plan = planSummaryPrint(model, analysis.asAt);
    expect(plan).toMatchObject({
      sheet: 'Action plan summary',
      orientation: 'landscape',
      fitToPagesWide: 1,
      titleRows: null,
      printArea: null,
      rows: { first: 1, last: model.rows.length },
      footer: { left: 'As at 31 March 2002', pageNumbers: true },
    });
  });
});
