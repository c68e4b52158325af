import { FluentProvider, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens, webLightTheme } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

const REASONS = {
  'no-office': 'Office.js did not load: this page is open outside Excel, or Microsoft\u2019s Office.js service could not be reached.',
  timeout: 'Office did not answer within a few seconds; this pane will open by itself if it answers later.',
  'no-host': 'This page is open in a browser, not in Excel.',
  other: 'This add-in works in Excel only.',
} as const;

/** What the pane shows outside Excel: a clear next step instead of a spinner that never ends. */
export function NotInExcel({ reason }: { reason: keyof typeof REASONS }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root} aria-label="Action Plan Checker">
        <h1 style={{ fontSize: '1.25rem', margin: 0 }}>Action Plan Checker</h1>
        <MessageBar intent="info" role="status">
          <MessageBarBody>
            <MessageBarTitle>Open this in Excel</MessageBarTitle>
            {REASONS[reason]} Open your action plan workbook in Excel (desktop or on the web) and choose Home &gt; Check plan.
          </MessageBarBody>
        </MessageBar>
      </main>
    </FluentProvider>
  );
}
