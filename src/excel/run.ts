import { HostError, type ChangeState } from '../core/errors';
import { isUndoNotSupported, toHostError } from './errors';

/** Tells the wrapper how far a batch got: whether anything may have changed, and whether Excel has answered at all. */
export interface WriteTracker {
  /** Called before the first write is queued; throws when the run was given up while Excel waited for a cell edit. */
  markWriting(): void;
  /** Called after the first sync: Excel answered, so it is not (or no longer) waiting for a cell edit. */
  started(): void;
  /** True when this attempt runs inside a merged undo group (ExcelApi 1.20): its writes are one Ctrl+Z. */
  readonly oneUndoStep: boolean;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * How long a run waits for the user to leave a cell being edited. `delayForCellEdit` waits without any bound,
 * and a ribbon command must finish within Office's limit (about 5 minutes), so the run gives up with a message.
 */
export const CELL_EDIT_WAIT = { ms: 60_000 };

/** The Web Lock every run takes, so that runs from the pane and from the ribbon never overlap. */
export const RUN_LOCK = 'ActionPlanChecker.run';

/**
 * Runs `fn` holding RUN_LOCK. The pane and the ribbon command live in separate runtimes (separate pages, each
 * with its own memory), so the in-memory queue cannot order them; a Web Lock is shared by every same-origin
 * page of the same browser profile, which both runtimes are. Where the API is missing, only the queue orders runs.
 */
function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (!locks || typeof locks.request !== 'function') return fn();
  return locks.request(RUN_LOCK, { mode: 'exclusive' }, fn) as Promise<T>;
}

const CELL_EDIT_MESSAGE = (seconds: number) =>
  `Excel has been editing a cell for over ${seconds} seconds, so the add-in stopped waiting. Press Enter or Esc to leave the cell, then try again.`;

/** The requirement set the manifest asks for; checked again before each run, for hosts that load it anyway. */
export const MIN_EXCEL_API = '1.9';

/** Whether the host reports ExcelApi `version`; `unknown` is the answer when it cannot say (very old hosts throw). */
export function supports(version: string, unknown: boolean): boolean {
  try {
    return Office.context.requirements.isSetSupported('ExcelApi', version);
  } catch {
    return unknown;
  }
}

/** Whether a run may change the document: only a writing run asks for a merged undo group. */
export type RunMode = 'read' | 'write';

/**
 * Whether a grouped attempt that failed is worth one more try without the group. A call without undo support
 * refuses the group (UndoNotSupported) at any point; and `mergeUndoGroup` with `delayForCellEdit` has failed with
 * other codes on the web (office-js #6711, #6255, #6491), so any host error before the first write is retried
 * too: nothing was written, so nothing is done twice. Our own refusals (HostError: protected sheet, a cell
 * edit that never ended) are decisions, not host failures, and are not retried.
 */
function retryUngrouped(error: unknown, changed: ChangeState): boolean {
  if (isUndoNotSupported(error)) return true;
  return changed === 'nothing' && !(error instanceof HostError);
}

/**
 * The one way into Excel. Runs are queued one at a time; each waits for cell-edit mode to end,
 * merges a writing run into one undo step where the host can, and turns Office errors into HostErrors
 * that say what was and was not changed. A reading run (`mode: 'read'`) never asks for an undo group.
 */
export function runExcel<T>(
  batch: (context: Excel.RequestContext, tracker: WriteTracker) => Promise<T>,
  sheet?: string,
  /** The context of an earlier run that this run must reuse (removing an event handler). */
  reuse?: OfficeExtension.ClientRequestContext,
  mode: RunMode = 'write',
): Promise<T> {
  const next = queue.then(() =>
    exclusive(async () => {
      if (!supports(MIN_EXCEL_API, true)) {
        throw new HostError(
          'UnsupportedHost',
          `This version of Excel does not support what the add-in needs (ExcelApi ${MIN_EXCEL_API} or later: Microsoft 365, Excel 2021 or Excel on the web). Nothing was changed.`,
        );
      }
      // One click, one Ctrl+Z, where the host can merge a writing run's syncs (ExcelApi 1.20).
      const options: Excel.RunOptions =
        mode === 'write' && supports('1.20', false) ? { delayForCellEdit: true, mergeUndoGroup: true } : { delayForCellEdit: true };
      let changed: ChangeState = 'nothing';
      const attempt = (runOptions: Excel.RunOptions) =>
        boundedByCellEdit(
          (tracker) => Excel.run(runOptions, (context) => batch(context, tracker)),
          () => (changed = 'partial'),
          runOptions.mergeUndoGroup === true,
        );
      try {
        if (reuse)
          return await Excel.run(reuse, (context) =>
            batch(context, { markWriting: () => (changed = 'partial'), started: () => undefined, oneUndoStep: false }),
          );
        try {
          return await attempt(options);
        } catch (error) {
          if (!options.mergeUndoGroup || !retryUngrouped(error, changed)) throw error;
          return await attempt({ delayForCellEdit: true });
        }
      } catch (error) {
        throw toHostError(error, changed, sheet);
      }
    }),
  );
  queue = next.catch(() => undefined);
  return next;
}

/**
 * Runs `start` but gives up when Excel has not answered the first sync within CELL_EDIT_WAIT (it holds
 * requests while a cell is being edited). A run given up on can never write: when Excel finally lets it
 * through, its tracker refuses, so the "nothing was changed" said to the user stays true.
 */
async function boundedByCellEdit<T>(start: (tracker: WriteTracker) => Promise<T>, onWriting: () => void, oneUndoStep: boolean): Promise<T> {
  let answered = false;
  let abandoned = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const giveUp = new HostError('CellEditMode', `${CELL_EDIT_MESSAGE(Math.round(CELL_EDIT_WAIT.ms / 1000))} Nothing was changed.`);
  const tracker: WriteTracker = {
    oneUndoStep,
    markWriting: () => {
      if (abandoned) throw giveUp;
      onWriting();
    },
    started: () => {
      if (abandoned) throw giveUp;
      answered = true;
      clearTimeout(timer);
    },
  };
  const run = start(tracker);
  const waited = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      if (answered) return;
      abandoned = true;
      reject(giveUp);
    }, CELL_EDIT_WAIT.ms);
  });
  try {
    return await Promise.race([run, waited]);
  } finally {
    clearTimeout(timer);
    run.catch(() => undefined);
  }
}
