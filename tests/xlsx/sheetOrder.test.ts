import fc from 'fast-check';
import { columnLetter } from '../../src/core/address';
import { HostError } from '../../src/core/errors';
import { orderSheetData } from '../../src/xlsx/sheetOrder';

/**
 * Rows and cells in any order, with or without references, come out of orderSheetData each row once,
 * ascending, every cell referenced, and the same cells with the same contents: truth by construction
 * (the grid is generated first, then written shuffled).
 */

const wrap = (rows: string) =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

/** Cells of a sheet as reference -> the cell's XML without its reference. */
function cellsOf(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(\/>|>[\s\S]*?<\/c>)/g)) out.set(m[1] ?? '', `${m[2] ?? ''}${m[3] ?? ''}`);
  return out;
}

const grid = fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 12 }).chain((rows) =>
  fc.tuple(
    fc.constant(rows.sort((a, b) => a - b)),
    fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 0, maxLength: 6 }), {
      minLength: rows.length,
      maxLength: rows.length,
    }),
    fc.array(fc.boolean(), { minLength: 200, maxLength: 200 }),
    fc.array(fc.nat(), { minLength: 200, maxLength: 200 }),
  ),
);

describe('orderSheetData: each row once, rows and cells ascending, every cell kept', () => {
  test('property: a shuffled sheet, references dropped where the order allows, orders back to the same cells', () => {
    fc.assert(
      fc.property(grid, ([rows, columns, drop, keys]) => {
        // Truth: every (row, column) with a value naming it.
        const truth = new Map<string, string>();
        let k = 0;
        const rowXml = rows.map((r, i) => {
          const cols = [...(columns[i] ?? [])].sort((a, b) => a - b);
          const cells = cols.map((c) => {
            const ref = `${columnLetter(c)}${r}`;
            truth.set(ref, ` t="str"><v>${ref}</v></c>`);
            return { c, ref };
          });
          // Shuffle cells; drop a reference only where the previous written cell is the column before.
          const shuffled = [...cells].sort((a, b) => ((keys[k++] ?? 0) % 3) - 1 || a.c - b.c);
          const body = shuffled
            .map((cell, j) => {
              const previous = shuffled[j - 1];
              const implicit = drop[k++ % 200] && (j === 0 ? cell.c === 0 : previous?.c === cell.c - 1);
              return `<c${implicit ? '' : ` r="${cell.ref}"`} t="str"><v>${cell.ref}</v></c>`;
            })
            .join('');
          return { r, xml: (rr: boolean) => `<row${rr ? ` r="${r}"` : ''}>${body}</row>` };
        });
        const order = [...rowXml].sort((a, b) => ((keys[(k++ + a.r) % 200] ?? 0) % 5) - 2 || a.r - b.r);
        const written = order.map((row, i) => row.xml(!(drop[(i * 7) % 200] && order[i - 1]?.r === row.r - 1))).join('');
        const out = orderSheetData(wrap(written), 'test');
        const numbers = [...out.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
        expect(numbers).toEqual(rows);
        expect(cellsOf(out)).toEqual(truth);
        for (const m of out.matchAll(/<row r="(\d+)">([\s\S]*?)<\/row>/g)) {
          const cols = [...(m[2] ?? '').matchAll(/<c r="([A-Z]+)\d+"/g)].map((x) => x[1] ?? '');
          expect(cols).toEqual([...cols].sort((a, b) => a.length - b.length || a.localeCompare(b)));
        }
      }),
      { numRuns: 200 },
    );
  });

  test('a sheet already in order is returned as the very same string', () => {
    const xml = wrap('<row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>2</v></c></row><row r="3" spans="1:2"/>');
    expect(orderSheetData(xml, 'test')).toBe(xml);
  });

  test('the same row twice is merged; two cells at one place are refused in one line', () => {
    const merged = orderSheetData(
      wrap('<row r="2"><c r="B2"><v>1</v></c></row><row r="1"/><row r="2"><c r="A2"><v>2</v></c></row>'),
      'test',
    );
    expect(merged).toContain('<row r="1"/><row r="2"><c r="A2"><v>2</v></c><c r="B2"><v>1</v></c></row>');
    expect(() =>
      orderSheetData(wrap('<row r="2"><c r="B2"><v>1</v></c></row><row r="2"><c r="B2"><v>2</v></c></row>'), 'sheet "Plan"'),
    ).toThrow(HostError);
    expect(() =>
      orderSheetData(wrap('<row r="2"><c r="B2"><v>1</v></c></row><row r="2"><c r="B2"><v>2</v></c></row>'), 'sheet "Plan"'),
    ).toThrow(/sheet "Plan" has two cells at B2/);
  });
});
