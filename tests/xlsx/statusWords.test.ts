import { unzipSync } from 'fflate';
import { applyToWorkbook, chooseSheet, openWorkbook } from '../../src/xlsx/workbook';
import { decode } from '../../src/xlsx/xml';
import { draft, pack, planRows, type Cell } from './lossless/build';

const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b ?? new Uint8Array());

/** A column's cells, rows 2 to 6, in the analysed sheet's written XML: text, a number, or null when blank. */
function column(out: Record<string, Uint8Array>, letter: string): (string | number | null)[] {
  const xml = text(out['xl/worksheets/sheet1.xml']);
  return [2, 3, 4, 5, 6].map((r) => {
    const t = new RegExp(`<c r="${letter}${r}"[^>]*t="inlineStr"[^>]*><is><t[^>]*>([^<]*)</t>`).exec(xml);
    if (t) return decode(t[1] ?? '');
    const v = new RegExp(`<c r="${letter}${r}"(?: [^>]*)?><v>([^<]*)</v>`).exec(xml);
    return v ? Number(v[1]) : null;
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
    // moderately) has no date to be on track against; R4 (December 2002) has no "Recommendation met" line.
    const out = unzipSync(wb.pkg.toBytes());
    expect(column(out, 'G')).toEqual(['Check (auto)', 'Complete', 'Overdue', 'No date', 'Not rated']);
    // The days overdue beside it, as a number a committee can sort; the data checks after that.
    expect(column(out, 'H')).toEqual(['Days overdue at 31 Mar 2002 (auto)', null, 365, null, null]);
    expect(column(out, 'I')?.[0]).toBe('Data check (auto)');
  });
});
