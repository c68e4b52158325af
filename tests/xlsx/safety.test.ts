jest.setTimeout(120_000);

import { unzipSync, zipSync } from 'fflate';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import { HostError } from '../../src/core/errors';
import { applyToWorkbook, chooseSheet, openWorkbook } from '../../src/xlsx/workbook';
import { attr, elementEnd, nextTag, readRoot } from '../../src/xlsx/xml';
import { crc32, writeZip, type ZipEntry } from '../../src/xlsx/zip';
import { run } from '../cli/helpers';
import { draft, pack, parts, planRows, type Cell } from './lossless/build';
import { build, CASES } from './lossless/cases';

const OPTIONS = { today: '2026-11-26' };
const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b ?? new Uint8Array());

function applyBytes(bytes: Uint8Array): Uint8Array {
  const wb = openWorkbook(bytes);
  applyToWorkbook(wb, chooseSheet(wb, OPTIONS), { statusColumn: true, generatedAt: '26 November 2026' });
  return wb.pkg.toBytes();
}

function refusal(fn: () => unknown): HostError {
  try {
    fn();
  } catch (e) {
    if (e instanceof HostError) return e;
    throw e;
  }
  throw new Error('not refused');
}

/** The package of a plain plan with one part replaced by stored (already compressed) bytes. */
function withEntry(name: string, entry: Omit<ZipEntry, 'name'>): Uint8Array {
  const p = parts(draft());
  const enc = new TextEncoder();
  const entries: ZipEntry[] = Object.entries(p)
    .filter(([n]) => n !== name)
    .map(([n, bytes]) => {
      const data = deflateRawSync(bytes);
      return { name: n, method: 8, crc: crc32(bytes), compressedSize: data.length, size: bytes.length, data };
    });
  entries.push({ name, ...entry });
  void enc;
  return writeZip(entries);
}

/** About 10 MB of deflate blocks that inflate to ~10 GB of zeros (each 1 MB block flushed, so they can be repeated). */
function bomb(): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: constants.Z_FULL_FLUSH });
  const times = Math.ceil((10 << 20) / block.length);
  const out = new Uint8Array(block.length * times + 5);
  for (let i = 0; i < times; i++) out.set(block, i * block.length);
  out.set([0x01, 0x00, 0x00, 0xff, 0xff], block.length * times); // a final empty stored block
  return out;
}

describe('bounded work: a zip bomb is refused in one line, quickly', () => {
  const data = bomb();

  test('a sheet part whose header says 4 GB is refused from the directory, without inflating', () => {
    const bytes = withEntry('xl/worksheets/sheet1.xml', { method: 8, crc: 0, compressedSize: data.length, size: 0xfffffff0, data });
    const e = refusal(() => openWorkbook(bytes));
    expect(e.code).toBe('PayloadTooLarge');
    expect(e.message).toMatch(/too large to read safely .*nothing was written/);
  });

  test('a sheet part whose header lies (says 1 KB) stops inflating at its declared size', () => {
    const bytes = withEntry('xl/worksheets/sheet1.xml', { method: 8, crc: 0, compressedSize: data.length, size: 1000, data });
    const wb = openWorkbook(bytes);
    const e = refusal(() => chooseSheet(wb, OPTIONS));
    expect(e.code).toBe('PayloadTooLarge');
    expect(e.message).toMatch(/inflates past its declared size/);
  });

  test('through the command: exit 2 and one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apc-bomb-'));
    const file = join(dir, 'bomb.xlsx');
    writeFileSync(file, withEntry('xl/worksheets/sheet1.xml', { method: 8, crc: 0, compressedSize: data.length, size: 1000, data }));
    const r = await run(['check', file]);
    expect(r.code).toBe(2);
    // On a busy machine the read can pass two seconds, when the command also says what it is reading
    // ("Reading ... (2 s)"): that line is progress, not the refusal.
    expect(
      r.err
        .trim()
        .split('\n')
        .filter((line) => !/^Reading .* \(\d+ s\)$/.test(line)),
    ).toHaveLength(1);
  });
});

describe('formula-like text echoed on the summary can never turn live', () => {
  test('written as inline text with a quote prefix, never as a formula', () => {
    const d = draft();
    const rows = planRows();
    (rows[2] as Cell[])[2] = '=cmd|" /C calc"!A0';
    (rows[3] as Cell[])[2] = '@SUM(1+1)';
    (rows[4] as Cell[])[2] = '+44 20 7946 0000';
    (rows[5] as Cell[])[0] = '-1';
    (d.sheets[0] as { rows: Cell[][] }).rows = rows;
    const out = unzipSync(applyBytes(pack(d)));
    const names = Object.keys(out).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    // Our two sheets: the summary and the chase sheet (its lead headings and findings echo the plan's text).
    const summary = names
      .map((n) => text(out[n]))
      .filter((x) => x.includes('Headline figures') || x.includes('Checks for the officer'))
      .join('');
    expect(summary).not.toMatch(/<f[\s>]/);
    const styles = text(out['xl/styles.xml']);
    const root = readRoot(styles, 'styles');
    const xfs = root.children.find((c) => c.local === 'cellXfs');
    const list: string[] = [];
    for (let t = xfs ? nextTag(styles, xfs.open.end) : null; t && !t.close; t = nextTag(styles, elementEnd(styles, t)))
      list.push(styles.slice(t.start, t.end));
    const risky = [...summary.matchAll(/<c r="([A-Z]+\d+)" s="(\d+)" t="inlineStr"><is><t[^>]*>([^<]*)</g)].filter((m) =>
      /^[=+\-@]/.test(m[3] ?? ''),
    );
    // The row with the lead "@SUM(1+1)" and the one referenced "-1" are chased (their leads and references echo on the
    // chase sheet); the others' leads are on neither sheet (nothing to chase them on, none among the most overdue).
    expect(risky.map((m) => m[3])).toEqual(expect.arrayContaining(['@SUM(1+1)', '-1']));
    for (const m of risky)
      expect({ text: m[3], quotePrefix: attr(list[Number(m[2])] ?? '', 'quotePrefix') }).toEqual({ text: m[3], quotePrefix: '1' });
  });
});

describe('ours means ours', () => {
  test('our summary renamed to keep it is left alone; a new summary is added', () => {
    const out1 = unzipSync(applyBytes(pack(draft())));
    const wb = text(out1['xl/workbook.xml']).replace(/Action plan summary/g, 'Q1 summary (kept)');
    const renamed = zipSync({ ...out1, 'xl/workbook.xml': new TextEncoder().encode(wb) });
    const out2 = unzipSync(applyBytes(renamed));
    const kept =
      Object.keys(out1).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && text(out1[n]).includes('Headline figures')) ?? '';
    const wb2 = text(out2['xl/workbook.xml']);
    expect(Buffer.from(out2[kept] ?? []).equals(Buffer.from(out1[kept] ?? []))).toBe(true);
    expect(wb2).toContain('<sheet name="Q1 summary (kept)"');
    expect(wb2).toContain('<sheet name="Action plan summary"');
    expect(wb2).toMatch(/name="ActionPlanChecker.Summary"[^>]*>'Action plan summary'!\$A\$1</);
  });

  test('our summary is replaced in place on a second run (same part, same position)', () => {
    const out1 = applyBytes(pack(draft()));
    const out2 = unzipSync(applyBytes(out1));
    // The plan, our summary and our chase sheet: nothing added on the second run.
    expect(text(out2['xl/workbook.xml']).match(/<sheet /g)).toHaveLength(3);
  });
});

describe('the right edge of the sheet', () => {
  test('a plan ending in column XFD is checked and formatted without a status column, said in one line', async () => {
    const c = CASES.find((x) => x.name.includes('right edge'));
    const dir = mkdtempSync(join(tmpdir(), 'apc-edge-'));
    const file = join(dir, 'edge.xlsx');
    writeFileSync(file, pack(build(c ?? CASES[0]!)));
    const r = await run(['apply', file, '--out', join(dir, 'edge.out.xlsx'), '--today', '2026-11-26']);
    expect([0, 1]).toContain(r.code);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/No status column: no column right of the table is empty/);
  });
});
