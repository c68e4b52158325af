import fc from 'fast-check';
import { HEADER, OPTIONS, rec, snapshot } from '../../../tests/fixtures/sheets';
import { analyseSheet } from '../analyse';
import { readPercent } from './scales';
import type { Analysis, CellValue, RuleId } from '../types';

const rules = (a: Analysis, rule: RuleId) => a.findings.filter((f) => f.rule === rule);
const TITLE = ['Position as at 31 March 2024'];
const PERCENT_HEADER = ['Ref', 'Recommendation', 'Owner', 'Target date', '% complete'];

/** A tracker whose "% complete" cells are the given numbers, each with its number format. */
function percentTracker(cells: { value: number; format: string }[]): Analysis {
  const values: CellValue[][] = [TITLE, PERCENT_HEADER, ...cells.map((c, i) => [`R${i + 1}`, 'Do', 'A', 'December 2024', c.value])];
  const formats = values.map((row, r) => row.map((_v, c) => (r >= 2 && c === 4 ? (cells[r - 2]?.format ?? 'General') : 'General')));
  return analyseSheet(snapshot(values, { numberFormats: formats }), OPTIONS);
}

describe('[T4] percentages by their format', () => {
  test('100% written as 1 in a cell formatted 0% is complete, whatever the other values', () => {
    const a = percentTracker([
      { value: 1, format: '0%' },
      { value: 50, format: 'General' },
      { value: 25, format: 'General' },
    ]);
    expect(a.recommendations.map((r) => [r.percent, r.complete])).toEqual([
      [100, true],
      [50, false],
      [25, false],
    ]);
  });

  test('a plain-number column of fractions reads 1 as 100%', () => {
    const a = percentTracker([0, 0.5, 1].map((value) => ({ value, format: 'General' })));
    expect(a.recommendations.map((r) => r.percent)).toEqual([0, 50, 100]);
    expect(a.stats.complete).toBe(1);
  });

  test('a plain-number column of hundreds reads 1 as 1%', () => {
    const a = percentTracker([1, 50, 100].map((value) => ({ value, format: 'General' })));
    expect(a.recommendations.map((r) => r.percent)).toEqual([1, 50, 100]);
  });

  test('"0.0%" and "0%" formats are percentages; a quoted "%" in a format is not', () => {
    expect(readPercent(0.755, '0.0%')).toBe(75.5);
    expect(readPercent(1, '0%')).toBe(100);
    expect(readPercent(40, '0 "%"')).toBe(40);
  });

  test('property: any whole percentage written as a fraction in a % format, as a plain fraction column or a hundreds column reads back', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 10 }), (ps) => {
        const read = (a: Analysis) => a.recommendations.map((r) => r.percent);
        expect(read(percentTracker(ps.map((p) => ({ value: p / 100, format: '0%' }))))).toEqual(ps);
        expect(read(percentTracker(ps.map((p) => ({ value: p / 100, format: 'General' }))))).toEqual(ps);
        // A hundreds column needs one value over 1 to be told from fractions, as a reader would.
        const hundreds = [...ps, 60];
        expect(read(percentTracker(hundreds.map((p) => ({ value: p, format: 'General' }))))).toEqual(hundreds);
      }),
      { numRuns: 100, seed: 8 },
    );
  });
});

const idRules = (ids: CellValue[]) => {
  const a = analyseSheet(snapshot([HEADER, ...ids.map((id) => rec(id))]), OPTIONS);
  return { gaps: rules(a, 'ID_SEQUENCE_GAP'), duplicates: rules(a, 'ID_DUPLICATE'), forms: rules(a, 'ID_FORMAT') };
};

describe('[ID_SEQUENCE_GAP] references as families', () => {
  test('"2(a)" to "2(e)" under recommendation 2 make 2 present: no gap', () => {
    const r = idRules(['1', '2(a)', '2(b)', '2(c)', '2(d)', '2(e)', '3']);
    expect(r.gaps).toEqual([]);
    expect(r.forms).toEqual([]);
  });

  test('parents are compared with parents: 1, 2(a), 4 misses 3 only', () => {
    expect(idRules(['1', '2(a)', '2(b)', '4']).gaps.map((f) => f.message)).toEqual([expect.stringContaining('3 is missing')]);
  });

  test('a child skipped within its family: "2(a)", "2(c)" misses "2(b)"', () => {
    expect(idRules(['1', '2(a)', '2(c)', '3']).gaps.map((f) => [f.id, f.message])).toEqual([
      ['2(c)', expect.stringContaining('2(b) is missing')],
    ]);
  });

  test('"ii)" alone belongs to the parent above it: "1i)", "ii)", "3i)", "ii)" are not duplicates', () => {
    const r = idRules(['1i)', 'ii)', '2', '3i)', 'ii)']);
    expect(r.duplicates).toEqual([]);
    expect(r.gaps).toEqual([]);
  });

  test('"3.1", "3.2", "3.4": 3.3 is missing', () => {
    expect(idRules(['3.1', '3.2', '3.4', '4.1']).gaps.map((f) => f.message)).toEqual([expect.stringContaining('3.3 is missing')]);
  });

  type Style = 'letters' | 'dots' | 'roman';
  const child = (style: Style, parent: number, k: number): string =>
    style === 'letters'
      ? `${parent}(${'abcdefg'.charAt(k)})`
      : style === 'dots'
        ? `${parent}.${k + 1}`
        : `${parent}${['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii'][k] ?? ''})`;

  test('property: a family written in any style has a gap exactly where a parent was left out', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 3, maxLength: 8 }),
        fc.constantFrom<Style>('letters', 'dots', 'roman'),
        fc.option(fc.nat(), { nil: null }),
        (childCounts, style, dropAt) => {
          // Parent n has childCounts[n-1] children (none: written plainly); one parent between the first and last may be dropped.
          const dropped = dropAt === null ? null : 2 + (dropAt % (childCounts.length - 2));
          const ids: string[] = [];
          childCounts.forEach((count, i) => {
            const parent = i + 1;
            if (parent === dropped) return;
            if (count === 0) ids.push(String(parent));
            else for (let k = 0; k < count; k++) ids.push(child(style, parent, k));
          });
          const r = idRules(ids);
          expect(r.duplicates).toEqual([]);
          expect(r.gaps.map((f) => f.message.includes(`${dropped} is missing`))).toEqual(dropped === null ? [] : [true]);
        },
      ),
      { numRuns: 150, seed: 9 },
    );
  });
});
