import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import type { Action } from '../paneState';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  wide: { whiteSpace: 'normal', height: 'auto', minHeight: '32px' },
  preview: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
  working: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  progress: { display: 'block', width: '100%' },
});

/** What each button says: the safe check first; the writing ones say what they write. */
export const ACTION_LABELS: Readonly<Record<Action, string>> = {
  check: 'Check plan',
  runAll: 'Write status, formats and summary',
  format: 'Write status and formats only',
  summary: 'Write summary sheet only',
};

/** Shows the progress bar only for work that takes more than half a second, so quick runs do not flicker. */
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
 * The buttons, after the answers: "Check plan" (reads, writes nothing) is the primary one; "Write status, formats
 * and summary" does the whole job and, before the first write on a workbook, lists what it will change; two
 * partial writes follow. While busy the buttons keep focus (disabledFocusable). `children` go first (the as-at date).
 */
export function Actions({
  busy,
  action,
  onRun,
  preview = null,
  children,
}: {
  busy: boolean;
  action: Action | null;
  onRun: (action: Action) => void;
  /** What the whole job will change, or null when it is not to be shown (our marks are there already). */
  preview?: readonly string[] | null;
  children?: ReactNode;
}) {
  const styles = useStyles();
  const slow = useSlow(busy);
  const showPreview = preview !== null && preview.length > 0;
  return (
    <section className={styles.root} aria-label="Actions">
      {children}
      <Button appearance="primary" disabledFocusable={busy} onClick={() => onRun('check')}>
        {ACTION_LABELS.check}
      </Button>
      <Button
        className={styles.wide}
        disabledFocusable={busy}
        onClick={() => onRun('runAll')}
        aria-describedby={showPreview ? 'write-preview' : undefined}
      >
        {ACTION_LABELS.runAll}
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
      <div className={styles.row}>
        <Button size="small" className={styles.wide} disabledFocusable={busy} onClick={() => onRun('format')}>
          {ACTION_LABELS.format}
        </Button>
        <Button size="small" className={styles.wide} disabledFocusable={busy} onClick={() => onRun('summary')}>
          {ACTION_LABELS.summary}
        </Button>
      </div>
      {busy && slow ? (
        <>
          <p className={styles.working} id="working-words">
            {action === 'check' ? 'Checking the plan…' : 'Working on the workbook…'}
          </p>
          <progress className={styles.progress} aria-labelledby="working-words" />
        </>
      ) : null}
    </section>
  );
}
