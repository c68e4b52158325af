jest.setTimeout(900_000);

import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseSheet } from '../../src/core/analyse';
import { CHASE_SHEET_NAME, SUMMARY_SHEET_NAME } from '../../src/core/plans/summaryModel';
import type { Analysis, CellValue } from '../../src/core/types';
import { run } from '../cli/helpers';
import { syntheticPlan } from '../fixtures/plans';
import { OPTIONS, snapshot } from '../fixtures/sheets';
import { SLOW } from '../slow';
import { onlySheet, pdfPages, soffice, toPdf, type PdfPage } from './printing';

const SAMPLE = join(__dirname, '..', '..', 'assets', 'samples', 'action-plan-2001-02.xlsx');
const TODAY = OPTIONS.today;

/** A generated plan written as an .xlsx file (text cells, as a tracker typed by hand would be). */
async function planFile(values: CellValue[][], file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Plan');
  values.forEach((cells, r) =>
    cells.forEach((v, c) => {
      if (v !== null && typeof v !== 'object') ws.getRow(r + 1).getCell(c + 1).value = v;
    }),
  );
  await book.xlsx.writeFile(file);
}

/** One size printed: the generated values (null for the reference appendix, 13 rows) and our two sheets' pages. */
interface Pack {
  values: CellValue[][] | null;
  summary: PdfPage[];
  chase: PdfPage[];
}

/**
 * Applies the command to each plan, then prints our two sheets of each output, each sheet on its own, in one
 * LibreOffice run (its start-up is most of a small conversion's time): their pages, by size.
 */
async function printPacks(sizes: readonly number[]): Promise<Map<number, Pack>> {
  const dir = mkdtempSync(join(tmpdir(), 'apc-pack-'));
  const files: string[] = [];
  const values = new Map<number, CellValue[][] | null>();
  for (const rows of sizes) {
    const plan = rows === 13 ? null : syntheticPlan(rows);
    const input = plan ? join(dir, `plan-${rows}.xlsx`) : SAMPLE;
    if (plan) await planFile(plan, input);
    const out = join(dir, `out-${rows}.xlsx`);
    // Exit 1: the plan has errors (overdue statutory items); the file is written all the same.
    expect([0, 1]).toContain((await run(['apply', input, '--out', out, '--today', TODAY])).code);
    const bytes = readFileSync(out);
    writeFileSync(join(dir, `summary-${rows}.xlsx`), onlySheet(bytes, SUMMARY_SHEET_NAME));
    writeFileSync(join(dir, `chase-${rows}.xlsx`), onlySheet(bytes, CHASE_SHEET_NAME));
    files.push(join(dir, `summary-${rows}.xlsx`), join(dir, `chase-${rows}.xlsx`));
    values.set(rows, plan);
  }
  toPdf(dir, files);
  const packs = new Map<number, Pack>();
  for (const rows of sizes)
    packs.set(rows, {
      values: values.get(rows) ?? null,
      summary: pdfPages(join(dir, `summary-${rows}.pdf`)),
      chase: pdfPages(join(dir, `chase-${rows}.pdf`)),
    });
  return packs;
}

/** Officer detail a committee paper must not carry: the findings' cells as words, rule IDs, the table's range. */
function officerDetail(analysis: Analysis, text: string): string[] {
  const words = new Set(text.split(/[\s,;:()"]+/));
  const cells = [...new Set(analysis.findings.map((f) => f.cell).filter((c): c is string => c !== null))].filter((c) => words.has(c));
  const rules = [...new Set(analysis.findings.map((f) => f.rule))].filter((r) => text.includes(r));
  const table = analysis.table;
  const range = table ? `${table.firstColumn}${table.headerRow}:${table.lastColumn}${table.lastRow}` : '';
  return [...cells, ...rules, ...(range && text.includes(range) ? [range] : [])];
}

/** Every page of the chase sheet opens a list with its header row: the chase list's, the findings' or the key's. */
const HEADERS = [/Ref Due Days overdue Also Marked Subject/, /Ref Cell Severity Check Rule What to do/, /Highlight What it means/];

// Sizes the issue measured (13 rows printed on 4 pages, 300 on 13, 3,000 on 95), and 10,000 rows under
// `npm run test:slow` (about 2 minutes alone, too slow for `npm test`).
const SIZES = SLOW ? [300, 3000, 10_000] : [300, 3000];

(soffice ? describe : describe.skip)(
  '[M1] the summary is the committee\u2019s pages: at most 2 A4 pages whatever the size (LibreOffice PDF)',
  () => {
    let packs = new Map<number, Pack>();
    beforeAll(async () => {
      packs = await printPacks([13, ...SIZES]);
    });

    test.each([13, ...SIZES])('%i rows: the summary prints on at most 2 A4 landscape pages, without cells or rule IDs', (rows) => {
      const { values, summary, chase } = packs.get(rows) ?? { values: null, summary: [], chase: [] };
      const analysis = values ? analyseSheet(snapshot(values), OPTIONS) : null;

      expect(summary.length).toBeGreaterThanOrEqual(1);
      expect(summary.length).toBeLessThanOrEqual(2);
      for (const p of [...summary, ...chase]) expect([Math.round(p.width), Math.round(p.height)]).toEqual([842, 595]);
      const committee = summary.map((p) => p.text).join(' ');
      expect(committee).not.toMatch(/\b[A-Z]+_[A-Z_]+\b/); // no rule ID
      expect(committee).not.toMatch(/Checks for the officer|What to do|Severity/);
      if (analysis) expect(officerDetail(analysis, committee)).toEqual([]);
      // Counts carry thousands separators: the base of every share.
      if (rows >= 1000) expect(committee).toContain(`Share of ${rows.toLocaleString('en-GB')}`);

      // The chase sheet: every overdue item listed, one lead per page, every page opened by its header row.
      if (analysis) {
        const chaseText = chase.map((p) => p.text).join(' ');
        const overdue = analysis.recommendations.filter((r) => r.overdue).map((r) => r.id ?? '');
        expect(overdue.length).toBeGreaterThan(0);
        expect(overdue.filter((ref) => !new RegExp(`(^| )${ref} `).test(chaseText))).toEqual([]);
        // The preparer's checks print here, with their cells and rule IDs.
        expect(chaseText).toContain('Checks for the officer preparing the report');
        expect(chaseText).toMatch(/\bTIMESCALE_[A-Z_]+\b/);
      }
      for (const [i, page] of chase.entries()) {
        expect({ page: i + 1, header: HEADERS.some((h) => h.test(page.text)) }).toEqual({ page: i + 1, header: true });
        // At most one lead's heading ("N overdue, N slipped, N not rated") per page: one lead per page.
        expect((page.text.match(/\d overdue, [\d,]+ slipped/g) ?? []).length).toBeLessThanOrEqual(1);
      }
    });
  },
);
