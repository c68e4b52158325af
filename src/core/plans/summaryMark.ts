import { cellText } from '../cells';
import type { CellValue } from '../types';

/** Rows and columns of the summary sheet's top that its fingerprint covers (title, source, as-at, generated). */
export const FINGERPRINT_ROWS = 6;
export const FINGERPRINT_COLUMNS = 3;

function fnv1a(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The first fingerprint (APC1): the sheet's name and A1:C6, generation stamp included; still recognised. */
function legacyFingerprint(sheetName: string, top: readonly (readonly CellValue[])[]): string {
  const cells: string[] = [sheetName];
  for (let r = 0; r < FINGERPRINT_ROWS; r++) for (let c = 0; c < FINGERPRINT_COLUMNS; c++) cells.push(cellText(top[r]?.[c] ?? null));
  const text = cells.join('\u0001');
  return `APC1-${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x01000193)}`;
}

/**
 * The fingerprint our summary sheet carries (beside the marker name): a hash of the sheet's name and the
 * labels we write down column A of its top (A1:A6: title, report title, "Source", "As at", "Generated"). A
 * user's sheet the marker happens to point at, or our summary renamed to keep it, does not match, so it is
 * never taken for ours. The values beside the labels (as-at date, generation stamp) are left out on purpose:
 * the fingerprint then stays the same from run to run, so a re-run need not set the marker's comment, which
 * Excel on the web cannot undo (Microsoft's undo page lists `NamedItem.comment`): setting it would break the
 * one-undo-step promise there.
 */
export function summaryFingerprint(sheetName: string, top: readonly (readonly CellValue[])[]): string {
  const cells: string[] = [sheetName];
  for (let r = 0; r < FINGERPRINT_ROWS; r++) cells.push(cellText(top[r]?.[0] ?? null));
  const text = cells.join('\u0001');
  return `APC2-${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x01000193)}`;
}

/** True when a sheet is our summary: the fingerprint stored with the marker matches the sheet's name and top cells. */
export function isOurSummarySheet(sheetName: string, top: readonly (readonly CellValue[])[], stored: string | null | undefined): boolean {
  if (typeof stored !== 'string') return false;
  return stored === summaryFingerprint(sheetName, top) || stored === legacyFingerprint(sheetName, top);
}

/** The titles our sheets open with (the summary, the chase sheet). */
export const OUR_TITLES: readonly string[] = ['Action plan summary', 'Chase list and checks'];

/**
 * True when a sheet's top is laid out as one of ours (our title in A1 and "Source sheet" below it), whatever its
 * name or marker: a summary kept under another name is last quarter's paper, never a plan to check.
 */
export function looksLikeOurSheet(top: readonly (readonly CellValue[])[]): boolean {
  const first = cellText(top[0]?.[0] ?? null);
  return OUR_TITLES.includes(first) && top.slice(1, FINGERPRINT_ROWS).some((row) => cellText(row[0] ?? null) === 'Source sheet');
}
