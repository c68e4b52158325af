import { HostError } from '../core/errors';
import { loadSettings, runPlan } from './excelHost';

/** The longest a ribbon command keeps its runtime alive for an open dialog (Office ends commands after about 5 minutes). */
export const DIALOG_WAIT_MS = 4 * 60 * 1000;

/**
 * One deadline from the click for everything the button does: a function command must call `completed` within
 * 5 minutes (Microsoft: "Create add-in commands", function commands), and its waits add up (a cell edit while the
 * settings are read, another while the sheet is read, then a dialog). 4.5 minutes leaves Office its margin.
 */
export const RIBBON_DEADLINE_MS = 4.5 * 60 * 1000;

/** A dialog shorter than this is not worth opening: the user could not read it before it closed. */
const MIN_DIALOG_MS = 5_000;

/**
 * Shows a short message in an Office dialog, the only way a ribbon command can speak to the user, and
 * resolves when the user closes it (or it cannot be shown). The command must not complete before then:
 * completing ends the function runtime and takes the dialog with it (office-js #428,
 * https://github.com/OfficeDev/office-js/issues/428).
 */
export function showMessage(title: string, text: string, waitMs = DIALOG_WAIT_MS): Promise<void> {
  const url = new URL('notice.html', window.location.href);
  url.searchParams.set('title', title);
  url.searchParams.set('text', text);
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, waitMs);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    try {
      Office.context.ui.displayDialogAsync(url.toString(), { height: 30, width: 30, displayInIframe: true }, (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          // 12007 (a dialog is already open), 12009 (the user blocked dialogs), 12011 (browser pop-up blocker):
          // there is nothing else a command can show; the message stays in the console for support.
          console.warn(`Action Plan Checker: ${title}: ${text} (dialog not shown: ${result.error?.code ?? 'unknown'})`);
          done();
          return;
        }
        // Any event (12006: closed with its X; 12002/12003: the page failed) ends the wait.
        result.value.addEventHandler(Office.EventType.DialogEventReceived, done);
      });
    } catch {
      // No dialog support at all: complete at once, so Excel never hangs on the button.
      done();
    }
  });
}

/**
 * Check, format, flag and summarise the active sheet, then show the summary sheet; errors are shown, never
 * swallowed. Everything happens before one deadline from the click (RIBBON_DEADLINE_MS): a dialog gets only the
 * time left, and when none is left the command completes and leaves the message in the console.
 */
export async function runSummary(event: Office.AddinCommands.Event, clock: () => number = Date.now): Promise<void> {
  const deadline = clock() + RIBBON_DEADLINE_MS;
  const tell = async (title: string, text: string) => {
    const left = deadline - clock();
    if (left < MIN_DIALOG_MS) console.warn(`Action Plan Checker: ${title}: ${text} (no time left to show it)`);
    else await showMessage(title, text, Math.min(DIALOG_WAIT_MS, left));
  };
  try {
    const settings = await loadSettings();
    const result = await runPlan(settings, { format: true, summary: true }, undefined, { activateSummary: true });
    if (!result.analysis.table) {
      await tell(
        'No action-plan table',
        `No action-plan table was found on "${result.analysis.sheet}". Nothing was changed. Open Home > Check plan to choose the header row and columns.`,
      );
    }
  } catch (error) {
    await tell(
      'Summary not written',
      error instanceof HostError ? error.message : `Something went wrong: ${String(error)}. Nothing was changed.`,
    );
  } finally {
    event.completed();
  }
}

/** Registers the ribbon functions once Office is ready. */
export function runRibbonSummary(): void {
  void Office.onReady(() => {
    Office.actions.associate('runSummary', runSummary);
  });
}
