jest.setTimeout(300_000);

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkbook } from '../../src/xlsx/workbook';
import { run } from '../cli/helpers';

const soffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;
const SAMPLE = join(__dirname, '..', '..', 'assets', 'samples', 'action-plan-2001-02.xlsx');

/**
 * The text of each page of a PDF, read with pdfjs-dist's legacy build (Node) in a child process: it is an ES
 * module, which Jest's CommonJS transform cannot import.
 */
function pdfPages(file: string): { text: string; width: number; height: number }[] {
  const script = `
    import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
    import { readFileSync } from 'node:fs';
    const doc = await getDocument({ data: new Uint8Array(readFileSync(process.env.PDF_FILE)), verbosity: 0 }).promise;
    const pages = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const { width, height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      pages.push({ text: content.items.map((item) => item.str ?? '').join(' ').replace(/\\s+/g, ' '), width, height });
    }
    process.stdout.write(JSON.stringify(pages));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: join(__dirname, '..', '..'),
    env: { ...process.env, PDF_FILE: file },
    encoding: 'utf8',
  });
  return JSON.parse(out) as { text: string; width: number; height: number }[];
}

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
    // The table's pages on their own: a copy that lists only the first sheet (the appendix), without the names
    // of the others. (LibreOffice prints hidden sheets too, so hiding the summary would not do.)
    const wb = openWorkbook(readFileSync(out));
    let seen = 0;
    const workbookXml = (wb.pkg.text(wb.info.part) ?? '')
      .replace(/<sheet\b[^>]*\/>/g, (tag) => (seen++ === 0 ? tag : ''))
      .replace(/<definedName\b[^>]*>[^<]*<\/definedName>/g, (tag) => (/localSheetId="0"/.test(tag) ? tag : ''));
    wb.pkg.set(wb.info.part, workbookXml);
    writeFileSync(join(dir, 'table.xlsx'), wb.pkg.toBytes());
    execFileSync(
      'soffice',
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${dir}/profile`,
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        out,
        join(dir, 'table.xlsx'),
      ],
      { timeout: 240_000, stdio: 'pipe' },
    );
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
    // LibreOffice counts pages over everything it prints (the table and the summary), as Excel does for a
    // whole-workbook print; printed alone from Excel, each sheet counts its own.
    for (const [i, page] of pages.entries()) {
      expect(page).toContain('As at 31 March 2002');
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    }
  });

  test('the summary sheet prints after the table, the table first as in the workbook', () => {
    expect(pages.slice(0, tablePages.length).map((p) => p.replace(/Page \d+ of \d+/, ''))).toEqual(
      tablePages.map((p) => p.replace(/Page \d+ of \d+/, '')),
    );
    const summary = pages.slice(tablePages.length);
    expect(summary.length).toBeGreaterThanOrEqual(1);
    expect(summary[0]).toMatch(/summary/i);
  });

  test('every page is A4 landscape (842 x 595 points)', () => {
    for (const [i, p] of sheets.entries())
      expect({ page: i + 1, width: Math.round(p.width), height: Math.round(p.height) }).toEqual({ page: i + 1, width: 842, height: 595 });
  });
});
