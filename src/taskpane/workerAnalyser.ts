import { analyseLater } from '../excel/excelHost';
import type { Analyser } from '../core/host';
import type { AnalyseOptions, Analysis, SheetSnapshot } from '../core/types';

/** Sheets up to this many rows are analysed in the pane's thread: well under 100 ms, and a worker would cost more to start. */
export const INLINE_ROWS = 2000;

interface Job {
  snapshot: SheetSnapshot;
  options: AnalyseOptions;
  resolve: (a: Analysis) => void;
  reject: (e: Error) => void;
}

/**
 * An analyser that sends large snapshots to a web worker and answers small ones at once. If the worker
 * cannot start (an old webview, a blocked script) or fails to load (a 404 after a redeploy raises an
 * `error` event, never a message), waiting jobs and every later one run in the pane's thread instead.
 */
export function workerAnalyser(makeWorker: () => Worker): Analyser {
  let worker: Worker | null = null;
  let broken = false;
  let next = 0;
  const waiting = new Map<number, Job>();
  const inline = (job: Job) => {
    analyseLater(job.snapshot, job.options).then(job.resolve, (error: unknown) =>
      job.reject(error instanceof Error ? error : new Error(String(error))),
    );
  };
  const fallBack = () => {
    broken = true;
    worker?.terminate();
    worker = null;
    const jobs = [...waiting.values()];
    waiting.clear();
    jobs.forEach(inline);
  };
  const start = (): Worker => {
    if (worker) return worker;
    const w = makeWorker();
    w.onmessage = (e: MessageEvent<{ id: number; analysis?: Analysis; error?: string }>) => {
      const job = waiting.get(e.data.id);
      waiting.delete(e.data.id);
      if (e.data.analysis) job?.resolve(e.data.analysis);
      else job?.reject(new Error(e.data.error ?? 'The analysis worker failed.'));
    };
    w.onerror = (e: Event) => {
      e.preventDefault();
      fallBack();
    };
    w.onmessageerror = () => fallBack();
    worker = w;
    return w;
  };
  return async (snapshot, options) => {
    if (snapshot.values.length <= INLINE_ROWS || broken) return analyseLater(snapshot, options);
    let w: Worker;
    try {
      w = start();
    } catch {
      broken = true;
      return analyseLater(snapshot, options);
    }
    const id = ++next;
    return new Promise<Analysis>((resolve, reject) => {
      waiting.set(id, { snapshot, options, resolve, reject });
      w.postMessage({ id, snapshot, options });
    });
  };
}
