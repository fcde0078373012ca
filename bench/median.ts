// Timing helpers for benchmarks: repeat, take the median (shared, noisy machines).
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Times `runs` calls of `fn`. With `node --expose-gc`, each run starts from a collected heap, so no run pays
 * for the garbage of the one before it (the same for every engine measured). */
export async function timeRuns(runs: number, fn: () => unknown | Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < runs; i++) {
    gc?.();
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

/**
 * A collected heap and a quiet process: with `node --expose-gc`, a full collection, then a wait (at most 40 steps of
 * 5 ms) until this process uses under a fifth of a core. `gc()` returns before V8's helper threads have swept what
 * it freed, and that sweeping is the previous run's garbage: a run timed by process CPU time right after `gc()` is
 * billed for it (measured on the 14-program catalog: about 0.15 µs a profile, a quarter of the floor's time).
 */
export async function collectedAndQuiet(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  gc();
  const STEP_MS = 5;
  for (let i = 0; i < 40; i++) {
    const before = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, STEP_MS));
    const used = process.cpuUsage(before);
    if ((used.user + used.system) / 1000 < STEP_MS / 5) return;
  }
}

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
