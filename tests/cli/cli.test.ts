import ExcelJS from 'exceljs';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { sampleWorkbook } from '../../src/cli/sample';
import { loadReference, referenceRuleCount } from '../fixtures/reference';
import { run } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'apc-cli-'));
const SAMPLE = join(dir, 'sample.xlsx');

/** Every cell's value (formulas as formulas) of every sheet but `skip`, keyed "Sheet!A1". */
async function cells(file: string, skip: string[] = []): Promise<Map<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, unknown>();
  wb.eachSheet((ws) => {
    if (skip.includes(ws.name)) return;
    ws.eachRow((row, r) => row.eachCell((cell, c) => out.set(`${ws.name}!${r}:${c}`, JSON.stringify(cell.value))));
  });
  return out;
}

beforeAll(async () => {
  await sampleWorkbook(loadReference()).xlsx.writeFile(SAMPLE);
});

describe('action-plan check', () => {
  test('prints headline figures and findings; exit 0 when no finding is an error', async () => {
    const r = await run(['check', SAMPLE, '--today', '2026-11-26']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('"Appendix 1" A5:F18, 13 recommendations, as at 31 March 2002');
    expect(r.out).toContain('Complete 6 of 13 (46%)');
    expect(r.out).toMatch(/Warnings \(1\)\n\s+D10\s+Timescale missing: R5/);
  });

  test('the --json output keeps the contract on the sample', async () => {
    const r = await run(['check', SAMPLE, '--json', '--today', '2026-11-26']);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({
      sheet: 'Appendix 1',
      table: {
        headerRow: 5,
        firstRow: 6,
        lastRow: 18,
        columns: { id: 'A', subject: 'B', statutory: null, lead: 'C', timescale: 'D', recommendation: 'E', progress: 'F', rating: null },
      },
      asAt: '2002-03-31',
      asAtSource: 'sheet',
      stats: {
        total: 13,
        rated: 13,
        unrated: 0,
        overdue: 0,
        dueSoon: 0,
        byRating: { completely: 6, significantly: 4, moderately: 2, partially: 1, notMet: 0, excluded: 0, unrated: 0 },
        // Counted by hand: R2, R10 and R11 are statutory; R10 alone is met completely; none is excluded.
        statutory: { total: 3, complete: 1, completely: 1, excluded: 0, overdue: 0, unrated: 0 },
        nonStatutory: { total: 10, complete: 5 },
        byState: {
          Complete: 6,
          'Not counted': 0,
          'Not rated': 0,
          Overdue: 0,
          'Due today': 0,
          'Due soon': 0,
          'Not yet due': 4,
          'No date': 3,
        },
        ageing: { '1-30': 0, '31-90': 0, '91-365': 0, over365: 0 },
      },
    });
    expect(j.stats.completionRate).toBeCloseTo(6 / 13);
    expect(j.stats.byLead[0]).toEqual({
      lead: 'ACPRS/ Head of Corporate Performance',
      total: 3,
      completely: 0,
      complete: 0,
      overdue: 0,
      unrated: 0,
      slipped: 0,
      pastOriginal: 0,
    });
    expect(j.recommendations[9]).toEqual({
      id: 'R10',
      row: 15,
      section: null,
      statutory: true,
      lead: 'ACPRS/ Head of Best Value group',
      rating: 'completely',
      level: 'Completely',
      state: 'Complete',
      complete: true,
      excluded: false,
      priority: null,
      originalDue: null,
      revisions: 0,
      slippedDays: 0,
      timescale: {
        text: 'Strategy to be finalised and presented to May meeting of BVPB',
        kind: 'date',
        due: '2002-05-31',
        yearInferred: true,
      },
      overdue: false,
      daysOverdue: 0,
      dueSoon: false,
      daysToDue: null,
      checks: [],
    });
    expect(Object.keys(j.findings[0])).toEqual(['rule', 'severity', 'cell', 'row', 'id', 'message']);
  });

  test('exit 1 when a finding is an error (a reference used twice)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    wb.getWorksheet('Appendix 1')!.getCell('A7').value = 'R1';
    const dup = join(dir, 'dup.xlsx');
    await wb.xlsx.writeFile(dup);
    const r = await run(['check', dup]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Errors \(1\)\n\s+A7\s+Reference used twice: R1 in A7 repeats/);
  });

  test.each([
    [['check'], /exactly one \.xlsx file/],
    [['check', join(dir, 'missing.xlsx')], /Cannot read .*missing\.xlsx: no such file/],
    [['check', SAMPLE, '--as-at', '2002-02-30'], /--as-at must be a real date/],
    [['check', SAMPLE, '--sheet', 'Nope'], /no sheet "Nope".*"Appendix 1"/],
    [['check', SAMPLE, '--bogus'], /Unknown option '--bogus'/],
    [['frobnicate'], /Unknown command "frobnicate"/],
  ])('exit 2 with a one-line reason: %j', async (args, reason) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(reason);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  test('exit 2 for a file that is not a workbook, and for a workbook without a table', async () => {
    const junk = join(dir, 'junk.xlsx');
    writeFileSync(junk, 'not a zip');
    expect((await run(['check', junk])).err).toMatch(/junk\.xlsx is a text file \(CSV or similar\), not an \.xlsx workbook/);
    const empty = join(dir, 'empty.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Budget').addRow(['Line', 'Amount']);
    await wb.xlsx.writeFile(empty);
    const r = await run(['check', empty]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/No action-plan table found/);
  });

  test('--help for each command', async () => {
    for (const c of ['check', 'apply', 'timescales']) {
      const r = await run([c, '--help']);
      expect(r.code).toBe(0);
      expect(r.out).toContain(`action-plan ${c}`);
    }
  });
});

describe('action-plan apply', () => {
  const out1 = join(dir, 'out1.xlsx');
  const out2 = join(dir, 'out2.xlsx');

  const said: string[] = [];
  beforeAll(async () => {
    const first = await run(['apply', SAMPLE, '--out', out1, '--today', '2026-11-26']);
    const second = await run(['apply', out1, '--out', out2, '--today', '2026-11-26']);
    expect([first.code, second.code]).toEqual([0, 0]);
    said.push(first.out, second.out);
  });

  test('[F5] it says what it wrote in the pane\u2019s plain words: added the first time, updated and rewritten after', () => {
    expect(said[0]).toContain(
      'Formatted the table A5:I18 on "Appendix 1"; Added the status column G ("Check (auto)"), days overdue in H, data checks in I; Coloured status, ratings and statutory rows; Added the summary sheet "Action plan summary"; ' +
        'Added "Action plan chase and checks": the full chase list, one lead officer per page, and the checks for the officer preparing the report; ' +
        `Put "Action plan summary" first in the workbook, so printing the whole workbook starts with the committee's pages (at most 2); the chase list and checks follow on "Action plan chase and checks"; ` +
        'Set "Appendix 1" to print on A4 landscape, 1 page wide, with the header on every page and page numbers.',
    );
    expect(said[1]).toContain('Updated the status column G ("Check (auto)")');
    expect(said[1]).toContain('Rewrote the summary sheet "Action plan summary" in place');
    expect(said.join('')).not.toMatch(/with \d+ rules/);
  });

  test('every original value is identical in the output; rules, status column and summary are present', async () => {
    const before = await cells(SAMPLE);
    const after = await cells(out1, ['Action plan summary', 'Action plan chase and checks']);
    for (const [k, v] of before) expect(after.get(k)).toBe(v);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out1);
    const ws = wb.getWorksheet('Appendix 1');
    expect(ws?.getCell('G5').value).toBe('Check (auto)');
    // R5 (row 10): rated completely with no timescale: Complete, the missing timescale in the data-check column.
    expect(ws?.getCell('G10').value).toBe('Complete');
    expect(ws?.getCell('I10').value).toBe('Check timescale');
    const cf = (ws as unknown as { conditionalFormattings: { rules: { formulae: string[] }[] }[] }).conditionalFormattings;
    // 6 status rules (one per look), days overdue, data check, 15 rating words, 1 excluded word that begins with a level's word, 1 statutory rule.
    expect(cf).toHaveLength(referenceRuleCount());
    // M1: the committee's pages come first when the workbook is printed whole.
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Action plan summary', 'Action plan chase and checks', 'Appendix 1']);
    expect(wb.getWorksheet('Action plan summary')?.getCell('A1').value).toBe('Action plan summary');
  });

  test('running it on its own output changes nothing more', async () => {
    expect(await cells(out2)).toEqual(await cells(out1));
    const zip1 = await JSZip.loadAsync(readFileSync(out1));
    const zip2 = await JSZip.loadAsync(readFileSync(out2));
    const sheet1 = await zip1.file('xl/worksheets/sheet1.xml')?.async('string');
    const sheet2 = await zip2.file('xl/worksheets/sheet1.xml')?.async('string');
    expect(sheet2).toBe(sheet1);
  });

  test('formula-like text stays text, in the table and the summary', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    const ws = wb.getWorksheet('Appendix 1');
    ws!.getCell('A6').value = '=1+1';
    ws!.getCell('C6').value = '-Head of things';
    ws!.getCell('C7').value = { formula: 'UPPER("acprs")', result: 'ACPRS' };
    const input = join(dir, 'formulas.xlsx');
    await wb.xlsx.writeFile(input);
    const out = join(dir, 'formulas.out.xlsx');
    await run(['apply', input, '--out', out]);
    const check = new ExcelJS.Workbook();
    await check.xlsx.readFile(out);
    expect(check.getWorksheet('Appendix 1')?.getCell('A6').value).toBe('=1+1');
    expect(check.getWorksheet('Appendix 1')?.getCell('C7').value).toEqual({ formula: 'UPPER("acprs")', result: 'ACPRS' });
    const summary = check.getWorksheet('Action plan summary');
    const formulas: unknown[] = [];
    summary?.eachRow((row) =>
      row.eachCell((c) => (typeof c.value === 'object' && c.value !== null && 'formula' in c.value ? formulas.push(c.value) : undefined)),
    );
    expect(formulas).toEqual([]);
  });

  test('rich text, dates and error values are read as a person reads them', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    const ws = wb.getWorksheet('Appendix 1')!;
    ws.getCell('B7').value = { richText: [{ text: 'HMIC work ', font: { bold: true } }, { text: 'to be included\nSTATUTORY' }] };
    ws.getCell('D8').value = new Date(Date.UTC(2002, 5, 30));
    ws.getCell('D8').numFmt = 'dd/mm/yyyy';
    ws.getCell('C9').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    const input = join(dir, 'kinds.xlsx');
    await wb.xlsx.writeFile(input);
    const j = JSON.parse((await run(['check', input, '--json'])).out);
    expect(j.recommendations[1]).toMatchObject({ id: 'R2', statutory: true });
    expect(j.recommendations[2].timescale).toMatchObject({ kind: 'date', due: '2002-06-30' });
    expect(j.findings).toContainEqual(expect.objectContaining({ rule: 'CELL_ERROR', cell: 'C9', id: 'R4' }));
    const out = join(dir, 'kinds.out.xlsx');
    await run(['apply', input, '--out', out]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    expect(back.getWorksheet('Appendix 1')?.getCell('B7').value).toEqual(ws.getCell('B7').value);
    expect(back.getWorksheet('Appendix 1')?.getCell('C9').value).toEqual({ error: '#N/A' });
  });

  test('refuses an --out that is the input, and --in-place keeps a .bak.xlsx', async () => {
    expect((await run(['apply', SAMPLE, '--out', SAMPLE])).err).toMatch(/--out .*sample\.xlsx is the input file itself/);
    const copy = join(dir, 'inplace.xlsx');
    copyFileSync(SAMPLE, copy);
    expect((await run(['apply', copy, '--in-place'])).code).toBe(0);
    expect(existsSync(join(dir, 'inplace.bak.xlsx'))).toBe(true);
    expect((await cells(join(dir, 'inplace.bak.xlsx'))).size).toBe((await cells(SAMPLE)).size);
  });

  test('a workbook with charts or images keeps them byte for byte, so --in-place is allowed and a copy lacks nothing', async () => {
    const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
    zip.file('xl/media/image1.png', 'fake');
    zip.file('xl/charts/chart1.xml', '<chartSpace/>');
    const rich = join(dir, 'rich.xlsx');
    writeFileSync(rich, await zip.generateAsync({ type: 'nodebuffer' }));
    const copy = await run(['apply', rich, '--out', join(dir, 'rich.out.xlsx')]);
    expect(copy.code).toBe(0);
    expect(copy.err).not.toMatch(/lack/);
    const r = await run(['apply', rich, '--in-place']);
    expect(r.code).toBe(0);
    const out = await JSZip.loadAsync(readFileSync(rich));
    expect(await out.file('xl/media/image1.png')?.async('string')).toBe('fake');
    expect(await out.file('xl/charts/chart1.xml')?.async('string')).toBe('<chartSpace/>');
  });

  test('--no-status-column writes none', async () => {
    const out = join(dir, 'nostatus.xlsx');
    await run(['apply', SAMPLE, '--out', out, '--no-status-column']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('Appendix 1')?.getCell('G5').value).toBeNull();
  });

  const soffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;
  (soffice ? test : test.skip)(
    'LibreOffice Calc opens the output and reads the table and the summary sheet (converted to CSV, one file a sheet)',
    () => {
      const outdir = mkdtempSync(join(tmpdir(), 'apc-lo-'));
      // Filter options: comma, double quote, UTF-8, from line 1, ..., and sheet -1: every sheet to its own file.
      const csv = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
      execFileSync(
        'soffice',
        ['--headless', '--norestore', `-env:UserInstallation=file://${outdir}/profile`, '--convert-to', csv, '--outdir', outdir, out1],
        {
          timeout: 120_000,
          stdio: 'pipe',
        },
      );
      const table = parseCsv(readFileSync(join(outdir, 'out1-Appendix 1.csv'), 'utf8'));
      const summary = parseCsv(readFileSync(join(outdir, 'out1-Action plan summary.csv'), 'utf8'));
      const reference = loadReference();
      expect(table[4]).toEqual([...reference.header, 'Check (auto)', 'Days overdue at 31 Mar 2002 (auto)', 'Data check (auto)']);
      reference.rows.forEach((r, i) => {
        expect(table[5 + i]?.slice(0, 6)).toEqual([
          r.no,
          `${r.subject}\n${r.statutory}`,
          r.lead,
          r.timescales,
          r.recommendation,
          r.progress,
        ]);
      });
      expect(summary[0]?.[0]).toBe('Action plan summary');
      const row = (label: string) => summary.find((cells) => cells[0] === label);
      expect(row('Headline figures')).toBeDefined();
      expect(row('Recommendations')?.[1]).toBe('13');
      // Counted by hand from the appendix: 6 of 13 met completely, each figure under its header (the CSV holds
      // values, not their shown form: 6/13 as a percentage).
      expect(row('Complete')?.slice(0, 3)).toEqual(['Complete', '6', '13']);
      expect(row('Complete')?.[3]).toMatch(/^46\.15\d*%$/);
      // The as-at date is a date value to LibreOffice (the CSV writes dates in its own default form), not text.
      expect(row('Position as at')?.[1]).toBe('03/31/2002');
    },
    240_000,
  );
});

/** RFC 4180 CSV as LibreOffice writes it: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  // One field (quoted or bare) and the separator after it: a comma, a line break or the end.
  for (const m of text.matchAll(/("(?:[^"]|"")*"|[^,\r\n]*)(,|\r?\n|$)/g)) {
    const [, raw = '', end] = m;
    rows[rows.length - 1]?.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
    if (end === '') break;
    if (end !== ',') rows.push([]);
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

describe('action-plan timescales', () => {
  test('one JSON object per line, UK conventions', async () => {
    const r = await run(['timescales', '--ref', '2002-03-31'], 'End of 2002/2003\nSeptember 02\nMay meeting\nOngoing\n\nsoonish\n');
    expect(
      r.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { text: 'End of 2002/2003', kind: 'date', due: '2003-03-31', yearInferred: false },
      { text: 'September 02', kind: 'date', due: '2002-09-30', yearInferred: false },
      { text: 'May meeting', kind: 'date', due: '2002-05-31', yearInferred: true },
      { text: 'Ongoing', kind: 'ongoing', due: null, yearInferred: false },
      { text: '', kind: 'missing', due: null, yearInferred: false },
      { text: 'soonish', kind: 'unparsed', due: null, yearInferred: false },
    ]);
  });
});
