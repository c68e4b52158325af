import type { HostError } from '../core/errors';
import type { RunResult, WorkbookSettings } from '../core/host';
import { count, plural } from './headline';

/** What the pane is doing. */
export type Phase = 'loading' | 'ready' | 'working' | 'done' | 'error';

/** Which button started the work. */
export type Action = 'runAll' | 'check' | 'format' | 'summary';

export interface PaneState {
  readonly phase: Phase;
  readonly action: Action | null;
  readonly result: RunResult | null;
  readonly error: { readonly message: string; readonly code: string } | null;
  /** True when the sheet changed after the last result. */
  readonly stale: boolean;
  readonly settings: WorkbookSettings;
  /** Text for the live region: what screen-reader users hear when work ends. */
  readonly announcement: string;
}

export type PaneEvent =
  | { type: 'settingsLoaded'; settings: WorkbookSettings }
  | { type: 'settingsChanged'; settings: WorkbookSettings }
  | { type: 'start'; action: Action }
  | { type: 'succeed'; result: RunResult }
  | { type: 'fail'; error: { message: string; code: string } }
  | { type: 'sheetChanged' };

export const initialState: PaneState = {
  phase: 'loading',
  action: null,
  result: null,
  error: null,
  stale: false,
  settings: {},
  announcement: '',
};

const ACTION_WORDS: Record<Action, string> = {
  runAll: 'Checked, formatted and summarised',
  check: 'Checked',
  format: 'Checked and formatted',
  summary: 'Checked and summarised',
};

/** What was found, in one sentence for the live region. */
export function describeResult(result: RunResult, action: Action): string {
  const { stats, table, sheet } = result.analysis;
  if (!table) return `No action-plan table found on ${sheet}.`;
  const errors = result.analysis.findings.filter((f) => f.severity === 'error').length;
  return `${ACTION_WORDS[action]} ${plural(stats.total, 'recommendation')} on ${sheet}: ${count(stats.completely)} met completely, ${count(stats.overdue)} overdue, ${count(stats.unrated)} unrated, ${plural(errors, 'error')} to fix.`;
}

/** The pane's state machine: pure, so it is tested without a browser. */
export function paneReducer(state: PaneState, event: PaneEvent): PaneState {
  switch (event.type) {
    case 'settingsLoaded':
      return { ...state, settings: event.settings, phase: state.phase === 'loading' ? 'ready' : state.phase };
    case 'settingsChanged':
      return { ...state, settings: event.settings, stale: state.result !== null };
    case 'start':
      return { ...state, phase: 'working', action: event.action, error: null, announcement: 'Working…' };
    case 'succeed':
      return {
        ...state,
        phase: 'done',
        result: event.result,
        stale: false,
        announcement: describeResult(event.result, state.action ?? 'check'),
      };
    case 'fail':
      return { ...state, phase: 'error', error: event.error, announcement: event.error.message };
    case 'sheetChanged':
      return state.result ? { ...state, stale: true } : state;
  }
}

/** The pane's view of any thrown error: HostErrors keep their code, anything else is "Unknown". */
export function paneError(error: unknown): { message: string; code: string } {
  const e = error as Partial<HostError> | null;
  if (e && typeof e.message === 'string' && typeof e.code === 'string') return { message: e.message, code: e.code };
  return {
    message: `Something went wrong: ${error instanceof Error ? error.message : String(error)}. Nothing was changed.`,
    code: 'Unknown',
  };
}
