jest.setTimeout(300_000);

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../cli/helpers';
import { onlySheet, pdfPages, soffice, toPdf } from './printing';

const SAMPLE = join(__dirname, '..', '..', 'assets', 'samples', 'action-plan-2001-02.xlsx');

// The reference appendix (assets/samples/action-plan-2001-02.xlsx): header on row 5 ("No", "Subject", "Lead",
// "Timescales ...", "Recommendation", "Progress Update and degree to which recommendation met"), 13 recommendations
// R1-R13 on rows 6-18, then our status column G, "Check (auto)". Before page setup it printed on 11 pages with
// the table split over 4 pages side by side.
// LibreOffice 7.4 honours all we write: paper, orientation, fit to width, print titles and area, the footer codes,
// margins and the stored row heights (it keeps an `ht` as stored rather than re-measuring, which is why, before
// heights were stored, long text overlapped the rows below).
const FIRST_HEADER = 'No';
const LAST_HEADER = 'Check (auto)';
const REFERENCES = Array.from({ length: 13 }, (_, i) => `R${i + 1}`);

(soffice ? describe : describe.skip)('[P1] the reference appendix prints as papers (LibreOffice PDF)', () => {
  let sheets: { text: string; width: number; height: number }[] = [];
  let pages: string[] = [];
  let tablePages: string[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apc-print-'));
    const out = join(dir, 'appendix.xlsx');
    const result = await run(['apply', SAMPLE, '--out', out, '--today', '2026-11-26']);
    expect(result.code).toBe(0);
    // The table's pages on their own: a copy that lists only the appendix, with its own names.
    writeFileSync(join(dir, 'table.xlsx'), onlySheet(readFileSync(out), 'Appendix 1'));
    toPdf(dir, [out, join(dir, 'table.xlsx')]);
    sheets = pdfPages(join(dir, 'appendix.pdf'));
    pages = sheets.map((p) => p.text);
    tablePages = pdfPages(join(dir, 'table.pdf')).map((p) => p.text);
  });

  test('the table sheet prints on at most 4 pages', () => {
    expect(tablePages.length).toBeGreaterThanOrEqual(1);
    expect(tablePages.length).toBeLessThanOrEqual(4);
  });

  test('every table page repeats the header: "Recommendation" and "Progress" on each', () => {
    for (const [i, page] of tablePages.entries())
      expect({ page: i + 1, recommendation: page.includes('Recommendation'), progress: page.includes('Progress Update') }).toEqual({
        page: i + 1,
        recommendation: true,
        progress: true,
      });
  });

  test('no column is split across pages: every table page holds the first and the last header', () => {
    for (const [i, page] of tablePages.entries())
      expect({ page: i + 1, first: new RegExp(`(^| )${FIRST_HEADER} `).test(page), last: page.includes(LAST_HEADER) }).toEqual({
        page: i + 1,
        first: true,
        last: true,
      });
  });

  test('all 13 recommendations print, in order, each on one page', () => {
    const found = REFERENCES.map((ref) => tablePages.findIndex((p) => new RegExp(`(^| )${ref} `).test(p)));
    expect(found.every((page) => page >= 0)).toBe(true);
    expect(found).toEqual([...found].sort((a, b) => a - b));
  });

  test('each page has the footer: the as-at date and "Page x of y"', () => {
    // LibreOffice counts pages over everything it prints (our sheets and the table), as Excel does for a
    // whole-workbook print; printed alone from Excel, each sheet counts its own.
    for (const [i, page] of pages.entries()) {
      expect(page).toContain('As at 31 March 2002');
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    }
  });

  test('[M1] printed whole, the workbook starts with the committee\u2019s pages (at most 2), then the chase sheet, then the table', () => {
    const summary = pages.findIndex((p) => p.includes('Headline figures'));
    const chase = pages.findIndex((p) => p.includes('Chase list and checks'));
    expect(summary).toBe(0);
    expect(chase).toBeGreaterThan(0);
    expect(chase).toBeLessThanOrEqual(2);
    expect(pages.slice(-tablePages.length).map((p) => p.replace(/Page \d+ of \d+/, ''))).toEqual(
      tablePages.map((p) => p.replace(/Page \d+ of \d+/, '')),
    );
  });

  test('every page is A4 landscape (842 x 595 points)', () => {
    for (const [i, p] of sheets.entries())
      expect({ page: i + 1, width: Math.round(p.width), height: Math.round(p.height) }).toEqual({ page: i + 1, width: 842, height: 595 });
  });
});
