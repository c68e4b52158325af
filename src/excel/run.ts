import { HostError, type ChangeState } from '../core/errors';
import { isUndoNotSupported, toHostError } from './errors';

/** Tells the wrapper when a batch starts writing, so an error can say whether anything changed. */
export interface WriteTracker {
  markWriting(): void;
}

let queue: Promise<unknown> = Promise.resolve();

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

/**
 * The one way into Excel. Runs are queued one at a time; each waits for cell-edit mode to end,
 * merges into one undo step where the host can, and turns Office errors into HostErrors that say
 * what was and was not changed.
 */
export function runExcel<T>(
  batch: (context: Excel.RequestContext, tracker: WriteTracker) => Promise<T>,
  sheet?: string,
  /** The context of an earlier run that this run must reuse (removing an event handler). */
  reuse?: OfficeExtension.ClientRequestContext,
): Promise<T> {
  const next = queue.then(async () => {
    let changed: ChangeState = 'nothing';
    const tracker: WriteTracker = { markWriting: () => (changed = 'partial') };
    if (!supports(MIN_EXCEL_API, true)) {
      throw new HostError(
        'UnsupportedHost',
        `This version of Excel does not support what the add-in needs (ExcelApi ${MIN_EXCEL_API} or later: Microsoft 365, Excel 2021 or Excel on the web). Nothing was changed.`,
      );
    }
    // One click, one Ctrl+Z, where the host can merge a run's syncs (ExcelApi 1.20).
    const options: Excel.RunOptions = supports('1.20', false)
      ? { delayForCellEdit: true, mergeUndoGroup: true }
      : { delayForCellEdit: true };
    try {
      if (reuse) return await Excel.run(reuse, (context) => batch(context, tracker));
      try {
        return await Excel.run(options, (context) => batch(context, tracker));
      } catch (error) {
        // A call without undo support refuses the merged group (UndoNotSupported); the batch is written so
        // that none should, but a host may list more: run once more without the group, as Microsoft advises.
        if (!options.mergeUndoGroup || !isUndoNotSupported(error)) throw error;
        return await Excel.run({ delayForCellEdit: true }, (context) => batch(context, tracker));
      }
    } catch (error) {
      throw toHostError(error, changed, sheet);
    }
  });
  queue = next.catch(() => undefined);
  return next;
}
