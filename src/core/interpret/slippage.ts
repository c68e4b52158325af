import { fromIso } from '../dates';
import { finding } from '../findings';
import { parseRevisions } from './revisions';
import type { RowContext } from '../check/rowChecks';
import type { DateReading, Recommendation, Timescale } from '../types';

/** How a recommendation's target moved: the first target, how many times it moved, and by how many days (S2). */
export interface Slippage {
  /** The current due date (the latest revision), ISO, or null. */
  readonly due: string | null;
  /** The first target, ISO, or null when only one target is known. */
  readonly originalDue: string | null;
  readonly revisions: number;
  /** due - originalDue in days, 0 when the target has not moved later. */
  readonly slippedDays: number;
}

const days = (a: string | null, b: string | null): number => {
  const x = a === null ? null : fromIso(a);
  const y = b === null ? null : fromIso(b);
  return x === null || y === null ? 0 : x - y;
};

/**
 * Reads the slippage of one row: an original and a revised date column, or one cell that records its
 * revisions ("December 2002 (revised from September 2002)", "Sept 02, now March 03").
 */
export function readSlippage(
  row: RowContext,
  timescale: Timescale,
  original: Timescale | null,
  reference: string,
  reading?: DateReading,
): Slippage {
  const inCell = timescale.kind === 'date' ? parseRevisions(timescale.text, reference, reading) : null;
  const due = inCell?.due ?? timescale.due;
  if (original?.due && due !== null && original.due !== due) {
    // Two columns: the revised cell may itself record earlier revisions.
    const earlier = inCell !== null && inCell.revisions > 0;
    const revisions = earlier ? inCell.revisions + (inCell.originalDue !== original.due ? 1 : 0) : 1;
    return { due, originalDue: original.due, revisions, slippedDays: Math.max(0, days(due, original.due)) };
  }
  if (inCell && inCell.revisions > 0 && inCell.originalDue !== null) {
    return { due, originalDue: inCell.originalDue, revisions: inCell.revisions, slippedDays: Math.max(0, days(due, inCell.originalDue)) };
  }
  return { due, originalDue: original?.due ?? null, revisions: 0, slippedDays: 0 };
}

/** SLIPPED (info) or SLIPPED_REPEATEDLY (warning: two or more revisions, or more than `limitDays`) for an open item. */
export function checkSlippage(row: RowContext, slip: Slippage, open: boolean, limitDays: number): void {
  if (slip.slippedDays <= 0 && slip.revisions === 0) return;
  if (!open || slip.originalDue === null) return;
  const at = row.at('timescale');
  const moved = slip.revisions <= 1 ? 'once' : `${slip.revisions} times`;
  const by = slip.slippedDays > 0 ? `, ${slip.slippedDays} days later than first agreed` : '';
  const repeated = slip.revisions >= 2 || slip.slippedDays > limitDays;
  row.report(
    finding(
      repeated ? 'SLIPPED_REPEATEDLY' : 'SLIPPED',
      { cell: at, row: row.rowNumber, id: row.id },
      repeated
        ? `${row.name}'s target date has moved ${moved}${by} (${at}). Ask the lead officer for a date they will hold to, or escalate it to the committee.`
        : `${row.name}'s target date has moved ${moved}${by} (${at}).`,
    ),
  );
}

/** The status column's words for a slipped item: "Slipped 2x (+240 days)". */
export function slippedFlag(slip: Slippage): string | null {
  if (slip.revisions === 0 && slip.slippedDays === 0) return null;
  return `Slipped ${Math.max(1, slip.revisions)}x${slip.slippedDays > 0 ? ` (+${slip.slippedDays} days)` : ''}`;
}

/** The median of the slipped items' days, or null when none slipped. */
export function medianSlippage(recs: readonly Recommendation[]): number | null {
  const d = recs
    .filter((r) => r.slippedDays > 0)
    .map((r) => r.slippedDays)
    .sort((a, b) => a - b);
  if (d.length === 0) return null;
  const mid = Math.floor(d.length / 2);
  return d.length % 2 === 1 ? (d[mid] ?? 0) : ((d[mid - 1] ?? 0) + (d[mid] ?? 0)) / 2;
}
