import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import { formatLong, fromIso, isoFromDate } from '../../core/dates';
import type { RunResult, WorkbookSettings } from '../../core/host';
import { hasMovement, MOVEMENT_LABELS, MOVEMENT_LISTS, type Movement, type MovementList } from '../../core/figures/movement';
import type { Analysis } from '../../core/types';
import { count } from '../headline';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  h2: { fontSize: tokens.fontSizeBase400, margin: `${tokens.spacingVerticalS} 0 0` },
  h3: { fontSize: tokens.fontSizeBase300, margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}` },
  refs: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  error: { margin: 0, color: tokens.colorPaletteRedForeground1 },
  hidden: { display: 'none' },
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
  prefix,
  list,
  refs,
  cells,
  onSelect,
}: {
  prefix: string;
  list: MovementList;
  refs: readonly string[];
  cells: ReadonlyMap<string, string>;
  onSelect: (cell: string) => void;
}) {
  const styles = useStyles();
  const [all, setAll] = useState(false);
  const shown = all ? refs : refs.slice(0, FIRST);
  const id = `${prefix}-${list}`;
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
                <Button size="small" onClick={() => onSelect(cell)}>
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

/** The counts and lists of a movement since the previous return; `from` names the file it came from, if any. */
function Since({
  prefix,
  from,
  movement,
  analysis,
  onSelect,
}: {
  prefix: string;
  from?: string;
  movement: Movement;
  analysis: Analysis;
  onSelect: (cell: string) => void;
}) {
  const styles = useStyles();
  const cells = useMemo(() => cellsByName(analysis), [analysis]);
  const moved = MOVEMENT_LISTS.filter((l) => movement[l].length > 0);
  const still = MOVEMENT_LISTS.filter((l) => movement[l].length === 0).map((l) => MOVEMENT_LABELS[l].toLowerCase());
  const byText = movement.matched.filter((m) => m.how === 'text').length;
  return (
    <section aria-labelledby={`${prefix}-heading`} className={styles.root}>
      <h2 id={`${prefix}-heading`} className={styles.h2}>
        Since {longDate(movement.previousAsAt)}
        {from ? `, from ${from}` : ''}
      </h2>
      {hasMovement(movement) ? null : <p className={styles.note}>Nothing moved since the previous return.</p>}
      {moved.map((l) => (
        <MovementKind key={l} prefix={prefix} list={l} refs={movement[l]} cells={cells} onSelect={onSelect} />
      ))}
      <p className={styles.note}>
        {still.length > 0 ? `None under: ${still.join(', ')}. ` : ''}
        {count(movement.matched.length)} matched with the return as at {longDate(movement.previousAsAt)}
        {byText > 0 ? `, ${count(byText)} of them by recommendation text (renumbered or without a reference)` : ''}.
      </p>
    </section>
  );
}

type Compared =
  | { readonly state: 'reading'; readonly file: string }
  | { readonly state: 'done'; readonly file: string; readonly movement: Movement }
  | { readonly state: 'failed'; readonly file: string; readonly message: string };

/**
 * "Compare with a previous version...": the user picks the previous return's .xlsx; it is read and analysed in the
 * pane by a module loaded only then (the .xlsx reader stays out of the pane's first bundle), and its movement is
 * shown like the kept one's.
 */
function CompareWithFile({
  result,
  settings,
  onSelect,
}: {
  result: RunResult & { planSnapshot: NonNullable<RunResult['planSnapshot']> };
  settings: WorkbookSettings;
  onSelect: (cell: string) => void;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [compared, setCompared] = useState<{ of: object; value: Compared } | null>(null);
  // A new run (a new snapshot of this return) clears what an earlier one was compared with.
  const shown = compared?.of === result.planSnapshot ? compared.value : null;
  const pick = async (file: File | undefined) => {
    if (!file) return;
    setCompared({ of: result.planSnapshot, value: { state: 'reading', file: file.name } });
    try {
      const { movementFromFile } = await import(/* webpackChunkName: "compare" */ '../comparePrevious');
      // The previous return is read at its own as-at date (never the one chosen for this return), as the command does.
      const { asAt: _current, ...own } = settings;
      const options = { today: isoFromDate(new Date()), ...own };
      const levels = result.analysis.scale.map((l) => l.label);
      const { movement } = await movementFromFile(file, result.planSnapshot, levels, options);
      setCompared({ of: result.planSnapshot, value: { state: 'done', file: file.name, movement } });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setCompared({ of: result.planSnapshot, value: { state: 'failed', file: file.name, message } });
    } finally {
      if (input.current) input.current.value = '';
    }
  };
  return (
    <div className={styles.root}>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="Previous version (.xlsx file)"
        onChange={(e) => void pick(e.target.files?.[0])}
      />
      <Button size="small" disabledFocusable={shown?.state === 'reading'} onClick={() => input.current?.click()}>
        Compare with a previous version...
      </Button>
      {shown?.state === 'reading' ? (
        <p className={styles.note} role="status">
          Reading {shown.file}…
        </p>
      ) : null}
      {shown?.state === 'failed' ? (
        <p className={styles.error} role="alert">
          {shown.message}
        </p>
      ) : null}
      {shown?.state === 'done' ? (
        <Since prefix="file-since" from={shown.file} movement={shown.movement} analysis={result.analysis} onSelect={onSelect} />
      ) : null}
    </div>
  );
}

/**
 * What moved since the previous return (SPEC, M2), after a run: the kept return's movement (counts and references
 * per kind, each reference selecting its row), or one line saying why there is none yet; and "Compare with a
 * previous version..." for a return kept as a file.
 */
export function SinceSection({
  result,
  settings,
  onSelect,
}: {
  result: RunResult;
  settings: WorkbookSettings;
  onSelect: (cell: string) => void;
}) {
  const styles = useStyles();
  const { movement, planSnapshot, analysis } = result;
  return (
    <>
      {movement?.kind === 'since' ? <Since prefix="since" movement={movement.movement} analysis={analysis} onSelect={onSelect} /> : null}
      {movement && movement.kind !== 'since' ? (
        <p className={styles.note} role="note">
          {movement.kind === 'first' ? 'Movement appears from the next return: this run is kept for comparison.' : movement.reason}
        </p>
      ) : null}
      {planSnapshot ? <CompareWithFile result={{ ...result, planSnapshot }} settings={settings} onSelect={onSelect} /> : null}
    </>
  );
}
