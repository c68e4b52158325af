import { runPlan } from '../../src/excel';
import { onWorkbookChange } from '../../src/excel/excelHost';
import type { FakeWorkbook } from '../fakes/excelFake';
import { UNDO_GROUP_PROFILES, useFakeExcel } from '../fakes/jestFake';
import { referenceValues } from '../fixtures/reference';
import { scalarGrid } from '../corpus/workbooks';

const NOW = new Date(2026, 10, 26, 10, 4);
const ALL = { format: true, summary: true };

describe.each(UNDO_GROUP_PROFILES)('$name: change events', (profile) => {
  const current = useFakeExcel(profile);
  let fake: FakeWorkbook;
  let stop: () => void = () => undefined;
  beforeEach(() => {
    fake = current();
    fake.addSheet('Appendix 1', scalarGrid(referenceValues()));
  });
  afterEach(() => stop());

  test('[stale] our own writes raise change events, and they never mark the results stale', async () => {
    const seen: unknown[] = [];
    fake.changeHandlers.add((e) => void seen.push(e));
    const changed = jest.fn();
    stop = await onWorkbookChange(changed);
    await runPlan({}, ALL, undefined, { now: NOW });
    await fake.settleEvents();
    expect(seen.length).toBeGreaterThan(0);
    if (profile.apiMinor >= 14) expect(seen).toContainEqual(expect.objectContaining({ triggerSource: 'ThisLocalAddin' }));
    expect(changed).not.toHaveBeenCalled();
  });

  test('[stale] a user\u2019s edit is seen, even a moment after our own writes', async () => {
    const changed = jest.fn();
    stop = await onWorkbookChange(changed);
    await runPlan({}, ALL, undefined, { now: NOW });
    await fake.settleEvents();
    await fake.userEdit('Appendix 1', 'F7', 'Recommendation met: completely');
    // With triggerSource (1.14) the edit is told from ours by its source; without it, by where it lands:
    // F7 is not in the status column or our summary sheet, so no quiet window swallows it.
    expect(changed).toHaveBeenCalledTimes(1);
  });
});
