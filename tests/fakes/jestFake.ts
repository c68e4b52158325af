import { FakeWorkbook, installFakeOffice, type FakePlatform, type SheetState } from './excelFake';

/** A host the fake plays: an ExcelApi version and a platform. */
export interface FakeProfile {
  readonly name: string;
  readonly apiMinor: number;
  readonly platform: FakePlatform;
}

/** The two hosts every adapter test runs on: the oldest we support, and current Microsoft 365 (merged undo groups). */
export const PROFILES: readonly FakeProfile[] = [
  { name: 'ExcelApi 1.9', apiMinor: 9, platform: 'windows' },
  { name: 'ExcelApi 1.20', apiMinor: 20, platform: 'windows' },
];

/**
 * Every platform at both ends of the supported range: Excel on the web, Windows and Mac differ in undo support
 * (UNDO_UNSUPPORTED), in what clears the undo history (#6170) and in the number formats they return (#2824).
 * The suites where a platform can change the outcome run on all six; the heavier ones on PROFILES.
 */
export const PLATFORM_PROFILES: readonly FakeProfile[] = (['web', 'windows', 'mac'] as const).flatMap((platform) => [
  { name: `${platform}, ExcelApi 1.9`, apiMinor: 9, platform },
  { name: `${platform}, ExcelApi 1.20`, apiMinor: 20, platform },
]);

/**
 * PLATFORM_PROFILES less ExcelApi 1.9 on the web and the Mac: at 1.20 each platform refuses a merged undo group over
 * its own calls (UNDO_UNSUPPORTED), so all three play; at 1.9 the platform changes only the undo story a run tells
 * and the fake's `undoCleared`, so Windows alone, for the suites that assert neither (the others keep all six).
 */
export const UNDO_GROUP_PROFILES: readonly FakeProfile[] = PLATFORM_PROFILES.filter((p) => p.apiMinor >= 20 || p.platform === 'windows');

/** A fresh strict fake installed as the Office globals around each test; call `fake()` inside a test. */
export function useFakeExcel(profile?: FakeProfile): () => FakeWorkbook {
  let current: FakeWorkbook | null = null;
  let uninstall: () => void = () => undefined;
  beforeEach(() => {
    current = new FakeWorkbook();
    if (profile) {
      current.apiMinor = profile.apiMinor;
      current.platform = profile.platform;
    }
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
