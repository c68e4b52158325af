import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { UndoStory } from '../../core/host';
import { count } from '../headline';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, overflowWrap: 'anywhere' },
  line: { margin: 0, display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: `0 ${tokens.spacingHorizontalS}` },
  title: { fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  // High contrast: the system's link colour, not the theme's yellow (which is meant for a black page).
  link: { '@media (forced-colors: active)': { color: 'LinkText' } },
});

/** How to take a run back, when the host gives no words of its own (the Excel adapter gives `undoWords`). */
export const UNDO_WORDS: Readonly<Record<UndoStory, string>> = {
  'one-step': 'Ctrl+Z undoes it in one step.',
  history: 'Excel cannot undo all of it in one step. Running it again is always safe.',
};

/**
 * What a write did, as one line ("Written, with 1 warning to review." and "What changed (6)", which opens the list
 * in plain words), then where to look next and how to go back.
 */
export function Written(props: {
  applied: readonly string[];
  bar: { title: string };
  undo: UndoStory | null;
  /** The host's own words for going back (keys of this platform, Version History only where the file has one). */
  undoWords?: string | undefined;
  summarySheet: string | null;
  onGoToSummary?: (sheet: string) => void;
}) {
  const styles = useStyles();
  // Open for this run's list only: the next run's line starts closed again.
  const [openFor, setOpenFor] = useState<readonly string[] | null>(null);
  const open = openFor === props.applied;
  const id = useId();
  const { summarySheet, onGoToSummary } = props;
  return (
    <div className={styles.root}>
      <p className={styles.line}>
        <span className={styles.title}>{props.bar.title}.</span>
        <Link
          as="button"
          className={styles.link}
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpenFor(open ? null : props.applied)}
        >
          What changed ({count(props.applied.length)})
        </Link>
      </p>
      <ul id={id} className={styles.list} aria-label="What changed" hidden={!open}>
        {props.applied.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {(summarySheet && onGoToSummary) || props.undo ? (
        <p className={styles.line}>
          {summarySheet && onGoToSummary ? (
            <Link as="button" className={styles.link} onClick={() => onGoToSummary(summarySheet)}>
              Go to summary
            </Link>
          ) : null}
          {props.undo ? <span>{props.undoWords ?? UNDO_WORDS[props.undo]}</span> : null}
        </p>
      ) : null}
    </div>
  );
}
