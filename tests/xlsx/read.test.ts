import { openWorkbook, chooseSheet } from '../../src/xlsx/workbook';
import { draft, NS, pack, type Cell } from './lossless/build';
import { run } from '../cli/helpers';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const read = (bytes: Uint8Array) => {
  const wb = openWorkbook(bytes);
  const sheet = wb.info.sheets[0];
  if (!sheet) throw new Error('no sheet');
  return wb.read(sheet).snapshot;
};

describe('the streaming reader: the one sheet, its shared strings and number formats', () => {
  test('values as a person reads them; formulas, merges and validations for the core', () => {
    const d = draft();
    const rows = (d.sheets[0] as { rows: Cell[][] }).rows;
    rows[2]?.push({ f: 'IF(F3="","","x")', v: '' });
    rows[3]?.push({ raw: '<c r="@"><f t="shared" si="0"/></c>' });
    rows[4]?.push({ raw: '<c r="@" t="b"><v>1</v></c>' });
    rows[5]?.push({
      raw: '<c r="@" t="inlineStr"><is><r><t>Line_x000D_</t></r><r><t xml:space="preserve"> two &amp; </t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></is></c>',
    });
    const plan = d.sheets[0] as { children: Record<string, string> };
    plan.children.mergeCells = '<mergeCells count="1"><mergeCell ref="F2:G2"/></mergeCells>';
    plan.children.dataValidations =
      '<dataValidations count="1"><dataValidation type="list" sqref="H3:H6 J1"><formula1>"a"</formula1></dataValidation></dataValidations>';
    plan.children.extLst = `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="${NS.x14}"><x14:dataValidations count="1" xmlns:xm="${NS.xm}"><x14:dataValidation type="list"><x14:formula1><xm:f>Lists!$A$1</xm:f></x14:formula1><xm:sqref>K3:K6</xm:sqref></x14:dataValidation></x14:dataValidations></ext><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="${NS.x14}"><x14:sparklineGroups xmlns:xm="${NS.xm}"><x14:sparklineGroup><x14:sparklines><x14:sparkline><xm:f>Plan!A3:A6</xm:f><xm:sqref>L3</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>`;
    const s = read(pack(d));
    expect(s.values[2]?.[6]).toBe('');
    expect(s.formulas?.[2]?.[6]).toBe('=IF(F3="","","x")');
    expect(s.formulas?.[3]?.[6]).toBe('=(shared)');
    expect(s.values[4]?.[6]).toBe(true);
    expect(s.values[5]?.[6]).toBe('Line\r two & ');
    expect(s.merges).toEqual(['F2:G2']);
    expect(s.validations).toEqual(['H3:H6', 'J1', 'K3:K6']);
    expect(s.values[2]?.[1]).toBe('Budget monitoring\nStatutory');
  });

  test('a date1904 workbook gives 1900-system serials for date cells; other numbers are left alone', () => {
    const d = draft();
    const rows = (d.sheets[0] as { rows: Cell[][] }).rows;
    (rows[2] as Cell[])[3] = { raw: '<c r="@" s="1"><v>36067</v></c>' };
    rows[2]?.push(5);
    d.workbook.workbookPr = '<workbookPr date1904="1"/>';
    const s = read(pack(d));
    expect(s.values[2]?.[3]).toBe(36067 + 1462);
    expect(s.numberFormats?.[2]?.[3]).toBe('dd/mm/yyyy');
    expect(s.values[2]?.[6]).toBe(5);
  });

  test('rows without data cost nothing: one value in XFD1048576 gives shared empty rows, not a grid', () => {
    const d = draft();
    (d.sheets[0] as { extraRowsXml?: string }).extraRowsXml = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>';
    const s = read(pack(d));
    expect(s.values).toHaveLength(1048576);
    expect(s.values[1000]).toBe(s.values[2000]);
    expect(s.values[1048575]?.[16383]).toBe(1);
    const wb = openWorkbook(pack(d));
    expect(chooseSheet(wb, { today: '2026-11-26' }).analysis.stats.total).toBe(4);
  });
});

describe('comments and CDATA inside sheet data', () => {
  test('a comment holding a false close tag does not end the sheet data early', () => {
    const d = draft();
    (d.sheets[0] as { extraRowsXml?: string }).extraRowsXml =
      '<!-- </sheetData> --><row r="9"><c r="A9" t="inlineStr"><is><t>after</t></is></c></row>';
    const s = read(pack(d));
    expect(s.values[8]?.[0]).toBe('after');
    expect(s.values[2]?.[0]).toBe('R1');
  });
});

describe('refusals through the command: one line, exit 2, nothing written', () => {
  test('a protected sheet', async () => {
    const d = draft();
    (d.sheets[0] as { children: Record<string, string> }).children.sheetProtection = '<sheetProtection sheet="1" objects="1"/>';
    const dir = mkdtempSync(join(tmpdir(), 'apc-prot-'));
    const file = join(dir, 'p.xlsx');
    writeFileSync(file, pack(d));
    const before = readFileSync(file);
    const r = await run(['apply', file, '--in-place']);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/"Plan" is protected.*Nothing was written\./);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(() => statSync(join(dir, 'p.bak.xlsx'))).toThrow();
  });
});
