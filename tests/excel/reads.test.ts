import { runPlan } from '../../src/excel';
import type { CellValue } from '../../src/core/types';
import { FakeWorkbook, installFakeOffice, PAYLOAD_LIMIT } from '../fakes/excelFake';
import { PROFILES, useFakeExcel } from '../fakes/jestFake';
import { syntheticPlan } from '../fixtures/plans';

const NOW = new Date(2026, 10, 26, 10, 4);
const ALL = { format: true, summary: true };
type Scalar = string | number | boolean;
const scalars = (values: CellValue[][]): Scalar[][] => values.map((r) => r.map((v) => (v === null || typeof v === 'object' ? '' : v)));

describe.each(PROFILES)('$name: reads near the payload floor', (profile) => {
  const current = useFakeExcel(profile);
  let fake: FakeWorkbook;
  beforeEach(() => (fake = current()));

  test('[payload limit] Run all on 10,000 rows of long progress text (~10 MB) takes at most 5 syncs, under the limit', async () => {
    fake.addSheet('Plan', scalars(syntheticPlan(10000, { seed: 10000 })));
    const result = await runPlan({}, ALL, undefined, { now: NOW });
    expect(result.analysis.stats.total).toBe(10000);
    expect(fake.stats.syncs).toBeLessThanOrEqual(5);
    expect(fake.stats.payloadFailures).toBe(0);
    expect(fake.stats.maxResponseBytes).toBeLessThanOrEqual(0.9 * PAYLOAD_LIMIT);
  });

  test('number formats are read past the first rows only for the columns the core interprets (here the timescale), and a date there is still a date', async () => {
    const values = scalars(syntheticPlan(3000, { progressChars: [80, 120] }));
    const row = 2504; // R2500, well past the first 200 rows
    const at = (formatted: boolean) => {
      const f = new FakeWorkbook();
      const off = installFakeOffice(f);
      f.apiMinor = profile.apiMinor;
      const copy = values.map((r) => [...r]);
      const target = copy[row] ?? [];
      target[3] = 37529; // 30 September 2002 as a date serial
      f.addSheet('Plan', copy);
      if (formatted) f.sheet('Plan').numberFormats.set(`${row},3`, 'd mmm yyyy');
      return runPlan({}, { format: false, summary: false }, undefined, { now: NOW })
        .finally(off)
        .then((r) => ({ r, f }));
    };
    const { r: dated, f } = await at(true);
    const { r: plain } = await at(false);
    const rec = (res: typeof dated) => res.analysis.recommendations.find((x) => x.id === 'R2500');
    expect(JSON.stringify(rec(dated)?.timescale)).not.toBe(JSON.stringify(rec(plain)?.timescale));
    // First rows: every column (title rows and the header need them); after them: the one interpreted column.
    expect(f.stats.formatCells).toBeLessThanOrEqual(200 * 6 + 3005);
  });
});

describe('payloads counted in UTF-8 bytes, as Excel counts them', () => {
  const current = useFakeExcel({ name: 'web', apiMinor: 20, platform: 'web' });

  test('[payload limit] 4,000 rows of Welsh and Chinese progress text (3 bytes a character) are read without a limit error', async () => {
    const fake = current();
    const plan = syntheticPlan(4000, { seed: 4, progressChars: [500, 700] });
    // Every progress cell in characters of two and three UTF-8 bytes: about 2.6 MB as characters, 7 MB as bytes.
    for (const row of plan.slice(5)) if (typeof row[5] === 'string') row[5] = row[5].replace(/[aeiou]/g, 'ŵ').replace(/[rst]/g, '进');
    fake.addSheet('Plan', scalars(plan));
    const result = await runPlan({}, ALL, undefined, { now: NOW });
    expect(result.analysis.stats.total).toBe(4000);
    expect(fake.stats.payloadFailures).toBe(0);
    expect(fake.stats.maxResponseBytes).toBeLessThanOrEqual(0.9 * PAYLOAD_LIMIT);
  });
});
