import { Button, Field, Input, makeStyles, MessageBar, MessageBarActions, MessageBarBody, tokens } from '@fluentui/react-components';
import type { WorkbookSettings } from '../../core/host';
import type { Analysis } from '../../core/types';
import { formatLong, fromIso } from '../../core/dates';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  where: { margin: 0 },
});

const SOURCE = { option: 'chosen by you', sheet: 'from the sheet title', assumed: 'today, assumed (no date in the sheet title)' } as const;

/** Where the plan is (sheet, table, count), the as-at date and where it came from, and a stale warning. */
export function PlanHeader(props: {
  analysis: Analysis | null;
  settings: WorkbookSettings;
  stale: boolean;
  busy: boolean;
  onAsAt: (asAt: string | null) => void;
  onRefresh: () => void;
}) {
  const styles = useStyles();
  const { analysis } = props;
  const table = analysis?.table;
  const asAtDay = analysis ? fromIso(analysis.asAt) : null;
  return (
    <header className={styles.root}>
      <h1 className={styles.title}>Action plan check</h1>
      {analysis ? (
        <p className={styles.where}>
          {table
            ? `${analysis.sheet}, ${table.firstColumn}${table.headerRow}:${table.lastColumn}${table.lastRow}, ${analysis.stats.total} recommendation${analysis.stats.total === 1 ? '' : 's'}`
            : `${analysis.sheet}: no action-plan table found`}
        </p>
      ) : (
        <p className={styles.where}>Open the sheet with your action plan, then check it.</p>
      )}
      <Field
        label="Position as at"
        hint={
          analysis && asAtDay !== null ? `${formatLong(asAtDay)}, ${SOURCE[analysis.asAtSource]}` : 'Taken from the sheet title, or today'
        }
      >
        <Input
          type="date"
          value={props.settings.asAt ?? ''}
          disabled={props.busy}
          onChange={(_e, data) => props.onAsAt(data.value || null)}
        />
      </Field>
      {props.stale ? (
        <MessageBar intent="warning">
          <MessageBarBody>The sheet has changed since these results.</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={props.onRefresh} disabled={props.busy}>
              Refresh
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
    </header>
  );
}
