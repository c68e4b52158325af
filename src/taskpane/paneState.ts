import type { HostError } from '../core/errors';
import type { HeaderChoices } from '../core/read/headerChoices';
import type { OurMarks, RunParts, RunResult, WorkbookSettings } from '../core/host';
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
  /** What the primary action would change, from the latest check (read-only): shown before the first write. */
  readonly preview: readonly string[] | null;
  /** What of ours the workbook held at the latest check, updated by our writes. */
  readonly marks: OurMarks | null;
  /** The header row's cells with samples, for choosing columns by picking. */
  readonly header: HeaderChoices | null;
  /** The parts the pane last wrote in this session, which Refresh writes again. */
  readonly lastWrite: RunParts | null;
  /** The sheet changed while a run was working: its result may predate the change. */
  readonly changedWhileWorking: boolean;
}

export type PaneEvent =
  | { type: 'settingsLoaded'; settings: WorkbookSettings }
  | { type: 'settingsChanged'; settings: WorkbookSettings }
  | { type: 'start'; action: Action }
  | { type: 'succeed'; result: RunResult }
  | { type: 'fail'; error: { message: string; code: string } }
  | { type: 'sheetChanged' }
  | { type: 'probed'; result: RunResult };

export const initialState: PaneState = {
  phase: 'loading',
  action: null,
  result: null,
  error: null,
  stale: false,
  settings: {},
  announcement: '',
  preview: null,
  marks: null,
  header: null,
  lastWrite: null,
  changedWhileWorking: false,
};

/** The parts of the everyday job each button does; null for a read-only check. */
export const ACTION_PARTS: Readonly<Record<Action, RunParts | null>> = {
  runAll: { format: true, summary: true },
  check: null,
  format: { format: true, summary: false },
  summary: { format: false, summary: true },
};

/** Said once when results go stale, so screen-reader users know what the dimming means. */
export const STALE_ANNOUNCEMENT = 'The sheet has changed: the results shown are out of date. Refresh to update them.';

/** What Refresh does: the write the pane last did in this session (or the one whose marks the workbook holds), else a check. */
export function refreshAction(state: Pick<PaneState, 'lastWrite' | 'marks'>): Action {
  const format = (state.lastWrite?.format ?? false) || (state.marks?.formatted ?? false);
  const summary = (state.lastWrite?.summary ?? false) || (state.marks?.summary ?? null) !== null;
  if (format && summary) return 'runAll';
  if (format) return 'format';
  if (summary) return 'summary';
  return 'check';
}

/** The preview and header a check brings (a write's result leaves the preview as it was). */
function fromCheck(state: PaneState, result: RunResult): Pick<PaneState, 'preview' | 'marks' | 'header'> {
  return {
    preview: result.preview ?? state.preview,
    marks: result.marks ?? state.marks,
    header: result.header !== undefined ? result.header : state.header,
  };
}

/** Our marks after a write of `parts`: the rules and the summary sheet are there now. */
function marksAfter(marks: OurMarks | null, parts: RunParts, result: RunResult): OurMarks {
  return {
    formatted: (marks?.formatted ?? false) || (parts.format && result.analysis.table !== null),
    summary: result.summarySheet ?? marks?.summary ?? null,
  };
}

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
  return `${ACTION_WORDS[action]} ${plural(stats.total, 'recommendation')} on ${sheet}: ${count(stats.completely)} met completely, ${count(stats.overdue)} overdue, ${count(stats.unrated)} not rated, ${plural(errors, 'error')} to fix.`;
}

/** The pane's state machine: pure, so it is tested without a browser. */
export function paneReducer(state: PaneState, event: PaneEvent): PaneState {
  switch (event.type) {
    case 'settingsLoaded':
      return { ...state, settings: event.settings, phase: state.phase === 'loading' ? 'ready' : state.phase };
    case 'settingsChanged':
      return { ...state, settings: event.settings, stale: state.result !== null };
    case 'start':
      return { ...state, phase: 'working', action: event.action, error: null, announcement: 'Working…', changedWhileWorking: false };
    case 'succeed': {
      const parts = ACTION_PARTS[state.action ?? 'check'];
      const wrote = parts !== null && event.result.analysis.table !== null;
      return {
        ...state,
        ...fromCheck(state, event.result),
        ...(wrote ? { lastWrite: parts, marks: marksAfter(state.marks, parts, event.result) } : {}),
        phase: 'done',
        result: event.result,
        // A change during the run may not be in its result: keep it flagged.
        stale: state.changedWhileWorking,
        changedWhileWorking: false,
        announcement: describeResult(event.result, state.action ?? 'check'),
      };
    }
    case 'probed':
      return { ...state, ...fromCheck(state, event.result) };
    case 'fail':
      return {
        ...state,
        phase: 'error',
        error: event.error,
        announcement: event.error.message,
        stale: state.stale || (state.changedWhileWorking && state.result !== null),
        changedWhileWorking: false,
      };
    case 'sheetChanged':
      if (state.phase === 'working') return { ...state, changedWhileWorking: true };
      if (!state.result || state.stale) return state;
      return { ...state, stale: true, announcement: STALE_ANNOUNCEMENT };
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
