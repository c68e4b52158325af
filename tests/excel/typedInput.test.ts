import { runPlan } from '../../src/excel';
import type { FakeWorkbook } from '../fakes/excelFake';
import { UNDO_GROUP_PROFILES, useFakeExcel } from '../fakes/jestFake';
import { dateSerial, typedInput } from '../fakes/typedInput';
import { referenceValues } from '../fixtures/reference';
import { scalarGrid } from '../corpus/workbooks';

const NOW = new Date(2026, 10, 26, 10, 4);
const ALL = { format: true, summary: true };

describe('the fake parses strings written through values as typed input (en-US)', () => {
  test.each([
    ['1.10', 1.1],
    ['007', 7],
    ['TRUE', true],
    ['false', false],
    ['50%', 0.5],
    ['1,000', 1000],
    ['31 March 2002', dateSerial(2002, 3, 31)],
    ['3/4/2002', dateSerial(2002, 3, 4)],
    ['March 31, 2002', dateSerial(2002, 3, 31)],
  ])('%s', (text, value) => {
    expect(typedInput(text).value).toBe(value);
  });

  test('"3/4" is the 4th of March of this year', () => {
    expect(typedInput('3/4', 2026).value).toBe(dateSerial(2026, 3, 4));
  });

  test.each(['R1', 'Sept 2002', 'Head of Finance', 'Completely', '1.1.1', '31/3/2002'])('%s stays text', (text) => {
    expect(typedInput(text).value).toBe(text);
  });
});

describe.each(UNDO_GROUP_PROFILES)('$name: everything that echoes the user\u2019s words stays text', (profile) => {
  const current = useFakeExcel(profile);
  let fake: FakeWorkbook;
  beforeEach(() => (fake = current()));

  /** The reference appendix with references, subjects and leads that Excel would read as numbers, dates or booleans. */
  function plan(): void {
    const values = scalarGrid(referenceValues());
    // R6, R7, R9 and R13: open items with dates, overdue as at 30 June 2003.
    const lookalikes: [number, string, string][] = [
      [10, '1.10', "'Bob"],
      [11, '007', 'TRUE'],
      [13, '3/4', '31 March 2002'],
      [17, '50%', '1,000'],
    ];
    for (const [r, ref, lead] of lookalikes) {
      const row = values[r] ?? [];
      row[0] = ref;
      row[2] = lead;
      values[r] = row;
    }
    fake.addSheet('Appendix 1', values);
  }

  test('[data safety] leads on the summary and chase sheets keep their exact text, a leading apostrophe included', async () => {
    plan();
    await runPlan({ asAt: '2003-06-30' }, ALL, undefined, { now: NOW });
    for (const sheet of ['Action plan summary', 'Action plan chase and checks']) {
      const texts = [...fake.cellsOf(sheet).values()].map((c) => c.value);
      for (const lead of ["'Bob", 'TRUE', '31 March 2002', '1,000']) expect(texts).toContain(lead);
      expect(texts).not.toContain(true);
      expect(texts).not.toContain(1000);
    }
  });

  test('[M1] the as-at date on the summary is a real date (a serial shown as d mmmm yyyy), not text Excel might misread', async () => {
    plan();
    await runPlan({ asAt: '2003-01-31' }, ALL, undefined, { now: NOW });
    const cells = fake.cellsOf('Action plan summary');
    const asAt = [...cells.entries()].find(([, c]) => c.value === 'Position as at');
    expect(asAt).toBeDefined();
    const row = Number(asAt?.[0].replace(/^[A-Z]+/, ''));
    // 31 January 2003: 31 March 2002 is serial 37346; + 275 days to 31 December 2002 (37621), + 31 = 37652.
    expect(cells.get(`B${row}`)?.value).toBe(37652);
    expect(fake.sheet('Action plan summary').numberFormats.get(`${row - 1},1`)).toBe('d mmmm yyyy');
  });

  test('[data safety] the status column and its header are text', async () => {
    plan();
    await runPlan({}, ALL, undefined, { now: NOW });
    const sheet = fake.sheet('Appendix 1');
    const status = sheet.values.slice(4, 18).map((r) => r[6]);
    expect(status.every((v) => typeof v === 'string')).toBe(true);
    expect(status[0]).toBe('Check (auto)');
  });
});
