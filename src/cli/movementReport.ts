import { formatLong, fromIso } from '../core/dates';
import type { AsAtSource } from '../core/types';
import { hasMovement, MOVEMENT_LISTS, type Movement, type MovementList } from '../core/figures/movement';

/** One side of a comparison, as the report and `--json` name it. */
export interface ReturnSide {
  readonly file: string;
  readonly sheet: string;
  readonly asAt: string;
  /** Where the as-at date came from: `sheet` (its title rows), `option` (--as-at) or `assumed` (today). */
  readonly asAtSource: AsAtSource;
}

/** Words for each list in a sentence: "2 completed (R2, R5)". */
const WORDS: Readonly<Record<MovementList, string>> = {
  completed: 'completed',
  ratingUp: 'status improved',
  ratingDown: 'status worse',
  newlyOverdue: 'newly overdue',
  added: 'added',
  removed: 'removed',
  dueChanged: 'due date moved',
  unchangedProgress: 'with progress text unchanged',
};

const day = (iso: string) => {
  const d = fromIso(iso);
  return d === null ? iso : formatLong(d);
};

/**
 * The movement for people (SPEC, M2.5): "Since 31 December 2001: 1 completed (R2), ..." (kinds with
 * nothing left out; "nothing moved" when nothing did), then where each return came from and how the
 * items were matched.
 */
export function movementReport(previous: ReturnSide, current: ReturnSide, m: Movement): string {
  const parts = MOVEMENT_LISTS.filter((list) => m[list].length > 0).map(
    (list) => `${m[list].length} ${WORDS[list]} (${m[list].join(', ')})`,
  );

  const byText = m.matched.filter((x) => x.how === 'text');
  const renamed = byText.filter((x) => x.id !== x.previousId).map((x) => `${x.id} was ${x.previousId}`);
  const how = `${m.matched.length - byText.length} by reference, ${byText.length} by recommendation text${renamed.length > 0 ? ` (${renamed.join(', ')})` : ''}`;
  return [
    `Since ${day(m.previousAsAt)}: ${hasMovement(m) ? parts.join(', ') : ['nothing moved', ...parts].join('; ')}.`,
    `  Previous: ${previous.file}, "${previous.sheet}", as at ${day(previous.asAt)}`,
    `  Current:  ${current.file}, "${current.sheet}", as at ${day(current.asAt)}`,
    `  Matched ${m.matched.length}: ${how}`,
    ...[previous, current]
      .filter((r) => r.asAtSource === 'assumed')
      .map((r) => `  Note: ${r.file} states no as-at date in its title rows, so it was read as at today.`),
    '',
  ].join('\n');
}
