import { cellText, normalise } from '../cells';
import type { CellValue } from '../types';
import { PRIORITY_SCALES, type PriorityScale } from '../vocabulary/priority';

/** A priority as read: its label and its rank (0 = top priority). */
export interface PriorityRead {
  readonly label: string;
  readonly rank: number;
}

function levelOf(text: string, scale: PriorityScale): PriorityRead | null {
  const n = normalise(text);
  if (n === '') return null;
  for (let rank = 0; rank < scale.levels.length; rank++) {
    const level = scale.levels[rank];
    if (level && level.words.some((w) => n === w || n.startsWith(`${w} `))) return { label: level.label, rank };
  }
  return null;
}

/** The priority scale that reads most of a column's values, or null when none reads any. */
export function detectPriorityScale(values: readonly CellValue[]): PriorityScale | null {
  let best: { scale: PriorityScale; count: number } | null = null;
  for (const scale of PRIORITY_SCALES) {
    const count = values.filter((v) => levelOf(cellText(v), scale) !== null).length;
    if (count > 0 && (!best || count > best.count)) best = { scale, count };
  }
  return best?.scale ?? null;
}

/** Reads one priority cell on the table's priority scale. */
export function readPriority(value: CellValue, scale: PriorityScale | null): PriorityRead | null {
  return scale === null ? null : levelOf(cellText(value), scale);
}

/** The labels of a priority scale, top first. */
export function priorityLabels(scale: PriorityScale | null): readonly string[] {
  return scale?.levels.map((l) => l.label) ?? [];
}
