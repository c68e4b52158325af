// The core's analysis in a web worker, so a large sheet never blocks the pane (Office restarts an
// add-in that stops responding).
import { analyseSheet } from '../core/analyse';
import type { AnalyseOptions, SheetSnapshot } from '../core/types';

const scope = self as unknown as { onmessage: ((e: MessageEvent) => void) | null; postMessage: (message: unknown) => void };
scope.onmessage = (e: MessageEvent<{ id: number; snapshot: SheetSnapshot; options: AnalyseOptions }>) => {
  const { id, snapshot, options } = e.data;
  try {
    scope.postMessage({ id, analysis: analyseSheet(snapshot, options) });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
