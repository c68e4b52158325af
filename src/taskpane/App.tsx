import { FluentProvider, makeStyles, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { PlanHost } from '../core/host';
import { Actions } from './components/Actions';
import { ErrorBar } from './components/ErrorBar';
import { FindingsList } from './components/FindingsList';
import { Overview } from './components/Overview';
import { PlanHeader } from './components/PlanHeader';
import { SettingsPanel } from './components/SettingsPanel';
import { usePlan } from './usePlan';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    maxWidth: '100%',
  },
  live: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

/** The task pane: it gets the host through props and never touches Office.js itself. */
export function App({ host, theme }: { host: PlanHost; theme: 'light' | 'dark' }) {
  const styles = useStyles();
  const { state, run, saveSettings, select } = usePlan(host);
  const analysis = state.result?.analysis ?? null;
  return (
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme}>
      <main className={styles.root} aria-label="Action Plan Checker">
        <div className={styles.live} aria-live="polite" role="status">
          {state.announcement}
        </div>
        <PlanHeader
          analysis={analysis}
          settings={state.settings}
          stale={state.stale}
          busy={state.phase === 'working'}
          onAsAt={(asAt) => void saveSettings({ ...state.settings, ...(asAt ? { asAt } : { asAt: undefined }) }, true)}
          onRefresh={() => void run('check')}
        />
        <Actions busy={state.phase === 'working'} action={state.action} onRun={(a) => void run(a)} />
        {state.error ? <ErrorBar message={state.error.message} code={state.error.code} /> : null}
        {state.result ? <Overview result={state.result} /> : null}
        {analysis ? (
          <FindingsList analysis={analysis} notes={state.result?.notes ?? []} onSelect={(cell) => void select(analysis.sheet, cell)} />
        ) : null}
        <SettingsPanel analysis={analysis} settings={state.settings} onSave={(s) => void saveSettings(s, true)} />
      </main>
    </FluentProvider>
  );
}
