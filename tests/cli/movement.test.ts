import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CellValue } from '../../src/core/types';
import { referenceValues } from '../fixtures/reference';
import { DECEMBER_2001, MARCH_2002 } from '../fixtures/returns';
import { run } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'apc-movement-'));
const Q3 = join(dir, 'q3.xlsx');
const Q4 = join(dir, 'q4.xlsx');

/** Writes sheet-shaped rows to a one-sheet workbook. */
async function workbook(file: string, sheet: string, rows: CellValue[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r.map((v) => (v === null || typeof v === 'object' ? null : v)));
  await wb.xlsx.writeFile(file);
}

/** The summary sheet's rows as values, read back with exceljs. */
async function summaryRows(file: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('Action plan summary');
  const rows: unknown[][] = [];
  ws?.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = [1, 2, 3].map((c) => row.getCell(c).value);
  });
  return rows;
}

beforeAll(async () => {
  // Quarterly returns rename their sheet: the previous one is found by its table.
  await workbook(Q3, 'Q3 2001-02', DECEMBER_2001);
  await workbook(Q4, 'Q4 2001-02', MARCH_2002);
});

describe('[M2] action-plan compare', () => {
  test('says what moved, as a careful officer would list it', async () => {
    const r = await run(['compare', Q3, Q4, '--today', '2026-11-27']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(
      'Since 31 December 2001: 1 completed (R2), 1 status improved (R4), 1 status worse (R3), 1 newly overdue (R5), ' +
        '1 added (R7), 1 removed (R4), 1 due date moved (R6), 1 with progress text unchanged (R1).',
    );
    expect(lines[1]).toBe(`  Previous: ${Q3}, "Q3 2001-02", as at 31 December 2001`);
    expect(lines[2]).toBe(`  Current:  ${Q4}, "Q4 2001-02", as at 31 March 2002`);
    expect(lines[3]).toBe('  Matched 6: 4 by reference, 2 by recommendation text (R4 was R5, R5 was R7)');
  });

  test('--json gives both sides and the movement lists', async () => {
    const r = await run(['compare', Q3, Q4, '--json', '--today', '2026-11-27']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.previous).toEqual({ file: Q3, sheet: 'Q3 2001-02', asAt: '2001-12-31', asAtSource: 'sheet' });
    expect(j.current).toEqual({ file: Q4, sheet: 'Q4 2001-02', asAt: '2002-03-31', asAtSource: 'sheet' });
    expect(j.movement).toMatchObject({
      previousAsAt: '2001-12-31',
      currentAsAt: '2002-03-31',
      completed: ['R2'],
      ratingUp: ['R4'],
      ratingDown: ['R3'],
      newlyOverdue: ['R5'],
      added: ['R7'],
      removed: ['R4'],
      unchangedProgress: ['R1'],
      dueChanged: ['R6'],
    });
    expect(j.movement.matched).toContainEqual({ id: 'R5', previousId: 'R7', how: 'text' });
  });

  test('a return compared with itself: nothing moved', async () => {
    const j = JSON.parse((await run(['compare', Q4, Q4, '--json', '--today', '2026-11-27'])).out);
    for (const list of ['completed', 'ratingUp', 'ratingDown', 'newlyOverdue', 'added', 'removed', 'dueChanged'])
      expect(j.movement[list]).toEqual([]);
    const text = await run(['compare', Q4, Q4, '--today', '2026-11-27']);
    expect(text.out.split('\n')[0]).toBe('Since 31 March 2002: nothing moved; 6 with progress text unchanged (R1, R3, R4, R5, R6, R7).');
  });

  test('exit 2 with one line when a file cannot be read or holds no table', async () => {
    const empty = join(dir, 'empty.xlsx');
    await workbook(empty, 'Budget', [['Line', 'Amount']]);
    for (const args of [
      ['compare', join(dir, 'missing.xlsx'), Q4],
      ['compare', Q3, empty],
      ['compare', Q3],
    ]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
    expect((await run(['compare', Q3, empty])).err).toMatch(/empty\.xlsx: No action-plan table found/);
  });

  test('a return without an as-at date is read as at today, and the report says so', async () => {
    const undated = join(dir, 'undated.xlsx');
    await workbook(undated, 'Plan', [['Action plan'], ...MARCH_2002.slice(1)]);
    const r = await run(['compare', Q3, undated, '--today', '2002-04-30']);
    expect(r.out).toContain(`  Note: ${undated} states no as-at date in its title rows, so it was read as at today.`);
    expect(JSON.parse((await run(['compare', Q3, undated, '--json', '--today', '2002-04-30'])).out).current).toMatchObject({
      asAt: '2002-04-30',
      asAtSource: 'assumed',
    });
  });
});

describe('[M2] the reference appendix and its next quarter', () => {
  /**
   * The next return of the reference appendix, as an officer would write it at 31 July 2002: R2 (done)
   * dropped and the rest renumbered; R1 now complete; R3 moderately -> significantly; R6 re-targeted to
   * March 2003; R8's text edited ("Identify clearly ...") and significantly; R13 down to partially; a new R13.
   */
  function nextQuarter(): CellValue[][] {
    const rows = referenceValues().map((r) => [...r]);
    const row = (ref: string) => rows.find((r) => r[0] === ref) ?? [];
    const met = (ref: string, level: string) => {
      const r = row(ref);
      r[5] = String(r[5]).replace(/Recommendation met:\s*\w+/i, `Recommendation met: ${level}`);
    };
    rows[2] = ['31st July 2002'];
    met('R1', 'completely');
    met('R3', 'significantly');
    row('R6')[3] = 'March 2003';
    row('R8')[4] = String(row('R8')[4]).replace('Identify', 'Identify clearly');
    met('R8', 'significantly');
    met('R13', 'partially');
    const kept = rows.filter((r) => r[0] !== 'R2');
    kept.forEach((r) => {
      const n = /^R(\d+)$/.exec(String(r[0]))?.[1];
      if (n && Number(n) > 2) r[0] = `R${Number(n) - 1}`;
    });
    return [
      ...kept,
      [
        'R13',
        'Value for money studies',
        'ACPRS',
        'March 2003',
        'Commission two value for money studies a year',
        'Scoping.\nRecommendation met: partially',
      ],
    ];
  }

  test('compare lists what a careful officer lists by hand', async () => {
    const march = join(dir, 'appendix-march.xlsx');
    const july = join(dir, 'appendix-july.xlsx');
    await workbook(march, 'Appendix 1', referenceValues());
    await workbook(july, 'Appendix 1', nextQuarter());
    const j = JSON.parse((await run(['compare', march, july, '--json', '--today', '2026-11-27'])).out);
    expect(j.movement).toMatchObject({
      previousAsAt: '2002-03-31',
      currentAsAt: '2002-07-31',
      completed: ['R1'],
      ratingUp: ['R2', 'R7'],
      ratingDown: ['R12'],
      // Old R7, due by 30 June 2002 and rated significantly.
      newlyOverdue: ['R6'],
      added: ['R13'],
      removed: ['R2'],
      dueChanged: ['R5'],
      // Open items whose update was not touched: old R6 (only its date moved), R7 and R9.
      unchangedProgress: ['R5', 'R6', 'R8'],
    });
    expect(j.movement.matched.filter((m: { how: string }) => m.how === 'reference')).toEqual([
      { id: 'R1', previousId: 'R1', how: 'reference' },
    ]);
    expect(j.movement.matched).toHaveLength(12);
    expect(j.movement.matched).toContainEqual({ id: 'R7', previousId: 'R8', how: 'text' });
  });
});

describe('[M2] action-plan apply --previous and check --previous', () => {
  test('the summary sheet gains a "Since" block before the findings', async () => {
    const out = join(dir, 'q4.out.xlsx');
    const r = await run(['apply', Q4, '--out', out, '--previous', Q3, '--today', '2026-11-27']);
    expect(r.code).toBe(0);
    const rows = await summaryRows(out);
    const at = rows.findIndex((x) => x?.[0] === 'Since 31 December 2001');
    expect(at).toBeGreaterThan(0);
    expect(rows[at + 1]).toEqual(['Movement', 'Count', 'References']);
    expect(rows.slice(at + 2, at + 10)).toEqual([
      ['Completed', 1, 'R2'],
      ['Status improved', 1, 'R4'],
      ['Status worse', 1, 'R3'],
      ['Newly overdue', 1, 'R5'],
      ['Added', 1, 'R7'],
      ['Removed', 1, 'R4'],
      ['Due date moved', 1, 'R6'],
      ['Progress text unchanged', 1, 'R1'],
    ]);
    expect(String(rows[at + 10]?.[0])).toContain('6 matched, 4 by reference, 2 by recommendation text: R4 (was R5), R5 (was R7).');
    // The preparer's checks are on the chase sheet, never in the committee's pages.
    expect(rows.findIndex((x) => x?.[0] === 'Checks for the officer preparing the report')).toBe(-1);
  });

  test('a previous return that cannot be read stops apply before it writes anything', async () => {
    const out = join(dir, 'never.xlsx');
    const r = await run(['apply', Q4, '--out', out, '--previous', join(dir, 'missing.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Cannot read .*missing\.xlsx: no such file/);
    expect(existsSync(out)).toBe(false);
  });

  test('compare --help', async () => {
    const r = await run(['compare', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('action-plan compare <previous.xlsx> <current.xlsx>');
  });

  test('without --previous there is no "Since" block', async () => {
    const out = join(dir, 'q4.plain.xlsx');
    expect((await run(['apply', Q4, '--out', out, '--today', '2026-11-27'])).code).toBe(0);
    // The block is there, saying there is nothing to compare with; no movement is counted.
    const rows = await summaryRows(out);
    expect(rows.some((x) => /^Since (?!the last return)/.test(String(x?.[0])))).toBe(false);
    expect(rows.some((x) => x?.[0] === 'No earlier return to compare with.')).toBe(true);
  });

  test('check --previous adds the movement to the report and to --json', async () => {
    const text = await run(['check', Q4, '--previous', Q3, '--today', '2026-11-27']);
    expect(text.out).toContain('Since 31 December 2001: 1 completed (R2)');
    const j = JSON.parse((await run(['check', Q4, '--previous', Q3, '--json', '--today', '2026-11-27'])).out);
    expect(j.previous).toEqual({ file: Q3, sheet: 'Q3 2001-02', asAt: '2001-12-31', asAtSource: 'sheet' });
    expect(j.movement.completed).toEqual(['R2']);
    expect(j.sheet).toBe('Q4 2001-02');
  });
});
