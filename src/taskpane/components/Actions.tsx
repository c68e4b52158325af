import { Button, Field, Link, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { UndoStory } from '../../core/host';
import type { Action } from '../paneState';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  preview: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
  after: { margin: 0, display: 'flex', flexWrap: 'wrap', gap: `0 ${tokens.spacingHorizontalM}`, overflowWrap: 'anywhere' },
  // High contrast: the system's link colour, not the theme's yellow (which is meant for a black page).
  link: { '@media (forced-colors: active)': { color: 'LinkText' } },
});

/** How to take a run back, in the host's terms. */
export const UNDO_WORDS: Readonly<Record<UndoStory, string>> = {
  'one-step': 'Ctrl+Z undoes it in one step.',
  history: 'To go back, run again or use File > Version history.',
};

/** Shows the spinner only for work that takes more than half a second, so quick runs do not flicker. */
function useSlow(busy: boolean): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!busy) {
      setSlow(false);
      return;
    }
    const timer = setTimeout(() => setSlow(true), 500);
    return () => clearTimeout(timer);
  }, [busy]);
  return slow;
}

/**
 * The primary one-click job and the three partial ones; while busy the buttons keep focus (disabledFocusable).
 * Before the first write it lists what the primary job will change; after a write, "Go to summary" and how to go back.
 */
export function Actions({
  busy,
  action,
  onRun,
  preview = null,
  summarySheet = null,
  undo = null,
  onGoToSummary,
}: {
  busy: boolean;
  action: Action | null;
  onRun: (action: Action) => void;
  /** What the primary job will change, or null when it is not to be shown (our marks are there already). */
  preview?: readonly string[] | null;
  /** Our summary sheet, when the workbook has one: "Go to summary" activates it. */
  summarySheet?: string | null;
  /** How to take back the write just done; null when the last result was not a write. */
  undo?: UndoStory | null;
  onGoToSummary?: (sheet: string) => void;
}) {
  const styles = useStyles();
  const slow = useSlow(busy);
  const showPreview = preview !== null && preview.length > 0;
  return (
    <section className={styles.root} aria-label="Actions">
      <Button
        appearance="primary"
        disabledFocusable={busy}
        onClick={() => onRun('runAll')}
        aria-describedby={showPreview ? 'write-preview' : undefined}
      >
        Check, format and summarise
      </Button>
      {showPreview ? (
        <div id="write-preview" className={styles.preview}>
          This will change:
          <ul className={styles.list} aria-label="What it will change">
            {preview.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {(summarySheet && onGoToSummary) || undo ? (
        <p className={styles.after}>
          {summarySheet && onGoToSummary ? (
            <Link as="button" className={styles.link} onClick={() => onGoToSummary(summarySheet)}>
              Go to summary
            </Link>
          ) : null}
          {undo ? <span>{UNDO_WORDS[undo]}</span> : null}
        </p>
      ) : null}
      <div className={styles.row}>
        <Button disabledFocusable={busy} onClick={() => onRun('check')}>
          Check only
        </Button>
        <Button disabledFocusable={busy} onClick={() => onRun('format')}>
          Format
        </Button>
        <Button disabledFocusable={busy} onClick={() => onRun('summary')}>
          Summary sheet
        </Button>
      </div>
      {busy && slow ? (
        <Field validationMessage={action === 'check' ? 'Checking the plan…' : 'Working on the workbook…'} validationState="none">
          <ProgressBar aria-label="Working" />
        </Field>
      ) : null}
    </section>
  );
}
