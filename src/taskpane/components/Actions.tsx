import { Button, Field, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Action } from '../paneState';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
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

/** The primary one-click job and the three partial ones; while busy the buttons keep focus (disabledFocusable). */
export function Actions({ busy, action, onRun }: { busy: boolean; action: Action | null; onRun: (action: Action) => void }) {
  const styles = useStyles();
  const slow = useSlow(busy);
  return (
    <section className={styles.root} aria-label="Actions">
      <Button appearance="primary" disabledFocusable={busy} onClick={() => onRun('runAll')}>
        Check, format and summarise
      </Button>
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
