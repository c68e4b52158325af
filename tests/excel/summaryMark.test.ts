import { FINGERPRINT_ROWS, isOurSummarySheet } from '../../src/core/plans/summaryMark';
import { runPlan } from '../../src/excel';
import { useFakeExcel } from '../fakes/jestFake';
import { referenceValues } from '../fixtures/reference';
import { scalarGrid } from '../corpus/workbooks';

describe('[M1] ours means ours: the summary marker carries a fingerprint of what we wrote', () => {
  const current = useFakeExcel();
  test('the marker comment matches the summary sheet after the first and the second run, as the command checks it', async () => {
    const fake = current();
    fake.addSheet('Appendix 1', scalarGrid(referenceValues()));
    fake.activate('Appendix 1');
    for (const at of [new Date(2026, 10, 26, 10), new Date(2026, 10, 27, 11)]) {
      await runPlan({}, { format: true, summary: true }, undefined, { now: at });
      const marker = fake.names.find((n) => n.name === 'ActionPlanChecker.Summary');
      const top = fake.sheet('Action plan summary').values.slice(0, FINGERPRINT_ROWS);
      expect(isOurSummarySheet('Action plan summary', top, marker?.comment)).toBe(true);
    }
  });
});

describe("[M1] ours means ours: a marker pointing at a user's sheet never makes us rewrite it", () => {
  const current = useFakeExcel();
  test("last quarter's summary renamed to keep it (or a received workbook) is left as it is; a new summary is written", async () => {
    const fake = current();
    fake.addSheet('Appendix 1', scalarGrid(referenceValues()));
    fake.addSheet('Kept Q3 summary', [['My own notes on Q3'], ['do not touch']]);
    const kept = fake.sheet('Kept Q3 summary');
    fake.names.push({
      name: 'ActionPlanChecker.Summary',
      sheetId: kept.id,
      address: 'A1',
      visible: false,
      comment: 'APC1-0000000000000000',
    });
    fake.activate('Appendix 1');
    await runPlan({}, { format: true, summary: true }, undefined, { now: new Date(2026, 10, 26, 10) });
    expect(fake.sheet('Kept Q3 summary').values).toEqual([['My own notes on Q3'], ['do not touch']]);
    expect(fake.sheets.map((s) => s.name)).toEqual([
      'Appendix 1',
      'Kept Q3 summary',
      'Action plan summary',
      'Action plan chase and checks',
    ]);
    const marker = fake.names.find((n) => n.name === 'ActionPlanChecker.Summary');
    expect(marker?.sheetId).toBe(fake.sheet('Action plan summary').id);
  });
});
