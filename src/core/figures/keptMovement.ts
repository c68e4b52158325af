import { compareSnapshots, SNAPSHOTS_KEPT, type Movement, type PlanSnapshot } from './movement';
import type { Analysis } from '../types';

/** What a run says about movement (SPEC, M2.6). */
export type RunMovement =
  /** Compared with the newest kept return dated before this one. */
  | { readonly kind: 'since'; readonly movement: Movement }
  /** Nothing earlier was kept: this run's snapshot is kept for the next return to compare with. */
  | { readonly kind: 'first' }
  /** The host cannot keep snapshots, or the one to compare with could not be read: the run went ahead without movement. */
  | { readonly kind: 'unavailable'; readonly reason: string };

/** The kept return to compare with (SPEC, M2.6): the newest dated before `asAt`, or null; as previousSnapshot, on dates alone. */
export function previousAsAt(kept: readonly string[], asAt: string): string | null {
  return kept.filter((d) => d < asAt).reduce<string | null>((best, d) => (best === null || d > best ? d : best), null);
}

/** The as-at dates kept after a run (SPEC, M2.6): one per date, this run's among them, the newest SNAPSHOTS_KEPT; as keepSnapshots, on dates. */
export function datesToKeep(kept: readonly string[], asAt: string, max = SNAPSHOTS_KEPT): string[] {
  return [...new Set([...kept, asAt])].sort().slice(-max);
}

/** The movement of a run against the previous kept return, or `first` when there is none. */
export function movementSince(previous: PlanSnapshot | null, current: PlanSnapshot, analysis: Analysis): RunMovement {
  if (!previous) return { kind: 'first' };
  return {
    kind: 'since',
    movement: compareSnapshots(
      previous,
      current,
      analysis.scale.map((l) => l.label),
    ),
  };
}
