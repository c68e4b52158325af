import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { analyseSheet } from '../../src/core/analyse';
import { fromSerial } from '../../src/core/dates';
import type { SheetSnapshot } from '../../src/core/types';
import { openWorkbook } from '../../src/xlsx/workbook';
import { allowedWithout, type Family } from './dimensions';
import { PENDING_COMBINATIONS, PENDING_FAMILIES } from './families';
import { trackerArb, truthOf, type Tracker } from './model';
import { render } from './render';
import { sheetText } from './survey';
import { mismatches } from './tracker';

/** Generated trackers written as .xlsx files and read back by the command's reader: the reading must not change. */
const SEED = 22_012;
const allowed = allowedWithout(Object.keys(PENDING_FAMILIES) as Family[]);
const without = PENDING_COMBINATIONS.map((c) => c.families);

/** A snapshot written as an .xlsx file the way Excel stores it: date and percent cells as numbers with their format. */
async function toXlsx(snapshot: SheetSnapshot): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(snapshot.name);
  snapshot.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === '' || typeof v === 'object') return;
      const cell = ws.getRow(r + 1).getCell(c + 1);
      const format = snapshot.numberFormats?.[r]?.[c] ?? 'General';
      if (format !== 'General' && typeof v === 'number' && format !== '0%') cell.value = new Date(fromSerial(v) * 86_400_000);
      else cell.value = v;
      if (format !== 'General') cell.numFmt = format;
    }),
  );
  for (const m of snapshot.merges ?? []) ws.mergeCells(m);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function readsRightFromXlsx(tracker: Tracker): Promise<void> {
  const snapshot = render(tracker);
  const workbook = openWorkbook(await toXlsx(snapshot));
  const sheet = workbook.info.sheets[0];
  if (!sheet) throw new Error('no sheet written');
  const truth = truthOf(tracker);
  const problems = mismatches(analyseSheet(workbook.read(sheet).snapshot, { today: truth.today }), truth);
  if (problems.length > 0) throw new Error(`${problems.join('\n')}\n--- the tracker ---\n${sheetText(snapshot)}`);
}

describe('[T1][T3][T4][T6][S1] generated trackers read through the .xlsx command reader', () => {
  test('200 trackers of every supported family, written as .xlsx files, are read right', async () => {
    await fc.assert(fc.asyncProperty(trackerArb(allowed, without), readsRightFromXlsx), { numRuns: 200, seed: SEED });
  }, 120_000);
});
