import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Action } from '../paneState';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  progress: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0 },
});

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

/** The primary one-click job and the three partial ones. */
export function Actions({ busy, action, onRun }: { busy: boolean; action: Action | null; onRun: (action: Action) => void }) {
  const styles = useStyles();
  const slow = useSlow(busy);
  return (
    <section className={styles.root} aria-label="Actions">
      <Button appearance="primary" disabled={busy} onClick={() => onRun('runAll')}>
        Check, format and summarise
      </Button>
      <div className={styles.row}>
        <Button disabled={busy} onClick={() => onRun('check')}>
          Check only
        </Button>
        <Button disabled={busy} onClick={() => onRun('format')}>
          Format
        </Button>
        <Button disabled={busy} onClick={() => onRun('summary')}>
          Summary sheet
        </Button>
      </div>
      {busy && slow ? (
        <p className={styles.progress}>
          <progress aria-label="Working" /> {action === 'check' ? 'Checking the plan…' : 'Working on the workbook…'}
        </p>
      ) : null}
    </section>
  );
}
