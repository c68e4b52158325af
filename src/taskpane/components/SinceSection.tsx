import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { formatLong, fromIso } from '../../core/dates';
import type { RunMovement } from '../../core/keptMovement';
import { hasMovement, MOVEMENT_LABELS, MOVEMENT_LISTS, type Movement, type MovementList } from '../../core/movement';
import type { Analysis } from '../../core/types';
import { count } from '../headline';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  h2: { fontSize: tokens.fontSizeBase400, margin: `${tokens.spacingVerticalS} 0 0` },
  h3: { fontSize: tokens.fontSizeBase300, margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}` },
  refs: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/** References shown per list before "Show all". */
const FIRST = 12;

/** A date in words ("31 December 2001"), or the ISO text when it is not one. */
function longDate(iso: string): string {
  const day = fromIso(iso);
  return day === null ? iso : formatLong(day);
}

/** The cell that selects a recommendation's row: its reference cell, else column A. Null when it is not on the sheet (removed). */
function cellsByName(analysis: Analysis): Map<string, string> {
  const column = analysis.table?.columns.id ?? analysis.table?.columns.recommendation ?? 'A';
  return new Map(analysis.recommendations.map((r) => [r.id ?? `row ${r.row}`, `${column}${r.row}`]));
}

/** One kind of movement: a heading with its count, then its references, each a button to its row where it is on the sheet. */
function MovementKind({
  list,
  refs,
  cells,
  onSelect,
}: {
  list: MovementList;
  refs: readonly string[];
  cells: ReadonlyMap<string, string>;
  onSelect: (cell: string) => void;
}) {
  const styles = useStyles();
  const [all, setAll] = useState(false);
  const shown = all ? refs : refs.slice(0, FIRST);
  const id = `since-${list}`;
  return (
    <div>
      <h3 id={id} className={styles.h3}>
        {MOVEMENT_LABELS[list]} ({count(refs.length)})
      </h3>
      <ul className={styles.refs} aria-labelledby={id}>
        {shown.map((name, i) => {
          const cell = list === 'removed' ? undefined : cells.get(name);
          return (
            <li key={`${name}-${i}`}>
              {cell ? (
                <Button size="small" aria-label={`${name}: go to its row`} onClick={() => onSelect(cell)}>
                  {name}
                </Button>
              ) : (
                <span>{name}</span>
              )}
            </li>
          );
        })}
      </ul>
      {refs.length > shown.length ? (
        <Button appearance="subtle" size="small" onClick={() => setAll(true)}>
          Show all {count(refs.length)}
        </Button>
      ) : null}
    </div>
  );
}

/** The counts and lists of a movement since the previous return. */
function Since({ movement, analysis, onSelect }: { movement: Movement; analysis: Analysis; onSelect: (cell: string) => void }) {
  const styles = useStyles();
  const cells = useMemo(() => cellsByName(analysis), [analysis]);
  const moved = MOVEMENT_LISTS.filter((l) => movement[l].length > 0);
  const still = MOVEMENT_LISTS.filter((l) => movement[l].length === 0).map((l) => MOVEMENT_LABELS[l].toLowerCase());
  const byText = movement.matched.filter((m) => m.how === 'text').length;
  return (
    <section aria-labelledby="since-heading" className={styles.root}>
      <h2 id="since-heading" className={styles.h2}>
        Since {longDate(movement.previousAsAt)}
      </h2>
      {hasMovement(movement) ? null : <p className={styles.note}>Nothing moved since the previous return.</p>}
      {moved.map((l) => (
        <MovementKind key={l} list={l} refs={movement[l]} cells={cells} onSelect={onSelect} />
      ))}
      <p className={styles.note}>
        {still.length > 0 ? `None under: ${still.join(', ')}. ` : ''}
        {count(movement.matched.length)} matched with the return as at {longDate(movement.previousAsAt)}
        {byText > 0 ? `, ${count(byText)} of them by recommendation text (renumbered or without a reference)` : ''}.
      </p>
    </section>
  );
}

/**
 * What moved since the previous return (SPEC, M2), after a run that keeps returns: the counts and references per
 * kind, each reference selecting its row; or one line saying why there is nothing to compare yet.
 */
export function SinceSection({
  movement,
  analysis,
  onSelect,
}: {
  movement: RunMovement;
  analysis: Analysis;
  onSelect: (cell: string) => void;
}) {
  const styles = useStyles();
  if (movement.kind === 'since') return <Since movement={movement.movement} analysis={analysis} onSelect={onSelect} />;
  return (
    <p className={styles.note} role="note">
      {movement.kind === 'first' ? 'Movement appears from the next return: this run is kept for comparison.' : movement.reason}
    </p>
  );
}
