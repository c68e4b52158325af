import { FluentProvider, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { PlanHost } from '../core/host';
import { Actions } from './components/Actions';
import { AsAtField, asAtWords } from './components/AsAtField';
import { ErrorBar } from './components/ErrorBar';
import { PlanHeader } from './components/PlanHeader';
import { ViewTabs } from './components/ViewTabs';
import { fluentTheme, type PaneTheme } from './theme';
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

/**
 * The results (figures, ratings, chase list, findings, movement) are one chunk, fetched as the pane opens but
 * not waited for: the first screen is the buttons, and results need the analysis (loaded on demand too) anyway.
 */
const loadResults = () => import(/* webpackChunkName: "results" */ './components/results');
const Overview = lazy(() => loadResults().then((m) => ({ default: m.Overview })));
const Details = lazy(() => loadResults().then((m) => ({ default: m.Details })));

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
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  // Stale results are drained of colour, not faded: faded text would fall below 4.5:1 contrast. The buttons
  // between them keep theirs: they still work, and Check plan is one way to bring the results up to date.
  stale: { filter: 'grayscale(1)', outline: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`, outlineOffset: '4px' },
  live: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
  intro: { margin: 0 },
});

type View = 'results' | 'settings';

/**
 * Moves focus to the results heading once a run the user started from a button has finished (not before it
 * starts). The heading may appear after the run ends (its chunk still loading), so it is also focused on arrival.
 */
function useFocusAfterRun(phase: string) {
  const heading = useRef<HTMLHeadingElement | null>(null);
  const step = useRef<'idle' | 'armed' | 'running'>('idle');
  const phaseNow = useRef(phase);
  phaseNow.current = phase;
  const settle = useCallback(() => {
    if (phaseNow.current === 'done' && step.current === 'running' && heading.current) {
      step.current = 'idle';
      heading.current.focus();
    }
  }, []);
  useEffect(() => {
    if (phase === 'error') step.current = 'idle';
    else if (phase === 'working' && step.current === 'armed') step.current = 'running';
    else settle();
  });
  const ref = useCallback(
    (el: HTMLHeadingElement | null) => {
      heading.current = el;
      settle();
    },
    [settle],
  );
  return { ref, expect: () => (step.current = 'armed') };
}

type Plan = ReturnType<typeof usePlan>;

/** The results tab: the figures, the run buttons with the as-at date, then the details. */
function ResultsPanel({
  plan,
  open,
  headingRef,
  showResults,
  onOpenSettings,
}: {
  plan: Plan;
  open: boolean;
  headingRef: (el: HTMLHeadingElement | null) => void;
  showResults: () => void;
  onOpenSettings: () => void;
}) {
  const styles = useStyles();
  const { state, select } = plan;
  const result = state.result;
  const faded = mergeClasses(styles.part, state.stale && styles.stale);
  const onSelect = (cell: string) => result && void select(result.analysis.sheet, cell);
  return (
    <div
      role="tabpanel"
      id="panel-results"
      aria-labelledby="tab-results"
      hidden={!open}
      className={open ? styles.panel : undefined}
      aria-describedby={state.stale ? 'stale-note' : undefined}
    >
      {state.stale ? (
        <p id="stale-note" className={styles.live}>
          Results out of date: refresh to update them.
        </p>
      ) : null}
      {result ? (
        <Suspense fallback={null}>
          <div className={faded} data-results="figures">
            <Overview
              result={result}
              headingRef={headingRef}
              onOpenSettings={onOpenSettings}
              summarySheet={state.marks?.summary ?? null}
              onGoToSummary={(sheet) => void select(sheet, 'A1')}
            />
          </div>
        </Suspense>
      ) : (
        <p className={styles.intro}>Check the plan to see its figures, whom to chase and what to fix. Checking writes nothing.</p>
      )}
      <RunActions plan={plan} showResults={showResults} />
      {result ? (
        <Suspense fallback={null}>
          <div className={faded} data-results="details">
            <Details result={result} settings={state.settings} onSelect={onSelect} />
          </div>
        </Suspense>
      ) : null}
    </div>
  );
}

/** The run buttons, with what the first run will change and the as-at date field. */
function RunActions({ plan, showResults }: { plan: Plan; showResults: () => void }) {
  const { state, run, saveSettings } = plan;
  // Before the first write on this workbook (none of our marks yet), say what the whole job will change.
  const preview = state.marks && (state.marks.formatted || state.marks.summary) ? null : state.preview;
  const busy = state.phase === 'working';
  return (
    <Actions
      busy={busy}
      action={state.action}
      onRun={(a) => {
        showResults();
        void run(a);
      }}
      preview={preview}
    >
      <AsAtField
        value={state.settings.asAt}
        busy={busy}
        hint={asAtWords(state.result?.analysis ?? null, state.settings)}
        onAsAt={(asAt) => void saveSettings({ ...state.settings, ...(asAt ? { asAt } : { asAt: undefined }) }, true)}
      />
    </Actions>
  );
}

/** The settings tab: loaded and mounted from its first opening on, so a half-edited form survives a look at the results. */
function SettingsTab({ plan, open, seen, showResults }: { plan: Plan; open: boolean; seen: boolean; showResults: () => void }) {
  const { state, saveSettings, selection } = plan;
  return (
    <div role="tabpanel" id="panel-settings" aria-labelledby="tab-settings" hidden={!open}>
      {seen ? (
        <Suspense fallback={<p role="status">Loading settings…</p>}>
          <SettingsPanel
            analysis={state.result?.analysis ?? null}
            header={state.header}
            onPickHeaderRow={selection}
            onRecheck={(s) => void saveSettings(s, true)}
            settings={state.settings}
            onSave={(s) => {
              showResults();
              void saveSettings(s, true);
            }}
          />
        </Suspense>
      ) : null}
    </div>
  );
}

const TABS = [
  { value: 'results', label: 'Results' },
  { value: 'settings', label: 'Settings' },
] as const;

/** The task pane: it gets the host through props and never touches Office.js itself. */
export function App({ host, theme }: { host: PlanHost; theme: PaneTheme }) {
  const styles = useStyles();
  const plan = usePlan(host);
  const { state, run } = plan;
  const refresh = refreshAction(state);
  const [view, setView] = useState<View>('results');
  // Mounted from the first opening on, so a half-edited form survives a look at the results.
  const [settingsSeen, setSettingsSeen] = useState(false);
  if (view === 'settings' && !settingsSeen) setSettingsSeen(true);
  useEffect(() => void loadResults().catch(() => undefined), []);
  const focus = useFocusAfterRun(state.phase);
  const analysis = state.result?.analysis ?? null;
  const showResults = () => {
    focus.expect();
    setView('results');
  };
  return (
    <FluentProvider theme={fluentTheme(theme)}>
      <main className={styles.root} aria-label="Action Plan Checker">
        <div className={styles.live} aria-live="polite" role="status">
          {state.announcement}
        </div>
        <PlanHeader
          analysis={analysis}
          stale={state.stale}
          refresh={refresh}
          busy={state.phase === 'working'}
          onRefresh={() => {
            showResults();
            // The sheet the results are about, even when another is active now (after Go to summary).
            void run(refresh, undefined, analysis?.sheet);
          }}
        />
        {/* Above the tabs, so an error is seen (and heard) whichever view is open, settings included. */}
        {state.error ? <ErrorBar message={state.error.message} code={state.error.code} /> : null}
        <ViewTabs label="Views" tabs={TABS} value={view} onChange={setView} />
        <ResultsPanel
          plan={plan}
          open={view === 'results'}
          headingRef={focus.ref}
          showResults={showResults}
          onOpenSettings={() => setView('settings')}
        />
        <SettingsTab plan={plan} open={view === 'settings'} seen={settingsSeen} showResults={showResults} />
      </main>
    </FluentProvider>
  );
}
