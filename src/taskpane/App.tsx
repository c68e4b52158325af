import { FluentProvider, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { PlanHost } from '../core/host';
import { Actions } from './components/Actions';
import { ChaseSection } from './components/ChaseSection';
import { ErrorBar } from './components/ErrorBar';
import { FindingsList } from './components/FindingsList';
import { Overview } from './components/Overview';
import { PlanHeader } from './components/PlanHeader';
import { SinceSection } from './components/SinceSection';
import { ViewTabs } from './components/ViewTabs';
import { FLUENT_THEME, type PaneTheme } from './theme';
import { refreshAction } from './paneState';
import { usePlan } from './usePlan';

/**
 * Settings load on first opening (prefetched when the browser is idle): their dropdowns and column picker are a
 * fifth of the pane's code, and most runs never open them.
 */
const SettingsPanel = lazy(() =>
  import(/* webpackChunkName: "settings", webpackPrefetch: true */ './components/SettingsPanel').then((m) => ({
    default: m.SettingsPanel,
  })),
);

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
    // A Field's grid column may shrink below its control's widest option, so a long dropdown never widens the pane.
    '& .fui-Field': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // Stale results are drained of colour, not faded: faded text would fall below 4.5:1 contrast.
  stale: { filter: 'grayscale(1)', outline: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`, outlineOffset: '4px' },
  live: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

type View = 'results' | 'settings';

/** Moves focus to the results heading once a run the user started from a button has finished (not before it starts). */
function useFocusAfterRun(phase: string) {
  const heading = useRef<HTMLHeadingElement>(null);
  const step = useRef<'idle' | 'armed' | 'running'>('idle');
  useEffect(() => {
    if (phase === 'error') step.current = 'idle';
    else if (phase === 'working' && step.current === 'armed') step.current = 'running';
    else if (phase === 'done' && step.current === 'running' && heading.current) {
      step.current = 'idle';
      heading.current.focus();
    }
  });
  return { heading, expect: () => (step.current = 'armed') };
}

/** The task pane: it gets the host through props and never touches Office.js itself. */
export function App({ host, theme }: { host: PlanHost; theme: PaneTheme }) {
  const styles = useStyles();
  const { state, run, saveSettings, select, selection } = usePlan(host);
  const refresh = refreshAction(state);
  // Before the first write on this workbook (none of our marks yet), say what the primary action will change.
  const preview = state.marks && (state.marks.formatted || state.marks.summary) ? null : state.preview;
  const [view, setView] = useState<View>('results');
  // Mounted from the first opening on, so a half-edited form survives a look at the results.
  const [settingsSeen, setSettingsSeen] = useState(false);
  if (view === 'settings' && !settingsSeen) setSettingsSeen(true);
  const focus = useFocusAfterRun(state.phase);
  const analysis = state.result?.analysis ?? null;
  const show = (next: View) => () => {
    focus.expect();
    setView(next);
  };
  return (
    <FluentProvider theme={FLUENT_THEME[theme]}>
      <main className={styles.root} aria-label="Action Plan Checker">
        <div className={styles.live} aria-live="polite" role="status">
          {state.announcement}
        </div>
        <PlanHeader
          analysis={analysis}
          settings={state.settings}
          stale={state.stale}
          refresh={refresh}
          busy={state.phase === 'working'}
          onAsAt={(asAt) => void saveSettings({ ...state.settings, ...(asAt ? { asAt } : { asAt: undefined }) }, true)}
          onRefresh={() => {
            show('results')();
            // The sheet the results are about, even when another is active now (after Go to summary).
            void run(refresh, undefined, analysis?.sheet);
          }}
        />
        <Actions
          busy={state.phase === 'working'}
          action={state.action}
          onRun={(a) => {
            show('results')();
            void run(a);
          }}
          preview={preview}
          summarySheet={state.marks?.summary ?? null}
          undo={state.result?.undo ?? null}
          onGoToSummary={(sheet) => void select(sheet, 'A1')}
        />
        {state.error ? <ErrorBar message={state.error.message} code={state.error.code} /> : null}
        <ViewTabs
          label="Views"
          tabs={[
            { value: 'results', label: 'Results' },
            { value: 'settings', label: 'Settings' },
          ]}
          value={view}
          onChange={setView}
        />
        <div
          role="tabpanel"
          id="panel-results"
          aria-labelledby="tab-results"
          hidden={view !== 'results'}
          className={view === 'results' ? mergeClasses(styles.panel, state.stale && styles.stale) : undefined}
          aria-describedby={state.stale ? 'stale-note' : undefined}
        >
          {state.stale ? (
            <p id="stale-note" className={styles.live}>
              Results out of date: refresh to update them.
            </p>
          ) : null}
          {state.result ? (
            <Overview result={state.result} headingRef={focus.heading} onOpenSettings={() => setView('settings')} />
          ) : (
            <p>Check the plan to see its figures and findings here.</p>
          )}
          {state.result && analysis?.table ? (
            <SinceSection result={state.result} settings={state.settings} onSelect={(cell) => void select(analysis.sheet, cell)} />
          ) : null}
          {analysis?.table ? (
            <FindingsList
              key={`${analysis.sheet}-${analysis.findings.length}`}
              analysis={analysis}
              notes={state.result?.notes ?? []}
              onSelect={(cell) => void select(analysis.sheet, cell)}
            />
          ) : null}
          {analysis?.table ? <ChaseSection analysis={analysis} onSelect={(cell) => void select(analysis.sheet, cell)} /> : null}
        </div>
        <div role="tabpanel" id="panel-settings" aria-labelledby="tab-settings" hidden={view !== 'settings'}>
          {settingsSeen ? (
            <Suspense fallback={<p role="status">Loading settings…</p>}>
              <SettingsPanel
                analysis={analysis}
                header={state.header}
                onPickHeaderRow={selection}
                onRecheck={(s) => void saveSettings(s, true)}
                settings={state.settings}
                onSave={(s) => {
                  show('results')();
                  void saveSettings(s, true);
                }}
              />
            </Suspense>
          ) : null}
        </div>
      </main>
    </FluentProvider>
  );
}
