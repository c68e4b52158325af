import { runPlan } from '../../src/excel';
import type { FakeWorkbook } from '../fakes/excelFake';
import { UNDO_GROUP_PROFILES, useFakeExcel } from '../fakes/jestFake';
import { referenceValues } from '../fixtures/reference';
import { scalarGrid } from '../corpus/workbooks';

const NOW = new Date(2026, 10, 26, 10, 4);
const ALL = { format: true, summary: true };

/** Each documented Excel error code, the kind the pane sees, and words the user is told. */
const CODES: [string, string, RegExp][] = [
  ['UndoNotSupported', 'ExcelRefused', /undo step/],
  ['UnsupportedSheet', 'ChartSheet', /not an ordinary worksheet/],
  ['InvalidOperation', 'ExcelRefused', /busy editing a cell .* table, a filter or merged cells/],
  ['InvalidOperationInCellEditMode', 'CellEditMode', /Press Enter or Esc/],
  ['FilteredRangeConflict', 'ExcelRefused', /Clear the filter/],
  ['FormulaLengthExceedsLimit', 'ExcelRefused', /too long/],
  ['ItemAlreadyExists', 'ExcelRefused', /already exists/],
  ['MergedRangeConflict', 'ExcelRefused', /Unmerge them/],
  // "The source worksheet contains one or more unsupported features": about the sheet, not the Excel version.
  ['UnsupportedFeature', 'ExcelRefused', /unsupported features.*Copy the table to a new sheet/],
  ['InactiveWorkbook', 'ExcelRefused', /Another workbook took the focus/],
  ['RangeExceedsLimit', 'PayloadTooLarge', /Ctrl\+End/],
  ['OperationCellsExceedLimit', 'PayloadTooLarge', /Ctrl\+End/],
  ['PivotTableRangeConflict', 'ExcelRefused', /PivotTable/],
  ['GeneralException', 'Unknown', /internal error.*reopen/],
  ['RequestAborted', 'Unknown', /stopped the request/],
];

describe.each(UNDO_GROUP_PROFILES)('$name: every documented error code becomes a plain message', (profile) => {
  const current = useFakeExcel(profile);
  let fake: FakeWorkbook;
  beforeEach(() => {
    fake = current();
    fake.addSheet('Appendix 1', scalarGrid(referenceValues()));
  });

  test.each(CODES)('%s while reading: says nothing was changed', async (code, kind, words) => {
    // A grouped run (ExcelApi 1.20) failing before its first write is retried once without the group: fail both attempts.
    fake.inject({ code, atSync: 1 });
    if (profile.apiMinor >= 20) fake.inject({ code, atSync: 2 });
    const error = await runPlan({}, ALL, undefined, { now: NOW }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: kind, hostCode: code, changed: 'nothing' });
    expect((error as Error).message).toMatch(words);
    expect((error as Error).message).toMatch(/Nothing was changed\.$/);
  });

  test.each(CODES.filter(([code]) => code !== 'UndoNotSupported'))(
    '%s in the middle of the writes: says what may be partly written and that no value of the user\u2019s changed',
    async (code, kind, words) => {
      fake.inject({ code, atSync: 2, afterOps: 40 });
      const error = await runPlan({}, ALL, undefined, { now: NOW }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: kind, hostCode: code, changed: 'partial' });
      expect((error as Error).message).toMatch(words);
      expect((error as Error).message).toContain('no value of yours was changed');
    },
  );
});
