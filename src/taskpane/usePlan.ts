import { useCallback, useEffect, useReducer, useRef, type Dispatch } from 'react';
import type { CellSelection, PlanHost, WorkbookSettings } from '../core/host';
import { ACTION_PARTS, initialState, paneError, paneReducer, type Action, type PaneEvent, type PaneState } from './paneState';

/**
 * Loads the settings and checks quietly on opening, and listens for changes to the sheet, until the pane closes.
 */
function useOpening(host: PlanHost, dispatch: Dispatch<PaneEvent>): void {
  useEffect(() => {
    let stop: (() => void) | null = null;
    let live = true;
    const loaded = host
      .loadSettings()
      .catch(() => ({}))
      .then((settings) => {
        if (live) dispatch({ type: 'settingsLoaded', settings });
        return settings;
      });
    // A quiet check on opening, so the pane can say what the first run will change before anything is written.
    // Runs are queued one at a time by the host, so this never overlaps the user's first click.
    void loaded
      .then((settings) => (live ? host.check(settings) : null))
      .then((result) => live && result && dispatch({ type: 'probed', result }))
      .catch(() => undefined);
    host
      .onChange(() => dispatch({ type: 'sheetChanged' }))
      .then((remove) => (live ? (stop = remove) : remove()))
      .catch(() => undefined);
    return () => {
      live = false;
      stop?.();
    };
  }, [host, dispatch]);
}

/**
 * The sheet to work on when none is named: the active one, unless it is our own summary sheet (as after "Go to
 * summary"), where there is no plan to check: then the plan's sheet. Asks the host only in that case.
 */
function useSheetFor(host: PlanHost, state: PaneState): () => Promise<string | undefined> {
  const latest = useRef(state);
  latest.current = state;
  /** The last sheet on which a table was found: where a run goes when the active sheet is our summary sheet. */
  const planSheet = useRef<string | null>(null);
  if (state.result?.analysis.table) planSheet.current = state.result.analysis.sheet;
  return useCallback(async (): Promise<string | undefined> => {
    const ours = latest.current.marks?.summary ?? null;
    if (ours === null || planSheet.current === null || planSheet.current === ours) return undefined;
    const active = await host.selection().catch(() => null);
    return active?.sheet === ours ? planSheet.current : undefined;
  }, [host]);
}

/** The pane's state and the actions that drive the host. */
export function usePlan(host: PlanHost) {
  const [state, dispatch] = useReducer(paneReducer, initialState);
  const sheetFor = useSheetFor(host, state);
  useOpening(host, dispatch);

  const run = useCallback(
    /** `sheet` names the sheet to work on (Refresh: the one the results are about); without it, the active sheet (sheetFor). */
    async (action: Action, settings: WorkbookSettings = state.settings, sheet?: string) => {
      dispatch({ type: 'start', action });
      try {
        const parts = ACTION_PARTS[action];
        const target = sheet ?? (await sheetFor());
        const result = parts ? await host.run(settings, parts, target) : await host.check(settings, target);
        dispatch({ type: 'succeed', result });
      } catch (error) {
        dispatch({ type: 'fail', error: paneError(error) });
      }
    },
    [host, state.settings, sheetFor],
  );

  const saveSettings = useCallback(
    async (settings: WorkbookSettings, recheck: boolean) => {
      dispatch({ type: 'settingsChanged', settings });
      try {
        await host.saveSettings(settings);
      } catch (error) {
        dispatch({ type: 'fail', error: paneError(error) });
        return;
      }
      if (recheck) await run('check', settings);
    },
    [host, run],
  );

  const select = useCallback(
    async (sheet: string, cell: string) => {
      try {
        await host.select(sheet, cell);
      } catch (error) {
        dispatch({ type: 'fail', error: paneError(error) });
      }
    },
    [host],
  );

  /** The active cell in the sheet, for "use the selected row as header"; null (and the error shown) when it cannot be read. */
  const selection = useCallback(async (): Promise<CellSelection | null> => {
    try {
      return await host.selection();
    } catch (error) {
      dispatch({ type: 'fail', error: paneError(error) });
      return null;
    }
  }, [host]);

  return { state, run, saveSettings, select, selection };
}
