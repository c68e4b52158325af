import { analyseSheet } from '../core/analyse';
import { syntheticPlan } from '../../tests/fixtures/plans';
import { workerAnalyser } from './workerAnalyser';

const OPTIONS = { today: '2026-11-26' };
const big = () => ({ name: 'Plan', origin: 'A1', values: syntheticPlan(2100, { progressChars: [20, 40] }) });

/** A worker whose script never loads: like a 404 after a redeploy, it raises `error` and never answers. */
class MissingWorker {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  posted = 0;
  terminated = false;
  postMessage(): void {
    this.posted++;
    setTimeout(() => this.onerror?.({ preventDefault: () => undefined } as unknown as Event), 5);
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('the analysis worker', () => {
  test('a worker that fails to load falls back to the pane\u2019s thread: the run completes with the same analysis', async () => {
    const made: MissingWorker[] = [];
    const analyse = workerAnalyser(() => {
      const w = new MissingWorker();
      made.push(w);
      return w as unknown as Worker;
    });
    const snapshot = big();
    const result = await analyse(snapshot, OPTIONS);
    expect(result.stats.total).toBe(analyseSheet(snapshot, OPTIONS).stats.total);
    expect(made).toHaveLength(1);
    expect(made[0]?.terminated).toBe(true);
    // Later runs do not try the broken worker again.
    await analyse(snapshot, OPTIONS);
    expect(made).toHaveLength(1);
    expect(made[0]?.posted).toBe(1);
  });

  test('a worker that cannot even be created falls back at once', async () => {
    const analyse = workerAnalyser(() => {
      throw new Error('blocked');
    });
    const result = await analyse(big(), OPTIONS);
    expect(result.stats.total).toBe(2100);
  });
});
