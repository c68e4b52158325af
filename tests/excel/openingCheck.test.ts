// Issue 20, item 5: the check the pane runs on opening reads what the button would change, and nothing that can
// cost the user's undo history; on a sheet that holds no table it reads only the first rows.
import { runPlan } from '../../src/excel';
import { parseBox } from '../fakes/addresses';
import type { FakeWorkbook } from '../fakes/excelFake';
import { PLATFORM_PROFILES, useFakeExcel } from '../fakes/jestFake';
import { referenceValues } from '../fixtures/reference';
import { scalarGrid } from '../corpus/workbooks';

const NOW = new Date(2026, 10, 26, 10, 4);
const NONE = { format: false, summary: false };

describe.each(PLATFORM_PROFILES)('$name: the check on opening', (profile) => {
  const current = useFakeExcel(profile);
  let fake: FakeWorkbook;
  beforeEach(() => (fake = current()));

  test('[opening check] reads no merged areas, so the undo history is kept (office-js #5918)', async () => {
    const sheet = fake.addSheet('Appendix 1', scalarGrid(referenceValues()));
    // The title merged across the table, as many trackers have it.
    const title = parseBox('A1:F1');
    if (title) sheet.merges.push(title);
    const result = await runPlan({}, NONE, undefined, { now: NOW, preview: true });
    expect(result.analysis.stats.total).toBe(13);
    expect(result.preview?.length).toBeGreaterThan(0);
    expect(fake.undoCleared).toBe(false);
  });

  test('[opening check] a 20,000-row sheet with no table: only its first rows are read, in one sync', async () => {
    const rows = [['Cost centre', 'Budget', 'Actual', 'Variance']];
    for (let i = 1; i <= 20_000; i++) rows.push([`CC${i}`, String(1000 + i), String(990 + i), String(10)]);
    fake.addSheet('Budget', rows);
    const result = await runPlan({}, NONE, undefined, { now: NOW, preview: true });
    expect(result.analysis.table).toBeNull();
    expect(result.analysis.findings[0]?.rule).toBe('TABLE_NOT_FOUND');
    expect(fake.stats.syncs).toBe(1);
    expect(fake.stats.maxResponseBytes).toBeLessThan(100_000);
  });

  test('a run the user asked for still reads the whole sheet', async () => {
    const rows = [['Cost centre', 'Budget', 'Actual', 'Variance']];
    for (let i = 1; i <= 20_000; i++) rows.push([`CC${i}`, String(1000 + i), String(990 + i), String(10)]);
    fake.addSheet('Budget', rows);
    await runPlan({}, NONE, undefined, { now: NOW });
    expect(fake.stats.syncs).toBeGreaterThan(1);
  });
});
