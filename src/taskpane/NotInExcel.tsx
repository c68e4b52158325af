import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { Notice } from './components/Notice';
import { fluentTheme, type PaneTheme } from './theme';

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

const REASONS = {
  'no-office': 'Office.js did not load: this page is open outside Excel, or Microsoft\u2019s Office.js service could not be reached.',
  timeout: 'Office did not answer within a few seconds; this pane will open by itself if it answers later.',
  'no-host': 'This page is open in a browser, not in Excel.',
  other: 'This add-in works in Excel only.',
} as const;

/** What the pane shows outside Excel: a clear next step instead of a spinner that never ends, in the browser's theme. */
export function NotInExcel({ reason, theme = 'light' }: { reason: keyof typeof REASONS; theme?: PaneTheme }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={fluentTheme(theme)}>
      <main className={styles.root} aria-label="Action Plan Checker">
        <h1 className={styles.title}>Action Plan Checker</h1>
        <Notice intent="info" role="status" title="Open this in Excel.">
          {REASONS[reason]} Open your action plan workbook in Excel (desktop or on the web) and choose Home &gt; Check plan.
        </Notice>
      </main>
    </FluentProvider>
  );
}
