jest.setTimeout(60_000);

import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'apc-options-'));

async function workbook(name: string, rows: (string | number | null)[][]): Promise<string> {
  const file = join(dir, name);
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Tracker');
  rows.forEach((cells, r) => cells.forEach((v, c) => v !== null && (ws.getRow(r + 1).getCell(c + 1).value = v)));
  await book.xlsx.writeFile(file);
  return file;
}

// Headers no role word names: the table is found only when the command is pointed at it.
const ODD = [
  ['Committee tracker, position as at 30 June 2003'],
  ['Item', 'Matter', 'Person', 'Deadline', 'State'],
  ['A', 'Budget', 'CFO', 'March 2003', 'Yes'],
  ['B', 'Staffing', 'HR', 'March 2004', 'No'],
];

describe('[T1] pointing the command at the table (--header-row, --columns, --scale)', () => {
  test('[TABLE_NOT_FOUND] without help, the report names the closest row and the options to use', async () => {
    const file = await workbook('odd.xlsx', [['Notes'], ['Ref', 'Matter', 'Who'], ['1', 'x', 'y']]);
    const r = await run(['check', file, '--today', '2003-07-01']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/closest was row 2/);
    expect(r.err).toMatch(/--header-row N and --columns/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  test('--header-row and --columns read a table whose headers name no role', async () => {
    const file = await workbook('pointed.xlsx', ODD);
    const r = await run([
      'check',
      file,
      '--json',
      '--today',
      '2003-07-01',
      '--header-row',
      '2',
      '--columns',
      'id=A,recommendation=B,lead=C,timescale=D',
    ]);
    const j = JSON.parse(r.out) as {
      table: { headerRow: number; columns: Record<string, string | null> };
      stats: { total: number; overdue: number };
    };
    expect(j.table.headerRow).toBe(2);
    expect(j.table.columns).toMatchObject({ id: 'A', recommendation: 'B', lead: 'C', timescale: 'D' });
    // A is due 31 March 2003, before 30 June 2003, and nothing says it is done.
    expect(j.stats).toMatchObject({ total: 2, overdue: 1 });
  });

  test('--scale FILE.json: a custom scale ("Yes" means done), read from a column chosen with --columns', async () => {
    const file = await workbook('custom.xlsx', ODD);
    const scale = join(dir, 'yes-no.json');
    writeFileSync(
      scale,
      JSON.stringify([
        { label: 'Done', words: ['yes'], complete: true },
        { label: 'Not done', words: ['no'] },
      ]),
    );
    const r = await run([
      'check',
      file,
      '--json',
      '--today',
      '2003-07-01',
      '--header-row',
      '2',
      '--columns',
      'id=A,recommendation=B,timescale=D,rating=E',
      '--scale',
      scale,
    ]);
    const j = JSON.parse(r.out) as {
      table: { scale: string };
      stats: { complete: number; overdue: number; byLevel: Record<string, number> };
    };
    expect(j.table.scale).toBe('custom');
    expect(j.stats).toMatchObject({ complete: 1, overdue: 0, byLevel: { Done: 1, 'Not done': 1 } });
  });

  test.each([
    [['--scale', 'traffic'], /--scale must be one of extent, implementation, rag, percent/],
    [['--columns', 'owner=C'], /"owner" is not a column role/],
    [['--columns', 'lead=12'], /"12" for lead is not a column letter/],
    [['--header-row', '0'], /--header-row must be a row number/],
    [['--scale', 'missing.json'], /the file does not exist/],
  ])('bad input %j: exit 2, one line', async (args, message) => {
    const file = await workbook('bad.xlsx', ODD);
    const r = await run(['check', file, ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

// Two tables on one sheet, each with its heading and header; the second has other columns.
const TWO_TABLES = [
  ['Audit recommendations, position as at 31 March 2024'],
  ['2022/23 audit'],
  ['Ref', 'Recommendation', 'Responsible officer', 'Target date', 'Status'],
  ['A1', 'Reconcile the ledger', 'Head of Finance', '31 March 2023', 'In progress'],
  ['A2', 'Review the register', 'Head of Finance', '31 March 2030', 'In progress'],
  [null],
  ['Recommendations to the Treasury'],
  ['No', 'Finding', 'Owner', 'Due date'],
  ['T1', 'No register', 'Head of HR', '31 March 2023'],
];

describe('[BLOCKS_FOUND] several tables on one sheet (--block)', () => {
  test('the note lists both tables; --block 2 reads the second with its own columns', async () => {
    const file = await workbook('two-tables.xlsx', TWO_TABLES);
    const all = JSON.parse((await run(['check', file, '--json', '--today', '2024-05-01'])).out) as {
      stats: { total: number };
      findings: { rule: string; message: string }[];
      recommendations: { id: string; section: string | null }[];
    };
    expect(all.recommendations.map((r) => r.id)).toEqual(['A1', 'A2']);
    expect(all.findings.find((f) => f.rule === 'BLOCKS_FOUND')?.message).toContain(
      '2. rows 7-9 "Recommendations to the Treasury", 1 recommendation, other columns',
    );
    const second = JSON.parse((await run(['check', file, '--json', '--today', '2024-05-01', '--block', '2'])).out) as {
      table: { headerRow: number };
      stats: { total: number; overdue: number };
    };
    // T1 is due 31 March 2023, before the position date of 31 March 2024.
    expect([second.table.headerRow, second.stats.total, second.stats.overdue]).toEqual([8, 1, 1]);
  });

  test('--block must be a table number', async () => {
    const file = await workbook('two-tables-bad.xlsx', TWO_TABLES);
    const r = await run(['check', file, '--block', 'two']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--block must be a table number/);
  });
});

// A tracker dating its targets by fiscal year: "FY2025" alone, and no "2024/25" anywhere.
const FISCAL = [
  ['Recommendations tracker, position as at 31 July 2025'],
  ['Ref', 'Recommendation', 'Responsible officer', 'Target date', 'Status'],
  ['R1', 'Reconcile the ledger', 'Head of Finance', 'FY2025', 'In progress'],
];

describe("[FISCAL_YEAR_ASSUMED] --fiscal-year sets the body's financial year", () => {
  type Out = { findings: { rule: string; message: string }[]; recommendations: { timescale: { due: string | null }; overdue: boolean }[] };
  test('by default "FY2025" alone is the US federal year (to 30 September 2025), said; --fiscal-year au reads it to 30 June 2025, unsaid', async () => {
    const file = await workbook('fiscal.xlsx', FISCAL);
    const assumed = JSON.parse((await run(['check', file, '--json', '--today', '2025-08-01'])).out) as Out;
    expect(assumed.recommendations.map((r) => [r.timescale.due, r.overdue])).toEqual([['2025-09-30', false]]);
    expect(assumed.findings.find((f) => f.rule === 'FISCAL_YEAR_ASSUMED')?.message).toContain('--fiscal-year');
    const au = JSON.parse((await run(['check', file, '--json', '--today', '2025-08-01', '--fiscal-year', 'au'])).out) as Out;
    // The Australian year 2025 ends 30 June 2025, before the position date of 31 July 2025: overdue.
    expect(au.recommendations.map((r) => [r.timescale.due, r.overdue])).toEqual([['2025-06-30', true]]);
    expect(au.findings.filter((f) => f.rule === 'FISCAL_YEAR_ASSUMED')).toEqual([]);
  });

  test('--fiscal-year must be uk, us or au', async () => {
    const file = await workbook('fiscal-bad.xlsx', FISCAL);
    const r = await run(['check', file, '--fiscal-year', 'canada']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--fiscal-year must be uk \(April to March\), us \(October to September\) or au \(July to June\)/);
  });
});
