// Issue 20, item 6: workbooks on the 1904 date system (old Mac workbooks) are read and written right by the
// add-in, as the command already does: the API cannot say which system a workbook uses, DATE(1904,1,1) can.
import { analyseSheet } from '../../src/core/analyse';
import { dayNumber, toIso, toSerial } from '../../src/core/dates';
import type { CellValue } from '../../src/core/types';
import { runPlan } from '../../src/excel';
import type { FakeWorkbook } from '../fakes/excelFake';
import { UNDO_GROUP_PROFILES, useFakeExcel } from '../fakes/jestFake';
import { syntheticPlan } from '../fixtures/plans';

const NOW = new Date(2026, 10, 26, 10, 4);
const DAYS_1904 = 1462; // 1 January 1904 is serial 1462 on the 1900 system and 0 on the 1904 one
type Scalar = string | number | boolean;
const scalars = (values: readonly (readonly CellValue[])[]): Scalar[][] =>
  values.map((r) => r.map((v) => (v === null || typeof v === 'object' ? '' : v)));

/** A plan with real date cells in its timescale column, stored on the given date system; the due dates by construction. */
function datedPlan(date1904: boolean) {
  const plan = syntheticPlan(30, { seed: 9, progressChars: [60, 90] });
  const formats: (string | null)[][] = plan.map(() => []);
  const due = new Map<string, string>();
  plan.forEach((row, r) => {
    if (r < 5) return;
    const day = dayNumber(2002, 1 + (r % 12), 1 + (r % 27));
    row[3] = toSerial(day) - (date1904 ? DAYS_1904 : 0);
    (formats[r] ??= [])[3] = 'dd/mm/yyyy';
    due.set(String(row[0]), toIso(day));
  });
  return { plan, formats, due };
}

describe.each(UNDO_GROUP_PROFILES)('$name: the 1904 date system', (profile) => {
  const current = useFakeExcel(profile);
  let fake: FakeWorkbook;
  beforeEach(() => (fake = current()));

  test.each([false, true])('[dates] date cells read as the same days whatever the date system (1904: %s)', async (date1904) => {
    const { plan, formats, due } = datedPlan(date1904);
    fake.date1904 = date1904;
    fake.addSheet('Plan', scalars(plan), { numberFormats: formats });
    const { analysis } = await runPlan({}, { format: false, summary: false }, undefined, { now: NOW });
    expect(analysis.asAt).toBe('2002-09-30');
    for (const rec of analysis.recommendations) expect(rec.timescale.due).toBe(due.get(rec.id ?? ''));
  });

  test('[dates] the summary\u2019s dates are written on the workbook\u2019s own system: the as-at date shows 30 September 2002', async () => {
    const { plan, formats } = datedPlan(true);
    fake.date1904 = true;
    fake.addSheet('Plan', scalars(plan), { numberFormats: formats });
    await runPlan({}, { format: false, summary: true }, undefined, { now: NOW });
    const summary = fake.sheet('Action plan summary');
    const dates: number[] = [];
    summary.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v === 'number' && /yyyy/.test(summary.numberFormats.get(`${r},${c}`) ?? '')) dates.push(v);
      }),
    );
    const asAt1904 = toSerial(dayNumber(2002, 9, 30)) - DAYS_1904;
    expect(dates).toContain(asAt1904);
    expect(dates).not.toContain(asAt1904 + DAYS_1904);
  });

  test('[parity] a 1904 workbook: the add-in and the command read the same due dates', async () => {
    const { plan, formats } = datedPlan(true);
    fake.date1904 = true;
    fake.addSheet('Plan', scalars(plan), { numberFormats: formats });
    const { analysis } = await runPlan({}, { format: false, summary: false }, undefined, { now: NOW });
    // The command's reader moves a 1904 file's date cells by 1,462 days (src/xlsx/read.ts); the same sheet as it reads it:
    const moved = plan.map((row, r) => row.map((v, c) => (typeof v === 'number' && formats[r]?.[c] ? v + DAYS_1904 : v)));
    const command = analyseSheet(
      { name: 'Plan', origin: 'A1', values: moved, numberFormats: moved.map((row, r) => row.map((_, c) => formats[r]?.[c] ?? 'General')) },
      { today: '2026-11-26' },
    );
    expect(analysis.recommendations.map((r) => r.timescale.due)).toEqual(command.recommendations.map((r) => r.timescale.due));
  });
});
