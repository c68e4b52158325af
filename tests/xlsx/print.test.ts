jest.setTimeout(300_000);

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { run } from '../cli/helpers';
import { syntheticPlan } from '../fixtures/plans';
import { onlySheet, pdfPages, soffice, type PdfPage as PrintedPage } from './printing';

const SAMPLE = join(__dirname, '..', '..', 'assets', 'samples', 'action-plan-2001-02.xlsx');

/** The synthetic plan as a workbook, plainly laid out as the sample is (title rows, a blank row, the header). */
async function syntheticWorkbook(file: string, rows: number): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('Appendix 1');
  syntheticPlan(rows, { seed: 7 }).forEach((cells, r) =>
    cells.forEach((v, c) => {
      if (v !== null && typeof v !== 'object') ws.getRow(r + 1).getCell(c + 1).value = v;
    }),
  );
  await workbook.xlsx.writeFile(file);
}

/** The plan printed by LibreOffice after the command's apply: the whole workbook's pages and the plan sheet's alone. */
interface Printed {
  all: PrintedPage[];
  table: PrintedPage[];
}

/** Applies the command to each input and prints each output and its plan sheet alone, in one LibreOffice run. */
async function printAll(inputs: Record<string, string>, dir: string): Promise<Record<string, Printed>> {
  const files: string[] = [];
  for (const [name, input] of Object.entries(inputs)) {
    const out = join(dir, `${name}.xlsx`);
    const result = await run(['apply', input, '--out', out, '--today', '2026-11-26']);
    // 0: no errors found; 1: errors found in the plan (the generated one has some), the output written either way.
    expect(result.code).toBeLessThan(2);
    writeFileSync(join(dir, `${name}-table.xlsx`), onlySheet(readFileSync(out), 'Appendix 1'));
    files.push(out, join(dir, `${name}-table.xlsx`));
  }
  execFileSync(
    'soffice',
    ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, ...files],
    {
      timeout: 280_000,
      stdio: 'pipe',
    },
  );
  const printed: Record<string, Printed> = {};
  for (const name of Object.keys(inputs))
    printed[name] = { all: pdfPages(join(dir, `${name}.pdf`)), table: pdfPages(join(dir, `${name}-table.pdf`)) };
  return printed;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const count = (text: string, word: string) => text.split(word).length - 1;

// The reference appendix (assets/samples/action-plan-2001-02.xlsx): title rows 1-3 ("Appendix 1", "ACTION PLAN
// PROGRESS SUMMARY: ... 2001/2", "31st March 2002"), header on row 5 ("No", "Subject", "Lead", "Timescales ...",
// "Recommendation", "Progress Update and degree to which recommendation met"), 13 recommendations R1-R13 on rows 6-18,
// then our status column G, "Check (auto)". Before page setup it printed on 11 pages with the table split over 4 pages
// side by side; then on 4 pages at 7.1-point type, without its title.
// LibreOffice 7.4 honours all we write: paper, orientation, fit to width, print titles and area, the header and footer
// codes, margins and the stored row heights (it keeps an `ht` as stored rather than re-measuring).
const FIRST_HEADER = 'No';
const LAST_HEADER = 'Check (auto)';
const REFERENCES = Array.from({ length: 13 }, (_, i) => `R${i + 1}`);
const SYNTHETIC_ROWS = 300;
/** The page header's words: the sheet and the plan's title (its date line left to the footer). */
const APPENDIX_HEADER = 'Appendix 1 \u2013 ACTION PLAN PROGRESS SUMMARY: DISTRICT AUDIT REPORT ON POLICING AND PERFORMANCE PLAN 2001/2';

let printed: Record<string, Printed> = {};
if (soffice)
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apc-print-'));
    await syntheticWorkbook(join(dir, 'synthetic-input.xlsx'), SYNTHETIC_ROWS);
    printed = await printAll({ appendix: SAMPLE, synthetic: join(dir, 'synthetic-input.xlsx') }, dir);
  });

(soffice ? describe : describe.skip)('[P1] the reference appendix prints as papers (LibreOffice PDF)', () => {
  let sheets: PrintedPage[] = [];
  let pages: string[] = [];
  let tablePages: string[] = [];

  beforeAll(() => {
    const appendix = printed.appendix ?? { all: [], table: [] };
    sheets = appendix.all;
    pages = sheets.map((p) => p.text);
    tablePages = appendix.table.map((p) => p.text);
  });

  test('the table sheet prints on at most 8 pages (9-point type and our three columns take more paper than the 7-point table had on 4)', () => {
    // Row heights are stored for Excel's line spacing (15 pt a line of Calibri 11); LibreOffice sets lines closer, so
    // its pages carry some white space under long rows (README, Printing).
    expect(tablePages.length).toBeGreaterThanOrEqual(1);
    expect(tablePages.length).toBeLessThanOrEqual(8);
  });

  test('page 1 carries the title rows above the header: "Appendix 1", the plan\'s title and its date', () => {
    const first = tablePages[0] ?? '';
    // The title appears twice on page 1 (the page header and the title row), once on later pages (the page header).
    expect(count(first, 'ACTION PLAN PROGRESS SUMMARY')).toBe(2);
    expect(first).toContain('31st March 2002');
    expect(first.indexOf('31st March 2002')).toBeLessThan(first.search(/(^| )No /));
    for (const page of tablePages.slice(1)) expect(count(page, 'ACTION PLAN PROGRESS SUMMARY')).toBe(1);
  });

  test('every table page names the plan in its header and gives the position date in its footer', () => {
    for (const [i, page] of tablePages.entries())
      expect({ page: i + 1, header: page.includes(APPENDIX_HEADER), date: page.includes('As at 31 March 2002') }).toEqual({
        page: i + 1,
        header: true,
        date: true,
      });
  });

  test('the text prints at 9 points or more on every table page (it printed at 7.1)', () => {
    for (const [i, page] of (printed.appendix?.table ?? []).entries()) {
      expect({ page: i + 1, smallest: Math.min(...page.sizes) >= 9 }).toEqual({ page: i + 1, smallest: true });
      expect(median(page.sizes)).toBeLessThan(11.5);
    }
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
    // LibreOffice counts pages over everything it prints (the table and the summary), as Excel does for a
    // whole-workbook print; printed alone from Excel, each sheet counts its own.
    for (const [i, page] of pages.entries()) {
      expect(page).toContain('As at 31 March 2002');
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    }
  });

  test('[M1] the committee\u2019s pages print first, the table after our sheets, as in the workbook', () => {
    const strip = (p: string) => p.replace(/Page \d+ of \d+/, '');
    expect(pages[0]).toMatch(/Headline figures/);
    expect(pages.slice(pages.length - tablePages.length).map(strip)).toEqual(tablePages.map(strip));
  });

  test('every page is A4 landscape (842 x 595 points)', () => {
    for (const [i, p] of sheets.entries())
      expect({ page: i + 1, width: Math.round(p.width), height: Math.round(p.height) }).toEqual({ page: i + 1, width: 842, height: 595 });
  });
});

(soffice ? describe : describe.skip)(`[P1] a ${SYNTHETIC_ROWS}-row plan prints as an appendix (LibreOffice PDF)`, () => {
  // syntheticPlan: "Appendix 1", "ACTION PLAN PROGRESS SUMMARY", "Position as at 30 September 2002", a blank row, the
  // header on row 5, then R1..R300 with 500-1,000 characters of progress each.
  const table = () => printed.synthetic?.table ?? [];

  test("page 1 has the title rows; every page the header row, the plan's name and the position date", () => {
    const pages = table();
    expect(pages.length).toBeGreaterThan(10);
    expect(count(pages[0]?.text ?? '', 'ACTION PLAN PROGRESS SUMMARY')).toBe(2);
    expect(pages[0]?.text).toContain('Position as at 30 September 2002');
    for (const [i, page] of pages.entries())
      expect({
        page: i + 1,
        header: page.text.includes('Appendix 1 \u2013 ACTION PLAN PROGRESS SUMMARY'),
        date: page.text.includes('As at 30 September 2002'),
        columns: new RegExp(`(^| )${FIRST_HEADER} `).test(page.text) && page.text.includes(LAST_HEADER),
        pageNumber: page.text.includes(`Page ${i + 1} of ${pages.length}`),
      }).toEqual({ page: i + 1, header: true, date: true, columns: true, pageNumber: true });
  });

  test('all 300 recommendations print, in order', () => {
    const text = table()
      .map((p) => p.text)
      .join(' ');
    const at = Array.from({ length: SYNTHETIC_ROWS }, (_, i) => text.search(new RegExp(`(^| )R${i + 1} `)));
    expect(at.every((x) => x >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  test('the text prints at 9 points or more on every page', () => {
    const smallest = table().map((p) => Math.min(...p.sizes));
    expect(smallest.filter((x) => x < 9)).toEqual([]);
  });
});
