import { FINGERPRINT_ROWS, isOurSummarySheet } from '../../src/core/summaryMark';
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
