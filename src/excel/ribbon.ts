import { HostError } from '../core/errors';
import { loadSettings, runPlan } from './excelHost';

/** Shows a short message in an Office dialog: the only way a ribbon command can speak to the user. */
function showMessage(title: string, text: string): void {
  const url = new URL('notice.html', window.location.href);
  url.searchParams.set('title', title);
  url.searchParams.set('text', text);
  try {
    Office.context.ui.displayDialogAsync(url.toString(), { height: 30, width: 30, displayInIframe: true });
  } catch {
    // No dialog support: the event is still completed below, so Excel never hangs on the button.
  }
}

/** Check, format, flag and summarise the active sheet, then show the summary sheet; errors are shown, never swallowed. */
export async function runSummary(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const settings = await loadSettings().catch(() => ({}));
    const result = await runPlan(settings, { format: true, summary: true }, undefined, { activateSummary: true });
    if (!result.analysis.table) {
      showMessage(
        'No action-plan table',
        `No action-plan table was found on "${result.analysis.sheet}". Nothing was changed. Open Home > Check plan to choose the header row and columns.`,
      );
    }
  } catch (error) {
    showMessage(
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
