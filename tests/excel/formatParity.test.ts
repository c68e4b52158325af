// Issue 20, item 1: the add-in reads the number formats of every column the core interprets, at every row, so it
// and the command (which reads every cell's format) give the same analysis of the same sheet.
import { analyseSheet } from '../../src/core/analyse';
import { dayNumber, toIso, toSerial } from '../../src/core/dates';
import type { Analysis, CellValue, SheetSnapshot } from '../../src/core/types';
import { runPlan } from '../../src/excel';
import { FakeWorkbook } from '../fakes/excelFake';
import { PROFILES, useFakeExcel } from '../fakes/jestFake';
import { random, syntheticPlan } from '../fixtures/plans';

const NOW = new Date(2026, 10, 26, 10, 4);
const TODAY = '2026-11-26';
const CHECK = { format: false, summary: false };
type Scalar = string | number | boolean;
const scalars = (values: readonly (readonly CellValue[])[]): Scalar[][] =>
  values.map((r) => r.map((v) => (v === null || typeof v === 'object' ? '' : v)));

interface Built {
  readonly values: CellValue[][];
  readonly formats: (string | null)[][];
  /** By construction: the references of the items whose % complete is 100%. */
  readonly complete: ReadonlySet<string>;
  /** By construction: each item's original target, ISO. */
  readonly original: ReadonlyMap<string, string>;
}

/**
 * A "% complete" tracker with original and revised target dates: percentages stored as fractions formatted 0%
 * (so 1 is 100%), dates as serials formatted dd/mm/yyyy, as Excel stores both. Rows 10 and 2,900 are 100%.
 */
function percentTracker(rows: number, seed: number): Built {
  const rnd = random(seed);
  const values: CellValue[][] = [
    ['Internal audit recommendations: progress at 30 September 2024'],
    [null],
    ['Ref', 'Recommendation', 'Responsible officer', 'Original target date', 'Revised target date', '% complete'],
  ];
  const formats: (string | null)[][] = [[], [], []];
  const complete = new Set<string>();
  const original = new Map<string, string>();
  for (let i = 1; i <= rows; i++) {
    const ref = `IA${i}`;
    const first = dayNumber(2023, 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28));
    const revised = first + Math.floor(rnd() * 200);
    const done = i === 10 || i === 2900 || rnd() < 0.3;
    const share = done ? 1 : ([0, 0.25, 0.5, 0.75][Math.floor(rnd() * 4)] ?? 0);
    if (done) complete.add(ref);
    original.set(ref, toIso(first));
    values.push([ref, `Review the ${i}th control`, 'Head of Finance', toSerial(first), toSerial(revised), share]);
    formats.push([null, null, null, 'dd/mm/yyyy', 'dd/mm/yyyy', '0%']);
  }
  return { values, formats, complete, original };
}

/** The sheet as the command reads it: every cell's value and number format. */
function commandSnapshot(b: Pick<Built, 'values' | 'formats'>): SheetSnapshot {
  return {
    name: 'Plan',
    origin: 'A1',
    values: b.values,
    numberFormats: b.values.map((row, r) => row.map((_, c) => b.formats[r]?.[c] ?? 'General')),
  };
}

/** What must agree to the item: state, completion, due and original dates, the figures. */
function reading(a: Analysis) {
  return {
    asAt: a.asAt,
    stats: a.stats,
    items: a.recommendations.map((r) => [r.id, r.row, r.level, r.complete, r.excluded, r.timescale.due, r.originalDue, r.overdue]),
    findings: a.findings.map((f) => [f.rule, f.cell]),
  };
}

describe.each(PROFILES)('$name: number formats at every row (issue 20.1)', (profile) => {
  const current = useFakeExcel(profile);
  let fake: FakeWorkbook;
  beforeEach(() => (fake = current()));

  test('a 3,000-row "% complete" plan: rows 10 and 2,900 read alike, 100% as complete, original dates read past row 200', async () => {
    const built = percentTracker(3000, 7);
    fake.addSheet('Plan', scalars(built.values), { numberFormats: built.formats });
    const { analysis } = await runPlan({}, CHECK, undefined, { now: NOW });
    const byRef = new Map(analysis.recommendations.map((r) => [r.id, r]));
    expect(byRef.get('IA10')?.complete).toBe(true);
    expect(byRef.get('IA2900')?.complete).toBe(true);
    expect(byRef.get('IA2900')?.percent).toBe(byRef.get('IA10')?.percent);
    expect(analysis.stats.complete).toBe(built.complete.size);
    for (const ref of ['IA10', 'IA250', 'IA2900']) expect(byRef.get(ref)?.originalDue).toBe(built.original.get(ref));
  });

  test('[parity] the add-in and the command give the same analysis of the same sheet', async () => {
    const built = percentTracker(1200, 11);
    fake.addSheet('Plan', scalars(built.values), { numberFormats: built.formats });
    const { analysis } = await runPlan({}, CHECK, undefined, { now: NOW });
    const command = analyseSheet(commandSnapshot(built), { today: TODAY });
    expect(reading(analysis)).toEqual(reading(command));
  });

  test('[parity] a 2,500-row plan in the reference layout with date serials in the timescale column', async () => {
    const plan = syntheticPlan(2500, { seed: 3, progressChars: [60, 90] });
    const formats: (string | null)[][] = plan.map(() => []);
    plan.forEach((row, r) => {
      if (r > 4 && r % 7 === 0) {
        row[3] = toSerial(dayNumber(2002, 1 + (r % 12), 15));
        (formats[r] ??= [])[3] = 'd mmm yyyy';
      }
    });
    fake.addSheet('Plan', scalars(plan), { numberFormats: formats });
    const { analysis } = await runPlan({}, CHECK, undefined, { now: NOW });
    const command = analyseSheet(commandSnapshot({ values: plan, formats }), { today: TODAY });
    expect(reading(analysis)).toEqual(reading(command));
  });
});

describe.each(['de-DE', 'fr-FR'] as const)('date formats in the account language, %s (office-js #2824, #1553)', (locale) => {
  const current = useFakeExcel({ name: 'web', apiMinor: 20, platform: 'web' });

  test('[dates] date serials under a localised date format read as the same due dates as under en-US codes', async () => {
    const fake = current();
    const plan = syntheticPlan(40, { seed: 5, progressChars: [60, 90] });
    const formats: (string | null)[][] = plan.map(() => []);
    const due = new Map<string, string>();
    plan.forEach((row, r) => {
      if (r < 5) return;
      const day = dayNumber(2002, 1 + (r % 12), 10 + (r % 15));
      row[3] = toSerial(day);
      (formats[r] ??= [])[3] = r % 2 ? 'dd/mm/yyyy' : 'd mmmm yyyy';
      due.set(String(row[0]), toIso(day));
    });
    fake.addSheet('Plan', scalars(plan), { numberFormats: formats });
    fake.formatLocale = locale;
    const { analysis } = await runPlan({}, CHECK, undefined, { now: NOW });
    expect(analysis.recommendations).toHaveLength(40);
    for (const rec of analysis.recommendations) expect(rec.timescale.due).toBe(due.get(rec.id ?? ''));
  });
});
