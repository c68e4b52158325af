/** [F2] A picture, shape or chart over the status column, as the Excel adapter reports it. */
import { runPlan } from '../../src/excel';
import { bandAt } from '../../src/excel/drawings';
import { extent, type FakeWorkbook, type SheetState } from '../fakes/excelFake';
import { useFakeExcel } from '../fakes/jestFake';
import { referenceValues } from '../fixtures/reference';
import type { CellValue } from '../../src/core/types';

type Scalar = string | number | boolean;
const NOW = new Date(2026, 10, 26, 10, 4);
const FORMAT = { format: true, summary: false };
const scalars = (values: CellValue[][]): Scalar[][] => values.map((r) => r.map((v) => (v === null || typeof v === 'object' ? '' : v)));

const current = useFakeExcel();
let fake: FakeWorkbook;
beforeEach(() => (fake = current()));

/** Where column or row `index` (0-based) starts in points, summed from the fake's own widths and heights. */
function start(sheet: SheetState, axis: 'column' | 'row', index: number): number {
  let at = 0;
  for (let i = 0; i < index; i++) at += extent(sheet, axis, i);
  return at;
}

/** The reference appendix, formatted once (its status column G and widths in place), as a user adds a picture after. */
async function formattedReference(): Promise<SheetState> {
  const sheet = fake.addSheet('Appendix 1', scalars(referenceValues()));
  await runPlan({}, FORMAT, undefined, { now: NOW });
  return sheet;
}

/** A box from a point inside the first cell to a point inside the last (0-based column, 1-based row). */
function over(sheet: SheetState, from: [number, number], to: [number, number]) {
  const left = start(sheet, 'column', from[0]) + 3;
  const top = start(sheet, 'row', from[1] - 1) + 2;
  return {
    left,
    top,
    width: start(sheet, 'column', to[0]) + 5 - left,
    height: start(sheet, 'row', to[1] - 1) + 4 - top,
  };
}

const G = 6;
const covered = (notes: readonly { rule: string; message: string }[]) => notes.filter((n) => n.rule === 'STATUS_COLUMN_COVERED');

describe('[F2] a drawing over the status column', () => {
  test('a picture over column G is a warning naming the picture and the cells it covers', async () => {
    const sheet = await formattedReference();
    sheet.shapes.push({ name: 'Logo', ...over(sheet, [5, 7], [G, 9]) });
    const result = await runPlan({}, FORMAT, undefined, { now: NOW });
    const found = covered(result.notes);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', cell: 'G5' });
    expect(found[0]?.message).toContain('"Logo" (over F7:G9)');
    // The column is written all the same.
    expect(sheet.values[5]?.[G]).not.toBe('');
  });

  test('a chart over the status column is reported the same way', async () => {
    const sheet = await formattedReference();
    sheet.charts.push({
      type: 'ColumnClustered',
      source: 'A1:B2',
      title: 'Progress',
      legendVisible: true,
      position: null,
      positionEnd: null,
      seriesCount: 1,
      pointCount: 1,
      pointFills: [null],
      hasDataLabels: false,
      showValue: false,
      geometry: over(sheet, [G, 12], [G + 2, 20]),
    });
    const found = covered((await runPlan({}, FORMAT, undefined, { now: NOW })).notes);
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining('"Progress" (over G12:I20)')]);
  });

  test('a picture beside the table or above its header gives no warning', async () => {
    const sheet = await formattedReference();
    sheet.shapes.push({ name: 'Beside', ...over(sheet, [G + 4, 6], [G + 6, 12]) });
    sheet.shapes.push({ name: 'Crest', ...over(sheet, [0, 1], [G + 1, 3]) });
    const result = await runPlan({}, FORMAT, undefined, { now: NOW });
    expect(covered(result.notes)).toEqual([]);
  });

  test('looking for drawings costs no sync: a run with a picture takes as many as one without', async () => {
    await formattedReference();
    fake.stats.syncs = 0;
    await runPlan({}, FORMAT, undefined, { now: NOW });
    const without = fake.stats.syncs;
    const sheet = fake.sheet('Appendix 1');
    sheet.shapes.push({ name: 'Logo', ...over(sheet, [G, 7], [G, 8]) });
    fake.stats.syncs = 0;
    const result = await runPlan({}, FORMAT, undefined, { now: NOW });
    expect(covered(result.notes)).toHaveLength(1);
    expect(fake.stats.syncs).toBe(without);
  });

  test('the check on opening (a preview) does not look for drawings', async () => {
    const sheet = await formattedReference();
    sheet.shapes.push({ name: 'Logo', ...over(sheet, [G, 7], [G, 8]) });
    const result = await runPlan({}, FORMAT, undefined, { now: NOW, preview: true });
    expect(covered(result.notes)).toEqual([]);
  });
});

describe('placing a point among columns or rows', () => {
  test('a point falls in the band that holds it; a far edge belongs to the next band; past the last, the last size repeats', () => {
    const sizes = [10, 0, 20];
    expect([0, 9.99, 10, 29.99, 30, 49.99, 50].map((at) => bandAt(sizes, at))).toEqual([0, 0, 2, 2, 3, 3, 4]);
  });
});
