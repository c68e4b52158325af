import { analyseSheet } from '../core/analyse';
import type { Analyser } from '../core/host';
import type { Analysis } from '../core/types';

/** Sheets up to this many rows are analysed in the pane's thread: well under 100 ms, and a worker would cost more to start. */
export const INLINE_ROWS = 2000;

/**
 * An analyser that sends large snapshots to a web worker and answers small ones at once. If the worker
 * cannot start (an old webview, a blocked script), it falls back to the pane's thread.
 */
export function workerAnalyser(makeWorker: () => Worker): Analyser {
  let worker: Worker | null = null;
  let next = 0;
  const waiting = new Map<number, { resolve: (a: Analysis) => void; reject: (e: Error) => void }>();
  const start = (): Worker => {
    if (worker) return worker;
    const w = makeWorker();
    w.onmessage = (e: MessageEvent<{ id: number; analysis?: Analysis; error?: string }>) => {
      const job = waiting.get(e.data.id);
      waiting.delete(e.data.id);
      if (e.data.analysis) job?.resolve(e.data.analysis);
      else job?.reject(new Error(e.data.error ?? 'The analysis worker failed.'));
    };
    worker = w;
    return w;
  };
  return async (snapshot, options) => {
    if (snapshot.values.length <= INLINE_ROWS) return analyseSheet(snapshot, options);
    let w: Worker;
    try {
      w = start();
    } catch {
      return analyseSheet(snapshot, options);
    }
    const id = ++next;
    return new Promise<Analysis>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      w.postMessage({ id, snapshot, options });
    });
  };
}
