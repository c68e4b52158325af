import { parseAddress } from '../address';

/** A merged area, 0-based column and 1-based row bounds. */
export interface Merge {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** Parses the snapshot's merged areas ("B5:F5"). */
export function parseMerges(merges: readonly string[] | undefined): Merge[] {
  const out: Merge[] = [];
  for (const range of merges ?? []) {
    const [a = '', b = a] = range.split(':');
    const tl = parseAddress(a);
    const br = parseAddress(b);
    if (!tl || !br) continue;
    out.push({
      top: Math.min(tl.row, br.row),
      bottom: Math.max(tl.row, br.row),
      left: Math.min(tl.column, br.column),
      right: Math.max(tl.column, br.column),
    });
  }
  return out;
}
