import { parseAddress } from '../core/address';
import type { SheetSnapshot } from '../core/types';

/**
 * Merged cells on the plan's sheet. Excel keeps a merge's value in its top-left cell; the others read as
 * empty but refuse a value (MergedRangeConflict). Progress text merged across into the next column would
 * otherwise look like a free column for the status column.
 */

/** The merged areas' boxes from a RangeAreas address ("'Plan'!F8:G8, 'Plan'!A1:F1"). */
export function mergedBoxes(address: string): { c0: number; r0: number; c1: number; r1: number }[] {
  const out: { c0: number; r0: number; c1: number; r1: number }[] = [];
  for (const part of address.split(',')) {
    const local = part.slice(part.lastIndexOf('!') + 1).trim();
    const [a, b] = local.split(':');
    const start = parseAddress(a ?? '');
    const end = parseAddress(b ?? a ?? '');
    if (start && end) out.push({ c0: start.column, r0: start.row, c1: end.column, r1: end.row });
  }
  return out;
}

/** The snapshot the status column is planned on, with merged cells other than the top-left marked as taken. */
export function withMergedTaken(snapshot: SheetSnapshot, address: string | null): SheetSnapshot {
  if (!address) return snapshot;
  const origin = parseAddress(snapshot.origin) ?? { column: 0, row: 1 };
  const values = snapshot.values.map((row) => [...row]);
  for (const m of mergedBoxes(address)) {
    for (let r = m.r0; r <= m.r1; r++) {
      for (let c = m.c0; c <= m.c1; c++) {
        if (r === m.r0 && c === m.c0) continue;
        const row = values[r - origin.row];
        if (!row || c < origin.column) continue;
        while (row.length <= c - origin.column) row.push(null);
        if (row[c - origin.column] === null || row[c - origin.column] === '') row[c - origin.column] = '\u200B';
      }
    }
  }
  return { ...snapshot, values };
}

/** The loaded merged areas' address, or null when there are none or the host cannot say. */
export function mergedAddress(merged: Excel.RangeAreas | null): string | null {
  return merged && !merged.isNullObject ? merged.address : null;
}
