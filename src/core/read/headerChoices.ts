/**
 * The cells of a header row, each with a preview of the first values under it, for choosing columns by
 * picking ("E: Recommendation - Set a budget; Hire") instead of typing letters.
 */
import { columnLetter, parseAddress } from '../address';
import { cellText } from '../cells';
import { closestHeader, roleOfHeader } from './findTable';
import type { Role, SheetSnapshot } from '../types';

/** One header cell: its column letter, its text, the first values below it and the role its words suggest. */
export interface HeaderChoice {
  readonly column: string;
  readonly text: string;
  /** The first non-empty values below the header (at most two), each cut to 40 characters. */
  readonly samples: readonly string[];
  /** The role the header's words name, or null. */
  readonly suggested: Role | null;
}

/** A header row and its cells. */
export interface HeaderChoices {
  /** 1-based worksheet row. */
  readonly row: number;
  readonly cells: readonly HeaderChoice[];
}

const SAMPLES = 2;
const SAMPLE_ROWS = 20;
const CUT = 40;

function cut(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > CUT ? `${flat.slice(0, CUT - 1)}\u2026` : flat;
}

/** The cells of worksheet row `row` that hold text, with up to two values found in the 20 rows below; null when the row is empty. */
export function headerChoices(snapshot: SheetSnapshot, row: number): HeaderChoices | null {
  const origin = parseAddress(snapshot.origin) ?? { column: 0, row: 1 };
  const index = row - origin.row;
  const header = snapshot.values[index];
  if (index < 0 || !header) return null;
  const cells: HeaderChoice[] = [];
  header.forEach((value, i) => {
    const text = cut(cellText(value));
    if (text === '') return;
    const samples: string[] = [];
    for (let r = index + 1; r <= index + SAMPLE_ROWS && samples.length < SAMPLES; r++) {
      const below = cut(cellText(snapshot.values[r]?.[i] ?? null));
      if (below !== '') samples.push(below);
    }
    cells.push({ column: columnLetter(origin.column + i), text, samples, suggested: roleOfHeader(text) });
  });
  return cells.length > 0 ? { row, cells } : null;
}

/**
 * The header row to offer when no table was found: the one the user chose, else the row that came closest
 * to a header, else the first row with three or more filled cells within the first 50 rows; null when none.
 */
export function likelyHeaderRow(snapshot: SheetSnapshot, chosen?: number): number | null {
  if (chosen) return chosen;
  const near = closestHeader(snapshot);
  if (near) return near.row;
  const origin = parseAddress(snapshot.origin) ?? { column: 0, row: 1 };
  const limit = Math.min(50, snapshot.values.length);
  for (let i = 0; i < limit; i++) {
    const filled = (snapshot.values[i] ?? []).filter((v) => cellText(v).trim() !== '').length;
    if (filled >= 3) return origin.row + i;
  }
  return null;
}
