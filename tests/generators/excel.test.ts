import fc from 'fast-check';
import type { SheetSnapshot } from '../../src/core/types';
import { runPlan } from '../../src/excel/excelHost';
import { FakeWorkbook, installFakeOffice, scalarGrid } from '../fakes/excelFake';
import { allowedWithout, type Family } from './dimensions';
import { PENDING_COMBINATIONS, PENDING_FAMILIES } from './families';
import { trackerArb, truthOf, type Tracker } from './model';
import { render } from './render';
import { sheetText } from './survey';
import { mismatches } from './tracker';

/** Generated trackers loaded into the strict fake and read by the add-in: the same truth as the core and the command. */
const SEED = 22_013;
const allowed = allowedWithout(Object.keys(PENDING_FAMILIES) as Family[]);
const without = PENDING_COMBINATIONS.map((c) => c.families);

/** The snapshot as a sheet in the fake: values, number formats and merges, as a user's workbook holds them. */
function load(snapshot: SheetSnapshot): FakeWorkbook {
  const fake = new FakeWorkbook();
  fake.addSheet(snapshot.name, scalarGrid(snapshot.values), { numberFormats: snapshot.numberFormats?.map((r) => [...r]) ?? [] });
  for (const m of snapshot.merges ?? []) fake.merge(snapshot.name, m);
  fake.activate(snapshot.name);
  return fake;
}

async function readsRightInExcel(tracker: Tracker): Promise<void> {
  const snapshot = render(tracker);
  const truth = truthOf(tracker);
  const [y, m, d] = truth.today.split('-').map(Number) as [number, number, number];
  const uninstall = installFakeOffice(load(snapshot));
  try {
    const { analysis } = await runPlan({}, { format: false, summary: false }, undefined, { now: new Date(y, m - 1, d, 10) });
    const problems = mismatches(analysis, truth);
    if (problems.length > 0) throw new Error(`${problems.join('\n')}\n--- the tracker ---\n${sheetText(snapshot)}`);
  } finally {
    uninstall();
  }
}

describe('[T1][T2][T3][T4][T6][S1] generated trackers read by the add-in on the strict fake', () => {
  test('150 trackers of every supported family, loaded into Excel with their formats and merges, are read right', async () => {
    await fc.assert(fc.asyncProperty(trackerArb(allowed, without), readsRightInExcel), { numRuns: 150, seed: SEED });
  }, 120_000);
});
