import { useCallback, useEffect, useReducer } from 'react';
import type { CellSelection, PlanHost, WorkbookSettings } from '../core/host';
import { ACTION_PARTS, initialState, paneError, paneReducer, type Action } from './paneState';

/** The pane's state and the actions that drive the host. */
export function usePlan(host: PlanHost) {
  const [state, dispatch] = useReducer(paneReducer, initialState);

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
  }, [host]);

  const run = useCallback(
    /** `sheet` names the sheet to work on (Refresh: the one the results are about); without it, the active sheet. */
    async (action: Action, settings: WorkbookSettings = state.settings, sheet?: string) => {
      dispatch({ type: 'start', action });
      try {
        const parts = ACTION_PARTS[action];
        const result = parts ? await host.run(settings, parts, sheet) : await host.check(settings, sheet);
        dispatch({ type: 'succeed', result });
      } catch (error) {
        dispatch({ type: 'fail', error: paneError(error) });
      }
    },
    [host, state.settings],
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
