import { unzipSync } from 'fflate';
import { applyToWorkbook, chooseSheet, openWorkbook } from '../../src/xlsx/workbook';
import { draft, pack, type Draft } from './lossless/build';

const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b ?? new Uint8Array());

/** Applies once; the output's parts as text, and what apply said. */
function apply(bytes: Uint8Array, today = '2026-11-26'): { parts: Record<string, string>; applied: readonly string[]; bytes: Uint8Array } {
  const wb = openWorkbook(bytes);
  const result = applyToWorkbook(wb, chooseSheet(wb, { today }), { statusColumn: true, generatedAt: '26 November 2026 at 10:00' });
  const out = wb.pkg.toBytes();
  const parts: Record<string, string> = {};
  for (const [name, b] of Object.entries(unzipSync(out))) parts[name] = text(b);
  return { parts, applied: result.applied, bytes: out };
}

const build = (change: (d: Draft) => void = () => undefined) => {
  const d = draft();
  change(d);
  return pack(d);
};
const plan = (d: Draft) => d.sheets[0] as NonNullable<Draft['sheets'][0]>;
const element = (xml: string, local: string) => new RegExp(`<${local}\\b[^>]*/>|<${local}\\b[\\s\\S]*?</${local}>`).exec(xml)?.[0] ?? null;
const names = (workbook: string) =>
  [...workbook.matchAll(/<definedName name="(_xlnm\.[\w_]+)" localSheetId="(\d+)">([^<]*)<\/definedName>/g)].map((m) => ({
    name: m[1],
    sheet: Number(m[2]),
    refersTo: m[3]?.replace(/&apos;/g, "'"),
  }));
const rowTag = (xml: string, r: number) => new RegExp(`<row r="${r}"[^>]*>`).exec(xml)?.[0] ?? '';

describe('[P1.1] the .xlsx table sheet prints A4 landscape, one page wide, with the header repeated', () => {
  const { parts, applied } = apply(build());
  const sheet = parts['xl/worksheets/sheet1.xml'] ?? '';

  test('A4, landscape, fit to 1 page wide and as many tall as needed', () => {
    expect(element(sheet, 'pageSetup')).toBe('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    // Excel reads fitToWidth/fitToHeight only when fit-to-page is on.
    expect(element(sheet, 'sheetPr')).toBe('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  });

  test("Excel's Narrow margins", () => {
    expect(element(sheet, 'pageMargins')).toBe(
      '<pageMargins left="0.25" right="0.25" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    );
  });

  test('a header naming the plan (bold, left); a footer with the as-at date on the left and "Page x of y" on the right', () => {
    // The sheet "Plan", titled "Action plan: position as at 31 March 2002": the name without the date, which the footer says.
    expect(element(sheet, 'headerFooter')).toBe(
      '<headerFooter><oddHeader>&amp;L&amp;"-,Bold"Plan \u2013 Action plan</oddHeader>' +
        '<oddFooter>&amp;LAs at 31 March 2002&amp;RPage &amp;P of &amp;N</oddFooter></headerFooter>',
    );
  });

  test('print titles repeat header row 2; the print area is the title row and the table with our three columns, A1:I6', () => {
    // The plan is the third sheet once our summary and chase sheets go first (M1): its names follow it.
    expect(names(parts['xl/workbook.xml'] ?? '')).toEqual([
      { name: '_xlnm.Print_Titles', sheet: 2, refersTo: "'Plan'!$2:$2" },
      { name: '_xlnm.Print_Area', sheet: 2, refersTo: "'Plan'!$A$1:$I$6" },
    ]);
  });

  test('the page setup elements sit in schema order, after the conditional formats', () => {
    const order = ['sheetPr', 'sheetData', 'conditionalFormatting', 'pageMargins', 'pageSetup', 'headerFooter'].map((l) =>
      sheet.indexOf(`<${l}`),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  test('the run says what it set', () => {
    expect(applied).toContain('Set "Plan" to print on A4 landscape, 1 page wide, with the header on every page and page numbers');
  });
});

describe('[P1.3] .xlsx row heights fit the wrapped text, as auto heights', () => {
  const long = Array.from({ length: 30 }, () => 'abcd').join(' ');
  test('a row whose recommendation needs 6 lines stores 93 pt, not marked custom; the title row stores none', () => {
    const { parts } = apply(
      build((d) => {
        const row = plan(d).rows[2];
        if (row) row[4] = long;
      }),
    );
    const sheet = parts['xl/worksheets/sheet1.xml'] ?? '';
    // R1 (row 3): 30 four-letter words in the recommendation column (21 wide once the table is fitted to the print
    // budget with our three columns: 24 characters, five words a line): 6 lines = 6 x 15 + 3.
    expect(rowTag(sheet, 3)).toMatch(/ ht="93"/);
    expect(rowTag(sheet, 3)).not.toMatch(/customHeight/);
    // The title row is outside the table.
    expect(rowTag(sheet, 1)).not.toMatch(/ ht=/);
  });

  test("a row with the user's own height keeps it", () => {
    const { parts } = apply(
      build((d) => {
        const row = plan(d).rows[2];
        if (row) row[4] = long;
        plan(d).rowAttrs[3] = 'ht="20" customHeight="1"';
      }),
    );
    expect(rowTag(parts['xl/worksheets/sheet1.xml'] ?? '', 3)).toBe('<row r="3" ht="20" customHeight="1">');
  });
});

describe("[P1.2] the user's own page setup is never replaced", () => {
  const own = (d: Draft) => {
    plan(d).children.pageSetup = '<pageSetup paperSize="1" orientation="portrait" scale="85"/>';
    plan(d).children.headerFooter = '<headerFooter><oddHeader>&amp;CAudit Committee</oddHeader></headerFooter>';
  };

  test('a zoom and header of the user: page setup, header, margins and names as they were', () => {
    const { parts, applied } = apply(build(own));
    const sheet = parts['xl/worksheets/sheet1.xml'] ?? '';
    expect(element(sheet, 'pageSetup')).toBe('<pageSetup paperSize="1" orientation="portrait" scale="85"/>');
    expect(element(sheet, 'headerFooter')).toBe('<headerFooter><oddHeader>&amp;CAudit Committee</oddHeader></headerFooter>');
    expect(element(sheet, 'sheetPr')).toBeNull();
    expect(names(parts['xl/workbook.xml'] ?? '').filter((n) => n.sheet === 0)).toEqual([]);
    expect(applied).toContain('Kept the page setup of "Plan" as you set it');
    // The summary sheet is ours: it is set whatever the plan sheet has.
    expect(element(parts['xl/worksheets/sheet2.xml'] ?? '', 'pageSetup')).toBe(
      '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>',
    );
  });

  test('print titles of the user (a defined name) keep the whole setup theirs', () => {
    const { parts } = apply(
      build(
        (d) =>
          void (d.workbook.definedNames =
            '<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">Plan!$1:$2</definedName></definedNames>'),
      ),
    );
    // The user's name, on the plan, which is now the third sheet (our two go first): renumbered, nothing else changed.
    expect(parts['xl/workbook.xml']).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="2">Plan!$1:$2</definedName>');
    expect(names(parts['xl/workbook.xml'] ?? '').filter((n) => n.sheet === 2)).toEqual([
      { name: '_xlnm.Print_Titles', sheet: 2, refersTo: 'Plan!$1:$2' },
    ]);
    expect(element(parts['xl/worksheets/sheet1.xml'] ?? '', 'headerFooter')).toBeNull();
  });

  test("Excel's default portrait setup with printer settings is no setup of the user's: ours is set, the printer link kept", () => {
    const { parts } = apply(
      build((d) => {
        plan(d).children.pageMargins = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
        plan(d).children.pageSetup = '<pageSetup paperSize="9" orientation="portrait" r:id="rId31"/>';
        plan(d).rels.push(['rId31', 'printerSettings', '../printerSettings/printerSettings1.bin']);
        d.parts['xl/printerSettings/printerSettings1.bin'] = new Uint8Array([1, 2, 3]);
        d.defaults.bin = 'application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings';
      }),
    );
    expect(element(parts['xl/worksheets/sheet1.xml'] ?? '', 'pageSetup')).toBe(
      '<pageSetup paperSize="9" orientation="landscape" r:id="rId31" fitToWidth="1" fitToHeight="0"/>',
    );
  });
});

describe('[P1.2] a re-run refreshes our own setup and changes nothing else', () => {
  test('applied twice: the same bytes', () => {
    const once = apply(build());
    const twice = apply(once.bytes);
    for (const [name, xml] of Object.entries(once.parts)) expect({ name, same: twice.parts[name] === xml }).toEqual({ name, same: true });
  });

  test("next quarter's as-at date and a longer table: the footer and print area follow", () => {
    const once = apply(build());
    // The next return: a row added, dated 30 June 2002 (the title's as-at date changed in the copy).
    const wb = openWorkbook(once.bytes);
    const part = wb.info.sheets.find((s) => s.name === 'Plan')?.part ?? '';
    const sheet = (wb.pkg.text(part) ?? '')
      .replace(
        '</sheetData>',
        '<row r="7"><c r="A7" t="inlineStr"><is><t>R5</t></is></c><c r="E7" t="inlineStr"><is><t>New one</t></is></c></row></sheetData>',
      )
      .replace(/<c r="A1"[^>]*>[\s\S]*?<\/c>/, '<c r="A1" t="inlineStr"><is><t>Action plan: position as at 30 June 2002</t></is></c>');
    wb.pkg.set(part, sheet);
    const next = apply(wb.pkg.toBytes());
    expect(element(next.parts['xl/worksheets/sheet1.xml'] ?? '', 'headerFooter')).toContain('As at 30 June 2002');
    expect(names(next.parts['xl/workbook.xml'] ?? '').find((n) => n.sheet === 2 && n.name === '_xlnm.Print_Area')?.refersTo).toBe(
      "'Plan'!$A$1:$I$7",
    );
  });
});
