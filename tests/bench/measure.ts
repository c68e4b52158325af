/** Timing helpers for the benchmark harness (timing lives here, never in a test's assertions). */

/** Median of `runs` timings of `fn` in milliseconds, after one warm-up run. */
export async function median(fn: () => unknown, runs: number): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return Math.round((times[Math.floor(times.length / 2)] ?? 0) * 100) / 100;
}

/** Rounds to two decimals for the JSON lines. */
export const round = (x: number) => Math.round(x * 100) / 100;
