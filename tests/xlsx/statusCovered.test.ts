import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyToWorkbook, chooseSheet, openWorkbook } from '../../src/xlsx/workbook';
import { run } from '../cli/helpers';
import { draft, HEAD, NS, pack } from './lossless/build';

/** The plain plan (table A2:F6, status column G from row 2 to 6) with one picture anchored as given. */
function withPicture(anchor: string): Uint8Array {
  const d = draft();
  const s = d.sheets[0];
  if (!s) throw new Error('no sheet');
  s.children.drawing = '<drawing r:id="rId72"/>';
  s.rels.push(['rId72', 'drawing', '../drawings/drawing1.xml']);
  d.parts['xl/drawings/drawing1.xml'] =
    `${HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">${anchor}</xdr:wsDr>`;
  d.overrides['xl/drawings/drawing1.xml'] = 'application/vnd.openxmlformats-officedocument.drawing+xml';
  d.parts['xl/drawings/_rels/drawing1.xml.rels'] =
    `${HEAD}<Relationships xmlns="${NS.pkg}"><Relationship Id="rId1" Type="${NS.rel}/image" Target="../media/image1.png"/></Relationships>`;
  d.parts['xl/media/image1.png'] = Uint8Array.from([137, 80, 78, 71]);
  d.defaults.png = 'image/png';
  return pack(d);
}

const pic = (name: string) =>
  `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="${name}"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="${NS.r}" r:embed="rId1"/></xdr:blipFill><xdr:spPr/></xdr:pic><xdr:clientData/>`;
const cell = (col: number, row: number, colOff = 0) =>
  `<xdr:col>${col}</xdr:col><xdr:colOff>${colOff}</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
const twoCell = (name: string, from: [number, number], to: [number, number, number?]) =>
  `<xdr:twoCellAnchor><xdr:from>${cell(...from)}</xdr:from><xdr:to>${cell(to[0], to[1], to[2] ?? 0)}</xdr:to>${pic(name)}</xdr:twoCellAnchor>`;

function notes(bytes: Uint8Array) {
  const wb = openWorkbook(bytes);
  return applyToWorkbook(wb, chooseSheet(wb, { today: '2026-11-26' }), { statusColumn: true, generatedAt: '26 November 2026' }).notes;
}

describe('STATUS_COLUMN_COVERED: a drawing over the status column is reported, naming it and its anchor', () => {
  test('a picture over G2:H4 (the status column is G) is a warning naming the picture and the cells', () => {
    // from column 6 (G), row index 1 (row 2), to column 7 (H) with an offset, row index 3 with an offset of 0
    // and column offset 5: it reaches into H and into row 4.
    const found = notes(withPicture(twoCell('Logo', [6, 1], [7, 3, 5]))).filter((n) => n.rule === 'STATUS_COLUMN_COVERED');
    expect(found).toHaveLength(1);
    expect(found[0]?.severity).toBe('warning');
    expect(found[0]?.message).toMatch(/"Logo" \(over G2:H4\) covers the status column G/);
  });

  test('a picture right of the status column, or ending exactly at its left edge, is not reported', () => {
    expect(notes(withPicture(twoCell('Right', [8, 1], [10, 5, 3]))).map((n) => n.rule)).not.toContain('STATUS_COLUMN_COVERED');
    // to column 6 (G) at offset 0: it stops at G's left edge and covers only A..F.
    expect(notes(withPicture(twoCell('Left', [3, 1], [6, 5, 0]))).map((n) => n.rule)).not.toContain('STATUS_COLUMN_COVERED');
  });

  test('a one-cell anchor in the status column is reported; below the table it is not', () => {
    const one = (row: number) =>
      `<xdr:oneCellAnchor><xdr:from>${cell(6, row)}</xdr:from><xdr:ext cx="952500" cy="381000"/>${pic('Stamp')}</xdr:oneCellAnchor>`;
    expect(notes(withPicture(one(2))).map((n) => n.rule)).toContain('STATUS_COLUMN_COVERED');
    expect(notes(withPicture(one(40))).map((n) => n.rule)).not.toContain('STATUS_COLUMN_COVERED');
  });

  test('the command prints the warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apc-covered-'));
    const file = join(dir, 'plan.xlsx');
    writeFileSync(file, withPicture(twoCell('Logo', [6, 1], [7, 3, 5])));
    const r = await run(['apply', file, '--out', join(dir, 'out.xlsx'), '--today', '2026-11-26']);
    expect(r.out).toMatch(/"Logo" \(over G2:H4\) covers the status column G/);
  });
});
