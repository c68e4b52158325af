import { runPlan } from '../../src/excel';
import { RATING_SWATCHES, STATUTORY_ROW, UNRATED_BAR } from '../../src/core/plans/palette';
import type { FakeWorkbook, SheetState } from '../fakes/excelFake';
import { PROFILES, useFakeExcel } from '../fakes/jestFake';
import { scalarGrid } from '../corpus/workbooks';
import { referenceValues } from '../fixtures/reference';

const NOW = new Date(2026, 10, 26, 10, 4);
const ALL = { format: true, summary: true };

/** The 1-based row whose column A holds `label`. */
const rowOf = (sheet: SheetState, label: string) => sheet.values.findIndex((r) => r[0] === label) + 1;
/** Every range a format property was set on, with its value. */
const formats = (sheet: SheetState, path: string) => sheet.formatLog.filter((f) => f.path === path).map((f) => [f.address, f.value]);

// The reference appendix, counted by hand from tests/fixtures/action-plan-2001-02.json: 13 recommendations,
// 6 met completely; statutory R1 R3 R10 (3), of which R10 complete (1); as at 31 March 2002.
describe.each(PROFILES)('[M1] the summary sheet written through Excel ($name)', (profile) => {
  const current = useFakeExcel(profile);
  let fake: FakeWorkbook;
  let summary: SheetState;
  beforeEach(async () => {
    fake = current();
    fake.addSheet('Appendix 1', scalarGrid(referenceValues()));
    await runPlan({}, ALL, undefined, { now: NOW });
    summary = fake.sheet('Action plan summary');
  });

  test('[M1] each block\u2019s figures sit under their own headers, right-aligned from the header down', () => {
    const header = rowOf(summary, 'Statutory and priority') + 1;
    expect(summary.values[header - 1]?.slice(0, 4)).toEqual(['Group', 'Items', 'Complete', 'Overdue']);
    // Statutory: 3 items, 1 complete (1/3), none overdue; non-statutory: 10, 5 complete (0.5), none overdue.
    expect(summary.values[header]?.slice(0, 4)).toEqual(['Statutory', 3, 1 / 3, 0]);
    expect(summary.values[header + 1]?.slice(0, 4)).toEqual(['Non-statutory', 10, 0.5, 0]);
    // Two rows under the header, B to D right-aligned, header included.
    expect(formats(summary, 'format.horizontalAlignment')).toContainEqual([`B${header}:D${header + 2}`, 'Right']);
    const headline = rowOf(summary, 'Headline figures') + 1;
    expect(summary.values[headline - 1]?.slice(0, 4)).toEqual(['Measure', 'Number', 'Out of', 'Share']);
    expect(summary.values[rowOf(summary, 'Complete') - 1]?.slice(0, 3)).toEqual(['Complete', 6, 13]);
    expect(formats(summary, 'format.horizontalAlignment').some(([a]) => String(a).startsWith(`B${headline}:D`))).toBe(true);
    // The labels' column is never right-aligned; the label block (source, position date, generated) is left-aligned whole.
    expect(formats(summary, 'format.horizontalAlignment').some(([a, v]) => String(a).startsWith('A') && v === 'Right')).toBe(false);
    expect(formats(summary, 'format.horizontalAlignment')).toContainEqual([expect.stringMatching(/^A\d+:C\d+$/), 'Left']);
    // Counts with thousands separators.
    expect(summary.numberFormats.get(`${rowOf(summary, 'Complete') - 1},1`)).toBe('#,##0');
  });

  test('[M1] "6 of 13, 46%" and the as-at date as a number shown as d mmmm yyyy', () => {
    expect(summary.values.flat()).toContain('Complete: 6 of 13, 46%. Overdue: 0. Not rated: 0.');
    const row = rowOf(summary, 'Position as at');
    // 31 March 2002: 1 January 2002 is serial 37257; + 31 + 28 + 30 = 37346.
    expect(summary.values[row - 1]?.[1]).toBe(37346);
    expect(summary.numberFormats.get(`${row - 1},1`)).toBe('d mmmm yyyy');
  });

  test('[M1] rule IDs, cells and severities only on the chase sheet\u2019s checks, never in the committee\u2019s pages', () => {
    const chase = fake.sheet('Action plan chase and checks');
    const checks = chase.values.findIndex((r) => r[0] === 'Checks for the officer preparing the report') + 1;
    expect(checks).toBeGreaterThan(0);
    const below = chase.values
      .slice(checks - 1)
      .flat()
      .map(String);
    const committee = summary.values.flat().map(String);
    for (const detail of ['TIMESCALE_MISSING', 'TIMESCALE_NO_DEADLINE', 'TIMESCALE_YEAR_INFERRED', 'D10', 'Warning', 'Note']) {
      expect(below).toContain(detail);
      expect(committee).not.toContain(detail);
    }
    // The checks start a printed page of their own.
    expect(chase.pageLayout.rowBreaks).toContain(checks);
  });

  test('[M1] the summary prints on two pages: a manual break before "Statutory and priority", one page wide', () => {
    expect(summary.pageLayout.rowBreaks).toEqual([rowOf(summary, 'Statutory and priority')]);
    expect(summary.pageLayout.zoom).toMatchObject({ horizontalFitToPages: 1 });
    expect(summary.pageLayout.orientation).toBe('Landscape');
  });

  test('[M1] the distribution\u2019s labels carry the chart\u2019s colours; the plan\u2019s colour key is on the chase sheet', () => {
    const first = rowOf(summary, 'Recommendation met');
    expect(formats(summary, 'format.fill.color')).toContainEqual([`A${first + 1}`, RATING_SWATCHES[0]?.fill]);
    const chase = fake.sheet('Action plan chase and checks');
    const key = chase.values.findIndex((r) => r[0] === 'Colour key: what the highlights on the plan mean') + 1;
    expect(chase.values[key + 1]?.[0]).toBe('Statutory');
    expect(formats(chase, 'format.fill.color')).toContainEqual([`A${key + 2}`, STATUTORY_ROW.fill]);
  });

  test('[M1] the chart: each bar in its level\u2019s colour, value labels on, beside the headline figures, in the one write sync', () => {
    const first = rowOf(summary, 'Recommendation met');
    expect(summary.charts).toHaveLength(1);
    const chart = summary.charts[0];
    // Completely, Significantly, Moderately, Partially, Not met, then Not rated.
    expect(chart).toMatchObject({
      source: `A${first}:B${first + 6}`,
      position: `F${rowOf(summary, 'Headline figures')}`,
      pointFills: [...RATING_SWATCHES.map((s) => s.fill), UNRATED_BAR.fill],
      hasDataLabels: true,
      showValue: true,
    });
    expect(chart?.positionEnd).toMatch(/^J\d+$/);
    expect(fake.stats.syncs).toBeLessThanOrEqual(3);
  });
});

describe('[M1] the strict fake holds chart points and labels to the Excel API', () => {
  const current = useFakeExcel();
  let fake: FakeWorkbook;
  beforeEach(() => {
    fake = current();
    fake.addSheet('Data', [
      ['Level', 'Count'],
      ['A', 1],
      ['B', 2],
    ]);
  });
  const chartOn = (body: (series: Excel.ChartSeries) => void) =>
    Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      const chart = sheet.charts.add(Excel.ChartType.barClustered, sheet.getRange('A1:B3'), Excel.ChartSeriesBy.columns);
      body(chart.series.getItemAt(0));
      await context.sync();
    });

  test('a point past the series\u2019 last fails the sync (ItemNotFound); a second series does not exist', async () => {
    await expect(chartOn((s) => s.points.getItemAt(2).format.fill.setSolidColor('#C6EFCE'))).rejects.toMatchObject({
      code: 'ItemNotFound',
    });
    await expect(
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Data');
        const chart = sheet.charts.add(Excel.ChartType.barClustered, sheet.getRange('A1:B3'), Excel.ChartSeriesBy.columns);
        chart.series.getItemAt(1).hasDataLabels = true;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  test('a colour that is not an HTML colour fails (InvalidArgument); reading hasDataLabels unloaded throws', async () => {
    await expect(chartOn((s) => s.points.getItemAt(0).format.fill.setSolidColor('rgb(1,2,3)'))).rejects.toMatchObject({
      code: 'InvalidArgument',
    });
    await expect(chartOn((s) => void s.hasDataLabels)).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
    await chartOn((s) => {
      s.points.getItemAt(1).format.fill.setSolidColor('#ffeb9c');
      s.hasDataLabels = true;
      s.dataLabels.showValue = true;
    });
    const chart = fake.sheet('Data').charts.at(-1);
    expect(chart).toMatchObject({ pointFills: [null, '#FFEB9C'], hasDataLabels: true, showValue: true });
  });
});
