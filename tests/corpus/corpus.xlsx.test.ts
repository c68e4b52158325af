jest.setTimeout(600_000); // the largest workbook (100,000 rows under test:slow) is built and read back through exceljs three times

import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromSerial } from '../../src/core/dates';
import { ourColumnOf } from '../../src/core/plans/statusWords';
import { STATUS_HEADER } from '../../src/core/read/findTable';
import { run } from '../cli/helpers';
import { CORPUS, type CorpusWorkbook } from './workbooks';

const dir = mkdtempSync(join(tmpdir(), 'apc-corpus-'));

/** Writes a corpus workbook as an .xlsx file: formulas with cached results, error values, date cells, merges, hidden rows and columns. */
async function build(wb: CorpusWorkbook, file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (const s of wb.sheets) {
    const ws = book.addWorksheet(s.name);
    s.values.forEach((cells, r) => {
      const row = ws.getRow(r + 1);
      cells.forEach((v, c) => {
        if (v === null || v === '') return;
        const cell = row.getCell(c + 1);
        const address = cell.address;
        const formula = s.formulas?.[address];
        const format = s.numberFormats?.[address];
        if (formula) cell.value = { formula: formula.slice(1), result: typeof v === 'object' ? undefined : v } as ExcelJS.CellFormulaValue;
        else if (typeof v === 'object') cell.value = { error: v.error } as ExcelJS.CellErrorValue;
        else if (format && typeof v === 'number') {
          cell.value = new Date(fromSerial(v) * 86_400_000);
          cell.numFmt = format;
        } else cell.value = v;
      });
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const r of s.hiddenRows ?? []) ws.getRow(r).hidden = true;
    for (const c of s.hiddenColumns ?? []) ws.getColumn(c).hidden = true;
  }
  await book.xlsx.writeFile(file);
}

const cellText = (v: unknown) => (typeof v === 'string' ? v : '');

/** Every cell of the named sheets (values and formulas as stored), except our three columns (found by their headers). */
async function userCells(file: string, names: string[]): Promise<Map<string, string>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const out = new Map<string, string>();
  for (const name of names) {
    const ws = book.getWorksheet(name);
    if (!ws) continue;
    const status = new Set<number>();
    ws.eachRow((row) => row.eachCell((cell, c) => (ourColumnOf(cellText(cell.value), STATUS_HEADER) !== null ? status.add(c) : undefined)));
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        if (!status.has(c)) out.set(`${name}!${r}:${c}`, JSON.stringify(cell.value));
      }),
    );
  }
  return out;
}

async function summary(file: string): Promise<{ names: string[]; rules: number[]; formulas: string[] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const formulas: string[] = [];
  book.worksheets
    .filter((ws) => /^Action plan summary/.test(ws.name))
    .forEach((ws) => ws.eachRow((row) => row.eachCell((cell) => (cell.formula ? formulas.push(`${ws.name}!${cell.address}`) : undefined))));
  return {
    names: book.worksheets.map((w) => w.name),
    rules: book.worksheets.map((w) => ((w as unknown as { conditionalFormattings?: unknown[] }).conditionalFormattings ?? []).length),
    formulas,
  };
}

describe.each(CORPUS.filter((w) => w.only !== 'office').map((w, i) => [w.name, w, i] as const))('.xlsx adapter: %s', (_name, wb, i) => {
  test('findings or a clear refusal; every original value and formula kept after apply twice; nothing added on the second run', async () => {
    const input = join(dir, `in-${i}.xlsx`);
    const out1 = join(dir, `out-${i}-1.xlsx`);
    const out2 = join(dir, `out-${i}-2.xlsx`);
    await build(wb, input);
    const names = wb.sheets.map((s) => s.name);
    const first = await run(['apply', input, '--out', out1, '--today', '2026-11-26', '--json']);
    if ('refusal' in wb.expect) {
      expect(first.code).toBe(2);
      expect(first.err).toMatch(/No action-plan table found/);
      return;
    }
    expect(first.err).not.toMatch(/action-plan:|Note:/);
    expect([0, 1]).toContain(first.code);
    const report = JSON.parse(first.out);
    expect(report.stats.total).toBe(wb.expect.total);
    for (const rule of wb.rules ?? []) expect(report.findings.map((f: { rule: string }) => f.rule)).toContain(rule);
    const before = await userCells(input, names);
    expect(await userCells(out1, names)).toEqual(before);
    const second = await run(['apply', out1, '--out', out2, '--today', '2026-11-26', '--json']);
    expect(second.code).toBe(first.code);
    expect(await userCells(out2, names)).toEqual(before);
    const [s1, s2] = [await summary(out1), await summary(out2)];
    expect(s2.rules).toEqual(s1.rules);
    expect(s2.names).toEqual(s1.names);
    expect(s1.formulas).toEqual([]);
    // Our sheets go first (M1), a user's own "Action plan summary" left where it was.
    if (names.includes('Action plan summary'))
      expect(s1.names).toEqual(['Action plan summary (2)', 'Action plan chase and checks', ...names]);
  });
});
