import { useCallback, useEffect, useReducer } from 'react';
import type { PlanHost, WorkbookSettings } from '../core/host';
import { initialState, paneError, paneReducer, type Action } from './paneState';

const PARTS: Record<Action, { format: boolean; summary: boolean } | null> = {
  runAll: { format: true, summary: true },
  check: null,
  format: { format: true, summary: false },
  summary: { format: false, summary: true },
};

/** The pane's state and the actions that drive the host. */
export function usePlan(host: PlanHost) {
  const [state, dispatch] = useReducer(paneReducer, initialState);

  useEffect(() => {
    let stop: (() => void) | null = null;
    let live = true;
    host
      .loadSettings()
      .then((settings) => live && dispatch({ type: 'settingsLoaded', settings }))
      .catch(() => live && dispatch({ type: 'settingsLoaded', settings: {} }));
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
    async (action: Action, settings: WorkbookSettings = state.settings) => {
      dispatch({ type: 'start', action });
      try {
        const parts = PARTS[action];
        const result = parts ? await host.run(settings, parts) : await host.check(settings);
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

  return { state, run, saveSettings, select };
}
