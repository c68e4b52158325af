jest.setTimeout(300_000);

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyToWorkbook, chooseSheet, openWorkbook } from '../../src/xlsx/workbook';
import { pack } from './lossless/build';
import { build, CASES } from './lossless/cases';

const soffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;
/** A spread of the corpus: plain, comments, validations, a table, a chart sheet, a macro workbook, odd names, a prefix. */
const PICK = [
  'a plain plan',
  'threaded comments with persons',
  'data validation: a list from another sheet (x14 extension)',
  'an Excel Table over the plan with a totals row',
  'a chart sheet and a chart on the plan (drawing and chart part names taken)',
  'an .xlsm with a VBA project',
  'sheet names with quotes and apostrophes',
  'a worksheet written with an x: namespace prefix',
  'the Progress header merged into the next column',
];

(soffice ? describe : describe.skip)('LibreOffice opens what apply writes', () => {
  test('the converted text holds the table, the status column and the summary sheet', () => {
    const dir = mkdtempSync(join(tmpdir(), 'apc-lo-'));
    const files: string[] = [];
    PICK.forEach((name, i) => {
      const c = CASES.find((x) => x.name === name);
      if (!c) throw new Error(`no case ${name}`);
      const wb = openWorkbook(pack(build(c)));
      applyToWorkbook(wb, chooseSheet(wb, { today: '2026-11-26' }, c.sheet), { statusColumn: true, generatedAt: '26 November 2026' });
      const file = join(dir, `case${i}.${name.includes('.xlsm') ? 'xlsm' : 'xlsx'}`);
      writeFileSync(file, wb.pkg.toBytes());
      files.push(file);
    });
    execFileSync(
      'soffice',
      ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'html', '--outdir', dir, ...files],
      {
        timeout: 240_000,
        stdio: 'pipe',
      },
    );
    PICK.forEach((name, i) => {
      const html = readFileSync(join(dir, `case${i}.html`), 'utf8');
      expect({ name, table: html.includes('Budget monitoring') && html.includes('Recommendation met: partially') }).toEqual({
        name,
        table: true,
      });
      expect({ name, status: html.includes('Check (auto)') }).toEqual({ name, status: true });
      expect({
        name,
        summary: html.includes('Action plan summary') && html.includes('Headline figures') && html.includes('Status distribution'),
      }).toEqual({
        name,
        summary: true,
      });
    });
  });
});
