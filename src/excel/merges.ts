import type { SheetSnapshot } from '../core/types';

/**
 * Merged cells on the plan's sheet. Excel keeps a merge's value in its top-left cell; the others read as
 * empty but refuse a value (MergedRangeConflict). Progress text merged across into the next column would
 * otherwise look like a free column for the status column.
 */

/** The snapshot the status column is planned on, carrying the merged areas (the core never places the status column in one). */
export function withMergedTaken(snapshot: SheetSnapshot, address: string | null): SheetSnapshot {
  if (!address) return snapshot;
  const merges = address
    .split(',')
    .map((part) =>
      part
        .slice(part.lastIndexOf('!') + 1)
        .trim()
        .replace(/\$/g, ''),
    )
    .filter((a) => a !== '');
  return { ...snapshot, merges: [...(snapshot.merges ?? []), ...merges] };
}

/** The loaded merged areas' address, or null when there are none or the host cannot say. */
export function mergedAddress(merged: Excel.RangeAreas | null): string | null {
  return merged && !merged.isNullObject ? merged.address : null;
}
