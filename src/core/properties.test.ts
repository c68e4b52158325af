import fc from 'fast-check';
import { HEADER, OPTIONS, snapshot } from '../../tests/fixtures/sheets';
import { analyseSheet } from './analyse';
import { fromIso } from './dates';
import { parseTimescale, parseTimescaleCell } from './interpret/parseTimescale';
import { matchLevel, ratingPhrases, DEFAULT_SCALE } from './interpret/rating';
import { subjectMarker } from './interpret/statutory';
import type { Analysis, CellValue } from './types';

const phraseParts = [
  'March',
  'May',
  'Sept',
  '2002',
  '02/03',
  'Q3',
  'end of',
  'summer',
  '/',
  '-',
  ' ',
  '31st',
  'TBC',
  'ongoing',
  'Complete',
  '05/04/2002',
  'FY',
  'June',
  '\n',
  'by',
  '99',
  '12',
];
const phrase = fc.oneof(
  fc.string(),
  fc.array(fc.constantFrom(...phraseParts), { maxLength: 8 }).map((p) => p.join(' ')),
  fc.string({ unit: 'binary' }),
);
const isoDate = fc
  .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2060, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('[T6] parsers on any string', () => {
  test('parseTimescale never throws, is deterministic, and dates stay within 30 years of the document date', () => {
    fc.assert(
      fc.property(phrase, isoDate, (text, ref) => {
        const a = parseTimescale(text, ref);
        const b = parseTimescale(text, ref);
        expect(b).toEqual(a);
        expect(a.text).toBe(text);
        if (a.due !== null) {
          expect(a.kind).toBe('date');
          const gap = Math.abs((fromIso(a.due) ?? NaN) - (fromIso(ref) ?? NaN));
          expect(gap).toBeLessThanOrEqual(30 * 366);
        }
      }),
      { numRuns: 1500 },
    );
  });

  test('parseTimescaleCell never throws on any cell value', () => {
    const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant({ error: '#N/A' }),
    );
    fc.assert(
      fc.property(cellValue, fc.option(fc.constantFrom('General', 'dd/mm/yyyy', '0.00', '@', 'mmm-yy')), isoDate, (v, f, ref) => {
        const t = parseTimescaleCell(v, f ?? undefined, ref);
        expect(['date', 'ongoing', 'complete', 'none', 'missing', 'unparsed']).toContain(t.kind);
      }),
    );
  });

  test('rating and statutory readers never throw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        ratingPhrases(s, DEFAULT_SCALE);
        matchLevel(s, DEFAULT_SCALE);
        subjectMarker(s);
      }),
    );
  });
});

const ratings = ['completely', 'significantly', 'moderately', 'partially', 'mostly', ''];
const timescales = ['Sept 2002', 'Ongoing', 'TBC', '', 'May', 'End of 2002/2003', 'Complete', 'soon'];
const row = fc.record({
  id: fc.oneof(
    fc.integer({ min: 1, max: 40 }).map((n) => `R${n}`),
    fc.constant(''),
  ),
  statutory: fc.constantFrom('STATUTORY', 'Nonstatutory', ''),
  lead: fc.constantFrom('ACHR', 'Head of BV', ''),
  timescale: fc.constantFrom(...timescales),
  rating: fc.constantFrom(...ratings),
});
type Row = { id: string; statutory: string; lead: string; timescale: string; rating: string };
const toCells = (r: Row): CellValue[] => [
  r.id,
  `Subject\n${r.statutory}`,
  r.lead,
  r.timescale,
  'Act',
  r.rating ? `Progress.\nRecommendation met: ${r.rating}` : 'Progress.',
];

/** What an officer reads off an analysis, without worksheet addresses. */
function essence(a: Analysis) {
  return {
    stats: a.stats,
    recs: a.recommendations.map((r) => ({ ...r, row: 0 })),
    rules: a.findings.map((f) => `${f.rule}:${f.id ?? ''}:${f.severity}`).sort(),
  };
}

describe('[T2] the analysis of a sheet does not depend on layout', () => {
  test('blank rows inside the table change nothing but row numbers', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 25 }), fc.array(fc.nat(30), { maxLength: 5 }), (rows, blanks) => {
        const plain = [['As at 31 March 2002'], HEADER, ...rows.map(toCells)];
        const spaced = [['As at 31 March 2002'], HEADER, ...rows.map(toCells)];
        for (const b of blanks) spaced.splice(2 + Math.min(b, spaced.length - 2), 0, [null, null, null, null, null, null]);
        const a = essence(analyseSheet(snapshot(plain), OPTIONS));
        const b = essence(analyseSheet(snapshot(spaced), OPTIONS));
        expect(b.stats).toEqual(a.stats);
        expect(b.recs).toEqual(a.recs);
        expect(b.rules).toEqual(a.rules);
      }),
      { numRuns: 150 },
    );
  });

  test('column order changes nothing but addresses', () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 25 }),
        fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6, maxLength: 6 }),
        (rows, order) => {
          const cells = [HEADER, ...rows.map(toCells)];
          const shuffled = cells.map((r) => order.map((i) => r[i] ?? null));
          const a = essence(analyseSheet(snapshot([['As at 31 March 2002'], ...cells]), OPTIONS));
          const b = essence(analyseSheet(snapshot([['As at 31 March 2002'], ...shuffled]), OPTIONS));
          expect(b).toEqual(a);
        },
      ),
      { numRuns: 150 },
    );
  });
});
