import { unzipSync } from 'fflate';
import { applyToWorkbook, chooseSheet, openWorkbook } from '../../src/xlsx/workbook';
import { decode } from '../../src/xlsx/xml';
import { draft, pack, planRows, type Cell } from './lossless/build';

const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b ?? new Uint8Array());

/** The text of column G's cells, rows 2 to 6, in the analysed sheet's written XML. */
function columnG(out: Record<string, Uint8Array>): (string | null)[] {
  const xml = text(out['xl/worksheets/sheet1.xml']);
  return [2, 3, 4, 5, 6].map((r) => {
    const m = new RegExp(`<c r="G${r}"[^>]*t="inlineStr"[^>]*><is><t[^>]*>([^<]*)</t>`).exec(xml);
    return m ? decode(m[1] ?? '') : null;
  });
}

describe('[F2] status words in an .xlsx', () => {
  test('[F2] our old status column ("OK", "Unrated") is recognised by its header and rewritten in the new words', () => {
    const d = draft();
    const rows = planRows().map((r, i) => [
      ...r,
      ...(i === 1 ? ['Check (auto)'] : i >= 2 ? [i % 2 === 0 ? 'OK' : 'Unrated'] : []),
    ]) as Cell[][];
    (d.sheets[0] as { rows: Cell[][] }).rows = rows;
    const wb = openWorkbook(pack(d));
    applyToWorkbook(wb, chooseSheet(wb, { today: '2026-11-26' }), { statusColumn: true, generatedAt: 'now' });
    // As at 31 March 2002: R1 met completely; R2 (March 2001, partially) is 365 days overdue; R3 (Ongoing,
    // moderately) is on track; R4 (December 2002) has no "Recommendation met" line.
    expect(columnG(unzipSync(wb.pkg.toBytes()))).toEqual(['Check (auto)', 'Complete', 'Overdue 365 days', 'On track', 'Not rated']);
  });
});
