import { FakeWorkbook, installFakeOffice, type SheetState } from './excelFake';

/** A fresh strict fake installed as the Office globals around each test; call `fake()` inside a test. */
export function useFakeExcel(): () => FakeWorkbook {
  let current: FakeWorkbook | null = null;
  let uninstall: () => void = () => undefined;
  beforeEach(() => {
    current = new FakeWorkbook();
    uninstall = installFakeOffice(current);
  });
  afterEach(() => uninstall());
  return () => {
    if (!current) throw new Error('useFakeExcel: no fake outside a test');
    return current;
  };
}

/** Adds a conditional-format rule of the user's (not ours) over rows 6 to `lastRow` of column A. */
export function addUserRule(sheet: SheetState, lastRow: number): void {
  sheet.conditionalFormats.push({
    id: 900 + sheet.conditionalFormats.length,
    box: { r0: 5, c0: 0, r1: lastRow - 1, c1: 0 },
    type: 'Custom',
    formula: '=$A6="R1"',
    fill: '#FF0000',
    fontColor: null,
    bold: false,
    priority: 0,
  });
}
