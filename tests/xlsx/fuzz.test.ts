jest.setTimeout(600_000);

import { onlySheet } from './printing';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { HostError } from '../../src/core/errors';
import type { CellValue } from '../../src/core/types';
import { decodePart } from '../../src/xlsx/encoding';
import { applyToWorkbook, chooseSheet, openWorkbook } from '../../src/xlsx/workbook';
import { run } from '../cli/helpers';
import { pack } from './lossless/build';
import { build, CASES } from './lossless/cases';
import { mutated, MUTATIONS, planPart, type Mutation, type Parts } from './fuzz/mutations';

/**
 * The package fuzzer: real workbooks (the sample and corpus plans) mutated into each odd but valid form
 * (mutations.ts). Every output must be kept whole: parts we need not touch byte-identical, every cell value
 * and formula of the plan unchanged, a second run byte-identical, and LibreOffice reading the same text as
 * in the input (one batched soffice call). Ambiguous or unsafe packages must be refused in one line.
 */

const OPTIONS = { today: '2026-11-26', asAt: '2002-03-31' };
const STAMP = '26 November 2026';
const ROOT = join(__dirname, '..', '..');

const BASES: { name: string; parts: Parts }[] = [
  { name: 'the sample', parts: unzipSync(readFileSync(join(ROOT, 'assets/samples/action-plan-2001-02.xlsx'))) },
  ...[
    'a plain plan',
    'defined names: print titles, a range, a constant with a comment, a local name',
    'comments, validations and hyperlinks together, with a hidden second sheet',
  ].map((name) => ({ name, parts: unzipSync(pack(build(CASES.find((c) => c.name === name) ?? (CASES[0] as (typeof CASES)[0])))) })),
];

function apply(bytes: Uint8Array): { out: Uint8Array; applied: readonly string[] } {
  const wb = openWorkbook(bytes);
  const result = applyToWorkbook(wb, chooseSheet(wb, OPTIONS), { statusColumn: true, generatedAt: STAMP });
  return { out: wb.pkg.toBytes(), applied: result.applied };
}

/** The plan's cells as read: reference -> value and formula (empty cells left out). */
function planCells(bytes: Uint8Array): Map<string, string> {
  const wb = openWorkbook(bytes);
  const { snapshot } = chooseSheet(wb, OPTIONS);
  const out = new Map<string, string>();
  snapshot.values.forEach((row: readonly CellValue[], r) =>
    row.forEach((v, c) => {
      const f = snapshot.formulas?.[r]?.[c] ?? '';
      if (v !== null || f !== '') out.set(`${c}:${r}`, `${JSON.stringify(v)}|${f}`);
    }),
  );
  return out;
}

const same = (a: Uint8Array | undefined, b: Uint8Array | undefined) =>
  a !== undefined && b !== undefined && Buffer.from(a).equals(Buffer.from(b));

interface Kept {
  label: string;
  input: Uint8Array;
  out: Uint8Array;
}
const kept: Kept[] = [];

function checkKept(label: string, base: Parts, m: Mutation, input: Uint8Array): void {
  const { out, applied } = apply(input);
  const before = unzipSync(input);
  const after = unzipSync(out);
  const plan = planPart(base);
  const touched = new Set([plan, 'xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml']);
  for (const [name, bytes] of Object.entries(before)) {
    if (name.endsWith('/')) continue;
    expect({ label, name, there: after[name] !== undefined }).toEqual({ label, name, there: true });
    if (!touched.has(name)) expect({ label, name, same: same(after[name], bytes) }).toEqual({ label, name, same: true });
  }
  // Every part we rewrote is UTF-8 with a declaration that says so (or none).
  for (const name of touched) {
    const b = after[name];
    if (!b || same(b, before[name])) continue;
    const head = new TextDecoder().decode(b.subarray(0, 100));
    expect({ label, name, utf8: !/^<\?xml[^>]*encoding="(?!UTF-8)/i.test(head) && b[0] !== 0xff && b[0] !== 0xfe }).toEqual({
      label,
      name,
      utf8: true,
    });
    expect(() => decodePart(b, name)).not.toThrow();
  }
  const cellsIn = planCells(input);
  const cellsOut = planCells(out);
  for (const [ref, v] of cellsIn) expect({ label, ref, v: cellsOut.get(ref) }).toEqual({ label, ref, v });
  // Rows once each, ascending, in the sheet we wrote.
  const sheet = decodePart(after[plan] ?? new Uint8Array(), plan);
  const rowNumbers = [...sheet.matchAll(/<(?:\w+:)?row\b[^>]*?\sr="(\d+)"/g)].map((x) => Number(x[1]));
  expect({ label, ascending: rowNumbers.every((n, i) => i === 0 || n > (rowNumbers[i - 1] ?? 0)) }).toEqual({ label, ascending: true });
  // A second run changes nothing.
  expect({ label, second: same(apply(out).out, out) }).toEqual({ label, second: true });
  if (m.family === 'styles') {
    const count = (b: Uint8Array | undefined) => Number(/<(?:\w+:)?cellXfs count="(\d+)"/.exec(new TextDecoder().decode(b))?.[1]);
    const n = count(after['xl/styles.xml']);
    expect(n).toBeLessThanOrEqual(Math.max(64_000, count(before['xl/styles.xml'])));
    if (count(before['xl/styles.xml']) >= 64_000) {
      expect(n).toBe(count(before['xl/styles.xml']));
      expect(applied.join('\n')).toMatch(/cell formats/);
    }
  }
  if (m.family === 'conformance') {
    // Strict in, Strict out: no part we wrote or added uses a Transitional namespace.
    for (const [name, bytes] of Object.entries(after))
      if (/\.(xml|rels)$/.test(name) && !same(bytes, before[name]))
        expect({
          label,
          name,
          transitional: /schemas\.openxmlformats\.org\/(spreadsheetml|officeDocument|drawingml)\//.test(decodePart(bytes, name)),
        }).toEqual({
          label,
          name,
          transitional: false,
        });
  }
  kept.push({ label, input, out });
}

function checkRefused(label: string, m: Mutation, input: Uint8Array): void {
  let error: unknown;
  try {
    apply(input);
  } catch (e) {
    error = e;
  }
  expect({ label, refused: error instanceof HostError }).toEqual({ label, refused: true });
  const message = (error as Error).message;
  expect(message.split('\n')).toHaveLength(1);
  expect(message).toMatch(m.refused ?? /./);
}

describe('package fuzzer: every mutated workbook is kept whole or refused in one line', () => {
  const cases = BASES.flatMap((b) =>
    MUTATIONS.filter((m) => m.family !== 'styles' || b.name === 'the sample').map(
      (m) => [`${m.family}: ${m.name} (${b.name})`, b, m] as const,
    ),
  );
  test.each(cases)('%s', (label, base, m) => {
    const input = mutated(base.parts, m);
    if (m.refused) checkRefused(label, m, input);
    else checkKept(label, base.parts, m, input);
  });

  test('our cell formats rewritten as Excel saves them (attributes reordered, elements expanded) are reused, not added again', () => {
    const first = apply(mutated((BASES[0] as (typeof BASES)[0]).parts, { family: 'zip', name: 'plain' })).out;
    const parts = unzipSync(first);
    const styles = new TextDecoder().decode(parts['xl/styles.xml']);
    const rewritten = styles.replace(/<xf ([^>]*?)(\/?)>/g, (_m, a: string, slash: string) => {
      const list = a.trim().match(/[\w:]+="[^"]*"/g) ?? [];
      return `<xf ${list.reverse().join(' ')}${slash}>`;
    });
    expect(rewritten).not.toBe(styles);
    parts['xl/styles.xml'] = new TextEncoder().encode(rewritten.replace(/<alignment ([^>]*?)\/>/g, '<alignment $1></alignment>'));
    const count = (b: Uint8Array | undefined) => Number(/<cellXfs count="(\d+)"/.exec(new TextDecoder().decode(b))?.[1]);
    const again = unzipSync(apply(mutated(parts, { family: 'zip', name: 'plain' })).out);
    expect(count(again['xl/styles.xml'])).toBe(count(parts['xl/styles.xml']));
  });

  test.each(['ZIP64 with data descriptors (a streaming writer)', 'ZIP64 records without descriptors'])(
    'the command applies a package with %s',
    async (name) => {
      const dir = mkdtempSync(join(tmpdir(), 'apc-fuzz-'));
      const file = join(dir, 'z64.xlsx');
      writeFileSync(file, mutated((BASES[0] as (typeof BASES)[0]).parts, MUTATIONS.find((x) => x.name === name) as Mutation));
      const r = await run(['apply', file, '--out', join(dir, 'out.xlsx'), '--today', '2026-11-26']);
      expect(r.err).toBe('');
      expect([0, 1]).toContain(r.code);
    },
  );

  test('a refused package exits 2 with one line from the command', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apc-fuzz-'));
    const file = join(dir, 'dup.xlsx');
    const m = MUTATIONS.find((x) => x.name === 'two entries of one name') as Mutation;
    writeFileSync(file, mutated((BASES[0] as (typeof BASES)[0]).parts, m));
    const r = await run(['apply', file, '--out', join(dir, 'out.xlsx'), '--today', '2026-11-26']);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/two entries named "xl\/sharedStrings\.xml"/);
  });
});

const soffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;

/** The first sheet's cells as LibreOffice reads them, one array per row (trailing empty cells dropped). */
function csvRows(file: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const t = readFileSync(file, 'utf8');
  for (let i = 0; i < t.length; i++) {
    const ch = t[i] ?? '';
    if (quoted) {
      if (ch === '"' && t[i + 1] === '"') ((cell += '"'), i++);
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (row.push(cell), (cell = ''));
    else if (ch === '\n') (row.push(cell), rows.push(row), (row = []), (cell = ''));
    else if (ch !== '\r') cell += ch;
  }
  return rows;
}

(soffice ? describe : describe.skip)('LibreOffice reads the same text in every kept output as in its input', () => {
  test('one batched conversion; the plan sheet text of each output holds the input text, cell for cell', () => {
    // Every output from the sample, and the sample itself, in one soffice run. Each mutation keeps the text
    // of the workbook by construction (an encoding, a prefix, an order, a container), so each input reads as
    // the sample does, and that is converted once (LibreOffice 7.4 cannot open a ZIP64 directory at all).
    const picked = kept.filter((k) => k.label.endsWith('(the sample)'));
    expect(picked.length).toBeGreaterThan(15);
    const dir = mkdtempSync(join(tmpdir(), 'apc-fuzz-lo-'));
    const files = [join(dir, 'in.xlsx')];
    writeFileSync(files[0] as string, readFileSync(join(ROOT, 'assets/samples/action-plan-2001-02.xlsx')));
    picked.forEach((k, i) => {
      // Our sheets now come first in the output (M1) and CSV holds one sheet: convert the plan sheet alone.
      writeFileSync(join(dir, `out${i}.xlsx`), onlySheet(k.out, 'Appendix 1'));
      files.push(join(dir, `out${i}.xlsx`));
    });
    execFileSync(
      'soffice',
      ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'csv', '--outdir', dir, ...files],
      {
        timeout: 400_000,
        stdio: 'pipe',
      },
    );
    const a = csvRows(join(dir, 'in.csv'));
    expect(a.length).toBeGreaterThan(5);
    picked.forEach((k, i) => {
      const b = csvRows(join(dir, `out${i}.csv`));
      a.forEach((row, r) => {
        let n = row.length;
        while (n > 0 && row[n - 1] === '') n--;
        const trimmed = row.slice(0, n);
        expect({ label: k.label, r, row: (b[r] ?? []).slice(0, trimmed.length) }).toEqual({ label: k.label, r, row: trimmed });
      });
    });
  });
});
