import { compareSnapshots, keepSnapshots, previousSnapshot, snapshotOf, type Movement, type PlanSnapshot } from './movement';
import type { Analysis, SheetSnapshot } from './types';

/** What a run says about movement (SPEC, M2.6). */
export type RunMovement =
  /** Compared with the newest kept return dated before this one. */
  | { readonly kind: 'since'; readonly movement: Movement }
  /** Nothing earlier was kept: this run's snapshot is kept for the next return to compare with. */
  | { readonly kind: 'first' }
  /** The host cannot keep snapshots (or reading them failed): the run went ahead without movement. */
  | { readonly kind: 'unavailable'; readonly reason: string };

/**
 * The snapshots to keep after a run and its movement: this return's snapshot replaces a kept one of the same
 * as-at date, the newest SNAPSHOTS_KEPT stay, and the return compared with is the newest kept before this one,
 * so a re-run of the same return moves nothing it did not move the first time.
 */
export function movementAgainstKept(
  kept: readonly PlanSnapshot[],
  analysis: Analysis,
  sheet: SheetSnapshot,
): { keep: PlanSnapshot[]; movement: RunMovement } {
  const current = snapshotOf(analysis, sheet);
  const previous = previousSnapshot(kept, current.asAt);
  const keep = keepSnapshots(kept, current);
  if (!previous) return { keep, movement: { kind: 'first' } };
  const levels = analysis.scale.map((l) => l.label);
  return { keep, movement: { kind: 'since', movement: compareSnapshots(previous, current, levels) } };
}
