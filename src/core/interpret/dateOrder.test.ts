import fc from 'fast-check';
import { OPTIONS, snapshot } from '../../../tests/fixtures/sheets';
import { analyseSheet } from '../analyse';
import { parseTimescale } from './parseTimescale';
import { writtenOrder } from './dateOrder';
import type { Analysis, CellValue, DateReading, FiscalYear, RuleId } from '../types';

const rules = (a: Analysis, rule: RuleId) => a.findings.filter((f) => f.rule === rule);
const HEADER = ['Ref', 'Recommendation', 'Owner', 'Target date', 'Status'];
const TITLE = ['Position as at 1 July 2023'];
/** A tracker whose target dates are the given cells, every item in progress. */
const tracker = (dates: CellValue[], title: CellValue[] = TITLE) =>
  analyseSheet(
    snapshot([title, HEADER, ...dates.map((d, i) => [`R${i + 1}`, 'Do the thing', 'Head of Finance', d, 'In progress'])]),
    OPTIONS,
  );
const dues = (a: Analysis) => a.recommendations.map((r) => r.timescale.due);

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** A real date, years 2000-2040. */
const dateArb = fc
  .record({ y: fc.integer({ min: 2000, max: 2040 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ y, m, d }) => ({ y, m, d: Math.min(d, lastDay(y, m)) }));

describe('[T6] dates in the column\u2019s own order', () => {
  test('a month-first column (a second part over 12 tells it) reads "12/05/2023" as 5 December', () => {
    const a = tracker(['06/30/2023', '9/30/23', '12/05/2023']);
    expect(dues(a)).toEqual(['2023-06-30', '2023-09-30', '2023-12-05']);
    expect(rules(a, 'DATE_ORDER_ASSUMED')).toEqual([]);
  });

  test('a day-first column (a first part over 12 tells it) reads "05/12/2023" as 5 December', () => {
    expect(dues(tracker(['30/06/2023', '05/12/2023']))).toEqual(['2023-06-30', '2023-12-05']);
  });

  test('year-month-day with slashes: "2019/11/14" is 14 November 2019, not the end of 2019', () => {
    expect(dues(tracker(['2019/11/14', '2020/1/5']))).toEqual(['2019-11-14', '2020-01-05']);
  });

  test('[DATE_ORDER_ASSUMED] a column whose dates read either way takes the sheet\u2019s other columns\u2019 order, and says so', () => {
    const header = ['Ref', 'Recommendation', 'Owner', 'Original target date', 'Revised target date', 'Status'];
    const rows = [
      ['R1', 'Do', 'A', '06/30/2023', '03/04/2024', 'In progress'],
      ['R2', 'Do', 'A', '09/15/2023', '05/06/2024', 'In progress'],
    ];
    const a = analyseSheet(snapshot([TITLE, header, ...rows]), OPTIONS);
    expect(a.recommendations.map((r) => [r.originalDue, r.timescale.due])).toEqual([
      ['2023-06-30', '2024-03-04'],
      ['2023-09-15', '2024-05-06'],
    ]);
    const assumed = rules(a, 'DATE_ORDER_ASSUMED');
    expect(assumed.map((f) => f.cell)).toEqual(['E3']);
    expect(assumed[0]?.message).toContain('month first');
  });

  test('[DATE_ORDER_ASSUMED] with nothing to tell the order, dates are read day first (the UK way), and the finding says so', () => {
    const a = tracker(['03/04/2024', '05/06/2024']);
    expect(dues(a)).toEqual(['2024-04-03', '2024-06-05']);
    expect(rules(a, 'DATE_ORDER_ASSUMED').map((f) => [f.cell, f.severity])).toEqual([['D3', 'info']]);
  });

  test('no finding when every date reads one way only', () => {
    expect(rules(tracker(['31/03/2024', '30/06/2024', '01/01/2024']), 'DATE_ORDER_ASSUMED')).toEqual([]);
  });

  test('[DATE_IMPOSSIBLE] "2022/09/31" and "31/09/2022" are findings, not dates, and nothing throws', () => {
    const a = tracker(['2022/09/31', '31/09/2022', '30/09/2022']);
    expect(dues(a)).toEqual([null, null, '2022-09-30']);
    expect(rules(a, 'DATE_IMPOSSIBLE').map((f) => f.cell)).toEqual(['D3', 'D4']);
    expect(rules(a, 'TIMESCALE_UNPARSED')).toEqual([]);
    expect(a.recommendations[0]?.overdue).toBe(false);
  });

  test('two-digit years are placed nearest the document date', () => {
    expect(dues(tracker(['30/06/23', '31/03/99']))).toEqual(['2023-06-30', '1999-03-31']);
  });
});

describe('[T6] property: a date written in any order and form reads back as itself', () => {
  const forms: { name: string; reading: DateReading; write: (y: number, m: number, d: number) => string }[] = [
    { name: 'dd/mm/yyyy', reading: { order: 'dmy', fiscal: 'uk' }, write: (y, m, d) => `${pad(d)}/${pad(m)}/${y}` },
    { name: 'd/m/yyyy', reading: { order: 'dmy', fiscal: 'uk' }, write: (y, m, d) => `${d}/${m}/${y}` },
    { name: 'dd-mm-yy', reading: { order: 'dmy', fiscal: 'uk' }, write: (y, m, d) => `${pad(d)}-${pad(m)}-${pad(y % 100)}` },
    { name: 'mm/dd/yyyy', reading: { order: 'mdy', fiscal: 'us' }, write: (y, m, d) => `${pad(m)}/${pad(d)}/${y}` },
    { name: 'm/d/yy', reading: { order: 'mdy', fiscal: 'us' }, write: (y, m, d) => `${m}/${d}/${pad(y % 100)}` },
    { name: 'yyyy/mm/dd', reading: { order: 'dmy', fiscal: 'uk' }, write: (y, m, d) => `${y}/${pad(m)}/${pad(d)}` },
    { name: 'yyyy-m-d', reading: { order: 'mdy', fiscal: 'us' }, write: (y, m, d) => `${y}-${m}-${d}` },
    { name: 'yyyy.mm.dd', reading: { order: 'dmy', fiscal: 'uk' }, write: (y, m, d) => `${y}.${pad(m)}.${pad(d)}` },
  ];

  test.each(forms.map((f) => [f.name, f] as const))('%s', (_name, form) => {
    fc.assert(
      fc.property(dateArb, ({ y, m, d }) => {
        // The document date in the same year places a two-digit year in the right century.
        const t = parseTimescale(form.write(y, m, d), `${y}-06-15`, form.reading);
        expect([t.kind, t.due]).toEqual(['date', iso(y, m, d)]);
      }),
      { numRuns: 300, seed: 4 },
    );
  });

  test('a month-first column with one telling date is read month first throughout, in a sheet', () => {
    fc.assert(
      fc.property(fc.array(dateArb, { minLength: 1, maxLength: 8 }), fc.integer({ min: 13, max: 28 }), (dates, tellingDay) => {
        const all = [...dates, { y: 2023, m: 6, d: tellingDay }];
        const a = tracker(all.map(({ y, m, d }) => `${m}/${d}/${y}`));
        expect(dues(a)).toEqual(all.map(({ y, m, d }) => iso(y, m, d)));
        expect(rules(a, 'DATE_ORDER_ASSUMED')).toEqual([]);
      }),
      { numRuns: 60, seed: 5 },
    );
  });
});

/** The first month of each body's financial year, written out here rather than taken from the product. */
const FIRST_MONTH: Record<FiscalYear, number> = { uk: 4, us: 10, au: 7 };

/** The last day of quarter q of the financial year ending in `endYear`, counted by hand from its first month. */
function quarterEnd(fiscal: FiscalYear, endYear: number, q: number): string {
  const start = FIRST_MONTH[fiscal];
  const monthsFromJanOfFirstYear = start - 1 + 3 * q; // 1-based month count of the quarter's last month
  const year = endYear - 1 + Math.floor((monthsFromJanOfFirstYear - 1) / 12);
  const month = ((monthsFromJanOfFirstYear - 1) % 12) + 1;
  return iso(year, month, lastDay(year, month));
}

describe('[T6] financial years by the body\u2019s convention', () => {
  test('property: "FY<year>", "Q<n> FY<year>" and "<year-1>/<yy>" end where the body\u2019s year does', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<FiscalYear>('uk', 'us', 'au'),
        fc.integer({ min: 2001, max: 2039 }),
        fc.integer({ min: 1, max: 4 }),
        (fiscal, endYear, q) => {
          const reading: DateReading = { order: fiscal === 'us' ? 'mdy' : 'dmy', fiscal };
          const ref = `${endYear}-01-15`;
          expect(parseTimescale(`FY${endYear}`, ref, reading).due).toBe(quarterEnd(fiscal, endYear, 4));
          expect(parseTimescale(`Q${q} FY${endYear}`, ref, reading).due).toBe(quarterEnd(fiscal, endYear, q));
          expect(parseTimescale(`${endYear - 1}/${pad(endYear % 100)}`, ref, reading).due).toBe(quarterEnd(fiscal, endYear, 4));
        },
      ),
      { numRuns: 300, seed: 6 },
    );
  });

  test('[FISCAL_YEAR_ASSUMED] "Q3 FY2025" alone is the US federal year (April-June 2025), said once', () => {
    const a = tracker(['Q3 FY2025', 'FY2024']);
    expect(dues(a)).toEqual(['2025-06-30', '2024-09-30']);
    const assumed = rules(a, 'FISCAL_YEAR_ASSUMED');
    expect(assumed.map((f) => f.cell)).toEqual(['D3']);
    expect(assumed[0]?.message).toContain('October to September');
  });

  test('[FISCAL_YEAR_ASSUMED] beside "2023/24" a UK sheet reads "FY2025" as the year to 31 March 2025', () => {
    const a = tracker(['2023/24', 'FY2025']);
    expect(dues(a)).toEqual(['2024-03-31', '2025-03-31']);
    expect(rules(a, 'FISCAL_YEAR_ASSUMED')[0]?.message).toContain('April to March');
  });

  test('the fiscalYear option wins, and then nothing is assumed', () => {
    const values = [TITLE, HEADER, ['R1', 'Do', 'A', 'Q3 FY2025', 'In progress']];
    const a = analyseSheet(snapshot(values), { ...OPTIONS, fiscalYear: 'au' });
    expect(dues(a)).toEqual(['2025-03-31']);
    expect(rules(a, 'FISCAL_YEAR_ASSUMED')).toEqual([]);
  });

  test('a UK tracker\u2019s "2023/24" and "Q2 2023/24" are unchanged (April-March)', () => {
    expect(dues(tracker(['2023/24', 'Q2 2023/24']))).toEqual(['2024-03-31', '2023-09-30']);
  });
});

describe('[T6] the order of dates written with the month in words (writtenOrder)', () => {
  test.each([
    [['Mar 17, 2011', 'Audit Report'], 'mdy'],
    [['Report issued March 31, 2024', '17 March 2011', 'Feb 12, 2014'], 'mdy'],
    [['31st March 2024', 'Position as at 30 June 2024'], 'dmy'],
    [['March 2024', 'Q3 2023/24'], null],
    [['Mar 17, 2011', '17 March 2011'], null],
  ])('%j reads %s', (texts, order) => {
    expect(writtenOrder(texts)?.order ?? null).toBe(order);
  });
});
