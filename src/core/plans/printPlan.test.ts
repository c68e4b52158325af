import { referenceValues } from '../../../tests/fixtures/reference';
import { OPTIONS, planSheet, rec, snapshot } from '../../../tests/fixtures/sheets';
import { analyseSheet } from '../analyse';
import { planFormat } from './formatPlan';
import {
  footerCodes,
  headerCodes,
  heightFor,
  isOurFooter,
  linesFor,
  MAX_ROW_HEIGHT,
  NARROW_MARGINS,
  NORMAL_MARGINS,
  pageSetupOwner,
  planName,
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

// A column 45 wide holds 54 characters of prose ((45 x 7 px - 5 px padding) / 5.7 px a character): eleven four-letter
// words (11 x 4 + 10 spaces = 54), not twelve (59); so thirty words take 3 lines, thirty-four take 4.
const THIRTY_WORDS = Array.from({ length: 30 }, () => 'abcd').join(' ');

describe('[P1.1] the table prints A4 landscape, one page wide, header repeated, footer and margins', () => {
  const plan = printOf({ name: 'Appendix 1', origin: 'A1', values: referenceValues() });

  test('the reference appendix: A4 landscape, 1 page wide, header row 5 repeated, A1:I18 (its title rows and our three columns)', () => {
    expect(plan).toMatchObject({
      sheet: 'Appendix 1',
      paper: 'A4',
      orientation: 'landscape',
      fitToPagesWide: 1,
      fitToPagesTall: 0,
      titleRows: { first: 5, last: 5 },
      printArea: 'A1:I18',
      margins: NARROW_MARGINS,
    });
  });

  test('the page header names the plan: the sheet and its title, not the date line (the footer has the date)', () => {
    // Title rows: "Appendix 1", "ACTION PLAN PROGRESS SUMMARY: ... 2001/2", "31st March 2002".
    expect(plan.header?.left).toBe(
      'Appendix 1 \u2013 ACTION PLAN PROGRESS SUMMARY: DISTRICT AUDIT REPORT ON POLICING AND PERFORMANCE PLAN 2001/2',
    );
    expect(headerCodes({ left: 'Audit & Risk' }).left).toBe('&"-,Bold"Audit && Risk');
  });

  test('the plan name: the sheet first unless a title row is the sheet name; long names cut with an ellipsis', () => {
    expect(planName('Plan', ['Internal audit actions', 'Position as at 30 June 2002'])).toBe('Plan \u2013 Internal audit actions');
    expect(planName('Plan', [])).toBe('Plan');
    expect(planName('Plan', ['Action plan: position as at 31 March 2002', 'March 2002'])).toBe('Plan \u2013 Action plan');
    const long = planName('Plan', ['x'.repeat(200)]);
    expect(long).toHaveLength(120);
    expect(long.endsWith('\u2026')).toBe(true);
  });

  test('the print area starts at the first title row above the header, blank rows above it left out', () => {
    const s = snapshot([
      [null],
      [null],
      ['Audit actions'],
      [null],
      ...planSheet([rec('R1')])
        .values.slice(1)
        .map((r) => [...r]),
    ]);
    expect(printOf(s)).toMatchObject({ printArea: 'A3:I6', titleRows: { first: 5, last: 5 } });
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
    expect(linesFor(Array.from({ length: 33 }, () => 'abcd').join(' '), 45)).toBe(3);
    expect(linesFor(Array.from({ length: 34 }, () => 'abcd').join(' '), 45)).toBe(4);
    // A 30-letter word in a column 10 wide (11 characters) breaks over 3 lines.
    expect(linesFor('x'.repeat(30), 10)).toBe(3);
  });

  test('height is lines x 15 pt plus padding, one line keeps the default, capped at 409 pt', () => {
    expect(heightFor(1)).toBe(15);
    expect(heightFor(3)).toBe(48);
    expect(heightFor(200)).toBe(MAX_ROW_HEIGHT);
  });

  test('each row takes the height of its tallest cell; one-line rows are left alone', () => {
    // Header on row 2: its tallest cell is our days-overdue header, "Days overdue at 31 Mar 2002 (auto)" in 12 wide
    // (13 characters a line: "Days overdue" | "at 31 Mar" | "2002 (auto)"), 3 lines. R1's recommendation (width 21,
    // narrowed to the print budget: 24 characters, five four-letter words a line) needs 6 lines; R2's tallest cell is
    // its lead, "Head of Performance" (19 characters in 14 wide: 16 a line), 2 lines.
    const s = planSheet([
      rec('R1', { recommendation: THIRTY_WORDS, subject: 'Audit', progress: 'Recommendation met: fully' }),
      rec('R2', { recommendation: 'Short', subject: 'Audit', progress: 'Recommendation met: fully' }),
    ]);
    const plan = printOf(s);
    expect(plan.rowHeights).toEqual([
      { row: 2, height: 48 },
      { row: 3, height: 93 },
      { row: 4, height: 33 },
    ]);
  });

  test('the status column counts with its own width', () => {
    const long = 'Overdue 245 days; Unrated; Check timescale; Duplicate reference';
    // 24 wide holds 28 characters: "Overdue 245 days; Unrated;" (26) | "Check timescale; Duplicate" (26) | "reference".
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
    // With our page header, the plan's name in bold (an earlier run wrote none), whatever the title now says.
    expect(pageSetupOwner({ ...ours, headers: '&"-,Bold"Appendix 1 \u2013 Action plan' })).toBe('ours');
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
    expect(pageSetupOwner({ ...ours, headers: '&"-,Bold"Appendix 1\nDraft' })).toBe('user');
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
