jest.setTimeout(600_000); // the largest workbook: 100,000 rows under test:slow

import { HostError } from '../../src/core/errors';
import { ourColumnOf } from '../../src/core/plans/statusWords';
import { STATUS_HEADER } from '../../src/core/read/findTable';
import { runPlan } from '../../src/excel/excelHost';
import { FakeWorkbook, installFakeOffice } from '../fakes/excelFake';
import { PROFILES } from '../fakes/jestFake';
import { CORPUS, scalarGrid, type CorpusWorkbook } from './workbooks';

const NOW = new Date(2026, 10, 26, 10, 0);
const ALL = { format: true, summary: true };

function build(wb: CorpusWorkbook): FakeWorkbook {
  const fake = new FakeWorkbook();
  for (const s of wb.sheets) {
    const numberFormats: (string | null)[][] = [];
    for (const [address, format] of Object.entries(s.numberFormats ?? {})) {
      const m = /^([A-Z]+)(\d+)$/.exec(address);
      if (!m) continue;
      const r = Number(m[2]) - 1;
      const c = (m[1] ?? 'A').charCodeAt(0) - 65;
      (numberFormats[r] ??= [])[c] = format;
    }
    fake.addSheet(s.name, scalarGrid(s.values), { formulas: s.formulas ?? {}, numberFormats, protected: s.protected ?? false });
  }
  // The plan sheet is the active one, as when a user opens the pane on it.
  const active = wb.sheets.find((s) => s.name !== 'Cover' && s.name !== 'Action plan summary') ?? wb.sheets[0];
  if (active) fake.activate(active.name);
  fake.chartSheetActive = wb.chartSheetActive ?? false;
  return fake;
}

/** Cells of the user's sheets, except our three columns (found by their headers). */
function userCells(fake: FakeWorkbook, names: string[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const name of names) {
    const sheet = fake.findSheet(name);
    if (!sheet) continue;
    const statusCols = new Set<string>();
    for (const [address, cell] of fake.cellsOf(name))
      if (typeof cell.value === 'string' && ourColumnOf(cell.value, STATUS_HEADER) !== null) statusCols.add(address.replace(/\d+$/, ''));
    for (const [address, cell] of fake.cellsOf(name)) if (!statusCols.has(address.replace(/\d+$/, ''))) out.set(`${name}!${address}`, cell);
  }
  return out;
}

const CASES = PROFILES.flatMap((p) => CORPUS.filter((w) => w.only !== 'xlsx').map((w) => [`${p.name}, ${w.name}`, w, p] as const));

describe.each(CASES)('Office fake: %s', (_name, wb, profile) => {
  test('findings or a clear refusal; every original value and formula kept after Run all twice; nothing added on the second run', async () => {
    const fake = build(wb);
    fake.apiMinor = profile.apiMinor;
    fake.platform = profile.platform;
    const uninstall = installFakeOffice(fake);
    try {
      const names = wb.sheets.map((s) => s.name);
      const before = userCells(fake, names);
      const first = await runPlan({}, ALL, undefined, { now: NOW }).catch((e: unknown) => e);
      if ('refusal' in wb.expect) {
        if (wb.expect.refusal === 'TABLE_NOT_FOUND') {
          expect(first).toMatchObject({ analysis: { table: null, findings: [{ rule: 'TABLE_NOT_FOUND' }] }, applied: [] });
        } else {
          expect(first).toBeInstanceOf(HostError);
          expect(first).toMatchObject({ code: wb.expect.refusal, changed: 'nothing' });
        }
        expect(userCells(fake, names)).toEqual(before);
        return;
      }
      expect(first).not.toBeInstanceOf(Error);
      const result = first as Awaited<ReturnType<typeof runPlan>>;
      expect(result.analysis.stats.total).toBe(wb.expect.total);
      for (const rule of wb.rules ?? []) expect(result.analysis.findings.map((f) => f.rule)).toContain(rule);
      const rulesAfterFirst = fake.sheets.map((s) => s.conditionalFormats.length);
      await runPlan({}, ALL, undefined, { now: NOW });
      expect(userCells(fake, names)).toEqual(before);
      expect(fake.sheets.map((s) => s.conditionalFormats.length)).toEqual(rulesAfterFirst);
      expect(fake.sheets.filter((s) => /^Action plan summary/.test(s.name))).toHaveLength(names.includes('Action plan summary') ? 2 : 1);
      if (names.includes('Action plan summary')) expect(fake.sheet('Action plan summary').values).toEqual([['my own notes']]);
      // No formula anywhere that the add-in created.
      for (const s of fake.sheets) {
        const original = wb.sheets.find((x) => x.name === s.name);
        const allowed = new Set(Object.keys(original?.formulas ?? {}));
        for (const [address, cell] of fake.cellsOf(s.name)) if (cell.formula !== null) expect(allowed).toContain(address);
      }
    } finally {
      uninstall();
    }
  });
});
