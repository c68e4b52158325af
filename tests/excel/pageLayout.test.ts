import { runPlan } from '../../src/excel';
import type { CellValue } from '../../src/core/types';
import { FakeWorkbook } from '../fakes/excelFake';
import { PROFILES, useFakeExcel } from '../fakes/jestFake';
import { referenceValues } from '../fixtures/reference';

type Scalar = string | number | boolean;
const NOW = new Date(2026, 10, 26, 10, 4);
const ALL = { format: true, summary: true };
const scalars = (values: CellValue[][]): Scalar[][] => values.map((r) => r.map((v) => (v === null || typeof v === 'object' ? '' : v)));

describe.each(PROFILES)('$name', (profile) => {
  const current = useFakeExcel(profile);
  let fake: FakeWorkbook;
  beforeEach(() => {
    fake = current();
    fake.addSheet('Appendix 1', scalars(referenceValues()));
  });
  const autofitted = (sheet: string) =>
    fake
      .sheet(sheet)
      .formatLog.filter((f) => f.path === 'format.autofitRows()')
      .map((f) => f.address);

  test('[P1.1] the table sheet: A4 landscape, 1 page wide, header row 5 repeated, A5:I18, footer, Narrow margins', async () => {
    const result = await runPlan({}, ALL, undefined, { now: NOW });
    const layout = fake.sheet('Appendix 1').pageLayout;
    expect(layout).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: '$5:$5',
      printArea: 'A5:I18',
      // Narrow margins in points: 0.25" = 18, 0.75" = 54, 0.3" = 21.6.
      margins: { left: 18, right: 18, top: 54, bottom: 54 },
    });
    expect(layout.margins.header).toBeCloseTo(21.6);
    expect(layout.defaultForAllPages).toMatchObject({ leftFooter: 'As at 31 March 2002', centerFooter: '', rightFooter: 'Page &P of &N' });
    expect(result.applied).toContain(
      'Set "Appendix 1" to print on A4 landscape, 1 page wide, with the header on every page and page numbers',
    );
  });

  test('[P1.3] Excel fits the printed rows to their wrapped text, in one call', () => {
    return runPlan({}, ALL, undefined, { now: NOW }).then(() => expect(autofitted('Appendix 1')).toEqual(['A5:XFD18']));
  });

  test('[P1.4] the summary sheet prints our way too, all of it (no print area to cut its chart)', async () => {
    await runPlan({}, ALL, undefined, { now: NOW });
    const summary = fake.sheet('Action plan summary');
    expect(summary.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', printTitleRows: null });
    expect(summary.pageLayout.printArea).toBeNull();
    expect(summary.pageLayout.defaultForAllPages.rightFooter).toBe('Page &P of &N');
    expect(autofitted('Action plan summary')).toHaveLength(1);
  });

  test('[P1.2] no extra sync: the page layout is read with the first read (13 rows: 2 syncs)', async () => {
    await runPlan({}, ALL, undefined, { now: NOW });
    expect(fake.stats.syncs).toBe(2);
  });

  test("[P1.2] the user's own setup (a header and 85% zoom) is kept whole, row heights too; the summary is still ours", async () => {
    const mine = fake.sheet('Appendix 1').pageLayout;
    mine.zoom = { scale: 85 };
    mine.defaultForAllPages.centerHeader = 'Audit Committee';
    const before = JSON.stringify(mine);
    const result = await runPlan({}, ALL, undefined, { now: NOW });
    expect(JSON.stringify(fake.sheet('Appendix 1').pageLayout)).toBe(before);
    expect(autofitted('Appendix 1')).toEqual([]);
    expect(result.applied).toContain('Kept the page setup of "Appendix 1" as you set it');
    expect(fake.sheet('Action plan summary').pageLayout.orientation).toBe('Landscape');
  });

  test("[P1.2] the user's print titles alone make the setup theirs", async () => {
    fake.sheet('Appendix 1').pageLayout.printTitleRows = '$1:$5';
    await runPlan({}, ALL, undefined, { now: NOW });
    expect(fake.sheet('Appendix 1').pageLayout).toMatchObject({ printTitleRows: '$1:$5', orientation: 'Portrait', printArea: null });
  });

  test('[P1.2] a second run refreshes our own setup: same layout, no error', async () => {
    await runPlan({}, ALL, undefined, { now: NOW });
    const first = JSON.stringify(fake.sheet('Appendix 1').pageLayout);
    const second = await runPlan({}, ALL, undefined, { now: NOW });
    expect(JSON.stringify(fake.sheet('Appendix 1').pageLayout)).toBe(first);
    expect(second.applied).toContain(
      'Set "Appendix 1" to print on A4 landscape, 1 page wide, with the header on every page and page numbers',
    );
  });

  test('Check only writes no page setup', async () => {
    await runPlan({}, { format: false, summary: false }, undefined, { now: NOW });
    expect(fake.sheet('Appendix 1').pageLayout).toMatchObject({ orientation: 'Portrait', printArea: null });
  });
});

describe('the fake PageLayout is as strict as Excel', () => {
  const current = useFakeExcel();
  test('a property read before load + sync throws; the zoom can only be set whole', async () => {
    current().addSheet('Plan', [['x']]);
    await Excel.run(async (context) => {
      const layout = context.workbook.worksheets.getItem('Plan').pageLayout;
      expect(() => layout.orientation).toThrow(/not available/);
      layout.load('zoom');
      await context.sync();
      expect(layout.zoom).toEqual({ scale: 100 });
      expect(() => {
        layout.zoom.scale = 50;
      }).toThrow(TypeError);
    });
  });
});
